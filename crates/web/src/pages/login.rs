//! Signing in and out of the pages. A signed-in browser holds one cookie: a random secret
//! whose hash names a row of `login_sessions` (so it survives a restart and works on every
//! replica), `HttpOnly`, `SameSite=Lax`, and `Secure` with the `__Host-` prefix when the
//! service is reached over https. It has no expiry of its own: the server ends it after
//! `web.session_idle_minutes` without use or `web.session_absolute_hours` in all.
//!
//! Every unsafe request is checked for cross-site forgery twice: the browser must say it
//! comes from this site (`Sec-Fetch-Site`, or else `Origin`), and a signed-in user's form
//! must carry their session's token (a hidden `csrf` field, or the `X-CSRF-Token` header).

use super::text::Words;
use super::{Frame, Me, error_page, message, page};
use crate::AppState;
use crate::auth_limit::too_many_tries_after;
use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::TimeDelta;
use peergroup_app::{passwords, sign_in};
use peergroup_domain::records::Principal;
use peergroup_notify::locale::negotiate;
use peergroup_store::StoreError;
use std::net::{IpAddr, SocketAddr};

/// How long sign-ins last and links work, and whether cookies need https.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    pub idle: TimeDelta,
    pub absolute: TimeDelta,
    pub invitation: TimeDelta,
    pub reset: TimeDelta,
    /// The service is reached over https: cookies are `Secure` and `__Host-` prefixed.
    pub secure: bool,
    /// How people reach the service, for links the pages show (a calendar feed).
    pub public_url: String,
}

impl Default for LoginSettings {
    fn default() -> Self {
        LoginSettings {
            idle: TimeDelta::hours(8),
            absolute: TimeDelta::days(7),
            invitation: TimeDelta::days(7),
            reset: TimeDelta::hours(1),
            secure: false,
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

impl LoginSettings {
    fn cookie_name(&self) -> &'static str {
        if self.secure {
            "__Host-pg_login"
        } else {
            "pg_login"
        }
    }

    fn cookie(&self, value: &str, max_age: Option<u32>) -> HeaderValue {
        let mut c = format!(
            "{}={value}; Path=/; HttpOnly; SameSite=Lax",
            self.cookie_name()
        );
        if self.secure {
            c.push_str("; Secure");
        }
        if let Some(age) = max_age {
            c.push_str(&format!("; Max-Age={age}"));
        }
        HeaderValue::from_str(&c).expect("cookie values are hex")
    }
}

/// The signed-in user of a page request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_id: i64,
    pub who: Principal,
    pub csrf: String,
    pub words: Words,
}

impl SignedIn {
    pub fn me(&self) -> Option<Me> {
        Some(Me {
            csrf: self.csrf.clone(),
            manager: self.who.role.can_manage(),
        })
    }

    /// Whether a form carries this session's token; one that does not is [`refused`].
    pub fn carries_token(&self, fields: &Fields, headers: &HeaderMap) -> bool {
        let sent = fields
            .get("csrf")
            .or_else(|| headers.get("x-csrf-token").and_then(|v| v.to_str().ok()));
        sent.is_some_and(|t| constant_time_eq(t.as_bytes(), self.csrf.as_bytes()))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A page request that needs a signed-in user; anyone else is sent to the sign-in page,
/// and comes back here after.
impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        if let Some(s) = parts.extensions.get::<SignedIn>() {
            return Ok(s.clone());
        }
        let next = match parts.method {
            Method::GET => parts.uri.path().to_string(),
            _ => "/".to_string(),
        };
        Err(Redirect::to(&format!("/sign-in?next={}", encode(&next))).into_response())
    }
}

/// The words of a page request: the signed-in user's language, or the browser's.
impl<S: Send + Sync> FromRequestParts<S> for Words {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Words>()
            .cloned()
            .unwrap_or_else(|| Words::new(browser_locale(&parts.headers))))
    }
}

/// A submitted form's fields, in order; a name may repeat (checkboxes).
#[derive(Debug, Clone, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for Fields {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let words = req
            .extensions()
            .get::<Words>()
            .cloned()
            .unwrap_or_else(|| Words::new("en"));
        axum::Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map(|f| Fields(f.0))
            .map_err(|e| {
                error_page(
                    &words,
                    None,
                    crate::error::ApiError::bad_request(e.body_text()),
                )
            })
    }
}

