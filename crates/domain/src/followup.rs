//! The missed-session rule and follow-up tasks.
//!
//! Over a participant's *held* sessions in schedule order, an unexcused absence counts, a
//! present or late mark breaks the run, and an excused absence does neither. Sessions that
//! were cancelled or not held carry no marks, so they neither count nor break. A run that
//! reaches the program's threshold has exactly one follow-up task, found again after a
//! correction by the sessions the run and the task share.

use crate::Id;
use crate::attendance::{AssignedFacilitator, AttendanceStatus};
use crate::program::{FacilitatorKind, FollowUpCaller, ProgramSpec};
use crate::support::SupportNeedSpec;
use crate::validation::ValidationErrors;
use crate::values::Text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    TaskKind {
        /// Opened by the missed-session rule.
        MissedSessions => "missed_sessions",
        /// Opened by a coordinator.
        Manual => "manual",
        /// A check-in call after a held session, planned by the program.
        CheckInCall => "check_in_call",
        /// A one-to-one meeting within a phase, planned by the program.
        OneToOneMeeting => "one_to_one_meeting",
    }
);

string_enum!(
    TaskState {
        Open => "open",
        /// The caller reached the participant and the matter is settled.
        Resolved => "resolved",
        ParticipantWithdrawn => "participant_withdrawn",
        Unreachable => "unreachable",
        /// A correction broke the run before anyone called: closed by the rule, not a person.
        ClosedByCorrection => "closed_by_correction",
        /// The group was completed or cancelled while the task was open; `closed_note` says
        /// which.
        ClosedWithGroup => "closed_with_group",
    }
);

impl TaskState {
    /// End states a person may choose when closing a task.
    pub fn is_chosen_end(self) -> bool {
        matches!(
            self,
            TaskState::Resolved | TaskState::ParticipantWithdrawn | TaskState::Unreachable
        )
    }
}

string_enum!(
    CallOutcome {
        Reached => "reached",
        NoAnswer => "no_answer",
        Voicemail => "voicemail",
        WrongNumber => "wrong_number",
        Declined => "declined",
    }
);

string_enum!(
    Barrier {
        Childcare => "childcare",
        Transport => "transport",
        Work => "work",
        Health => "health",
        Language => "language",
        Schedule => "schedule",
        Other => "other",
    }
);

string_enum!(
    NextStep {
        WillReturn => "will_return",
        /// A support must be arranged first; the attempt names it.
        NeedsSupport => "needs_support",
        Pause => "pause",
        Withdraw => "withdraw",
    }
);

crate::validation::unique_list_schema!(
    /// The schema of `CallAttemptSpec::barriers`, as `validate` holds it.
    Barriers,
    Barrier,
    0,
    Barrier::ALL.len(),
    "What keeps the participant from coming, each once; only when `reached`."
);

/// One call (or visit) made for a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallAttemptSpec {
    pub outcome: CallOutcome,
    // Described by `Barriers`.
    #[serde(default)]
    #[schema(value_type = Barriers, inline)]
    pub barriers: Vec<Barrier>,
    #[serde(default)]
    pub next_step: Option<NextStep>,
    /// With `needs_support`: the support to request. It creates the participant's need of
    /// that kind, or updates the one they have.
    #[serde(default)]
    pub support: Option<SupportNeedSpec>,
    /// When the call was made; now when absent. Never in the future. What was said is not
    /// kept: outcome, barriers and next step are what the follow-up needs (less data).
    #[serde(default)]
    pub made_at: Option<DateTime<Utc>>,
}

impl CallAttemptSpec {
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(at) = self.made_at {
            errors.check(at <= now, "made_at", "is in the future");
        }
        let reached = self.outcome == CallOutcome::Reached;
        errors.check(
            reached || (self.next_step.is_none() && self.barriers.is_empty()),
            "outcome",
            "barriers and a next step are agreed only when the participant was reached",
        );
        let mut seen = std::collections::HashSet::new();
        for (i, b) in self.barriers.iter().enumerate() {
            errors.check(
                seen.insert(b),
                format!("barriers[{i}]"),
                format!("`{b}` appears twice"),
            );
        }
        let needs_support = self.next_step == Some(NextStep::NeedsSupport);
        errors.check(
            needs_support == self.support.is_some(),
            "support",
            if needs_support {
                "name the support to arrange"
            } else {
                "a support is named only with the next step `needs_support`"
            },
        );
        if let Some(support) = &self.support
            && let Err(inner) = support.validate()
        {
            for e in inner.errors() {
                errors.add(format!("support.{}", e.field), e.message.clone());
            }
        }
        errors.into_result()
    }
}

