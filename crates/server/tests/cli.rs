//! The `peergroup` binary as a user runs it: the embedded default with the demo, token
//! creation, configuration checks, and a clean stop on SIGTERM.

mod common;

use common::{Process, command, spawn, succeeded, token_create};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Starts `peergroup` (no subcommand: serve) and waits for its token and address.
fn serve(dir: &std::path::Path) -> (Child, String, String) {
    let (p, before) = spawn(command(dir));
    let token = before
        .iter()
        .map(|l| l.trim())
        .find(|l| l.starts_with("pg_"))
        .expect("the demo token comes before the address")
        .to_string();
    let Process { child, addr, .. } = p;
    (child, token, addr)
}

fn get(addr: &str, token: &str, path: &str) -> (u16, serde_json::Value) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let r = reqwest::Client::new()
            .get(format!("{addr}{path}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    })
}

fn stop(mut child: Child) {
    let status = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(
        exit.success(),
        "peergroup exits cleanly on SIGTERM: {exit:?}"
    );
}

#[test]
fn the_embedded_default_runs_with_the_demo_and_keeps_its_data_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let (child, token, addr) = serve(dir.path());
    assert!(
        dir.path().join("var/peergroup.db").exists(),
        "SQLite file under var/"
    );
    let (status, groups) = get(&addr, &token, "/api/v1/groups?limit=200");
    assert_eq!(status, 200);
    let groups = groups["items"].as_array().unwrap().clone();
    // One group per template language: ar+en (stewart, which names none), es, ne, es (soriano),
    // es+uk+fr (paloma), zh (yang), en+pa (tang).
    assert_eq!(groups.len(), 11);
    let languages: Vec<&str> = groups
        .iter()
        .map(|g| g["languages"][0].as_str().unwrap())
        .collect();
    for tag in ["pa-Guru", "zh-Hans", "ne", "uk", "fr", "es", "ar", "en"] {
        assert!(languages.contains(&tag), "no demo group in {tag}");
    }
    let (_, detail) = get(
        &addr,
        &token,
        &format!("/api/v1/groups/{}", groups[0]["id"]),
    );
    assert!(!detail["facilitators"].as_array().unwrap().is_empty());
    for e in detail["enrollments"].as_array().unwrap() {
        assert!(e["display_name"].as_str().unwrap().ends_with("(demo)"));
    }
    let (_, programs) = get(&addr, &token, "/api/v1/programs");
    assert_eq!(programs["items"].as_array().unwrap().len(), 7);
    // The seven designs' trainings, as modules; every demo facilitator has theirs.
    let (_, modules) = get(&addr, &token, "/api/v1/training/modules");
    assert_eq!(modules.as_array().unwrap().len(), 11);
    let (status, gaps) = get(&addr, &token, "/api/v1/reports/training-gaps");
    assert_eq!(status, 200);
    assert!(
        gaps["facilitators"].as_array().unwrap().is_empty(),
        "{gaps}"
    );
    stop(child);

    let (child, new_token, addr) = serve(dir.path());
    assert_ne!(new_token, token);
    assert_eq!(
        get(&addr, &token, "/api/v1/groups").0,
        401,
        "the previous demo token is revoked"
    );
    let (status, again) = get(&addr, &new_token, "/api/v1/groups?limit=200");
    assert_eq!(status, 200);
    assert_eq!(
        again["items"].as_array().unwrap().len(),
        11,
        "the demo is created once"
    );
    stop(child);
}

#[test]
fn token_create_issues_a_working_token_and_refuses_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = command(dir.path());
    c.env("PEERGROUP__DEMO__ENABLED", "false");
    let out = token_create(c, "riverside", "maria@example.org", "coordinator");
    succeeded(&out);
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(token.starts_with("pg_") && token.len() > 40);
    assert!(String::from_utf8_lossy(&out.stderr).contains("created organization `riverside`"));

    let bad = token_create(
        command(dir.path()),
        "riverside",
        "maria@example.org",
        "wizard",
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--role"));

    let mut server = command(dir.path())
        .env("PEERGROUP__DEMO__ENABLED", "false")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(server.stdout.take().unwrap());
    let addr = stdout
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("peergroup listening on ")
                .map(str::to_string)
        })
        .unwrap();
    let (status, me) = get(&addr, &token, "/api/v1/me");
    assert_eq!(status, 200);
    assert_eq!(me["email"], "maria@example.org");
    assert_eq!(me["role"], "coordinator");
    stop(server);
}

