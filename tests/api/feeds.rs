//! Calendar feeds, read by an independent parser (the `ical` crate; the feeds are written by
//! hand in peergroup-domain). Every session round-trips its local start, timezone, status
//! and sequence, and the VTIMEZONE in the feed maps each local start to the right instant.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;
use peergroup_blackbox::{TestApp, fixtures, json};
use serde_json::Value;

fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("the feed parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    calendar
}

fn prop<'a>(props: &'a [Property], name: &str) -> &'a Property {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn value(props: &[Property], name: &str) -> String {
    prop(props, name).value.clone().unwrap_or_default()
}

/// The session id in a UID `session-<id>.<installation>@peergroup`, and the installation.
fn uid_parts(uid: &str) -> (String, String) {
    let inner = uid
        .strip_prefix("session-")
        .and_then(|rest| rest.strip_suffix("@peergroup"))
        .unwrap_or_else(|| panic!("UID {uid}"));
    let (id, installation) = inner.split_once('.').unwrap_or_else(|| panic!("UID {uid}"));
    assert_eq!(installation.len(), 16, "{uid}");
    (id.to_string(), installation.to_string())
}

fn event_of<'a>(
    calendar: &'a IcalCalendar,
    session: &Value,
) -> &'a ical::parser::ical::component::IcalEvent {
    calendar
        .events
        .iter()
        .find(|e| {
            session["id"]
                == uid_parts(&value(&e.properties, "UID"))
                    .0
                    .parse::<i64>()
                    .unwrap()
        })
        .unwrap_or_else(|| panic!("no event for session {}", session["id"]))
}

fn param(p: &Property, name: &str) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.join(","))
}

fn offset(raw: &str) -> i64 {
    let sign = if raw.starts_with('-') { -1 } else { 1 };
    let digits = &raw[1..];
    sign * (digits[0..2].parse::<i64>().unwrap() * 3600 + digits[2..4].parse::<i64>().unwrap() * 60)
}

fn local(raw: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(raw, "%Y%m%dT%H%M%S").unwrap()
}

/// The instant a local time names under the feed's own VTIMEZONE: the offset of the latest
/// observance that began at or before it.
fn instant(calendar: &IcalCalendar, tzid: &str, at: NaiveDateTime) -> DateTime<Utc> {
    let zone = calendar
        .timezones
        .iter()
        .find(|z| value(&z.properties, "TZID") == tzid)
        .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"));
    let mut best: Option<(NaiveDateTime, i64)> = None;
    for t in &zone.transitions {
        let onset = local(&value(&t.properties, "DTSTART"))
            - Duration::seconds(offset(&value(&t.properties, "TZOFFSETFROM")));
        let to = offset(&value(&t.properties, "TZOFFSETTO"));
        if onset <= at - Duration::seconds(to) && best.is_none_or(|(b, _)| onset > b) {
            best = Some((onset, to));
        }
    }
    let (_, to) = best.expect("an observance covers the event");
    (at - Duration::seconds(to)).and_utc()
}

async fn fetch(app: &TestApp, url: &str) -> (u16, String, String) {
    let r = app
        .client
        .get(format!("{}{url}", app.base))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, ct, r.text().await.unwrap())
}

fn list(reply: &Value) -> Vec<Value> {
    reply.as_array().unwrap().clone()
}

