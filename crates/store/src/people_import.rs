//! Many people written at once, as a CSV import does: the organization's people as keys to
//! compare new rows against, and the new rows inserted in one transaction.

use crate::access_log::{NewEntry, write_chained};
use crate::consents::ConsentLog;
use crate::entities::{organization, person};
use crate::{Result, Store, StoreError, Tx};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction, By};
use peergroup_domain::person::{Consent, PersonKey, PersonSpec};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::entity::prelude::*;
use sea_orm::{ConnectionTrait, QueryOrder, QuerySelect};

/// Rows in one insert statement at most: well inside either database's parameter limit.
const ROWS_PER_INSERT: usize = 200;

/// A person already in the organization, as an import compares new rows against them.
#[derive(Debug, Clone)]
pub struct KnownPerson {
    pub id: Id,
    pub name: String,
    pub key: PersonKey,
}

async fn known_people(conn: &impl ConnectionTrait, org: Id) -> Result<Vec<KnownPerson>> {
    let rows: Vec<(Id, String, Option<String>, Option<String>)> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::DisplayName)
        .column(person::Column::Email)
        .column(person::Column::Phone)
        .filter(person::Column::OrgId.eq(org))
        .order_by_asc(person::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, email, phone)| KnownPerson {
            key: PersonKey::new(&name, email.as_deref(), phone.as_deref()),
            id,
            name,
        })
        .collect())
}

impl Store {
    /// Everyone of `org`, as keys to find look-alikes among.
    pub async fn known_people(&self, org: Id) -> Result<Vec<KnownPerson>> {
        known_people(&self.reader(), org).await
    }
}

impl Tx {
    /// Everyone of `org`. On PostgreSQL the organization's row is locked first, so that two
    /// imports of the same file one after the other cannot both add its people.
    pub async fn known_people_locked(&self, org: Id) -> Result<Vec<KnownPerson>> {
        let query = organization::Entity::find_by_id(org);
        crate::dialect::for_update(&self.0, query)
            .one(&self.0)
            .await?
            .ok_or(StoreError::NotFound("organization"))?;
        known_people(&self.0, org).await
    }

    /// Writes new people of `org`, consent stamped `now`, each creation logged as by `by`;
    /// returns how many were written.
    pub async fn insert_people(
        &self,
        org: Id,
        specs: &[PersonSpec],
        now: DateTimeUtc,
        by: By<'_>,
    ) -> Result<u64> {
        for chunk in specs.chunks(ROWS_PER_INSERT) {
            let mut rows = Vec::with_capacity(chunk.len());
            let mut logs = Vec::with_capacity(chunk.len());
            for spec in chunk {
                let (consent, log) = ConsentLog::apply(Consent::default(), &spec.consent, now)?;
                let mut row = person::ActiveModel {
                    id: NotSet,
                    org_id: Set(org),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                };
                crate::people::write_spec(&mut row, spec, consent);
                rows.push(row);
                logs.push(log);
            }
            let mut written = person::Entity::insert_many(rows)
                .exec_with_returning(&self.0)
                .await?;
            // Ids are given in the order of the rows; RETURNING need not keep that order.
            written.sort_by_key(|p| p.id);
            let changes = written
                .iter()
                .zip(&logs)
                .flat_map(|(p, log)| log.rows(org, p.id))
                .collect();
            crate::consents::append(&self.0, changes).await?;
            let created = NewEntry::new(org, now, by, AccessAction::Change, About::People);
            let entries: Vec<NewEntry> = written
                .iter()
                .map(|p| created.clone().about(p.id))
                .collect();
            write_chained(&self.0, &entries).await?;
        }
        Ok(specs.len() as u64)
    }
}
