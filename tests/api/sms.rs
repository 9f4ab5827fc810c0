//! SMS to participants: the channel chosen by preference, phone and consent; the text in
//! their language and alphabet, counted in segments; skipped with a reason when it cannot go.

use chrono::{TimeZone, Utc};
use peergroup_blackbox::kannel::{self, Kannel};
use peergroup_blackbox::{TestApp, fixtures};
use peergroup_domain::jobs::JobKind;
use serde_json::{Value, json};

struct Setup {
    token: String,
    group: i64,
    /// The first session.
    first: i64,
}

/// A group meeting Wednesdays at 10:00 in Vancouver from 17 March 2027, with nobody in it.
async fn setup(app: &TestApp, org: &str) -> Setup {
    setup_at(app, org, "Gurdwara hall").await
}

/// [`setup`], meeting at `venue`.
async fn setup_at(app: &TestApp, org: &str, venue: &str) -> Setup {
    let token = app.coordinator(org).await;
    let program = app
        .create_id(&token, "/api/v1/programs", &fixtures::program())
        .await;
    let mut group = fixtures::group(program);
    group["name"] = json!("Salud");
    group["start_date"] = json!("2027-03-17");
    group["start_time"] = json!("10:00");
    group["capacity"] = json!(6);
    group["venue"]["name"] = json!(venue);
    let group = app.create_id(&token, "/api/v1/groups", &group).await;
    let first = app.generate_sessions(&token, group).await[0];
    Setup {
        token,
        group,
        first,
    }
}

/// Enrols a new person made from `fixtures::person(name)` with `changes` applied.
async fn enrol(app: &TestApp, s: &Setup, name: &str, changes: Value) -> i64 {
    let mut p = fixtures::person(name);
    for (k, v) in changes.as_object().unwrap() {
        p[k] = v.clone();
    }
    if changes.get("consent").is_none() {
        // Agreed to reminders by each channel they have.
        p["consent"]["email_reminders"] = json!(p["email"].is_string());
        p["consent"]["sms_reminders"] = json!(p["phone"].is_string());
    }
    app.enrol(&s.token, s.group, &p).await
}

/// Plans the reminders due a week before the first session.
async fn remind(app: &TestApp) {
    remind_at(app, 30).await;
}

/// [`remind`], with the planning tick at `minute` past 17:00 UTC (one tick a minute runs).
async fn remind_at(app: &TestApp, minute: u32) {
    let now = Utc.with_ymd_and_hms(2027, 3, 10, 17, minute, 0).unwrap();
    app.clock.set(now);
    app.queue_tick(JobKind::PlanReminders, now).await;
}

async fn message_of(app: &TestApp, s: &Setup, person: i64) -> Value {
    let page = app
        .get(&s.token, &format!("/api/v1/messages?person_id={person}"))
        .await
        .ok(200)
        .clone();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page:#}");
    items[0].clone()
}

#[tokio::test]
async fn an_arabic_reminder_goes_as_ucs2_sms_with_its_segments_counted() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-ar").await;
    let hawa = enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_language": "ar", "preferred_channel": "sms", "phone": "+16045550111"}),
    )
    .await;
    let amina = enrol(&app, &s, "Amina K", json!({"preferred_language": "en"})).await;
    remind(&app).await;

    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 1, "only Hawa prefers SMS: {sms:#?}");
    let text = sms[0]["text"].as_str().unwrap();
    assert_eq!(sms[0]["to"], "+16045550111");
    assert_eq!(sms[0]["encoding"], "ucs2");
    for part in [
        "تذكير: Salud",
        "10:00",
        "المكان: Gurdwara hall",
        "أرسل لا أو 2",
        "STOP",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    // 70 UTF-16 units fit one message; past that, 67 a segment.
    let units = text.encode_utf16().count();
    assert!(units > 70, "{text}");
    let segments = units.div_ceil(67);
    assert_eq!(sms[0]["segments"], segments);
    assert!(
        sms[0]["status_url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:8080/sms/status/"),
        "{:#}",
        sms[0]
    );

    let theirs = message_of(&app, &s, hawa).await;
    assert_eq!(theirs["state"], "sent");
    assert_eq!(theirs["channel"], "sms");
    assert_eq!(theirs["segments"], segments);
    assert_eq!(theirs["locale"], "ar");
    // The coordinators' log says what it cost.
    let mut page =
        peergroup_blackbox::pages::invited(&app, &s.token, "lead@example.org", "coordinator").await;
    let log = page.get("/messages").await;
    assert!(
        log.body.contains(&format!("SMS, {segments} segments")),
        "{}",
        log.body
    );
    let mail = message_of(&app, &s, amina).await;
    assert_eq!(mail["channel"], "email");
    assert_eq!(mail["segments"], Value::Null);
    let mails = app.outbox().await;
    let to_amina = mails
        .iter()
        .filter(|m| m.starts_with("To: amina.k@"))
        .count();
    assert_eq!(to_amina, 1, "Amina's by email: {mails:#?}");
    app.stop().await;
}

