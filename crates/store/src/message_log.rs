//! The coordinators' message log: newest first, with who each message is for and the
//! session it is about, read in one statement.

use crate::dialect::stmt;
use crate::{Result, Store, parse_stored};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::reminders::{MessageKind, MessageState};
use sea_orm::{ConnectionTrait, Value};

/// One line of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub id: Id,
    pub kind: MessageKind,
    pub state: MessageState,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub locale: Option<String>,
    pub send_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// For an SMS sent: the segments it took.
    pub sms_segments: Option<u32>,
    /// A participant or facilitator, with their name.
    pub person: Option<(Id, String)>,
    /// A user (a coordinator's notice, an invitation), by email.
    pub user_email: Option<String>,
    /// The session, its group's name and timezone.
    pub session: Option<LogSession>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogSession {
    pub id: Id,
    pub starts_at: DateTime<Utc>,
    pub group: String,
    pub timezone: String,
}

impl Store {
    /// Up to `limit` messages of `org` written before message `before` (all, without it),
    /// newest first, in `state` if given.
    pub async fn message_log(
        &self,
        org: Id,
        state: Option<MessageState>,
        before: Option<Id>,
        limit: u64,
    ) -> Result<Vec<LogLine>> {
        let mut values: Vec<Value> = vec![org.into()];
        let mut filters = String::new();
        if let Some(state) = state {
            values.push(state.as_str().into());
            filters.push_str(&format!(" AND m.state = ${}", values.len()));
        }
        if let Some(before) = before {
            values.push(before.into());
            filters.push_str(&format!(" AND m.id < ${}", values.len()));
        }
        let sql = format!(
            "SELECT m.id, m.kind, m.state, m.attempts, m.last_error, m.locale, m.send_at, \
             m.sent_at, m.channel, m.segments, m.person_id, p.display_name, u.email AS user_email, m.session_id, \
             s.starts_at, g.name AS group_name, g.timezone \
             FROM messages m \
             LEFT JOIN people p ON p.id = m.person_id AND p.org_id = m.org_id \
             LEFT JOIN users u ON u.id = m.user_id AND u.org_id = m.org_id \
             LEFT JOIN sessions s ON s.id = m.session_id AND s.org_id = m.org_id \
             LEFT JOIN peer_groups g ON g.id = s.group_id AND g.org_id = s.org_id \
             WHERE m.org_id = $1{filters} ORDER BY m.id DESC LIMIT {limit}"
        );
        let db = self.reader();
        let rows = db.query_all_raw(stmt(&db, &sql, values)).await?;
        rows.into_iter()
            .map(|row| {
                let person_id: Option<Id> = row.try_get("", "person_id")?;
                let name: Option<String> = row.try_get("", "display_name")?;
                let session_id: Option<Id> = row.try_get("", "session_id")?;
                let starts_at: Option<DateTime<Utc>> = row.try_get("", "starts_at")?;
                let group: Option<String> = row.try_get("", "group_name")?;
                let timezone: Option<String> = row.try_get("", "timezone")?;
                let attempts: i32 = row.try_get("", "attempts")?;
                Ok(LogLine {
                    id: row.try_get("", "id")?,
                    kind: parse_stored(&row.try_get::<String>("", "kind")?)?,
                    state: parse_stored(&row.try_get::<String>("", "state")?)?,
                    attempts: u32::try_from(attempts).unwrap_or(0),
                    last_error: row.try_get("", "last_error")?,
                    locale: row.try_get("", "locale")?,
                    send_at: row.try_get("", "send_at")?,
                    sent_at: row.try_get("", "sent_at")?,
                    sms_segments: match row.try_get::<Option<String>>("", "channel")?.as_deref() {
                        Some("sms") => row
                            .try_get::<Option<i32>>("", "segments")?
                            .and_then(|n| u32::try_from(n).ok()),
                        _ => None,
                    },
                    person: person_id.zip(name),
                    user_email: row.try_get("", "user_email")?,
                    session: match (session_id, starts_at, group, timezone) {
                        (Some(id), Some(starts_at), Some(group), Some(timezone)) => {
                            Some(LogSession {
                                id,
                                starts_at,
                                group,
                                timezone,
                            })
                        }
                        _ => None,
                    },
                })
            })
            .collect()
    }
}
