//! "I can't come": a participant's notice, from a signed link, that they will miss one
//! session. It is kept once per participant and session (a second tap changes the reason),
//! the facilitators are told by email the first time, and the session's reminder skips
//! that person.

use peergroup_domain::Id;
use peergroup_domain::attendance::AbsenceReason;
use peergroup_domain::reminders::MessageKind;
use peergroup_store::reminders::NewMessage;
use peergroup_store::{Result, Store, StoreError};

/// Records (or changes the reason of) a participant's notice, and queues an email to each
/// of the group's facilitators the first time. Returns whether it was new.
pub async fn record_notice(
    store: &Store,
    org: Id,
    session_id: Id,
    enrollment_id: Id,
    reason: &str,
) -> Result<bool> {
    let reason = one_tap_reason(reason)?;
    let cx = store
        .absence_context(org, session_id, enrollment_id)
        .await?;
    let now = store.clock().now();
    if !cx.open(now) {
        return Err(StoreError::Conflict(
            "this session has started or is cancelled".into(),
        ));
    }
    let tx = store.begin().await?;
    let new = tx
        .add_absence_notice(org, session_id, enrollment_id, reason, now)
        .await?;
    if new {
        let messages: Vec<NewMessage> = tx
            .facilitators_with_email(org, cx.group_id)
            .await?
            .into_iter()
            .map(|person| NewMessage {
                org_id: org,
                kind: MessageKind::AbsenceNotice,
                dedupe_key: format!("p{person}:s{session_id}:absence:{enrollment_id}"),
                session_id: Some(session_id),
                person_id: Some(person),
                user_id: None,
                subject_id: Some(enrollment_id),
                send_at: now,
            })
            .collect();
        tx.queue_messages(&messages, now).await?;
    } else {
        tx.change_absence_reason(org, session_id, enrollment_id, reason)
            .await?;
    }
    tx.commit().await?;
    Ok(new)
}

/// One of the reasons the link's page offers.
fn one_tap_reason(raw: &str) -> Result<AbsenceReason> {
    let offered = AbsenceReason::ONE_TAP;
    match raw.parse::<AbsenceReason>() {
        Ok(reason) if offered.contains(&reason) => Ok(reason),
        _ => {
            let names: Vec<&str> = offered.iter().map(|r| r.as_str()).collect();
            Err(StoreError::invalid(
                "reason",
                format!("must be one of: {}", names.join(", ")),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_offered_reasons_are_taken() {
        for reason in AbsenceReason::ONE_TAP {
            assert_eq!(one_tap_reason(reason.as_str()).unwrap(), reason);
        }
        // A roll-call's reason, not one the page offers; a missing one; a made-up one.
        for raw in ["family", "", "holiday"] {
            match one_tap_reason(raw) {
                Err(StoreError::Invalid(e)) => assert_eq!(e.errors()[0].field, "reason"),
                other => panic!("{raw:?}: {other:?}"),
            }
        }
    }
}
