//! Headless Chromium for the browser suites: a chromedriver per `Browser`, driven with
//! fantoccini, plus axe-core checks, CDP access and a TCP proxy that can cut the network.
//!
//! Chromium comes from Debian (`.ci/browser-deps`). Each chromedriver runs in its own process
//! group, and dropping the `Browser` (also while a test panics) kills that whole group, so no
//! Chromium outlives its test.

use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

const CHROMIUM: &str = "/usr/lib/chromium/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const DEPS_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/browser-deps");
/// Vendored so the suites need no network; injected per page, see `Browser::axe`.
const AXE_JS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/browser/axe.min.js"));
/// The viewport of a mid-size phone.
pub const WIDTH: u32 = 390;
pub const HEIGHT: u32 = 844;
const WAIT: Duration = Duration::from_secs(10);

/// One Chromium session with its own chromedriver.
pub struct Browser {
    pub client: Client,
    /// Held for its drop, which kills Chromium; its log explains a failure.
    driver: Driver,
}

impl Browser {
    pub async fn start() -> Browser {
        ensure_installed();
        let driver = Driver::spawn().await;
        let args = [
            "--headless",
            "--no-sandbox", // root in a container: the setuid/namespace sandbox cannot start
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking", // no traffic but the test's own
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage", // /dev/shm is small in containers
            // A profile we own, so it is removed even when the session is never closed.
            &format!("--user-data-dir={}", driver.dir.join("profile").display()),
        ];
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": args,
                // Headless windows are at least 500 px wide, so `--window-size` cannot give a
                // phone's viewport; emulation does, for every tab, honouring `<meta viewport>`.
                "mobileEmulation": { "deviceMetrics": {
                    "width": WIDTH, "height": HEIGHT, "pixelRatio": 1.0, "mobile": true, "touch": true,
                } },
            }),
        );
        // Plain HTTP to the local driver: no TLS stack compiled in.
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("new Chromium session: {e}\n{}", driver.log()));
        Browser { client, driver }
    }

    /// The last lines of chromedriver's log, for a failure message: a session that ends
    /// under a test says why there.
    pub fn driver_log(&self) -> String {
        self.driver.log()
    }

    /// Ends the session cleanly; the driver's process group is killed on drop regardless.
    pub async fn close(self) {
        let Browser {
            client,
            driver: _driver,
        } = self;
        client.close().await.ok();
    }

    /// Runs axe-core on the current page. WebDriver's execute is not subject to the page's
    /// CSP, so a strict `script-src` does not stop the injection.
    pub async fn axe(&self) -> Vec<AxeViolation> {
        let loaded = self
            .eval("return typeof window.axe === 'object'", vec![])
            .await;
        if loaded != json!(true) {
            self.eval(AXE_JS, vec![]).await;
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.length }))))
              .catch(e => done({ error: String(e) }));
        "#;
        let result = self
            .client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("run axe: {e}\n{}", self.driver_log()));
        let Value::Array(violations) = result else {
            panic!("axe failed: {result}");
        };
        violations
            .iter()
            .map(|v| AxeViolation {
                id: v["id"].as_str().unwrap_or_default().into(),
                impact: v["impact"].as_str().unwrap_or_default().into(),
                nodes: v["nodes"].as_u64().unwrap_or_default() as usize,
                help: v["help"].as_str().unwrap_or_default().into(),
            })
            .collect()
    }

    /// Panics listing the serious and critical axe violations on the current page.
    pub async fn assert_accessible(&self, page_name: &str) {
        let bad: Vec<String> = self
            .axe()
            .await
            .into_iter()
            .filter(AxeViolation::is_serious)
            .map(|v| format!("  {} ({}, {} nodes): {}", v.id, v.impact, v.nodes, v.help))
            .collect();
        assert!(
            bad.is_empty(),
            "{page_name}: accessibility violations\n{}",
            bad.join("\n")
        );
    }

    /// The first element matching `css` whose rendered text contains `text` (read as a
    /// person reads it: without the invisible bidi isolation marks), waiting up to 10 s. Matched in one script call each poll, so an element replaced by the page between
    /// a find and a read (after a submit) cannot fail the wait as stale.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> Element {
        let script = "return [...document.querySelectorAll(arguments[0])]
                          .find(e => e.innerText.replace(/[\\u2068\\u2069]/g, '')
                                          .includes(arguments[1])) || null";
        let deadline = Instant::now() + WAIT;
        loop {
            // Errors (mid-navigation) are retried like a miss.
            let found = self
                .client
                .execute(script, vec![json!(css), json!(text)])
                .await;
            // The W3C web element reference key.
            if let Some(id) = found
                .as_ref()
                .ok()
                .and_then(|v| v["element-6066-11e4-a52e-4f735466cecf"].as_str())
            {
                return Element::from_element_id(
                    self.client.clone(),
                    ElementRef::from(id.to_string()),
                );
            }
            if Instant::now() > deadline {
                let url = self.client.current_url().await.map(|u| u.to_string());
                let script = "return document.body ? document.body.innerText.slice(0, 4000) : ''";
                let body = self.eval(script, vec![]).await;
                panic!(
                    "no {css:?} containing {text:?} after {WAIT:?}\nurl: {}\nbody:\n{}",
                    url.unwrap_or_else(|e| e.to_string()),
                    body.as_str().unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Writes a PNG of the viewport to `path`, creating its directory.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot directory");
        }
        std::fs::write(path, png).expect("write screenshot");
    }

    /// A Chrome DevTools Protocol command, through chromedriver's `goog/cdp/execute`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let command = Cdp {
            cmd: cmd.into(),
            params,
        };
        let result = self.client.issue_cmd(command).await;
        result.unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Runs `script` (a function body) in the page.
    async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .expect("execute script")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxeViolation {
    pub id: String,
    /// "minor", "moderate", "serious" or "critical".
    pub impact: String,
    pub nodes: usize,
    pub help: String,
}

