//! The pages in real headless Chromium, as a facilitator would use them on a phone
//! (390×844): follow the invitation from the real file outbox, take roll-calls, see the
//! follow-up call the missed-session rule opened, log the call. axe-core checks every page
//! on the way. Run against SQLite by default and PostgreSQL with
//! `PEERGROUP_TEST_DATABASE=postgres`.

use fantoccini::Locator;
use peergroup_blackbox::browser::Browser;
use peergroup_blackbox::{TestApp, World, json};
use std::time::Duration;

const PASSWORD: &str = "a long enough passphrase";
const FACILITATOR: &str = "gurpreet.s@example.org";

async fn fill(b: &Browser, css: &str, text: &str) {
    let field = b.client.find(Locator::Css(css)).await.expect(css);
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

async fn tap(b: &Browser, css: &str) {
    let element = match b.client.find(Locator::Css(css)).await {
        Ok(element) => element,
        Err(e) => {
            // Where the browser was, and what its driver said: a failure explains itself.
            let url = b.client.current_url().await.map(|u| u.to_string());
            panic!("{css} on {url:?}: {e}\n{}", b.driver_log())
        }
    };
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("tap {css}: {e}"));
}

/// Chooses the password on the invitation's page and lands on "My sessions".
/// Saves `locale` as the signed-in user's language on `/language` and waits for the page
/// to confirm it in that language.
async fn choose_language(b: &Browser, base: &str, locale: &str) {
    b.client.goto(&format!("{base}/language")).await.unwrap();
    tap(b, &format!("input[name=locale][value={locale}]")).await;
    tap(b, "main form button[type=submit]").await;
    b.client
        .wait()
        .for_element(Locator::Css(&format!("html[lang={locale}] [role=status]")))
        .await
        .expect("the language saved, in that language");
}

async fn choose_password(b: &Browser) {
    fill(b, "#password", PASSWORD).await;
    fill(b, "#repeat", PASSWORD).await;
    tap(b, "main button[type=submit]").await;
    b.wait_for_text("h1", "My sessions").await;
}

/// Signs in through the sign-in page if the browser was sent there.
async fn sign_in_if_asked(b: &Browser) {
    let url = b.client.current_url().await.unwrap();
    if url.path() == "/sign-in" {
        b.assert_accessible("sign-in").await;
        fill(b, "#email", FACILITATOR).await;
        fill(b, "#password", PASSWORD).await;
        tap(b, "main button[type=submit]").await;
    }
}

#[tokio::test]
async fn a_facilitator_signs_in_takes_three_roll_calls_and_logs_the_follow_up_call() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let amina = app.enrol_new(&world.token, world.group, "Amina B").await;
    let sessions = app
        .get(
            &world.token,
            &format!(
                "/api/v1/groups/{}/sessions?from=2027-01-01&to=2028-01-01",
                world.group
            ),
        )
        .await
        .ok(200)
        .as_array()
        .unwrap()
        .clone();
    let after = |i: usize| {
        let starts: chrono::DateTime<chrono::Utc> =
            sessions[i]["starts_at"].as_str().unwrap().parse().unwrap();
        (
            sessions[i]["id"].as_i64().unwrap(),
            starts + chrono::Duration::hours(2),
        )
    };
    app.clock.set(after(0).1);
    let link = app.invite(&world.token, FACILITATOR, "facilitator").await;

    let b = Browser::start().await;
    b.client.goto(&format!("{}{link}", app.base)).await.unwrap();
    b.wait_for_text("h1", "Choose your password").await;
    b.assert_accessible("welcome").await;
    choose_password(&b).await;
    b.assert_accessible("my sessions").await;

    for round in 0..3 {
        let (session, at) = after(round);
        app.clock.set(at);
        b.client.goto(&format!("{}/", app.base)).await.unwrap();
        sign_in_if_asked(&b).await;
        b.wait_for_text("h2", "Today").await;
        tap(&b, &format!("a[href='/sessions/{session}']")).await;
        b.wait_for_text("h1", "Roll-call").await;
        b.assert_accessible("roll-call").await;
        // The reason is asked for only once "Excused" is tapped.
        let reason = b
            .client
            .find(Locator::Css(&format!("#reason_{amina}")))
            .await
            .unwrap();
        assert!(!reason.is_displayed().await.unwrap());
        tap(
            &b,
            &format!("input[name=mark_{amina}][value=excused] + span"),
        )
        .await;
        assert!(
            reason.is_displayed().await.unwrap(),
            "excused asks for a reason"
        );
        tap(
            &b,
            &format!("input[name=mark_{}][value=present] + span", world.person),
        )
        .await;
        tap(
            &b,
            &format!("input[name=mark_{amina}][value=absent] + span",),
        )
        .await;
        tap(
            &b,
            &format!("input[name=facilitator][value='{}']", world.facilitator),
        )
        .await;
        tap(&b, "main form button[type=submit]").await;
        b.wait_for_text("[role=status]", "The roll-call is saved.")
            .await;
    }
    b.wait_for_text(
        "[role=status]",
        "Amina B: 3 missed sessions in a row. A follow-up call is now open.",
    )
    .await;
    b.assert_accessible("roll-call saved").await;

    tap(&b, "nav a[href='/follow-ups']").await;
    b.wait_for_text("h2", "Amina B").await;
    b.wait_for_text("a[href^='tel:']", "+16045550123").await;
    b.assert_accessible("follow-up calls").await;
    let call = b
        .client
        .find(Locator::XPath(
            "//section[h2[contains(., 'Amina B')]]//a[contains(@href, '/follow-ups/')]",
        ))
        .await
        .expect("Amina's call");
    call.click().await.unwrap();
    b.wait_for_text("h1", "Call Amina B").await;
    b.assert_accessible("call sheet").await;
    // Three taps: how it went, what keeps her away, save.
    tap(&b, "input[name=outcome][value=reached] + span").await;
    tap(&b, "input[name=barrier][value=transport]").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=status]", "The call is saved. Attempts so far: 1.")
        .await;

    let tasks = app
        .get(&world.token, "/api/v1/follow-ups?state=open")
        .await
        .ok(200)
        .clone();
    let task = tasks["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["person_id"] == amina)
        .expect("Amina's task");
    assert_eq!(task["attempts"], 1);
    assert_eq!(task["sessions"].as_array().unwrap().len(), 3);

    // The other pages a facilitator can reach.
    for (path, heading) in [
        ("/training", "My training"),
        ("/calendar", "My calendar"),
        ("/language", "My language"),
        ("/sessions/99999", "Not found"),
    ] {
        b.client.goto(&format!("{}{path}", app.base)).await.unwrap();
        b.wait_for_text("h1", heading).await;
        b.assert_accessible(path).await;
    }

    // In Arabic the pages run right to left, in a font that has the script.
    choose_language(&b, &app.base, "ar").await;
    b.client.goto(&format!("{}/", app.base)).await.unwrap();
    b.client
        .wait()
        .for_element(Locator::Css("html[lang=ar][dir=rtl]"))
        .await
        .expect("an Arabic page, right to left");
    b.assert_accessible("my sessions in Arabic").await;
    let shot = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/screenshots/my-sessions-ar.png");
    b.screenshot(&shot).await;
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "a real picture"
    );
    choose_language(&b, &app.base, "en").await;
    tap(&b, "header button").await;
    b.wait_for_text("main", "You are signed out.").await;
    b.assert_accessible("signed out").await;
    b.client.goto(&format!("{}/", app.base)).await.unwrap();
    b.wait_for_text("h1", "Sign in").await;
    b.close().await;
}

