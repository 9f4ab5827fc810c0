//! Test harness: starts the real peergroup server on port 0 against a fresh database (a
//! SQLite file in a temp dir, or a new PostgreSQL database when
//! `PEERGROUP_TEST_DATABASE=postgres`) and talks to it over real HTTP.

use peergroup::{Config, RunningServer};
use peergroup_domain::clock::ManualClock;
use peergroup_domain::org::Role;
use peergroup_domain::values::{Email, Name, Slug};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::Value;
use std::sync::Arc;

pub use serde_json::json;

pub mod browser;
pub mod kannel;
pub mod pages;
pub mod smtp;
pub mod twilio;

/// The PostgreSQL server tests create their databases on.
fn pg_admin_url() -> String {
    std::env::var("PEERGROUP_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

pub fn on_postgres() -> bool {
    std::env::var("PEERGROUP_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A database that exists only for one test.
pub struct TestDb {
    pub url: String,
    _dir: tempfile::TempDir,
    pg_name: Option<String>,
}

impl TestDb {
    pub async fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        if on_postgres() {
            let name = format!("peergroup_test_{:016x}", rand::random::<u64>());
            let admin = sea_orm::Database::connect(format!("{}/postgres", pg_admin_url()))
                .await
                .expect("PostgreSQL is reachable (start it with pg_ctlcluster)");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.ok();
            TestDb {
                url: format!("{}/{name}", pg_admin_url()),
                _dir: dir,
                pg_name: Some(name),
            }
        } else {
            TestDb::sqlite_in(dir)
        }
    }

    /// A SQLite file whatever the run's database: for what only SQLite's file shows.
    pub fn sqlite() -> TestDb {
        TestDb::sqlite_in(tempfile::tempdir().expect("temp dir"))
    }

    fn sqlite_in(dir: tempfile::TempDir) -> TestDb {
        let path = dir.path().join("peergroup.db");
        TestDb {
            url: format!("sqlite://{}?mode=rwc", path.display()),
            _dir: dir,
            pg_name: None,
        }
    }

    /// The SQLite file, if this is one.
    pub fn sqlite_file(&self) -> Option<std::path::PathBuf> {
        self.pg_name
            .is_none()
            .then(|| self._dir.path().join("peergroup.db"))
    }

    pub async fn drop_database(&self) {
        if let Some(name) = &self.pg_name
            && let Ok(admin) =
                sea_orm::Database::connect(format!("{}/postgres", pg_admin_url())).await
        {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
            admin.close().await.ok();
        }
    }
}

pub fn test_config(db: &TestDb) -> Config {
    let vars = vec![
        (
            "PEERGROUP__SERVER__LISTEN".to_string(),
            "127.0.0.1:0".to_string(),
        ),
        ("PEERGROUP__DATABASE__URL".to_string(), db.url.clone()),
        (
            "PEERGROUP__DATABASE__MAX_CONNECTIONS".to_string(),
            "4".to_string(),
        ),
        ("PEERGROUP__DEMO__ENABLED".to_string(), "false".to_string()),
        // Suites try many unknown tokens from one address; the limit has tests of its own.
        (
            "PEERGROUP__SERVER__AUTH_FAILURES_BURST".to_string(),
            "100000".to_string(),
        ),
        (
            "PEERGROUP__SERVER__AUTH_CACHE_SECONDS".to_string(),
            "1".to_string(),
        ),
        // Jobs run when a test says so (`TestApp::run_jobs`), on the test's clock; mail,
        // if any is sent, stays in the test's folder.
        ("PEERGROUP__JOBS__ENABLED".to_string(), "false".to_string()),
        (
            "PEERGROUP__JOBS__SCHEDULER".to_string(),
            "false".to_string(),
        ),
        (
            "PEERGROUP__MAIL__OUTBOX_DIR".to_string(),
            db._dir.path().join("outbox").display().to_string(),
        ),
        (
            "PEERGROUP__SMS__OUTBOX_DIR".to_string(),
            db._dir.path().join("outbox-sms").display().to_string(),
        ),
    ];
    Config::load_from(None, vars).expect("test config")
}

/// An HTTP response: status, content type and parsed body (`Null` when empty or not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    /// Asserts a problem+json error with this status and returns its body.
    #[track_caller]
    pub fn problem(&self, status: u16) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
        assert_eq!(
            self.content_type, "application/problem+json",
            "body: {}",
            self.body
        );
        for key in ["type", "title", "status", "detail"] {
            assert!(
                self.body.get(key).is_some(),
                "problem lacks `{key}`: {}",
                self.body
            );
        }
        assert_eq!(self.body["status"], status);
        &self.body
    }

    /// Asserts a success with this status and returns the body.
    #[track_caller]
    pub fn ok(&self, status: u16) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
        &self.body
    }

    /// The fields named in a validation problem.
    pub fn fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["field"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub struct TestApp {
    pub db: TestDb,
    pub config: Config,
    /// The server's clock: fixed at 2026-11-25 12:00 UTC until a test moves it.
    pub clock: ManualClock,
    server: Option<RunningServer>,
    pub base: String,
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let db = TestDb::new().await;
        let config = test_config(&db);
        Self::spawn_on(db, config).await
    }

    /// The server on a fresh database, with the test configuration changed by `adjust`.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let db = TestDb::new().await;
        let mut config = test_config(&db);
        adjust(&mut config);
        Self::spawn_on(db, config).await
    }

    pub async fn spawn_on(db: TestDb, config: Config) -> TestApp {
        let clock = ManualClock::new(
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 12, 0, 0).unwrap(),
        );
        let server = peergroup::start_with_clock(&config, Arc::new(clock.clone()))
            .await
            .expect("server starts");
        let base = format!("http://{}", server.addr);
        TestApp {
            db,
            config,
            clock,
            server: Some(server),
            base,
            client: reqwest::Client::new(),
        }
    }

    /// The job runtime the server would build from `config`, on this app's store.
    pub async fn job_runtime(&self, config: &Config) -> peergroup_jobs::Runtime {
        let store = &self.server().store;
        let links = peergroup::jobs::link_signer(store).await.expect("link key");
        peergroup::jobs::runtime(config, store, links).expect("job runtime")
    }

    /// Runs every job due on the test clock, one at a time, until none is left; mail goes
    /// through `config`'s transport.
    pub async fn run_jobs_with(&self, config: &Config) {
        self.run_jobs_holding(config, |_| false).await;
    }

    /// [`TestApp::run_jobs_with`], except that jobs for which `hold` is true stay claimed and
    /// unrun; returns them.
    pub async fn run_jobs_holding(
        &self,
        config: &Config,
        hold: impl Fn(&peergroup_store::jobs::ClaimedJob) -> bool,
    ) -> Vec<peergroup_store::jobs::ClaimedJob> {
        let store = self.server().store.clone();
        let rt = self.job_runtime(config).await;
        let (mut ran, mut held) = (0, Vec::new());
        loop {
            let jobs = store
                .claim_jobs("test", 1, std::time::Duration::from_secs(60))
                .await
                .expect("claim");
            let Some(job) = jobs.into_iter().next() else {
                return held;
            };
            if hold(&job) {
                held.push(job);
            } else {
                peergroup_jobs::run_one(&rt, job).await;
            }
            ran += 1;
            assert!(ran < 100_000, "jobs keep coming");
        }
    }

    pub fn server(&self) -> &RunningServer {
        self.server.as_ref().expect("server running")
    }

    /// Stops the server and starts a new one on the same database.
    pub async fn restart(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.expect("server stops");
        }
        let server = peergroup::start(&self.config)
            .await
            .expect("server restarts");
        self.base = format!("http://{}", server.addr);
        self.server = Some(server);
    }

    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.expect("server stops");
        }
        self.db.drop_database().await;
    }

    /// A bearer token for `email` with `role` in organization `org` (created if needed).
    pub async fn token(&self, org: &str, email: &str, role: Role) -> String {
        let store = &self.server().store;
        let (org, _) = store
            .ensure_organization(&Slug::parse(org).unwrap(), &Name::parse(org).unwrap())
            .await
            .unwrap();
        store
            .issue_token(
                &org,
                &Email::parse(email).unwrap(),
                role,
                "test",
                true,
                None,
            )
            .await
            .unwrap()
            .secret
    }

    pub async fn coordinator(&self, org: &str) -> String {
        self.token(
            org,
            &format!("coordinator@{org}.example.org"),
            Role::Coordinator,
        )
        .await
    }

    /// Rows per table, but the access log's: every answer about a person grows it (that is
    /// its job), so "nothing changed" is about everything else.
    pub async fn row_counts(&self) -> Vec<(&'static str, i64)> {
        let mut counts = self.server().store.row_counts().await.unwrap();
        counts.retain(|(table, _)| *table != "access_log");
        counts
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        token: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Reply {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token);
        if let Some(body) = body {
            req = req.json(body);
        }
        into_reply(req.send().await.expect("request sent")).await
    }

    pub async fn get(&self, token: &str, path: &str) -> Reply {
        self.send(reqwest::Method::GET, token, path, None).await
    }

    pub async fn post(&self, token: &str, path: &str, body: &Value) -> Reply {
        self.send(reqwest::Method::POST, token, path, Some(body))
            .await
    }

    /// POSTs `body`, asserts 201 Created, and returns the new object's id.
    pub async fn create_id(&self, token: &str, path: &str, body: &Value) -> i64 {
        let reply = self.post(token, path, body).await;
        reply.ok(201)["id"]
            .as_i64()
            .expect("the created object has an id")
    }

    /// The fixture program and a group of it: `(program, group)`.
    pub async fn fixture_group(&self, token: &str) -> (i64, i64) {
        let program = self
            .create_id(token, "/api/v1/programs", &fixtures::program())
            .await;
        let group = self
            .create_id(token, "/api/v1/groups", &fixtures::group(program))
            .await;
        (program, group)
    }

    /// Generates a group's sessions (asserting success) and returns their ids in order.
    pub async fn generate_sessions(&self, token: &str, group: i64) -> Vec<i64> {
        self.generate_session_list(token, group)
            .await
            .iter()
            .map(|s| s["id"].as_i64().expect("a session id"))
            .collect()
    }

    /// [`TestApp::generate_sessions`], answering the sessions as listed in 2027.
    pub async fn generate_session_list(&self, token: &str, group: i64) -> Vec<Value> {
        self.post(
            token,
            &format!("/api/v1/groups/{group}/sessions/generate"),
            &json!({}),
        )
        .await
        .ok(200);
        self.get(
            token,
            &format!("/api/v1/groups/{group}/sessions?from=2027-01-01&to=2028-01-01"),
        )
        .await
        .ok(200)
        .as_array()
        .expect("a list of sessions")
        .clone()
    }

    /// Records that `person` completed every module `role` of `program` requires, on
    /// 2026-11-01 with the module's hours (8 where it states none).
    pub async fn train(&self, token: &str, program: i64, person: i64, role: &str) {
        let requirements = self
            .get(token, &format!("/api/v1/programs/{program}/requirements"))
            .await;
        for r in requirements.ok(200).as_array().unwrap() {
            if r["role"] != role {
                continue;
            }
            for module in r["modules"].as_array().unwrap() {
                let m = self
                    .get(token, &format!("/api/v1/training/modules/{module}"))
                    .await;
                let hours = m.ok(200)["hours"].as_f64().unwrap_or(8.0);
                self.post(
                    token,
                    "/api/v1/training/completions",
                    &json!({"person_id": person, "module_id": module,
                            "completed_on": "2026-11-01", "hours": hours}),
                )
                .await
                .ok(201);
            }
        }
    }

    /// Every SMS in the file outbox (as written: `to`, `text`, `encoding`, `segments`…),
    /// after running the jobs due.
    pub async fn sms_outbox(&self) -> Vec<Value> {
        self.run_jobs_with(&self.config).await;
        let Ok(entries) = std::fs::read_dir(&self.config.sms.outbox_dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .map(|e| {
                serde_json::from_slice(&std::fs::read(e.path()).expect("an SMS file"))
                    .expect("JSON")
            })
            .collect()
    }

    /// Queues the cron tick of `kind` scheduled for `at`, as the scheduler would; the next
    /// run of the jobs (`outbox`, `sms_outbox`, `run_jobs_with`) carries it out.
    pub async fn queue_tick(
        &self,
        kind: peergroup_domain::jobs::JobKind,
        at: chrono::DateTime<chrono::Utc>,
    ) {
        self.server()
            .store
            .enqueue_jobs(&[peergroup_jobs::ticks::tick_job(kind, at)])
            .await
            .unwrap();
    }

    /// The signed path the SMS gateway forwards `org`'s incoming SMS to.
    pub async fn sms_inbound_path(&self, org: &str) -> String {
        let store = &self.server().store;
        let slug = peergroup_domain::values::Slug::parse(org).unwrap();
        let org = store.find_organization(&slug).await.unwrap().unwrap();
        let links = peergroup::jobs::link_signer(store).await.unwrap();
        format!("/sms/inbound/{}", links.sign_sms_inbound(org.id))
    }

    /// Sends `text` from the phone `from` to peergroup through `path`, as Kannel forwards an
    /// SMS. Returns the status.
    pub async fn text_in(&self, path: &str, from: &str, text: &str) -> u16 {
        self.client
            .get(format!("{}{path}", self.base))
            .query(&[("from", from), ("text", text)])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    /// The text of every message in the file outbox, after running the jobs due.
    pub async fn outbox(&self) -> Vec<String> {
        self.run_jobs_with(&self.config).await;
        let dir = std::path::PathBuf::from(&self.config.mail.outbox_dir);
        let mut texts = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return texts;
        };
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "eml") {
                let raw = std::fs::read(entry.path()).expect("a message file");
                let parsed = mail_parser::MessageParser::default()
                    .parse(&raw)
                    .expect("a parsable message");
                let to = parsed
                    .to()
                    .and_then(|a| a.first())
                    .and_then(|a| a.address())
                    .unwrap_or("")
                    .to_string();
                let body = parsed.body_text(0).unwrap_or_default().to_string();
                texts.push(format!("To: {to}\n{body}"));
            }
        }
        texts
    }

    /// Invites `email` to the pages as `role` through the API; the path of the one link
    /// mailed to them.
    pub async fn invite(&self, token: &str, email: &str, role: &str) -> String {
        self.post(
            token,
            "/api/v1/invitations",
            &json!({"email": email, "role": role}),
        )
        .await
        .ok(201);
        let links = self.mailed_links(email).await;
        match &links[..] {
            [link] => link.clone(),
            _ => panic!("one link for {email}: {links:?}"),
        }
    }

    /// A new person (the fixture person named `name`) enrolled in `group`; their id.
    pub async fn enrol_new(&self, token: &str, group: i64, name: &str) -> i64 {
        self.enrol(token, group, &fixtures::person(name)).await
    }

    /// A new person made of `person` enrolled in `group`; their id.
    pub async fn enrol(&self, token: &str, group: i64, person: &Value) -> i64 {
        let person = self.create_id(token, "/api/v1/people", person).await;
        self.create_id(
            token,
            &format!("/api/v1/groups/{group}/enrollments"),
            &json!({"person_id": person}),
        )
        .await;
        person
    }

    /// The paths of the sign-in links (invitations and resets) mailed to `email`, in no
    /// particular order.
    pub async fn mailed_links(&self, email: &str) -> Vec<String> {
        self.outbox()
            .await
            .iter()
            .filter(|m| m.starts_with(&format!("To: {email}\n")))
            .filter_map(|m| pages::link_to(m, "/welcome/"))
            .collect()
    }

    pub async fn put(&self, token: &str, path: &str, body: &Value) -> Reply {
        self.send(reqwest::Method::PUT, token, path, Some(body))
            .await
    }

    pub async fn delete(&self, token: &str, path: &str) -> Reply {
        self.send(reqwest::Method::DELETE, token, path, None).await
    }
}

