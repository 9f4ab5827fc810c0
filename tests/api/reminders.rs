//! Reminders end to end: planned by the tick job, fanned out per person, written in each
//! person's language and received as real SMTP bytes by a server in this process.

use chrono::{TimeZone, Utc};
use peergroup_blackbox::smtp::{SmtpServer, smtp_config};
use peergroup_blackbox::{TestApp, fixtures, json};
use peergroup_domain::clock::Clock;
use peergroup_domain::jobs::JobKind;
use serde_json::Value;

/// A Vancouver group meeting Wednesdays at 10:00 from 17 March 2027, just after the switch
/// to daylight time (14 March): its first session is 17:00 UTC, where the weeks before it
/// are 18:00 UTC.
struct Setup {
    token: String,
    group: i64,
    sessions: Vec<i64>,
    spanish: i64,
    english: i64,
    no_consent: i64,
}

async fn setup(app: &TestApp, org: &str) -> Setup {
    let token = app.coordinator(org).await;
    let program = app
        .create_id(&token, "/api/v1/programs", &fixtures::program())
        .await;
    let mut group = fixtures::group(program);
    group["start_date"] = json!("2027-03-17");
    group["start_time"] = json!("10:00");
    group["languages"] = json!(["es"]);
    group["capacity"] = json!(6);
    let group = app.create_id(&token, "/api/v1/groups", &group).await;
    let person = |name: &str, lang: &str, consent: bool| {
        let mut p = fixtures::person(name);
        p["preferred_language"] = json!(lang);
        p["consent"] = json!({"email_reminders": consent, "sms_reminders": consent, "calls": true, "source": "in_person"});
        p
    };
    let spanish = app
        .create_id(&token, "/api/v1/people", &person("Lucia M", "es-MX", true))
        .await;
    let english = app
        .create_id(&token, "/api/v1/people", &person("Amina K", "en", true))
        .await;
    let no_consent = app
        .create_id(&token, "/api/v1/people", &person("Olena P", "uk", false))
        .await;
    let facilitator = app
        .create_id(&token, "/api/v1/people", &person("Rosa T", "so", true))
        .await;
    app.create_id(
        &token,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": facilitator, "role": "peer", "program_role": "peer_leader"}),
    )
    .await;
    for p in [spanish, english, no_consent] {
        let e = app
            .create_id(
                &token,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": p}),
            )
            .await;
        if p == spanish {
            app.create_id(
                &token,
                &format!("/api/v1/enrollments/{e}/supports"),
                &json!({"kind": "childcare", "status": "arranged", "children_ages": ["two_to_four"]}),
            )
            .await;
        }
    }
    let sessions = app.generate_sessions(&token, group).await;
    Setup {
        token,
        group,
        sessions,
        spanish,
        english,
        no_consent,
    }
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Inserts the reminder-planning tick for the test clock's now.
async fn tick(app: &TestApp) {
    tick_at(app, app.clock.now()).await;
}

/// Inserts the reminder-planning tick scheduled for `now`.
async fn tick_at(app: &TestApp, now: chrono::DateTime<Utc>) {
    app.queue_tick(JobKind::PlanReminders, now).await;
}

/// The path of the "I can't come" link in the reminder sent to `to`.
fn cant_come_path(smtp: &SmtpServer, to: &str) -> String {
    let mail = smtp.received().into_iter().find(|m| m.to == to).unwrap();
    let url = mail
        .text
        .split_whitespace()
        .find(|w| w.contains("/r/"))
        .unwrap()
        .to_string();
    url[url.find("/r/").unwrap()..].to_string()
}

async fn messages(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    app.get(token, &format!("/api/v1/messages?{query}"))
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_reminder_across_a_dst_change_arrives_once_in_each_persons_language_and_time() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "dst").await;

    // 10 March 2027, 17:30 UTC (09:30 PST): the 7-day reminder of the first session is due.
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;

    let mut got = smtp.received();
    got.sort_by(|a, b| a.to.cmp(&b.to));
    assert_eq!(got.len(), 2, "{got:#?}");
    let (en, es) = (&got[0], &got[1]);
    assert_eq!(en.to, "amina.k@example.org");
    assert_eq!(es.to, "lucia.m@example.org");
    // The session is at 10:00 PDT although the reminder went out under PST (a naive UTC
    // offset would say 9:00).
    assert_eq!(
        en.subject,
        "Reminder: Surrey Punjabi group on Wednesday, March 17, 2027"
    );
    assert!(en.text.contains("at 10:00 AM"), "{}", en.text);
    assert_eq!(en.language, "en");
    assert!(
        es.subject.contains("miércoles, 17 de marzo de 2027"),
        "{}",
        es.subject
    );
    assert!(es.text.contains("10:00"), "{}", es.text);
    assert_eq!(es.language, "es");
    assert!(es.html.contains("lang=\"es\""));
    // Arranged support is mentioned to the person it is arranged for, and only to them.
    assert!(!es.text.contains("Childcare"));
    assert!(es.text.to_lowercase().contains("cuidado"), "{}", es.text);
    assert!(!en.text.contains("Childcare"));
    // Participant mail can be unsubscribed from and carries a one-tap link.
    assert!(
        en.list_unsubscribe
            .as_deref()
            .is_some_and(|u| u.contains("mailto:"))
    );
    assert!(en.text.contains("/r/"), "{}", en.text);
    assert_ne!(en.message_id, es.message_id);

    // The API shows both as sent with their locale; the person without consent got none.
    let sent = messages(&app, &s.token, &format!("session_id={}", s.sessions[0])).await;
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|m| m["state"] == "sent"));
    let locale_of = |p: i64| {
        sent.iter()
            .find(|m| m["person_id"] == p)
            .map(|m| m["locale"].clone())
    };
    assert_eq!(locale_of(s.spanish), Some(json!("es")));
    assert_eq!(locale_of(s.english), Some(json!("en")));
    assert_eq!(locale_of(s.no_consent), None);

    // Only coordinators see messages, and only their own organization's.
    let facilitator = app
        .token(
            "dst",
            "rosa.t@example.org",
            peergroup_domain::org::Role::Facilitator,
        )
        .await;
    app.get(&facilitator, "/api/v1/messages").await.problem(403);
    let other = app.coordinator("elsewhere").await;
    assert!(messages(&app, &other, "").await.is_empty());

    // Planning again, from another "replica", sends nothing twice.
    tick(&app).await;
    tick_at(&app, app.clock.now() + chrono::Duration::minutes(5)).await;
    app.clock.advance(chrono::Duration::minutes(5));
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);

    // A day before, the facilitator's reminder (in English: Somali is not shipped, and the
    // group's Spanish is the fallback before English).
    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let all = smtp.received();
    let to_rosa: Vec<_> = all
        .iter()
        .filter(|m| m.to == "rosa.t@example.org")
        .collect();
    assert_eq!(to_rosa.len(), 1, "{all:#?}");
    assert_eq!(to_rosa[0].language, "es");
    assert!(to_rosa[0].text.contains("Lucia M"), "{}", to_rosa[0].text);
    assert!(
        to_rosa[0].text.contains("What is diabetes"),
        "{}",
        to_rosa[0].text
    );
    // And the participants' 24-hour reminders.
    assert_eq!(all.len(), 2 + 1 + 2);
    app.stop().await;
}

