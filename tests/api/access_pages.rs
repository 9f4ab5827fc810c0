//! People and access over real HTTP: an admin invites, changes a role and deactivates a
//! user, who is then signed out everywhere (browser, password, reset, API token) until
//! invited again; API tokens are revoked from the page. Coordinators invite but change
//! nobody's access, nobody changes their own, and another organization reaches nobody.

use peergroup_blackbox::pages::{PASSWORD, PageClient, invited};
use peergroup_blackbox::{TestApp, World};
use peergroup_domain::org::Role;
use reqwest::StatusCode;

const PEER: &str = "gurpreet.s@example.org";

#[tokio::test]
async fn an_admin_invites_changes_a_role_and_deactivates_until_invited_again() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let admin_token = app
        .token("riverside", "boss@example.org", Role::Admin)
        .await;
    let mut admin = invited(&app, &admin_token, "owner@example.org", "admin").await;
    let mut peer = invited(&app, &world.token, PEER, "facilitator").await;
    let peer_token = app.token("riverside", PEER, Role::Facilitator).await;
    assert_eq!(app.get(&peer_token, "/api/v1/me").await.status, 200);

    // Inviting from the page: bad input names each problem and writes nothing.
    let list = admin.get("/access").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(PEER));
    let csrf = list.csrf();
    let before = app.row_counts().await;
    let bad = admin
        .post(
            "/access/invite",
            &[
                ("csrf", &csrf),
                ("email", "not an address"),
                ("role", "boss"),
                ("locale", "xx"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for says in [
        "whole email address",
        "Choose a role",
        "one of the languages",
    ] {
        assert!(bad.body.contains(says), "{says}");
    }
    assert!(
        bad.body.contains("value=\"not an address\""),
        "kept as typed"
    );
    assert_eq!(app.row_counts().await, before);
    let sent = admin
        .post(
            "/access/invite",
            &[
                ("csrf", &csrf),
                ("email", "new.peer@example.org"),
                ("role", "facilitator"),
                ("locale", "fa-AF"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.location.as_deref(), Some("/access?invited=1"));
    assert_eq!(app.mailed_links("new.peer@example.org").await.len(), 1);
    let listed = admin.get("/access?invited=1").await;
    assert!(listed.body.contains("The invitation is on its way."));
    assert!(listed.body.contains("Invited, has not signed in yet"));

    // A role changed counts from the user's next page.
    let peer_id = user_on(&listed.body, PEER);
    assert_eq!(peer.get("/dashboard").await.status, StatusCode::FORBIDDEN);
    let changed = admin
        .post(
            &format!("/access/users/{peer_id}/role"),
            &[("csrf", &csrf), ("role", "coordinator")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(peer.get("/dashboard").await.status, StatusCode::OK);
    let bad_role = admin
        .post(
            &format!("/access/users/{peer_id}/role"),
            &[("csrf", &csrf), ("role", "owner")],
        )
        .await;
    assert_eq!(bad_role.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Deactivated: signed out, no password, no reset, no token.
    let gone = admin
        .post(
            &format!("/access/users/{peer_id}/deactivate"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER, "{}", gone.body);
    assert_eq!(peer.get("/").await.status, StatusCode::SEE_OTHER);
    let again = PageClient::new(&app.base)
        .post("/sign-in", &[("email", PEER), ("password", PASSWORD)])
        .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    let links_before = app.mailed_links(PEER).await.len();
    PageClient::new(&app.base)
        .post("/forgot", &[("email", PEER)])
        .await;
    assert_eq!(
        app.mailed_links(PEER).await.len(),
        links_before,
        "no reset mail"
    );
    assert_eq!(app.get(&peer_token, "/api/v1/me").await.status, 401);
    let page = admin.get("/access?deactivated=1").await;
    assert!(page.body.contains("Deactivated on"));
    // Deactivating twice changes nothing.
    let twice = admin
        .post(
            &format!("/access/users/{peer_id}/deactivate"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER);

    // Invited again, they choose a new password and are back.
    let old_links = app.mailed_links(PEER).await;
    app.post(
        &world.token,
        "/api/v1/invitations",
        &peergroup_blackbox::json!({"email": PEER, "role": "facilitator"}),
    )
    .await
    .ok(201);
    let links = app.mailed_links(PEER).await;
    let new: Vec<&String> = links.iter().filter(|l| !old_links.contains(l)).collect();
    assert_eq!(new.len(), 1);
    for old in &old_links {
        let used = PageClient::new(&app.base).get(old).await;
        assert_eq!(used.status, StatusCode::NOT_FOUND, "an old link stays dead");
    }
    let set = PageClient::new(&app.base)
        .post(new[0], &[("password", PASSWORD), ("repeat", PASSWORD)])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let signed = PageClient::new(&app.base)
        .post("/sign-in", &[("email", PEER), ("password", PASSWORD)])
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

/// The id in the first `/access/users/{id}/` form after `email` on the access page.
fn user_on(body: &str, email: &str) -> i64 {
    let at = body.find(email).unwrap_or_else(|| panic!("{email} listed"));
    let rest = &body[at..];
    let form = rest.find("/access/users/").expect("a form for them") + "/access/users/".len();
    rest[form..].split('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn nobody_changes_their_own_access_a_coordinator_changes_nobody_and_others_reach_nobody() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let boss_token = app
        .token("riverside", "boss@example.org", Role::Admin)
        .await;
    let mut boss = invited(&app, &boss_token, "boss@example.org", "admin").await;
    let boss_id = app.get(&boss_token, "/api/v1/me").await.ok(200)["user_id"]
        .as_i64()
        .unwrap();
    let mut coordinator = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let page = boss.get("/access").await;
    let lead = user_on(&page.body, "lead@example.org");
    let csrf = page.csrf();
    assert!(
        !page.body.contains(&format!("/access/users/{boss_id}/")),
        "no form to change themself"
    );

    // Not themself, even by hand.
    let before = app.row_counts().await;
    for path in [
        format!("/access/users/{boss_id}/deactivate"),
        format!("/access/users/{boss_id}/role"),
    ] {
        let r = boss
            .post(&path, &[("csrf", &csrf), ("role", "facilitator")])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{path}");
        assert!(r.body.contains("ask another admin"));
    }
    // Without the form's token, nothing.
    let forged = boss
        .post(&format!("/access/users/{lead}/deactivate"), &[])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // A coordinator invites, but not admins, and changes nobody's access.
    let theirs = coordinator.get("/access").await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("Only admins change roles"));
    assert!(!theirs.body.contains("API tokens"));
    assert!(!theirs.body.contains("value=\"admin\""));
    let c = theirs.csrf();
    let r = coordinator
        .post(
            "/access/invite",
            &[
                ("csrf", &c),
                ("email", "x@example.org"),
                ("role", "admin"),
                ("locale", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for path in [
        format!("/access/users/{boss_id}/role"),
        format!("/access/users/{boss_id}/deactivate"),
        "/access/tokens/1/revoke".to_string(),
    ] {
        let r = coordinator
            .post(&path, &[("csrf", &c), ("role", "facilitator")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.row_counts().await, before);
    // Another organization's admin reaches nobody here.
    let other_token = app
        .token("elsewhere", "boss@elsewhere.org", Role::Admin)
        .await;
    let mut other = invited(&app, &other_token, "boss@elsewhere.org", "admin").await;
    let before = app.row_counts().await;
    let o = other.get("/access").await;
    assert!(!o.body.contains("lead@example.org"));
    let oc = o.csrf();
    for path in [
        format!("/access/users/{lead}/role"),
        format!("/access/users/{lead}/deactivate"),
        "/access/users/x/deactivate".to_string(),
    ] {
        let r = other
            .post(&path, &[("csrf", &oc), ("role", "facilitator")])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.row_counts().await, before);
    assert_eq!(coordinator.get("/dashboard").await.status, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn an_admin_revokes_an_api_token_from_the_page_and_it_stops_at_once() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let boss_token = app
        .token("riverside", "boss@example.org", Role::Admin)
        .await;
    let mut boss = invited(&app, &boss_token, "boss@example.org", "admin").await;
    let peer_token = app.token("riverside", PEER, Role::Facilitator).await;
    let tokens = app.get(&boss_token, "/api/v1/tokens").await;
    let peer = tokens
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["email"] == PEER)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let page = boss.get("/access").await;
    assert!(page.body.contains("API tokens"));
    assert!(page.body.contains("never used"));
    let revoke = format!("/access/tokens/{peer}/revoke");
    assert!(page.body.contains(&revoke));
    assert_eq!(app.get(&peer_token, "/api/v1/me").await.status, 200);
    let r = boss.post(&revoke, &[("csrf", &page.csrf())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(app.get(&peer_token, "/api/v1/me").await.status, 401);
    assert_eq!(app.get(&world.token, "/api/v1/me").await.status, 200);
    let after = boss.get("/access?revoked=1").await;
    assert!(after.body.contains("The token is revoked."));
    assert!(after.body.contains("revoked on"));
    assert!(
        !after.body.contains(&revoke),
        "no button for a revoked token"
    );
    let r = boss
        .post("/access/tokens/999999/revoke", &[("csrf", &page.csrf())])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    app.stop().await;
}