#[tokio::test]
async fn the_accessibility_check_fails_a_page_that_breaks_a_rule() {
    let b = Browser::start().await;
    b.client
        .goto("data:text/html,<title>bad</title><img src=x.png><input type=text>")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let serious: Vec<String> = b
        .axe()
        .await
        .into_iter()
        .filter(|v| v.is_serious())
        .map(|v| v.id)
        .collect();
    assert!(serious.contains(&"image-alt".to_string()), "{serious:?}");
    assert!(serious.contains(&"label".to_string()), "{serious:?}");
    b.close().await;
}

#[tokio::test]
async fn marks_taken_with_no_signal_are_sent_when_it_returns_and_one_roll_call_lands() {
    use peergroup_blackbox::browser::Proxy;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let amina = app.enrol_new(&world.token, world.group, "Amina B").await;
    let first = app.generate_session_list(&world.token, world.group).await[0].clone();
    let starts: chrono::DateTime<chrono::Utc> =
        first["starts_at"].as_str().unwrap().parse().unwrap();
    let session = first["id"].as_i64().unwrap();
    app.clock.set(starts + chrono::Duration::minutes(30));
    let link = app.invite(&world.token, FACILITATOR, "facilitator").await;

    // The phone reaches the server through a proxy the test can cut, as a hall's signal is.
    let proxy = Proxy::start(app.server().addr).await;
    let base = format!("http://{}", proxy.addr);
    let b = Browser::start().await;
    b.client.goto(&format!("{base}{link}")).await.unwrap();
    choose_password(&b).await;
    b.client
        .goto(&format!("{base}/sessions/{session}"))
        .await
        .unwrap();
    b.wait_for_text("h1", "Roll-call").await;
    // Once the service worker runs, it keeps the roll-call page it serves.
    let controlled = "const done = arguments[0];
        navigator.serviceWorker.ready.then(() => {
          const wait = () => navigator.serviceWorker.controller ? done(true) : setTimeout(wait, 50);
          wait();
        });";
    b.client
        .execute_async(controlled, vec![])
        .await
        .expect("a service worker controls the page");
    b.client.refresh().await.unwrap();
    b.wait_for_text("h1", "Roll-call").await;

    proxy.cut();
    // With no signal, the page opens again from what the service worker kept.
    b.client.refresh().await.unwrap();
    b.wait_for_text("h1", "Roll-call").await;
    b.wait_for_text("legend", "Amina B").await;
    tap(
        &b,
        &format!("input[name=mark_{}][value=present] + span", world.person),
    )
    .await;
    tap(
        &b,
        &format!("input[name=mark_{amina}][value=absent] + span"),
    )
    .await;
    tap(
        &b,
        &format!("input[name=facilitator][value='{}']", world.facilitator),
    )
    .await;
    b.wait_for_text(&format!("#sync_{}", world.person), "Not sent yet")
        .await;
    b.wait_for_text(&format!("#sync_{amina}"), "Not sent yet")
        .await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[data-log-state]", "will be sent when there is signal")
        .await;
    b.assert_accessible("roll-call, offline").await;
    // A few retries go nowhere while the signal is gone.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let log = app
        .get(&world.token, &format!("/api/v1/sessions/{session}/log"))
        .await;
    assert_eq!(log.status, 404, "nothing reached the server");

    proxy.restore();
    b.wait_for_text("[role=status]", "The roll-call is saved.")
        .await;
    let saved = b
        .client
        .find_all(Locator::Css(".sync[data-state=saved]"))
        .await
        .unwrap();
    assert_eq!(saved.len(), 2, "every mark shows as saved");
    let log = app
        .get(&world.token, &format!("/api/v1/sessions/{session}/log"))
        .await;
    let log = log.ok(200);
    assert_eq!(log["version"], 1, "exactly one roll-call landed");
    let status_of = |person: i64| {
        log["attendance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["person_id"] == person)
            .map(|m| m["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status_of(world.person).as_deref(), Some("present"));
    assert_eq!(status_of(amina).as_deref(), Some("absent"));
    b.close().await;
}

#[tokio::test]
async fn the_browser_meets_the_same_refusals_as_the_api() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "elsewhere").await;
    let first = app.generate_session_list(&world.token, world.group).await[0].clone();
    let starts: chrono::DateTime<chrono::Utc> =
        first["starts_at"].as_str().unwrap().parse().unwrap();
    app.clock.set(starts + chrono::Duration::hours(1));
    let link = app.invite(&world.token, FACILITATOR, "facilitator").await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}{link}", app.base)).await.unwrap();
    choose_password(&b).await;

    // The used invitation, and another organization's session, by their URLs.
    b.client.goto(&format!("{}{link}", app.base)).await.unwrap();
    b.wait_for_text("main", "This link does not work").await;
    b.assert_accessible("used invitation").await;
    b.client
        .goto(&format!("{}/sessions/{}", app.base, other.session))
        .await
        .unwrap();
    b.wait_for_text("h1", "Not found").await;

    // A form on another site that posts a roll-call here is refused.
    let session = first["id"].as_i64().unwrap();
    let forged = format!(
        "data:text/html,<title>x</title><form method=post action='{}/sessions/{session}'>\
         <input name=held value=no><button id=go>go</button></form>",
        app.base
    );
    b.client.goto(&forged).await.unwrap();
    tap(&b, "#go").await;
    b.wait_for_text("main", "refused for your safety").await;
    let log = app
        .get(&world.token, &format!("/api/v1/sessions/{session}/log"))
        .await;
    assert_eq!(log.status, 404, "nothing was saved");

    // Eight hours without use sign the browser out; it is sent to sign in, and back.
    app.clock.advance(chrono::Duration::hours(8));
    b.client
        .goto(&format!("{}/sessions/{session}", app.base))
        .await
        .unwrap();
    b.wait_for_text("h1", "Sign in").await;
    fill(&b, "#email", FACILITATOR).await;
    fill(&b, "#password", PASSWORD).await;
    tap(&b, "main button[type=submit]").await;
    b.wait_for_text("h1", "Roll-call").await;
    b.close().await;
}

/// Checks the page with axe-core and keeps pictures of it under `target/screenshots/`:
/// `{name}.png` for the first screen, then `{name}-2.png`… for the rest, screen by screen.
async fn check(b: &Browser, name: &str) {
    b.assert_accessible(name).await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
    b.screenshot(&dir.join(format!("{name}.png"))).await;
    for screen in 2..=4 {
        let moved = b
            .client
            .execute(
                "const before = window.scrollY; window.scrollBy(0, window.innerHeight - 40);\
                 return window.scrollY > before;",
                vec![],
            )
            .await
            .unwrap();
        if moved != serde_json::Value::Bool(true) {
            break;
        }
        b.screenshot(&dir.join(format!("{name}-{screen}.png")))
            .await;
    }
    b.client
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
}

#[tokio::test]
async fn a_coordinator_imports_participants_finds_one_and_reads_the_dashboard_on_a_phone() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 1, 12, 0, 0).unwrap());
    let link = app
        .invite(&world.token, "lead@example.org", "coordinator")
        .await;
    let file = std::env::temp_dir().join(format!("peergroup-import-{}.csv", std::process::id()));
    std::fs::write(
        &file,
        "name,language,phone,consent_sms_reminders\n\
         Amina Bakri,ar,+16045550101,yes\n\
         Олена Коваленко,uk,+16045550102,yes\n\
         王芳,zh-Hans,+16045550103,yes\n\
         Harpreet K,pa-Guru,,\n\
         No Language,,,\n",
    )
    .unwrap();

    let b = Browser::start().await;
    b.client.goto(&format!("{}{link}", app.base)).await.unwrap();
    b.wait_for_text("h1", "Choose your password").await;
    choose_password(&b).await;

    tap(&b, "nav a[href='/dashboard']").await;
    b.wait_for_text("h1", "Dashboard").await;
    b.wait_for_text("main p", "Sessions planned: 1").await;
    check(&b, "dashboard").await;

    tap(&b, "nav a[href='/participants']").await;
    b.wait_for_text("h1", "Participants").await;
    check(&b, "participants").await;
    tap(&b, "a[href='/participants/import']").await;
    b.wait_for_text("h1", "Import participants").await;
    check(&b, "import").await;
    b.client
        .find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .expect("choose the file");
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("h1", "Check the import").await;
    b.wait_for_text(
        "[role=status]",
        "To add: 3. Already here: 1. Rows with problems: 1.",
    )
    .await;
    b.wait_for_text("td", "Language: this is missing.").await;
    check(&b, "import-preview").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("h1", "Import done").await;
    b.wait_for_text("[role=status]", "Added: 3.").await;
    check(&b, "import-done").await;

    tap(&b, "nav a[href='/participants']").await;
    b.wait_for_text("h1", "Participants").await;
    fill(&b, "#q", "Олена").await;
    tap(&b, "form[role=search] button").await;
    b.client
        .wait()
        .for_element(Locator::Css("#q[value='Олена']"))
        .await
        .expect("the results of the search");
    tap(&b, "main a[href^='/participants/'] strong").await;
    b.wait_for_text("h1", "Олена Коваленко").await;
    b.wait_for_text("dd", "+16045550102").await;
    b.wait_for_text(
        "main li",
        "Reminders by text message (SMS): agreed (From an imported list)",
    )
    .await;
    check(&b, "participant").await;
    // She says on the phone she wants no more texts: the page keeps when and how.
    tap(&b, "input[name='consent_sms_reminders']").await;
    tap(&b, "#consent_source option[value='by_phone']").await;
    tap(&b, "form[action$='/consent'] button[type=submit]").await;
    b.wait_for_text(
        "main li",
        "Reminders by text message (SMS): withdrawn (On the phone)",
    )
    .await;
    check(&b, "participant-consent").await;
    // Everything held about her, for her: in Ukrainian, her language.
    tap(&b, "main a[href$='/export']").await;
    b.client
        .wait()
        .for_element(Locator::Css("html[lang='uk'] a[href$='/export.json']"))
        .await
        .expect("her data, in her language");
    b.wait_for_text("dd", "Олена Коваленко").await;
    check(&b, "participant-export").await;

    b.client
        .goto(&format!("{}/participants/new", app.base))
        .await
        .unwrap();
    fill(&b, "#name", "amina  bakri").await;
    fill(&b, "#language", "ar").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=alert]", "This person may already be here:")
        .await;
    check(&b, "new-participant-look-alike").await;

    tap(&b, "nav a[href='/manage']").await;
    b.wait_for_text("h1", "More").await;
    tap(&b, "main a[href='/exports']").await;
    b.wait_for_text("h1", "Export").await;
    check(&b, "exports").await;

    // Amina texts a question, then STOP: the coordinator reads both on the messages page.
    let inbound = app.sms_inbound_path("riverside").await;
    for text in ["هل يوجد موقف للسيارات؟", "STOP"] {
        assert_eq!(app.text_in(&inbound, "+16045550101", text).await, 200);
    }
    let answer = app.sms_outbox().await;
    assert_eq!(answer.len(), 1, "the answer to STOP: {answer:#?}");
    tap(&b, "nav a[href='/manage']").await;
    b.wait_for_text("h1", "More").await;
    tap(&b, "main a[href='/messages']").await;
    b.wait_for_text("h2", "Replies by SMS").await;
    b.wait_for_text("main", "هل يوجد موقف للسيارات؟").await;
    b.wait_for_text("main", "For you to read").await;
    b.wait_for_text("main", "Asked for no more SMS").await;
    b.wait_for_text("main", "Last SMS after STOP").await;
    b.wait_for_text("main", "SMS, 1 segment").await;
    check(&b, "messages-replies").await;

    // In Arabic the dashboard reads right to left, bars included.
    choose_language(&b, &app.base, "ar").await;
    b.client
        .goto(&format!("{}/dashboard", app.base))
        .await
        .unwrap();
    b.client
        .wait()
        .for_element(Locator::Css("html[lang=ar][dir=rtl] svg.bar"))
        .await
        .expect("the Arabic dashboard, right to left");
    check(&b, "dashboard-ar").await;
    b.client
        .goto(&format!("{}/messages", app.base))
        .await
        .unwrap();
    b.wait_for_text("html[lang=ar][dir=rtl] main", "هل يوجد موقف للسيارات؟")
        .await;
    check(&b, "messages-replies-ar").await;
    b.close().await;
    let _ = std::fs::remove_file(&file);
}

