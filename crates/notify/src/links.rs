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

/// Marks what the signature covers, so a token for one purpose never verifies as another.
const ABSENCE: &str = "absence.v1";
const SIGN_IN: &str = "sign-in.v1";
const SMS_STATUS: &str = "sms-status.v1";
const SMS_INBOUND: &str = "sms-inbound.v1";

/// The message an SMS gateway's delivery report is about: the secret in its callback URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmsStatusToken {
    pub org_id: Id,
    pub message_id: Id,
}

/// Where a gateway forwards the SMS people send to one organization.
pub fn sms_inbound_url(public_url: &str, token: &str) -> String {
    format!("{}/sms/inbound/{token}", public_url.trim_end_matches('/'))
}

/// Where a gateway reports what became of one SMS.
pub fn sms_status_url(public_url: &str, token: &str) -> String {
    format!("{}/sms/status/{token}", public_url.trim_end_matches('/'))
}

/// What a valid sign-in link names: one invitation or reset link row, which the database
/// lets be used once. The signature only proves the service made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLinkToken {
    pub org_id: Id,
    pub link_id: Id,
    pub expires_at: i64,
}

/// Where a sign-in link's token is opened: the page to choose a password.
pub fn welcome_url(public_url: &str, token: &str) -> String {
    format!("{}/welcome/{token}", public_url.trim_end_matches('/'))
}

impl LinkSigner {
    /// The signed link to the page where the user of `link` chooses a password.
    pub fn sign_in_url(&self, public_url: &str, link: &SignInLinkToken) -> String {
        welcome_url(public_url, &self.sign_sign_in(link))
    }

    pub fn new(key: impl Into<Vec<u8>>) -> LinkSigner {
        LinkSigner { key: key.into() }
    }

    fn mac(&self, purpose: &str, body: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length works");
        mac.update(purpose.as_bytes());
        mac.update(b".");
        mac.update(body.as_bytes());
        mac
    }

    /// `parts` joined by dots, base64, then the tag of `purpose` over them.
    fn seal(&self, purpose: &str, parts: &[i64]) -> String {
        let body = parts
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let tag = URL_SAFE_NO_PAD.encode(self.mac(purpose, &body).finalize().into_bytes());
        format!("{}.{tag}", URL_SAFE_NO_PAD.encode(body))
    }

    /// The numbers a token of `purpose` carries, if this key signed it.
    fn open(&self, purpose: &str, token: &str) -> Result<Vec<i64>, LinkError> {
        let (body, tag) = token.split_once('.').ok_or(LinkError::Invalid)?;
        let body = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| LinkError::Invalid)?;
        let body = String::from_utf8(body).map_err(|_| LinkError::Invalid)?;
        let tag = URL_SAFE_NO_PAD
            .decode(tag)
            .map_err(|_| LinkError::Invalid)?;
        self.mac(purpose, &body)
            .verify_slice(&tag)
            .map_err(|_| LinkError::Invalid)?;
        body.split('.')
            .map(|p| p.parse().map_err(|_| LinkError::Invalid))
            .collect()
    }

    pub fn sign(&self, link: &AbsenceLink) -> String {
        self.seal(
            ABSENCE,
            &[
                link.org_id,
                link.session_id,
                link.enrollment_id,
                link.expires_at,
            ],
        )
    }

    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<AbsenceLink, LinkError> {
        let [org_id, session_id, enrollment_id, expires_at] = self.open(ABSENCE, token)?[..] else {
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

    pub fn sign_sign_in(&self, link: &SignInLinkToken) -> String {
        self.seal(SIGN_IN, &[link.org_id, link.link_id, link.expires_at])
    }

    pub fn sign_sms_status(&self, t: &SmsStatusToken) -> String {
        self.seal(SMS_STATUS, &[t.org_id, t.message_id])
    }

    /// The message a delivery report's token names, if this key signed it. It does not
    /// expire: a gateway may report days later.
    pub fn verify_sms_status(&self, token: &str) -> Option<SmsStatusToken> {
        let [org_id, message_id] = self.open(SMS_STATUS, token).ok()?[..] else {
            return None;
        };
        Some(SmsStatusToken { org_id, message_id })
    }

    /// The token in the URL a gateway forwards one organization's incoming SMS to.
    pub fn sign_sms_inbound(&self, org_id: Id) -> String {
        self.seal(SMS_INBOUND, &[org_id])
    }

    /// The organization an inbound-SMS token names, if this key signed it.
    pub fn verify_sms_inbound(&self, token: &str) -> Option<Id> {
        match self.open(SMS_INBOUND, token).ok()?[..] {
            [org] => Some(org),
            _ => None,
        }
    }

    /// The sign-in link a token names, if this key signed it and it has not expired.
    pub fn verify_sign_in(&self, token: &str, now: DateTime<Utc>) -> Option<SignInLinkToken> {
        let [org_id, link_id, expires_at] = self.open(SIGN_IN, token).ok()?[..] else {
            return None;
        };
        (now.timestamp() < expires_at).then_some(SignInLinkToken {
            org_id,
            link_id,
            expires_at,
        })
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

    #[test]
    fn an_sms_status_token_names_one_message_and_opens_nothing_else() {
        let s = LinkSigner::new(b"key".to_vec());
        let t = SmsStatusToken {
            org_id: 1,
            message_id: 20,
        };
        let token = s.sign_sms_status(&t);
        assert_eq!(s.verify_sms_status(&token), Some(t));
        let (_, tag) = token.split_once('.').unwrap();
        let other = format!("{}.{tag}", URL_SAFE_NO_PAD.encode("1.21"));
        assert_eq!(s.verify_sms_status(&other), None);
        assert_eq!(
            LinkSigner::new(b"other".to_vec()).verify_sms_status(&token),
            None
        );
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        assert_eq!(s.verify_sign_in(&token, at), None);
        assert_eq!(s.verify_sms_inbound(&token), None);
        let inbound = s.sign_sms_inbound(1);
        assert_eq!(s.verify_sms_inbound(&inbound), Some(1));
        assert_eq!(s.verify_sms_status(&inbound), None);
    }

    #[test]
    fn a_sign_in_token_is_not_an_absence_link_and_expires() {
        let s = LinkSigner::new(b"key".to_vec());
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let link = SignInLinkToken {
            org_id: 1,
            link_id: 20,
            expires_at: at.timestamp(),
        };
        let token = s.sign_sign_in(&link);
        assert_eq!(
            s.verify_sign_in(&token, at - chrono::TimeDelta::seconds(1)),
            Some(link)
        );
        assert_eq!(s.verify_sign_in(&token, at), None);
        // Same numbers, other purpose: neither kind of token opens as the other.
        assert_eq!(s.verify(&token, at), Err(LinkError::Invalid));
        let absence = s.sign(&AbsenceLink {
            org_id: 1,
            session_id: 20,
            enrollment_id: at.timestamp(),
            expires_at: at.timestamp(),
        });
        assert_eq!(s.verify_sign_in(&absence, at), None);
        assert_eq!(
            LinkSigner::new(b"other".to_vec()).verify_sign_in(&token, at),
            None
        );
    }
}
