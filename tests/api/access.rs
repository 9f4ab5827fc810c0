//! Tenant isolation on every route, and what a facilitator may see.

use peergroup_blackbox::{TestApp, World, fixtures, json};
use peergroup_domain::org::Role;
use reqwest::Method;
use serde_json::Value;

struct Case {
    method: Method,
    /// The route as the OpenAPI document names it.
    route: &'static str,
    path: String,
    body: Option<Value>,
    /// Sent with B's admin token instead of B's coordinator's.
    admin: bool,
}

fn case(method: Method, route: &'static str, path: String, body: Option<Value>) -> Case {
    Case {
        method,
        route,
        path,
        body,
        admin: false,
    }
}

fn as_admin(c: Case) -> Case {
    Case { admin: true, ..c }
}

/// A message to A's coordinators: their follow-up tasks escalate four days on, and
/// the jobs that follow write the notice.
async fn coordinator_message(app: &TestApp, a: &World) -> i64 {
    app.clock.advance(chrono::Duration::days(4));
    peergroup_app::follow_ups::escalate_due(&app.server().store)
        .await
        .unwrap();
    app.run_jobs_with(&app.config).await;
    let list = app.get(&a.token, "/api/v1/messages").await;
    let items = list.ok(200)["items"].as_array().unwrap();
    assert!(!items.is_empty(), "A's coordinators were told");
    items[0]["id"].as_i64().unwrap()
}

