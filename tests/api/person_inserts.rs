//! People created at the same moment are written in one statement: each caller must still get
//! its own row, in its own organization, and one bad row must not take the others down.

use peergroup_blackbox::{TestApp, count_of as count, fixtures, json};
use peergroup_domain::access_log::By;
use peergroup_domain::person::PersonSpec;
use peergroup_domain::values::{Name, Slug};
use std::collections::HashSet;
use tokio::task::JoinSet;

#[tokio::test]
async fn people_created_at_once_each_get_their_own_row_in_their_own_organization() {
    let app = TestApp::spawn().await;
    let tokens = [
        app.coordinator("surrey").await,
        app.coordinator("delta").await,
    ];
    let before = count(&app.row_counts().await, "people");
    let n = 60;
    let mut posts = JoinSet::new();
    for i in 0..n {
        let (client, base, token) = (app.client.clone(), app.base.clone(), tokens[i % 2].clone());
        let mut sent = fixtures::person(&format!("Person {i}"));
        sent["preferred_language"] = json!(["en", "ar", "uk"][i % 3]);
        sent["consent"]["calls"] = json!(i % 2 == 0);
        posts.spawn(async move {
            let reply = client
                .post(format!("{base}/api/v1/people"))
                .bearer_auth(&token)
                .json(&sent)
                .send()
                .await
                .unwrap();
            (i, sent, peergroup_blackbox::into_reply(reply).await)
        });
    }
    let mut ids = HashSet::new();
    while let Some(done) = posts.join_next().await {
        let (i, sent, reply) = done.unwrap();
        let body = reply.ok(201).clone();
        for field in ["display_name", "preferred_language", "email", "phone"] {
            assert_eq!(body[field], sent[field], "person {i}: {field}");
        }
        for purpose in ["email_reminders", "sms_reminders", "calls", "research"] {
            assert_eq!(
                body["consent"][purpose].as_bool().unwrap_or(false),
                sent["consent"][purpose].as_bool().unwrap_or(false),
                "person {i}: {purpose}"
            );
        }
        let id = body["id"].as_i64().unwrap();
        assert!(ids.insert(id), "id {id} given twice");
        // Readable as written by its own organization, and not by the other.
        let own = app
            .get(&tokens[i % 2], &format!("/api/v1/people/{id}"))
            .await;
        assert_eq!(own.ok(200), &body);
        let other = app
            .get(&tokens[(i + 1) % 2], &format!("/api/v1/people/{id}"))
            .await;
        other.problem(404);
    }
    assert_eq!(count(&app.row_counts().await, "people"), before + n as i64);
}

#[tokio::test]
async fn a_person_that_cannot_be_written_fails_alone_in_its_batch() {
    let app = TestApp::spawn().await;
    let store = app.server().store.clone();
    let (org, _) = store
        .ensure_organization(
            &Slug::parse("surrey").unwrap(),
            &Name::parse("Surrey").unwrap(),
        )
        .await
        .unwrap();
    let before = count(&app.row_counts().await, "people");
    // Sent together, so that they are written together; the one for an organization that
    // does not exist breaks the foreign key.
    let mut creates = JoinSet::new();
    for i in 0..20 {
        let store = store.clone();
        let spec: PersonSpec =
            serde_json::from_value(fixtures::person(&format!("Person {i}"))).unwrap();
        let owner = if i == 7 { i64::MAX } else { org.id };
        let by = By {
            user: None,
            route: "test",
        };
        creates.spawn(async move { (i, store.create_person(owner, &spec, by).await) });
    }
    while let Some(done) = creates.join_next().await {
        let (i, result) = done.unwrap();
        if i == 7 {
            assert!(result.is_err(), "a person of no organization was written");
            continue;
        }
        let person = result.unwrap();
        assert_eq!(person.spec.display_name.to_string(), format!("Person {i}"));
        assert_eq!(
            store.get_person(org.id, person.id).await.unwrap(),
            person,
            "person {i}"
        );
    }
    assert_eq!(count(&app.row_counts().await, "people"), before + 19);
    // Each creation's log entry went in with its row, and the chain holds.
    let check = store.check_access_log(org.id).await.unwrap();
    assert_eq!(check.entries, 19);
    assert_eq!(check.first_broken, None);
}
