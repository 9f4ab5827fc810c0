//! Generated schedules over HTTP: DST-correct local times, listing in another timezone,
//! exclusions with skip and shift, and regeneration that changes only what changed.

use peergroup_blackbox::{TestApp, fixtures, json};
use serde_json::Value;

fn sessions(reply: &Value) -> Vec<Value> {
    reply.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_vancouver_group_keeps_18_00_local_across_the_spring_change() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("sched").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    // Wednesdays from 2027-02-03: 24 weekly sessions cross PDT's start on 2027-03-14.
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let outcome = app
        .post(
            &t,
            &format!("/api/v1/groups/{group}/sessions/generate"),
            &json!({}),
        )
        .await;
    assert_eq!(outcome.ok(200)["created"], 24);

    let all = app
        .get(
            &t,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2027-12-31"),
        )
        .await;
    let all = sessions(all.ok(200));
    assert_eq!(all.len(), 24);
    assert!(
        all.iter()
            .all(|s| s["local_time"] == "18:00" && s["timezone"] == "America/Vancouver")
    );
    assert_eq!(all[0]["starts_at"], "2027-02-04T02:00:00Z", "18:00 PST");
    assert_eq!(all[6]["local_date"], "2027-03-17");
    assert_eq!(all[6]["starts_at"], "2027-03-18T01:00:00Z", "18:00 PDT");
    let phases: Vec<(i64, i64)> = all
        .iter()
        .map(|s| (s["phase"].as_i64().unwrap(), s["minutes"].as_i64().unwrap()))
        .collect();
    assert_eq!(phases[..6], [(0, 75); 6]);
    assert_eq!(phases[6..], [(1, 60); 18]);
    assert_eq!(all[0]["topic"], "What is diabetes");
    assert_eq!(all[0]["phase_name"], "Education");

    // Inclusive start, exclusive end, in the caller's timezone.
    let march = app
        .get(
            &t,
            &format!(
                "/api/v1/groups/{group}/sessions?from=2027-03-03&to=2027-03-17&tz=America/New_York"
            ),
        )
        .await;
    let march = sessions(march.ok(200));
    let dates: Vec<&str> = march
        .iter()
        .map(|s| s["local_date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2027-03-03", "2027-03-10"]);
    assert_eq!(march[0]["starts_at_local"], "2027-03-03T21:00:00-05:00");
    app.stop().await;
}

