//! Reminders sent by the real binary to a real SMTP server, and texted through a real Kannel:
//! killed with SIGKILL again and again while it works through a backlog, and processes
//! sharing one PostgreSQL database. Runs on the database `PEERGROUP_TEST_DATABASE` names,
//! like the other suites.

mod common;

use chrono::{Datelike, Duration, Timelike, Utc};
use common::{Api, command, issued_token, on_postgres_or_say_so, spawn};
use peergroup_blackbox::kannel::{self, Kannel};
use peergroup_blackbox::smtp::{SmtpServer, decode};
use peergroup_blackbox::{TestDb, fixtures, json};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const GROUPS: usize = 21;
const PER_GROUP: usize = 25;
/// 525 participants, each due one reminder now.
const REMINDERS: usize = GROUPS * PER_GROUP;

/// SMS the binary hands Kannel at once (`sms.parallel_sends`): what a crash may repeat.
const SMS_PARALLEL: usize = 4;

/// Where the reminders go: every participant has an email address and gets mail, or has
/// only a phone and gets SMS through Kannel. Staff mail goes to the SMTP server either way.
enum Gateway {
    Mail(SmtpServer),
    Sms(SmtpServer, Kannel),
}

impl Gateway {
    fn mail() -> Gateway {
        Gateway::Mail(SmtpServer::start())
    }

    async fn sms() -> Gateway {
        // Nothing here texts peergroup back.
        Gateway::Sms(
            SmtpServer::start(),
            Kannel::start("http://127.0.0.1:9/unused").await,
        )
    }

    fn smtp(&self) -> &SmtpServer {
        match self {
            Gateway::Mail(smtp) | Gateway::Sms(smtp, _) => smtp,
        }
    }

    /// Participant reminders received: by message, how many copies. An SMS counts by its
    /// first part (its recipient has one reminder due).
    fn received(&self) -> HashMap<String, usize> {
        let mut copies = HashMap::new();
        match self {
            Gateway::Mail(smtp) => {
                for raw in smtp.raw() {
                    let m = decode(&raw);
                    if m.to.starts_with('p') && m.subject.starts_with("Reminder:") {
                        *copies
                            .entry(format!("{} {}", m.message_id, m.to))
                            .or_default() += 1;
                    }
                }
            }
            Gateway::Sms(_, kannel) => {
                for part in kannel.smsc.parts() {
                    if part.concatenation().is_none_or(|(_, seq)| seq == 1) {
                        *copies.entry(part.to).or_default() += 1;
                    }
                }
            }
        }
        copies
    }

    /// Messages received so far, copies included (cheap to count while polling): all mail,
    /// or every SMS (only participants are texted).
    fn count(&self) -> usize {
        match self {
            Gateway::Mail(smtp) => smtp.count(),
            Gateway::Sms(_, kannel) => kannel.smsc.count(),
        }
    }

    /// How many copies of one reminder a crash may leave behind.
    fn repeats_per_crash(&self) -> usize {
        match self {
            Gateway::Mail(_) => 1,
            Gateway::Sms(..) => SMS_PARALLEL,
        }
    }
}

/// The binary on `db`, sending through `to`, its jobs on or off.
fn server(dir: &Path, db: &TestDb, to: &Gateway, jobs: bool) -> Command {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", &db.url)
        .env("PEERGROUP__DEMO__ENABLED", "false")
        .env("PEERGROUP__MAIL__TRANSPORT", "smtp")
        .env("PEERGROUP__MAIL__SMTP_URL", to.smtp().url())
        .env("PEERGROUP__JOBS__ENABLED", jobs.to_string())
        .env("PEERGROUP__JOBS__SCHEDULER", jobs.to_string())
        .env("PEERGROUP__JOBS__IDLE_POLL_MS", "50");
    if let Gateway::Sms(_, kannel) = to {
        c.env("PEERGROUP__SMS__TRANSPORT", "kannel")
            .env("PEERGROUP__SMS__KANNEL_SENDSMS_URL", kannel.sendsms_url())
            .env("PEERGROUP__SMS__KANNEL_USERNAME", kannel::SENDSMS_USER)
            .env("PEERGROUP__SMS__KANNEL_PASSWORD", kannel::SENDSMS_PASSWORD)
            .env("PEERGROUP__SMS__PARALLEL_SENDS", SMS_PARALLEL.to_string());
    }
    c
}

/// An organization (with an admin token) whose 525 participants each have a session 6
/// hours from now: their 24-hour reminder is due at once, by email or by SMS as `to` says.
/// Written through the binary with its jobs off, so nothing is planned before the test
/// starts them.
async fn backlog(dir: &Path, db: &TestDb, to: &Gateway) -> String {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", &db.url);
    let token = issued_token(c, "riverside", "admin@riverside.example.org", "admin");
    let (setup, _) = spawn(server(dir, db, to, false));
    let api = Api::new(&setup.addr, &token);
    // No quiet hours, whatever the time of day this runs at.
    api.send(
        reqwest::Method::PUT,
        "/api/v1/organization",
        Some(&json!({"quiet_hours_start": "00:00", "quiet_hours_end": "00:00"})),
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
            let mut person = json!({
                "display_name": format!("Participant {g}-{i}"),
                "preferred_language": "en"
            });
            match to {
                Gateway::Mail(_) => {
                    person["email"] = json!(format!("p{g}-{i}@riverside.example.org"));
                }
                Gateway::Sms(..) => {
                    person["phone"] = json!(format!("+1778{:07}", 2_000_000 + g * PER_GROUP + i));
                    person["preferred_channel"] = json!("sms");
                }
            }
            // Agreed to reminders by the one channel they have.
            person["consent"] = json!({"email_reminders": person["email"].is_string(),
                "sms_reminders": person["phone"].is_string(), "source": "on_paper"});
            let person = api.create("/api/v1/people", &person).await;
            api.create(
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": person}),
            )
            .await;
        }
        api.post(
            &format!("/api/v1/groups/{group}/sessions/generate"),
            &json!({}),
        )
        .await;
    }
    setup.stop();
    token
}

