//! Pure types and rules of peergroup: programs and their curricula, groups, people,
//! enrolments, facilitator assignments and support needs. No IO, no async, no ORM.
//!
//! Input types validate at the edge: newtypes refuse bad values while being deserialized
//! (so the error names the field), and `validate()` methods check the rules that span
//! several fields, collecting every problem instead of stopping at the first.

/// Declares an enum stored and sent as snake_case text, with `as_str`, `FromStr`, `ALL` and
/// an OpenAPI schema. The database keeps the same text, so one list of names serves both.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        // Names on the wire are the variants in snake_case, said once at the container so
        // that serde and the OpenAPI derive read the same rule (utoipa does not see a
        // per-variant `rename` whose value comes from a macro argument). `StringEnum`'s
        // test holds the texts below to it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl $crate::StringEnum for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn as_str(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("`{s}` is not one of: {}", [$($text),+].join(", "))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod access_log;
pub mod attendance;
pub mod calendar;
pub mod card;
pub mod clock;
pub mod consent;
pub mod enrollment;
pub mod facilitator;
pub mod figures;
pub mod followup;
pub mod group;
pub mod ical;
pub mod instruments;
pub mod jobs;
pub mod org;
pub mod outcomes;
pub mod paired;
pub mod person;
pub mod program;
pub mod records;
pub mod redact;
pub mod regeneration;
pub mod reminders;
pub mod retention;
pub mod schedule;
pub mod sms;
pub mod subject_access;
pub mod support;
pub mod templates;
pub mod training;
pub mod validation;
pub mod values;

pub use validation::{FieldError, ValidationErrors};

/// A closed set of names, as `string_enum!` declares them: stored, sent and published as
/// the same snake_case text.
pub trait StringEnum: Copy + serde::Serialize + 'static {
    fn all() -> &'static [Self];
    fn as_str(self) -> &'static str;
}

/// Database identity of any stored object. Objects are always looked up together with
/// their organization, so an id alone never reveals another tenant's data.
pub type Id = i64;
