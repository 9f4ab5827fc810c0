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

string_enum!(
    /// A child's age as childcare is planned by (carers per child, room, activities). No
    /// exact age is kept: the band is all the planning needs (less data, issue 23).
    AgeBand {
        /// 0 to 1 year old.
        UnderTwo => "under_two",
        TwoToFour => "two_to_four",
        FiveToTwelve => "five_to_twelve",
        ThirteenToSeventeen => "thirteen_to_seventeen",
    }
);

impl AgeBand {
    /// The band's ages in years, as a page shows it: "2–4".
    pub fn years(self) -> &'static str {
        match self {
            AgeBand::UnderTwo => "0–1",
            AgeBand::TwoToFour => "2–4",
            AgeBand::FiveToTwelve => "5–12",
            AgeBand::ThirteenToSeventeen => "13–17",
        }
    }

    /// The band of a child `age` years old; none for an adult.
    pub fn of(age: u8) -> Option<AgeBand> {
        match age {
            0..=1 => Some(AgeBand::UnderTwo),
            2..=4 => Some(AgeBand::TwoToFour),
            5..=12 => Some(AgeBand::FiveToTwelve),
            13..=17 => Some(AgeBand::ThirteenToSeventeen),
            _ => None,
        }
    }

    /// Its place from youngest to oldest, for sorting.
    pub fn rank(self) -> usize {
        AgeBand::ALL.iter().position(|b| *b == self).unwrap_or(0)
    }
}

pub const MAX_CHILDREN: usize = 12;

/// One support need of one enrolment. Which fields apply depends on `kind`: childcare
/// lists the children's age bands, an interpreter names a language, food and other
/// describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportNeedSpec {
    pub kind: SupportKind,
    #[serde(default = "requested")]
    pub status: SupportStatus,
    /// Childcare only: the age band of each child who needs care (1 to 12 children).
    #[serde(default)]
    #[schema(max_items = 12)]
    pub children_ages: Vec<AgeBand>,
    /// Interpreter only: the language to interpret into.
    #[serde(default)]
    pub interpreter_language: Option<Language>,
    /// What is needed, such as "halal, no pork" or "bus tickets".
    #[serde(default)]
    pub details: Option<Text>,
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
                format!(
                    "childcare needs the age band of each child (1 to {MAX_CHILDREN} children)"
                ),
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
            need(serde_json::json!({"kind": "childcare", "children_ages": ["two_to_four", "five_to_twelve"]}))
                .validate()
                .is_ok()
        );
        assert!(
            need(serde_json::json!({"kind": "childcare"}))
                .validate()
                .is_err()
        );
        // An exact age is not taken.
        assert!(
            serde_json::from_value::<SupportNeedSpec>(
                serde_json::json!({"kind": "childcare", "children_ages": [3]})
            )
            .is_err()
        );
        assert!(
            need(
                serde_json::json!({"kind": "transport", "children_ages": ["thirteen_to_seventeen"]})
            )
            .validate()
            .is_err()
        );
    }

    #[test]
    fn the_published_count_is_the_validated_one() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(SupportNeedSpec::schema()).unwrap();
        let ages = &schema["properties"]["children_ages"];
        let accepts = |v: serde_json::Value| {
            serde_json::from_value::<SupportNeedSpec>(v).is_ok_and(|n| n.validate().is_ok())
        };
        let max = ages["maxItems"].as_u64().unwrap() as usize;
        assert_eq!(max, MAX_CHILDREN);
        assert!(accepts(
            serde_json::json!({"kind": "childcare", "children_ages": vec!["under_two"; max]})
        ));
        assert!(!accepts(
            serde_json::json!({"kind": "childcare", "children_ages": vec!["under_two"; max + 1]})
        ));
    }

    #[test]
    fn every_child_has_one_band_and_adults_none() {
        for age in 0..=17u8 {
            let band = AgeBand::of(age).unwrap();
            let (low, high) = band.years().split_once('–').unwrap();
            assert!((low.parse::<u8>().unwrap()..=high.parse().unwrap()).contains(&age));
        }
        assert_eq!(AgeBand::of(18), None);
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
