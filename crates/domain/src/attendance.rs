//! Session logs: whether a session was held, who came, which facilitators were there, what
//! of the plan was covered, and which practical supports were delivered.

use crate::Id;
use crate::program::{FacilitatorKind, MAX_PLAN_PARTS, Phase, ProgramSpec};
use crate::validation::{MAX_SET_ITEMS, ValidationErrors, distinct};
use crate::values::{Currency, Key, Language, Name, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

/// How long before its start a session may be logged: a facilitator opening the roll-call
/// at the door. Earlier, an absence would count for a session that has not happened.
pub const LOG_EARLY_MINUTES: i64 = 30;

/// What the "I can't come" page shows and its rule needs: nothing about the group's other
/// members.
#[derive(Debug, Clone)]
pub struct AbsenceContext {
    pub group_id: Id,
    /// The person's language, then the group's.
    pub languages: Vec<String>,
    pub starts_at: DateTime<Utc>,
    pub timezone: String,
    pub group_name: String,
    /// Where the session meets: its own venue if it was moved, else the group's.
    pub venue_name: String,
    pub venue_address: Option<String>,
    /// Still enrolled in the group (not withdrawn, waitlisted or done).
    pub enrolled: bool,
    /// The session is still scheduled (not cancelled, held or logged as not held).
    pub scheduled: bool,
    /// The reason given already, if any.
    pub reason: Option<String>,
}

impl AbsenceContext {
    /// Whether "I can't come" can still be said: by someone enrolled, about a scheduled
    /// session that has not started.
    pub fn open(&self, now: DateTime<Utc>) -> bool {
        self.enrolled && self.scheduled && self.starts_at > now
    }
}

string_enum!(
    AttendanceStatus {
        Present => "present",
        Late => "late",
        /// Absent without a reason given: counts towards the missed-session rule.
        Absent => "absent",
        /// Absent with a reason: neither counts nor breaks a run of misses.
        Excused => "excused",
    }
);

string_enum!(
    AbsenceReason {
        Childcare => "childcare",
        Transport => "transport",
        Work => "work",
        Illness => "illness",
        Family => "family",
        Language => "language",
        Other => "other",
    }
);

impl AbsenceReason {
    /// The reasons a participant can choose on the "I can't come" page: the few a phone
    /// screen shows as buttons (a facilitator's roll-call can record the others).
    pub const ONE_TAP: [AbsenceReason; 5] = [
        AbsenceReason::Childcare,
        AbsenceReason::Transport,
        AbsenceReason::Work,
        AbsenceReason::Illness,
        AbsenceReason::Other,
    ];
}

/// Longest session a log may record, in minutes (a full-day retreat).
pub const MAX_LOGGED_MINUTES: u32 = 720;
/// Largest transport reimbursement in one log, in minor units (cents).
pub const MAX_REIMBURSED_MINOR: u64 = 10_000_000;

/// One participant's status at one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub person_id: Id,
    pub status: AttendanceStatus,
    /// Required for `excused`, and only for it.
    #[serde(default)]
    pub reason: Option<AbsenceReason>,
}

/// Bus tickets, taxi fares or mileage paid back at this session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransportReimbursed {
    /// How many participants were paid back.
    #[schema(minimum = 1, maximum = 500)]
    pub people: u16,
    /// The total, in the currency's minor unit (cents).
    #[schema(maximum = 10000000)]
    pub amount_minor: u64,
    pub currency: Currency,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportsDelivered {
    /// Children looked after during the session.
    #[serde(default)]
    #[schema(maximum = 200)]
    pub childcare_places: u16,
    #[serde(default)]
    pub transport: Option<TransportReimbursed>,
    /// Languages an interpreter was present for, each once: a repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_SET_ITEMS, _, _>")]
    #[schema(max_items = 50)]
    pub interpreters: Vec<Language>,
    #[serde(default)]
    pub food_provided: bool,
}