#[tokio::test]
async fn english_spanish_and_french_reminders_fit_the_gsm_alphabet() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-gsm").await;
    for (name, language) in [("Ana P", "es"), ("Marie L", "fr"), ("Joy N", "en")] {
        enrol(
            &app,
            &s,
            name,
            json!({"preferred_language": language, "email": null, "preferred_channel": null}),
        )
        .await;
    }
    remind(&app).await;
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 3, "a phone and no email: SMS");
    for m in &sms {
        assert_eq!(m["encoding"], "gsm7", "{m:#}");
        assert!(m["segments"].as_u64().unwrap() <= 2, "{m:#}");
    }
    app.stop().await;
}

#[tokio::test]
async fn an_sms_over_the_segment_limit_drops_the_place_then_is_skipped() {
    let app = TestApp::spawn().await;
    let s = setup_at(
        &app,
        "sms-limit",
        "قاعة المجتمع الكبرى في وسط المدينة قرب المكتبة العامة",
    )
    .await;
    let hawa = enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_language": "ar", "preferred_channel": "sms"}),
    )
    .await;
    remind(&app).await;
    let mut config = app.config.clone();
    config.sms.max_segments = 2;
    app.run_jobs_with(&config).await;
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 1);
    let text = sms[0]["text"].as_str().unwrap();
    assert!(!text.contains("المكان"), "the place left out: {text}");
    assert_eq!(sms[0]["segments"], 2);
    assert_eq!(message_of(&app, &s, hawa).await["segments"], 2);

    // One segment cannot hold even the time and the reply words.
    let s = setup(&app, "sms-limit-1").await;
    let olena = enrol(
        &app,
        &s,
        "Olena P",
        json!({"preferred_language": "ar", "preferred_channel": "sms"}),
    )
    .await;
    remind_at(&app, 35).await;
    config.sms.max_segments = 1;
    app.run_jobs_with(&config).await;
    let theirs = message_of(&app, &s, olena).await;
    assert_eq!(theirs["state"], "skipped");
    let why = theirs["last_error"].as_str().unwrap();
    assert!(why.contains("sms.max_segments (1)"), "{why}");
    app.stop().await;
}

#[tokio::test]
async fn the_preferred_channel_and_consent_choose_sms_or_email() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-choice").await;
    let texter = enrol(&app, &s, "Hawa S", json!({"preferred_channel": "sms"})).await;
    let writer = enrol(&app, &s, "Rosa T", json!({"preferred_channel": "email"})).await;
    let unsaid = enrol(&app, &s, "Joy N", json!({"preferred_channel": null})).await;
    let no_consent = enrol(
        &app,
        &s,
        "Olena P",
        json!({"preferred_channel": "sms", "consent": {}}),
    )
    .await;
    remind(&app).await;
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 1, "{sms:#?}");
    assert_eq!(app.outbox().await.len(), 2);
    for (person, channel) in [(texter, "sms"), (writer, "email"), (unsaid, "email")] {
        let m = message_of(&app, &s, person).await;
        assert_eq!(
            (&m["state"], &m["channel"]),
            (&json!("sent"), &json!(channel)),
            "{m:#}"
        );
    }
    let none = app
        .get(
            &s.token,
            &format!("/api/v1/messages?person_id={no_consent}"),
        )
        .await
        .ok(200)["items"]
        .clone();
    assert_eq!(none, json!([]), "no consent, no reminder");
    app.stop().await;
}

