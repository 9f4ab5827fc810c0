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

#[tokio::test]
async fn a_training_course_is_started_given_trainees_sessions_and_attendance() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let overview = page.get("/facilitators").await;
    let csrf = overview.csrf();
    let module = world.module.to_string();

    // Starting a course: bad input names the problem and starts nothing.
    let before = app.row_counts().await;
    for (title, starts, ends) in [
        ("", "2026-11-02", ""),
        ("Spring peer leaders", "soon", ""),
        ("Spring peer leaders", "2026-11-02", "2026-11-01"),
    ] {
        let r = page
            .post(
                "/facilitators/cohorts",
                &[
                    ("csrf", &csrf),
                    ("title", title),
                    ("starts_on", starts),
                    ("ends_on", ends),
                    ("modules", &module),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{title} {starts} {ends}"
        );
    }
    assert_eq!(app.row_counts().await, before);
    let started = page
        .post(
            "/facilitators/cohorts",
            &[
                ("csrf", &csrf),
                ("title", "Spring peer leaders"),
                ("starts_on", "2026-11-02"),
                ("ends_on", "2026-11-30"),
                ("trainers", "Clinic educator\nDr Mei Chen"),
                ("modules", &module),
            ],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let course = started.location.clone().unwrap();
    let course = course.split('?').next().unwrap().to_string();
    let shown = page.get(&format!("{course}?created=1")).await;
    assert!(shown.body.contains("<h1>Spring peer leaders</h1>"));
    assert!(
        shown
            .body
            .contains("Trainers: Clinic educator, Dr Mei Chen")
    );
    assert!(shown.body.contains("Modules: Peer leader basics"));

    // A trainee found by name and added; added again, still once.
    let found = page.get(&format!("{course}?q=Harpreet")).await;
    assert!(found.body.contains("Harpreet K"));
    let person = world.person.to_string();
    for _ in 0..2 {
        let r = page
            .post(
                &format!("{course}/trainees"),
                &[("csrf", &csrf), ("person_id", &person), ("action", "add")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let id: i64 = course.rsplit('/').next().unwrap().parse().unwrap();
    let stored = app
        .get(&world.token, &format!("/api/v1/training/cohorts/{id}"))
        .await;
    assert_eq!(
        stored.ok(200)["trainees"],
        peergroup_blackbox::json!([world.person])
    );

    // A session outside the course's dates is refused; one inside is added.
    let before = app.row_counts().await;
    let r = page
        .post(
            &format!("{course}/sessions"),
            &[("csrf", &csrf), ("held_on", "2026-12-05"), ("hours", "3")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.row_counts().await, before);
    let r = page
        .post(
            &format!("{course}/sessions"),
            &[
                ("csrf", &csrf),
                ("held_on", "2026-11-17"),
                ("hours", "2,5"),
                ("module_id", &module),
                ("topic", "Active listening"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = app
        .get(&world.token, &format!("/api/v1/training/cohorts/{id}"))
        .await;
    let session = stored.ok(200)["sessions"][0]["id"].as_i64().unwrap();

    // Attendance: the trainee ticked is present; someone else cannot be.
    let attendance = format!("/facilitators/training-sessions/{session}/attendance");
    let r = page
        .post(
            &attendance,
            &[("csrf", &csrf), ("present", &world.facilitator.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = page
        .post(&attendance, &[("csrf", &csrf), ("present", &person)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = page.get(&format!("{course}?attendance=1")).await;
    assert!(shown.body.contains("Attendance is saved."));
    let plain = shown.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(plain.contains("Came to 1 session, 2.5 hours"), "{plain}");
    assert!(shown.body.contains(&format!("value=\"{person}\" checked")));

    // Removed, the trainee is gone from the course.
    let r = page
        .post(
            &format!("{course}/trainees"),
            &[
                ("csrf", &csrf),
                ("person_id", &person),
                ("action", "remove"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // Another organization reaches none of it.
    let other = World::build(&app, "elsewhere").await;
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    let c = stranger.get("/facilitators").await.csrf();
    let before = app.row_counts().await;
    assert_eq!(stranger.get(&course).await.status, StatusCode::NOT_FOUND);
    for (path, fields) in [
        (
            format!("{course}/trainees"),
            vec![
                ("person_id", other.person.to_string()),
                ("action", "add".into()),
            ],
        ),
        (
            format!("{course}/sessions"),
            vec![("held_on", "2026-11-18".into()), ("hours", "2".into())],
        ),
        (attendance.clone(), vec![]),
    ] {
        let mut form: Vec<(&str, &str)> = vec![("csrf", &c)];
        form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
        let r = stranger.post(&path, &form).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.row_counts().await, before);
    app.stop().await;
}
