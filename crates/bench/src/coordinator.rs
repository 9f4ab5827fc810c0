//! The coordinator's pages at an organization's full size (issue 20): 500 groups of 12
//! (6,000 participants), 17 marked sessions each (102,000 marks). Measured in one run:
//! - the dashboard and a group's page under load, each next to a bare handler doing the
//!   same reads;
//! - a 5,000-row CSV import previewed over HTTP, next to reading the file and the
//!   organization's people alone;
//! - the whole program's attendance exported over HTTP, next to reading the same rows in
//!   one SELECT through the same driver, with the process's resident memory before and at
//!   its peak during the download (the client drops each piece as it arrives).
//!
//! The app runs in this process, on a real port, on the same store as the bare handler.

use crate::{Args, Backend, bench_database, bench_org, load, open_store, rss_kib};
use anyhow::Context;
use axum::extract::State;
use axum::routing::get;
use chrono::{Datelike, Duration as Days, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::records::Principal;
use peergroup_store::Store;
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::time::{Duration, Instant};

const GROUPS: usize = 500;
const PER_GROUP: usize = 12;
/// Sessions of each group with a mark for everyone: 500 × 12 × 17 = 102,000 marks.
const MARKED_SESSIONS: i32 = 17;
const IMPORT_ROWS: usize = 5_000;

struct Seeded {
    org: Id,
    program: Id,
    coordinator: Principal,
}

async fn seed(store: &Store) -> anyhow::Result<Seeded> {
    let (org, _) = bench_org(store).await?;
    let template = peergroup_domain::templates::find("tang-2015").context("template")?;
    let program = store
        .create_program(org.id, &template.program, Some("tang-2015"))
        .await?;
    // Started three weeks ago, meeting two days from now: past sessions to mark, and
    // one in the coming week for the dashboard.
    let today = Utc::now().date_naive();
    let weekday = (today + Days::days(2)).weekday();
    let weekday = format!("{weekday:?}").to_lowercase();
    let weekday = match weekday.as_str() {
        "mon" => "monday",
        "tue" => "tuesday",
        "wed" => "wednesday",
        "thu" => "thursday",
        "fri" => "friday",
        "sat" => "saturday",
        _ => "sunday",
    };
    let started = Instant::now();
    let mut groups = Vec::with_capacity(GROUPS);
    for g in 0..GROUPS {
        let spec = serde_json::from_value(json!({
            "program_id": program.id, "name": format!("Group {g:03}"), "languages": ["pa-Guru"],
            "timezone": "America/Vancouver", "venue": {"name": "Hall", "address": "1 Example St"},
            "start_date": (today - Days::days(21)).to_string(), "weekdays": [weekday],
            "start_time": "18:00", "capacity": PER_GROUP
        }))?;
        let group = store.create_group(org.id, &spec).await?;
        peergroup_app::schedules::generate(store, org.id, group.id, true).await?;
        groups.push(group.id);
    }
    println!(
        "groups and schedules: {:.0} s",
        started.elapsed().as_secs_f64()
    );
    // People, places and supports written in bulk: their own write paths are measured
    // elsewhere, and one at a time they would take minutes here.
    let people: Vec<peergroup_domain::person::PersonSpec> = (0..GROUPS * PER_GROUP)
        .map(|n| {
            serde_json::from_value(json!({
                "display_name": format!("Participant {}-{}", n / PER_GROUP, n % PER_GROUP),
                "preferred_language": "pa-Guru", "phone": format!("+1604{:07}", 2_000_000 + n),
                "consent": {"sms_reminders": true, "source": "import"}
            }))
        })
        .collect::<Result<_, _>>()?;
    let tx = store.begin().await?;
    tx.insert_people(org.id, &people, Utc::now(), crate::SEEDED)
        .await?;
    tx.commit().await?;
    let db = store.write_connection();
    let ids: Vec<Id> = db
        .query_all_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT id FROM people WHERE org_id = $1 ORDER BY id",
            [org.id.into()],
        ))
        .await?
        .iter()
        .map(|row| row.try_get::<Id>("", "id"))
        .collect::<Result<_, _>>()?;
    let now = Utc::now().to_rfc3339();
    for (chunk_no, chunk) in ids.chunks(500).enumerate() {
        let values: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(i, person)| {
                let group = groups[(chunk_no * 500 + i) / PER_GROUP];
                format!(
                    "({}, {group}, {person}, 'enrolled', '{now}', '{now}')",
                    org.id
                )
            })
            .collect();
        db.execute_unprepared(&format!(
            "INSERT INTO enrollments (org_id, group_id, person_id, status, created_at, updated_at) VALUES {}",
            values.join(", ")
        ))
        .await?;
    }
    db.execute_raw(sea_orm::Statement::from_sql_and_values(
        db.get_database_backend(),
        "INSERT INTO support_needs (org_id, enrollment_id, kind, status, children_ages, created_at, updated_at) \
         SELECT e.org_id, MIN(e.id), 'childcare', 'requested', '[\"two_to_four\"]', MIN(e.created_at), MIN(e.created_at) \
         FROM enrollments e WHERE e.org_id = $1 GROUP BY e.org_id, e.group_id",
        [org.id.into()],
    ))
    .await?;
    let db = store.write_connection();
    let marked = db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "INSERT INTO attendance (org_id, group_id, session_id, person_id, starts_at, status) \
             SELECT s.org_id, s.group_id, s.id, e.person_id, s.starts_at, 'present' \
             FROM sessions s JOIN enrollments e ON e.group_id = s.group_id AND e.org_id = s.org_id \
             WHERE s.org_id = $1 AND s.number <= $2",
            [org.id.into(), MARKED_SESSIONS.into()],
        ))
        .await?
        .rows_affected();
    println!("marks written: {marked}");
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        // What autovacuum would have done by now (it is off on the bench machine).
        db.execute_unprepared("ANALYZE").await?;
    }
    let user_id = store
        .ensure_user(org.id, "lead@example.org", Role::Coordinator)
        .await?;
    Ok(Seeded {
        org: org.id,
        program: program.id,
        coordinator: Principal {
            org_id: org.id,
            user_id,
            email: "lead@example.org".into(),
            role: Role::Coordinator,
        },
    })
}

