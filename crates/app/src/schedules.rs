//! Laying out a group's sessions from its program, start date, weekdays, local time,
//! timezone and the exclusion calendar, or laying them out again after any of those
//! changed. Which stored sessions move, appear or are cancelled is the domain's rule
//! (`peergroup_domain::regeneration`); people already reminded of a moved or dropped
//! session hear about it.

use peergroup_domain::Id;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::records::GenerateOutcome;
use peergroup_domain::regeneration::{lead_role_warnings, regenerate};
use peergroup_domain::schedule;
use peergroup_store::{Result, Store, StoreError};

/// Generates (or generates again) the group's sessions. Refused (409) for a completed or
/// cancelled group, and when one of the group's facilitators would be in two sessions at
/// once. With `include_past`, the plan's sessions that fall before now are created too (a
/// group that was running before it was brought in), to be logged; without, they are
/// counted in `skipped_past` and named in a warning. Neither gets reminders.
pub async fn generate(
    store: &Store,
    org: Id,
    group_id: Id,
    include_past: bool,
) -> Result<GenerateOutcome> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let g = tx.group_schedule(org, group_id).await?;
    if matches!(g.status, GroupStatus::Completed | GroupStatus::Cancelled) {
        return Err(StoreError::Conflict(format!(
            "a {} group's schedule cannot change",
            g.status
        )));
    }
    let plan = schedule::generate(&g.input());
    let stored = tx.plan_sessions(org, group_id).await?;
    let r = regenerate(&plan, stored, now, include_past);
    let mut warnings = tx.check_slots(org, &g, group_id, r.changed()).await?;
    warnings.extend(r.skipped_warning());
    warnings.extend(lead_role_warnings(&g.program, &g.facilitators));
    let written = tx.write_regeneration(org, group_id, &r, now).await?;
    tx.commit().await?;
    Ok(GenerateOutcome {
        created: written.created,
        updated: written.updated,
        unchanged: r.unchanged,
        cancelled: written.cancelled,
        kept: r.kept,
        skipped_past: r.skipped.len() as u32,
        warnings,
    })
}

/// The sessions a group of this design would have, laid out as `generate` would lay them
/// out (the organization's excluded dates included), before anything is saved: the group
/// form's preview. The spec is checked against its program as creating it would.
pub async fn preview(
    store: &Store,
    org: Id,
    spec: &peergroup_domain::group::GroupSpec,
) -> Result<Vec<schedule::PlannedSession>> {
    let program = store.get_program(org, spec.program_id).await?;
    spec.validate(&program.spec)?;
    let exclusions = store
        .list_exclusions(org, None)
        .await?
        .into_iter()
        .map(|e| e.date)
        .collect();
    Ok(schedule::generate(&schedule::ScheduleInput {
        phases: &program.spec.phases,
        start_date: spec.start_date,
        weekdays: &spec.weekdays,
        start_time: spec.start_time.time(),
        timezone: spec.timezone.tz(),
        exclusions: &exclusions,
        policy: spec.exclusion_policy,
    }))
}
