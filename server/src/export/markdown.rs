//! The readable report: title, date, questions, the harvest (themes ranked by dots,
//! commitments, feedback), then every round's tables and notes, then who sat where.

use std::collections::HashMap;
use std::fmt::Write;

use flamingo_protocol::{CafeExport, ExportNote, FeedbackAnswer, FeedbackKind, ThemeId};

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

    let theme_names: HashMap<ThemeId, &str> = data
        .themes
        .iter()
        .map(|t| (t.theme_id, t.name.as_str()))
        .collect();
    harvest(&mut out, data, &people, &theme_names);

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
                let theme = n.theme_id.and_then(|t| theme_names.get(&t).copied());
                note_item(&mut out, n, &byline(&people, n, theme));
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

/// The harvest: themes with their notes, commitments, and the feedback form's answers.
fn harvest(
    out: &mut String,
    data: &CafeExport,
    people: &People,
    theme_names: &HashMap<ThemeId, &str>,
) {
    out.push_str("## Harvest\n\n### Themes\n\n");
    if data.themes.is_empty() {
        out.push_str("No themes yet.\n\n");
    }
    let notes: HashMap<_, &ExportNote> = data.notes.iter().map(|n| (n.note_id, n)).collect();
    // `themes` comes ranked by dots, so the list's numbers are the ranking.
    for (i, t) in data.themes.iter().enumerate() {
        let _ = writeln!(
            out,
            "#### {}. {} · {}\n",
            i + 1,
            cell(&t.name),
            count(t.votes as usize, "dot")
        );
        // A hidden or deleted note is not exported, though it may still sit in the theme.
        let members: Vec<&ExportNote> = t
            .note_ids
            .iter()
            .filter_map(|id| notes.get(id).copied())
            .collect();
        if members.is_empty() {
            out.push_str("_No notes in this theme._\n\n");
            continue;
        }
        for n in members {
            note_item(out, n, &byline(people, n, None));
        }
        out.push('\n');
    }

    out.push_str("### Commitments\n\n");
    if data.commitments.is_empty() {
        out.push_str("No commitments recorded.\n\n");
    } else {
        for c in &data.commitments {
            let mut details = Vec::new();
            if let Some(owner) = &c.owner {
                details.push(format!("owner: {}", cell(owner)));
            }
            if let Some(due) = &c.due {
                details.push(format!("due {}", cell(due)));
            }
            let answers: Vec<String> = c
                .theme_ids
                .iter()
                .filter_map(|t| theme_names.get(t))
                .map(|name| cell(name))
                .collect();
            if !answers.is_empty() {
                details.push(format!("answers: {}", answers.join(", ")));
            }
            let body = text(&c.text).replace('\n', "\n  ");
            if details.is_empty() {
                let _ = writeln!(out, "- {body}");
            } else {
                let _ = writeln!(out, "- {body}  \n  — {}", details.join(" · "));
            }
        }
        out.push('\n');
    }

    out.push_str("### Feedback\n\n");
    let responses = &data.feedback.responses;
    if responses.is_empty() {
        out.push_str("No feedback yet.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "{} returned.\n",
        count(responses.len(), "feedback form")
    );
    for (i, q) in data.feedback.questions.iter().enumerate() {
        let _ = writeln!(out, "#### {}. {}\n", i + 1, cell(&q.prompt));
        let answers = responses.iter().filter_map(|r| r.get(i));
        match q.kind {
            FeedbackKind::Rating => ratings(out, answers),
            FeedbackKind::Text => texts(out, answers),
        }
    }
}

/// How many rated, the average to one decimal, and how the ratings spread over 1 to 5.
fn ratings<'a>(out: &mut String, answers: impl Iterator<Item = &'a FeedbackAnswer>) {
    let mut spread = [0usize; 5];
    for r in answers.filter_map(|a| a.rating) {
        if let Some(slot) = (r as usize).checked_sub(1).and_then(|i| spread.get_mut(i)) {
            *slot += 1;
        }
    }
    let n: usize = spread.iter().sum();
    if n == 0 {
        out.push_str("_No ratings._\n\n");
        return;
    }
    let sum: usize = spread.iter().enumerate().map(|(i, c)| (i + 1) * c).sum();
    let _ = writeln!(
        out,
        "{} · average {:.1} of 5\n",
        count(n, "answer"),
        sum as f64 / n as f64
    );
    out.push_str("| Rating | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n| Answers |");
    for c in spread {
        let _ = write!(out, " {c} |");
    }
    out.push_str("\n\n");
}

/// Every written answer, as a quoted list item; never with a name.
fn texts<'a>(out: &mut String, answers: impl Iterator<Item = &'a FeedbackAnswer>) {
    let mut any = false;
    for t in answers.filter_map(|a| a.text.as_deref()) {
        any = true;
        let body = text(t).replace('\n', "\n  ");
        let _ = writeln!(out, "- “{body}”");
    }
    out.push_str(if any { "\n" } else { "_No answers._\n\n" });
}

/// Who wrote a note (with their organisation, as the export's authors setting names them),
/// then its theme if given and its dots if any.
fn byline(people: &People, n: &ExportNote, theme: Option<&str>) -> String {
    let mut by = people.get(&n.author).map_or_else(
        || text(people.label(&n.author)),
        |a| match &a.organisation {
            Some(org) => format!("{} ({})", text(&a.label), text(org)),
            None => text(&a.label),
        },
    );
    if let Some(name) = theme {
        let _ = write!(by, " · theme: {}", cell(name));
    }
    if n.votes > 0 {
        let _ = write!(by, " · {}", count(n.votes as usize, "dot"));
    }
    by
}

/// A note as a list item, `by` on its second line.
fn note_item(out: &mut String, n: &ExportNote, by: &str) {
    // Continuation lines are indented so a multi-line note stays one list item.
    let body = text(&n.text).replace('\n', "\n  ");
    let _ = writeln!(out, "- {body}  \n  — {by}");
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
