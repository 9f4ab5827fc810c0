//! A roll-call: a facilitator records what happened at a session (or corrects it), and the
//! missed-session rule runs for everyone whose marks changed. All of it is one
//! transaction: the log, its revision, the marks, the session's status, the program's
//! check-in calls and the rule's tasks with their notifications. The same log sent again
//! changes nothing.

use chrono::{DateTime, Duration, SubsecRound, Timelike, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{
    AttendanceStatus, FollowUpChanges, LOG_EARLY_MINUTES, LogContext, LogOutcome, SessionLogSpec,
};
use peergroup_domain::followup::{self, current_streak, qualifying_runs};
use peergroup_domain::records::{Principal, SessionStatus};
use peergroup_store::attendance::RollCall;
use peergroup_store::{Result, Store, StoreError, Tx};
use std::collections::BTreeSet;

/// Records (or corrects) what happened at a session, and runs the missed-session rule for
/// everyone whose marks changed.
pub async fn log_session(
    store: &Store,
    who: &Principal,
    session_id: Id,
    spec: &SessionLogSpec,
) -> Result<LogOutcome> {
    let spec = as_stored(spec);
    let org = who.org_id;
    let now = store.clock().now();
    let tx = store.begin().await?;
    let rc = tx.roll_call(org, session_id).await?;
    if rc.logged.is_none() && rc.status == SessionStatus::Cancelled {
        return Err(StoreError::Conflict(
            "this session was cancelled; it cannot be logged".into(),
        ));
    }
    if rc.starts_at > now + Duration::minutes(LOG_EARLY_MINUTES) {
        return Err(StoreError::invalid(
            "session_id",
            format!(
                "this session has not started; it can be logged from {LOG_EARLY_MINUTES} minutes before its start"
            ),
        ));
    }
    spec.validate(&LogContext {
        enrolled: &rc.roster.placed,
        formerly_enrolled: &rc.roster.former,
        facilitators: &rc.facilitators,
        structure: &rc.structure,
        now,
    })?;
    // Someone who said "I can't come" and is marked absent is excused, with their reason.
    let spec = spec.excusing(&rc.roster.said_cannot_come).unwrap_or(spec);
    if rc.logged.as_ref().is_some_and(|old| same_log(old, &spec)) {
        tx.commit().await?;
        return Ok(LogOutcome {
            log: store.get_session_log(org, session_id).await?,
            changed: false,
            follow_ups: FollowUpChanges::default(),
        });
    }

    let log = tx.save_session_log(&rc, who, &spec, now).await?;
    let (planned, closed) = tx.plan_contacts(&rc, spec.held, now).await?;
    tx.mark_session_held(&rc, spec.held, now).await?;
    // The rule looks again at everyone who had or has a mark. A first log only appends.
    let old_marks = rc.logged.iter().flat_map(|old| &old.attendance);
    let people: BTreeSet<Id> = old_marks
        .chain(&spec.attendance)
        .map(|m| m.person_id)
        .collect();
    let absent_now = rc.logged.is_none().then(|| {
        spec.attendance
            .iter()
            .filter(|m| m.status == AttendanceStatus::Absent)
            .map(|m| m.person_id)
            .collect()
    });
    let mut follow_ups = missed_session_rule(&tx, &rc, &people, absent_now.as_ref(), now).await?;
    follow_ups.planned = planned;
    follow_ups.closed.extend(closed);
    tx.commit().await?;
    Ok(LogOutcome {
        log,
        changed: true,
        follow_ups,
    })
}

/// The log as it will read back: stored instants keep microseconds.
fn as_stored(spec: &SessionLogSpec) -> SessionLogSpec {
    let mut spec = spec.clone();
    spec.started_at = spec.started_at.map(|at| match at.nanosecond() % 1000 {
        0 => at,
        _ => at.trunc_subsecs(6),
    });
    spec
}

/// The stored log is compared with a new one in the order marks are kept, by person.
fn same_log(a: &SessionLogSpec, b: &SessionLogSpec) -> bool {
    let key = |s: &SessionLogSpec| {
        let mut s = s.clone();
        s.attendance.sort_by_key(|m| m.person_id);
        s
    };
    key(a) == key(b)
}

/// Runs the missed-session rule for `people` of the roll-call's group. With `absent_now`
/// (a first log of the session), it works incrementally: when no held session of the
/// group comes later, a new mark can only extend a participant's last run, so only those
/// absent now whose run reached the threshold need their tasks read.
async fn missed_session_rule(
    tx: &Tx,
    rc: &RollCall,
    people: &BTreeSet<Id>,
    absent_now: Option<&BTreeSet<Id>>,
    now: DateTime<Utc>,
) -> Result<FollowUpChanges> {
    let mut changes = FollowUpChanges::default();
    if people.is_empty() {
        return Ok(changes);
    }
    let marks = tx.held_marks(rc.org, rc.group_id, people).await?;
    let marks_of = |p: &Id| marks.get(p).map(Vec::as_slice).unwrap_or(&[]);
    // The new marks are last in schedule order for everyone: no later held session.
    let at_end = absent_now.filter(|_| {
        marks
            .values()
            .all(|m| m.last().is_none_or(|(s, _)| *s == rc.session_id))
    });
    let threshold = rc.program.follow_up.consecutive_misses;
    let people: BTreeSet<Id> = match at_end {
        Some(absent) => absent
            .iter()
            .filter(|p| current_streak(marks_of(p)) >= u32::from(threshold))
            .copied()
            .collect(),
        None => people.clone(),
    };
    if people.is_empty() {
        return Ok(changes);
    }
    let mut tasks = tx.rule_tasks(rc.org, rc.group_id, &people).await?;
    for person in people {
        let runs = qualifying_runs(marks_of(&person), threshold);
        let existing = tasks.remove(&person).unwrap_or_default();
        let actions = followup::reconcile(&runs, &existing);
        tx.apply_rule(rc, person, actions, now, &mut changes)
            .await?;
    }
    Ok(changes)
}
