//! Facilitator training: modules, curricula per program role, completion records, and the
//! eligibility check that tells a coordinator, for a given date, what a person still lacks
//! to lead in a role.
//!
//! A completion of a module that expires is valid up to, not including, the day its validity
//! ends: a refresher due on the session's date is already missing on that date.

use crate::Id;
use crate::validation::ValidationErrors;
use crate::values::{Key, Language, Name, Text};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use utoipa::ToSchema;

/// Hours a module, a curriculum or a completion may count, at most.
pub const MAX_HOURS: f32 = 1000.0;
/// Months a completion may stay valid, at most (10 years).
pub const MAX_VALID_MONTHS: u16 = 120;

string_enum!(
    /// How a module is taught.
    DeliveryFormat {
        InPerson => "in_person",
        Online => "online",
        Blended => "blended",
        SelfStudy => "self_study",
    }
);

fn check_hours(errors: &mut ValidationErrors, field: &str, hours: f32) {
    errors.check(
        hours.is_finite() && hours > 0.0 && hours <= MAX_HOURS,
        field,
        format!("must be more than 0 and at most {MAX_HOURS}"),
    );
}

/// A unit of training an organization teaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModuleSpec {
    pub title: Name,
    #[serde(default)]
    pub topics: Vec<Text>,
    pub hours: f32,
    pub delivery_format: DeliveryFormat,
    /// Months a completion stays valid; none: it does not expire.
    #[serde(default)]
    pub valid_for_months: Option<u16>,
}

impl ModuleSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_hours(&mut errors, "hours", self.hours);
        if let Some(m) = self.valid_for_months {
            errors.check(
                (1..=MAX_VALID_MONTHS).contains(&m),
                "valid_for_months",
                format!("must be from 1 to {MAX_VALID_MONTHS}"),
            );
        }
        errors.into_result()
    }
}

/// The training one program role needs: modules in order, and the hours in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CurriculumSpec {
    pub role: Key,
    pub modules: Vec<Id>,
    /// Hours of completed modules the role needs in all; none: the modules' own hours.
    #[serde(default)]
    pub hours_required: Option<f32>,
}

impl CurriculumSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            !self.modules.is_empty(),
            "modules",
            "name at least one module",
        );
        for (i, m) in self.modules.iter().enumerate() {
            errors.check(
                !self.modules[..i].contains(m),
                format!("modules[{i}]"),
                "is listed twice",
            );
        }
        if let Some(h) = self.hours_required {
            check_hours(&mut errors, "hours_required", h);
        }
        errors.into_result()
    }
}

/// A person's completion of a module, as a coordinator enters it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompletionSpec {
    pub person_id: Id,
    pub module_id: Id,
    pub completed_on: NaiveDate,
    pub hours: f32,
    #[serde(default)]
    pub trainer: Option<Name>,
    #[serde(default)]
    pub evidence_note: Option<Text>,
    /// When this completion stops counting; none: from the module's validity.
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
}

impl CompletionSpec {
    /// `today` is the organization's date now: a completion cannot be in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_hours(&mut errors, "hours", self.hours);
        errors.check(
            self.completed_on <= today,
            "completed_on",
            "cannot be in the future",
        );
        if let Some(e) = self.expires_on {
            errors.check(
                e > self.completed_on,
                "expires_on",
                "must be after completed_on",
            );
        }
        errors.into_result()
    }
}

/// A completion as the check reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Completion {
    pub module_id: Id,
    pub completed_on: NaiveDate,
    pub hours: f32,
    /// The first day it no longer counts.
    pub expires_on: Option<NaiveDate>,
}

impl Completion {
    /// The first day a completion on `completed_on` no longer counts, for a module valid
    /// `months` months; none for a module that does not expire.
    pub fn expiry(completed_on: NaiveDate, months: Option<u16>) -> Option<NaiveDate> {
        months.and_then(|m| completed_on.checked_add_months(Months::new(u32::from(m))))
    }

    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.completed_on <= day && self.expires_on.is_none_or(|e| day < e)
    }
}

/// What a program asks of a person for one role, besides training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleConditions {
    /// Shares the lived experience of the program's condition and of migration.
    #[serde(default)]
    pub lived_experience: bool,
    /// Languages the person must speak well enough to lead in.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// The youngest age allowed, confirmed by a coordinator.
    #[serde(default)]
    pub min_age: Option<u8>,
    /// The organization's own yes/no criteria, by key (`police_check`, `first_aid`…).
    #[serde(default)]
    pub criteria: Vec<Key>,
}

/// What a coordinator has confirmed about a facilitator; only what the conditions ask.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorProfile {
    #[serde(default)]
    pub lived_experience: bool,
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Confirmed to be at least this old (no date of birth is kept).
    #[serde(default)]
    pub age_at_least: Option<u8>,
    /// Criteria met, by key.
    #[serde(default)]
    pub criteria: Vec<Key>,
}

