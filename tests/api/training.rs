//! Facilitator training end to end: a template copied with its curricula, assignments
//! checked against them (refused, or overridden with a reason, per the organization's
//! policy), the group start check, sessions flagged for a missing professional, the gaps
//! report, and who may read a training record.

use peergroup_blackbox::{TestApp, fixtures, json};
use peergroup_domain::org::Role;
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_copied_design_trains_checks_and_reports_its_facilitators() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("training").await;
    let admin = app
        .token("training", "director@example.org", Role::Admin)
        .await;

    // The Tang design: a 20-hour peer leader training and a two-day educator training.
    let program = app
        .create_id(&t, "/api/v1/templates/tang-2015/copy", &json!({}))
        .await;
    let modules = app.get(&t, "/api/v1/training/modules").await;
    let modules = modules.ok(200).as_array().unwrap().clone();
    assert_eq!(modules.len(), 2);
    let peer_module = modules
        .iter()
        .find(|m| m["title"] == "Peer leader training")
        .unwrap();
    assert_eq!(peer_module["hours"], 20.0);
    assert_eq!(peer_module["topics"][0], "active listening");
    let peer_module = peer_module["id"].as_i64().unwrap();
    let educator_module = modules
        .iter()
        .find(|m| m["title"] == "Two-day educator training")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let requirements = app
        .get(&t, &format!("/api/v1/programs/{program}/requirements"))
        .await;
    let by_role: Vec<(String, Value, Value)> = requirements
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["role"].as_str().unwrap().to_string(),
                r["modules"].clone(),
                r["hours_required"].clone(),
            )
        })
        .collect();
    assert_eq!(
        by_role,
        [
            (
                "certified_diabetes_educator".to_string(),
                json!([educator_module]),
                Value::Null
            ),
            ("peer_leader".to_string(), json!([peer_module]), json!(20.0)),
        ]
    );

    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let (ap, tk) = (&app, t.as_str());
    let person = move |name| async move {
        ap.create_id(tk, "/api/v1/people", &fixtures::person(name))
            .await
    };
    let amrit = person("Amrit Peer").await;
    let baljit = person("Baljit Peer").await;
    let chen = person("Dr Chen").await;
    let assign = move |person: i64, role: &str, program_role: &str, reason: Option<&str>| {
        let mut body = json!({"person_id": person, "role": role, "program_role": program_role});
        if let Some(reason) = reason {
            body["override_reason"] = json!(reason);
        }
        let path = format!("/api/v1/groups/{group}/facilitators");
        async move { ap.post(tk, &path, &body).await }
    };

    // Untrained: refused, listing what is missing; nothing written.
    let before = app.row_counts().await;
    let refused = assign(amrit, "peer", "peer_leader", None).await;
    refused.problem(422);
    let missing: Vec<String> = refused.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        missing,
        [
            "peer_leader: training `Peer leader training` not completed",
            "peer_leader: 0 of 20 training hours",
        ]
    );
    assert_eq!(app.row_counts().await, before);

    // 16 of the 20 hours is not enough; the full course is.
    let complete = move |person: i64, module: i64, hours: f64, expires: Option<&str>| {
        let mut body = json!({"person_id": person, "module_id": module,
                              "completed_on": "2026-11-10", "hours": hours,
                              "trainer": "Clinic educator"});
        if let Some(e) = expires {
            body["expires_on"] = json!(e);
        }
        async move { ap.post(tk, "/api/v1/training/completions", &body).await }
    };
    complete(amrit, peer_module, 16.0, None).await.ok(201);
    let short = assign(amrit, "peer", "peer_leader", None).await;
    assert_eq!(
        short.problem(422)["errors"][0]["message"],
        "peer_leader: 16 of 20 training hours"
    );
    complete(amrit, peer_module, 20.0, None).await.ok(201);
    let ok = assign(amrit, "peer", "peer_leader", None).await;
    assert_eq!(ok.ok(201)["eligibility_override"], Value::Null);

    // Baljit's training ends in April, before the group's last session in July.
    complete(baljit, peer_module, 20.0, Some("2027-04-01"))
        .await
        .ok(201);
    assign(baljit, "peer", "peer_leader", None).await.ok(201);

    // No educator yet: the education phase's sessions are flagged, support sessions not,
    // and the group cannot start.
    let sessions = app.generate_sessions(&t, group).await;
    assert_eq!(sessions.len(), 24);
    let listed = app
        .get(
            &t,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01"),
        )
        .await;
    let flags: Vec<Vec<String>> = listed
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|s| strings(&s["roles_missing"]))
        .collect();
    assert_eq!(flags.len(), 24);
    assert!(
        flags[..6]
            .iter()
            .all(|f| f == &["certified_diabetes_educator: 0 of 1"])
    );
    assert!(flags[6..].iter().all(|f| f.is_empty()));
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/status"),
        &json!({"status": "enrolling"}),
    )
    .await
    .ok(200);
    let blocked = app
        .post(
            &t,
            &format!("/api/v1/groups/{group}/status"),
            &json!({"status": "running"}),
        )
        .await;
    assert!(
        blocked.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("certified_diabetes_educator: nobody is assigned"),
        "{}",
        blocked.body
    );

    // The organization allows overrides: a reason is required, then kept and shown.
    app.put(
        &admin,
        "/api/v1/organization",
        &json!({"quiet_hours_start": "21:00", "quiet_hours_end": "08:00",
                "training_policy": "override"}),
    )
    .await
    .ok(200);
    let before = app.row_counts().await;
    let no_reason = assign(chen, "professional", "certified_diabetes_educator", None).await;
    let fields = no_reason.fields();
    assert!(
        fields.contains(&"person_id".to_string())
            && fields.contains(&"override_reason".to_string()),
        "{}",
        no_reason.body
    );
    assert_eq!(app.row_counts().await, before);
    let overridden = assign(
        chen,
        "professional",
        "certified_diabetes_educator",
        Some("Trained in the Toronto pilot; certificate on its way"),
    )
    .await;
    let o = &overridden.ok(201)["eligibility_override"];
    assert_eq!(
        o["reason"],
        "Trained in the Toronto pilot; certificate on its way"
    );
    assert_eq!(
        strings(&o["unmet"]),
        ["certified_diabetes_educator: training `Two-day educator training` not completed"]
    );
    assert!(o["by_user_id"].as_i64().is_some());
    let detail = app.get(&t, &format!("/api/v1/groups/{group}")).await;
    let shown = detail.ok(200)["facilitators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["person_id"] == chen)
        .unwrap()["eligibility_override"]
        .clone();
    assert_eq!(&shown, o, "the group's detail shows the same override");
    let listed = app
        .get(
            &t,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01"),
        )
        .await;
    assert!(
        listed
            .ok(200)
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["roles_missing"] == json!([]))
    );

    // The gaps report: Chen (overridden, untrained) and Baljit (expiring), not Amrit.
    let gaps = app.get(&t, "/api/v1/reports/training-gaps").await;
    let gaps = gaps.ok(200);
    let people: Vec<(Value, Value, Value, Value)> = gaps["facilitators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["display_name"].clone(),
                f["unmet"].clone(),
                f["expiring"].clone(),
                f["overridden"].clone(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                json!("Baljit Peer"),
                json!([]),
                json!([
                    "peer_leader: training `Peer leader training` expired on 2027-04-01",
                    "peer_leader: 0 of 20 training hours"
                ]),
                json!(false)
            ),
            (
                json!("Dr Chen"),
                json!([
                    "certified_diabetes_educator: training `Two-day educator training` not completed"
                ]),
                json!([]),
                json!(true)
            ),
        ]
    );
    assert_eq!(
        gaps["sessions"],
        json!([]),
        "every session's roles are filled"
    );
    assert_eq!(gaps["facilitators"][0]["checked_on"], "2027-02-03");

    // With the override, the educator role is filled and the group starts.
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/status"),
        &json!({"status": "running"}),
    )
    .await
    .ok(200);

    // Amrit, a facilitator, reads their own record and nobody else's.
    let amrit_token = app
        .token("training", "amrit.peer@example.org", Role::Facilitator)
        .await;
    let own = app
        .get(&amrit_token, &format!("/api/v1/people/{amrit}/training"))
        .await;
    let own = own.ok(200);
    assert_eq!(own["display_name"], "Amrit Peer");
    assert_eq!(own["completions"].as_array().unwrap().len(), 2);
    assert_eq!(
        own["completions"][0]["module_title"],
        "Peer leader training"
    );
    assert_eq!(own["completions"][0]["valid_today"], true);
    assert_eq!(own["assignments"][0]["unmet"], json!([]));
    for other in [baljit, chen] {
        let r = app
            .get(&amrit_token, &format!("/api/v1/people/{other}/training"))
            .await;
        r.problem(404);
        assert!(!r.body.to_string().contains("Peer leader training"));
    }
    app.get(&amrit_token, "/api/v1/reports/training-gaps")
        .await
        .problem(403);
    app.post(
        &amrit_token,
        "/api/v1/training/completions",
        &json!({"person_id": amrit, "module_id": educator_module,
                "completed_on": "2026-11-10", "hours": 16}),
    )
    .await
    .problem(403);
    app.stop().await;
}

