//! Facilitator training: modules, the requirements of each program role, completions and
//! profiles, and the facts that eligibility is checked against when a facilitator is
//! assigned, when a group starts, and in the gaps report.

use crate::entities::{
    facilitator_profile, group, organization, role_requirement, training_completion,
    training_module,
};
use crate::programs::program_spec;
use crate::{Result, Store, StoreError, from_json, to_json};
use chrono::{DateTime, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::TrainingPolicy;
use peergroup_domain::program::{FacilitatorKind, ProgramSpec};
use peergroup_domain::training::{
    Completion, CompletionRecord, CompletionSpec, FacilitatorProfile, ModuleSpec, Requirements,
    RoleRequirements, RoleShortfall, TrainingModule, check_roles, roles_for,
};
use peergroup_domain::values::{Key, Name, TimeZone};
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::HashMap;

pub(crate) fn tenths(hours: f32) -> i32 {
    (hours * 10.0).round() as i32
}

pub(crate) fn hours(tenths: i32) -> f32 {
    tenths as f32 / 10.0
}

fn module_record(m: training_module::Model) -> Result<TrainingModule> {
    Ok(TrainingModule {
        id: m.id,
        spec: from_json(m.spec)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn requirements_record(m: role_requirement::Model) -> Result<RoleRequirements> {
    Ok(RoleRequirements {
        program_id: m.program_id,
        role: m.role,
        requirements: from_json(m.spec)?,
        updated_at: m.updated_at,
    })
}

fn completion(m: &training_completion::Model) -> Completion {
    Completion {
        module_id: m.module_id,
        completed_on: m.completed_on,
        hours: hours(m.hours_tenths),
        expires_on: m.expires_on,
    }
}

pub(crate) fn completion_record(
    m: training_completion::Model,
    module_title: String,
    today: NaiveDate,
) -> Result<CompletionRecord> {
    let corrupt = StoreError::Corrupt;
    Ok(CompletionRecord {
        id: m.id,
        valid_today: completion(&m).valid_on(today),
        spec: CompletionSpec {
            person_id: m.person_id,
            module_id: m.module_id,
            completed_on: m.completed_on,
            // Zero tenths: no hours were recorded.
            hours: (m.hours_tenths > 0).then(|| hours(m.hours_tenths)),
            trainer: m.trainer.map(Name::parse).transpose().map_err(corrupt)?,
            expires_on: m.expires_on,
        },
        module_title,
        recorded_by: m.recorded_by,
        created_at: m.created_at,
    })
}

/// The day a group's facilitators are checked on: the group's first day, or today in its
/// timezone once it has begun.
pub(crate) fn check_day(group: &group::Model, now: DateTime<Utc>) -> Result<NaiveDate> {
    let tz = TimeZone::parse(&group.timezone).map_err(StoreError::Corrupt)?;
    Ok(group
        .start_date
        .max(now.with_timezone(&tz.tz()).date_naive()))
}

pub(crate) async fn training_policy(
    conn: &impl ConnectionTrait,
    org: Id,
) -> Result<TrainingPolicy> {
    let org = organization::Entity::find_by_id(org)
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound("organization"))?;
    Ok(org.training_policy.0)
}

/// Titles of the organization's modules, by id.
async fn module_titles(conn: &impl ConnectionTrait, org: Id) -> Result<HashMap<Id, String>> {
    let rows: Vec<(Id, String)> = training_module::Entity::find()
        .select_only()
        .column(training_module::Column::Id)
        .column(training_module::Column::Title)
        .filter(training_module::Column::OrgId.eq(org))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// What eligibility is checked against, for some programs and people of one organization.
pub(crate) struct TrainingFacts {
    requirements: HashMap<(Id, String), Requirements>,
    profiles: HashMap<Id, FacilitatorProfile>,
    /// Each person's completions as stored, newest first.
    completions: HashMap<Id, Vec<training_completion::Model>>,
    titles: HashMap<Id, String>,
}

impl TrainingFacts {
    pub(crate) async fn load(
        conn: &impl ConnectionTrait,
        org: Id,
        programs: &[Id],
        people: &[Id],
    ) -> Result<Self> {
        let mut requirements = HashMap::new();
        for m in role_requirement::Entity::find()
            .filter(role_requirement::Column::OrgId.eq(org))
            .filter(role_requirement::Column::ProgramId.is_in(programs.iter().copied()))
            .all(conn)
            .await?
        {
            requirements.insert((m.program_id, m.role), from_json(m.spec)?);
        }
        let mut profiles = HashMap::new();
        let mut completions: HashMap<Id, Vec<training_completion::Model>> = HashMap::new();
        for chunk in people.chunks(500) {
            for m in facilitator_profile::Entity::find()
                .filter(facilitator_profile::Column::OrgId.eq(org))
                .filter(facilitator_profile::Column::PersonId.is_in(chunk.iter().copied()))
                .all(conn)
                .await?
            {
                profiles.insert(m.person_id, from_json(m.spec)?);
            }
            for m in training_completion::Entity::find()
                .filter(training_completion::Column::OrgId.eq(org))
                .filter(training_completion::Column::PersonId.is_in(chunk.iter().copied()))
                .order_by_desc(training_completion::Column::CompletedOn)
                .order_by_desc(training_completion::Column::Id)
                .all(conn)
                .await?
            {
                completions.entry(m.person_id).or_default().push(m);
            }
        }
        Ok(TrainingFacts {
            requirements,
            profiles,
            completions,
            titles: module_titles(conn, org).await?,
        })
    }

    /// Whether `person` may lead in `role` (or, with none named, in a role of `kind`) of
    /// `program` on `day`.
    pub(crate) fn check(
        &self,
        program_id: Id,
        program: &ProgramSpec,
        person: Id,
        kind: FacilitatorKind,
        role: Option<&Key>,
        day: NaiveDate,
    ) -> Result<(), Vec<RoleShortfall>> {
        let roles: Vec<(Key, Option<&Requirements>)> = roles_for(program, kind, role)
            .into_iter()
            .map(|r| {
                let req = self.requirements.get(&(program_id, r.to_string()));
                (r, req)
            })
            .collect();
        let empty = FacilitatorProfile::default();
        let completions: Vec<Completion> = self
            .completions
            .get(&person)
            .map(|c| c.iter().map(completion).collect())
            .unwrap_or_default();
        check_roles(
            &roles,
            self.profiles.get(&person).unwrap_or(&empty),
            &completions,
            day,
        )
    }

    /// What a coordinator has confirmed about `person` (nothing, if no profile is kept).
    pub(crate) fn profile(&self, person: Id) -> FacilitatorProfile {
        self.profiles.get(&person).cloned().unwrap_or_default()
    }

    /// `person`'s completions, newest first, with their modules' titles.
    pub(crate) fn completion_records(
        &self,
        person: Id,
        today: NaiveDate,
    ) -> Result<Vec<CompletionRecord>> {
        self.completions
            .get(&person)
            .into_iter()
            .flatten()
            .map(|m| {
                let title = self.titles.get(&m.module_id).cloned().unwrap_or_default();
                completion_record(m.clone(), title, today)
            })
            .collect()
    }

    /// One sentence per thing missing, prefixed by its role.
    pub(crate) fn describe(&self, short: &[RoleShortfall]) -> Vec<String> {
        let title = |id: Id| {
            self.titles
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("module {id}"))
        };
        short
            .iter()
            .flat_map(|s| {
                s.unmet
                    .iter()
                    .map(move |u| format!("{}: {}", s.role, u.describe(title)))
            })
            .collect()
    }
}

/// Modules named by a requirement or a cohort must be the organization's own.
pub(crate) async fn refuse_unknown_modules(
    conn: &impl ConnectionTrait,
    org: Id,
    field: &str,
    ids: &[Id],
) -> Result<()> {
    let titles = module_titles(conn, org).await?;
    let mut errors = peergroup_domain::ValidationErrors::new();
    for (i, id) in ids.iter().enumerate() {
        errors.check(
            titles.contains_key(id),
            format!("{field}[{i}]"),
            "no such training module in this organization",
        );
    }
    Ok(errors.into_result()?)
}

pub(crate) async fn insert_module(
    conn: &impl ConnectionTrait,
    org: Id,
    spec: &ModuleSpec,
    now: DateTime<Utc>,
) -> Result<training_module::Model> {
    Ok(training_module::ActiveModel {
        org_id: Set(org),
        title: Set(spec.title.to_string()),
        spec: Set(to_json(spec)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

pub(crate) async fn upsert_requirements(
    conn: &impl ConnectionTrait,
    org: Id,
    program_id: Id,
    role: &str,
    spec: &Requirements,
    now: DateTime<Utc>,
) -> Result<role_requirement::Model> {
    use role_requirement::Column as R;
    Ok(
        role_requirement::Entity::insert(role_requirement::ActiveModel {
            org_id: Set(org),
            program_id: Set(program_id),
            role: Set(role.to_string()),
            spec: Set(to_json(spec)),
            updated_at: Set(now),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([R::OrgId, R::ProgramId, R::Role])
                .update_columns([R::Spec, R::UpdatedAt])
                .to_owned(),
        )
        .exec_with_returning(conn)
        .await?,
    )
}

impl Store {
    pub async fn create_module(&self, org: Id, spec: &ModuleSpec) -> Result<TrainingModule> {
        spec.validate()?;
        module_record(insert_module(&self.writer(), org, spec, self.now()).await?)
    }

    pub async fn update_module(
        &self,
        org: Id,
        id: Id,
        spec: &ModuleSpec,
    ) -> Result<TrainingModule> {
        spec.validate()?;
        let existing = training_module::Entity::find_by_id(id)
            .filter(training_module::Column::OrgId.eq(org))
            .one(&self.writer())
            .await?
            .ok_or(StoreError::NotFound("training module"))?;
        let mut active: training_module::ActiveModel = existing.into();
        active.title = Set(spec.title.to_string());
        active.spec = Set(to_json(spec));
        active.updated_at = Set(self.now());
        module_record(active.update(&self.writer()).await?)
    }

    pub async fn get_module(&self, org: Id, id: Id) -> Result<TrainingModule> {
        module_record(
            training_module::Entity::find_by_id(id)
                .filter(training_module::Column::OrgId.eq(org))
                .one(&self.reader())
                .await?
                .ok_or(StoreError::NotFound("training module"))?,
        )
    }

    pub async fn list_modules(&self, org: Id) -> Result<Vec<TrainingModule>> {
        training_module::Entity::find()
            .filter(training_module::Column::OrgId.eq(org))
            .order_by_asc(training_module::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(module_record)
            .collect()
    }

    /// The requirements of each role of a program that has any. Those of a role the
    /// design no longer has are kept, unused, in case it comes back, and not listed.
    pub async fn list_requirements(
        &self,
        org: Id,
        program_id: Id,
    ) -> Result<Vec<RoleRequirements>> {
        let program = program_spec(&self.reader(), org, program_id).await?;
        role_requirement::Entity::find()
            .filter(role_requirement::Column::OrgId.eq(org))
            .filter(role_requirement::Column::ProgramId.eq(program_id))
            .order_by_asc(role_requirement::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .filter(|m| program.role(&m.role).is_some())
            .map(requirements_record)
            .collect()
    }
}