#[tokio::test]
async fn a_moved_session_sends_a_correction_and_a_cancelled_one_a_notice_to_those_reminded() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "moves").await;
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);

    // Moving the first session an hour later tells the two who were reminded, at once
    // (09:30 local is outside the quiet hours).
    app.post(
        &s.token,
        &format!("/api/v1/sessions/{}/reschedule", s.sessions[0]),
        &json!({"local_time": "11:00"}),
    )
    .await
    .ok(200);
    // The second session has reminded nobody yet: cancelling it tells nobody.
    app.post(
        &s.token,
        &format!("/api/v1/sessions/{}/cancel", s.sessions[1]),
        &json!({"reason": "Holiday"}),
    )
    .await
    .ok(200);
    app.run_jobs_with(&config).await;
    let got = smtp.received();
    assert_eq!(got.len(), 4, "{got:#?}");
    let changed: Vec<_> = got[2..].iter().collect();
    assert!(changed.iter().any(|m| m.to == "amina.k@example.org"
        && m.subject.starts_with("New time")
        && m.text.contains("11:00 AM")));
    assert!(
        changed
            .iter()
            .any(|m| m.to == "lucia.m@example.org" && m.text.contains("11:00"))
    );

    // Cancelling the moved session sends each of them one cancellation.
    app.post(
        &s.token,
        &format!("/api/v1/sessions/{}/cancel", s.sessions[0]),
        &json!({"reason": "Flood"}),
    )
    .await
    .ok(200);
    app.run_jobs_with(&config).await;
    let got = smtp.received();
    assert_eq!(got.len(), 6, "{got:#?}");
    assert!(
        got[4..].iter().all(
            |m| m.subject.starts_with("Sesión cancelada") || m.subject.starts_with("Cancelled")
        )
    );
    // Later ticks do not remind anyone of the cancelled sessions.
    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let later: Vec<_> = smtp.received()[6..]
        .iter()
        .map(|m| m.subject.clone())
        .collect();
    assert!(
        later
            .iter()
            .all(|s| !s.contains("March 17") && !s.contains("17 de marzo")),
        "{later:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn i_cant_come_records_an_excused_absence_tells_the_facilitators_and_cannot_be_forged() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "cantcome").await;
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let path = &cant_come_path(&smtp, "amina.k@example.org");
    let page = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"en\""));
    assert!(
        html.contains("Wednesday, March 17, 2027 at 10:00 AM"),
        "{html}"
    );
    // Which session: the group, and where it meets; nobody else in it.
    assert!(html.contains("Surrey Punjabi group"), "{html}");
    assert!(
        html.contains("Place: Gurdwara hall, 123 Example Rd"),
        "{html}"
    );
    for secret in ["Lucia", "Rosa"] {
        assert!(!html.contains(secret), "{secret} on the page");
    }

    let before = app.row_counts().await;
    let bad = app
        .client
        .post(format!("{}{path}", app.base))
        .form(&[("reason", "boredom")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert!(
        bad.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let again = bad.text().await.unwrap();
    assert!(
        again.contains("Please choose one of the reasons"),
        "{again}"
    );
    assert!(
        again.contains("name=\"reason\""),
        "the reasons are offered again"
    );
    assert_eq!(app.row_counts().await, before);
    let chosen = app
        .client
        .post(format!("{}{path}", app.base))
        .form(&[("reason", "childcare")])
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), 200);
    assert!(chosen.text().await.unwrap().contains("Thank you"));
    app.run_jobs_with(&config).await;
    let notice: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.to == "rosa.t@example.org")
        .collect();
    assert_eq!(notice.len(), 1);
    assert!(notice[0].text.contains("Amina K"), "{}", notice[0].text);
    // Tapping again changes nothing but the reason, and tells nobody twice.
    app.client
        .post(format!("{}{path}", app.base))
        .form(&[("reason", "illness")])
        .send()
        .await
        .unwrap();
    app.run_jobs_with(&config).await;
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.to == "rosa.t@example.org")
            .count(),
        1
    );
    // The 24-hour reminder skips her.
    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.to == "amina.k@example.org")
            .count(),
        1
    );

    // A token changed by one character, or pointed at another session, is 404.
    let token = &path[3..];
    let mut forged = token.to_string();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    // A phone user sees a page in their browser's language, not a JSON problem.
    for t in [forged.as_str(), "nonsense", "a.b"] {
        let r = app
            .client
            .get(format!("{}/r/{t}", app.base))
            .header("accept-language", "es-MX,es;q=0.9,en;q=0.5")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{t}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let html = r.text().await.unwrap();
        assert!(html.contains("lang=\"es\""), "{html}");
        assert!(html.contains("Este enlace no funciona"), "{html}");
    }
    // After the session the link has expired.
    app.clock.set(at(2027, 3, 18, 0, 0));
    let r = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 410);

    // The roll-call: she is marked absent, and recorded excused for the reason she gave
    // (her second tap: illness); nobody else is excused.
    let log = app
        .post(
            &s.token,
            &format!("/api/v1/sessions/{}/log", s.sessions[0]),
            &json!({"held": true, "attendance": [
                {"person_id": s.english, "status": "absent"},
                {"person_id": s.spanish, "status": "absent"},
                {"person_id": s.no_consent, "status": "present"}
            ]}),
        )
        .await;
    let marks = log.ok(200)["attendance"].as_array().unwrap().clone();
    let mark = |p: i64| marks.iter().find(|m| m["person_id"] == p).unwrap().clone();
    assert_eq!(mark(s.english)["status"], "excused", "{marks:?}");
    assert_eq!(mark(s.english)["reason"], "illness");
    assert_eq!(mark(s.spanish)["status"], "absent");
    assert_eq!(mark(s.no_consent)["status"], "present");
    app.stop().await;
}

