//! Facilitator training: modules, curricula per program role, completion records, and the
//! eligibility check that tells a coordinator, for a given date, what a person still lacks
//! to lead in a role.
//!
//! A completion of a module that expires is valid up to, not including, the day its validity
//! ends: a refresher due on the session's date is already missing on that date.

use crate::Id;
use crate::attendance::fills;
use crate::program::{FacilitatorKind, ProgramSpec};
use crate::validation::{MAX_SET_ITEMS, ValidationErrors, check_hours, distinct};
use crate::values::{Key, Language, Name, Text};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use utoipa::ToSchema;

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

/// Refuses a set of more than [`MAX_SET_ITEMS`] entries; `what` names them.
fn check_set(errors: &mut ValidationErrors, field: &str, len: usize, what: &str) {
    errors.check(
        len <= MAX_SET_ITEMS,
        field,
        format!("at most {MAX_SET_ITEMS} {what}"),
    );
}

/// A list of distinct ids (`check_unique` refuses a repeat).
fn distinct_ids(description: &str) -> utoipa::openapi::schema::ArrayBuilder {
    crate::validation::integer_list(utoipa::openapi::KnownFormat::Int64, None, None)
        .unique_items(true)
        .description(Some(description))
}

/// Refuses an id listed twice, naming the repeat (`modules[2]`).
pub fn check_unique(errors: &mut ValidationErrors, field: &str, ids: &[Id]) {
    for (i, id) in ids.iter().enumerate() {
        errors.check(
            !ids[..i].contains(id),
            format!("{field}[{i}]"),
            "is listed twice",
        );
    }
}

/// A unit of training an organization teaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModuleSpec {
    pub title: Name,
    /// Each topic once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub topics: Vec<Text>,
    /// Teaching hours; none where the design does not say.
    #[serde(default)]
    #[schema(minimum = 0.1, maximum = 1000)]
    pub hours: Option<f32>,
    pub delivery_format: DeliveryFormat,
    /// Months a completion stays valid; none: it does not expire.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 120)]
    pub valid_for_months: Option<u16>,
}

impl ModuleSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_set(&mut errors, "topics", self.topics.len(), "topics");
        if let Some(h) = self.hours {
            check_hours(&mut errors, "hours", h);
        }
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

/// A person's completion of a module, as a coordinator enters it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompletionSpec {
    pub person_id: Id,
    pub module_id: Id,
    pub completed_on: NaiveDate,
    /// Hours of training. When absent, the module's hours; when the module has none either
    /// (the reviewed designs often give a length, not hours), not recorded, and the
    /// completion adds nothing towards a curriculum's required hours.
    #[serde(default)]
    #[schema(minimum = 0.1, maximum = 1000)]
    pub hours: Option<f32>,
    /// Who gave the training, for the funder's fidelity reports. No note on the evidence
    /// is kept (less data): the record is the evidence.
    #[serde(default)]
    pub trainer: Option<Name>,
    /// When this completion stops counting; none: from the module's validity.
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
}

impl CompletionSpec {
    /// `today` is the organization's date now: a completion cannot be in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(h) = self.hours {
            check_hours(&mut errors, "hours", h);
        }
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
    /// Languages the person must speak well enough to lead in; a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub languages: Vec<Language>,
    /// The youngest age allowed, confirmed by a coordinator.
    #[serde(default)]
    #[schema(minimum = 14, maximum = 99)]
    pub min_age: Option<u8>,
    /// The organization's own yes/no criteria, by key (`police_check`, `first_aid`…); a
    /// repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub criteria: Vec<Key>,
}

/// What a coordinator has confirmed about a facilitator; only what the conditions ask.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorProfile {
    #[serde(default)]
    pub lived_experience: bool,
    /// Languages confirmed; a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub languages: Vec<Language>,
    /// Confirmed to be at least this old (no date of birth is kept).
    #[serde(default)]
    #[schema(minimum = 14, maximum = 120)]
    pub age_at_least: Option<u8>,
    /// Criteria met, by key; a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub criteria: Vec<Key>,
}