/// One thing a person lacks for a role on a day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unmet {
    /// Never completed.
    Module {
        module_id: Id,
    },
    /// Completed, but no longer valid on the day.
    Expired {
        module_id: Id,
        expired_on: NaiveDate,
    },
    /// Valid completions of the curriculum's modules fall short of its hours.
    Hours {
        required_tenths: u32,
        counted_tenths: u32,
    },
    LivedExperience,
    Language {
        language: String,
    },
    MinAge {
        min_age: u8,
    },
    Criterion {
        key: String,
    },
}

/// A role's requirements: its curriculum (modules and hours) and its conditions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Requirements {
    pub modules: Vec<Id>,
    pub hours_required: Option<f32>,
    pub conditions: RoleConditions,
}

/// Speaking a language is matched by its primary subtag: `pa` speaks `pa-Guru`.
fn primary_language(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_ascii_lowercase()
}

fn tenths(hours: f32) -> u32 {
    (hours * 10.0).round().max(0.0) as u32
}

/// Everything `profile` and `completions` lack against `req` on `day`, sorted; empty when
/// the person is eligible. Hours count each module once, from its valid completion with the
/// most hours.
pub fn unmet(
    req: &Requirements,
    profile: &FacilitatorProfile,
    completions: &[Completion],
    day: NaiveDate,
) -> Vec<Unmet> {
    let mut out = Vec::new();
    let mut counted = 0;
    for &m in &req.modules {
        let of_module = completions.iter().filter(|c| c.module_id == m);
        let valid = of_module
            .clone()
            .filter(|c| c.valid_on(day))
            .map(|c| tenths(c.hours))
            .max();
        match valid {
            Some(t) => counted += t,
            None => {
                let expired = of_module
                    .filter(|c| c.completed_on <= day)
                    .filter_map(|c| c.expires_on)
                    .max();
                out.push(match expired {
                    Some(expired_on) => Unmet::Expired {
                        module_id: m,
                        expired_on,
                    },
                    None => Unmet::Module { module_id: m },
                });
            }
        }
    }
    if let Some(h) = req.hours_required
        && counted < tenths(h)
    {
        out.push(Unmet::Hours {
            required_tenths: tenths(h),
            counted_tenths: counted,
        });
    }
    let c = &req.conditions;
    if c.lived_experience && !profile.lived_experience {
        out.push(Unmet::LivedExperience);
    }
    for l in &c.languages {
        if !profile
            .languages
            .iter()
            .any(|p| primary_language(p.as_str()) == primary_language(l.as_str()))
        {
            out.push(Unmet::Language {
                language: l.to_string(),
            });
        }
    }
    if let Some(min) = c.min_age
        && profile.age_at_least.is_none_or(|a| a < min)
    {
        out.push(Unmet::MinAge { min_age: min });
    }
    let met: BTreeSet<&Key> = profile.criteria.iter().collect();
    for k in &c.criteria {
        if !met.contains(k) {
            out.push(Unmet::Criterion { key: k.to_string() });
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The completions of each person, by person id.
pub type CompletionsByPerson = BTreeMap<Id, Vec<Completion>>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn done(module_id: Id, on: NaiveDate, months: Option<u16>) -> Completion {
        Completion {
            module_id,
            completed_on: on,
            hours: 4.0,
            expires_on: Completion::expiry(on, months),
        }
    }

    fn req(modules: &[Id]) -> Requirements {
        Requirements {
            modules: modules.to_vec(),
            ..Requirements::default()
        }
    }

    #[test]
    fn a_completion_expires_on_the_day_its_validity_ends() {
        let c = done(1, d(2026, 1, 15), Some(12));
        assert_eq!(c.expires_on, Some(d(2027, 1, 15)));
        let p = FacilitatorProfile::default();
        assert!(unmet(&req(&[1]), &p, &[c], d(2027, 1, 14)).is_empty());
        assert_eq!(
            unmet(&req(&[1]), &p, &[c], d(2027, 1, 15)),
            [Unmet::Expired {
                module_id: 1,
                expired_on: d(2027, 1, 15)
            }]
        );
        // A refresher on the day counts from that day.
        let refresher = done(1, d(2027, 1, 15), Some(12));
        assert!(unmet(&req(&[1]), &p, &[c, refresher], d(2027, 1, 15)).is_empty());
        // The end of a short month: 31 January + 1 month is 28 February.
        assert_eq!(
            Completion::expiry(d(2027, 1, 31), Some(1)),
            Some(d(2027, 2, 28))
        );
    }

    #[test]
    fn missing_training_hours_and_conditions_are_each_listed() {
        let r = Requirements {
            modules: vec![1, 2],
            hours_required: Some(20.0),
            conditions: RoleConditions {
                lived_experience: true,
                languages: vec![Language::parse("pa-Guru".to_string()).unwrap()],
                min_age: Some(18),
                criteria: vec![Key::parse("police_check".to_string()).unwrap()],
            },
        };
        let p = FacilitatorProfile {
            languages: vec![Language::parse("pa".to_string()).unwrap()],
            age_at_least: Some(16),
            ..FacilitatorProfile::default()
        };
        let got = unmet(&r, &p, &[done(1, d(2026, 3, 1), None)], d(2026, 6, 1));
        assert_eq!(
            got,
            [
                Unmet::Module { module_id: 2 },
                Unmet::Hours {
                    required_tenths: 200,
                    counted_tenths: 40
                },
                Unmet::LivedExperience,
                Unmet::MinAge { min_age: 18 },
                Unmet::Criterion {
                    key: "police_check".into()
                },
            ]
        );
        // A completion dated after the day does not count yet.
        assert_eq!(
            unmet(
                &req(&[1]),
                &p,
                &[done(1, d(2026, 7, 1), None)],
                d(2026, 6, 1)
            ),
            [Unmet::Module { module_id: 1 }]
        );
    }

    #[test]
    fn specs_refuse_absurd_hours_repeated_modules_and_dates_out_of_order() {
        let module = ModuleSpec {
            title: Name::parse("Group dynamics".to_string()).unwrap(),
            topics: vec![],
            hours: -2.0,
            delivery_format: DeliveryFormat::InPerson,
            valid_for_months: Some(0),
        };
        let fields: Vec<String> = module
            .validate()
            .unwrap_err()
            .errors()
            .iter()
            .map(|e| e.field.clone())
            .collect();
        assert_eq!(fields, ["hours", "valid_for_months"]);
        let curriculum = CurriculumSpec {
            role: Key::parse("peer_leader".to_string()).unwrap(),
            modules: vec![3, 4, 3],
            hours_required: Some(f32::NAN),
        };
        let fields: Vec<String> = curriculum
            .validate()
            .unwrap_err()
            .errors()
            .iter()
            .map(|e| e.field.clone())
            .collect();
        assert_eq!(fields, ["modules[2]", "hours_required"]);
        let completion = CompletionSpec {
            person_id: 1,
            module_id: 3,
            completed_on: d(2026, 12, 1),
            hours: 4.0,
            trainer: None,
            evidence_note: None,
            expires_on: Some(d(2026, 11, 1)),
        };
        let fields: Vec<String> = completion
            .validate(d(2026, 11, 25))
            .unwrap_err()
            .errors()
            .iter()
            .map(|e| e.field.clone())
            .collect();
        assert_eq!(fields, ["completed_on", "expires_on"]);
    }

    fn completion() -> impl Strategy<Value = Completion> {
        (1i64..5, 0i64..800, prop::option::of(1u16..24), 1u8..80).prop_map(
            |(module_id, day, months, tenths)| {
                let on = d(2025, 1, 1) + chrono::Duration::days(day);
                Completion {
                    module_id,
                    completed_on: on,
                    hours: f32::from(tenths) / 10.0,
                    expires_on: Completion::expiry(on, months),
                }
            },
        )
    }

    proptest! {
        /// A module is unmet exactly when no completion of it is valid on the day, and an
        /// unmet module is reported as expired exactly when it was completed before.
        #[test]
        fn a_module_is_missing_exactly_when_no_completion_is_valid_that_day(
            completions in prop::collection::vec(completion(), 0..8),
            day in 0i64..900,
        ) {
            let day = d(2025, 1, 1) + chrono::Duration::days(day);
            let r = req(&[1, 2, 3, 4]);
            let got = unmet(&r, &FacilitatorProfile::default(), &completions, day);
            for m in 1..=4 {
                let valid = completions.iter().any(|c| c.module_id == m && c.valid_on(day));
                let started = completions.iter().any(|c| c.module_id == m && c.completed_on <= day);
                let reported: Vec<&Unmet> = got.iter().filter(|u| matches!(u,
                    Unmet::Module { module_id } | Unmet::Expired { module_id, .. } if *module_id == m)).collect();
                prop_assert_eq!(reported.is_empty(), valid);
                if !valid {
                    prop_assert_eq!(matches!(reported[0], Unmet::Expired { .. }), started);
                }
            }
        }

        /// Adding a completion never adds a module or an hours shortfall.
        #[test]
        fn more_records_never_make_a_person_less_eligible(
            completions in prop::collection::vec(completion(), 0..8),
            extra in completion(),
            day in 0i64..900,
        ) {
            let day = d(2025, 1, 1) + chrono::Duration::days(day);
            let r = Requirements { hours_required: Some(6.0), ..req(&[1, 2, 3]) };
            let p = FacilitatorProfile::default();
            let before = unmet(&r, &p, &completions, day);
            let mut more = completions.clone();
            more.push(extra);
            let after = unmet(&r, &p, &more, day);
            let kinds = |v: &[Unmet]| v.iter().filter_map(|u| match u {
                Unmet::Module { module_id } | Unmet::Expired { module_id, .. } => Some(*module_id),
                _ => None,
            }).collect::<BTreeSet<_>>();
            prop_assert!(kinds(&after).is_subset(&kinds(&before)));
            let hours_short = |v: &[Unmet]| v.iter().any(|u| matches!(u, Unmet::Hours { .. }));
            prop_assert!(!hours_short(&after) || hours_short(&before));
        }
    }
}
