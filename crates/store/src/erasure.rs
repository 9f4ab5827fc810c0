//! Erasing a person: their name, contacts, consent and every free text about them go, in
//! one transaction; their enrolments, attendance marks and scores stay, under `#<id>`, so
//! that the group's figures do not change. The row keeps when and by whom.

use crate::entities::{
    enrollment, facilitator_assignment, follow_up_task, idempotency_key, message, person,
    session_log, session_log_revision, sms_reply, support_need,
};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::reminders::MessageState;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, DbBackend, QuerySelect};

/// What an erasure removed from the database, for what lies outside it (mail files).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErasedTraces {
    /// The name, email and phone as they were: the strings to look for elsewhere.
    pub strings: Vec<String>,
    pub erased_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Erases `person_id`'s personal data in `org`, as `by` (a user; none for the retention
    /// job). Erasing again finds nothing more to erase.
    pub async fn erase_person(
        &self,
        org: Id,
        person_id: Id,
        by: Option<Id>,
    ) -> Result<ErasedTraces> {
        let txn = self.writer().begin().await?;
        let found = crate::people::find_person(&txn, org, person_id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        if found.erased_at.is_some() {
            return Ok(ErasedTraces {
                strings: Vec::new(),
                erased_at: found.erased_at,
            });
        }
        let now = self.now();
        let strings: Vec<String> = [Some(found.display_name.clone()), found.email.clone()]
            .into_iter()
            .chain([found.phone.clone(), found.alternative_contact.clone()])
            .flatten()
            .collect();
        let mut active: person::ActiveModel = found.into();
        active.display_name = Set(format!("#{person_id}"));
        active.email = Set(None);
        active.phone = Set(None);
        active.preferred_channel = Set(None);
        active.alternative_contact = Set(None);
        crate::consents::write_consent(&mut active, &Default::default());
        active.erased_at = Set(Some(now));
        active.erased_by = Set(by);
        active.updated_at = Set(now);
        active.update(&txn).await?;
        erase_free_text(&txn, org, person_id, now).await?;
        redact_session_notes(&txn, org, person_id, &strings).await?;
        forget_answers(&txn, org, &strings).await?;
        txn.commit().await?;
        self.checkpoint().await;
        Ok(ErasedTraces {
            strings,
            erased_at: Some(now),
        })
    }

    /// On SQLite, moves the write-ahead log into the database file and empties it, so that
    /// erased values do not linger in the log (`secure_delete` zeroes them in the file).
    /// Best effort: a reader still on an older snapshot keeps the log until it finishes.
    async fn checkpoint(&self) {
        if self.backend() == DbBackend::Sqlite {
            let _ = self
                .write
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await;
        }
    }
}

/// The person's words kept anywhere: SMS replies, task notes, support details, the ages of
/// their children; and their waiting messages, which cannot go any more.
async fn erase_free_text(
    txn: &impl ConnectionTrait,
    org: Id,
    person_id: Id,
    now: DateTime<Utc>,
) -> Result<()> {
    sms_reply::Entity::update_many()
        .col_expr(sms_reply::Column::Body, Expr::value(""))
        .filter(sms_reply::Column::OrgId.eq(org))
        .filter(sms_reply::Column::PersonId.eq(person_id))
        .exec(txn)
        .await?;
    follow_up_task::Entity::update_many()
        .col_expr(
            follow_up_task::Column::Note,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            follow_up_task::Column::ClosedNote,
            Expr::value(Option::<String>::None),
        )
        .filter(follow_up_task::Column::OrgId.eq(org))
        .filter(follow_up_task::Column::PersonId.eq(person_id))
        .exec(txn)
        .await?;
    let enrollments: Vec<Id> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::Id)
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::PersonId.eq(person_id))
        .into_tuple()
        .all(txn)
        .await?;
    support_need::Entity::update_many()
        .col_expr(
            support_need::Column::Details,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            support_need::Column::ChildrenAges,
            Expr::value(serde_json::json!([])),
        )
        .filter(support_need::Column::OrgId.eq(org))
        .filter(support_need::Column::EnrollmentId.is_in(enrollments))
        .exec(txn)
        .await?;
    message::Entity::update_many()
        .col_expr(
            message::Column::State,
            Expr::value(MessageState::Skipped.as_str()),
        )
        .col_expr(
            message::Column::LastError,
            Expr::value("the person's data was erased"),
        )
        .col_expr(message::Column::UpdatedAt, Expr::value(now))
        .filter(message::Column::OrgId.eq(org))
        .filter(message::Column::PersonId.eq(person_id))
        .filter(message::Column::State.is_in([
            MessageState::Queued.as_str(),
            MessageState::Retrying.as_str(),
        ]))
        .exec(txn)
        .await?;
    // A gateway's or mail server's error can repeat the number or the address.
    message::Entity::update_many()
        .col_expr(
            message::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(message::Column::OrgId.eq(org))
        .filter(message::Column::PersonId.eq(person_id))
        .filter(message::Column::State.is_not_in([MessageState::Skipped.as_str()]))
        .exec(txn)
        .await?;
    Ok(())
}