impl FacilitatorProfile {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_set(&mut errors, "languages", self.languages.len(), "languages");
        check_set(&mut errors, "criteria", self.criteria.len(), "criteria");
        if let Some(age) = self.age_at_least {
            errors.check(
                (14..=120).contains(&age),
                "age_at_least",
                "must be from 14 to 120",
            );
        }
        errors.into_result()
    }
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

/// What a program asks of one facilitator role: its curriculum (training modules in order,
/// and the hours in all) and its conditions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// Training modules of the organization, in the order they are taught, each once.
    #[serde(default)]
    #[schema(schema_with = requirement_modules_schema)]
    pub modules: Vec<Id>,
    /// Hours of valid completions of these modules the role needs in all; none: no count.
    #[serde(default)]
    #[schema(minimum = 0.1, maximum = 1000)]
    pub hours_required: Option<f32>,
    #[serde(default)]
    pub conditions: RoleConditions,
}

fn requirement_modules_schema() -> utoipa::openapi::schema::ArrayBuilder {
    distinct_ids("Training modules of the organization, in the order they are taught, each once.")
}

impl Requirements {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_unique(&mut errors, "modules", &self.modules);
        let c = &self.conditions;
        check_set(
            &mut errors,
            "conditions.languages",
            c.languages.len(),
            "languages",
        );
        check_set(
            &mut errors,
            "conditions.criteria",
            c.criteria.len(),
            "criteria",
        );
        if let Some(h) = self.hours_required {
            check_hours(&mut errors, "hours_required", h);
        }
        if let Some(age) = self.conditions.min_age {
            errors.check(
                (14..=99).contains(&age),
                "conditions.min_age",
                "must be from 14 to 99",
            );
        }
        errors.into_result()
    }
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

/// A module as stored.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TrainingModule {
    pub id: Id,
    #[serde(flatten)]
    pub spec: ModuleSpec,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One program role's requirements as stored.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RoleRequirements {
    pub program_id: Id,
    pub role: String,
    #[serde(flatten)]
    pub requirements: Requirements,
    pub updated_at: DateTime<Utc>,
}

/// A completion as stored; `expires_on` is the day it stops counting, from the module's
/// validity unless the coordinator gave one.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CompletionRecord {
    pub id: Id,
    #[serde(flatten)]
    pub spec: CompletionSpec,
    pub module_title: String,
    /// Whether it counts today.
    pub valid_today: bool,
    pub recorded_by: Option<Id>,
    pub created_at: DateTime<Utc>,
}

/// How a facilitator stands for one of their groups, checked on the day they first lead
/// it (or today, for a group already under way).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AssignmentStanding {
    pub group_id: Id,
    pub group_name: String,
    pub program_role: Option<String>,
    pub checked_on: NaiveDate,
    /// What is missing on that day, per role; empty when eligible.
    pub unmet: Vec<String>,
    /// Training valid on `checked_on` that ends before the group's last session.
    pub expiring: Vec<String>,
    /// The assignment carries a coordinator's override.
    pub overridden: bool,
}

/// One person's training record: what a coordinator confirmed, what they completed, and
/// where they stand for the groups they facilitate.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TrainingRecord {
    pub person_id: Id,
    pub display_name: String,
    pub profile: FacilitatorProfile,
    pub completions: Vec<CompletionRecord>,
    pub assignments: Vec<AssignmentStanding>,
}

/// A training course run for a set of facilitators-in-training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CohortSpec {
    pub title: Name,
    pub starts_on: NaiveDate,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Each once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub trainers: Vec<Name>,
    /// Modules the cohort teaches, each once.
    #[serde(default)]
    #[schema(schema_with = cohort_modules_schema)]
    pub modules: Vec<Id>,
    /// People in training, each once.
    #[serde(default)]
    #[schema(schema_with = cohort_trainees_schema)]
    pub trainees: Vec<Id>,
}

fn cohort_modules_schema() -> utoipa::openapi::schema::ArrayBuilder {
    distinct_ids("Modules the cohort teaches, each once.")
}

fn cohort_trainees_schema() -> utoipa::openapi::schema::ArrayBuilder {
    distinct_ids("People in training, each once.")
}

