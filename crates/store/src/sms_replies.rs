//! SMS replies: who a number belongs to within one organization, the reminder a reply
//! answers, stopping SMS to a person, and the replies kept for coordinators.

use crate::consents::{ConsentLog, consent_of};
use crate::entities::{message, person, sms_reply};
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::consent::{ConsentInput, ConsentSource};
use peergroup_domain::reminders::{Channel, MessageKind, MessageState};
use peergroup_domain::subject_access::SmsReplyRecord;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub use peergroup_domain::sms::ReplyAction;

/// A reply as coordinators read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyLine {
    pub person_id: Id,
    pub name: String,
    pub body: String,
    pub action: String,
    pub received_at: DateTime<Utc>,
}

impl Store {
    /// The organization's people with this number (a family may share one).
    pub async fn people_with_phone(&self, org: Id, phone: &str) -> Result<Vec<Id>> {
        Ok(person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Phone.eq(phone))
            .order_by_asc(person::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?)
    }

    /// The last session reminder (or change) sent by SMS to one of `people`, as
    /// `(person, session, enrollment)`: what a reply answers.
    pub async fn last_sms_reminder(&self, org: Id, people: &[Id]) -> Result<Option<(Id, Id, Id)>> {
        let row: Option<(Option<Id>, Option<Id>, Option<Id>)> = message::Entity::find()
            .select_only()
            .column(message::Column::PersonId)
            .column(message::Column::SessionId)
            .column(message::Column::SubjectId)
            .filter(message::Column::OrgId.eq(org))
            .filter(message::Column::PersonId.is_in(people.iter().copied()))
            .filter(message::Column::Channel.eq(Channel::Sms.as_str()))
            .filter(message::Column::Kind.is_in([
                MessageKind::SessionReminder.as_str(),
                MessageKind::SessionChanged.as_str(),
            ]))
            .filter(message::Column::State.is_in([
                MessageState::Sent.as_str(),
                MessageState::Delivered.as_str(),
            ]))
            .order_by_desc(message::Column::SentAt)
            .order_by_desc(message::Column::Id)
            .into_tuple()
            .one(&self.reader())
            .await?;
        Ok(row.and_then(|(p, s, e)| Some((p?, s?, e?))))
    }

    /// Every reply of one person, oldest first.
    pub async fn person_sms_replies(&self, org: Id, person_id: Id) -> Result<Vec<SmsReplyRecord>> {
        let rows: Vec<(String, String, DateTime<Utc>)> = sms_reply::Entity::find()
            .select_only()
            .column(sms_reply::Column::Body)
            .column(sms_reply::Column::Action)
            .column(sms_reply::Column::ReceivedAt)
            .filter(sms_reply::Column::OrgId.eq(org))
            .filter(sms_reply::Column::PersonId.eq(person_id))
            .order_by_asc(sms_reply::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(|(body, action, received_at)| SmsReplyRecord {
                body,
                action,
                received_at,
            })
            .collect())
    }

    /// Empties the words of every reply received before `before`, in every organization;
    /// returns how many. A coordinator reads a reply within days; its action (and that
    /// it came) stays.
    pub async fn forget_reply_bodies(&self, before: DateTime<Utc>) -> Result<u64> {
        let done = sms_reply::Entity::update_many()
            .col_expr(sms_reply::Column::Body, sea_orm::sea_query::Expr::value(""))
            .filter(sms_reply::Column::ReceivedAt.lt(before))
            .filter(sms_reply::Column::Body.ne(""))
            .exec(&self.writer())
            .await?;
        Ok(done.rows_affected)
    }

    /// The organization's latest replies, newest first.
    pub async fn sms_replies(&self, org: Id, limit: u64) -> Result<Vec<ReplyLine>> {
        let rows: Vec<(Id, String, String, String, DateTime<Utc>)> = sms_reply::Entity::find()
            .select_only()
            .column(sms_reply::Column::PersonId)
            .column(person::Column::DisplayName)
            .column(sms_reply::Column::Body)
            .column(sms_reply::Column::Action)
            .column(sms_reply::Column::ReceivedAt)
            .join(
                sea_orm::JoinType::InnerJoin,
                sms_reply::Entity::belongs_to(person::Entity)
                    .from(sms_reply::Column::PersonId)
                    .to(person::Column::Id)
                    .into(),
            )
            .filter(sms_reply::Column::OrgId.eq(org))
            .filter(person::Column::OrgId.eq(org))
            .order_by_desc(sms_reply::Column::Id)
            .limit(limit)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(|(person_id, name, body, action, received_at)| ReplyLine {
                person_id,
                name,
                body,
                action,
                received_at,
            })
            .collect())
    }
}

impl Tx {
    /// `people`'s consent to SMS, withdrawn (they answered STOP) or given (START) by their
    /// own SMS at `now`, kept in their consent history. A STOP takes the waiting reminders
    /// of whoever now agrees to none off the queue. Returns how many it changed.
    async fn set_sms_consent(
        &self,
        org: Id,
        people: &[Id],
        given: bool,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let column = person::Column::ConsentSmsRemindersAt;
        let changing: Vec<person::Model> = person::Entity::find()
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(people.iter().copied()))
            .filter(if given {
                column.is_null()
            } else {
                column.is_not_null()
            })
            .all(&self.0)
            .await?;
        if changing.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Id> = changing.iter().map(|p| p.id).collect();
        person::Entity::update_many()
            .col_expr(column, Expr::value(given.then_some(now)))
            .col_expr(person::Column::UpdatedAt, Expr::value(now))
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(ids.iter().copied()))
            .exec(&self.0)
            .await?;
        let mut rows = Vec::new();
        let mut unreachable = Vec::new();
        for p in &changing {
            let before = consent_of(p);
            let input = ConsentInput {
                sms_reminders: given,
                source: Some(ConsentSource::BySms),
                ..before.as_input()
            };
            let (after, log) = ConsentLog::apply(before, &input, now)?;
            rows.extend(log.rows(org, p.id));
            if log.ends_reminders(&after) {
                unreachable.push(p.id);
            }
        }
        crate::consents::append(&self.0, rows).await?;
        if !unreachable.is_empty() {
            crate::consents::skip_waiting_reminders(&self.0, org, &unreachable, now).await?;
        }
        Ok(ids.len() as u64)
    }

    /// No more SMS to `people`: they answered STOP. Returns how many of them were getting
    /// SMS until now.
    pub async fn stop_sms(&self, org: Id, people: &[Id], now: DateTime<Utc>) -> Result<u64> {
        self.set_sms_consent(org, people, false, now).await
    }

    /// SMS to `people` again: they answered START.
    pub async fn restart_sms(&self, org: Id, people: &[Id], now: DateTime<Utc>) -> Result<()> {
        self.set_sms_consent(org, people, true, now).await?;
        Ok(())
    }

    /// Keeps a reply with what it did.
    pub async fn add_sms_reply(
        &self,
        org: Id,
        person: Id,
        body: &str,
        action: ReplyAction,
        session: Option<Id>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sms_reply::Entity::insert(sms_reply::ActiveModel {
            org_id: Set(org),
            person_id: Set(person),
            body: Set(body.to_string()),
            action: Set(action.as_str().to_string()),
            session_id: Set(session),
            received_at: Set(now),
            ..Default::default()
        })
        .exec(&self.0)
        .await?;
        Ok(())
    }
}
