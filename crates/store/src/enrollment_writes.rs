//! The reads and writes that enrolling a person, withdrawing and completing are made of,
//! inside a use case's transaction. The use cases are in `peergroup_app::enrollments`.

use crate::entities::enrollment;
use crate::people::find_person;
use crate::stored::Stored;
use crate::{Result, StoreError, Tx};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::enrollment::{EnrollmentStatus, WithdrawalReason};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::Expr;

/// An enrolment about to change.
pub struct EnrollmentToChange {
    pub group_id: Id,
    pub status: EnrollmentStatus,
}

impl Tx {
    /// Whether the person is the organization's (an erased person is no one to enrol).
    pub async fn person_exists(&self, org: Id, person_id: Id) -> Result<bool> {
        let found = find_person(&self.0, org, person_id).await?;
        Ok(found.is_some_and(|p| p.erased_at.is_none()))
    }

    /// The person's enrolment in the group, if any, as `(id, status)`.
    pub async fn enrollment_in(
        &self,
        org: Id,
        group_id: Id,
        person_id: Id,
    ) -> Result<Option<(Id, EnrollmentStatus)>> {
        enrollment::Entity::find()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.eq(group_id))
            .filter(enrollment::Column::PersonId.eq(person_id))
            .one(&self.0)
            .await?
            .map(|e| Ok((e.id, e.status.0)))
            .transpose()
    }

    /// Enrols the person in `status` (enrolled or waitlisted). Returns the enrolment's id.
    pub async fn insert_enrollment(
        &self,
        org: Id,
        group_id: Id,
        person_id: Id,
        status: EnrollmentStatus,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let created = enrollment::ActiveModel {
            org_id: Set(org),
            group_id: Set(group_id),
            person_id: Set(person_id),
            status: Set(Stored(status)),
            withdrawn_reason: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        Ok(created.id)
    }

    /// The enrolment, or 404 for another organization's.
    pub async fn enrollment_to_change(&self, org: Id, id: Id) -> Result<EnrollmentToChange> {
        let e = enrollment::Entity::find_by_id(id)
            .filter(enrollment::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("enrollment"))?;
        Ok(EnrollmentToChange {
            group_id: e.group_id,
            status: e.status.0,
        })
    }

    /// Sets the enrolment's status, with the reason for a withdrawal.
    pub async fn set_enrollment_status(
        &self,
        org: Id,
        id: Id,
        status: EnrollmentStatus,
        reason: Option<WithdrawalReason>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        enrollment::Entity::update_many()
            .col_expr(enrollment::Column::Status, Expr::value(status.as_str()))
            .col_expr(
                enrollment::Column::WithdrawnReason,
                Expr::value(reason.map(WithdrawalReason::as_str)),
            )
            .col_expr(enrollment::Column::UpdatedAt, Expr::value(now))
            .filter(enrollment::Column::Id.eq(id))
            .filter(enrollment::Column::OrgId.eq(org))
            .exec(&self.0)
            .await?;
        Ok(())
    }
}
