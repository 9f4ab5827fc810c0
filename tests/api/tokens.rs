//! Admins list and revoke their organization's tokens; tokens can expire.

use peergroup_blackbox::TestApp;
use peergroup_domain::clock::Clock;
use peergroup_domain::org::Role;
use peergroup_domain::values::{Email, Slug};

#[tokio::test]
async fn an_admin_sees_every_token_with_its_last_use_and_never_its_secret() {
    let app = TestApp::spawn().await;
    let admin = app.token("tok", "admin@tok.example.org", Role::Admin).await;
    let peer = app
        .token("tok", "peer@tok.example.org", Role::Facilitator)
        .await;
    let unused = app.coordinator("tok").await;
    app.get(&peer, "/api/v1/me").await.ok(200);
    app.token("elsewhere", "admin@else.example.org", Role::Admin)
        .await;

    let list = app.get(&admin, "/api/v1/tokens").await;
    let items = list.ok(200).as_array().unwrap().clone();
    let emails: Vec<&str> = items.iter().map(|t| t["email"].as_str().unwrap()).collect();
    // Newest first, and only this organization's.
    assert_eq!(
        emails,
        [
            "coordinator@tok.example.org",
            "peer@tok.example.org",
            "admin@tok.example.org"
        ]
    );
    let text = list.body.to_string();
    for secret in [&admin, &peer, &unused] {
        assert!(!text.contains(secret.as_str()), "a secret is listed");
    }
    let by_email = |email: &str| items.iter().find(|t| t["email"] == email).unwrap();
    assert_eq!(by_email("peer@tok.example.org")["role"], "facilitator");
    assert!(by_email("peer@tok.example.org")["last_used_at"].is_string());
    assert!(by_email("admin@tok.example.org")["last_used_at"].is_string());
    assert!(by_email("coordinator@tok.example.org")["last_used_at"].is_null());
    assert!(by_email("coordinator@tok.example.org")["revoked_at"].is_null());

    // Coordinators and facilitators may not.
    app.get(&unused, "/api/v1/tokens").await.problem(403);
    app.get(&peer, "/api/v1/tokens").await.problem(403);
    app.stop().await;
}

#[tokio::test]
async fn a_revoked_token_is_refused_at_once_by_the_server_that_revoked_it() {
    // A long cache: only the revoke itself can make this server forget the token.
    let app = TestApp::spawn_with(|config| config.server.auth_cache_seconds = 300).await;
    let admin = app.token("rev", "admin@rev.example.org", Role::Admin).await;
    let peer = app
        .token("rev", "peer@rev.example.org", Role::Facilitator)
        .await;
    app.get(&peer, "/api/v1/me").await.ok(200);
    let id = app.get(&admin, "/api/v1/tokens").await.ok(200)[0]["id"]
        .as_i64()
        .unwrap();

    let revoked = app
        .post(
            &admin,
            &format!("/api/v1/tokens/{id}/revoke"),
            &serde_json::json!({}),
        )
        .await;
    let revoked_at = revoked.ok(200)["revoked_at"].as_str().unwrap().to_string();
    assert_eq!(revoked.body["email"], "peer@rev.example.org");
    app.get(&peer, "/api/v1/me").await.problem(401);

    // Again: nothing changes, and the first time stands.
    let again = app
        .post(
            &admin,
            &format!("/api/v1/tokens/{id}/revoke"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(again.ok(200)["revoked_at"], revoked_at.as_str());
    app.get(&admin, "/api/v1/me").await.ok(200);
    app.stop().await;
}

#[tokio::test]
async fn a_token_is_refused_from_its_expiry_and_a_past_expiry_is_not_issued() {
    // No cache: the expiry is checked on every request.
    let app = TestApp::spawn_with(|config| config.server.auth_cache_seconds = 0).await;
    let store = &app.server().store;
    let org = store
        .find_organization(&Slug::parse("exp").unwrap())
        .await
        .unwrap();
    assert!(org.is_none());
    app.coordinator("exp").await;
    let org = store
        .find_organization(&Slug::parse("exp").unwrap())
        .await
        .unwrap()
        .unwrap();
    let email = Email::parse("short@exp.example.org").unwrap();
    let now = app.clock.now();
    let token = store
        .issue_token(
            &org,
            &email,
            Role::Facilitator,
            "short",
            false,
            Some(now + chrono::Duration::hours(1)),
        )
        .await
        .unwrap();
    app.get(&token.secret, "/api/v1/me").await.ok(200);
    app.clock.advance(chrono::Duration::minutes(59));
    app.get(&token.secret, "/api/v1/me").await.ok(200);
    app.clock.advance(chrono::Duration::minutes(1));
    app.get(&token.secret, "/api/v1/me").await.problem(401);

    let refused = store
        .issue_token(&org, &email, Role::Facilitator, "past", false, Some(now))
        .await;
    assert!(matches!(
        refused,
        Err(peergroup_store::StoreError::Invalid(_))
    ));
    app.stop().await;
}