/// The organization of a database seeded by an earlier run.
async fn seeded(store: &Store) -> anyhow::Result<Seeded> {
    let (org, _) = bench_org(store).await?;
    let program = store
        .list_programs(
            org.id,
            peergroup_store::PageRequest {
                after: None,
                limit: 1,
            },
        )
        .await?
        .items
        .first()
        .context("a program")?
        .id;
    let user_id = store
        .ensure_user(org.id, "lead@example.org", Role::Coordinator)
        .await?;
    Ok(Seeded {
        org: org.id,
        program,
        coordinator: Principal {
            org_id: org.id,
            user_id,
            email: "lead@example.org".into(),
            role: Role::Coordinator,
        },
    })
}

/// Each part of the dashboard's reads, timed once: where its time goes.
async fn dashboard_parts(store: &Store, org: Id) -> anyhow::Result<()> {
    let now = store.clock().now();
    let mut parts = Vec::new();
    let t = Instant::now();
    store
        .coming_week(org, now, now + peergroup_app::dashboard::WEEK)
        .await?;
    parts.push(("coming week", t.elapsed()));
    let t = Instant::now();
    store.follow_up_counts(org).await?;
    parts.push(("follow-up counts", t.elapsed()));
    let t = Instant::now();
    store.facilitator_gaps(org).await?;
    parts.push(("training gaps", t.elapsed()));
    let week = store
        .coming_week(org, now, now + peergroup_app::dashboard::WEEK)
        .await?;
    let sessions: Vec<(Id, Id)> = week.iter().map(|s| (s.id, s.group_id)).collect();
    let t = Instant::now();
    store.needs_at(org, &sessions).await?;
    parts.push(("supports", t.elapsed()));
    let t = Instant::now();
    store.group_retention(org).await?;
    parts.push(("retention", t.elapsed()));
    let t = Instant::now();
    peergroup_app::outcomes::due_by_group(store, org, None, now).await?;
    parts.push(("assessments due", t.elapsed()));
    let line: Vec<String> = parts
        .iter()
        .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1000.0))
        .collect();
    println!("dashboard reads, one request alone: {}", line.join(", "));
    Ok(())
}

