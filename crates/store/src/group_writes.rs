//! The reads and writes that a change to a group's settings or status is made of, inside a
//! use case's transaction. The use cases are in `peergroup_app::groups`.

use crate::enrollments::fill_from_waitlist;
use crate::entities::{follow_up_task, group};
use crate::group_lock::find_group_for_update;
use crate::groups::{group_record, program_for, write_spec};
use crate::programs::program_spec;
use crate::stored::Stored;
use crate::training_reports::roles_without_eligible;
use crate::{Result, StoreError, Tx};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::followup::TaskState;
use peergroup_domain::group::{GroupSpec, GroupStatus};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Group;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::Expr;

impl Tx {
    /// The group as the API shows it (with its places taken), locked until the transaction
    /// ends; 404 for another organization's.
    pub async fn group_for_update(&self, org: Id, id: Id) -> Result<Group> {
        let m = find_group_for_update(&self.0, org, id).await?;
        group_record(&self.0, org, m).await
    }

    /// The design of the program a group's settings name; a program the organization does
    /// not have is a field error (422).
    pub async fn program_for_group(&self, org: Id, spec: &GroupSpec) -> Result<ProgramSpec> {
        program_for(&self.0, org, spec).await
    }

    /// The design of the group's own program.
    pub async fn group_program(&self, org: Id, program_id: Id) -> Result<ProgramSpec> {
        program_spec(&self.0, org, program_id).await
    }

    /// Replaces the group's settings.
    pub async fn write_group(
        &self,
        org: Id,
        id: Id,
        spec: &GroupSpec,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut active = group::ActiveModel {
            updated_at: Set(now),
            ..Default::default()
        };
        write_spec(&mut active, spec);
        update(&self.0, org, id, active).await
    }

    /// Moves people up from the waitlist into the places the group has free, in the order
    /// they joined it, while it has not started.
    pub async fn fill_from_waitlist(&self, org: Id, id: Id, now: DateTime<Utc>) -> Result<()> {
        let m = group::Entity::find_by_id(id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        fill_from_waitlist(&self.0, org, &m, now).await
    }

    /// Each lead role of the program that no facilitator assigned to the group is eligible
    /// for by their training, described for a message.
    pub async fn roles_without_eligible(
        &self,
        org: Id,
        id: Id,
        program: &ProgramSpec,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>> {
        let m = group::Entity::find_by_id(id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        roles_without_eligible(&self.0, org, &m, program, now).await
    }

    pub async fn set_group_status(
        &self,
        org: Id,
        id: Id,
        status: GroupStatus,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let active = group::ActiveModel {
            status: Set(Stored(status)),
            updated_at: Set(now),
            ..Default::default()
        };
        update(&self.0, org, id, active).await
    }

    /// Closes the group's open follow-up tasks, saying why.
    pub async fn close_group_tasks(
        &self,
        org: Id,
        id: Id,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        follow_up_task::Entity::update_many()
            .col_expr(
                follow_up_task::Column::State,
                Expr::value(TaskState::ClosedWithGroup.as_str()),
            )
            .col_expr(follow_up_task::Column::ClosedAt, Expr::value(now))
            .col_expr(follow_up_task::Column::ClosedNote, Expr::value(note))
            .col_expr(follow_up_task::Column::UpdatedAt, Expr::value(now))
            .filter(follow_up_task::Column::OrgId.eq(org))
            .filter(follow_up_task::Column::GroupId.eq(id))
            .filter(follow_up_task::Column::State.eq(TaskState::Open.as_str()))
            .exec(&self.0)
            .await?;
        Ok(())
    }
}

async fn update(
    txn: &sea_orm::DatabaseTransaction,
    org: Id,
    id: Id,
    active: group::ActiveModel,
) -> Result<()> {
    group::Entity::update_many()
        .set(active)
        .filter(group::Column::Id.eq(id))
        .filter(group::Column::OrgId.eq(org))
        .exec(txn)
        .await?;
    Ok(())
}
