//! When reminders go out: hours before a session, moved out of an organization's quiet
//! hours in the group's timezone, and skipped when a closer reminder has come due too.

use crate::calendar::localize;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    /// What a message is: which mail it becomes, and who it goes to.
    MessageKind {
        /// To a participant, before a session.
        SessionReminder => "session_reminder",
        /// To someone already reminded: the session moved.
        SessionChanged => "session_changed",
        /// To someone already reminded: the session was cancelled.
        SessionCancelled => "session_cancelled",
        /// To a facilitator, before a session: roster, supports, topic.
        FacilitatorReminder => "facilitator_reminder",
        /// To the facilitators: a participant said they cannot come.
        AbsenceNotice => "absence_notice",
        /// To coordinators: a follow-up task opened.
        FollowUpOpened => "follow_up_opened",
        /// To coordinators: calls overdue with nobody having called, once a sweep.
        FollowUpEscalated => "follow_up_escalated",
        /// To the facilitator a follow-up call is assigned to.
        FollowUpAssigned => "follow_up_assigned",
        /// To coordinators: a facilitator asks for help with a follow-up call.
        FollowUpHandedOver => "follow_up_handed_over",
        /// To coordinators: a session soon without the facilitators its phase needs.
        RolesMissing => "roles_missing",
        /// To coordinators, weekly: the coming week in counts.
        WeeklyDigest => "weekly_digest",
        /// To a new user: a one-time link to set a password and sign in.
        Invitation => "invitation",
        /// To a user who forgot their password: a one-time link to set a new one.
        PasswordReset => "password_reset",
        /// By SMS, to a participant who replied NO: the group was told.
        AbsenceConfirmed => "absence_confirmed",
        /// By SMS, to a participant who replied STOP: the last SMS they get, saying how to
        /// start again.
        SmsStopped => "sms_stopped",
    }
);

impl MessageKind {
    /// Participants' session mail: it needs their consent and carries their enrolment.
    pub fn is_participant_mail(self) -> bool {
        matches!(
            self,
            MessageKind::SessionReminder
                | MessageKind::SessionChanged
                | MessageKind::SessionCancelled
        )
    }

    /// An answer to an SMS a participant sent: it goes back to their phone at once, by SMS
    /// only.
    pub fn is_sms_answer(self) -> bool {
        matches!(
            self,
            MessageKind::AbsenceConfirmed | MessageKind::SmsStopped
        )
    }

    /// Goes to a participant only with their consent to reminders (staff mail needs none).
    pub fn needs_consent(self) -> bool {
        self.is_participant_mail() || self.is_sms_answer()
    }
}

string_enum!(
    /// Where a message is on its way out.
    MessageState {
        /// Waiting for its time or for a worker.
        Queued => "queued",
        /// Handed to the mail server or the SMS gateway.
        Sent => "sent",
        /// The SMS gateway reported it reached the phone.
        Delivered => "delivered",
        /// Failed for a reason that may pass (the mail server was busy); it will be tried again.
        Retrying => "retrying",
        /// Failed for good, or too many times; `last_error` says why. Can be retried by hand.
        Dead => "dead",
        /// Not sent, on purpose: the session was cancelled or has started, or the person has
        /// no address or no consent any more.
        Skipped => "skipped",
    }
);

string_enum!(
    /// How a message reaches its reader.
    Channel {
        Email => "email",
        /// A text message through the SMS gateway.
        Sms => "sms",
    }
);

/// Hours before a session at which its reminders go out. An empty list turns them off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderPolicy {
    /// For participants holding a place (default 7 days and 24 hours).
    #[serde(default = "default_participant_hours")]
    #[schema(schema_with = participant_hours_schema)]
    pub participants_hours_before: Vec<u16>,
    /// For the group's facilitators, with the roster and the supports (default 24 hours).
    #[serde(default = "default_facilitator_hours")]
    #[schema(schema_with = facilitator_hours_schema)]
    pub facilitators_hours_before: Vec<u16>,
}

/// Distinct hours from 1 to [`MAX_HOURS_BEFORE`], as `problems` checks them.
fn hours_before_schema(description: &str) -> utoipa::openapi::schema::ArrayBuilder {
    crate::validation::integer_list(
        utoipa::openapi::KnownFormat::Int32,
        Some(1),
        Some(i64::from(MAX_HOURS_BEFORE)),
    )
    .unique_items(true)
    .description(Some(description))
}