#[tokio::test]
async fn profile_conditions_and_expiry_decide_eligibility_on_the_groups_first_day() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("conditions").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let refresher = app
        .create_id(
            &t,
            "/api/v1/training/modules",
            &json!({"title": "Safeguarding refresher", "hours": 3,
                    "delivery_format": "online", "valid_for_months": 3}),
        )
        .await;
    let set = app
        .put(
            &t,
            &format!("/api/v1/programs/{program}/requirements/peer_leader"),
            &json!({"modules": [refresher],
                    "conditions": {"lived_experience": true, "languages": ["pa"],
                                   "min_age": 18, "criteria": ["police_check"]}}),
        )
        .await;
    assert_eq!(set.ok(200)["conditions"]["min_age"], 18);
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Jas Peer"))
        .await;
    let (ap, tk) = (&app, t.as_str());
    let assign = move || async move {
        ap.post(
            tk,
            &format!("/api/v1/groups/{group}/facilitators"),
            &json!({"person_id": peer, "role": "peer", "program_role": "peer_leader"}),
        )
        .await
    };
    let messages = |r: &peergroup_blackbox::Reply| -> Vec<String> {
        r.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["message"].as_str().unwrap().to_string())
            .collect()
    };
    let r = assign().await;
    r.problem(422);
    assert_eq!(
        messages(&r),
        [
            "peer_leader: training `Safeguarding refresher` not completed",
            "peer_leader: shared lived experience not confirmed",
            "peer_leader: language `pa` not confirmed",
            "peer_leader: not confirmed to be at least 18",
            "peer_leader: criterion `police_check` not confirmed",
        ]
    );
    app.put(
        &t,
        &format!("/api/v1/people/{peer}/facilitator-profile"),
        &json!({"lived_experience": true, "languages": ["pa-Guru"], "age_at_least": 21,
                "criteria": ["police_check"]}),
    )
    .await
    .ok(200);
    // Completed on 2026-11-03 and valid 3 months: it ends on 2027-02-03, the group's first
    // day, so on that day it no longer counts.
    let c = app
        .post(
            &t,
            "/api/v1/training/completions",
            &json!({"person_id": peer, "module_id": refresher,
                    "completed_on": "2026-11-03", "hours": 3}),
        )
        .await;
    assert_eq!(c.ok(201)["expires_on"], "2027-02-03");
    let r = assign().await;
    r.problem(422);
    assert_eq!(
        messages(&r),
        ["peer_leader: training `Safeguarding refresher` expired on 2027-02-03"]
    );
    // One day later is enough.
    app.post(
        &t,
        "/api/v1/training/completions",
        &json!({"person_id": peer, "module_id": refresher,
                "completed_on": "2026-11-04", "hours": 3}),
    )
    .await
    .ok(201);
    assign().await.ok(201);
    app.stop().await;
}

