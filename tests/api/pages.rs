//! The web pages over real HTTP, as a browser without JavaScript would use them: invitation
//! mail, choosing a password, signing in and out, CSRF refusals, timeouts, limits, and the
//! same access rules as the API.

use peergroup_blackbox::pages::{PASSWORD, PageClient, invited, link_to};
use peergroup_blackbox::{TestApp, World, json};
use reqwest::StatusCode;

/// A form field or a header.
type Pair<'a> = (&'a str, &'a str);

const FACILITATOR: &str = "gurpreet.s@example.org";

#[tokio::test]
async fn an_invitation_link_sets_a_password_once_and_the_user_signs_in_and_out() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let link = app.invite(&world.token, FACILITATOR, "facilitator").await;
    let mut page = PageClient::new(&app.base);

    // Bad input changes nothing: the link still works after each refusal.
    let before = app.row_counts().await;
    let mismatch = page
        .post(
            &link,
            &[("password", PASSWORD), ("repeat", "something else")],
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.body.contains("not the same"));
    let short = page
        .post(&link, &[("password", "short"), ("repeat", "short")])
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("at least 10 characters"));
    assert_eq!(app.row_counts().await, before);
    assert!(page.cookie().is_none());

    let done = page
        .post(&link, &[("password", PASSWORD), ("repeat", PASSWORD)])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let cookie = done.set_cookie.expect("a cookie");
    assert!(cookie.starts_with("pg_login="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Expires") && !cookie.contains("Secure"));
    let home = page.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("My sessions"));
    assert!(
        home.body.contains("Surrey Punjabi group"),
        "the facilitator's group"
    );

    // The link is used up.
    let again = PageClient::new(&app.base).get(&link).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    let csrf = home.csrf();
    let out = page.post("/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(page.cookie().is_none(), "the cookie is cleared");
    let after = page.get("/").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location.as_deref(), Some("/sign-in?next=/"));

    let wrong = page
        .post(
            "/sign-in",
            &[("email", FACILITATOR), ("password", "not the password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("not right"));
    let right = page
        .post(
            "/sign-in",
            &[
                ("email", "Gurpreet.S@Example.org"),
                ("password", PASSWORD),
                ("next", "/follow-ups"),
            ],
        )
        .await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert_eq!(right.location.as_deref(), Some("/follow-ups"));
    assert_eq!(page.get("/follow-ups").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_sign_in_never_leads_to_another_site() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    for next in ["//evil.example", "https://evil.example/", "/\\evil.example"] {
        let r = page
            .post(
                "/sign-in",
                &[
                    ("email", FACILITATOR),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.location.as_deref(), Some("/"), "{next}");
    }
}

#[tokio::test]
async fn forms_from_another_site_or_without_the_token_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    // The evening after the group's first session.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 4, 4, 0, 0).unwrap());
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let path = format!("/sessions/{}", world.session);
    let form = page.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    // Childcare is planned by the children's age bands, the only ages kept.
    assert!(form.body.contains("2–4, 5–12"), "{}", form.body);
    let csrf = form.csrf();
    let mark = format!("mark_{}", world.person);
    let before = app.row_counts().await;
    let cases: [(&[Pair], &[Pair]); 4] = [
        // No token.
        (
            &[("held", "yes"), (&mark, "present")],
            &[("sec-fetch-site", "same-origin")],
        ),
        // A wrong token.
        (
            &[("csrf", "0123"), ("held", "yes"), (&mark, "present")],
            &[("sec-fetch-site", "same-origin")],
        ),
        // The right token, from another site.
        (
            &[("csrf", &csrf), ("held", "yes"), (&mark, "present")],
            &[("sec-fetch-site", "cross-site")],
        ),
        // An older browser: no Sec-Fetch-Site, another Origin.
        (
            &[("csrf", &csrf), ("held", "yes"), (&mark, "present")],
            &[("origin", "https://evil.example")],
        ),
    ];
    for (fields, headers) in cases {
        let r = page.post_with(&path, fields, headers).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(r.body.contains("refused for your safety"));
    }
    assert_eq!(app.row_counts().await, before);
    // The same form, sent properly, is saved.
    let facilitator = world.facilitator.to_string();
    let saved = page
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("held", "yes"),
                (&mark, "present"),
                ("facilitator", &facilitator),
                ("interpreter", "pa-Guru"),
                ("interpreter", "xx-not-the-groups"),
                ("childcare_places", "2"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("An interpreter was there for pa-Guru"));
    assert!(saved.body.contains("The roll-call is saved."));
    let log = app
        .get(
            &world.token,
            &format!("/api/v1/sessions/{}/log", world.session),
        )
        .await;
    let log = log.ok(200);
    assert_eq!(log["attendance"][0]["status"], "present");
    assert_eq!(log["supports"]["interpreters"], json!(["pa-Guru"]));
    assert_eq!(log["supports"]["childcare_places"], 2);
}

#[tokio::test]
async fn a_roll_call_missing_a_mark_is_refused_with_the_names_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    // The evening after the group's first session.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 4, 4, 0, 0).unwrap());
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let path = format!("/sessions/{}", world.session);
    let csrf = page.get(&path).await.csrf();
    let before = app.row_counts().await;
    let mark = format!("mark_{}", world.person);
    let reason = format!("reason_{}", world.person);
    for fields in [
        vec![("csrf", csrf.as_str()), ("held", "yes")],
        vec![
            ("csrf", &csrf),
            ("held", "yes"),
            (&mark, "excused"),
            (&reason, ""),
        ],
        vec![("csrf", &csrf), ("held", "yes"), (&mark, "sideways")],
        vec![
            ("csrf", &csrf),
            ("held", "yes"),
            (&mark, "present"),
            ("childcare_places", "-3"),
        ],
    ] {
        let r = page.post(&path, &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(r.body.contains("Harpreet K"), "names the participant");
    }
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn another_groups_or_organizations_pages_answer_404_as_the_api_does() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "elsewhere").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    // A group of the same organization the facilitator is not assigned to.
    let (_, group) = app.fixture_group(&world.token).await;
    let unassigned = app.generate_sessions(&world.token, group).await[0];
    for path in [
        format!("/sessions/{unassigned}"),
        format!("/sessions/{}", other.session),
        format!("/follow-ups/{}", other.task),
        "/sessions/99999999".to_string(),
        "/sessions/not-a-number".to_string(),
    ] {
        let r = page.get(&path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.body.contains("Elsewhere"), "{path}");
    }
    let api = app
        .get(&world.token, &format!("/api/v1/sessions/{}", other.session))
        .await;
    assert_eq!(api.status, 404);
}

#[tokio::test]
async fn a_sign_in_ends_after_the_idle_and_absolute_timeouts() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    assert_eq!(page.get("/").await.status, StatusCode::OK);
    // Used every 7 hours: within the 8-hour idle time, until the 7-day absolute limit.
    for _ in 0..23 {
        app.clock.advance(chrono::Duration::hours(7));
        assert_eq!(page.get("/").await.status, StatusCode::OK);
    }
    app.clock.advance(chrono::Duration::hours(7));
    assert_eq!(
        page.get("/").await.status,
        StatusCode::SEE_OTHER,
        "past 7 days"
    );

    let signed = page
        .post(
            "/sign-in",
            &[("email", FACILITATOR), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    app.clock.advance(chrono::Duration::hours(8));
    assert_eq!(
        page.get("/").await.status,
        StatusCode::SEE_OTHER,
        "idle 8 hours"
    );
}

#[tokio::test]
async fn an_expired_invitation_answers_404_and_sets_nothing() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let link = app.invite(&world.token, FACILITATOR, "facilitator").await;
    app.clock.advance(chrono::Duration::days(7));
    let mut page = PageClient::new(&app.base);
    assert_eq!(page.get(&link).await.status, StatusCode::NOT_FOUND);
    let r = page
        .post(&link, &[("password", PASSWORD), ("repeat", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(page.cookie().is_none());
    // A forged or altered link is no better.
    let forged = link.replace("/welcome/", "/welcome/x");
    assert_eq!(page.get(&forged).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_slowed_down() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let mut statuses = Vec::new();
    for _ in 0..13 {
        let r = page
            .post(
                "/sign-in",
                &[("email", FACILITATOR), ("password", "wrong guess 123")],
            )
            .await;
        statuses.push(r.status.as_u16());
    }
    // Ten at once, and the eleventh is checked but uses the allowance up.
    assert_eq!(&statuses[..11], &[401; 11]);
    assert_eq!(&statuses[11..], &[429, 429]);
    // While slowed down, even the right password waits.
    let r = page
        .post(
            "/sign-in",
            &[("email", FACILITATOR), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_mailed_link_and_the_old_sign_ins_end() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut old = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let invitation = app.mailed_links(FACILITATOR).await;
    let mut page = PageClient::new(&app.base);
    for email in [FACILITATOR, "nobody@example.org"] {
        let r = page.post("/forgot", &[("email", email)]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains("If this email has an account"),
            "the same answer"
        );
    }
    // Asking twice mails once.
    page.post("/forgot", &[("email", FACILITATOR)]).await;
    let links = app.mailed_links(FACILITATOR).await;
    let new: Vec<&String> = links.iter().filter(|l| !invitation.contains(l)).collect();
    assert_eq!(new.len(), 1, "{links:?}");
    let mail = app.outbox().await;
    assert!(
        mail.iter()
            .all(|m| !m.starts_with("To: nobody@example.org"))
    );
    let reset = page
        .post(
            new[0],
            &[
                ("password", "another passphrase"),
                ("repeat", "another passphrase"),
            ],
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        old.get("/").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let r = old
        .post(
            "/sign-in",
            &[("email", FACILITATOR), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "the old password is gone"
    );
}

#[tokio::test]
async fn only_managers_invite_only_admins_invite_admins_and_bad_invitations_write_nothing() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let facilitator = app
        .token(
            "riverside",
            FACILITATOR,
            peergroup_domain::org::Role::Facilitator,
        )
        .await;
    let before = app.row_counts().await;
    let refused = [
        (
            &facilitator,
            json!({"email": "x@example.org", "role": "facilitator"}),
            403,
        ),
        (
            &world.token,
            json!({"email": "x@example.org", "role": "admin"}),
            403,
        ),
        (
            &world.token,
            json!({"email": "not an email", "role": "facilitator"}),
            422,
        ),
        (
            &world.token,
            json!({"email": "x@example.org", "role": "boss"}),
            422,
        ),
        (&world.token, json!({"email": "x@example.org"}), 422),
    ];
    for (token, body, status) in refused {
        let r = app.post(token, "/api/v1/invitations", &body).await;
        r.problem(status);
    }
    assert_eq!(app.row_counts().await, before);
    assert!(app.mailed_links("x@example.org").await.is_empty());
    let link = link_to("see http://x/welcome/abc here", "/welcome/");
    assert_eq!(link.as_deref(), Some("/welcome/abc"));
}

#[tokio::test]
async fn each_user_picks_their_language_and_arabic_pages_run_right_to_left() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let form = page.get("/language").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(form.body.contains("العربية") && form.body.contains("ਪੰਜਾਬੀ"));
    let csrf = form.csrf();
    let before = app.row_counts().await;
    let bad = page
        .post("/language", &[("csrf", &csrf), ("locale", "tlh")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.row_counts().await, before);
    assert!(page.get("/").await.body.contains("dir=\"ltr\""));
    let saved = page
        .post("/language", &[("csrf", &csrf), ("locale", "ar")])
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let home = page.get("/").await;
    assert!(
        home.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        home.body
    );
    // Another browser of the same user, asking for English, still gets Arabic.
    let mut other = PageClient::new(&app.base);
    other
        .post(
            "/sign-in",
            &[("email", FACILITATOR), ("password", PASSWORD)],
        )
        .await;
    assert!(other.get("/").await.body.contains("lang=\"ar\""));
}

#[tokio::test]
async fn a_facilitator_reads_their_training_and_makes_a_calendar_link_that_a_new_one_replaces() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let training = page.get("/training").await;
    assert_eq!(training.status, StatusCode::OK);
    assert!(
        training.body.contains("Peer leader basics: 2026-11-01"),
        "{}",
        training.body
    );
    assert!(
        training
            .body
            .contains("Surrey Punjabi group (peer_leader): ready to lead")
    );

    let form = page.get("/calendar").await;
    let csrf = form.csrf();
    let refused = page.post("/calendar", &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let made = page.post("/calendar", &[("csrf", &csrf)]).await;
    assert_eq!(made.status, StatusCode::OK);
    let first = link_to(&made.body, "/calendar/").expect("a feed link");
    assert!(made.body.contains("webcal://"));
    let ics = app
        .client
        .get(format!("{}{first}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ics.status(), 200);
    assert!(ics.text().await.unwrap().contains("Surrey Punjabi group"));
    let again = page.post("/calendar", &[("csrf", &csrf)]).await;
    let second = link_to(&again.body, "/calendar/").unwrap();
    assert_ne!(first, second);
    let old = app
        .client
        .get(format!("{}{first}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 404, "the old link stops");

    // A user who is no facilitator is told so, and gets no link.
    let mut coordinator = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let none = coordinator.get("/training").await;
    assert!(none.body.contains("not linked to a facilitator"));
    let calendar = coordinator.get("/calendar").await.body;
    assert!(
        !calendar.contains("action=\"/calendar\""),
        "no form to make a link"
    );
}

#[tokio::test]
async fn a_tap_sent_twice_is_kept_once_and_a_co_facilitators_different_mark_shows_as_a_disagreement()
 {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let rosa = app
        .create_id(
            &world.token,
            "/api/v1/people",
            &peergroup_blackbox::fixtures::person("Rosa M"),
        )
        .await;
    app.train(&world.token, world.program, rosa, "peer_leader")
        .await;
    app.create_id(
        &world.token,
        &format!("/api/v1/groups/{}/facilitators", world.group),
        &json!({"person_id": rosa, "role": "peer", "program_role": "peer_leader"}),
    )
    .await;
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 4, 2, 30, 0).unwrap());
    let mut gurpreet = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    let mut rosa_page = invited(&app, &world.token, "rosa.m@example.org", "facilitator").await;
    let path = format!("/sessions/{}", world.session);
    let marks = format!("{path}/marks");
    let csrf = gurpreet.get(&path).await.csrf();
    let send = |client: &mut PageClient, csrf: String, body: serde_json::Value| {
        let req = app
            .client
            .post(format!("{}{marks}", app.base))
            .header("cookie", client.cookie().unwrap())
            .header("x-csrf-token", csrf)
            .header("sec-fetch-site", "same-origin")
            .json(&body);
        async move {
            let r = req.send().await.unwrap();
            let status = r.status();
            (
                status,
                r.json::<serde_json::Value>().await.unwrap_or_default(),
            )
        }
    };
    let tap = json!({"client_id": "3f1c-01", "person_id": world.person, "status": "present",
                     "marked_at": "2027-02-04T02:10:00Z"});
    let (status, first) = send(&mut gurpreet, csrf.clone(), tap.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["new"], true);
    let before = app.row_counts().await;
    let (_, again) = send(&mut gurpreet, csrf.clone(), tap.clone()).await;
    assert_eq!(
        again["new"], false,
        "the same tap, sent again, is kept once"
    );
    assert_eq!(app.row_counts().await, before);

    // Bad taps are refused with a problem and keep nothing.
    for (body, expected) in [
        (
            json!({"client_id": "x 1", "person_id": world.person, "status": "present", "marked_at": "2027-02-04T02:10:00Z"}),
            422,
        ),
        (
            json!({"client_id": "x2", "person_id": world.person, "status": "excused", "marked_at": "2027-02-04T02:10:00Z"}),
            422,
        ),
        (
            json!({"client_id": "x3", "person_id": world.person, "status": "present", "marked_at": "2027-03-01T00:00:00Z"}),
            422,
        ),
        (
            json!({"client_id": "x4", "person_id": world.facilitator, "status": "present", "marked_at": "2027-02-04T02:10:00Z"}),
            422,
        ),
        (
            json!({"client_id": "x5", "person_id": world.person, "status": "asleep", "marked_at": "2027-02-04T02:10:00Z"}),
            400,
        ),
    ] {
        let (status, problem) = send(&mut gurpreet, csrf.clone(), body).await;
        assert_eq!(status.as_u16(), expected, "{problem}");
    }
    let (status, _) = send(&mut gurpreet, "wrong".into(), tap.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.row_counts().await, before);

    // Rosa, at the same session, saw the participant absent.
    let rosa_csrf = rosa_page.get(&path).await.csrf();
    let (status, theirs) = send(
        &mut rosa_page,
        rosa_csrf,
        json!({"client_id": "9a7e-01", "person_id": world.person, "status": "absent",
               "marked_at": "2027-02-04T02:11:00Z"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let said = theirs["disagreements"][0].as_str().unwrap_or_default();
    assert_eq!(
        said.replace(['\u{2068}', '\u{2069}'], ""),
        "gurpreet.s@example.org marked: Present",
        "{theirs}"
    );
    assert_eq!(theirs["disagreements"].as_array().unwrap().len(), 1);
    // Neither mark overwrote the other: each facilitator's page shows their own, and the
    // other's as a disagreement.
    let page = gurpreet.get(&path).await.body;
    assert!(page.contains("rosa.m@example.org marked: Absent"), "{page}");
    assert!(page.contains(&format!(
        "name=\"mark_{}\" value=\"present\" checked",
        world.person
    )));
    let page = rosa_page.get(&path).await.body;
    assert!(page.contains("gurpreet.s@example.org marked: Present"));
    assert!(page.contains(&format!(
        "name=\"mark_{}\" value=\"absent\" checked",
        world.person
    )));

    // An id another user's phone made is no repeat of theirs.
    let rosa_csrf = rosa_page.get(&path).await.csrf();
    let (_, same_id) = send(
        &mut rosa_page,
        rosa_csrf,
        json!({"client_id": "3f1c-01", "person_id": world.person, "status": "absent",
               "marked_at": "2027-02-04T02:05:00Z"}),
    )
    .await;
    assert_eq!(same_id["new"], true, "{same_id}");

    // Another organization's session is not found.
    let other = World::build(&app, "elsewhere").await;
    let r = app
        .client
        .post(format!("{}/sessions/{}/marks", app.base, other.session))
        .header("cookie", gurpreet.cookie().unwrap())
        .header("x-csrf-token", csrf)
        .json(&tap)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_facilitator_asks_the_coordinators_to_help_with_a_call_and_they_are_mailed_once_per_tap()
{
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, FACILITATOR, "facilitator").await;
    app.post(
        &world.token,
        &format!("/api/v1/follow-ups/{}/assign", world.task),
        &json!({"assignee_person_id": world.facilitator}),
    )
    .await
    .ok(200);
    let path = format!("/follow-ups/{}", world.task);
    let sheet = page.get(&path).await;
    assert_eq!(sheet.status, StatusCode::OK, "{}", sheet.body);
    let csrf = sheet.csrf();
    let coordinator = "coordinator@riverside.example.org";
    let before_mail = app.outbox().await.len();
    let before = app.row_counts().await;
    let refused = page.post(&format!("{path}/escalate"), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.row_counts().await, before);

    let told = page
        .post(&format!("{path}/escalate"), &[("csrf", &csrf)])
        .await;
    assert_eq!(told.status, StatusCode::OK);
    assert!(told.body.contains("The coordinators are told."));
    let mail = app.outbox().await;
    assert_eq!(mail.len(), before_mail + 1, "{mail:#?}");
    assert!(
        mail.iter()
            .any(|m| m.starts_with(&format!("To: {coordinator}"))
                && m.contains("A facilitator of Surrey Punjabi group asks a coordinator to help")
                && m.contains(&format!("/follow-ups/{}", world.task)))
    );

    // A closed call cannot be handed over.
    app.post(
        &world.token,
        &format!("/api/v1/follow-ups/{}/close", world.task),
        &json!({"state": "resolved"}),
    )
    .await
    .ok(200);
    let closed = page
        .post(&format!("{path}/escalate"), &[("csrf", &csrf)])
        .await;
    assert_eq!(closed.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn an_invitation_in_arabic_is_mailed_in_arabic_and_its_page_runs_right_to_left() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    app.post(
        &world.token,
        "/api/v1/invitations",
        &json!({"email": FACILITATOR, "role": "facilitator", "locale": "ar"}),
    )
    .await
    .ok(201);
    let mail = app.outbox().await;
    let invitation = mail
        .iter()
        .find(|m| m.starts_with(&format!("To: {FACILITATOR}")))
        .expect("the invitation");
    assert!(invitation.contains("اختيار كلمة المرور"), "{invitation}");
    let link = link_to(invitation, "/welcome/").unwrap();
    let page = PageClient::new(&app.base).get(&link).await;
    assert!(
        page.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        page.body
    );
}
