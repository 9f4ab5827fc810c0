//! A real SMTP server inside the test process, on a real port: it keeps every message it
//! accepts, and can be told to refuse for a while (451) or for good (550).

use mailin_embedded::{Handler, Response, Server, response};
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct State {
    received: Vec<Vec<u8>>,
    /// Refuse this many recipients with 451 before accepting again.
    busy_for: u32,
    /// Refuse every recipient with 550.
    refuse: bool,
}

#[derive(Clone)]
struct Sink {
    state: Arc<Mutex<State>>,
    buf: Vec<u8>,
}

impl Handler for Sink {
    fn rcpt(&mut self, _to: &str) -> Response {
        let mut s = self.state.lock().unwrap();
        if s.refuse {
            return Response::custom(550, "5.1.1 no such mailbox".to_owned());
        }
        if s.busy_for > 0 {
            s.busy_for -= 1;
            return Response::custom(451, "4.3.0 try again later".to_owned());
        }
        response::OK
    }

    fn data_start(&mut self, _: &str, _: &str, _: bool, _: &[String]) -> Response {
        self.buf.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.state
            .lock()
            .unwrap()
            .received
            .push(std::mem::take(&mut self.buf));
        response::OK
    }
}

/// A running SMTP server. It lives until the test process ends.
#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

/// One received message, decoded.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub language: String,
    pub message_id: String,
    pub list_unsubscribe: Option<String>,
    pub reply_to: Option<String>,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        Self::start_on(listener)
    }

    /// Starts on a port chosen earlier (a test that first finds nobody listening there).
    pub fn start_on(listener: std::net::TcpListener) -> SmtpServer {
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let mut server = Server::new(Sink {
            state: state.clone(),
            buf: Vec::new(),
        });
        // A thread per connection: pooled senders keep theirs open, and two server
        // processes hold up to 16 at once.
        server
            .with_name("sink.test")
            .with_num_threads(64)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, state }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn busy_for(&self, n: u32) {
        self.state.lock().unwrap().busy_for = n;
    }

    pub fn refuse(&self, on: bool) {
        self.state.lock().unwrap().refuse = on;
    }

    /// How many messages arrived (duplicates included).
    pub fn count(&self) -> usize {
        self.state.lock().unwrap().received.len()
    }

    pub fn raw(&self) -> Vec<Vec<u8>> {
        self.state.lock().unwrap().received.clone()
    }

    pub fn received(&self) -> Vec<Received> {
        self.raw().iter().map(|raw| decode(raw)).collect()
    }
}

pub fn decode(raw: &[u8]) -> Received {
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a parsable message");
    let header = |name: &str| m.header_raw(name).map(|v| v.trim().to_string());
    Received {
        to: m
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string(),
        subject: m.subject().unwrap_or_default().to_string(),
        text: m.body_text(0).unwrap_or_default().to_string(),
        html: m.body_html(0).unwrap_or_default().to_string(),
        language: header("Content-Language").unwrap_or_default(),
        message_id: m.message_id().unwrap_or_default().to_string(),
        list_unsubscribe: header("List-Unsubscribe"),
        reply_to: header("Reply-To"),
    }
}

/// A configuration sending through `smtp`.
pub fn smtp_config(base: &peergroup::Config, smtp: &str) -> peergroup::Config {
    let mut c = base.clone();
    c.mail.transport = "smtp".into();
    c.mail.smtp_url = smtp.into();
    c.mail.timeout_seconds = 2;
    c
}
