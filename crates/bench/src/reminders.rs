//! Reminder benchmarks (issue 6), each next to a ceiling measured in the same run:
//!
//! - planning a week of reminders across many groups, next to the bare SELECT of the same
//!   sessions and a bare INSERT of as many job rows;
//! - delivering reminders to a local SMTP sink through the worker, next to a bare lettre
//!   loop sending messages of the same size through the same kind of pool;
//! - the job queue's claim-and-complete rate with no-op jobs, next to single-row UPDATEs of
//!   the same table through the same connection.

use crate::schedule::placeholders;
use chrono::{Datelike, Duration, Timelike, Utc};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mailin_embedded::{Handler, Response, Server, response};
use peergroup_app::reminders;
use peergroup_domain::group::Weekday;
use peergroup_domain::jobs::{JobKind, NoopJob};
use peergroup_domain::org::OrgSettings;
use peergroup_jobs::Runtime;
use peergroup_store::Store;
use peergroup_store::jobs::NewJob;
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait, Value};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// An SMTP server that counts what it accepts and keeps nothing.
#[derive(Clone)]
struct Sink(Arc<AtomicUsize>);

impl Handler for Sink {
    fn data(&mut self, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
    fn data_end(&mut self) -> Response {
        self.0.fetch_add(1, Ordering::Relaxed);
        response::OK
    }
}

fn start_sink() -> anyhow::Result<(String, Arc<AtomicUsize>)> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let url = format!("smtp://{}", listener.local_addr()?);
    let count = Arc::new(AtomicUsize::new(0));
    let mut server = Server::new(Sink(count.clone()));
    server
        .with_name("sink.bench")
        .with_num_threads(64)
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    Ok((url, count))
}

pub async fn run(url: &str, pool: u32, groups: usize) -> anyhow::Result<()> {
    let store = crate::open_store(url, pool).await?;
    let backend = store.backend();
    println!("backend: {backend:?}, pool: {pool}");
    plan(&store, groups).await?;
    deliver(&store).await?;
    queue(&store).await?;
    store.close().await;
    Ok(())
}

/// How the participants of a benchmark's groups are reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    Email,
    Sms,
}

/// Groups of the tang-2015 template meeting weekly from `start`, each with `people`
/// participants who agreed to reminders and are reached as `reach` says.
pub(crate) async fn groups_at(
    store: &Store,
    org: i64,
    (n, people): (usize, usize),
    start: chrono::DateTime<Utc>,
    reach: Reach,
) -> anyhow::Result<Vec<i64>> {
    let template = peergroup_domain::templates::find("tang-2015").unwrap();
    let program = store
        .create_program(org, &template.program, Some("tang-2015"))
        .await?;
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let spec = serde_json::from_value(json!({
            "program_id": program.id, "name": format!("Group {i}"), "languages": ["en"],
            "timezone": "UTC", "venue": {"name": format!("Hall {i}")},
            "start_date": start.format("%Y-%m-%d").to_string(),
            "weekdays": [Weekday::ALL[start.weekday().num_days_from_monday() as usize]],
            "start_time": format!("{:02}:{:02}", start.hour(), start.minute()),
            "capacity": 12
        }))?;
        let g = store.create_group(org, &spec).await?.id;
        for p in 0..people {
            let mut person = json!({
                "display_name": format!("P {i}-{p}"), "preferred_language": "en"
            });
            match reach {
                Reach::Email => person["email"] = json!(format!("p{i}-{p}@example.org")),
                Reach::Sms => {
                    person["phone"] = json!(format!("+1778{:07}", 2_000_000 + i * people + p));
                    person["preferred_channel"] = json!("sms");
                }
            }
            // Agreed to reminders by the one channel they have.
            person["consent"] = json!({"email_reminders": person["email"].is_string(),
                "sms_reminders": person["phone"].is_string(), "source": "on_paper"});
            let person = serde_json::from_value(person)?;
            let person = store.create_person(org, &person, crate::SEEDED).await?;
            peergroup_app::enrollments::enroll(store, org, g, person.id).await?;
        }
        peergroup_app::schedules::generate(store, org, g, false).await?;
        ids.push(g);
    }
    Ok(ids)
}

