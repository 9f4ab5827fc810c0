//! Training cohorts: a course run for facilitators-in-training, its sessions, and who
//! attended each. Completions stay a coordinator's decision (`training.rs`); a cohort shows
//! the hours each trainee attended to inform it.

use crate::entities::{person, training_attendance, training_cohort, training_session};
use crate::training::{hours, refuse_unknown_modules, tenths};
use crate::{Result, Store, StoreError, from_json, to_json};
use peergroup_domain::training::{
    Cohort, CohortSpec, TraineeProgress, TrainingAttendanceSpec, TrainingSession,
    TrainingSessionSpec, check_unique, latest_today,
};
use peergroup_domain::values::Name;
use peergroup_domain::{Id, ValidationErrors};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::BTreeSet;

async fn find_cohort(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<training_cohort::Model> {
    training_cohort::Entity::find_by_id(id)
        .filter(training_cohort::Column::OrgId.eq(org))
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound("training cohort"))
}

/// The cohort's modules and trainees must be the organization's own.
async fn refuse_unknown(conn: &impl ConnectionTrait, org: Id, spec: &CohortSpec) -> Result<()> {
    refuse_unknown_modules(conn, org, "modules", &spec.modules).await?;
    let known: BTreeSet<Id> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::OrgId.eq(org))
        .filter(person::Column::Id.is_in(spec.trainees.iter().copied()))
        .into_tuple::<Id>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut errors = ValidationErrors::new();
    for (i, id) in spec.trainees.iter().enumerate() {
        errors.check(
            known.contains(id),
            format!("trainees[{i}]"),
            "no such person in this organization",
        );
    }
    Ok(errors.into_result()?)
}

