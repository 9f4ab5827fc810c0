//! The roll-call page (issue 19): how fast the server serves it against a bare axum handler
//! doing the same reads and rendering the same template, how many bytes it and its CSS and
//! script take over the wire, and its first contentful paint in headless Chromium on a slow
//! 3G link (CDP network emulation: 400 ms round trip, 400 kbit/s each way, no cache, no
//! service worker: a first visit).

use crate::{Args, Backend, Scenario, Server, bench_database, run, start_server};
use serde_json::json;
use std::time::Duration;

/// The slow 3G link: round-trip latency, and bytes a second each way.
const SLOW_3G_LATENCY_MS: u32 = 400;
const SLOW_3G_BYTES_PER_S: u32 = 400_000 / 8;
/// Page loads measured in Chromium.
const PAINTS: usize = 5;

pub(crate) async fn drive(args: &Args) -> anyhow::Result<()> {
    let (url, pool, _dir) = bench_database(args).await?;
    let server = start_server(&url, pool)?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!(
        "backend: {:?}, pool: {pool}, {} s per run after 1 s warm-up, {} cores",
        args.backend,
        args.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    println!("| scenario | conns | req/s | p50 ms | p99 ms | errors | % of bare handler |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &conns in &args.connections {
        let bare = run(&server, Scenario::CeilingRollCall, conns, args.seconds).await;
        let page = run(&server, Scenario::RollCallPage, conns, args.seconds).await;
        for (scenario, o) in [
            (Scenario::CeilingRollCall, &bare),
            (Scenario::RollCallPage, &page),
        ] {
            println!(
                "| {} | {conns} | {:.0} | {:.2} | {:.2} | {} | {:.0}% |",
                scenario.name(),
                o.rps,
                o.p50_ms,
                o.p99_ms,
                o.errors,
                100.0 * o.rps / bare.rps.max(f64::MIN_POSITIVE)
            );
        }
    }
    weight(&server).await?;
    paint(&server).await;
    drop(server);
    if args.backend == Backend::Postgres {
        let admin = sea_orm::Database::connect(format!("{}/postgres", args.pg)).await?;
        sea_orm::ConnectionTrait::execute_unprepared(
            &admin,
            "DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)",
        )
        .await?;
    }
    Ok(())
}

/// Bytes of the roll-call page and what it loads, as a browser asking for gzip gets them:
/// the status line and headers plus the (compressed) body.
async fn weight(server: &Server) -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    println!();
    println!("| resource | body bytes (gzip) | bytes over the wire |");
    println!("| --- | ---: | ---: |");
    let mut total = 0;
    for path in [
        format!("/sessions/{}", server.session_id),
        "/static/app.css".into(),
        "/static/app.js".into(),
    ] {
        let r = client
            .get(format!("{}{path}", server.app))
            .header("cookie", &server.cookie)
            .header("accept-encoding", "gzip")
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
        let headers: usize = 17
            + r.headers()
                .iter()
                .map(|(k, v)| k.as_str().len() + v.len() + 4)
                .sum::<usize>();
        let body = r.bytes().await?.len();
        total += headers + body;
        println!("| {path} | {body} | {} |", headers + body);
    }
    println!("| total | | {total} ({:.1} KB) |", total as f64 / 1000.0);
    Ok(())
}

/// First contentful paint of the roll-call page on a slow 3G link, in milliseconds.
async fn paint(server: &Server) {
    let b = peergroup_blackbox::browser::Browser::start().await;
    for (cmd, params) in [
        ("Network.enable", json!({})),
        ("Network.setCacheDisabled", json!({"cacheDisabled": true})),
        ("Network.setBypassServiceWorker", json!({"bypass": true})),
        (
            "Network.setCookie",
            json!({"name": "pg_login", "value": server.cookie.trim_start_matches("pg_login="),
                   "url": server.app}),
        ),
        (
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": SLOW_3G_LATENCY_MS,
                   "downloadThroughput": SLOW_3G_BYTES_PER_S,
                   "uploadThroughput": SLOW_3G_BYTES_PER_S}),
        ),
    ] {
        b.cdp(cmd, params).await;
    }
    let url = format!("{}/sessions/{}", server.app, server.session_id);
    let fcp = "const done = arguments[0];
        const look = () => {
          const e = performance.getEntriesByName('first-contentful-paint')[0];
          e ? done(e.startTime) : setTimeout(look, 20);
        };
        look();";
    let mut paints = Vec::new();
    for _ in 0..PAINTS {
        b.client.goto("about:blank").await.expect("blank");
        b.client.goto(&url).await.expect("the roll-call page");
        let title = b.client.title().await.unwrap_or_default();
        assert!(title.starts_with("Roll-call"), "signed in: {title}");
        let ms = b
            .client
            .execute_async(fcp, vec![])
            .await
            .expect("a first contentful paint");
        paints.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    b.close().await;
    paints.sort_by(f64::total_cmp);
    println!();
    println!(
        "first contentful paint, slow 3G ({SLOW_3G_LATENCY_MS} ms, {} kbit/s), {PAINTS} first visits: median {:.0} ms, worst {:.0} ms",
        SLOW_3G_BYTES_PER_S * 8 / 1000,
        paints[PAINTS / 2],
        paints[PAINTS - 1]
    );
}