impl CohortSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(end) = self.ends_on {
            errors.check(
                end >= self.starts_on,
                "ends_on",
                "must not be before starts_on",
            );
        }
        check_set(&mut errors, "trainers", self.trainers.len(), "trainers");
        check_unique(&mut errors, "modules", &self.modules);
        check_unique(&mut errors, "trainees", &self.trainees);
        errors.into_result()
    }

    /// A session fits the cohort: held within its dates, teaching one of its modules.
    pub fn check_session(&self, session: &TrainingSessionSpec) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            session.held_on >= self.starts_on && self.ends_on.is_none_or(|e| session.held_on <= e),
            "held_on",
            "must fall within the cohort's dates",
        );
        if let Some(m) = session.module_id {
            errors.check(
                self.modules.contains(&m),
                "module_id",
                "is not one of the cohort's modules",
            );
        }
        errors.into_result()
    }

    /// A new design keeps every module that sessions already taught.
    pub fn check_keeps_taught(&self, taught: &[Id]) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(m) = taught.iter().find(|m| !self.modules.contains(m)) {
            errors.add(
                "modules",
                format!("module {m} has sessions in this cohort; it cannot be removed"),
            );
        }
        errors.into_result()
    }

    /// Those present are the cohort's trainees, each once.
    pub fn check_attendance(&self, spec: &TrainingAttendanceSpec) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_unique(&mut errors, "present", &spec.present);
        for (i, p) in spec.present.iter().enumerate() {
            errors.check(
                self.trainees.contains(p),
                format!("present[{i}]"),
                "is not a trainee of this cohort",
            );
        }
        errors.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Cohort {
    pub id: Id,
    #[serde(flatten)]
    pub spec: CohortSpec,
    pub sessions: Vec<TrainingSession>,
    /// Each trainee's attended sessions and hours, to inform completions.
    pub progress: Vec<TraineeProgress>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TraineeProgress {
    pub person_id: Id,
    pub sessions_attended: u32,
    pub hours_attended: f32,
}

/// One meeting of a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingSessionSpec {
    pub held_on: NaiveDate,
    #[schema(minimum = 0.1, maximum = 24)]
    pub hours: f32,
    /// The module it taught, one of the cohort's.
    #[serde(default)]
    pub module_id: Option<Id>,
    #[serde(default)]
    pub topic: Option<Name>,
}

impl TrainingSessionSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_hours(&mut errors, "hours", self.hours);
        errors.check(
            self.hours <= 24.0,
            "hours",
            "a session lasts at most 24 hours",
        );
        errors.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TrainingSession {
    pub id: Id,
    pub cohort_id: Id,
    #[serde(flatten)]
    pub spec: TrainingSessionSpec,
    /// Trainees marked present; empty until attendance is taken.
    pub present: Vec<Id>,
    pub absent: Vec<Id>,
}

/// Who attended one training session: every trainee not listed is recorded absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingAttendanceSpec {
    /// Trainees of the cohort, each once.
    #[schema(schema_with = attendance_present_schema)]
    pub present: Vec<Id>,
}

fn attendance_present_schema() -> utoipa::openapi::schema::ArrayBuilder {
    distinct_ids("Trainees of the cohort, each once.")
}

string_enum!(
    /// How a supervision contact took place.
    SupervisionMode {
        Meeting => "meeting",
        Call => "call",
    }
);

/// A professional mentor's supervision contact with a peer facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisionSpec {
    pub mentor_person_id: Id,
    pub peer_person_id: Id,
    pub held_on: NaiveDate,
    pub mode: SupervisionMode,
    #[schema(minimum = 1, maximum = 600)]
    pub minutes: u16,
    /// Each topic once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub topics: Vec<Name>,
    /// Whether the peer needs more from the mentor. What was said is not kept: no page
    /// reads it, and it would be about the peer's wellbeing and their participants.
    #[serde(default)]
    pub follow_up_needed: bool,
}

impl SupervisionSpec {
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            (1..=600).contains(&self.minutes),
            "minutes",
            "must be from 1 to 600",
        );
        check_set(&mut errors, "topics", self.topics.len(), "topics");
        errors.check(self.held_on <= today, "held_on", "cannot be in the future");
        errors.check(
            self.mentor_person_id != self.peer_person_id,
            "peer_person_id",
            "must be someone other than the mentor",
        );
        errors.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SupervisionContact {
    pub id: Id,
    #[serde(flatten)]
    pub spec: SupervisionSpec,
    pub recorded_by: Option<Id>,
    pub created_at: DateTime<Utc>,
}

