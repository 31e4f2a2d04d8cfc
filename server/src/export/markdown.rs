//! The readable report: title, date, questions, then every round's tables and notes, then who
//! sat where.

use std::fmt::Write;

use flamingo_protocol::CafeExport;

use super::{People, minute};

pub fn report(data: &CafeExport) -> String {
    let people = People::of(data);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text(&data.title));
    let _ = writeln!(
        out,
        "Café `{}` · {} · {} · {}\n",
        data.join_code,
        minute(data.created_at),
        count(data.participants.len(), "participant"),
        count(data.notes.len(), "note")
    );

    out.push_str("## Questions\n\n");
    for r in &data.rounds {
        let _ = writeln!(
            out,
            "{}. {} ({} min)",
            r.round,
            text(&r.question),
            r.minutes
        );
    }
    out.push('\n');

    for r in &data.rounds {
        let _ = writeln!(out, "## Round {}: {}\n", r.round, text(&r.question));
        if r.tables.is_empty() {
            out.push_str("_This round did not take place._\n\n");
            continue;
        }
        for t in &r.tables {
            let host = t.host.as_deref().map_or("no host".to_string(), |h| {
                format!("hosted by {}", text(people.label(h)))
            });
            let _ = writeln!(out, "### Table {} · {host}\n", t.table);
            let seated: Vec<String> = t.members.iter().map(|m| text(people.label(m))).collect();
            let _ = writeln!(out, "At the table: {}\n", seated.join(", "));
            let notes: Vec<_> = data
                .notes
                .iter()
                .filter(|n| n.round == r.round && n.table == t.table)
                .collect();
            if notes.is_empty() {
                out.push_str("_No notes._\n\n");
                continue;
            }
            for n in notes {
                let by = people.get(&n.author).map_or_else(
                    || text(people.label(&n.author)),
                    |a| match &a.organisation {
                        Some(org) => format!("{} ({})", text(&a.label), text(org)),
                        None => text(&a.label),
                    },
                );
                // Continuation lines are indented so a multi-line note stays one list item.
                let body = text(&n.text).replace('\n', "\n  ");
                let _ = writeln!(out, "- {body}  \n  — {by}");
            }
            out.push('\n');
        }
    }

    let played: Vec<_> = data
        .rounds
        .iter()
        .filter(|r| !r.tables.is_empty())
        .collect();
    if !played.is_empty() {
        out.push_str("## Who sat where\n\n| Participant |");
        for r in &played {
            let _ = write!(out, " Round {} |", r.round);
        }
        out.push_str("\n|---|");
        for _ in &played {
            out.push_str("---|");
        }
        out.push('\n');
        for p in &data.participants {
            let _ = write!(out, "| {} |", cell(&p.label));
            for r in &played {
                let seat = r.tables.iter().find(|t| t.members.contains(&p.key)).map_or(
                    "–".to_string(),
                    |t| {
                        if t.host.as_deref() == Some(p.key.as_str()) {
                            format!("{} (host)", t.table)
                        } else {
                            t.table.to_string()
                        }
                    },
                );
                let _ = write!(out, " {seat} |");
            }
            out.push('\n');
        }
    }
    out
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// People's words as Markdown text: nothing they type becomes a heading, a list, a link,
/// emphasis, a table cell or HTML in whatever renders the report. Characters that only mean
/// something at the start of a line are escaped only there, so the text stays readable.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.replace("\r\n", "\n").split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        for (j, c) in body.chars().enumerate() {
            let at_start = j == 0 && matches!(c, '#' | '+' | '-' | '=' | '>');
            let numbered = j == digits && digits > 0 && matches!(c, '.' | ')');
            if at_start
                || numbered
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Text in a table cell: escaped, on one line.
fn cell(s: &str) -> String {
    text(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_markup_stays_text() {
        assert_eq!(
            text("# <b>hi</b> [x](http://e) *y*"),
            "\\# \\<b\\>hi\\</b\\> \\[x\\](http://e) \\*y\\*"
        );
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        // Only where a line starts do these mean something.
        assert_eq!(text("well-known, 1. ok"), "well-known, 1. ok");
        assert_eq!(text("- item\n 2. two\n+ x"), "\\- item\n 2\\. two\n\\+ x");
    }
}