/// Each part of a group page's reads, timed once: where its time goes.
async fn group_parts(store: &Store, org: Id, id: Id) -> anyhow::Result<()> {
    use peergroup_store::sessions::{SessionRange, SessionScope};
    let mut line = Vec::new();
    let t = Instant::now();
    let (detail, _) = store.get_group_detail(org, id).await?;
    line.push(format!("group with roster {:.1} ms", ms(t)));
    let t = Instant::now();
    let program = store.get_program(org, detail.group.spec.program_id).await?;
    line.push(format!("program {:.1} ms", ms(t)));
    let t = Instant::now();
    let range = SessionRange::LocalDates {
        from: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
        to: chrono::NaiveDate::from_ymd_opt(2200, 1, 1).unwrap_or_default(),
    };
    store
        .list_sessions(org, &SessionScope::Groups(vec![id]), range, None)
        .await?;
    line.push(format!("sessions {:.1} ms", ms(t)));
    let t = Instant::now();
    let taken = detail.enrollments.iter().map(|e| e.person_id).collect();
    store
        .eligibility(org, &detail.group, &program.spec, &taken)
        .await?;
    line.push(format!("who could lead {:.1} ms", ms(t)));
    println!("group page reads, one request alone: {}", line.join(", "));
    Ok(())
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// The group page's reads alone (the group with its roster and facilitators, its program,
/// its sessions, who could lead it), answered with a count: the ceiling for its page.
async fn ceiling_group(
    State((store, org)): State<(Store, Id)>,
    axum::extract::Path(id): axum::extract::Path<Id>,
) -> String {
    use peergroup_store::sessions::{SessionRange, SessionScope};
    let read = async {
        let (detail, _) = store.get_group_detail(org, id).await?;
        let program = store.get_program(org, detail.group.spec.program_id).await?;
        let range = SessionRange::LocalDates {
            from: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            to: chrono::NaiveDate::from_ymd_opt(2200, 1, 1).unwrap_or_default(),
        };
        let sessions = store
            .list_sessions(org, &SessionScope::Groups(vec![id]), range, None)
            .await?;
        let taken = detail
            .enrollments
            .iter()
            .map(|e| e.person_id)
            .chain(detail.facilitators.iter().map(|a| a.spec.person_id))
            .collect();
        let candidates = store
            .eligibility(org, &detail.group, &program.spec, &taken)
            .await?;
        Ok::<_, peergroup_store::StoreError>(
            detail.enrollments.len()
                + program.spec.phases.len()
                + sessions.len()
                + candidates.len(),
        )
    };
    match read.await {
        Ok(n) => n.to_string(),
        Err(e) => format!("error: {e}"),
    }
}

/// The dashboard's reads alone, answered with a count: the ceiling for its page.
async fn ceiling_dashboard(State((store, org)): State<(Store, Id)>) -> String {
    match peergroup_app::dashboard::dashboard(&store, org).await {
        Ok(d) => d.week.len().to_string(),
        Err(e) => e.to_string(),
    }
}

pub(crate) async fn drive(args: &Args) -> anyhow::Result<()> {
    let (url, pool, dir) = bench_database(args).await?;
    // A database saved by an earlier run (PEERGROUP_BENCH_SAVE) is used as it is.
    let reuse = std::env::var("PEERGROUP_BENCH_REUSE")
        .ok()
        .zip(dir.as_ref());
    if let Some((saved, dir)) = &reuse {
        std::fs::copy(saved, dir.path().join("bench.db"))?;
    }
    let store = open_store(&url, pool).await?;
    let started = Instant::now();
    let seeded = match reuse {
        Some(_) => seeded(&store).await?,
        None => seed(&store).await?,
    };
    println!(
        "backend: {:?}, pool: {pool}, {GROUPS} groups × {PER_GROUP} participants, seeded in {:.0} s, {} cores",
        args.backend,
        started.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    if let (Ok(path), Backend::Sqlite) = (std::env::var("PEERGROUP_BENCH_SAVE"), args.backend) {
        // A copy of the seeded database, to look into with other tools.
        let db = store.write_connection();
        db.execute_unprepared(&format!("VACUUM INTO '{}'", path.replace('\'', "")))
            .await?;
        println!("seeded database saved to {path}");
    }
    dashboard_parts(&store, seeded.org).await?;
    let login = store.start_login_session(&seeded.coordinator).await?;
    let app = peergroup_web::app(peergroup_web::AppState::new(store.clone()));
    let ceiling = axum::Router::new()
        .route("/ceiling/dashboard", get(ceiling_dashboard))
        .route("/ceiling/groups/{id}", get(ceiling_group))
        .with_state((store.clone(), seeded.org));
    let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let ceiling_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", app_listener.local_addr()?);
    let bare = format!("http://{}", ceiling_listener.local_addr()?);
    tokio::spawn(async move { axum::serve(app_listener, app).await });
    tokio::spawn(async move { axum::serve(ceiling_listener, ceiling).await });
    let cookie = format!("pg_login={}", login.secret);
    let pid = std::process::id();
    let filter = peergroup_store::groups::GroupFilter {
        status: None,
        program_id: None,
        only: None,
    };
    let all = peergroup_store::PageRequest {
        after: None,
        limit: GROUPS as u64,
    };
    let groups: std::sync::Arc<Vec<Id>> = std::sync::Arc::new(
        store
            .list_groups(seeded.org, &filter, all)
            .await?
            .items
            .iter()
            .map(|g| g.id)
            .collect(),
    );

    if let Some(&first) = groups.first() {
        group_parts(&store, seeded.org, first).await?;
        group_parts(&store, seeded.org, first).await?;
    }
    println!();
    println!("| scenario | conns | req/s | p50 ms | p99 ms | errors | % of bare reads |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &conns in &args.connections {
        let bare_url = format!("{bare}/ceiling/dashboard");
        let reads = load(
            conns,
            args.seconds,
            pid,
            move |c: &reqwest::Client, _, _| c.get(&bare_url),
        )
        .await;
        let (page_url, page_cookie) = (format!("{base}/dashboard"), cookie.clone());
        let page = load(
            conns,
            args.seconds,
            pid,
            move |c: &reqwest::Client, _, _| {
                c.get(&page_url)
                    .header("cookie", &page_cookie)
                    .header("accept-encoding", "gzip")
            },
        )
        .await;
        // The group page, of a different group each time.
        let pick = {
            let groups = groups.clone();
            move |w: usize, n: u64| groups[(w * 7919 + n as usize) % groups.len()]
        };
        let bare_group = bare.clone();
        let group_reads = load(
            conns,
            args.seconds,
            pid,
            move |c: &reqwest::Client, w, n| {
                c.get(format!("{bare_group}/ceiling/groups/{}", pick(w, n)))
            },
        )
        .await;
        let pick = {
            let groups = groups.clone();
            move |w: usize, n: u64| groups[(w * 7919 + n as usize) % groups.len()]
        };
        let (group_base, group_cookie) = (base.clone(), cookie.clone());
        let group_page = load(
            conns,
            args.seconds,
            pid,
            move |c: &reqwest::Client, w, n| {
                c.get(format!("{group_base}/groups/{}", pick(w, n)))
                    .header("cookie", &group_cookie)
                    .header("accept-encoding", "gzip")
            },
        )
        .await;
        for (name, o, bare) in [
            ("ceiling: the dashboard's reads, no page", &reads, &reads),
            ("GET /dashboard page, signed in, gzip", &page, &reads),
            (
                "ceiling: a group page's reads, no page",
                &group_reads,
                &group_reads,
            ),
            (
                "GET /groups/{id} page, signed in, gzip",
                &group_page,
                &group_reads,
            ),
        ] {
            println!(
                "| {name} | {conns} | {:.0} | {:.2} | {:.2} | {} | {:.0}% |",
                o.rps,
                o.p50_ms,
                o.p99_ms,
                o.errors,
                100.0 * o.rps / bare.rps.max(f64::MIN_POSITIVE)
            );
        }
    }

    import(&store, &base, &cookie, &login.csrf_token, seeded.org).await?;
    export(&store, &base, &cookie, seeded.org, seeded.program).await?;
    if args.backend == Backend::Postgres {
        drop(store);
        let admin = sea_orm::Database::connect(format!("{}/postgres", args.pg)).await?;
        admin
            .execute_unprepared("DROP DATABASE IF EXISTS peergroup_bench WITH (FORCE)")
            .await?;
    }
    Ok(())
}

fn median(mut runs: Vec<f64>) -> (f64, f64) {
    runs.sort_by(f64::total_cmp);
    (runs[runs.len() / 2], runs[runs.len() - 1])
}

async fn import(
    store: &Store,
    base: &str,
    cookie: &str,
    csrf: &str,
    org: Id,
) -> anyhow::Result<()> {
    let mut file = String::from("name,language,email,phone,consent_sms_reminders\n");
    for i in 0..IMPORT_ROWS {
        // Every tenth row is someone already there, every fiftieth has a bad phone.
        if i % 10 == 0 {
            file.push_str(&format!("Participant {}-0,pa-Guru,,,\n", i / 10));
        } else if i % 50 == 1 {
            file.push_str(&format!("Новий {i},uk,,12345,yes\n"));
        } else {
            file.push_str(&format!(
                "Новий учасник {i},uk,n{i}@example.org,+1604555{i:04},yes\n"
            ));
        }
    }
    let client = reqwest::Client::new();
    let mut http = Vec::new();
    let mut bare = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.to_string())
            .text("step", "preview")
            .part(
                "file",
                reqwest::multipart::Part::bytes(file.clone().into_bytes()).file_name("p.csv"),
            );
        let r = client
            .post(format!("{base}/participants/import"))
            .header("cookie", cookie)
            .header("sec-fetch-site", "same-origin")
            .multipart(form)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "preview: {}", r.status());
        let body = r.text().await?.replace(['\u{2068}', '\u{2069}'], "");
        anyhow::ensure!(body.contains("To add: 4400."), "the preview's counts");
        http.push(started.elapsed().as_secs_f64());

        let started = Instant::now();
        let mut reader = csv::Reader::from_reader(file.as_bytes());
        let rows = reader.records().filter(Result::is_ok).count();
        let known = store.known_people(org).await?;
        anyhow::ensure!(rows == IMPORT_ROWS && known.len() >= GROUPS * PER_GROUP);
        bare.push(started.elapsed().as_secs_f64());
    }
    let (http, http_max) = median(http);
    let (bare, _) = median(bare);
    println!();
    println!(
        "| {IMPORT_ROWS}-row CSV import preview | median s | slowest s | ceiling: read the file and the people, s |"
    );
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| POST /participants/import (preview page) | {http:.3} | {http_max:.3} | {bare:.3} |"
    );
    Ok(())
}