/// The latest day anywhere on Earth (UTC+14) at `now`: a date entered by a coordinator in
/// any timezone is "not in the future" if it is not after this.
pub fn latest_today(now: DateTime<Utc>) -> NaiveDate {
    (now + chrono::Duration::hours(14)).date_naive()
}

/// The modules a program's stated training becomes when the program is copied into an
/// organization: one per distinct title, with the roles that take it, in the design's order.
pub fn modules_from_design(program: &ProgramSpec) -> Vec<(ModuleSpec, Vec<Key>)> {
    let mut out: Vec<(ModuleSpec, Vec<Key>)> = Vec::new();
    for t in &program.training {
        if let Some((_, roles)) = out.iter_mut().find(|(m, _)| m.title == t.title) {
            if !roles.contains(&t.role) {
                roles.push(t.role.clone());
            }
            continue;
        }
        let module = ModuleSpec {
            title: t.title.clone(),
            topics: t.topics.clone(),
            hours: t.hours,
            delivery_format: DeliveryFormat::InPerson,
            valid_for_months: None,
        };
        out.push((module, vec![t.role.clone()]));
    }
    out
}

/// A role's requirements from its modules (with their ids): all of them, and their hours in
/// all when every one states its hours.
pub fn requirements_of(modules: &[(Id, &ModuleSpec)]) -> Requirements {
    let hours: Option<f32> = modules.iter().map(|(_, m)| m.hours).sum();
    Requirements {
        modules: modules.iter().map(|&(id, _)| id).collect(),
        hours_required: hours.filter(|h| *h > 0.0),
        conditions: RoleConditions::default(),
    }
}

/// The completions of each person, by person id.
pub type CompletionsByPerson = BTreeMap<Id, Vec<Completion>>;

/// What a person lacks for one program role.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RoleShortfall {
    pub role: String,
    pub unmet: Vec<Unmet>,
}

/// The program roles an assignment is checked against: those it [`fills`].
pub fn roles_for(program: &ProgramSpec, kind: FacilitatorKind, role: Option<&Key>) -> Vec<Key> {
    match role {
        Some(key) => vec![key.clone()],
        None => program
            .facilitator_roles
            .iter()
            .filter(|r| fills(program, kind, None, &r.key))
            .map(|r| r.key.clone())
            .collect(),
    }
}

/// Whether a person may lead in one of `roles` on `day`: `Ok` when some role's
/// requirements are all met (a role without requirements is met by anyone), otherwise what
/// each role still lacks.
pub fn check_roles(
    roles: &[(Key, Option<&Requirements>)],
    profile: &FacilitatorProfile,
    completions: &[Completion],
    day: NaiveDate,
) -> Result<(), Vec<RoleShortfall>> {
    let mut short = Vec::new();
    for (role, req) in roles {
        let Some(req) = req else { return Ok(()) };
        let lacks = unmet(req, profile, completions, day);
        if lacks.is_empty() {
            return Ok(());
        }
        short.push(RoleShortfall {
            role: role.to_string(),
            unmet: lacks,
        });
    }
    if roles.is_empty() { Ok(()) } else { Err(short) }
}

impl Unmet {
    /// A sentence for a coordinator; `title` names a module by id.
    pub fn describe(&self, title: impl Fn(Id) -> String) -> String {
        match self {
            Unmet::Module { module_id } => {
                format!("training `{}` not completed", title(*module_id))
            }
            Unmet::Expired {
                module_id,
                expired_on,
            } => format!("training `{}` expired on {expired_on}", title(*module_id)),
            Unmet::Hours {
                required_tenths,
                counted_tenths,
            } => format!(
                "{} of {} training hours",
                f64::from(*counted_tenths) / 10.0,
                f64::from(*required_tenths) / 10.0
            ),
            Unmet::LivedExperience => "shared lived experience not confirmed".into(),
            Unmet::Language { language } => format!("language `{language}` not confirmed"),
            Unmet::MinAge { min_age } => format!("not confirmed to be at least {min_age}"),
            Unmet::Criterion { key } => format!("criterion `{key}` not confirmed"),
        }
    }
}

