//! `peergroup backup` and `peergroup restore` on the embedded SQLite database, run as a user
//! runs them: a backup taken by the real binary while the real server takes a burst of
//! roll-calls, restored once the server stops, checked and rebuilt.

mod common;

use chrono::{Datelike, Duration, Utc};
use common::{Api, command, issued_token, spawn};
use peergroup_blackbox::{fixtures, json};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const PEOPLE: usize = 10;
const SESSIONS: usize = 8;

fn database_url(dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        dir.join("var/peergroup.db").display()
    )
}

/// The binary on the SQLite file in `dir`, jobs off.
fn binary(dir: &Path) -> Command {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", database_url(dir))
        .env("PEERGROUP__DEMO__ENABLED", "false")
        .env("PEERGROUP__JOBS__ENABLED", "false")
        .env("PEERGROUP__JOBS__SCHEDULER", "false");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    binary(dir).args(args).output().expect("peergroup runs")
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A group that met weekly for the last `SESSIONS` weeks, with `PEOPLE` participants:
/// its sessions and its participants.
async fn group(api: &Api) -> (Vec<i64>, Vec<i64>) {
    let program = api.create("/api/v1/programs", &fixtures::program()).await;
    let start = Utc::now().date_naive() - Duration::weeks(SESSIONS as i64);
    let mut group = fixtures::group(program);
    group["timezone"] = json!("UTC");
    group["capacity"] = json!(PEOPLE);
    group["start_date"] = json!(start.to_string());
    group["weekdays"] = json!([
        peergroup_domain::group::Weekday::ALL[start.weekday().num_days_from_monday() as usize]
    ]);
    group["start_time"] = json!("10:00");
    let group = api.create("/api/v1/groups", &group).await;
    let mut people = Vec::new();
    for i in 0..PEOPLE {
        let person = api
            .create("/api/v1/people", &fixtures::person(&format!("Person {i}")))
            .await;
        api.post(
            &format!("/api/v1/groups/{group}/enrollments"),
            &json!({"person_id": person}),
        )
        .await;
        people.push(person);
    }
    api.post(
        &format!("/api/v1/groups/{group}/sessions/generate?include_past=true"),
        &json!({}),
    )
    .await;
    let to = Utc::now().date_naive();
    let sessions: Vec<i64> = api
        .get(&format!(
            "/api/v1/groups/{group}/sessions?from={start}&to={to}"
        ))
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["starts_at"].as_str().unwrap() < Utc::now().to_rfc3339().as_str())
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert!(sessions.len() >= SESSIONS - 1, "{sessions:?}");
    (sessions, people)
}

/// Logs `session` with one status for everyone (with `reason`, for an excused absence): a
/// roll-call of all participants at once.
async fn roll_call(api: &Api, session: i64, people: &[i64], status: &str, reason: Option<&str>) {
    let attendance: Vec<Value> = people
        .iter()
        .map(|p| json!({"person_id": p, "status": status, "reason": reason}))
        .collect();
    api.post(
        &format!("/api/v1/sessions/{session}/log"),
        &json!({"held": true, "facilitators_present": [], "attendance": attendance}),
    )
    .await;
}

/// Every mark as `(session, person, status)`, in the SQLite database at `url`; and SQLite's
/// integrity check.
async fn marks_and_integrity(url: &str) -> (Vec<(i64, i64, String)>, String) {
    let conn = Database::connect(url).await.unwrap();
    let rows = conn
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT session_id, person_id, status FROM attendance \
             ORDER BY session_id, person_id",
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get_by_index(0).unwrap(),
                r.try_get_by_index(1).unwrap(),
                r.try_get_by_index(2).unwrap(),
            )
        })
        .collect();
    let integrity: String = conn
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    conn.close().await.unwrap();
    (rows, integrity)
}

/// The marks of each session: a whole roll-call has one per participant.
fn per_session(marks: &[(i64, i64, String)]) -> std::collections::BTreeMap<i64, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for (session, _, _) in marks {
        *counts.entry(*session).or_default() += 1;
    }
    counts
}

