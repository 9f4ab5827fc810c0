//! Attendance benchmark (issue 5): with 10,000 groups × 24 sessions × 12 participants in the
//! database, the latency of one 12-person roll-call including the missed-session rule,
//! roll-calls per second at 16 concurrent writers next to the raw transaction rate of the
//! same inserts through the same pool, and a full rebuild of all streaks and tasks.

use crate::schedule::{percentile, placeholders};
use chrono::{TimeZone, Utc};
use peergroup_app::roll_call::log_session;
use peergroup_domain::attendance::{AttendanceStatus, Mark, SessionLogSpec, SupportsDelivered};
use peergroup_domain::clock::ManualClock;
use peergroup_domain::schedule::{self, ExclusionPolicy, ScheduleInput};
use peergroup_store::{Store, StoreOptions};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait, Value};
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Instant;

const PEOPLE: usize = 12;
const SESSIONS: usize = 24;
/// Sessions already held (and marked) before the measured roll-calls.
const HISTORY: usize = 22;
const CONCURRENCY: usize = 16;

/// A status from a fixed pseudo-random sequence: 70% present, 10% late, 15% absent, 5%
/// excused, so that runs of three misses occur.
fn status(i: u64) -> AttendanceStatus {
    let x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) % 100;
    match x {
        0..70 => AttendanceStatus::Present,
        70..80 => AttendanceStatus::Late,
        80..95 => AttendanceStatus::Absent,
        _ => AttendanceStatus::Excused,
    }
}

/// Inserts rows with multi-row statements, a few thousand rows per transaction.
async fn bulk(
    db: &DatabaseConnection,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> anyhow::Result<()> {
    let backend = db.get_database_backend();
    let per_statement = (30_000 / columns.len()).min(1000);
    for chunk in rows.chunks(per_statement * 8) {
        let txn = db.begin().await?;
        for part in chunk.chunks(per_statement) {
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES {}",
                columns.join(", "),
                placeholders(backend, part.len(), columns.len())
            );
            let values: Vec<Value> = part.iter().flatten().cloned().collect();
            txn.execute_raw(Statement::from_sql_and_values(backend, &sql, values))
                .await?;
        }
        txn.commit().await?;
    }
    Ok(())
}

struct Seeded {
    org: i64,
    groups: Vec<i64>,
    /// Per group: its participants.
    people: Vec<Vec<i64>>,
    /// Per group: its sessions in order.
    sessions: Vec<Vec<i64>>,
}

