//! Notes as TF-IDF vectors over their words.
//!
//! Identical notes (the same words, however punctuated or cased) become one document that
//! remembers how many notes it stands for: they belong together whatever their words are,
//! and counting document frequencies over distinct documents keeps a note pasted ten times
//! from making its own words look "too common" to group by.

use std::collections::HashMap;

use super::tokens::words;

/// A sparse vector: (term id, weight), sorted by term id, L2-normalised.
pub(super) type Sparse = Vec<(u32, f32)>;

/// One distinct note text.
#[derive(Debug)]
pub(super) struct Doc {
    /// The input indices of the notes with this text, in input order.
    pub notes: Vec<usize>,
    /// Without the too-common terms: compared by cosine similarity.
    pub linking: Sparse,
    /// Over every term: says what a group is about.
    pub naming: Sparse,
}

#[derive(Debug)]
pub(super) struct Corpus {
    pub docs: Vec<Doc>,
    /// The word to show for each term id: its most frequent written form.
    pub surfaces: Vec<String>,
    /// Each term id's stem, to find a term's words in a note again.
    pub stems: Vec<String>,
}

/// Below this many distinct notes every repeated word may link notes: in a small café a word
/// in most notes is the theme, not noise.
const SMALL_CORPUS: usize = 20;

pub(super) fn corpus<'a>(texts: impl Iterator<Item = &'a str>) -> Corpus {
    let mut vocabulary = Vocabulary::default();
    let mut docs: Vec<Doc> = Vec::new();
    let mut counts_of: Vec<Vec<(u32, u32)>> = Vec::new();
    // Lookups only, never iterated: ids come from first appearance, so the result does not
    // depend on the hasher's seed.
    let mut by_counts: HashMap<Vec<(u32, u32)>, usize> = HashMap::new();
    for (i, text) in texts.enumerate() {
        let mut terms: Vec<u32> = words(text).iter().map(|w| vocabulary.id(w)).collect();
        if terms.is_empty() {
            continue;
        }
        terms.sort_unstable();
        let counts = run_lengths(&terms);
        match by_counts.get(&counts) {
            Some(&d) => docs[d].notes.push(i),
            None => {
                by_counts.insert(counts.clone(), docs.len());
                docs.push(Doc {
                    notes: vec![i],
                    linking: Vec::new(),
                    naming: Vec::new(),
                });
                counts_of.push(counts);
            }
        }
    }

    let n = docs.len();
    let mut df = vec![0u32; vocabulary.surfaces.len()];
    for counts in &counts_of {
        for &(t, _) in counts {
            df[t as usize] += 1;
        }
    }
    // Smooth idf (as if one more document held every term): never zero, never infinite.
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    // A term in more than half of the documents joins everything. Terms in one document join
    // nothing but stay in the norm: a note that says much else besides the word it shares is
    // less like the other note than one that says only that word.
    let max_df = if n < SMALL_CORPUS { n } else { n / 2 };
    let links = |t: u32| df[t as usize] as usize <= max_df;
    for (doc, counts) in docs.iter_mut().zip(&counts_of) {
        // Sublinear tf: a word said three times in one note is not three times the topic.
        let weighted = counts
            .iter()
            .map(|&(t, c)| (t, (1.0 + (c as f32).ln()) * idf[t as usize]));
        doc.naming = normalised(weighted.clone().collect());
        doc.linking = normalised(weighted.filter(|&(t, _)| links(t)).collect());
    }
    Corpus {
        docs,
        stems: vocabulary.stems(),
        surfaces: vocabulary.surfaces(),
    }
}

/// (term, occurrences) from sorted term ids.
fn run_lengths(sorted: &[u32]) -> Vec<(u32, u32)> {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for &t in sorted {
        match counts.last_mut() {
            Some((last, c)) if *last == t => *c += 1,
            _ => counts.push((t, 1)),
        }
    }
    counts
}

fn normalised(mut v: Sparse) -> Sparse {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 && norm.is_finite() {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
        v
    } else {
        Vec::new()
    }
}

#[derive(Debug, Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Per term, its written forms with their counts, in order of first appearance.
    surfaces: Vec<Vec<(String, u32)>>,
}

impl Vocabulary {
    fn id(&mut self, word: &super::tokens::Word) -> u32 {
        let next = self.surfaces.len() as u32;
        let id = *self.ids.entry(word.stem.clone()).or_insert(next);
        if id == next {
            self.surfaces.push(Vec::new());
        }
        let forms = &mut self.surfaces[id as usize];
        match forms.iter_mut().find(|(s, _)| *s == word.surface) {
            Some((_, c)) => *c += 1,
            None => forms.push((word.surface.clone(), 1)),
        }
        id
    }

    fn stems(&self) -> Vec<String> {
        let mut stems = vec![String::new(); self.surfaces.len()];
        for (stem, &id) in &self.ids {
            stems[id as usize] = stem.clone();
        }
        stems
    }

    /// The most frequent form of each term; on a tie, the one seen first.
    fn surfaces(self) -> Vec<String> {
        self.surfaces
            .into_iter()
            .map(|forms| {
                let mut best: Option<(String, u32)> = None;
                for (s, c) in forms {
                    if best.as_ref().is_none_or(|(_, b)| c > *b) {
                        best = Some((s, c));
                    }
                }
                best.map(|(s, _)| s).unwrap_or_default()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_notes_share_a_document_and_blank_ones_have_none() {
        let c = corpus(["Bike lanes!", "", "bike LANES", "🚲", "school meals"].into_iter());
        assert_eq!(c.docs.len(), 2);
        assert_eq!(c.docs[0].notes, [0, 2]);
        assert_eq!(c.docs[1].notes, [4]);
    }

    #[test]
    fn vectors_are_unit_length_and_rarer_terms_weigh_more() {
        let c = corpus(["bike lanes downtown", "safer bike paths", "school meals"].into_iter());
        for d in &c.docs {
            let norm: f32 = d.naming.iter().map(|(_, w)| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
        let [(bike, b), (lanes, l), _] = c.docs[0].linking[..] else {
            panic!("{:?}", c.docs[0]);
        };
        assert_eq!(
            (
                c.surfaces[bike as usize].as_str(),
                c.surfaces[lanes as usize].as_str()
            ),
            ("bike", "lanes")
        );
        assert!(b < l);
    }

    #[test]
    fn terms_in_more_than_half_of_a_large_corpus_do_not_link() {
        let texts: Vec<String> = (0..30).map(|i| format!("café topic{}", i % 20)).collect();
        let c = corpus(texts.iter().map(String::as_str));
        assert_eq!(c.docs.len(), 20);
        assert_eq!(c.surfaces[0], "café");
        assert!(
            c.docs
                .iter()
                .all(|d| d.linking.iter().all(|&(t, _)| t != 0))
        );
        assert!(c.docs.iter().all(|d| d.naming.iter().any(|&(t, _)| t == 0)));
    }

    #[test]
    fn a_term_is_shown_in_its_most_frequent_form() {
        let c = corpus(["biking here", "bikes there", "bikes again", "bikes"].into_iter());
        assert_eq!(c.surfaces[0], "bikes");
        let c = corpus(["biking", "bikes"].into_iter());
        assert_eq!(c.surfaces[0], "biking");
    }
}
