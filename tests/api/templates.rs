//! The seven built-in templates load, and each copies into an editable program.

use peergroup_blackbox::{TestApp, json};

#[tokio::test]
async fn every_template_loads_and_copies_into_an_editable_program() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("templates").await;
    let list = app.get(&t, "/api/v1/templates").await;
    let templates = list.ok(200).as_array().unwrap().clone();
    let keys: Vec<&str> = templates
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "stewart-2018",
            "arthur-2024",
            "im-rosenberg-2016",
            "soriano-ayala-cala-2019",
            "paloma-2020",
            "yang-2014",
            "tang-2015"
        ]
    );
    for template in &templates {
        let key = template["key"].as_str().unwrap();
        let one = app.get(&t, &format!("/api/v1/templates/{key}")).await;
        assert_eq!(one.ok(200), template);

        let copy = app
            .post(&t, &format!("/api/v1/templates/{key}/copy"), &json!({}))
            .await;
        let copy = copy.ok(201).clone();
        assert_eq!(copy["template_key"], key);
        for field in [
            "name",
            "facilitation_model",
            "facilitator_roles",
            "phases",
            "training",
            "follow_up",
            "group_size",
        ] {
            assert_eq!(copy[field], template["program"][field], "{key}: {field}");
        }
        // The copy is the organization's own: it can be edited.
        let mut edited = template["program"].clone();
        edited["name"] = json!(format!(
            "{} (our version)",
            template["program"]["name"].as_str().unwrap()
        ));
        let id = copy["id"].as_i64().unwrap();
        let put = app
            .put(&t, &format!("/api/v1/programs/{id}"), &edited)
            .await;
        assert_eq!(put.ok(200)["name"], edited["name"]);
        assert_eq!(put.body["template_key"], key);
    }
    let renamed = app
        .post(
            &t,
            "/api/v1/templates/tang-2015/copy",
            &json!({"name": "Diabetes circle"}),
        )
        .await;
    assert_eq!(renamed.ok(201)["name"], "Diabetes circle");
    let programs = app.get(&t, "/api/v1/programs?limit=200").await;
    assert_eq!(programs.ok(200)["items"].as_array().unwrap().len(), 8);
    app.get(&t, "/api/v1/templates/no-such-design")
        .await
        .problem(404);
    app.stop().await;
}

#[tokio::test]
async fn a_group_can_run_every_template() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("runner").await;
    let templates = app
        .get(&t, "/api/v1/templates")
        .await
        .ok(200)
        .as_array()
        .unwrap()
        .clone();
    for template in templates {
        let key = template["key"].as_str().unwrap();
        let program = app
            .create_id(&t, &format!("/api/v1/templates/{key}/copy"), &json!({}))
            .await;
        let max = template["program"]["group_size"]["max"]
            .as_u64()
            .unwrap_or(12);
        let group = app
            .post(
                &t,
                "/api/v1/groups",
                &json!({
                    "program_id": program, "name": format!("{key} group"), "languages": ["en"],
                    "timezone": "America/New_York", "venue": {"name": "Hall"}, "start_date": "2027-03-01",
                    "weekdays": ["tuesday", "thursday"], "start_time": "10:30", "capacity": max
                }),
            )
            .await;
        group.ok(201);
    }
    app.stop().await;
}
