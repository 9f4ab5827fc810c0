//! `peergroup-bench`: requests per second and latency of the API next to a ceiling measured
//! in the same run, and the server's resident memory.
//!
//! The parent process starts itself again as the server (`serve`), which runs the real app on
//! one port, the app keeping no group details on a second, and bare axum handlers on a third,
//! all on the same store and pool:
//! `/ceiling/select` does one primary-key SELECT, `/ceiling/insert` one INSERT. The parent
//! drives closed-loop load over keep-alive HTTP/1.1 connections and samples the server's RSS.

use anyhow::{Context, bail};
use axum::extract::State;
use axum::routing::{get, post};
use clap::{Parser, ValueEnum};
use peergroup_domain::org::Role;
use peergroup_domain::values::{Email, Name, Slug};
use peergroup_store::{Store, StoreOptions};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// mimalloc: fewer and cheaper allocator calls on the request path than glibc malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

/// The bench's people are written by the system, as its seed.
const SEEDED: peergroup_domain::access_log::By<'static> = peergroup_domain::access_log::By {
    user: None,
    route: "bench seed",
};

mod attendance;
mod coordinator;
mod pages;
mod reminders;
mod schedule;
mod sms;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq)]
enum Scenario2 {
    /// HTTP API against its ceilings (issue 2).
    Api,
    /// Schedule generation and a facilitator's year (issue 3).
    Schedule,
    /// Roll-calls with the missed-session rule, and a full rebuild (issue 5).
    Attendance,
    /// Reminder planning, delivery to a local SMTP sink, and the job queue (issue 6).
    Reminders,
    /// The roll-call page: served rate against a bare handler, its weight, and first
    /// contentful paint in Chromium on a slow link (issue 19).
    Pages,
    /// The coordinator's dashboard, a 5,000-row import preview and a 100,000-row export
    /// at 500 groups (issue 20).
    Coordinator,
    /// Reminders texted through a real Kannel, next to a bare sendsms loop (issue 22).
    Sms,
}

#[derive(Parser)]
pub(crate) struct Args {
    #[arg(long, value_enum, default_value = "api")]
    scenario: Scenario2,
    /// Groups for the schedule and attendance scenarios.
    #[arg(long, default_value_t = 10_000)]
    groups: usize,
    #[arg(long, value_enum, default_value = "sqlite")]
    backend: Backend,
    /// Seconds of load per scenario (after one second of warm-up).
    #[arg(long, default_value_t = 5.0)]
    seconds: f64,
    #[arg(long, value_delimiter = ',', default_value = "1,16,64")]
    connections: Vec<usize>,
    /// Pool size for the server.
    #[arg(long)]
    pool: Option<u32>,
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432")]
    pg: String,
    /// Internal: run as the server on this database URL.
    #[arg(long, hide = true)]
    serve: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let rt = tokio::runtime::Runtime::new()?;
    match &args.serve {
        Some(url) => rt.block_on(serve(url, args.pool.unwrap_or(8))),
        None if args.scenario == Scenario2::Pages => rt.block_on(pages::drive(&args)),
        None if args.scenario == Scenario2::Coordinator => rt.block_on(coordinator::drive(&args)),
        None if args.scenario != Scenario2::Api => rt.block_on(database_bench(&args)),
        None => rt.block_on(drive(&args)),
    }
}

// ---------------------------------------------------------------- server side

#[derive(Clone)]
struct Ceiling {
    store: Store,
    group_id: i64,
    org_id: i64,
    counter: Arc<AtomicU64>,
    /// For the roll-call page's bare handler: the app's state, the facilitator and the
    /// session.
    pages: peergroup_web::AppState,
    facilitator: peergroup_domain::records::Principal,
    session_id: i64,
}

/// The roll-call page rendered by a bare handler: the same reads and template as the page,
/// with no sign-in, CSRF, compression or other layer.
async fn ceiling_roll_call(State(c): State<Ceiling>) -> axum::response::Response {
    use axum::response::IntoResponse;
    match peergroup_web::pages::render_roll_call(&c.pages, &c.facilitator, "csrf", c.session_id)
        .await
    {
        Ok(page) => page,
        Err(e) => e.into_response(),
    }
}

