//! Stored objects as the API shows them: a validated spec plus identity and history.

use crate::Id;
use crate::enrollment::EnrollmentStatus;
use crate::facilitator::AssignmentSpec;
use crate::group::{GroupSpec, GroupStatus};
use crate::org::Role;
use crate::person::{Consent, PersonSpec};
use crate::program::ProgramSpec;
use crate::support::SupportNeedSpec;
use crate::values::{Name, Slug, Text};
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
    pub withdrawn_reason: Option<Text>,
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
