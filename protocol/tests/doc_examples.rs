//! Every JSON example in `docs/protocol.md` must be something the types accept, with no field
//! the types do not know: the document is written for people building clients from it alone,
//! so an example that drifted from the types is a bug there.
//!
//! Checked: every ```json block, and every `→ {...}` (client) and `← {...}` (server) line of
//! the worked example's transcripts.

use flamingo_protocol::view::BroadcastView;
use flamingo_protocol::{
    Auth, CafeExport, CafeView, ClientMessage, CoFacilitatorKey, Command, Commitment,
    CreateCafeRequest, CreateCafeResponse, ErrorBody, FeedbackView, NoteView, ParticipantInfo,
    PhaseView, PublicCafeInfo, RoundSpec, SeatingView, ServerMessage, TableSeats, ThemeSuggestions,
    ThemeView, Update, VotingView,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

const DOC: &str = include_str!("../../docs/protocol.md");

/// Whether `example` reads as a `T` and says nothing `T` would drop: everything in it is still
/// there, unchanged, after a round trip (fields `T` adds, such as defaults, are fine).
fn reads_as<T: DeserializeOwned + Serialize>(example: &Value) -> bool {
    let Ok(parsed) = serde_json::from_value::<T>(example.clone()) else {
        return false;
    };
    let Ok(back) = serde_json::to_value(&parsed) else {
        return false;
    };
    within(example, &back)
}

/// `a` is `b` or a part of it.
fn within(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => a
            .iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| within(v, w))),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(v, w)| within(v, w))
        }
        _ => a == b,
    }
}

/// Tagged messages must be one of the tagged types; anything else one of the shared types.
fn known(example: &Value) -> bool {
    if example.get("type").is_some() {
        return reads_as::<ServerMessage>(example)
            || reads_as::<ClientMessage>(example)
            || reads_as::<Command>(example)
            || reads_as::<Update>(example);
    }
    if *example == serde_json::json!({ "status": "ok" }) {
        // `GET /healthz`: not a protocol type.
        return true;
    }
    reads_as::<ErrorBody>(example)
        || reads_as::<CreateCafeRequest>(example)
        || reads_as::<CreateCafeResponse>(example)
        || reads_as::<PublicCafeInfo>(example)
        || reads_as::<CafeExport>(example)
        || reads_as::<CafeView>(example)
        || reads_as::<PhaseView>(example)
        || reads_as::<RoundSpec>(example)
        || reads_as::<ParticipantInfo>(example)
        || reads_as::<TableSeats>(example)
        || reads_as::<SeatingView>(example)
        || reads_as::<NoteView>(example)
        || reads_as::<BroadcastView>(example)
        || reads_as::<ThemeView>(example)
        || reads_as::<VotingView>(example)
        || reads_as::<Commitment>(example)
        || reads_as::<FeedbackView>(example)
        || reads_as::<ThemeSuggestions>(example)
        || reads_as::<CoFacilitatorKey>(example)
        || reads_as::<Auth>(example)
}

/// Every example with the line it starts on.
fn examples() -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut block: Option<(usize, String)> = None;
    for (i, line) in DOC.lines().enumerate() {
        let n = i + 1;
        match &mut block {
            Some(_) if line.trim_start().starts_with("```") => {
                out.extend(block.take());
            }
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None if line.trim_start() == "```json" => block = Some((n, String::new())),
            None => {}
        }
        if let Some(json) = line.strip_prefix("→ ").or_else(|| line.strip_prefix("← ")) {
            out.push((n, json.to_owned()));
        }
    }
    assert!(block.is_none(), "a ```json block is not closed");
    out
}

#[test]
fn every_example_matches_the_types() {
    let examples = examples();
    assert!(
        examples.len() > 100,
        "only {} examples found",
        examples.len()
    );
    let wrong: Vec<String> = examples
        .iter()
        .filter_map(|(line, text)| match serde_json::from_str::<Value>(text) {
            Err(e) => Some(format!("line {line}: not JSON: {e}")),
            Ok(v) if !known(&v) => Some(format!("line {line}: no protocol type reads it as is")),
            Ok(_) => None,
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} examples in docs/protocol.md do not match the types:\n{}",
        wrong.len(),
        examples.len(),
        wrong.join("\n")
    );
}

#[test]
fn transcripts_are_sent_by_the_right_side() {
    for (n, line) in DOC.lines().enumerate() {
        let (json, client) = match (line.strip_prefix("→ "), line.strip_prefix("← ")) {
            (Some(j), _) => (j, true),
            (_, Some(j)) => (j, false),
            _ => continue,
        };
        let v: Value = serde_json::from_str(json).expect("transcript lines are JSON");
        let ok = if client {
            reads_as::<ClientMessage>(&v)
        } else {
            reads_as::<ServerMessage>(&v)
        };
        assert!(
            ok,
            "line {}: not a {} message",
            n + 1,
            if client { "client" } else { "server" }
        );
    }
}
