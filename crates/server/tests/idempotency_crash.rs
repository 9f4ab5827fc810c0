//! Keyed writes survive SIGKILL: the real binary is killed again and again in the middle of
//! a burst of `POST /people` with an `Idempotency-Key` each, and every request left without
//! an answer is sent again, with its key, to the restarted server. Each person must exist
//! exactly once, and every answered create must be there as answered. Runs on the database
//! `PEERGROUP_TEST_DATABASE` names, like the other suites.

mod common;

use common::{command, issued_token, spawn};
use peergroup_blackbox::{TestDb, json, on_postgres};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PEOPLE: usize = 240;
const IN_FLIGHT: usize = 16;
const KILLS: usize = 5;

fn server(dir: &Path, db: &TestDb) -> Command {
    let mut c = command(dir);
    c.env("PEERGROUP__DATABASE__URL", &db.url)
        .env("PEERGROUP__DEMO__ENABLED", "false")
        .env("PEERGROUP__JOBS__ENABLED", "false")
        .env("PEERGROUP__JOBS__SCHEDULER", "false");
    c
}

fn body(i: usize) -> Value {
    json!({"display_name": format!("Keyed {i:03}"), "preferred_language": "en"})
}

/// What each keyed request got: the id answered, or nothing yet.
type Answers = Arc<Mutex<BTreeMap<usize, Option<i64>>>>;

/// Sends every request still unanswered to `base`, `IN_FLIGHT` at a time. A request whose
/// connection breaks (the server was killed) stays unanswered; 409 (the same key still being
/// worked on) is tried again a little later. Returns how many were cut off.
async fn send_unanswered(base: String, token: String, answers: Answers) -> usize {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let todo: Vec<usize> = {
        let a = answers.lock().unwrap();
        a.iter()
            .filter(|(_, id)| id.is_none())
            .map(|(i, _)| *i)
            .collect()
    };
    let permits = Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT));
    let mut tasks = Vec::new();
    for i in todo {
        let permit = permits.clone().acquire_owned().await.unwrap();
        let (client, base, token, answers) =
            (client.clone(), base.clone(), token.clone(), answers.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let reply = client
                .post(format!("{base}/api/v1/people"))
                .bearer_auth(&token)
                .header("Idempotency-Key", format!("person-{i}"))
                .json(&body(i))
                .send()
                .await;
            let Ok(reply) = reply else { return 1 };
            let status = reply.status().as_u16();
            let Ok(value) = reply.json::<Value>().await else {
                return 1;
            };
            match status {
                201 => {
                    answers.lock().unwrap().insert(i, value["id"].as_i64());
                    0
                }
                409 => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    0
                }
                other => panic!("request {i}: {other} {value}"),
            }
        }));
    }
    let mut cut = 0;
    for t in tasks {
        cut += t.await.unwrap();
    }
    cut
}

fn answered(answers: &Answers) -> usize {
    answers
        .lock()
        .unwrap()
        .values()
        .filter(|id| id.is_some())
        .count()
}

#[tokio::test]
async fn keyed_writes_killed_mid_burst_happen_once_and_none_answered_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let mut c = command(dir.path());
    c.env("PEERGROUP__DATABASE__URL", &db.url);
    let token = issued_token(c, "keyed", "coordinator@keyed.example.org", "coordinator");

    let answers: Answers = Arc::new(Mutex::new((0..PEOPLE).map(|i| (i, None)).collect()));
    let mut cut = 0;
    for kill in 0..KILLS {
        let (p, _) = spawn(server(dir.path(), &db));
        let burst = tokio::spawn(send_unanswered(
            p.addr.clone(),
            token.clone(),
            answers.clone(),
        ));
        // Kill once another 30 creates were answered: always with others in flight.
        let threshold = (kill + 1) * 30;
        let start = Instant::now();
        while answered(&answers) < threshold && start.elapsed() < Duration::from_secs(60) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        assert!(answered(&answers) >= threshold, "the burst stalled");
        p.kill();
        cut += burst.await.unwrap();
    }
    assert!(
        answered(&answers) < PEOPLE,
        "every kill fell inside the burst"
    );
    assert!(cut > 0, "some requests went unanswered");

    // The retries, until each request has its answer.
    let (p, _) = spawn(server(dir.path(), &db));
    let start = Instant::now();
    while answered(&answers) < PEOPLE && start.elapsed() < Duration::from_secs(120) {
        send_unanswered(p.addr.clone(), token.clone(), answers.clone()).await;
    }
    assert_eq!(answered(&answers), PEOPLE, "every request was answered");

    // Each person once, each with the id its answer gave.
    let client = reqwest::Client::new();
    let mut stored: HashMap<String, Vec<i64>> = HashMap::new();
    let mut after: Option<i64> = None;
    loop {
        let mut url = format!("{}/api/v1/people?limit=200", p.addr);
        if let Some(a) = after {
            url.push_str(&format!("&after={a}"));
        }
        let page: Value = client
            .get(url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for person in page["items"].as_array().unwrap() {
            stored
                .entry(person["display_name"].as_str().unwrap().to_string())
                .or_default()
                .push(person["id"].as_i64().unwrap());
        }
        match page["next_cursor"].as_i64() {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let duplicates: usize = stored.values().map(|ids| ids.len() - 1).sum();
    println!(
        "keyed crash test: {KILLS} SIGKILLs, {cut} sends without an answer, {duplicates} duplicates"
    );
    assert_eq!(duplicates, 0, "a keyed create was done twice");
    for (i, id) in answers.lock().unwrap().iter() {
        let name = body(*i)["display_name"].as_str().unwrap().to_string();
        assert_eq!(stored.get(&name), Some(&vec![id.unwrap()]), "{name}");
    }
    p.stop();

    if !on_postgres() {
        let conn = sea_orm::Database::connect(&db.url).await.unwrap();
        let row = sea_orm::ConnectionTrait::query_one_raw(
            &conn,
            sea_orm::Statement::from_string(sea_orm::DbBackend::Sqlite, "PRAGMA integrity_check"),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(row.try_get::<String>("", "integrity_check").unwrap(), "ok");
        conn.close().await.unwrap();
    }
    db.drop_database().await;
}