/// A roll-call: everything a facilitator records about one session, sent in one request.
/// Sending it again replaces the previous log (a correction, kept in the history).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionLogSpec {
    pub held: bool,
    /// When it actually started; the scheduled start when absent.
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    /// How long it actually lasted; the planned length when absent.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 720)]
    pub minutes: Option<u32>,
    /// Assigned facilitators (person ids) who were there, each once.
    #[serde(default)]
    #[schema(schema_with = facilitators_present_schema)]
    pub facilitators_present: Vec<Id>,
    /// One status for every enrolled participant; empty when the session was not held.
    #[serde(default)]
    pub attendance: Vec<Mark>,
    /// Whether the session plan's topic was covered.
    #[serde(default)]
    pub topic_covered: Option<bool>,
    /// Parts of the session plan's structure that were skipped, such as `homework`; a
    /// repeat is dropped.
    #[serde(default, deserialize_with = "distinct::<MAX_PLAN_PARTS, _, _>")]
    #[schema(max_items = 20)]
    pub structure_skipped: Vec<Name>,
    #[serde(default)]
    pub supports: SupportsDelivered,
    /// Seen only by the group's facilitators and the coordinators.
    #[serde(default)]
    pub note: Option<Text>,
}

fn facilitators_present_schema() -> utoipa::openapi::schema::ArrayBuilder {
    crate::validation::integer_list(utoipa::openapi::KnownFormat::Int64, None, None)
        .unique_items(true)
        .description(Some(
            "Assigned facilitators (person ids) who were there, each once.",
        ))
}

/// An assigned facilitator, as a roll-call checks them.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignedFacilitator {
    pub person_id: Id,
    pub kind: FacilitatorKind,
    pub program_role: Option<Key>,
}

/// What a roll-call is checked against.
#[derive(Debug, Clone)]
pub struct LogContext<'a> {
    /// Participants holding a place: each needs exactly one status.
    pub enrolled: &'a [Id],
    /// People who may also appear (withdrawn since, for corrections of old sessions).
    pub formerly_enrolled: &'a [Id],
    pub facilitators: &'a [AssignedFacilitator],
    /// The plan's structure for this session, if it has a plan.
    pub structure: &'a [Name],
    pub now: DateTime<Utc>,
}

impl SessionLogSpec {
    /// The log with every `absent` mark of someone who said beforehand they could not come
    /// (their "I can't come" reason, by person) made `excused` with that reason; `None`
    /// when nothing changes. A facilitator who marks them present or late is believed.
    pub fn excusing(
        &self,
        said_cannot_come: &std::collections::HashMap<Id, AbsenceReason>,
    ) -> Option<SessionLogSpec> {
        let mut out = self.clone();
        let mut changed = false;
        for mark in &mut out.attendance {
            if mark.status == AttendanceStatus::Absent
                && let Some(reason) = said_cannot_come.get(&mark.person_id)
            {
                mark.status = AttendanceStatus::Excused;
                mark.reason = Some(*reason);
                changed = true;
            }
        }
        changed.then_some(out)
    }

    pub fn validate(&self, cx: &LogContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(at) = self.started_at {
            errors.check(at <= cx.now, "started_at", "is in the future");
        }
        if let Some(minutes) = self.minutes {
            errors.check(
                (1..=MAX_LOGGED_MINUTES).contains(&minutes),
                "minutes",
                format!("must be from 1 to {MAX_LOGGED_MINUTES}"),
            );
        }
        if self.held {
            self.validate_roll_call(cx, &mut errors);
        } else {
            errors.check(
                self.attendance.is_empty(),
                "attendance",
                "a session that was not held has no attendance",
            );
            errors.check(
                self.facilitators_present.is_empty(),
                "facilitators_present",
                "a session that was not held has no facilitators present",
            );
            errors.check(
                self.supports == SupportsDelivered::default(),
                "supports",
                "a session that was not held delivered no supports",
            );
            errors.check(
                self.topic_covered.is_none() && self.structure_skipped.is_empty(),
                "topic_covered",
                "a session that was not held covered nothing",
            );
        }
        self.validate_facilitators(cx, &mut errors);
        self.validate_plan(cx, &mut errors);
        self.supports.validate(&mut errors);
        errors.into_result()
    }

