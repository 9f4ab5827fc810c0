//! The seven program designs of the 2025 scoping review, shipped inside the binary as
//! built-in templates that an organization can copy and edit.

use crate::program::ProgramSpec;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramTemplate {
    pub key: String,
    /// The study the design comes from.
    pub citation: String,
    pub country: String,
    pub venues: Vec<String>,
    /// Where the template had to choose because the review is silent, and facts that do not
    /// fit a field (supervision, follow-up calls).
    pub notes: Vec<String>,
    /// How the study measured what the program changed.
    pub outcomes: Outcomes,
    pub program: ProgramSpec,
}

/// A study's evaluation as the review reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// Such as "mixed methods, pre-post".
    pub design: String,
    /// The instruments or measures; none for a qualitative study.
    pub measures: Vec<String>,
    /// When they were measured, such as "baseline" and "24 weeks".
    pub timepoints: Vec<String>,
    /// What the study found, where the review says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

const CATALOGUE: &str = include_str!("../templates/reviewed-programs.json");

/// All built-in templates, parsed once. The catalogue is checked by this crate's tests, so a
/// parse failure here is a build defect, not a runtime condition.
pub fn all() -> &'static [ProgramTemplate] {
    static TEMPLATES: OnceLock<Vec<ProgramTemplate>> = OnceLock::new();
    TEMPLATES.get_or_init(|| serde_json::from_str(CATALOGUE).expect("built-in templates parse"))
}

pub fn find(key: &str) -> Option<&'static ProgramTemplate> {
    all().iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{Cadence, FacilitationModel};

    #[test]
    fn all_seven_templates_parse_and_validate() {
        assert_eq!(all().len(), 7);
        for t in all() {
            t.program
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", t.key));
        }
    }

    #[test]
    fn templates_keep_the_facts_of_the_designs() {
        let tang = find("tang-2015").unwrap();
        let phases: Vec<(u16, u16)> = tang
            .program
            .phases
            .iter()
            .map(|p| (p.sessions, p.session_minutes))
            .collect();
        assert_eq!(phases, [(6, 75), (18, 60)]);
        assert_eq!(tang.outcomes.measures, ["HbA1c", "Diabetes Distress Scale"]);
        assert_eq!(
            tang.outcomes.timepoints,
            ["baseline", "6 weeks", "24 weeks"]
        );
        // The study's 6 and 24 weeks are after the sixth session and after the last.
        let plan: Vec<(String, Vec<String>)> = tang
            .program
            .assessments
            .iter()
            .map(|a| {
                let times = a.timepoints.iter().map(ToString::to_string).collect();
                (a.instrument.to_string(), times)
            })
            .collect();
        let times = || vec!["baseline".into(), "after_session_6".into(), "post".into()];
        assert_eq!(plan, [("hba1c".into(), times()), ("dds".into(), times())]);
        assert_eq!(tang.program.facilitation_model, FacilitationModel::CoLed);
        assert_eq!(tang.program.follow_up.consecutive_misses, 3);

        let arthur = find("arthur-2024").unwrap();
        assert_eq!(arthur.program.phases[1].cadence, Cadence::OneOff);
        assert_eq!(arthur.program.phases[1].session_minutes, 240);

        let paloma = find("paloma-2020").unwrap();
        assert_eq!(
            paloma.program.phases[0].cadence,
            Cadence::TimesPerWeek { times: 2 }
        );
        assert_eq!(paloma.program.total_sessions(), 12);

        let yang = find("yang-2014").unwrap();
        assert_eq!(
            (yang.program.group_size.min, yang.program.group_size.max),
            (Some(3), Some(5))
        );
        assert_eq!(yang.program.total_sessions(), 3);

        assert_eq!(
            find("stewart-2018").unwrap().program.phases[0].cadence,
            Cadence::EveryNWeeks { weeks: 2 }
        );
        assert!(find("nope").is_none());
    }
}