async fn seed(store: &Store, org: i64, groups: usize) -> anyhow::Result<Seeded> {
    let db = store.write_connection();
    let now = Utc::now();
    let mut template = peergroup_domain::templates::find("tang-2015")
        .unwrap()
        .program
        .clone();
    // Only the missed-session rule: no planned calls or meetings.
    template.scheduled_contacts.clear();
    let program = store.create_program(org, &template, None).await?;
    let mut ids = Vec::with_capacity(groups);
    for i in 0..groups {
        let spec = serde_json::from_value(json!({
            "program_id": program.id, "name": format!("Group {i}"), "languages": ["en"],
            "timezone": "America/Vancouver", "venue": {"name": format!("Hall {i}")},
            "start_date": "2027-01-04", "weekdays": ["monday"],
            "start_time": "18:00", "capacity": 12
        }))?;
        ids.push(store.create_group(org, &spec).await?.id);
    }
    let plan = schedule::generate(&ScheduleInput {
        phases: &template.phases,
        start_date: "2027-01-04".parse()?,
        weekdays: &["monday".parse().unwrap()],
        start_time: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        timezone: chrono_tz::America::Vancouver,
        exclusions: &BTreeSet::new(),
        policy: ExclusionPolicy::Skip,
    });
    assert_eq!(plan.len(), SESSIONS);
    let mut rows = Vec::new();
    for g in &ids {
        for p in &plan {
            let held = (p.number as usize) <= HISTORY;
            let status = if held { "held" } else { "scheduled" };
            rows.push(crate::schedule::session_values(org, *g, p, status, now).to_vec());
        }
    }
    bulk(
        db,
        "sessions",
        &[
            "org_id",
            "group_id",
            "number",
            "phase",
            "number_in_phase",
            "plan",
            "local_date",
            "local_time",
            "starts_at",
            "ends_at",
            "minutes",
            "status",
            "sequence",
            "kind",
            "manual",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    .await?;
    // People: 12 participants and one peer facilitator per group.
    let rows: Vec<Vec<Value>> = (0..groups * (PEOPLE + 1))
        .map(|i| {
            vec![
                org.into(),
                format!("Person {i}").into(),
                "en".into(),
                now.into(),
                now.into(),
            ]
        })
        .collect();
    bulk(
        db,
        "people",
        &[
            "org_id",
            "display_name",
            "preferred_language",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    .await?;
    let first_person: i64 = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT MIN(id) AS id FROM people",
        ))
        .await?
        .unwrap()
        .try_get("", "id")?;
    let session_rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id, group_id, starts_at FROM sessions ORDER BY group_id, number",
        ))
        .await?;
    let mut sessions: Vec<Vec<(i64, chrono::DateTime<Utc>)>> = vec![Vec::new(); groups];
    let base = ids[0];
    for r in session_rows {
        let g: i64 = r.try_get("", "group_id")?;
        sessions[(g - base) as usize].push((r.try_get("", "id")?, r.try_get("", "starts_at")?));
    }
    let mut people = Vec::with_capacity(groups);
    let (mut enrollments, mut facilitators, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    let mut n = 0u64;
    for (gi, g) in ids.iter().enumerate() {
        let first = first_person + (gi * (PEOPLE + 1)) as i64;
        let group_people: Vec<i64> = (first..first + PEOPLE as i64).collect();
        for p in &group_people {
            enrollments.push(vec![
                org.into(),
                (*g).into(),
                (*p).into(),
                "enrolled".into(),
                now.into(),
                now.into(),
            ]);
        }
        facilitators.push(vec![
            org.into(),
            (*g).into(),
            (first + PEOPLE as i64).into(),
            "peer".into(),
            "peer_leader".into(),
            now.into(),
        ]);
        for (s, starts_at) in &sessions[gi][..HISTORY] {
            for p in &group_people {
                n += 1;
                let st = status(n);
                marks.push(vec![
                    org.into(),
                    (*g).into(),
                    (*s).into(),
                    (*p).into(),
                    (*starts_at).into(),
                    st.as_str().into(),
                    (st == AttendanceStatus::Excused).then_some("work").into(),
                ]);
            }
        }
        people.push(group_people);
    }
    bulk(
        db,
        "enrollments",
        &[
            "org_id",
            "group_id",
            "person_id",
            "status",
            "created_at",
            "updated_at",
        ],
        enrollments,
    )
    .await?;
    bulk(
        db,
        "facilitator_assignments",
        &[
            "org_id",
            "group_id",
            "person_id",
            "role",
            "program_role",
            "created_at",
        ],
        facilitators,
    )
    .await?;
    bulk(
        db,
        "attendance",
        &[
            "org_id",
            "group_id",
            "session_id",
            "person_id",
            "starts_at",
            "status",
            "reason",
        ],
        marks,
    )
    .await?;
    if db.get_database_backend() == DbBackend::Postgres {
        db.execute_unprepared("ANALYZE").await?;
    }
    Ok(Seeded {
        org,
        groups: ids,
        people,
        sessions: sessions
            .into_iter()
            .map(|s| s.into_iter().map(|(id, _)| id).collect())
            .collect(),
    })
}

fn roll_call(people: &[i64], salt: u64) -> SessionLogSpec {
    SessionLogSpec {
        held: true,
        started_at: None,
        minutes: None,
        facilitators_present: Vec::new(),
        attendance: people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let status = status(salt * 31 + i as u64);
                Mark {
                    person_id: *p,
                    status,
                    reason: (status == AttendanceStatus::Excused)
                        .then_some(peergroup_domain::attendance::AbsenceReason::Work),
                }
            })
            .collect(),
        topic_covered: Some(true),
        structure_skipped: Vec::new(),
        supports: SupportsDelivered::default(),
        note: None,
    }
}

