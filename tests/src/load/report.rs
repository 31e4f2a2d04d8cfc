//! The figures of a run: a readable table, then one JSON line with the same figures.

use serde_json::{Map, Value, json};

use super::histogram::Summary;

#[derive(Debug, Default)]
pub struct Report {
    rows: Vec<(String, String)>,
    json: Map<String, Value>,
}

impl Report {
    pub fn new(scenario: &str) -> Self {
        let mut r = Self::default();
        r.json.insert("scenario".into(), json!(scenario));
        r
    }

    /// A figure under `key` (dotted: `flamingo.notes.p99_ms`), shown as `label`.
    pub fn add(&mut self, key: &str, label: &str, value: impl Into<Value>) {
        let value = value.into();
        self.rows.push((label.to_owned(), show(&value)));
        self.json.insert(key.to_owned(), value);
    }

    pub fn latency(&mut self, key: &str, label: &str, s: Summary) {
        self.rows.push((
            label.to_owned(),
            format!(
                "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (n={})",
                s.p50_ms, s.p99_ms, s.max_ms, s.n
            ),
        ));
        self.json.insert(key.to_owned(), s.json());
    }

    /// A figure from the JSON, for the ratios and the test.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.json.get(key)
    }

    pub fn f64(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(Value::as_f64)
    }

    pub fn json_line(&self) -> String {
        Value::Object(self.json.clone()).to_string()
    }

    pub fn table(&self) -> String {
        let width = self.rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        self.rows
            .iter()
            .map(|(l, v)| format!("{l:<width$}  {v}\n"))
            .collect()
    }

    pub fn print(&self) {
        print!("{}", self.table());
        println!("{}", self.json_line());
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => format!("{f:.2}"),
            _ => n.to_string(),
        },
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `a / b`, rounded to two places; none when `b` is zero.
pub fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| (a / b * 100.0).round() / 100.0)
}