async fn analyze(store: &Store) -> anyhow::Result<()> {
    // This machine's PostgreSQL runs with autovacuum off: clear the dead rows and gather
    // the statistics it would, and write out the set-up's dirty pages now rather than in
    // the middle of a measure.
    if store.backend() == DbBackend::Postgres {
        let db = store.write_connection();
        db.execute_unprepared("VACUUM ANALYZE").await?;
        db.execute_unprepared("CHECKPOINT").await?;
    }
    Ok(())
}

/// Planning a week of reminders across `groups` groups.
async fn plan(store: &Store, groups: usize) -> anyhow::Result<()> {
    let (org, _) = store
        .ensure_organization(
            &peergroup_domain::values::Slug::parse("plan").unwrap(),
            &peergroup_domain::values::Name::parse("Plan").unwrap(),
        )
        .await?;
    let t = Instant::now();
    // Starting tomorrow: every group has sessions in the planning window.
    groups_at(
        store,
        org.id,
        (groups, 0),
        Utc::now() + Duration::days(1),
        Reach::Email,
    )
    .await?;
    let setup = t.elapsed();
    analyze(store).await?;

    let t = Instant::now();
    let first = reminders::plan(store, Duration::hours(168)).await?;
    let planning = t.elapsed();
    let t = Instant::now();
    let again = reminders::plan(store, Duration::hours(168)).await?;
    let replanning = t.elapsed();

    // Ceilings: the planner's SELECT of the window's sessions alone, and as many job rows
    // inserted raw in 500-row statements in one transaction.
    let now = Utc::now();
    let read = store.read_connection();
    let backend = store.backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT s.id, s.org_id, s.sequence, s.starts_at, g.program_id, g.timezone \
             FROM peer_groups g CROSS JOIN sessions s \
             WHERE g.status IN ('planned', 'enrolling', 'running') \
             AND s.group_id = g.id AND s.org_id = g.org_id \
             AND s.starts_at > $1 AND s.starts_at <= $2 AND s.status = 'scheduled'"
        }
        _ => {
            "SELECT s.id, s.org_id, s.sequence, s.starts_at, g.program_id, g.timezone \
             FROM peer_groups g CROSS JOIN sessions s \
             WHERE g.status IN ('planned', 'enrolling', 'running') \
             AND s.group_id = g.id AND s.org_id = g.org_id \
             AND s.starts_at > ? AND s.starts_at <= ? AND s.status = 'scheduled'"
        }
    };
    let t = Instant::now();
    let rows = read
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [now.into(), (now + Duration::hours(168 + 720)).into()],
        ))
        .await?;
    let select = t.elapsed();
    let jobs = first.jobs_new as usize;
    analyze(store).await?;
    let write = store.write_connection();
    let t = Instant::now();
    let txn = write.begin().await?;
    for chunk in (0..jobs).collect::<Vec<_>>().chunks(500) {
        let sql = format!(
            "INSERT INTO jobs (kind, dedupe_key, payload, state, attempts, max_attempts, run_at, created_at, updated_at) VALUES {}",
            placeholders(backend, chunk.len(), 9)
        );
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 9);
        for i in chunk {
            values.extend::<[Value; 9]>([
                "ceiling".into(),
                format!("ceiling:{i}").into(),
                json!({"session_id": i, "audience": "participants", "hours_before": 24, "sequence": 0}).into(),
                "done".into(),
                0i32.into(),
                8i32.into(),
                now.into(),
                now.into(),
                now.into(),
            ]);
        }
        txn.execute_raw(Statement::from_sql_and_values(backend, &sql, values))
            .await?;
    }
    txn.commit().await?;
    let insert = t.elapsed();
    // On PostgreSQL the planner sends its rows as JSON documents of 10,000: the same, raw.
    let insert_json = if backend == DbBackend::Postgres {
        let t = Instant::now();
        let txn = write.begin().await?;
        for chunk in (0..jobs).collect::<Vec<_>>().chunks(10_000) {
            let rows: Vec<serde_json::Value> = chunk
                .iter()
                .map(|i| {
                    json!({"dedupe_key": format!("ceiling-json:{i}"),
                           "payload": {"session_id": i, "audience": "participants",
                                       "hours_before": 24, "sequence": 0},
                           "run_at": now})
                })
                .collect();
            txn.execute_raw(Statement::from_sql_and_values(
                backend,
                "INSERT INTO jobs (kind, dedupe_key, payload, state, attempts, max_attempts, \
                 run_at, created_at, updated_at) \
                 SELECT 'ceiling', t.dedupe_key, t.payload, 'done', 0, 8, t.run_at, $2, $2 \
                 FROM json_to_recordset($1::json) \
                 AS t(dedupe_key text, payload json, run_at timestamptz)",
                [serde_json::Value::from(rows).to_string().into(), now.into()],
            ))
            .await?;
        }
        txn.commit().await?;
        Some(t.elapsed())
    } else {
        None
    };
    let ceiling = insert_json.map_or(insert, |j| j.min(insert));
    // Out of the way of the delivery runs: the planned jobs (no participants) and groups.
    write.execute_unprepared("DELETE FROM jobs").await?;
    write
        .execute_unprepared(&format!(
            "UPDATE peer_groups SET status = 'cancelled' WHERE org_id = {}",
            org.id
        ))
        .await?;

    println!(
        "\n### Planning a week of reminders: {groups} groups (set up in {:.0} s)\n",
        setup.as_secs_f64()
    );
    println!("| measure | time | rows |");
    println!("| --- | ---: | ---: |");
    println!(
        "| plan_reminders, first run | {:.3} s | {} sessions, {} jobs |",
        planning.as_secs_f64(),
        first.sessions,
        first.jobs_new
    );
    println!(
        "| plan_reminders again (every job already queued) | {:.3} s | {} sessions, {} new jobs |",
        replanning.as_secs_f64(),
        again.sessions,
        again.jobs_new
    );
    println!(
        "| ceiling: the planner's SELECT alone | {:.3} s | {} sessions |",
        select.as_secs_f64(),
        rows.len()
    );
    println!(
        "| ceiling: raw INSERT of {jobs} job rows, 500 a statement, one transaction | {:.3} s | {jobs} |",
        insert.as_secs_f64()
    );
    if let Some(j) = insert_json {
        println!(
            "| ceiling: raw INSERT of {jobs} job rows as JSON, 10,000 a statement, one transaction | {:.3} s | {jobs} |",
            j.as_secs_f64()
        );
    }
    println!(
        "| planner's rate / (SELECT + the faster INSERT) | {:.0}% | |",
        100.0 * (select + ceiling).as_secs_f64() / planning.as_secs_f64()
    );
    Ok(())
}