/// How a person ends a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseTaskSpec {
    /// `resolved`, `participant_withdrawn` or `unreachable`: the state says why; no
    /// words are kept with it (less data).
    pub state: TaskState,
}

impl CloseTaskSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            self.state.is_chosen_end(),
            "state",
            "must be resolved, participant_withdrawn or unreachable",
        );
        errors.into_result()
    }
}

/// A call attempt as stored.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CallAttempt {
    pub id: Id,
    /// The email of the user who recorded it.
    pub made_by: String,
    #[serde(flatten)]
    pub spec: CallAttemptSpec,
    /// The support need this attempt created or updated (`needs_support`).
    pub support_need_id: Option<Id>,
}

/// A follow-up call (or meeting) someone owes a participant.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FollowUpTask {
    pub id: Id,
    pub group_id: Id,
    pub enrollment_id: Id,
    pub person_id: Id,
    /// The participant's display name, for the caller's list.
    pub display_name: String,
    pub kind: TaskKind,
    pub state: TaskState,
    /// The facilitator (person) who calls; `null` means the coordinators.
    pub assignee_person_id: Option<Id>,
    /// Rule tasks: the held sessions of the run of unexcused absences, in order.
    pub sessions: Vec<Id>,
    pub due_at: DateTime<Utc>,
    /// Open and past its due date.
    pub overdue: bool,
    /// Open, past its due date with no call attempt: in the coordinators' queue.
    pub escalated: bool,
    /// When coordinators were notified of the escalation.
    pub escalated_at: Option<DateTime<Utc>>,
    pub attempts: u32,
    pub note: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Why the rule or the group's end closed it; people close with a state only.
    pub closed_note: Option<String>,
    pub call_attempts: Vec<CallAttempt>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the caller of one task needs to make the call, and nothing more: shown to the
/// facilitator the task is assigned to (who may not read the person's record) and to
/// coordinators.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CallSheet {
    pub task_id: Id,
    pub person_id: Id,
    pub display_name: String,
    pub preferred_language: String,
    /// Whether the participant agreed to be called. Without it the number is not shown.
    pub calls_consented: bool,
    /// Only when the participant agreed to calls.
    pub phone: Option<String>,
    /// Someone who can pass on a message; only when the participant agreed to calls.
    pub alternative_contact: Option<String>,
    pub group_name: String,
    /// The group's timezone, for the sessions' local dates.
    pub timezone: String,
    /// The sessions missed in a row (for a missed-session task), in order.
    pub missed_sessions: Vec<MissedSession>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MissedSession {
    pub session_id: Id,
    /// The session's number in the group's schedule.
    pub number: u32,
    pub local_date: chrono::NaiveDate,
    pub starts_at: DateTime<Utc>,
}

/// A task a coordinator opens by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTaskSpec {
    pub enrollment_id: Id,
    /// Why the call is needed.
    pub note: Text,
    /// The facilitator (person) who calls; the coordinators when absent.
    #[serde(default)]
    pub assignee_person_id: Option<Id>,
    /// By when; the program's follow-up delay from now when absent.
    #[serde(default)]
    pub due_at: Option<DateTime<Utc>>,
}

/// Gives a task to a facilitator of the group, or (`null`) to the coordinators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignTaskSpec {
    pub assignee_person_id: Option<Id>,
}

