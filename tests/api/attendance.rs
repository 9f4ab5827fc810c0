//! Session logging, the missed-session rule and the follow-up queue, end to end over HTTP
//! on the server's controllable clock.

use chrono::{Duration, TimeZone, Utc};
use peergroup_blackbox::{TestApp, fixtures, json};
use peergroup_domain::org::Role;
use serde_json::Value;

/// A co-led group of three participants with a peer leader and an educator, its sessions
/// generated, and the clock moved past its first four sessions (Feb 3, 10, 17, 24).
struct Setup {
    token: String,
    group: i64,
    /// Participants and their enrolments, in order A, B, C.
    people: [i64; 3],
    enrollments: [i64; 3],
    peer: i64,
    educator: i64,
    sessions: Vec<i64>,
}

async fn setup(app: &TestApp, org: &str) -> Setup {
    let token = app.coordinator(org).await;
    let program = app
        .create_id(&token, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&token, "/api/v1/groups", &fixtures::group(program))
        .await;
    let mut people = [0; 3];
    let mut enrollments = [0; 3];
    for (i, name) in ["Amina Y", "Bashir K", "Chen L"].iter().enumerate() {
        people[i] = app
            .create_id(&token, "/api/v1/people", &fixtures::person(name))
            .await;
        enrollments[i] = app
            .create_id(
                &token,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": people[i]}),
            )
            .await;
    }
    let peer = app
        .create_id(&token, "/api/v1/people", &fixtures::person("Gurpreet S"))
        .await;
    let educator = app
        .create_id(&token, "/api/v1/people", &fixtures::person("Dana Educator"))
        .await;
    app.create_id(
        &token,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": peer, "role": "peer", "program_role": "peer_leader"}),
    )
    .await;
    app.create_id(
        &token,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": educator, "role": "professional", "program_role": "educator"}),
    )
    .await;
    let sessions = app.generate_sessions(&token, group).await;
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap());
    Setup {
        token,
        group,
        people,
        enrollments,
        peer,
        educator,
        sessions,
    }
}

/// A roll-call with one status for each of A, B, C (`excused` with reason childcare).
fn roll_call(s: &Setup, statuses: [&str; 3], facilitators: &[i64]) -> Value {
    let attendance: Vec<Value> = s
        .people
        .iter()
        .zip(statuses)
        .map(|(p, status)| {
            if status == "excused" {
                json!({"person_id": p, "status": status, "reason": "childcare"})
            } else {
                json!({"person_id": p, "status": status})
            }
        })
        .collect();
    json!({"held": true, "facilitators_present": facilitators, "attendance": attendance})
}

/// Logs the first three sessions with these marks for A, B and C, both facilitators
/// present; returns the tasks they opened.
async fn log_first_three(app: &TestApp, s: &Setup, statuses: [&str; 3]) -> Vec<i64> {
    let both = [s.peer, s.educator];
    let mut opened = Vec::new();
    for session in &s.sessions[..3] {
        let reply = app
            .post(
                &s.token,
                &format!("/api/v1/sessions/{session}/log"),
                &roll_call(s, statuses, &both),
            )
            .await;
        opened.extend(ids(&reply.ok(200)["follow_ups"]["opened"]));
    }
    opened
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap_or_else(|| x["id"].as_i64().unwrap()))
        .collect()
}

