//! A model-based property test of the missed-session rule through the real API: random
//! sequences of roll-calls (held or not), corrections, cancellations, duplicate submissions
//! and call attempts, checked after every step against a plain reference model of runs.

use chrono::{TimeZone, Utc};
use peergroup_blackbox::{TestApp, fixtures, json};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sea_orm::ConnectionTrait;
use serde_json::Value;
use std::collections::BTreeMap;

const SESSIONS: usize = 8;
const PEOPLE: usize = 3;
const THRESHOLD: usize = 3;
const STATUSES: [&str; 4] = ["present", "late", "absent", "excused"];

#[derive(Debug, Clone)]
enum Op {
    /// Log (or correct) a session: held with these statuses, or not held.
    Log {
        session: usize,
        held: bool,
        marks: [usize; PEOPLE],
    },
    /// Cancel a session that has no log yet.
    Cancel { session: usize },
    /// Send the previous log again, unchanged.
    Resend,
    /// A call attempt on a participant's first open task.
    Call { person: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..SESSIONS, prop::bool::weighted(0.9), [0..4usize, 0..4usize, 0..4usize])
            .prop_map(|(session, held, marks)| Op::Log { session, held, marks }),
        1 => (0..SESSIONS).prop_map(|session| Op::Cancel { session }),
        1 => Just(Op::Resend),
        1 => (0..PEOPLE).prop_map(|person| Op::Call { person }),
    ]
}

/// The reference model: what each session's current log says.
#[derive(Default)]
struct Model {
    logs: BTreeMap<usize, Option<[usize; PEOPLE]>>,
    cancelled: Vec<usize>,
}

impl Model {
    /// Runs of unexcused absences reaching the threshold, as session indexes, by a plain
    /// scan of held sessions in order.
    fn runs(&self, person: usize) -> Vec<Vec<usize>> {
        let mut runs = Vec::new();
        let mut current = Vec::new();
        for (session, log) in &self.logs {
            let Some(marks) = log else { continue };
            match STATUSES[marks[person]] {
                "absent" => current.push(*session),
                "excused" => {}
                _ => {
                    if current.len() >= THRESHOLD {
                        runs.push(current.clone());
                    }
                    current.clear();
                }
            }
        }
        if current.len() >= THRESHOLD {
            runs.push(current);
        }
        runs
    }

    fn streak(&self, person: usize) -> usize {
        let mut streak = 0;
        for marks in self.logs.values().flatten() {
            match STATUSES[marks[person]] {
                "absent" => streak += 1,
                "excused" => {}
                _ => streak = 0,
            }
        }
        streak
    }
}

struct Group {
    token: String,
    people: Vec<i64>,
    enrollments: Vec<i64>,
    sessions: Vec<i64>,
    group: i64,
}

async fn new_group(app: &TestApp, token: &str, program: i64, people: &[i64]) -> Group {
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap());
    let group = app
        .create_id(token, "/api/v1/groups", &fixtures::group(program))
        .await;
    let mut enrollments = Vec::new();
    for p in people {
        enrollments.push(
            app.create_id(
                token,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": p}),
            )
            .await,
        );
    }
    let mut sessions = app.generate_sessions(token, group).await;
    sessions.truncate(SESSIONS);
    // Every session is in the past from here on.
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 12, 1, 0, 0, 0).unwrap());
    Group {
        token: token.to_string(),
        people: people.to_vec(),
        enrollments,
        sessions,
        group,
    }
}

fn body(g: &Group, held: bool, marks: &[usize; PEOPLE]) -> Value {
    if !held {
        return json!({"held": false});
    }
    let attendance: Vec<Value> = g
        .people
        .iter()
        .zip(marks)
        .map(|(p, &m)| match STATUSES[m] {
            "excused" => json!({"person_id": p, "status": "excused", "reason": "work"}),
            status => json!({"person_id": p, "status": status}),
        })
        .collect();
    json!({"held": true, "attendance": attendance})
}