async fn export(
    store: &Store,
    base: &str,
    cookie: &str,
    org: Id,
    program: Id,
) -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    let pid = std::process::id();
    let url = format!("{base}/exports/programs/{program}/attendance.csv");
    let mut runs = Vec::new();
    let (mut rows, mut bytes, mut before, mut peak) = (0, 0, 0, 0);
    for _ in 0..3 {
        before = rss_kib(pid);
        peak = before;
        let started = Instant::now();
        let mut r = client.get(&url).header("cookie", cookie).send().await?;
        anyhow::ensure!(r.status().is_success(), "export: {}", r.status());
        (rows, bytes) = (0, 0);
        let mut sampled = Instant::now();
        while let Some(piece) = r.chunk().await? {
            rows += piece.iter().filter(|b| **b == b'\n').count();
            bytes += piece.len();
            if sampled.elapsed() > Duration::from_millis(20) {
                peak = peak.max(rss_kib(pid));
                sampled = Instant::now();
            }
        }
        runs.push(started.elapsed().as_secs_f64());
    }
    let (http, http_max) = median(runs);
    let db = store.read_connection();
    let started = Instant::now();
    let all = db
        .query_all_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT a.session_id, a.person_id, a.status, a.reason FROM attendance a WHERE a.org_id = $1",
            [org.into()],
        ))
        .await?;
    let bare = started.elapsed().as_secs_f64();
    println!();
    println!(
        "| attendance export, whole program | rows | MB | median s | slowest s | ceiling: one SELECT of the marks, s | RSS before → peak MiB |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| GET /exports/programs/{{id}}/attendance.csv | {} | {:.1} | {http:.3} | {http_max:.3} | {bare:.3} ({} rows) | {:.0} → {:.0} |",
        rows - 1,
        bytes as f64 / 1e6,
        all.len(),
        before as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    Ok(())
}
