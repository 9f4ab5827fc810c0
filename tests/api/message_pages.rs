//! The coordinators' messages page over real HTTP: a mail a real SMTP server refused shows
//! as failed with its error and is sent again from the page; any session's reminders are
//! previewed in each of the nine locales, with a sample link and nothing sent. Facilitators
//! and other organizations see none of it.

use peergroup_blackbox::pages::invited;
use peergroup_blackbox::smtp::{SmtpServer, smtp_config};
use peergroup_blackbox::{TestApp, World, json};
use reqwest::StatusCode;

#[tokio::test]
async fn a_refused_mail_shows_as_failed_and_is_sent_again_from_the_page() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    smtp.refuse(true);
    app.post(
        &world.token,
        "/api/v1/invitations",
        &json!({"email": "new.peer@example.org", "role": "facilitator"}),
    )
    .await
    .ok(201);
    app.run_jobs_with(&config).await;
    let dead = app.get(&world.token, "/api/v1/messages?state=dead").await;
    let dead = dead.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(dead.len(), 1, "{dead:#?}");
    let id = dead[0]["id"].as_i64().unwrap();

    let failed = page.get("/messages?state=dead").await;
    assert_eq!(failed.status, StatusCode::OK);
    for says in [
        "Invitation",
        "Failed",
        "new.peer@example.org",
        "550",
        "1 attempt",
    ] {
        assert!(failed.body.contains(says), "{says}: {}", failed.body);
    }
    let retry = format!("/messages/{id}/retry");
    assert!(failed.body.contains(&retry));
    let state = || async {
        app.get(&world.token, &format!("/api/v1/messages/{id}"))
            .await
            .ok(200)["state"]
            .clone()
    };
    // Without the form's token nothing happens.
    let forged = page.post(&retry, &[("state", "dead")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(state().await, "dead");

    let csrf = failed.csrf();
    let sent_again = page
        .post(&retry, &[("csrf", &csrf), ("state", "dead")])
        .await;
    assert_eq!(
        sent_again.status,
        StatusCode::SEE_OTHER,
        "{}",
        sent_again.body
    );
    assert_eq!(
        sent_again.location.as_deref(),
        Some("/messages?state=dead&retried=1")
    );
    assert_eq!(state().await, "queued");
    let after = page.get("/messages?state=dead&retried=1").await;
    assert!(after.body.contains("will be sent again"));
    assert!(after.body.contains("No messages here."));
    smtp.refuse(false);
    app.run_jobs_with(&config).await;
    assert_eq!(state().await, "sent");
    assert_eq!(smtp.received().len(), 1);
    assert_eq!(smtp.received()[0].to, "new.peer@example.org");

    // Only a dead message is sent again; a bad or unknown number is 404.
    let again = page.post(&retry, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    for path in ["/messages/999999/retry", "/messages/x/retry"] {
        let r = page.post(path, &[("csrf", &csrf)]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let bad = page.get("/messages?state=lost").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let all = page.get("/messages").await;
    assert!(all.body.contains("Sent"));

    // Another organization: nothing to see, nothing to send.
    let other = World::build(&app, "elsewhere").await;
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    let theirs = stranger.get("/messages").await;
    assert!(!theirs.body.contains("new.peer@example.org"));
    let r = stranger.post(&retry, &[("csrf", &theirs.csrf())]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A facilitator: not their page.
    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(peer.get("/messages").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        peer.get("/messages/preview").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

#[tokio::test]
async fn a_sessions_reminders_are_previewed_in_every_locale_without_a_real_link() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let group = app
        .get(&world.token, &format!("/api/v1/groups/{}", world.group))
        .await;
    let name = group.ok(200)["name"].as_str().unwrap().to_string();
    let messages_before = app.get(&world.token, "/api/v1/messages").await.ok(200)["items"]
        .as_array()
        .unwrap()
        .len();

    let english = page
        .get(&format!(
            "/messages/preview?session={}&kind=session_reminder&locale=en",
            world.session
        ))
        .await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(
        english.body.contains(&format!("Reminder: {name} on")),
        "{}",
        english.body
    );
    assert!(english.body.contains("/r/preview"));
    assert!(english.body.contains("nothing was sent"));
    let kinds = [
        "session_reminder",
        "session_changed",
        "session_cancelled",
        "facilitator_reminder",
    ];
    let locales = [
        "en", "es", "fr", "uk", "ar", "ne", "pa-Guru", "zh-Hans", "fa-AF",
    ];
    for kind in kinds {
        for locale in locales {
            let shown = page
                .get(&format!(
                    "/messages/preview?session={}&kind={kind}&locale={locale}",
                    world.session
                ))
                .await;
            assert_eq!(shown.status, StatusCode::OK);
            assert!(
                shown
                    .body
                    .contains(&format!("<section class=\"card mail\" lang=\"{locale}\"")),
                "{kind} in {locale}"
            );
            assert!(shown.body.contains(&name), "{kind} in {locale}");
            let rtl = matches!(locale, "ar" | "fa-AF");
            assert_eq!(shown.body.contains("dir=\"rtl\" aria-label"), rtl);
        }
    }
    // The facilitator's reminder names the roster.
    let roster = page
        .get(&format!(
            "/messages/preview?session={}&kind=facilitator_reminder&locale=en",
            world.session
        ))
        .await;
    assert!(roster.body.contains("Harpreet K"), "{}", roster.body);
    // Without a session, the next one; nothing was written or sent by any of it.
    let next = page.get("/messages/preview").await;
    assert!(next.body.contains(&name));
    let messages_after = app.get(&world.token, "/api/v1/messages").await.ok(200)["items"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(messages_before, messages_after);

    let other = World::build(&app, "elsewhere").await;
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    for path in [
        format!("/messages/preview?session={}", world.session),
        "/messages/preview?session=x".to_string(),
    ] {
        assert_eq!(
            stranger.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    app.stop().await;
}
