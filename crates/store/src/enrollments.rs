//! Enrolments as rosters show them, and the waitlist's moving up. Enrolling, withdrawing
//! and completing are use cases in `peergroup_app::enrollments`, written through
//! `enrollment_writes`.

use crate::entities::{enrollment, group, person};
use crate::stored::Stored;
use crate::{PageRequest, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::enrollment::{self as rules, EnrollmentStatus, WithdrawalReason};
use peergroup_domain::group::GroupStatus;
use peergroup_domain::records::Enrollment;
use peergroup_domain::records::Page;
use sea_orm::entity::prelude::*;
use sea_orm::{FromQueryResult, JoinType, QueryOrder, QuerySelect};

/// An enrolment with its person's display name, as rosters show it.
#[derive(Debug, FromQueryResult, serde::Deserialize)]
pub(crate) struct EnrollmentRow {
    pub(crate) id: Id,
    pub(crate) group_id: Id,
    pub(crate) person_id: Id,
    pub(crate) status: Stored<EnrollmentStatus>,
    pub(crate) withdrawn_reason: Option<Stored<WithdrawalReason>>,
    pub(crate) created_at: DateTimeUtc,
    pub(crate) updated_at: DateTimeUtc,
    pub(crate) display_name: String,
}

/// Enrolments joined to their person, selecting only what a roster needs; read the rows
/// with `.into_model::<EnrollmentRow>()`.
fn with_names() -> sea_orm::Select<enrollment::Entity> {
    use enrollment::Column as E;
    enrollment::Entity::find()
        .select_only()
        .columns([
            E::Id,
            E::GroupId,
            E::PersonId,
            E::Status,
            E::WithdrawnReason,
            E::CreatedAt,
            E::UpdatedAt,
        ])
        .column(person::Column::DisplayName)
        .join(
            JoinType::InnerJoin,
            enrollment::Entity::belongs_to(person::Entity)
                .from(E::PersonId)
                .to(person::Column::Id)
                .into(),
        )
}

pub(crate) fn to_record(row: EnrollmentRow) -> Result<Enrollment> {
    Ok(Enrollment {
        id: row.id,
        group_id: row.group_id,
        person_id: row.person_id,
        display_name: row.display_name,
        status: row.status.0,
        withdrawn_reason: row.withdrawn_reason.map(|r| r.0),
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

async fn one_record(conn: &impl ConnectionTrait, org: Id, id: Id) -> Result<Enrollment> {
    let row = with_names()
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::Id.eq(id))
        .into_model::<EnrollmentRow>()
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound("enrollment"))?;
    to_record(row)
}

async fn count_status(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    statuses: &[EnrollmentStatus],
) -> Result<u32> {
    let n = enrollment::Entity::find()
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::GroupId.eq(group_id))
        .filter(enrollment::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .count(conn)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Moves people from the head of the waitlist into free places, if the group has not started.
pub(crate) async fn fill_from_waitlist(
    conn: &impl ConnectionTrait,
    org: Id,
    group: &group::Model,
    now: DateTime<Utc>,
) -> Result<()> {
    let status: GroupStatus = group.status.0;
    let capacity = u16::try_from(group.capacity).unwrap_or(0);
    let taken = count_status(
        conn,
        org,
        group.id,
        &[EnrollmentStatus::Enrolled, EnrollmentStatus::Completed],
    )
    .await?;
    let waiting = count_status(conn, org, group.id, &[EnrollmentStatus::Waitlisted]).await?;
    let n = rules::promotable(status, taken, capacity, waiting);
    if n == 0 {
        return Ok(());
    }
    let head: Vec<Id> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::Id)
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::GroupId.eq(group.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Waitlisted.as_str()))
        .order_by_asc(enrollment::Column::Id)
        .limit(u64::from(n))
        .into_tuple()
        .all(conn)
        .await?;
    enrollment::Entity::update_many()
        .col_expr(
            enrollment::Column::Status,
            Expr::value(EnrollmentStatus::Enrolled.as_str()),
        )
        .col_expr(enrollment::Column::UpdatedAt, Expr::value(now))
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::Id.is_in(head))
        .exec(conn)
        .await?;
    Ok(())
}

impl Store {
    pub async fn get_enrollment(&self, org: Id, id: Id) -> Result<Enrollment> {
        one_record(&self.reader(), org, id).await
    }

    /// Every enrolment of one person, oldest first, each with its group's name.
    pub async fn person_enrollments(
        &self,
        org: Id,
        person_id: Id,
    ) -> Result<Vec<(Enrollment, String)>> {
        let rows = with_names()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::PersonId.eq(person_id))
            .order_by_asc(enrollment::Column::Id)
            .into_model::<EnrollmentRow>()
            .all(&self.reader())
            .await?;
        let group_ids: Vec<Id> = rows.iter().map(|r| r.group_id).collect();
        let names: std::collections::HashMap<Id, String> = crate::entities::group::Entity::find()
            .select_only()
            .column(crate::entities::group::Column::Id)
            .column(crate::entities::group::Column::Name)
            .filter(crate::entities::group::Column::OrgId.eq(org))
            .filter(crate::entities::group::Column::Id.is_in(group_ids))
            .into_tuple::<(Id, String)>()
            .all(&self.reader())
            .await?
            .into_iter()
            .collect();
        rows.into_iter()
            .map(|r| {
                let name = names.get(&r.group_id).cloned().unwrap_or_default();
                Ok((to_record(r)?, name))
            })
            .collect()
    }

    pub async fn list_enrollments(
        &self,
        org: Id,
        group_id: Id,
        status: Option<EnrollmentStatus>,
        page: PageRequest,
    ) -> Result<Page<Enrollment>> {
        let mut query = with_names()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.eq(group_id));
        if let Some(status) = status {
            query = query.filter(enrollment::Column::Status.eq(status.as_str()));
        }
        let rows = page
            .apply(query, enrollment::Column::Id)
            .into_model::<EnrollmentRow>()
            .all(&self.reader())
            .await?;
        let items = rows
            .into_iter()
            .map(to_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(items, page.limit, |e| e.id))
    }
}
