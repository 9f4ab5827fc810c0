//! "I can't come": a participant's notice, from a signed link, that they will miss one
//! session. It is kept once per participant and session (a second tap changes the reason),
//! the facilitators are told by email, and the session's reminder skips that person.

use crate::joined_reads::stmt;
use crate::reminders::{NewMessage, insert_messages, reminded_facilitators};
use crate::{Result, Store, StoreError, from_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::AbsenceReason;
use peergroup_domain::reminders::MessageKind;
use sea_orm::ConnectionTrait;

/// What the "I can't come" page shows: nothing about the group or anyone else.
#[derive(Debug, Clone)]
pub struct AbsenceContext {
    pub group_id: Id,
    /// The person's language, then the group's.
    pub languages: Vec<String>,
    pub starts_at: DateTime<Utc>,
    pub timezone: String,
    pub group_name: String,
    /// Where the session meets: its own venue if it was moved, else the group's.
    pub venue_name: String,
    pub venue_address: Option<String>,
    /// False once the session was cancelled or has started.
    pub open: bool,
    pub reason: Option<String>,
}

impl Store {
    /// The session and participant a link names, if both are still there and belong together.
    pub async fn absence_context(
        &self,
        org: Id,
        session_id: Id,
        enrollment_id: Id,
    ) -> Result<AbsenceContext> {
        let sql = "SELECT s.group_id, s.starts_at, s.status, g.timezone, g.languages, p.preferred_language, \
                   g.name AS group_name, COALESCE(s.venue_name, g.venue_name) AS venue_name, \
                   CASE WHEN s.venue_name IS NULL THEN g.venue_address ELSE s.venue_address END \
                     AS venue_address, \
                   e.status AS enrollment_status, \
                   (SELECT a.reason FROM absence_notices a WHERE a.org_id = s.org_id \
                     AND a.session_id = s.id AND a.enrollment_id = e.id) AS reason \
                   FROM sessions s \
                   JOIN peer_groups g ON g.id = s.group_id AND g.org_id = s.org_id \
                   JOIN enrollments e ON e.group_id = s.group_id AND e.org_id = s.org_id \
                   JOIN people p ON p.id = e.person_id AND p.org_id = e.org_id \
                   WHERE s.org_id = ? AND s.id = ? AND e.id = ?";
        let row = self
            .reader()
            .query_one_raw(stmt(
                &self.reader(),
                sql,
                [org.into(), session_id.into(), enrollment_id.into()],
            ))
            .await?
            .ok_or(StoreError::NotFound("session"))?;
        let mut languages = vec![row.try_get::<String>("", "preferred_language")?];
        languages.extend(from_json::<Vec<String>>(row.try_get("", "languages")?)?);
        let starts_at: DateTime<Utc> = row.try_get("", "starts_at")?;
        let status: String = row.try_get("", "status")?;
        let enrolled = row.try_get::<String>("", "enrollment_status")? == "enrolled";
        Ok(AbsenceContext {
            group_id: row.try_get("", "group_id")?,
            languages,
            starts_at,
            timezone: row.try_get("", "timezone")?,
            group_name: row.try_get("", "group_name")?,
            venue_name: row.try_get("", "venue_name")?,
            venue_address: row.try_get("", "venue_address")?,
            open: enrolled && status == "scheduled" && starts_at > self.now(),
            reason: row.try_get("", "reason")?,
        })
    }

    /// Records (or changes the reason of) a participant's notice, and queues an email to
    /// each of the group's facilitators the first time. Returns whether it was new.
    pub async fn record_absence_notice(
        &self,
        org: Id,
        session_id: Id,
        enrollment_id: Id,
        reason: &str,
    ) -> Result<bool> {
        let offered = AbsenceReason::ONE_TAP;
        if !reason
            .parse::<AbsenceReason>()
            .is_ok_and(|r| offered.contains(&r))
        {
            let names: Vec<&str> = offered.iter().map(|r| r.as_str()).collect();
            return Err(StoreError::invalid(
                "reason",
                format!("must be one of: {}", names.join(", ")),
            ));
        }
        let cx = self.absence_context(org, session_id, enrollment_id).await?;
        if !cx.open {
            return Err(StoreError::Conflict(
                "this session has started or is cancelled".into(),
            ));
        }
        let now = self.now();
        let txn = self.writer().begin().await?;
        let sql = "INSERT INTO absence_notices (org_id, session_id, enrollment_id, reason, created_at) \
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id, session_id, enrollment_id) DO NOTHING";
        let inserted = txn
            .execute_raw(stmt(
                &txn,
                sql,
                [
                    org.into(),
                    session_id.into(),
                    enrollment_id.into(),
                    reason.into(),
                    now.into(),
                ],
            ))
            .await?
            .rows_affected()
            == 1;
        if inserted {
            let facilitators = reminded_facilitators(&txn, org, cx.group_id).await?;
            let mut messages = Vec::new();
            for (person, _) in facilitators {
                messages.push(NewMessage {
                    org_id: org,
                    kind: MessageKind::AbsenceNotice,
                    dedupe_key: format!("p{person}:s{session_id}:absence:{enrollment_id}"),
                    session_id: Some(session_id),
                    person_id: Some(person),
                    user_id: None,
                    subject_id: Some(enrollment_id),
                    send_at: now,
                });
            }
            insert_messages(&txn, &messages, now).await?;
        } else {
            let sql = "UPDATE absence_notices SET reason = ? \
                       WHERE org_id = ? AND session_id = ? AND enrollment_id = ?";
            txn.execute_raw(stmt(
                &txn,
                sql,
                [
                    reason.into(),
                    org.into(),
                    session_id.into(),
                    enrollment_id.into(),
                ],
            ))
            .await?;
        }
        txn.commit().await?;
        Ok(inserted)
    }
}
