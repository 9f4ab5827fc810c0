//! The real SMS gateway: Debian's Kannel (`bearerbox` and `smsbox`) started with a config of
//! its own, on free ports, connected to a test SMSC inside the test process. The SMSC speaks
//! Kannel's HTTP SMSC protocol (`system-type = kannel`): it keeps every message part it is
//! given (text, alphabet, concatenation header) and sends delivery reports back through
//! Kannel, which calls the `dlr-url` peergroup gave it. `.ci/run` and the README's test
//! command install Kannel when it is missing.

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

const BEARERBOX: &str = "/usr/sbin/bearerbox";
const SMSBOX: &str = "/usr/sbin/smsbox";
const DEPS_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/kannel-deps");

/// Installs Kannel when it is missing and this runs as root; else stops, naming the script.
fn ensure_installed() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        if std::path::Path::new(BEARERBOX).exists() && std::path::Path::new(SMSBOX).exists() {
            return;
        }
        // /proc/self belongs to the effective user: root without libc or unsafe.
        let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        assert!(root, "Kannel is missing: run `sudo {DEPS_SCRIPT}`");
        let ok = Command::new("bash")
            .arg(DEPS_SCRIPT)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "{DEPS_SCRIPT} failed to install Kannel");
    });
}

/// Credentials between Kannel and the test SMSC, and for peergroup's sendsms calls.
const SMSC_USER: &str = "smscuser";
const SMSC_PASSWORD: &str = "smscpw";
pub const SENDSMS_USER: &str = "peergroup";
pub const SENDSMS_PASSWORD: &str = "sendpw";
/// The number messages come from.
pub const SHORT_CODE: &str = "12345";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One message part as the SMSC received it.
#[derive(Debug, Clone)]
pub struct Part {
    pub to: String,
    pub from: String,
    /// Kannel's data coding: 0 for GSM 7-bit, 2 for UCS-2.
    pub coding: u8,
    /// The user data header: `05 00 03 ref total seq` for a part of a concatenated message.
    pub udh: Vec<u8>,
    /// The text as sent: UTF-8 for coding 0 (Kannel re-encodes it for the air), UTF-16BE
    /// for coding 2.
    pub raw: Vec<u8>,
    /// Where Kannel wants this part's delivery report, with `%d` for its type.
    pub dlr_url: Option<String>,
}

impl Part {
    pub fn text(&self) -> String {
        if self.coding == 2 {
            let units: Vec<u16> = self
                .raw
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(&self.raw).into_owned()
        }
    }

    /// `(total, sequence)` when the part belongs to a concatenated message.
    pub fn concatenation(&self) -> Option<(u8, u8)> {
        match self.udh[..] {
            [5, 0, 3, _, total, seq] => Some((total, seq)),
            _ => None,
        }
    }
}

/// Percent-decodes a query value to bytes (`+` is a space).
fn decode(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn query_bytes(query: &str) -> Vec<(String, Vec<u8>)> {
    query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            Some((String::from_utf8_lossy(&decode(k)).into_owned(), decode(v)))
        })
        .collect()
}

#[derive(Default)]
struct SmscState {
    parts: Vec<Part>,
}

/// The test SMSC: an HTTP server Kannel sends message parts to.
#[derive(Clone)]
pub struct Smsc {
    pub port: u16,
    state: Arc<Mutex<SmscState>>,
}

impl Smsc {
    fn start() -> Smsc {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(SmscState::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = axum::Router::new().route(
                    "/cgi-bin/sendsms",
                    axum::routing::get(move |uri: axum::http::Uri| {
                        let shared = shared.clone();
                        async move {
                            let fields = query_bytes(uri.query().unwrap_or(""));
                            let get = |name: &str| {
                                fields
                                    .iter()
                                    .find(|(k, _)| k == name)
                                    .map(|(_, v)| v.clone())
                            };
                            let text = |name: &str| {
                                get(name).map(|v| String::from_utf8_lossy(&v).into_owned())
                            };
                            if text("username").as_deref() != Some(SMSC_USER)
                                || text("password").as_deref() != Some(SMSC_PASSWORD)
                            {
                                return (axum::http::StatusCode::FORBIDDEN, "Authorization failed");
                            }
                            shared.lock().unwrap().parts.push(Part {
                                to: text("to").unwrap_or_default(),
                                from: text("from").unwrap_or_default(),
                                coding: text("coding").and_then(|c| c.parse().ok()).unwrap_or(0),
                                udh: get("udh").unwrap_or_default(),
                                raw: get("text").unwrap_or_default(),
                                dlr_url: text("dlr-url"),
                            });
                            (axum::http::StatusCode::ACCEPTED, "0: Accepted for delivery")
                        }
                    }),
                );
                axum::serve(listener, app).await.unwrap();
            });
        });
        Smsc { port, state }
    }

    pub fn parts(&self) -> Vec<Part> {
        self.state.lock().unwrap().parts.clone()
    }

    /// How many messages it holds, a concatenated one once, without copying them (for
    /// polling).
    pub fn count(&self) -> usize {
        let state = self.state.lock().unwrap();
        state
            .parts
            .iter()
            .filter(|p| p.concatenation().is_none_or(|(_, seq)| seq == 1))
            .count()
    }

    /// Reports every part received so far as `kind` (1 delivered, 2 failed) to Kannel, as
    /// an SMSC does once the phone answers. Kannel passes on those it tracks.
    pub async fn report(&self, kind: u8) {
        let client = reqwest::Client::new();
        for part in self.parts() {
            if let Some(url) = part.dlr_url {
                let url = format!(
                    "{}&to={}",
                    url.replace("%d", &kind.to_string()),
                    part.to.replace('+', "%2B")
                );
                client.get(url).send().await.unwrap();
            }
        }
    }
}

