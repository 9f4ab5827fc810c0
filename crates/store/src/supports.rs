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

/// Supports to arrange over many sessions: at each session, the needs (requested or
/// arranged) of the participants holding a place in its group who did not say "I can't
/// come", summed. Read in a few statements whatever the number of sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedsAt {
    pub childcare_children: u32,
    pub transport: u32,
    pub food: u32,
    /// Interpreter languages, each once, sorted.
    pub interpreters: Vec<String>,
}

impl Store {
    /// Supports to arrange over `sessions`, given as `(session, group)`.
    pub async fn needs_at(&self, org: Id, sessions: &[(Id, Id)]) -> Result<NeedsAt> {
        needs_at(&self.reader(), org, sessions).await
    }
}

/// `sessions` as `(session, group)`.
pub(crate) async fn needs_at(
    conn: &impl ConnectionTrait,
    org: Id,
    sessions: &[(Id, Id)],
) -> Result<NeedsAt> {
    use crate::entities::absence_notice;
    use peergroup_domain::enrollment::EnrollmentStatus;
    use peergroup_domain::support::{AgeBand, SupportKind, SupportStatus};
    use sea_orm::QuerySelect;
    use std::collections::{BTreeSet, HashMap, HashSet};

    let mut groups: Vec<Id> = sessions.iter().map(|&(_, g)| g).collect();
    groups.sort_unstable();
    groups.dedup();
    // Needs of participants holding a place, with their group: one row per need.
    type Need = (Id, Stored<SupportKind>, serde_json::Value, Option<String>);
    /// A need of a placed participant: its enrolment, group, kind, children's ages and
    /// interpreter language.
    type NeedRow = (
        Id,
        Id,
        Stored<SupportKind>,
        serde_json::Value,
        Option<String>,
    );
    let mut needs: HashMap<Id, Vec<Need>> = HashMap::new();
    for chunk in groups.chunks(500) {
        let rows: Vec<NeedRow> = support_need::Entity::find()
            .select_only()
            .column(support_need::Column::EnrollmentId)
            .column(enrollment::Column::GroupId)
            .column(support_need::Column::Kind)
            .column(support_need::Column::ChildrenAges)
            .column(support_need::Column::InterpreterLanguage)
            .join(
                sea_orm::JoinType::InnerJoin,
                support_need::Entity::belongs_to(enrollment::Entity)
                    .from(support_need::Column::EnrollmentId)
                    .to(enrollment::Column::Id)
                    .into(),
            )
            .filter(support_need::Column::OrgId.eq(org))
            .filter(support_need::Column::Status.ne(SupportStatus::Declined.as_str()))
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.is_in(chunk.iter().copied()))
            .filter(enrollment::Column::Status.is_in([
                EnrollmentStatus::Enrolled.as_str(),
                EnrollmentStatus::Completed.as_str(),
            ]))
            .into_tuple()
            .all(conn)
            .await?;
        for (enrollment, group, kind, ages, language) in rows {
            needs
                .entry(group)
                .or_default()
                .push((enrollment, kind, ages, language));
        }
    }
    let mut away: HashSet<(Id, Id)> = HashSet::new();
    for chunk in sessions.chunks(500) {
        let rows: Vec<(Id, Id)> = absence_notice::Entity::find()
            .select_only()
            .columns([
                absence_notice::Column::SessionId,
                absence_notice::Column::EnrollmentId,
            ])
            .filter(absence_notice::Column::OrgId.eq(org))
            .filter(absence_notice::Column::SessionId.is_in(chunk.iter().map(|&(s, _)| s)))
            .into_tuple()
            .all(conn)
            .await?;
        away.extend(rows);
    }
    let mut out = NeedsAt::default();
    let mut languages = BTreeSet::new();
    for &(session, group) in sessions {
        let coming = needs
            .get(&group)
            .into_iter()
            .flatten()
            .filter(|(e, ..)| !away.contains(&(session, *e)));
        for (_, kind, ages, language) in coming {
            match kind.0 {
                SupportKind::Childcare => {
                    let ages: Vec<AgeBand> = from_json(ages.clone())?;
                    out.childcare_children += ages.len() as u32;
                }
                SupportKind::Transport => out.transport += 1,
                SupportKind::Food => out.food += 1,
                SupportKind::Interpreter => languages.extend(language.clone()),
                SupportKind::Financial | SupportKind::Other => {}
            }
        }
    }
    out.interpreters = languages.into_iter().collect();
    Ok(out)
}
