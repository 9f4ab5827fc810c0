//! Privacy and data protection (issue 23): what leaves no trace once it is gone.

use peergroup_blackbox::{TestApp, TestDb, World, fixtures, test_config};
use peergroup_domain::clock::Clock;
use sea_orm::ConnectionTrait;

/// Whether `needle` appears anywhere in the bytes of `path` (and its write-ahead log).
fn file_holds(path: &std::path::Path, needle: &str) -> bool {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    [path.to_path_buf(), std::path::PathBuf::from(name)]
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .any(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[tokio::test]
async fn a_deleted_row_leaves_no_readable_bytes_in_the_sqlite_file() {
    // SQLite's own file, whatever database this run uses.
    let db = TestDb::sqlite();
    let config = test_config(&db);
    let app = TestApp::spawn_on(db, config).await;
    let token = app.coordinator("canary-org").await;
    let canary = "Zqxjkv Canary-7f3a";
    let mut person = fixtures::person(canary);
    person["email"] = serde_json::json!("zqxjkv.canary-7f3a@example.org");
    let id = app.create_id(&token, "/api/v1/people", &person).await;
    let file = app.db.sqlite_file().unwrap();

    // As the erasure to come will: the row deleted through the service's own connection.
    let write = app.server().store.write_connection();
    write
        .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    assert!(file_holds(&file, canary), "the person is in the file");
    write
        .execute_unprepared(&format!(
            "DELETE FROM consent_changes WHERE person_id = {id}; \
             DELETE FROM people WHERE id = {id}"
        ))
        .await
        .unwrap();
    write
        .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    assert!(
        !file_holds(&file, canary),
        "the deleted name stays readable in the file's free space"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_keyed_requests_saved_response_is_forgotten_after_two_days() {
    use peergroup_domain::jobs::JobKind;
    let app = TestApp::spawn().await;
    let token = app.coordinator("keys-kept").await;
    let post = |key: &'static str| {
        app.client
            .post(format!("{}/api/v1/people", app.base))
            .bearer_auth(&token)
            .header("Idempotency-Key", key)
            .json(&fixtures::person("Kept Briefly"))
            .send()
    };
    let first = post("k-1").await.unwrap();
    assert_eq!(first.status(), 201);
    let replayed = |r: &reqwest::Response| r.headers().get("idempotent-replayed").is_some();

    // 47 hours on, a sweep keeps it: the retry is answered with the saved response.
    app.clock.advance(chrono::Duration::hours(47));
    app.queue_tick(JobKind::PruneJobs, app.clock.now()).await;
    app.run_jobs_with(&app.config).await;
    let retry = post("k-1").await.unwrap();
    assert!(replayed(&retry), "kept for 48 hours");

    // 49 hours on, the next sweep deletes the key and the copy of the person it held.
    app.clock.advance(chrono::Duration::hours(2));
    app.queue_tick(JobKind::PruneJobs, app.clock.now()).await;
    app.run_jobs_with(&app.config).await;
    let rows = app
        .server()
        .store
        .write_connection()
        .query_one_raw(sea_orm::Statement::from_string(
            app.server().store.backend(),
            "SELECT COUNT(*) AS n FROM idempotency_keys",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(rows, 0, "the key and its saved response are gone");
    app.stop().await;
}

#[tokio::test]
async fn contacts_leave_in_exports_and_on_paper_only_for_what_the_person_agreed_to() {
    let app = TestApp::spawn().await;
    let token = app.coordinator("consented").await;
    let group = group_of(&app, &token, serde_json::json!({"capacity": 6})).await;
    // (name, phone, consent to reminders by email, by SMS, to calls)
    let people = [
        ("All Agreed", "+16045550101", true, true, true),
        ("Email Only", "+16045550102", true, false, false),
        ("Texts Only", "+16045550104", false, true, false),
        ("Nothing Agreed", "+16045550103", false, false, false),
    ];
    for (name, phone, email, sms, calls) in people {
        let mut p = fixtures::person(name);
        p["phone"] = serde_json::json!(phone);
        p["alternative_contact"] = serde_json::json!(format!("Sister of {name}"));
        p["consent"] = serde_json::json!({"email_reminders": email, "sms_reminders": sms,
            "calls": calls, "source": "on_paper"});
        app.enrol(&token, group, &p).await;
    }
    let mut page =
        peergroup_blackbox::pages::invited(&app, &token, "lead@example.org", "coordinator").await;
    let csv = page
        .download(&format!("/exports/groups/{group}/participants.csv"))
        .await;
    let text = String::from_utf8(csv.bytes[3..].to_vec()).unwrap();
    let row = |name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {text}"))
            .to_string()
    };
    let all = row("All Agreed");
    assert!(all.contains("+16045550101") && all.contains("all.agreed@example.org"));
    assert!(all.contains("Sister of All Agreed"), "{all}");
    let email = row("Email Only");
    assert!(email.contains("email.only@example.org"), "{email}");
    for kept in ["+16045550102", "Sister of"] {
        assert!(!email.contains(kept), "no SMS or calls, no number: {email}");
    }
    let texts = row("Texts Only");
    assert!(texts.contains("+16045550104"), "{texts}");
    for kept in ["texts.only@example.org", "Sister of"] {
        assert!(!texts.contains(kept), "no email, no calls: {texts}");
    }
    let nothing = row("Nothing Agreed");
    for kept in ["+16045550103", "nothing.agreed@example.org", "Sister of"] {
        assert!(!nothing.contains(kept), "{kept}: {nothing}");
    }

    // The printed roster shows a phone only to call those who agreed to calls.
    let roster = page.get(&format!("/groups/{group}/roster")).await;
    assert!(roster.body.contains("+16045550101"), "{}", roster.body);
    for hidden in ["+16045550102", "+16045550103", "+16045550104"] {
        assert!(!roster.body.contains(hidden), "{hidden}: {}", roster.body);
    }
    app.stop().await;
}

/// Hawa, who prefers SMS and agreed to reminders by email and SMS, with the SMS saying her
/// first session is cancelled waiting for the morning (it was cancelled at 22:00 in
/// Vancouver). Returns the coordinator's token, her id and the waiting message.
async fn an_sms_waiting_for_morning(app: &TestApp, org: &str) -> (String, i64, serde_json::Value) {
    use chrono::TimeZone;
    use peergroup_domain::jobs::JobKind;
    let token = app.coordinator(org).await;
    let changes = serde_json::json!({"start_date": "2027-03-17", "start_time": "10:00"});
    let group = group_of(app, &token, changes).await;
    let first = app.generate_sessions(&token, group).await[0];
    let mut hawa = fixtures::person("Hawa S");
    hawa["preferred_language"] = serde_json::json!("en");
    hawa["preferred_channel"] = serde_json::json!("sms");
    let id = app.enrol(&token, group, &hawa).await;
    // A week before, the reminder goes by SMS.
    let week_before = chrono::Utc
        .with_ymd_and_hms(2027, 3, 10, 17, 30, 0)
        .unwrap();
    app.clock.set(week_before);
    app.queue_tick(JobKind::PlanReminders, week_before).await;
    assert_eq!(app.sms_outbox().await.len(), 1);
    app.clock
        .set(chrono::Utc.with_ymd_and_hms(2027, 3, 11, 6, 0, 0).unwrap());
    app.post(
        &token,
        &format!("/api/v1/sessions/{first}/cancel"),
        &serde_json::json!({"reason": "Flood"}),
    )
    .await
    .ok(200);
    assert_eq!(app.sms_outbox().await.len(), 1);
    let waiting = messages(app, &token, id).await[1].clone();
    assert_eq!(waiting["state"], "queued", "{waiting:#}");
    (token, id, waiting)
}

/// The morning after [`an_sms_waiting_for_morning`], when the waiting message may go.
fn morning(app: &TestApp) {
    use chrono::TimeZone;
    app.clock
        .set(chrono::Utc.with_ymd_and_hms(2027, 3, 11, 16, 0, 0).unwrap());
}

#[tokio::test]
async fn a_withdrawn_consent_cancels_the_waiting_messages_at_once() {
    let app = TestApp::spawn().await;
    let (token, id, waiting) = an_sms_waiting_for_morning(&app, "withdrawn").await;

    // Hawa withdraws her consent to reminders on the phone: it is not sent, saying why, at
    // once.
    let consent = serde_json::json!({"calls": true, "source": "by_phone"});
    let record = app
        .put(&token, &format!("/api/v1/people/{id}/consent"), &consent)
        .await;
    let record = record.ok(200);
    assert_eq!(record["given"]["email_reminders"], serde_json::Value::Null);
    assert_eq!(record["changes"][0]["source"], "by_phone");
    let withdrawn = messages(&app, &token, id).await[1].clone();
    assert_eq!(withdrawn["id"], waiting["id"]);
    assert_eq!(withdrawn["state"], "skipped", "{withdrawn:#}");
    assert!(
        withdrawn["last_error"]
            .as_str()
            .unwrap()
            .contains("withdrew"),
        "{withdrawn:#}"
    );
    // In the morning nothing more goes to her.
    morning(&app);
    assert_eq!(
        app.sms_outbox().await.len(),
        1,
        "no SMS after the withdrawal"
    );
    app.stop().await;
}

#[tokio::test]
async fn consent_is_kept_per_purpose_with_how_and_when_it_was_given() {
    let app = TestApp::spawn().await;
    let (token, id, waiting) = an_sms_waiting_for_morning(&app, "per-purpose").await;
    let path = format!("/api/v1/people/{id}/consent");
    let before = app.get(&token, &path).await.ok(200).clone();
    // The fixture agreed on paper to reminders by both channels and to calls.
    let given: Vec<(&str, bool, &str)> = before["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["purpose"].as_str().unwrap(),
                c["given"].as_bool().unwrap(),
                c["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        given.len(),
        3,
        "email, SMS and calls, nothing else: {before:#}"
    );
    for purpose in ["email_reminders", "sms_reminders", "calls"] {
        assert!(given.contains(&(purpose, true, "on_paper")), "{before:#}");
    }
    assert_eq!(before["given"]["research"], serde_json::Value::Null);

    // A change that does not say how it was given changes nothing.
    let unsaid = serde_json::json!({"email_reminders": true, "calls": true});
    let refused = app.put(&token, &path, &unsaid).await;
    assert!(refused.problem(422).to_string().contains("consent.source"));
    assert_eq!(app.get(&token, &path).await.ok(200), &before);

    // Hawa withdraws SMS only, on the phone: the waiting message goes by email instead, and
    // the time email was first agreed to stays.
    let email_only =
        serde_json::json!({"email_reminders": true, "calls": true, "source": "by_phone"});
    let after = app.put(&token, &path, &email_only).await.ok(200).clone();
    assert_eq!(after["given"]["sms_reminders"], serde_json::Value::Null);
    assert_eq!(
        after["given"]["email_reminders"],
        before["given"]["email_reminders"]
    );
    assert_eq!(after["changes"].as_array().unwrap().len(), 4);
    assert_eq!(
        (
            &after["changes"][0]["purpose"],
            &after["changes"][0]["given"]
        ),
        (
            &serde_json::json!("sms_reminders"),
            &serde_json::json!(false)
        )
    );
    assert_eq!(after["changes"][0]["source"], "by_phone");
    morning(&app);
    assert_eq!(
        app.sms_outbox().await.len(),
        1,
        "no SMS after the withdrawal"
    );
    let sent = messages(&app, &token, id).await[1].clone();
    assert_eq!(sent["id"], waiting["id"]);
    assert_eq!(
        (&sent["state"], &sent["channel"]),
        (&serde_json::json!("sent"), &serde_json::json!("email")),
        "{sent:#}"
    );
    assert_eq!(app.outbox().await.len(), 1);

    // Another organization neither reads nor changes it.
    let stranger = app.coordinator("elsewhere").await;
    app.get(&stranger, &path).await.problem(404);
    app.put(&stranger, &path, &serde_json::json!({"source": "by_phone"}))
        .await
        .problem(404);
    assert_eq!(app.get(&token, &path).await.ok(200), &after);
    app.stop().await;
}

#[tokio::test]
async fn a_facilitators_lived_experience_is_not_kept_as_free_text() {
    // Training eligibility needs only whether a peer has the experience (the training
    // profile's yes or no); the story of it served no feature and is refused.
    let app = TestApp::spawn().await;
    let token = app.coordinator("less-data").await;
    let group = group_of(&app, &token, serde_json::json!({})).await;
    let peer = app
        .create_id(&token, "/api/v1/people", &fixtures::person("Manjit Peer"))
        .await;
    let path = format!("/api/v1/groups/{group}/facilitators");
    let refused = app
        .post(
            &token,
            &path,
            &serde_json::json!({"person_id": peer, "role": "peer",
                "lived_experience_note": "Has lived with type 2 diabetes for 12 years"}),
        )
        .await;
    assert!(
        refused
            .problem(422)
            .to_string()
            .contains("lived_experience_note"),
        "the error names the field: {}",
        refused.body
    );
    let listed = app.get(&token, &path).await;
    assert!(
        !listed.body.to_string().contains("diabetes"),
        "nothing was kept: {}",
        listed.body
    );
    let assigned = app
        .post(
            &token,
            &path,
            &serde_json::json!({"person_id": peer, "role": "peer"}),
        )
        .await;
    assigned.ok(201);
    assert!(assigned.body.get("lived_experience_note").is_none());
    app.stop().await;
}

/// A group of the fixture program, as `fixtures::group` with `changes`; its id.
async fn group_of(app: &TestApp, token: &str, changes: serde_json::Value) -> i64 {
    let program = app
        .create_id(token, "/api/v1/programs", &fixtures::program())
        .await;
    let mut group = fixtures::group(program);
    for (k, v) in changes.as_object().unwrap() {
        group[k] = v.clone();
    }
    app.create_id(token, "/api/v1/groups", &group).await
}

/// The person's messages, oldest first.
async fn messages(app: &TestApp, token: &str, person: i64) -> Vec<serde_json::Value> {
    app.get(token, &format!("/api/v1/messages?person_id={person}"))
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

/// Every place the canary's name, email or phone could show in an answer.
async fn answers_about(
    app: &TestApp,
    page: &mut peergroup_blackbox::pages::PageClient,
    token: &str,
    world: &World,
    person: i64,
) -> String {
    let mut said = String::new();
    for path in [
        format!("/api/v1/people/{person}"),
        "/api/v1/people?q=7f3a".to_string(),
        "/api/v1/people?limit=200".to_string(),
        format!("/api/v1/messages?person_id={person}"),
        "/api/v1/follow-ups".to_string(),
        format!("/api/v1/groups/{}/enrollments", world.group),
        format!("/api/v1/people/{person}/consent"),
        format!("/api/v1/sessions/{}/log", world.session),
    ] {
        said.push_str(&app.get(token, &path).await.body.to_string());
    }
    for path in [
        format!("/participants/{person}"),
        "/participants?q=7f3a".to_string(),
        "/messages".to_string(),
        format!("/groups/{}/roster", world.group),
        "/follow-ups".to_string(),
    ] {
        said.push_str(&page.get(&path).await.body);
    }
    let csv = page
        .download(&format!("/exports/groups/{}/participants.csv", world.group))
        .await;
    said.push_str(&String::from_utf8_lossy(&csv.bytes));
    said
}

#[tokio::test]
async fn an_erased_canary_leaves_no_trace_and_the_figures_stand() {
    // On either database; the bytes of the file are looked at on SQLite.
    peergroup_blackbox::capture_logs();
    let app = TestApp::spawn().await;
    let world = World::build(&app, "canary-org").await;
    let token = &world.token;
    let (name, email, phone) = (
        "Zqxjkv Canary-7f3a",
        "zqxjkv.canary@example.org",
        "+16045550177",
    );
    let traces = ["Zqxjkv", "zqxjkv", "6045550177"];

    // The canary is created (with an Idempotency-Key, whose answer is kept), enrolled,
    // supported, texted, texts back, and is called about.
    let mut canary = fixtures::person(name);
    canary["email"] = serde_json::json!(email);
    canary["phone"] = serde_json::json!(phone);
    canary["preferred_channel"] = serde_json::json!("sms");
    let created = app
        .client
        .post(format!("{}/api/v1/people", app.base))
        .bearer_auth(token)
        .header("Idempotency-Key", "canary-1")
        .json(&canary)
        .send()
        .await
        .unwrap();
    let id = peergroup_blackbox::into_reply(created).await.ok(201)["id"]
        .as_i64()
        .unwrap();
    let enrollment = app
        .create_id(
            token,
            &format!("/api/v1/groups/{}/enrollments", world.group),
            &serde_json::json!({"person_id": id}),
        )
        .await;
    app.create_id(
        token,
        &format!("/api/v1/enrollments/{enrollment}/supports"),
        &serde_json::json!({"kind": "transport", "details": "Zqxjkv needs a lift from 6045550177"}),
    )
    .await;
    let inbound = app.sms_inbound_path("canary-org").await;
    assert_eq!(
        app.text_in(&inbound, phone, "Zqxjkv cannot find the hall")
            .await,
        200
    );
    assert_eq!(app.text_in(&inbound, phone, "STOP").await, 200);
    assert!(
        app.sms_outbox().await.iter().any(|m| m["to"] == phone),
        "the STOP is answered by SMS"
    );
    let task = app
        .create_id(
            token,
            "/api/v1/follow-ups",
            &serde_json::json!({"enrollment_id": enrollment, "note": "Ask Zqxjkv about the bus"}),
        )
        .await;
    app.post(
        token,
        &format!("/api/v1/follow-ups/{task}/attempts"),
        &serde_json::json!({"outcome": "reached", "barriers": ["transport"]}),
    )
    .await
    .ok(200);
    // The roll-call's note names the canary, and is corrected once: two versions.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 4, 2, 30, 0).unwrap());
    let roll_call = format!("/api/v1/sessions/{}/log", world.session);
    for note in [
        "Zqxjkv Canary-7f3a came late",
        "Zqxjkv Canary-7f3a came late; call +16045550177",
    ] {
        let log = serde_json::json!({"held": true, "facilitators_present": [world.facilitator],
            "attendance": [{"person_id": world.person, "status": "present"},
                           {"person_id": id, "status": "present"}], "note": note});
        app.post(token, &roll_call, &log).await.ok(200);
    }
    app.outbox().await;
    let mut page =
        peergroup_blackbox::pages::invited(&app, token, "reader@example.org", "coordinator").await;
    let said = answers_about(&app, &mut page, token, &world, id).await;
    assert!(
        said.contains(name) && said.contains(phone),
        "the canary shows before"
    );
    let file = app.db.sqlite_file();
    let on_sqlite = app.server().store.backend() == sea_orm::DbBackend::Sqlite;
    assert_eq!(file.is_some(), on_sqlite, "the file is looked at on SQLite");
    if let Some(file) = &file {
        assert!(
            file_holds(file, "Zqxjkv"),
            "the canary is in the file before"
        );
    }
    let texts = app.sms_outbox().await;
    assert!(texts.iter().any(|m| m.to_string().contains("6045550177")));
    let figures = format!("/api/v1/groups/{}/figures", world.group);
    let before = app.get(token, &figures).await.ok(200).clone();

    // Only an admin erases, and only in their own organization.
    let erasure = format!("/api/v1/people/{id}/erasure");
    app.post(token, &erasure, &serde_json::json!({}))
        .await
        .problem(403);
    let stranger = app
        .token(
            "elsewhere",
            "admin@elsewhere.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    app.post(&stranger, &erasure, &serde_json::json!({}))
        .await
        .problem(404);
    let admin = app
        .token(
            "canary-org",
            "admin@canary-org.example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let erased = app.post(&admin, &erasure, &serde_json::json!({})).await;
    let erased = erased.ok(200).clone();
    assert_eq!(erased["display_name"], format!("#{id}"));
    assert!(erased["erased_at"].is_string(), "{erased:#}");
    assert_eq!(erased["email"], serde_json::Value::Null);
    // Again: nothing more to erase, the same answer.
    let again = app.post(&admin, &erasure, &serde_json::json!({})).await;
    assert_eq!(again.ok(200), &erased);
    // Nothing more is written to the record.
    app.put(token, &format!("/api/v1/people/{id}"), &canary)
        .await
        .problem(409);

    // No trace in any answer, in the database file or in the outboxes.
    let said = answers_about(&app, &mut page, token, &world, id).await;
    for trace in traces {
        assert!(!said.contains(trace), "{trace} is still answered: {said}");
    }
    for (file, trace) in file.iter().flat_map(|f| traces.map(|t| (f, t))) {
        assert!(
            !file_holds(file, trace),
            "{trace} is still in the SQLite file"
        );
    }
    let mut outboxes = app.outbox().await;
    outboxes.extend(app.sms_outbox().await.iter().map(|m| m.to_string()));
    assert!(!outboxes.is_empty(), "the others' messages stay");
    for trace in traces {
        assert!(
            !outboxes.iter().any(|m| m.contains(trace)),
            "{trace} is still in the outbox"
        );
    }
    // The group's figures do not change: the canary's place and marks stay, nameless.
    assert_eq!(app.get(token, &figures).await.ok(200), &before);
    // The session's note stays, the canary in it by number, in every version.
    let log = app.get(token, &roll_call).await;
    let by_number = format!("#{id} came late; call #{id}");
    assert_eq!(log.ok(200)["note"], by_number);
    assert_eq!(
        log.body["revisions"][0]["log"]["note"],
        format!("#{id} came late")
    );
    // Nor was it ever logged: the service logs no personal data, even at debug.
    app.stop().await;
    let logged = peergroup_blackbox::logged();
    assert!(
        logged.contains(&format!("person={id} user=")) && logged.contains("was erased"),
        "the service's logs were captured: {logged}"
    );
    for trace in traces {
        assert!(!logged.contains(trace), "{trace} is in the service's logs");
    }
}

#[tokio::test]
async fn a_persons_export_holds_everything_about_them_and_only_them() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "export-org").await;
    let token = &world.token;
    // Harpreet texts a question, and is called about it.
    let inbound = app.sms_inbound_path("export-org").await;
    assert_eq!(
        app.text_in(&inbound, "+16045550123", "Where is the hall?")
            .await,
        200
    );
    app.post(
        token,
        &format!("/api/v1/follow-ups/{}/attempts", world.task),
        &serde_json::json!({"outcome": "reached", "next_step": "will_return"}),
    )
    .await
    .ok(200);

    let path = format!("/api/v1/people/{}/export", world.person);
    let x = app.get(token, &path).await.ok(200).clone();
    assert_eq!(x["person"]["display_name"], "Harpreet K");
    assert_eq!(
        x["consent"]["changes"].as_array().unwrap().len(),
        3,
        "{x:#}"
    );
    let group = &x["enrolments"][0];
    assert_eq!(group["enrollment"]["id"], world.enrollment);
    assert_eq!(group["supports"][0]["kind"], "childcare");
    assert_eq!(
        group["supports"][0]["children_ages"],
        serde_json::json!(["two_to_four", "five_to_twelve"])
    );
    assert!(group["attendance"]["entries"].is_array(), "{x:#}");
    assert_eq!(x["sms_replies"][0]["body"], "Where is the hall?");
    assert_eq!(x["follow_ups"][0]["note"], "Check in after the first week");
    assert_eq!(
        x["follow_ups"][0]["call_attempts"][0]["next_step"],
        "will_return"
    );
    assert!(x["messages"].is_array());
    // Nothing of the facilitator, who shares her phone number.
    assert!(!x.to_string().contains("Gurpreet"), "{x:#}");

    // Readable in her language (Punjabi), with the same facts, and as a file.
    let mut page =
        peergroup_blackbox::pages::invited(&app, token, "lead@example.org", "coordinator").await;
    let shown = page
        .get(&format!("/participants/{}/export", world.person))
        .await;
    assert_eq!(shown.status, reqwest::StatusCode::OK);
    assert!(shown.body.contains("lang=\"pa-Guru\""), "{}", shown.body);
    for says in ["Harpreet K", "Where is the hall?", "ਗੱਲ ਹੋ ਗਈ", "export-org"] {
        assert!(shown.body.contains(says), "{says}: {}", shown.body);
    }
    let file = page
        .download(&format!("/participants/{}/export.json", world.person))
        .await;
    let read: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
    assert_eq!(read["person"], x["person"]);

    // A facilitator may not, nor another organization.
    let peer = app
        .token(
            "export-org",
            "gurpreet.s@example.org",
            peergroup_domain::org::Role::Facilitator,
        )
        .await;
    app.get(&peer, &path).await.problem(403);
    let stranger = app.coordinator("elsewhere").await;
    app.get(&stranger, &path).await.problem(404);
    app.stop().await;
}

#[tokio::test]
async fn data_is_erased_the_night_after_its_retention_ends_and_previewed_before() {
    use chrono::TimeZone;
    use peergroup_domain::jobs::JobKind;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "keeper").await;
    let token = &world.token;
    let admin = app
        .token(
            "keeper",
            "admin@keeper.example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    // A group that never ran: Leila was in it, and Gurpreet (who facilitates the world's
    // group, still on) led it.
    let old = app
        .create_id(token, "/api/v1/groups", &fixtures::group(world.program))
        .await;
    let leila = app.enrol(token, old, &fixtures::person("Leila Old")).await;
    app.create_id(
        token,
        &format!("/api/v1/groups/{old}/facilitators"),
        &serde_json::json!({"person_id": world.facilitator, "role": "peer"}),
    )
    .await;
    app.post(
        token,
        &format!("/api/v1/groups/{old}/status"),
        &serde_json::json!({"status": "cancelled"}),
    )
    .await
    .ok(200);

    // Six months kept; bad periods are refused and change nothing.
    let mut settings = app.get(token, "/api/v1/organization").await.ok(200)["settings"].clone();
    for bad in [0, 121] {
        settings["retention_months"] = serde_json::json!(bad);
        let r = app.put(&admin, "/api/v1/organization", &settings).await;
        r.problem(422);
        assert_eq!(r.fields(), ["retention_months"]);
    }
    let preview = app.get(token, "/api/v1/organization/retention").await;
    assert_eq!(preview.ok(200)["retention_months"], serde_json::Value::Null);
    assert_eq!(preview.body["due"], serde_json::json!([]));
    settings["retention_months"] = serde_json::json!(6);
    app.put(&admin, "/api/v1/organization", &settings)
        .await
        .ok(200);
    let due = |preview: &serde_json::Value| -> Vec<i64> {
        preview["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["person_id"].as_i64().unwrap())
            .collect()
    };
    let preview = app.get(token, "/api/v1/organization/retention").await;
    assert_eq!(
        due(preview.ok(200)),
        Vec::<i64>::new(),
        "not six months yet"
    );

    // Someone of the running group texts words a coordinator must read; they are kept.
    let mut texter = fixtures::person("Amal Texter");
    texter["phone"] = serde_json::json!("+16045550144");
    let amal = app.enrol(token, world.group, &texter).await;
    let inbound = app.sms_inbound_path("keeper").await;
    let words = "The bus does not stop near the hall";
    assert_eq!(app.text_in(&inbound, "+16045550144", words).await, 200);
    let export = format!("/api/v1/people/{amal}/export");
    let replies = app.get(token, &export).await.ok(200)["sms_replies"].clone();
    assert_eq!(replies[0]["body"], words, "{replies:#}");

    // Seven months on, the preview names Leila only: Harpreet's and Gurpreet's group runs.
    let later = chrono::Utc.with_ymd_and_hms(2027, 7, 1, 2, 47, 0).unwrap();
    app.clock.set(later);
    let preview = app.get(token, "/api/v1/organization/retention").await;
    assert_eq!(due(preview.ok(200)), [leila]);
    assert_eq!(preview.body["due"][0]["display_name"], "Leila Old");
    let mut page =
        peergroup_blackbox::pages::invited(&app, token, "lead@example.org", "coordinator").await;
    let shown = page.get("/settings").await;
    assert!(
        shown
            .body
            .contains("The next nightly run erases the data of:")
    );
    assert!(
        shown
            .body
            .contains(&format!("href=\"/participants/{leila}\""))
    );

    // The nightly run erases her, and her only; the next finds nobody.
    app.queue_tick(JobKind::EraseExpired, later).await;
    app.run_jobs_with(&app.config).await;
    let erased = app.get(token, &format!("/api/v1/people/{leila}")).await;
    assert_eq!(erased.ok(200)["display_name"], format!("#{leila}"));
    assert!(erased.body["erased_at"].is_string());
    for kept in [world.person, world.facilitator] {
        let p = app.get(token, &format!("/api/v1/people/{kept}")).await;
        assert_eq!(p.ok(200)["erased_at"], serde_json::Value::Null);
    }
    let preview = app.get(token, "/api/v1/organization/retention").await;
    assert_eq!(due(preview.ok(200)), Vec::<i64>::new());
    // The words of a reply go after 90 days; that it came, and what it did, stay.
    let kept = app.get(token, &export).await.ok(200)["sms_replies"].clone();
    assert_eq!(kept[0]["body"], "", "{kept:#}");
    assert_eq!(kept.as_array().unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_that_cannot_be_logged_is_not_made() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "unlogged").await;
    let token = &world.token;
    let person = format!("/api/v1/people/{}", world.person);
    let db = app.server().store.write_connection();
    // The database refuses every new log entry from here on.
    let refuse = match peergroup_blackbox::on_postgres() {
        true => [
            "CREATE FUNCTION refuse_entry() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'no entry'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON access_log \
             FOR EACH ROW EXECUTE FUNCTION refuse_entry()",
        ],
        false => [
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON access_log \
             BEGIN SELECT RAISE(ABORT, 'no entry'); END",
            "SELECT 1",
        ],
    };
    for sql in refuse {
        db.execute_unprepared(sql).await.unwrap();
    }

    let renamed = fixtures::person("Someone Else");
    let refused = app.put(token, &person, &renamed).await;
    assert_eq!(refused.status, 500, "{:#}", refused.body);
    let withdrawal = serde_json::json!({"reason": "moved"});
    let path = format!("/api/v1/enrollments/{}/withdraw", world.enrollment);
    assert_eq!(app.post(token, &path, &withdrawal).await.status, 500);

    // Neither change stands without its entry.
    let allow = match peergroup_blackbox::on_postgres() {
        true => "DROP TRIGGER refuse_entry ON access_log",
        false => "DROP TRIGGER refuse_entry",
    };
    db.execute_unprepared(allow).await.unwrap();
    let now = app.get(token, &person).await;
    assert_eq!(now.ok(200)["display_name"], "Harpreet K");
    let enrolment = format!("/api/v1/enrollments/{}", world.enrollment);
    assert_eq!(
        app.get(token, &enrolment).await.ok(200)["status"],
        "enrolled"
    );
    // Once entries can be written again, so can the change, with its entry.
    app.post(token, &path, &withdrawal).await.ok(200);
    let admin = app
        .token(
            "unlogged",
            "admin@unlogged.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let log = app.get(&admin, "/api/v1/access-log").await;
    let routes: Vec<&str> = log.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["route"].as_str().unwrap())
        .collect();
    assert!(!routes.contains(&"PUT /api/v1/people/{id}"), "{routes:?}");
    let withdrawals = routes.iter().filter(|r| r.ends_with("/withdraw")).count();
    assert_eq!(withdrawals, 1, "{routes:?}");
    app.stop().await;
}

#[tokio::test]
async fn the_access_log_lists_every_read_and_change_and_shows_an_edited_entry() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "logged").await;
    let token = &world.token;
    let admin = app
        .token(
            "logged",
            "admin@logged.example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let user_of = |t: String| {
        let app = &app;
        async move {
            app.get(&t, "/api/v1/me").await.ok(200)["user_id"]
                .as_i64()
                .unwrap()
        }
    };
    let (coordinator, boss) = (user_of(token.clone()).await, user_of(admin.clone()).await);
    let person = world.person;

    // Reads and changes through the API and the pages, by a coordinator and an admin.
    app.get(token, &format!("/api/v1/people/{person}"))
        .await
        .ok(200);
    let consent = serde_json::json!({"email_reminders": true, "source": "by_phone"});
    app.put(token, &format!("/api/v1/people/{person}/consent"), &consent)
        .await
        .ok(200);
    app.get(token, &format!("/api/v1/people/{person}/export"))
        .await
        .ok(200);
    let mut page =
        peergroup_blackbox::pages::invited(&app, token, "lead@example.org", "coordinator").await;
    assert_eq!(
        page.get(&format!("/participants/{person}")).await.status,
        200
    );
    app.get(&admin, "/api/v1/people?q=harp").await.ok(200);
    // A roster, and a roll-call page, show the group's participants at once.
    app.get(token, &format!("/api/v1/groups/{}", world.group))
        .await
        .ok(200);
    let roll_call = page.get(&format!("/sessions/{}", world.session)).await;
    assert_eq!(roll_call.status, 200);
    // Another group's roster is not about this person.
    let other = app
        .create_id(token, "/api/v1/groups", &fixtures::group(world.program))
        .await;
    app.get(token, &format!("/api/v1/groups/{other}"))
        .await
        .ok(200);

    let log = app
        .get(&admin, &format!("/api/v1/access-log?person_id={person}"))
        .await;
    let said: Vec<(String, String)> = log.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["route"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("change", "POST /api/v1/people"),
        ("change", "POST /api/v1/groups/{id}/enrollments"),
        ("change", "POST /api/v1/enrollments/{id}/supports"),
        ("change", "POST /api/v1/follow-ups"),
        ("read", "GET /api/v1/people/{id}"),
        ("change", "PUT /api/v1/people/{id}/consent"),
        ("export", "GET /api/v1/people/{id}/export"),
        ("read", "GET /participants/{id}"),
        ("read", "GET /api/v1/groups/{id}"),
        ("read", "GET /sessions/{id}"),
    ];
    assert_eq!(
        said,
        expected.map(|(a, r)| (a.to_string(), r.to_string())),
        "{:#}",
        log.body
    );
    // The pages' reader is another user, whose invitation made them one.
    let items = log.body["items"].as_array().unwrap();
    let users: Vec<i64> = items
        .iter()
        .map(|e| e["user_id"].as_i64().unwrap())
        .collect();
    assert_eq!(users[..7], [coordinator; 7]);
    assert_ne!(users[7], coordinator);
    assert_eq!(users[8], coordinator);
    assert_eq!(users[9], users[7]);
    // The group reads name the group, not each participant.
    for roster in &items[8..] {
        assert_eq!(roster["group_id"], world.group, "{roster:#}");
        assert_eq!(roster["person_id"], serde_json::Value::Null);
    }
    // Per user: the admin's search, of no one person; and nothing about anyone else's data.
    let by_admin = app
        .get(&admin, &format!("/api/v1/access-log?user_id={boss}"))
        .await;
    let entries = by_admin.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["route"], "GET /api/v1/people");
    assert_eq!(entries[0]["person_id"], serde_json::Value::Null);
    assert!(!log.body.to_string().contains("Harpreet"), "ids only");

    // Admins only; another organization's admin sees none of it.
    app.get(token, "/api/v1/access-log").await.problem(403);
    let stranger = app
        .token(
            "elsewhere",
            "admin@elsewhere.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let theirs = app.get(&stranger, "/api/v1/access-log").await;
    assert_eq!(theirs.ok(200)["items"], serde_json::json!([]));

    // Forty reads at once are chained one after another, none lost.
    let before = app.get(&admin, "/api/v1/access-log/check").await.ok(200)["entries"]
        .as_u64()
        .unwrap();
    let mut reads = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (client, url, token) = (
            app.client.clone(),
            format!("{}/api/v1/people/{person}", app.base),
            token.clone(),
        );
        reads.spawn(async move {
            let r = client.get(url).bearer_auth(token).send().await.unwrap();
            r.status().as_u16()
        });
    }
    while let Some(status) = reads.join_next().await {
        assert_eq!(status.unwrap(), 200);
    }

    // The chain holds, until an entry is edited behind the service's back.
    let check = app.get(&admin, "/api/v1/access-log/check").await;
    assert_eq!(check.ok(200)["first_broken"], serde_json::Value::Null);
    assert_eq!(check.body["entries"].as_u64().unwrap(), before + 40);
    let edited = log.body["items"][1]["id"].as_i64().unwrap();
    app.server()
        .store
        .write_connection()
        .execute_unprepared(&format!(
            "UPDATE access_log SET user_id = {boss} WHERE id = {edited}"
        ))
        .await
        .unwrap();
    let check = app.get(&admin, "/api/v1/access-log/check").await;
    assert_eq!(check.ok(200)["first_broken"], edited);
    assert_eq!(check.body["truncated"], false);

    // The admins' page says so too, and lists a person's entries newest first.
    let mut boss_page =
        peergroup_blackbox::pages::invited(&app, &admin, "second@logged.example.org", "admin")
            .await;
    let shown = boss_page
        .get(&format!("/access-log?person_id={person}"))
        .await;
    assert_eq!(shown.status, 200);
    assert!(
        shown.body.contains(&format!(
            "Entry {edited} was changed, or an entry before it was removed."
        )),
        "{}",
        shown.body
    );
    let newest = shown.body.find("GET /sessions/{id}").unwrap();
    let oldest = shown.body.find("POST /api/v1/people</code>").unwrap();
    assert!(newest < oldest, "newest first");
    assert!(!shown.body.contains("Harpreet"), "people by number only");
    let bad = boss_page.get("/access-log?person_id=abc").await;
    assert_eq!(bad.status, 422);
    // Coordinators may not read it.
    assert_eq!(page.get("/access-log").await.status, 403);

    // The newest entries deleted, with the edit undone, show too: the organization keeps
    // the hash of its newest entry.
    let db = app.server().store.write_connection();
    db.execute_unprepared(&format!(
        "UPDATE access_log SET user_id = {coordinator} WHERE id = {edited}"
    ))
    .await
    .unwrap();
    let check = app.get(&admin, "/api/v1/access-log/check").await;
    assert_eq!(check.ok(200)["first_broken"], serde_json::Value::Null);
    assert_eq!(check.body["truncated"], false);
    let entries = check.body["entries"].as_u64().unwrap();
    db.execute_unprepared("DELETE FROM access_log WHERE id = (SELECT MAX(id) FROM access_log)")
        .await
        .unwrap();
    let check = app.get(&admin, "/api/v1/access-log/check").await;
    assert_eq!(check.ok(200)["first_broken"], serde_json::Value::Null);
    assert_eq!(check.body["truncated"], true, "{:#}", check.body);
    assert_eq!(check.body["entries"].as_u64().unwrap(), entries - 1);
    let shown = boss_page.get("/access-log").await;
    assert!(
        shown.body.contains("The newest entries were removed"),
        "{}",
        shown.body
    );
    app.stop().await;
}
