//! Schedules with no repeated encounter by construction, as the search's starting point.
//!
//! A registry of constructions, tried in order: the affine construction (`affine.rs`, any
//! room, complete affine planes for q² people at q tables) first, then the resolvable designs
//! of the literature checked in as data (`known.rs`: Kirkman triple systems, tables of 4 up to
//! the social golfers' 32 people for 10 rounds). The first that repeats nobody over all the
//! café's rounds is used; when none does, the one that goes furthest, and the search does the
//! rest. To add a construction, give it a `zero_rounds` and a `table` and list it in
//! `Design::new`.

mod affine;
mod field;
mod known;

use affine::Affine;
use known::{KNOWN, Known};

enum Kind {
    Affine(Affine),
    Known(&'static Known),
}

/// Table positions 0..k for seat positions 0..seats, round by round.
pub(crate) struct Design {
    kind: Kind,
    zero_rounds: usize,
}

impl Design {
    /// The construction for `seats` seat positions at `k` tables over `rounds` rounds.
    pub fn new(seats: usize, k: usize, rounds: usize) -> Self {
        let affine = Affine::new(seats, k);
        let candidates = std::iter::once(Self {
            zero_rounds: affine.zero_rounds(),
            kind: Kind::Affine(affine),
        })
        .chain(
            KNOWN
                .iter()
                .filter(|d| d.tables == k && d.balanced_for(seats))
                .map(|d| Self {
                    kind: Kind::Known(d),
                    zero_rounds: d.rounds.len(),
                }),
        );
        let mut chosen: Option<Self> = None;
        for c in candidates {
            if c.zero_rounds >= rounds {
                return c;
            }
            if chosen
                .as_ref()
                .is_none_or(|b| c.zero_rounds > b.zero_rounds)
            {
                chosen = Some(c);
            }
        }
        chosen.unwrap_or_else(|| Self {
            kind: Kind::Affine(Affine::new(seats, k)),
            zero_rounds: 0,
        })
    }

    /// How many rounds, from the first, repeat nobody.
    #[cfg(test)]
    pub fn zero_rounds(&self) -> usize {
        self.zero_rounds
    }

    /// The table of seat `position` in round `round` (rounds count from 0).
    pub fn table(&self, position: usize, round: usize) -> usize {
        match &self.kind {
            Kind::Affine(a) => a.table(position, round),
            Kind::Known(d) => d.table(position, round),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many pairs meet more than once in `rounds` rounds of `d`, and whether every round
    /// keeps sizes within one.
    fn check(d: &Design, n: usize, k: usize, rounds: usize) -> (usize, bool) {
        let mut met = std::collections::HashMap::new();
        let mut balanced = true;
        for r in 0..rounds {
            let mut sizes = vec![0; k];
            for a in 0..n {
                sizes[d.table(a, r)] += 1;
                for b in a + 1..n {
                    if d.table(a, r) == d.table(b, r) {
                        *met.entry((a, b)).or_insert(0) += 1;
                    }
                }
            }
            let (min, max) = (sizes.iter().min(), sizes.iter().max());
            balanced &= min.zip(max).is_some_and(|(a, b)| b - a <= 1);
        }
        (met.values().filter(|m| **m > 1).count(), balanced)
    }

    fn repeats(n: usize, k: usize, rounds: usize) -> usize {
        check(&Design::new(n, k, rounds), n, k, rounds).0
    }

    #[test]
    fn the_affine_design_repeats_nobody() {
        assert_eq!(repeats(32, 8, 8), 0, "32 people, tables of 4, 8 rounds");
        assert_eq!(repeats(25, 5, 5), 0);
        assert_eq!(repeats(45, 9, 9), 0);
        assert_eq!(repeats(30, 8, 8), 0, "a partial last row");
    }

    #[test]
    fn complete_affine_planes_give_q_plus_one_rounds() {
        for q in [2, 3, 4, 5, 7, 8, 9] {
            for n in [q * q, q * q - 1] {
                let d = Design::new(n, q, q + 1);
                assert_eq!(d.zero_rounds(), q + 1, "{n} people at {q} tables");
                assert_eq!(check(&d, n, q, q + 1), (0, true), "{n} at {q} tables");
            }
        }
        // Two seats short, the rows would not be balanced: q rounds only.
        assert_eq!(Design::new(23, 5, 6).zero_rounds(), 5);
        // Without a field, the rows still add a round to the slopes.
        let d = Design::new(36, 6, 3);
        assert_eq!(d.zero_rounds(), 3);
        assert_eq!(check(&d, 36, 6, 3), (0, true));
    }

    #[test]
    fn arithmetic_mod_k_repeats_nobody_while_rows_times_rounds_fit() {
        // k = 20, 5 rows: (5 - 1)·(rounds - 1) < 20 holds up to 5 rounds.
        assert_eq!(repeats(100, 20, 5), 0);
        assert_eq!(repeats(500, 100, 4), 0);
        assert_eq!(Design::new(100, 20, 5).zero_rounds(), 5);
    }

    #[test]
    fn every_known_design_is_resolvable_and_repeats_nobody() {
        for d in KNOWN {
            let design = Design {
                kind: Kind::Known(d),
                zero_rounds: d.rounds.len(),
            };
            assert!(d.rounds.iter().all(|r| r.len() == d.people));
            let (repeats, balanced) = check(&design, d.people, d.tables, d.rounds.len());
            assert_eq!(repeats, 0, "{} people at {} tables", d.people, d.tables);
            assert!(balanced, "{} people at {} tables", d.people, d.tables);
            let sizes = d.people / d.tables;
            for r in 0..d.rounds.len() {
                for t in 0..d.tables {
                    let at = (0..d.people).filter(|p| d.table(*p, r) == t).count();
                    assert_eq!(at, sizes, "round {r} table {t}");
                }
            }
        }
    }

    #[test]
    fn the_registry_picks_a_design_that_covers_the_rounds() {
        for (n, k, rounds) in [
            (15, 5, 7),
            (14, 5, 7),
            (21, 7, 10),
            (28, 7, 9),
            (32, 8, 10),
            (31, 8, 10),
            (30, 8, 10),
            (32, 8, 9),
            (40, 10, 13),
            (9, 3, 4),
            (16, 4, 5),
            (25, 5, 6),
            (49, 7, 8),
            (64, 8, 9),
        ] {
            let d = Design::new(n, k, rounds);
            assert!(d.zero_rounds() >= rounds, "{n} people at {k} tables");
            assert_eq!(
                check(&d, n, k, rounds),
                (0, true),
                "{n} people at {k} tables"
            );
        }
        // Where the affine construction suffices, it is used (it keeps organisations apart).
        assert!(matches!(Design::new(32, 8, 8).kind, Kind::Affine(_)));
        assert!(matches!(Design::new(15, 5, 5).kind, Kind::Affine(_)));
        // Where nothing covers the rounds, the one that goes furthest.
        assert_eq!(Design::new(32, 8, 11).zero_rounds(), 10);
    }

    #[test]
    fn tables_stay_within_one_of_each_other() {
        let d = Design::new(31, 7, 7);
        assert!(check(&d, 31, 7, 7).1);
    }
}