/// A running Kannel: `bearerbox` and `smsbox`, stopped when dropped.
pub struct Kannel {
    dir: tempfile::TempDir,
    pub sendsms_port: u16,
    /// Where the SMSC hands Kannel what phones send.
    smsc_in: u16,
    pub smsc: Smsc,
    boxes: Vec<Child>,
}

impl Kannel {
    /// Starts Kannel with an SMSC of its own; replies go to `inbound_url` (Kannel's
    /// `get-url`, with `%p` the sender and `%a` the text).
    pub async fn start(inbound_url: &str) -> Kannel {
        ensure_installed();
        let dir = tempfile::tempdir().unwrap();
        let smsc = Smsc::start();
        let (admin, smsbox, sendsms, smsc_in) =
            (free_port(), free_port(), free_port(), free_port());
        let log = |name: &str| dir.path().join(name).display().to_string();
        let conf = format!(
            r#"group = core
admin-port = {admin}
admin-password = adminpw
admin-interface = 127.0.0.1
smsbox-port = {smsbox}
box-allow-ip = 127.0.0.1
log-file = "{bearer_log}"
log-level = 1
dlr-storage = internal

group = smsc
smsc = http
smsc-id = test
system-type = kannel
send-url = "http://127.0.0.1:{smsc_port}/cgi-bin/sendsms"
smsc-username = {SMSC_USER}
smsc-password = {SMSC_PASSWORD}
port = {smsc_in}
connect-allow-ip = 127.0.0.1
dlr-url = "http://127.0.0.1:{smsc_in}/?username={SMSC_USER}&password={SMSC_PASSWORD}"

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = {sendsms}
sendsms-interface = 127.0.0.1
log-file = "{smsbox_log}"
log-level = 1

group = sendsms-user
username = {SENDSMS_USER}
password = {SENDSMS_PASSWORD}
default-sender = {SHORT_CODE}
concatenation = true
max-messages = 10

group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "{inbound_url}"
"#,
            bearer_log = log("bearerbox.log"),
            smsbox_log = log("smsbox.log"),
            smsc_port = smsc.port,
        );
        std::fs::write(dir.path().join("kannel.conf"), conf).unwrap();
        let mut kannel = Kannel {
            dir,
            sendsms_port: sendsms,
            smsc_in,
            smsc,
            boxes: Vec::new(),
        };
        kannel.start_boxes().await;
        kannel
    }

    fn conf(&self) -> PathBuf {
        self.dir.path().join("kannel.conf")
    }

    /// `http://127.0.0.1:…/cgi-bin/sendsms`.
    pub fn sendsms_url(&self) -> String {
        format!("http://127.0.0.1:{}/cgi-bin/sendsms", self.sendsms_port)
    }

    fn spawn(&self, program: &str) -> Child {
        Command::new(program)
            .arg(self.conf())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{program}: {e} (Debian's kannel package; {DEPS_SCRIPT} installs it)")
            })
    }

    /// Starts both boxes and waits until `sendsms` answers with the SMSC connected.
    pub async fn start_boxes(&mut self) {
        self.boxes.push(self.spawn(BEARERBOX));
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.boxes.push(self.spawn(SMSBOX));
        let client = reqwest::Client::new();
        for _ in 0..100 {
            // A sendsms call without credentials is refused once the smsbox runs.
            if let Ok(r) = client.get(self.sendsms_url()).send().await
                && r.status().as_u16() == 403
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "Kannel did not start: {}",
            std::fs::read_to_string(self.dir.path().join("bearerbox.log")).unwrap_or_default()
        );
    }

    /// A phone sends `text` from `from` to the short code: the SMSC hands it to Kannel,
    /// which forwards it to the `get-url`. Returns Kannel's answer.
    pub async fn text_from_phone(&self, from: &str, text: &str) -> String {
        reqwest::Client::new()
            .get(format!("http://127.0.0.1:{}/", self.smsc_in))
            .query(&[
                ("username", SMSC_USER),
                ("password", SMSC_PASSWORD),
                ("from", from),
                ("to", SHORT_CODE),
                ("text", text),
                ("charset", "UTF-8"),
            ])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Stops both boxes, as a gateway that goes down.
    pub fn stop_boxes(&mut self) {
        for mut b in self.boxes.drain(..) {
            let _ = b.kill();
            let _ = b.wait();
        }
    }
}

impl Drop for Kannel {
    fn drop(&mut self) {
        self.stop_boxes();
    }
}
