//! Changes to one session by hand: moving it, cancelling it, adding one outside the plan.
//! Each holds its group's lock from the first read to the commit. A move or cancellation
//! bumps the session's sequence and queues the job that tells everyone already reminded;
//! a facilitator double-booked is refused (409), another group at the same venue at the
//! same time is a warning.

use chrono::{Duration, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use peergroup_domain::Id;
use peergroup_domain::calendar::localize;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::records::{Session, SessionChange, SessionStatus};
use peergroup_domain::schedule::{ExtraSession, Reschedule};
use peergroup_domain::values::Text;
use peergroup_store::session_writes::Placement;
use peergroup_store::{Result, Store, StoreError};

/// Moves a session to another date, time or venue; regeneration leaves it alone afterwards.
/// A held or cancelled session cannot move (409), nor can any session move into the past
/// (422). Without a new time the session keeps its own wall-clock start.
pub async fn reschedule(
    store: &Store,
    org: Id,
    id: Id,
    change: &Reschedule,
) -> Result<SessionChange> {
    if change.local_date.is_none() && change.local_time.is_none() && change.venue.is_none() {
        return Err(StoreError::invalid(
            "body",
            "give a new local_date, local_time or venue",
        ));
    }
    let now = store.clock().now();
    let tx = store.begin().await?;
    let s = tx.session_to_change(org, id).await?;
    match s.status {
        SessionStatus::Held => {
            return Err(StoreError::Conflict(
                "a held session cannot be moved".into(),
            ));
        }
        SessionStatus::Cancelled => {
            return Err(StoreError::Conflict(
                "a cancelled session cannot be moved; add an extra session".into(),
            ));
        }
        SessionStatus::Scheduled => {}
    }
    let date = change.local_date.unwrap_or(s.local_date);
    let time = change.local_time.map(|t| t.time()).unwrap_or(s.local_time);
    let at = placement(s.tz, date, time, s.minutes);
    if at.starts_at <= now {
        let field = if change.local_date.is_some() {
            "local_date"
        } else {
            "local_time"
        };
        return Err(StoreError::invalid(
            field,
            "a session cannot move into the past",
        ));
    }
    let venue = match &change.venue {
        Some(v) => v.name.to_string(),
        None => s.venue_name,
    };
    let warnings = tx.check_placement(org, s.group_id, &at, &venue).await?;
    let sequence = s.sequence + 1;
    tx.move_session(org, id, &at, change.venue.as_ref(), sequence, now)
        .await?;
    tx.queue_session_changed(org, id, sequence, now).await?;
    tx.commit().await?;
    Ok(SessionChange {
        session: store.get_session(org, id).await?,
        warnings,
    })
}

/// Cancels a scheduled session with a reason; it stays visible, marked cancelled.
pub async fn cancel(store: &Store, org: Id, id: Id, reason: &Text) -> Result<Session> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let s = tx.session_to_change(org, id).await?;
    if s.status != SessionStatus::Scheduled {
        return Err(StoreError::Conflict(format!(
            "a {} session cannot be cancelled",
            s.status
        )));
    }
    let sequence = s.sequence + 1;
    tx.cancel_session(org, id, reason, sequence, now).await?;
    tx.queue_session_changed(org, id, sequence, now).await?;
    tx.commit().await?;
    store.get_session(org, id).await
}

/// Adds a session outside the plan, such as a make-up session. One in the past is taken
/// only when the caller says so (to log a session held before peergroup).
pub async fn add(
    store: &Store,
    org: Id,
    group_id: Id,
    extra: &ExtraSession,
) -> Result<SessionChange> {
    if !(15..=720).contains(&extra.minutes) {
        return Err(StoreError::invalid("minutes", "must be from 15 to 720"));
    }
    let now = store.clock().now();
    let tx = store.begin().await?;
    let g = tx.group_to_change(org, group_id).await?;
    if matches!(g.status, GroupStatus::Completed | GroupStatus::Cancelled) {
        return Err(StoreError::Conflict(format!(
            "a {} group gets no new sessions",
            g.status
        )));
    }
    let at = placement(
        g.tz,
        extra.local_date,
        extra.local_time.time(),
        extra.minutes,
    );
    if at.starts_at <= now && !extra.in_the_past {
        return Err(StoreError::invalid(
            "local_date",
            "this is in the past: to record a session that has happened, say in_the_past",
        ));
    }
    let venue = match &extra.venue {
        Some(v) => v.name.to_string(),
        None => g.venue_name,
    };
    let warnings = tx.check_placement(org, group_id, &at, &venue).await?;
    let id = tx.add_extra_session(org, group_id, &at, extra, now).await?;
    tx.commit().await?;
    Ok(SessionChange {
        session: store.get_session(org, id).await?,
        warnings,
    })
}

/// Where a session of `minutes` falls on the group's clock: a time the clocks skip becomes
/// the first one after the gap, as the schedule does.
fn placement(tz: Tz, date: NaiveDate, time: NaiveTime, minutes: u16) -> Placement {
    let (starts_at, local_time) = localize(tz, date, time);
    Placement {
        local_date: date,
        local_time,
        starts_at,
        ends_at: starts_at + Duration::minutes(i64::from(minutes)),
    }
}