#[tokio::test]
async fn three_misses_open_one_task_which_calls_corrections_and_the_clock_then_move() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "rule").await;
    let log = |n: usize| format!("/api/v1/sessions/{}/log", s.sessions[n]);

    // Session 1: only the peer came, so the education phase lacks its educator.
    let first = app
        .post(
            &s.token,
            &log(0),
            &roll_call(&s, ["absent", "present", "excused"], &[s.peer]),
        )
        .await;
    let first = first.ok(200);
    assert_eq!(first["version"], 1);
    assert_eq!(first["changed"], true);
    assert_eq!(
        first["facilitation"]["missing"],
        json!(["educator: 0 of 1", "peer_leader: 1 of 2"])
    );
    assert_eq!(first["follow_ups"]["opened"], json!([]));

    // Sessions 2 and 3: A misses again; the third miss opens one task, for the peer.
    let both = [s.peer, s.educator];
    app.post(
        &s.token,
        &log(1),
        &roll_call(&s, ["absent", "present", "absent"], &both),
    )
    .await
    .ok(200);
    let third = app
        .post(
            &s.token,
            &log(2),
            &roll_call(&s, ["absent", "present", "absent"], &both),
        )
        .await;
    let opened = ids(&third.ok(200)["follow_ups"]["opened"]);
    assert_eq!(opened.len(), 1);
    let task_a = opened[0];
    let task = app
        .get(&s.token, &format!("/api/v1/follow-ups/{task_a}"))
        .await
        .ok(200)
        .clone();
    assert_eq!(task["person_id"], s.people[0]);
    assert_eq!(task["kind"], "missed_sessions");
    assert_eq!(task["state"], "open");
    assert_eq!(task["assignee_person_id"], s.peer);
    assert_eq!(ids(&task["sessions"]), s.sessions[..3]);
    assert_eq!(
        task["due_at"], "2027-03-04T00:00:00Z",
        "three days by default"
    );

    // Session 4: A's fourth miss extends the same task; C's third miss (the excused
    // absence neither counted nor broke the run) opens C's.
    let fourth = app
        .post(
            &s.token,
            &log(3),
            &roll_call(&s, ["absent", "late", "absent"], &both),
        )
        .await;
    let changes = &fourth.ok(200)["follow_ups"];
    assert_eq!(ids(&changes["updated"]), [task_a]);
    let task_c = ids(&changes["opened"]);
    assert_eq!(task_c.len(), 1, "{changes}");
    let task_c = task_c[0];
    let open = app
        .get(
            &s.token,
            &format!("/api/v1/follow-ups?state=open&group_id={}", s.group),
        )
        .await;
    let open = open.ok(200)["items"].clone();
    assert_eq!(ids(&open), [task_a, task_c]);
    assert_eq!(ids(&open[0]["sessions"]).len(), 4);
    assert_eq!(ids(&open[1]["sessions"]), s.sessions[1..4]);

    // The peer sees both in their own queue and records a call: transport is the barrier.
    let peer = app
        .token("rule", "gurpreet.s@example.org", Role::Facilitator)
        .await;
    let mine = app.get(&peer, "/api/v1/follow-ups?mine=true").await;
    assert_eq!(ids(&mine.ok(200)["items"]), [task_a, task_c]);
    let called = app
        .post(
            &peer,
            &format!("/api/v1/follow-ups/{task_a}/attempts"),
            &json!({"outcome": "reached", "barriers": ["transport"], "next_step": "needs_support",
                    "support": {"kind": "transport", "details": "bus tickets"}}),
        )
        .await;
    let called = called.ok(200);
    assert_eq!(called["attempts"], 1);
    assert_eq!(
        called["call_attempts"][0]["made_by"],
        "gurpreet.s@example.org"
    );
    let need = called["call_attempts"][0]["support_need_id"]
        .as_i64()
        .unwrap();
    let supports = app
        .get(
            &s.token,
            &format!("/api/v1/enrollments/{}/supports", s.enrollments[0]),
        )
        .await;
    let supports = supports.ok(200);
    assert_eq!(supports.as_array().unwrap().len(), 1);
    assert_eq!(supports[0]["id"], need);
    assert_eq!(supports[0]["kind"], "transport");
    assert_eq!(supports[0]["status"], "requested");
    assert_eq!(supports[0]["details"], "bus tickets");

    // Four days later both are overdue; only C's, with no call, is escalated, once.
    app.clock.advance(Duration::days(4));
    let overdue = app.get(&s.token, "/api/v1/follow-ups?overdue=true").await;
    assert_eq!(ids(&overdue.ok(200)["items"]), [task_a, task_c]);
    let escalated = app.get(&s.token, "/api/v1/follow-ups?escalated=true").await;
    assert_eq!(ids(&escalated.ok(200)["items"]), [task_c]);
    // (The server sweeps once a minute too; whichever sweep runs first, it runs once.)
    let store = &app.server().store;
    peergroup_app::follow_ups::escalate_due(store)
        .await
        .unwrap();
    assert_eq!(
        peergroup_app::follow_ups::escalate_due(store)
            .await
            .unwrap(),
        0
    );
    let escalated = app
        .get(&s.token, &format!("/api/v1/follow-ups/{task_c}"))
        .await;
    assert_eq!(escalated.ok(200)["escalated_at"], "2027-03-05T00:00:00Z");
    let org = app.get(&s.token, "/api/v1/me").await.ok(200)["org_id"]
        .as_i64()
        .unwrap();
    let events = store.pending_notifications(org).await.unwrap();
    assert_eq!(
        events,
        [
            ("follow_up_opened".to_string(), task_a),
            ("follow_up_opened".to_string(), task_c),
            ("follow_up_escalated".to_string(), task_c),
        ]
    );

    // A correction: C was in fact present at session 4. C's untouched task closes and says
    // why; A's task keeps its four sessions.
    let corrected = app
        .post(
            &s.token,
            &log(3),
            &roll_call(&s, ["absent", "late", "present"], &both),
        )
        .await;
    let corrected = corrected.ok(200);
    assert_eq!(corrected["version"], 2);
    assert_eq!(ids(&corrected["follow_ups"]["closed"]), [task_c]);
    let revisions = corrected["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0]["log"]["attendance"][2]["status"], "absent");
    assert_eq!(revisions[1]["log"]["attendance"][2]["status"], "present");
    assert_eq!(revisions[1]["changed_by"], "coordinator@rule.example.org");
    let c = app
        .get(&s.token, &format!("/api/v1/follow-ups/{task_c}"))
        .await;
    assert_eq!(c.ok(200)["state"], "closed_by_correction");
    assert!(
        c.body["closed_note"]
            .as_str()
            .unwrap()
            .contains("before anyone called")
    );

    // Another correction, by the peer facilitator, breaks A's run too, but A's task has a
    // call: it stays open.
    let corrected = app
        .post(
            &peer,
            &log(1),
            &roll_call(&s, ["present", "present", "absent"], &both),
        )
        .await;
    let corrected = corrected.ok(200);
    assert_eq!(corrected["follow_ups"]["closed"], json!([]));
    assert_eq!(
        corrected["revisions"][1]["changed_by"],
        "gurpreet.s@example.org"
    );
    let a = app
        .get(&s.token, &format!("/api/v1/follow-ups/{task_a}"))
        .await;
    assert_eq!(a.ok(200)["state"], "open");
    let history = app
        .get(
            &s.token,
            &format!("/api/v1/enrollments/{}/attendance", s.enrollments[0]),
        )
        .await;
    let history = history.ok(200);
    let statuses: Vec<&str> = history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["absent", "present", "absent", "absent"]);
    assert_eq!(history["current_streak"], 2);
    assert_eq!(history["attended"], 1);
    assert_eq!(history["open_tasks"], json!([task_a]));

    // The same log again changes nothing; with an Idempotency-Key the reply is replayed.
    let counts = app.row_counts().await;
    let again = app
        .post(
            &s.token,
            &log(1),
            &roll_call(&s, ["present", "present", "absent"], &both),
        )
        .await;
    assert_eq!(again.ok(200)["changed"], false);
    assert_eq!(app.row_counts().await, counts);
    let fifth = roll_call(&s, ["present", "present", "present"], &both);
    let mut replies = Vec::new();
    for _ in 0..2 {
        let response = app
            .client
            .post(format!("{}{}", app.base, log(4)))
            .bearer_auth(&s.token)
            .header("Idempotency-Key", "roll-call-5")
            .json(&fifth)
            .send()
            .await
            .unwrap();
        replies.push(peergroup_blackbox::into_reply(response).await);
    }
    assert_eq!(replies[0].ok(200)["version"], 1);
    assert_eq!(replies[1].ok(200), replies[0].ok(200));
    assert_eq!(
        replies[1].headers.get("idempotent-replayed").unwrap(),
        "true"
    );
    let after_fifth = app.row_counts().await;
    let count = peergroup_blackbox::count_of;
    assert_eq!(
        count(&after_fifth, "session_log_revisions"),
        count(&counts, "session_log_revisions") + 1
    );
    assert_eq!(
        count(&after_fifth, "attendance"),
        count(&counts, "attendance") + 3
    );

    // Figures over the five held sessions (A: absent, present, absent, absent, present;
    // B: present ×3, late, present; C: excused, absent, absent, present, present).
    let figures = app
        .get(&s.token, &format!("/api/v1/groups/{}/figures", s.group))
        .await;
    let f = figures.ok(200);
    assert_eq!(f["sessions_planned"], 24);
    assert_eq!(f["sessions_held"], 5);
    assert_eq!(f["attendance_rate"], 0.6);
    assert_eq!(f["dose"], json!([2, 5, 2]));
    assert_eq!(f["completed"], 0, "75% of 24 sessions is 18");
    assert_eq!(f["retention"].as_array().unwrap().len(), 5);
    assert!(
        f["retention"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["still_attending"] == 3)
    );
    assert_eq!(
        f["absences"],
        json!([{"reason": "childcare", "count": 1, "share": 1.0 / 6.0},
               {"reason": "unexcused", "count": 5, "share": 5.0 / 6.0}])
    );
    assert_eq!(f["topics_covered_rate"], Value::Null);
    // The education phase needs an educator and two peer leaders; one peer leader came.
    assert_eq!(f["required_roles_rate"], 0.0);
    let program = app.get(&s.token, "/api/v1/programs").await.ok(200)["items"][0]["id"]
        .as_i64()
        .unwrap();
    let across = app
        .get(&s.token, &format!("/api/v1/programs/{program}/figures"))
        .await;
    assert_eq!(across.ok(200)["dose"], json!([2, 5, 2]));
    app.get(&peer, &format!("/api/v1/programs/{program}/figures"))
        .await
        .problem(403);

    // Closing ends the task; a call on a closed task is refused and writes nothing.
    app.post(
        &peer,
        &format!("/api/v1/follow-ups/{task_a}/close"),
        &json!({"state": "resolved"}),
    )
    .await
    .ok(200);
    let before = app.row_counts().await;
    app.post(
        &peer,
        &format!("/api/v1/follow-ups/{task_a}/attempts"),
        &json!({"outcome": "no_answer"}),
    )
    .await
    .problem(409);
    app.post(
        &s.token,
        &format!("/api/v1/follow-ups/{task_a}/assign"),
        &json!({"assignee_person_id": s.educator}),
    )
    .await
    .problem(409);
    assert_eq!(app.row_counts().await, before);
    app.stop().await;
}