/// The runs of unexcused absences that reached `threshold`, each as its sessions in order.
/// `marks` are one participant's marks at held sessions, in schedule order.
pub fn qualifying_runs<S: Copy>(marks: &[(S, AttendanceStatus)], threshold: u8) -> Vec<Vec<S>> {
    let mut runs = Vec::new();
    let mut current: Vec<S> = Vec::new();
    for &(session, status) in marks {
        match status {
            AttendanceStatus::Absent => current.push(session),
            AttendanceStatus::Excused => {}
            AttendanceStatus::Present | AttendanceStatus::Late => {
                if current.len() >= usize::from(threshold) {
                    runs.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= usize::from(threshold) {
        runs.push(current);
    }
    runs
}

/// Unexcused absences since the participant last came (the run still going on).
pub fn current_streak<S>(marks: &[(S, AttendanceStatus)]) -> u32 {
    let mut streak = 0;
    for (_, status) in marks {
        match status {
            AttendanceStatus::Absent => streak += 1,
            AttendanceStatus::Excused => {}
            AttendanceStatus::Present | AttendanceStatus::Late => streak = 0,
        }
    }
    streak
}

/// A task the rule opened, as the rule sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTask {
    pub id: Id,
    pub state: TaskState,
    pub attempts: u32,
    /// The sessions of the run the task was opened for (updated as the run changes).
    pub sessions: Vec<Id>,
}

/// What the rule asks the store to do for one participant.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleAction {
    Open {
        sessions: Vec<Id>,
    },
    /// The run changed (grew, or a correction moved its start); the task follows it, and
    /// one closed by a correction opens again when a later correction restores the run.
    Follow {
        task: Id,
        sessions: Vec<Id>,
        reopen: bool,
    },
    /// Nobody has called yet and the run is gone (or merged into another task's run).
    Close {
        task: Id,
        reason: String,
    },
}

/// Who calls about a missed-sessions task by the program's policy: the group's first
/// facilitator of that kind, or the coordinators (none) when the policy says so or nobody
/// of that kind is assigned.
pub fn caller(program: &ProgramSpec, facilitators: &[AssignedFacilitator]) -> Option<Id> {
    let kind = match program.follow_up.caller {
        FollowUpCaller::PeerFacilitator => FacilitatorKind::Peer,
        FollowUpCaller::ProfessionalFacilitator => FacilitatorKind::Professional,
        FollowUpCaller::Coordinator => return None,
    };
    facilitators
        .iter()
        .find(|f| f.kind == kind)
        .map(|f| f.person_id)
}

/// When a task opened at `now` is due by the program's policy.
pub fn due_at(program: &ProgramSpec, now: DateTime<Utc>) -> DateTime<Utc> {
    now + chrono::Duration::days(i64::from(program.follow_up.due_within_days))
}

/// Brings one participant's rule tasks in line with their qualifying runs. Tasks someone has
/// already called for, or closed, are left for people; untouched ones follow the runs.
pub fn reconcile(runs: &[Vec<Id>], tasks: &[RuleTask]) -> Vec<RuleAction> {
    let mut actions = Vec::new();
    let mut claimed: Vec<Id> = Vec::new();
    for run in runs {
        let mut sharing: Vec<&RuleTask> = tasks
            .iter()
            .filter(|t| !claimed.contains(&t.id) && t.sessions.iter().any(|s| run.contains(s)))
            .collect();
        // The task that follows the run: one already following it, else an open one (which
        // someone may be working), else the oldest, reopened.
        sharing.sort_by_key(|t| (t.sessions != *run, t.state != TaskState::Open, t.id));
        let Some((primary, others)) = sharing.split_first() else {
            actions.push(RuleAction::Open {
                sessions: run.clone(),
            });
            continue;
        };
        claimed.push(primary.id);
        let reopen = primary.state == TaskState::ClosedByCorrection;
        if reopen || primary.sessions != *run {
            actions.push(RuleAction::Follow {
                task: primary.id,
                sessions: run.clone(),
                reopen,
            });
        }
        for other in others {
            claimed.push(other.id);
            if other.state == TaskState::Open && other.attempts == 0 {
                actions.push(RuleAction::Close {
                    task: other.id,
                    reason: format!("a correction joined this run to task {}", primary.id),
                });
            }
        }
    }
    for task in tasks.iter().filter(|t| !claimed.contains(&t.id)) {
        if task.state == TaskState::Open && task.attempts == 0 {
            actions.push(RuleAction::Close {
                task: task.id,
                reason: "a correction broke the run of missed sessions before anyone called".into(),
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttendanceStatus::*;
    use proptest::prelude::*;

    fn marks(statuses: &[AttendanceStatus]) -> Vec<(Id, AttendanceStatus)> {
        statuses
            .iter()
            .enumerate()
            .map(|(i, s)| (i as Id + 1, *s))
            .collect()
    }

    #[test]
    fn three_misses_make_a_run_and_excused_absences_neither_count_nor_break() {
        assert!(qualifying_runs(&marks(&[Absent, Absent]), 3).is_empty());
        assert_eq!(
            qualifying_runs(&marks(&[Absent, Excused, Absent, Absent]), 3),
            [vec![1, 3, 4]]
        );
        assert!(qualifying_runs(&marks(&[Absent, Absent, Late, Absent]), 3).is_empty());
        assert_eq!(
            qualifying_runs(
                &marks(&[
                    Absent, Absent, Absent, Absent, Present, Absent, Absent, Absent
                ]),
                3
            ),
            [vec![1, 2, 3, 4], vec![6, 7, 8]]
        );
        assert_eq!(
            current_streak(&marks(&[Absent, Present, Absent, Excused, Absent])),
            2
        );
    }

    fn task(id: Id, state: TaskState, attempts: u32, sessions: &[Id]) -> RuleTask {
        RuleTask {
            id,
            state,
            attempts,
            sessions: sessions.to_vec(),
        }
    }

    #[test]
    fn a_task_follows_its_run_and_a_fourth_miss_opens_no_other() {
        let runs = vec![vec![1, 2, 3, 4]];
        let tasks = [task(7, TaskState::Open, 0, &[1, 2, 3])];
        assert_eq!(
            reconcile(&runs, &tasks),
            [RuleAction::Follow {
                task: 7,
                sessions: vec![1, 2, 3, 4],
                reopen: false
            }]
        );
        let resolved = [task(7, TaskState::Resolved, 1, &[1, 2, 3])];
        assert_eq!(reconcile(&runs, &resolved).len(), 1, "follows, opens none");
    }

    #[test]
    fn a_broken_run_closes_only_an_untouched_task() {
        assert_eq!(
            reconcile(&[], &[task(7, TaskState::Open, 0, &[1, 2, 3])]),
            [RuleAction::Close {
                task: 7,
                reason: "a correction broke the run of missed sessions before anyone called".into()
            }]
        );
        assert!(reconcile(&[], &[task(7, TaskState::Open, 2, &[1, 2, 3])]).is_empty());
    }

    #[test]
    fn a_restored_run_reopens_its_task_and_a_new_run_opens_a_new_one() {
        let closed = [task(7, TaskState::ClosedByCorrection, 0, &[1, 2, 3])];
        assert_eq!(
            reconcile(&[vec![1, 2, 3]], &closed),
            [RuleAction::Follow {
                task: 7,
                sessions: vec![1, 2, 3],
                reopen: true
            }]
        );
        let resolved = [task(7, TaskState::Resolved, 1, &[1, 2, 3])];
        assert_eq!(
            reconcile(&[vec![1, 2, 3], vec![5, 6, 7]], &resolved),
            [RuleAction::Open {
                sessions: vec![5, 6, 7]
            }]
        );
    }

    #[test]
    fn two_runs_joined_by_a_correction_keep_the_older_task() {
        let tasks = [
            task(7, TaskState::Open, 0, &[1, 2, 3]),
            task(8, TaskState::Open, 0, &[5, 6, 7]),
        ];
        let actions = reconcile(&[vec![1, 2, 3, 4, 5, 6, 7]], &tasks);
        assert_eq!(
            actions,
            [
                RuleAction::Follow {
                    task: 7,
                    sessions: vec![1, 2, 3, 4, 5, 6, 7],
                    reopen: false
                },
                RuleAction::Close {
                    task: 8,
                    reason: "a correction joined this run to task 7".into()
                }
            ]
        );
    }

    #[test]
    fn a_joined_run_keeps_the_open_task_someone_is_calling_for() {
        let tasks = [
            task(7, TaskState::ClosedByCorrection, 0, &[1, 2, 3]),
            task(8, TaskState::Open, 1, &[5, 6, 7]),
        ];
        let run = vec![1, 2, 3, 4, 5, 6, 7];
        assert_eq!(
            reconcile(std::slice::from_ref(&run), &tasks),
            [RuleAction::Follow {
                task: 8,
                sessions: run.clone(),
                reopen: false
            }]
        );
        // Once it follows the run, it stays the one that does.
        let after = [
            task(7, TaskState::Open, 1, &[1, 2, 3]),
            task(8, TaskState::Open, 1, &run),
        ];
        assert!(reconcile(&[run], &after).is_empty());
    }

    fn status() -> impl Strategy<Value = AttendanceStatus> {
        prop::sample::select(AttendanceStatus::ALL.to_vec())
    }

    proptest! {
        /// Runs are maximal stretches of unexcused absences, broken only by coming.
        #[test]
        fn runs_hold_only_absences_separated_by_excused_ones(
            statuses in prop::collection::vec(status(), 0..40),
            threshold in 1u8..6,
        ) {
            let marks = marks(&statuses);
            let runs = qualifying_runs(&marks, threshold);
            let status_of = |id: Id| statuses[(id - 1) as usize];
            for run in &runs {
                prop_assert!(run.len() >= usize::from(threshold));
                prop_assert!(run.iter().all(|&s| status_of(s) == Absent));
                let (first, last) = (run[0], run[run.len() - 1]);
                for id in first..=last {
                    prop_assert!(matches!(status_of(id), Absent | Excused));
                }
                // Maximal: the nearest non-excused mark on each side is not an absence.
                let before = (1..first).rev().map(status_of).find(|s| *s != Excused);
                let after = (last + 1..=statuses.len() as Id).map(status_of).find(|s| *s != Excused);
                prop_assert!(before != Some(Absent) && after != Some(Absent));
            }
            let absences = statuses.iter().filter(|s| **s == Absent).count();
            let in_runs: usize = runs.iter().map(Vec::len).sum();
            prop_assert!(in_runs <= absences);
        }

        /// Applying the rule's actions and reconciling again changes nothing, and leaves
        /// exactly one open task per run when nobody has called.
        #[test]
        fn reconciling_twice_is_a_fixed_point(
            before in prop::collection::vec(status(), 0..30),
            after in prop::collection::vec(status(), 0..30),
        ) {
            let mut tasks: Vec<RuleTask> = Vec::new();
            let mut next_id = 1;
            for statuses in [&before, &after] {
                let runs = qualifying_runs(&marks(statuses), 3);
                let actions = reconcile(&runs, &tasks);
                apply(&mut tasks, &mut next_id, actions);
                prop_assert!(reconcile(&runs, &tasks).is_empty());
                let open: Vec<&Vec<Id>> = tasks
                    .iter()
                    .filter(|t| t.state == TaskState::Open)
                    .map(|t| &t.sessions)
                    .collect();
                prop_assert_eq!(open, runs.iter().collect::<Vec<_>>());
            }
        }
    }

    fn apply(tasks: &mut Vec<RuleTask>, next_id: &mut Id, actions: Vec<RuleAction>) {
        for action in actions {
            match action {
                RuleAction::Open { sessions } => {
                    tasks.push(task(*next_id, TaskState::Open, 0, &sessions));
                    *next_id += 1;
                }
                RuleAction::Follow {
                    task,
                    sessions,
                    reopen,
                } => {
                    let t = tasks.iter_mut().find(|t| t.id == task).unwrap();
                    t.sessions = sessions;
                    if reopen {
                        t.state = TaskState::Open;
                    }
                }
                RuleAction::Close { task, .. } => {
                    let t = tasks.iter_mut().find(|t| t.id == task).unwrap();
                    t.state = TaskState::ClosedByCorrection;
                }
            }
        }
        tasks.sort_by_key(|t| t.sessions.first().copied());
    }
}
