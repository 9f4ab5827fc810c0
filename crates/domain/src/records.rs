//! Stored objects as the API shows them: a validated spec plus identity and history.

use crate::Id;
use crate::enrollment::{EnrollmentStatus, WithdrawalReason};
use crate::facilitator::AssignmentSpec;
use crate::group::{GroupSpec, GroupStatus};
use crate::org::Role;
use crate::person::{Consent, PersonSpec};
use crate::program::ProgramSpec;
use crate::support::SupportNeedSpec;
use crate::values::{Name, Slug};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Organization {
    pub id: Id,
    pub slug: Slug,
    pub name: Name,
}

/// Who is calling: a user of one organization with one role.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Principal {
    pub org_id: Id,
    pub user_id: Id,
    pub email: String,
    pub role: Role,
}

/// A bearer token as its organization's admins see it. The secret is shown once, when the
/// token is issued, and is not stored.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TokenRecord {
    pub id: Id,
    /// The user the token signs in as.
    pub email: String,
    pub role: Role,
    pub label: String,
    pub created_at: DateTime<Utc>,
    /// After this instant the token is refused; none: it does not expire.
    pub expires_at: Option<DateTime<Utc>>,
    /// When the token was last looked up, to within a minute (and the server's token cache).
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Program {
    pub id: Id,
    /// The built-in template this program was copied from, if any.
    pub template_key: Option<String>,
    #[serde(flatten)]
    pub spec: ProgramSpec,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Group {
    pub id: Id,
    pub status: GroupStatus,
    #[serde(flatten)]
    pub spec: GroupSpec,
    /// Participants holding a place (enrolled or completed).
    pub enrolled_count: u32,
    pub waitlisted_count: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Person {
    pub id: Id,
    #[serde(flatten)]
    pub spec: PersonSpec,
    /// When each consent was given; absent when not given.
    pub consent_given: Consent,
    /// Other people of the organization with the same email address, on answers about
    /// one person: a warning, not an error (a family may share an address), so that a
    /// coordinator can tell a duplicate from a relative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_email_as: Vec<Id>,
    /// When the person's personal data was erased: their name is then `#<id>`, and they
    /// have no contact and no consent.
    pub erased_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Enrollment {
    pub id: Id,
    pub group_id: Id,
    pub person_id: Id,
    /// The participant's display name, for rosters.
    pub display_name: String,
    pub status: EnrollmentStatus,
    pub withdrawn_reason: Option<WithdrawalReason>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FacilitatorAssignment {
    pub id: Id,
    pub group_id: Id,
    pub display_name: String,
    #[serde(flatten)]
    pub spec: AssignmentSpec,
    /// Set when a coordinator assigned this person although they did not meet the role's
    /// requirements.
    pub eligibility_override: Option<crate::facilitator::EligibilityOverride>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SupportNeed {
    pub id: Id,
    pub enrollment_id: Id,
    #[serde(flatten)]
    pub spec: SupportNeedSpec,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A group with everything a coordinator needs on one screen.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GroupDetail {
    #[serde(flatten)]
    pub group: Group,
    pub enrollments: Vec<Enrollment>,
    pub facilitators: Vec<FacilitatorAssignment>,
}

string_enum!(
    SessionStatus {
        Scheduled => "scheduled",
        Cancelled => "cancelled",
        /// Logged as held; never moved or regenerated.
        Held => "held",
    }
);

string_enum!(
    SessionKind {
        /// Generated from the program's curriculum.
        Planned => "planned",
        /// Added by a coordinator outside the plan.
        Extra => "extra",
    }
);

/// One session of a group, with its local date and time in the group's timezone.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Session {
    pub id: Id,
    pub group_id: Id,
    pub kind: SessionKind,
    /// Moved or added by hand; regeneration leaves it alone.
    pub changed_by_hand: bool,
    /// Where it meets: the group's venue unless this session has its own.
    pub venue: crate::group::Venue,
    /// 1-based position in the series (0 for an extra session).
    pub number: u32,
    /// 0-based index of the program phase, and its name.
    pub phase: u32,
    pub phase_name: String,
    pub number_in_phase: u32,
    /// The session plan's topic, when the phase has a plan for this session.
    pub topic: Option<String>,
    pub timezone: String,
    pub local_date: chrono::NaiveDate,
    /// Wall-clock start in the group's timezone, HH:MM.
    pub local_time: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The start in the timezone the caller asked for (RFC 3339 with offset).
    pub starts_at_local: String,
    pub minutes: u32,
    pub status: SessionStatus,
    /// For a scheduled session: each lead role of its phase the group's assigned
    /// facilitators do not fill, such as `educator: 0 of 1`. Empty when all are filled.
    pub roles_missing: Vec<String>,
    /// Participants who said "I can't come" through their reminder's link.
    pub cannot_come: u32,
    /// Bumped by every change, so calendars and reminders already sent can be corrected.
    pub sequence: u32,
    pub cancel_reason: Option<String>,
}

/// A date with no session, for the whole organization or one group.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Exclusion {
    pub id: Id,
    /// `None` for the whole organization.
    pub group_id: Option<Id>,
    pub date: chrono::NaiveDate,
    pub reason: String,
}

string_enum!(
    /// Whose sessions a calendar feed carries.
    FeedKind {
        /// One group's sessions.
        Group => "group",
        /// One facilitator's sessions across their groups.
        Facilitator => "facilitator",
        /// Every session of the organization, for coordinators.
        Organization => "organization",
    }
);

/// A calendar feed. Its URL is shown once, when created; anyone with it can read the feed
/// until it is revoked.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CalendarFeed {
    pub id: Id,
    pub kind: FeedKind,
    /// The group or the facilitator (a person), for those kinds.
    pub subject_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Only in the response that creates the feed: the path of the `.ics` file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An organization with its settings, as coordinators read it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OrganizationDetail {
    #[serde(flatten)]
    pub organization: Organization,
    pub settings: crate::org::OrgSettings,
}

/// What a (re)generation did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct GenerateOutcome {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Future sessions that no longer fit the plan, now cancelled.
    pub cancelled: u32,
    /// Held or started sessions, left as they were.
    pub kept: u32,
    /// Sessions of the plan that fall before now and were not created (see `warnings`);
    /// generating with `include_past` creates them.
    pub skipped_past: u32,
    /// Other groups at the same venue at the same time (allowed, but worth a look).
    pub warnings: Vec<String>,
}

/// A session after a change, with any venue clash worth a look.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SessionChange {
    #[serde(flatten)]
    pub session: Session,
    pub warnings: Vec<String>,
}

/// One page of a list, in id order. Pass `next_cursor` as `after` to get the next page.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<i64>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows: the extra row only says there is more.
    pub fn from_rows(mut items: Vec<T>, limit: u64, id: impl Fn(&T) -> i64) -> Self {
        let more = items.len() as u64 > limit;
        items.truncate(limit as usize);
        let next_cursor = if more { items.last().map(id) } else { None };
        Page { items, next_cursor }
    }
}