    fn validate_roll_call(&self, cx: &LogContext<'_>, errors: &mut ValidationErrors) {
        let mut seen = HashSet::new();
        for (i, mark) in self.attendance.iter().enumerate() {
            let field = format!("attendance[{i}]");
            let known = cx.enrolled.contains(&mark.person_id)
                || cx.formerly_enrolled.contains(&mark.person_id);
            errors.check(
                known,
                format!("{field}.person_id"),
                format!("person {} is not enrolled in this group", mark.person_id),
            );
            errors.check(
                seen.insert(mark.person_id),
                format!("{field}.person_id"),
                format!("person {} appears twice", mark.person_id),
            );
            let excused = mark.status == AttendanceStatus::Excused;
            errors.check(
                excused == mark.reason.is_some(),
                format!("{field}.reason"),
                if excused {
                    "an excused absence needs a reason"
                } else {
                    "only an excused absence has a reason"
                },
            );
        }
        let missing: Vec<String> = cx
            .enrolled
            .iter()
            .filter(|id| !seen.contains(id))
            .map(|id| id.to_string())
            .collect();
        errors.check(
            missing.is_empty(),
            "attendance",
            format!(
                "every enrolled participant needs a status; missing: {}",
                missing.join(", ")
            ),
        );
    }

    fn validate_facilitators(&self, cx: &LogContext<'_>, errors: &mut ValidationErrors) {
        let mut seen = HashSet::new();
        for (i, id) in self.facilitators_present.iter().enumerate() {
            let field = format!("facilitators_present[{i}]");
            errors.check(
                cx.facilitators.iter().any(|f| f.person_id == *id),
                field.clone(),
                format!("person {id} is not a facilitator of this group"),
            );
            errors.check(
                seen.insert(*id),
                field,
                format!("person {id} appears twice"),
            );
        }
    }

    fn validate_plan(&self, cx: &LogContext<'_>, errors: &mut ValidationErrors) {
        errors.check(
            self.structure_skipped.len() <= MAX_PLAN_PARTS,
            "structure_skipped",
            format!("at most {MAX_PLAN_PARTS} parts"),
        );
        let mut seen = HashSet::new();
        for (i, part) in self.structure_skipped.iter().enumerate() {
            let field = format!("structure_skipped[{i}]");
            errors.check(
                cx.structure.contains(part),
                field.clone(),
                format!("`{part}` is not part of this session's plan"),
            );
            errors.check(seen.insert(part), field, format!("`{part}` appears twice"));
        }
    }
}

impl SupportsDelivered {
    fn validate(&self, errors: &mut ValidationErrors) {
        errors.check(
            self.childcare_places <= 200,
            "supports.childcare_places",
            "must be at most 200",
        );
        if let Some(t) = &self.transport {
            errors.check(
                (1..=500).contains(&t.people),
                "supports.transport.people",
                "must be from 1 to 500",
            );
            errors.check(
                t.amount_minor <= MAX_REIMBURSED_MINOR,
                "supports.transport.amount_minor",
                format!("must be at most {MAX_REIMBURSED_MINOR}"),
            );
        }
        errors.check(
            self.interpreters.len() <= MAX_SET_ITEMS,
            "supports.interpreters",
            format!("at most {MAX_SET_ITEMS} languages"),
        );
        let mut seen = HashSet::new();
        for (i, language) in self.interpreters.iter().enumerate() {
            errors.check(
                seen.insert(language),
                format!("supports.interpreters[{i}]"),
                format!("`{language}` appears twice"),
            );
        }
    }
}

