//! A program is the design of an intervention: who it is for, who leads it, and its
//! curriculum of phases and sessions. Groups are run from a program.

use crate::outcomes::{PlannedAssessment, check_plan};
use crate::reminders::ReminderPolicy;
use crate::support::SupportKind;
use crate::validation::{MAX_SET_ITEMS, ValidationErrors, check_hours, distinct};
use crate::values::{Key, Language, Name, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

/// Limits that keep a curriculum sane; the reviewed programs run 3 to 24 sessions.
pub const MAX_SESSIONS_PER_PHASE: u16 = 200;
pub const MAX_SESSIONS_PER_PROGRAM: u32 = 500;
pub const MAX_PHASES: usize = 20;
/// Facilitator roles a program may name.
pub const MAX_ROLES: usize = 10;
/// Parts a session plan's structure may list.
pub const MAX_PLAN_PARTS: usize = 20;

string_enum!(
    /// Whether groups are led by peers alone or by peers together with a professional.
    FacilitationModel {
        PeerOnly => "peer_only",
        CoLed => "co_led",
    }
);

string_enum!(
    /// The two kinds of facilitator: a peer shares the participants' migration experience
    /// and the condition; a professional brings clinical or service expertise.
    FacilitatorKind {
        Peer => "peer",
        Professional => "professional",
    }
);

string_enum!(
    /// How groups of a program are composed.
    Segmentation {
        Gender => "gender",
        CountryOfOrigin => "country_of_origin",
        Language => "language",
        Culture => "culture",
        OnePerFamily => "one_per_family",
    }
);

string_enum!(
    /// Who makes the follow-up call when a participant misses sessions.
    FollowUpCaller {
        PeerFacilitator => "peer_facilitator",
        ProfessionalFacilitator => "professional_facilitator",
        Coordinator => "coordinator",
    }
);

/// A facilitator role the design names, such as `peer_leader` or `certified_diabetes_educator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramRole {
    pub key: Key,
    pub kind: FacilitatorKind,
    pub title: Name,
}

/// How often a phase meets. Sessions fall on the group's weekdays at its start time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Cadence {
    /// One session every `weeks` weeks (1 = weekly, 2 = fortnightly), on the group's first weekday.
    EveryNWeeks {
        #[schema(minimum = 1, maximum = 12)]
        weeks: u8,
    },
    /// `times` sessions each week, on the first `times` of the group's weekdays.
    TimesPerWeek {
        #[schema(minimum = 1, maximum = 7)]
        times: u8,
    },
    /// A single session after the previous phase, such as a retreat.
    OneOff,
}

/// How many facilitators of one role lead each session of a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseLead {
    pub role: Key,
    #[serde(default = "one")]
    #[schema(minimum = 1, maximum = 10)]
    pub count: u8,
}

fn one() -> u8 {
    1
}

/// The plan for one session: its topic and the parts it is made of, in order
/// (check-in, psychoeducation, practice, sharing, homework, closing ceremony…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionPlan {
    pub topic: Name,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub structure: Vec<Name>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: Name,
    /// Exactly 1 in a `one_off` phase.
    #[schema(minimum = 1, maximum = 200)]
    pub sessions: u16,
    pub cadence: Cadence,
    #[schema(minimum = 15, maximum = 720)]
    pub session_minutes: u16,
    /// The days this phase meets, when not the group's (a weekend retreat in a program of
    /// weekday evenings). Each once; at least as many as the phase meets a week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 7)]
    pub weekdays: Vec<crate::calendar::Weekday>,
    /// The local time this phase's sessions start, when not the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<crate::calendar::LocalTime>,
    /// Which roles lead every session of this phase, each role once.
    #[schema(min_items = 1, max_items = 10)]
    pub leads: Vec<PhaseLead>,
    /// Plans for the phase's sessions, in order; at most one per session.
    #[serde(default)]
    #[schema(max_items = 200)]
    pub session_plans: Vec<SessionPlan>,
}

