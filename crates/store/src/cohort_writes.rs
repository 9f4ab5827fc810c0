//! The reads and writes that a training cohort's use cases are made of, inside their
//! transaction. The use cases are in `peergroup_app::cohorts`.

use crate::cohorts::{cohort_record, find_cohort, refuse_unknown};
use crate::entities::{training_attendance, training_cohort, training_session};
use crate::training::tenths;
use crate::{Result, StoreError, Tx, from_json, to_json};
use chrono::{DateTime, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::training::{Cohort, CohortSpec, TrainingSessionSpec};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, QuerySelect};

/// A held (or planned) training session, as its attendance needs it.
pub struct TrainingSessionToMark {
    pub cohort_id: Id,
    pub held_on: NaiveDate,
}

impl Tx {
    /// The cohort's modules and trainees must be the organization's own.
    pub async fn refuse_unknown_in_cohort(&self, org: Id, spec: &CohortSpec) -> Result<()> {
        refuse_unknown(&self.0, org, spec).await
    }

    /// A cohort's design, or 404.
    pub async fn cohort_spec(&self, org: Id, id: Id) -> Result<CohortSpec> {
        from_json(find_cohort(&self.0, org, id).await?.spec)
    }

    /// The cohort as this transaction sees it, sessions and progress included.
    pub async fn cohort(&self, org: Id, id: Id) -> Result<Cohort> {
        cohort_record(&self.0, find_cohort(&self.0, org, id).await?).await
    }

    pub async fn insert_cohort(
        &self,
        org: Id,
        spec: &CohortSpec,
        now: DateTime<Utc>,
    ) -> Result<Id> {
        let created = training_cohort::ActiveModel {
            org_id: Set(org),
            spec: Set(to_json(spec)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        Ok(created.id)
    }

    pub async fn update_cohort_spec(
        &self,
        org: Id,
        id: Id,
        spec: &CohortSpec,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut active: training_cohort::ActiveModel = find_cohort(&self.0, org, id).await?.into();
        active.spec = Set(to_json(spec));
        active.updated_at = Set(now);
        active.update(&self.0).await?;
        Ok(())
    }

    /// The modules the cohort's sessions have taught.
    pub async fn modules_taught(&self, org: Id, cohort_id: Id) -> Result<Vec<Id>> {
        Ok(training_session::Entity::find()
            .select_only()
            .column(training_session::Column::ModuleId)
            .filter(training_session::Column::OrgId.eq(org))
            .filter(training_session::Column::CohortId.eq(cohort_id))
            .into_tuple::<Option<Id>>()
            .all(&self.0)
            .await?
            .into_iter()
            .flatten()
            .collect())
    }

    pub async fn insert_training_session(
        &self,
        org: Id,
        cohort_id: Id,
        spec: &TrainingSessionSpec,
        now: DateTime<Utc>,
    ) -> Result<()> {
        training_session::ActiveModel {
            org_id: Set(org),
            cohort_id: Set(cohort_id),
            module_id: Set(spec.module_id),
            held_on: Set(spec.held_on),
            hours_tenths: Set(tenths(spec.hours)),
            topic: Set(spec.topic.as_ref().map(|t| t.to_string())),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        Ok(())
    }

    /// A training session of the organization, or 404.
    pub async fn training_session(&self, org: Id, id: Id) -> Result<TrainingSessionToMark> {
        let s = training_session::Entity::find_by_id(id)
            .filter(training_session::Column::OrgId.eq(org))
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("training session"))?;
        Ok(TrainingSessionToMark {
            cohort_id: s.cohort_id,
            held_on: s.held_on,
        })
    }

    /// Replaces a training session's attendance: each trainee present if listed, else absent.
    pub async fn replace_training_attendance(
        &self,
        org: Id,
        session_id: Id,
        trainees: &[Id],
        present: &[Id],
    ) -> Result<()> {
        training_attendance::Entity::delete_many()
            .filter(training_attendance::Column::OrgId.eq(org))
            .filter(training_attendance::Column::TrainingSessionId.eq(session_id))
            .exec(&self.0)
            .await?;
        let rows: Vec<training_attendance::ActiveModel> = trainees
            .iter()
            .map(|&person_id| training_attendance::ActiveModel {
                org_id: Set(org),
                training_session_id: Set(session_id),
                person_id: Set(person_id),
                present: Set(present.contains(&person_id)),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            training_attendance::Entity::insert_many(rows)
                .exec_without_returning(&self.0)
                .await?;
        }
        Ok(())
    }
}
