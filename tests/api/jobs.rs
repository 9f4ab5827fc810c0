//! The job queue on the real database: one row per key, one holder per job, leases that
//! expire, and outcomes fenced by the claim that holds the job.

use peergroup_blackbox::TestApp;
use peergroup_domain::clock::Clock;
use peergroup_domain::jobs::{JobKind, NoopJob};
use peergroup_store::jobs::{JobOutcome, NewJob};
use std::collections::HashSet;
use std::time::Duration;

fn noop(key: &str, app: &TestApp) -> NewJob {
    NewJob::new(JobKind::Noop, &NoopJob {}, app.clock.now()).key(key)
}

#[tokio::test]
async fn a_key_makes_one_job_and_a_dead_workers_job_is_taken_again_once_its_lease_ends() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let jobs = [noop("k1", &app), noop("k1", &app), noop("k2", &app)];
    assert_eq!(store.enqueue_jobs(&jobs).await.unwrap(), 2);
    assert_eq!(store.enqueue_jobs(&jobs[..1]).await.unwrap(), 0);

    let first = store
        .claim_jobs("w1", 10, Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(first.len(), 2);
    assert!(first.iter().all(|j| j.attempts == 1));
    // Held: nobody else gets them.
    assert!(
        store
            .claim_jobs("w2", 10, Duration::from_secs(60))
            .await
            .unwrap()
            .is_empty()
    );
    // w1 dies; after the lease, w2 takes them.
    app.clock.advance(chrono::Duration::seconds(61));
    let second = store
        .claim_jobs("w2", 10, Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(second.len(), 2);
    assert!(second.iter().all(|j| j.attempts == 2));
    // w1 wakes up: its outcome no longer counts.
    assert!(
        !store
            .finish_job(&first[0], &JobOutcome::Done)
            .await
            .unwrap()
    );
    assert!(
        store
            .finish_job(&second[0], &JobOutcome::Done)
            .await
            .unwrap()
    );
    let retry_at = app.clock.now() + chrono::Duration::minutes(5);
    let retry = JobOutcome::RetryAt {
        at: retry_at,
        error: "451".into(),
    };
    assert!(store.finish_job(&second[1], &retry).await.unwrap());
    let counts = store.job_counts().await.unwrap();
    assert_eq!((counts.done, counts.retrying, counts.running), (1, 1, 0));
    // Not before its time.
    assert!(
        store
            .claim_jobs("w3", 10, Duration::from_secs(60))
            .await
            .unwrap()
            .is_empty()
    );
    app.clock.advance(chrono::Duration::minutes(5));
    let third = store
        .claim_jobs("w3", 10, Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(third.len(), 1);
    assert_eq!(third[0].attempts, 3);
    let dead = JobOutcome::Dead {
        error: "550 no such mailbox".into(),
    };
    assert!(store.finish_job(&third[0], &dead).await.unwrap());
    assert_eq!(store.job_counts().await.unwrap().dead, 1);
    app.stop().await;
}

#[tokio::test]
async fn workers_claiming_at_the_same_time_each_get_different_jobs() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let jobs: Vec<NewJob> = (0..300).map(|i| noop(&format!("n{i}"), &app)).collect();
    assert_eq!(store.enqueue_jobs(&jobs).await.unwrap(), 300);
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..6 {
        let store = store.clone();
        workers.spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = store
                    .claim_jobs(&format!("w{w}"), 7, Duration::from_secs(60))
                    .await
                    .unwrap();
                if got.is_empty() {
                    return mine;
                }
                for j in got {
                    assert!(store.finish_job(&j, &JobOutcome::Done).await.unwrap());
                    mine.push(j.id);
                }
            }
        });
    }
    let mut seen = HashSet::new();
    while let Some(ids) = workers.join_next().await {
        for id in ids.unwrap() {
            assert!(seen.insert(id), "job {id} was claimed twice");
        }
    }
    assert_eq!(seen.len(), 300);
    assert_eq!(store.job_counts().await.unwrap().done, 300);
    app.stop().await;
}