/// The writes of one roll-call, raw, in one transaction: the log, its revision, the marks
/// and the session's status.
async fn raw_roll_call(
    db: &DatabaseConnection,
    org: i64,
    group: i64,
    session: i64,
    people: &[i64],
    user: i64,
) -> anyhow::Result<()> {
    let backend = db.get_database_backend();
    let p = |sql: &str| match backend {
        DbBackend::Postgres => {
            let mut n = 0;
            sql.chars()
                .map(|c| {
                    if c == '?' {
                        n += 1;
                        format!("${n}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        }
        _ => sql.to_string(),
    };
    let now = Utc::now();
    let txn = db.begin().await?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        p("INSERT INTO session_logs (org_id, group_id, session_id, held, facilitators_present, structure_skipped, supports, version, logged_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        [org.into(), group.into(), session.into(), true.into(), json!([]).into(), json!([]).into(), json!({}).into(), 1i32.into(), user.into(), now.into(), now.into()],
    ))
    .await?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        p("INSERT INTO session_log_revisions (org_id, session_id, version, changed_by, changed_at, log) VALUES (?, ?, ?, ?, ?, ?)"),
        [org.into(), session.into(), 1i32.into(), user.into(), now.into(), json!({}).into()],
    ))
    .await?;
    let values: Vec<Value> = people
        .iter()
        .flat_map(|person| {
            [
                org.into(),
                group.into(),
                session.into(),
                (*person).into(),
                now.into(),
                "present".into(),
            ]
        })
        .collect();
    let sql = format!(
        "INSERT INTO attendance (org_id, group_id, session_id, person_id, starts_at, status) VALUES {}",
        placeholders(backend, people.len(), 6)
    );
    txn.execute_raw(Statement::from_sql_and_values(backend, &sql, values))
        .await?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        p("UPDATE sessions SET status = 'held' WHERE org_id = ? AND id = ?"),
        [org.into(), session.into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn run(url: &str, pool: u32, groups: usize) -> anyhow::Result<()> {
    let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap());
    let store = Store::connect_with_clock(
        &StoreOptions {
            url: url.to_string(),
            max_connections: pool,
        },
        Arc::new(clock.clone()),
    )
    .await?;
    store.migrate().await?;
    let (org, token) = crate::bench_org(&store).await?;
    let who = store.authenticate(&token).await?.unwrap().principal;
    let started = Instant::now();
    let seeded = Arc::new(seed(&store, org.id, groups).await?);
    let seeding = started.elapsed();
    // Every session is in the past from here on.
    clock.set(Utc.with_ymd_and_hms(2027, 7, 1, 0, 0, 0).unwrap());

    let started = Instant::now();
    let first = peergroup_app::follow_up_rebuild::rebuild(&store).await?;
    let rebuild = started.elapsed();
    let started = Instant::now();
    let second = peergroup_app::follow_up_rebuild::rebuild(&store).await?;
    let recheck = started.elapsed();
    assert_eq!(second.participants_changed, 0);

    // Latency: one roll-call at a time, session 23 of the first quarter of the groups.
    let quarter = groups / 4;
    let mut latencies = Vec::with_capacity(quarter);
    let mut opened = 0;
    for gi in 0..quarter {
        let spec = roll_call(&seeded.people[gi], gi as u64);
        let t = Instant::now();
        let outcome = log_session(&store, &who, seeded.sessions[gi][HISTORY], &spec).await?;
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        opened += outcome.follow_ups.opened.len();
    }
    latencies.sort_by(f64::total_cmp);

    // Throughput at 16 writers: the second quarter through the store, the third raw.
    let rate = |range: std::ops::Range<usize>, raw: bool| {
        let store = store.clone();
        let seeded = seeded.clone();
        let who = who.clone();
        async move {
            let next = Arc::new(std::sync::atomic::AtomicUsize::new(range.start));
            let started = Instant::now();
            let mut workers = Vec::new();
            for _ in 0..CONCURRENCY {
                let (store, seeded, who, next) =
                    (store.clone(), seeded.clone(), who.clone(), next.clone());
                let end = range.end;
                workers.push(tokio::spawn(async move {
                    loop {
                        let gi = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if gi >= end {
                            return anyhow::Ok(());
                        }
                        let session = seeded.sessions[gi][HISTORY];
                        if raw {
                            raw_roll_call(
                                store.write_connection(),
                                seeded.org,
                                seeded.groups[gi],
                                session,
                                &seeded.people[gi],
                                who.user_id,
                            )
                            .await?;
                        } else {
                            let spec = roll_call(&seeded.people[gi], gi as u64);
                            log_session(&store, &who, session, &spec).await?;
                        }
                    }
                }));
            }
            for w in workers {
                w.await??;
            }
            anyhow::Ok(started.elapsed().as_secs_f64())
        }
    };
    // Alternating slices, so that both see the same state of the machine and the files.
    const SLICES: usize = 5;
    let slice = quarter / SLICES;
    let (mut raw_time, mut store_time) = (0.0, 0.0);
    for i in 0..SLICES {
        let raw_start = 2 * quarter + i * slice;
        raw_time += rate(raw_start..raw_start + slice, true).await?;
        let store_start = quarter + i * slice;
        store_time += rate(store_start..store_start + slice, false).await?;
    }
    let raw_rate = (SLICES * slice) as f64 / raw_time;
    let store_rate = (SLICES * slice) as f64 / store_time;

    let marks = first.marks + ((quarter + 2 * SLICES * slice) * PEOPLE) as u64;
    println!(
        "backend: {:?}, pool: {pool}, {groups} groups × {SESSIONS} sessions × {PEOPLE} participants; {} marks of history seeded in {:.1} s; {} marks at the end",
        store.backend(),
        first.marks,
        seeding.as_secs_f64(),
        marks
    );
    println!("| measure | peergroup | raw, same pool | peergroup / raw |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| one 12-person roll-call with the rule, 1 writer ({quarter} calls, {opened} tasks opened): p50 / p99 ms | {:.2} / {:.2} | | |",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99)
    );
    println!(
        "| roll-calls per second, {CONCURRENCY} concurrent writers ({quarter} each) | {store_rate:.0} | {raw_rate:.0} | {:.0}% |",
        100.0 * store_rate / raw_rate
    );
    println!(
        "| full rebuild of streaks and tasks ({} groups, {} marks, {} tasks opened) | {:.2} s | | |",
        first.groups,
        first.marks,
        first.opened,
        rebuild.as_secs_f64()
    );
    println!(
        "| rebuild again, nothing to change | {:.2} s | | |",
        recheck.as_secs_f64()
    );
    store.close().await;
    Ok(())
}