string_enum!(
    ContactKind {
        /// A call to every participant after each held session.
        CheckInCall => "check_in_call",
        /// One meeting with each participant within a phase.
        OneToOneMeeting => "one_to_one_meeting",
    }
);

/// A call or meeting the design plans for every participant, besides the follow-up after
/// missed sessions. Each becomes a task in the follow-up queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduledContact {
    pub kind: ContactKind,
    /// The program role who makes the call or holds the meeting.
    pub role: Key,
    /// The phase (0-based) it belongs to: required for a one-to-one meeting; for check-in
    /// calls, every phase when absent.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 19)]
    pub phase: Option<u8>,
    /// Planned length in minutes.
    #[serde(default)]
    #[schema(minimum = 5, maximum = 480)]
    pub minutes: Option<u16>,
    /// A check-in call is due this many days after its session (default 7). A one-to-one
    /// meeting is due by the start of the phase's last session.
    #[serde(default = "default_contact_days")]
    #[schema(minimum = 1, maximum = 30)]
    pub due_within_days: u8,
    #[serde(default)]
    pub purpose: Option<Text>,
}

fn default_contact_days() -> u8 {
    7
}

/// Training a facilitator of a role must have before leading a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRequirement {
    pub role: Key,
    pub title: Name,
    #[serde(default)]
    #[schema(minimum = 0.1, maximum = 1000)]
    pub hours: Option<f32>,
    #[serde(default)]
    pub description: Option<Text>,
    /// Each topic once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub topics: Vec<Text>,
    /// How long the training runs, as the design states it (`two days`, `8 weeks`).
    #[serde(default)]
    pub length: Option<Text>,
}

/// A practical support groups of this program offer by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportOffer {
    pub kind: SupportKind,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpPolicy {
    /// Consecutive unexcused absences at held sessions that open a follow-up call.
    #[serde(default = "default_misses")]
    #[schema(minimum = 1, maximum = 20)]
    pub consecutive_misses: u8,
    #[serde(default = "default_caller")]
    pub caller: FollowUpCaller,
    /// Days the caller has to make a first attempt before the task escalates to coordinators.
    #[serde(default = "default_due_days")]
    #[schema(minimum = 1, maximum = 30)]
    pub due_within_days: u8,
}

fn default_due_days() -> u8 {
    3
}

fn default_misses() -> u8 {
    3
}

fn default_caller() -> FollowUpCaller {
    FollowUpCaller::PeerFacilitator
}

impl Default for FollowUpPolicy {
    fn default() -> Self {
        Self {
            consecutive_misses: default_misses(),
            caller: default_caller(),
            due_within_days: default_due_days(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSize {
    /// Not more than `max`.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 65535)]
    pub min: Option<u16>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 500)]
    pub max: Option<u16>,
}

crate::validation::unique_list_schema!(
    /// The schema of `ProgramSpec::segmentation`, as `validate` holds it.
    Segmentations,
    Segmentation,
    0,
    Segmentation::ALL.len(),
    "How groups of the program are composed, each once."
);

/// Everything a coordinator writes to create or replace a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramSpec {
    pub name: Name,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub target_population: Option<Text>,
    /// The condition or issue the program addresses, such as type 2 diabetes.
    #[serde(default)]
    pub condition: Option<Text>,
    pub facilitation_model: FacilitationModel,
    /// Each key once; at least one peer role, and a professional one exactly when co-led.
    #[schema(min_items = 1, max_items = 10)]
    pub facilitator_roles: Vec<ProgramRole>,
    /// At most 500 sessions in all.
    #[schema(min_items = 1, max_items = 20)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub training: Vec<TrainingRequirement>,
    /// Each kind once.
    #[serde(default)]
    #[schema(max_items = 6)]
    pub supports_offered: Vec<SupportOffer>,
    #[serde(default)]
    pub follow_up: FollowUpPolicy,
    #[serde(default)]
    pub group_size: GroupSize,
    // Described by `Segmentations`.
    #[serde(default)]
    #[schema(value_type = Segmentations, inline)]
    pub segmentation: Vec<Segmentation>,
    /// Languages the program's materials exist in, each once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub languages: Vec<Language>,
    /// A participant completes the program by attending at least this share of the group's
    /// sessions, in percent (default 75).
    #[serde(default = "default_completion_percent")]
    #[schema(minimum = 1, maximum = 100)]
    pub completion_percent: u8,
    /// Check-in calls and one-to-one meetings planned for every participant.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub scheduled_contacts: Vec<ScheduledContact>,
    /// When session reminders go out, to participants and to facilitators.
    #[serde(default)]
    pub reminders: ReminderPolicy,
    /// The outcome instruments its groups are assessed with, and when.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub assessments: Vec<PlannedAssessment>,
}

fn default_completion_percent() -> u8 {
    75
}

impl ProgramSpec {
    pub fn total_sessions(&self) -> u32 {
        self.phases.iter().map(|p| u32::from(p.sessions)).sum()
    }