#[tokio::test]
async fn a_backup_taken_during_roll_calls_restores_whole_and_needs_no_follow_up_change() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().to_path_buf();
    let token = issued_token(
        binary(&dir),
        "riverside",
        "admin@riverside.example.org",
        "admin",
    );
    let (server, _) = spawn(binary(&dir));
    let api = Api::new(&server.addr, &token);
    let (sessions, people) = group(&api).await;

    // A burst of roll-calls: every session logged over and over, each time all absent or
    // all present, four at a time, until the backup taken in the middle of it is done.
    let api = std::sync::Arc::new(api);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let logged = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let burst = {
        let (api, sessions, people) = (api.clone(), sessions.clone(), people.clone());
        let (done, logged) = (done.clone(), logged.clone());
        tokio::spawn(async move {
            let mut round = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let mut calls = tokio::task::JoinSet::new();
                for (i, &session) in sessions.iter().enumerate() {
                    let (api, people) = (api.clone(), people.clone());
                    let status = if (round + i) % 3 == 0 {
                        "present"
                    } else {
                        "absent"
                    };
                    calls.spawn(
                        async move { roll_call(&api, session, &people, status, None).await },
                    );
                    if calls.len() >= 4 {
                        calls.join_next().await.unwrap().unwrap();
                        logged.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    }
                }
                while let Some(r) = calls.join_next().await {
                    r.unwrap();
                    logged.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                round += 1;
            }
        })
    };
    while logged.load(std::sync::atomic::Ordering::SeqCst) < sessions.len() {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let backup = dir.join("backups/monday.db");
    std::fs::create_dir_all(backup.parent().unwrap()).unwrap();
    let (backup_dir, target) = (dir.clone(), backup.clone());
    let before = logged.load(std::sync::atomic::Ordering::SeqCst);
    let out = tokio::task::spawn_blocking(move || {
        run(&backup_dir, &["backup", target.to_str().unwrap()])
    })
    .await
    .unwrap();
    let during = logged.load(std::sync::atomic::Ordering::SeqCst);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("integrity ok"), "{}", said(&out));
    burst.await.unwrap();
    let after = logged.load(std::sync::atomic::Ordering::SeqCst);
    println!(
        "roll-calls: {before} logged when the backup began, {during} when it ended, {after} in all"
    );
    assert!(during > before, "roll-calls went on while the backup ran");

    // After the backup, the first session is logged once more, all excused: the live
    // database now says what the backup does not.
    roll_call(&api, sessions[0], &people, "excused", Some("childcare")).await;

    // Refused: a second backup over the first, and a restore while the server runs.
    let again = run(&dir, &["backup", backup.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(said(&again).contains("exists already"), "{}", said(&again));
    let busy = run(&dir, &["restore", backup.to_str().unwrap()]);
    assert!(!busy.status.success());
    assert!(said(&busy).contains("in use"), "{}", said(&busy));
    server.stop();
    let (live, _) = marks_and_integrity(&database_url(&dir)).await;
    assert_eq!(
        per_session(&live).len(),
        sessions.len(),
        "every session logged"
    );

    // Not backups: a missing file, and a file that is not a database. Nothing changes.
    let junk = dir.join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    for bad in [dir.join("missing.db"), junk] {
        let out = run(&dir, &["restore", bad.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(
            said(&out).contains("is not a peergroup backup"),
            "{}",
            said(&out)
        );
    }
    assert_eq!(marks_and_integrity(&database_url(&dir)).await.0, live);

    // The restore: the backup's marks exactly, whole roll-calls only (each wrote all its
    // marks or none), and the follow-ups it rebuilds from them were already right.
    let backup_url = format!("sqlite://{}?mode=ro", backup.display());
    let (in_backup, _) = marks_and_integrity(&backup_url).await;
    assert_ne!(
        in_backup, live,
        "the excused roll-call came after the backup"
    );
    let out = run(&dir, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", said(&out));
    let told = said(&out);
    assert!(
        told.contains("0 participants brought in line"),
        "the follow-ups in the backup matched its attendance: {told}"
    );
    let (restored, integrity) = marks_and_integrity(&database_url(&dir)).await;
    assert_eq!(integrity, "ok");
    assert_eq!(restored, in_backup);
    assert!(!restored.is_empty(), "the backup holds roll-calls");
    for (session, marks) in per_session(&restored) {
        assert_eq!(marks, PEOPLE, "session {session} has part of a roll-call");
    }
    assert!(
        !restored.iter().any(|(_, _, status)| status == "excused"),
        "nothing from after the backup"
    );

    // On a new machine (no database, no folder for it yet) the same backup restores whole.
    let fresh = tempfile::tempdir().unwrap();
    let out = run(fresh.path(), &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", said(&out));
    let (elsewhere, integrity) = marks_and_integrity(&database_url(fresh.path())).await;
    assert_eq!((elsewhere, integrity.as_str()), (in_backup.clone(), "ok"));

    // The restored database serves again, and the data on its pages is the backup's.
    let (server, _) = spawn(binary(&dir));
    let client = reqwest::Client::new();
    let ready = client
        .get(format!("{}/readyz", server.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    server.stop();
}

#[tokio::test]
async fn on_postgresql_backup_points_to_pg_dump() {
    if !common::on_postgres_or_say_so() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = peergroup_blackbox::TestDb::new().await;
    let mut c = command(dir.path());
    c.env("PEERGROUP__DATABASE__URL", &db.url)
        .args(["backup", "x.dump"]);
    let out = c.output().unwrap();
    assert!(!out.status.success());
    assert!(said(&out).contains("pg_dump"), "{}", said(&out));
    assert!(!dir.path().join("x.dump").exists());
    db.drop_database().await;
}
