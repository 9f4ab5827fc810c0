//! Marks tapped on facilitators' phones before a roll-call is saved: kept once per id the
//! phone made, with who tapped and when.

use crate::entities::{session_mark, user};
use crate::stored::Stored;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AbsenceReason, AttendanceStatus, PhoneMark};
use sea_orm::ActiveValue::Set;
use sea_orm::QueryOrder;
use sea_orm::entity::prelude::*;

/// A mark as kept, with the email of the user who tapped it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptMark {
    pub person_id: Id,
    pub user_id: Id,
    pub by: String,
    pub status: AttendanceStatus,
    pub reason: Option<AbsenceReason>,
    pub marked_at: DateTime<Utc>,
}

impl Tx {
    /// Keeps a mark unless this user's mark with its `client_id` is kept already (a
    /// repeat); another user's id, even the same, is theirs. Returns whether it was new.
    pub async fn keep_mark(
        &self,
        org: Id,
        session_id: Id,
        user_id: Id,
        mark: &PhoneMark,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let seen = session_mark::Entity::find()
            .filter(session_mark::Column::OrgId.eq(org))
            .filter(session_mark::Column::UserId.eq(user_id))
            .filter(session_mark::Column::ClientId.eq(mark.client_id.clone()))
            .count(&self.0)
            .await?;
        if seen > 0 {
            return Ok(false);
        }
        session_mark::ActiveModel {
            org_id: Set(org),
            session_id: Set(session_id),
            person_id: Set(mark.person_id),
            user_id: Set(user_id),
            client_id: Set(mark.client_id.clone()),
            status: Set(Stored(mark.status)),
            reason: Set(mark.reason.map(Stored)),
            marked_at: Set(mark.marked_at),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.0)
        .await?;
        Ok(true)
    }
}

impl Store {
    /// Each user's latest mark of each person at the session (by the time it was tapped).
    pub async fn latest_marks(&self, org: Id, session_id: Id) -> Result<Vec<KeptMark>> {
        let rows = session_mark::Entity::find()
            .filter(session_mark::Column::OrgId.eq(org))
            .filter(session_mark::Column::SessionId.eq(session_id))
            .order_by_asc(session_mark::Column::MarkedAt)
            .order_by_asc(session_mark::Column::Id)
            .all(&self.reader())
            .await?;
        let users: Vec<Id> = rows.iter().map(|m| m.user_id).collect();
        let emails: std::collections::HashMap<Id, String> = user::Entity::find()
            .filter(user::Column::OrgId.eq(org))
            .filter(user::Column::Id.is_in(users))
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect();
        let mut latest: Vec<KeptMark> = Vec::new();
        for m in rows {
            let kept = KeptMark {
                person_id: m.person_id,
                user_id: m.user_id,
                by: emails.get(&m.user_id).cloned().unwrap_or_default(),
                status: m.status.0,
                reason: m.reason.map(|r| r.0),
                marked_at: m.marked_at,
            };
            match latest
                .iter_mut()
                .find(|k| k.person_id == kept.person_id && k.user_id == kept.user_id)
            {
                Some(k) => *k = kept,
                None => latest.push(kept),
            }
        }
        Ok(latest)
    }
}
