//! The coordinator's pages over real HTTP: participants found, added (with a warning for a
//! look-alike) and imported from CSV after a preview; CSV exports that spreadsheets open.
//! Each writes nothing on bad input and shows nothing of another organization.

use peergroup_blackbox::pages::{PageClient, PageReply, input_value, invited};
use peergroup_blackbox::{TestApp, World, json};
use reqwest::StatusCode;

const COORDINATOR: &str = "lead@example.org";

/// Twelve rows in four scripts: eight new people, one already there (Harpreet K, by
/// name), a repeat of an earlier row, and two rows with problems.
const FILE: &str = "name,language,email,phone,channel,consent_email_reminders,consent_sms_reminders,consent_calls,notes\n\
Amina Bakri,ar,amina@example.org,+1 604 555 0101,sms,yes,yes,yes,x\n\
Farid Rahimi,fa-AF,,0016045550102,sms,,yes,yes,\n\
Olena Kovalenko,uk,olena@example.org,,email,yes,,no,\n\
Li Wei,zh-Hans,,+16045550104,sms,,yes,yes,\n\
\"Ana \"\"Ani\"\" Lopez, Jr.\",es,,+16045550105,,no,no,no,\n\
Harpreet K,pa-Guru,,,,,,,\n\
Bad Phone,ar,,12345,,,,,\n\
No Language,,,,,,,,\n\
Маргарита Шевченко,uk,,+16045550108,sms,,yes,no,\n\
فاطمة الزهراء,ar,,+16045550109,sms,,yes,yes,\n\
王芳,zh-Hans,wang@example.org,,email,yes,,no,\n\
Amina Bakri,ar,AMINA@example.org,,,,,,\n";

async fn coordinator(app: &TestApp, world: &World) -> PageClient {
    invited(app, &world.token, COORDINATOR, "coordinator").await
}

async fn people(app: &TestApp) -> i64 {
    app.row_counts()
        .await
        .into_iter()
        .find(|(table, _)| *table == "people")
        .map(|(_, n)| n)
        .unwrap()
}

/// Posts the import form: a file chosen, or the file sent back with a confirmation.
async fn send(
    page: &mut PageClient,
    csrf: &str,
    step: &str,
    file: Option<Vec<u8>>,
    content: Option<&str>,
) -> PageReply {
    let mut fields = vec![("csrf", csrf), ("step", step)];
    if let Some(content) = content {
        fields.push(("content", content));
    }
    page.post_multipart("/participants/import", &fields, file.map(|f| ("file", f)))
        .await
}

