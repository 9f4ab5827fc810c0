//! "I can't come": what a signed link names, and the notices kept from it, once per
//! participant and session. The use case, telling the facilitators, is `peergroup-app`'s.

use crate::dialect::stmt;
use crate::{Result, Store, StoreError, Tx, from_json};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::AbsenceContext;
use peergroup_domain::attendance::AbsenceReason;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::records::SessionStatus;
use sea_orm::ConnectionTrait;

impl Store {
    /// Who said "I can't come" to a session, by enrolment, and why, in the order they said.
    pub async fn cannot_come(&self, org: Id, session_id: Id) -> Result<Vec<(Id, AbsenceReason)>> {
        use crate::entities::absence_notice;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        Ok(absence_notice::Entity::find()
            .filter(absence_notice::Column::OrgId.eq(org))
            .filter(absence_notice::Column::SessionId.eq(session_id))
            .order_by_asc(absence_notice::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|n| (n.enrollment_id, n.reason.0))
            .collect())
    }

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
                   WHERE s.org_id = $1 AND s.id = $2 AND e.id = $3";
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
        let enrollment: String = row.try_get("", "enrollment_status")?;
        Ok(AbsenceContext {
            group_id: row.try_get("", "group_id")?,
            languages,
            starts_at,
            timezone: row.try_get("", "timezone")?,
            group_name: row.try_get("", "group_name")?,
            venue_name: row.try_get("", "venue_name")?,
            venue_address: row.try_get("", "venue_address")?,
            enrolled: enrollment == EnrollmentStatus::Enrolled.as_str(),
            scheduled: status == SessionStatus::Scheduled.as_str(),
            reason: row.try_get("", "reason")?,
        })
    }
}

impl Tx {
    /// Keeps a participant's notice; false when they had given one already.
    pub async fn add_absence_notice(
        &self,
        org: Id,
        session_id: Id,
        enrollment_id: Id,
        reason: AbsenceReason,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let txn = &self.0;
        let sql = "INSERT INTO absence_notices (org_id, session_id, enrollment_id, reason, created_at) \
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, session_id, enrollment_id) DO NOTHING";
        let values = [
            org.into(),
            session_id.into(),
            enrollment_id.into(),
            reason.as_str().into(),
            now.into(),
        ];
        let done = txn.execute_raw(stmt(txn, sql, values)).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Changes the reason of a notice given already.
    pub async fn change_absence_reason(
        &self,
        org: Id,
        session_id: Id,
        enrollment_id: Id,
        reason: AbsenceReason,
    ) -> Result<()> {
        let txn = &self.0;
        let sql = "UPDATE absence_notices SET reason = $1 \
                   WHERE org_id = $2 AND session_id = $3 AND enrollment_id = $4";
        let values = [
            reason.as_str().into(),
            org.into(),
            session_id.into(),
            enrollment_id.into(),
        ];
        txn.execute_raw(stmt(txn, sql, values)).await?;
        Ok(())
    }
}
