//! Creates sent twice with the same Idempotency-Key happen once.

use peergroup_blackbox::{TestApp, fixtures, json};

async fn post_with_key(
    app: &TestApp,
    token: &str,
    path: &str,
    key: &str,
    body: &serde_json::Value,
) -> peergroup_blackbox::Reply {
    let response = app
        .client
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(response).await
}

#[tokio::test]
async fn the_same_key_and_body_creates_once_and_replays_the_response() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("idem").await;
    let body = fixtures::person("Once Only");
    let first = post_with_key(&app, &t, "/api/v1/people", "key-1", &body).await;
    let first_body = first.ok(201).clone();
    let people_after_first = app.row_counts().await;

    let second = post_with_key(&app, &t, "/api/v1/people", "key-1", &body).await;
    assert_eq!(second.ok(201), &first_body);
    assert_eq!(second.headers.get("idempotent-replayed").unwrap(), "true");
    assert_eq!(app.row_counts().await, people_after_first);

    // Same key, different body: refused, nothing written.
    let other = post_with_key(
        &app,
        &t,
        "/api/v1/people",
        "key-1",
        &fixtures::person("Someone Else"),
    )
    .await;
    other.problem(422);
    assert_eq!(app.row_counts().await, people_after_first);

    // Another organization's identical key is its own.
    let t2 = app.coordinator("idem-two").await;
    let theirs = post_with_key(&app, &t2, "/api/v1/people", "key-1", &body).await;
    assert_ne!(theirs.ok(201)["id"], first_body["id"]);
    app.stop().await;
}

#[tokio::test]
async fn a_refused_request_frees_its_key_for_the_corrected_retry() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("idem-retry").await;
    let wrong = json!({"display_name": "Fixed Later", "preferred_language": "not a tag"});
    post_with_key(&app, &t, "/api/v1/people", "retry-1", &wrong)
        .await
        .problem(422);
    let right = post_with_key(
        &app,
        &t,
        "/api/v1/people",
        "retry-1",
        &fixtures::person("Fixed Later"),
    )
    .await;
    right.ok(201);
    let again = post_with_key(
        &app,
        &t,
        "/api/v1/people",
        "retry-1",
        &fixtures::person("Fixed Later"),
    )
    .await;
    assert_eq!(again.ok(201)["id"], right.body["id"]);
    app.stop().await;
}

#[tokio::test]
async fn concurrent_duplicates_create_one_enrolment() {
    let app = TestApp::spawn().await;
    let w = peergroup_blackbox::World::build(&app, "idem-race").await;
    let person = app
        .create_id(&w.token, "/api/v1/people", &fixtures::person("Racing One"))
        .await;
    let path = format!("/api/v1/groups/{}/enrollments", w.group);
    let body = json!({"person_id": person});
    let replies = futures_join(&app, &w.token, &path, &body).await;
    let created: Vec<_> = replies.iter().filter(|r| r.status == 201).collect();
    assert!(!created.is_empty());
    for r in &replies {
        assert!([201, 409].contains(&r.status.as_u16()), "{:?}", r.body);
    }
    let roster = app.get(&w.token, &format!("{path}?limit=200")).await;
    let mine = roster.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["person_id"] == person)
        .count();
    assert_eq!(mine, 1);
    app.stop().await;
}

async fn futures_join(
    app: &TestApp,
    token: &str,
    path: &str,
    body: &serde_json::Value,
) -> Vec<peergroup_blackbox::Reply> {
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, url, token, body) = (
            app.client.clone(),
            format!("{}{path}", app.base),
            token.to_string(),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let r = client
                .post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", "same")
                .json(&body)
                .send()
                .await
                .unwrap();
            peergroup_blackbox::into_reply(r).await
        }));
    }
    let mut replies = Vec::new();
    for t in tasks {
        replies.push(t.await.unwrap());
    }
    replies
}

#[tokio::test]
async fn a_key_is_its_senders_own_and_a_facilitator_cannot_replay_a_coordinators() {
    let app = TestApp::spawn().await;
    let coordinator = app.coordinator("idem-own").await;
    let body = fixtures::person("Kept Private");
    let first = post_with_key(&app, &coordinator, "/api/v1/people", "k-1", &body).await;
    let first_body = first.ok(201).clone();

    // A facilitator sending the same key and body is refused as if there were no key.
    let facilitator = app
        .token(
            "idem-own",
            "peer@idem-own.example.org",
            peergroup_domain::org::Role::Facilitator,
        )
        .await;
    let after_first = app.row_counts().await;
    let theirs = post_with_key(&app, &facilitator, "/api/v1/people", "k-1", &body).await;
    let problem = theirs.problem(403);
    assert!(problem.get("id").is_none() && problem.get("email").is_none());
    assert!(theirs.headers.get("idempotent-replayed").is_none());
    assert_eq!(app.row_counts().await, after_first);

    // Another coordinator's identical key is theirs, not a replay of the first.
    let other = app
        .token(
            "idem-own",
            "second@idem-own.example.org",
            peergroup_domain::org::Role::Coordinator,
        )
        .await;
    let second = post_with_key(&app, &other, "/api/v1/people", "k-1", &body).await;
    assert_ne!(second.ok(201)["id"], first_body["id"]);
    assert!(second.headers.get("idempotent-replayed").is_none());
    app.stop().await;
}

#[tokio::test]
async fn a_replay_needs_the_role_the_key_was_first_used_with() {
    let app = TestApp::spawn().await;
    let email = "coordinator@idem-role.example.org";
    let coordinator = app.coordinator("idem-role").await;
    let body = fixtures::person("Before Demotion");
    post_with_key(&app, &coordinator, "/api/v1/people", "k-2", &body)
        .await
        .ok(201);
    // The same user, now a facilitator, sends the same request again.
    let demoted = app
        .token("idem-role", email, peergroup_domain::org::Role::Facilitator)
        .await;
    let again = post_with_key(&app, &demoted, "/api/v1/people", "k-2", &body).await;
    let problem = again.problem(403);
    assert!(problem.get("id").is_none());
    assert!(again.headers.get("idempotent-replayed").is_none());
    app.stop().await;
}
