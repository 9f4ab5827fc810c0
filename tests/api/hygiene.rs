//! Headers and answers every client can rely on, whatever the route.

use peergroup_blackbox::{TestApp, fixtures};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

#[tokio::test]
async fn a_missing_token_is_answered_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let reply = app
        .client
        .get(format!("{}/api/v1/people", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 401);
    let challenge = reply.headers()["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("Bearer"), "{challenge}");
    assert_eq!(reply.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}

#[tokio::test]
async fn personal_data_is_never_cached_and_never_sniffed() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("hygiene").await;
    let id = app
        .create_id(&t, "/api/v1/people", &fixtures::person("Not Cached"))
        .await;
    for path in [format!("/api/v1/people/{id}"), "/api/v1/people".into()] {
        let reply = app
            .client
            .get(format!("{}{path}", app.base))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 200);
        assert_eq!(reply.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(reply.headers()["x-content-type-options"], "nosniff");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_method_the_route_does_not_have_is_a_problem_naming_the_allowed_ones() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("hygiene-405").await;
    let reply = app.delete(&t, "/api/v1/people").await;
    let problem = reply.problem(405);
    assert_eq!(problem["status"], 405);
    let allow = reply.headers.get("allow").unwrap().to_str().unwrap();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    app.stop().await;
}

/// The server with these timeouts, in seconds: headers, body, idle.
async fn with_timeouts(header: u64, body: u64, idle: u64) -> TestApp {
    TestApp::spawn_with(|config| {
        config.server.header_timeout_seconds = header;
        config.server.body_timeout_seconds = body;
        config.server.idle_timeout_seconds = idle;
    })
    .await
}

/// A raw connection to the server, as a slow or silent client holds one.
async fn connect(app: &TestApp) -> tokio::net::TcpStream {
    tokio::net::TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Reads until the server closes the connection; returns what it sent and when it closed,
/// or panics if it is still open after `within`.
async fn until_closed(stream: &mut tokio::net::TcpStream, within: Duration) -> (String, Duration) {
    use tokio::io::AsyncReadExt;
    let start = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = within.saturating_sub(start.elapsed());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Err(_) => panic!(
                "still open after {within:?}; got {:?}",
                String::from_utf8_lossy(&got)
            ),
            Ok(Ok(0)) | Ok(Err(_)) => {
                return (String::from_utf8_lossy(&got).into(), start.elapsed());
            }
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let app = with_timeouts(1, 30, 30).await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: peergroup\r\n")
        .await
        .unwrap();
    let (_, after) = until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(
        after >= Duration::from_millis(900),
        "closed after {after:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_trickled_body_is_answered_408_and_writes_nothing() {
    let app = with_timeouts(30, 1, 30).await;
    let t = app.coordinator("slow-body").await;
    let before = app.row_counts().await;
    let mut stream = connect(&app).await;
    let head = format!(
        "POST /api/v1/people HTTP/1.1\r\nHost: peergroup\r\nAuthorization: Bearer {t}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"display_name\""
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (answer, after) = until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(
        after >= Duration::from_millis(900),
        "answered after {after:?}"
    );
    assert_eq!(app.row_counts().await, before);
    app.stop().await;
}

#[tokio::test]
async fn a_kept_alive_connection_left_idle_is_closed() {
    let app = with_timeouts(30, 30, 1).await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: peergroup\r\n\r\n")
        .await
        .unwrap();
    let (answer, after) = until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        after >= Duration::from_millis(900),
        "closed after {after:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_client_trying_token_after_token_is_slowed_down() {
    let app = TestApp::spawn_with(|config| {
        config.server.auth_failures_burst = 5;
        config.server.auth_failures_per_second = 1;
    })
    .await;
    let good = app.coordinator("guessing").await;
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for i in 0..8 {
        let reply = app
            .client
            .get(format!("{}/api/v1/people", app.base))
            .bearer_auth(format!("pg_guess{i}"))
            .send()
            .await
            .unwrap();
        statuses.push(reply.status().as_u16());
        if reply.status() == 429 {
            retry_after = reply.headers().get("retry-after").cloned();
        }
    }
    assert_eq!(statuses[..5], [401; 5], "{statuses:?}");
    assert!(statuses[5..].contains(&429), "{statuses:?}");
    let seconds: u64 = retry_after.unwrap().to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&seconds), "Retry-After: {seconds}");
    // Meanwhile no token from that address is looked up, not even a real one.
    let meanwhile = app.get(&good, "/api/v1/people").await;
    meanwhile.problem(429);
    // Once the address has waited, a real token works again.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    app.get(&good, "/api/v1/people").await.ok(200);
    app.stop().await;
}

#[tokio::test]
async fn a_kept_alive_connection_in_use_stays_open_past_the_idle_timeout() {
    let app = with_timeouts(30, 30, 1).await;
    let mut stream = connect(&app).await;
    // A request every 0.6 s for 2.4 s: never idle for the full second, open well past it.
    for _ in 0..4 {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: peergroup\r\n\r\n")
            .await
            .unwrap();
        let answer = read_response(&mut stream).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        tokio::time::sleep(Duration::from_millis(600)).await;
    }
    app.stop().await;
}

/// Reads one response with a body of known length from a kept-alive connection.
async fn read_response(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .expect("an answer")
            .expect("the connection is open");
        assert!(n > 0, "closed; got {:?}", String::from_utf8_lossy(&got));
        got.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&got).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap_or(0);
            if body.len() >= length {
                return text;
            }
        }
    }
}

#[tokio::test]
async fn many_requests_at_once_with_one_real_token_are_never_refused() {
    let app = TestApp::spawn_with(|config| {
        config.server.auth_failures_burst = 5;
        config.server.auth_failures_per_second = 1;
    })
    .await;
    let token = app.coordinator("busy-client").await;
    // 40 at once, none of them finding the token in the cache yet.
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let request = app
            .client
            .get(format!("{}/api/v1/people", app.base))
            .bearer_auth(&token);
        requests.spawn(async move { request.send().await.unwrap().status() });
    }
    while let Some(status) = requests.join_next().await {
        assert_eq!(status.unwrap(), 200);
    }
    app.stop().await;
}