#[tokio::test]
async fn the_next_session_shows_support_headcounts_without_names() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "heads").await;
    for (enrollment, body) in [
        (
            s.enrollments[0],
            json!({"kind": "childcare", "children_ages": ["five_to_twelve", "two_to_four"], "status": "arranged"}),
        ),
        (
            s.enrollments[1],
            json!({"kind": "childcare", "children_ages": ["two_to_four"]}),
        ),
        (s.enrollments[1], json!({"kind": "transport"})),
        (
            s.enrollments[2],
            json!({"kind": "interpreter", "interpreter_language": "ar"}),
        ),
        (
            s.enrollments[2],
            json!({"kind": "food", "details": "halal", "status": "declined"}),
        ),
    ] {
        app.create_id(
            &s.token,
            &format!("/api/v1/enrollments/{enrollment}/supports"),
            &body,
        )
        .await;
    }
    let heads = app
        .get(
            &s.token,
            &format!("/api/v1/sessions/{}/supports", s.sessions[4]),
        )
        .await;
    let heads = heads.ok(200);
    assert_eq!(heads["participants"], 3);
    assert_eq!(
        heads["childcare"],
        json!({"participants": 2, "children": 3, "ages": ["two_to_four", "two_to_four", "five_to_twelve"]})
    );
    assert_eq!(heads["transport"], 1);
    assert_eq!(
        heads["interpreters"],
        json!([{"language": "ar", "participants": 1}])
    );
    assert_eq!(heads["food"], 0, "a declined need is not counted");
    assert_eq!(heads["not_yet_arranged"], 3);
    let text = heads.to_string();
    assert!(!text.contains("Amina") && !text.contains("Bashir") && !text.contains("Chen"));
    app.stop().await;
}

