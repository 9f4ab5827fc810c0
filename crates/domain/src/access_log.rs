//! The access log: who read or changed a participant's personal data, when, and through
//! which route. It holds ids and a route, never the data itself.

use crate::Id;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

string_enum!(
    AccessAction {
        Read => "read",
        Change => "change",
        /// Everything about a person, gathered for them.
        Export => "export",
        Erase => "erase",
    }
);

/// Who reads or changes: a user (none: the system, such as the retention job), through
/// which route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct By<'a> {
    pub user: Option<Id>,
    pub route: &'a str,
}

/// Whose data was read or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    /// One person's.
    Person(Id),
    /// A group's participants at once: its roster, roll-call or follow-ups.
    Group(Id),
    /// A list of people: a search or an export of many.
    People,
}

impl About {
    pub fn person(self) -> Option<Id> {
        match self {
            About::Person(id) => Some(id),
            _ => None,
        }
    }

    pub fn group(self) -> Option<Id> {
        match self {
            About::Group(id) => Some(id),
            _ => None,
        }
    }
}

/// One entry, as admins read it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AccessEntry {
    pub id: Id,
    pub at: DateTime<Utc>,
    /// Who: none for the system (the retention job).
    pub user_id: Option<Id>,
    /// Whose data: none for a group's participants or a list of people (a search or an
    /// export).
    pub person_id: Option<Id>,
    /// The group whose participants were read at once (its roster, roll-call or
    /// follow-ups), if that was what was read.
    pub group_id: Option<Id>,
    pub action: AccessAction,
    /// The route, as its template: `GET /api/v1/people/{id}`, `GET /participants`.
    pub route: String,
}

/// Whether the chain of an organization's log holds: the first entry that does not follow
/// from the one before it (edited, or one before it deleted), if any, and whether its
/// newest entries were deleted.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AccessLogCheck {
    pub entries: u64,
    pub first_broken: Option<Id>,
    /// The newest entries were removed: the organization recorded a later last entry than
    /// the log now holds.
    pub truncated: bool,
}