fn participant_hours_schema() -> utoipa::openapi::schema::ArrayBuilder {
    hours_before_schema("For participants holding a place (default 7 days and 24 hours).")
}

fn facilitator_hours_schema() -> utoipa::openapi::schema::ArrayBuilder {
    hours_before_schema(
        "For the group's facilitators, with the roster and the supports (default 24 hours).",
    )
}

fn default_participant_hours() -> Vec<u16> {
    vec![168, 24]
}

fn default_facilitator_hours() -> Vec<u16> {
    vec![24]
}

impl Default for ReminderPolicy {
    fn default() -> Self {
        ReminderPolicy {
            participants_hours_before: default_participant_hours(),
            facilitators_hours_before: default_facilitator_hours(),
        }
    }
}

/// The longest notice a reminder may give: four weeks.
pub const MAX_HOURS_BEFORE: u16 = 672;

impl ReminderPolicy {
    /// Problems as `(field, message)`: hours out of range or named twice.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, hours) in [
            ("participants_hours_before", &self.participants_hours_before),
            ("facilitators_hours_before", &self.facilitators_hours_before),
        ] {
            for (i, h) in hours.iter().enumerate() {
                if !(1..=MAX_HOURS_BEFORE).contains(h) {
                    out.push((
                        format!("reminders.{name}[{i}]"),
                        format!("must be from 1 to {MAX_HOURS_BEFORE} hours"),
                    ));
                } else if hours[..i].contains(h) {
                    out.push((format!("reminders.{name}[{i}]"), "is listed twice".into()));
                }
            }
        }
        out
    }
}

/// A daily window, in local wall-clock time, in which no reminder is sent. It may wrap
/// midnight (21:00–08:00); equal ends mean no quiet hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Default for QuietHours {
    fn default() -> Self {
        QuietHours {
            start: NaiveTime::from_hms_opt(21, 0, 0).expect("valid time"),
            end: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
        }
    }
}

impl QuietHours {
    /// Reads `HH:MM` ends, as stored.
    pub fn parse(start: &str, end: &str) -> Result<QuietHours, String> {
        let read = |s: &str| {
            NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| format!("`{s}` is not HH:MM"))
        };
        Ok(QuietHours {
            start: read(start)?,
            end: read(end)?,
        })
    }

    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.start <= self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }

    /// `at` if it falls outside the quiet hours in `tz`, else the instant they end.
    pub fn release(&self, at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let local = at.with_timezone(&tz).naive_local();
        if !self.contains(local.time()) {
            return at;
        }
        let mut day = local.date();
        if self.start > self.end && local.time() >= self.start {
            day = day.succ_opt().unwrap_or(day);
        }
        localize(tz, day, self.end).0
    }
}

/// When the reminder `hours_before` a session starting at `starts_at` goes out.
pub fn send_time(
    starts_at: DateTime<Utc>,
    hours_before: u16,
    quiet: QuietHours,
    tz: Tz,
) -> DateTime<Utc> {
    quiet.release(starts_at - Duration::hours(i64::from(hours_before)), tz)
}

/// Whether the reminder `hours_before` is still worth sending at `now`: the session has not
/// started, and no closer reminder of the same list has come due (after a downtime, only
/// the latest is sent).
pub fn still_useful(
    starts_at: DateTime<Utc>,
    hours_before: u16,
    all_hours_before: &[u16],
    now: DateTime<Utc>,
) -> bool {
    now < starts_at
        && !all_hours_before
            .iter()
            .any(|&h| h < hours_before && starts_at - Duration::hours(i64::from(h)) <= now)
}

/// What a coordinator's weekly digest says; counts only, no names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digest {
    pub org_name: String,
    /// Sessions scheduled in the 7 days from the digest's start.
    pub sessions: u32,
    pub open_follow_ups: u32,
    pub overdue_follow_ups: u32,
    /// Places to arrange over those sessions: a child in childcare at two sessions is 2.
    pub childcare_children: u32,
    pub transport: u32,
    pub food: u32,
    /// Interpreter languages needed, each once.
    pub interpreters: Vec<String>,
}

impl Digest {
    /// Nothing worth a message.
    pub fn is_empty(&self) -> bool {
        self.sessions == 0 && self.open_follow_ups == 0
    }
}

