//! Facilitator assignments: who co-leads which group, as a peer or a professional.

use crate::entities::{enrollment, facilitator_assignment, person};
use crate::groups::find_group_for_update;
use crate::people::find_person;
use crate::programs::find_program;
use crate::{Result, Store, StoreError, from_json, parse_stored};
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::FacilitatorAssignment;
use peergroup_domain::values::{Key, Text};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, JoinType, QueryOrder, QuerySelect, TransactionTrait};

fn to_record(
    m: facilitator_assignment::Model,
    display_name: String,
) -> Result<FacilitatorAssignment> {
    let corrupt = StoreError::Corrupt;
    Ok(FacilitatorAssignment {
        id: m.id,
        group_id: m.group_id,
        display_name,
        spec: AssignmentSpec {
            person_id: m.person_id,
            role: parse_stored(&m.role)?,
            program_role: m
                .program_role
                .map(Key::parse)
                .transpose()
                .map_err(corrupt)?,
            lived_experience_note: m
                .lived_experience_note
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
        },
        created_at: m.created_at,
    })
}

pub(crate) async fn list_group_facilitators(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
) -> Result<Vec<FacilitatorAssignment>> {
    facilitator_assignment::Entity::find()
        .join(
            JoinType::InnerJoin,
            facilitator_assignment::Entity::belongs_to(person::Entity)
                .from(facilitator_assignment::Column::PersonId)
                .to(person::Column::Id)
                .into(),
        )
        .select_also(person::Entity)
        .filter(facilitator_assignment::Column::OrgId.eq(org))
        .filter(facilitator_assignment::Column::GroupId.eq(group_id))
        .order_by_asc(facilitator_assignment::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|(m, p)| to_record(m, p.map(|p| p.display_name).unwrap_or_default()))
        .collect()
}

impl Store {
    pub async fn assign_facilitator(
        &self,
        org: Id,
        group_id: Id,
        spec: &AssignmentSpec,
    ) -> Result<FacilitatorAssignment> {
        let txn = self.write.begin().await?;
        let group = find_group_for_update(&txn, org, group_id).await?;
        let person = find_person(&txn, org, spec.person_id)
            .await?
            .ok_or_else(|| {
                StoreError::invalid("person_id", "no such person in this organization")
            })?;
        let program = find_program(&txn, org, group.program_id)
            .await?
            .ok_or(StoreError::NotFound("program"))?;
        let program: ProgramSpec = from_json(program.spec)?;
        spec.validate(&program)?;
        let participant = enrollment::Entity::find()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.eq(group_id))
            .filter(enrollment::Column::PersonId.eq(spec.person_id))
            .filter(enrollment::Column::Status.ne(EnrollmentStatus::Withdrawn.as_str()))
            .count(&txn)
            .await?;
        if participant > 0 {
            return Err(StoreError::Conflict(
                "this person is a participant of this group; a person can facilitate only other groups".into(),
            ));
        }
        let created = facilitator_assignment::ActiveModel {
            org_id: Set(org),
            group_id: Set(group_id),
            person_id: Set(spec.person_id),
            role: Set(spec.role.as_str().to_string()),
            program_role: Set(spec.program_role.as_ref().map(|k| k.to_string())),
            lived_experience_note: Set(spec.lived_experience_note.as_ref().map(|t| t.to_string())),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => {
                StoreError::Conflict("this person is already a facilitator of this group".into())
            }
            other => other,
        })?;
        txn.commit().await?;
        to_record(created, person.display_name)
    }

    pub async fn list_facilitators(
        &self,
        org: Id,
        group_id: Id,
    ) -> Result<Vec<FacilitatorAssignment>> {
        list_group_facilitators(&self.read, org, group_id).await
    }

    pub async fn remove_facilitator(&self, org: Id, group_id: Id, id: Id) -> Result<()> {
        let deleted = facilitator_assignment::Entity::delete_many()
            .filter(facilitator_assignment::Column::OrgId.eq(org))
            .filter(facilitator_assignment::Column::GroupId.eq(group_id))
            .filter(facilitator_assignment::Column::Id.eq(id))
            .exec(&self.write)
            .await?;
        if deleted.rows_affected == 0 {
            return Err(StoreError::NotFound("facilitator assignment"));
        }
        Ok(())
    }
}