#[tokio::test]
async fn a_roll_call_with_mistakes_is_refused_naming_the_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "mistakes").await;
    let other = setup(&app, "other-org").await;
    let outsider = app
        .create_id(
            &s.token,
            "/api/v1/people",
            &fixtures::person("Not Enrolled"),
        )
        .await;
    let path = format!("/api/v1/sessions/{}/log", s.sessions[0]);
    let good = roll_call(&s, ["present", "absent", "late"], &[s.peer]);
    let with = |pointer: &str, value: Value| {
        let mut body = good.clone();
        *body.pointer_mut(pointer).unwrap() = value;
        body
    };
    let [a, b, _] = s.people;
    let cases: Vec<(String, Value, u16, Option<&str>)> = vec![
        (
            path.clone(),
            with("/attendance/2/person_id", json!(outsider)),
            422,
            Some("attendance[2].person_id"),
        ),
        (
            path.clone(),
            with("/attendance/2/person_id", json!(a)),
            422,
            Some("attendance[2].person_id"),
        ),
        (
            path.clone(),
            with(
                "/attendance",
                json!([{"person_id": a, "status": "present"}, {"person_id": b, "status": "late"}]),
            ),
            422,
            Some("attendance"),
        ),
        (
            path.clone(),
            with("/attendance/1/status", json!("excused")),
            422,
            Some("attendance[1].reason"),
        ),
        (
            path.clone(),
            with("/attendance/1/status", json!("sleeping")),
            422,
            Some("attendance[1].status"),
        ),
        (
            path.clone(),
            with("/facilitators_present", json!([outsider])),
            422,
            Some("facilitators_present[0]"),
        ),
        (
            path.clone(),
            with("/held", json!(false)),
            422,
            Some("attendance"),
        ),
        (
            path.clone(),
            json!({"held": true, "started_at": "2027-03-02T00:00:00Z",
            "attendance": good["attendance"]}),
            422,
            Some("started_at"),
        ),
        (
            path.clone(),
            json!({"held": true, "minutes": 0, "attendance": good["attendance"]}),
            422,
            Some("minutes"),
        ),
        (
            path.clone(),
            json!({"held": true, "attendance": good["attendance"],
                   "supports": {"transport": {"people": 1, "amount_minor": 500, "currency": "dollars"}}}),
            422,
            Some("supports.transport.currency"),
        ),
        // A session of another organization, and one that is weeks away.
        (
            format!("/api/v1/sessions/{}/log", other.sessions[0]),
            good.clone(),
            404,
            None,
        ),
        (
            format!("/api/v1/sessions/{}/log", s.sessions[8]),
            good.clone(),
            422,
            Some("session_id"),
        ),
    ];
    let before = app.row_counts().await;
    for (path, body, status, field) in &cases {
        let reply = app.post(&s.token, path, body).await;
        reply.problem(*status);
        if let Some(field) = field {
            assert!(
                reply.fields().contains(&field.to_string()),
                "{body}: expected {field}, got {}",
                reply.body
            );
        }
        assert_eq!(app.row_counts().await, before, "{body} wrote something");
    }
    app.post(&s.token, &path, &good).await.ok(200);
    app.stop().await;
}

