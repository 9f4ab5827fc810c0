//! Assessments: a participant's answers to an instrument at a timepoint of their group,
//! scored when saved. Timepoints are named the way programs describe them: baseline,
//! post, a follow-up some weeks after the last session, or after session N.

use crate::instruments::{InstrumentSpec, MeasureSpec, ScoreError, builtin};
use crate::validation::ValidationErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// An instrument an assessment can use: a scale, or a single measure with a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// When in a group an assessment is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