/// Waits until every reminder has arrived, then a little longer for stragglers.
async fn wait_for_all(to: &Gateway, within: std::time::Duration) -> HashMap<String, usize> {
    let start = Instant::now();
    loop {
        let got = to.received();
        if got.len() >= REMINDERS || start.elapsed() > within {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // A worker killed mid-send leaves a job that comes back after its lease (2 s here).
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    to.received()
}

#[tokio::test]
async fn sigkill_during_a_backlog_loses_no_reminder_and_repeats_at_most_one_per_kill() {
    sigkill_during_a_backlog(Gateway::mail()).await;
}

#[tokio::test]
async fn sigkill_during_an_sms_backlog_loses_no_sms_and_repeats_at_most_those_in_flight() {
    sigkill_during_a_backlog(Gateway::sms().await).await;
}

async fn sigkill_during_a_backlog(to: Gateway) {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let token = backlog(dir.path(), &db, &to).await;

    // Kill the server each time another 70 messages have arrived: always mid-stream.
    let kills = 6;
    let mut killed = 0;
    while killed < kills {
        let threshold = (killed + 1) * 70;
        let mut cmd = server(dir.path(), &db, &to, true);
        cmd.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
        let (p, _) = spawn(cmd);
        let start = Instant::now();
        while to.count() < threshold && start.elapsed() < std::time::Duration::from_secs(60) {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        assert!(to.count() >= threshold, "sending stalled");
        p.kill();
        killed += 1;
    }
    let arrived_before_last_start = to.count();
    assert!(
        arrived_before_last_start < REMINDERS,
        "every kill fell inside the backlog"
    );
    let mut cmd = server(dir.path(), &db, &to, true);
    cmd.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
    let (p, _) = spawn(cmd);
    let got = wait_for_all(&to, std::time::Duration::from_secs(120)).await;
    let duplicates: usize = got.values().map(|n| n - 1).sum();
    println!(
        "crash test: {kills} SIGKILLs, {} reminders received once or more, {duplicates} duplicates",
        got.len()
    );
    assert_eq!(got.len(), REMINDERS, "every reminder arrived");
    assert!(
        duplicates <= kills * to.repeats_per_crash(),
        "{duplicates} duplicates after {kills} kills"
    );
    let api = Api::new(&p.addr, &token);
    for state in ["queued", "retrying", "dead"] {
        let waiting = api
            .get(&format!("/api/v1/messages?state={state}&limit=200"))
            .await;
        assert_eq!(waiting["items"], json!([]), "a message is {state}");
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
    let to = Gateway::mail();
    backlog(dir.path(), &db, &to).await;
    // Both with their schedulers on: each catches up the same ticks at start.
    let (a, _) = spawn(server(dir.path(), &db, &to, true));
    let (b, _) = spawn(server(dir.path(), &db, &to, true));
    let got = wait_for_all(&to, std::time::Duration::from_secs(120)).await;
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
    let mut ids: Vec<String> = to
        .smtp()
        .raw()
        .iter()
        .map(|r| decode(r).message_id)
        .collect();
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
    if on_postgres_or_say_so() {
        a_replica_paused_past_its_lease(Gateway::mail()).await;
    }
}

#[tokio::test]
async fn a_replica_paused_past_its_lease_does_not_text_again_what_another_texted() {
    if on_postgres_or_say_so() {
        a_replica_paused_past_its_lease(Gateway::sms().await).await;
    }
}

async fn a_replica_paused_past_its_lease(to: Gateway) {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    backlog(dir.path(), &db, &to).await;
    let replica = |jobs| {
        let mut c = server(dir.path(), &db, &to, jobs);
        c.env("PEERGROUP__JOBS__LEASE_SECONDS", "2");
        c
    };
    // The first replica is paused mid-stream, holding the jobs it claimed.
    let (a, _) = spawn(replica(true));
    let start = Instant::now();
    while to.count() < 70 && start.elapsed() < std::time::Duration::from_secs(60) {
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    signal(&a, "STOP");
    let paused_at = to.count();
    assert!(paused_at < REMINDERS, "paused inside the backlog");
    // The second takes their jobs over once the leases run out and sends everything.
    let (b, _) = spawn(replica(true));
    let got = wait_for_all(&to, std::time::Duration::from_secs(120)).await;
    assert_eq!(got.len(), REMINDERS, "every reminder arrived");
    // The first wakes up with its sends half done, and must not finish them.
    signal(&a, "CONT");
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let got = to.received();
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
    // As with a crash, a message the server or gateway had taken but whose mark had not
    // committed when the pause came may go twice: as many as may be in flight at once.
    assert!(
        duplicates <= to.repeats_per_crash(),
        "{duplicates} messages sent twice"
    );
    assert!(lost >= 1, "the woken replica's stopped sends are counted");
    a.stop();
    b.stop();
    db.drop_database().await;
}

#[tokio::test]
async fn replicas_started_together_on_an_empty_database_all_come_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let to = Gateway::mail();
    // Three processes migrating one new database at the same moment.
    let starting: Vec<_> = (0..3)
        .map(|_| {
            let c = server(dir.path(), &db, &to, false);
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
