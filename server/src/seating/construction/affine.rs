//! The affine construction: zero repeats for any room, as many rounds as its table count allows.
//!
//! Lay the room out in rows of `k` seats, person (j, c) in row j, column c. In round r they sit
//! at table c + j·r. Two people of rows j ≠ j' meet in round r only when c - c' = (j' - j)·r,
//! which has one solution r when arithmetic is in a field: with `k` a prime power and at most
//! `k` rows, the `k` rounds of this affine design repeat nobody. People of one row never meet
//! in those rounds, so when there are `k` rows of `k` (one seat short at most) the rows
//! themselves make round k + 1: the plane's last parallel class, after which everyone has met
//! everyone once. For other `k`, arithmetic mod `k` repeats nobody while
//! (rows - 1)·(rounds - 1) < k, as then (j' - j)·(r - r') never vanishes; with `k` rows the
//! rows add one more round there too (36 people at 6 tables: columns, c + j, rows). Rows of
//! one person each column keep table sizes within one of each other.

use super::field::Field;

pub(crate) struct Affine {
    k: usize,
    field: Option<Field>,
    /// How many rounds of slopes (tables c + j·r) repeat nobody.
    slopes: usize,
    /// Whether the rows sit together in round `slopes` (counting from 0): they never met.
    rows_round: bool,
}

impl Affine {
    pub fn new(seats: usize, k: usize) -> Self {
        let k = k.max(1);
        let rows = seats.div_ceil(k);
        let field = Field::new(k);
        let slopes = if rows <= 1 {
            usize::MAX
        } else if field.is_some() {
            if rows > k { 1 } else { k }
        } else {
            (k - 1) / (rows - 1) + 1
        };
        // Rows of k people (the last one seat short at most) make k balanced tables.
        let rows_round = rows == k && seats + 1 >= k * k && slopes != usize::MAX;
        Self {
            k,
            field,
            slopes,
            rows_round,
        }
    }

    /// How many rounds, from the first, repeat nobody.
    pub fn zero_rounds(&self) -> usize {
        self.slopes.saturating_add(usize::from(self.rows_round))
    }

    /// The table of seat `position` in round `round` (rounds count from 0).
    pub fn table(&self, position: usize, round: usize) -> usize {
        let k = self.k;
        let (row, column) = (position / k, position % k);
        let slope = match round.cmp(&self.slopes) {
            std::cmp::Ordering::Equal if self.rows_round => return row % k,
            std::cmp::Ordering::Greater if self.rows_round => round - 1,
            _ => round,
        };
        match &self.field {
            // Rows beyond the field's size wrap: those people meet again, and the search
            // separates them.
            Some(f) => f.add(column, f.mul(row % k, slope % k)),
            None => (column + row * slope) % k,
        }
    }
}
