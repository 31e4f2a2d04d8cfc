//! Finite fields GF(p^e), small enough for a table of logarithms: the arithmetic of affine
//! planes.

/// The finite field with `q = p^e` elements, elements as integers (base-`p` digits).
pub(crate) struct Field {
    p: usize,
    exp: Vec<usize>,
    log: Vec<usize>,
}

impl Field {
    /// The field of order `q`, if `q` is a prime power of manageable size.
    pub fn new(q: usize) -> Option<Self> {
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

    pub fn add(&self, mut a: usize, mut b: usize) -> usize {
        let (mut sum, mut place) = (0, 1);
        while a > 0 || b > 0 {
            sum += ((a % self.p + b % self.p) % self.p) * place;
            a /= self.p;
            b /= self.p;
            place *= self.p;
        }
        sum
    }

    pub fn mul(&self, a: usize, b: usize) -> usize {
        if a == 0 || b == 0 {
            return 0;
        }
        self.exp[(self.log[a] + self.log[b]) % self.exp.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