/// Waits until nothing on the page matches `css` (a page that replaced the last one).
async fn gone(b: &Browser, css: &str) {
    for _ in 0..100 {
        if b.client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} is still on the page");
}

/// Sets a form field the way a date or time picker would.
async fn set_value(b: &Browser, css: &str, value: &str) {
    b.client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}

/// Twelve people of a Punjabi-speaking diabetes group and two rows the import refuses.
const TANG_FILE: &str = "name,language,phone,consent_sms_reminders,consent_calls\n\
Amrit Kaur,pa-Guru,+1 778 555 0101,yes,yes\n\
Baljit Kaur,pa-Guru,+1 778 555 0102,yes,yes\n\
Charanjit Singh,pa-Guru,+1 778 555 0103,yes,yes\n\
Daljit Gill,pa-Guru,+1 778 555 0104,yes,yes\n\
Gurdeep Sandhu,pa-Guru,+1 778 555 0105,yes,yes\n\
Harjit Dhillon,pa-Guru,+1 778 555 0106,yes,no\n\
Inderjit Sidhu,en,+1 778 555 0107,yes,yes\n\
Jaswinder Grewal,pa-Guru,+1 778 555 0108,no,no\n\
Kamaljit Bains,pa-Guru,+1 778 555 0109,yes,yes\n\
Manjit Johal,en,+1 778 555 0110,yes,yes\n\
Navdeep Toor,pa-Guru,+1 778 555 0111,yes,yes\n\
Paramjit Atwal,pa-Guru,+1 778 555 0112,yes,yes\n\
Wrong Number,pa-Guru,0102,yes,yes\n\
No Language,,+1 778 555 0114,yes,yes\n";