#[tokio::test]
async fn a_csv_import_is_previewed_then_written_once_and_a_second_import_adds_nobody() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = coordinator(&app, &world).await;
    let form = page.get("/participants/import").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf();

    let before = app.row_counts().await;
    let preview = send(
        &mut page,
        &csrf,
        "preview",
        Some(FILE.as_bytes().to_vec()),
        None,
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let body = &preview.body;
    assert!(
        body.contains("To add: 8. Already here: 2. Rows with problems: 2."),
        "{body}"
    );
    assert!(body.contains("These columns are not read: notes"));
    assert!(body.contains("Already here: Harpreet K"));
    assert!(body.contains(&format!("/participants/{}", world.person)));
    assert!(body.contains("Same person as line 2"));
    assert!(body.contains("Phone: write the number with + and the country code"));
    assert!(body.contains("Language: this is missing."));
    assert!(body.contains("Add 8 people"));
    assert_eq!(app.row_counts().await, before, "a preview writes nothing");

    let content = input_value(body, "content").expect("the file goes back with the confirmation");
    assert_eq!(content, FILE);
    let before_people = people(&app).await;
    let done = send(&mut page, &csrf, "confirm", None, Some(&content)).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(
        done.body
            .contains("Added: 8. Already here: 2. Rows with problems, not added: 2.")
    );
    assert_eq!(people(&app).await, before_people + 8);

    // The same file again, confirmed twice (a double tap): nobody more.
    let again = send(&mut page, &csrf, "confirm", None, Some(&content)).await;
    assert!(
        again.body.contains("Added: 0. Already here: 10."),
        "{}",
        again.body
    );
    assert_eq!(people(&app).await, before_people + 8);
    let search = page
        .get("/participants?q=%D8%A7%D9%84%D8%B2%D9%87%D8%B1%D8%A7%D8%A1")
        .await;
    assert!(
        search.body.contains("فاطمة الزهراء"),
        "found in Arabic script"
    );
    let farid = app.get(&world.token, "/api/v1/people?q=Farid").await;
    assert_eq!(farid.ok(200)["items"][0]["phone"], "+16045550102");
    // Each person the import wrote has its creation in the access log, by the importer.
    let farid = farid.body["items"][0]["id"].as_i64().unwrap();
    let admin = app
        .token(
            "riverside",
            "admin@riverside.example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let log = app
        .get(&admin, &format!("/api/v1/access-log?person_id={farid}"))
        .await;
    let first = &log.ok(200)["items"][0];
    assert_eq!(first["route"], "POST /participants/import", "{first:#}");
    assert_eq!(first["action"], "change");
    assert!(first["user_id"].is_i64());

    // Files that cannot be read are refused as a whole, with the reason, and write nothing.
    let before = app.row_counts().await;
    for (bytes, says) in [
        (b"name,language\n\xe9t\xe9,fr\n".to_vec(), "not UTF-8"),
        (
            b"name,email\nA,a@example.org\n".to_vec(),
            "The file has no column &#34;language&#34;",
        ),
        (
            b"name,language\n\"open,en\n".to_vec(),
            "cannot be read from line",
        ),
    ] {
        let refused = send(&mut page, &csrf, "preview", Some(bytes), None).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
    }
    let nothing = send(&mut page, &csrf, "confirm", None, None).await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nothing.body.contains("Choose a file first."));
    let one = b"name,language\nNew One,en\n".to_vec();
    let forged = send(
        &mut page,
        "not-the-token",
        "confirm",
        Some(one.clone()),
        None,
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(app.row_counts().await, before);

    // A facilitator may not import.
    let mut facilitator =
        invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        facilitator.get("/participants/import").await.status,
        StatusCode::FORBIDDEN
    );
    let csrf = facilitator.get("/").await.csrf();
    let before = app.row_counts().await;
    let refused = send(&mut facilitator, &csrf, "confirm", Some(one), None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn participants_are_searched_shown_and_added_with_a_warning_for_a_look_alike() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut page = coordinator(&app, &world).await;

    let found = page.get("/participants?q=harp").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("Harpreet K"));
    assert!(!found.body.contains("Gurpreet S"));
    let none = page.get("/participants?q=nobody-here").await;
    assert!(none.body.contains("Nobody matches this search."));

    let profile = page.get(&format!("/participants/{}", world.person)).await;
    assert_eq!(profile.status, StatusCode::OK);
    for shown in [
        "Harpreet K",
        "Surrey Punjabi group",
        "Enrolled",
        "Childcare · asked for",
        // The world's fixture agreed on paper when it was written.
        "Reminders by email: agreed (On a signed form)",
    ] {
        assert!(profile.body.contains(shown), "{shown}: {}", profile.body);
    }

    let form = page.get("/participants/new").await;
    let csrf = form.csrf();
    let before = app.row_counts().await;
    let bad = page
        .post(
            "/participants",
            &[
                ("csrf", &csrf),
                ("name", "Noor"),
                ("language", "ar"),
                ("phone", "12"),
                ("consent_calls", "yes"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("Phone: write the number with + and the country code")
    );
    assert!(bad.body.contains("Consent: say how the person gave it."));
    assert!(bad.body.contains("value=\"Noor\""), "what was typed stays");
    assert!(
        bad.body
            .contains("name=\"consent_calls\" value=\"yes\" checked"),
        "what was ticked stays"
    );
    let alike = page
        .post(
            "/participants",
            &[
                ("csrf", &csrf),
                ("name", "harpreet   k"),
                ("language", "pa-Guru"),
            ],
        )
        .await;
    assert_eq!(alike.status, StatusCode::OK);
    assert!(alike.body.contains("This person may already be here:"));
    assert!(
        alike
            .body
            .contains(&format!("/participants/{}", world.person))
    );
    assert_eq!(
        app.row_counts().await,
        before,
        "nothing is written before the answer"
    );

    let added = page
        .post(
            "/participants",
            &[
                ("csrf", &csrf),
                ("name", "harpreet   k"),
                ("language", "pa-Guru"),
                ("consent_research", "yes"),
                ("consent_source", "in_person"),
                ("different", "yes"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let at = added.location.unwrap();
    assert!(at.ends_with("?added=1"), "{at}");
    let shown = page.get(&at).await;
    assert!(shown.body.contains("Saved. The participant is added."));
    assert!(shown.body.contains("Not in any group yet."));
    assert!(
        shown
            .body
            .contains("Research use of their assessments: agreed (In person)"),
        "{}",
        shown.body
    );

    // Only an admin may erase the new person's data, and only once they tick that it is
    // final; the page then says so, with nothing of them left.
    assert!(
        !shown.body.contains("Erase their data"),
        "not a coordinator's"
    );
    let erase = format!("{}/erase", at.trim_end_matches("?added=1"));
    let refused = page
        .post(&erase, &[("csrf", csrf.as_str()), ("confirm", "yes")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let admin_token = app
        .token(
            "riverside",
            "boss@example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let mut admin = invited(&app, &admin_token, "owner@example.org", "admin").await;
    let profile = admin.get(&at).await;
    assert!(profile.body.contains("This cannot be undone."));
    let csrf = profile.csrf();
    let unticked = admin.post(&erase, &[("csrf", csrf.as_str())]).await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unticked.body.contains("Tick the box to confirm first."));
    assert!(
        admin.get(&at).await.body.contains("harpreet   k"),
        "nothing erased yet"
    );
    let done = admin
        .post(&erase, &[("csrf", csrf.as_str()), ("confirm", "yes")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let erased = admin.get(done.location.as_deref().unwrap()).await;
    assert!(
        erased.body.contains("data was erased on"),
        "{}",
        erased.body
    );
    assert!(!erased.body.contains("harpreet   k"));
    assert!(!erased.body.contains("Erase their data"), "once");

    // Another organization's coordinator sees none of it.
    let other = World::build(&app, "elsewhere").await;
    let mut outsider = invited(
        &app,
        &other.token,
        "lead@elsewhere.example.org",
        "coordinator",
    )
    .await;
    assert_eq!(
        outsider
            .get(&format!("/participants/{}", world.person))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let search = outsider.get("/participants?q=harpreet").await;
    assert!(
        !search
            .body
            .contains(&format!("/participants/{}\"", world.person))
    );
    // A facilitator has no participant pages.
    let mut facilitator =
        invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        facilitator.get("/participants").await.status,
        StatusCode::FORBIDDEN
    );
}

fn rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test]
async fn exports_hold_every_mark_open_in_spreadsheets_and_stay_in_their_organization() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let quoted = app
        .enrol_new(&world.token, world.group, "Ana \"Ani\" Lopez, Jr.")
        .await;
    let formula = app
        .enrol_new(&world.token, world.group, "=HYPERLINK(\"x\")")
        .await;
    // Half an hour before the first session: it can be logged.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 4, 2, 30, 0).unwrap());
    app.post(
        &world.token,
        &format!("/api/v1/sessions/{}/log", world.session),
        &json!({"held": true, "facilitators_present": [world.facilitator], "attendance": [
            {"person_id": world.person, "status": "present"},
            {"person_id": quoted, "status": "excused", "reason": "childcare"},
            {"person_id": formula, "status": "absent"},
        ]}),
    )
    .await
    .ok(200);
    let mut page = coordinator(&app, &world).await;
    let list = page.get("/exports").await;
    let base = format!("/exports/groups/{}", world.group);
    assert!(list.body.contains(&format!("{base}/attendance.csv")));

    let attendance = page.download(&format!("{base}/attendance.csv")).await;
    assert_eq!(attendance.status, StatusCode::OK);
    assert_eq!(
        attendance.headers["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        attendance.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(
        attendance.bytes.starts_with(b"\xef\xbb\xbf"),
        "a byte order mark for Excel"
    );
    let text = std::str::from_utf8(&attendance.bytes[3..]).unwrap();
    assert!(text.starts_with("group,timezone,session,date,time,person_id,name,status,reason\r\n"));
    let marks = rows(text.as_bytes());
    assert_eq!(marks.len(), 4, "a header and one row per mark: {text}");
    let row = |name: &str| {
        marks
            .iter()
            .find(|r| &r[6] == name)
            .unwrap_or_else(|| panic!("{name}: {text}"))
            .clone()
    };
    assert_eq!(&row("Harpreet K")[7], "present");
    let ana = row("Ana \"Ani\" Lopez, Jr.");
    assert_eq!((&ana[7], &ana[8]), ("excused", "childcare"));
    assert_eq!(&ana[0], "Surrey Punjabi group");
    assert_eq!(&ana[2], "1");
    assert_eq!(
        &row("'=HYPERLINK(\"x\")")[7],
        "absent",
        "a formula is kept as text"
    );

    let participants = page.download(&format!("{base}/participants.csv")).await;
    let listed = rows(&participants.bytes[3..]);
    assert_eq!(&listed[0][4], "name");
    assert_eq!(listed.len(), 4, "the header and three enrolments");
    let follow_ups = page.download(&format!("{base}/follow-ups.csv")).await;
    let tasks = rows(&follow_ups.bytes[3..]);
    assert!(
        tasks
            .iter()
            .any(|t| t[0] == world.task.to_string() && &t[3] == "Harpreet K")
    );
    let program = page
        .download(&format!(
            "/exports/programs/{}/attendance.csv",
            world.program
        ))
        .await;
    assert_eq!(
        program.bytes, attendance.bytes,
        "the program has this one group"
    );

    for path in [
        format!("{base}/everything.csv"),
        "/exports/groups/x/attendance.csv".to_string(),
        "/exports/programs/999999/attendance.csv".to_string(),
    ] {
        assert_eq!(
            page.download(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let other = World::build(&app, "elsewhere").await;
    let mut outsider = invited(
        &app,
        &other.token,
        "lead@elsewhere.example.org",
        "coordinator",
    )
    .await;
    let theirs = outsider.download(&format!("{base}/participants.csv")).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let mut facilitator =
        invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        facilitator
            .download(&format!("{base}/attendance.csv"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_dashboard_shows_the_week_its_gaps_calls_supports_and_who_stays() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let leaving = app.enrol_new(&world.token, world.group, "Left Early").await;
    let enrolment = app
        .get(
            &world.token,
            &format!("/api/v1/groups/{}/enrollments", world.group),
        )
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["person_id"] == leaving)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // Supports of someone who left, or declined, are not to arrange.
    app.post(
        &world.token,
        &format!("/api/v1/enrollments/{enrolment}/supports"),
        &json!({"kind": "childcare", "children_ages": ["two_to_four"]}),
    )
    .await
    .ok(201);
    app.post(
        &world.token,
        &format!("/api/v1/enrollments/{}/supports", world.enrollment),
        &json!({"kind": "transport", "status": "declined"}),
    )
    .await
    .ok(201);
    app.post(
        &world.token,
        &format!("/api/v1/enrollments/{enrolment}/withdraw"),
        &json!({"reason": "moved"}),
    )
    .await
    .ok(200);
    // Three days before the group's first session.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 1, 12, 0, 0).unwrap());
    let mut page = coordinator(&app, &world).await;
    let board = page.get("/dashboard").await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    let body = &board.body;
    for shown in [
        "Sessions planned: 1",
        "Surrey Punjabi group, session 1",
        &format!("/sessions/{}", world.session),
        "Open: 1",
        "Childcare places: 2",
        "Surrey Punjabi group</span> <span class=\"muted\">1 of 2",
        "<rect width=\"50\"",
    ] {
        assert!(body.contains(shown), "{shown}: {body}");
    }
    assert!(body.contains("Every facilitator has the training their groups need."));
    assert!(!body.contains("Trips to pay or arrange"), "{body}");

    let mut facilitator =
        invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(
        facilitator.get("/dashboard").await.status,
        StatusCode::FORBIDDEN
    );
    let nav = facilitator.get("/").await.body;
    assert!(
        !nav.contains("href=\"/dashboard\""),
        "a facilitator's menu has no dashboard"
    );
}