    pub fn role(&self, key: &str) -> Option<&ProgramRole> {
        self.facilitator_roles
            .iter()
            .find(|r| r.key.as_str() == key)
    }

    /// The largest number of sessions a week any phase on the group's days needs, which is
    /// how many weekdays a group of this program must name.
    pub fn weekdays_needed(&self) -> u8 {
        self.phases
            .iter()
            .filter(|p| p.weekdays.is_empty())
            .map(|p| match p.cadence {
                Cadence::TimesPerWeek { times } => times,
                _ => 1,
            })
            .max()
            .unwrap_or(1)
    }

    /// Checks the rules that span fields; every problem is reported.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_roles(&mut errors);
        self.validate_phases(&mut errors);

        for (i, t) in self.training.iter().enumerate() {
            errors.check(
                self.role(t.role.as_str()).is_some(),
                format!("training[{i}].role"),
                format!("`{}` is not one of the program's facilitator roles", t.role),
            );
            if let Some(hours) = t.hours {
                check_hours(&mut errors, &format!("training[{i}].hours"), hours);
            }
            errors.check(
                t.topics.len() <= MAX_SET_ITEMS,
                format!("training[{i}].topics"),
                format!("at most {MAX_SET_ITEMS} topics"),
            );
        }
        for (field, message) in self.reminders.problems() {
            errors.add(field, message);
        }
        let mut kinds = HashSet::new();
        for (i, s) in self.supports_offered.iter().enumerate() {
            errors.check(
                kinds.insert(s.kind),
                format!("supports_offered[{i}].kind"),
                format!("`{}` is listed twice", s.kind),
            );
        }
        errors.check(
            (1..=20).contains(&self.follow_up.consecutive_misses),
            "follow_up.consecutive_misses",
            "must be from 1 to 20",
        );
        let caller_ok = match self.follow_up.caller {
            FollowUpCaller::ProfessionalFacilitator => self.has_kind(FacilitatorKind::Professional),
            _ => true,
        };
        errors.check(
            caller_ok,
            "follow_up.caller",
            "a professional facilitator can call only in a co-led program",
        );
        errors.check(
            (1..=30).contains(&self.follow_up.due_within_days),
            "follow_up.due_within_days",
            "must be from 1 to 30 days",
        );
        self.validate_contacts(&mut errors);
        check_plan(&self.assessments, self.total_sessions(), &mut errors);
        errors.check(
            (1..=100).contains(&self.completion_percent),
            "completion_percent",
            "must be from 1 to 100",
        );
        let size = &self.group_size;
        if let Some(min) = size.min {
            errors.check(min >= 1, "group_size.min", "must be at least 1");
        }
        if let Some(max) = size.max {
            errors.check(
                (1..=500).contains(&max),
                "group_size.max",
                "must be from 1 to 500",
            );
        }
        if let (Some(min), Some(max)) = (size.min, size.max) {
            errors.check(
                min <= max,
                "group_size.min",
                "must not be more than group_size.max",
            );
        }
        let mut seen = HashSet::new();
        for (i, s) in self.segmentation.iter().enumerate() {
            errors.check(
                seen.insert(*s),
                format!("segmentation[{i}]"),
                format!("`{s}` is listed twice"),
            );
        }
        errors.check(
            self.languages.len() <= MAX_SET_ITEMS,
            "languages",
            format!("at most {MAX_SET_ITEMS} languages"),
        );
        let mut langs = HashSet::new();
        for (i, l) in self.languages.iter().enumerate() {
            errors.check(
                langs.insert(l),
                format!("languages[{i}]"),
                format!("`{l}` is listed twice"),
            );
        }
        errors.into_result()
    }

