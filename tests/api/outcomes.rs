//! Outcomes on a real database (SQLite, or PostgreSQL with PEERGROUP_TEST_DATABASE): the
//! Paloma 2020 run the review reports. A custom PTGI, 12 participants at baseline and post
//! with 2 lost to follow-up, and a 13th who did not agree to research use. The paired
//! figures equal scipy's; bad input is refused and writes nothing.

use chrono::NaiveDate;
use peergroup_app::outcomes::{change, define_instrument, record_assessment};
use peergroup_blackbox::{TestApp, World, json};
use peergroup_domain::instruments::{Direction, InstrumentSpec, Item, Scoring};
use peergroup_domain::outcomes::{AssessmentSpec, Definition, Timepoint};
use peergroup_store::StoreError;
use serde_json::Value;
use std::collections::BTreeMap;

/// The id of the organization with this slug.
async fn org_id(store: &peergroup_store::Store, slug: &str) -> i64 {
    store
        .find_organization(&peergroup_domain::values::Slug::parse(slug).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

const FIXTURE: &str = include_str!("../../crates/domain/tests/fixtures/paired_stats.json");

/// A 21-item growth scale scored 0-5 and summed (0-105), as the organization licensed it.
fn ptgi() -> Definition {
    Definition::Scale(InstrumentSpec {
        key: "ptgi".into(),
        title: "Posttraumatic Growth Inventory".into(),
        stem: "Indicate for each statement the degree to which this change occurred in your life as a result of your crisis.".into(),
        options: (0..=5).map(|n| n.to_string()).collect(),
        items: (1..=21)
            .map(|n| Item {
                key: n.to_string(),
                text: format!("Statement {n}, as licensed"),
                min: 0,
                max: 5,
                reverse: false,
            })
            .collect(),
        scoring: Scoring::Sum,
        max_missing: 0,
        multiplier: 1.0,
        subscales: vec![],
        bands: vec![],
        direction: Direction::HigherIsBetter,
        mid: None,
        alert_items: vec![],
        source: "Tedeschi & Calhoun (1996)".into(),
        licence: "Used under the organization's licence".into(),
    })
}

/// Answers of the 21 items adding up to `total`.
fn answers(total: i32) -> BTreeMap<String, Option<i32>> {
    let mut left = total;
    (1..=21)
        .map(|n| {
            let a = left.min(5);
            left -= a;
            (n.to_string(), Some(a))
        })
        .collect()
}

fn at(timepoint: Timepoint, total: i32) -> AssessmentSpec {
    AssessmentSpec {
        instrument: "ptgi".into(),
        timepoint,
        taken_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        locale: "es".into(),
        answers: answers(total),
        value: None,
    }
}

#[tokio::test]
async fn paloma_ten_pairs_two_lost_and_one_without_consent_agree_with_scipy() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "paloma").await;
    let store = app.server().store.clone();
    let org = org_id(&store, "paloma").await;
    define_instrument(&store, org, &ptgi()).await.unwrap();
    // The same key again, or a built-in one, is refused.
    assert!(matches!(
        define_instrument(&store, org, &ptgi()).await,
        Err(StoreError::Conflict(_))
    ));
    let Definition::Scale(mut phq) = ptgi() else {
        unreachable!()
    };
    phq.key = "phq-9".into();
    assert!(matches!(
        define_instrument(&store, org, &Definition::Scale(phq)).await,
        Err(StoreError::Invalid(_))
    ));

    let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let s = &fixture["sets"]["paloma_ptgi"];
    let totals = |key: &str| -> Vec<i32> {
        s[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap() as i32)
            .collect()
    };
    let (before, after) = (totals("before"), totals("after"));
    let mut enrollments = Vec::new();
    for n in 0..13 {
        let person = app
            .create_id(
                &world.token,
                "/api/v1/people",
                &json!({"display_name": format!("Participant {n}"), "preferred_language": "es"}),
            )
            .await;
        let enrollment = app
            .create_id(
                &world.token,
                &format!("/api/v1/groups/{}/enrollments", world.group),
                &json!({"person_id": person}),
            )
            .await;
        if n < 12 {
            agree(&store, org, person, |c| c.research = true).await;
        }
        enrollments.push(enrollment);
    }
    for (n, e) in enrollments.iter().enumerate() {
        let baseline = before.get(n).copied().unwrap_or(40);
        let r = record_assessment(&store, org, *e, &at(Timepoint::Baseline, baseline), None)
            .await
            .unwrap();
        assert_eq!(r.scored.total, f64::from(baseline));
        // Participants 10 and 11 were lost to follow-up; 12 has both but no consent.
        if n < 10 || n == 12 {
            let post = after.get(n).copied().unwrap_or(90);
            record_assessment(&store, org, *e, &at(Timepoint::Post, post), None)
                .await
                .unwrap();
        }
    }

    let report = change(
        &store,
        org,
        &[world.group],
        "ptgi",
        Timepoint::Baseline,
        Timepoint::Post,
    )
    .await
    .unwrap();
    assert_eq!((report.missing, report.without_consent), (2, 1));
    let paired = report.paired.unwrap();
    assert_eq!(paired.n, 10);
    let t = paired.t_test.unwrap();
    for (ours, key) in [
        (t.t, "t"),
        (t.p, "p"),
        (t.dz, "dz"),
        (t.ci_low, "ci_low"),
        (t.ci_high, "ci_high"),
    ] {
        let theirs = s[key].as_f64().unwrap();
        assert!(
            (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
            "{key}: {ours} against {theirs}"
        );
    }
    let w = paired.wilcoxon.unwrap();
    assert!((w.p - s["wilcoxon_p"].as_f64().unwrap()).abs() <= 1e-9);
    // Group by group: the one group holds the same ten pairs.
    let (pooled, each) = peergroup_app::outcomes::changes(
        &store,
        org,
        &[world.group],
        "ptgi",
        Timepoint::Baseline,
        Timepoint::Post,
    )
    .await
    .unwrap();
    assert_eq!(each.len(), 1);
    assert_eq!(each[&world.group].paired.as_ref().unwrap().n, 10);
    assert_eq!(pooled.paired.unwrap().n, 10);

    // The program card, once the program plans the PTGI pre and post, says the same.
    let mut program = peergroup_blackbox::fixtures::program();
    program["assessments"] = json!([{"instrument": "ptgi", "timepoints": ["baseline", "post"]}]);
    let path = format!("/api/v1/programs/{}", world.program);
    app.put(&world.token, &path, &program).await.ok(200);
    let card = app.get(&world.token, &format!("{path}/card")).await;
    let row = &card.ok(200)["results"]["outcomes"][0];
    assert_eq!(
        (row["from"].as_str(), row["to"].as_str()),
        (Some("baseline"), Some("post"))
    );
    assert_eq!(row["n"], 10);
    assert_eq!(row["lost"], json!(null), "2 lost is under 5: suppressed");
    let t = &row["change"]["t_test"];
    for key in ["t", "p", "dz"] {
        let (ours, theirs) = (t[key].as_f64().unwrap(), s[key].as_f64().unwrap());
        assert!(
            (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
            "card {key}: {ours} against {theirs}"
        );
    }
    assert_eq!(card.body["name"], "Diabetes peer support");
    assert_eq!(card.body["design"]["total_sessions"], 24);
    assert_eq!(card.body["design"]["setting"], json!(["Gurdwara hall"]));
    // Three places: the ten assessed from the waitlist do not count as participants, and
    // three is under five.
    assert_eq!(card.body["results"]["participants"], json!(null));
    assert_eq!(card.body["results"]["mean_dose"], json!(null));
    app.stop().await;
}

#[tokio::test]
async fn a_bad_assessment_is_refused_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "elsewhere").await;
    let store = app.server().store.clone();
    let org = org_id(&store, "riverside").await;
    define_instrument(&store, org, &ptgi()).await.unwrap();
    let good = at(Timepoint::Baseline, 40);
    let before = app.row_counts().await;
    let mut out_of_range = good.clone();
    out_of_range.answers.insert("3".into(), Some(6));
    let mut missing = good.clone();
    missing.answers.insert("4".into(), None);
    let mut unknown_item = good.clone();
    unknown_item.answers.insert("22".into(), Some(1));
    let mut unknown = good.clone();
    unknown.instrument = "ptgi-long".into();
    let mut future = good.clone();
    future.taken_on = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    let mut bad_locale = good.clone();
    bad_locale.locale = "es\u{0}".into();
    let mut value_for_a_scale = good.clone();
    value_for_a_scale.value = Some(7.0);
    for (what, spec, field) in [
        ("an answer out of range", &out_of_range, "answers.3"),
        ("an item missing beyond the rule", &missing, "answers"),
        (
            "an item the scale does not have",
            &unknown_item,
            "answers.22",
        ),
        (
            "an instrument the organization does not have",
            &unknown,
            "instrument",
        ),
        ("a date to come", &future, "taken_on"),
        ("a locale that is not one", &bad_locale, "locale"),
        ("a value for a scale", &value_for_a_scale, "value"),
    ] {
        match record_assessment(&store, org, world.enrollment, spec, None).await {
            Err(StoreError::Invalid(errors)) => {
                assert_eq!(errors.errors()[0].field, field, "{what}")
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    // Another organization's enrolment is not found.
    assert!(matches!(
        record_assessment(&store, org, other.enrollment, &good, None).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(app.row_counts().await, before);
    // The same timepoint twice: the second is refused.
    record_assessment(&store, org, world.enrollment, &good, None)
        .await
        .unwrap();
    assert!(matches!(
        record_assessment(&store, org, world.enrollment, &good, None).await,
        Err(StoreError::Conflict(_))
    ));
    // The built-in PHQ-9 is there for every organization, item 9 raising an alert.
    let mut phq = AssessmentSpec {
        instrument: "phq-9".into(),
        answers: (1..=9).map(|n| (n.to_string(), Some(1))).collect(),
        ..good.clone()
    };
    let r = record_assessment(&store, org, world.enrollment, &phq, None)
        .await
        .unwrap();
    assert_eq!(
        (r.scored.total, r.scored.band.as_deref()),
        (9.0, Some("mild"))
    );
    assert_eq!(r.scored.alerts, ["9"]);
    phq.timepoint = Timepoint::Post;
    phq.answers.insert("1".into(), None);
    let r = record_assessment(&store, org, world.enrollment, &phq, None)
        .await
        .unwrap();
    assert_eq!(r.scored.total, 9.0, "8 over 8 items, prorated to 9");
    app.stop().await;
}

#[tokio::test]
async fn an_assessment_is_entered_on_the_page_scored_and_counted_with_consent() {
    use peergroup_blackbox::pages::invited;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut lead = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let group = lead.get(&format!("/groups/{}", world.group)).await;
    let outcomes = format!("/groups/{}/outcomes", world.group);
    assert!(group.body.contains(&outcomes));
    let page = lead.get(&format!("{outcomes}?instrument=phq-9")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Nobody who agreed to research use"));
    let entry = format!("/enrollments/{}/assessment", world.enrollment);
    let form = lead
        .get(&format!("{entry}?instrument=phq-9&timepoint=baseline"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.body.matches("<fieldset").count(), 9);
    assert!(
        form.body
            .contains("Little interest or pleasure in doing things")
    );
    let csrf = form.csrf();
    let items = |value: &'static str| -> Vec<(String, String)> {
        (1..=9)
            .map(|n| (format!("item-{n}"), value.to_string()))
            .collect()
    };
    let post = |answers: Vec<(String, String)>, timepoint: &'static str, csrf: String| {
        let mut fields = vec![
            ("csrf".to_string(), csrf),
            ("instrument".to_string(), "phq-9".to_string()),
            ("timepoint".to_string(), timepoint.to_string()),
            ("taken_on".to_string(), "2026-11-20".to_string()),
            ("locale".to_string(), "pa-Guru".to_string()),
        ];
        fields.extend(answers);
        fields
    };
    // Bad input writes nothing: an answer out of range, a bad date, no form token.
    let before = app.row_counts().await;
    let mut bad = items("1");
    bad[0].1 = "7".into();
    for fields in [post(bad, "baseline", csrf.clone()), {
        let mut f = post(items("1"), "baseline", csrf.clone());
        f[3].1 = "someday".into();
        f
    }] {
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = lead.post(&entry, &refs).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    }
    let fields = post(items("1"), "baseline", String::new());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        lead.post(&entry, &refs[1..]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.row_counts().await, before);

    let fields = post(items("1"), "baseline", csrf.clone());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = lead.post(&entry, &refs).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("9.00 (mild)"));
    assert!(
        saved
            .body
            .contains("calls for a check on their safety today")
    );
    // Again at the same timepoint: refused.
    assert_eq!(lead.post(&entry, &refs).await.status, StatusCode::CONFLICT);

    // The assigned facilitator enters the post assessment; a coordinator records consent.
    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    let form = peer
        .get(&format!("{entry}?instrument=phq-9&timepoint=post"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let fields = post(items("0"), "post", form.csrf());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(peer.post(&entry, &refs).await.status, StatusCode::OK);
    // Consent is kept on the participant's page: the whole form, every purpose at once.
    let profile = format!("/participants/{}", world.person);
    let consent = format!("{profile}/consent");
    let with = |csrf: &str, research: bool, source: &str| {
        let mut fields = vec![
            ("csrf", csrf.to_string()),
            ("consent_email_reminders", "yes".into()),
            ("consent_sms_reminders", "yes".into()),
            ("consent_calls", "yes".into()),
            ("consent_source", source.to_string()),
        ];
        if research {
            fields.push(("consent_research", "yes".into()));
        }
        fields
    };
    let r = peer
        .post(&consent, &pairs(&with(&form.csrf(), true, "in_person")))
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "consent is a coordinator's"
    );
    let shown = lead.get(&format!("{outcomes}?instrument=phq-9")).await;
    assert!(shown.body.contains("Nobody who agreed to research use"));
    assert!(shown.body.contains(&format!("href=\"{profile}#consent\"")));
    // Saying nothing of how the person agreed saves nothing.
    let r = lead.post(&consent, &pairs(&with(&csrf, true, ""))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Consent: say how the person gave it."));
    let r = lead
        .post(&consent, &pairs(&with(&csrf, true, "in_person")))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location.as_deref(),
        Some(format!("{profile}?consent=1#consent").as_str())
    );
    let shown = lead.get(&format!("{profile}?consent=1")).await;
    assert!(shown.body.contains("Consent is saved."));
    assert!(
        shown
            .body
            .contains("Research use of their assessments: agreed (In person)"),
        "{}",
        shown.body
    );
    assert!(!shown.body.contains("No changes recorded yet."));
    let back = format!("{outcomes}?instrument=phq-9&from=baseline&to=post");
    let shown = lead.get(&back).await;
    assert!(shown.body.contains("Mean change"));
    assert!(shown.body.contains("-9.00"), "{}", shown.body);
    // Withdrawn on the phone: no longer counted, and both changes are kept.
    let r = lead
        .post(&consent, &pairs(&with(&csrf, false, "by_phone")))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let shown = lead.get(&format!("{outcomes}?instrument=phq-9")).await;
    assert!(
        shown.body.contains("Nobody who agreed to research use"),
        "withdrawn, not counted"
    );
    let shown = lead.get(&profile).await;
    assert!(
        shown
            .body
            .contains("Research use of their assessments: withdrawn (On the phone)")
    );
    assert!(
        shown
            .body
            .contains("Research use of their assessments: agreed (In person)")
    );
    // Given again, on paper: the program counts the pair.
    let r = lead
        .post(&consent, &pairs(&with(&csrf, true, "on_paper")))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The program pools its groups, and lists each group with a pair.
    let program = format!("/programs/{}/outcomes?instrument=phq-9", world.program);
    let pooled = lead.get(&program).await;
    assert_eq!(pooled.status, StatusCode::OK);
    assert!(pooled.body.contains("Mean change") && pooled.body.contains("-9.00"));
    assert!(
        pooled
            .body
            .contains(&format!("/groups/{}/outcomes", world.group))
    );
    assert_eq!(peer.get(&program).await.status, StatusCode::FORBIDDEN);

    // Another organization reaches none of it.
    let other = World::build(&app, "elsewhere").await;
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    assert_eq!(stranger.get(&outcomes).await.status, StatusCode::NOT_FOUND);
    assert_eq!(stranger.get(&program).await.status, StatusCode::NOT_FOUND);
    let form = stranger
        .get(&format!("{entry}?instrument=phq-9&timepoint=post"))
        .await;
    assert_eq!(form.status, StatusCode::NOT_FOUND);
    let c = stranger.get("/").await.csrf();
    let fields = post(items("0"), "follow_up_12w", c.clone());
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        stranger.post(&entry, &refs).await.status,
        StatusCode::NOT_FOUND
    );
    let r = stranger
        .post(&consent, &pairs(&with(&c, false, "in_person")))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_program_plan_sets_what_is_due_and_refuses_the_rest() {
    use peergroup_app::outcomes::due_assessments;
    use peergroup_blackbox::pages::invited;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let store = app.server().store.clone();
    let org = org_id(&store, "riverside").await;
    let path = format!("/api/v1/programs/{}", world.program);
    let mut program = peergroup_blackbox::fixtures::program();
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2027, m, d).unwrap();

    // A plan naming a session after the last, or a timepoint twice, is refused whole.
    for (bad, field) in [
        (
            json!([{"instrument": "phq-9", "timepoints": ["baseline", "after_session_24"]}]),
            "assessments[0].timepoints[1]",
        ),
        (
            json!([{"instrument": "phq-9", "timepoints": ["post", "post"]}]),
            "assessments[0].timepoints[1]",
        ),
        (
            json!([{"instrument": "phq-9", "timepoints": ["after_session_0"]}]),
            "assessments[0].timepoints[0]",
        ),
    ] {
        program["assessments"] = bad;
        let refused = app.put(&world.token, &path, &program).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.to_string().contains(field),
            "{field}: {}",
            refused.body
        );
    }
    program["assessments"] = json!([
        {"instrument": "phq-9", "timepoints": ["baseline", "after_session_6", "post", "follow_up_12w"]},
        {"instrument": "hba1c", "label": "HbA1c (%)", "timepoints": ["baseline", "post"]}
    ]);
    let saved = app.put(&world.token, &path, &program).await.ok(200).clone();
    assert_eq!(saved["assessments"][0]["timepoints"][3], "follow_up_12w");

    let plan = store
        .get_program(org, world.program)
        .await
        .unwrap()
        .spec
        .assessments;
    // Before the first session nothing is due; from its day, the baseline of the built-in
    // PHQ-9 (HbA1c is not defined yet, so it cannot be entered).
    assert!(
        due_assessments(&store, org, world.group, &plan, day(2, 2))
            .await
            .unwrap()
            .is_empty()
    );
    let due = due_assessments(&store, org, world.group, &plan, day(2, 3))
        .await
        .unwrap();
    let what: Vec<(String, String)> = due
        .iter()
        .map(|d| (d.instrument.clone(), d.timepoint.to_string()))
        .collect();
    assert_eq!(what, [("phq-9".to_string(), "baseline".to_string())]);
    assert_eq!(due[0].enrollment_id, world.enrollment);

    // Off the plan is refused and writes nothing.
    let phq = |timepoint| AssessmentSpec {
        instrument: "phq-9".into(),
        timepoint,
        taken_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        locale: "pa-Guru".into(),
        answers: (1..=9).map(|n| (n.to_string(), Some(0))).collect(),
        value: None,
    };
    let before = app.row_counts().await;
    let gad = AssessmentSpec {
        instrument: "gad-7".into(),
        answers: (1..=7).map(|n| (n.to_string(), Some(0))).collect(),
        ..phq(Timepoint::Baseline)
    };
    for (what, spec, field) in [
        (
            "a timepoint the plan does not name",
            phq(Timepoint::AfterSession(3)),
            "timepoint",
        ),
        (
            "after the last session",
            phq(Timepoint::AfterSession(24)),
            "timepoint",
        ),
        ("an instrument the plan does not name", gad, "instrument"),
    ] {
        match record_assessment(&store, org, world.enrollment, &spec, None).await {
            Err(StoreError::Invalid(errors)) => {
                assert_eq!(errors.errors()[0].field, field, "{what}")
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    assert_eq!(app.row_counts().await, before);

    // Taken, it is no longer due; from the day of session 6 the next one is.
    record_assessment(
        &store,
        org,
        world.enrollment,
        &phq(Timepoint::Baseline),
        None,
    )
    .await
    .unwrap();
    let sixth = store
        .plan_session_days(org, world.group)
        .await
        .unwrap()
        .into_iter()
        .find(|(n, _)| *n == 6)
        .unwrap()
        .1;
    assert!(
        due_assessments(&store, org, world.group, &plan, sixth.pred_opt().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
    let due = due_assessments(&store, org, world.group, &plan, sixth)
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].timepoint, Timepoint::AfterSession(6));

    // The facilitator sees it on their sessions page, and the group's outcomes page lists
    // it with a link to enter it; both offer only the plan.
    app.clock
        .set(sixth.and_hms_opt(23, 0, 0).unwrap().and_utc() + chrono::Duration::hours(12));
    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    let home = peer.get("/").await;
    assert!(
        home.body
            .contains(&format!("/groups/{}/outcomes", world.group)),
        "{}",
        home.body
    );
    assert!(home.body.contains("one assessment due"), "{}", home.body);
    let outcomes = peer.get(&format!("/groups/{}/outcomes", world.group)).await;
    assert!(outcomes.body.contains("Assessments due"));
    assert!(outcomes.body.contains(&format!(
        "/enrollments/{}/assessment?instrument=phq-9&#38;timepoint=after_session_6",
        world.enrollment
    )));
    assert!(
        !outcomes.body.contains("value=\"gad-7\""),
        "only planned instruments"
    );
    assert!(outcomes.body.contains("value=\"after_session_6\""));
    assert!(
        !outcomes.body.contains("value=\"follow_up_6w\""),
        "only planned timepoints"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_coordinators_dashboard_lists_the_groups_with_assessments_due_most_first() {
    use peergroup_blackbox::pages::invited;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "harbour").await;
    let mut program = peergroup_blackbox::fixtures::program();
    program["assessments"] =
        json!([{"instrument": "phq-9", "timepoints": ["baseline", "after_session_6"]}]);
    for w in [&world, &other] {
        app.put(
            &w.token,
            &format!("/api/v1/programs/{}", w.program),
            &program,
        )
        .await
        .ok(200);
    }
    let group = |name: &str| {
        let mut g = peergroup_blackbox::fixtures::group(world.program);
        g["name"] = json!(name);
        g
    };
    // Two places in another group; one in a group since cancelled.
    let wednesday = app
        .create_id(&world.token, "/api/v1/groups", &group("Wednesday circle"))
        .await;
    app.enrol_new(&world.token, wednesday, "Amrit K").await;
    app.enrol_new(&world.token, wednesday, "Jaspreet G").await;
    app.generate_sessions(&world.token, wednesday).await;
    let cancelled = app
        .create_id(&world.token, "/api/v1/groups", &group("Closed circle"))
        .await;
    app.enrol_new(&world.token, cancelled, "Simran D").await;
    app.generate_sessions(&world.token, cancelled).await;
    app.post(
        &world.token,
        &format!("/api/v1/groups/{cancelled}/status"),
        &json!({"status": "cancelled"}),
    )
    .await
    .ok(200);

    // On the day before the first session (Wednesday 3 February in Vancouver, 20:00 UTC
    // being noon there) nothing is due.
    let utc = |d: u32, h: u32| {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, d, h, 0, 0).unwrap()
    };
    app.clock.set(utc(2, 20));
    let mut coordinator =
        invited(&app, &world.token, "lead@riverside.example", "coordinator").await;
    let board = coordinator.get("/dashboard").await.body;
    assert!(board.contains("No group has an assessment due."), "{board}");

    // From the session's day, each place owes its baseline.
    app.clock.set(utc(4, 12));
    // A reading of the dashboard is shown again for a second; a sign-in lasts a day.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let mut coordinator =
        invited(&app, &world.token, "next@riverside.example", "coordinator").await;
    let board = coordinator.get("/dashboard").await.body;
    let listed = |body: &str, group: i64| body.find(&format!("/groups/{group}/outcomes"));
    let (most, one) = (
        listed(&board, wednesday).expect("the group with two due"),
        listed(&board, world.group).expect("the group with one due"),
    );
    assert!(most < one, "most first: {board}");
    assert!(
        board.contains("Wednesday circle: 2 assessments due"),
        "{board}"
    );
    assert!(
        board.contains("Surrey Punjabi group: one assessment due"),
        "{board}"
    );
    assert!(
        listed(&board, cancelled).is_none(),
        "a cancelled group: {board}"
    );
    assert!(
        listed(&board, other.group).is_none(),
        "another organization's: {board}"
    );
    assert!(
        !board.contains("No group has an assessment due."),
        "{board}"
    );

    // The other organization's coordinator sees their own group only.
    let mut theirs = invited(&app, &other.token, "lead@harbour.example", "coordinator").await;
    let board = theirs.get("/dashboard").await.body;
    assert!(listed(&board, other.group).is_some(), "{board}");
    for group in [world.group, wednesday, cancelled] {
        assert!(listed(&board, group).is_none(), "{board}");
    }
    // Asked about no group (a facilitator without one), the store reads none.
    let store = app.server().store.clone();
    let org = org_id(&store, "riverside").await;
    assert!(
        store
            .due_inputs(org, Some(&[]))
            .await
            .unwrap()
            .groups
            .is_empty()
    );
    // A group whose program plans no assessment is not read at all.
    let unplanned = app
        .create_id(
            &world.token,
            "/api/v1/programs",
            &peergroup_blackbox::fixtures::program(),
        )
        .await;
    let plain = app
        .create_id(
            &world.token,
            "/api/v1/groups",
            &peergroup_blackbox::fixtures::group(unplanned),
        )
        .await;
    app.enrol_new(&world.token, plain, "Navdeep B").await;
    app.generate_sessions(&world.token, plain).await;
    let read: Vec<i64> = store
        .due_inputs(org, None)
        .await
        .unwrap()
        .groups
        .iter()
        .map(|g| g.group_id)
        .collect();
    assert_eq!(
        read,
        [world.group, wednesday],
        "by name, planned, not cancelled"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_api_defines_records_and_reports_as_the_pages_do() {
    use peergroup_domain::org::Role;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let peer = app
        .token("riverside", "gurpreet.s@example.org", Role::Facilitator)
        .await;
    let weight = json!({"kind": "measure", "key": "weight", "title": "Weight", "unit": "kg",
                        "min": 20, "max": 300, "direction": "lower_is_better", "mid": 2.5});
    // Facilitators record assessments; only coordinators define instruments and consent.
    app.post(&peer, "/api/v1/instruments", &weight)
        .await
        .problem(403);
    let defined = app.post(&world.token, "/api/v1/instruments", &weight).await;
    assert_eq!(defined.ok(201)["key"], "weight");
    app.post(&world.token, "/api/v1/instruments", &weight)
        .await
        .problem(409);
    let listed = app.get(&peer, "/api/v1/instruments").await;
    let keys: Vec<&str> = listed
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["phq-9", "gad-7", "who-5", "k10", "pcl-5", "weight"]);
    let phq = app.get(&peer, "/api/v1/instruments/phq-9").await;
    assert_eq!(phq.ok(200)["items"].as_array().unwrap().len(), 9);
    app.get(&peer, "/api/v1/instruments/ptgi")
        .await
        .problem(404);

    let consent = format!("/api/v1/people/{}/consent", world.person);
    let research = json!({"research": true, "source": "on_paper"});
    app.put(&peer, &consent, &research).await.problem(403);
    app.put(&world.token, &consent, &research).await.ok(200);

    let record = format!("/api/v1/enrollments/{}/assessments", world.enrollment);
    let at = |timepoint: &str, value: f64| {
        json!({"instrument": "weight", "timepoint": timepoint, "taken_on": "2026-11-20",
               "locale": "pa-Guru", "value": value})
    };
    let first = app.post(&peer, &record, &at("baseline", 92.5)).await;
    assert_eq!(first.ok(201)["total"], 92.5);
    let answers = json!({"instrument": "phq-9", "timepoint": "baseline", "taken_on": "2026-11-20",
        "locale": "pa-Guru", "answers": {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 1, "7": 1, "8": 1, "9": 1}});
    let scored = app.post(&peer, &record, &answers).await;
    let scored = scored.ok(201);
    assert_eq!(
        (scored["total"].as_f64(), scored["band"].as_str()),
        (Some(9.0), Some("mild"))
    );
    assert_eq!(scored["alerts"], json!(["9"]));
    app.post(&peer, &record, &at("baseline", 90.0))
        .await
        .problem(409);

    let group = format!(
        "/api/v1/groups/{}/outcomes?instrument=weight&from=baseline&to=post",
        world.group
    );
    let before_post = app.get(&peer, &group).await;
    let before_post = before_post.ok(200);
    assert_eq!(before_post["paired"], Value::Null);
    assert_eq!(before_post["missing"], 1);
    app.post(&peer, &record, &at("post", 89.0)).await.ok(201);
    let after_post = app.get(&peer, &group).await;
    let paired = &after_post.ok(200)["paired"];
    assert_eq!(paired["n"], 1);
    assert_eq!(paired["change"]["mean"], -3.5);
    assert_eq!(paired["improved"], 1, "3.5 kg down is past the 2.5 kg MID");

    let program = format!(
        "/api/v1/programs/{}/outcomes?instrument=weight",
        world.program
    );
    app.get(&peer, &program).await.problem(403);
    let pooled = app.get(&world.token, &program).await;
    let pooled = pooled.ok(200);
    assert_eq!(pooled["paired"]["n"], 1);
    assert_eq!(pooled["groups"][0]["group_id"], world.group);
    assert_eq!(pooled["groups"][0]["paired"]["n"], 1);
    // Withdrawn consent takes the pair out at once.
    app.put(&world.token, &consent, &json!({"source": "by_phone"}))
        .await
        .ok(200);
    let without = app.get(&world.token, &program).await;
    assert_eq!(without.ok(200)["paired"], Value::Null);
    assert_eq!(without.body["without_consent"], 1);
    for bad in [
        "instrument=weight&from=post&to=post",
        "instrument=weight&from=week_2",
        "instrument=nope",
    ] {
        let r = app
            .get(
                &world.token,
                &format!("/api/v1/programs/{}/outcomes?{bad}", world.program),
            )
            .await;
        assert!(r.status.is_client_error(), "{bad}: {}", r.status);
    }
    app.stop().await;
}

#[tokio::test]
async fn an_instrument_key_with_a_nul_is_simply_not_found() {
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    app.get(&world.token, "/api/v1/instruments/ph%00q")
        .await
        .problem(404);
    let path = format!("/api/v1/groups/{}/outcomes?instrument=ph%00q", world.group);
    app.get(&world.token, &path).await.problem(404);
    let long = "x".repeat(36);
    let r = app
        .get(
            &world.token,
            &format!("/api/v1/instruments/phq-9?locale={long}"),
        )
        .await;
    assert_eq!(r.fields(), ["locale"]);
    let record = format!("/api/v1/enrollments/{}/assessments", world.enrollment);
    let body = json!({"instrument": "ph\u{0}q", "timepoint": "post", "taken_on": "2026-11-20",
                      "locale": "en", "value": 3});
    let r = app.post(&world.token, &record, &body).await;
    assert_eq!(r.fields(), ["instrument"]);
    app.stop().await;
}

#[tokio::test]
async fn a_coordinator_defines_a_licensed_scale_and_a_measure_on_the_page() {
    use peergroup_blackbox::pages::invited;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let mut lead = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    // Paloma's plan names the PTGI, which the organization must define.
    let list = lead.get("/programs").await;
    let copied = lead
        .post(
            "/programs/copy",
            &[("csrf", &list.csrf()), ("template", "paloma-2020")],
        )
        .await;
    let program = copied.location.unwrap();
    let program = program.split('?').next().unwrap().to_string();
    let shown = lead.get(&program).await;
    assert!(shown.body.contains("not defined in your organization yet"));
    assert!(shown.body.contains("href=\"/instruments?key=ptgi\""));
    assert!(
        lead.get("/manage")
            .await
            .body
            .contains("href=\"/instruments\"")
    );
    let page = lead.get("/instruments?key=ptgi").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("PHQ-9 (depression)"));
    assert!(
        page.body.contains("value=\"ptgi\""),
        "the key comes filled in"
    );
    let csrf = page.csrf();
    let scale = |options: &'static str, subscales: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("kind", "scale".to_string()),
            ("key", "ptgi".into()),
            ("title", "Posttraumatic Growth Inventory (short)".into()),
            (
                "stem",
                "Indicate the degree to which this change occurred".into(),
            ),
            (
                "items",
                "I changed my priorities\n(R) I feel weaker\n\nI have new plans\nI value my life"
                    .into(),
            ),
            ("lowest", "0".into()),
            ("highest", "5".into()),
            ("options", options.into()),
            ("scoring", "sum".into()),
            ("max_missing", "".into()),
            ("subscales", subscales.into()),
            ("direction", "higher_is_better".into()),
            ("mid", "".into()),
            ("source", "Tedeschi & Calhoun (1996)".into()),
            ("licence", "Used under the organization's licence".into()),
        ]
    };
    let before = app.row_counts().await;
    for (options, subscales, says) in [
        ("None\nSome", "", "one answer word for each answer"),
        (
            "",
            "Appreciation of Life 1, 4",
            "needs a name, a colon and item numbers",
        ),
        ("", "Appreciation of Life: 1, 9", "subscales[0].items"),
    ] {
        let fields = scale(options, subscales);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = lead.post("/instruments", &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
        assert!(
            refused.body.contains("I have new plans"),
            "the form comes back as typed"
        );
        assert_eq!(app.row_counts().await, before, "{says}");
    }
    let fields = scale(
        "Not at all\nVery small\nSmall\nModerate\nGreat\nVery great",
        "Appreciation of Life: 1, 4\nPersonal Strength: 2",
    );
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = lead.post("/instruments", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let again = lead.post("/instruments", &fields).await;
    assert!(again.body.contains("already used"));

    let measure = lead
        .post(
            "/instruments",
            &[
                ("csrf", &csrf),
                ("kind", "measure"),
                ("measure_key", "hba1c"),
                ("measure_title", "HbA1c"),
                ("unit", "%"),
                ("min", "3"),
                ("max", "20"),
                ("measure_direction", "lower_is_better"),
                ("measure_mid", "0,5"),
            ],
        )
        .await;
    assert_eq!(measure.status, StatusCode::SEE_OTHER, "{}", measure.body);
    let ptgi = app.get(&world.token, "/api/v1/instruments/ptgi").await;
    let ptgi = ptgi.ok(200);
    assert_eq!(ptgi["items"].as_array().unwrap().len(), 4);
    assert_eq!(ptgi["items"][1]["reverse"], true);
    assert_eq!(ptgi["items"][1]["text"], "I feel weaker");
    assert_eq!(ptgi["options"][5], "Very great");
    assert_eq!(ptgi["subscales"][0]["key"], "appreciation_of_life");
    assert_eq!(ptgi["subscales"][0]["items"], json!(["1", "4"]));
    let hba1c = app.get(&world.token, "/api/v1/instruments/hba1c").await;
    assert_eq!(hba1c.ok(200)["mid"], 0.5);
    let listed = lead.get("/instruments?saved=1").await;
    assert!(listed.body.contains("The instrument is saved."));
    assert!(
        listed
            .body
            .contains("Posttraumatic Growth Inventory (short)")
    );
    assert!(
        !lead
            .get(&program)
            .await
            .body
            .contains("not defined in your organization yet")
    );

    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(peer.get("/instruments").await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn a_licensed_translation_asks_the_items_in_the_participants_language() {
    use peergroup_blackbox::pages::invited;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "elsewhere").await;
    let gad_pa = json!({
        "stem": "ਪਿਛਲੇ 2 ਹਫ਼ਤਿਆਂ ਦੌਰਾਨ, ਤੁਹਾਨੂੰ ਕਿੰਨੀ ਵਾਰ ਇਨ੍ਹਾਂ ਸਮੱਸਿਆਵਾਂ ਨੇ ਪਰੇਸ਼ਾਨ ਕੀਤਾ?",
        "options": ["ਬਿਲਕੁਲ ਨਹੀਂ", "ਕਈ ਦਿਨ", "ਅੱਧੇ ਤੋਂ ਵੱਧ ਦਿਨ", "ਲਗਭਗ ਹਰ ਰੋਜ਼"],
        "items": {"1": "ਘਬਰਾਹਟ ਮਹਿਸੂਸ ਕਰਨਾ", "2": "ਚਿੰਤਾ ਰੋਕ ਨਾ ਸਕਣਾ", "3": "ਬਹੁਤ ਜ਼ਿਆਦਾ ਚਿੰਤਾ ਕਰਨੀ",
                  "4": "ਆਰਾਮ ਕਰਨ ਵਿੱਚ ਮੁਸ਼ਕਲ", "5": "ਇੰਨੀ ਬੇਚੈਨੀ ਕਿ ਟਿਕ ਕੇ ਬੈਠਣਾ ਔਖਾ",
                  "6": "ਜਲਦੀ ਖਿੱਝ ਜਾਣਾ", "7": "ਡਰ ਲੱਗਣਾ ਜਿਵੇਂ ਕੁਝ ਭਿਆਨਕ ਹੋਣ ਵਾਲਾ ਹੈ"}
    });
    let path = "/api/v1/instruments/gad-7/translations/pa-Guru";
    app.put(&world.token, path, &gad_pa).await.ok(200);
    let mut fixed = gad_pa.clone();
    fixed["items"]["1"] = json!("ਘਬਰਾਹਟ ਜਾਂ ਬੇਚੈਨੀ ਮਹਿਸੂਸ ਕਰਨਾ");
    app.put(&world.token, path, &fixed).await.ok(200);
    let read = app
        .get(&world.token, "/api/v1/instruments/gad-7?locale=pa-Guru")
        .await;
    assert_eq!(
        read.ok(200)["items"][0]["text"],
        "ਘਬਰਾਹਟ ਜਾਂ ਬੇਚੈਨੀ ਮਹਿਸੂਸ ਕਰਨਾ",
        "the second replaced the first"
    );
    assert_eq!(read.body["items"][0]["min"], 0, "scoring is unchanged");
    // Another organization keeps the English.
    let theirs = app
        .get(&other.token, "/api/v1/instruments/gad-7?locale=pa-Guru")
        .await;
    assert_eq!(
        theirs.ok(200)["items"][0]["text"],
        "Feeling nervous, anxious, or on edge"
    );

    // Harpreet prefers Punjabi: the form asks in Punjabi and records pa-Guru.
    let mut lead = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let entry = format!(
        "/enrollments/{}/assessment?instrument=gad-7&timepoint=baseline",
        world.enrollment
    );
    let form = lead.get(&entry).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("lang=\"pa-Guru\""));
    assert!(form.body.contains("ਚਿੰਤਾ ਰੋਕ ਨਾ ਸਕਣਾ"));
    assert!(form.body.contains("0 · ਬਿਲਕੁਲ ਨਹੀਂ"));
    assert!(form.body.contains("name=\"locale\" value=\"pa-Guru\""));
    let english = lead.get(&format!("{entry}&words=en")).await;
    assert!(
        english
            .body
            .contains("Not being able to stop or control worrying")
    );
    assert!(english.body.contains("name=\"locale\" value=\"en\""));

    // On the page: the line count must match the items; then it is kept.
    let page = lead.get("/instruments").await;
    let csrf = page.csrf();
    let items = "ਇੱਕ\nਦੋ\nਤਿੰਨ\nਚਾਰ\nਪੰਜ\nਛੇ\nਸੱਤ\nਅੱਠ";
    let send = |items: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("scale", "phq-9".to_string()),
            ("language", "pa-Guru".to_string()),
            ("translated_stem", "ਪਿਛਲੇ 2 ਹਫ਼ਤਿਆਂ ਦੌਰਾਨ".to_string()),
            ("translated_items", items.to_string()),
            (
                "translated_options",
                "ਬਿਲਕੁਲ ਨਹੀਂ\nਕਈ ਦਿਨ\nਅੱਧੇ ਤੋਂ ਵੱਧ ਦਿਨ\nਲਗਭਗ ਹਰ ਰੋਜ਼".to_string(),
            ),
        ]
    };
    let before = app.row_counts().await;
    let short = send(items);
    let short: Vec<(&str, &str)> = short.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = lead.post("/instruments/translations", &short).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("one line for each of the 9 items"),
        "{}",
        refused.body
    );
    assert_eq!(app.row_counts().await, before);
    let full = send("ਇੱਕ\nਦੋ\nਤਿੰਨ\nਚਾਰ\nਪੰਜ\nਛੇ\nਸੱਤ\nਅੱਠ\nਨੌਂ");
    let full: Vec<(&str, &str)> = full.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let kept = lead.post("/instruments/translations", &full).await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    let phq = app
        .get(&world.token, "/api/v1/instruments/phq-9?locale=pa-Guru")
        .await;
    assert_eq!(phq.ok(200)["items"][8]["text"], "ਨੌਂ");
    app.stop().await;
}

#[tokio::test]
async fn the_program_card_prints_and_downloads_with_small_counts_suppressed() {
    use peergroup_blackbox::pages::invited;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let world = World::build(&app, "riverside").await;
    let other = World::build(&app, "elsewhere").await;
    let store = app.server().store.clone();
    let org = org_id(&store, "riverside").await;
    let mut program = peergroup_blackbox::fixtures::program();
    program["assessments"] = json!([{"instrument": "who-5", "timepoints": ["baseline", "post"]}]);
    let path = format!("/api/v1/programs/{}", world.program);
    app.put(&world.token, &path, &program).await.ok(200);
    let mut group = peergroup_blackbox::fixtures::group(world.program);
    group["capacity"] = json!(12);
    group["name"] = json!("Larger group");
    let group = app.create_id(&world.token, "/api/v1/groups", &group).await;
    let who5 = |timepoint: Timepoint, each: i32| AssessmentSpec {
        instrument: "who-5".into(),
        timepoint,
        taken_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        locale: "pa-Guru".into(),
        answers: (1..=5).map(|n| (n.to_string(), Some(each))).collect(),
        value: None,
    };
    for n in 0..6 {
        let person = app
            .create_id(
                &world.token,
                "/api/v1/people",
                &json!({"display_name": format!("Member {n}"), "preferred_language": "pa-Guru"}),
            )
            .await;
        let e = app
            .create_id(
                &world.token,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": person}),
            )
            .await;
        // All six agree to research use; five of them to sharing with a funder too.
        agree(&store, org, person, |c| {
            c.research = true;
            c.funder_sharing = n < 5;
        })
        .await;
        record_assessment(&store, org, e, &who5(Timepoint::Baseline, 1 + n % 2), None)
            .await
            .unwrap();
        record_assessment(&store, org, e, &who5(Timepoint::Post, 3), None)
            .await
            .unwrap();
    }

    let mut lead = invited(&app, &world.token, "lead@example.org", "coordinator").await;
    let program_page = lead.get(&format!("/programs/{}", world.program)).await;
    let card_path = format!("/programs/{}/card", world.program);
    assert!(program_page.body.contains(&card_path));
    let card = lead.get(&card_path).await;
    assert_eq!(card.status, StatusCode::OK);
    for says in [
        "Program card: Diabetes peer support",
        "Gurdwara hall",
        "Diabetes educator (professional)",
        "WHO-5 Well-Being Index · Baseline → After the last session",
        "t(5)",
    ] {
        assert!(card.body.contains(says), "{says}: {}", card.body);
    }
    // Six consenting pairs, each drawn before and after.
    assert_eq!(card.body.matches("<circle cx=\"50\"").count(), 6);
    let csv = lead.download(&format!("{card_path}.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = String::from_utf8(csv.bytes.clone()).unwrap();
    assert!(text.starts_with("table,label,value\r\n"), "{text}");
    assert!(text.contains("Paired,6\r\n"), "{text}");
    assert!(text.contains("Mean change,"), "{text}");
    // Seven participants hold places (the world's one and these six): five or more, shown.
    let api = app.get(&world.token, &format!("{path}/card")).await;
    assert_eq!(api.ok(200)["results"]["participants"], 7);
    assert_eq!(api.body["results"]["outcomes"][0]["n"], 6);

    // The funder's file: the five who agreed to it, de-identified; the sixth agreed only to
    // research use, and Harpreet to neither.
    let funder = lead
        .download(&format!("/programs/{}/funder.csv", world.program))
        .await;
    assert_eq!(funder.status, StatusCode::OK);
    let text = String::from_utf8(funder.bytes.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "participant,group,status,sessions_attended,who-5 baseline,who-5 post"
    );
    assert_eq!(lines.len(), 6, "{text}");
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        assert!(cells[0].starts_with('P') && cells[1] == "G2", "{line}");
        assert_eq!(
            (cells[2], cells[3], cells[5]),
            ("enrolled", "0", "60"),
            "{line}"
        );
    }
    for private in ["Member", "Harpreet", "@", "pa-Guru", "2026-"] {
        assert!(!text.contains(private), "{private} in {text}");
    }

    let mut peer = invited(&app, &world.token, "gurpreet.s@example.org", "facilitator").await;
    assert_eq!(peer.get(&card_path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        peer.download(&format!("/programs/{}/funder.csv", world.program))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut stranger = invited(&app, &other.token, "lead@elsewhere.org", "coordinator").await;
    assert_eq!(
        stranger
            .download(&format!("/programs/{}/funder.csv", world.program))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(stranger.get(&card_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        stranger.download(&format!("{card_path}.csv")).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

/// Records `person`'s consent as `change` sets it, said in person.
async fn agree(
    store: &peergroup_store::Store,
    org: i64,
    person: i64,
    change: impl FnOnce(&mut peergroup_domain::consent::ConsentInput),
) {
    let mut input = peergroup_domain::consent::ConsentInput {
        source: Some(peergroup_domain::consent::ConsentSource::InPerson),
        ..Default::default()
    };
    change(&mut input);
    store.set_consent(org, person, &input).await.unwrap();
}

/// Form fields as the page client takes them.
fn pairs<'a>(fields: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
