//! Facilitator training: what each program role requires, completions, profiles, and a
//! template copied in as a program with its modules. Modules themselves are single rows,
//! written by the store.

use peergroup_domain::Id;
use peergroup_domain::records::Program;
use peergroup_domain::templates::ProgramTemplate;
use peergroup_domain::training::{
    Completion, CompletionRecord, CompletionSpec, FacilitatorProfile, ModuleSpec, Requirements,
    RoleRequirements, latest_today, modules_from_design, requirements_of,
};
use peergroup_domain::values::{Key, Name};
use peergroup_store::{Result, Store, StoreError};

/// Sets what one role of a program requires, replacing what it required before.
pub async fn set_requirements(
    store: &Store,
    org: Id,
    program_id: Id,
    role: &str,
    spec: &Requirements,
) -> Result<RoleRequirements> {
    let tx = store.begin().await?;
    if tx.program_spec(org, program_id).await?.role(role).is_none() {
        return Err(StoreError::NotFound("program role"));
    }
    spec.validate()?;
    tx.refuse_unknown_modules(org, "modules", &spec.modules)
        .await?;
    let stored = tx
        .set_requirements(org, program_id, role, spec, store.clock().now())
        .await?;
    tx.commit().await?;
    Ok(stored)
}

/// Copies a built-in template into the organization as a program, with its training as
/// modules and each role's requirements, in one transaction.
pub async fn copy_template(
    store: &Store,
    org: Id,
    template: &ProgramTemplate,
    name: Option<Name>,
) -> Result<Program> {
    let mut spec = template.program.clone();
    if let Some(name) = name {
        spec.name = name;
    }
    spec.validate()?;
    let now = store.clock().now();
    let tx = store.begin().await?;
    let program = tx
        .insert_program(org, &spec, Some(&template.key), now)
        .await?;
    let mut by_role: Vec<(Key, Vec<(Id, ModuleSpec)>)> = Vec::new();
    for (module, roles) in modules_from_design(&spec) {
        let id = tx.insert_module(org, &module, now).await?;
        for role in roles {
            match by_role.iter_mut().find(|(r, _)| *r == role) {
                Some((_, modules)) => modules.push((id, module.clone())),
                None => by_role.push((role, vec![(id, module.clone())])),
            }
        }
    }
    for (role, modules) in &by_role {
        let refs: Vec<(Id, &ModuleSpec)> = modules.iter().map(|(id, m)| (*id, m)).collect();
        tx.set_requirements(org, program.id, role.as_str(), &requirements_of(&refs), now)
            .await?;
    }
    tx.commit().await?;
    Ok(program)
}

/// Records that a person completed a module. Without `hours`, the module's hours count;
/// without `expires_on`, a completion of a module that expires stops counting after the
/// module's validity.
pub async fn record_completion(
    store: &Store,
    org: Id,
    recorded_by: Option<Id>,
    spec: &CompletionSpec,
) -> Result<CompletionRecord> {
    let now = store.clock().now();
    spec.validate(latest_today(now))?;
    let tx = store.begin().await?;
    if !tx.person_exists(org, spec.person_id).await? {
        return Err(StoreError::invalid(
            "person_id",
            "no such person in this organization",
        ));
    }
    let (title, module) = tx.module(org, spec.module_id).await?.ok_or_else(|| {
        StoreError::invalid("module_id", "no such training module in this organization")
    })?;
    let decided = CompletionSpec {
        hours: spec.hours.or(module.hours),
        expires_on: spec
            .expires_on
            .or_else(|| Completion::expiry(spec.completed_on, module.valid_for_months)),
        ..spec.clone()
    };
    let record = tx
        .insert_completion(org, recorded_by, &decided, title, now)
        .await?;
    tx.commit().await?;
    Ok(record)
}

/// What a coordinator confirms about a facilitator, replaced whole.
pub async fn set_profile(
    store: &Store,
    org: Id,
    person: Id,
    spec: &FacilitatorProfile,
) -> Result<FacilitatorProfile> {
    spec.validate()?;
    let tx = store.begin().await?;
    if !tx.person_exists(org, person).await? {
        return Err(StoreError::NotFound("person"));
    }
    tx.set_profile(org, person, spec, store.clock().now())
        .await?;
    tx.commit().await?;
    Ok(spec.clone())
}
