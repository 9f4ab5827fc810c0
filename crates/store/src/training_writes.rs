//! The reads and writes that facilitator training's use cases are made of, inside their
//! transaction. The use cases are in `peergroup_app::training`.

use crate::entities::{facilitator_profile, training_completion, training_module};
use crate::programs::{insert_program, program_spec};
use crate::training::{
    completion_record, insert_module, refuse_unknown_modules, requirements_record, tenths,
    upsert_requirements,
};
use crate::{Result, Tx, from_json, to_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Program;
use peergroup_domain::training::{
    CompletionRecord, CompletionSpec, FacilitatorProfile, ModuleSpec, Requirements,
    RoleRequirements,
};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::OnConflict;

impl Tx {
    /// A program's design, or 404.
    pub async fn program_spec(&self, org: Id, program_id: Id) -> Result<ProgramSpec> {
        program_spec(&self.0, org, program_id).await
    }

    /// Modules named in `field` must be the organization's own.
    pub async fn refuse_unknown_modules(&self, org: Id, field: &str, ids: &[Id]) -> Result<()> {
        refuse_unknown_modules(&self.0, org, field, ids).await
    }

    /// Sets what one role of a program requires, replacing what it required before.
    pub async fn set_requirements(
        &self,
        org: Id,
        program_id: Id,
        role: &str,
        spec: &Requirements,
        now: DateTime<Utc>,
    ) -> Result<RoleRequirements> {
        requirements_record(upsert_requirements(&self.0, org, program_id, role, spec, now).await?)
    }

    pub async fn insert_program(
        &self,
        org: Id,
        spec: &ProgramSpec,
        template_key: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Program> {
        insert_program(&self.0, org, spec, template_key, now).await
    }

    /// Adds a training module. Returns its id.
    pub async fn insert_module(
        &self,
        org: Id,
        spec: &ModuleSpec,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        Ok(insert_module(&self.0, org, spec, now).await?.id)
    }

    /// A module of the organization, as `(title, design)`.
    pub async fn module(&self, org: Id, id: Id) -> Result<Option<(String, ModuleSpec)>> {
        training_module::Entity::find_by_id(id)
            .filter(training_module::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .map(|m| Ok((m.title, from_json(m.spec)?)))
            .transpose()
    }

    /// Records a completion as given, its hours and expiry already decided.
    pub async fn insert_completion(
        &self,
        org: Id,
        recorded_by: Option<Id>,
        spec: &CompletionSpec,
        module_title: String,
        now: DateTime<Utc>,
    ) -> Result<CompletionRecord> {
        let created = training_completion::ActiveModel {
            org_id: Set(org),
            person_id: Set(spec.person_id),
            module_id: Set(spec.module_id),
            completed_on: Set(spec.completed_on),
            hours_tenths: Set(spec.hours.map_or(0, tenths)),
            trainer: Set(spec.trainer.as_ref().map(|t| t.to_string())),
            expires_on: Set(spec.expires_on),
            recorded_by: Set(recorded_by),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        completion_record(created, module_title, now.date_naive())
    }

    /// What a coordinator confirms about a facilitator, replaced whole.
    pub async fn set_profile(
        &self,
        org: Id,
        person: Id,
        spec: &FacilitatorProfile,
        now: DateTime<Utc>,
    ) -> Result<()> {
        use facilitator_profile::Column as P;
        facilitator_profile::Entity::insert(facilitator_profile::ActiveModel {
            org_id: Set(org),
            person_id: Set(person),
            spec: Set(to_json(spec)),
            updated_at: Set(now),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([P::OrgId, P::PersonId])
                .update_columns([P::Spec, P::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(&self.0)
        .await?;
        Ok(())
    }
}
