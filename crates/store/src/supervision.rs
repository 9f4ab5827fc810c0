//! Supervision of peer facilitators: contacts logged by professional mentors, and the
//! coordinators' view of peers without recent supervision and of their workload.

use crate::entities::{
    facilitator_assignment, follow_up_task, group, person, session, supervision_contact,
};
use crate::joins::within_org;
use crate::stored::Stored;
use crate::{Result, Store, StoreError, to_json};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use peergroup_domain::followup::TaskState;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::program::FacilitatorKind;
use peergroup_domain::records::SessionStatus;
use peergroup_domain::training::{
    PeerSupervision, SupervisionContact, SupervisionReport, SupervisionSpec, latest_today,
};
use peergroup_domain::values::Name;
use peergroup_domain::{Id, ValidationErrors};
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ActiveValue::Set, ExprTrait, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap};

fn contact_record(m: supervision_contact::Model) -> Result<SupervisionContact> {
    let corrupt = StoreError::Corrupt;
    let topics: Vec<String> =
        serde_json::from_value(m.topics).map_err(|e| corrupt(e.to_string()))?;
    Ok(SupervisionContact {
        id: m.id,
        spec: SupervisionSpec {
            mentor_person_id: m.mentor_person_id,
            peer_person_id: m.peer_person_id,
            held_on: m.held_on,
            mode: m.mode.0,
            minutes: u16::try_from(m.minutes).unwrap_or(0),
            topics: topics
                .into_iter()
                .map(Name::parse)
                .collect::<std::result::Result<_, _>>()
                .map_err(corrupt)?,
            follow_up_needed: m.follow_up_needed,
        },
        recorded_by: m.recorded_by,
        created_at: m.created_at,
    })
}