#[tokio::test]
async fn the_servers_own_worker_runs_due_jobs_and_stops_cleanly() {
    let app = TestApp::spawn_with(|config| {
        config.jobs.enabled = true;
        config.jobs.idle_poll_ms = 20;
    })
    .await;
    let store = app.server().store.clone();
    let jobs: Vec<NewJob> = (0..40).map(|i| noop(&format!("w{i}"), &app)).collect();
    store.enqueue_jobs(&jobs).await.unwrap();
    // A job for later stays queued until the clock gets there.
    let later = NewJob::new(
        JobKind::Noop,
        &NoopJob {},
        app.clock.now() + chrono::Duration::hours(1),
    );
    store.enqueue_jobs(&[later]).await.unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while store.job_counts().await.unwrap().done < 40 {
        assert!(
            std::time::Instant::now() < deadline,
            "the worker did not run the jobs"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let counts = store.job_counts().await.unwrap();
    assert_eq!((counts.done, counts.queued, counts.dead), (40, 1, 0));
    app.clock.advance(chrono::Duration::hours(1));
    while store.job_counts().await.unwrap().done < 41 {
        assert!(
            std::time::Instant::now() < deadline,
            "the later job did not run"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    app.stop().await;
}

#[tokio::test]
async fn a_worker_whose_stop_signal_is_gone_finishes_its_jobs_and_returns() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let jobs: Vec<NewJob> = (0..40).map(|i| noop(&format!("g{i}"), &app)).collect();
    store.enqueue_jobs(&jobs).await.unwrap();
    let rt = app.job_runtime(&app.config).await;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(peergroup_jobs::run(std::sync::Arc::new(rt), stopped));
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while store.job_counts().await.unwrap().done < 40 {
        assert!(std::time::Instant::now() < deadline, "the worker stalled");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Dropped without saying stop: the worker neither spins nor runs on.
    drop(stop);
    tokio::time::timeout(Duration::from_secs(5), worker)
        .await
        .expect("the worker returned")
        .unwrap();
    let counts = store.job_counts().await.unwrap();
    assert_eq!((counts.done, counts.running, counts.queued), (40, 0, 0));
    app.stop().await;
}

#[tokio::test]
async fn the_daily_sweep_deletes_done_jobs_after_two_weeks_and_keeps_dead_and_waiting_ones() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let mut jobs: Vec<NewJob> = (0..30).map(|i| noop(&format!("old{i}"), &app)).collect();
    jobs.push(noop("dies", &app));
    // Due in three weeks: still waiting when the sweep runs.
    jobs.push(
        NewJob::new(
            JobKind::Noop,
            &NoopJob {},
            app.clock.now() + chrono::Duration::days(21),
        )
        .key("later"),
    );
    store.enqueue_jobs(&jobs).await.unwrap();
    let claimed = store
        .claim_jobs("w", 100, Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 31);
    for j in &claimed {
        let outcome = if j.id == claimed[30].id {
            JobOutcome::Dead {
                error: "550".into(),
            }
        } else {
            JobOutcome::Done
        };
        assert!(store.finish_job(j, &outcome).await.unwrap());
    }
    // Thirteen days on: nothing is old enough.
    app.clock.advance(chrono::Duration::days(13));
    app.queue_tick(JobKind::PruneJobs, app.clock.now()).await;
    app.run_jobs_with(&app.config).await;
    assert_eq!(store.job_counts().await.unwrap().done, 31, "30 + the sweep");
    // Fifteen days on, the next sweep deletes the 30; the sweeps themselves are recent.
    app.clock.advance(chrono::Duration::days(2));
    app.queue_tick(JobKind::PruneJobs, app.clock.now()).await;
    app.run_jobs_with(&app.config).await;
    let counts = store.job_counts().await.unwrap();
    assert_eq!(counts.done, 2, "the two sweeps: {counts:?}");
    assert_eq!(counts.dead, 1, "dead jobs stay to be retried");
    assert_eq!(counts.queued, 1, "the job due later waits");
    app.stop().await;
}