#[tokio::test]
async fn exclusions_skip_or_shift_and_regeneration_changes_only_what_changed() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("holidays").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let generate = format!("/api/v1/groups/{group}/sessions/generate");
    let list = format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01");
    app.post(&t, &generate, &json!({})).await.ok(200);
    let again = app.post(&t, &generate, &json!({})).await;
    assert_eq!(
        again.ok(200)["unchanged"],
        24,
        "generation is deterministic"
    );
    assert_eq!(again.body["created"], 0);

    // The organization closes on 2027-02-17 (Family Day is the group's own exclusion below).
    let added = app
        .post(
            &t,
            "/api/v1/exclusions",
            &json!({"dates": ["2027-02-17", "2027-02-17"], "reason": "Family Day"}),
        )
        .await;
    assert_eq!(
        added.ok(201).as_array().unwrap().len(),
        1,
        "a date given twice is excluded once"
    );
    let skip = app.post(&t, &generate, &json!({})).await;
    let skip = skip.ok(200).clone();
    assert_eq!(skip["cancelled"], 1, "the series is one session shorter");
    assert_eq!(
        skip["unchanged"], 2,
        "sessions before the holiday are untouched"
    );
    let all = sessions(app.get(&t, &list).await.ok(200));
    let scheduled: Vec<&Value> = all.iter().filter(|s| s["status"] == "scheduled").collect();
    assert_eq!(scheduled.len(), 23);
    assert!(
        all.iter()
            .all(|s| s["local_date"] != "2027-02-17" || s["status"] == "cancelled")
    );
    let moved = all
        .iter()
        .find(|s| s["number"] == 3 && s["status"] == "scheduled")
        .unwrap();
    assert_eq!(moved["local_date"], "2027-02-24");
    assert_eq!(moved["sequence"], 1, "a moved session's sequence is bumped");
    let dropped = all.iter().find(|s| s["status"] == "cancelled").unwrap();
    assert_eq!(dropped["cancel_reason"], "no longer in the schedule");

    // Switch the group to `shift`: the series keeps its 24 sessions, none on the holiday.
    let mut spec = fixtures::group(program);
    spec["exclusion_policy"] = json!("shift");
    app.put(&t, &format!("/api/v1/groups/{group}"), &spec)
        .await
        .ok(200);
    app.post(&t, &generate, &json!({})).await.ok(200);
    let all = sessions(app.get(&t, &list).await.ok(200));
    let scheduled: Vec<&Value> = all.iter().filter(|s| s["status"] == "scheduled").collect();
    assert_eq!(
        scheduled.len(),
        23,
        "the cancelled 24th stays cancelled; 23 remain scheduled"
    );
    assert!(scheduled.iter().all(|s| s["local_date"] != "2027-02-17"));

    // Sessions that have started are never changed: move the clock past the third one.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 26, 0, 0, 0).unwrap());
    let before: Vec<Value> = sessions(app.get(&t, &list).await.ok(200))
        .into_iter()
        .take(3)
        .collect();
    app.post(
        &t,
        "/api/v1/exclusions",
        &json!({"group_id": group, "dates": ["2027-02-10"], "reason": "venue closed"}),
    )
    .await
    .ok(201);
    let late = app.post(&t, &generate, &json!({})).await;
    assert!(late.ok(200)["kept"].as_u64().unwrap() >= 3);
    let after: Vec<Value> = sessions(app.get(&t, &list).await.ok(200))
        .into_iter()
        .take(3)
        .collect();
    assert_eq!(before, after);

    let exclusions = app
        .get(&t, &format!("/api/v1/exclusions?group_id={group}"))
        .await;
    assert_eq!(exclusions.ok(200).as_array().unwrap().len(), 2);
    let id = exclusions.body[0]["id"].as_i64().unwrap();
    assert_eq!(
        app.delete(&t, &format!("/api/v1/exclusions/{id}"))
            .await
            .status,
        204
    );
    assert_eq!(
        app.get(&t, "/api/v1/exclusions")
            .await
            .ok(200)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn one_session_can_be_moved_cancelled_or_added_and_regeneration_respects_it() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("changes").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let generate = format!("/api/v1/groups/{group}/sessions/generate");
    let list = format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01");
    app.post(&t, &generate, &json!({})).await.ok(200);
    let all = sessions(app.get(&t, &list).await.ok(200));
    let (first, second) = (
        all[0]["id"].as_i64().unwrap(),
        all[1]["id"].as_i64().unwrap(),
    );

    // Move the first session to Sunday 14 March at 02:30, a time that does not exist in
    // Vancouver that night: it moves forward by the gap, to 03:30 PDT.
    let moved = app
        .post(
            &t,
            &format!("/api/v1/sessions/{first}/reschedule"),
            &json!({"local_date": "2027-03-14", "local_time": "02:30", "venue": {"name": "Library room B", "address": "9 Example Ave"}}),
        )
        .await;
    let mut moved = moved.ok(200).clone();
    assert_eq!(
        moved.as_object_mut().unwrap().remove("warnings"),
        Some(json!([]))
    );
    assert_eq!(moved["local_time"], "03:30");
    assert_eq!(moved["starts_at"], "2027-03-14T10:30:00Z");
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["changed_by_hand"], true);
    assert_eq!(moved["venue"]["name"], "Library room B");
    assert_eq!(
        all[1]["venue"]["name"], "Gurdwara hall",
        "others keep the group's venue"
    );

    let cancelled = app
        .post(
            &t,
            &format!("/api/v1/sessions/{second}/cancel"),
            &json!({"reason": "Snow storm"}),
        )
        .await;
    assert_eq!(cancelled.ok(200)["status"], "cancelled");
    assert_eq!(cancelled.body["cancel_reason"], "Snow storm");
    assert_eq!(cancelled.body["sequence"], 1);

    let extra = app
        .post(
            &t,
            &format!("/api/v1/groups/{group}/sessions"),
            &json!({"local_date": "2027-02-13", "local_time": "10:00", "minutes": 90, "topic": "Make-up session"}),
        )
        .await;
    let extra = extra.ok(201).clone();
    assert_eq!(extra["kind"], "extra");
    assert_eq!(extra["number"], 0);
    assert_eq!(extra["topic"], "Make-up session");

    // Regeneration leaves all three alone.
    let again = app.post(&t, &generate, &json!({})).await;
    assert_eq!(again.ok(200)["kept"], 2);
    assert_eq!(again.body["unchanged"], 22);
    assert_eq!(
        app.get(&t, &format!("/api/v1/sessions/{first}"))
            .await
            .ok(200),
        &moved
    );
    let all = sessions(app.get(&t, &list).await.ok(200));
    assert_eq!(all.len(), 25, "24 planned (one cancelled) and one extra");
    assert!(all.iter().any(|s| s["id"] == extra["id"]));
    app.stop().await;
}