/// A group of a built-in template with two participants, a peer leader and a professional
/// in the template's roles, its sessions generated and the clock past its first two.
async fn template_group(
    app: &TestApp,
    token: &str,
    key: &str,
    professional: &str,
) -> (i64, [i64; 2], i64, Vec<i64>) {
    let program = app
        .create_id(token, &format!("/api/v1/templates/{key}/copy"), &json!({}))
        .await;
    let group = app
        .create_id(token, "/api/v1/groups", &fixtures::group(program))
        .await;
    let mut people = [0; 2];
    for (i, name) in ["Li Wei", "Zhang Min"].iter().enumerate() {
        people[i] = app
            .create_id(token, "/api/v1/people", &fixtures::person(name))
            .await;
        app.create_id(
            token,
            &format!("/api/v1/groups/{group}/enrollments"),
            &json!({"person_id": people[i]}),
        )
        .await;
    }
    let peer = app
        .create_id(token, "/api/v1/people", &fixtures::person("Peer Leader"))
        .await;
    let pro = app
        .create_id(token, "/api/v1/people", &fixtures::person("Pro Leader"))
        .await;
    app.train(token, program, peer, "peer_leader").await;
    app.train(token, program, pro, professional).await;
    app.create_id(
        token,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": peer, "role": "peer", "program_role": "peer_leader"}),
    )
    .await;
    app.create_id(
        token,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": pro, "role": "professional", "program_role": professional}),
    )
    .await;
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap());
    let sessions = app.generate_sessions(token, group).await;
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 2, 12, 0, 0, 0).unwrap());
    let assignee = if key == "yang-2014" { pro } else { peer };
    (group, people, assignee, sessions)
}