/// The rows of `table` in a snapshot taken with [`TestApp::row_counts`].
pub fn count_of(counts: &[(&str, i64)], table: &str) -> i64 {
    counts
        .iter()
        .find(|(t, _)| *t == table)
        .unwrap_or_else(|| panic!("no table {table}"))
        .1
}

pub async fn into_reply(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = response.bytes().await.expect("body");
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply {
        status,
        content_type,
        headers,
        body,
    }
}

/// Request bodies that pass validation, for building fixtures.
pub mod fixtures {
    use super::*;

    pub fn program() -> Value {
        json!({
            "name": "Diabetes peer support",
            "condition": "Type 2 diabetes",
            "facilitation_model": "co_led",
            "facilitator_roles": [
                {"key": "peer_leader", "kind": "peer", "title": "Peer leader"},
                {"key": "educator", "kind": "professional", "title": "Diabetes educator"}
            ],
            "phases": [
                {"name": "Education", "sessions": 6, "cadence": {"type": "every_n_weeks", "weeks": 1},
                 "session_minutes": 75, "leads": [{"role": "educator"}, {"role": "peer_leader", "count": 2}],
                 "session_plans": [{"topic": "What is diabetes", "structure": ["check-in", "psychoeducation"]}]},
                {"name": "Support", "sessions": 18, "cadence": {"type": "every_n_weeks", "weeks": 1},
                 "session_minutes": 60, "leads": [{"role": "peer_leader", "count": 2}]}
            ],
            "supports_offered": [{"kind": "childcare"}, {"kind": "transport"}],
            "group_size": {"min": 2, "max": 12}
        })
    }