/// A session's log as stored, with the facilitation check and every earlier version.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SessionLog {
    pub session_id: Id,
    pub group_id: Id,
    #[serde(flatten)]
    pub spec: SessionLogSpec,
    /// 1 for the first log; each correction adds one.
    pub version: u32,
    /// Whether the facilitators present satisfy the phase's lead roles.
    pub facilitation: FacilitationCheck,
    pub revisions: Vec<LogRevision>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version of a log: what was sent, by whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LogRevision {
    pub version: u32,
    /// The email of the user who sent it.
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
    pub log: SessionLogSpec,
}

/// What logging a session changed in the follow-up queue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct FollowUpChanges {
    pub opened: Vec<Id>,
    /// Tasks whose run grew or moved (or reopened when a correction restored it).
    pub updated: Vec<Id>,
    /// Untouched tasks closed because a correction broke their run (or recorded the
    /// session of a check-in call as not held).
    pub closed: Vec<Id>,
    /// Check-in calls and one-to-one meetings the program plans, opened by this log.
    pub planned: Vec<Id>,
}

/// The response to a roll-call.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LogOutcome {
    #[serde(flatten)]
    pub log: SessionLog,
    /// False when the same log was sent again: nothing was written.
    pub changed: bool,
    pub follow_ups: FollowUpChanges,
}

/// One participant's mark at one held session.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AttendanceEntry {
    pub session_id: Id,
    pub number: u32,
    pub local_date: chrono::NaiveDate,
    pub status: AttendanceStatus,
    pub reason: Option<AbsenceReason>,
}

/// A participant's attendance in one group.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AttendanceHistory {
    pub enrollment_id: Id,
    pub person_id: Id,
    pub group_id: Id,
    pub entries: Vec<AttendanceEntry>,
    /// Held sessions attended (present or late).
    pub attended: u32,
    pub absent: u32,
    pub excused: u32,
    /// Unexcused absences since the participant last came.
    pub current_streak: u32,
    /// The program's threshold for a follow-up call.
    pub threshold: u8,
    /// Follow-up tasks of this participant in this group that are still open.
    pub open_tasks: Vec<Id>,
}

/// Childcare at one session: how many participants, and their children's age bands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct ChildcareCount {
    pub participants: u32,
    pub children: u32,
    /// Every child's age band, youngest first.
    pub ages: Vec<crate::support::AgeBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct InterpreterCount {
    pub language: String,
    pub participants: u32,
}

/// What to arrange for a session: counts from the support needs (requested or arranged) of
/// the participants holding a place. No names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct SupportHeadcount {
    pub session_id: Id,
    /// Participants expected: holding a place, less those who said they cannot come.
    pub participants: u32,
    /// Participants holding a place who said "I can't come"; their needs are not counted.
    pub cannot_come: u32,
    pub childcare: ChildcareCount,
    pub transport: u32,
    pub interpreters: Vec<InterpreterCount>,
    pub food: u32,
    /// Dietary details as written (`halal`, `no nuts`), each once.
    pub food_details: Vec<String>,
    /// Needs still only requested, not yet arranged.
    pub not_yet_arranged: u32,
}

/// The phase's rule on who leads a session, checked against who was there (or who is
/// assigned, before a session).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct FacilitationCheck {
    pub peers: u32,
    pub professionals: u32,
    /// Each lead role short of its count, such as `educator: 0 of 1`.
    pub missing: Vec<String>,
}

/// Whether a facilitator of `kind`, assigned with `program_role`, fills the program's role
/// `lead`: they hold that role, or, with no program role named on their assignment, their
/// kind is the role's kind.
pub fn fills(
    program: &ProgramSpec,
    kind: FacilitatorKind,
    program_role: Option<&Key>,
    lead: &Key,
) -> bool {
    match program_role {
        Some(role) => role == lead,
        None => program.role(lead.as_str()).map(|r| r.kind) == Some(kind),
    }
}