/// The path of an SMS's delivery-report URL.
fn status_path(sms: &Value) -> String {
    let url = sms["status_url"].as_str().unwrap();
    url[url.find("/sms/status/").unwrap()..].to_string()
}

#[tokio::test]
async fn delivery_reports_move_the_message_and_a_forged_one_changes_nothing() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-dlr").await;
    let hawa = enrol(&app, &s, "Hawa S", json!({"preferred_channel": "sms"})).await;
    remind(&app).await;
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 1);
    let path = status_path(&sms[0]);
    let get = |p: String| {
        let url = format!("{}{p}", app.base);
        let client = app.client.clone();
        async move { client.get(url).send().await.unwrap().status().as_u16() }
    };

    // A token changed by one character, or another message's number, is refused.
    let mut forged = path.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(get(format!("{forged}?type=1")).await, 404);
    assert_eq!(get("/sms/status/1.2?type=1".into()).await, 404);
    assert_eq!(message_of(&app, &s, hawa).await["state"], "sent");
    // Kannel's "handed to the SMSC" changes nothing; an unknown type is refused.
    assert_eq!(get(format!("{path}?type=8")).await, 200);
    assert_eq!(get(format!("{path}?type=99")).await, 400);
    assert_eq!(message_of(&app, &s, hawa).await["state"], "sent");

    // Failed at the phone: queued again with the backoff, sent again once, then delivered.
    assert_eq!(get(format!("{path}?type=2")).await, 200);
    assert_eq!(
        get(format!("{path}?type=2")).await,
        200,
        "a repeated report"
    );
    let m = message_of(&app, &s, hawa).await;
    assert_eq!(m["state"], "retrying", "{m:#}");
    assert!(m["last_error"].as_str().unwrap().contains("undelivered"));
    assert_eq!(app.sms_outbox().await.len(), 1, "not before its time");
    app.clock.advance(chrono::Duration::minutes(2));
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 2, "sent again once: {sms:#?}");
    let m = message_of(&app, &s, hawa).await;
    assert_eq!(
        (&m["state"], &m["attempts"]),
        (&json!("sent"), &json!(2)),
        "{m:#}"
    );
    assert_eq!(get(format!("{path}?type=1")).await, 200);
    let m = message_of(&app, &s, hawa).await;
    assert_eq!(m["state"], "delivered", "{m:#}");
    assert!(m["delivered_at"].is_string());

    // Twilio's form, for the same message: delivered stays delivered.
    let twilio = app
        .client
        .post(format!("{}{path}", app.base))
        .form(&[("MessageStatus", "failed"), ("MessageSid", "SM1")])
        .send()
        .await
        .unwrap();
    assert_eq!(twilio.status().as_u16(), 200);
    assert_eq!(message_of(&app, &s, hawa).await["state"], "delivered");
    app.stop().await;
}

/// The test config sending SMS through `kannel`, with links back to this app.
fn through(app: &TestApp, kannel: &Kannel) -> peergroup::Config {
    let mut c = app.config.clone();
    c.server.public_url = app.base.clone();
    c.sms.transport = "kannel".into();
    c.sms.kannel_sendsms_url = kannel.sendsms_url();
    c.sms.kannel_username = kannel::SENDSMS_USER.into();
    c.sms.kannel_password = kannel::SENDSMS_PASSWORD.into();
    c.sms.timeout_seconds = 2;
    c
}