async fn ceiling_select(
    State(c): State<Ceiling>,
) -> Result<axum::Json<serde_json::Value>, axum::http::StatusCode> {
    let db = c.store.read_connection();
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => {
                "SELECT id, name, status FROM peer_groups WHERE id = $1"
            }
            _ => "SELECT id, name, status FROM peer_groups WHERE id = ?",
        },
        [c.group_id.into()],
    );
    let row = db
        .query_one_raw(stmt)
        .await
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?
        .ok_or(axum::http::StatusCode::NOT_FOUND)?;
    let name: String = row.try_get("", "name").unwrap_or_default();
    Ok(axum::Json(json!({"id": c.group_id, "name": name})))
}

async fn ceiling_insert(
    State(c): State<Ceiling>,
) -> Result<axum::http::StatusCode, axum::http::StatusCode> {
    let db = c.store.write_connection();
    let n = c.counter.fetch_add(1, Ordering::Relaxed);
    let now = chrono::Utc::now();
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO people (org_id, display_name, preferred_language, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)"
        }
        _ => {
            "INSERT INTO people (org_id, display_name, preferred_language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
        }
    };
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        [
            c.org_id.into(),
            format!("Ceiling {n}").into(),
            "en".into(),
            now.into(),
            now.into(),
        ],
    );
    db.execute_raw(stmt)
        .await
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(axum::http::StatusCode::CREATED)
}

async fn serve(url: &str, pool: u32) -> anyhow::Result<()> {
    let store = crate::open_store(url, pool).await?;
    let (org, token) = bench_org(&store).await?;
    let group_id = seed(&store, org.id).await?;
    // The group's peer facilitator, signed in to the pages, and its first session.
    peergroup_app::schedules::generate(&store, org.id, group_id, false).await?;
    let user_id = store
        .ensure_user(org.id, "p12@example.org", Role::Facilitator)
        .await?;
    let facilitator = peergroup_domain::records::Principal {
        org_id: org.id,
        user_id,
        email: "p12@example.org".into(),
        role: Role::Facilitator,
    };
    let login = store.start_login_session(&facilitator).await?;
    let session_id = store
        .list_sessions(
            org.id,
            &peergroup_store::sessions::SessionScope::Groups(vec![group_id]),
            peergroup_store::sessions::SessionRange::Instants {
                from: chrono::Utc::now() - chrono::Duration::days(3650),
                to: chrono::Utc::now() + chrono::Duration::days(3650),
            },
            None,
        )
        .await?
        .first()
        .context("a session")?
        .id;

    let app = peergroup_web::app(peergroup_web::AppState::new(store.clone()));
    // The same app keeping no group details, so that every answer reads the whole roster.
    let cold = peergroup_web::app(peergroup_web::AppState::new(store.clone()).with_detail_cache(0));
    let ceiling = axum::Router::new()
        .route("/ceiling/select", get(ceiling_select))
        .route("/ceiling/insert", post(ceiling_insert))
        .route("/ceiling/roll-call", get(ceiling_roll_call))
        .with_state(Ceiling {
            pages: peergroup_web::AppState::new(store.clone()),
            store,
            group_id,
            org_id: org.id,
            counter: Arc::new(AtomicU64::new(0)),
            facilitator,
            session_id,
        });
    let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let ceiling_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let cold_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!(
        "READY {} {} {} {} {} {} {}",
        app_listener.local_addr()?,
        ceiling_listener.local_addr()?,
        cold_listener.local_addr()?,
        token,
        group_id,
        login.secret,
        session_id
    );
    // The application is served as the binary serves it (its timeouts and all); the
    // ceilings as bare axum.
    let timeouts = peergroup::Config::load_from(None, Vec::new())?
        .server
        .timeouts();
    let a = tokio::spawn(peergroup::serve::serve(
        app_listener,
        app,
        timeouts,
        std::future::pending(),
    ));
    let b = tokio::spawn(async move { axum::serve(ceiling_listener, ceiling).await });
    let c = tokio::spawn(peergroup::serve::serve(
        cold_listener,
        cold,
        timeouts,
        std::future::pending(),
    ));
    let _ = tokio::join!(a, b, c);
    Ok(())
}

