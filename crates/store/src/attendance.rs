//! Session logs and attendance. A roll-call is one transaction: the log, its revision, the
//! marks, the session's status, and the missed-session rule for every participant whose
//! marks changed. The rule reads only that group's marks of those participants (at most
//! one per session), never the organization's history.

use crate::contacts::ContactPlan;
use crate::dialect::{self, stmt};
use crate::entities::{
    attendance, enrollment, follow_up_task, group, notification_event, person, session,
    session_log, session_log_revision, user,
};
pub use crate::joined_reads::Roster;
use crate::joined_reads::{
    roster_and_facilitators, roster_facilitators_notices, session_group_program,
};
use crate::programs::program_spec;
use crate::stored::Stored;
use crate::{Result, Store, StoreError, Tx, from_json, parse_stored, to_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::AbsenceReason;
use peergroup_domain::attendance::{
    AssignedFacilitator, AttendanceEntry, AttendanceHistory, AttendanceStatus, FacilitationCheck,
    InterpreterCount, LogRevision, SessionLog, SessionLogSpec, SupportHeadcount,
};
use peergroup_domain::figures::{Figures, GroupFacts, SessionFacts, figures, group_figures};
use peergroup_domain::followup::{TaskState, current_streak};
use peergroup_domain::jobs::{EventJob, EventKind, JobKind};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::{Principal, SessionStatus};
use peergroup_domain::values::Name;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The plan's structure for a session (empty for extra sessions or sessions with no plan).
fn structure_of(program: &ProgramSpec, s: &session::Model) -> Vec<Name> {
    let phase = usize::try_from(s.phase)
        .ok()
        .and_then(|p| program.phases.get(p));
    s.plan
        .and_then(|p| usize::try_from(p).ok())
        .and_then(|p| phase.and_then(|ph| ph.session_plans.get(p)))
        .map(|plan| plan.structure.clone())
        .unwrap_or_default()
}

fn facilitation(
    program: &ProgramSpec,
    s: &session::Model,
    facilitators: &[AssignedFacilitator],
    present: &[Id],
) -> FacilitationCheck {
    let present: Vec<&AssignedFacilitator> = facilitators
        .iter()
        .filter(|f| present.contains(&f.person_id))
        .collect();
    match usize::try_from(s.phase)
        .ok()
        .and_then(|p| program.phases.get(p))
    {
        Some(phase) => FacilitationCheck::of(program, phase, &present),
        None => FacilitationCheck::default(),
    }
}

fn spec_of(
    m: &session_log::Model,
    marks: Vec<peergroup_domain::attendance::Mark>,
) -> Result<SessionLogSpec> {
    Ok(SessionLogSpec {
        held: m.held,
        started_at: m.started_at,
        minutes: m.minutes.map(|v| u32::try_from(v).unwrap_or(0)),
        facilitators_present: from_json(m.facilitators_present.clone())?,
        attendance: marks,
        topic_covered: m.topic_covered,
        structure_skipped: from_json(m.structure_skipped.clone())?,
        supports: from_json(m.supports.clone())?,
        note: m
            .note
            .clone()
            .map(peergroup_domain::values::Text::parse)
            .transpose()
            .map_err(StoreError::Corrupt)?,
    })
}

async fn marks_of_session(
    conn: &impl ConnectionTrait,
    org: Id,
    session_id: Id,
) -> Result<Vec<peergroup_domain::attendance::Mark>> {
    attendance::Entity::find()
        .filter(attendance::Column::OrgId.eq(org))
        .filter(attendance::Column::SessionId.eq(session_id))
        .order_by_asc(attendance::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|a| {
            Ok(peergroup_domain::attendance::Mark {
                person_id: a.person_id,
                status: a.status.0,
                reason: a.reason.map(|v| v.0),
            })
        })
        .collect()
}

/// What a roll-call reads before it decides anything, in its transaction: the session, its
/// group (locked on PostgreSQL) and program, the log so far, the roster and the
/// facilitators with the "I can't come" notices.
pub struct RollCall {
    pub org: Id,
    pub session_id: Id,
    pub group_id: Id,
    pub status: SessionStatus,
    pub starts_at: DateTime<Utc>,
    pub program: ProgramSpec,
    /// The plan's structure for the session (empty for extra sessions).
    pub structure: Vec<Name>,
    /// The log so far; none before the first.
    pub logged: Option<SessionLogSpec>,
    pub roster: Roster,
    pub facilitators: Vec<AssignedFacilitator>,
    session: session::Model,
    log: Option<session_log::Model>,
}

impl Tx {
    /// Reads what a roll-call of `session_id` decides from.
    pub async fn roll_call(&self, org: Id, session_id: Id) -> Result<RollCall> {
        let txn = &self.0;
        let (s, g, program) = session_group_program(txn, org, session_id).await?;
        // Logging leaves a session held or cancelled ("not held"), so a scheduled one has
        // no log yet.
        let log = if *s.status == SessionStatus::Scheduled {
            None
        } else {
            session_log::Entity::find()
                .filter(session_log::Column::OrgId.eq(org))
                .filter(session_log::Column::SessionId.eq(session_id))
                .one(txn)
                .await?
        };
        let logged = match &log {
            Some(m) => Some(spec_of(m, marks_of_session(txn, org, session_id).await?)?),
            None => None,
        };
        let (roster, facilitators) =
            roster_facilitators_notices(txn, org, g.id, Some(session_id)).await?;
        Ok(RollCall {
            org,
            session_id,
            group_id: g.id,
            status: s.status.0,
            starts_at: s.starts_at,
            structure: structure_of(&program, &s),
            program,
            logged,
            roster,
            facilitators,
            session: s,
            log,
        })
    }

    /// Writes the log (or its next version), its revision and its marks in place of the
    /// old ones. Returns the log as the API shows it.
    pub async fn save_session_log(
        &self,
        rc: &RollCall,
        who: &Principal,
        spec: &SessionLogSpec,
        now: DateTime<Utc>,
    ) -> Result<SessionLog> {
        let txn = &self.0;
        let (org, session_id) = (rc.org, rc.session_id);
        let version = rc.log.as_ref().map_or(1, |m| m.version + 1);
        let mut active = match rc.log.clone() {
            Some(m) => m.into(),
            None => session_log::ActiveModel {
                org_id: Set(org),
                group_id: Set(rc.group_id),
                session_id: Set(session_id),
                created_at: Set(now),
                ..Default::default()
            },
        };
        active.held = Set(spec.held);
        active.started_at = Set(spec.started_at);
        active.minutes = Set(spec.minutes.map(|m| m as i32));
        active.facilitators_present = Set(to_json(&spec.facilitators_present));
        active.topic_covered = Set(spec.topic_covered);
        active.structure_skipped = Set(to_json(&spec.structure_skipped));
        active.supports = Set(to_json(&spec.supports));
        active.note = Set(spec.note.as_ref().map(|n| n.to_string()));
        active.version = Set(version);
        active.logged_by = Set(who.user_id);
        active.updated_at = Set(now);
        // A correction reads its row back for the response; a first log has nothing to read.
        let corrected = if version > 1 {
            Some(active.update(txn).await?)
        } else {
            session_log::Entity::insert(active)
                .exec_without_returning(txn)
                .await?;
            None
        };
        session_log_revision::Entity::insert(session_log_revision::ActiveModel {
            org_id: Set(org),
            session_id: Set(session_id),
            version: Set(version),
            changed_by: Set(who.user_id),
            changed_at: Set(now),
            log: Set(to_json(spec)),
            ..Default::default()
        })
        .exec_without_returning(txn)
        .await?;
        if version > 1 {
            attendance::Entity::delete_many()
                .filter(attendance::Column::OrgId.eq(org))
                .filter(attendance::Column::SessionId.eq(session_id))
                .exec(txn)
                .await?;
        }
        if !spec.attendance.is_empty() {
            attendance::Entity::insert_many(spec.attendance.iter().map(|mark| {
                attendance::ActiveModel {
                    org_id: Set(org),
                    group_id: Set(rc.group_id),
                    session_id: Set(session_id),
                    person_id: Set(mark.person_id),
                    starts_at: Set(rc.starts_at),
                    status: Set(Stored(mark.status)),
                    reason: Set(mark.reason.map(Stored)),
                    ..Default::default()
                }
            }))
            .exec_without_returning(txn)
            .await?;
        }
        let s = &rc.session;
        Ok(match corrected {
            Some(saved) => {
                log_record(
                    txn,
                    org,
                    saved,
                    spec.clone(),
                    &rc.program,
                    s,
                    &rc.facilitators,
                )
                .await?
            }
            // The first version is the only revision.
            None => SessionLog {
                session_id,
                group_id: rc.group_id,
                facilitation: facilitation(
                    &rc.program,
                    s,
                    &rc.facilitators,
                    &spec.facilitators_present,
                ),
                spec: spec.clone(),
                version: 1,
                revisions: vec![LogRevision {
                    version: 1,
                    changed_by: who.email.clone(),
                    changed_at: now,
                    log: spec.clone(),
                }],
                created_at: now,
                updated_at: now,
            },
        })
    }

    /// Opens the check-in calls and meetings a held session triggers, or closes the
    /// untouched check-in calls of one now not held. Returns those opened and closed.
    pub async fn plan_contacts(
        &self,
        rc: &RollCall,
        held: bool,
        now: DateTime<Utc>,
    ) -> Result<(Vec<Id>, Vec<Id>)> {
        ContactPlan {
            txn: &self.0,
            org: rc.org,
            now,
            program: &rc.program,
            facilitators: &rc.facilitators,
            placed: &rc.roster.placed,
            enrollment_of: &rc.roster.enrollment_of,
        }
        .apply(&rc.session, held)
        .await
    }

    /// Marks the session held, or cancelled as "not held".
    pub async fn mark_session_held(
        &self,
        rc: &RollCall,
        held: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        set_session_held(&self.0, &rc.session, held, now).await
    }

    /// Some participants' marks at the group's held sessions, in schedule order.
    pub async fn held_marks(
        &self,
        org: Id,
        group_id: Id,
        people: &BTreeSet<Id>,
    ) -> Result<HashMap<Id, Vec<(Id, AttendanceStatus)>>> {
        Ok(
            aggregated_marks(&self.0, org, MarksOf::People { group_id, people })
                .await?
                .into_iter()
                .map(|((_, p), marks)| (p, marks))
                .collect(),
        )
    }
}

pub(crate) async fn record_event(
    conn: &impl ConnectionTrait,
    org: Id,
    kind: EventKind,
    subject_id: Id,
    now: DateTime<Utc>,
) -> Result<()> {
    let event = notification_event::ActiveModel {
        org_id: Set(org),
        kind: Set(Stored(kind)),
        subject_id: Set(subject_id),
        created_at: Set(now),
        delivered_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let job = crate::jobs::NewJob::new(JobKind::NotifyEvent, &EventJob { event_id: event.id }, now)
        .org(org)
        .key(format!("event:{}", event.id));
    crate::jobs::enqueue(conn, &[job], now).await?;
    Ok(())
}

/// A stored log as the API shows it, with its revisions.
async fn log_record(
    conn: &impl ConnectionTrait,
    org: Id,
    m: session_log::Model,
    spec: SessionLogSpec,
    program: &ProgramSpec,
    s: &session::Model,
    facilitators: &[AssignedFacilitator],
) -> Result<SessionLog> {
    let revisions = session_log_revision::Entity::find()
        .filter(session_log_revision::Column::OrgId.eq(org))
        .filter(session_log_revision::Column::SessionId.eq(m.session_id))
        .order_by_asc(session_log_revision::Column::Version)
        .all(conn)
        .await?;
    let users = user_emails(conn, org, revisions.iter().map(|r| r.changed_by)).await?;
    let revisions = revisions
        .into_iter()
        .map(|r| {
            Ok(LogRevision {
                version: u32::try_from(r.version).unwrap_or(0),
                changed_by: users.get(&r.changed_by).cloned().unwrap_or_default(),
                changed_at: r.changed_at,
                log: from_json(r.log)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SessionLog {
        session_id: m.session_id,
        group_id: m.group_id,
        facilitation: facilitation(program, s, facilitators, &spec.facilitators_present),
        spec,
        version: u32::try_from(m.version).unwrap_or(0),
        revisions,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// A group of `org` and its program's design, or 404.
async fn group_with_program(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<(group::Model, ProgramSpec)> {
    let g = group::Entity::find_by_id(id)
        .filter(group::Column::OrgId.eq(org))
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound("group"))?;
    let program = program_spec(conn, org, g.program_id).await?;
    Ok((g, program))
}

/// The email addresses of users of `org`, for "who did this".
pub(crate) async fn user_emails(
    conn: &impl ConnectionTrait,
    org: Id,
    ids: impl IntoIterator<Item = Id>,
) -> Result<HashMap<Id, String>> {
    Ok(user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Email])
        .filter(user::Column::OrgId.eq(org))
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

impl Store {
    /// A session's current log with its earlier versions.
    pub async fn get_session_log(&self, org: Id, session_id: Id) -> Result<SessionLog> {
        let m = session_log::Entity::find()
            .filter(session_log::Column::OrgId.eq(org))
            .filter(session_log::Column::SessionId.eq(session_id))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("session log"))?;
        let s = session::Entity::find_by_id(session_id)
            .filter(session::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("session"))?;
        let (g, program) = group_with_program(&self.reader(), org, m.group_id).await?;
        let (_, facilitators) = roster_and_facilitators(&self.reader(), org, g.id).await?;
        let marks = marks_of_session(&self.reader(), org, session_id).await?;
        let spec = spec_of(&m, marks)?;
        log_record(&self.reader(), org, m, spec, &program, &s, &facilitators).await
    }

    /// A participant's marks in their group, in schedule order, with their current streak.
    pub async fn attendance_history(
        &self,
        org: Id,
        enrollment_id: Id,
    ) -> Result<AttendanceHistory> {
        let e = enrollment::Entity::find_by_id(enrollment_id)
            .filter(enrollment::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("enrollment"))?;
        let (_, program) = group_with_program(&self.reader(), org, e.group_id).await?;
        let marks = attendance::Entity::find()
            .filter(attendance::Column::OrgId.eq(org))
            .filter(attendance::Column::GroupId.eq(e.group_id))
            .filter(attendance::Column::PersonId.eq(e.person_id))
            .order_by_asc(attendance::Column::StartsAt)
            .order_by_asc(attendance::Column::SessionId)
            .all(&self.reader())
            .await?;
        let sessions: HashMap<Id, session::Model> = session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::Id.is_in(marks.iter().map(|m| m.session_id)))
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let mut entries = Vec::new();
        for m in marks {
            let s = sessions
                .get(&m.session_id)
                .ok_or(StoreError::NotFound("session"))?;
            entries.push(AttendanceEntry {
                session_id: m.session_id,
                number: u32::try_from(s.number).unwrap_or(0),
                local_date: s.local_date,
                status: m.status.0,
                reason: m.reason.map(|v| v.0),
            });
        }
        let count =
            |f: fn(AttendanceStatus) -> bool| entries.iter().filter(|e| f(e.status)).count() as u32;
        let statuses: Vec<((), AttendanceStatus)> =
            entries.iter().map(|e| ((), e.status)).collect();
        let open_tasks = follow_up_task::Entity::find()
            .select_only()
            .column(follow_up_task::Column::Id)
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::EnrollmentId.eq(enrollment_id))
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .order_by_asc(follow_up_task::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(AttendanceHistory {
            enrollment_id,
            person_id: e.person_id,
            group_id: e.group_id,
            attended: count(|s| matches!(s, AttendanceStatus::Present | AttendanceStatus::Late)),
            absent: count(|s| s == AttendanceStatus::Absent),
            excused: count(|s| s == AttendanceStatus::Excused),
            current_streak: current_streak(&statuses),
            threshold: program.follow_up.consecutive_misses,
            entries,
            open_tasks,
        })
    }
}

/// Display names of people, for task lists.
pub(crate) async fn display_names(
    conn: &impl ConnectionTrait,
    org: Id,
    ids: impl IntoIterator<Item = Id>,
) -> Result<HashMap<Id, String>> {
    let rows: Vec<(Id, String)> = person::Entity::find()
        .select_only()
        .columns([person::Column::Id, person::Column::DisplayName])
        .filter(person::Column::OrgId.eq(org))
        .filter(person::Column::Id.is_in(ids))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// A held session is marked held; one logged as not held is cancelled (it stays visible,
/// and calendars see the change). A correction can turn either into the other.
async fn set_session_held(
    txn: &DatabaseTransaction,
    s: &session::Model,
    held: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let (status, reason) = if held {
        (SessionStatus::Held, None)
    } else {
        (SessionStatus::Cancelled, Some("not held"))
    };
    if *s.status == status && s.cancel_reason.as_deref() == reason {
        return Ok(());
    }
    // Calendars see a change when the session becomes cancelled or stops being cancelled.
    let was_cancelled = *s.status == SessionStatus::Cancelled;
    let calendar_change = was_cancelled == held;
    let sequence = s.sequence + i32::from(calendar_change);
    session::Entity::update_many()
        .col_expr(session::Column::Status, Expr::value(status.as_str()))
        .col_expr(session::Column::CancelReason, Expr::value(reason))
        .col_expr(session::Column::Sequence, Expr::value(sequence))
        .col_expr(session::Column::UpdatedAt, Expr::value(now))
        .filter(session::Column::Id.eq(s.id))
        .exec(txn)
        .await?;
    Ok(())
}

impl Store {
    /// Support needs (requested or arranged) of the participants holding a place in the
    /// session's group, counted for that session.
    pub async fn support_headcount(&self, org: Id, session_id: Id) -> Result<SupportHeadcount> {
        use crate::entities::support_need;
        use peergroup_domain::support::{AgeBand, SupportKind, SupportStatus};
        let s = session::Entity::find_by_id(session_id)
            .filter(session::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("session"))?;
        let (roster, _) = roster_and_facilitators(&self.reader(), org, s.group_id).await?;
        // Who said "I can't come" needs no childcare, transport or seat that day.
        let cannot_come: Vec<Id> = crate::entities::absence_notice::Entity::find()
            .select_only()
            .column(crate::entities::absence_notice::Column::EnrollmentId)
            .filter(crate::entities::absence_notice::Column::OrgId.eq(org))
            .filter(crate::entities::absence_notice::Column::SessionId.eq(session_id))
            .into_tuple()
            .all(&self.reader())
            .await?;
        let enrollments: Vec<Id> = roster
            .placed
            .iter()
            .filter_map(|p| roster.enrollment_of.get(p).copied())
            .filter(|e| !cannot_come.contains(e))
            .collect();
        let needs = support_need::Entity::find()
            .filter(support_need::Column::OrgId.eq(org))
            .filter(support_need::Column::EnrollmentId.is_in(enrollments.iter().copied()))
            .filter(support_need::Column::Status.ne(SupportStatus::Declined.as_str()))
            .order_by_asc(support_need::Column::Id)
            .all(&self.reader())
            .await?;
        let mut out = SupportHeadcount {
            session_id,
            participants: enrollments.len() as u32,
            cannot_come: (roster.placed.len() - enrollments.len()) as u32,
            ..Default::default()
        };
        let mut interpreters: std::collections::BTreeMap<String, u32> = Default::default();
        for need in needs {
            if *need.status == SupportStatus::Requested {
                out.not_yet_arranged += 1;
            }
            match need.kind.0 {
                SupportKind::Childcare => {
                    let ages: Vec<AgeBand> = from_json(need.children_ages)?;
                    out.childcare.participants += 1;
                    out.childcare.children += ages.len() as u32;
                    out.childcare.ages.extend(ages);
                }
                SupportKind::Transport => out.transport += 1,
                SupportKind::Interpreter => {
                    if let Some(language) = need.interpreter_language {
                        *interpreters.entry(language).or_default() += 1;
                    }
                }
                SupportKind::Food => {
                    out.food += 1;
                    if let Some(d) = need.details
                        && !out.food_details.contains(&d)
                    {
                        out.food_details.push(d);
                    }
                }
                SupportKind::Financial | SupportKind::Other => {}
            }
        }
        out.childcare.ages.sort_by_key(|b| b.rank());
        out.interpreters = interpreters
            .into_iter()
            .map(|(language, participants)| InterpreterCount {
                language,
                participants,
            })
            .collect();
        Ok(out)
    }
}

/// What the figures need of one group.
async fn group_facts(
    conn: &impl ConnectionTrait,
    org: Id,
    g: &group::Model,
    program: &ProgramSpec,
) -> Result<GroupFacts> {
    let sessions = session::Entity::find()
        .filter(session::Column::OrgId.eq(org))
        .filter(session::Column::GroupId.eq(g.id))
        .order_by_asc(session::Column::StartsAt)
        .order_by_asc(session::Column::Id)
        .all(conn)
        .await?;
    let logs: HashMap<Id, session_log::Model> = session_log::Entity::find()
        .filter(session_log::Column::OrgId.eq(org))
        .filter(session_log::Column::GroupId.eq(g.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| (l.session_id, l))
        .collect();
    type Marks = Vec<(Id, AttendanceStatus, Option<AbsenceReason>)>;
    let mut marks: HashMap<Id, Marks> = HashMap::new();
    for a in attendance::Entity::find()
        .filter(attendance::Column::OrgId.eq(org))
        .filter(attendance::Column::GroupId.eq(g.id))
        .all(conn)
        .await?
    {
        marks.entry(a.session_id).or_default().push((
            a.person_id,
            a.status.0,
            a.reason.map(|v| v.0),
        ));
    }
    let (roster, facilitators) = roster_and_facilitators(conn, org, g.id).await?;
    let mut participants = roster.placed.clone();
    participants.extend(
        roster
            .former
            .iter()
            .filter(|p| marks.values().flatten().any(|(id, _, _)| id == *p)),
    );
    let mut facts = Vec::with_capacity(sessions.len());
    for (i, s) in sessions.iter().enumerate() {
        let log = logs.get(&s.id).filter(|l| l.held);
        let present: Vec<Id> = match log {
            Some(l) => from_json(l.facilitators_present.clone())?,
            None => Vec::new(),
        };
        facts.push(SessionFacts {
            number: i as u32 + 1,
            held: log.is_some(),
            cancelled: *s.status == SessionStatus::Cancelled,
            topic_covered: log.and_then(|l| l.topic_covered),
            roles_present: facilitation(program, s, &facilitators, &present)
                .missing
                .is_empty(),
            marks: marks.remove(&s.id).unwrap_or_default(),
        });
    }
    Ok(GroupFacts {
        participants,
        sessions: facts,
        completion_percent: program.completion_percent,
    })
}

impl Store {
    /// Attendance, dose, completion, retention, absences by reason and fidelity for a group.
    pub async fn group_figures(&self, org: Id, group_id: Id) -> Result<Figures> {
        let (g, program) = group_with_program(&self.reader(), org, group_id).await?;
        Ok(group_figures(
            &group_facts(&self.reader(), org, &g, &program).await?,
        ))
    }

    /// The same figures over every group of a program (without the retention curve).
    pub async fn program_figures(&self, org: Id, program_id: Id) -> Result<Figures> {
        Ok(self.program_and_group_figures(org, program_id).await?.0)
    }

    /// The program's figures and each of its groups' (by group id), from one reading of
    /// the groups' sessions and marks.
    pub async fn program_and_group_figures(
        &self,
        org: Id,
        program_id: Id,
    ) -> Result<(Figures, Vec<(Id, Figures)>)> {
        let program = program_spec(&self.reader(), org, program_id).await?;
        let groups = group::Entity::find()
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::ProgramId.eq(program_id))
            .order_by_asc(group::Column::Id)
            .all(&self.reader())
            .await?;
        let mut facts = Vec::with_capacity(groups.len());
        for g in &groups {
            facts.push(group_facts(&self.reader(), org, g, &program).await?);
        }
        let each = groups
            .iter()
            .zip(&facts)
            .map(|(g, f)| (g.id, group_figures(f)))
            .collect();
        Ok((figures(&facts), each))
    }
}

/// Whose marks to read: a range of group ids (a rebuild), or some people of one group (a
/// roll-call).
pub(crate) enum MarksOf<'a> {
    Groups {
        first: Id,
        last: Id,
    },
    People {
        group_id: Id,
        people: &'a BTreeSet<Id>,
    },
}

/// Participants' marks at held sessions in schedule order, aggregated by the database into
/// one text: one row instead of one per mark, which matters on SQLite, where every row
/// crosses from the connection's thread to the caller's. Every part is a number or a
/// status name, so the separators cannot occur inside one (`decode_marks`).
pub(crate) async fn aggregated_marks(
    conn: &impl ConnectionTrait,
    org: Id,
    of: MarksOf<'_>,
) -> Result<MarksByParticipant> {
    let d = dialect::of(conn);
    let mut values: Vec<sea_orm::Value> = vec![org.into()];
    let filter = match of {
        MarksOf::Groups { first, last } => {
            values.extend([first.into(), last.into()]);
            format!(
                "group_id >= {} AND group_id <= {}",
                d.params(2, 1),
                d.params(3, 1)
            )
        }
        MarksOf::People { group_id, people } => {
            values.push(group_id.into());
            values.extend(people.iter().map(|p| sea_orm::Value::from(*p)));
            format!(
                "group_id = {} AND person_id IN ({})",
                d.params(2, 1),
                d.params(3, people.len())
            )
        }
    };
    // `group/person/session:status,session:status;…`, each participant's marks in
    // schedule order.
    let sql = format!(
        "SELECT {} AS all_marks FROM (SELECT group_id, person_id, {} AS marks \
         FROM attendance WHERE org_id = {} AND {filter} GROUP BY group_id, person_id) AS m",
        d.text_agg(
            "CAST(group_id AS VARCHAR(20)) || '/' || CAST(person_id AS VARCHAR(20)) || '/' || marks",
            ';',
            "group_id, person_id"
        ),
        d.text_agg(
            "CAST(session_id AS VARCHAR(20)) || ':' || status",
            ',',
            "starts_at, session_id"
        ),
        d.params(1, 1),
    );
    let row = conn.query_one_raw(stmt(conn, &sql, values)).await?;
    let text: Option<String> = match row {
        Some(row) => row.try_get("", "all_marks")?,
        None => None,
    };
    decode_marks(text.as_deref().unwrap_or_default())
}

/// Each participant's marks, by (group, person), as `(session, status)` in schedule order.
pub type MarksByParticipant = BTreeMap<(Id, Id), Vec<(Id, AttendanceStatus)>>;

/// Reads `aggregated_marks`' text back.
fn decode_marks(text: &str) -> Result<MarksByParticipant> {
    let corrupt = || StoreError::Corrupt("aggregated marks".into());
    let number = |s: &str| s.parse::<Id>().map_err(|_| corrupt());
    let mut out = BTreeMap::new();
    for participant in text.split(';').filter(|p| !p.is_empty()) {
        let mut parts = participant.splitn(3, '/');
        let (Some(g), Some(p), Some(marks)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(corrupt());
        };
        let marks = marks
            .split(',')
            .map(|mark| {
                let (session, status) = mark.split_once(':').ok_or_else(corrupt)?;
                Ok((number(session)?, parse_stored(status)?))
            })
            .collect::<Result<Vec<_>>>()?;
        out.insert((number(g)?, number(p)?), marks);
    }
    Ok(out)
}

impl Store {
    /// The group a session belongs to, for access checks.
    pub async fn session_group(&self, org: Id, session_id: Id) -> Result<Id> {
        session::Entity::find_by_id(session_id)
            .select_only()
            .column(session::Column::GroupId)
            .filter(session::Column::OrgId.eq(org))
            .into_tuple()
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("session"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregated_marks_read_back_per_participant_in_order() {
        let marks = decode_marks("7/1/10:present,11:absent;7/2/10:excused").unwrap();
        assert_eq!(
            marks[&(7, 1)],
            vec![
                (10, AttendanceStatus::Present),
                (11, AttendanceStatus::Absent)
            ]
        );
        assert_eq!(marks[&(7, 2)], vec![(10, AttendanceStatus::Excused)]);
        assert!(decode_marks("").unwrap().is_empty());
        assert!(decode_marks("7/1/10:lost").is_err());
        assert!(decode_marks("7/x/10:present").is_err());
    }
}