/// Waits for the message's state to become `state`: Kannel reports on its own time.
async fn wait_for_state(app: &TestApp, s: &Setup, person: i64, state: &str) -> Value {
    for _ in 0..100 {
        let m = message_of(app, s, person).await;
        if m["state"] == state {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{:#}", message_of(app, s, person).await);
}

#[tokio::test]
async fn through_kannel_an_arabic_reminder_arrives_as_ucs2_parts_and_is_reported_delivered() {
    let app = TestApp::spawn().await;
    let kannel = Kannel::start(&format!("{}/sms/inbound-unused", app.base)).await;
    let config = through(&app, &kannel);
    let s = setup(&app, "kannel-ar").await;
    let hawa = enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_language": "ar", "preferred_channel": "sms", "phone": "+16045550111"}),
    )
    .await;
    remind(&app).await;
    app.run_jobs_with(&config).await;
    let sent = message_of(&app, &s, hawa).await;
    assert_eq!(sent["state"], "sent", "{sent:#}");
    let segments = sent["segments"].as_u64().unwrap() as usize;
    assert!(segments >= 2, "{sent:#}");

    // Kannel hands the SMSC one UCS-2 part per counted segment, in order.
    let mut parts = Vec::new();
    for _ in 0..100 {
        parts = kannel.smsc.parts();
        if parts.len() >= segments {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(parts.len(), segments, "{parts:#?}");
    parts.sort_by_key(|p| p.concatenation().map(|(_, seq)| seq));
    for (i, p) in parts.iter().enumerate() {
        assert_eq!(p.to, "+16045550111");
        assert_eq!(p.from, kannel::SHORT_CODE);
        assert_eq!(p.coding, 2, "UCS-2");
        assert_eq!(p.concatenation(), Some((segments as u8, i as u8 + 1)));
    }
    let text: String = parts.iter().map(|p| p.text()).collect();
    assert!(text.starts_with("تذكير: Salud"), "{text}");
    assert!(text.contains("أرسل لا أو 2"), "{text}");

    // The phone got it: the SMSC tells Kannel, Kannel tells peergroup.
    kannel.smsc.report(1).await;
    let delivered = wait_for_state(&app, &s, hawa, "delivered").await;
    assert!(delivered["delivered_at"].is_string());
    app.stop().await;
}

#[tokio::test]
async fn with_kannel_down_an_sms_waits_and_goes_exactly_once_when_it_returns() {
    let app = TestApp::spawn().await;
    let mut kannel = Kannel::start(&format!("{}/sms/inbound-unused", app.base)).await;
    let config = through(&app, &kannel);
    let s = setup(&app, "kannel-down").await;
    let hawa = enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_channel": "sms", "preferred_language": "en"}),
    )
    .await;
    kannel.stop_boxes();
    remind(&app).await;
    app.run_jobs_with(&config).await;
    let waiting = message_of(&app, &s, hawa).await;
    assert_eq!(waiting["state"], "retrying", "{waiting:#}");
    assert!(
        waiting["last_error"]
            .as_str()
            .unwrap()
            .contains("cannot be reached"),
        "{waiting:#}"
    );
    // Still down at the next attempt.
    app.clock.advance(chrono::Duration::minutes(2));
    app.run_jobs_with(&config).await;
    assert_eq!(message_of(&app, &s, hawa).await["attempts"], 2);

    kannel.start_boxes().await;
    app.clock.advance(chrono::Duration::minutes(5));
    app.run_jobs_with(&config).await;
    app.clock.advance(chrono::Duration::hours(2));
    app.run_jobs_with(&config).await;
    let sent = message_of(&app, &s, hawa).await;
    assert_eq!(
        (&sent["state"], &sent["attempts"]),
        (&json!("sent"), &json!(3)),
        "{sent:#}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let parts = kannel.smsc.parts();
    assert_eq!(parts.len(), 1, "exactly once: {parts:#?}");
    assert_eq!(parts[0].coding, 0, "English fits GSM-7");
    app.stop().await;
}

/// The URL an organization's gateway forwards incoming SMS to, as `peergroup
/// sms-inbound-url` prints it (the path only).
async fn cannot_come(app: &TestApp, s: &Setup) -> u64 {
    app.get(&s.token, &format!("/api/v1/sessions/{}", s.first))
        .await
        .ok(200)["cannot_come"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn a_reply_no_says_i_cant_come_stop_stops_sms_and_the_rest_goes_to_coordinators() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-replies").await;
    let other = setup(&app, "sms-replies-other").await;
    let no_email = json!({"preferred_channel": "sms", "email": null, "preferred_language": "ar"});
    let mut hawa = no_email.clone();
    hawa["phone"] = json!("+16045550111");
    enrol(&app, &s, "Hawa S", hawa).await;
    let mut joy = no_email.clone();
    joy["phone"] = json!("+16045550122");
    let joy = enrol(&app, &s, "Joy N", joy).await;
    remind(&app).await;
    assert_eq!(app.sms_outbox().await.len(), 2);
    let path = app.sms_inbound_path("sms-replies").await;

    // Another organization's URL, a forged one, or a number of nobody here: nothing.
    let elsewhere = app.sms_inbound_path("sms-replies-other").await;
    assert_eq!(app.text_in(&elsewhere, "+16045550111", "NO").await, 200);
    assert_eq!(
        app.text_in(&format!("{path}x"), "+16045550111", "NO").await,
        404
    );
    assert_eq!(app.text_in(&path, "+16045550199", "NO").await, 200);
    assert_eq!(cannot_come(&app, &s).await, 0);
    assert_eq!(cannot_come(&app, &other).await, 0);

    // "لا" (no, in Arabic), from the number as the gateway writes it: recorded, and
    // answered in Arabic, once however often it is sent.
    assert_eq!(app.text_in(&path, "16045550111", " لا ").await, 200);
    assert_eq!(app.text_in(&path, "+16045550111", "NO").await, 200);
    assert_eq!(cannot_come(&app, &s).await, 1);
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 3, "{sms:#?}");
    let answer = sms
        .iter()
        .find(|m| m["text"].as_str().unwrap().starts_with("شكرًا"))
        .unwrap();
    assert_eq!(answer["to"], "+16045550111", "{answer:#}");
    assert!(
        answer["text"].as_str().unwrap().contains("Salud"),
        "{answer:#}"
    );

    // STOP, at 22:00 in Vancouver: answered at once (quiet hours are for what we start, not
    // for an answer), once, as the last SMS. It withdraws Joy's consent to SMS, by her own
    // SMS; with no email either, no reminder is planned for her any more.
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 3, 11, 6, 0, 0).unwrap());
    assert_eq!(app.text_in(&path, "+16045550122", "stop").await, 200);
    assert_eq!(app.text_in(&path, "+16045550122", "STOP").await, 200);
    assert_eq!(
        app.text_in(&path, "+16045550122", "Is there parking?")
            .await,
        200
    );
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 4, "{sms:#?}");
    let stopped = &sms
        .iter()
        .filter(|m| m["to"] == "+16045550122")
        .collect::<Vec<_>>();
    assert_eq!(stopped.len(), 2, "{stopped:#?}");
    assert!(
        stopped
            .iter()
            .any(|m| m["text"].as_str().unwrap().contains("START")),
        "{stopped:#?}"
    );
    let day_before = Utc.with_ymd_and_hms(2027, 3, 16, 17, 30, 0).unwrap();
    app.clock.set(day_before);
    app.queue_tick(JobKind::PlanReminders, day_before).await;
    assert_eq!(app.sms_outbox().await.len(), 4, "no new SMS");
    let joys = app
        .get(&s.token, &format!("/api/v1/messages?person_id={joy}"))
        .await
        .ok(200)["items"]
        .clone();
    let kinds: Vec<&str> = joys
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["session_reminder", "sms_stopped"], "{joys:#}");
    let consent = format!("/api/v1/people/{joy}/consent");
    let record = app.get(&s.token, &consent).await.ok(200).clone();
    assert_eq!(record["given"]["sms_reminders"], Value::Null, "{record:#}");
    assert_eq!(
        (
            &record["changes"][0]["purpose"],
            &record["changes"][0]["given"]
        ),
        (&json!("sms_reminders"), &json!(false)),
        "{record:#}"
    );
    assert_eq!(record["changes"][0]["source"], "by_sms", "{record:#}");

    // START: consent by her own SMS again, and texted from the next reminder on.
    assert_eq!(app.text_in(&path, "+16045550122", "Start").await, 200);
    let record = app.get(&s.token, &consent).await.ok(200).clone();
    assert!(record["given"]["sms_reminders"].is_string(), "{record:#}");
    assert_eq!(record["changes"][0]["source"], "by_sms", "{record:#}");
    let week_later = day_before + chrono::Duration::days(7);
    app.clock.set(week_later);
    app.queue_tick(JobKind::PlanReminders, week_later).await;
    let sms = app.sms_outbox().await;
    assert_eq!(
        sms.iter().filter(|m| m["to"] == "+16045550122").count(),
        3,
        "{sms:#?}"
    );

    // Coordinators read the replies and what each did.
    let mut page =
        peergroup_blackbox::pages::invited(&app, &s.token, "lead@example.org", "coordinator").await;
    let log = page.get("/messages").await;
    for says in [
        "Replies by SMS",
        "Is there parking?",
        "For you to read",
        "Asked for no more SMS",
        "Asked for SMS again",
        "Said they cannot come",
    ] {
        assert!(log.body.contains(says), "{says}: {}", log.body);
    }
    // A NO, STOP or START is kept as what it did, not in the person's words.
    assert!(!log.body.contains("لا"), "{}", log.body);
    let mut theirs =
        peergroup_blackbox::pages::invited(&app, &other.token, "lead2@example.org", "coordinator")
            .await;
    assert!(
        !theirs
            .get("/messages")
            .await
            .body
            .contains("Replies by SMS")
    );
    app.stop().await;
}

