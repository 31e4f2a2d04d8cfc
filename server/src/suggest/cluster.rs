//! Average-linkage agglomerative clustering, cut where similarity falls below a threshold.
//!
//! Pairwise cosine similarities go in a dense triangle of f32: n(n-1)/2 of them, 8 MB for
//! 2,000 documents (the caller caps n). They are summed through an inverted index, so only
//! pairs that share a term cost anything. The merging is the nearest-neighbour chain: average
//! linkage is reducible (a merged cluster is never closer to a third than the nearer of its
//! parts was), so merging mutual nearest neighbours as the chain finds them gives the same
//! clusters as always merging the globally closest pair, in O(n²) time instead of O(n³).
//! The same property makes the cut exact: a cluster whose nearest neighbour is below the
//! threshold can never come above it again, so it is finished there and then.

use super::vectors::Sparse;

/// Clusters of `vectors` (indices, ascending; every index in exactly one cluster, clusters
/// ordered by their lowest index). `weights` is how many notes each vector stands for: the
/// linkage is the average over pairs of notes, not of distinct texts.
pub(super) fn average_linkage(
    vectors: &[Sparse],
    weights: &[u32],
    threshold: f32,
) -> Vec<Vec<usize>> {
    let n = vectors.len();
    let mut sim = Triangle::cosines(vectors);
    let mut weight: Vec<f32> = (0..n)
        .map(|i| weights.get(i).map_or(1.0, |&w| w as f32))
        .collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut state = vec![State::Open; n];
    let mut chain: Vec<usize> = Vec::new();
    // Every index below `start` is finished or merged away, and stays so.
    let mut start = 0;
    loop {
        let Some(&top) = chain.last() else {
            match (start..n).find(|&i| state[i] == State::Open) {
                Some(i) => {
                    start = i;
                    chain.push(i);
                    continue;
                }
                None => break,
            }
        };
        let before = chain.len().checked_sub(2).map(|i| chain[i]);
        match nearest(&sim, &state, top, before) {
            Some((b, s)) if s >= threshold => {
                if Some(b) == before {
                    chain.truncate(chain.len() - 2);
                    merge(&mut sim, &mut weight, &mut members, &mut state, top, b);
                } else {
                    chain.push(b);
                }
            }
            // Nothing close enough, now or after any other merge.
            _ => {
                state[top] = State::Finished;
                chain.pop();
            }
        }
    }
    members
        .into_iter()
        .zip(&state)
        .filter(|(_, s)| **s != State::Merged)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Open,
    Finished,
    Merged,
}

/// The open cluster most similar to `c`. Ties go to `before` (the chain's previous link,
/// which NN-chain needs to terminate), then to the lowest index, for determinism.
fn nearest(
    sim: &Triangle,
    state: &[State],
    c: usize,
    before: Option<usize>,
) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    for (j, s) in state.iter().enumerate() {
        if j == c || *s != State::Open {
            continue;
        }
        let v = sim.get(c, j);
        let better = match best {
            None => true,
            Some((b, bv)) => v > bv || (v == bv && Some(j) == before && Some(b) != before),
        };
        if better {
            best = Some((j, v));
        }
    }
    best
}

/// Merges `a` and `b` into the lower index, with the Lance–Williams update for average
/// linkage: the new cluster's similarity to k is its parts' similarities weighted by size.
fn merge(
    sim: &mut Triangle,
    weight: &mut [f32],
    members: &mut [Vec<usize>],
    state: &mut [State],
    a: usize,
    b: usize,
) {
    let (keep, gone) = (a.min(b), a.max(b));
    let (wk, wg) = (weight[keep], weight[gone]);
    for (k, s) in state.iter().enumerate() {
        if k != keep && k != gone && *s == State::Open {
            let merged = (wk * sim.get(k, keep) + wg * sim.get(k, gone)) / (wk + wg);
            sim.set(k, keep, merged);
        }
    }
    weight[keep] = wk + wg;
    let moved = std::mem::take(&mut members[gone]);
    members[keep].extend(moved);
    state[gone] = State::Merged;
}

