//! What a message says, read at send time, so that a reminder always carries the session
//! as it is now: the message's row, and whatever more its kind needs. The delivery job
//! (`peergroup_jobs::deliver`) writes and sends it.

use peergroup_domain::Id;
use peergroup_domain::reminders::MessageKind;
use peergroup_store::messages::{Delivery, DeliverySignIn, QueuedMessage};
use peergroup_store::{Result, Store};
use std::collections::HashMap;

/// A message and what it is about, or `None` when it is gone or no longer to send.
pub async fn delivery(store: &Store, message_id: Id) -> Result<Option<Delivery>> {
    match store.message_rows(&[message_id]).await?.first() {
        Some(row) => match row.decode()? {
            Some(m) => Ok(Some(complete(store, m).await?)),
            None => Ok(None),
        },
        None => Ok(None),
    }
}

/// The messages of `ids` that are participants' session mail still to send, read in one
/// statement: a worker reads the messages it claimed together. Those left out (sent
/// already, other kinds, which read more, or a row that does not decode) are read alone
/// by [`delivery`].
pub async fn deliveries(store: &Store, ids: &[Id]) -> Result<HashMap<Id, Delivery>> {
    let mut ready = HashMap::new();
    if ids.is_empty() {
        return Ok(ready);
    }
    for row in store.message_rows(ids).await? {
        if let Ok(Some(m)) = row.decode()
            && m.delivery.kind.is_participant_mail()
        {
            ready.insert(m.delivery.message_id, m.delivery);
        }
    }
    Ok(ready)
}

/// Adds what the message's kind says beyond its row.
async fn complete(store: &Store, m: QueuedMessage) -> Result<Delivery> {
    let QueuedMessage {
        mut delivery,
        subject_id,
        session_id,
        written_at,
    } = m;
    let org = delivery.org_id;
    let d = &mut delivery;
    match d.kind {
        MessageKind::FacilitatorReminder => {
            if let Some(sid) = session_id {
                // Only facilitators are told the topic; the curriculum's, unless the
                // session names its own.
                if let Some(s) = d.session.as_mut().filter(|s| s.topic.is_none()) {
                    s.topic = store.planned_topic(org, sid).await?;
                }
                d.headcount = Some(store.support_headcount(org, sid).await?);
                d.roster = store.roster_names(org, sid).await?;
                d.absences = store.absence_count(org, sid).await?;
            }
        }
        MessageKind::FollowUpOpened
        | MessageKind::FollowUpAssigned
        | MessageKind::FollowUpHandedOver => {
            d.task = store
                .delivery_task(org, subject_id.unwrap_or_default())
                .await?;
        }
        MessageKind::FollowUpEscalated => {
            d.escalated = store
                .escalated_with(org, subject_id.unwrap_or_default())
                .await?;
        }
        MessageKind::RolesMissing => {
            d.missing_roles = store
                .session_role_gap(org, session_id.unwrap_or_default())
                .await?;
        }
        MessageKind::WeeklyDigest => {
            d.digest = Some(store.weekly_digest(org, written_at).await?);
        }
        MessageKind::AbsenceNotice => {
            d.absence = store
                .absence_of(
                    org,
                    session_id.unwrap_or_default(),
                    subject_id.unwrap_or_default(),
                )
                .await?;
        }
        MessageKind::Invitation | MessageKind::PasswordReset => {
            let now = store.clock().now();
            if let Some(link) = store
                .sign_in_link(org, subject_id.unwrap_or_default())
                .await?
                .filter(|l| !l.used && l.expires_at > now)
            {
                d.sign_in = Some(DeliverySignIn {
                    link_id: link.id,
                    expires_at: link.expires_at,
                    organization: store
                        .organization_detail(org)
                        .await?
                        .organization
                        .name
                        .to_string(),
                });
            }
        }
        MessageKind::SessionReminder
        | MessageKind::SessionChanged
        | MessageKind::SessionCancelled
        | MessageKind::AbsenceConfirmed
        | MessageKind::SmsStopped => {}
    }
    Ok(delivery)
}