/// Every route that takes an id, aimed at organization A's objects.
fn cases_against(a: &World, b: &World, message: i64, a_token: i64) -> Vec<Case> {
    use Method as M;
    vec![
        case(
            M::GET,
            "/api/v1/programs/{id}",
            format!("/api/v1/programs/{}", a.program),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/programs/{id}",
            format!("/api/v1/programs/{}", a.program),
            Some(fixtures::program()),
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}",
            format!("/api/v1/groups/{}", a.group),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/groups/{id}",
            format!("/api/v1/groups/{}", a.group),
            Some(fixtures::group(b.program)),
        ),
        case(
            M::POST,
            "/api/v1/groups/{id}/status",
            format!("/api/v1/groups/{}/status", a.group),
            Some(json!({"status": "enrolling"})),
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}/enrollments",
            format!("/api/v1/groups/{}/enrollments", a.group),
            None,
        ),
        case(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            format!("/api/v1/groups/{}/enrollments", a.group),
            Some(json!({"person_id": b.person})),
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}/facilitators",
            format!("/api/v1/groups/{}/facilitators", a.group),
            None,
        ),
        case(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            format!("/api/v1/groups/{}/facilitators", a.group),
            Some(json!({"person_id": b.facilitator, "role": "peer"})),
        ),
        case(
            M::DELETE,
            "/api/v1/groups/{id}/facilitators/{assignment_id}",
            format!("/api/v1/groups/{}/facilitators/{}", a.group, a.assignment),
            None,
        ),
        case(
            M::DELETE,
            "/api/v1/groups/{id}/facilitators/{assignment_id}",
            format!("/api/v1/groups/{}/facilitators/{}", b.group, a.assignment),
            None,
        ),
        case(
            M::GET,
            "/api/v1/people/{id}",
            format!("/api/v1/people/{}", a.person),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/people/{id}",
            format!("/api/v1/people/{}", a.person),
            Some(fixtures::person("Someone Else")),
        ),
        case(
            M::GET,
            "/api/v1/enrollments/{id}",
            format!("/api/v1/enrollments/{}", a.enrollment),
            None,
        ),
        case(
            M::POST,
            "/api/v1/enrollments/{id}/withdraw",
            format!("/api/v1/enrollments/{}/withdraw", a.enrollment),
            Some(json!({"reason": "moved"})),
        ),
        case(
            M::POST,
            "/api/v1/enrollments/{id}/complete",
            format!("/api/v1/enrollments/{}/complete", a.enrollment),
            Some(json!({})),
        ),
        case(
            M::GET,
            "/api/v1/enrollments/{id}/supports",
            format!("/api/v1/enrollments/{}/supports", a.enrollment),
            None,
        ),
        case(
            M::POST,
            "/api/v1/enrollments/{id}/supports",
            format!("/api/v1/enrollments/{}/supports", a.enrollment),
            Some(json!({"kind": "transport"})),
        ),
        case(
            M::GET,
            "/api/v1/supports/{id}",
            format!("/api/v1/supports/{}", a.support),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/supports/{id}",
            format!("/api/v1/supports/{}", a.support),
            Some(json!({"kind": "childcare", "children_ages": ["under_two"]})),
        ),
        case(
            M::POST,
            "/api/v1/groups/{id}/sessions/generate",
            format!("/api/v1/groups/{}/sessions/generate", a.group),
            Some(json!({})),
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}/sessions",
            format!(
                "/api/v1/groups/{}/sessions?from=2027-01-01&to=2027-12-31",
                a.group
            ),
            None,
        ),
        case(
            M::GET,
            "/api/v1/sessions/{id}",
            format!("/api/v1/sessions/{}", a.session),
            None,
        ),
        case(
            M::POST,
            "/api/v1/calendar-feeds/{id}/revoke",
            format!("/api/v1/calendar-feeds/{}/revoke", a.feed),
            Some(json!({})),
        ),
        case(
            M::GET,
            "/api/v1/people/{id}/sessions",
            format!(
                "/api/v1/people/{}/sessions?from=2027-01-01&to=2027-12-31",
                a.facilitator
            ),
            None,
        ),
        case(
            M::POST,
            "/api/v1/sessions/{id}/reschedule",
            format!("/api/v1/sessions/{}/reschedule", a.session),
            Some(json!({"local_time": "19:00"})),
        ),
        case(
            M::POST,
            "/api/v1/sessions/{id}/cancel",
            format!("/api/v1/sessions/{}/cancel", a.session),
            Some(json!({"reason": "x"})),
        ),
        case(
            M::POST,
            "/api/v1/groups/{id}/sessions",
            format!("/api/v1/groups/{}/sessions", a.group),
            Some(json!({"local_date": "2027-06-01", "local_time": "18:00", "minutes": 60})),
        ),
        case(
            M::DELETE,
            "/api/v1/exclusions/{id}",
            format!("/api/v1/exclusions/{}", a.exclusion),
            None,
        ),
        case(
            M::POST,
            "/api/v1/sessions/{id}/log",
            format!("/api/v1/sessions/{}/log", a.session),
            Some(json!({"held": false})),
        ),
        case(
            M::GET,
            "/api/v1/sessions/{id}/log",
            format!("/api/v1/sessions/{}/log", a.session),
            None,
        ),
        case(
            M::GET,
            "/api/v1/sessions/{id}/supports",
            format!("/api/v1/sessions/{}/supports", a.session),
            None,
        ),
        case(
            M::GET,
            "/api/v1/enrollments/{id}/attendance",
            format!("/api/v1/enrollments/{}/attendance", a.enrollment),
            None,
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}/figures",
            format!("/api/v1/groups/{}/figures", a.group),
            None,
        ),
        case(
            M::GET,
            "/api/v1/programs/{id}/figures",
            format!("/api/v1/programs/{}/figures", a.program),
            None,
        ),
        case(
            M::GET,
            "/api/v1/groups/{id}/outcomes",
            format!("/api/v1/groups/{}/outcomes?instrument=phq-9", a.group),
            None,
        ),
        case(
            M::GET,
            "/api/v1/programs/{id}/outcomes",
            format!("/api/v1/programs/{}/outcomes?instrument=phq-9", a.program),
            None,
        ),
        case(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", a.enrollment),
            Some(
                json!({"instrument": "who-5", "timepoint": "baseline", "taken_on": "2026-11-20",
                        "locale": "pa-Guru", "answers": {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3}}),
            ),
        ),
        case(
            M::GET,
            "/api/v1/programs/{id}/card",
            format!("/api/v1/programs/{}/card", a.program),
            None,
        ),
        case(
            M::GET,
            "/api/v1/people/{id}/export",
            format!("/api/v1/people/{}/export", a.person),
            None,
        ),
        case(
            M::GET,
            "/api/v1/people/{id}/consent",
            format!("/api/v1/people/{}/consent", a.person),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/people/{id}/consent",
            format!("/api/v1/people/{}/consent", a.person),
            Some(json!({"research": true, "source": "in_person"})),
        ),
        case(
            M::GET,
            "/api/v1/instruments/{key}",
            "/api/v1/instruments/org-a-weight".into(),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/instruments/{key}/translations/{locale}",
            "/api/v1/instruments/org-a-scale/translations/pa-Guru".into(),
            Some(json!({"stem": "ਪਿਛਲੇ ਹਫ਼ਤੇ", "items": {"1": "ਪਹਿਲਾ"}})),
        ),
        case(
            M::GET,
            "/api/v1/follow-ups/{id}",
            format!("/api/v1/follow-ups/{}", a.task),
            None,
        ),
        case(
            M::GET,
            "/api/v1/follow-ups/{id}/call-sheet",
            format!("/api/v1/follow-ups/{}/call-sheet", a.task),
            None,
        ),
        case(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", a.task),
            Some(json!({"outcome": "no_answer"})),
        ),
        case(
            M::POST,
            "/api/v1/follow-ups/{id}/close",
            format!("/api/v1/follow-ups/{}/close", a.task),
            Some(json!({"state": "resolved"})),
        ),
        case(
            M::POST,
            "/api/v1/follow-ups/{id}/assign",
            format!("/api/v1/follow-ups/{}/assign", a.task),
            Some(json!({"assignee_person_id": null})),
        ),
        case(
            M::GET,
            "/api/v1/training/modules/{id}",
            format!("/api/v1/training/modules/{}", a.module),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/training/modules/{id}",
            format!("/api/v1/training/modules/{}", a.module),
            Some(json!({"title": "Taken over", "delivery_format": "online"})),
        ),
        case(
            M::GET,
            "/api/v1/programs/{id}/requirements",
            format!("/api/v1/programs/{}/requirements", a.program),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/peer_leader", a.program),
            Some(json!({"modules": []})),
        ),
        case(
            M::GET,
            "/api/v1/people/{id}/training",
            format!("/api/v1/people/{}/training", a.facilitator),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/people/{id}/facilitator-profile",
            format!("/api/v1/people/{}/facilitator-profile", a.facilitator),
            Some(json!({"lived_experience": true})),
        ),
        case(
            M::GET,
            "/api/v1/training/cohorts/{id}",
            format!("/api/v1/training/cohorts/{}", a.cohort),
            None,
        ),
        case(
            M::PUT,
            "/api/v1/training/cohorts/{id}",
            format!("/api/v1/training/cohorts/{}", a.cohort),
            Some(json!({"title": "Taken over", "starts_on": "2026-11-02"})),
        ),
        case(
            M::POST,
            "/api/v1/training/cohorts/{id}/sessions",
            format!("/api/v1/training/cohorts/{}/sessions", a.cohort),
            Some(json!({"held_on": "2026-11-03", "hours": 2})),
        ),
        case(
            M::PUT,
            "/api/v1/training/sessions/{id}/attendance",
            format!(
                "/api/v1/training/sessions/{}/attendance",
                a.training_session
            ),
            Some(json!({"present": []})),
        ),
        case(
            M::GET,
            "/api/v1/messages/{id}",
            format!("/api/v1/messages/{message}"),
            None,
        ),
        case(
            M::POST,
            "/api/v1/messages/{id}/retry",
            format!("/api/v1/messages/{message}/retry"),
            Some(json!({})),
        ),
        as_admin(case(
            M::POST,
            "/api/v1/tokens/{id}/revoke",
            format!("/api/v1/tokens/{a_token}/revoke"),
            Some(json!({})),
        )),
        as_admin(case(
            M::POST,
            "/api/v1/people/{id}/erasure",
            format!("/api/v1/people/{}/erasure", a.person),
            None,
        )),
    ]
}