/// Symmetric pairwise values without the diagonal, row by row: (0,1), (0,2), …, (1,2), …
struct Triangle {
    n: usize,
    values: Vec<f32>,
}

impl Triangle {
    /// Cosine similarity of every pair of unit vectors, summed term by term from postings.
    fn cosines(vectors: &[Sparse]) -> Self {
        let n = vectors.len();
        let mut t = Triangle {
            n,
            values: vec![0.0; n * n.saturating_sub(1) / 2],
        };
        let terms = vectors
            .iter()
            .flat_map(|v| v.iter().map(|&(term, _)| term as usize + 1))
            .max()
            .unwrap_or(0);
        let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); terms];
        for (d, v) in vectors.iter().enumerate() {
            for &(term, w) in v {
                postings[term as usize].push((d, w));
            }
        }
        for list in &postings {
            for (i, &(a, wa)) in list.iter().enumerate() {
                for &(b, wb) in &list[i + 1..] {
                    let at = t.index(a, b);
                    t.values[at] += wa * wb;
                }
            }
        }
        t
    }

    fn index(&self, a: usize, b: usize) -> usize {
        let (i, j) = (a.min(b), a.max(b));
        i * (2 * self.n - i - 1) / 2 + (j - i - 1)
    }

    fn get(&self, a: usize, b: usize) -> f32 {
        self.values[self.index(a, b)]
    }

    fn set(&mut self, a: usize, b: usize, v: f32) {
        let at = self.index(a, b);
        self.values[at] = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(terms: &[u32]) -> Sparse {
        let w = 1.0 / (terms.len() as f32).sqrt();
        terms.iter().map(|&t| (t, w)).collect()
    }

    #[test]
    fn triangle_indexes_every_pair_once() {
        let t = Triangle {
            n: 5,
            values: vec![0.0; 10],
        };
        let mut seen: Vec<usize> = (0..5)
            .flat_map(|a| (a + 1..5).map(move |b| (a, b)))
            .map(|(a, b)| t.index(a, b))
            .collect();
        assert_eq!(t.index(3, 1), t.index(1, 3));
        seen.sort_unstable();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn cosines_are_dot_products() {
        let t = Triangle::cosines(&[unit(&[0, 1]), unit(&[1, 2]), unit(&[3])]);
        assert!((t.get(0, 1) - 0.5).abs() < 1e-6);
        assert_eq!(t.get(0, 2), 0.0);
    }

    #[test]
    fn merges_close_pairs_and_stops_at_the_threshold() {
        let v = [
            unit(&[0, 1]),
            unit(&[5]),
            unit(&[0, 1, 2]),
            unit(&[3]),
            unit(&[5]),
        ];
        let clusters = average_linkage(&v, &[1; 5], 0.5);
        assert_eq!(clusters, [vec![0, 2], vec![1, 4], vec![3]]);
        assert_eq!(average_linkage(&v, &[1; 5], 1.01).len(), 5);
    }

    #[test]
    fn average_linkage_weighs_by_how_many_notes_a_vector_stands_for() {
        // 0 and 1 merge first (0.75); 2 is like 0 (0.35) and unlike 1 (0): the pair's
        // similarity to 2 is 0.18 when each stands for one note, 0.32 when 0 stands for ten.
        let v = [unit(&[0, 1, 2, 3]), unit(&[0, 1, 2, 4]), unit(&[3, 5])];
        assert_eq!(average_linkage(&v, &[1, 1, 1], 0.3), [vec![0, 1], vec![2]]);
        assert_eq!(average_linkage(&v, &[10, 1, 1], 0.3), [vec![0, 1, 2]]);
    }

    #[test]
    fn empty_input_gives_no_clusters() {
        assert!(average_linkage(&[], &[], 0.2).is_empty());
        assert_eq!(average_linkage(&[Vec::new()], &[3], 0.2), [vec![0]]);
    }
}
