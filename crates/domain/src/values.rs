//! Validated value types. Each refuses a bad value when it is built or deserialized, with a
//! message a coordinator can act on; once built, it is known to be good.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares a string-backed newtype whose constructor is `$check`, with serde and OpenAPI
/// support. `$check` gets the raw input and returns the value to keep or a message.
macro_rules! string_value {
    ($(#[$meta:meta])* $name:ident, $schema:expr, $check:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: impl Into<String>) -> Result<Self, String> {
                let check: fn(String) -> Result<String, String> = $check;
                check(raw.into()).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(raw: String) -> Result<Self, String> {
                Self::parse(raw)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let build: fn() -> utoipa::openapi::ObjectBuilder = $schema;
                build().into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

fn string_schema(description: &str) -> utoipa::openapi::ObjectBuilder {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(description))
}

/// Some character that is not white space, and no control character but new line and tab:
/// what `bounded` checks, as a JSON Schema pattern.
const PRINTABLE: &str = r"^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$";

/// Checks length in characters as written (not bytes: names are often not Latin), then
/// trims.
fn bounded(raw: String, max: usize) -> Result<String, String> {
    if raw.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("must not be empty".into());
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err("must not contain control characters".into());
    }
    Ok(trimmed.to_string())
}

string_value!(
    /// A short name or title: 1 to 200 characters.
    Name,
    || string_schema("1 to 200 characters, not all white space").min_length(Some(1)).max_length(Some(200)).pattern(Some(PRINTABLE)),
    |raw| bounded(raw, 200)
);

string_value!(
    /// A free-text description or note: 1 to 4000 characters.
    Text,
    || string_schema("1 to 4000 characters, not all white space").min_length(Some(1)).max_length(Some(4000)).pattern(Some(PRINTABLE)),
    |raw| bounded(raw, 4000)
);

string_value!(
    /// An organization's short identifier: lowercase letters, digits and hyphens.
    Slug,
    || string_schema("2 to 63 lowercase letters, digits and hyphens").pattern(Some("^[a-z0-9][a-z0-9-]{1,62}$")),
    |raw| {
        let ok = (2..=63).contains(&raw.len())
            && raw.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-');
        if ok { Ok(raw) } else { Err("must be 2 to 63 lowercase letters, digits or hyphens".into()) }
    }
);

string_value!(
    /// A machine key such as a facilitator role in a program: `peer_leader`.
    Key,
    || string_schema("1 to 64 lowercase letters, digits and underscores").pattern(Some("^[a-z][a-z0-9_]{0,63}$")),
    |raw| {
        let ok = (1..=64).contains(&raw.len())
            && raw.starts_with(|c: char| c.is_ascii_lowercase())
            && raw.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok { Ok(raw) } else { Err("must be 1 to 64 lowercase letters, digits or underscores, starting with a letter".into()) }
    }
);

string_value!(
    /// An email address, kept as given apart from surrounding spaces.
    Email,
    || string_schema("an email address").format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Email))),
    |raw| {
        let email = raw.trim().to_string();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && local.len() <= 64
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid { Ok(email) } else { Err("is not a valid email address".into()) }
    }
);

string_value!(
    /// A phone number in E.164 form (`+` then 8 to 15 digits, the first not zero) that its
    /// country's numbering plan allows, by libphonenumber's metadata: an SMS gateway or a
    /// caller can use it as it is.
    Phone,
    || string_schema("E.164, for example +16045550123").pattern(Some(r"^\+[1-9][0-9]{7,14}$")),
    |raw| {
        let digits = raw.strip_prefix('+').unwrap_or("");
        let shaped = (8..=15).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0');
        if !shaped {
            return Err("must be in E.164 form: + then 8 to 15 digits, for example +16045550123".into());
        }
        match phonenumber::parse(None, &raw) {
            // Valid, and written the way E.164 writes it (no national prefix kept in).
            Ok(number)
                if phonenumber::is_valid(&number)
                    && number.format().mode(phonenumber::Mode::E164).to_string() == raw =>
            {
                Ok(raw)
            }
            _ => Err("is not a phone number in use in its country: check the country code and the number".into()),
        }
    }
);

string_value!(
    /// A BCP 47 language tag whose subtags are in the IANA registry, such as `pa-Guru`,
    /// `ar`, `zh-Hans`. Kept as written: canonical form would drop the script from `pa-Guru`,
    /// and the script is what tells a reminder which alphabet to use.
    Language,
    || string_schema("a BCP 47 language tag such as pa-Guru, ar or zh-Hans"),
    |raw| {
        let tag = language_tags::LanguageTag::parse(raw.trim())
            .map_err(|_| format!("`{raw}` is not a BCP 47 language tag"))?;
        tag.validate()
            .map_err(|_| format!("`{raw}` is not a known language tag"))?;
        Ok(tag.to_string())
    }
);