/// A peer facilitator of an active group: when they were last supervised, and how much
/// they carry.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PeerSupervision {
    pub person_id: Id,
    pub display_name: String,
    pub last_contact_on: Option<NaiveDate>,
    /// No contact within the report's weeks.
    pub overdue: bool,
    /// Planned, enrolling and running groups they facilitate.
    pub groups: u32,
    /// Sessions of those groups in the next 30 days.
    pub sessions_next_30_days: u32,
    /// Follow-up calls assigned to them and still open.
    pub open_follow_ups: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SupervisionReport {
    pub weeks: u32,
    /// Peers with no contact on or after this day are overdue.
    pub since: NaiveDate,
    pub peers: Vec<PeerSupervision>,
}

/// A facilitator who lacks, or will soon lack, training for a group they are assigned to.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FacilitatorGap {
    pub person_id: Id,
    pub display_name: String,
    #[serde(flatten)]
    pub standing: AssignmentStanding,
}

/// An upcoming session whose assigned facilitators do not fill its phase's lead roles.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SessionRoleGap {
    pub session_id: Id,
    pub group_id: Id,
    pub starts_at: DateTime<Utc>,
    /// Each lead role short of its count, such as `educator: 0 of 1`.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TrainingGaps {
    pub facilitators: Vec<FacilitatorGap>,
    pub sessions: Vec<SessionRoleGap>,
}

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
            hours: Some(-2.0),
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
        let curriculum = Requirements {
            modules: vec![3, 4, 3],
            hours_required: Some(f32::NAN),
            conditions: RoleConditions::default(),
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
            hours: Some(4.0),
            trainer: None,
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

    #[test]
    fn a_designs_training_becomes_modules_shared_by_the_roles_that_take_them() {
        let stewart = crate::templates::find("stewart-2018").unwrap();
        let modules = modules_from_design(&stewart.program);
        assert_eq!(modules.len(), 1, "one training for both mentor roles");
        let roles: Vec<&str> = modules[0].1.iter().map(|k| k.as_str()).collect();
        assert_eq!(roles, ["peer_mentor", "professional_mentor"]);
        assert_eq!(modules[0].0.topics.len(), 5);

        let tang = crate::templates::find("tang-2015").unwrap();
        let modules = modules_from_design(&tang.program);
        let peer = modules
            .iter()
            .position(|(_, r)| r[0].as_str() == "peer_leader")
            .unwrap();
        let req = requirements_of(&[(7, &modules[peer].0)]);
        assert_eq!((req.modules, req.hours_required), (vec![7], Some(20.0)));
        let educator = modules
            .iter()
            .find(|(_, r)| r[0].as_str() != "peer_leader")
            .unwrap();
        assert_eq!(requirements_of(&[(8, &educator.0)]).hours_required, None);
    }

    fn fields(result: Result<(), ValidationErrors>) -> Vec<(String, String)> {
        result
            .err()
            .map(|e| {
                e.errors()
                    .iter()
                    .map(|e| (e.field.clone(), e.message.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `n` distinct keys, `k0`, `k1`…
    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("k{i}")).collect()
    }

    #[test]
    fn the_published_ranges_are_the_validated_ones() {
        use crate::validation::assert_bounds_agree;
        use serde_json::{Value, json};
        use utoipa::PartialSchema;
        fn accepts<T: serde::de::DeserializeOwned>(
            check: impl Fn(&T) -> Result<(), ValidationErrors>,
        ) -> impl Fn(Value) -> bool {
            move |v| serde_json::from_value::<T>(v).is_ok_and(|t| check(&t).is_ok())
        }
        let props = |schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| {
            serde_json::to_value(schema).unwrap()["properties"].clone()
        };
        let today = d(2026, 6, 1);

        let module = json!({"title": "Basics", "delivery_format": "online", "hours": 8, "valid_for_months": 12});
        let p = props(ModuleSpec::schema());
        for field in ["hours", "valid_for_months"] {
            assert_bounds_agree(
                &module,
                &format!("/{field}"),
                &p[field],
                accepts(ModuleSpec::validate),
            );
        }
        let completion =
            json!({"person_id": 1, "module_id": 2, "completed_on": "2026-05-01", "hours": 8});
        let p = props(CompletionSpec::schema());
        assert_bounds_agree(
            &completion,
            "/hours",
            &p["hours"],
            accepts(|c: &CompletionSpec| c.validate(today)),
        );
        let profile = json!({"age_at_least": 30});
        let p = props(FacilitatorProfile::schema());
        assert_bounds_agree(
            &profile,
            "/age_at_least",
            &p["age_at_least"],
            accepts(FacilitatorProfile::validate),
        );
        let req = json!({"hours_required": 20, "conditions": {"min_age": 18}});
        let p = props(Requirements::schema());
        assert_bounds_agree(
            &req,
            "/hours_required",
            &p["hours_required"],
            accepts(Requirements::validate),
        );
        let p = props(RoleConditions::schema());
        assert_bounds_agree(
            &req,
            "/conditions/min_age",
            &p["min_age"],
            accepts(Requirements::validate),
        );
        let session = json!({"held_on": "2026-05-01", "hours": 3});
        let p = props(TrainingSessionSpec::schema());
        assert_bounds_agree(
            &session,
            "/hours",
            &p["hours"],
            accepts(TrainingSessionSpec::validate),
        );
        let contact = json!({"mentor_person_id": 1, "peer_person_id": 2, "held_on": "2026-05-01", "mode": "call", "minutes": 30});
        let p = props(SupervisionSpec::schema());
        assert_bounds_agree(
            &contact,
            "/minutes",
            &p["minutes"],
            accepts(|s: &SupervisionSpec| s.validate(today)),
        );
    }

    #[test]
    fn sets_drop_repeats_in_order_and_refuse_more_than_fifty_entries() {
        let profile: FacilitatorProfile = serde_json::from_value(serde_json::json!({
            "languages": ["ar", "fa", "ar", "prs"],
            "criteria": ["police_check", "first_aid", "police_check"],
        }))
        .unwrap();
        let langs: Vec<&str> = profile.languages.iter().map(|l| l.as_str()).collect();
        let criteria: Vec<&str> = profile.criteria.iter().map(|k| k.as_str()).collect();
        assert_eq!(langs, ["ar", "fa", "prs"]);
        assert_eq!(criteria, ["police_check", "first_aid"]);
        profile.validate().unwrap();

        // Fifty distinct and one repeat: fifty-one as sent, more than the schema allows.
        let mut criteria = keys(MAX_SET_ITEMS);
        criteria.push("k0".into());
        let profile: FacilitatorProfile =
            serde_json::from_value(serde_json::json!({ "criteria": criteria })).unwrap();
        assert_eq!(
            fields(profile.validate()),
            [("criteria".to_string(), "at most 50 criteria".to_string())]
        );
        let profile: FacilitatorProfile =
            serde_json::from_value(serde_json::json!({ "criteria": keys(MAX_SET_ITEMS) })).unwrap();
        profile.validate().unwrap();

        let req: Requirements = serde_json::from_value(serde_json::json!({
            "conditions": {"criteria": keys(MAX_SET_ITEMS + 1), "languages": ["ne", "ne"]}
        }))
        .unwrap();
        assert_eq!(req.conditions.languages.len(), 1);
        assert_eq!(
            fields(req.validate()),
            [(
                "conditions.criteria".to_string(),
                "at most 50 criteria".to_string()
            )]
        );

        let module: ModuleSpec = serde_json::from_value(serde_json::json!({
            "title": "Active listening", "delivery_format": "in_person",
            "topics": ["empathy", "silence", "empathy"],
        }))
        .unwrap();
        let topics: Vec<&str> = module.topics.iter().map(|t| t.as_str()).collect();
        assert_eq!(topics, ["empathy", "silence"]);
        let module = ModuleSpec {
            topics: keys(MAX_SET_ITEMS + 1)
                .into_iter()
                .map(|k| Text::parse(k).unwrap())
                .collect(),
            ..module
        };
        assert_eq!(fields(module.validate())[0].0, "topics");

        let contact: SupervisionSpec = serde_json::from_value(serde_json::json!({
            "mentor_person_id": 1, "peer_person_id": 2, "held_on": "2026-03-01",
            "mode": "call", "minutes": 30, "topics": ["burnout", "burnout", "boundaries"],
        }))
        .unwrap();
        assert_eq!(contact.topics.len(), 2);
        contact.validate(d(2026, 3, 1)).unwrap();
        let contact = SupervisionSpec {
            topics: keys(MAX_SET_ITEMS + 1)
                .into_iter()
                .map(|k| Name::parse(k).unwrap())
                .collect(),
            ..contact
        };
        assert_eq!(fields(contact.validate(d(2026, 3, 1)))[0].0, "topics");

        let cohort: CohortSpec = serde_json::from_value(serde_json::json!({
            "title": "Spring cohort", "starts_on": "2026-03-01",
            "trainers": ["Dr Okafor", "Dr Okafor"],
        }))
        .unwrap();
        assert_eq!(cohort.trainers.len(), 1);
        let cohort = CohortSpec {
            trainers: keys(MAX_SET_ITEMS + 1)
                .into_iter()
                .map(|k| Name::parse(k).unwrap())
                .collect(),
            ..cohort
        };
        assert_eq!(fields(cohort.validate())[0].0, "trainers");
    }

    #[test]
    fn a_cohort_takes_sessions_in_its_dates_and_marks_only_its_trainees() {
        let cohort = CohortSpec {
            title: Name::parse("Spring cohort").unwrap(),
            starts_on: d(2026, 3, 1),
            ends_on: Some(d(2026, 3, 31)),
            trainers: vec![],
            modules: vec![7],
            trainees: vec![1, 2],
        };
        let session = |held_on, module_id| TrainingSessionSpec {
            held_on,
            hours: 2.0,
            module_id,
            topic: None,
        };
        assert!(
            cohort
                .check_session(&session(d(2026, 3, 1), Some(7)))
                .is_ok()
        );
        assert!(cohort.check_session(&session(d(2026, 3, 31), None)).is_ok());
        let field = |r| fields(r)[0].0.clone();
        assert_eq!(
            field(cohort.check_session(&session(d(2026, 2, 28), None))),
            "held_on"
        );
        assert_eq!(
            field(cohort.check_session(&session(d(2026, 4, 1), None))),
            "held_on"
        );
        assert_eq!(
            field(cohort.check_session(&session(d(2026, 3, 2), Some(8)))),
            "module_id"
        );

        assert!(cohort.check_keeps_taught(&[7, 7]).is_ok());
        assert_eq!(field(cohort.check_keeps_taught(&[7, 8])), "modules");

        let present = |ids: &[Id]| TrainingAttendanceSpec {
            present: ids.to_vec(),
        };
        assert!(cohort.check_attendance(&present(&[2])).is_ok());
        assert_eq!(field(cohort.check_attendance(&present(&[3]))), "present[0]");
        assert_eq!(
            field(cohort.check_attendance(&present(&[1, 1]))),
            "present[1]"
        );
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

        /// A person may lead when some role they could fill is fully met: `check_roles`
        /// agrees with `unmet` role by role, and reports every role's shortfall otherwise.
        #[test]
        fn a_person_is_eligible_exactly_when_some_candidate_role_is_met(
            completions in prop::collection::vec(completion(), 0..8),
            role_modules in prop::collection::vec(
                prop::option::of(prop::collection::btree_set(1i64..5, 0..3)), 0..3),
            day in 0i64..900,
        ) {
            let day = d(2025, 1, 1) + chrono::Duration::days(day);
            let reqs: Vec<Option<Requirements>> = role_modules
                .iter()
                .map(|m| m.as_ref().map(|set| req(&set.iter().copied().collect::<Vec<_>>())))
                .collect();
            let roles: Vec<(Key, Option<&Requirements>)> = reqs
                .iter()
                .enumerate()
                .map(|(i, r)| (Key::parse(format!("role_{i}")).unwrap(), r.as_ref()))
                .collect();
            let p = FacilitatorProfile::default();
            let met = |r: &Option<Requirements>| {
                r.as_ref().is_none_or(|r| unmet(r, &p, &completions, day).is_empty())
            };
            let expected = reqs.is_empty() || reqs.iter().any(met);
            match check_roles(&roles, &p, &completions, day) {
                Ok(()) => prop_assert!(expected),
                Err(short) => {
                    prop_assert!(!expected);
                    prop_assert_eq!(short.len(), reqs.len());
                    prop_assert!(short.iter().all(|s| !s.unmet.is_empty()));
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
