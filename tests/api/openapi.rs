//! The OpenAPI document: 3.1, every served route, every reference resolvable.

use peergroup_blackbox::TestApp;
use serde_json::Value;

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r.clone());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_is_complete_and_self_consistent() {
    let app = TestApp::spawn().await;
    let doc: Value = app
        .client
        .get(format!("{}/api/openapi.json", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));

    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/healthz",
        "/readyz",
        "/api/openapi.json",
        "/api/v1/me",
        "/api/v1/templates",
        "/api/v1/templates/{key}",
        "/api/v1/templates/{key}/copy",
        "/api/v1/programs",
        "/api/v1/programs/{id}",
        "/api/v1/groups",
        "/api/v1/groups/{id}",
        "/api/v1/groups/{id}/status",
        "/api/v1/groups/{id}/enrollments",
        "/api/v1/groups/{id}/facilitators",
        "/api/v1/groups/{id}/facilitators/{assignment_id}",
        "/api/v1/people",
        "/api/v1/people/{id}",
        "/api/v1/enrollments/{id}",
        "/api/v1/enrollments/{id}/withdraw",
        "/api/v1/enrollments/{id}/complete",
        "/api/v1/enrollments/{id}/supports",
        "/api/v1/supports/{id}",
        "/api/v1/groups/{id}/sessions/generate",
        "/api/v1/groups/{id}/sessions",
        "/api/v1/exclusions",
        "/api/v1/exclusions/{id}",
        "/api/v1/sessions/{id}",
        "/api/v1/sessions/{id}/reschedule",
        "/api/v1/sessions/{id}/cancel",
        "/api/v1/sessions",
        "/api/v1/people/{id}/sessions",
        "/api/v1/calendar-feeds",
        "/api/v1/calendar-feeds/{id}/revoke",
        "/calendar/{file}",
        "/api/v1/sessions/{id}/log",
        "/api/v1/sessions/{id}/supports",
        "/api/v1/enrollments/{id}/attendance",
        "/api/v1/groups/{id}/figures",
        "/api/v1/programs/{id}/figures",
        "/api/v1/follow-ups",
        "/api/v1/follow-ups/{id}",
        "/api/v1/follow-ups/{id}/call-sheet",
        "/api/v1/follow-ups/{id}/attempts",
        "/api/v1/follow-ups/{id}/close",
        "/api/v1/follow-ups/{id}/assign",
        "/api/v1/messages",
        "/api/v1/messages/{id}",
        "/api/v1/messages/{id}/retry",
        "/api/v1/organization",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}/revoke",
        "/api/v1/invitations",
        "/api/v1/training/modules",
        "/api/v1/training/modules/{id}",
        "/api/v1/programs/{id}/requirements",
        "/api/v1/programs/{id}/requirements/{role}",
        "/api/v1/training/completions",
        "/api/v1/people/{id}/training",
        "/api/v1/people/{id}/facilitator-profile",
        "/api/v1/reports/training-gaps",
        "/api/v1/training/cohorts",
        "/api/v1/training/cohorts/{id}",
        "/api/v1/training/cohorts/{id}/sessions",
        "/api/v1/training/sessions/{id}/attendance",
        "/api/v1/supervision-contacts",
        "/api/v1/reports/supervision",
        "/api/v1/instruments",
        "/api/v1/instruments/{key}",
        "/api/v1/instruments/{key}/translations/{locale}",
        "/api/v1/enrollments/{id}/assessments",
        "/api/v1/people/{id}/consent",
        "/api/v1/people/{id}/erasure",
        "/api/v1/people/{id}/export",
        "/api/v1/organization/retention",
        "/api/v1/access-log",
        "/api/v1/access-log/check",
        "/api/v1/groups/{id}/outcomes",
        "/api/v1/programs/{id}/outcomes",
        "/api/v1/programs/{id}/card",
        "/r/{token}",
    ] {
        assert!(paths.contains_key(route), "missing {route}");
    }
    assert_eq!(
        paths.len(),
        80,
        "a route was added: list it above and give it isolation and bad-input cases"
    );

    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|c| c.starts_with('2')),
                "{method} {path} has no success response"
            );
            if path.starts_with("/api/v1") {
                assert!(
                    responses.contains_key("401"),
                    "{method} {path} does not document 401"
                );
                assert_eq!(
                    op["security"][0]["bearer"],
                    serde_json::json!([]),
                    "{method} {path}"
                );
            }
            if ["post", "put"].contains(&method.as_str()) {
                assert!(
                    responses.contains_key("422"),
                    "{method} {path} does not document 422"
                );
            }
        }
    }

    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected ref {r}"));
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "dangling $ref {r}"
        );
    }
    for schema in [
        "Problem",
        "ProgramSpec",
        "GroupSpec",
        "PersonSpec",
        "SupportNeedSpec",
        "GroupDetail",
    ] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "schema {schema} missing"
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    app.stop().await;
}