impl AxeViolation {
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// fantoccini has no CDP call of its own; this is chromedriver's vendor endpoint.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Installs Chromium when it is missing (as root), or says how to; never skips the suite.
/// Once per process, so parallel tests do not race for apt's lock.
fn ensure_installed() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return;
        }
        // /proc/self belongs to the effective user: root without libc or unsafe.
        let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        assert!(root, "Chromium is missing: run `sudo {DEPS_SCRIPT}`");
        let ok = Command::new("bash")
            .arg(DEPS_SCRIPT)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "{DEPS_SCRIPT} failed to install Chromium");
    });
}

/// chromedriver under a watchdog shell, in a process group of their own that Chromium's
/// processes inherit. The shell kills the group when its stdin (a pipe only this process
/// writes) closes: on drop, but also when the test process dies without unwinding (Ctrl-C,
/// a timeout's kill), which a group of its own no longer receives from the terminal.
/// It kills the group too when chromedriver exits, so a failed start is seen at once.
const WATCHDOG: &str = r#"
trap : TERM
{ trap : TERM; "$0" "$@"; kill -KILL 0; } &
read -r _
kill -TERM 0
sleep 1
kill -KILL 0
"#;

struct Driver {
    /// The watchdog shell; its pid is the group id.
    child: Child,
    port: u16,
    /// Driver log, Chromium profile and temp files, removed on drop.
    dir: PathBuf,
}

impl Driver {
    async fn spawn() -> Driver {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("chromium-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("browser temp dir");
        let log = format!("--log-path={}", dir.join("chromedriver.log").display());
        let child = Command::new("bash")
            .args([
                "-c",
                WATCHDOG,
                CHROMEDRIVER,
                &format!("--port={port}"),
                &log,
            ])
            .arg("--log-level=WARNING")
            // Chromium's own temp dirs land here too, so a killed one leaves nothing in /tmp.
            .env("TMPDIR", &dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start chromedriver");
        let mut driver = Driver { child, port, dir };
        let deadline = Instant::now() + WAIT;
        while !driver.ready().await {
            let exited = driver.child.try_wait().ok().flatten();
            if exited.is_some() || Instant::now() > deadline {
                panic!("chromedriver not ready ({exited:?})\n{}", driver.log());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        driver
    }

    /// `GET /status` answers 200 once the driver accepts sessions.
    async fn ready(&self) -> bool {
        // chromedriver refuses HTTP/1.0, and keeps the connection open despite
        // `Connection: close`: read the status line only, and bound the whole probe.
        let probe = async {
            let mut stream = TcpStream::connect(("127.0.0.1", self.port)).await.ok()?;
            let request = format!(
                "GET /status HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                self.port
            );
            stream.write_all(request.as_bytes()).await.ok()?;
            let mut status = [0u8; 12];
            stream.read_exact(&mut status).await.ok()?;
            Some(&status == b"HTTP/1.1 200")
        };
        let answer = tokio::time::timeout(Duration::from_secs(1), probe).await;
        answer.ok().flatten().unwrap_or(false)
    }

    /// The last lines of the driver's log, for a failure message.
    fn log(&self) -> String {
        let log = std::fs::read_to_string(self.dir.join("chromedriver.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // EOF on the pipe: the watchdog sends TERM, then KILL, to the whole group.
        drop(self.child.stdin.take());
        for _ in 0..80 {
            if self.child.try_wait().ok().flatten().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        // In case the watchdog is stuck. It is reaped only afterwards, so its pid (the group
        // id) cannot have been reused; a negative pid means the whole group.
        Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status()
            .ok();
        self.child.wait().ok();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local addr").port()
}

/// A loopback TCP proxy whose link can be cut, to test what a page does offline.
pub struct Proxy {
    pub addr: SocketAddr,
    up: watch::Sender<bool>,
    accept: tokio::task::JoinHandle<()>,
}

/// Connections open at once; more wait to be accepted.
const PROXY_CONNECTIONS: usize = 64;

impl Proxy {
    pub async fn start(target: SocketAddr) -> Proxy {
        assert!(
            target.ip().is_loopback(),
            "proxy only to loopback, not {target}"
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("proxy addr");
        let (up, up_rx) = watch::channel(true);
        let permits = Arc::new(Semaphore::new(PROXY_CONNECTIONS));
        let accept = tokio::spawn(async move {
            loop {
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    return;
                };
                let Ok((mut inbound, _)) = listener.accept().await else {
                    continue;
                };
                if !*up_rx.borrow() {
                    continue; // cut: dropped at once, the client sees the connection close
                }
                let mut up_rx = up_rx.clone();
                tokio::spawn(async move {
                    let _permit = permit;
                    let Ok(mut outbound) = TcpStream::connect(target).await else {
                        return;
                    };
                    // Ends on either side closing, on a cut, or when the proxy is dropped.
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = up_rx.wait_for(|up| !up) => {}
                    }
                });
            }
        });
        Proxy { addr, up, accept }
    }

    /// Closes every open connection and drops new ones until `restore`.
    pub fn cut(&self) {
        self.up.send_replace(false);
    }

    pub fn restore(&self) {
        self.up.send_replace(true);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.up.send_replace(false);
    }
}