#[tokio::test]
async fn tang_2015_runs_from_template_to_export_through_the_pages_only() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 1, 17, 0, 0).unwrap());
    // Set-up the pages do not cover: the first admin of the organization (the lead, who
    // runs its settings too) and the educator's person record.
    let educator = app
        .create_id(
            &world.token,
            "/api/v1/people",
            &json!({"display_name": "Dr Mei Chen", "preferred_language": "en",
                    "email": "mei.chen@example.org"}),
        )
        .await;
    let admin = app
        .token(
            "riverside",
            "director@example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let lead = app.invite(&admin, "lead@example.org", "admin").await;
    let file = std::env::temp_dir().join(format!("peergroup-tang-{}.csv", std::process::id()));
    std::fs::write(&file, TANG_FILE).unwrap();

    let b = Browser::start().await;
    b.client.goto(&format!("{}{lead}", app.base)).await.unwrap();
    b.wait_for_text("h1", "Choose your password").await;
    choose_password(&b).await;

    // The organization lets a coordinator assign someone still in training, with a reason.
    tap(&b, "nav a[href='/manage']").await;
    b.wait_for_text("h1", "More").await;
    check(&b, "manage").await;
    tap(&b, "main a[href='/settings']").await;
    b.wait_for_text("h1", "Settings").await;
    tap(&b, "input[name=training_policy][value=override]").await;
    // Participants' data is kept two years after their last group.
    fill(&b, "#retention_months", "24").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=status]", "Saved.").await;
    b.wait_for_text("main p", "The next nightly run erases nobody's data.")
        .await;
    check(&b, "settings").await;

    // The educator and the peer leader are invited to sign in.
    for email in ["mei.chen@example.org", FACILITATOR] {
        tap(&b, "nav a[href='/manage']").await;
        tap(&b, "main a[href='/access']").await;
        b.wait_for_text("h1", "People and access").await;
        fill(&b, "#email", email).await;
        set_value(&b, "#role", "facilitator").await;
        tap(&b, "form[action='/access/invite'] button[type=submit]").await;
        b.wait_for_text("[role=status]", "The invitation is on its way.")
            .await;
    }
    check(&b, "access").await;
    let peer = {
        let links = app.mailed_links(FACILITATOR).await;
        assert_eq!(links.len(), 1, "{links:?}");
        links[0].clone()
    };

    // 1. The Tang 2015 card, copied, and a group of it in Vancouver across the spring change.
    tap(&b, "nav a[href='/manage']").await;
    b.wait_for_text("h1", "More").await;
    tap(&b, "main a[href='/programs']").await;
    b.wait_for_text("h1", "Programs").await;
    b.wait_for_text("#card-tang-2015", "Diabetes self-management")
        .await;
    check(&b, "programs").await;
    tap(&b, "form:has(input[value='tang-2015']) button").await;
    b.wait_for_text("[role=status]", "This program is now yours to change.")
        .await;
    check(&b, "program").await;
    let program: i64 = b.client.current_url().await.unwrap().path()["/programs/".len()..]
        .parse()
        .unwrap();
    // The peer leader did Tang's training, recorded on his page; the educator has not yet.
    b.client
        .goto(&format!("{}/facilitators/{}", app.base, world.facilitator))
        .await
        .unwrap();
    b.wait_for_text("h1", "Gurpreet S").await;
    tap(&b, "details:has(form[action$='/completions']) summary").await;
    b.client
        .execute(
            "const s = document.querySelector('#module_id');\
             for (const o of s.options) if (o.text == 'Peer leader training') s.value = o.value;",
            vec![],
        )
        .await
        .unwrap();
    tap(&b, "form[action$='/completions'] button[type=submit]").await;
    b.wait_for_text("[role=status]", "The training is recorded.")
        .await;
    b.wait_for_text("main", "Peer leader training").await;
    b.client
        .goto(&format!("{}/programs/{program}", app.base))
        .await
        .unwrap();
    tap(&b, "a[href^='/groups/new']").await;
    b.wait_for_text("h1", "New group").await;
    fill(&b, "#name", "Surrey Punjabi diabetes group").await;
    fill(&b, "#languages", "pa en").await;
    fill(&b, "#timezone", "America/Vancouver").await;
    fill(&b, "#venue", "Gurdwara hall").await;
    set_value(&b, "#start_date", "2027-01-07").await;
    set_value(&b, "#start_time", "18:00").await;
    tap(&b, "input[name=weekday][value=thursday]").await;
    fill(&b, "#capacity", "12").await;
    check(&b, "new-group").await;
    tap(&b, "button[value=preview]").await;
    b.wait_for_text(
        "tr.clock-change",
        "The clocks change here (UTC−08:00 → UTC−07:00).",
    )
    .await;
    check(&b, "new-group-preview").await;
    // A double tap on a slow phone makes one group.
    b.client
        .execute(
            "const b = document.querySelector('button[value=create]'); b.click(); setTimeout(() => b.click(), 30);",
            vec![],
        )
        .await
        .unwrap();
    b.wait_for_text("[role=status]", "Created, with its sessions.")
        .await;
    let group: i64 = b.client.current_url().await.unwrap().path()["/groups/".len()..]
        .parse()
        .unwrap();
    let groups = app.get(&world.token, "/api/v1/groups?limit=200").await;
    let named = groups.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["name"] == "Surrey Punjabi diabetes group")
        .count();
    assert_eq!(named, 1, "one group from a double tap");

    // 2. Twelve participants from the file; the two bad rows are refused with reasons.
    tap(&b, "nav a[href='/participants']").await;
    tap(&b, "a[href='/participants/import']").await;
    b.wait_for_text("h1", "Import participants").await;
    b.client
        .find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .expect("choose the file");
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text(
        "[role=status]",
        "To add: 12. Already here: 0. Rows with problems: 2.",
    )
    .await;
    b.wait_for_text("td", "Phone: write the number with + and the country code")
        .await;
    b.wait_for_text("td", "Language: this is missing.").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=status]", "Added: 12.").await;
    // As an admin, the lead may erase a participant's data from their page.
    b.client
        .goto(&format!("{}/participants?q=Amrit", app.base))
        .await
        .unwrap();
    tap(&b, "main a[href^='/participants/'] strong").await;
    b.wait_for_text("h2", "Erase this person's data").await;
    check(&b, "participant-admin").await;
    // And see who has read or changed it: their own read just now, first.
    tap(&b, "main a[href^='/access-log?person_id=']").await;
    b.wait_for_text("h1", "Access log").await;
    b.wait_for_text("main p", "None has been changed or removed.")
        .await;
    b.wait_for_text("main li.card code", "GET /participants/{id}")
        .await;
    b.wait_for_text("main li.card", "lead@example.org").await;
    check(&b, "access-log").await;
    // The same pages right to left: the log, and the participant's consent form.
    let log_url = b.client.current_url().await.unwrap();
    choose_language(&b, &app.base, "ar").await;
    b.client.goto(log_url.as_str()).await.unwrap();
    b.wait_for_text("h1", "سجل الوصول").await;
    b.client
        .wait()
        .for_element(Locator::Css(
            "html[lang=ar][dir=rtl] main li.card code[dir=ltr]",
        ))
        .await
        .expect("routes stay left to right in a right-to-left page");
    check(&b, "access-log-ar").await;
    tap(&b, "main li.card a[href^='/participants/']").await;
    b.client
        .wait()
        .for_element(Locator::Css("html[dir=rtl] form#consent"))
        .await
        .expect("the consent form, right to left");
    check(&b, "participant-consent-ar").await;
    choose_language(&b, &app.base, "en").await;

    // Enrolled into the group from one search.
    b.client
        .goto(&format!("{}/groups/{group}?q=%2B1778555", app.base))
        .await
        .unwrap();
    for name in TANG_FILE.lines().skip(1).take(12) {
        let name = name.split(',').next().unwrap();
        // The label isolates the name from the sentence around it (bidi marks).
        let button = format!("button[aria-label^='Enrol'][aria-label*='{name}']");
        tap(&b, &button).await;
        gone(&b, &button).await;
        b.wait_for_text("[role=status]", "Enrolled.").await;
    }
    b.wait_for_text("dd", "12 of 12 places taken, 0 waiting")
        .await;

    // 3. Co-facilitators, each with how they stand against the role.
    b.wait_for_text(".card", "meets the requirements").await;
    check(&b, "group").await;
    // Withdrawing asks for a reason from a list, never in the coordinator's own words; in
    // Arabic too, right to left.
    tap(&b, "#roster ~ ul details summary").await;
    b.wait_for_text("select[name=reason] option", "Moved away")
        .await;
    check(&b, "group-withdraw").await;
    choose_language(&b, &app.base, "ar").await;
    b.client
        .goto(&format!("{}/groups/{group}", app.base))
        .await
        .unwrap();
    tap(&b, "#roster ~ ul details summary").await;
    b.wait_for_text("select[name=reason] option", "انتقل إلى مكان آخر")
        .await;
    check(&b, "group-withdraw-ar").await;
    choose_language(&b, &app.base, "en").await;
    b.client
        .goto(&format!("{}/groups/{group}", app.base))
        .await
        .unwrap();
    tap(
        &b,
        "button[aria-label*='Gurpreet S'][aria-label*='Peer leader']",
    )
    .await;
    b.wait_for_text("[role=status]", "Assigned.").await;
    b.wait_for_text(".card", "Two-day educator training").await;
    fill(
        &b,
        &format!("#override-{educator}-certified_diabetes_educator"),
        "Certified educator; the two-day course is booked for January",
    )
    .await;
    tap(
        &b,
        "button[aria-label*='Dr Mei Chen'][aria-label*='Certified diabetes educator']",
    )
    .await;
    b.wait_for_text("[role=status]", "Assigned.").await;
    b.wait_for_text(
        "li",
        "Assigned without the training, because: Certified educator",
    )
    .await;
    tap(&b, "a[href$='/roster']").await;
    b.wait_for_text("td", "Baljit Kaur").await;
    check(&b, "roster").await;
    b.client.back().await.unwrap();
    b.wait_for_text("h1", "Surrey Punjabi diabetes group").await;
    tap(&b, "button[name=status][value=enrolling]").await;
    b.wait_for_text("[role=status]", "The group's status is changed.")
        .await;
    tap(&b, "button[name=status][value=running]").await;
    b.wait_for_text(".tag", "Running").await;
    tap(&b, "header button").await;
    b.wait_for_text("main", "You are signed out.").await;

    // 4. The peer leader takes three roll-calls; Baljit is absent from all three.
    let sessions = app
        .get(
            &world.token,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01"),
        )
        .await
        .ok(200)
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(sessions.len(), 24);
    let roster = app
        .get(
            &world.token,
            &format!("/api/v1/groups/{group}/enrollments?limit=50"),
        )
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    let baljit = roster
        .iter()
        .find(|e| e["display_name"] == "Baljit Kaur")
        .unwrap()["person_id"]
        .as_i64()
        .unwrap();
    b.client.goto(&format!("{}{peer}", app.base)).await.unwrap();
    choose_password(&b).await;
    for s in sessions.iter().take(3) {
        let starts: chrono::DateTime<chrono::Utc> =
            s["starts_at"].as_str().unwrap().parse().unwrap();
        app.clock.set(starts + chrono::Duration::hours(1));
        b.client.goto(&format!("{}/", app.base)).await.unwrap();
        sign_in_if_asked(&b).await;
        b.wait_for_text("h2", "Today").await;
        tap(&b, &format!("a[href='/sessions/{}']", s["id"])).await;
        b.wait_for_text("h1", "Roll-call").await;
        for e in &roster {
            let person = e["person_id"].as_i64().unwrap();
            let mark = if person == baljit {
                "absent"
            } else {
                "present"
            };
            tap(
                &b,
                &format!("input[name=mark_{person}][value={mark}] + span"),
            )
            .await;
        }
        tap(
            &b,
            &format!("input[name=facilitator][value='{}']", world.facilitator),
        )
        .await;
        tap(&b, "main form button[type=submit]").await;
        b.wait_for_text("[role=status]", "The roll-call is saved.")
            .await;
    }
    b.wait_for_text(
        "[role=status]",
        "Baljit Kaur: 3 missed sessions in a row. A follow-up call is now open.",
    )
    .await;

    // 5. The call is on the peer leader's list; they call; the board shows it called.
    tap(&b, "nav a[href='/follow-ups']").await;
    b.wait_for_text("h2", "Baljit Kaur").await;
    b.client
        .find(Locator::XPath(
            "//section[h2[contains(., 'Baljit Kaur')]]//a[contains(@href, '/follow-ups/')]",
        ))
        .await
        .expect("Baljit's call")
        .click()
        .await
        .unwrap();
    b.wait_for_text("h1", "Call Baljit Kaur").await;
    tap(&b, "input[name=outcome][value=reached] + span").await;
    tap(&b, "input[name=barrier][value=transport]").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=status]", "The call is saved. Attempts so far: 1.")
        .await;
    tap(&b, "header button").await;
    b.wait_for_text("main", "You are signed out.").await;
    b.client
        .goto(&format!("{}/sign-in", app.base))
        .await
        .unwrap();
    fill(&b, "#email", "lead@example.org").await;
    fill(&b, "#password", PASSWORD).await;
    tap(&b, "main button[type=submit]").await;
    b.wait_for_text("h1", "My sessions").await;
    tap(&b, "nav a[href='/follow-ups']").await;
    b.wait_for_text("h2", "Called, still open (1)").await;
    check(&b, "follow-up-board").await;
    b.client
        .find(Locator::XPath(
            "//section[h2[contains(., 'Called, still open')]]//a[contains(., 'Baljit Kaur')]",
        ))
        .await
        .expect("Baljit's call on the board")
        .click()
        .await
        .unwrap();
    b.wait_for_text("ol li", "Reached").await;
    check(&b, "call-log").await;

    // 6. The attendance export holds every mark: 12 people × 3 sessions.
    b.client
        .goto(&format!("{}/groups/{group}", app.base))
        .await
        .unwrap();
    b.wait_for_text("h1", "Surrey Punjabi diabetes group").await;
    let csv = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch(document.querySelector(\"a[href$='attendance.csv']\").href)\
               .then(r => r.text()).then(done);",
            vec![],
        )
        .await
        .expect("the attendance file");
    let csv = csv
        .as_str()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .to_string();
    let mut rows = ::csv::Reader::from_reader(csv.as_bytes());
    let marks: Vec<(String, String)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[6].to_string(), r[7].to_string())
        })
        .collect();
    assert_eq!(marks.len(), 36, "{csv}");
    assert_eq!(
        marks
            .iter()
            .filter(|(name, status)| name == "Baljit Kaur" && status == "absent")
            .count(),
        3
    );
    assert_eq!(marks.iter().filter(|(_, s)| s == "present").count(), 33);

    // 7. What the participants are sent, in Punjabi, and the messages log.
    tap(&b, "nav a[href='/groups']").await;
    b.wait_for_text("h1", "Groups").await;
    check(&b, "groups").await;
    tap(&b, "nav a[href='/manage']").await;
    b.wait_for_text("h1", "More").await;
    tap(&b, "main a[href='/messages']").await;
    b.wait_for_text("h1", "Messages").await;
    check(&b, "messages").await;
    b.client
        .goto(&format!("{}/groups/{group}", app.base))
        .await
        .unwrap();
    tap(&b, "main a[href$='/change']").await;
    b.wait_for_text("h1", "Move or cancel").await;
    check(&b, "session-change").await;
    tap(&b, "main a[href$='/sheet']").await;
    b.wait_for_text("th", "Signature").await;
    check(&b, "sign-in-sheet").await;
    b.client.back().await.unwrap();
    tap(&b, "main a[href^='/messages/preview']").await;
    b.wait_for_text("h1", "Preview a reminder").await;
    set_value(&b, "#locale", "pa-Guru").await;
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text(
        "section.mail[lang=pa-Guru]",
        "Surrey Punjabi diabetes group",
    )
    .await;
    check(&b, "message-preview").await;

    // 8. The educator's missing course, recorded on her page once she has done it.
    tap(&b, "nav a[href='/manage']").await;
    tap(&b, "main a[href='/facilitators']").await;
    b.wait_for_text("h1", "Facilitators and training").await;
    b.wait_for_text(".card", "Assigned anyway, with a reason")
        .await;
    check(&b, "facilitators").await;
    tap(
        &b,
        &format!("main .card a[href='/facilitators/{educator}']"),
    )
    .await;
    b.wait_for_text("h1", "Dr Mei Chen").await;
    tap(&b, "details:has(form[action$='/completions']) summary").await;
    b.client
        .execute(
            "const s = document.querySelector('#module_id');\
             for (const o of s.options) if (o.text.includes('educator')) s.value = o.value;",
            vec![],
        )
        .await
        .unwrap();
    tap(&b, "form[action$='/completions'] button[type=submit]").await;
    b.wait_for_text("[role=status]", "The training is recorded.")
        .await;
    check(&b, "facilitator").await;
    tap(&b, "main a[href='/facilitators']").await;
    tap(&b, "main a[href^='/facilitators/cohorts/']").await;
    b.wait_for_text("h1", "Autumn peer leaders").await;
    check(&b, "cohort").await;

    // 9. Outcomes: the coordinator adds a PHQ-9 at baseline and post to the study's plan
    // (HbA1c and the distress scale are not defined yet); a participant's baseline PHQ-9,
    // entered one item at a time.
    b.client
        .goto(&format!("{}/programs/{program}", app.base))
        .await
        .unwrap();
    b.wait_for_text("h3", "Outcome assessments").await;
    check(&b, "program-plan").await;
    tap(&b, "main p.notice a[href^='/instruments']").await;
    b.wait_for_text("h2", "Define a single measure").await;
    check(&b, "instruments").await;
    b.client.back().await.unwrap();
    b.wait_for_text("h3", "Outcome assessments").await;
    tap(&b, "#plan-instrument-2 option[value='phq-9']").await;
    tap(&b, "main form[action^='/programs/'] button[type=submit]").await;
    b.wait_for_text("[role=status]", "Saved.").await;
    b.client
        .goto(&format!("{}/groups/{group}/outcomes", app.base))
        .await
        .unwrap();
    b.wait_for_text("h1", "Outcomes of Surrey Punjabi diabetes group")
        .await;
    check(&b, "outcomes").await;
    tap(&b, "main .card a[href*='timepoint=baseline']").await;
    b.wait_for_text("legend", "Little interest or pleasure")
        .await;
    check(&b, "assessment").await;
    for n in 1..=9 {
        tap(&b, &format!("input[name='item-{n}'][value='1']")).await;
    }
    tap(&b, "main form button[type=submit]").await;
    b.wait_for_text("[role=status]", "The assessment is saved.")
        .await;
    b.wait_for_text("[role=alert]", "check on their safety today")
        .await;
    check(&b, "assessment-saved").await;
    b.client
        .goto(&format!("{}/programs/{program}/outcomes", app.base))
        .await
        .unwrap();
    b.wait_for_text("h2", "Change").await;
    check(&b, "program-outcomes").await;
    b.client
        .goto(&format!("{}/programs/{program}/card", app.base))
        .await
        .unwrap();
    b.wait_for_text("h2", "What it delivered and what changed")
        .await;
    check(&b, "program-card").await;

    // 9b. The coordinator's dashboard names the group with assessments due and links to
    // its outcomes page; in Arabic too.
    let due_link =
        format!("section[aria-labelledby=assessments] a[href='/groups/{group}/outcomes']");
    b.client
        .goto(&format!("{}/dashboard", app.base))
        .await
        .unwrap();
    b.wait_for_text(&due_link, "Surrey Punjabi diabetes group")
        .await;
    b.wait_for_text(
        &due_link,
        "Surrey Punjabi diabetes group: 11 assessments due",
    )
    .await;
    check(&b, "dashboard-due").await;
    choose_language(&b, &app.base, "ar").await;
    b.client
        .goto(&format!("{}/dashboard", app.base))
        .await
        .unwrap();
    b.wait_for_text(&format!("html[lang=ar] {due_link}"), "مستحق")
        .await;
    check(&b, "dashboard-due-ar").await;
    choose_language(&b, &app.base, "en").await;

    // 10. The peer leader, in Arabic, finds the assessments due and enters one.
    tap(&b, "header button").await;
    b.wait_for_text("main", "You are signed out.").await;
    b.client
        .goto(&format!("{}/sign-in", app.base))
        .await
        .unwrap();
    fill(&b, "#email", FACILITATOR).await;
    fill(&b, "#password", PASSWORD).await;
    tap(&b, "main button[type=submit]").await;
    b.wait_for_text("h1", "My sessions").await;
    choose_language(&b, &app.base, "ar").await;
    b.client.goto(&format!("{}/", app.base)).await.unwrap();
    b.wait_for_text("#due-title", "تقييمات مستحقة").await;
    check(&b, "my-sessions-due-ar").await;
    tap(&b, &format!("main a[href='/groups/{group}/outcomes']")).await;
    b.wait_for_text("h2", "تقييمات مستحقة").await;
    check(&b, "outcomes-ar").await;
    tap(&b, "main .card a[href*='timepoint=baseline']").await;
    b.wait_for_text("legend", "Little interest or pleasure")
        .await;
    check(&b, "assessment-ar").await;
    b.close().await;
    let _ = std::fs::remove_file(&file);
}
