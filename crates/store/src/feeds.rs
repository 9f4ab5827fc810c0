//! Calendar feeds: revocable links to `.ics` files that need no login. Like bearer tokens,
//! only a hash of the secret is stored.

use crate::access::hash_token;
use crate::entities::{calendar_feed, facilitator_assignment, group};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use peergroup_domain::Id;
use peergroup_domain::records::{CalendarFeed, FeedKind};
use rand::RngCore;
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, QueryOrder};

fn record(m: calendar_feed::Model, url: Option<String>) -> Result<CalendarFeed> {
    Ok(CalendarFeed {
        id: m.id,
        kind: m.kind.0,
        subject_id: m.subject_id,
        created_at: m.created_at,
        revoked_at: m.revoked_at,
        url,
    })
}

/// A live feed found by its secret: whose sessions to render.
#[derive(Debug, Clone)]
pub struct FeedTarget {
    pub org_id: Id,
    pub kind: FeedKind,
    pub subject_id: Option<Id>,
}

impl Store {
    /// Creates a feed; the returned record's `url` holds the secret, shown only now.
    pub async fn create_feed(
        &self,
        org: Id,
        kind: FeedKind,
        subject_id: Option<Id>,
    ) -> Result<CalendarFeed> {
        match (kind, subject_id) {
            (FeedKind::Organization, None) => {}
            (FeedKind::Organization, Some(_)) => {
                return Err(StoreError::invalid(
                    "subject_id",
                    "an organization feed has no subject",
                ));
            }
            (_, None) => {
                return Err(StoreError::invalid(
                    "subject_id",
                    format!("a {kind} feed needs a subject_id"),
                ));
            }
            (FeedKind::Group, Some(id)) => {
                let found = group::Entity::find_by_id(id)
                    .filter(group::Column::OrgId.eq(org))
                    .count(&self.reader())
                    .await?;
                if found == 0 {
                    return Err(StoreError::invalid(
                        "subject_id",
                        "no such group in this organization",
                    ));
                }
            }
            (FeedKind::Facilitator, Some(id)) => {
                let found = facilitator_assignment::Entity::find()
                    .filter(facilitator_assignment::Column::OrgId.eq(org))
                    .filter(facilitator_assignment::Column::PersonId.eq(id))
                    .count(&self.reader())
                    .await?;
                if found == 0 {
                    return Err(StoreError::invalid(
                        "subject_id",
                        "this person facilitates no group here",
                    ));
                }
            }
        }
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let secret = hex::encode(bytes);
        let m = calendar_feed::ActiveModel {
            org_id: Set(org),
            kind: Set(Stored(kind)),
            subject_id: Set(subject_id),
            token_hash: Set(hash_token(&secret)),
            created_at: Set(self.now()),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(&self.writer())
        .await?;
        record(m, Some(format!("/calendar/{secret}.ics")))
    }

    pub async fn list_feeds(&self, org: Id) -> Result<Vec<CalendarFeed>> {
        calendar_feed::Entity::find()
            .filter(calendar_feed::Column::OrgId.eq(org))
            .order_by_asc(calendar_feed::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|m| record(m, None))
            .collect()
    }

    /// Revokes a feed: its URL stops working at once.
    pub async fn revoke_feed(&self, org: Id, id: Id) -> Result<CalendarFeed> {
        let m = calendar_feed::Entity::find_by_id(id)
            .filter(calendar_feed::Column::OrgId.eq(org))
            .one(&self.writer())
            .await?
            .ok_or(StoreError::NotFound("calendar feed"))?;
        if m.revoked_at.is_some() {
            return record(m, None);
        }
        let mut active: calendar_feed::ActiveModel = m.into();
        active.revoked_at = Set(Some(self.now()));
        record(active.update(&self.writer()).await?, None)
    }

    /// The live feed with this secret, if any.
    pub async fn find_feed(&self, secret: &str) -> Result<Option<FeedTarget>> {
        let found = calendar_feed::Entity::find()
            .filter(calendar_feed::Column::TokenHash.eq(hash_token(secret)))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .one(&self.reader())
            .await?;
        found
            .map(|m| {
                Ok(FeedTarget {
                    org_id: m.org_id,
                    kind: m.kind.0,
                    subject_id: m.subject_id,
                })
            })
            .transpose()
    }

    /// Names of groups, for feed summaries.
    pub async fn group_names(
        &self,
        org: Id,
        ids: &[Id],
    ) -> Result<std::collections::HashMap<Id, String>> {
        use sea_orm::QuerySelect;
        let rows: Vec<(Id, String)> = group::Entity::find()
            .select_only()
            .column(group::Column::Id)
            .column(group::Column::Name)
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Id.is_in(ids.iter().copied()))
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows.into_iter().collect())
    }
}