#[tokio::test]
async fn a_facilitator_and_the_organization_see_sessions_across_groups() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("across").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Two Groups"))
        .await;
    let mut groups = Vec::new();
    for (day, zone) in [
        ("wednesday", "America/Vancouver"),
        ("thursday", "America/Toronto"),
    ] {
        let mut spec = fixtures::group(program);
        spec["weekdays"] = json!([day]);
        spec["timezone"] = json!(zone);
        let g = app.create_id(&t, "/api/v1/groups", &spec).await;
        app.post(
            &t,
            &format!("/api/v1/groups/{g}/facilitators"),
            &json!({"person_id": peer, "role": "peer"}),
        )
        .await
        .ok(201);
        app.post(
            &t,
            &format!("/api/v1/groups/{g}/sessions/generate"),
            &json!({}),
        )
        .await
        .ok(200);
        groups.push(g);
    }
    let unrelated = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    app.post(
        &t,
        &format!("/api/v1/groups/{unrelated}/sessions/generate"),
        &json!({}),
    )
    .await
    .ok(200);

    // February 2027: four Wednesdays in Vancouver and four Thursdays in Toronto.
    let mine = app
        .get(
            &t,
            &format!("/api/v1/people/{peer}/sessions?from=2027-02-01&to=2027-03-01"),
        )
        .await;
    let mine = sessions(mine.ok(200));
    assert_eq!(mine.len(), 8);
    assert!(
        mine.windows(2)
            .all(|w| w[0]["starts_at"].as_str() <= w[1]["starts_at"].as_str())
    );
    assert!(
        mine.iter()
            .all(|x| x["group_id"] == groups[0] || x["group_id"] == groups[1])
    );
    // Without tz each session shows its own group's local time; with tz, the caller's.
    assert!(
        mine.iter()
            .all(|x| x["starts_at_local"].as_str().unwrap().contains("T18:00:00"))
    );
    let in_madrid = app
        .get(
            &t,
            &format!(
                "/api/v1/people/{peer}/sessions?from=2027-02-01&to=2027-03-01&tz=Europe/Madrid"
            ),
        )
        .await;
    let in_madrid = sessions(in_madrid.ok(200));
    let local: Vec<&str> = in_madrid
        .iter()
        .map(|x| x["starts_at_local"].as_str().unwrap())
        .collect();
    assert_eq!(
        local[0], "2027-02-04T03:00:00+01:00",
        "Wednesday 18:00 in Vancouver"
    );
    assert_eq!(
        local[1], "2027-02-05T00:00:00+01:00",
        "Thursday 18:00 in Toronto"
    );

    let org = app
        .get(&t, "/api/v1/sessions?from=2027-02-01&to=2027-03-01")
        .await;
    assert_eq!(
        sessions(org.ok(200)).len(),
        12,
        "three groups, four sessions each"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_facilitator_cannot_be_in_two_sessions_at_once_and_venue_clashes_are_reported() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("clash").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Busy Peer"))
        .await;
    let group_on = |day: &str, venue: &str| {
        let mut spec = fixtures::group(program);
        spec["weekdays"] = json!([day]);
        spec["venue"] = json!({"name": venue});
        spec
    };
    // Two Wednesday groups at 18:00 Vancouver, both with the same peer.
    let a = app
        .create_id(&t, "/api/v1/groups", &group_on("wednesday", "Hall A"))
        .await;
    let b = app
        .create_id(&t, "/api/v1/groups", &group_on("wednesday", "Hall B"))
        .await;
    for g in [a, b] {
        app.post(
            &t,
            &format!("/api/v1/groups/{g}/facilitators"),
            &json!({"person_id": peer, "role": "peer"}),
        )
        .await
        .ok(201);
    }
    app.post(
        &t,
        &format!("/api/v1/groups/{a}/sessions/generate"),
        &json!({}),
    )
    .await
    .ok(200);
    let before = app.row_counts().await;
    let refused = app
        .post(
            &t,
            &format!("/api/v1/groups/{b}/sessions/generate"),
            &json!({}),
        )
        .await;
    let detail = refused.problem(409)["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("Busy Peer") && detail.contains("2027-02-03"),
        "{detail}"
    );
    assert_eq!(app.row_counts().await, before, "nothing generated");

    // On Thursdays there is no clash; moving a Thursday session onto a Wednesday one is refused.
    app.put(
        &t,
        &format!("/api/v1/groups/{b}"),
        &group_on("thursday", "Hall B"),
    )
    .await
    .ok(200);
    app.post(
        &t,
        &format!("/api/v1/groups/{b}/sessions/generate"),
        &json!({}),
    )
    .await
    .ok(200);
    let b_sessions = sessions(
        app.get(
            &t,
            &format!("/api/v1/groups/{b}/sessions?from=2027-01-01&to=2028-01-01"),
        )
        .await
        .ok(200),
    );
    let first_b = b_sessions[0]["id"].as_i64().unwrap();
    let before = app.row_counts().await;
    let moved = app
        .post(
            &t,
            &format!("/api/v1/sessions/{first_b}/reschedule"),
            &json!({"local_date": "2027-02-10", "local_time": "18:30"}),
        )
        .await;
    moved.problem(409);
    let extra = app
        .post(
            &t,
            &format!("/api/v1/groups/{b}/sessions"),
            &json!({"local_date": "2027-02-17", "local_time": "17:00", "minutes": 90}),
        )
        .await;
    extra.problem(409);
    assert_eq!(app.row_counts().await, before);
    assert_eq!(
        app.get(&t, &format!("/api/v1/sessions/{first_b}"))
            .await
            .ok(200)["sequence"],
        0,
        "unchanged"
    );

    // A newcomer whose other group meets at the same time cannot be assigned.
    let other_peer = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Other Peer"))
        .await;
    app.post(
        &t,
        &format!("/api/v1/groups/{a}/facilitators"),
        &json!({"person_id": other_peer, "role": "peer"}),
    )
    .await
    .ok(201);
    let c = app
        .create_id(&t, "/api/v1/groups", &group_on("wednesday", "hall a"))
        .await;
    let generated = app
        .post(
            &t,
            &format!("/api/v1/groups/{c}/sessions/generate"),
            &json!({}),
        )
        .await;
    let warnings = generated.ok(200)["warnings"].as_array().unwrap().clone();
    let (roles, venue): (Vec<_>, Vec<_>) = warnings
        .iter()
        .partition(|w| w.as_str().unwrap().starts_with("phase"));
    assert_eq!(
        venue.len(),
        24,
        "group C shares Hall A with group A at every session"
    );
    assert_eq!(
        roles,
        [
            "phase `Education` is led by roles not yet assigned: educator: 0 of 1, peer_leader: 0 of 2",
            "phase `Support` is led by roles not yet assigned: peer_leader: 0 of 2"
        ],
        "group C has no facilitators yet"
    );
    assert!(warnings[0].as_str().unwrap().contains("Hall A"));
    let assign = app
        .post(
            &t,
            &format!("/api/v1/groups/{c}/facilitators"),
            &json!({"person_id": other_peer, "role": "peer"}),
        )
        .await;
    assert!(
        assign.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("Other Peer")
    );
    app.stop().await;
}