/// Routes with an id parameter in the OpenAPI document, as (METHOD, path).
fn documented_routes_with_ids() -> Vec<(String, String)> {
    let doc = serde_json::to_value(peergroup_web::openapi()).unwrap();
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        // The public calendar route is keyed by a secret, not an id: tests/api/feeds.rs covers it.
        if !path.contains('{')
            || !path.starts_with("/api/v1/")
            || path.starts_with("/api/v1/templates")
        {
            continue;
        }
        for method in item.as_object().unwrap().keys() {
            routes.push((method.to_uppercase(), path.clone()));
        }
    }
    routes.sort();
    routes
}

#[tokio::test]
async fn another_organization_gets_404_on_every_route_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let a = World::build(&app, "org-a").await;
    let b = World::build(&app, "org-b").await;
    let a_group_before = app
        .get(&a.token, &format!("/api/v1/groups/{}", a.group))
        .await
        .ok(200)
        .clone();
    let message = coordinator_message(&app, &a).await;
    let a_admin = app
        .token("org-a", "admin@org-a.example.org", Role::Admin)
        .await;
    let a_token = app.get(&a_admin, "/api/v1/tokens").await.ok(200)[0]["id"]
        .as_i64()
        .unwrap();
    let b_admin = app
        .token("org-b", "admin@org-b.example.org", Role::Admin)
        .await;
    // A's own measure: B neither reads it nor lists it.
    app.post(
        &a.token,
        "/api/v1/instruments",
        &json!({"kind": "measure", "key": "org-a-weight", "title": "Weight", "unit": "kg",
                "min": 20, "max": 300, "direction": "lower_is_better"}),
    )
    .await
    .ok(201);
    app.post(
        &a.token,
        "/api/v1/instruments",
        &json!({"kind": "scale", "key": "org-a-scale", "title": "Ours", "stem": "Last week",
                "items": [{"key": "1", "text": "First", "min": 0, "max": 3}],
                "scoring": "sum", "direction": "lower_is_better", "source": "Ours", "licence": "Ours"}),
    )
    .await
    .ok(201);
    let listed = app.get(&b.token, "/api/v1/instruments").await;
    assert!(!listed.ok(200).to_string().contains("org-a-weight"));
    let counts_before = app.row_counts().await;

    let cases = cases_against(&a, &b, message, a_token);
    let mut covered: Vec<(String, String)> = cases
        .iter()
        .map(|c| (c.method.to_string(), c.route.to_string()))
        .collect();
    covered.sort();
    covered.dedup();
    assert_eq!(
        covered,
        documented_routes_with_ids(),
        "every route with an id needs an isolation case"
    );

    for c in &cases {
        let token = if c.admin { &b_admin } else { &b.token };
        let reply = app
            .send(c.method.clone(), token, &c.path, c.body.as_ref())
            .await;
        reply.problem(404);
        let text = reply.body.to_string();
        assert!(
            !text.contains("Harpreet") && !text.contains("Gurpreet"),
            "{} {} leaked: {text}",
            c.method,
            c.path
        );
    }

    // Referring to A's objects from B's own requests is refused too.
    let r = app
        .post(&b.token, "/api/v1/groups", &fixtures::group(a.program))
        .await;
    r.problem(422);
    assert_eq!(r.fields(), ["program_id"]);
    let r = app
        .post(
            &b.token,
            &format!("/api/v1/groups/{}/enrollments", b.group),
            &json!({"person_id": a.person}),
        )
        .await;
    assert_eq!(r.fields(), ["person_id"]);
    let r = app
        .post(
            &b.token,
            &format!("/api/v1/groups/{}/facilitators", b.group),
            &json!({"person_id": a.facilitator, "role": "peer"}),
        )
        .await;
    assert_eq!(r.fields(), ["person_id"]);

    // Training: A's people and modules are not B's to record or require.
    let r = app
        .post(
            &b.token,
            "/api/v1/training/completions",
            &json!({"person_id": a.facilitator, "module_id": b.module,
                    "completed_on": "2026-11-01", "hours": 12}),
        )
        .await;
    assert_eq!(r.fields(), ["person_id"]);
    let r = app
        .post(
            &b.token,
            "/api/v1/training/completions",
            &json!({"person_id": b.facilitator, "module_id": a.module,
                    "completed_on": "2026-11-01", "hours": 12}),
        )
        .await;
    assert_eq!(r.fields(), ["module_id"]);
    let r = app
        .put(
            &b.token,
            &format!("/api/v1/programs/{}/requirements/peer_leader", b.program),
            &json!({"modules": [a.module]}),
        )
        .await;
    assert_eq!(r.fields(), ["modules[0]"]);
    let modules = app.get(&b.token, "/api/v1/training/modules").await;
    let ids: Vec<i64> = modules
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [b.module], "B lists only its own modules");
    let r = app
        .post(
            &b.token,
            "/api/v1/training/cohorts",
            &json!({"title": "Mixed", "starts_on": "2026-11-02", "trainees": [a.facilitator]}),
        )
        .await;
    assert_eq!(r.fields(), ["trainees[0]"]);
    let r = app
        .post(
            &b.token,
            "/api/v1/supervision-contacts",
            &json!({"mentor_person_id": b.person, "peer_person_id": a.facilitator,
                    "held_on": "2026-11-20", "mode": "call", "minutes": 20}),
        )
        .await;
    assert_eq!(r.fields(), ["peer_person_id"]);
    let cohorts = app.get(&b.token, "/api/v1/training/cohorts").await;
    assert_eq!(cohorts.ok(200).as_array().unwrap().len(), 1);
    assert_eq!(cohorts.body[0]["id"], b.cohort);
    for (path, key) in [
        ("/api/v1/reports/supervision", "peers"),
        ("/api/v1/reports/training-gaps", "facilitators"),
    ] {
        let report = app.get(&b.token, path).await;
        let people: Vec<&Value> = report.ok(200)[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["person_id"])
            .collect();
        assert!(
            !people.contains(&&json!(a.facilitator)) && !people.contains(&&json!(a.person)),
            "{path} shows another organization's people"
        );
    }
    let peers = app.get(&b.token, "/api/v1/reports/supervision").await;
    assert_eq!(peers.ok(200)["peers"][0]["person_id"], b.facilitator);

    let r = app
        .post(
            &b.token,
            "/api/v1/exclusions",
            &json!({"group_id": a.group, "dates": ["2027-03-01"], "reason": "x"}),
        )
        .await;
    assert_eq!(r.fields(), ["group_id"]);

    let r = app
        .post(
            &b.token,
            "/api/v1/calendar-feeds",
            &json!({"kind": "group", "subject_id": a.group}),
        )
        .await;
    assert_eq!(r.fields(), ["subject_id"]);
    let feeds = app.get(&b.token, "/api/v1/calendar-feeds").await;
    assert!(
        feeds
            .ok(200)
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["id"] != a.feed)
    );

    // B's lists hold only B's objects.
    for (path, a_id) in [
        ("/api/v1/programs".to_string(), a.program),
        ("/api/v1/groups".to_string(), a.group),
        ("/api/v1/people".to_string(), a.person),
        (
            format!("/api/v1/groups/{}/enrollments", b.group),
            a.enrollment,
        ),
        ("/api/v1/follow-ups".to_string(), a.task),
    ] {
        let list = app.get(&b.token, &path).await;
        let ids: Vec<i64> = list.ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect();
        assert!(!ids.is_empty(), "{path}");
        assert!(!ids.contains(&a_id), "{path} lists A's object");
    }

    let theirs = app
        .get(&b.token, "/api/v1/sessions?from=2027-01-01&to=2028-01-01")
        .await;
    let groups: Vec<i64> = theirs
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["group_id"].as_i64().unwrap())
        .collect();
    assert!(
        !groups.is_empty() && groups.iter().all(|g| *g == b.group),
        "org listing holds only B's sessions"
    );
    let exclusions = app.get(&b.token, "/api/v1/exclusions").await;
    let ids: Vec<i64> = exclusions
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(
        !ids.is_empty() && !ids.contains(&a.exclusion),
        "B's exclusions hold only B's"
    );

    assert_eq!(app.row_counts().await, counts_before);
    assert_eq!(
        app.get(&a.token, &format!("/api/v1/groups/{}", a.group))
            .await
            .ok(200),
        &a_group_before
    );
    app.stop().await;
}