/// `(key, count)` rows of one aggregate statement.
/// Counts by key, as `(key, count)` rows read them.
fn counts(rows: Vec<(Id, i64)>) -> HashMap<Id, u32> {
    rows.into_iter()
        .map(|(k, n)| (k, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect()
}

impl Store {
    /// Logs a supervision contact. Mentor and peer must be people of the organization.
    pub async fn record_supervision(
        &self,
        org: Id,
        recorded_by: Option<Id>,
        spec: &SupervisionSpec,
    ) -> Result<SupervisionContact> {
        let now = self.now();
        spec.validate(latest_today(now))?;
        let ids = [spec.mentor_person_id, spec.peer_person_id];
        let known: Vec<Id> = person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(ids))
            .into_tuple()
            .all(&self.writer())
            .await?;
        let mut errors = ValidationErrors::new();
        for (field, id) in [("mentor_person_id", ids[0]), ("peer_person_id", ids[1])] {
            errors.check(
                known.contains(&id),
                field,
                "no such person in this organization",
            );
        }
        errors.into_result()?;
        let topics: Vec<String> = spec.topics.iter().map(|t| t.to_string()).collect();
        let created = supervision_contact::ActiveModel {
            org_id: Set(org),
            mentor_person_id: Set(spec.mentor_person_id),
            peer_person_id: Set(spec.peer_person_id),
            held_on: Set(spec.held_on),
            mode: Set(Stored(spec.mode)),
            minutes: Set(i32::from(spec.minutes)),
            topics: Set(to_json(&topics)),
            follow_up_needed: Set(spec.follow_up_needed),
            recorded_by: Set(recorded_by),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.writer())
        .await?;
        contact_record(created)
    }

    /// Contacts newest first; with `people`, only those where one of them is mentor or peer.
    pub async fn list_supervision(
        &self,
        org: Id,
        people: Option<&[Id]>,
    ) -> Result<Vec<SupervisionContact>> {
        use supervision_contact::Column as C;
        let mut query = supervision_contact::Entity::find().filter(C::OrgId.eq(org));
        if let Some(people) = people {
            query = query.filter(
                C::MentorPersonId
                    .is_in(people.iter().copied())
                    .or(C::PeerPersonId.is_in(people.iter().copied())),
            );
        }
        query
            .order_by_desc(C::HeldOn)
            .order_by_desc(C::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(contact_record)
            .collect()
    }

    /// Every peer facilitator of an active group, with their last supervision contact
    /// (overdue when none in `weeks` weeks) and their workload.
    pub async fn supervision_report(&self, org: Id, weeks: u32) -> Result<SupervisionReport> {
        let now: DateTime<Utc> = self.now();
        let since = now.date_naive() - Duration::weeks(i64::from(weeks));
        let conn = &self.reader();
        use facilitator_assignment::Column as F;
        let q = Query::select()
            .column((facilitator_assignment::Entity, F::PersonId))
            .column((person::Entity, person::Column::DisplayName))
            .column((facilitator_assignment::Entity, F::GroupId))
            .from(facilitator_assignment::Entity)
            .inner_join(
                group::Entity,
                within_org(
                    group::Entity,
                    group::Column::Id,
                    facilitator_assignment::Entity,
                    F::GroupId,
                ),
            )
            .inner_join(
                person::Entity,
                within_org(
                    person::Entity,
                    person::Column::Id,
                    facilitator_assignment::Entity,
                    F::PersonId,
                ),
            )
            .and_where(Expr::col((facilitator_assignment::Entity, F::OrgId)).eq(org))
            .and_where(
                Expr::col((facilitator_assignment::Entity, F::Role))
                    .eq(FacilitatorKind::Peer.as_str()),
            )
            .and_where(
                Expr::col((group::Entity, group::Column::Status))
                    .is_in(GroupStatus::ACTIVE.iter().map(|s| s.as_str())),
            )
            .to_owned();
        let mut peers: BTreeMap<Id, (String, Vec<Id>)> = BTreeMap::new();
        for r in conn.query_all(&q).await? {
            let entry = peers
                .entry(r.try_get("", "person_id")?)
                .or_insert_with(|| (String::new(), Vec::new()));
            entry.0 = r.try_get("", "display_name")?;
            entry.1.push(r.try_get("", "group_id")?);
        }
        use supervision_contact::Column as C;
        // The day as text: both databases read it back alike.
        let last: HashMap<Id, String> = supervision_contact::Entity::find()
            .select_only()
            .column(C::PeerPersonId)
            .expr(Expr::col(C::HeldOn).max().cast_as(Alias::new("TEXT")))
            .filter(C::OrgId.eq(org))
            .group_by(C::PeerPersonId)
            .into_tuple()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        let sessions = counts(
            session::Entity::find()
                .select_only()
                .column(session::Column::GroupId)
                .column_as(session::Column::Id.count(), "n")
                .filter(session::Column::OrgId.eq(org))
                .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
                .filter(session::Column::StartsAt.gte(now))
                .filter(session::Column::StartsAt.lt(now + Duration::days(30)))
                .group_by(session::Column::GroupId)
                .into_tuple()
                .all(conn)
                .await?,
        );
        use follow_up_task::Column as T;
        let follow_ups = counts(
            follow_up_task::Entity::find()
                .select_only()
                .column(T::AssigneePersonId)
                .column_as(T::Id.count(), "n")
                .filter(T::OrgId.eq(org))
                .filter(T::State.eq(TaskState::Open.as_str()))
                .filter(T::AssigneePersonId.is_not_null())
                .group_by(T::AssigneePersonId)
                .into_tuple()
                .all(conn)
                .await?,
        );
        let mut out = Vec::with_capacity(peers.len());
        for (person_id, (display_name, groups)) in peers {
            let last_contact_on: Option<NaiveDate> = last
                .get(&person_id)
                .map(|d| d.parse())
                .transpose()
                .map_err(|e: chrono::ParseError| StoreError::Corrupt(e.to_string()))?;
            out.push(PeerSupervision {
                person_id,
                display_name,
                overdue: last_contact_on.is_none_or(|d| d < since),
                last_contact_on,
                groups: groups.len() as u32,
                sessions_next_30_days: groups
                    .iter()
                    .map(|g| sessions.get(g).copied().unwrap_or(0))
                    .sum(),
                open_follow_ups: follow_ups.get(&person_id).copied().unwrap_or(0),
            });
        }
        out.sort_by(|a, b| {
            (!a.overdue, &a.display_name, a.person_id).cmp(&(
                !b.overdue,
                &b.display_name,
                b.person_id,
            ))
        });
        Ok(SupervisionReport {
            weeks,
            since,
            peers: out,
        })
    }
}
