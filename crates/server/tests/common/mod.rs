//! Running the `peergroup` binary as a user does: in a directory of its own, configured by
//! environment variables, read through what it prints.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_peergroup");

/// The binary in `dir`, listening on a free port, with no configuration from the
/// environment of the test run.
pub fn command(dir: &std::path::Path) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(dir)
        .env_remove("PEERGROUP_CONFIG")
        .env("PEERGROUP__SERVER__LISTEN", "127.0.0.1:0")
        .env(
            "RUST_LOG",
            std::env::var("PEERGROUP_TEST_SHOW_LOGS").unwrap_or_else(|_| "warn".into()),
        );
    for (key, _) in std::env::vars() {
        if key.starts_with("PEERGROUP__") && key != "PEERGROUP__SERVER__LISTEN" {
            c.env_remove(key);
        }
    }
    c
}

/// A running server process and the lines it printed.
pub struct Process {
    pub child: Child,
    pub addr: String,
    pub lines: mpsc::Receiver<String>,
}

/// Starts `command` and waits for it to say where it listens. Lines it printed before that
/// are returned too (the demo token comes first).
pub fn spawn(mut command: Command) -> (Process, Vec<String>) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(if std::env::var("PEERGROUP_TEST_SHOW_LOGS").is_ok() {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .expect("peergroup starts");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut before = Vec::new();
    loop {
        let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server did not print its address");
        };
        if let Some(addr) = line.trim().strip_prefix("peergroup listening on ") {
            let addr = addr.to_string();
            return (
                Process {
                    child,
                    addr,
                    lines: rx,
                },
                before,
            );
        }
        before.push(line);
    }
}

impl Process {
    /// SIGKILL: no shutdown, no cleanup, as when a machine loses power.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }

    /// SIGTERM, and a clean exit.
    pub fn stop(mut self) {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
        let exit = self.child.wait().unwrap();
        assert!(
            exit.success(),
            "peergroup exits cleanly on SIGTERM: {exit:?}"
        );
    }
}

/// Runs `peergroup token create` through `c` (the binary, configured).
pub fn token_create(mut c: Command, org: &str, email: &str, role: &str) -> std::process::Output {
    c.args([
        "token", "create", "--org", org, "--email", email, "--role", role,
    ])
    .output()
    .expect("peergroup runs")
}

/// Asserts the command succeeded, showing what it said on standard error if not.
#[track_caller]
pub fn succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The token `peergroup token create` prints, through `c` (the binary, configured).
pub fn issued_token(c: Command, org: &str, email: &str, role: &str) -> String {
    let out = token_create(c, org, email, role);
    succeeded(&out);
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Whether this run is on PostgreSQL; says so on standard error when it is not, for tests
/// that only mean something with several processes on one PostgreSQL database.
pub fn on_postgres_or_say_so() -> bool {
    let on = peergroup_blackbox::on_postgres();
    if !on {
        eprintln!(
            "several processes share a PostgreSQL database: run with PEERGROUP_TEST_DATABASE=postgres"
        );
    }
    on
}

/// The API of a running server, as the user a bearer token names.
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        Api {
            client: reqwest::Client::new(),
            base: base.to_string(),
            token: token.to_string(),
        }
    }

    /// `method path` with `body` (none for a `GET`); the answer, which must be a success.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> serde_json::Value {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(body);
        }
        let r = request.send().await.unwrap();
        let status = r.status();
        let body: serde_json::Value = r.json().await.unwrap_or(serde_json::Value::Null);
        assert!(status.is_success(), "{path}: {status} {body}");
        body
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    /// Creates what `body` describes at `path`; its id.
    pub async fn create(&self, path: &str, body: &serde_json::Value) -> i64 {
        self.post(path, body).await["id"].as_i64().unwrap()
    }

    pub async fn get(&self, path: &str) -> serde_json::Value {
        self.send(reqwest::Method::GET, path, None).await
    }
}
