//! Headers and answers every client can rely on, whatever the route.

use peergroup_blackbox::{TestApp, fixtures};

#[tokio::test]
async fn a_missing_token_is_answered_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let reply = app
        .client
        .get(format!("{}/api/v1/people", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 401);
    let challenge = reply.headers()["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("Bearer"), "{challenge}");
    assert_eq!(reply.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}

#[tokio::test]
async fn personal_data_is_never_cached_and_never_sniffed() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("hygiene").await;
    let id = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Not Cached"))
        .await;
    for path in [format!("/api/v1/people/{id}"), "/api/v1/people".into()] {
        let reply = app
            .client
            .get(format!("{}{path}", app.base))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 200);
        assert_eq!(reply.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(reply.headers()["x-content-type-options"], "nosniff");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_method_the_route_does_not_have_is_a_problem_naming_the_allowed_ones() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("hygiene-405").await;
    let reply = app.delete(&t, "/api/v1/people").await;
    let problem = reply.problem(405);
    assert_eq!(problem["status"], 405);
    let allow = reply.headers.get("allow").unwrap().to_str().unwrap();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    app.stop().await;
}
