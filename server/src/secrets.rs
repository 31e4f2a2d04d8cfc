//! Random secrets and join codes, and how they are kept (hashed).

use sha2::{Digest, Sha256};

/// Join-code letters: no 0/O, 1/I/L, so a code read off a projector is typed right.
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const JOIN_CODE_LEN: usize = 6;

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS RNG failing means the machine cannot make secrets at all; nothing sensible
    // can continue.
    getrandom::fill(&mut buf).expect("operating system random number generator failed");
    buf
}

/// A 192-bit secret, hex encoded: facilitator keys and resume tokens.
pub fn new_secret() -> String {
    hex::encode(random_bytes::<24>())
}

/// Whether a secret a client chose (a join key) is long and plain enough to stand for one of
/// ours: 32 to 128 letters, digits, `-` or `_` (at least 190 bits in base64url).
pub fn is_client_secret(s: &str) -> bool {
    (32..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Stored instead of the secret. Secrets are 192 random bits, so a fast hash is enough: there
/// is nothing to brute-force.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Compares a presented secret with a stored hash in time that does not depend on where
/// they differ.
pub fn verify_secret(secret: &str, stored_hash: &str) -> bool {
    let presented = hash_secret(secret);
    presented.len() == stored_hash.len()
        && presented
            .bytes()
            .zip(stored_hash.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

pub fn new_join_code() -> String {
    random_bytes::<JOIN_CODE_LEN>()
        .iter()
        .map(|b| JOIN_CODE_ALPHABET[*b as usize % JOIN_CODE_ALPHABET.len()] as char)
        .collect()
}

/// A code as people type it ("abc-d2e ") in the stored form ("ABCD2E"), or None when it
/// cannot be one.
pub fn normalize_join_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == JOIN_CODE_LEN && code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b)))
        .then_some(code)
}

/// A café log's epoch: names one history, so that a cursor from another never resumes on it.
pub fn new_epoch() -> String {
    hex::encode(random_bytes::<6>())
}

pub fn new_seed() -> u64 {
    u64::from_le_bytes(random_bytes::<8>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_use_only_unambiguous_letters() {
        for _ in 0..1000 {
            let code = new_join_code();
            assert_eq!(code.len(), JOIN_CODE_LEN);
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
            assert_eq!(normalize_join_code(&code.to_lowercase()), Some(code));
        }
    }

    #[test]
    fn normalize_accepts_typing_habits_and_refuses_lookalikes() {
        assert_eq!(normalize_join_code(" abc-d2e "), Some("ABCD2E".into()));
        assert_eq!(normalize_join_code("ABCD0E"), None);
        assert_eq!(normalize_join_code("ABCDE"), None);
        assert_eq!(normalize_join_code("ABCDEFG"), None);
    }

    #[test]
    fn secrets_verify_only_against_their_own_hash() {
        let s = new_secret();
        let h = hash_secret(&s);
        assert!(verify_secret(&s, &h));
        assert!(!verify_secret(&new_secret(), &h));
        assert!(!verify_secret("", &h));
        assert_ne!(s, h);
    }
}
