//! A coordinator's retry of a message that could not be delivered.

use peergroup_domain::Id;
use peergroup_domain::reminders::{MessageRecord, MessageState};
use peergroup_store::{Result, Store, StoreError};

/// Sends a dead message again: it and its delivery job are queued now with a fresh count
/// of attempts. Any other message is refused (409): it is still on its way, or done.
pub async fn retry(store: &Store, org: Id, id: Id) -> Result<MessageRecord> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let state = tx.message_state(org, id).await?;
    if state != MessageState::Dead {
        return Err(StoreError::Conflict(format!(
            "only a dead message can be retried; this one is {state}"
        )));
    }
    tx.requeue_message(org, id, now).await?;
    tx.commit().await?;
    store.get_message(org, id).await
}
