//! The coordinator's whole setup flow, the waitlist, the closed-group rule, and persistence
//! across a restart.

use peergroup_blackbox::{TestApp, fixtures, json};

#[tokio::test]
async fn a_coordinator_sets_up_a_program_group_participants_facilitators_and_supports() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("surrey").await;

    let program = app.post(&t, "/api/v1/programs", &fixtures::program()).await;
    let program_id = program.ok(201)["id"].as_i64().unwrap();
    assert_eq!(program.body["phases"][1]["sessions"], 18);
    assert_eq!(
        program.body["follow_up"]["consecutive_misses"], 3,
        "default missed-session threshold"
    );

    let group = app
        .post(&t, "/api/v1/groups", &fixtures::group(program_id))
        .await;
    let group_id = group.ok(201)["id"].as_i64().unwrap();
    assert_eq!(group.body["status"], "planned");
    assert_eq!(group.body["languages"], json!(["pa-Guru", "en"]));
    assert_eq!(group.body["start_time"], "18:00");

    // Facilitators: a peer with a lived-experience note and a professional.
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Manjit Peer"))
        .await;
    let educator = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Dr Educator"))
        .await;
    let a = app
        .post(
            &t,
            &format!("/api/v1/groups/{group_id}/facilitators"),
            &json!({"person_id": peer, "role": "peer", "program_role": "peer_leader"}),
        )
        .await;
    a.ok(201);
    assert_eq!(a.body["display_name"], "Manjit Peer");
    app.post(
        &t,
        &format!("/api/v1/groups/{group_id}/facilitators"),
        &json!({"person_id": educator, "role": "professional", "program_role": "educator"}),
    )
    .await
    .ok(201);

    // Capacity 3: three places, then the waitlist.
    let mut enrollments = Vec::new();
    for name in ["Harpreet A", "Gurpreet B", "Jaswinder C", "Kulwant D"] {
        let person = app
            .create_id(&t, "/api/v1/people", &fixtures::person(name))
            .await;
        let e = app
            .post(
                &t,
                &format!("/api/v1/groups/{group_id}/enrollments"),
                &json!({"person_id": person}),
            )
            .await;
        enrollments.push((
            e.ok(201)["id"].as_i64().unwrap(),
            e.body["status"].as_str().unwrap().to_string(),
        ));
    }
    let statuses: Vec<&str> = enrollments.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(statuses, ["enrolled", "enrolled", "enrolled", "waitlisted"]);

    // Supports for the first participant.
    let first = enrollments[0].0;
    let childcare = app
        .post(
            &t,
            &format!("/api/v1/enrollments/{first}/supports"),
            &json!({"kind": "childcare", "children_ages": ["two_to_four", "five_to_twelve"]}),
        )
        .await;
    let childcare_id = childcare.ok(201)["id"].as_i64().unwrap();
    assert_eq!(childcare.body["status"], "requested");
    app.post(
        &t,
        &format!("/api/v1/enrollments/{first}/supports"),
        &json!({"kind": "interpreter", "interpreter_language": "pa-Guru"}),
    )
    .await
    .ok(201);
    let arranged = app
        .put(
            &t,
            &format!("/api/v1/supports/{childcare_id}"),
            &json!({"kind": "childcare", "children_ages": ["two_to_four", "five_to_twelve"], "status": "arranged"}),
        )
        .await;
    assert_eq!(arranged.ok(200)["status"], "arranged");
    let supports = app
        .get(&t, &format!("/api/v1/enrollments/{first}/supports"))
        .await;
    assert_eq!(supports.ok(200).as_array().unwrap().len(), 2);

    // A withdrawal before the start gives the place to the first person waiting.
    let withdrawn = app
        .post(
            &t,
            &format!("/api/v1/enrollments/{}/withdraw", enrollments[1].0),
            &json!({"reason": "moved"}),
        )
        .await;
    assert_eq!(withdrawn.ok(200)["status"], "withdrawn");
    assert_eq!(withdrawn.body["withdrawn_reason"], "moved");
    let promoted = app
        .get(&t, &format!("/api/v1/enrollments/{}", enrollments[3].0))
        .await;
    assert_eq!(promoted.ok(200)["status"], "enrolled");

    // planned → enrolling → running closes the cohort.
    for status in ["enrolling", "running"] {
        let g = app
            .post(
                &t,
                &format!("/api/v1/groups/{group_id}/status"),
                &json!({"status": status}),
            )
            .await;
        assert_eq!(g.ok(200)["status"], status);
    }
    let late = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Late Comer"))
        .await;
    let refused = app
        .post(
            &t,
            &format!("/api/v1/groups/{group_id}/enrollments"),
            &json!({"person_id": late}),
        )
        .await;
    assert!(
        refused.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("closed group")
    );

    let detail = app.get(&t, &format!("/api/v1/groups/{group_id}")).await;
    let detail = detail.ok(200);
    assert_eq!(detail["status"], "running");
    assert_eq!(detail["enrolled_count"], 3);
    assert_eq!(detail["waitlisted_count"], 0);
    assert_eq!(detail["enrollments"].as_array().unwrap().len(), 4);
    assert_eq!(detail["facilitators"].as_array().unwrap().len(), 2);
    // The detail is read in one statement; it must agree with the per-object reads.
    for e in detail["enrollments"].as_array().unwrap() {
        let one = app
            .get(&t, &format!("/api/v1/enrollments/{}", e["id"]))
            .await;
        assert_eq!(one.ok(200), e);
    }
    let facilitators = app
        .get(&t, &format!("/api/v1/groups/{group_id}/facilitators"))
        .await;
    assert_eq!(facilitators.ok(200), &detail["facilitators"]);
    let ids: Vec<i64> = detail["enrollments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "roster in enrolment order"
    );

    // Completing and the list filter.
    let done = app
        .post(
            &t,
            &format!("/api/v1/enrollments/{}/complete", enrollments[0].0),
            &json!({}),
        )
        .await;
    assert_eq!(done.ok(200)["status"], "completed");
    let running = app.get(&t, "/api/v1/groups?status=running").await;
    assert_eq!(running.ok(200)["items"].as_array().unwrap().len(), 1);
    let planned = app.get(&t, "/api/v1/groups?status=planned").await;
    assert_eq!(planned.ok(200)["items"].as_array().unwrap().len(), 0);
    let withdrawn_only = app
        .get(
            &t,
            &format!("/api/v1/groups/{group_id}/enrollments?status=withdrawn"),
        )
        .await;
    assert_eq!(withdrawn_only.ok(200)["items"].as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn everything_is_still_there_after_a_restart() {
    let mut app = TestApp::spawn().await;
    let w = peergroup_blackbox::World::build(&app, "persist").await;
    let before = app
        .get(&w.token, &format!("/api/v1/groups/{}", w.group))
        .await
        .ok(200)
        .clone();
    let person_before = app
        .get(&w.token, &format!("/api/v1/people/{}", w.person))
        .await
        .ok(200)
        .clone();
    let counts_before = app.row_counts().await;

    app.restart().await;

    // The token, the group with its roster and facilitators, the person with consent times.
    let after = app
        .get(&w.token, &format!("/api/v1/groups/{}", w.group))
        .await;
    assert_eq!(after.ok(200), &before);
    let person_after = app
        .get(&w.token, &format!("/api/v1/people/{}", w.person))
        .await;
    assert_eq!(person_after.ok(200), &person_before);
    assert!(person_before["consent_given"]["email_reminders"].is_string());
    let support = app
        .get(&w.token, &format!("/api/v1/supports/{}", w.support))
        .await;
    assert_eq!(
        support.ok(200)["children_ages"],
        json!(["two_to_four", "five_to_twelve"])
    );
    assert_eq!(app.row_counts().await, counts_before);
    app.stop().await;
}

#[tokio::test]
async fn lists_are_paginated_by_cursor() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("pages").await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let p = app
            .post(
                &t,
                "/api/v1/people",
                &fixtures::person(&format!("Person {i}")),
            )
            .await;
        ids.push(p.ok(201)["id"].as_i64().unwrap());
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/people?limit=2".to_string();
    loop {
        let page = app.get(&t, &path).await;
        let page = page.ok(200);
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_i64() {
            Some(cursor) => path = format!("/api/v1/people?limit=2&after={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, ids);
    app.stop().await;
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let health = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let ready = peergroup_blackbox::into_reply(
        app.client
            .get(format!("{}/readyz", app.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(ready.ok(200)["status"], "ready");
    app.stop().await;
}
