//! Passwords: Argon2id with a random salt, stored as a PHC string. Hashing is slow on
//! purpose (about 19 MiB and tens of milliseconds each), so it runs on the blocking pool and
//! at most two at once: a burst of sign-ins waits rather than taking the server's memory.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// Shortest and longest password accepted, in characters.
pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 128;

/// Hashes and checks at once, in this process.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(2));

/// A hash of no one's password: an unknown email is checked against it, so that it takes as
/// long to refuse as a wrong password and does not tell who has an account.
static DECOY: LazyLock<String> = LazyLock::new(|| hash_now("decoy password, never used"));

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("use at least {MIN_CHARS} characters")]
    TooShort,
    #[error("use at most {MAX_CHARS} characters")]
    TooLong,
}

/// Whether `password` may be chosen: its length only, as current guidance has it (a
/// passphrase in any script is fine).
pub fn check(password: &str) -> Result<(), PasswordError> {
    match password.chars().count() {
        n if n < MIN_CHARS => Err(PasswordError::TooShort),
        n if n > MAX_CHARS => Err(PasswordError::TooLong),
        _ => Ok(()),
    }
}

fn hash_now(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .expect("argon2 hashes any password with its default parameters")
}

/// The PHC string of a password already [`check`]ed.
pub async fn hash(password: String) -> String {
    let _turn = HASHING.acquire().await.expect("never closed");
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .expect("hashing does not panic")
}

/// Whether `password` matches `phc`; with `None` (no such account) it spends the same time
/// and answers no.
pub async fn verify(password: String, phc: Option<String>) -> bool {
    let _turn = HASHING.acquire().await.expect("never closed");
    tokio::task::spawn_blocking(move || {
        let known = phc.is_some();
        let phc = phc.unwrap_or_else(|| DECOY.clone());
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), phc.as_str())
            .is_ok();
        ok && known
    })
    .await
    .expect("verifying does not panic")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let phc = hash("correct horse battery".into()).await;
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(verify("correct horse battery".into(), Some(phc.clone())).await);
        assert!(!verify("correct horse batterY".into(), Some(phc.clone())).await);
        // Salted: the same password hashes differently each time.
        assert_ne!(phc, hash("correct horse battery".into()).await);
        assert!(!verify("decoy password, never used".into(), None).await);
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(check("short"), Err(PasswordError::TooShort));
        // Ten Devanagari characters are 30 bytes but ten characters: accepted.
        assert_eq!(check("नमस्तेनमस्तेन"), Ok(()));
        assert_eq!(check(&"x".repeat(MAX_CHARS)), Ok(()));
        assert_eq!(
            check(&"x".repeat(MAX_CHARS + 1)),
            Err(PasswordError::TooLong)
        );
    }
}