/// A group that was running before it was brought in: its past sessions are named, not
/// dropped; created when asked, logged, and never reminded of.
#[tokio::test]
async fn a_running_group_is_brought_in_with_its_past_sessions_on_request() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("brought-in").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    // Weekly from Wednesday 3 February 2027: three sessions have happened by the 20th.
    app.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 20, 12, 0, 0).unwrap());
    let generate = format!("/api/v1/groups/{group}/sessions/generate");
    let list = format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01");

    let first = app.post(&t, &generate, &json!({})).await;
    let first = first.ok(200).clone();
    assert_eq!(first["created"], 21);
    assert_eq!(first["skipped_past"], 3);
    let warnings = first["warnings"].to_string();
    assert!(
        warnings.contains("sessions 1 to 3 fall before now"),
        "{warnings}"
    );
    assert_eq!(sessions(app.get(&t, &list).await.ok(200)).len(), 21);

    let past = app
        .post(&t, &format!("{generate}?include_past=true"), &json!({}))
        .await;
    let past = past.ok(200).clone();
    assert_eq!(past["created"], 3, "{past}");
    assert_eq!(past["skipped_past"], 0);
    let all = sessions(app.get(&t, &list).await.ok(200));
    let numbers: Vec<u64> = all.iter().map(|s| s["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=24).collect::<Vec<u64>>());

    // The first session can be logged, and no reminder is planned for any of the three.
    let log = app
        .post(
            &t,
            &format!("/api/v1/sessions/{}/log", all[0]["id"]),
            &json!({"held": true, "attendance": []}),
        )
        .await;
    log.ok(200);
    let planned = peergroup_app::reminders::plan(&app.server().store, chrono::Duration::days(7))
        .await
        .unwrap();
    let past_ids: Vec<i64> = all[..3].iter().map(|s| s["id"].as_i64().unwrap()).collect();
    let messages = app.get(&t, "/api/v1/messages?limit=200").await;
    for m in messages.ok(200)["items"].as_array().unwrap() {
        assert!(
            !past_ids.contains(&m["session_id"].as_i64().unwrap_or(0)),
            "{m}"
        );
    }
    assert!(planned.sessions > 0);

    // A session added by hand in the past needs saying so.
    let extra = json!({"local_date": "2027-02-06", "local_time": "10:00", "minutes": 60});
    let path = format!("/api/v1/groups/{group}/sessions");
    app.post(&t, &path, &extra).await.problem(422);
    let mut said = extra.clone();
    said["in_the_past"] = json!(true);
    app.post(&t, &path, &said).await.ok(201);
    app.stop().await;
}

#[tokio::test]
async fn a_retreat_phase_meets_on_its_own_day_time_and_length() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("retreat").await;
    let mut program = fixtures::program();
    program["phases"].as_array_mut().unwrap().push(json!({
        "name": "Retreat", "sessions": 1, "cadence": {"type": "one_off"},
        "session_minutes": 240, "weekdays": ["saturday"], "start_time": "10:00",
        "leads": [{"role": "peer_leader", "count": 1}]
    }));
    let program = app.create_id(&t, "/api/v1/programs", &program).await;
    let stored = app.get(&t, &format!("/api/v1/programs/{program}")).await;
    assert_eq!(stored.ok(200)["phases"][2]["weekdays"], json!(["saturday"]));
    let group = app
        .create_id(&t, "/api/v1/groups", &fixtures::group(program))
        .await;
    let all = app.generate_session_list(&t, group).await;
    assert_eq!(all.len(), 25);
    let evening = &all[23];
    assert_eq!(
        (
            evening["local_date"].as_str(),
            evening["local_time"].as_str()
        ),
        (Some("2027-07-14"), Some("18:00"))
    );
    let retreat = &all[24];
    assert_eq!(retreat["local_date"], "2027-07-17", "the Saturday after");
    assert_eq!(retreat["local_time"], "10:00");
    assert_eq!(retreat["minutes"], 240);
    assert_eq!(retreat["phase_name"], "Retreat");
    app.stop().await;
}