/// The store at `url` with a pool of `pool`, migrated.
pub(crate) async fn open_store(url: &str, pool: u32) -> anyhow::Result<Store> {
    let store = Store::connect(&StoreOptions {
        url: url.to_string(),
        max_connections: pool,
    })
    .await?;
    store.migrate().await?;
    Ok(store)
}

/// The benchmark's organization and a coordinator's token secret.
pub(crate) async fn bench_org(
    store: &Store,
) -> anyhow::Result<(peergroup_domain::records::Organization, String)> {
    let (org, _) = store
        .ensure_organization(
            &Slug::parse("bench").unwrap(),
            &Name::parse("Bench").unwrap(),
        )
        .await?;
    let token = store
        .issue_token(
            &org,
            &Email::parse("bench@example.org").unwrap(),
            Role::Coordinator,
            "bench",
            true,
            None,
        )
        .await?;
    Ok((org, token.secret))
}

/// A program, a group with 12 participants and 2 facilitators, as the API would make them.
async fn seed(store: &Store, org: i64) -> anyhow::Result<i64> {
    let template = peergroup_domain::templates::find("tang-2015").context("template")?;
    let program = store
        .create_program(org, &template.program, Some("tang-2015"))
        .await?;
    let group = serde_json::from_value(json!({
        "program_id": program.id, "name": "Bench group", "languages": ["pa-Guru"],
        "timezone": "America/Vancouver", "venue": {"name": "Hall", "address": "1 Example St"},
        "start_date": "2027-01-06", "weekdays": ["wednesday"], "start_time": "18:00", "capacity": 12
    }))?;
    let group = store.create_group(org, &group).await?;
    for i in 0..14 {
        let person = serde_json::from_value(json!({
            "display_name": format!("Participant {i}"), "preferred_language": "pa-Guru",
            "email": format!("p{i}@example.org"), "phone": "+16045550123", "consent": {"email_reminders": true, "sms_reminders": true, "source": "on_paper"}
        }))?;
        let person = store.create_person(org, &person, crate::SEEDED).await?;
        if i < 12 {
            peergroup_app::enrollments::enroll(store, org, group.id, person.id).await?;
        } else {
            let spec = serde_json::from_value(
                json!({"person_id": person.id, "role": if i == 12 { "peer" } else { "professional" }}),
            )?;
            peergroup_app::facilitators::assign(store, org, group.id, &spec, None).await?;
        }
    }
    Ok(group.id)
}

// ---------------------------------------------------------------- driver side

pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) app: String,
    pub(crate) ceiling: String,
    /// The app without kept group details.
    cold: String,
    token: String,
    group_id: i64,
    /// The facilitator's sign-in cookie value, and the session of the roll-call page.
    pub(crate) cookie: String,
    pub(crate) session_id: i64,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start_server(url: &str, pool: u32) -> anyhow::Result<Server> {
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe)
        .args(["--serve", url, "--pool", &pool.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let stdout = child.stdout.take().context("stdout")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.len() != 8 || parts[0] != "READY" {
        bail!("server did not start: {line}");
    }
    Ok(Server {
        child,
        app: format!("http://{}", parts[1]),
        ceiling: format!("http://{}", parts[2]),
        cold: format!("http://{}", parts[3]),
        token: parts[4].to_string(),
        group_id: parts[5].parse()?,
        cookie: format!("pg_login={}", parts[6]),
        session_id: parts[7].parse()?,
    })
}

pub(crate) fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Scenario {
    CeilingSelect,
    GetGroup,
    GetGroupCold,
    CeilingInsert,
    CreatePerson,
    CeilingRollCall,
    RollCallPage,
}

impl Scenario {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Scenario::CeilingSelect => "ceiling: bare PK SELECT",
            Scenario::GetGroup => "GET /groups/{id} (12 enrolments)",
            Scenario::GetGroupCold => "GET /groups/{id}, no kept details",
            Scenario::CeilingInsert => "ceiling: bare INSERT",
            Scenario::CreatePerson => "POST /people",
            Scenario::CeilingRollCall => "ceiling: bare handler rendering the roll-call",
            Scenario::RollCallPage => "GET /sessions/{id} page, signed in, gzip",
        }
    }
}