fn browser_locale(headers: &HeaderMap) -> &'static str {
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    negotiate(
        accepted
            .split(',')
            .map(|part| part.split(';').next().unwrap_or("").trim())
            .filter(|tag| !tag.is_empty() && *tag != "*"),
    )
}

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether an unsafe request comes from this site's own pages, as the browser tells.
fn same_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Neither header: not a current browser, which sends one of them on every POST.
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .is_some_and(|o| o == host)
}

/// 403: a form from another site, or without its session's token.
pub fn refused(w: &Words) -> Response {
    message(
        StatusCode::FORBIDDEN,
        w,
        None,
        "refused-title",
        w.t("refused-body"),
        None,
    )
}

/// Loads the page request's login session from its cookie, and refuses a cross-site
/// unsafe request before any handler runs.
pub async fn page_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let settings = &state.login;
    let found = match cookie_value(req.headers(), settings.cookie_name()) {
        Some(secret) => state
            .store
            .login_session(secret, settings.idle, settings.absolute)
            .await
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "reading a login session failed");
                None
            }),
        None => None,
    };
    let words = Words::new(
        found
            .as_ref()
            .and_then(|s| s.locale.as_deref())
            .map(|l| negotiate([l]))
            .unwrap_or_else(|| browser_locale(req.headers())),
    );
    if !matches!(*req.method(), Method::GET | Method::HEAD) && !same_site(req.headers()) {
        return refused(&words);
    }
    if let Some(s) = found {
        req.extensions_mut().insert(SignedIn {
            session_id: s.id,
            who: s.principal,
            csrf: s.csrf_token,
            words: words.clone(),
        });
    }
    req.extensions_mut().insert(words);
    next.run(req).await
}

/// The client's address, as the connection gives it (sign-in failures are counted by it).
pub struct ClientIp(IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip()),
        ))
    }
}

/// Percent-encodes a path for a query string.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where to go after signing in: a path of this site only, never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.into(),
        _ => "/".into(),
    }
}

fn signed_in_response(state: &AppState, secret: &str, to: &str) -> Response {
    let mut r = Redirect::to(to).into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, state.login.cookie(secret, None));
    r
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    frame: Frame,
    next: String,
    email: String,
}

#[derive(serde::Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

pub async fn sign_in_page(w: Words, Query(q): Query<NextParam>) -> Response {
    page(
        StatusCode::OK,
        &SignInPage {
            frame: Frame::new(w, "sign-in-title", None),
            next: safe_next(q.next.as_deref()),
            email: String::new(),
        },
    )
}

pub async fn sign_in(
    State(state): State<AppState>,
    w: Words,
    ClientIp(ip): ClientIp,
    fields: Fields,
) -> Response {
    let email = fields.get("email").unwrap_or("").trim().to_lowercase();
    let password = fields.get("password").unwrap_or("").to_string();
    let next = safe_next(fields.get("next"));
    let again = |w: Words, status, error: String| {
        let mut frame = Frame::new(w, "sign-in-title", None);
        frame.errors.push(error);
        page(
            status,
            &SignInPage {
                frame,
                next: next.clone(),
                email: email.clone(),
            },
        )
    };
    let wait = state
        .sign_in_limit
        .blocked(ip)
        .or_else(|| state.sign_in_by_email.blocked(email.clone()));
    if let Some(wait) = wait {
        let seconds = wait.as_secs().max(1);
        let mut r = again(
            w.clone(),
            StatusCode::TOO_MANY_REQUESTS,
            w.t1("sign-in-slow-down", "seconds", seconds),
        );
        too_many_tries_after(&mut r, wait);
        return r;
    }
    match sign_in::check_password(&state.store, &email, password).await {
        Ok(Some(who)) => match state.store.start_login_session(&who).await {
            Ok(new) => signed_in_response(&state, &new.secret, &next),
            Err(e) => error_page(&w, None, e.into()),
        },
        Ok(None) => {
            state.sign_in_limit.failed(ip);
            state.sign_in_by_email.failed(email.clone());
            again(w.clone(), StatusCode::UNAUTHORIZED, w.t("sign-in-failed"))
        }
        Err(e) => error_page(&w, None, e.into()),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    if let Err(e) = state.store.end_login_session(signed.session_id).await {
        return error_page(&signed.words, None, e.into());
    }
    let mut r = message(
        StatusCode::OK,
        &signed.words,
        None,
        "sign-out",
        signed.words.t("signed-out"),
        Some(("/sign-in".into(), signed.words.t("sign-in-title"))),
    );
    r.headers_mut()
        .insert(header::SET_COOKIE, state.login.cookie("", Some(0)));
    // The pages kept for offline use, and any queued taps, hold participants' names.
    r.headers_mut().insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"storage\""),
    );
    r
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    frame: Frame,
}