#[test]
fn check_config_prints_the_configuration_without_secrets_and_refuses_bad_keys() {
    let dir = tempfile::tempdir().unwrap();
    let out = command(dir.path())
        .env(
            "PEERGROUP__DATABASE__URL",
            "postgres://app:s3cret@db.internal/peergroup",
        )
        .arg("check-config")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("postgres://app:***@db.internal/peergroup"),
        "{text}"
    );
    assert!(!text.contains("s3cret"));

    let bad = command(dir.path())
        .env("PEERGROUP__MAIL__TRANSPORT", "pigeon")
        .arg("check-config")
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("mail.transport"));
}

#[test]
fn migrate_prepares_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = command(dir.path()).arg("migrate").output().unwrap();
    succeeded(&out);
    assert!(dir.path().join("var/peergroup.db").exists());
}

#[test]
fn rebuild_follow_ups_runs_on_the_demo_database_and_finds_nothing_to_change() {
    let dir = tempfile::tempdir().unwrap();
    let demo = command(dir.path()).arg("demo").output().unwrap();
    succeeded(&demo);
    let out = command(dir.path())
        .arg("rebuild-follow-ups")
        .output()
        .unwrap();
    succeeded(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 participants brought in line"), "{text}");
    assert!(text.contains("11 groups"), "{text}");
}

#[test]
fn token_list_and_revoke_reach_a_running_server_within_its_auth_cache() {
    let dir = tempfile::tempdir().unwrap();
    let quiet = || {
        let mut c = command(dir.path());
        c.env("PEERGROUP__DEMO__ENABLED", "false")
            .env("PEERGROUP__SERVER__AUTH_CACHE_SECONDS", "1");
        c
    };
    let mut c = quiet();
    c.args([
        "token",
        "create",
        "--org",
        "harbour",
        "--email",
        "ana@example.org",
    ])
    .args(["--role", "facilitator", "--expires-in-days", "30"]);
    let out = c.output().unwrap();
    succeeded(&out);
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(said.contains("valid until"), "{said}");

    let mut bad = quiet();
    bad.args([
        "token",
        "create",
        "--org",
        "harbour",
        "--email",
        "x@example.org",
    ])
    .args(["--role", "facilitator", "--expires-in-days", "0"]);
    let out = bad.output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--expires-in-days"));

    let (mut server, _) = spawn(quiet());
    assert_eq!(get(&server.addr, &token, "/api/v1/me").0, 200);

    let list = |org: &str| {
        quiet()
            .args(["token", "list", "--org", org])
            .output()
            .unwrap()
    };
    let out = list("harbour");
    succeeded(&out);
    let table = String::from_utf8(out.stdout).unwrap();
    let row: Vec<&str> = table.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(
        &row[1..4],
        ["ana@example.org", "facilitator", "cli"],
        "{table}"
    );
    assert_ne!(row[5], "-", "expires: {table}");
    assert_ne!(row[6], "-", "last used: {table}");
    assert_eq!(row[7], "-", "revoked: {table}");
    assert!(!table.contains(&token));
    assert!(!list("nowhere").status.success());

    let revoke = |id: &str| quiet().args(["token", "revoke", id]).output().unwrap();
    let missing = revoke("999999");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no token 999999"));
    let out = revoke(row[0]);
    succeeded(&out);

    // The server learns of it within its one-second token cache.
    let refused_after = std::time::Instant::now();
    while get(&server.addr, &token, "/api/v1/me").0 == 200 {
        assert!(
            refused_after.elapsed() < Duration::from_secs(5),
            "still accepted"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get(&server.addr, &token, "/api/v1/me").0, 401);
    let table = String::from_utf8(list("harbour").stdout).unwrap();
    assert_ne!(table.lines().nth(1).unwrap().split('\t').nth(7), Some("-"));
    let _ = server.child.kill();
    let _ = server.child.wait();
}

#[test]
fn plan_reminders_plans_now_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let demo = command(dir.path()).arg("demo").output().unwrap();
    succeeded(&demo);
    // The demo's first sessions are a few weeks out: a long horizon reaches their reminders.
    let plan = || {
        let out = command(dir.path())
            .env("PEERGROUP__JOBS__PLAN_HORIZON_HOURS", "1000")
            .arg("plan-reminders")
            .output()
            .unwrap();
        succeeded(&out);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let planned: u64 = text
            .split("; ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{text}"));
        planned
    };
    assert!(plan() > 0, "the first run plans the coming reminders");
    assert_eq!(plan(), 0, "planning again changes nothing");
}