fn present(people: &[i64]) -> Value {
    let attendance: Vec<Value> = people
        .iter()
        .map(|p| json!({"person_id": p, "status": "present"}))
        .collect();
    json!({"held": true, "attendance": attendance})
}

#[tokio::test]
async fn planned_check_in_calls_and_one_to_one_meetings_join_the_queue_once() {
    let app = TestApp::spawn().await;
    let token = app.coordinator("contacts").await;

    // Yang 2014: the clinician calls every participant after every session.
    let (_, people, clinician, sessions) =
        template_group(&app, &token, "yang-2014", "clinician").await;
    let log = format!("/api/v1/sessions/{}/log", sessions[0]);
    let first = app.post(&token, &log, &present(&people)).await;
    let planned = ids(&first.ok(200)["follow_ups"]["planned"]);
    assert_eq!(planned.len(), 2);
    for (task, person) in planned.iter().zip(people) {
        let t = app.get(&token, &format!("/api/v1/follow-ups/{task}")).await;
        let t = t.ok(200);
        assert_eq!(t["kind"], "check_in_call");
        assert_eq!(t["person_id"], person);
        assert_eq!(t["assignee_person_id"], clinician);
        assert_eq!(ids(&t["sessions"]), [sessions[0]]);
        // The first session starts 2027-02-03 18:00 PST (02:00 UTC the next day).
        assert_eq!(t["due_at"], "2027-02-11T02:00:00Z");
    }
    // A correction opens no second call; logged as not held, the calls close; held again,
    // they reopen.
    let mut changed = present(&people);
    changed["attendance"][1]["status"] = json!("late");
    let corrected = app.post(&token, &log, &changed).await;
    assert_eq!(corrected.ok(200)["follow_ups"]["planned"], json!([]));
    let not_held = app.post(&token, &log, &json!({"held": false})).await;
    assert_eq!(ids(&not_held.ok(200)["follow_ups"]["closed"]), planned);
    let again = app.post(&token, &log, &present(&people)).await;
    assert_eq!(ids(&again.ok(200)["follow_ups"]["planned"]), planned);
    let second = app
        .post(
            &token,
            &format!("/api/v1/sessions/{}/log", sessions[1]),
            &present(&people),
        )
        .await;
    assert_eq!(ids(&second.ok(200)["follow_ups"]["planned"]).len(), 2);
    let calls = app
        .get(&token, "/api/v1/follow-ups?state=open&limit=200")
        .await;
    assert_eq!(calls.ok(200)["items"].as_array().unwrap().len(), 4);

    // Tang 2015: a peer leader meets each participant once in the education phase, by the
    // start of its sixth (last) session.
    let (group, people, peer, sessions) =
        template_group(&app, &token, "tang-2015", "certified_diabetes_educator").await;
    let mut meetings = Vec::new();
    for session in &sessions[..2] {
        let reply = app
            .post(
                &token,
                &format!("/api/v1/sessions/{session}/log"),
                &present(&people),
            )
            .await;
        meetings.extend(ids(&reply.ok(200)["follow_ups"]["planned"]));
    }
    assert_eq!(
        meetings.len(),
        2,
        "one meeting per participant, opened once"
    );
    let sixth = app
        .get(&token, &format!("/api/v1/sessions/{}", sessions[5]))
        .await
        .ok(200)["starts_at"]
        .clone();
    for task in &meetings {
        let t = app.get(&token, &format!("/api/v1/follow-ups/{task}")).await;
        let t = t.ok(200);
        assert_eq!(t["kind"], "one_to_one_meeting");
        assert_eq!(t["assignee_person_id"], peer);
        assert_eq!(t["due_at"], sixth);
        assert!(t["note"].as_str().unwrap().contains("action plan"));
    }
    let queue = app
        .get(&token, &format!("/api/v1/follow-ups?group_id={group}"))
        .await;
    assert_eq!(ids(&queue.ok(200)["items"]), meetings);
    app.stop().await;
}