/// A cohort with its sessions, their attendance, and each trainee's attended hours.
async fn cohort_record(conn: &impl ConnectionTrait, m: training_cohort::Model) -> Result<Cohort> {
    let spec: CohortSpec = from_json(m.spec)?;
    let sessions = training_session::Entity::find()
        .filter(training_session::Column::OrgId.eq(m.org_id))
        .filter(training_session::Column::CohortId.eq(m.id))
        .order_by_asc(training_session::Column::HeldOn)
        .order_by_asc(training_session::Column::Id)
        .all(conn)
        .await?;
    let marks = training_attendance::Entity::find()
        .filter(training_attendance::Column::OrgId.eq(m.org_id))
        .filter(training_attendance::Column::TrainingSessionId.is_in(sessions.iter().map(|s| s.id)))
        .order_by_asc(training_attendance::Column::PersonId)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(sessions.len());
    for s in sessions {
        let of_session = marks.iter().filter(|a| a.training_session_id == s.id);
        let (present, absent): (Vec<_>, Vec<_>) = of_session.partition(|a| a.present);
        out.push(TrainingSession {
            id: s.id,
            cohort_id: s.cohort_id,
            present: present.iter().map(|a| a.person_id).collect(),
            absent: absent.iter().map(|a| a.person_id).collect(),
            spec: TrainingSessionSpec {
                held_on: s.held_on,
                hours: hours(s.hours_tenths),
                module_id: s.module_id,
                topic: s
                    .topic
                    .map(Name::parse)
                    .transpose()
                    .map_err(StoreError::Corrupt)?,
            },
        });
    }
    let progress = spec
        .trainees
        .iter()
        .map(|&person_id| {
            let attended: Vec<&TrainingSession> = out
                .iter()
                .filter(|s| s.present.contains(&person_id))
                .collect();
            TraineeProgress {
                person_id,
                sessions_attended: attended.len() as u32,
                hours_attended: attended.iter().map(|s| s.spec.hours).sum(),
            }
        })
        .collect();
    Ok(Cohort {
        id: m.id,
        spec,
        sessions: out,
        progress,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

impl Store {
    pub async fn create_cohort(&self, org: Id, spec: &CohortSpec) -> Result<Cohort> {
        spec.validate()?;
        let txn = self.writer().begin().await?;
        refuse_unknown(&txn, org, spec).await?;
        let now = self.now();
        let created = training_cohort::ActiveModel {
            org_id: Set(org),
            spec: Set(to_json(spec)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let record = cohort_record(&txn, created).await?;
        txn.commit().await?;
        Ok(record)
    }

    /// Replaces a cohort's title, dates, trainers, modules and trainees. Sessions already
    /// recorded must still fit: their module stays one of the cohort's.
    pub async fn update_cohort(&self, org: Id, id: Id, spec: &CohortSpec) -> Result<Cohort> {
        spec.validate()?;
        let txn = self.writer().begin().await?;
        let existing = find_cohort(&txn, org, id).await?;
        refuse_unknown(&txn, org, spec).await?;
        let taught: Vec<Id> = training_session::Entity::find()
            .select_only()
            .column(training_session::Column::ModuleId)
            .filter(training_session::Column::OrgId.eq(org))
            .filter(training_session::Column::CohortId.eq(id))
            .into_tuple::<Option<Id>>()
            .all(&txn)
            .await?
            .into_iter()
            .flatten()
            .collect();
        if let Some(m) = taught.iter().find(|m| !spec.modules.contains(m)) {
            return Err(StoreError::invalid(
                "modules",
                format!("module {m} has sessions in this cohort; it cannot be removed"),
            ));
        }
        let mut active: training_cohort::ActiveModel = existing.into();
        active.spec = Set(to_json(spec));
        active.updated_at = Set(self.now());
        let updated = active.update(&txn).await?;
        let record = cohort_record(&txn, updated).await?;
        txn.commit().await?;
        Ok(record)
    }

    pub async fn get_cohort(&self, org: Id, id: Id) -> Result<Cohort> {
        let m = find_cohort(&self.reader(), org, id).await?;
        cohort_record(&self.reader(), m).await
    }

    pub async fn list_cohorts(&self, org: Id) -> Result<Vec<Cohort>> {
        let rows = training_cohort::Entity::find()
            .filter(training_cohort::Column::OrgId.eq(org))
            .order_by_asc(training_cohort::Column::Id)
            .all(&self.reader())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for m in rows {
            out.push(cohort_record(&self.reader(), m).await?);
        }
        Ok(out)
    }

    /// Adds a session to a cohort, on a day within the cohort's dates.
    pub async fn add_training_session(
        &self,
        org: Id,
        cohort_id: Id,
        spec: &TrainingSessionSpec,
    ) -> Result<Cohort> {
        spec.validate()?;
        let txn = self.writer().begin().await?;
        let cohort = find_cohort(&txn, org, cohort_id).await?;
        let cs: CohortSpec = from_json(cohort.spec.clone())?;
        let mut errors = ValidationErrors::new();
        errors.check(
            spec.held_on >= cs.starts_on && cs.ends_on.is_none_or(|e| spec.held_on <= e),
            "held_on",
            "must fall within the cohort's dates",
        );
        if let Some(m) = spec.module_id {
            errors.check(
                cs.modules.contains(&m),
                "module_id",
                "is not one of the cohort's modules",
            );
        }
        errors.into_result()?;
        training_session::ActiveModel {
            org_id: Set(org),
            cohort_id: Set(cohort_id),
            module_id: Set(spec.module_id),
            held_on: Set(spec.held_on),
            hours_tenths: Set(tenths(spec.hours)),
            topic: Set(spec.topic.as_ref().map(|t| t.to_string())),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let record = cohort_record(&txn, cohort).await?;
        txn.commit().await?;
        Ok(record)
    }

    /// Records who attended a held training session: the trainees listed were present,
    /// every other trainee absent. Taking it again replaces it.
    pub async fn set_training_attendance(
        &self,
        org: Id,
        session_id: Id,
        spec: &TrainingAttendanceSpec,
    ) -> Result<Cohort> {
        let txn = self.writer().begin().await?;
        let session = training_session::Entity::find_by_id(session_id)
            .filter(training_session::Column::OrgId.eq(org))
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound("training session"))?;
        let cohort = find_cohort(&txn, org, session.cohort_id).await?;
        let cs: CohortSpec = from_json(cohort.spec.clone())?;
        let mut errors = ValidationErrors::new();
        check_unique(&mut errors, "present", &spec.present);
        for (i, p) in spec.present.iter().enumerate() {
            errors.check(
                cs.trainees.contains(p),
                format!("present[{i}]"),
                "is not a trainee of this cohort",
            );
        }
        errors.into_result()?;
        if session.held_on > latest_today(self.now()) {
            return Err(StoreError::Conflict(
                "attendance is taken once the session has been held".into(),
            ));
        }
        training_attendance::Entity::delete_many()
            .filter(training_attendance::Column::OrgId.eq(org))
            .filter(training_attendance::Column::TrainingSessionId.eq(session_id))
            .exec(&txn)
            .await?;
        let rows: Vec<training_attendance::ActiveModel> = cs
            .trainees
            .iter()
            .map(|&person_id| training_attendance::ActiveModel {
                org_id: Set(org),
                training_session_id: Set(session_id),
                person_id: Set(person_id),
                present: Set(spec.present.contains(&person_id)),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            training_attendance::Entity::insert_many(rows)
                .exec_without_returning(&txn)
                .await?;
        }
        let record = cohort_record(&txn, cohort).await?;
        txn.commit().await?;
        Ok(record)
    }
}