pub(crate) struct Outcome {
    pub(crate) rps: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) errors: u64,
    pub(crate) peak_rss_kib: u64,
}

pub(crate) async fn run(
    server: &Server,
    scenario: Scenario,
    connections: usize,
    seconds: f64,
) -> Outcome {
    let (app, ceiling, cold, token, group) = (
        server.app.clone(),
        server.ceiling.clone(),
        server.cold.clone(),
        server.token.clone(),
        server.group_id,
    );
    let (cookie, session) = (server.cookie.clone(), server.session_id);
    let request = move |client: &reqwest::Client, w: usize, n: u64| {
        match scenario {
        Scenario::CeilingSelect => client.get(format!("{ceiling}/ceiling/select")),
        Scenario::CeilingInsert => client.post(format!("{ceiling}/ceiling/insert")),
        Scenario::GetGroup => client.get(format!("{app}/api/v1/groups/{group}")).bearer_auth(&token),
        Scenario::GetGroupCold => client.get(format!("{cold}/api/v1/groups/{group}")).bearer_auth(&token),
        Scenario::CreatePerson => client.post(format!("{app}/api/v1/people")).bearer_auth(&token).json(&json!({
            "display_name": format!("Bench person {w}-{n}"), "preferred_language": "ar",
            // Each person their own address, as in life: a shared one lists
            // every earlier holder in `same_email_as`.
            "email": format!("bench.{connections}.{w}.{n}@example.org"), "phone": "+16045550123",
            "consent": {"email_reminders": true, "sms_reminders": true, "source": "on_paper"}
        })),
        Scenario::CeilingRollCall => client
            .get(format!("{ceiling}/ceiling/roll-call"))
            .header("accept-encoding", "gzip"),
        Scenario::RollCallPage => client
            .get(format!("{app}/sessions/{session}"))
            .header("cookie", &cookie)
            .header("accept-encoding", "gzip"),
    }
    };
    load(connections, seconds, server.child.id(), request).await
}

/// Closed-loop load: `connections` keep-alive clients each send `request(client, worker,
/// n)` and wait for the whole answer, for one second of warm-up then `seconds` measured,
/// while the resident memory of process `pid` is sampled.
pub(crate) async fn load<F>(connections: usize, seconds: f64, pid: u32, request: F) -> Outcome
where
    F: Fn(&reqwest::Client, usize, u64) -> reqwest::RequestBuilder + Clone + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    let measuring = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let mut workers = Vec::new();
    for w in 0..connections {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let (stop, measuring, errors) = (stop.clone(), measuring.clone(), errors.clone());
        let request = request.clone();
        workers.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(100_000);
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let started = Instant::now();
                let ok = match request(&client, w, n).send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if measuring.load(Ordering::Relaxed) {
                    if ok {
                        latencies.push(started.elapsed().as_micros() as u32);
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            latencies
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    measuring.store(true, Ordering::Relaxed);
    let started = Instant::now();
    let mut peak = 0;
    while started.elapsed().as_secs_f64() < seconds {
        tokio::time::sleep(Duration::from_millis(100)).await;
        peak = peak.max(rss_kib(pid));
    }
    measuring.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap_or_default());
    }
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    Outcome {
        rps: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        errors: errors.load(Ordering::Relaxed),
        peak_rss_kib: peak,
    }
}