#[tokio::test]
async fn a_cohort_records_who_attended_and_the_hours_each_trainee_has() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("cohorts").await;
    let module = app
        .create_id(
            &t,
            "/api/v1/training/modules",
            &json!({"title": "Group facilitation", "hours": 6, "delivery_format": "in_person"}),
        )
        .await;
    let ana = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Ana Trainee"))
        .await;
    let bo = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Bo Trainee"))
        .await;
    let cohort = app
        .create_id(
            &t,
            "/api/v1/training/cohorts",
            &json!({"title": "Winter facilitators", "starts_on": "2026-11-16",
                    "ends_on": "2026-12-18", "trainers": ["Dr Okafor"],
                    "modules": [module], "trainees": [ana, bo]}),
        )
        .await;
    let mut sessions = Vec::new();
    for (day, hours) in [
        ("2026-11-16", 3.0),
        ("2026-11-23", 2.5),
        ("2026-12-07", 3.0),
    ] {
        let c = app
            .post(
                &t,
                &format!("/api/v1/training/cohorts/{cohort}/sessions"),
                &json!({"held_on": day, "hours": hours, "module_id": module,
                        "topic": "Active listening"}),
            )
            .await;
        sessions = c.ok(201)["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_i64().unwrap())
            .collect();
    }
    let attend = |session: i64, present: Value| {
        let (ap, tk) = (&app, t.as_str());
        async move {
            ap.put(
                tk,
                &format!("/api/v1/training/sessions/{session}/attendance"),
                &json!({ "present": present }),
            )
            .await
        }
    };
    attend(sessions[0], json!([ana, bo])).await.ok(200);
    let c = attend(sessions[1], json!([ana])).await;
    let progress: Vec<(Value, Value, Value)> = c.ok(200)["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["person_id"].clone(),
                p["sessions_attended"].clone(),
                p["hours_attended"].clone(),
            )
        })
        .collect();
    assert_eq!(
        progress,
        [
            (json!(ana), json!(2), json!(5.5)),
            (json!(bo), json!(1), json!(3.0))
        ]
    );
    assert_eq!(c.body["sessions"][1]["absent"], json!([bo]));
    // Taken again, the roll-call replaces the first one.
    let c = attend(sessions[1], json!([])).await;
    assert_eq!(c.ok(200)["progress"][0]["hours_attended"], 3.0);
    assert_eq!(c.body["sessions"][1]["absent"], json!([ana, bo]));
    // The December session has not been held yet.
    let before = app.row_counts().await;
    attend(sessions[2], json!([ana])).await.problem(409);
    assert_eq!(app.row_counts().await, before);
    let read = app
        .get(&t, &format!("/api/v1/training/cohorts/{cohort}"))
        .await;
    assert_eq!(read.ok(200)["trainers"], json!(["Dr Okafor"]));
    assert_eq!(read.body["sessions"].as_array().unwrap().len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn mentors_log_supervision_and_coordinators_see_who_is_overdue_and_how_busy_peers_are() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("supervision").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let person = |name: &'static str| {
        let (ap, tk) = (&app, t.as_str());
        async move {
            ap.create_id(tk, "/api/v1/people", &fixtures::person(name))
                .await
        }
    };
    let (kiran, lena, mentor) = (
        person("Kiran Peer").await,
        person("Lena Peer").await,
        person("Maya Mentor").await,
    );
    for (p, role) in [(kiran, "peer"), (lena, "peer"), (mentor, "professional")] {
        app.create_id(
            &t,
            &format!("/api/v1/groups/{group}/facilitators"),
            &json!({"person_id": p, "role": role}),
        )
        .await;
    }
    app.generate_sessions(&t, group).await;
    let participant = person("Noor Participant").await;
    let enrollment = app
        .create_id(
            &t,
            &format!("/api/v1/groups/{group}/enrollments"),
            &json!({"person_id": participant}),
        )
        .await;
    let task = app
        .create_id(
            &t,
            "/api/v1/follow-ups",
            &json!({"enrollment_id": enrollment, "note": "Ask about transport"}),
        )
        .await;
    app.post(
        &t,
        &format!("/api/v1/follow-ups/{task}/assign"),
        &json!({"assignee_person_id": kiran}),
    )
    .await
    .ok(200);

    // Maya logs her call with Kiran herself; she cannot log one as someone else.
    let maya = app
        .token("supervision", "maya.mentor@example.org", Role::Facilitator)
        .await;
    let contact = json!({"mentor_person_id": mentor, "peer_person_id": kiran,
                         "held_on": "2026-11-11", "mode": "call", "minutes": 25,
                         "topics": ["a hard session", "self-care"], "follow_up_needed": true});
    let logged = app
        .post(&maya, "/api/v1/supervision-contacts", &contact)
        .await;
    assert_eq!(
        logged.ok(201)["topics"],
        json!(["a hard session", "self-care"])
    );
    let mut as_other = contact.clone();
    as_other["mentor_person_id"] = json!(lena);
    app.post(&maya, "/api/v1/supervision-contacts", &as_other)
        .await
        .problem(403);
    let mine = app.get(&maya, "/api/v1/supervision-contacts").await;
    assert_eq!(mine.ok(200).as_array().unwrap().len(), 1);
    app.get(&maya, "/api/v1/reports/supervision")
        .await
        .problem(403);

    // On 1 February, twelve weeks reach back to 9 November: Kiran's call on the 11th
    // counts, Lena has none. Four weeks do not reach it.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 1, 12, 0, 0).unwrap());
    let report = app.get(&t, "/api/v1/reports/supervision?weeks=12").await;
    let rows: Vec<(Value, Value, Value, Value, Value, Value)> = report.ok(200)["peers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["display_name"].clone(),
                p["last_contact_on"].clone(),
                p["overdue"].clone(),
                p["groups"].clone(),
                p["sessions_next_30_days"].clone(),
                p["open_follow_ups"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                json!("Lena Peer"),
                Value::Null,
                json!(true),
                json!(1),
                json!(4),
                json!(0)
            ),
            (
                json!("Kiran Peer"),
                json!("2026-11-11"),
                json!(false),
                json!(1),
                json!(4),
                json!(1)
            ),
        ],
        "overdue first; the professional mentor is not listed"
    );
    let strict = app.get(&t, "/api/v1/reports/supervision?weeks=4").await;
    let overdue: Vec<&Value> = strict.ok(200)["peers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["overdue"])
        .collect();
    assert_eq!(overdue, [&json!(true), &json!(true)]);
    let bad = app.get(&t, "/api/v1/reports/supervision?weeks=0").await;
    assert_eq!(bad.problem(422)["errors"][0]["field"], "weeks");
    app.stop().await;
}

