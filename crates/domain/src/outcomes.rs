//! Assessments: a participant's answers to an instrument at a timepoint of their group,
//! scored when saved. Timepoints are named the way programs describe them: baseline,
//! post, a follow-up some weeks after the last session, or after session N.

use crate::instruments::{InstrumentSpec, MeasureSpec, ScoreError, builtin};
use crate::validation::ValidationErrors;
use crate::values::{Name, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// An instrument an assessment can use: a scale, or a single measure with a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Definition {
    Scale(InstrumentSpec),
    Measure(MeasureSpec),
}

impl Definition {
    pub fn key(&self) -> &str {
        match self {
            Definition::Scale(s) => &s.key,
            Definition::Measure(m) => &m.key,
        }
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        match self {
            Definition::Scale(s) => s.validate(),
            Definition::Measure(m) => m.validate(),
        }?;
        if builtin().iter().any(|b| b.key == self.key()) {
            return Err(ValidationErrors::single(
                "key",
                "is the key of a built-in instrument",
            ));
        }
        Ok(())
    }
}

/// The built-in instrument with this key.
pub fn builtin_definition(key: &str) -> Option<Definition> {
    builtin()
        .into_iter()
        .find(|i| i.key == key)
        .map(Definition::Scale)
}

/// When in a group an assessment is taken, written `baseline`, `after_session_N`, `post`
/// or `follow_up_Nw`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Timepoint {
    Baseline,
    /// After the session with this number.
    AfterSession(u32),
    Post,
    /// This many weeks after the last session.
    FollowUp(u32),
}

impl fmt::Display for Timepoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timepoint::Baseline => f.write_str("baseline"),
            Timepoint::AfterSession(n) => write!(f, "after_session_{n}"),
            Timepoint::Post => f.write_str("post"),
            Timepoint::FollowUp(w) => write!(f, "follow_up_{w}w"),
        }
    }
}

