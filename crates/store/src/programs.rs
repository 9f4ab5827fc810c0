//! Programs: a design document (`spec`, validated JSON) with a name for listing.

use crate::entities::program;
use crate::{PageRequest, Result, Store, StoreError, from_json, to_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Page;
use peergroup_domain::records::Program;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait, QuerySelect};

pub(crate) fn to_record(m: program::Model) -> Result<Program> {
    Ok(Program {
        id: m.id,
        template_key: m.template_key,
        spec: from_json(m.spec)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// A program of `org`, read on `conn` so that a transaction sees its own writes.
pub(crate) async fn find_program(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<Option<program::Model>> {
    Ok(program::Entity::find_by_id(id)
        .filter(program::Column::OrgId.eq(org))
        .one(conn)
        .await?)
}

/// The design of a program of `org`, or 404.
pub(crate) async fn program_spec(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<ProgramSpec> {
    let found = find_program(conn, org, id)
        .await?
        .ok_or(StoreError::NotFound("program"))?;
    from_json(found.spec)
}

pub(crate) async fn insert_program(
    conn: &impl ConnectionTrait,
    org: Id,
    spec: &ProgramSpec,
    template_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Program> {
    let created = program::ActiveModel {
        org_id: Set(org),
        name: Set(spec.name.to_string()),
        template_key: Set(template_key.map(str::to_string)),
        spec: Set(to_json(spec)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    to_record(created)
}

impl Store {
    pub async fn create_program(
        &self,
        org: Id,
        spec: &ProgramSpec,
        template_key: Option<&str>,
    ) -> Result<Program> {
        spec.validate()?;
        insert_program(&self.writer(), org, spec, template_key, self.now()).await
    }

    pub async fn get_program(&self, org: Id, id: Id) -> Result<Program> {
        let found = find_program(&self.reader(), org, id).await?;
        to_record(found.ok_or(StoreError::NotFound("program"))?)
    }

    pub async fn list_programs(&self, org: Id, page: PageRequest) -> Result<Page<Program>> {
        let query = program::Entity::find().filter(program::Column::OrgId.eq(org));
        let rows = page
            .apply(query, program::Column::Id)
            .all(&self.reader())
            .await?;
        let items = rows
            .into_iter()
            .map(to_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(items, page.limit, |p| p.id))
    }

    /// Replaces a program's design. Groups already running keep their stored settings.
    pub async fn update_program(&self, org: Id, id: Id, spec: &ProgramSpec) -> Result<Program> {
        spec.validate()?;
        let existing = find_program(&self.writer(), org, id)
            .await?
            .ok_or(StoreError::NotFound("program"))?;
        let mut active: program::ActiveModel = existing.into();
        active.name = Set(spec.name.to_string());
        active.spec = Set(to_json(spec));
        active.updated_at = Set(self.now());
        to_record(active.update(&self.writer()).await?)
    }
}

/// The designs of these programs; one whose stored design no longer reads is left out.
pub(crate) async fn program_specs(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Id>,
) -> Result<std::collections::HashMap<Id, ProgramSpec>> {
    let mut ids: Vec<Id> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(Id, serde_json::Value)> = program::Entity::find()
            .select_only()
            .columns([program::Column::Id, program::Column::Spec])
            .filter(program::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await?;
        for (id, spec) in rows {
            if let Ok(spec) = from_json::<ProgramSpec>(spec) {
                out.insert(id, spec);
            }
        }
    }
    Ok(out)
}