/// The database the server benchmarks on: a fresh SQLite file (kept while the returned
/// directory lives) or a fresh PostgreSQL database, with the pool size to use.
pub(crate) async fn bench_database(
    args: &Args,
) -> anyhow::Result<(String, u32, Option<tempfile::TempDir>)> {
    Ok(match args.backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir()?;
            (
                format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("bench.db").display()
                ),
                args.pool.unwrap_or(8),
                Some(dir),
            )
        }
        Backend::Postgres => {
            let admin = sea_orm::Database::connect(format!("{}/postgres", args.pg)).await?;
            admin
                .execute_unprepared("DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)")
                .await?;
            admin
                .execute_unprepared("CREATE DATABASE peergroup_bench")
                .await?;
            admin.close().await?;
            (
                format!("{}/peergroup_bench", args.pg),
                args.pool.unwrap_or(16),
                None,
            )
        }
    })
}

async fn drive(args: &Args) -> anyhow::Result<()> {
    let (url, pool, _dir) = bench_database(args).await?;
    let server = start_server(&url, pool)?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = rss_kib(server.child.id());
    println!(
        "backend: {:?}, pool: {pool}, {} s per run after 1 s warm-up, {} cores; server idle RSS {:.1} MiB",
        args.backend,
        args.seconds,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        idle as f64 / 1024.0
    );
    println!(
        "| scenario | conns | req/s | p50 ms | p99 ms | errors | % of SELECT ceiling | % of INSERT ceiling | peak RSS MiB |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let share =
        |rps: f64, ceiling: f64| format!("{:.0}%", 100.0 * rps / ceiling.max(f64::MIN_POSITIVE));
    for &conns in &args.connections {
        let mut outcomes = Vec::new();
        for scenario in [
            Scenario::CeilingSelect,
            Scenario::GetGroup,
            Scenario::GetGroupCold,
            Scenario::CeilingInsert,
            Scenario::CreatePerson,
        ] {
            outcomes.push((scenario, run(&server, scenario, conns, args.seconds).await));
        }
        let rps = |wanted: Scenario| {
            outcomes
                .iter()
                .find(|(s, _)| *s == wanted)
                .map_or(0.0, |(_, o)| o.rps)
        };
        let (select, insert) = (rps(Scenario::CeilingSelect), rps(Scenario::CeilingInsert));
        for (scenario, o) in outcomes {
            println!(
                "| {} | {conns} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {:.1} |",
                scenario.name(),
                o.rps,
                o.p50_ms,
                o.p99_ms,
                o.errors,
                share(o.rps, select),
                share(o.rps, insert),
                o.peak_rss_kib as f64 / 1024.0
            );
        }
    }
    drop(server);
    if args.backend == Backend::Postgres {
        let admin = sea_orm::Database::connect(format!("{}/postgres", args.pg)).await?;
        admin
            .execute_unprepared("DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)")
            .await?;
    }
    Ok(())
}

/// Runs a scenario that talks to the store directly, on a fresh database.
async fn database_bench(args: &Args) -> anyhow::Result<()> {
    let scenario = |url: String, pool: u32| async move {
        match args.scenario {
            Scenario2::Attendance => attendance::run(&url, pool, args.groups).await,
            Scenario2::Reminders => reminders::run(&url, pool, args.groups).await,
            Scenario2::Sms => sms::run(&url, pool).await,
            _ => schedule::run(&url, pool, args.groups).await,
        }
    };
    match args.backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir()?;
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            );
            scenario(url, args.pool.unwrap_or(8)).await
        }
        Backend::Postgres => {
            let admin = sea_orm::Database::connect(format!("{}/postgres", args.pg)).await?;
            admin
                .execute_unprepared("DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)")
                .await?;
            admin
                .execute_unprepared("CREATE DATABASE peergroup_bench")
                .await?;
            let result = scenario(
                format!("{}/peergroup_bench", args.pg),
                args.pool.unwrap_or(16),
            )
            .await;
            admin
                .execute_unprepared("DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)")
                .await?;
            result
        }
    }
}
