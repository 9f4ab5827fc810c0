//! Background jobs as data: the kinds of job, what each carries, the states a queued job
//! goes through and the notification events that become jobs. The store keeps jobs and the
//! worker (`peergroup-jobs`) runs them; both speak of them only through these types.

use crate::Id;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

string_enum! {
    /// What a queued job does; stored as its name.
    JobKind {
        /// Plans the reminders of the coming week (a cron tick).
        PlanReminders => "plan_reminders",
        /// Escalates follow-up tasks past their due date (a cron tick).
        EscalateFollowUps => "escalate_follow_ups",
        /// Deletes done jobs older than two weeks (a cron tick).
        PruneJobs => "prune_jobs",
        /// Tells coordinators of sessions soon without their facilitators (a cron tick).
        CheckRoles => "check_roles",
        /// Queues each organization's weekly digest (a cron tick).
        WeeklyDigest => "weekly_digest",
        /// Erases the personal data kept past each organization's retention (a cron tick).
        EraseExpired => "erase_expired",
        /// One reminder of one session, written as a message per person.
        SessionReminder => "session_reminder",
        /// Tells the people reminded of a session that it moved or was cancelled.
        SessionChanged => "session_changed",
        /// A notification event, written as a message per coordinator or caller.
        NotifyEvent => "notify_event",
        /// Sends one message.
        DeliverMessage => "deliver_message",
        /// Does nothing: the benchmarks and tests measure the queue itself with it.
        Noop => "noop",
    }
}

string_enum! {
    /// Where a queued job is in its life.
    JobState {
        Queued => "queued",
        /// Claimed by a worker, under a lease.
        Running => "running",
        Done => "done",
        /// Failed for good, kept with its error.
        Dead => "dead",
    }
}

string_enum! {
    /// What happened to a follow-up task that someone must hear about.
    EventKind {
        FollowUpOpened => "follow_up_opened",
        FollowUpEscalated => "follow_up_escalated",
        /// A task given a (new) caller; told to that caller only.
        FollowUpAssigned => "follow_up_assigned",
        /// A facilitator asked the coordinators to help with a call; told to them.
        FollowUpHandedOver => "follow_up_handed_over",
    }
}

/// The payload of every cron tick: when it was due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    pub scheduled_for: DateTime<Utc>,
}

/// Who a session reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Participants,
    Facilitators,
}

/// The payload of a [`JobKind::SessionReminder`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderJob {
    pub session_id: Id,
    pub audience: Audience,
    pub hours_before: u16,
    pub sequence: i32,
}

/// The payload of a [`JobKind::SessionChanged`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedJob {
    pub session_id: Id,
    pub sequence: i32,
}

/// The payload of a [`JobKind::NotifyEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventJob {
    pub event_id: Id,
}

/// The payload of a [`JobKind::DeliverMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliverJob {
    pub message_id: Id,
}

/// The payload of a [`JobKind::Noop`]: nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoopJob {}

/// The delay before attempt `attempts + 1`: `base · 2^(attempts-1)`, at most `max`, then
/// scaled by `jitter` (0.8 to 1.2) so that failed jobs do not return in lockstep.
pub fn backoff(attempts: i32, base: Duration, max: Duration, jitter: f64) -> Duration {
    let exp = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    let raw = base.num_milliseconds().saturating_mul(1i64 << exp);
    let capped = raw.min(max.num_milliseconds()).max(0);
    Duration::milliseconds((capped as f64 * jitter.clamp(0.8, 1.2)) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StringEnum;

    fn wire_is_stored<T: StringEnum>() {
        for v in T::all() {
            assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
        }
    }

    #[test]
    fn names_on_the_wire_are_the_stored_names() {
        wire_is_stored::<JobKind>();
        wire_is_stored::<JobState>();
        wire_is_stored::<EventKind>();
    }

    #[test]
    fn payloads_read_back_what_older_versions_stored() {
        let tick: Tick =
            serde_json::from_str(r#"{"scheduled_for":"2026-11-25T12:05:00Z"}"#).unwrap();
        assert_eq!(tick.scheduled_for.to_rfc3339(), "2026-11-25T12:05:00+00:00");
        let noop: NoopJob = serde_json::from_str("{}").unwrap();
        assert_eq!(noop, NoopJob {});
        let r: ReminderJob = serde_json::from_str(
            r#"{"session_id":7,"audience":"facilitators","hours_before":24,"sequence":2}"#,
        )
        .unwrap();
        assert_eq!(r.audience, Audience::Facilitators);
    }
}
