//! Suggested theme groupings for the harvest: which notes seem to be about the same thing.
//!
//! Pure and deterministic: notes → words (`tokens`) → TF-IDF vectors (`vectors`) →
//! average-linkage clusters cut at a cosine similarity (`cluster`) → suggestions named by a
//! phrase of their most representative note (`naming`). The
//! facilitator accepts or ignores them, so a missed grouping costs little and a wrong one costs
//! their attention: the threshold stops where groups begin to join through incidental words.

mod cluster;
mod naming;
mod tokens;
mod vectors;

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use vectors::Doc;

/// One note the facilitator has not yet put in a theme.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteText<'a> {
    pub id: Uuid,
    pub text: &'a str,
}

/// A suggested theme: a short phrase from its most representative note, its most
/// characteristic words, and its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub name: String,
    pub terms: Vec<String>,
    pub note_ids: Vec<Uuid>,
}

/// Average cosine similarity at which two groups still merge. Chosen on the tests' labelled
/// café notes (30 notes, 5 subjects, 5 strays): short notes on one subject score 0.1–0.4
/// (often through one shared word), so at 0.2 only 19 % of same-subject pairs end up together,
/// at 0.1 45 %, at 0.06 79 %, and the share of grouped pairs that are right stays 73–76 %. But
/// the wrong pairs grow in number (4 at 0.2, 8 at 0.1, 13 at 0.08, 17 at 0.06: notes joined by
/// one incidental word such as "time" or "local"), and a suggestion with a stray note in it
/// costs the facilitator more than a missed one, hence 0.1.
const THRESHOLD: f32 = 0.1;

/// More would not be read: a facilitator sorts a wall of notes into a handful of themes, and
/// the smallest clusters past the first dozen are pairs that happened to share a word.
const MAX_SUGGESTIONS: usize = 12;

/// Only the first notes are grouped: the similarity triangle grows with the square of their
/// number (4,000 distinct notes: 32 MB), and no harvest is that large.
const MAX_NOTES: usize = 4_000;

/// Words per suggestion in `terms`; the name takes the leading ones.
const TERMS: usize = 5;
const NAME_TERMS: usize = 3;

/// Deterministic: the same notes in the same order give the same suggestions.
///
/// Suggestions come largest first (then by their first note's place in `notes`), each with
/// its notes in input order; a note is in one suggestion at most, and notes with no usable
/// words in none. Only the first 4,000 notes are considered.
pub fn suggest(notes: &[NoteText<'_>]) -> Vec<Suggestion> {
    let notes = &notes[..notes.len().min(MAX_NOTES)];
    let corpus = vectors::corpus(notes.iter().map(|n| n.text));
    let linking: Vec<_> = corpus.docs.iter().map(|d| d.linking.clone()).collect();
    let weights: Vec<u32> = corpus.docs.iter().map(|d| d.notes.len() as u32).collect();
    let mut groups: Vec<Vec<&Doc>> = cluster::average_linkage(&linking, &weights, THRESHOLD)
        .into_iter()
        .map(|docs| docs.iter().filter_map(|&d| corpus.docs.get(d)).collect())
        .collect();
    let first_note = |g: &Vec<&Doc>| g.iter().flat_map(|d| d.notes.first()).min().copied();
    let size = |g: &Vec<&Doc>| g.iter().map(|d| d.notes.len()).sum::<usize>();
    groups.retain(|g| size(g) >= 2);
    groups.sort_by_key(|g| (Reverse(size(g)), first_note(g)));
    groups
        .iter()
        .take(MAX_SUGGESTIONS)
        .map(|g| {
            let terms = characteristic_terms(g);
            let mut members: Vec<usize> = g.iter().flat_map(|d| d.notes.iter().copied()).collect();
            members.sort_unstable();
            let surface = |t: u32| corpus.surfaces.get(t as usize).cloned().unwrap_or_default();
            let weights: HashMap<String, f32> = terms
                .iter()
                .filter_map(|&(t, s)| Some((corpus.stems.get(t as usize)?.clone(), s)))
                .collect();
            let name = representative(g)
                .and_then(|d| notes.get(*d.notes.first()?))
                .and_then(|n| naming::phrase(n.text, &weights))
                .unwrap_or_else(|| naming::cut(&joined(&terms, &surface)));
            Suggestion {
                name,
                terms: terms.iter().map(|&(t, _)| surface(t)).collect(),
                note_ids: members.iter().map(|&i| notes[i].id).collect(),
            }
        })
        .collect()
}

/// The note closest to the group's centroid (its naming vectors summed, each once per note it
/// stands for); on a tie, the one that came first.
fn representative<'a>(group: &[&'a Doc]) -> Option<&'a Doc> {
    let mut centroid: BTreeMap<u32, f32> = BTreeMap::new();
    for doc in group {
        for &(t, w) in &doc.naming {
            *centroid.entry(t).or_default() += w * doc.notes.len() as f32;
        }
    }
    let closeness = |d: &Doc| -> f32 {
        d.naming
            .iter()
            .map(|(t, w)| w * centroid.get(t).copied().unwrap_or(0.0))
            .sum()
    };
    let mut best: Option<(&Doc, f32)> = None;
    for doc in group {
        let c = closeness(doc);
        let better =
            best.is_none_or(|(b, bc)| c > bc || (c == bc && doc.notes.first() < b.notes.first()));
        if better {
            best = Some((doc, c));
        }
    }
    best.map(|(d, _)| d)
}

/// The group's words by summed TF-IDF weight over its notes, with their scores. Only words
/// in at least two of its notes, when there are any: one note's rare word would otherwise
/// outweigh the word they share.
fn characteristic_terms(group: &[&Doc]) -> Vec<(u32, f32)> {
    // BTreeMap: equal scores keep term order (first appearance), not a hasher's order.
    let mut score: BTreeMap<u32, (f32, usize)> = BTreeMap::new();
    for doc in group {
        let copies = doc.notes.len();
        for &(t, w) in &doc.naming {
            let e = score.entry(t).or_default();
            e.0 += w * copies as f32;
            e.1 += copies;
        }
    }
    let shared = score.values().any(|&(_, notes)| notes >= 2);
    let mut ranked: Vec<(u32, f32)> = score
        .into_iter()
        .filter(|&(_, (_, notes))| !shared || notes >= 2)
        .map(|(t, (s, _))| (t, s))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(TERMS);
    ranked
}

/// When the note holds none of the group's words as written: the leading words that score
/// at least half the first, as a weak third word is noise, not a better name.
fn joined(terms: &[(u32, f32)], surface: &impl Fn(u32) -> String) -> String {
    let top = terms.first().map_or(0.0, |(_, s)| *s);
    terms
        .iter()
        .take(NAME_TERMS)
        .filter(|(_, s)| *s >= top / 2.0)
        .map(|&(t, _)| surface(t))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests;
