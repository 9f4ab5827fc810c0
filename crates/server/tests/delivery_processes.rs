//! Reminders sent by the real binary to a real SMTP server: killed with SIGKILL again and
//! again while it works through a backlog, and two processes sharing one PostgreSQL
//! database. Runs on the database `PEERGROUP_TEST_DATABASE` names, like the other suites.

mod common;

use chrono::{Datelike, Duration, Timelike, Utc};
use common::{command, issued_token, on_postgres_or_say_so, spawn};
use peergroup_blackbox::smtp::{SmtpServer, decode};
use peergroup_blackbox::{TestDb, fixtures, json};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const GROUPS: usize = 21;
const PER_GROUP: usize = 25;
/// 525 participants, each due one reminder now.
const REMINDERS: usize = GROUPS * PER_GROUP;

/// The binary on `db`, sending through `smtp`, its jobs on or off.
fn server(dir: &Path, db: &TestDb, smtp: &SmtpServer, jobs: bool) -> Command {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", &db.url)
        .env("PEERGROUP__DEMO__ENABLED", "false")
        .env("PEERGROUP__MAIL__TRANSPORT", "smtp")
        .env("PEERGROUP__MAIL__SMTP_URL", smtp.url())
        .env("PEERGROUP__JOBS__ENABLED", jobs.to_string())
        .env("PEERGROUP__JOBS__SCHEDULER", jobs.to_string())
        .env("PEERGROUP__JOBS__IDLE_POLL_MS", "50");
    c
}

struct Api {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> Value {
        let r = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {body}");
        body
    }

    async fn create(&self, path: &str, body: &Value) -> i64 {
        self.send(reqwest::Method::POST, path, body).await["id"]
            .as_i64()
            .unwrap()
    }

    async fn messages(&self, state: &str) -> Vec<Value> {
        let r = self
            .client
            .get(format!(
                "{}/api/v1/messages?state={state}&limit=200",
                self.base
            ))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let body: Value = r.json().await.unwrap();
        body["items"].as_array().unwrap().clone()
    }
}

/// An organization (with an admin token) whose 525 participants each have a session 6
/// hours from now: their 24-hour reminder is due at once. Written through the binary with
/// its jobs off, so nothing is planned before the test starts them.
async fn backlog(dir: &Path, db: &TestDb, smtp: &SmtpServer) -> String {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", &db.url);
    let token = issued_token(c, "riverside", "admin@riverside.example.org", "admin");
    let (setup, _) = spawn(server(dir, db, smtp, false));
    let api = Api {
        client: reqwest::Client::new(),
        base: setup.addr.clone(),
        token: token.clone(),
    };
    // No quiet hours, whatever the time of day this runs at.
    api.send(
        reqwest::Method::PUT,
        "/api/v1/organization",
        &json!({"quiet_hours_start": "00:00", "quiet_hours_end": "00:00"}),
    )
    .await;
    let mut program = fixtures::program();
    program["group_size"] = json!({"min": 2, "max": PER_GROUP});
    let program = api.create("/api/v1/programs", &program).await;
    let starts = Utc::now() + Duration::hours(6);
    let weekday =
        peergroup_domain::group::Weekday::ALL[starts.weekday().num_days_from_monday() as usize];
    for g in 0..GROUPS {
        let mut group = fixtures::group(program);
        group["timezone"] = json!("UTC");
        group["languages"] = json!(["en"]);
        group["capacity"] = json!(PER_GROUP);
        group["start_date"] = json!(starts.format("%Y-%m-%d").to_string());
        group["weekdays"] = json!([weekday]);
        group["start_time"] = json!(format!("{:02}:{:02}", starts.hour(), starts.minute()));
        let group = api.create("/api/v1/groups", &group).await;
        for i in 0..PER_GROUP {
            let person = api
                .create(
                    "/api/v1/people",
                    &json!({
                        "display_name": format!("Participant {g}-{i}"),
                        "preferred_language": "en",
                        "email": format!("p{g}-{i}@riverside.example.org"),
                        "consent": {"reminders": true}
                    }),
                )
                .await;
            api.create(
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": person}),
            )
            .await;
        }
        api.send(
            reqwest::Method::POST,
            &format!("/api/v1/groups/{group}/sessions/generate"),
            &json!({}),
        )
        .await;
    }
    setup.stop();
    token
}

/// Participant reminders received: by message, how many copies.
fn reminders_received(smtp: &SmtpServer) -> HashMap<String, usize> {
    let mut copies = HashMap::new();
    for raw in smtp.raw() {
        let m = decode(&raw);
        if m.to.starts_with('p') && m.subject.starts_with("Reminder:") {
            *copies
                .entry(format!("{} {}", m.message_id, m.to))
                .or_default() += 1;
        }
    }
    copies
}