#[tokio::test]
async fn a_completion_takes_the_modules_hours_or_records_none_instead_of_inventing_them() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("hours").await;
    let person = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Noor Peer"))
        .await;
    // As the reviewed designs give it: "one day", no hours.
    let one_day = app
        .create_id(
            &t,
            "/api/v1/training/modules",
            &json!({"title": "One-day mentor training", "delivery_format": "in_person"}),
        )
        .await;
    let six_hours = app
        .create_id(
            &t,
            "/api/v1/training/modules",
            &json!({"title": "Group facilitation", "hours": 6, "delivery_format": "in_person"}),
        )
        .await;
    let complete = |module: i64| json!({"person_id": person, "module_id": module, "completed_on": "2026-11-10"});
    let none = app
        .post(&t, "/api/v1/training/completions", &complete(one_day))
        .await;
    assert!(none.ok(201)["hours"].is_null(), "{}", none.body);
    let six = app
        .post(&t, "/api/v1/training/completions", &complete(six_hours))
        .await;
    assert_eq!(six.ok(201)["hours"], 6.0);
    let training = app
        .get(&t, &format!("/api/v1/people/{person}/training"))
        .await;
    let text = training.ok(200).to_string();
    assert!(text.contains("One-day mentor training"), "{text}");
    app.stop().await;
}