async fn tasks(app: &TestApp, g: &Group) -> Vec<Value> {
    app.get(
        &g.token,
        &format!("/api/v1/follow-ups?group_id={}&limit=200", g.group),
    )
    .await
    .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

/// Applies the operations one by one and checks the invariants after each.
async fn check(app: &TestApp, g: &Group, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut model = Model::default();
    let mut last: Option<(usize, Value)> = None;
    for op in ops {
        match op {
            Op::Log {
                session,
                held,
                marks,
            } => {
                let request = body(g, *held, marks);
                let path = format!("/api/v1/sessions/{}/log", g.sessions[*session]);
                let reply = app.post(&g.token, &path, &request).await;
                if model.cancelled.contains(session) {
                    prop_assert_eq!(reply.status.as_u16(), 409);
                    continue;
                }
                prop_assert_eq!(reply.status.as_u16(), 200, "{}", reply.body);
                model.logs.insert(*session, held.then_some(*marks));
                last = Some((*session, request));
            }
            Op::Cancel { session } => {
                if model.logs.contains_key(session) || model.cancelled.contains(session) {
                    continue;
                }
                let path = format!("/api/v1/sessions/{}/cancel", g.sessions[*session]);
                app.post(&g.token, &path, &json!({"reason": "venue closed"}))
                    .await
                    .ok(200);
                model.cancelled.push(*session);
            }
            Op::Resend => {
                let Some((session, request)) = &last else {
                    continue;
                };
                let counts = app.row_counts().await;
                let path = format!("/api/v1/sessions/{}/log", g.sessions[*session]);
                let reply = app.post(&g.token, &path, request).await;
                prop_assert_eq!(&reply.ok(200)["changed"], &json!(false));
                prop_assert_eq!(app.row_counts().await, counts);
            }
            Op::Call { person } => {
                let open = tasks(app, g)
                    .await
                    .into_iter()
                    .find(|t| t["state"] == "open" && t["person_id"] == g.people[*person]);
                if let Some(t) = open {
                    let path = format!("/api/v1/follow-ups/{}/attempts", t["id"]);
                    app.post(&g.token, &path, &json!({"outcome": "no_answer"}))
                        .await
                        .ok(200);
                }
            }
        }

        check_invariants(app, g, &model).await?;
    }

    // A rebuild from history finds nothing to change; with the untouched rule tasks
    // deleted, it opens them again as the model says.
    let store = &app.server().store;
    prop_assert_eq!(
        peergroup_app::follow_up_rebuild::rebuild(store)
            .await
            .unwrap()
            .participants_changed,
        0
    );
    store
        .write_connection()
        .execute_unprepared(&format!(
            "DELETE FROM follow_up_tasks WHERE group_id = {} AND attempts = 0 AND kind = 'missed_sessions'",
            g.group
        ))
        .await
        .unwrap();
    peergroup_app::follow_up_rebuild::rebuild(store)
        .await
        .unwrap();
    check_invariants(app, g, &model).await?;
    for (i, enrollment) in g.enrollments.iter().enumerate() {
        let history = app
            .get(
                &g.token,
                &format!("/api/v1/enrollments/{enrollment}/attendance"),
            )
            .await;
        prop_assert_eq!(
            history.ok(200)["current_streak"].as_u64().unwrap() as usize,
            model.streak(i)
        );
    }
    Ok(())
}

/// Each run has exactly one open task following it; any other open task is one somebody
/// has already called for.
async fn check_invariants(app: &TestApp, g: &Group, model: &Model) -> Result<(), TestCaseError> {
    let all = tasks(app, g).await;
    for (i, person) in g.people.iter().enumerate() {
        let runs: Vec<Vec<i64>> = model
            .runs(i)
            .into_iter()
            .map(|r| r.into_iter().map(|s| g.sessions[s]).collect())
            .collect();
        let open: Vec<(Vec<i64>, i64)> = all
            .iter()
            .filter(|t| t["person_id"] == *person && t["state"] == "open")
            .map(|t| {
                let sessions = t["sessions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_i64().unwrap())
                    .collect();
                (sessions, t["attempts"].as_i64().unwrap())
            })
            .collect();
        for run in &runs {
            let following = open.iter().filter(|(s, _)| s == run).count();
            prop_assert_eq!(following, 1, "run {:?} of person {}: {:?}", run, i, open);
        }
        for (sessions, attempts) in &open {
            prop_assert!(
                runs.contains(sessions) || *attempts > 0,
                "open task {:?} of person {} matches no run {:?} and nobody called",
                sessions,
                i,
                runs
            );
        }
    }
    Ok(())
}

#[test]
fn the_open_tasks_always_follow_the_models_runs() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let app = rt.block_on(TestApp::spawn());
    let (token, program, people) = rt.block_on(async {
        let token = app.coordinator("model").await;
        let program = app
            .create_id(&token, "/api/v1/programs", &fixtures::program())
            .await;
        let mut people = Vec::new();
        for name in ["Amina Y", "Bashir K", "Chen L"] {
            people.push(
                app.create_id(&token, "/api/v1/people", &fixtures::person(name))
                    .await,
            );
        }
        (token, program, people)
    });
    let cases = if peergroup_blackbox::on_postgres() {
        16
    } else {
        32
    };
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(op(), 1..30), |ops| {
        rt.block_on(async {
            let g = new_group(&app, &token, program, &people).await;
            check(&app, &g, &ops).await
        })
    });
    rt.block_on(app.stop());
    if let Err(e) = result {
        panic!("{e}");
    }
}
