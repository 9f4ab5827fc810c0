//! Practical supports: what a participant needs to be able to come, and whether it is arranged.

use crate::validation::ValidationErrors;
use crate::values::{Language, Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    SupportKind {
        Childcare => "childcare",
        Transport => "transport",
        Interpreter => "interpreter",
        /// Dietary needs, or food provided at sessions.
        Food => "food",
        Financial => "financial",
        Other => "other",
    }
);

string_enum!(
    SupportStatus {
        Requested => "requested",
        Arranged => "arranged",
        Declined => "declined",
    }
);

pub const MAX_CHILDREN: usize = 12;

/// One support need of one enrolment. Which fields apply depends on `kind`: childcare
/// lists the children's ages, an interpreter names a language, food and other describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportNeedSpec {
    pub kind: SupportKind,
    #[serde(default = "requested")]
    pub status: SupportStatus,
    /// Childcare only: the age in years of each child who needs care.
    #[serde(default)]
    #[schema(schema_with = children_ages_schema)]
    pub children_ages: Vec<u8>,
    /// Interpreter only: the language to interpret into.
    #[serde(default)]
    pub interpreter_language: Option<Language>,
    /// What is needed, such as "halal, no pork" or "bus tickets".
    #[serde(default)]
    pub details: Option<Text>,
}

/// What `validate` holds every list to, whatever the kind: childcare needs 1 to
/// [`MAX_CHILDREN`] ages, any other kind none.
fn children_ages_schema() -> utoipa::openapi::schema::ArrayBuilder {
    crate::validation::integer_list(utoipa::openapi::KnownFormat::Int32, Some(0), Some(17))
        .max_items(Some(MAX_CHILDREN))
        .description(Some(
            "Childcare only: the age in years (0 to 17) of each child who needs care.",
        ))
}

fn requested() -> SupportStatus {
    SupportStatus::Requested
}

impl SupportNeedSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let childcare = self.kind == SupportKind::Childcare;
        if childcare {
            errors.check(
                (1..=MAX_CHILDREN).contains(&self.children_ages.len()),
                "children_ages",
                format!("childcare needs the age of each child (1 to {MAX_CHILDREN} children)"),
            );
            errors.check(
                self.children_ages.iter().all(|&age| age <= 17),
                "children_ages",
                "ages are from 0 to 17",
            );
        } else {
            errors.check(
                self.children_ages.is_empty(),
                "children_ages",
                "only childcare lists children",
            );
        }
        let interpreter = self.kind == SupportKind::Interpreter;
        errors.check(
            interpreter == self.interpreter_language.is_some(),
            "interpreter_language",
            if interpreter {
                "an interpreter needs a language"
            } else {
                "only an interpreter has a language"
            },
        );
        errors.check(
            !matches!(self.kind, SupportKind::Food | SupportKind::Other) || self.details.is_some(),
            "details",
            "describe what is needed",
        );
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(json: serde_json::Value) -> SupportNeedSpec {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn childcare_needs_ages_of_children() {
        assert!(
            need(serde_json::json!({"kind": "childcare", "children_ages": [2, 5]}))
                .validate()
                .is_ok()
        );
        assert!(
            need(serde_json::json!({"kind": "childcare"}))
                .validate()
                .is_err()
        );
        assert!(
            need(serde_json::json!({"kind": "childcare", "children_ages": [19]}))
                .validate()
                .is_err()
        );
        assert!(
            need(serde_json::json!({"kind": "transport", "children_ages": [3]}))
                .validate()
                .is_err()
        );
    }

    #[test]
    fn the_published_ages_and_count_are_the_validated_ones() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(SupportNeedSpec::schema()).unwrap();
        let ages = &schema["properties"]["children_ages"];
        let valid = serde_json::json!({"kind": "childcare", "children_ages": [2, 5]});
        let accepts = |v: serde_json::Value| {
            serde_json::from_value::<SupportNeedSpec>(v).is_ok_and(|n| n.validate().is_ok())
        };
        crate::validation::assert_bounds_agree(&valid, "/children_ages/1", &ages["items"], accepts);
        let max = ages["maxItems"].as_u64().unwrap() as usize;
        assert!(accepts(
            serde_json::json!({"kind": "childcare", "children_ages": vec![4; max]})
        ));
        assert!(!accepts(
            serde_json::json!({"kind": "childcare", "children_ages": vec![4; max + 1]})
        ));
    }

    #[test]
    fn an_interpreter_needs_a_language_and_only_an_interpreter_has_one() {
        assert!(
            need(serde_json::json!({"kind": "interpreter", "interpreter_language": "prs"}))
                .validate()
                .is_ok()
        );
        assert!(
            need(serde_json::json!({"kind": "interpreter"}))
                .validate()
                .is_err()
        );
        assert!(
            need(serde_json::json!({"kind": "transport", "interpreter_language": "ar"}))
                .validate()
                .is_err()
        );
    }

    #[test]
    fn food_needs_details_and_defaults_to_requested() {
        let food = need(serde_json::json!({"kind": "food", "details": "halal"}));
        assert!(food.validate().is_ok());
        assert_eq!(food.status, SupportStatus::Requested);
        assert!(
            need(serde_json::json!({"kind": "food"}))
                .validate()
                .is_err()
        );
    }
}
