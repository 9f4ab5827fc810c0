//! What coordinators are told without asking: sessions soon without the facilitators
//! their phase needs, and a weekly digest. Both run from cron ticks.

use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::reminders::MessageKind;
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::reminders::NewMessage;
use peergroup_store::{Result, Store};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// A message to one coordinator of `org`, due `now`, about a session or not.
fn to_user(
    (org, user): (Id, Id),
    kind: MessageKind,
    key: String,
    session: Option<Id>,
    now: DateTime<Utc>,
) -> NewMessage {
    NewMessage {
        org_id: org,
        kind,
        dedupe_key: key,
        session_id: session,
        person_id: None,
        user_id: Some(user),
        subject_id: None,
        send_at: now,
    }
}

/// Runs a roles check: one notice per coordinator per session soon without its lead
/// roles, once per session version (a moved session is checked again).
pub async fn notify_role_gaps(store: &Store, job: &ClaimedJob) -> Result<u64> {
    let gaps = store.role_gaps().await?;
    let now = store.clock().now();
    let tx = store.begin().await?;
    let mut messages = Vec::new();
    let mut staff: HashMap<Id, Vec<Id>> = HashMap::new();
    for gap in &gaps {
        if let Entry::Vacant(e) = staff.entry(gap.org_id) {
            e.insert(tx.coordinators(gap.org_id).await?);
        }
        for &u in &staff[&gap.org_id] {
            let key = format!("u{u}:roles:s{}:q{}", gap.session_id, gap.sequence);
            let kind = MessageKind::RolesMissing;
            messages.push(to_user(
                (gap.org_id, u),
                kind,
                key,
                Some(gap.session_id),
                now,
            ));
        }
    }
    let n = tx.queue_messages(&messages, now).await?;
    tx.finish_job(job, &JobOutcome::Done, now).await?;
    tx.commit().await?;
    Ok(n)
}

/// Runs the weekly digest tick scheduled for `week_start`: one digest per coordinator of
/// every organization with an active group. Its figures are read when it is sent, for the
/// 7 days from when it was written.
pub async fn queue_weekly_digests(
    store: &Store,
    job: &ClaimedJob,
    week_start: DateTime<Utc>,
) -> Result<u64> {
    let now = store.clock().now();
    let tx = store.begin().await?;
    let day = week_start.format("%Y-%m-%d");
    let messages: Vec<NewMessage> = tx
        .digest_readers()
        .await?
        .into_iter()
        .map(|(u, org)| {
            let key = format!("u{u}:digest:{day}");
            to_user((org, u), MessageKind::WeeklyDigest, key, None, now)
        })
        .collect();
    let n = tx.queue_messages(&messages, now).await?;
    tx.finish_job(job, &JobOutcome::Done, now).await?;
    tx.commit().await?;
    Ok(n)
}