    pub fn group(program_id: i64) -> Value {
        json!({
            "program_id": program_id,
            "name": "Surrey Punjabi group",
            "languages": ["pa-Guru", "en"],
            "timezone": "America/Vancouver",
            "venue": {"name": "Gurdwara hall", "address": "123 Example Rd", "accessibility_notes": "Ramp at side door"},
            "start_date": "2027-02-03",
            "weekdays": ["wednesday"],
            "start_time": "18:00",
            "capacity": 3
        })
    }

    pub fn person(name: &str) -> Value {
        json!({
            "display_name": name,
            "preferred_language": "pa-Guru",
            "email": format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
            "phone": "+16045550123",
            "preferred_channel": "email",
            "consent": {"email_reminders": true, "sms_reminders": true, "calls": true, "source": "on_paper"}
        })
    }
}

/// Objects of one organization, created through the API.
pub struct World {
    pub token: String,
    pub exclusion: i64,
    /// The group's first generated session.
    pub session: i64,
    /// A calendar feed of the group, and its URL path.
    pub feed: i64,
    pub feed_url: String,
    pub program: i64,
    pub group: i64,
    pub person: i64,
    pub facilitator: i64,
    /// A training module that the program's peer leaders need; the facilitator has it.
    pub module: i64,
    /// A training cohort with the facilitator as trainee, and its one held session.
    pub cohort: i64,
    pub training_session: i64,
    pub assignment: i64,
    pub enrollment: i64,
    pub support: i64,
    /// A follow-up task opened by hand for the enrolment.
    pub task: i64,
}

