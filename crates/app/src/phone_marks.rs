//! A roll-call taken one tap at a time on a phone that may be offline: each tap is sent on
//! its own when the network allows, kept once, and checked against the other facilitators'
//! taps. A disagreement is reported, never settled by whichever arrived last; the roll-call
//! itself is saved by `roll_call::log_session`.

use peergroup_domain::Id;
use peergroup_domain::attendance::PhoneMark;
use peergroup_domain::records::Principal;
use peergroup_store::session_marks::KeptMark;
use peergroup_store::{Result, Store, StoreError};

/// What keeping a tap found: whether it was new, and the other facilitators' latest marks
/// of the same person that differ from it.
#[derive(Debug, Clone)]
pub struct MarkKept {
    pub new: bool,
    pub disagreements: Vec<KeptMark>,
}

/// Keeps one tap of `who` at the session. The person must hold a place in its group; the
/// caller has checked that `who` may take the roll-call.
pub async fn keep(
    store: &Store,
    who: &Principal,
    session_id: Id,
    mark: &PhoneMark,
) -> Result<MarkKept> {
    let now = store.clock().now();
    mark.validate(now)?;
    let session = store.get_session(who.org_id, session_id).await?;
    let (group, _) = store.get_group_detail(who.org_id, session.group_id).await?;
    if !group
        .enrollments
        .iter()
        .any(|e| e.person_id == mark.person_id && e.status.holds_place())
    {
        return Err(StoreError::invalid(
            "person_id",
            "holds no place in this session's group",
        ));
    }
    let tx = store.begin().await?;
    let new = tx
        .keep_mark(who.org_id, session_id, who.user_id, mark, now)
        .await?;
    tx.commit().await?;
    let disagreements = disagreements(store, who.org_id, session_id)
        .await?
        .into_iter()
        .filter(|k| k.person_id == mark.person_id && k.user_id != who.user_id)
        .filter(|k| k.status != mark.status)
        .collect();
    Ok(MarkKept { new, disagreements })
}

/// Every person whose latest marks, by different facilitators, differ: all their marks.
pub async fn disagreements(store: &Store, org: Id, session_id: Id) -> Result<Vec<KeptMark>> {
    let latest = store.latest_marks(org, session_id).await?;
    Ok(latest
        .iter()
        .filter(|k| {
            latest
                .iter()
                .any(|o| o.person_id == k.person_id && o.status != k.status)
        })
        .cloned()
        .collect())
}
