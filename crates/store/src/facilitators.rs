//! Facilitator assignments as the API shows them: who co-leads which group, as a peer or a
//! professional. Assigning is `peergroup_app::facilitators::assign`, written through
//! `assignment_writes`.

use crate::entities::{facilitator_assignment, person};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use peergroup_domain::Id;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::facilitator::EligibilityOverride;
use peergroup_domain::program::FacilitatorKind;
use peergroup_domain::records::FacilitatorAssignment;
use peergroup_domain::values::Key;
use sea_orm::entity::prelude::*;
use sea_orm::{FromQueryResult, JoinType, QueryOrder, QuerySelect};

/// An assignment with its person's display name.
#[derive(Debug, FromQueryResult, serde::Deserialize)]
pub(crate) struct AssignmentRow {
    pub(crate) id: Id,
    pub(crate) group_id: Id,
    pub(crate) person_id: Id,
    pub(crate) role: Stored<FacilitatorKind>,
    pub(crate) program_role: Option<String>,
    pub(crate) created_at: DateTimeUtc,
    pub(crate) display_name: String,
    pub(crate) override_reason: Option<String>,
    /// A JSON array of sentences.
    pub(crate) override_unmet: Option<String>,
    pub(crate) overridden_by: Option<Id>,
    pub(crate) overridden_at: Option<DateTimeUtc>,
}

pub(crate) fn to_record(row: AssignmentRow) -> Result<FacilitatorAssignment> {
    let corrupt = StoreError::Corrupt;
    let eligibility_override = match (row.override_reason, row.overridden_at) {
        (Some(reason), Some(at)) => Some(EligibilityOverride {
            reason,
            by_user_id: row.overridden_by,
            at,
            unmet: serde_json::from_str(row.override_unmet.as_deref().unwrap_or("[]"))
                .map_err(|e| corrupt(e.to_string()))?,
        }),
        _ => None,
    };
    Ok(FacilitatorAssignment {
        eligibility_override,
        id: row.id,
        group_id: row.group_id,
        display_name: row.display_name,
        spec: AssignmentSpec {
            person_id: row.person_id,
            role: row.role.0,
            program_role: row
                .program_role
                .map(Key::parse)
                .transpose()
                .map_err(corrupt)?,
            override_reason: None,
        },
        created_at: row.created_at,
    })
}

pub(crate) async fn list_group_facilitators(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
) -> Result<Vec<FacilitatorAssignment>> {
    use facilitator_assignment::Column as F;
    facilitator_assignment::Entity::find()
        .select_only()
        .columns([
            F::Id,
            F::GroupId,
            F::PersonId,
            F::Role,
            F::ProgramRole,
            F::CreatedAt,
            F::OverrideReason,
            F::OverrideUnmet,
            F::OverriddenBy,
            F::OverriddenAt,
        ])
        .column(person::Column::DisplayName)
        .join(
            JoinType::InnerJoin,
            facilitator_assignment::Entity::belongs_to(person::Entity)
                .from(F::PersonId)
                .to(person::Column::Id)
                .into(),
        )
        .filter(F::OrgId.eq(org))
        .filter(F::GroupId.eq(group_id))
        .order_by_asc(F::Id)
        .into_model::<AssignmentRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(to_record)
        .collect()
}

impl Store {
    /// Everyone assigned to facilitate any group of `org`, once each, by name: who can be
    /// a trainee, a mentor or a peer.
    pub async fn facilitator_people(&self, org: Id) -> Result<Vec<(Id, String)>> {
        let sql = "SELECT DISTINCT p.id, p.display_name FROM facilitator_assignments a \
                   JOIN people p ON p.id = a.person_id AND p.org_id = a.org_id \
                   WHERE a.org_id = $1 ORDER BY p.display_name, p.id";
        let db = self.reader();
        let rows = db
            .query_all_raw(crate::dialect::stmt(&db, sql, [org.into()]))
            .await?;
        rows.into_iter()
            .map(|r| Ok((r.try_get("", "id")?, r.try_get("", "display_name")?)))
            .collect()
    }

    pub async fn list_facilitators(
        &self,
        org: Id,
        group_id: Id,
    ) -> Result<Vec<FacilitatorAssignment>> {
        list_group_facilitators(&self.reader(), org, group_id).await
    }

    pub async fn remove_facilitator(&self, org: Id, group_id: Id, id: Id) -> Result<()> {
        let deleted = facilitator_assignment::Entity::delete_many()
            .filter(facilitator_assignment::Column::OrgId.eq(org))
            .filter(facilitator_assignment::Column::GroupId.eq(group_id))
            .filter(facilitator_assignment::Column::Id.eq(id))
            .exec(&self.writer())
            .await?;
        if deleted.rows_affected == 0 {
            return Err(StoreError::NotFound("facilitator assignment"));
        }
        Ok(())
    }
}
