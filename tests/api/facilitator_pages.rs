//! Facilitators and training over real HTTP: the overview (gaps, supervision, modules,
//! courses), a module added, and on a facilitator's page a completion and a supervision
//! contact recorded. Bad input gets a clear 422 and writes nothing; facilitators and other
//! organizations get 403 and 404.

use peergroup_blackbox::pages::invited;
use peergroup_blackbox::{TestApp, World};
use reqwest::StatusCode;

#[tokio::test]
async fn a_coordinator_adds_a_module_and_records_training_and_supervision() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let overview = page.get("/facilitators").await;
    assert_eq!(overview.status, StatusCode::OK);
    for says in [
        "Gurpreet S",
        "Peer leader basics",
        "12 hours · in person",
        "Autumn peer leaders",
        "1 trainee",
    ] {
        assert!(overview.body.contains(says), "{says}: {}", overview.body);
    }
    let csrf = overview.csrf();

    // A module: bad input names the problem and adds nothing.
    let before = app.row_counts().await;
    for (title, hours, format) in [
        ("", "2", "online"),
        ("First aid", "lots", "online"),
        ("First aid", "2", "by pigeon"),
        ("First aid", "5000", "online"),
    ] {
        let r = page
            .post(
                "/facilitators/modules",
                &[
                    ("csrf", &csrf),
                    ("title", title),
                    ("hours", hours),
                    ("delivery_format", format),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{title} {hours} {format}"
        );
    }
    assert_eq!(app.row_counts().await, before);
    let added = page
        .post(
            "/facilitators/modules",
            &[
                ("csrf", &csrf),
                ("title", "Mental health first aid"),
                ("hours", "7,5"),
                ("delivery_format", "blended"),
                ("valid_for_months", "24"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let listed = page.get("/facilitators?module=1").await;
    assert!(listed.body.contains("The module is added."));
    assert!(
        listed
            .body
            .contains("7.5 hours · in person and online · valid 24 months"),
        "{}",
        listed.body
    );
    let modules = app.get(&world.token, "/api/v1/training/modules").await;
    let first_aid = modules
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == "Mental health first aid")
        .unwrap()["id"]
        .as_i64()
        .unwrap();

    // A completion on the facilitator's page.
    let person = format!("/facilitators/{}", world.facilitator);
    let record = page.get(&person).await;
    assert_eq!(record.status, StatusCode::OK);
    assert!(record.body.contains("<h1>Gurpreet S</h1>"));
    assert!(record.body.contains("Peer leader basics"));
    let module = first_aid.to_string();
    let before = app.row_counts().await;
    for (date, hours) in [("yesterday", ""), ("2999-01-01", ""), ("2026-11-20", "-3")] {
        let r = page
            .post(
                &format!("{person}/completions"),
                &[
                    ("csrf", &csrf),
                    ("module_id", &module),
                    ("completed_on", date),
                    ("hours", hours),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{date} {hours}");
    }
    assert_eq!(app.row_counts().await, before);
    let done = page
        .post(
            &format!("{person}/completions"),
            &[
                ("csrf", &csrf),
                ("module_id", &module),
                ("completed_on", "2026-11-20"),
                ("hours", ""),
                ("trainer", "Dr Mei Chen"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let training = app
        .get(
            &world.token,
            &format!("/api/v1/people/{}/training", world.facilitator),
        )
        .await;
    let completions = training.ok(200)["completions"].as_array().unwrap().clone();
    assert_eq!(completions.len(), 2);
    assert!(
        completions
            .iter()
            .any(|c| c["module_id"] == first_aid && c["hours"] == 7.5)
    );

    // A supervision contact with a mentor of the organization.
    let mentor = world.person.to_string();
    let bad = page
        .post(
            &format!("{person}/supervision"),
            &[
                ("csrf", &csrf),
                ("mentor_person_id", &mentor),
                ("held_on", "2026-11-20"),
                ("mode", "call"),
                ("minutes", "0"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let logged = page
        .post(
            &format!("{person}/supervision"),
            &[
                ("csrf", &csrf),
                ("mentor_person_id", &mentor),
                ("held_on", "2026-11-20"),
                ("mode", "call"),
                ("minutes", "45"),
                ("topics", "a hard call\nboundaries"),
                ("follow_up_needed", "yes"),
            ],
        )
        .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);
    let shown = page.get(&format!("{person}?contact=1")).await;
    for says in [
        "The supervision contact is logged.",
        "Call · 45 minutes",
        "a hard call, boundaries",
        "Needs follow-up",
    ] {
        assert!(shown.body.contains(says), "{says}: {}", shown.body);
    }

    // Without the form's token, from a facilitator, or from another organization: nothing.
    let before = app.row_counts().await;
    let forged = page
        .post(
            "/facilitators/modules",
            &[("title", "Forged"), ("delivery_format", "online")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(app.row_counts().await, before);
    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        peer.get("/facilitators").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(peer.get(&person).await.status, StatusCode::FORBIDDEN);
    let other = World::build(&app, "elsewhere").await;
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    let theirs = stranger.get("/facilitators").await;
    assert!(!theirs.body.contains("Mental health first aid"));
    let c = theirs.csrf();
    let before_other = app.row_counts().await;
    assert_eq!(stranger.get(&person).await.status, StatusCode::NOT_FOUND);
    let r = stranger
        .post(
            &format!("{person}/completions"),
            &[
                ("csrf", &c),
                ("module_id", &module),
                ("completed_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = stranger
        .post(
            &format!("{person}/supervision"),
            &[
                ("csrf", &c),
                ("mentor_person_id", &other.person.to_string()),
                ("held_on", "2026-11-20"),
                ("mode", "call"),
                ("minutes", "30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.row_counts().await, before_other);
    app.stop().await;
}
