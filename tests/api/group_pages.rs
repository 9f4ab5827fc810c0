//! The coordinator's program and group pages over real HTTP: a reviewed design copied and
//! edited, a group previewed across a clock change before anything is saved, then created
//! with its sessions, people enrolled and withdrawn, and facilitators assigned with how
//! they stand against each role. Bad input changes nothing; another organization sees
//! nothing.

use peergroup_blackbox::pages::{PageClient, invited, link_to};
use peergroup_blackbox::{TestApp, World, json};
use reqwest::StatusCode;

async fn coordinator(app: &TestApp, world: &World) -> PageClient {
    invited(app, &world.token, "lead@example.org", "coordinator").await
}

/// The id at the end of a redirect such as `/programs/7?copied=1`.
fn id_in(location: Option<&str>, prefix: &str) -> i64 {
    let rest = location
        .and_then(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("a redirect to {prefix}…, not {location:?}"));
    rest.split('?').next().unwrap().parse().unwrap()
}

/// The program form of the edited Tang copy with a plan: HbA1c at baseline, after session
/// `sessions` and post; the Diabetes Distress Scale removed; PHQ-9 `weeks` after the end.
async fn post_plan(
    page: &mut PageClient,
    path: &str,
    csrf: &str,
    sessions: &str,
    weeks: &str,
) -> peergroup_blackbox::pages::PageReply {
    page.post(
        path,
        &[
            ("csrf", csrf),
            ("name", "Tang, Surrey"),
            ("sessions-0", "5"),
            ("minutes-0", "90"),
            ("sessions-1", "18"),
            ("minutes-1", "60"),
            ("threshold", "2"),
            ("participant_hours", "48, 3"),
            ("facilitator_hours", ""),
            ("plan-instrument-0", "hba1c"),
            ("plan-baseline-0", "1"),
            ("plan-after-0", sessions),
            ("plan-post-0", "1"),
            ("plan-weeks-0", ""),
            ("plan-instrument-1", ""),
            ("plan-instrument-2", "phq-9"),
            ("plan-weeks-2", weeks),
        ],
    )
    .await
}

/// Copies Tang 2015 through the programs page; its id.
async fn copy_tang(page: &mut PageClient) -> i64 {
    let list = page.get("/programs").await;
    let copied = page
        .post(
            "/programs/copy",
            &[("csrf", &list.csrf()), ("template", "tang-2015")],
        )
        .await;
    assert_eq!(copied.status, StatusCode::SEE_OTHER, "{}", copied.body);
    id_in(copied.location.as_deref(), "/programs/")
}

/// The new-group form for the Tang copy: Thursdays at 18:00 in Vancouver from 7 January
/// 2027, so the 24 weekly sessions cross the spring change of 14 March.
fn tang_group<'a>(csrf: &'a str, program: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("program_id", program),
        ("name", "Surrey Punjabi diabetes group"),
        ("languages", "pa en"),
        ("timezone", "America/Vancouver"),
        ("venue", "Gurdwara hall"),
        ("address", ""),
        ("start_date", "2027-01-07"),
        ("weekday", "thursday"),
        ("start_time", "18:00"),
        ("capacity", "12"),
        ("action", action),
    ]
}

