//! A local stand-in for Twilio's Messages API (the real one cannot be reached from here):
//! it checks each request the way Twilio does (path, Basic credentials, form fields) and
//! keeps the ones it accepts. It can be told to answer with an error instead.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
pub const AUTH_TOKEN: &str = "test-auth-token";
pub const FROM: &str = "+16045550100";

#[derive(Default)]
struct State {
    accepted: Vec<HashMap<String, String>>,
    /// Answer with this status and Twilio error body instead of accepting.
    fail_with: Option<(u16, String)>,
}

#[derive(Clone)]
pub struct Twilio {
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Twilio {
    pub async fn start() -> Twilio {
        use axum::http::{HeaderMap, StatusCode};
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let path = format!("/2010-04-01/Accounts/{ACCOUNT}/Messages.json");
        let app = axum::Router::new().route(
            &path,
            axum::routing::post(
                move |headers: HeaderMap, axum::Form(form): axum::Form<HashMap<String, String>>| {
                    let shared = shared.clone();
                    async move {
                        use base64::Engine;
                        let expected = format!(
                            "Basic {}",
                            base64::engine::general_purpose::STANDARD
                                .encode(format!("{ACCOUNT}:{AUTH_TOKEN}"))
                        );
                        let json = |status: u16, body: serde_json::Value| {
                            (StatusCode::from_u16(status).unwrap(), axum::Json(body))
                        };
                        if headers.get("authorization").and_then(|v| v.to_str().ok())
                            != Some(expected.as_str())
                        {
                            return json(401, serde_json::json!({"code": 20003, "message": "Authenticate"}));
                        }
                        let mut s = shared.lock().unwrap();
                        if let Some((status, message)) = s.fail_with.clone() {
                            return json(status, serde_json::json!({"code": 21211, "message": message}));
                        }
                        for field in ["To", "From", "Body", "StatusCallback"] {
                            if form.get(field).is_none_or(|v| v.is_empty()) {
                                return json(400, serde_json::json!({"code": 21604, "message": format!("{field} is required")}));
                            }
                        }
                        let sid = format!("SM{:032x}", s.accepted.len() + 1);
                        s.accepted.push(form);
                        json(201, serde_json::json!({"sid": sid, "status": "queued"}))
                    }
                },
            ),
        );
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Twilio { url, state }
    }

    /// The forms of the messages accepted so far.
    pub fn accepted(&self) -> Vec<HashMap<String, String>> {
        self.state.lock().unwrap().accepted.clone()
    }

    /// Answers every request with `status` and Twilio's error `message` from now on.
    pub fn fail_with(&self, status: u16, message: &str) {
        self.state.lock().unwrap().fail_with = Some((status, message.to_string()));
    }
}
