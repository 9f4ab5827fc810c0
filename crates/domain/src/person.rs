//! People: participants and facilitators. Only what is needed to reach them and to respect
//! their consent. There is deliberately no field for immigration status.

pub use crate::consent::{Consent, ConsentInput};
use crate::validation::ValidationErrors;
use crate::values::{Email, Language, Name, Phone, Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    ContactChannel {
        Email => "email",
        Phone => "phone",
        Sms => "sms",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    pub display_name: Name,
    pub preferred_language: Language,
    #[serde(default)]
    pub email: Option<Email>,
    #[serde(default)]
    pub phone: Option<Phone>,
    #[serde(default)]
    pub preferred_channel: Option<ContactChannel>,
    /// Someone else who can pass on a message, such as a relative or a caseworker.
    #[serde(default)]
    pub alternative_contact: Option<Text>,
    #[serde(default)]
    pub consent: ConsentInput,
}

impl PersonSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        match self.preferred_channel {
            Some(ContactChannel::Email) => errors.check(
                self.email.is_some(),
                "preferred_channel",
                "email is preferred but no email is given",
            ),
            Some(ContactChannel::Phone | ContactChannel::Sms) => errors.check(
                self.phone.is_some(),
                "preferred_channel",
                "phone is preferred but no phone is given",
            ),
            None => {}
        }
        errors.check(
            !self.consent.email_reminders || self.email.is_some(),
            "consent.email_reminders",
            "reminders by email need an email address",
        );
        errors.check(
            !self.consent.sms_reminders || self.phone.is_some(),
            "consent.sms_reminders",
            "reminders by SMS need a phone number",
        );
        errors.check(
            !self.consent.calls || self.phone.is_some(),
            "consent.calls",
            "calls need a phone number",
        );
        errors.into_result()
    }
}

/// What tells two records of people apart, normalized: a name in lower case with single
/// spaces, an email in lower case, a phone as stored (E.164).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonKey {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl PersonKey {
    pub fn new(name: &str, email: Option<&str>, phone: Option<&str>) -> PersonKey {
        PersonKey {
            name: name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
            email: email.map(|e| e.trim().to_lowercase()),
            phone: phone.map(str::to_string),
        }
    }

    pub fn of(spec: &PersonSpec) -> PersonKey {
        PersonKey::new(
            spec.display_name.as_str(),
            spec.email.as_ref().map(Email::as_str),
            spec.phone.as_ref().map(Phone::as_str),
        )
    }

    /// Whether two records look like the same person: the same email or phone, or the same
    /// name where neither contact says otherwise. Two people may share a name; two with the
    /// same name and different numbers are taken to be two people.
    pub fn looks_like(&self, other: &PersonKey) -> bool {
        let same =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a == b);
        let differ =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a != b);
        same(&self.email, &other.email)
            || same(&self.phone, &other.phone)
            || (self.name == other.name
                && !differ(&self.email, &other.email)
                && !differ(&self.phone, &other.phone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_preferred_channel_needs_its_contact() {
        let person: PersonSpec = serde_json::from_value(serde_json::json!({
            "display_name": "Amina", "preferred_language": "ar", "preferred_channel": "sms"
        }))
        .unwrap();
        assert_eq!(
            person.validate().unwrap_err().errors()[0].field,
            "preferred_channel"
        );
    }

    #[test]
    fn there_is_no_field_for_immigration_status() {
        let refused = serde_json::from_value::<PersonSpec>(serde_json::json!({
            "display_name": "Amina", "preferred_language": "ar", "immigration_status": "refugee"
        }));
        assert!(refused.is_err());
    }

    fn key(name: &str, email: Option<&str>, phone: Option<&str>) -> PersonKey {
        PersonKey::new(name, email, phone)
    }

    #[test]
    fn the_same_name_with_other_numbers_is_another_person() {
        let amina = key("Amina  Bakri", None, Some("+16045550100"));
        assert!(amina.looks_like(&key("amina bakri", None, None)));
        assert!(amina.looks_like(&key(
            "A. Bakri",
            Some("a@example.org"),
            Some("+16045550100")
        )));
        assert!(!amina.looks_like(&key("Amina Bakri", None, Some("+16045550199"))));
        assert!(key("X", Some("A@Example.org"), None).looks_like(&key(
            "Y",
            Some("a@example.org"),
            None
        )));
    }

    proptest! {
        #[test]
        fn looking_alike_is_symmetric_and_reflexive(
            a in ("[ab]{1,2}", proptest::option::of("[ab]@x\\.org"), proptest::option::of("\\+1604555010[0-1]")),
            b in ("[ab]{1,2}", proptest::option::of("[ab]@x\\.org"), proptest::option::of("\\+1604555010[0-1]")),
        ) {
            let a = key(&a.0, a.1.as_deref(), a.2.as_deref());
            let b = key(&b.0, b.1.as_deref(), b.2.as_deref());
            prop_assert!(a.looks_like(&a));
            prop_assert_eq!(a.looks_like(&b), b.looks_like(&a));
        }
    }
}
