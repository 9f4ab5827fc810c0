//! Training cohorts: a course run for facilitators-in-training, its sessions, and who
//! attended each, as read. The writes are in `cohort_writes.rs`, the use cases in
//! `peergroup_app::cohorts`. Completions stay a coordinator's decision (`training.rs`); a cohort shows
//! the hours each trainee attended to inform it.

use crate::entities::{person, training_attendance, training_cohort, training_session};
use crate::training::{hours, refuse_unknown_modules};
use crate::{Result, Store, StoreError, from_json};
use peergroup_domain::training::{
    Cohort, CohortSpec, TraineeProgress, TrainingSession, TrainingSessionSpec,
};
use peergroup_domain::values::Name;
use peergroup_domain::{Id, ValidationErrors};
use sea_orm::entity::prelude::*;
use sea_orm::{ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::BTreeSet;

pub(crate) async fn find_cohort(
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
pub(crate) async fn refuse_unknown(
    conn: &impl ConnectionTrait,
    org: Id,
    spec: &CohortSpec,
) -> Result<()> {
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
pub(crate) async fn cohort_record(
    conn: &impl ConnectionTrait,
    m: training_cohort::Model,
) -> Result<Cohort> {
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
}
