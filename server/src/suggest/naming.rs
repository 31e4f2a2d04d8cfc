//! A suggestion's name: a short phrase a person wrote, not a list of stems. The group's most
//! representative note (the one closest to the group's centroid) is cut into clauses; the clause
//! that holds most of the group's characteristic words is kept, trimmed to the words around
//! them. "We need protected bike lanes on the main road" in a group about bike lanes gives
//! "Protected bike lanes".

use std::collections::HashMap;

use super::tokens::words;

/// Longer than this and it is a sentence, not a name a wall can show.
const MAX_WORDS: usize = 6;
/// Well under the theme name limit (80), so a facilitator can add to it.
const MAX_CHARS: usize = 60;

/// A phrase of `text` that carries the words `weight` scores (by stem), capitalised; `None`
/// when `text` holds none of them.
pub(super) fn phrase(text: &str, weight: &HashMap<String, f32>) -> Option<String> {
    let best = clauses(text)
        .map(|clause| {
            let scored: Vec<(&str, f32)> = clause
                .split_whitespace()
                .map(|w| (w, score(w, weight)))
                .collect();
            scored
        })
        .filter(|c| c.iter().any(|&(_, s)| s > 0.0))
        // Each word counted once: a clause is not better for saying "bike" twice.
        .map(|c| (distinct_score(&c, weight), c))
        .fold(None::<(f32, Vec<(&str, f32)>)>, |best, (s, c)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, c)),
        })?
        .1;
    let span = if best.len() <= MAX_WORDS {
        trimmed(&best, 0, best.len())
    } else {
        core(&best)
    };
    let phrase = span.join(" ");
    Some(capitalised(&cut(&phrase)))
}

/// Pieces of `text` between sentence and clause punctuation.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ';'
                | ':'
                | ','
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '“'
                | '”'
                | '—'
                | '–'
                | '…'
        ) || c.is_control()
            || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
    })
    .map(str::trim)
    .filter(|c| !c.is_empty())
}

/// What one written word ("lanes," or "don't") weighs: the weights of the terms in it.
fn score(word: &str, weight: &HashMap<String, f32>) -> f32 {
    words(word).iter().filter_map(|w| weight.get(&w.stem)).sum()
}

fn distinct_score(clause: &[(&str, f32)], weight: &HashMap<String, f32>) -> f32 {
    let mut stems: Vec<String> = clause
        .iter()
        .flat_map(|(w, _)| words(w))
        .map(|w| w.stem)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems.iter().filter_map(|s| weight.get(s)).sum()
}

/// A word that says something: not a stopword, a number or a two-letter word.
fn is_content(word: &str) -> bool {
    !words(word).is_empty()
}

/// `clause[from..to]` less the function words at either end ("we", "the", "on").
fn trimmed<'a>(clause: &[(&'a str, f32)], mut from: usize, mut to: usize) -> Vec<&'a str> {
    while from < to && !is_content(clause[from].0) {
        from += 1;
    }
    while to > from && !is_content(clause[to - 1].0) {
        to -= 1;
    }
    clause[from..to].iter().map(|(w, _)| *w).collect()
}

/// In a long clause: from its first weighted word to its last, the best `MAX_WORDS` of them
/// if that is still too long, then the content words just before ("protected" bike lanes),
/// which usually say which kind.
fn core<'a>(clause: &[(&'a str, f32)]) -> Vec<&'a str> {
    let weighted: Vec<usize> = (0..clause.len()).filter(|&i| clause[i].1 > 0.0).collect();
    let (Some(&first), Some(&last)) = (weighted.first(), weighted.last()) else {
        return trimmed(clause, 0, clause.len().min(MAX_WORDS));
    };
    let (mut from, to) = if last + 1 - first <= MAX_WORDS {
        (first, last + 1)
    } else {
        let window = |s: usize| -> f32 { clause[s..s + MAX_WORDS].iter().map(|w| w.1).sum() };
        let start = (first..=last + 1 - MAX_WORDS).fold(first, |best, s| {
            if window(s) > window(best) { s } else { best }
        });
        (start, start + MAX_WORDS)
    };
    while from > 0 && to - from < MAX_WORDS && is_content(clause[from - 1].0) {
        from -= 1;
    }
    trimmed(clause, from, to)
}

/// At most `MAX_CHARS`, cut at a space.
pub(super) fn cut(phrase: &str) -> String {
    if phrase.chars().count() <= MAX_CHARS {
        return phrase.to_owned();
    }
    let end = phrase
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(phrase.len(), |(i, _)| i);
    let head = &phrase[..end];
    head.rfind(' ').map_or(head, |i| &head[..i]).to_owned()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(pairs: &[(&str, f32)]) -> HashMap<String, f32> {
        pairs
            .iter()
            .flat_map(|(w, s)| words(w).into_iter().map(move |w| (w.stem, *s)))
            .collect()
    }

    #[test]
    fn keeps_the_words_around_the_groups_terms() {
        let w = weights(&[("bike", 1.0), ("lanes", 0.8)]);
        assert_eq!(
            phrase("We need protected bike lanes on the main road", &w).as_deref(),
            Some("Protected bike lanes")
        );
        assert_eq!(
            phrase(
                "Cycling to school feels dangerous, more bike lanes please",
                &w
            )
            .as_deref(),
            Some("Bike lanes please")
        );
        assert_eq!(phrase("nothing of the sort", &w), None);
    }

    #[test]
    fn a_short_clause_is_kept_whole_less_its_function_words() {
        let w = weights(&[("library", 1.0), ("hours", 0.5)]);
        assert_eq!(
            phrase("The library should open on Sundays.", &w).as_deref(),
            Some("Library should open on Sundays")
        );
        // Too long for a name: the weighted word and the content words just before it.
        assert_eq!(
            phrase("The library should open on Sunday afternoons.", &w).as_deref(),
            Some("Library")
        );
        assert_eq!(
            phrase("Longer library opening hours would be nice for us", &w).as_deref(),
            Some("Longer library opening hours")
        );
        assert_eq!(phrase("and the library!", &w).as_deref(), Some("Library"));
    }

    #[test]
    fn long_runs_are_cut_to_a_name() {
        let w = weights(&[("bicycle", 1.0), ("infrastructure", 1.0)]);
        let long = "bicycle infrastructure ".repeat(87);
        let name = phrase(&long, &w).expect("a phrase");
        assert!(name.split(' ').count() <= MAX_WORDS, "{name}");
        assert!(name.chars().count() <= MAX_CHARS, "{name}");
        let one_word = "x".repeat(200) + " bicycle";
        let name = phrase(&one_word, &w).expect("a phrase");
        assert!(name.chars().count() <= MAX_CHARS, "{name}");
    }
}
