//! Supervision of peer facilitators: contacts logged by professional mentors, and the
//! coordinators' view of peers without recent supervision and of their workload.

use crate::dialect::stmt;
use crate::entities::{person, supervision_contact};
use crate::stored::Stored;
use crate::{Result, Store, StoreError, to_json};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use peergroup_domain::training::{
    PeerSupervision, SupervisionContact, SupervisionReport, SupervisionSpec, latest_today,
};
use peergroup_domain::values::{Name, Text};
use peergroup_domain::{Id, ValidationErrors};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait, ExprTrait, QueryOrder, QuerySelect};
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
            note: m.note.map(Text::parse).transpose().map_err(corrupt)?,
        },
        recorded_by: m.recorded_by,
        created_at: m.created_at,
    })
}

/// `(key, count)` rows of one aggregate statement.
async fn counts(
    conn: &impl ConnectionTrait,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<HashMap<Id, u32>> {
    let rows = conn.query_all_raw(stmt(conn, sql, values)).await?;
    rows.into_iter()
        .map(|r| {
            let n: i64 = r.try_get("", "n")?;
            Ok((r.try_get("", "k")?, u32::try_from(n).unwrap_or(u32::MAX)))
        })
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
            note: Set(spec.note.as_ref().map(|t| t.to_string())),
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
        let rows = conn
            .query_all_raw(stmt(
                conn,
                "SELECT f.person_id, p.display_name, f.group_id \
                 FROM facilitator_assignments f \
                 JOIN peer_groups g ON g.id = f.group_id AND g.org_id = f.org_id \
                 JOIN people p ON p.id = f.person_id AND p.org_id = f.org_id \
                 WHERE f.org_id = $1 AND f.role = 'peer' \
                 AND g.status IN ('planned', 'enrolling', 'running')",
                [org.into()],
            ))
            .await?;
        let mut peers: BTreeMap<Id, (String, Vec<Id>)> = BTreeMap::new();
        for r in rows {
            let entry = peers
                .entry(r.try_get("", "person_id")?)
                .or_insert_with(|| (String::new(), Vec::new()));
            entry.0 = r.try_get("", "display_name")?;
            entry.1.push(r.try_get("", "group_id")?);
        }
        let last: HashMap<Id, String> = conn
            .query_all_raw(stmt(
                conn,
                "SELECT peer_person_id AS k, CAST(MAX(held_on) AS TEXT) AS d \
                 FROM supervision_contacts WHERE org_id = $1 GROUP BY peer_person_id",
                [org.into()],
            ))
            .await?
            .into_iter()
            .map(|r| Ok((r.try_get("", "k")?, r.try_get("", "d")?)))
            .collect::<Result<_>>()?;
        let sessions = counts(
            conn,
            "SELECT group_id AS k, COUNT(*) AS n FROM sessions \
             WHERE org_id = $1 AND status <> 'cancelled' AND starts_at >= $2 AND starts_at < $3 \
             GROUP BY group_id",
            vec![org.into(), now.into(), (now + Duration::days(30)).into()],
        )
        .await?;
        let follow_ups = counts(
            conn,
            "SELECT assignee_person_id AS k, COUNT(*) AS n FROM follow_up_tasks \
             WHERE org_id = $1 AND state = 'open' AND assignee_person_id IS NOT NULL \
             GROUP BY assignee_person_id",
            vec![org.into()],
        )
        .await?;
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