impl FacilitationCheck {
    pub fn of(program: &ProgramSpec, phase: &Phase, present: &[&AssignedFacilitator]) -> Self {
        let count = |kind| present.iter().filter(|f| f.kind == kind).count() as u32;
        let mut missing = Vec::new();
        for lead in &phase.leads {
            let filled = present
                .iter()
                .filter(|f| fills(program, f.kind, f.program_role.as_ref(), &lead.role))
                .count();
            if filled < usize::from(lead.count) {
                missing.push(format!("{}: {filled} of {}", lead.role, lead.count));
            }
        }
        FacilitationCheck {
            peers: count(FacilitatorKind::Peer),
            professionals: count(FacilitatorKind::Professional),
            missing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 2, 3, 22, 0, 0).unwrap()
    }

    fn peer(id: Id) -> AssignedFacilitator {
        AssignedFacilitator {
            person_id: id,
            kind: FacilitatorKind::Peer,
            program_role: None,
        }
    }

    fn mark(person_id: Id, status: AttendanceStatus) -> Mark {
        Mark {
            person_id,
            status,
            reason: (status == AttendanceStatus::Excused).then_some(AbsenceReason::Childcare),
        }
    }

    #[test]
    fn only_an_absent_mark_of_someone_who_said_so_becomes_excused_with_their_reason() {
        use AttendanceStatus::*;
        let notices = std::collections::HashMap::from([
            (1, AbsenceReason::Transport),
            (2, AbsenceReason::Illness),
        ]);
        let log = held(vec![mark(1, Absent), mark(2, Present), mark(3, Absent)]);
        let excused = log.excusing(&notices).expect("a change");
        assert_eq!(excused.attendance[0].status, Excused);
        assert_eq!(excused.attendance[0].reason, Some(AbsenceReason::Transport));
        assert_eq!(
            excused.attendance[1],
            mark(2, Present),
            "the facilitator saw them"
        );
        assert_eq!(excused.attendance[2], mark(3, Absent), "no notice");
        assert_eq!(held(vec![mark(2, Late)]).excusing(&notices), None);
    }

    fn held(attendance: Vec<Mark>) -> SessionLogSpec {
        SessionLogSpec {
            held: true,
            started_at: None,
            minutes: None,
            facilitators_present: vec![10],
            attendance,
            topic_covered: Some(true),
            structure_skipped: vec![],
            supports: SupportsDelivered::default(),
            note: None,
        }
    }

    fn fields(spec: &SessionLogSpec) -> Vec<String> {
        let facilitators = [peer(10)];
        let structure = [Name::parse("check-in").unwrap()];
        let cx = LogContext {
            enrolled: &[1, 2],
            formerly_enrolled: &[3],
            facilitators: &facilitators,
            structure: &structure,
            now: now(),
        };
        match spec.validate(&cx) {
            Ok(()) => vec![],
            Err(e) => e.errors().iter().map(|e| e.field.clone()).collect(),
        }
    }

    #[test]
    fn the_published_ranges_are_the_validated_ones() {
        use AttendanceStatus::*;
        use utoipa::PartialSchema;
        let mut valid = serde_json::to_value(held(vec![mark(1, Present), mark(2, Late)])).unwrap();
        valid["minutes"] = serde_json::json!(90);
        valid["supports"] = serde_json::json!({
            "childcare_places": 3,
            "transport": {"people": 2, "amount_minor": 1200, "currency": "CAD"},
        });
        let accepts = |v: serde_json::Value| {
            serde_json::from_value::<SessionLogSpec>(v).is_ok_and(|s| fields(&s).is_empty())
        };
        let of = |schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| {
            serde_json::to_value(schema).unwrap()["properties"].clone()
        };
        let log = of(SessionLogSpec::schema());
        let supports = of(SupportsDelivered::schema());
        let transport = of(TransportReimbursed::schema());
        for (pointer, bounds) in [
            ("/minutes", &log["minutes"]),
            ("/supports/childcare_places", &supports["childcare_places"]),
            ("/supports/transport/people", &transport["people"]),
            (
                "/supports/transport/amount_minor",
                &transport["amount_minor"],
            ),
        ] {
            crate::validation::assert_bounds_agree(&valid, pointer, bounds, accepts);
        }
    }