/// Checks every event of a feed against the sessions the API lists.
fn round_trip(calendar: &IcalCalendar, sessions: &[Value]) {
    assert_eq!(calendar.events.len(), sessions.len());
    for s in sessions {
        let event = event_of(calendar, s);
        let start = prop(&event.properties, "DTSTART");
        let tzid = param(start, "TZID").expect("DTSTART has a TZID");
        assert_eq!(tzid, s["timezone"].as_str().unwrap());
        let local_start = local(start.value.as_deref().unwrap());
        assert_eq!(
            local_start.date().to_string(),
            s["local_date"].as_str().unwrap()
        );
        assert_eq!(
            local_start.format("%H:%M").to_string(),
            s["local_time"].as_str().unwrap()
        );
        assert_eq!(
            instant(calendar, &tzid, local_start)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            s["starts_at"].as_str().unwrap()
        );
        let status = if s["status"] == "cancelled" {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        assert_eq!(value(&event.properties, "STATUS"), status);
        assert_eq!(
            value(&event.properties, "SEQUENCE"),
            s["sequence"].to_string()
        );
    }
}

#[tokio::test]
async fn group_facilitator_and_organization_feeds_round_trip_every_session() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("feeds").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let participant = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Harpreet Kaur"))
        .await;
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/enrollments"),
        &json!({"person_id": participant}),
    )
    .await
    .ok(201);
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Manjit Peer"))
        .await;
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/facilitators"),
        &json!({"person_id": peer, "role": "peer"}),
    )
    .await
    .ok(201);
    app.post(
        &t,
        &format!("/api/v1/groups/{group}/sessions/generate"),
        &json!({}),
    )
    .await
    .ok(200);
    let sessions_of = |g: i64| format!("/api/v1/groups/{g}/sessions?from=2026-01-01&to=2027-12-31");

    let feed = app
        .post(
            &t,
            "/api/v1/calendar-feeds",
            &json!({"kind": "group", "subject_id": group}),
        )
        .await;
    let feed = feed.ok(201).clone();
    let url = feed["url"].as_str().unwrap().to_string();
    assert!(
        url.starts_with("/calendar/") && url.ends_with(".ics") && url.len() > 70,
        "unguessable: {url}"
    );
    let (status, content_type, text) = fetch(&app, &url).await;
    assert_eq!(status, 200, "no login needed");
    assert!(content_type.starts_with("text/calendar"));
    for private in [
        "Harpreet",
        "harpreet.kaur@example.org",
        "+16045550123",
        "Manjit",
    ] {
        assert!(
            !text.contains(private),
            "the feed must not name people: {private}"
        );
    }
    let calendar = parse(&text);
    assert_eq!(calendar.timezones.len(), 1);
    let sessions = list(app.get(&t, &sessions_of(group)).await.ok(200));
    assert_eq!(sessions.len(), 24);
    round_trip(&calendar, &sessions);
    let first = event_of(&calendar, &sessions[0]);
    assert!(value(&first.properties, "LOCATION").contains("Gurdwara hall"));
    assert!(value(&first.properties, "DESCRIPTION").contains("What is diabetes"));

    // A moved session keeps its UID and gets a higher SEQUENCE; a cancelled one stays, marked.
    let (a, b) = (
        sessions[0]["id"].as_i64().unwrap(),
        sessions[1]["id"].as_i64().unwrap(),
    );
    app.post(
        &t,
        &format!("/api/v1/sessions/{a}/reschedule"),
        &json!({"local_date": "2027-03-14", "local_time": "02:30"}),
    )
    .await
    .ok(200);
    app.post(
        &t,
        &format!("/api/v1/sessions/{b}/cancel"),
        &json!({"reason": "Snow"}),
    )
    .await
    .ok(200);
    let ics = fetch(&app, &url).await.2;
    assert!(
        !ics.contains("Snow"),
        "a cancellation's reason stays off the feed"
    );
    let calendar = parse(&ics);
    let sessions = list(app.get(&t, &sessions_of(group)).await.ok(200));
    round_trip(&calendar, &sessions);

    // A facilitator in two zones gets both groups and a VTIMEZONE for each.
    let mut toronto = fixtures::group(program);
    toronto["timezone"] = json!("America/Toronto");
    toronto["weekdays"] = json!(["friday"]);
    let second = app.create_id(&t, "/api/v1/groups", &toronto).await;
    app.post(
        &t,
        &format!("/api/v1/groups/{second}/facilitators"),
        &json!({"person_id": peer, "role": "peer"}),
    )
    .await
    .ok(201);
    app.post(
        &t,
        &format!("/api/v1/groups/{second}/sessions/generate"),
        &json!({}),
    )
    .await
    .ok(200);
    let mine = app
        .post(
            &t,
            "/api/v1/calendar-feeds",
            &json!({"kind": "facilitator", "subject_id": peer}),
        )
        .await;
    let calendar = parse(&fetch(&app, mine.ok(201)["url"].as_str().unwrap()).await.2);
    assert_eq!(calendar.timezones.len(), 2);
    let mut both = list(app.get(&t, &sessions_of(group)).await.ok(200));
    both.extend(list(app.get(&t, &sessions_of(second)).await.ok(200)));
    round_trip(&calendar, &both);

    let org = app
        .post(
            &t,
            "/api/v1/calendar-feeds",
            &json!({"kind": "organization"}),
        )
        .await;
    let calendar = parse(&fetch(&app, org.ok(201)["url"].as_str().unwrap()).await.2);
    round_trip(&calendar, &both);

    // Revoked: gone at once. Unknown or malformed secrets: 404.
    let feeds = list(app.get(&t, "/api/v1/calendar-feeds").await.ok(200));
    assert_eq!(feeds.len(), 3);
    assert!(
        feeds.iter().all(|f| f.get("url").is_none()),
        "the secret is shown only once"
    );
    app.post(
        &t,
        &format!("/api/v1/calendar-feeds/{}/revoke", feed["id"]),
        &json!({}),
    )
    .await
    .ok(200);
    assert_eq!(fetch(&app, &url).await.0, 404);
    assert_eq!(
        fetch(&app, &format!("/calendar/{}.ics", "0".repeat(64)))
            .await
            .0,
        404
    );
    assert_eq!(fetch(&app, "/calendar/nope.ics").await.0, 404);
    app.stop().await;
}

/// The installation part of every UID in `app`'s feed at `url`.
async fn installations(app: &TestApp, url: &str) -> Vec<String> {
    let (status, _, text) = fetch(app, url).await;
    assert_eq!(status, 200);
    let calendar = parse(&text);
    assert!(!calendar.events.is_empty());
    calendar
        .events
        .iter()
        .map(|e| uid_parts(&value(&e.properties, "UID")).1)
        .collect()
}

#[tokio::test]
async fn uids_name_the_installation_and_keep_it_across_restarts() {
    let mut one = TestApp::spawn().await;
    let other = TestApp::spawn().await;
    let a = peergroup_blackbox::World::build(&one, "uid-a").await;
    let b = peergroup_blackbox::World::build(&other, "uid-b").await;
    let first = installations(&one, &a.feed_url).await;
    let theirs = installations(&other, &b.feed_url).await;
    assert!(first.iter().all(|i| i == &first[0]));
    assert_ne!(first[0], theirs[0], "two installations, the same UIDs");
    one.restart().await;
    assert_eq!(installations(&one, &a.feed_url).await[0], first[0]);
    one.stop().await;
    other.stop().await;
}
