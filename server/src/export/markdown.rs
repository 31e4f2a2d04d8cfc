//! The readable report: title, date, questions, the harvest (themes ranked by score,
//! commitments, feedback), then every round's tables and notes, then who sat where.

use std::collections::HashMap;
use std::fmt::Write;

use flamingo_protocol::{CafeExport, ExportNote, FeedbackAnswer, FeedbackKind, ThemeId};

use super::{People, minute};

pub fn report(data: &CafeExport) -> String {
    let people = People::of(data);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&data.title));
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
            cell(&r.question),
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
        let _ = writeln!(out, "## Round {}: {}\n", r.round, cell(&r.question));
        if r.tables.is_empty() {
            out.push_str("_This round did not take place._\n\n");
            continue;
        }
        for t in &r.tables {
            let host = t.host.as_deref().map_or("no host".to_string(), |h| {
                format!("hosted by {}", cell(people.label(h)))
            });
            let _ = writeln!(out, "### Table {} · {host}\n", t.table);
            let seated: Vec<String> = t.members.iter().map(|m| cell(people.label(m))).collect();
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
    // `themes` comes ranked by score, so the list's numbers are the ranking.
    for (i, t) in data.themes.iter().enumerate() {
        let _ = writeln!(
            out,
            "#### {}. {} · {}\n",
            i + 1,
            cell(&t.name),
            count(t.score as usize, "dot")
        );
        if t.score > t.votes {
            let _ = writeln!(
                out,
                "{} on the theme, {} on its notes.\n",
                count(t.votes as usize, "dot"),
                t.score - t.votes
            );
        }
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
        || cell(people.label(&n.author)),
        |a| match &a.organisation {
            Some(org) => format!("{} ({})", cell(&a.label), cell(org)),
            None => cell(&a.label),
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
/// emphasis, a code block, a table cell, an entity or HTML in whatever renders the report.
/// Characters that only mean something at the start of a line are escaped only there, so the
/// text stays readable. Every kind of line break ends a line here (CommonMark's `\r`, `\r\n`
/// and `\n`, and the ones other renderers honour), and lines lose their leading spaces, which
/// would make a code block; what comes out has `\n` line ends only.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in lines(s).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        for (j, c) in body.chars().enumerate() {
            let at_start = j == 0 && matches!(c, '#' | '+' | '-' | '=' | '>');
            let numbered = j == digits && digits > 0 && matches!(c, '.' | ')');
            if at_start
                || numbered
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// `s` split at every line break: `\r\n` as one, and each of `\n`, `\r`, vertical tab, form
/// feed, NEL, and the Unicode line and paragraph separators.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.char_indices().find(|&(_, c)| is_break(c)) {
            None => {
                rest = None;
                Some(r)
            }
            Some((at, c)) => {
                let after = if r[at..].starts_with("\r\n") {
                    at + 2
                } else {
                    at + c.len_utf8()
                };
                rest = Some(&r[after..]);
                Some(&r[..at])
            }
        }
    })
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text in a table cell: escaped, on one line.
fn cell(s: &str) -> String {
    text(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    use super::*;

    #[test]
    fn typed_markup_stays_text() {
        assert_eq!(
            text("# <b>hi</b> [x](http://e) *y* &amp;"),
            "\\# \\<b\\>hi\\</b\\> \\[x\\](http://e) \\*y\\* \\&amp;"
        );
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        // Only where a line starts do these mean something.
        assert_eq!(text("well-known, 1. ok"), "well-known, 1. ok");
        assert_eq!(text("- item\n 2. two\n+ x"), "\\- item\n2\\. two\n\\+ x");
    }

    /// Every line break a person's text may hold.
    const BREAKS: [&str; 8] = [
        "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
    ];

    /// What a CommonMark renderer makes of `md`: the block and inline structure it found
    /// (as tag names), and the text it would show, with line breaks as `\n`.
    fn render(md: &str) -> (Vec<String>, String) {
        let mut tags = Vec::new();
        let mut shown = String::new();
        for event in Parser::new(md) {
            match event {
                Event::Start(tag) => tags.push(tag_name(&tag)),
                Event::Text(t) => shown.push_str(&t),
                Event::SoftBreak | Event::HardBreak => shown.push('\n'),
                Event::End(TagEnd::Paragraph | TagEnd::Item) => shown.push('\n'),
                Event::End(_) => {}
                Event::Html(h) | Event::InlineHtml(h) => tags.push(format!("html {h}")),
                other => tags.push(format!("{other:?}")),
            }
        }
        (tags, shown)
    }

    fn tag_name(tag: &Tag) -> String {
        match tag {
            Tag::Heading { level, .. } => format!("heading {level}"),
            Tag::List(start) => format!("list {start:?}"),
            other => format!("{other:?}")
                .split([' ', '(', '{'])
                .next()
                .unwrap_or("")
                .to_owned(),
        }
    }

    /// Words that a renderer would turn into markup, on their own lines and inline.
    fn hostile(br: &str) -> String {
        [
            "intro",
            "# heading",
            "===",
            "---",
            "> quoted",
            "1. listed",
            "    indented code",
            "```",
            "<b>bold</b> &lt;b&gt; &amp; &#60;",
            "[link](http://x.test) <http://x.test>",
            "*em* _em_ `code` | cell |",
        ]
        .join(br)
    }

    #[test]
    fn every_line_break_kind_and_entity_renders_as_the_persons_text() {
        for br in BREAKS {
            let typed = hostile(br);
            let expected: String = hostile("\n")
                .lines()
                .map(str::trim_start)
                .collect::<Vec<_>>()
                .join("\n");
            // Alone, as a paragraph.
            let (tags, shown) = render(&text(&typed));
            assert_eq!(tags, ["Paragraph"], "{br:?}");
            assert_eq!(shown.trim_end(), expected, "{br:?}");
            // As a note in the report: one list item, whatever the note holds.
            let mut out = String::new();
            let note = flamingo_protocol::ExportNote {
                note_id: uuid::Uuid::nil(),
                round: 1,
                table: 1,
                author: "P1".into(),
                posted_at: 0,
                edited_at: None,
                text: typed.clone(),
                theme_id: None,
                votes: 0,
            };
            note_item(&mut out, &note, &cell(&typed));
            let (tags, shown) = render(&out);
            assert_eq!(tags, ["list None", "Item"], "{br:?}:\n{out}");
            assert!(shown.starts_with(&expected), "{br:?}: {shown:?}");
            // In a heading (a theme's name), on one line.
            let (tags, shown) = render(&format!("#### 1. {}", cell(&typed)));
            assert_eq!(tags, ["heading h4"], "{br:?}");
            assert_eq!(
                shown,
                format!("1. {}", expected.replace('\n', " ")),
                "{br:?}"
            );
        }
    }

    #[test]
    fn text_has_only_newline_line_ends() {
        for br in BREAKS {
            let out = text(&format!("a{br}b{br}{br}c"));
            assert_eq!(out, "a\nb\n\nc", "{br:?}");
        }
    }
}
