//! From a note's text to the words that can say what it is about.
//!
//! Notes are short and mostly English, but may be in any language: words are split on anything
//! that is not a letter or digit (Unicode-aware) and lowercased; only English gets stopwords and
//! suffix stripping. Scripts written without spaces (Chinese, Japanese) come out as one token
//! per run of text, which only matches an identical run; segmenting them needs a dictionary.

/// One kept word: `stem` is what notes are compared by, `surface` the word as written
/// (lowercased), which names a theme better than a stem does.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub stem: String,
    pub surface: String,
}

/// The kept words of `text`, in order.
pub(super) fn words(text: &str) -> Vec<Word> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        // Two-letter words are nearly all function words or abbreviations too ambiguous to
        // group by; numbers (years, table numbers) say nothing about a theme.
        .filter(|w| w.chars().nth(2).is_some() && !w.chars().all(char::is_numeric))
        .filter(|w| !is_stopword(w))
        .map(|surface| Word {
            stem: stem(&surface),
            surface,
        })
        .collect()
}

/// Common English words, sorted so that lookup is a binary search (a test checks the order).
/// Also the leftovers of split contractions ("don't" gives "don") and words that fill notes
/// without saying anything ("think", "need", "more"); words of two letters are dropped anyway.
const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "and",
    "any",
    "are",
    "aren",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "cannot",
    "could",
    "couldn",
    "did",
    "didn",
    "does",
    "doesn",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "etc",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "hadn",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "into",
    "isn",
    "its",
    "itself",
    "just",
    "less",
    "let",
    "like",
    "lot",
    "lots",
    "make",
    "many",
    "maybe",
    "more",
    "most",
    "much",
    "must",
    "myself",
    "need",
    "needs",
    "nor",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "really",
    "same",
    "shall",
    "she",
    "should",
    "shouldn",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "through",
    "too",
    "under",
    "until",
    "very",
    "want",
    "was",
    "wasn",
    "way",
    "well",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won",
    "would",
    "wouldn",
    "yes",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// A light English suffix stripper, so that "bikes", "biking" and "bike" (or "cycle",
/// "cycling", "cycles") meet. A Snowball stemmer would conflate more, but the Rust ports
/// (`rust-stemmers`) have had no release since 2019 and bring thousands of lines of generated
/// code for what notes need: plurals, -ing, -ed and a silent final e. Both sides of a comparison
/// go through the same rules, so an odd stem ("bik") costs nothing; names use `surface`.
fn stem(word: &str) -> String {
    // Other alphabets and accented words are left alone rather than mangled by English rules.
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    let mut w = word.to_owned();
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() >= 3) {
        w = format!("{base}y");
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.len() > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s))
    {
        w.pop();
    }
    if ING_NOUNS.contains(&w.as_str()) {
        return w;
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w
            .strip_suffix(suffix)
            .filter(|b| b.len() >= 3 && has_vowel(b))
        {
            w = undouble(base).to_owned();
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Nouns in -ing that are not their verb: "parking" is not about a park, nor "evening" even.
const ING_NOUNS: &[&str] = &[
    "building", "ceiling", "clothing", "evening", "morning", "parking", "wedding",
];

fn has_vowel(word: &str) -> bool {
    word.bytes().any(|b| b"aeiouy".contains(&b))
}

/// "stopping" → "stop", but "filling" → "fill": the doubled l, s and z belong to the word.
fn undouble(word: &str) -> &str {
    let b = word.as_bytes();
    match b {
        [.., x, y] if x == y && !b"aeiouylsz".contains(x) => &word[..word.len() - 1],
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn forms_of_one_word_meet() {
        for group in [
            &["bike", "bikes", "biking"][..],
            &["cycle", "cycles", "cycling", "cycled"],
            &["library", "libraries"],
            &["lunch", "lunches"],
            &["open", "opening", "opened", "opens"],
            &["stop", "stopping", "stopped"],
            &["class", "classes"],
            &["fill", "filling"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("parking"), "parking");
        assert_eq!(stem("evenings"), "evening");
        assert_eq!(stem("this"), "this");
    }

    #[test]
    fn splits_lowercases_and_drops_noise() {
        assert_eq!(
            stems("We NEED more Bike-lanes!! in 2026, ok? Don't forget"),
            ["bik", "lan", "forget"]
        );
        assert_eq!(words("Café CAFÉ").len(), 2);
        assert_eq!(stems("Café"), ["café"]);
        assert!(words("").is_empty());
        assert!(words("🚲🚲🚲 !!! 12345 a an").is_empty());
        assert_eq!(stems("Велосипедные дорожки"), ["велосипедные", "дорожки"]);
    }
}
