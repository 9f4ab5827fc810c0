//! SMS benchmark (issue 22): reminders texted through a real Kannel to the test SMSC by the
//! worker, next to a bare loop of `sendsms` calls of the same text to the same Kannel in the
//! same run. Both are timed until the SMSC holds every part.

use crate::reminders::{Reach, groups_at, run_worker_until};
use chrono::{Duration, Utc};
use peergroup_blackbox::kannel::{self, Kannel};
use peergroup_domain::org::OrgSettings;
use peergroup_jobs::Runtime;
use peergroup_store::{MarksWritten, Store};
use std::time::Instant;

/// Participants texted, in groups of 12.
const GROUPS: usize = 250;
const PER_GROUP: usize = 12;

pub async fn run(url: &str, pool: u32) -> anyhow::Result<()> {
    let store = crate::open_store(url, pool).await?;
    println!("backend: {:?}, pool: {pool}", store.backend());
    let n = GROUPS * PER_GROUP;
    let kannel = Kannel::start("http://127.0.0.1:9/unused").await;
    setup(&store, Utc::now() + Duration::hours(6)).await?;

    // What this Kannel takes at its best here: 16 calls at a time.
    let best = bare_loop(&kannel, n, 16).await?;

    // peergroup: plan, fan out, write each SMS and hand it to Kannel.
    peergroup_app::reminders::plan(&store, Duration::hours(168)).await?;
    let pipeline = n as f64 / text_until_sent(&store, &kannel, 4).await?;

    // Texting alone: the same messages queued again, for two numbers of parallel sends, each
    // right after a bare loop with as many calls at a time.
    let mut texting = Vec::new();
    for parallel in [4u32, 16] {
        let bare = bare_loop(&kannel, n, parallel as usize).await?;
        crate::reminders::queue_again(&store).await?;
        let before = store.marks_written();
        let rate = n as f64 / text_until_sent(&store, &kannel, parallel).await?;
        let together = marks_per_statement(before, &store);
        texting.push((parallel, bare, rate, together));
    }

    println!("\n### Texting {n} reminders through Kannel to a local SMSC\n");
    println!(
        "| measure | SMS/s | % of the bare loop at as many calls at a time | % of the bare loop at 16 |"
    );
    println!("| --- | ---: | ---: | ---: |");
    let pct = |rate: f64, of: f64| format!("{:.0}%", 100.0 * rate / of);
    println!("| bare sendsms loop, 16 calls at a time | {best:.0} | 100% | 100% |");
    println!(
        "| peergroup: plan, fan out and text (sms.parallel_sends 4, the default) | {pipeline:.0} | — | {} |",
        pct(pipeline, best)
    );
    for (parallel, bare, rate, together) in texting {
        println!(
            "| bare sendsms loop, {parallel} calls at a time | {bare:.0} | 100% | {} |",
            pct(bare, best)
        );
        println!(
            "| peergroup: text queued messages, sms.parallel_sends {parallel}{together} | {rate:.0} | {} | {} |",
            pct(rate, bare),
            pct(rate, best)
        );
    }
    store.close().await;
    Ok(())
}

/// The ceiling: `n` bare `sendsms` calls of a reminder's length with peergroup's parameters,
/// `parallel` at a time, timed until the SMSC holds every part; SMS a second.
async fn bare_loop(kannel: &Kannel, n: usize, parallel: usize) -> anyhow::Result<f64> {
    let text = "Reminder: Group 0, Saturday, December 5 at 11:00 PM. Place: Hall 0. Can't come? Reply NO or 2. Reply STOP for no more SMS.";
    let client = reqwest::Client::new();
    let target = kannel.smsc.count() + n;
    let t = Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    let sem = std::sync::Arc::new(tokio::sync::Semaphore::new(parallel));
    for i in 0..n {
        let (client, url, sem) = (client.clone(), kannel.sendsms_url(), sem.clone());
        calls.spawn(async move {
            let _permit = sem.acquire().await?;
            let to = format!("+1604{:07}", 2_000_000 + i);
            let r = client
                .get(url)
                .query(&[
                    ("username", kannel::SENDSMS_USER),
                    ("password", kannel::SENDSMS_PASSWORD),
                    ("to", to.as_str()),
                    ("text", text),
                    ("charset", "UTF-8"),
                    ("coding", "0"),
                    ("max-messages", "4"),
                    // Asking for delivery reports, as peergroup does: Kannel keeps each.
                    ("dlr-mask", "19"),
                    ("dlr-url", "http://127.0.0.1:9/status?type=%d"),
                ])
                .send()
                .await?;
            anyhow::ensure!(r.status().is_success(), "sendsms answered {}", r.status());
            Ok::<_, anyhow::Error>(())
        });
    }
    while let Some(r) = calls.join_next().await {
        r??;
    }
    wait_for_parts(kannel, target).await?;
    Ok(n as f64 / t.elapsed().as_secs_f64())
}