#[tokio::test]
async fn simultaneous_roll_calls_and_calls_take_turns() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "race").await;
    let path = format!("/api/v1/sessions/{}/log", s.sessions[0]);
    let body = roll_call(&s, ["absent", "present", "present"], &[s.peer]);
    // The same first roll-call from two devices at once: one writes, the other changes
    // nothing.
    let (a, b) = tokio::join!(
        app.post(&s.token, &path, &body),
        app.post(&s.token, &path, &body)
    );
    let mut changed = vec![a.ok(200)["changed"].clone(), b.ok(200)["changed"].clone()];
    changed.sort_by_key(|v| v.as_bool());
    assert_eq!(changed, [json!(false), json!(true)]);
    let log = app.get(&s.token, &path).await;
    assert_eq!(log.ok(200)["revisions"].as_array().unwrap().len(), 1);

    // Two calls recorded at once on one task both count.
    let task = app
        .create_id(
            &s.token,
            "/api/v1/follow-ups",
            &json!({"enrollment_id": s.enrollments[0], "note": "Check in"}),
        )
        .await;
    let attempts = format!("/api/v1/follow-ups/{task}/attempts");
    let call = json!({"outcome": "no_answer"});
    let (a, b) = tokio::join!(
        app.post(&s.token, &attempts, &call),
        app.post(&s.token, &attempts, &call)
    );
    a.ok(200);
    b.ok(200);
    let t = app
        .get(&s.token, &format!("/api/v1/follow-ups/{task}"))
        .await;
    assert_eq!(t.ok(200)["attempts"], 2);
    assert_eq!(t.body["call_attempts"].as_array().unwrap().len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_session_is_logged_from_just_before_its_start_not_a_day_ahead() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "early").await;
    let session = *s.sessions.last().unwrap();
    let detail = app
        .get(&s.token, &format!("/api/v1/sessions/{session}"))
        .await;
    let starts_at: chrono::DateTime<Utc> = detail.ok(200)["starts_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let path = format!("/api/v1/sessions/{session}/log");
    let absent = roll_call(&s, ["absent", "absent", "absent"], &[s.peer]);

    app.clock.set(starts_at - chrono::Duration::hours(2));
    let before = app.row_counts().await;
    let refused = app.post(&s.token, &path, &absent).await;
    refused.problem(422);
    assert_eq!(refused.fields(), ["session_id"]);
    assert_eq!(
        app.row_counts().await,
        before,
        "an early roll-call wrote something"
    );

    // At the door, a few minutes early, the roll-call is taken.
    app.clock.set(starts_at - chrono::Duration::minutes(20));
    app.post(&s.token, &path, &absent).await.ok(200);
    app.stop().await;
}