    fn has_kind(&self, kind: FacilitatorKind) -> bool {
        self.facilitator_roles.iter().any(|r| r.kind == kind)
    }

    fn validate_contacts(&self, errors: &mut ValidationErrors) {
        errors.check(
            self.scheduled_contacts.len() <= 10,
            "scheduled_contacts",
            "at most 10 scheduled contacts",
        );
        for (i, c) in self.scheduled_contacts.iter().enumerate() {
            let at = |field: &str| format!("scheduled_contacts[{i}].{field}");
            errors.check(
                self.role(c.role.as_str()).is_some(),
                at("role"),
                format!("`{}` is not one of the program's facilitator roles", c.role),
            );
            match c.phase {
                Some(p) => errors.check(
                    usize::from(p) < self.phases.len(),
                    at("phase"),
                    format!(
                        "the program has {} phases, counted from 0",
                        self.phases.len()
                    ),
                ),
                None => errors.check(
                    c.kind != ContactKind::OneToOneMeeting,
                    at("phase"),
                    "a one-to-one meeting belongs to one phase",
                ),
            }
            if let Some(m) = c.minutes {
                errors.check(
                    (5..=480).contains(&m),
                    at("minutes"),
                    "must be from 5 to 480",
                );
            }
            errors.check(
                (1..=30).contains(&c.due_within_days),
                at("due_within_days"),
                "must be from 1 to 30 days",
            );
        }
    }

    fn validate_roles(&self, errors: &mut ValidationErrors) {
        errors.check(
            !self.facilitator_roles.is_empty(),
            "facilitator_roles",
            "name at least one facilitator role",
        );
        errors.check(
            self.facilitator_roles.len() <= MAX_ROLES,
            "facilitator_roles",
            format!("at most {MAX_ROLES} roles"),
        );
        let mut keys = HashSet::new();
        for (i, r) in self.facilitator_roles.iter().enumerate() {
            errors.check(
                keys.insert(r.key.as_str()),
                format!("facilitator_roles[{i}].key"),
                format!("`{}` is listed twice", r.key),
            );
        }
        if !self.facilitator_roles.is_empty() {
            errors.check(
                self.has_kind(FacilitatorKind::Peer),
                "facilitator_roles",
                "a peer-support program needs at least one peer role",
            );
        }
        match self.facilitation_model {
            FacilitationModel::CoLed => errors.check(
                self.has_kind(FacilitatorKind::Professional),
                "facilitator_roles",
                "a co-led program needs a professional role",
            ),
            FacilitationModel::PeerOnly => errors.check(
                !self.has_kind(FacilitatorKind::Professional),
                "facilitator_roles",
                "a peer-only program cannot have a professional role; make it co-led",
            ),
        }
    }

