//! Schedule benchmark (issue 3): generating 24-session schedules for many groups, and
//! listing one facilitator's year with all of them in the database, each next to the raw
//! time to insert and to select the same rows through the same pool.

use chrono::{Duration, TimeZone, Utc};
use peergroup_domain::schedule::{self, ExclusionPolicy, ScheduleInput};
use peergroup_store::sessions::{SessionRange, SessionScope};
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait, Value};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Instant;

const WEEKDAYS: [&str; 5] = ["monday", "tuesday", "wednesday", "thursday", "friday"];
const ZONES: [&str; 4] = [
    "America/Vancouver",
    "America/New_York",
    "Europe/Madrid",
    "Asia/Kolkata",
];

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

pub(crate) fn placeholders(backend: DbBackend, rows: usize, columns: usize) -> String {
    let mut n = 0;
    (0..rows)
        .map(|_| {
            let row: Vec<String> = (0..columns)
                .map(|_| {
                    n += 1;
                    match backend {
                        DbBackend::Postgres => format!("${n}"),
                        _ => "?".to_string(),
                    }
                })
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn run(url: &str, pool: u32, groups: usize) -> anyhow::Result<()> {
    let store = crate::open_store(url, pool).await?;
    let (org, _) = crate::bench_org(&store).await?;
    let template = peergroup_domain::templates::find("tang-2015").unwrap();
    let program = store
        .create_program(org.id, &template.program, Some("tang-2015"))
        .await?;

    let started = Instant::now();
    let mut ids = Vec::with_capacity(groups);
    for i in 0..groups {
        let spec = serde_json::from_value(json!({
            "program_id": program.id, "name": format!("Group {i}"), "languages": ["en"],
            "timezone": ZONES[i % ZONES.len()], "venue": {"name": format!("Hall {i}")},
            "start_date": "2027-01-04", "weekdays": [WEEKDAYS[i % WEEKDAYS.len()]],
            "start_time": "18:00", "capacity": 12
        }))?;
        ids.push(store.create_group(org.id, &spec).await?.id);
    }
    let create_groups = started.elapsed();
    // One facilitator with three groups on three different weekdays.
    let person =
        serde_json::from_value(json!({"display_name": "Bench Peer", "preferred_language": "en"}))?;
    let peer = store.create_person(org.id, &person, crate::SEEDED).await?;
    let mine = [ids[0], ids[1], ids[2]];
    for g in mine {
        let spec = serde_json::from_value(json!({"person_id": peer.id, "role": "peer"}))?;
        peergroup_app::facilitators::assign(&store, org.id, g, &spec, None).await?;
    }

    // Ceiling: the same rows, computed beforehand, inserted raw: one multi-row INSERT per
    // group in its own transaction, through the same write connection.
    let db = store.write_connection();
    let backend = db.get_database_backend();
    let columns = "org_id, group_id, number, phase, number_in_phase, plan, local_date, local_time, starts_at, ends_at, minutes, status, sequence, kind, manual, created_at, updated_at";
    let sql = format!(
        "INSERT INTO sessions ({columns}) VALUES {}",
        placeholders(backend, 24, 17)
    );
    let none = BTreeSet::new();
    let mut rows_per_group = Vec::with_capacity(groups);
    for (i, g) in ids.iter().enumerate() {
        let tz: chrono_tz::Tz = ZONES[i % ZONES.len()].parse().unwrap();
        let weekday: peergroup_domain::group::Weekday =
            WEEKDAYS[i % WEEKDAYS.len()].parse().unwrap();
        let plan = schedule::generate(&ScheduleInput {
            phases: &template.program.phases,
            start_date: "2027-01-04".parse().unwrap(),
            weekdays: &[weekday],
            start_time: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            timezone: tz,
            exclusions: &none,
            policy: ExclusionPolicy::Skip,
        });
        let now = Utc::now();
        let mut values: Vec<Value> = Vec::with_capacity(24 * 17);
        for p in plan {
            values.extend(session_values(org.id, *g, &p, "scheduled", now));
        }
        rows_per_group.push(values);
    }
    let started = Instant::now();
    for values in rows_per_group {
        let txn = db.begin().await?;
        txn.execute_raw(Statement::from_sql_and_values(backend, &sql, values))
            .await?;
        txn.commit().await?;
    }
    let raw_insert = started.elapsed();
    // Emptied without leaving 240,000 dead rows behind on PostgreSQL, which every later
    // index scan would wade through until autovacuum came by.
    match backend {
        DbBackend::Postgres => {
            // This machine's PostgreSQL runs with autovacuum off: gather the statistics
            // autovacuum would have, on the full table, before emptying it.
            db.execute_unprepared("ANALYZE").await?;
            db.execute_unprepared("TRUNCATE sessions CASCADE").await?
        }
        _ => db.execute_unprepared("DELETE FROM sessions").await?,
    };

    let started = Instant::now();
    for g in &ids {
        let outcome = peergroup_app::schedules::generate(&store, org.id, *g, false).await?;
        assert_eq!(outcome.created, 24);
    }
    let generation = started.elapsed();

    // A facilitator's year, through the API's store function and as a raw SELECT.
    let from = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let to = from + Duration::days(365);
    let scope = SessionScope::Groups(mine.to_vec());
    let range = SessionRange::Instants { from, to };
    let raw_sql = match backend {
        DbBackend::Postgres => {
            "SELECT * FROM sessions WHERE org_id = $1 AND group_id IN ($2, $3, $4) AND starts_at >= $5 AND starts_at < $6 ORDER BY starts_at"
        }
        _ => {
            "SELECT * FROM sessions WHERE org_id = ? AND group_id IN (?, ?, ?) AND starts_at >= ? AND starts_at < ? ORDER BY starts_at"
        }
    };
    let read = store.read_connection();
    let (mut api, mut raw) = (Vec::new(), Vec::new());
    let mut listed = 0;
    for _ in 0..300 {
        let t = Instant::now();
        listed = store
            .list_sessions(org.id, &scope, range, None)
            .await?
            .len();
        api.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let values: Vec<Value> = vec![
            org.id.into(),
            mine[0].into(),
            mine[1].into(),
            mine[2].into(),
            from.into(),
            to.into(),
        ];
        read.query_all_raw(Statement::from_sql_and_values(backend, raw_sql, values))
            .await?;
        raw.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    api.sort_by(f64::total_cmp);
    raw.sort_by(f64::total_cmp);

    let rows = (groups * 24) as f64;
    println!(
        "backend: {backend:?}, pool: {pool}, {groups} groups × 24 sessions = {} rows; groups created in {:.1} s",
        groups * 24,
        create_groups.as_secs_f64()
    );
    println!("| measure | peergroup | raw, same pool | peergroup / raw |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| generate schedules (sessions/s) | {:.0} ({:.2} s) | {:.0} ({:.2} s) | {:.0}% |",
        rows / generation.as_secs_f64(),
        generation.as_secs_f64(),
        rows / raw_insert.as_secs_f64(),
        raw_insert.as_secs_f64(),
        100.0 * raw_insert.as_secs_f64() / generation.as_secs_f64()
    );
    println!(
        "| a facilitator's year, {listed} sessions of 3 groups: p50 / p99 ms | {:.2} / {:.2} | {:.2} / {:.2} | |",
        percentile(&api, 0.5),
        percentile(&api, 0.99),
        percentile(&raw, 0.5),
        percentile(&raw, 0.99)
    );
    store.close().await;
    Ok(())
}

/// One `sessions` row of a planned session, in the raw inserts' column order (org_id,
/// group_id, number, phase, number_in_phase, plan, local_date, local_time, starts_at,
/// ends_at, minutes, status, sequence, kind, manual, created_at, updated_at).
pub(crate) fn session_values(
    org: i64,
    group: i64,
    p: &peergroup_domain::schedule::PlannedSession,
    status: &str,
    now: chrono::DateTime<Utc>,
) -> [Value; 17] {
    [
        org.into(),
        group.into(),
        (p.number as i32).into(),
        (p.phase as i32).into(),
        (p.number_in_phase as i32).into(),
        p.plan.map(|x| x as i32).into(),
        p.local_date.into(),
        p.local_time.into(),
        p.starts_at.into(),
        p.ends_at().into(),
        i32::from(p.minutes).into(),
        status.into(),
        0i32.into(),
        "planned".into(),
        false.into(),
        now.into(),
        now.into(),
    ]
}