#[tokio::test]
async fn ending_a_group_closes_its_open_tasks_saying_why() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "ended").await;
    let opened = log_first_three(&app, &s, ["absent", "present", "present"]).await;
    assert_eq!(opened.len(), 1, "three misses open one task");
    let open = app
        .get(
            &s.token,
            &format!("/api/v1/follow-ups?group_id={}&state=open", s.group),
        )
        .await;
    assert_eq!(open.ok(200)["items"].as_array().unwrap().len(), 1);

    app.post(
        &s.token,
        &format!("/api/v1/groups/{}/status", s.group),
        &json!({"status": "cancelled"}),
    )
    .await
    .ok(200);
    let task = app
        .get(&s.token, &format!("/api/v1/follow-ups/{}", opened[0]))
        .await;
    let task = task.ok(200);
    assert_eq!(task["state"], "closed_with_group", "{task}");
    assert_eq!(
        task["closed_note"],
        "closed because the group was cancelled"
    );
    let open = app
        .get(
            &s.token,
            &format!("/api/v1/follow-ups?group_id={}&state=open", s.group),
        )
        .await;
    assert!(open.ok(200)["items"].as_array().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn the_assigned_caller_is_told_and_sees_who_to_call_and_no_one_else_does() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "caller").await;
    let opened = log_first_three(&app, &s, ["absent", "present", "present"]).await;
    let task = opened[0];
    let sheet_of = |task: i64| format!("/api/v1/follow-ups/{task}/call-sheet");
    let peer = app
        .token("caller", "gurpreet.s@example.org", Role::Facilitator)
        .await;
    let educator = app
        .token("caller", "dana.educator@example.org", Role::Facilitator)
        .await;

    let sheet = app.get(&peer, &sheet_of(task)).await;
    let sheet = sheet.ok(200);
    assert_eq!(sheet["display_name"], "Amina Y");
    assert_eq!(sheet["phone"], "+16045550123");
    assert_eq!(sheet["preferred_language"], "pa-Guru");
    assert_eq!(sheet["calls_consented"], true);
    let missed: Vec<i64> = sheet["missed_sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["session_id"].as_i64().unwrap())
        .collect();
    assert_eq!(missed, s.sessions[..3]);
    // Nothing beyond the call: the person's record stays closed to the caller, and another
    // facilitator of the group does not get the number.
    app.get(&peer, &format!("/api/v1/people/{}", s.people[0]))
        .await
        .problem(403);
    app.get(&educator, &sheet_of(task)).await.problem(403);
    app.get(&s.token, &sheet_of(task)).await.ok(200);

    // Without consent to calls, the number is not shown.
    let mut amina = fixtures::person("Amina Y");
    amina["consent"] = json!({"email_reminders": true, "sms_reminders": true, "calls": false, "source": "by_phone"});
    app.put(&s.token, &format!("/api/v1/people/{}", s.people[0]), &amina)
        .await
        .ok(200);
    let sheet = app.get(&peer, &sheet_of(task)).await;
    assert!(sheet.ok(200)["phone"].is_null());
    assert_eq!(sheet.body["calls_consented"], false);

    // The caller is told, in a message of their own; a new caller is told too.
    app.run_jobs_with(&app.config).await;
    let told = |person: i64| {
        let app = &app;
        let token = s.token.clone();
        async move {
            app.get(&token, &format!("/api/v1/messages?person_id={person}"))
                .await
                .ok(200)["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["kind"] == "follow_up_assigned")
                .count()
        }
    };
    assert_eq!(told(s.peer).await, 1);
    assert_eq!(told(s.educator).await, 0);
    app.post(
        &s.token,
        &format!("/api/v1/follow-ups/{task}/assign"),
        &json!({"assignee_person_id": s.educator}),
    )
    .await
    .ok(200);
    app.run_jobs_with(&app.config).await;
    assert_eq!(told(s.educator).await, 1);
    app.get(&educator, &sheet_of(task)).await.ok(200);
    app.get(&peer, &sheet_of(task)).await.problem(403);
    app.stop().await;
}

#[tokio::test]
async fn coordinators_get_one_message_per_sweep_listing_every_overdue_call() {
    use peergroup_blackbox::smtp::{SmtpServer, smtp_config};
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "storm").await;
    log_first_three(&app, &s, ["absent", "absent", "present"]).await;
    app.run_jobs_with(&config).await;
    let before = smtp.received().len();

    // Both calls come due unmade: one sweep, one message to the coordinator, both listed.
    app.clock.advance(Duration::days(4));
    let store = &app.server().store;
    assert_eq!(
        peergroup_app::follow_ups::escalate_due(store)
            .await
            .unwrap(),
        2
    );
    app.run_jobs_with(&config).await;
    let got = smtp.received();
    let escalations: Vec<_> = got[before..]
        .iter()
        .filter(|m| m.subject.starts_with("Overdue follow-up"))
        .collect();
    assert_eq!(escalations.len(), 1, "{:#?}", &got[before..]);
    let mail = escalations[0];
    assert_eq!(mail.to, "coordinator@storm.example.org");
    assert_eq!(mail.subject, "Overdue follow-up calls: 2");
    assert_eq!(
        mail.text.matches("Nobody has called yet").count(),
        2,
        "{}",
        mail.text
    );
    app.stop().await;
}
