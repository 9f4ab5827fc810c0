//! Finding people, and being told when an email address is already someone's.

use peergroup_blackbox::{TestApp, fixtures, json};

fn names(reply: &serde_json::Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["display_name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn people_are_found_by_name_email_or_phone_within_the_organization_only() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("search").await;
    let other = app.coordinator("search-other").await;
    let mut amina = fixtures::person("Amina Yusuf");
    amina["phone"] = json!("+16045550111");
    app.create_id(&t, "/api/v1/people", &amina).await;
    let mut bashir = fixtures::person("Bashir Karimi");
    bashir["email"] = json!("b.k@Example.org");
    bashir["phone"] = json!("+16045550222");
    app.create_id(&t, "/api/v1/people", &bashir).await;
    app.create_id(
        &other,
        "/api/v1/people",
        &fixtures::person("Amina Elsewhere"),
    )
    .await;
    app.create_id(&t, "/api/v1/people", &fixtures::person("Олена Коваленко"))
        .await;

    let find = |q: &str| {
        let url = format!("/api/v1/people?q={}", urlencoding(q));
        let app = &app;
        let t = t.clone();
        async move { names(app.get(&t, &url).await.ok(200)) }
    };
    assert_eq!(find("amina").await, ["Amina Yusuf"]);
    assert_eq!(find("B.K@EXAMPLE").await, ["Bashir Karimi"]);
    assert_eq!(
        find("Олена").await,
        ["Олена Коваленко"],
        "a name in Cyrillic, as written"
    );
    assert_eq!(find("604 555 0222").await, ["Bashir Karimi"]);
    assert_eq!(
        find("%").await,
        Vec::<String>::new(),
        "% is a character, not a wildcard"
    );
    assert_eq!(find("nobody").await, Vec::<String>::new());
    // PostgreSQL cannot hold a NUL in text: such a search finds no name, but no error.
    assert_eq!(find("Amina\0").await, Vec::<String>::new());
    assert_eq!(
        find("\x00604 555 0111").await,
        ["Amina Yusuf"],
        "the digits of a phone number still count"
    );
    app.get(&t, "/api/v1/people?q=").await.problem(422);
    app.stop().await;
}

fn urlencoding(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_second_person_with_the_same_email_is_accepted_with_a_word() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("same-email").await;
    let first = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Rosa Mendes"))
        .await;
    let mut luis = fixtures::person("Luis Mendes");
    luis["email"] = json!("ROSA.MENDES@example.org");
    let created = app.post(&t, "/api/v1/people", &luis).await;
    let second = created.ok(201);
    assert_eq!(second["same_email_as"], json!([first]));
    let first_now = app.get(&t, &format!("/api/v1/people/{first}")).await;
    assert_eq!(first_now.ok(200)["same_email_as"], json!([second["id"]]));
    // Someone with an address of their own hears nothing.
    let alone = app
        .post(&t, "/api/v1/people", &fixtures::person("Sam Other"))
        .await;
    assert!(alone.ok(201).get("same_email_as").is_none());
    app.stop().await;
}