impl World {
    pub async fn build(app: &TestApp, org: &str) -> World {
        let token = app.coordinator(org).await;
        let program = app
            .create_id(&token, "/api/v1/programs", &fixtures::program())
            .await;
        let group = app
            .create_id(&token, "/api/v1/groups", &fixtures::group(program))
            .await;
        let person = app
            .create_id(&token, "/api/v1/people", &fixtures::person("Harpreet K"))
            .await;
        let facilitator = app
            .create_id(&token, "/api/v1/people", &fixtures::person("Gurpreet S"))
            .await;
        let module = app
            .create_id(
                &token,
                "/api/v1/training/modules",
                &json!({"title": "Peer leader basics", "topics": ["active listening"],
                        "hours": 12, "delivery_format": "in_person"}),
            )
            .await;
        app.put(
            &token,
            &format!("/api/v1/programs/{program}/requirements/peer_leader"),
            &json!({"modules": [module], "conditions": {"lived_experience": false}}),
        )
        .await
        .ok(200);
        app.train(&token, program, facilitator, "peer_leader").await;
        let cohort = app
            .create_id(
                &token,
                "/api/v1/training/cohorts",
                &json!({"title": "Autumn peer leaders", "starts_on": "2026-11-02",
                        "trainers": ["Clinic educator"], "modules": [module],
                        "trainees": [facilitator]}),
            )
            .await;
        let with_session = app
            .post(
                &token,
                &format!("/api/v1/training/cohorts/{cohort}/sessions"),
                &json!({"held_on": "2026-11-02", "hours": 3, "module_id": module}),
            )
            .await;
        let training_session = with_session.ok(201)["sessions"][0]["id"].as_i64().unwrap();
        let assignment = app
            .create_id(
                &token,
                &format!("/api/v1/groups/{group}/facilitators"),
                &json!({"person_id": facilitator, "role": "peer", "program_role": "peer_leader"}),
            )
            .await;
        let enrollment = app
            .create_id(
                &token,
                &format!("/api/v1/groups/{group}/enrollments"),
                &json!({"person_id": person}),
            )
            .await;
        let support = app
            .create_id(
                &token,
                &format!("/api/v1/enrollments/{enrollment}/supports"),
                &json!({"kind": "childcare", "children_ages": ["two_to_four", "five_to_twelve"]}),
            )
            .await;
        let exclusion = app
            .post(
                &token,
                "/api/v1/exclusions",
                &json!({"group_id": group, "dates": ["2027-02-17"], "reason": "Family Day"}),
            )
            .await
            .ok(201)[0]["id"]
            .as_i64()
            .unwrap();
        let session = app.generate_sessions(&token, group).await[0];
        let feed = app
            .post(
                &token,
                "/api/v1/calendar-feeds",
                &json!({"kind": "group", "subject_id": group}),
            )
            .await
            .ok(201)
            .clone();
        let task = app
            .create_id(
                &token,
                "/api/v1/follow-ups",
                &json!({"enrollment_id": enrollment, "note": "Check in after the first week"}),
            )
            .await;
        World {
            token,
            task,
            exclusion,
            session,
            feed: feed["id"].as_i64().unwrap(),
            feed_url: feed["url"].as_str().unwrap().to_string(),
            program,
            group,
            person,
            facilitator,
            module,
            cohort,
            training_session,
            assignment,
            enrollment,
            support,
        }
    }
}

/// What the service logs in this test process, from the first call of [`capture_logs`].
static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct LogBuffer;

impl std::io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        LOGS.lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends every log line of the service's own crates, down to `debug` (stricter than the
/// default `info`), into a buffer that [`logged`] reads: a test can look there for what
/// must never be logged. The first call sets it up for the whole process.
pub fn capture_logs() {
    let filter = tracing_subscriber::EnvFilter::new(
        "info,peergroup=debug,peergroup_web=debug,peergroup_app=debug,peergroup_store=debug,\
         peergroup_jobs=debug,peergroup_notify=debug,sqlx=warn,sea_orm=warn",
    );
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(|| LogBuffer)
        .try_init();
}

/// Everything logged since [`capture_logs`], by every test of this process.
pub fn logged() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
}
