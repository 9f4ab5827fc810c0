//! The `peergroup` binary as a user runs it: the embedded default with the demo, token
//! creation, configuration checks, and a clean stop on SIGTERM.

mod common;

use common::{Process, command, spawn, token_create};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("var/peergroup.db").exists());
}

#[test]
fn rebuild_follow_ups_runs_on_the_demo_database_and_finds_nothing_to_change() {
    let dir = tempfile::tempdir().unwrap();
    let demo = command(dir.path()).arg("demo").output().unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let out = command(dir.path())
        .arg("rebuild-follow-ups")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 participants brought in line"), "{text}");
    assert!(text.contains("11 groups"), "{text}");
}