    #[test]
    fn a_full_roll_call_passes_and_a_withdrawn_participant_may_appear() {
        use AttendanceStatus::*;
        assert!(fields(&held(vec![mark(1, Present), mark(2, Excused)])).is_empty());
        assert!(fields(&held(vec![mark(1, Absent), mark(2, Late), mark(3, Absent)])).is_empty());
    }

    #[test]
    fn each_roll_call_mistake_names_its_field() {
        use AttendanceStatus::*;
        assert_eq!(fields(&held(vec![mark(1, Present)])), ["attendance"]);
        assert_eq!(
            fields(&held(vec![mark(1, Present), mark(2, Late), mark(9, Late)])),
            ["attendance[2].person_id"]
        );
        assert_eq!(
            fields(&held(vec![mark(1, Present), mark(2, Late), mark(1, Late)])),
            ["attendance[2].person_id"]
        );
        let mut no_reason = held(vec![mark(1, Present), mark(2, Excused)]);
        no_reason.attendance[1].reason = None;
        assert_eq!(fields(&no_reason), ["attendance[1].reason"]);
        let mut reason_for_absent = held(vec![mark(1, Present), mark(2, Absent)]);
        reason_for_absent.attendance[1].reason = Some(AbsenceReason::Work);
        assert_eq!(fields(&reason_for_absent), ["attendance[1].reason"]);
    }

    #[test]
    fn facilitators_plan_and_supports_are_checked() {
        use AttendanceStatus::*;
        let mut spec = held(vec![mark(1, Present), mark(2, Present)]);
        spec.facilitators_present = vec![10, 11, 10];
        spec.structure_skipped = vec![Name::parse("homework").unwrap()];
        spec.minutes = Some(0);
        spec.started_at = Some(now() + chrono::Duration::minutes(5));
        spec.supports.interpreters = vec![Language::parse("ar").unwrap(); 2];
        assert_eq!(
            fields(&spec),
            [
                "started_at",
                "minutes",
                "facilitators_present[1]",
                "facilitators_present[2]",
                "structure_skipped[0]",
                "supports.interpreters[1]"
            ]
        );
    }

    #[test]
    fn a_session_not_held_has_no_roll_call() {
        let mut spec = held(vec![mark(1, AttendanceStatus::Present)]);
        spec.held = false;
        assert_eq!(
            fields(&spec),
            ["attendance", "facilitators_present", "topic_covered"]
        );
        spec.attendance.clear();
        spec.facilitators_present.clear();
        spec.topic_covered = None;
        assert!(fields(&spec).is_empty());
    }
}

/// One tap of a roll-call on a facilitator's phone, sent on its own (perhaps much later,
/// when the hall has signal again). `client_id` is made on the phone, so the same tap sent
/// twice is kept once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneMark {
    pub client_id: String,
    pub person_id: Id,
    pub status: AttendanceStatus,
    #[serde(default)]
    pub reason: Option<AbsenceReason>,
    /// When it was tapped, by the phone's clock.
    pub marked_at: DateTime<Utc>,
}

impl PhoneMark {
    /// Longest id a phone may make (a UUID is 36 characters).
    pub const MAX_CLIENT_ID: usize = 64;

    /// A phone's clock may run this far ahead of the server's.
    pub const CLOCK_SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            !self.client_id.is_empty()
                && self.client_id.len() <= Self::MAX_CLIENT_ID
                && self
                    .client_id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "client_id",
            format!("1 to {} letters, digits or dashes", Self::MAX_CLIENT_ID),
        );
        errors.check(
            (self.status == AttendanceStatus::Excused) == self.reason.is_some(),
            "reason",
            "a reason goes with `excused`, and only with it",
        );
        errors.check(
            self.marked_at <= now + Self::CLOCK_SKEW,
            "marked_at",
            "is in the future",
        );
        errors.into_result()
    }
}
