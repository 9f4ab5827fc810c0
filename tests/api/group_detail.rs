//! A group's detail is kept in memory by the server that answered it, and served again only
//! while the database's revision of the group stands: every change to what the detail shows
//! must be in the next answer, whoever made it.

use peergroup_blackbox::{TestApp, fixtures, json};
use peergroup_domain::org::Role;
use peergroup_domain::values::{Name, Slug};
use serde_json::Value;

/// `GET /groups/{id}` next to the store's own read, which no cache sits in front of.
async fn assert_detail_is_current(app: &TestApp, token: &str, org: &str, group: i64) -> Value {
    let store = &app.server().store;
    let (org, _) = store
        .ensure_organization(&Slug::parse(org).unwrap(), &Name::parse(org).unwrap())
        .await
        .unwrap();
    let (truth, _) = store.get_group_detail(org.id, group).await.unwrap();
    let answered = app
        .get(token, &format!("/api/v1/groups/{group}"))
        .await
        .ok(200)
        .clone();
    assert_eq!(answered, serde_json::to_value(&truth).unwrap());
    answered
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["display_name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn every_change_to_what_a_group_detail_shows_is_in_the_next_answer() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("surrey").await;
    let (program, group) = app.fixture_group(&t).await;
    let current = |app| assert_detail_is_current(app, &t, "surrey", group);
    let d = current(&app).await;
    assert!(d["enrollments"].as_array().unwrap().is_empty());

    // Enrolling: capacity 3, so the fourth waits.
    let mut people = Vec::new();
    let mut enrolments = Vec::new();
    for name in ["Amrit A", "Baljit B", "Charan C", "Daljit D"] {
        let person = app
            .create_id(&t, "/api/v1/people", &fixtures::person(name))
            .await;
        people.push(person);
        enrolments.push(
            app.create_id(
                &t,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": person}),
            )
            .await,
        );
        let d = current(&app).await;
        assert_eq!(names(&d["enrollments"]).last(), Some(&name));
    }
    let d = current(&app).await;
    assert_eq!(
        (d["enrolled_count"].as_i64(), d["waitlisted_count"].as_i64()),
        (Some(3), Some(1))
    );

    // A participant's new name shows on the roster.
    app.put(
        &t,
        &format!("/api/v1/people/{}", people[0]),
        &fixtures::person("Amrit Kaur"),
    )
    .await
    .ok(200);
    assert_eq!(names(&current(&app).await["enrollments"])[0], "Amrit Kaur");

    // Withdrawing moves the first on the waitlist up.
    app.post(
        &t,
        &format!("/api/v1/enrollments/{}/withdraw", enrolments[1]),
        &json!({"reason": "moved"}),
    )
    .await
    .ok(200);
    let d = current(&app).await;
    assert_eq!(d["enrollments"][1]["status"], "withdrawn");
    assert_eq!(d["enrollments"][3]["status"], "enrolled");

    // Facilitators: assigned, renamed, removed.
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Manjit Peer"))
        .await;
    let assignment = app
        .create_id(
            &t,
            &format!("/api/v1/groups/{group}/facilitators"),
            &json!({"person_id": peer, "role": "peer"}),
        )
        .await;
    assert_eq!(names(&current(&app).await["facilitators"]), ["Manjit Peer"]);
    app.put(
        &t,
        &format!("/api/v1/people/{peer}"),
        &fixtures::person("Manjit Singh"),
    )
    .await
    .ok(200);
    assert_eq!(
        names(&current(&app).await["facilitators"]),
        ["Manjit Singh"]
    );
    app.delete(
        &t,
        &format!("/api/v1/groups/{group}/facilitators/{assignment}"),
    )
    .await;
    assert!(
        current(&app).await["facilitators"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The group's own settings and status.
    let mut spec = fixtures::group(program);
    spec["name"] = json!("Surrey Punjabi evening group");
    spec["capacity"] = json!(5);
    app.put(&t, &format!("/api/v1/groups/{group}"), &spec)
        .await
        .ok(200);
    let d = current(&app).await;
    assert_eq!(
        (d["name"].as_str(), d["capacity"].as_i64()),
        (Some("Surrey Punjabi evening group"), Some(5))
    );
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/status"),
        &json!({"status": "enrolling"}),
    )
    .await
    .ok(200);
    assert_eq!(current(&app).await["status"], "enrolling");

    // A detail kept for one organization is not another's, nor an unassigned facilitator's.
    let other = app.coordinator("burnaby").await;
    app.get(&other, &format!("/api/v1/groups/{group}"))
        .await
        .problem(404);
    let stranger = app
        .token("surrey", "stranger@example.org", Role::Facilitator)
        .await;
    app.get(&stranger, &format!("/api/v1/groups/{group}"))
        .await
        .problem(404);
    app.stop().await;
}

#[tokio::test]
async fn a_change_made_through_another_server_is_in_the_next_answer() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("surrey").await;
    let (_, group) = app.fixture_group(&t).await;
    let person = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Amrit A"))
        .await;
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/enrollments"),
        &json!({"person_id": person}),
    )
    .await
    .ok(201);
    let kept = assert_detail_is_current(&app, &t, "surrey", group).await;
    assert_eq!(names(&kept["enrollments"]), ["Amrit A"]);

    // Another process on the same database renames the participant.
    let other = peergroup::start(&app.config).await.expect("second server");
    let renamed = app
        .client
        .put(format!("http://{}/api/v1/people/{person}", other.addr))
        .bearer_auth(&t)
        .json(&fixtures::person("Amrit Kaur"))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);
    other.stop().await.unwrap();

    let d = assert_detail_is_current(&app, &t, "surrey", group).await;
    assert_eq!(names(&d["enrollments"]), ["Amrit Kaur"]);
    app.stop().await;
}
