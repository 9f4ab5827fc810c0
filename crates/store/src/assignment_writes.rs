//! The reads and writes that assigning a facilitator to a group is made of, inside a use
//! case's transaction. The use case is `peergroup_app::facilitators::assign`.

use crate::conflicts::{Slot, refuse_facilitator_clash};
use crate::entities::{enrollment, facilitator_assignment, group, session};
use crate::facilitators::list_group_facilitators;
use crate::stored::Stored;
use crate::training::{TrainingFacts, check_day, training_policy};
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::org::TrainingPolicy;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::{FacilitatorAssignment, SessionStatus};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;

impl Tx {
    /// Whether the person holds or awaits a place in the group.
    pub async fn takes_part_in(&self, org: Id, group_id: Id, person_id: Id) -> Result<bool> {
        let n = enrollment::Entity::find()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.eq(group_id))
            .filter(enrollment::Column::PersonId.eq(person_id))
            .filter(enrollment::Column::Status.ne(EnrollmentStatus::Withdrawn.as_str()))
            .count(&self.0)
            .await?;
        Ok(n > 0)
    }

    /// Refuses (409, naming the other session) a facilitator who would be in one of the
    /// group's coming sessions and another group's at once.
    pub async fn refuse_clash_with_coming_sessions(
        &self,
        org: Id,
        group_id: Id,
        person_id: Id,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let coming: Vec<Slot> = session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.eq(group_id))
            .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
            .filter(session::Column::EndsAt.gt(now))
            .all(&self.0)
            .await?
            .into_iter()
            .map(|m| Slot {
                starts_at: m.starts_at,
                ends_at: m.ends_at,
            })
            .collect();
        refuse_facilitator_clash(&self.0, org, group_id, &[person_id], &coming).await
    }

    /// What the person lacks of the training the role asks for on the group's first day
    /// (or today, once it has started), described for a coordinator; empty when nothing.
    pub async fn training_shortfall(
        &self,
        org: Id,
        group_id: Id,
        (program_id, program): (Id, &ProgramSpec),
        spec: &AssignmentSpec,
        now: DateTime<Utc>,
    ) -> Result<std::result::Result<(), Vec<String>>> {
        let g = group_model(&self.0, org, group_id).await?;
        let facts = TrainingFacts::load(&self.0, org, &[program_id], &[spec.person_id]).await?;
        Ok(facts
            .check(
                program_id,
                program,
                spec.person_id,
                spec.role,
                spec.program_role.as_ref(),
                check_day(&g, now)?,
            )
            .map_err(|short| facts.describe(&short)))
    }

    pub async fn training_policy(&self, org: Id) -> Result<TrainingPolicy> {
        training_policy(&self.0, org).await
    }

    /// Assigns the person; `overridden` keeps the coordinator's reason and what was
    /// missing. Returns the assignment's id; 409 if the person already facilitates it.
    pub async fn insert_assignment(
        &self,
        org: Id,
        group_id: Id,
        spec: &AssignmentSpec,
        overridden: Option<(String, Vec<String>)>,
        by_user: Option<Id>,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let by = overridden.as_ref().and(by_user);
        let at = overridden.as_ref().map(|_| now);
        let (reason, unmet) = match overridden {
            Some((reason, unmet)) => (
                Some(reason),
                Some(serde_json::to_string(&unmet).unwrap_or_default()),
            ),
            None => (None, None),
        };
        let created = facilitator_assignment::ActiveModel {
            override_reason: Set(reason),
            override_unmet: Set(unmet),
            overridden_by: Set(by),
            overridden_at: Set(at),
            org_id: Set(org),
            group_id: Set(group_id),
            person_id: Set(spec.person_id),
            role: Set(Stored(spec.role)),
            program_role: Set(spec.program_role.as_ref().map(|k| k.to_string())),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => {
                StoreError::Conflict("this person is already a facilitator of this group".into())
            }
            other => other,
        })?;
        Ok(created.id)
    }
}

impl Store {
    /// One assignment of the group, as the API shows it.
    pub async fn get_assignment(
        &self,
        org: Id,
        group_id: Id,
        id: Id,
    ) -> Result<FacilitatorAssignment> {
        list_group_facilitators(&self.reader(), org, group_id)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(StoreError::NotFound("facilitator assignment"))
    }
}

async fn group_model(
    txn: &sea_orm::DatabaseTransaction,
    org: Id,
    group_id: Id,
) -> Result<group::Model> {
    group::Entity::find_by_id(group_id)
        .filter(group::Column::OrgId.eq(org))
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound("group"))
}
