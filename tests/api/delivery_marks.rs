//! Marks made at the same moment (several sends in flight) go in together on PostgreSQL: each
//! must still land on its own message and job exactly as it would alone, fenced by its own
//! claim, and one the database refuses must not take the others down.

use chrono::{DateTime, Duration, TimeZone, Utc};
use peergroup_blackbox::TestApp;
use peergroup_domain::jobs::JobKind;
use peergroup_domain::reminders::{Channel, MessageKind};
use peergroup_store::Store;
use peergroup_store::jobs::{ClaimedJob, JobOutcome};
use peergroup_store::messages::{DeliveryOutcome, Sent};
use peergroup_store::reminders::NewMessage;
use sea_orm::{ConnectionTrait, Statement};

/// Queues `n` messages of one organization, each with its delivery job, and claims the jobs.
async fn claimed(store: &Store, org: i64, batch: &str, n: usize) -> Vec<(ClaimedJob, i64)> {
    let now = store.clock().now();
    let tx = store.begin().await.unwrap();
    let messages: Vec<NewMessage> = (0..n)
        .map(|i| NewMessage {
            org_id: org,
            kind: MessageKind::WeeklyDigest,
            dedupe_key: format!("{batch}:{i}"),
            session_id: None,
            person_id: None,
            user_id: None,
            subject_id: None,
            send_at: now,
        })
        .collect();
    assert_eq!(tx.queue_messages(&messages, now).await.unwrap(), n as u64);
    tx.commit().await.unwrap();
    let jobs = store
        .claim_jobs("marks", n as u32, std::time::Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(jobs.len(), n);
    let mut jobs: Vec<(ClaimedJob, i64)> = jobs
        .into_iter()
        .map(|j| {
            assert_eq!(j.kind, JobKind::DeliverMessage.as_str());
            let message = j.payload["message_id"].as_i64().unwrap();
            (j, message)
        })
        .collect();
    jobs.sort_by_key(|(_, m)| *m);
    jobs
}

/// A message's and its job's columns after marking, as text.
#[derive(Debug, PartialEq)]
struct Row {
    state: String,
    attempts: i32,
    last_error: Option<String>,
    locale: Option<String>,
    channel: Option<String>,
    segments: Option<i32>,
    gateway_ref: Option<String>,
    sent_at: Option<DateTime<Utc>>,
    send_at: DateTime<Utc>,
    job_state: String,
    job_attempts: i32,
    run_at: DateTime<Utc>,
    job_error: Option<String>,
    locked: bool,
}

async fn row(store: &Store, message: i64) -> Row {
    let db = store.write_connection();
    let r = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT m.state, m.attempts, m.last_error, m.locale, m.channel, m.segments, \
                 m.gateway_ref, m.sent_at, m.send_at, j.state AS job_state, \
                 j.attempts AS job_attempts, j.run_at, j.last_error AS job_error, \
                 j.locked_until FROM messages m JOIN jobs j ON j.dedupe_key = \
                 'deliver:' || CAST(m.id AS VARCHAR(20)) WHERE m.id = {message}"
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    Row {
        state: r.try_get("", "state").unwrap(),
        attempts: r.try_get("", "attempts").unwrap(),
        last_error: r.try_get("", "last_error").unwrap(),
        locale: r.try_get("", "locale").unwrap(),
        channel: r.try_get("", "channel").unwrap(),
        segments: r.try_get("", "segments").unwrap(),
        gateway_ref: r.try_get("", "gateway_ref").unwrap(),
        sent_at: r.try_get("", "sent_at").unwrap(),
        send_at: r.try_get("", "send_at").unwrap(),
        job_state: r.try_get("", "job_state").unwrap(),
        job_attempts: r.try_get("", "job_attempts").unwrap(),
        run_at: r.try_get("", "run_at").unwrap(),
        job_error: r.try_get("", "job_error").unwrap(),
        locked: r
            .try_get::<Option<DateTime<Utc>>>("", "locked_until")
            .unwrap()
            .is_some(),
    }
}

/// Records every outcome at the same moment; their results in the order given.
async fn at_once(
    store: &Store,
    marks: impl Iterator<Item = (ClaimedJob, i64, DeliveryOutcome)>,
) -> Vec<peergroup_store::Result<()>> {
    let mut running = tokio::task::JoinSet::new();
    for (i, (job, message, outcome)) in marks.enumerate() {
        let store = store.clone();
        running.spawn(async move { (i, store.record_delivery(&job, message, &outcome).await) });
    }
    let mut done: Vec<_> = running.join_all().await;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn sms(i: i32) -> DeliveryOutcome {
    DeliveryOutcome::Sent(Sent {
        locale: "ar".into(),
        sequence: Some(i),
        channel: Channel::Sms,
        segments: Some(2),
        gateway_ref: Some(format!("gw-{i}")),
    })
}

#[tokio::test]
async fn marks_made_at_once_each_land_as_alone_fenced_by_their_own_claim() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let now = Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap();
    app.clock.set(now);
    let (org, _) = store
        .ensure_organization(
            &peergroup_domain::values::Slug::parse("marks").unwrap(),
            &peergroup_domain::values::Name::parse("Marks").unwrap(),
        )
        .await
        .unwrap();
    let jobs = claimed(&store, org.id, "a", 12).await;
    let retry_at = now + Duration::minutes(5);
    let until = now + Duration::hours(8);
    let outcome = |i: usize| match i {
        10 => DeliveryOutcome::Deferred { until },
        _ => match i % 4 {
            0 => sms(i as i32),
            1 => DeliveryOutcome::Sent(Sent {
                locale: "en".into(),
                sequence: None,
                channel: Channel::Email,
                segments: None,
                gateway_ref: None,
            }),
            2 => DeliveryOutcome::Skipped {
                why: "the session was cancelled or has started".into(),
            },
            _ => DeliveryOutcome::Failed(JobOutcome::RetryAt {
                at: retry_at,
                error: "the gateway is busy".into(),
            }),
        },
    };
    // All at once; the claim of the last was lost to another worker.
    let marks = jobs.iter().enumerate().map(|(i, (job, message))| {
        let mut job = job.clone();
        if i == 11 {
            job.lease_token = "another worker's".into();
        }
        (job, *message, outcome(i))
    });
    let before = store.marks_written();
    for done in at_once(&store, marks).await {
        done.unwrap();
    }
    if let (Some(before), Some(after)) = (before, store.marks_written()) {
        // PostgreSQL: together, in fewer statements than marks.
        assert_eq!(after.marks - before.marks, 12);
        assert!(
            after.statements - before.statements < 12,
            "{before:?} {after:?}"
        );
    }

    // As claimed: the message queued, its job running and held.
    let as_claimed = || Row {
        state: "queued".into(),
        attempts: 0,
        last_error: None,
        locale: None,
        channel: None,
        segments: None,
        gateway_ref: None,
        sent_at: None,
        send_at: now,
        job_state: "running".into(),
        job_attempts: 1,
        run_at: now,
        job_error: None,
        locked: true,
    };
    // An attempt made, the job done and let go.
    let attempted = || Row {
        attempts: 1,
        job_state: "done".into(),
        locked: false,
        ..as_claimed()
    };
    let sent = |locale: &str, channel: &str, segments, gateway_ref| Row {
        state: "sent".into(),
        locale: Some(locale.into()),
        channel: Some(channel.into()),
        segments,
        gateway_ref,
        sent_at: Some(now),
        ..attempted()
    };
    for (i, (_, message)) in jobs.iter().enumerate() {
        let expected = match (i, i % 4) {
            (10, _) => Row {
                send_at: until,
                job_state: "queued".into(),
                job_attempts: 0,
                run_at: until,
                job_error: Some("waiting for the end of quiet hours".into()),
                locked: false,
                ..as_claimed()
            },
            // Untouched: its job stays with the worker that holds it.
            (11, _) => as_claimed(),
            (_, 0) => sent("ar", "sms", Some(2), Some(format!("gw-{i}"))),
            (_, 1) => sent("en", "email", None, None),
            (_, 2) => Row {
                state: "skipped".into(),
                last_error: Some("the session was cancelled or has started".into()),
                ..attempted()
            },
            _ => Row {
                state: "retrying".into(),
                last_error: Some("the gateway is busy".into()),
                job_state: "queued".into(),
                run_at: retry_at,
                job_error: Some("the gateway is busy".into()),
                ..attempted()
            },
        };
        assert_eq!(row(&store, *message).await, expected, "message {i}");
    }

    // A mark the database refuses (PostgreSQL keeps no NUL in text) fails alone: the marks
    // that came with it land.
    let jobs = claimed(&store, org.id, "b", 3).await;
    let marks = jobs.iter().enumerate().map(|(i, (job, message))| {
        let outcome = match i {
            1 => DeliveryOutcome::Skipped {
                why: "a gateway's \0 byte".into(),
            },
            _ => sms(i as i32),
        };
        (job.clone(), *message, outcome)
    });
    let done = at_once(&store, marks).await;
    for i in [0, 2] {
        assert!(done[i].is_ok(), "{:?}", done[i]);
        assert_eq!(
            row(&store, jobs[i].1).await,
            sent("ar", "sms", Some(2), Some(format!("gw-{i}")))
        );
    }
    let refused = row(&store, jobs[1].1).await;
    if peergroup_blackbox::on_postgres() {
        assert!(done[1].is_err());
        assert_eq!(refused, as_claimed(), "left as claimed");
    } else {
        assert!(done[1].is_ok(), "{:?}", done[1]);
        assert_eq!(refused.state, "skipped");
    }
    app.stop().await;
}