/// A message about as big as a reminder (text and HTML).
fn bare_message(i: usize) -> anyhow::Result<Message> {
    let text = format!(
        "Hello P {i},\n\nYour group meets on Wednesday, March 17, 2027 at 10:00 AM.\nPlace: Hall\nAddress: 1 Example St\nThe session lasts 90 minutes.\nChildcare is available for you.\nCan't come? Please tell us. Tap here:\nI can't come: http://127.0.0.1:8080/r/{}\nYour Group team\n",
        "x".repeat(120)
    );
    let html = format!(
        "<!doctype html><html lang=\"en\"><body><p>{}</p></body></html>",
        text.replace('\n', "</p><p>")
    );
    Ok(Message::builder()
        .from("peergroup <no-reply@peergroup.invalid>".parse::<Mailbox>()?)
        .to(format!("P {i} <p{i}@example.org>").parse::<Mailbox>()?)
        .subject("Reminder: Group on Wednesday, March 17, 2027")
        .multipart(MultiPart::alternative_plain_html(text, html))?)
}

/// Puts every message and its delivery job back in the queue, to deliver them again.
pub(crate) async fn queue_again(store: &Store) -> anyhow::Result<()> {
    let write = store.write_connection();
    for sql in [
        "UPDATE messages SET state = 'queued', attempts = 0",
        "UPDATE jobs SET state = 'queued', attempts = 0, locked_until = NULL \
         WHERE kind = 'deliver_message'",
    ] {
        write.execute_unprepared(sql).await?;
    }
    // Queuing them again left a dead version of every row, which fresh messages would not
    // have and autovacuum (off on this machine) would clear. It would also gather statistics
    // on the messages, which were not there at the last ANALYZE: without them the read of a
    // claim's messages is planned for an empty table.
    if store.backend() == DbBackend::Postgres {
        write
            .execute_unprepared("VACUUM ANALYZE messages, jobs")
            .await?;
    }
    Ok(())
}

