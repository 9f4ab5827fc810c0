//! Training cohorts: a course run for facilitators-in-training, its sessions, and who
//! attended each. Completions stay a coordinator's decision (`training`); a cohort shows
//! the hours each trainee attended to inform it.

use peergroup_domain::Id;
use peergroup_domain::training::{
    Cohort, CohortSpec, TrainingAttendanceSpec, TrainingSessionSpec, latest_today,
};
use peergroup_store::{Result, Store, StoreError};

pub async fn create(store: &Store, org: Id, spec: &CohortSpec) -> Result<Cohort> {
    spec.validate()?;
    let tx = store.begin().await?;
    tx.refuse_unknown_in_cohort(org, spec).await?;
    let id = tx.insert_cohort(org, spec, store.clock().now()).await?;
    let cohort = tx.cohort(org, id).await?;
    tx.commit().await?;
    Ok(cohort)
}

/// Replaces a cohort's title, dates, trainers, modules and trainees. Sessions already
/// recorded must still fit: their module stays one of the cohort's.
pub async fn update(store: &Store, org: Id, id: Id, spec: &CohortSpec) -> Result<Cohort> {
    spec.validate()?;
    let tx = store.begin().await?;
    tx.cohort_spec(org, id).await?;
    tx.refuse_unknown_in_cohort(org, spec).await?;
    spec.check_keeps_taught(&tx.modules_taught(org, id).await?)?;
    tx.update_cohort_spec(org, id, spec, store.clock().now())
        .await?;
    let cohort = tx.cohort(org, id).await?;
    tx.commit().await?;
    Ok(cohort)
}

/// Adds a session to a cohort, on a day within the cohort's dates.
pub async fn add_session(
    store: &Store,
    org: Id,
    cohort_id: Id,
    spec: &TrainingSessionSpec,
) -> Result<Cohort> {
    spec.validate()?;
    let tx = store.begin().await?;
    tx.cohort_spec(org, cohort_id).await?.check_session(spec)?;
    tx.insert_training_session(org, cohort_id, spec, store.clock().now())
        .await?;
    let cohort = tx.cohort(org, cohort_id).await?;
    tx.commit().await?;
    Ok(cohort)
}

/// Records who attended a held training session: the trainees listed were present,
/// every other trainee absent. Taking it again replaces it.
pub async fn take_attendance(
    store: &Store,
    org: Id,
    session_id: Id,
    spec: &TrainingAttendanceSpec,
) -> Result<Cohort> {
    let tx = store.begin().await?;
    let session = tx.training_session(org, session_id).await?;
    let cohort = tx.cohort_spec(org, session.cohort_id).await?;
    cohort.check_attendance(spec)?;
    if session.held_on > latest_today(store.clock().now()) {
        return Err(StoreError::Conflict(
            "attendance is taken once the session has been held".into(),
        ));
    }
    tx.replace_training_attendance(org, session_id, &cohort.trainees, &spec.present)
        .await?;
    let record = tx.cohort(org, session.cohort_id).await?;
    tx.commit().await?;
    Ok(record)
}