#[tokio::test]
async fn a_facilitator_reads_only_their_own_groups_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let a = World::build(&app, "org-f").await;
    let other_group = app
        .create_id(&a.token, "/api/v1/groups", &fixtures::group(a.program))
        .await;
    // World's facilitator is "Gurpreet S", gurpreet.s@example.org, assigned to a.group.
    let f = app
        .token("org-f", "Gurpreet.S@example.org", Role::Facilitator)
        .await;

    let mine = app.get(&f, "/api/v1/groups").await;
    let ids: Vec<i64> = mine.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a.group]);
    app.get(&f, &format!("/api/v1/groups/{}", a.group))
        .await
        .ok(200);
    app.get(&f, &format!("/api/v1/groups/{}/enrollments", a.group))
        .await
        .ok(200);
    app.get(
        &f,
        &format!("/api/v1/enrollments/{}/supports", a.enrollment),
    )
    .await
    .ok(200);
    app.get(&f, &format!("/api/v1/supports/{}", a.support))
        .await
        .ok(200);

    for path in [
        format!("/api/v1/groups/{other_group}"),
        format!("/api/v1/groups/{other_group}/enrollments"),
        format!("/api/v1/groups/{other_group}/facilitators"),
    ] {
        app.get(&f, &path).await.problem(404);
    }
    app.get(
        &f,
        &format!(
            "/api/v1/groups/{}/sessions?from=2027-01-01&to=2027-12-31",
            a.group
        ),
    )
    .await
    .ok(200);
    app.get(
        &f,
        &format!("/api/v1/groups/{other_group}/sessions?from=2027-01-01&to=2027-12-31"),
    )
    .await
    .problem(404);
    app.get(&f, &format!("/api/v1/sessions/{}", a.session))
        .await
        .ok(200);
    let all = app
        .get(&f, "/api/v1/sessions?from=2027-01-01&to=2028-01-01")
        .await;
    assert!(
        all.ok(200)
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["group_id"] == a.group)
    );
    let own = format!(
        "/api/v1/people/{}/sessions?from=2027-01-01&to=2028-01-01",
        a.facilitator
    );
    assert_eq!(
        app.get(&f, &own).await.ok(200).as_array().unwrap().len(),
        23
    );
    let other = format!(
        "/api/v1/people/{}/sessions?from=2027-01-01&to=2028-01-01",
        a.person
    );
    app.get(&f, &other).await.problem(404);
    app.get(&f, "/api/v1/people").await.problem(403);
    app.get(&f, &format!("/api/v1/people/{}", a.person))
        .await
        .problem(403);

    // Follow-up tasks and session logs of their own group only.
    let tasks = app.get(&f, "/api/v1/follow-ups").await;
    let task_ids: Vec<i64> = tasks.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    assert_eq!(task_ids, [a.task]);
    app.get(&f, &format!("/api/v1/follow-ups/{}", a.task))
        .await
        .ok(200);
    let other_person = app
        .create_id(&a.token, "/api/v1/people", &fixtures::person("Other One"))
        .await;
    let other_enrollment = app
        .create_id(
            &a.token,
            &format!("/api/v1/groups/{other_group}/enrollments"),
            &json!({"person_id": other_person}),
        )
        .await;
    let other_task = app
        .create_id(
            &a.token,
            "/api/v1/follow-ups",
            &json!({"enrollment_id": other_enrollment, "note": "Call about transport"}),
        )
        .await;
    let other_session = app.generate_sessions(&a.token, other_group).await[0];
    app.get(&f, &format!("/api/v1/follow-ups/{other_task}"))
        .await
        .problem(404);
    app.get(
        &f,
        &format!("/api/v1/enrollments/{other_enrollment}/attendance"),
    )
    .await
    .problem(404);
    app.get(&f, &format!("/api/v1/sessions/{other_session}/log"))
        .await
        .problem(404);
    app.get(&f, &format!("/api/v1/sessions/{other_session}/supports"))
        .await
        .problem(404);
    app.get(&f, &format!("/api/v1/groups/{other_group}/figures"))
        .await
        .problem(404);
    app.get(&f, &format!("/api/v1/groups/{}/figures", a.group))
        .await
        .ok(200);
    app.get(&f, &format!("/api/v1/sessions/{}/supports", a.session))
        .await
        .ok(200);

    let counts = app.row_counts().await;
    app.post(
        &f,
        &format!("/api/v1/sessions/{other_session}/log"),
        &json!({"held": false}),
    )
    .await
    .problem(404);
    app.post(
        &f,
        &format!("/api/v1/follow-ups/{other_task}/attempts"),
        &json!({"outcome": "no_answer"}),
    )
    .await
    .problem(404);
    app.post(
        &f,
        &format!("/api/v1/follow-ups/{other_task}/close"),
        &json!({"state": "resolved"}),
    )
    .await
    .problem(404);
    app.post(
        &f,
        &format!("/api/v1/follow-ups/{}/assign", a.task),
        &json!({"assignee_person_id": null}),
    )
    .await
    .problem(403);
    app.post(
        &f,
        "/api/v1/follow-ups",
        &json!({"enrollment_id": a.enrollment, "note": "x"}),
    )
    .await
    .problem(403);
    app.post(&f, "/api/v1/people", &fixtures::person("New Person"))
        .await
        .problem(403);
    app.post(
        &f,
        &format!("/api/v1/groups/{}/status", a.group),
        &json!({"status": "enrolling"}),
    )
    .await
    .problem(403);
    app.post(
        &f,
        &format!("/api/v1/enrollments/{}/withdraw", a.enrollment),
        &json!({"reason": "moved"}),
    )
    .await
    .problem(403);
    app.post(&f, "/api/v1/templates/tang-2015/copy", &json!({}))
        .await
        .problem(403);
    let generate = format!("/api/v1/groups/{}/sessions/generate", a.group);
    app.post(&f, &generate, &json!({})).await.problem(403);
    let cancel = format!("/api/v1/sessions/{}/cancel", a.session);
    app.post(&f, &cancel, &json!({"reason": "x"}))
        .await
        .problem(403);
    assert_eq!(app.row_counts().await, counts);

    // A facilitator with no assignment sees no group at all.
    let nobody = app
        .token("org-f", "nobody@example.org", Role::Facilitator)
        .await;
    assert_eq!(
        app.get(&nobody, "/api/v1/groups").await.ok(200)["items"],
        json!([])
    );
    app.get(&nobody, &format!("/api/v1/groups/{}", a.group))
        .await
        .problem(404);
    app.stop().await;
}

#[tokio::test]
async fn requests_without_a_valid_token_are_refused() {
    let app = TestApp::spawn().await;
    let a = World::build(&app, "org-t").await;
    let anonymous = app
        .client
        .get(format!("{}/api/v1/groups", app.base))
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(anonymous).await.problem(401);
    app.get("pg_not-a-real-token", "/api/v1/groups")
        .await
        .problem(401);
    // Issuing a new token under the same label revokes the old one; the server remembers a
    // token for server.auth_cache_seconds (1 s in tests), so it stops working within that.
    let old = a.token.clone();
    let new = app.coordinator("org-t").await;
    app.get(&new, "/api/v1/groups").await.ok(200);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.get(&old, "/api/v1/groups").await.problem(401);
    app.stop().await;
}