/// Sends `n` messages through a fresh pool, `parallel` at a time; messages per second.
async fn bare_lettre(url: &str, n: usize, parallel: usize) -> anyhow::Result<f64> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
        .pool_config(PoolConfig::new().max_size(8))
        .build();
    let messages: Vec<Message> = (0..n).map(bare_message).collect::<anyhow::Result<_>>()?;
    let t = Instant::now();
    if parallel == 1 {
        for m in messages {
            transport.send(m).await?;
        }
    } else {
        let queue = Arc::new(std::sync::Mutex::new(messages));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..parallel {
            let (transport, queue) = (transport.clone(), queue.clone());
            tasks.spawn(async move {
                loop {
                    let Some(m) = queue.lock().unwrap().pop() else {
                        return Ok::<_, anyhow::Error>(());
                    };
                    transport.send(m).await?;
                }
            });
        }
        while let Some(r) = tasks.join_next().await {
            r??;
        }
    }
    Ok(n as f64 / t.elapsed().as_secs_f64())
}

/// The worker as the server runs it, sending through `smtp`.
fn runtime(store: &Store, smtp: &str, parallel_sends: u32) -> anyhow::Result<Runtime> {
    let config = peergroup::Config::load_from(
        None,
        [
            ("PEERGROUP__MAIL__TRANSPORT".to_string(), "smtp".to_string()),
            ("PEERGROUP__MAIL__SMTP_URL".to_string(), smtp.to_string()),
            (
                "PEERGROUP__MAIL__PARALLEL_SENDS".to_string(),
                parallel_sends.to_string(),
            ),
            ("PEERGROUP__JOBS__IDLE_POLL_MS".to_string(), "5".to_string()),
        ],
    )?;
    peergroup::jobs::runtime(
        &config,
        store,
        peergroup_notify::links::LinkSigner::new(vec![7; 32]),
    )
}

/// Runs the worker until `done` holds, asked every `poll`; seconds taken.
pub(crate) async fn run_worker_until<F, Fut>(
    rt: Runtime,
    poll: std::time::Duration,
    done: F,
) -> anyhow::Result<f64>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<bool>>,
{
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let t = Instant::now();
    let worker = tokio::spawn(peergroup_jobs::run(Arc::new(rt), stopped));
    while !done().await? {
        tokio::time::sleep(poll).await;
        anyhow::ensure!(t.elapsed().as_secs() < 600, "the worker stalled");
    }
    let took = t.elapsed().as_secs_f64();
    stop.send(true)?;
    worker.await?;
    Ok(took)
}

/// How often a run checks the sink's counter, which costs nothing.
pub(crate) const COUNTER_POLL: std::time::Duration = std::time::Duration::from_millis(5);

