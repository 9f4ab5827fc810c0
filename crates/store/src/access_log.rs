//! The access log: appended to by every read and change of a participant's personal data,
//! never changed. Each entry's hash covers its fields and the hash of the entry before it in
//! its organization, so an edited entry, or a deleted one before the last, shows.

use crate::entities::{access_entry, organization};
use crate::stored::Stored;
use crate::{PageRequest, Result, Store};
use chrono::{DateTime, SubsecRound, Utc};
use peergroup_domain::Id;
use peergroup_domain::access_log::{AccessAction, AccessEntry, AccessLogCheck};
use peergroup_domain::records::Page;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::QueryOrder;
use sea_orm::entity::prelude::*;
use sha2::{Digest, Sha256};

/// What one entry says, as its hash covers it.
struct Said<'a> {
    org: Id,
    at: DateTime<Utc>,
    user: Option<Id>,
    person: Option<Id>,
    action: AccessAction,
    route: &'a str,
}

fn chain_hash(prev: &str, s: &Said<'_>) -> String {
    let line = format!(
        "{prev}|{}|{}|{:?}|{:?}|{}|{}",
        s.org,
        s.at.timestamp_micros(),
        s.user,
        s.person,
        s.action,
        s.route
    );
    hex::encode(Sha256::digest(line.as_bytes()))
}

impl Store {
    /// Appends an entry: `user` (none: the system) did `action` to `person`'s data (none: a
    /// list of people) through `route`.
    pub async fn record_access(
        &self,
        org: Id,
        user: Option<Id>,
        person: Option<Id>,
        action: AccessAction,
        route: &str,
    ) -> Result<()> {
        let txn = self.writer().begin().await?;
        // One entry at a time per organization (on PostgreSQL, its row locked), so that
        // each follows the last.
        crate::dialect::for_update(&txn, organization::Entity::find_by_id(org))
            .one(&txn)
            .await?;
        let prev = access_entry::Entity::find()
            .filter(access_entry::Column::OrgId.eq(org))
            .order_by_desc(access_entry::Column::Id)
            .one(&txn)
            .await?
            .map(|e| e.hash)
            .unwrap_or_default();
        // Kept to the microsecond, as both databases store it.
        let at = self.now().trunc_subsecs(6);
        let said = Said {
            org,
            at,
            user,
            person,
            action,
            route,
        };
        let hash = chain_hash(&prev, &said);
        access_entry::ActiveModel {
            id: NotSet,
            org_id: Set(org),
            at: Set(at),
            user_id: Set(user),
            person_id: Set(person),
            action: Set(Stored(action)),
            route: Set(route.to_string()),
            prev_hash: Set(prev),
            hash: Set(hash),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The organization's entries, oldest first; only those about `person` or by `user`
    /// when given.
    pub async fn access_log(
        &self,
        org: Id,
        person: Option<Id>,
        user: Option<Id>,
        page: PageRequest,
    ) -> Result<Page<AccessEntry>> {
        let mut query = access_entry::Entity::find().filter(access_entry::Column::OrgId.eq(org));
        if let Some(p) = person {
            query = query.filter(access_entry::Column::PersonId.eq(p));
        }
        if let Some(u) = user {
            query = query.filter(access_entry::Column::UserId.eq(u));
        }
        let rows = page
            .apply(query, access_entry::Column::Id)
            .all(&self.reader())
            .await?;
        let items = rows
            .into_iter()
            .map(|e| AccessEntry {
                id: e.id,
                at: e.at,
                user_id: e.user_id,
                person_id: e.person_id,
                action: e.action.0,
                route: e.route,
            })
            .collect();
        Ok(Page::from_rows(items, page.limit, |e| e.id))
    }

    /// Walks the organization's chain from its first entry.
    pub async fn check_access_log(&self, org: Id) -> Result<AccessLogCheck> {
        let rows = access_entry::Entity::find()
            .filter(access_entry::Column::OrgId.eq(org))
            .order_by_asc(access_entry::Column::Id)
            .all(&self.reader())
            .await?;
        let mut prev = String::new();
        let mut first_broken = None;
        for e in &rows {
            let said = Said {
                org: e.org_id,
                at: e.at,
                user: e.user_id,
                person: e.person_id,
                action: e.action.0,
                route: &e.route,
            };
            if e.prev_hash != prev || e.hash != chain_hash(&prev, &said) {
                first_broken = Some(e.id);
                break;
            }
            prev = e.hash.clone();
        }
        Ok(AccessLogCheck {
            entries: rows.len() as u64,
            first_broken,
        })
    }
}