string_value!(
    /// An ISO 4217 currency code such as `CAD` or `EUR`: three capital letters.
    Currency,
    || string_schema("an ISO 4217 currency code such as CAD").pattern(Some("^[A-Z]{3}$")),
    |raw| {
        if raw.len() == 3 && raw.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(raw)
        } else {
            Err(format!("`{raw}` is not a currency code such as CAD or EUR"))
        }
    }
);

/// An IANA timezone such as `America/Vancouver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    pub fn parse(raw: &str) -> Result<Self, String> {
        raw.parse::<chrono_tz::Tz>()
            .map(Self)
            .map_err(|_| format!("`{raw}` is not an IANA timezone such as America/Vancouver"))
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

impl TryFrom<String> for TimeZone {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw)
    }
}

impl From<TimeZone> for String {
    fn from(value: TimeZone) -> String {
        value.name().to_string()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl utoipa::PartialSchema for TimeZone {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        string_schema("an IANA timezone such as America/Vancouver")
            .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())))
            .into()
    }
}

impl utoipa::ToSchema for TimeZone {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn languages_are_checked_against_the_registry() {
        for good in [
            "pa-Guru", "ar", "zh-Hans", "uk", "ne", "prs", "es-419", "fr-CA",
        ] {
            assert!(Language::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "english", "xx-YY-zz!!", "qq-Latn-ZZZ", "pa_Guru", "zz"] {
            assert!(Language::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_must_be_e164() {
        assert!(Phone::parse("+16045550123").is_ok());
        assert!(Phone::parse("+9647701234567").is_ok(), "an Iraqi mobile");
        for bad in [
            "+11234567890",
            "+4400000000",
            "6045550123",
            "+0604555",
            "+1 604 555 0123",
            "+1234567",
            "+1234567890123456",
            "",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(Email::parse("amina@example.org").is_ok());
        for bad in [
            "amina",
            "@example.org",
            "amina@localhost",
            "a b@example.org",
            "a@@b.org",
            "a@b..org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timezones_are_iana_names() {
        assert_eq!(
            TimeZone::parse("America/Vancouver").unwrap().name(),
            "America/Vancouver"
        );
        assert!(TimeZone::parse("Mars/Olympus").is_err());
        assert!(TimeZone::parse("PST8PDT ").is_err());
    }

    #[test]
    fn names_are_trimmed_and_bounded_in_characters() {
        assert_eq!(Name::parse("  Grupo  ").unwrap().as_str(), "Grupo");
        assert!(Name::parse("   ").is_err());
        assert!(Name::parse("ਪ".repeat(200)).is_ok());
        assert!(Name::parse("ਪ".repeat(201)).is_err());
    }

    proptest! {
        #[test]
        fn canadian_and_british_numbers_parse_and_round_trip(
            area in prop::sample::select(vec!["604", "778", "416", "514"]),
            line in "[2-9][0-9]{6}",
            london in "[378][0-9]{7}",
        ) {
            for raw in [format!("+1{area}{line}"), format!("+4420{london}")] {
                let phone = Phone::parse(raw.clone()).unwrap();
                prop_assert_eq!(phone.as_str(), raw.as_str());
            }
        }

        #[test]
        fn every_accepted_phone_is_e164(first in 1u8..=9, rest in "[0-9]{7,14}") {
            if let Ok(phone) = Phone::parse(format!("+{first}{rest}")) {
                let number = phonenumber::parse(None, phone.as_str()).unwrap();
                prop_assert_eq!(
                    number.format().mode(phonenumber::Mode::E164).to_string(),
                    phone.as_str()
                );
            }
        }

        #[test]
        fn phones_with_any_non_digit_are_refused(prefix in "[1-9][0-9]{3,6}", junk in "[^0-9]", suffix in "[0-9]{4,6}") {
            let raw = format!("+{prefix}{junk}{suffix}");
            prop_assert!(Phone::parse(raw).is_err());
        }

        #[test]
        fn name_parsing_never_panics_and_respects_bounds(raw in "\\PC{0,300}") {
            if let Ok(name) = Name::parse(raw) {
                prop_assert!(!name.as_str().is_empty());
                prop_assert!(name.as_str().chars().count() <= 200);
            }
        }
    }
}