#[tokio::test]
async fn a_reviewed_design_is_shown_copied_and_its_sessions_and_topics_edited() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = coordinator(&app, &world).await;
    let list = page.get("/programs").await;
    assert_eq!(list.status, StatusCode::OK);
    for says in [
        "Tang, Sohal",
        "Diabetes Distress Scale",
        "baseline, 6 weeks, 24 weeks",
        "Diabetes Self-Management Education: 6 sessions, every week, 75 minutes",
        "Certified diabetes educator (professional)",
        "A call after 3 missed sessions in a row",
        "Posttraumatic Growth Inventory",
    ] {
        assert!(list.body.contains(says), "{says}");
    }
    assert_eq!(list.body.matches("name=\"template\"").count(), 7);

    let program = copy_tang(&mut page).await;
    let shown = page.get(&format!("/programs/{program}?copied=1")).await;
    assert!(shown.body.contains("This program is now yours to change."));
    let csrf = shown.csrf();
    let stored = || async {
        app.get(&world.token, &format!("/api/v1/programs/{program}"))
            .await
            .ok(200)
            .clone()
    };
    let before = stored().await;

    // Not a number, too few minutes, a topic too long: 422, each problem named, nothing saved.
    let long = "x".repeat(300);
    let path = format!("/programs/{program}");
    let bad = page
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("name", "Tang"),
                ("sessions-0", "six"),
                ("minutes-0", "75"),
                ("topics-0", &long),
                ("sessions-1", "18"),
                ("minutes-1", "5"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("the number of sessions must be a whole number")
    );
    assert!(bad.body.contains("a topic is too long"));
    assert_eq!(stored().await, before);
    let too_few = page
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("name", "Tang"),
                ("sessions-0", "6"),
                ("minutes-0", "75"),
                ("sessions-1", "18"),
                ("minutes-1", "5"),
                ("threshold", "3"),
                ("participant_hours", "168, 24"),
                ("facilitator_hours", "24"),
            ],
        )
        .await;
    assert_eq!(too_few.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_few.body.contains("phases[1].session_minutes"),
        "{}",
        too_few.body
    );
    assert_eq!(stored().await, before);
    let no_token = page
        .post(&path, &[("name", "Tang"), ("sessions-0", "6")])
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);

    let saved = page
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("name", "Tang, Surrey"),
                ("sessions-0", "5"),
                ("minutes-0", "90"),
                (
                    "topics-0",
                    "Living with diabetes\r\n\r\nEating well at the langar\n",
                ),
                ("sessions-1", "18"),
                ("minutes-1", "60"),
                ("topics-1", ""),
                ("threshold", "2"),
                ("participant_hours", "48, 3"),
                ("facilitator_hours", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let after = stored().await;
    assert_eq!(after["name"], "Tang, Surrey");
    assert_eq!(after["phases"][0]["sessions"], 5);
    assert_eq!(after["phases"][0]["session_minutes"], 90);
    let topics: Vec<&str> = after["phases"][0]["session_plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["topic"].as_str().unwrap())
        .collect();
    assert_eq!(
        topics,
        ["Living with diabetes", "Eating well at the langar"]
    );
    // A form without the plan's fields keeps the study's plan.
    assert_eq!(after["assessments"], before["assessments"]);
    assert_eq!(after["assessments"][1]["instrument"], "dds");

    // The plan: HbA1c is not defined yet, and the page says so.
    let shown = page.get(&path).await;
    assert_eq!(
        shown
            .body
            .matches("not defined in your organization yet")
            .count(),
        2
    );
    assert!(
        shown.body.contains("name=\"plan-after-0\" value=\"6\""),
        "{}",
        shown.body
    );
    for (sessions, weeks, says) in [
        (
            "five",
            "12",
            "write session numbers and weeks as whole numbers",
        ),
        (
            "5",
            "600",
            "write session numbers and weeks as whole numbers",
        ),
        ("23", "12", "assessments[0].timepoints[1]"),
        ("5", "", "phq-9: choose at least one time"),
    ] {
        let refused = post_plan(&mut page, &path, &csrf, sessions, weeks).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{sessions} {weeks}"
        );
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
        assert_eq!(stored().await["assessments"], after["assessments"]);
    }
    let saved = post_plan(&mut page, &path, &csrf, "5", "12, 24").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let after = stored().await;
    let plan = after["assessments"].clone();
    assert_eq!(
        plan,
        json!([
            {"instrument": "hba1c", "label": "HbA1c (%)",
             "timepoints": ["baseline", "after_session_5", "post"]},
            {"instrument": "phq-9", "label": null, "timepoints": ["follow_up_12w", "follow_up_24w"]}
        ])
    );

    // Another organization's program is not found; a facilitator may not open programs.
    let other = World::build(&app, "elsewhere").await;
    let mut theirs = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    assert_eq!(theirs.get(&path).await.status, StatusCode::NOT_FOUND);
    let csrf_theirs = theirs.get("/programs").await.csrf();
    let foreign = theirs
        .post(
            &path,
            &[
                ("csrf", &csrf_theirs),
                ("name", "Mine now"),
                ("sessions-0", "6"),
                ("minutes-0", "75"),
                ("sessions-1", "18"),
                ("minutes-1", "60"),
            ],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(stored().await, after);
    let mut facilitator =
        invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        facilitator.get("/programs").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_group_is_previewed_across_the_clock_change_then_created_filled_and_led() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = coordinator(&app, &world).await;
    let program = copy_tang(&mut page).await.to_string();
    let form = page.get(&format!("/groups/new?program={program}")).await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf();

    // The preview lays out all 24 sessions at 18:00 local and shows the spring change; it
    // writes nothing.
    let before = app.row_counts().await;
    let preview = page
        .post("/groups", &tang_group(&csrf, &program, "preview"))
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview
            .body
            .contains("The clocks change here (UTC−08:00 → UTC−07:00)"),
        "{}",
        preview.body
    );
    assert_eq!(
        preview.body.matches("<td dir=\"ltr\">6:00 PM</td>").count(),
        24
    );
    assert!(preview.body.contains("value=\"create\""));
    assert_eq!(app.row_counts().await, before, "a preview writes nothing");

    // Bad input: every problem named, nothing written.
    let mut bad = tang_group(&csrf, &program, "create");
    bad.retain(|(k, _)| *k != "weekday");
    for (k, v) in bad.iter_mut() {
        match *k {
            "timezone" => *v = "Mars/Olympus",
            "capacity" => *v = "many",
            _ => {}
        }
    }
    let refused = page.post("/groups", &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for says in [
        "Choose a timezone",
        "Choose the days the group meets",
        "The places must be a whole number",
    ] {
        assert!(refused.body.contains(says), "{says}");
    }
    let mut too_big = tang_group(&csrf, &program, "create");
    too_big.retain(|(k, _)| *k != "capacity");
    too_big.push(("capacity", "501"));
    let over = page.post("/groups", &too_big).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(over.body.contains("capacity"), "{}", over.body);
    assert_eq!(app.row_counts().await, before);

    let created = page
        .post("/groups", &tang_group(&csrf, &program, "create"))
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let group = id_in(created.location.as_deref(), "/groups/");
    let sessions = app
        .get(
            &world.token,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2027-12-31"),
        )
        .await;
    let sessions = sessions.ok(200).as_array().unwrap().clone();
    assert_eq!(sessions.len(), 24);
    assert!(sessions.iter().all(|s| s["local_time"] == "18:00"));
    let path = format!("/groups/{group}");
    let shown = page.get(&format!("{path}?created=1")).await;
    assert!(shown.body.contains("Created, with its sessions."));
    assert_eq!(shown.body.matches("/change\"").count(), 24);
    let csrf = shown.csrf();

    // A calendar link to the group's 24 sessions; a new link stops the old one.
    let made = page.post(&format!("{path}/feed"), &[("csrf", &csrf)]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let feed = link_to(&made.body, "/calendar/").expect("the link, shown once");
    let mut anyone = PageClient::new(&app.base);
    let ics = anyone.get(&feed).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert_eq!(ics.body.matches("BEGIN:VEVENT").count(), 24);
    let again = page.post(&format!("{path}/feed"), &[("csrf", &csrf)]).await;
    let newer = link_to(&again.body, "/calendar/").unwrap();
    assert_ne!(newer, feed);
    assert_eq!(anyone.get(&feed).await.status, StatusCode::NOT_FOUND);
    assert_eq!(anyone.get(&newer).await.status, StatusCode::OK);

    // Enrol through a search; withdraw only with a reason.
    let found = page.get(&format!("{path}?q=Harpreet")).await;
    assert!(found.body.contains("Enrol Harpreet K"));
    let person = world.person.to_string();
    let enrolled = page
        .post(
            &format!("{path}/enrol"),
            &[("csrf", &csrf), ("person_id", &person)],
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::SEE_OTHER, "{}", enrolled.body);
    let roster = app
        .get(&world.token, &format!("/api/v1/groups/{group}/enrollments"))
        .await;
    let enrolment = roster.ok(200)["items"][0].clone();
    assert_eq!(enrolment["status"], "enrolled");
    let twice = page
        .post(
            &format!("{path}/enrol"),
            &[("csrf", &csrf), ("person_id", &person)],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
    let enrolment_id = enrolment["id"].to_string();
    let before = app.row_counts().await;
    let no_reason = page
        .post(
            &format!("{path}/withdraw"),
            &[
                ("csrf", &csrf),
                ("enrollment_id", &enrolment_id),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason
            .body
            .contains("say why the participant is withdrawing")
    );
    // An enrolment of another group cannot be reached through this group's form.
    let elsewhere = page
        .post(
            &format!("{path}/withdraw"),
            &[
                ("csrf", &csrf),
                ("enrollment_id", &world.enrollment.to_string()),
                ("reason", "moved"),
            ],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    // A reason is one of the form's choices, never the coordinator's own words.
    let words = page
        .post(
            &format!("{path}/withdraw"),
            &[
                ("csrf", &csrf),
                ("enrollment_id", &enrolment_id),
                ("reason", "her diabetes got worse"),
            ],
        )
        .await;
    assert_eq!(words.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.row_counts().await, before);

    // Facilitators: the invited peer leader lacks Tang's training, so the page says what
    // is missing and the organization's policy refuses the assignment; once trained, it
    // says they meet the requirements and the assignment goes through.
    let _gurpreet = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    let shown = page.get(&path).await;
    assert!(
        shown.body.contains("Assign Gurpreet S as Peer leader"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("does not meet the requirements yet"));
    assert!(
        shown.body.contains("Peer leader training"),
        "{}",
        shown.body
    );
    let facilitator = world.facilitator.to_string();
    let assign_form = [
        ("csrf", csrf.as_str()),
        ("person_id", facilitator.as_str()),
        ("role", "peer"),
        ("program_role", "peer_leader"),
        ("override_reason", ""),
    ];
    let assign_path = format!("{path}/facilitators");
    let before = app.row_counts().await;
    let blocked = page.post(&assign_path, &assign_form).await;
    assert_eq!(
        blocked.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        blocked.body
    );
    assert_eq!(app.row_counts().await, before);
    app.train(
        &world.token,
        program.parse().unwrap(),
        world.facilitator,
        "peer_leader",
    )
    .await;
    let ready = page.get(&path).await;
    assert!(ready.body.contains("meets the requirements"));
    let assigned = page.post(&assign_path, &assign_form).await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);
    let leads = app
        .get(
            &world.token,
            &format!("/api/v1/groups/{group}/facilitators"),
        )
        .await;
    assert_eq!(leads.ok(200)[0]["person_id"], world.facilitator);
    let shown = page.get(&path).await;
    assert!(
        !shown.body.contains("Assign Gurpreet S"),
        "assigned people leave the list"
    );

    // Status: open enrolment; a jump straight to completed is refused.
    let jump = page
        .post(
            &format!("{path}/status"),
            &[("csrf", &csrf), ("status", "completed")],
        )
        .await;
    assert_eq!(jump.status, StatusCode::CONFLICT, "{}", jump.body);
    let open = page
        .post(
            &format!("{path}/status"),
            &[("csrf", &csrf), ("status", "enrolling")],
        )
        .await;
    assert_eq!(open.status, StatusCode::SEE_OTHER);
    let g = app
        .get(&world.token, &format!("/api/v1/groups/{group}"))
        .await;
    assert_eq!(g.ok(200)["status"], "enrolling");

    // Another organization cannot see or change the group.
    let other = World::build(&app, "elsewhere").await;
    let mut theirs = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    assert_eq!(theirs.get(&path).await.status, StatusCode::NOT_FOUND);
    let csrf_theirs = theirs.get("/groups").await.csrf();
    let before = app.row_counts().await;
    for (action, fields) in [
        ("enrol", vec![("person_id", other.person.to_string())]),
        ("status", vec![("status", "cancelled".to_string())]),
    ] {
        let mut form = vec![("csrf", csrf_theirs.clone())];
        form.extend(fields);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = theirs.post(&format!("{path}/{action}"), &form).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{action}");
    }
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn coordinators_see_every_open_call_on_a_board_and_give_calls_to_facilitators() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = coordinator(&app, &world).await;
    let board = page.get("/follow-ups").await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.body.contains("Not called yet (1)"), "{}", board.body);
    assert!(board.body.contains("Called, still open (0)"));
    assert!(board.body.contains("Harpreet K"));
    let csrf = board.csrf();
    let path = format!("/follow-ups/{}/assign", world.task);
    let task = || async {
        app.get(&world.token, &format!("/api/v1/follow-ups/{}", world.task))
            .await
            .ok(200)
            .clone()
    };

    // Only a facilitator of the task's group may be given the call.
    let before = task().await;
    for bad in [world.person.to_string(), "someone".to_string()] {
        let r = page
            .post(&path, &[("csrf", &csrf), ("assignee", &bad)])
            .await;
        assert!(r.status.is_client_error(), "{bad}: {}", r.status);
    }
    assert_eq!(task().await, before);
    let given = page
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("assignee", &world.facilitator.to_string()),
            ],
        )
        .await;
    assert_eq!(given.status, StatusCode::SEE_OTHER, "{}", given.body);
    assert_eq!(task().await["assignee_person_id"], world.facilitator);
    let shown = page.get("/follow-ups?assigned=1").await;
    assert!(shown.body.contains("The caller is told."));
    assert!(shown.body.contains(&format!(
        "<option value=\"{}\" selected>Gurpreet S",
        world.facilitator
    )));

    // The facilitator calls; the board moves the card and the sheet keeps the call log.
    let mut gurpreet = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    let mine = gurpreet.get("/follow-ups").await;
    assert!(
        !mine.body.contains("Not called yet"),
        "facilitators keep their own list"
    );
    let sheet = gurpreet.get(&format!("/follow-ups/{}", world.task)).await;
    let called = gurpreet
        .post(
            &format!("/follow-ups/{}", world.task),
            &[("csrf", &sheet.csrf()), ("outcome", "no_answer")],
        )
        .await;
    assert_eq!(called.status, StatusCode::OK, "{}", called.body);
    let board = page.get("/follow-ups").await;
    assert!(
        board.body.contains("Called, still open (1)"),
        "{}",
        board.body
    );
    let log = page.get(&format!("/follow-ups/{}", world.task)).await;
    assert!(log.body.contains("Calls so far"));
    assert!(
        log.body.contains("(gurpreet.s@example.org)"),
        "{}",
        log.body
    );

    // A facilitator cannot give calls; another organization cannot see this one.
    let before = task().await;
    let r = gurpreet
        .post(&path, &[("csrf", &sheet.csrf()), ("assignee", "")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let other = World::build(&app, "elsewhere").await;
    let mut theirs = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    let board = theirs.get("/follow-ups").await;
    assert!(
        !board
            .body
            .contains(&format!("/follow-ups/{}\"", world.task))
    );
    let r = theirs
        .post(&path, &[("csrf", &board.csrf()), ("assignee", "")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(task().await, before);
}

#[tokio::test]
async fn a_session_is_moved_with_its_clashes_shown_or_cancelled_with_a_reason() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let t = &world.token;
    // A second group of the same facilitator, on Thursdays.
    let mut spec = peergroup_blackbox::fixtures::group(world.program);
    spec["name"] = "Thursday group".into();
    spec["weekdays"] = serde_json::json!(["thursday"]);
    let other_group = app.create_id(t, "/api/v1/groups", &spec).await;
    app.post(
        t,
        &format!("/api/v1/groups/{other_group}/facilitators"),
        &serde_json::json!({"person_id": world.facilitator, "role": "peer", "program_role": "peer_leader"}),
    )
    .await
    .ok(201);
    let sessions = app.generate_sessions(t, other_group).await;
    let (first, second) = (sessions[0], sessions[1]);
    let app = &app;
    let session = |id: i64| async move {
        app.get(t, &format!("/api/v1/sessions/{id}"))
            .await
            .ok(200)
            .clone()
    };
    let mut page = coordinator(app, &world).await;
    let path = format!("/sessions/{first}/change");
    let form = page.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("Move the session"));
    let csrf = form.csrf();
    let move_to = |date: &'static str, time: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("date", date.to_string()),
            ("time", time.to_string()),
            ("venue", "Gurdwara hall".to_string()),
        ]
    };
    let send = |fields: &Vec<(&'static str, String)>| {
        fields
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect::<Vec<_>>()
    };

    // Onto the Wednesday group's first session: the facilitator would be in both. Into the
    // past, or with no date: refused. Nothing moves.
    let before = session(first).await;
    let mv = format!("/sessions/{first}/move");
    for (fields, status, says) in [
        (
            move_to("2027-02-03", "18:00"),
            StatusCode::CONFLICT,
            "session",
        ),
        (
            move_to("2020-01-01", "18:00"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot move into the past",
        ),
        (
            move_to("", "18:00"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "choose a date",
        ),
        (
            move_to("2027-02-05", "25:00"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "time",
        ),
    ] {
        let fields = send(&fields);
        let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = page.post(&mv, &form).await;
        assert_eq!(r.status, status, "{}", r.body);
        assert!(r.body.contains(says), "{says}: {}", r.body);
    }
    assert_eq!(session(first).await, before);

    // The same day in the morning is free.
    let fields = send(&move_to("2027-02-03", "10:00"));
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let moved = page.post(&mv, &form).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert!(
        moved
            .body
            .contains("Moved. Participants already reminded are told.")
    );
    let after = session(first).await;
    assert_eq!(after["local_date"], "2027-02-03");
    assert_eq!(after["local_time"], "10:00");

    // Cancelling needs a reason; a cancelled session cannot be cancelled again.
    let cancel = format!("/sessions/{second}/cancel");
    let before = session(second).await;
    let no_reason = page
        .post(&cancel, &[("csrf", &csrf), ("reason", "  ")])
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("Say why the session is cancelled."));
    assert_eq!(session(second).await, before);
    let done = page
        .post(
            &cancel,
            &[("csrf", &csrf), ("reason", "Vaisakhi at the gurdwara")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.location.as_deref(),
        Some(format!("/groups/{other_group}?cancelled=1").as_str())
    );
    assert_eq!(session(second).await["status"], "cancelled");
    let again = page
        .post(&cancel, &[("csrf", &csrf), ("reason", "twice")])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    // A facilitator may not; another organization finds nothing.
    let mut gurpreet = invited(app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(gurpreet.get(&path).await.status, StatusCode::FORBIDDEN);
    let other = World::build(app, "elsewhere").await;
    let mut theirs = invited(app, &other.token, "lead@elsewhere.org", "coordinator").await;
    assert_eq!(theirs.get(&path).await.status, StatusCode::NOT_FOUND);
    let csrf_theirs = theirs.get("/groups").await.csrf();
    let before = session(first).await;
    let r = theirs
        .post(
            &mv,
            &[
                ("csrf", &csrf_theirs),
                ("date", "2027-03-03"),
                ("time", "12:00"),
                ("venue", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(session(first).await, before);
}

#[tokio::test]
async fn settings_are_read_by_coordinators_changed_by_admins_and_refused_when_wrong() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut lead = coordinator(&app, &world).await;
    let shown = lead.get("/settings").await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(
        shown
            .body
            .contains("Only an admin can change these settings.")
    );
    assert!(shown.body.contains("value=\"21:00\""));
    let csrf = shown.csrf();
    let organization = || async {
        app.get(&world.token, "/api/v1/organization")
            .await
            .ok(200)
            .clone()
    };
    let before = organization().await;
    let form = [
        ("csrf", csrf.as_str()),
        ("name", "Riverside Newcomers"),
        ("quiet_hours_start", "22:00"),
        ("quiet_hours_end", "07:30"),
        ("reply_to", "office@example.org"),
        ("training_policy", "override"),
    ];
    assert_eq!(
        lead.post("/settings", &form).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(organization().await, before);

    let director = app
        .token(
            "riverside",
            "head@example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let mut admin = invited(&app, &director, "director@example.org", "admin").await;
    let csrf = admin.get("/settings").await.csrf();
    for (field, value, says) in [
        (
            "quiet_hours_start",
            "late",
            "Write the quiet hours as times",
        ),
        ("reply_to", "not an address", "not an email address"),
        ("name", "   ", "Write the organization"),
    ] {
        let mut bad: Vec<(&str, &str)> = form.to_vec();
        bad[0] = ("csrf", csrf.as_str());
        bad.retain(|(k, _)| *k != field);
        bad.push((field, value));
        let r = admin.post("/settings", &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(says), "{says}");
    }
    assert_eq!(organization().await, before);
    let mut good = form.to_vec();
    good[0] = ("csrf", csrf.as_str());
    let saved = admin.post("/settings", &good).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let after = organization().await;
    assert_eq!(after["settings"]["quiet_hours_start"], "22:00");
    assert_eq!(after["settings"]["reply_to"], "office@example.org");
    assert_eq!(after["settings"]["training_policy"], "override");
    assert_eq!(after["name"], "Riverside Newcomers");
    let other = World::build(&app, "elsewhere").await;
    let theirs = app.get(&other.token, "/api/v1/organization").await;
    assert_eq!(theirs.ok(200)["settings"]["quiet_hours_start"], "21:00");
}

#[tokio::test]
async fn a_sign_in_sheet_and_a_roster_print_the_group_and_stay_in_their_organization() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    app.enrol_new(&world.token, world.group, "Amina B").await;
    let mut page = coordinator(&app, &world).await;
    let sheet = page
        .get(&format!("/sessions/{}/sheet", world.session))
        .await;
    assert_eq!(sheet.status, StatusCode::OK, "{}", sheet.body);
    for says in [
        "Sign-in sheet",
        "Harpreet K",
        "Amina B",
        "Gurpreet S",
        "Gurdwara hall",
        "Signature",
        "data-print",
    ] {
        assert!(sheet.body.contains(says), "{says}");
    }
    assert_eq!(sheet.body.matches("<td class=\"sign\">").count(), 2);
    let roster = page.get(&format!("/groups/{}/roster", world.group)).await;
    assert_eq!(roster.status, StatusCode::OK);
    assert!(roster.body.contains("+16045550123"));
    assert!(roster.body.contains("pa-Guru"));
    let mut gurpreet = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        gurpreet
            .get(&format!("/groups/{}/roster", world.group))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let other = World::build(&app, "elsewhere").await;
    let mut theirs = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    for path in [
        format!("/sessions/{}/sheet", world.session),
        format!("/groups/{}/roster", world.group),
        "/groups/nope/roster".to_string(),
    ] {
        assert_eq!(
            theirs.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