/// Waits until every reminder has arrived, then a little longer for stragglers.
async fn wait_for_all(smtp: &SmtpServer, within: std::time::Duration) -> HashMap<String, usize> {
    let start = Instant::now();
    loop {
        let got = reminders_received(smtp);
        if got.len() >= REMINDERS || start.elapsed() > within {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // A worker killed mid-send leaves a job that comes back after its lease (2 s here).
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    reminders_received(smtp)
}

#[tokio::test]
async fn sigkill_during_a_backlog_loses_no_reminder_and_repeats_at_most_one_per_kill() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let smtp = SmtpServer::start();
    let token = backlog(dir.path(), &db, &smtp).await;

    // Kill the server each time another 70 messages have arrived: always mid-stream.
    let kills = 6;
    let mut killed = 0;
    while killed < kills {
        let threshold = (killed + 1) * 70;
        let mut cmd = server(dir.path(), &db, &smtp, true);
        cmd.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
        let (p, _) = spawn(cmd);
        let start = Instant::now();
        while smtp.count() < threshold && start.elapsed() < std::time::Duration::from_secs(60) {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        assert!(smtp.count() >= threshold, "sending stalled");
        p.kill();
        killed += 1;
    }
    let arrived_before_last_start = smtp.count();
    assert!(
        arrived_before_last_start < REMINDERS,
        "every kill fell inside the backlog"
    );
    let mut cmd = server(dir.path(), &db, &smtp, true);
    cmd.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
    let (p, _) = spawn(cmd);
    let got = wait_for_all(&smtp, std::time::Duration::from_secs(120)).await;
    let duplicates: usize = got.values().map(|n| n - 1).sum();
    println!(
        "crash test: {kills} SIGKILLs, {} reminders received once or more, {duplicates} duplicates",
        got.len()
    );
    assert_eq!(got.len(), REMINDERS, "every reminder arrived");
    assert!(
        duplicates <= kills,
        "{duplicates} duplicates after {kills} kills"
    );
    let api = Api {
        client: reqwest::Client::new(),
        base: p.addr.clone(),
        token,
    };
    for state in ["queued", "retrying", "dead"] {
        assert!(api.messages(state).await.is_empty(), "a message is {state}");
    }
    p.stop();
    db.drop_database().await;
}

#[tokio::test]
async fn two_processes_on_one_postgresql_database_send_each_reminder_once() {
    if !on_postgres_or_say_so() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let smtp = SmtpServer::start();
    backlog(dir.path(), &db, &smtp).await;
    // Both with their schedulers on: each catches up the same ticks at start.
    let (a, _) = spawn(server(dir.path(), &db, &smtp, true));
    let (b, _) = spawn(server(dir.path(), &db, &smtp, true));
    let got = wait_for_all(&smtp, std::time::Duration::from_secs(120)).await;
    let duplicates: usize = got.values().map(|n| n - 1).sum();
    println!(
        "two processes: {} reminders, {duplicates} duplicates",
        got.len()
    );
    assert_eq!(got.len(), REMINDERS, "every reminder arrived");
    assert_eq!(duplicates, 0, "no reminder twice");
    let db_conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let workers = sea_orm::ConnectionTrait::query_all_raw(
        &db_conn,
        sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT DISTINCT split_part(locked_by, ':', 1) AS w FROM jobs \
             WHERE kind = 'deliver_message' AND state = 'done'",
        ),
    )
    .await
    .unwrap();
    assert_eq!(workers.len(), 2, "both processes delivered some");
    db_conn.close().await.unwrap();
    // Every other message (the coordinators' notices) once too.
    let mut ids: Vec<String> = smtp.raw().iter().map(|r| decode(r).message_id).collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "some message arrived twice");
    a.stop();
    b.stop();
    db.drop_database().await;
}

/// Sends a signal to a running server (`STOP` pauses it where it is, `CONT` wakes it).
fn signal(p: &common::Process, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(p.child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn a_replica_paused_past_its_lease_does_not_send_again_what_another_sent() {
    if !on_postgres_or_say_so() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let smtp = SmtpServer::start();
    backlog(dir.path(), &db, &smtp).await;
    let replica = |jobs| {
        let mut c = server(dir.path(), &db, &smtp, jobs);
        c.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
        c
    };
    // The first replica is paused mid-stream, holding the jobs it claimed.
    let (a, _) = spawn(replica(true));
    let start = Instant::now();
    while smtp.count() < 70 && start.elapsed() < std::time::Duration::from_secs(60) {
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    signal(&a, "STOP");
    let paused_at = smtp.count();
    assert!(paused_at < REMINDERS, "paused inside the backlog");
    // The second takes their jobs over once the leases run out and sends everything.
    let (b, _) = spawn(replica(true));
    let got = wait_for_all(&smtp, std::time::Duration::from_secs(120)).await;
    assert_eq!(got.len(), REMINDERS, "every reminder arrived");
    // The first wakes up with its sends half done, and must not finish them.
    signal(&a, "CONT");
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let got = reminders_received(&smtp);
    let duplicates: usize = got.values().map(|n| n - 1).sum();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let lost = sea_orm::ConnectionTrait::query_one_raw(
        &conn,
        sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT COALESCE(SUM(lost_claims), 0)::BIGINT AS n FROM messages",
        ),
    )
    .await
    .unwrap()
    .unwrap()
    .try_get::<i64>("", "n")
    .unwrap();
    conn.close().await.unwrap();
    println!(
        "paused replica: paused after {paused_at} messages, {duplicates} duplicates, \
         {lost} sends stopped for a lost claim"
    );
    // As with a crash, a message whose end the server had taken but whose mark had not
    // committed when the pause came may go twice: one at most (`parallel_sends` 1).
    assert!(duplicates <= 1, "{duplicates} messages sent twice");
    assert!(lost >= 1, "the woken replica's stopped sends are counted");
    a.stop();
    b.stop();
    db.drop_database().await;
}

#[tokio::test]
async fn replicas_started_together_on_an_empty_database_all_come_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let smtp = SmtpServer::start();
    // Three processes migrating one new database at the same moment.
    let starting: Vec<_> = (0..3)
        .map(|_| {
            let c = server(dir.path(), &db, &smtp, false);
            std::thread::spawn(move || spawn(c).0)
        })
        .collect();
    let replicas: Vec<common::Process> = starting
        .into_iter()
        .map(|t| t.join().expect("every replica starts"))
        .collect();
    let client = reqwest::Client::new();
    for r in &replicas {
        let ready = client
            .get(format!("{}/readyz", r.addr))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status(), 200, "{} is ready", r.addr);
    }
    for r in replicas {
        r.stop();
    }
    db.drop_database().await;
}
