//! Consent per purpose: the state on the person's row (which every use reads), and each
//! change appended to `consent_changes` in the same transaction, with how it was given.

use crate::entities::{consent_change, message, person};
use crate::stored::Stored;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::consent::{
    Consent, ConsentChange, ConsentInput, ConsentPurpose, ConsentRecord, ConsentSource,
};
use peergroup_domain::reminders::{MessageKind, MessageState};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, QueryOrder};

pub(crate) fn consent_of(m: &person::Model) -> Consent {
    Consent {
        email_reminders: m.consent_email_reminders_at,
        sms_reminders: m.consent_sms_reminders_at,
        calls: m.consent_calls_at,
        research: m.consent_research_at,
        funder_sharing: m.consent_funder_sharing_at,
    }
}

pub(crate) fn write_consent(active: &mut person::ActiveModel, consent: &Consent) {
    active.consent_email_reminders_at = Set(consent.email_reminders);
    active.consent_sms_reminders_at = Set(consent.sms_reminders);
    active.consent_calls_at = Set(consent.calls);
    active.consent_research_at = Set(consent.research);
    active.consent_funder_sharing_at = Set(consent.funder_sharing);
}

/// The changes a write makes to a person's consent, to keep beside the row.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConsentLog {
    changes: Vec<(ConsentPurpose, bool)>,
    source: Option<ConsentSource>,
    at: Option<DateTime<Utc>>,
}

impl ConsentLog {
    /// `input` applied to `before` at `now`: the new state, and its log. A change needs its
    /// source, else nothing is written.
    pub(crate) fn apply(
        before: Consent,
        input: &ConsentInput,
        now: DateTime<Utc>,
    ) -> Result<(Consent, ConsentLog)> {
        let (after, changes) = before.update(input, now);
        if !changes.is_empty() && input.source.is_none() {
            return Err(StoreError::invalid(
                "consent.source",
                "say how the person gave or withdrew their consent \
                 (in_person, on_paper, by_phone, by_sms or import)",
            ));
        }
        let log = ConsentLog {
            changes,
            source: input.source,
            at: Some(now),
        };
        Ok((after, log))
    }

    /// Whether the person agreed to reminders before and to none by either channel now.
    pub(crate) fn ends_reminders(&self, after: &Consent) -> bool {
        !after.any_reminders()
            && self.changes.iter().any(|(p, given)| {
                !given
                    && matches!(
                        p,
                        ConsentPurpose::EmailReminders | ConsentPurpose::SmsReminders
                    )
            })
    }

    /// The rows to append for `person` of `org`.
    pub(crate) fn rows(&self, org: Id, person: Id) -> Vec<consent_change::ActiveModel> {
        let (Some(source), Some(at)) = (self.source, self.at) else {
            return Vec::new();
        };
        self.changes
            .iter()
            .map(|&(purpose, given)| consent_change::ActiveModel {
                id: NotSet,
                org_id: Set(org),
                person_id: Set(person),
                purpose: Set(Stored(purpose)),
                given: Set(given),
                source: Set(Stored(source)),
                at: Set(at),
            })
            .collect()
    }
}

/// Appends `rows` (none is fine).
pub(crate) async fn append(
    conn: &impl ConnectionTrait,
    rows: Vec<consent_change::ActiveModel>,
) -> std::result::Result<(), DbErr> {
    if !rows.is_empty() {
        consent_change::Entity::insert_many(rows).exec(conn).await?;
    }
    Ok(())
}

/// Marks the waiting messages of `people` that need consent to reminders as not sent, at
/// once: they agree to reminders by no channel any more. (Delivery checks consent again
/// anyway, so a message caught mid-send is skipped too.)
pub(crate) async fn skip_waiting_reminders(
    conn: &impl ConnectionTrait,
    org: Id,
    people: &[Id],
    now: DateTime<Utc>,
) -> Result<()> {
    let kinds: Vec<&str> = MessageKind::ALL
        .iter()
        .filter(|k| k.needs_consent())
        .map(|k| k.as_str())
        .collect();
    message::Entity::update_many()
        .col_expr(
            message::Column::State,
            Expr::value(MessageState::Skipped.as_str()),
        )
        .col_expr(
            message::Column::LastError,
            Expr::value("the person withdrew their consent to reminders"),
        )
        .col_expr(message::Column::UpdatedAt, Expr::value(now))
        .filter(message::Column::OrgId.eq(org))
        .filter(message::Column::PersonId.is_in(people.iter().copied()))
        .filter(message::Column::Kind.is_in(kinds))
        .filter(message::Column::State.is_in([
            MessageState::Queued.as_str(),
            MessageState::Retrying.as_str(),
        ]))
        .exec(conn)
        .await?;
    Ok(())
}

impl Store {
    /// A person's consent now.
    pub async fn consent(&self, org: Id, person_id: Id) -> Result<Consent> {
        let found = crate::people::find_person(&self.reader(), org, person_id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        Ok(consent_of(&found))
    }

    /// A person's consent now and its history, newest change first.
    pub async fn consent_record(&self, org: Id, person_id: Id) -> Result<ConsentRecord> {
        let found = crate::people::find_person(&self.reader(), org, person_id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        let changes = consent_change::Entity::find()
            .filter(consent_change::Column::OrgId.eq(org))
            .filter(consent_change::Column::PersonId.eq(person_id))
            .order_by_desc(consent_change::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|c| ConsentChange {
                purpose: c.purpose.0,
                given: c.given,
                source: c.source.0,
                at: c.at,
            })
            .collect();
        Ok(ConsentRecord {
            given: consent_of(&found),
            changes,
        })
    }

    /// Writes a person's whole consent, keeping each change with its source. Withdrawing the
    /// last consent to reminders takes their waiting reminders off the queue.
    pub async fn set_consent(
        &self,
        org: Id,
        person_id: Id,
        input: &ConsentInput,
    ) -> Result<Consent> {
        let txn = self.writer().begin().await?;
        let found = crate::people::find_person(&txn, org, person_id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        crate::people::refuse_erased(&found)?;
        // The contacts each consent needs are checked as on any write of the person.
        let mut spec = crate::people::to_record(found.clone())?.spec;
        spec.consent = *input;
        spec.validate()?;
        let now = self.now();
        let (after, log) = ConsentLog::apply(consent_of(&found), input, now)?;
        let ends_reminders = log.ends_reminders(&after);
        let mut active: person::ActiveModel = found.into();
        write_consent(&mut active, &after);
        active.updated_at = Set(now);
        active.update(&txn).await?;
        append(&txn, log.rows(org, person_id)).await?;
        if ends_reminders {
            skip_waiting_reminders(&txn, org, &[person_id], now).await?;
        }
        txn.commit().await?;
        Ok(after)
    }
}