/// On PostgreSQL, how many marks went in one statement on average since `before`.
fn marks_per_statement(before: Option<MarksWritten>, store: &Store) -> String {
    match (before, store.marks_written()) {
        (Some(b), Some(a)) if a.statements > b.statements => format!(
            " ({:.1} marks a statement)",
            (a.marks - b.marks) as f64 / (a.statements - b.statements) as f64
        ),
        _ => String::new(),
    }
}

/// Waits until the SMSC holds `target` parts in all.
async fn wait_for_parts(kannel: &Kannel, target: usize) -> anyhow::Result<()> {
    let t = Instant::now();
    while kannel.smsc.count() < target {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        anyhow::ensure!(t.elapsed().as_secs() < 600, "Kannel stalled");
    }
    Ok(())
}

/// An organization without quiet hours whose groups meet at `start`, every participant
/// texted in English.
async fn setup(store: &Store, start: chrono::DateTime<Utc>) -> anyhow::Result<()> {
    let (org, _) = store
        .ensure_organization(
            &peergroup_domain::values::Slug::parse("sms").unwrap(),
            &peergroup_domain::values::Name::parse("SMS").unwrap(),
        )
        .await?;
    store
        .update_org_settings(
            org.id,
            &OrgSettings {
                quiet_hours_start: "00:00".into(),
                quiet_hours_end: "00:00".into(),
                ..OrgSettings::default()
            },
        )
        .await?;
    groups_at(store, org.id, (GROUPS, PER_GROUP), start, Reach::Sms).await?;
    Ok(())
}

/// Runs a worker texting at `parallel` until the SMSC holds every queued reminder once more;
/// seconds taken.
async fn text_until_sent(store: &Store, kannel: &Kannel, parallel: u32) -> anyhow::Result<f64> {
    let smsc = kannel.smsc.clone();
    let target = smsc.count() + GROUPS * PER_GROUP;
    let done = || {
        let smsc = smsc.clone();
        async move { Ok(smsc.count() >= target) }
    };
    run_worker_until(
        runtime(store, kannel, parallel)?,
        crate::reminders::COUNTER_POLL,
        done,
    )
    .await
}

fn runtime(store: &Store, kannel: &Kannel, parallel: u32) -> anyhow::Result<Runtime> {
    let config = peergroup::Config::load_from(
        None,
        [
            (
                "PEERGROUP__SMS__TRANSPORT".to_string(),
                "kannel".to_string(),
            ),
            (
                "PEERGROUP__SMS__KANNEL_SENDSMS_URL".to_string(),
                kannel.sendsms_url(),
            ),
            (
                "PEERGROUP__SMS__KANNEL_USERNAME".to_string(),
                kannel::SENDSMS_USER.to_string(),
            ),
            (
                "PEERGROUP__SMS__KANNEL_PASSWORD".to_string(),
                kannel::SENDSMS_PASSWORD.to_string(),
            ),
            ("PEERGROUP__JOBS__IDLE_POLL_MS".to_string(), "5".to_string()),
            (
                "PEERGROUP__SMS__PARALLEL_SENDS".to_string(),
                parallel.to_string(),
            ),
        ],
    )?;
    peergroup::jobs::runtime(
        &config,
        store,
        peergroup_notify::links::LinkSigner::new(vec![7; 32]),
    )
}