/// A message as coordinators see it: no address and no content, only what and how it went.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MessageRecord {
    pub id: crate::Id,
    pub kind: MessageKind,
    pub state: MessageState,
    pub session_id: Option<crate::Id>,
    pub person_id: Option<crate::Id>,
    pub user_id: Option<crate::Id>,
    /// The locale it was written in, once sent (`ar`, `pa-Guru`…).
    pub locale: Option<String>,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub send_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Times a worker stopped short of sending it because another worker had taken its job
    /// over (the first was paused past its lease). Above zero, a server is stalling.
    pub lost_claims: u32,
    /// How it went, once sent.
    pub channel: Option<Channel>,
    /// For an SMS: the segments it took, which the gateway charges for one by one.
    pub segments: Option<u32>,
    /// For an SMS: when the gateway reported it reached the phone.
    pub delivered_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn a_reminder_in_quiet_hours_waits_for_their_end_in_the_group_timezone() {
        let tz: Tz = "America/Vancouver".parse().unwrap();
        let quiet = QuietHours::default();
        // A session at 22:00 local on 2026-12-02 (UTC-8): the 24 h reminder would go at
        // 22:00 on the 1st, inside the quiet hours, so it goes at 08:00 on the 2nd.
        let starts = utc(2026, 12, 3, 6, 0);
        assert_eq!(send_time(starts, 24, quiet, tz), utc(2026, 12, 2, 16, 0));
        // At 07:30 local it waits half an hour.
        assert_eq!(
            quiet.release(utc(2026, 12, 2, 15, 30), tz),
            utc(2026, 12, 2, 16, 0)
        );
        // At noon it goes at once.
        assert_eq!(
            quiet.release(utc(2026, 12, 2, 20, 0), tz),
            utc(2026, 12, 2, 20, 0)
        );
    }

    #[test]
    fn equal_ends_mean_no_quiet_hours() {
        let q = QuietHours::parse("00:00", "00:00").unwrap();
        assert!(!q.contains(NaiveTime::from_hms_opt(3, 0, 0).unwrap()));
        assert!(QuietHours::parse("25:00", "08:00").is_err());
    }

    #[test]
    fn after_a_downtime_only_the_closest_due_reminder_is_useful() {
        let starts = utc(2026, 12, 10, 18, 0);
        let all = [168, 24];
        let now = utc(2026, 12, 9, 19, 0); // both came due
        assert!(!still_useful(starts, 168, &all, now));
        assert!(still_useful(starts, 24, &all, now));
        assert!(!still_useful(starts, 24, &all, starts));
        assert!(still_useful(starts, 168, &all, utc(2026, 12, 4, 0, 0)));
    }

    #[test]
    fn policy_problems_name_the_field() {
        let p = ReminderPolicy {
            participants_hours_before: vec![24, 0, 24],
            facilitators_hours_before: vec![1000],
        };
        let fields: Vec<String> = p.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "reminders.participants_hours_before[1]",
                "reminders.participants_hours_before[2]",
                "reminders.facilitators_hours_before[0]"
            ]
        );
        assert!(ReminderPolicy::default().problems().is_empty());
    }

    proptest! {
        /// Released times are never inside the quiet hours, never earlier than asked, and
        /// never more than a day late; times outside them are kept.
        #[test]
        fn release_leaves_the_quiet_hours(
            minutes in 0i64..(366 * 24 * 60),
            start in 0u32..24, end in 0u32..24,
            zone in prop::sample::select(vec!["America/Vancouver", "Europe/London", "Asia/Kabul", "Australia/Lord_Howe", "UTC"]),
        ) {
            let tz: Tz = zone.parse().unwrap();
            let quiet = QuietHours {
                start: NaiveTime::from_hms_opt(start, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(end, 0, 0).unwrap(),
            };
            let at = utc(2026, 1, 1, 0, 0) + Duration::minutes(minutes);
            let out = quiet.release(at, tz);
            prop_assert!(out >= at);
            prop_assert!(out - at <= Duration::hours(25));
            prop_assert!(!quiet.contains(out.with_timezone(&tz).time()));
            if !quiet.contains(at.with_timezone(&tz).time()) {
                prop_assert_eq!(out, at);
            }
        }
    }
}