/// Session notes (and every earlier version of them) of the groups the person was in, or
/// led, that name them: each of `strings` becomes `#<id>`, as their name did. The rest of
/// a note is about the session, and stays.
async fn redact_session_notes(
    txn: &impl ConnectionTrait,
    org: Id,
    person_id: Id,
    strings: &[String],
) -> Result<()> {
    let mut groups: Vec<Id> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::GroupId)
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::PersonId.eq(person_id))
        .into_tuple()
        .all(txn)
        .await?;
    groups.extend(
        facilitator_assignment::Entity::find()
            .select_only()
            .column(facilitator_assignment::Column::GroupId)
            .filter(facilitator_assignment::Column::OrgId.eq(org))
            .filter(facilitator_assignment::Column::PersonId.eq(person_id))
            .into_tuple::<Id>()
            .all(txn)
            .await?,
    );
    let redact = |text: &str| -> Option<String> {
        let mut out = text.to_string();
        for s in strings.iter().filter(|s| !s.is_empty()) {
            out = out.replace(s.as_str(), &format!("#{person_id}"));
        }
        (out != text).then_some(out)
    };
    let logs = session_log::Entity::find()
        .filter(session_log::Column::OrgId.eq(org))
        .filter(session_log::Column::GroupId.is_in(groups))
        .all(txn)
        .await?;
    let sessions: Vec<Id> = logs.iter().map(|l| l.session_id).collect();
    for log in logs {
        if let Some(note) = log.note.as_deref().and_then(redact) {
            let mut active: session_log::ActiveModel = log.into();
            active.note = Set(Some(note));
            active.update(txn).await?;
        }
    }
    let revisions = session_log_revision::Entity::find()
        .filter(session_log_revision::Column::OrgId.eq(org))
        .filter(session_log_revision::Column::SessionId.is_in(sessions))
        .all(txn)
        .await?;
    for revision in revisions {
        let mut log = revision.log.clone();
        let Some(note) = log.get("note").and_then(|n| n.as_str()).and_then(redact) else {
            continue;
        };
        log["note"] = serde_json::Value::String(note);
        let mut active: session_log_revision::ActiveModel = revision.into();
        active.log = Set(log);
        active.update(txn).await?;
    }
    Ok(())
}

/// Answers kept for retried requests (at most two days' worth) that hold any of `strings`.
async fn forget_answers(txn: &impl ConnectionTrait, org: Id, strings: &[String]) -> Result<()> {
    let kept: Vec<(Id, String)> = idempotency_key::Entity::find()
        .select_only()
        .column(idempotency_key::Column::Id)
        .column(idempotency_key::Column::ResponseBody)
        .filter(idempotency_key::Column::OrgId.eq(org))
        .filter(idempotency_key::Column::ResponseBody.is_not_null())
        .into_tuple()
        .all(txn)
        .await?;
    let holding: Vec<Id> = kept
        .into_iter()
        .filter(|(_, body)| strings.iter().any(|s| body.contains(s.as_str())))
        .map(|(id, _)| id)
        .collect();
    if !holding.is_empty() {
        idempotency_key::Entity::delete_many()
            .filter(idempotency_key::Column::Id.is_in(holding))
            .exec(txn)
            .await?;
    }
    Ok(())
}
