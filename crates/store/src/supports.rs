//! Support needs of an enrolment: childcare, transport, interpreter, food, and others.

use crate::entities::{enrollment, support_need};
use crate::stored::Stored;
use crate::{Result, Store, StoreError, from_json, to_json};
use peergroup_domain::Id;
use peergroup_domain::records::SupportNeed;
use peergroup_domain::support::SupportNeedSpec;
use peergroup_domain::values::{Language, Text};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, QueryOrder};

fn to_record(m: support_need::Model) -> Result<SupportNeed> {
    let corrupt = StoreError::Corrupt;
    Ok(SupportNeed {
        id: m.id,
        enrollment_id: m.enrollment_id,
        spec: SupportNeedSpec {
            kind: m.kind.0,
            status: m.status.0,
            children_ages: from_json(m.children_ages)?,
            interpreter_language: m
                .interpreter_language
                .map(Language::parse)
                .transpose()
                .map_err(corrupt)?,
            details: m.details.map(Text::parse).transpose().map_err(corrupt)?,
        },
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn write_spec(active: &mut support_need::ActiveModel, spec: &SupportNeedSpec) {
    active.kind = Set(Stored(spec.kind));
    active.status = Set(Stored(spec.status));
    active.children_ages = Set(to_json(&spec.children_ages));
    active.interpreter_language = Set(spec.interpreter_language.as_ref().map(|l| l.to_string()));
    active.details = Set(spec.details.as_ref().map(|t| t.to_string()));
}

fn duplicate_kind(err: DbErr, spec: &SupportNeedSpec) -> StoreError {
    match StoreError::from(err) {
        StoreError::Conflict(_) => StoreError::Conflict(format!(
            "this enrolment already has a {} need; change that one instead",
            spec.kind
        )),
        other => other,
    }
}

impl Store {
    pub async fn create_support_need(
        &self,
        org: Id,
        enrollment_id: Id,
        spec: &SupportNeedSpec,
    ) -> Result<SupportNeed> {
        spec.validate()?;
        let exists = enrollment::Entity::find_by_id(enrollment_id)
            .filter(enrollment::Column::OrgId.eq(org))
            .count(&self.writer())
            .await?;
        if exists == 0 {
            return Err(StoreError::NotFound("enrollment"));
        }
        let now = self.now();
        let mut active = support_need::ActiveModel {
            org_id: Set(org),
            enrollment_id: Set(enrollment_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        write_spec(&mut active, spec);
        to_record(
            active
                .insert(&self.writer())
                .await
                .map_err(|e| duplicate_kind(e, spec))?,
        )
    }

    pub async fn list_support_needs(&self, org: Id, enrollment_id: Id) -> Result<Vec<SupportNeed>> {
        support_need::Entity::find()
            .filter(support_need::Column::OrgId.eq(org))
            .filter(support_need::Column::EnrollmentId.eq(enrollment_id))
            .order_by_asc(support_need::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(to_record)
            .collect()
    }

    pub async fn get_support_need(&self, org: Id, id: Id) -> Result<SupportNeed> {
        let m = support_need::Entity::find_by_id(id)
            .filter(support_need::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("support need"))?;
        to_record(m)
    }

    pub async fn update_support_need(
        &self,
        org: Id,
        id: Id,
        spec: &SupportNeedSpec,
    ) -> Result<SupportNeed> {
        spec.validate()?;
        let existing = support_need::Entity::find_by_id(id)
            .filter(support_need::Column::OrgId.eq(org))
            .one(&self.writer())
            .await?
            .ok_or(StoreError::NotFound("support need"))?;
        let mut active: support_need::ActiveModel = existing.into();
        write_spec(&mut active, spec);
        active.updated_at = Set(self.now());
        to_record(
            active
                .update(&self.writer())
                .await
                .map_err(|e| duplicate_kind(e, spec))?,
        )
    }
}