/// Delivering reminders to a local SMTP sink.
async fn deliver(store: &Store) -> anyhow::Result<()> {
    let (org, _) = store
        .ensure_organization(
            &peergroup_domain::values::Slug::parse("deliver").unwrap(),
            &peergroup_domain::values::Name::parse("Deliver").unwrap(),
        )
        .await?;
    store
        .update_org_settings(
            org.id,
            &OrgSettings {
                quiet_hours_start: "00:00".into(),
                quiet_hours_end: "00:00".into(),
                ..OrgSettings::default()
            },
        )
        .await?;
    // 100 groups of 12 meeting in 6 hours: each participant's 24-hour reminder is due now.
    let n = 100 * 12;
    groups_at(
        store,
        org.id,
        (100, 12),
        Utc::now() + Duration::hours(6),
        Reach::Email,
    )
    .await?;
    analyze(store).await?;
    let (url, received) = start_sink()?;

    let bare_1 = bare_lettre(&url, n, 1).await?;
    let bare_16 = bare_lettre(&url, n, 16).await?;

    // The whole pipeline: planning, one fan-out job per session, one delivery per person.
    reminders::plan(store, Duration::hours(168)).await?;
    let before = received.load(Ordering::Relaxed);
    let count = || {
        let received = received.clone();
        async move { Ok(received.load(Ordering::Relaxed) >= before + n) }
    };
    let pipeline = run_worker_until(runtime(store, &url, 1)?, COUNTER_POLL, count).await?;

    // Delivery alone: the same messages queued again, for each number of parallel sends.
    let mut delivery = Vec::new();
    for parallel in [1u32, 4, 16] {
        queue_again(store).await?;
        let before = received.load(Ordering::Relaxed);
        let count = || {
            let received = received.clone();
            async move { Ok(received.load(Ordering::Relaxed) >= before + n) }
        };
        delivery.push((
            parallel,
            run_worker_until(runtime(store, &url, parallel)?, COUNTER_POLL, count).await?,
        ));
    }

    println!("\n### Delivering {n} reminders to a local SMTP sink (pool of 8 connections)\n");
    println!("| measure | messages/s | % of bare lettre loop |");
    println!("| --- | ---: | ---: |");
    println!("| ceiling: bare lettre loop, one send at a time | {bare_1:.0} | 100% |");
    println!(
        "| bare lettre, 16 sends at a time | {bare_16:.0} | {:.0}% |",
        100.0 * bare_16 / bare_1
    );
    let rate = n as f64 / pipeline;
    println!(
        "| peergroup: plan, fan out and deliver (parallel_sends 1, the default) | {rate:.0} | {:.0}% |",
        100.0 * rate / bare_1
    );
    for (parallel, secs) in delivery {
        let rate = n as f64 / secs;
        println!(
            "| peergroup: deliver queued messages, parallel_sends {parallel} | {rate:.0} | {:.0}% |",
            100.0 * rate / bare_1
        );
    }
    Ok(())
}

/// Claim-and-complete of no-op jobs against single-row UPDATEs of the jobs table.
async fn queue(store: &Store) -> anyhow::Result<()> {
    let n = 20_000usize;
    let now = Utc::now();
    let jobs: Vec<NewJob> = (0..n)
        .map(|i| NewJob::new(JobKind::Noop, &NoopJob {}, now).key(format!("noop:{i}")))
        .collect();
    store.enqueue_jobs(&jobs).await?;
    analyze(store).await?;
    let done_before = store.job_counts().await?.done;
    let done = || async { Ok(store.job_counts().await?.done >= done_before + n as i64) };
    let (url, _) = start_sink()?;
    // Counting jobs by state reads the whole table: asked every 5 ms it took a core from
    // the database. A tenth of a second is under 1% of the run.
    let poll = std::time::Duration::from_millis(100);
    let worker = run_worker_until(runtime(store, &url, 1)?, poll, done).await?;

    // Ceiling: one single-row UPDATE per job, in its own transaction, through the same
    // write connection.
    let write = store.write_connection();
    let backend = store.backend();
    let ids: Vec<i64> = write
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id FROM jobs WHERE kind = 'noop' ORDER BY id",
        ))
        .await?
        .into_iter()
        .map(|r| r.try_get::<i64>("", "id"))
        .collect::<Result<_, _>>()?;
    let sql = match backend {
        DbBackend::Postgres => "UPDATE jobs SET state = 'done', updated_at = $1 WHERE id = $2",
        _ => "UPDATE jobs SET state = 'done', updated_at = ? WHERE id = ?",
    };
    let t = Instant::now();
    for id in &ids {
        write
            .execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [Utc::now().into(), (*id).into()],
            ))
            .await?;
    }
    let raw = t.elapsed().as_secs_f64();
    println!("\n### The job queue: {n} no-op jobs, worker concurrency 16\n");
    println!("| measure | jobs/s | % of raw UPDATE |");
    println!("| --- | ---: | ---: |");
    println!(
        "| ceiling: single-row UPDATE, one per job | {:.0} | 100% |",
        n as f64 / raw
    );
    println!(
        "| claim (16 at a time) and complete, through the worker | {:.0} | {:.0}% |",
        n as f64 / worker,
        100.0 * raw / worker
    );
    Ok(())
}