#[tokio::test]
async fn a_busy_server_gets_each_message_once_and_a_refusing_one_leaves_it_dead_and_retryable() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "faults").await;
    app.clock.set(at(2027, 3, 10, 17, 30));
    smtp.busy_for(3);
    tick(&app).await;
    app.run_jobs_with(&config).await;
    // Three refusals spread over the two messages: neither or one has arrived, the rest wait.
    let retrying = messages(&app, &s.token, "state=retrying").await;
    assert!(!retrying.is_empty());
    // Recording a delivery's outcome also ends its job: none is left running.
    let store = app.server().store.clone();
    let jobs = store.job_counts().await.unwrap();
    assert_eq!((jobs.running, jobs.retrying), (0, retrying.len() as i64));
    assert!(
        retrying
            .iter()
            .all(|m| m["last_error"].as_str().unwrap().contains("451"))
    );
    for _ in 0..4 {
        app.clock.advance(chrono::Duration::hours(1));
        app.run_jobs_with(&config).await;
    }
    let got = smtp.received();
    assert_eq!(got.len(), 2, "each exactly once: {got:#?}");
    assert_eq!(messages(&app, &s.token, "state=sent").await.len(), 2);
    let jobs = store.job_counts().await.unwrap();
    assert_eq!((jobs.running, jobs.retrying), (0, 0));

    // A refusing server: dead after one attempt, with the error, and retryable by hand.
    smtp.refuse(true);
    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let dead = messages(&app, &s.token, "state=dead").await;
    assert_eq!(dead.len(), 3, "{dead:#?}");
    assert!(
        dead.iter()
            .all(|m| m["attempts"] == 1 && m["last_error"].as_str().unwrap().contains("550"))
    );
    assert_eq!(smtp.received().len(), 2);
    let sent = messages(&app, &s.token, "state=sent").await;
    let r = app
        .post(
            &s.token,
            &format!("/api/v1/messages/{}/retry", sent[0]["id"]),
            &json!({}),
        )
        .await;
    r.problem(409);
    smtp.refuse(false);
    let id = dead[0]["id"].as_i64().unwrap();
    let r = app
        .post(
            &s.token,
            &format!("/api/v1/messages/{id}/retry"),
            &json!({}),
        )
        .await;
    assert_eq!(r.ok(200)["state"], "queued");
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 3);
    assert_eq!(
        app.get(&s.token, &format!("/api/v1/messages/{id}"))
            .await
            .ok(200)["state"],
        "sent"
    );
    app.stop().await;
}

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_is_sent_once_it_is_up() {
    let app = TestApp::spawn().await;
    // A port with nobody listening yet.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let config = smtp_config(&app.config, &format!("smtp://127.0.0.1:{port}"));
    let s = setup(&app, "down").await;
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let retrying = messages(&app, &s.token, "state=retrying").await;
    assert_eq!(retrying.len(), 2, "{retrying:#?}");
    let smtp = SmtpServer::start_on(std::net::TcpListener::bind(("127.0.0.1", port)).unwrap());
    app.clock.advance(chrono::Duration::hours(1));
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);
    assert_eq!(messages(&app, &s.token, "state=sent").await.len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn an_admin_sets_the_quiet_hours_and_reply_to_address_that_reminders_follow() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "settings").await;
    let admin = app
        .token(
            "settings",
            "director@example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let other = app.coordinator("other-org").await;

    let org = app.get(&s.token, "/api/v1/organization").await;
    assert_eq!(org.ok(200)["slug"], "settings");
    assert_eq!(
        org.ok(200)["settings"],
        json!({"quiet_hours_start": "21:00", "quiet_hours_end": "08:00", "reply_to": null,
               "training_policy": "block", "retention_months": null})
    );
    // 08:00 to 12:00 in each group's timezone: Vancouver mornings are quiet.
    let settings = json!({
        "quiet_hours_start": "08:00",
        "quiet_hours_end": "12:00",
        "reply_to": "groups@riverside.example.org",
        "training_policy": "override",
        "retention_months": null
    });
    app.put(&s.token, "/api/v1/organization", &settings)
        .await
        .problem(403);
    let saved = app.put(&admin, "/api/v1/organization", &settings).await;
    assert_eq!(saved.ok(200)["settings"], settings);
    assert_eq!(
        app.get(&s.token, "/api/v1/organization").await.ok(200)["settings"],
        settings,
        "coordinators read what the admin set"
    );
    assert_eq!(
        app.get(&other, "/api/v1/organization").await.ok(200)["settings"]["quiet_hours_start"],
        "21:00",
        "another organization keeps its own"
    );
    let facilitator = app
        .token(
            "settings",
            "rosa.t@example.org",
            peergroup_domain::org::Role::Facilitator,
        )
        .await;
    app.get(&facilitator, "/api/v1/organization")
        .await
        .problem(403);

    // The 7-day reminder is due at 09:00 PST (17:00 UTC), inside the new quiet hours: it
    // waits for 12:00 PST (20:00 UTC).
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    assert!(smtp.received().is_empty(), "nothing in the quiet hours");
    app.clock.set(at(2027, 3, 10, 19, 59));
    app.run_jobs_with(&config).await;
    assert!(smtp.received().is_empty(), "nothing before they end");
    app.clock.set(at(2027, 3, 10, 20, 0));
    app.run_jobs_with(&config).await;
    let got = smtp.received();
    assert_eq!(got.len(), 2, "{got:#?}");
    for m in &got {
        assert_eq!(
            m.reply_to.as_deref(),
            Some("groups@riverside.example.org"),
            "{m:#?}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn coordinators_hear_of_a_session_without_its_facilitators_48_hours_ahead_once() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "roles").await;
    app.token(
        "roles",
        "director@example.org",
        peergroup_domain::org::Role::Admin,
    )
    .await;
    // The education phase needs an educator and 2 peer leaders; the group has 1 peer leader.
    // Its first session is 17 March 17:00 UTC: 48 hours before is 15 March 17:00.
    app.clock.set(at(2027, 3, 15, 16, 30));
    app.queue_tick(JobKind::CheckRoles, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    assert!(smtp.received().is_empty(), "more than 48 hours ahead");

    app.clock.set(at(2027, 3, 15, 17, 30));
    app.queue_tick(JobKind::CheckRoles, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    let mut got = smtp.received();
    got.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = got.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(
        to,
        ["coordinator@roles.example.org", "director@example.org"],
        "{got:#?}"
    );
    for m in &got {
        // In English although the group meets in Spanish: coordinators have no language.
        assert_eq!(m.language, "en");
        assert_eq!(
            m.subject,
            "Missing facilitators: Surrey Punjabi group on Wednesday, March 17, 2027"
        );
        assert!(m.text.contains("at 10:00 AM"), "{}", m.text);
        assert!(
            m.text.contains("educator: 0 of 1, peer_leader: 1 of 2"),
            "{}",
            m.text
        );
        // The page of the session it speaks of.
        let page = format!("/sessions/{}", s.sessions[0]);
        assert!(
            m.text.contains(&page) && m.html.contains(&page),
            "{}",
            m.text
        );
    }
    let listed = messages(&app, &s.token, &format!("session_id={}", s.sessions[0])).await;
    assert!(listed.iter().any(|m| m["kind"] == "roles_missing"));

    // An hour later the gap is still there: nobody is told twice.
    app.clock.set(at(2027, 3, 15, 18, 30));
    app.queue_tick(JobKind::CheckRoles, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);

    // The second session's notice is written while the SMTP server is busy; the roles
    // are filled before it can go, so it is not sent.
    app.clock.set(at(2027, 3, 22, 17, 30));
    smtp.busy_for(2);
    app.queue_tick(JobKind::CheckRoles, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    let waiting = messages(&app, &s.token, "state=retrying").await;
    assert_eq!(waiting.len(), 2, "{waiting:#?}");
    let person = |name: &str| {
        let mut p = fixtures::person(name);
        p["consent"] = json!({"email_reminders": true, "sms_reminders": true, "calls": true, "source": "in_person"});
        p
    };
    for (name, role, program_role) in [
        ("Dr Mehta", "professional", "educator"),
        ("Jas K", "peer", "peer_leader"),
    ] {
        let p = app
            .create_id(&s.token, "/api/v1/people", &person(name))
            .await;
        app.create_id(
            &s.token,
            &format!("/api/v1/groups/{}/facilitators", s.group),
            &json!({"person_id": p, "role": role, "program_role": program_role}),
        )
        .await;
    }
    app.clock.advance(chrono::Duration::minutes(10));
    app.run_jobs_with(&config).await;
    assert_eq!(
        smtp.received().len(),
        2,
        "no notice once the roles are filled"
    );
    let skipped = messages(&app, &s.token, "state=skipped").await;
    assert_eq!(skipped.len(), 2, "{skipped:#?}");
    assert_eq!(
        skipped[0]["last_error"], "the session has its facilitators now",
        "{skipped:#?}"
    );
    // And the check finds nothing for the sessions after.
    app.clock.set(at(2027, 3, 29, 17, 30));
    app.queue_tick(JobKind::CheckRoles, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn the_weekly_digest_counts_next_weeks_sessions_follow_ups_and_supports() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "digest").await;
    // An organization with no active group gets no digest.
    let idle = app.coordinator("idle").await;
    assert_eq!(
        app.get(&idle, "/api/v1/groups").await.ok(200)["items"],
        json!([])
    );
    let enrollments = app
        .get(&s.token, &format!("/api/v1/groups/{}/enrollments", s.group))
        .await;
    let enrollment = enrollments.ok(200)["items"][0]["id"].as_i64().unwrap();
    app.create_id(
        &s.token,
        &format!("/api/v1/enrollments/{enrollment}/supports"),
        &json!({"kind": "interpreter", "interpreter_language": "uk"}),
    )
    .await;
    app.create_id(
        &s.token,
        "/api/v1/follow-ups",
        &json!({"enrollment_id": enrollment, "note": "Check in"}),
    )
    .await;

    // Monday 15 March 2027, 06:00 UTC: the week to come holds the first session (17 March).
    app.clock.set(at(2027, 3, 15, 6, 0));
    app.queue_tick(JobKind::WeeklyDigest, app.clock.now()).await;
    app.run_jobs_with(&config).await;
    let digests = || {
        smtp.received()
            .into_iter()
            .filter(|m| m.subject.starts_with("Your week ahead"))
            .collect::<Vec<_>>()
    };
    let got = digests();
    assert_eq!(got.len(), 1, "{got:#?}");
    let d = &got[0];
    assert_eq!(d.to, "coordinator@digest.example.org");
    assert_eq!(d.subject, "Your week ahead: digest");
    for line in [
        "Sessions next week: 1",
        "Open follow-up calls: 1",
        // The manual task was due 3 days after it was opened (25 November 2026).
        "Overdue follow-up calls: 1",
        "childcare for 1 children, transport for 0 people, food for 0 people",
        "Interpreters next week: uk",
    ] {
        assert!(d.text.contains(line), "{line}: {}", d.text);
    }
    assert!(!d.text.contains("Lucia"), "no names in a digest");
    assert!(d.text.contains("/dashboard"), "{}", d.text);
    // The same week's tick again (a second replica) sends nothing more.
    app.queue_tick(JobKind::WeeklyDigest, at(2027, 3, 15, 6, 0))
        .await;
    app.run_jobs_with(&config).await;
    assert_eq!(digests().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn messages_claimed_together_are_read_at_once_as_each_alone_and_sent_once_each() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "together").await;
    let store = app.server().store.clone();
    // A day before: two participants' reminders and the facilitator's.
    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    let held = app
        .run_jobs_holding(&config, |j| j.kind == JobKind::DeliverMessage.as_str())
        .await;
    assert_eq!(held.len(), 3);
    let ids: Vec<i64> = held
        .iter()
        .map(|j| j.payload["message_id"].as_i64().unwrap())
        .collect();

    // Read together, each participant's reminder is what it is read alone; the
    // facilitator's, which needs more reads, is left to its own job.
    let together = peergroup_app::deliveries::deliveries(&store, &ids)
        .await
        .unwrap();
    assert_eq!(together.len(), 2);
    for id in &ids {
        let alone = peergroup_app::deliveries::delivery(&store, *id)
            .await
            .unwrap()
            .expect("queued");
        match together.get(id) {
            Some(d) => assert_eq!(format!("{d:?}"), format!("{alone:?}")),
            None => assert_eq!(
                alone.kind,
                peergroup_domain::reminders::MessageKind::FacilitatorReminder
            ),
        }
    }
    assert!(together.values().any(|d| d.supports == ["childcare"]));

    // A message sent already is not read to be sent again.
    let rt = app.job_runtime(&config).await;
    let first = ids.iter().position(|id| together.contains_key(id)).unwrap();
    peergroup_jobs::run_one(&rt, held[first].clone()).await;
    let again = peergroup_app::deliveries::deliveries(&store, &ids)
        .await
        .unwrap();
    assert_eq!(again.len(), 1);
    assert!(!again.contains_key(&ids[first]));

    // The worker itself, once the held claims lapse: it claims the other two together, and
    // each person gets their own message once.
    app.clock.advance(chrono::Duration::seconds(61));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(peergroup_jobs::run(std::sync::Arc::new(rt), stopped));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while smtp.received().len() < 3 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    stop.send(true).unwrap();
    worker.await.unwrap();
    let mut got = smtp.received();
    got.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = got.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(
        to,
        [
            "amina.k@example.org",
            "lucia.m@example.org",
            "rosa.t@example.org"
        ]
    );
    assert!(
        got[1].text.to_lowercase().contains("cuidado"),
        "{}",
        got[1].text
    );
    assert!(!got[0].text.contains("Childcare"));
    assert!(got[2].text.contains("Lucia M"), "{}", got[2].text);
    let sent = messages(&app, &s.token, &format!("session_id={}", s.sessions[0])).await;
    assert_eq!(sent.iter().filter(|m| m["state"] == "sent").count(), 3);
    app.stop().await;
}

/// On PostgreSQL a sent message is marked on a connection of its own (SQLite marks through
/// its one writer): when that connection is cut, the mark still lands and the next one
/// opens it again.
#[tokio::test]
async fn a_cut_marking_connection_loses_no_mark_and_is_opened_again() {
    if !peergroup_blackbox::on_postgres() {
        return;
    }
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "cut").await;
    let store = app.server().store.clone();
    let db = store.write_connection();
    let marking = |sql: &'static str| {
        let sql = sql.replace("{name}", peergroup_store::MARKS_APPLICATION_NAME);
        async move {
            db.query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                sql,
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
        }
    };
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    assert_eq!(smtp.received().len(), 2);
    let cut = marking(
        "SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity \
         WHERE application_name = '{name}' AND datname = current_database()",
    )
    .await;
    assert_eq!(cut, 1, "the marks had a connection of their own");

    app.clock.set(at(2027, 3, 16, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let got = smtp.received();
    assert_eq!(got.len(), 5, "{got:#?}");
    let ids: std::collections::HashSet<&str> = got.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(ids.len(), 5, "each message once");
    let all = messages(&app, &s.token, "").await;
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|m| m["state"] == "sent"), "{all:#?}");
    let open = marking(
        "SELECT COUNT(*) AS n FROM pg_stat_activity \
         WHERE application_name = '{name}' AND datname = current_database()",
    )
    .await;
    assert_eq!(open, 1, "opened again");
    app.stop().await;
}

#[tokio::test]
async fn i_cant_come_shows_on_the_session_and_leaves_the_headcount() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start();
    let config = smtp_config(&app.config, &smtp.url());
    let s = setup(&app, "netted").await;
    app.clock.set(at(2027, 3, 10, 17, 30));
    tick(&app).await;
    app.run_jobs_with(&config).await;
    let path = cant_come_path(&smtp, "lucia.m@example.org");
    let session = format!("/api/v1/sessions/{}", s.sessions[0]);
    let supports = format!("{session}/supports");
    let before = app.get(&s.token, &supports).await.ok(200).clone();
    assert_eq!(before["childcare"]["participants"], 1, "{before}");
    assert_eq!(app.get(&s.token, &session).await.ok(200)["cannot_come"], 0);

    let chosen = app
        .client
        .post(format!("{}{path}", app.base))
        .form(&[("reason", "childcare")])
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), 200);

    assert_eq!(app.get(&s.token, &session).await.ok(200)["cannot_come"], 1);
    let listed = app
        .get(
            &s.token,
            &format!(
                "/api/v1/groups/{}/sessions?from=2027-03-17&to=2027-03-18",
                s.group
            ),
        )
        .await;
    assert_eq!(listed.ok(200)[0]["cannot_come"], 1);
    let after = app.get(&s.token, &supports).await.ok(200).clone();
    assert_eq!(after["cannot_come"], 1);
    assert_eq!(
        after["participants"],
        before["participants"].as_u64().unwrap() - 1
    );
    assert_eq!(after["childcare"]["participants"], 0, "{after}");
    app.stop().await;
}
