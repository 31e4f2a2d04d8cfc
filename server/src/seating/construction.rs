//! Schedules with no repeated encounter by construction, as the search's starting point.
//!
//! Lay the room out in rows of `k` seats, person (j, c) in row j, column c. In round r they sit
//! at table c + j·r. Two people of rows j ≠ j' meet in round r only when c - c' = (j' - j)·r,
//! which has one solution r when arithmetic is in a field: with `k` a prime power and at most
//! `k` rows, the `k` rounds of this affine design repeat nobody. For other `k`, arithmetic mod
//! `k` repeats nobody while (rows - 1)·(rounds - 1) < k, as then (j' - j)·(r - r') never
//! vanishes. Rows of one person each column keep table sizes within one of each other.

/// The finite field with `q = p^e` elements, elements as integers (base-`p` digits).
struct Field {
    p: usize,
    exp: Vec<usize>,
    log: Vec<usize>,
}

impl Field {
    /// The field of order `q`, if `q` is a prime power of manageable size.
    fn new(q: usize) -> Option<Self> {
        if !(2..=4096).contains(&q) {
            return None;
        }
        let p = (2..=q).find(|d| q.is_multiple_of(*d))?;
        let mut e = 0;
        let mut rest = q;
        while rest.is_multiple_of(p) {
            rest /= p;
            e += 1;
        }
        if rest != 1 {
            return None;
        }
        // Any monic polynomial of degree e whose root x has order q - 1 is primitive; powers
        // of x then list every nonzero element once.
        (0..q).find_map(|tail| Self::with_polynomial(p, e, q, tail))
    }

    /// Tries x^e = -(tail's digits as coefficients of 1, x, …, x^(e-1)).
    fn with_polynomial(p: usize, e: usize, q: usize, tail: usize) -> Option<Self> {
        if tail.is_multiple_of(p) {
            return None; // x would divide the polynomial
        }
        let coefficients: Vec<usize> = (0..e).map(|i| (tail / p.pow(i as u32)) % p).collect();
        let mut exp = Vec::with_capacity(q - 1);
        let mut log = vec![usize::MAX; q];
        let mut digits = vec![0; e];
        digits[0] = 1;
        for i in 0..q - 1 {
            let value = digits.iter().rev().fold(0, |acc, d| acc * p + d);
            if log[value] != usize::MAX {
                return None;
            }
            log[value] = i;
            exp.push(value);
            // Multiply by x: shift up, then replace x^e.
            let top = digits[e - 1];
            for j in (1..e).rev() {
                digits[j] = digits[j - 1];
            }
            digits[0] = 0;
            for (d, c) in digits.iter_mut().zip(&coefficients) {
                *d = (*d + (p - c) * top) % p;
            }
        }
        Some(Self { p, exp, log })
    }

    fn add(&self, mut a: usize, mut b: usize) -> usize {
        let (mut sum, mut place) = (0, 1);
        while a > 0 || b > 0 {
            sum += ((a % self.p + b % self.p) % self.p) * place;
            a /= self.p;
            b /= self.p;
            place *= self.p;
        }
        sum
    }

    fn mul(&self, a: usize, b: usize) -> usize {
        if a == 0 || b == 0 {
            return 0;
        }
        self.exp[(self.log[a] + self.log[b]) % self.exp.len()]
    }
}

/// Table positions 0..k for seat positions 0..n, round by round.
pub(crate) struct Design {
    k: usize,
    field: Option<Field>,
}

impl Design {
    pub fn new(k: usize) -> Self {
        Self {
            k,
            field: Field::new(k),
        }
    }

    /// The table of seat `position` in round `round` (rounds count from 0).
    pub fn table(&self, position: usize, round: usize) -> usize {
        let k = self.k.max(1);
        let (row, column) = (position / k, position % k);
        match &self.field {
            // Rows beyond the field's size wrap: those people meet again, and the search
            // separates them.
            Some(f) => f.add(column, f.mul(row % k, round % k)),
            None => (column + row * round) % k,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many pairs meet more than once in `rounds` rounds of the design.
    fn repeats(n: usize, k: usize, rounds: usize) -> usize {
        let d = Design::new(k);
        let mut met = std::collections::HashMap::new();
        for r in 0..rounds {
            for a in 0..n {
                for b in a + 1..n {
                    if d.table(a, r) == d.table(b, r) {
                        *met.entry((a, b)).or_insert(0) += 1;
                    }
                }
            }
        }
        met.values().filter(|m| **m > 1).count()
    }

    #[test]
    fn fields_of_prime_power_order_exist_and_others_do_not() {
        for q in [
            2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 32, 49, 64, 81, 125, 128, 401,
        ] {
            let f = Field::new(q).unwrap_or_else(|| panic!("GF({q})"));
            // Every nonzero element has an inverse, and addition has no zero divisors.
            for a in 1..q {
                assert!(
                    (1..q).any(|b| f.mul(a, b) == 1),
                    "GF({q}): {a} has no inverse"
                );
            }
        }
        for q in [6, 10, 12, 100, 400] {
            assert!(Field::new(q).is_none(), "{q} is not a prime power");
        }
    }

    #[test]
    fn the_affine_design_repeats_nobody() {
        assert_eq!(repeats(32, 8, 8), 0, "32 people, tables of 4, 8 rounds");
        assert_eq!(repeats(25, 5, 5), 0);
        assert_eq!(repeats(45, 9, 9), 0);
        assert_eq!(repeats(30, 8, 8), 0, "a partial last row");
    }

    #[test]
    fn arithmetic_mod_k_repeats_nobody_while_rows_times_rounds_fit() {
        // k = 20, 5 rows: (5 - 1)·(rounds - 1) < 20 holds up to 5 rounds.
        assert_eq!(repeats(100, 20, 5), 0);
        assert_eq!(repeats(500, 100, 4), 0);
    }

    #[test]
    fn tables_stay_within_one_of_each_other() {
        let d = Design::new(7);
        for r in 0..7 {
            let mut sizes = [0; 7];
            for p in 0..31 {
                sizes[d.table(p, r)] += 1;
            }
            let (min, max) = (sizes.iter().min(), sizes.iter().max());
            assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1), "{sizes:?}");
        }
    }
}
