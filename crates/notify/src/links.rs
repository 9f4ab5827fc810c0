//! The one-tap "I can't come" link: signed, single-purpose, expiring. The token names the
//! organization, session and enrolment it is for and when it stops working; the signature
//! (HMAC-SHA256 with the service's key) makes it impossible to point at another session or
//! person. It carries no names.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use peergroup_domain::Id;
use sha2::Sha256;

/// What a valid link lets its holder do: say they cannot come to one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbsenceLink {
    pub org_id: Id,
    pub session_id: Id,
    pub enrollment_id: Id,
    pub expires_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is not valid")]
    Invalid,
    /// Genuine but too late; says what it was for, so the answer can be in the right language.
    #[error("the link has expired")]
    Expired(AbsenceLink),
}

/// Signs and checks links with one key.
#[derive(Clone)]
pub struct LinkSigner {
    key: Vec<u8>,
}

/// Marks what the signature covers, so a token for another purpose never verifies here.
const PURPOSE: &str = "absence.v1";

impl LinkSigner {
    pub fn new(key: impl Into<Vec<u8>>) -> LinkSigner {
        LinkSigner { key: key.into() }
    }

    fn mac(&self, body: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length works");
        mac.update(PURPOSE.as_bytes());
        mac.update(b".");
        mac.update(body.as_bytes());
        mac
    }

    pub fn sign(&self, link: &AbsenceLink) -> String {
        let body = format!(
            "{}.{}.{}.{}",
            link.org_id, link.session_id, link.enrollment_id, link.expires_at
        );
        let tag = URL_SAFE_NO_PAD.encode(self.mac(&body).finalize().into_bytes());
        format!("{}.{tag}", URL_SAFE_NO_PAD.encode(body))
    }

    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<AbsenceLink, LinkError> {
        let (body, tag) = token.split_once('.').ok_or(LinkError::Invalid)?;
        let body = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| LinkError::Invalid)?;
        let body = String::from_utf8(body).map_err(|_| LinkError::Invalid)?;
        let tag = URL_SAFE_NO_PAD
            .decode(tag)
            .map_err(|_| LinkError::Invalid)?;
        self.mac(&body)
            .verify_slice(&tag)
            .map_err(|_| LinkError::Invalid)?;
        let parts: Vec<i64> = body
            .split('.')
            .map(|p| p.parse().map_err(|_| LinkError::Invalid))
            .collect::<Result<_, _>>()?;
        let [org_id, session_id, enrollment_id, expires_at] = parts[..] else {
            return Err(LinkError::Invalid);
        };
        let link = AbsenceLink {
            org_id,
            session_id,
            enrollment_id,
            expires_at,
        };
        if now.timestamp() >= expires_at {
            return Err(LinkError::Expired(link));
        }
        Ok(link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn link() -> AbsenceLink {
        AbsenceLink {
            org_id: 1,
            session_id: 20,
            enrollment_id: 300,
            expires_at: Utc
                .with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
                .unwrap()
                .timestamp(),
        }
    }

    #[test]
    fn a_signed_link_verifies_until_it_expires() {
        let s = LinkSigner::new(b"key".to_vec());
        let token = s.sign(&link());
        let before = Utc.with_ymd_and_hms(2026, 11, 30, 23, 59, 59).unwrap();
        assert_eq!(s.verify(&token, before), Ok(link()));
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        assert_eq!(s.verify(&token, at), Err(LinkError::Expired(link())));
    }

    #[test]
    fn a_changed_or_foreign_link_does_not_verify() {
        let s = LinkSigner::new(b"key".to_vec());
        let now = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        let token = s.sign(&link());
        let (_, tag) = token.split_once('.').unwrap();
        // Another session with the same signature.
        let other = format!("{}.{tag}", URL_SAFE_NO_PAD.encode("1.21.300.1796083200"));
        assert_eq!(s.verify(&other, now), Err(LinkError::Invalid));
        // Another key.
        assert_eq!(
            LinkSigner::new(b"other".to_vec()).verify(&token, now),
            Err(LinkError::Invalid)
        );
        for junk in ["", ".", "abc", "a.b", &token[..token.len() - 2]] {
            assert_eq!(s.verify(junk, now), Err(LinkError::Invalid), "{junk}");
        }
    }
}
