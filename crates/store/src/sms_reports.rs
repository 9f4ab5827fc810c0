//! What an SMS gateway reports about a message it took: delivered to the phone, or failed
//! (then the message goes back on the queue, or is given up after its attempts). Each
//! change is conditional on the message's state, so a report repeated or arriving twice at
//! once changes it once.

use crate::entities::{job, message};
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::jobs::JobState;
use peergroup_domain::reminders::{Channel, MessageState};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// What became of a failed SMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailedSms {
    /// Queued again, to go at the time given.
    Retrying,
    /// Out of attempts: dead, to be sent again by hand.
    GaveUp,
    /// Not an SMS that was sent (unknown, or reported on already).
    Unchanged,
}

impl Store {
    /// Marks the organization's SMS `message_id` delivered, if it was sent. Returns whether
    /// it changed.
    pub async fn sms_delivered(&self, org: Id, message_id: Id, now: DateTime<Utc>) -> Result<bool> {
        let done = message::Entity::update_many()
            .col_expr(
                message::Column::State,
                Expr::value(MessageState::Delivered.as_str()),
            )
            .col_expr(message::Column::DeliveredAt, Expr::value(now))
            .col_expr(message::Column::UpdatedAt, Expr::value(now))
            .filter(message::Column::Id.eq(message_id))
            .filter(message::Column::OrgId.eq(org))
            .filter(message::Column::Channel.eq(Channel::Sms.as_str()))
            .filter(message::Column::State.eq(MessageState::Sent.as_str()))
            .exec(&self.writer())
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// The gateway could not deliver the organization's SMS `message_id`: if it was sent,
    /// its delivery job runs again at `retry_at(attempts so far)`, unless it has used its
    /// attempts.
    pub async fn sms_failed(
        &self,
        org: Id,
        message_id: Id,
        error: &str,
        retry_at: impl FnOnce(i32) -> DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<FailedSms> {
        let tx = self.begin().await?;
        let key = format!("deliver:{message_id}");
        let Some(delivery) = job::Entity::find()
            .filter(job::Column::OrgId.eq(org))
            .filter(job::Column::DedupeKey.eq(key.as_str()))
            .filter(job::Column::State.eq(JobState::Done.as_str()))
            .one(&tx.0)
            .await?
        else {
            return Ok(FailedSms::Unchanged);
        };
        let gave_up = delivery.attempts >= delivery.max_attempts;
        let retry_at = if gave_up {
            now
        } else {
            retry_at(delivery.attempts)
        };
        let (message_state, job_state, outcome) = if gave_up {
            (MessageState::Dead, JobState::Dead, FailedSms::GaveUp)
        } else {
            (
                MessageState::Retrying,
                JobState::Queued,
                FailedSms::Retrying,
            )
        };
        let marked = message::Entity::update_many()
            .col_expr(message::Column::State, Expr::value(message_state.as_str()))
            .col_expr(message::Column::LastError, Expr::value(error))
            .col_expr(message::Column::SendAt, Expr::value(retry_at))
            .col_expr(message::Column::UpdatedAt, Expr::value(now))
            .filter(message::Column::Id.eq(message_id))
            .filter(message::Column::OrgId.eq(org))
            .filter(message::Column::Channel.eq(Channel::Sms.as_str()))
            .filter(message::Column::State.eq(MessageState::Sent.as_str()))
            .exec(&tx.0)
            .await?;
        if marked.rows_affected != 1 {
            return Ok(FailedSms::Unchanged);
        }
        job::Entity::update_many()
            .col_expr(job::Column::State, Expr::value(job_state.as_str()))
            .col_expr(job::Column::RunAt, Expr::value(retry_at))
            .col_expr(job::Column::LastError, Expr::value(error))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(delivery.id))
            .filter(job::Column::State.eq(JobState::Done.as_str()))
            .exec(&tx.0)
            .await?;
        tx.commit().await?;
        Ok(outcome)
    }
}