#[tokio::test]
async fn through_kannel_a_reply_no_records_the_absence() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "kannel-reply").await;
    let inbound = app.sms_inbound_path("kannel-reply").await;
    let kannel = Kannel::start(&format!("{}{inbound}?from=%p&text=%a", app.base)).await;
    let config = through(&app, &kannel);
    enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_channel": "sms", "phone": "+16045550111", "preferred_language": "en"}),
    )
    .await;
    remind(&app).await;
    app.run_jobs_with(&config).await;
    assert_eq!(kannel.text_from_phone("+16045550111", "No").await, "Sent.");
    for _ in 0..100 {
        if cannot_come(&app, &s).await == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(cannot_come(&app, &s).await, 1);
    app.stop().await;
}

#[tokio::test]
async fn through_twilio_the_request_is_exact_and_its_errors_are_sorted() {
    use peergroup_blackbox::twilio::{self, Twilio};
    let app = TestApp::spawn().await;
    let api = Twilio::start().await;
    let mut config = app.config.clone();
    config.server.public_url = app.base.clone();
    config.sms.transport = "twilio".into();
    config.sms.twilio_api_url = api.url.clone();
    config.sms.twilio_account_sid = twilio::ACCOUNT.into();
    config.sms.twilio_auth_token = twilio::AUTH_TOKEN.into();
    config.sms.twilio_from = twilio::FROM.into();
    let texter = json!({"preferred_channel": "sms", "preferred_language": "es"});

    let s = setup(&app, "twilio").await;
    let hawa = enrol(&app, &s, "Hawa S", texter.clone()).await;
    remind_at(&app, 30).await;
    app.run_jobs_with(&config).await;
    let sent = message_of(&app, &s, hawa).await;
    assert_eq!(sent["state"], "sent", "{sent:#}");
    let accepted = api.accepted();
    assert_eq!(accepted.len(), 1);
    let form = &accepted[0];
    assert_eq!(form["To"], "+16045550123");
    assert_eq!(form["From"], twilio::FROM);
    assert!(form["Body"].starts_with("Recordatorio: Salud"), "{form:?}");
    assert_eq!(
        peergroup_domain::sms::plan(&form["Body"]).segment_count(),
        sent["segments"].as_u64().unwrap() as usize
    );
    let callback = &form["StatusCallback"];
    assert!(
        callback.starts_with(&format!("{}/sms/status/", app.base)),
        "{callback}"
    );
    // Twilio's report on that callback moves the message.
    let reported = app
        .client
        .post(callback)
        .form(&[("MessageStatus", "delivered")])
        .send()
        .await
        .unwrap();
    assert_eq!(reported.status().as_u16(), 200);
    assert_eq!(message_of(&app, &s, hawa).await["state"], "delivered");

    // A number Twilio will not text (400): dead, with Twilio's words but not the number
    // they quote (the fixture's phone).
    api.fail_with(
        400,
        "The 'To' number +16045550123 is not a valid phone number.",
    );
    let s = setup(&app, "twilio-refused").await;
    let joy = enrol(&app, &s, "Joy N", texter.clone()).await;
    remind_at(&app, 35).await;
    app.run_jobs_with(&config).await;
    let dead = message_of(&app, &s, joy).await;
    assert_eq!(dead["state"], "dead", "{dead:#}");
    assert!(
        dead["last_error"]
            .as_str()
            .unwrap()
            .contains("The 'To' number [number] is not a valid phone number"),
        "{dead:#}"
    );

    // Twilio busy (503): tried again later.
    api.fail_with(503, "Service unavailable");
    let s = setup(&app, "twilio-busy").await;
    let olena = enrol(&app, &s, "Olena P", texter).await;
    remind_at(&app, 40).await;
    app.run_jobs_with(&config).await;
    let waiting = message_of(&app, &s, olena).await;
    assert_eq!(waiting["state"], "retrying", "{waiting:#}");
    assert_eq!(api.accepted().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_cancellation_texted_at_night_waits_for_the_end_of_quiet_hours() {
    let app = TestApp::spawn().await;
    let s = setup(&app, "sms-quiet").await;
    let hawa = enrol(
        &app,
        &s,
        "Hawa S",
        json!({"preferred_channel": "sms", "preferred_language": "en"}),
    )
    .await;
    remind(&app).await;
    assert_eq!(app.sms_outbox().await.len(), 1);

    // 22:00 in Vancouver (quiet from 21:00 to 08:00): the session is cancelled.
    let night = Utc.with_ymd_and_hms(2027, 3, 11, 6, 0, 0).unwrap();
    app.clock.set(night);
    app.post(
        &s.token,
        &format!("/api/v1/sessions/{}/cancel", s.first),
        &json!({"reason": "Flood"}),
    )
    .await
    .ok(200);
    assert_eq!(app.sms_outbox().await.len(), 1, "nothing at night");
    let messages = app
        .get(&s.token, &format!("/api/v1/messages?person_id={hawa}"))
        .await
        .ok(200)["items"]
        .clone();
    let cancelled = &messages[1];
    assert_eq!(cancelled["kind"], "session_cancelled", "{messages:#}");
    assert_eq!(cancelled["state"], "queued", "{messages:#}");
    // 08:00 PST is 16:00 UTC.
    assert_eq!(cancelled["send_at"], "2027-03-11T16:00:00Z", "{messages:#}");
    // Waiting is no failed attempt: the message keeps all its tries for the morning.
    assert_eq!(cancelled["attempts"], 0, "{messages:#}");
    assert_eq!(cancelled["last_error"], Value::Null, "{messages:#}");

    app.clock
        .set(Utc.with_ymd_and_hms(2027, 3, 11, 16, 0, 0).unwrap());
    let sms = app.sms_outbox().await;
    assert_eq!(sms.len(), 2, "{sms:#?}");
    assert!(
        sms.iter()
            .any(|m| m["text"].as_str().unwrap().starts_with("Cancelled: Salud")),
        "{sms:#?}"
    );
    let cancelled = app
        .get(&s.token, &format!("/api/v1/messages?person_id={hawa}"))
        .await
        .ok(200)["items"][1]
        .clone();
    assert_eq!(cancelled["state"], "sent", "{cancelled:#}");
    assert_eq!(
        cancelled["attempts"], 1,
        "sent on its first attempt: {cancelled:#}"
    );
    app.stop().await;
}