    fn validate_phases(&self, errors: &mut ValidationErrors) {
        errors.check(
            !self.phases.is_empty(),
            "phases",
            "a program needs at least one phase",
        );
        errors.check(
            self.phases.len() <= MAX_PHASES,
            "phases",
            format!("at most {MAX_PHASES} phases"),
        );
        errors.check(
            self.total_sessions() <= MAX_SESSIONS_PER_PROGRAM,
            "phases",
            format!("at most {MAX_SESSIONS_PER_PROGRAM} sessions in all"),
        );
        for (i, phase) in self.phases.iter().enumerate() {
            let at = |field: &str| format!("phases[{i}].{field}");
            errors.check(
                (1..=MAX_SESSIONS_PER_PHASE).contains(&phase.sessions),
                at("sessions"),
                format!("must be from 1 to {MAX_SESSIONS_PER_PHASE}"),
            );
            match phase.cadence {
                Cadence::EveryNWeeks { weeks } => errors.check(
                    (1..=12).contains(&weeks),
                    at("cadence.weeks"),
                    "must be from 1 to 12",
                ),
                Cadence::TimesPerWeek { times } => errors.check(
                    (1..=7).contains(&times),
                    at("cadence.times"),
                    "must be from 1 to 7",
                ),
                Cadence::OneOff => errors.check(
                    phase.sessions == 1,
                    at("sessions"),
                    "a one-off phase has exactly 1 session",
                ),
            }
            errors.check(
                (15..=720).contains(&phase.session_minutes),
                at("session_minutes"),
                "must be from 15 to 720 minutes",
            );
            let mut days = HashSet::new();
            for (j, day) in phase.weekdays.iter().enumerate() {
                errors.check(
                    days.insert(*day),
                    format!("phases[{i}].weekdays[{j}]"),
                    format!("`{day}` is listed twice"),
                );
            }
            if let Cadence::TimesPerWeek { times } = phase.cadence {
                errors.check(
                    phase.weekdays.is_empty() || days.len() >= usize::from(times),
                    at("weekdays"),
                    format!("the phase meets {times} times a week: name at least {times} days"),
                );
            }
            errors.check(
                !phase.leads.is_empty(),
                at("leads"),
                "name the role that leads this phase",
            );
            let mut lead_roles = HashSet::new();
            for (j, lead) in phase.leads.iter().enumerate() {
                errors.check(
                    self.role(lead.role.as_str()).is_some(),
                    format!("phases[{i}].leads[{j}].role"),
                    format!(
                        "`{}` is not one of the program's facilitator roles",
                        lead.role
                    ),
                );
                errors.check(
                    lead_roles.insert(lead.role.as_str()),
                    format!("phases[{i}].leads[{j}].role"),
                    format!("`{}` is listed twice", lead.role),
                );
                errors.check(
                    (1..=10).contains(&lead.count),
                    format!("phases[{i}].leads[{j}].count"),
                    "must be from 1 to 10",
                );
            }
            errors.check(
                phase.session_plans.len() <= usize::from(phase.sessions),
                at("session_plans"),
                "more session plans than sessions",
            );
            for (j, plan) in phase.session_plans.iter().enumerate() {
                errors.check(
                    plan.structure.len() <= MAX_PLAN_PARTS,
                    format!("phases[{i}].session_plans[{j}].structure"),
                    format!("at most {MAX_PLAN_PARTS} parts"),
                );
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn peer_only_program() -> ProgramSpec {
        serde_json::from_value(serde_json::json!({
            "name": "Healthy living workshop",
            "facilitation_model": "peer_only",
            "facilitator_roles": [{"key": "peer_facilitator", "kind": "peer", "title": "Peer facilitator"}],
            "phases": [{
                "name": "workshop", "sessions": 8, "cadence": {"type": "every_n_weeks", "weeks": 1},
                "session_minutes": 90, "leads": [{"role": "peer_facilitator", "count": 2}],
                "session_plans": [{"topic": "Healthy eating", "structure": ["check-in", "closing ceremony"]}]
            }]
        }))
        .unwrap()
    }

    fn fields(errors: ValidationErrors) -> Vec<String> {
        errors.errors().iter().map(|e| e.field.clone()).collect()
    }

    #[test]
    fn a_valid_program_passes_and_defaults_the_follow_up_rule_to_three_misses() {
        let program = peer_only_program();
        program.validate().unwrap();
        assert_eq!(program.follow_up.consecutive_misses, 3);
        assert_eq!(program.total_sessions(), 8);
    }

    #[test]
    fn a_phase_on_its_own_days_names_each_once_and_enough_of_them() {
        use crate::calendar::Weekday;
        let mut program = peer_only_program();
        program.phases[0].cadence = Cadence::TimesPerWeek { times: 2 };
        // The group no longer needs two days for a phase that brings its own.
        program.phases[0].weekdays = vec![Weekday::Saturday, Weekday::Sunday];
        program.validate().unwrap();
        assert_eq!(program.weekdays_needed(), 1);
        program.phases[0].weekdays = vec![Weekday::Saturday, Weekday::Saturday];
        assert_eq!(
            fields(program.validate().unwrap_err()),
            ["phases[0].weekdays[1]", "phases[0].weekdays"]
        );
        let json = serde_json::to_value(peer_only_program()).unwrap();
        assert!(
            json["phases"][0].get("weekdays").is_none(),
            "absent when the group's"
        );
    }

    #[test]
    fn a_phase_with_zero_sessions_is_refused() {
        let mut program = peer_only_program();
        program.phases[0].sessions = 0;
        assert!(
            fields(program.validate().unwrap_err()).contains(&"phases[0].sessions".to_string())
        );
    }

    #[test]
    fn a_co_led_program_needs_a_professional_role() {
        let mut program = peer_only_program();
        program.facilitation_model = FacilitationModel::CoLed;
        let errors = program.validate().unwrap_err();
        assert!(
            errors
                .errors()
                .iter()
                .any(|e| e.field == "facilitator_roles" && e.message.contains("professional"))
        );
    }

    #[test]
    fn leads_must_name_defined_roles_and_plans_must_fit_the_sessions() {
        let mut program = peer_only_program();
        program.phases[0].leads[0].role = Key::parse("clinician").unwrap();
        program.phases[0].sessions = 1;
        let plan = program.phases[0].session_plans[0].clone();
        program.phases[0].session_plans.push(plan);
        let f = fields(program.validate().unwrap_err());
        assert!(f.contains(&"phases[0].leads[0].role".to_string()), "{f:?}");
        assert!(f.contains(&"phases[0].session_plans".to_string()), "{f:?}");
    }

    #[test]
    fn unknown_fields_and_cadences_are_refused_when_parsing() {
        let mut value = serde_json::to_value(peer_only_program()).unwrap();
        value["immigration_status"] = serde_json::json!("x");
        assert!(serde_json::from_value::<ProgramSpec>(value).is_err());
        let mut value = serde_json::to_value(peer_only_program()).unwrap();
        value["phases"][0]["cadence"] =
            serde_json::json!({"type": "every_n_weeks", "weeks": 1, "extra": 2});
        assert!(serde_json::from_value::<ProgramSpec>(value).is_err());
        let mut value = serde_json::to_value(peer_only_program()).unwrap();
        value["phases"][0]["cadence"] = serde_json::json!({"type": "monthly"});
        assert!(serde_json::from_value::<ProgramSpec>(value).is_err());
    }

    #[test]
    fn repeated_languages_and_topics_are_dropped_and_too_many_refused() {
        let mut value = serde_json::to_value(peer_only_program()).unwrap();
        value["languages"] = serde_json::json!(["so", "en", "so"]);
        value["training"] = serde_json::json!([{
            "role": "peer_facilitator", "title": "Basics", "hours": 12,
            "topics": ["listening", "referral", "listening"],
        }]);
        let program: ProgramSpec = serde_json::from_value(value.clone()).unwrap();
        let languages: Vec<&str> = program.languages.iter().map(|l| l.as_str()).collect();
        assert_eq!(languages, ["so", "en"]);
        assert_eq!(program.training[0].topics.len(), 2);
        program.validate().unwrap();

        // An enum list is published with `uniqueItems`, and a repeat refused.
        let mut repeated = value.clone();
        repeated["segmentation"] = serde_json::json!(["gender", "language", "gender"]);
        let program: ProgramSpec = serde_json::from_value(repeated).unwrap();
        assert_eq!(fields(program.validate().unwrap_err()), ["segmentation[2]"]);
        let schema = serde_json::to_value(<ProgramSpec as utoipa::PartialSchema>::schema());
        assert_eq!(
            schema.unwrap()["properties"]["segmentation"]["uniqueItems"],
            true
        );

        let topics: Vec<String> = (0..=MAX_SET_ITEMS).map(|i| format!("topic {i}")).collect();
        value["training"][0]["topics"] = serde_json::json!(topics);
        let program: ProgramSpec = serde_json::from_value(value).unwrap();
        assert_eq!(
            fields(program.validate().unwrap_err()),
            ["training[0].topics"]
        );
    }

    #[test]
    fn the_published_ranges_are_the_validated_ones() {
        let mut valid = serde_json::to_value(peer_only_program()).unwrap();
        valid["training"] =
            serde_json::json!([{"role": "peer_facilitator", "title": "Basics", "hours": 12}]);
        valid["scheduled_contacts"] = serde_json::json!([{"kind": "check_in_call", "role": "peer_facilitator", "minutes": 20, "due_within_days": 7}]);
        valid["group_size"] = serde_json::json!({"max": 12});
        let accepts = |v: serde_json::Value| {
            serde_json::from_value::<ProgramSpec>(v).is_ok_and(|p| p.validate().is_ok())
        };
        let prop = |schema: serde_json::Value, field: &str| schema["properties"][field].clone();
        let of = |schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| {
            serde_json::to_value(schema).unwrap()
        };
        use utoipa::PartialSchema;
        let spec = of(ProgramSpec::schema());
        let phase = of(Phase::schema());
        let contact = of(ScheduledContact::schema());
        let follow_up = of(FollowUpPolicy::schema());
        let cadence = of(Cadence::schema());
        for (pointer, bounds) in [
            (
                "/completion_percent",
                prop(spec.clone(), "completion_percent"),
            ),
            ("/phases/0/sessions", prop(phase.clone(), "sessions")),
            (
                "/phases/0/session_minutes",
                prop(phase.clone(), "session_minutes"),
            ),
            (
                "/phases/0/leads/0/count",
                prop(of(PhaseLead::schema()), "count"),
            ),
            (
                "/phases/0/cadence/weeks",
                cadence["oneOf"][0]["properties"]["weeks"].clone(),
            ),
            (
                "/scheduled_contacts/0/minutes",
                prop(contact.clone(), "minutes"),
            ),
            (
                "/scheduled_contacts/0/due_within_days",
                prop(contact.clone(), "due_within_days"),
            ),
            (
                "/follow_up/consecutive_misses",
                prop(follow_up.clone(), "consecutive_misses"),
            ),
            (
                "/follow_up/due_within_days",
                prop(follow_up.clone(), "due_within_days"),
            ),
            ("/group_size/max", prop(of(GroupSize::schema()), "max")),
            (
                "/training/0/hours",
                prop(of(TrainingRequirement::schema()), "hours"),
            ),
            (
                "/reminders/participants_hours_before/1",
                prop(of(ReminderPolicy::schema()), "participants_hours_before")["items"].clone(),
            ),
        ] {
            crate::validation::assert_bounds_agree(&valid, pointer, &bounds, accepts);
        }
        // `min` alone is bounded only by its type; with `max` it may not pass it.
        valid["group_size"] = serde_json::json!({"min": 4});
        let min = prop(of(GroupSize::schema()), "min");
        crate::validation::assert_bounds_agree(&valid, "/group_size/min", &min, accepts);
        valid["phases"][0]["cadence"] = serde_json::json!({"type": "times_per_week", "times": 1});
        let times = cadence["oneOf"][1]["properties"]["times"].clone();
        crate::validation::assert_bounds_agree(&valid, "/phases/0/cadence/times", &times, accepts);
    }

    #[test]
    fn a_program_round_trips_through_json() {
        let program = peer_only_program();
        let back: ProgramSpec =
            serde_json::from_value(serde_json::to_value(&program).unwrap()).unwrap();
        assert_eq!(back, program);
    }
}