impl FromStr for Timepoint {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{s}` is not a timepoint: baseline, post, after_session_N or follow_up_Nw (N from 1 to 520)"
            )
        };
        let number = |n: &str| -> Result<u32, String> {
            n.parse::<u32>()
                .ok()
                .filter(|n| (1..=520).contains(n))
                .ok_or_else(bad)
        };
        match s {
            "baseline" => Ok(Timepoint::Baseline),
            "post" => Ok(Timepoint::Post),
            _ => {
                if let Some(n) = s.strip_prefix("after_session_") {
                    Ok(Timepoint::AfterSession(number(n)?))
                } else if let Some(w) = s
                    .strip_prefix("follow_up_")
                    .and_then(|w| w.strip_suffix('w'))
                {
                    Ok(Timepoint::FollowUp(number(w)?))
                } else {
                    Err(bad())
                }
            }
        }
    }
}

impl TryFrom<String> for Timepoint {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        raw.parse()
    }
}

impl From<Timepoint> for String {
    fn from(t: Timepoint) -> String {
        t.to_string()
    }
}

/// The shape of a timepoint, as a JSON Schema pattern (N from 1 to 520 is checked after).
pub const TIMEPOINT: &str =
    "^(baseline|post|after_session_[1-9][0-9]{0,2}|follow_up_[1-9][0-9]{0,2}w)$";

impl utoipa::PartialSchema for Timepoint {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(TIMEPOINT))
            .description(Some(
                "baseline, after_session_N, post, or follow_up_Nw (N weeks after the last session)",
            ))
            .into()
    }
}

impl utoipa::ToSchema for Timepoint {}

/// An instrument a program's groups are assessed with, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedAssessment {
    /// A built-in instrument (`phq-9`, `gad-7`, `who-5`, `k10`, `pcl-5`) or one the
    /// organization defines; a plan may name one not defined yet.
    pub instrument: Name,
    /// What the study used, as a guide to defining it.
    #[serde(default)]
    pub label: Option<Text>,
    /// Each once, at most 10.
    #[schema(min_items = 1, max_items = 10)]
    pub timepoints: Vec<Timepoint>,
}

/// Most instruments a program plans.
pub const MAX_PLANNED: usize = 10;

/// Checks a program's plan against its number of sessions: each instrument once, each
/// timepoint once, and no session after the last.
pub fn check_plan(plan: &[PlannedAssessment], sessions: u32, errors: &mut ValidationErrors) {
    errors.check(
        plan.len() <= MAX_PLANNED,
        "assessments",
        format!("at most {MAX_PLANNED} instruments"),
    );
    let mut instruments = BTreeSet::new();
    for (i, p) in plan.iter().enumerate() {
        errors.check(
            instruments.insert(p.instrument.as_str()),
            format!("assessments[{i}].instrument"),
            format!("`{}` is planned twice", p.instrument),
        );
        errors.check(
            (1..=10).contains(&p.timepoints.len()),
            format!("assessments[{i}].timepoints"),
            "must name 1 to 10 timepoints",
        );
        let mut seen = BTreeSet::new();
        for (j, t) in p.timepoints.iter().enumerate() {
            let field = format!("assessments[{i}].timepoints[{j}]");
            errors.check(seen.insert(*t), &field, format!("`{t}` is named twice"));
            if let Timepoint::AfterSession(n) = t {
                errors.check(
                    *n < sessions,
                    &field,
                    format!("the program has {sessions} sessions: after the last is `post`"),
                );
            }
        }
    }
}

/// When a planned assessment of a group comes due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueFrom {
    pub instrument: String,
    pub timepoint: Timepoint,
    pub from: chrono::NaiveDate,
}

/// When each planned assessment of a group comes due, given its plan's sessions as
/// (number, local date): baseline from the first session's day, after session N from that
/// session's day, post from the last session's day, and a follow-up N weeks after that. A
/// timepoint whose session the group does not have is left out.
pub fn due_dates(
    plan: &[PlannedAssessment],
    sessions: &[(u32, chrono::NaiveDate)],
) -> Vec<DueFrom> {
    let day_of = |n: u32| {
        sessions
            .iter()
            .find(|(number, _)| *number == n)
            .map(|s| s.1)
    };
    let first = sessions.iter().min_by_key(|s| s.0).map(|s| s.1);
    let last = sessions.iter().max_by_key(|s| s.0).map(|s| s.1);
    plan.iter()
        .flat_map(|p| {
            p.timepoints.iter().filter_map(move |&timepoint| {
                let from = match timepoint {
                    Timepoint::Baseline => first,
                    Timepoint::AfterSession(n) => day_of(n),
                    Timepoint::Post => last,
                    Timepoint::FollowUp(weeks) => {
                        last.map(|d| d + chrono::Days::new(7 * u64::from(weeks)))
                    }
                }?;
                Some(DueFrom {
                    instrument: p.instrument.to_string(),
                    timepoint,
                    from,
                })
            })
        })
        .collect()
}

/// What is entered for one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentSpec {
    pub instrument: String,
    pub timepoint: Timepoint,
    pub taken_on: chrono::NaiveDate,
    /// The language it was taken in, such as `pa-Guru`.
    pub locale: String,
    /// A scale's answers by item key; a missing item may be left out.
    pub answers: BTreeMap<String, Option<i32>>,
    /// A measure's value.
    pub value: Option<f64>,
}

/// An assessment's score: a scale's total (with its band and subscales), or a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub total: f64,
    pub band: Option<String>,
    pub subscales: BTreeMap<String, Option<f64>>,
    pub missing: u32,
    pub alerts: Vec<String>,
}

/// Scores `spec` with `definition`, or says which field is wrong.
pub fn score(definition: &Definition, spec: &AssessmentSpec) -> Result<Scored, ValidationErrors> {
    match definition {
        Definition::Scale(scale) => {
            if spec.value.is_some() {
                return Err(ValidationErrors::single(
                    "value",
                    "a scale is answered item by item",
                ));
            }
            scale
                .score(&spec.answers)
                .map(|s| Scored {
                    total: s.total,
                    band: s.band,
                    subscales: s.subscales,
                    missing: s.missing,
                    alerts: s.alerts,
                })
                .map_err(|e| {
                    let field = match &e {
                        ScoreError::UnknownItem(k) | ScoreError::OutOfRange { item: k, .. } => {
                            format!("answers.{k}")
                        }
                        ScoreError::TooManyMissing { .. } => "answers".to_string(),
                    };
                    ValidationErrors::single(field, e.to_string())
                })
        }
        Definition::Measure(measure) => {
            if !spec.answers.is_empty() {
                return Err(ValidationErrors::single(
                    "answers",
                    "a measure takes one value",
                ));
            }
            let value = spec
                .value
                .ok_or_else(|| ValidationErrors::single("value", "is missing"))?;
            let total = measure
                .check(value)
                .map_err(|e| ValidationErrors::single("value", e))?;
            Ok(Scored {
                total,
                band: None,
                subscales: BTreeMap::new(),
                missing: 0,
                alerts: vec![],
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_timepoint_reads_back_as_written(n in 1u32..=520, kind in 0u8..4) {
            let t = match kind {
                0 => Timepoint::Baseline,
                1 => Timepoint::Post,
                2 => Timepoint::AfterSession(n),
                _ => Timepoint::FollowUp(n),
            };
            prop_assert_eq!(t.to_string().parse::<Timepoint>(), Ok(t));
        }
    }

    fn planned(instrument: &str, timepoints: &[&str]) -> PlannedAssessment {
        PlannedAssessment {
            instrument: Name::parse(instrument).unwrap(),
            label: None,
            timepoints: timepoints.iter().map(|t| t.parse().unwrap()).collect(),
        }
    }

    fn plan_problems(plan: &[PlannedAssessment], sessions: u32) -> Vec<String> {
        let mut errors = ValidationErrors::new();
        check_plan(plan, sessions, &mut errors);
        errors.errors().iter().map(|e| e.field.clone()).collect()
    }

    #[test]
    fn a_plan_names_each_instrument_and_timepoint_once_within_the_sessions() {
        let good = [
            planned("phq-9", &["baseline", "after_session_11", "post"]),
            planned("ptgi", &["baseline", "follow_up_12w"]),
        ];
        assert!(plan_problems(&good, 12).is_empty());
        let bad = [
            planned("phq-9", &["baseline", "after_session_12"]),
            planned("phq-9", &["post", "post"]),
        ];
        assert_eq!(
            plan_problems(&bad, 12),
            [
                "assessments[0].timepoints[1]",
                "assessments[1].instrument",
                "assessments[1].timepoints[1]"
            ]
        );
        let json = r#"{"instrument":"ptgi","timepoints":["baseline","after_session_0"]}"#;
        assert!(serde_json::from_str::<PlannedAssessment>(json).is_err());
    }

    #[test]
    fn each_timepoint_comes_due_on_its_session_or_weeks_after_the_last() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let sessions = [(2, day(9)), (1, day(2)), (3, day(16))];
        let plan = [planned(
            "ptgi",
            &[
                "baseline",
                "after_session_2",
                "post",
                "follow_up_2w",
                "after_session_9",
            ],
        )];
        let due: Vec<(String, chrono::NaiveDate)> = due_dates(&plan, &sessions)
            .into_iter()
            .map(|d| (d.timepoint.to_string(), d.from))
            .collect();
        assert_eq!(
            due,
            [
                ("baseline".into(), day(2)),
                ("after_session_2".into(), day(9)),
                ("post".into(), day(16)),
                ("follow_up_2w".into(), day(30)),
            ]
        );
        assert!(due_dates(&plan, &[]).is_empty());
    }

    #[test]
    fn a_bad_timepoint_is_named() {
        for bad in [
            "",
            "pre",
            "after_session_0",
            "follow_up_12",
            "follow_up_999w",
            "after_session_x",
        ] {
            assert!(bad.parse::<Timepoint>().is_err(), "{bad}");
        }
        assert!(Timepoint::Baseline < Timepoint::Post);
    }

    #[test]
    fn an_organization_cannot_take_a_builtin_key() {
        let mut phq = builtin().remove(0);
        phq.title = "Our PHQ".into();
        let errors = Definition::Scale(phq).validate().unwrap_err();
        assert_eq!(errors.errors()[0].field, "key");
        assert!(builtin_definition("gad-7").is_some());
        assert!(builtin_definition("ptgi").is_none());
    }
}