pub async fn forgot_page(w: Words) -> Response {
    page(
        StatusCode::OK,
        &ForgotPage {
            frame: Frame::new(w, "forgot-title", None),
        },
    )
}

/// Sends a reset link to the address if it has an account, and says the same either way.
/// Each request counts against the address's sign-in allowance, so it cannot flood a mailbox.
pub async fn forgot(
    State(state): State<AppState>,
    w: Words,
    ClientIp(ip): ClientIp,
    fields: Fields,
) -> Response {
    if let Some(wait) = state.sign_in_limit.blocked(ip) {
        let mut r = message(
            StatusCode::TOO_MANY_REQUESTS,
            &w,
            None,
            "forgot-title",
            w.t1("sign-in-slow-down", "seconds", wait.as_secs().max(1)),
            None,
        );
        too_many_tries_after(&mut r, wait);
        return r;
    }
    state.sign_in_limit.failed(ip);
    let email = fields.get("email").unwrap_or("").trim();
    if let Err(e) = sign_in::request_reset(&state.store, email, state.login.reset).await {
        return error_page(&w, None, e.into());
    }
    message(
        StatusCode::OK,
        &w,
        None,
        "forgot-title",
        w.t("forgot-sent"),
        None,
    )
}

#[derive(Template)]
#[template(path = "welcome.html")]
struct WelcomePage {
    frame: Frame,
    intro: String,
    email: String,
    min: usize,
}

/// The link's row, if the token is genuine and the link still unused and valid.
async fn open_link(state: &AppState, token: &str) -> Option<peergroup_store::sign_in::SignInLink> {
    let now = state.store.clock().now();
    let t = state.links.as_ref()?.verify_sign_in(token, now)?;
    let link = state.store.sign_in_link(t.org_id, t.link_id).await.ok()??;
    (!link.used && link.expires_at > now).then_some(link)
}

fn link_invalid(w: &Words) -> Response {
    message(
        StatusCode::NOT_FOUND,
        w,
        None,
        "welcome-title",
        w.t("link-invalid"),
        Some(("/forgot".into(), w.t("forgot-link"))),
    )
}

fn welcome_form(w: Words, email: &str, status: StatusCode, error: Option<String>) -> Response {
    let intro = w.tn(
        "welcome-intro",
        &[
            ("email", email.to_string()),
            ("min", passwords::MIN_CHARS.to_string()),
        ],
    );
    let mut frame = Frame::new(w, "welcome-title", None);
    frame.errors.extend(error);
    page(
        status,
        &WelcomePage {
            frame,
            intro,
            email: email.to_string(),
            min: passwords::MIN_CHARS,
        },
    )
}

pub async fn welcome_page(
    State(state): State<AppState>,
    w: Words,
    Path(token): Path<String>,
) -> Response {
    match open_link(&state, &token).await {
        Some(link) => {
            let w = link
                .locale
                .as_deref()
                .map_or(w, |l| Words::new(negotiate([l])));
            welcome_form(w, &link.email, StatusCode::OK, None)
        }
        None => link_invalid(&w),
    }
}

pub async fn welcome(
    State(state): State<AppState>,
    w: Words,
    Path(token): Path<String>,
    fields: Fields,
) -> Response {
    let Some(link) = open_link(&state, &token).await else {
        return link_invalid(&w);
    };
    let password = fields.get("password").unwrap_or("").to_string();
    if fields.get("repeat") != Some(password.as_str()) {
        return welcome_form(
            w.clone(),
            &link.email,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(w.t("password-mismatch")),
        );
    }
    if let Err(e) = passwords::check(&password) {
        let text = match e {
            passwords::PasswordError::TooShort => {
                w.t1("password-too-short", "min", passwords::MIN_CHARS)
            }
            passwords::PasswordError::TooLong => {
                w.t1("password-too-long", "max", passwords::MAX_CHARS)
            }
        };
        return welcome_form(w, &link.email, StatusCode::UNPROCESSABLE_ENTITY, Some(text));
    }
    match sign_in::set_password(&state.store, link.org_id, link.id, password).await {
        Ok(Some(who)) => match state.store.start_login_session(&who).await {
            Ok(new) => signed_in_response(&state, &new.secret, "/"),
            Err(e) => error_page(&w, None, e.into()),
        },
        Ok(None) => link_invalid(&w),
        Err(StoreError::Invalid(e)) => welcome_form(
            w,
            &link.email,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(e.to_string()),
        ),
        Err(e) => error_page(&w, None, e.into()),
    }
}
