//! Request layers of the JSON API: bearer authentication, then idempotency keys.

use crate::AppState;
use crate::error::ApiError;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use peergroup_domain::Id;
use peergroup_domain::records::Principal;
use peergroup_store::{Authenticated, Finished, Keyed, KeyedRequest, SavedResponse};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Principals of recently seen tokens, so that a busy client does not cost a token lookup
/// per request. A token revoked through this process is dropped at once; one revoked
/// elsewhere keeps working here for at most `ttl`. An entry never outlives its token's expiry.
pub struct TokenCache {
    ttl: Duration,
    entries: Mutex<HashMap<String, Cached>>,
}

struct Cached {
    principal: Principal,
    token_id: Id,
    until: Instant,
}

const TOKEN_CACHE_MAX: usize = 10_000;

impl TokenCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, token: &str) -> Option<Principal> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(token)
            .filter(|c| Instant::now() < c.until)
            .map(|c| c.principal.clone())
    }

    /// Remembers a token found valid at `now` (the store's clock).
    fn put(&self, token: &str, found: &Authenticated, now: chrono::DateTime<chrono::Utc>) {
        if self.ttl.is_zero() {
            return;
        }
        let mut ttl = self.ttl;
        if let Some(expires_at) = found.expires_at {
            let left = (expires_at - now).to_std().unwrap_or_default();
            ttl = ttl.min(left);
        }
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= TOKEN_CACHE_MAX {
            entries.retain(|_, c| now < c.until);
            if entries.len() >= TOKEN_CACHE_MAX {
                entries.clear();
            }
        }
        entries.insert(
            token.to_string(),
            Cached {
                principal: found.principal.clone(),
                token_id: found.token_id,
                until: now + ttl,
            },
        );
    }

    /// Drops a revoked token, so that this process refuses it from the next request.
    pub fn forget(&self, token_id: Id) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|_, c| c.token_id != token_id);
    }
}

/// Resolves `Authorization: Bearer <token>` to a principal, or answers 401.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(token) = token.filter(|t| !t.is_empty() && t.len() <= 200) else {
        return ApiError::unauthorized("send Authorization: Bearer <token>").into_response();
    };
    if let Some(principal) = state.tokens.get(token) {
        req.extensions_mut().insert(principal);
        return next.run(req).await;
    }
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    if let Some(wait) = state.auth_limit.blocked(client) {
        return too_many_tries(wait);
    }
    match state.store.authenticate(token).await {
        Ok(Some(found)) => {
            state.tokens.put(token, &found, state.store.clock().now());
            req.extensions_mut().insert(found.principal);
            next.run(req).await
        }
        Ok(None) => match state.auth_limit.failed(client) {
            Some(wait) => too_many_tries(wait),
            None => ApiError::unauthorized("the token is unknown or revoked").into_response(),
        },
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// 429 with `Retry-After` in whole seconds, at least one.
fn too_many_tries(wait: Duration) -> Response {
    let mut response = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-requests",
        "Too many requests",
        "too many unknown tokens from this address; wait and try again",
    )
    .into_response();
    crate::auth_limit::too_many_tries_after(&mut response, wait);
    response
}

/// A POST with an `Idempotency-Key` is done once per user and key: a repeat with the same
/// body gets the saved response, a repeat with another body (or by the same user under
/// another role) is refused, and a failed attempt leaves the key free. The work and its
/// saved response commit together (`Store::run_keyed`), so a crash cannot split them.
pub async fn idempotency(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let Some(key) = req.headers().get(IDEMPOTENCY_KEY) else {
        return next.run(req).await;
    };
    let key = match key.to_str() {
        Ok(k) if !k.trim().is_empty() && k.len() <= 200 => k.trim().to_string(),
        _ => {
            return ApiError::bad_request("Idempotency-Key must be 1 to 200 visible characters")
                .into_response();
        }
    };
    let Some(caller) = req.extensions().get::<Principal>().cloned() else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, state.body_limit).await else {
        return ApiError::too_large().into_response();
    };
    let hash = request_hash(&parts, &bytes);
    let request = KeyedRequest {
        caller: &caller,
        key: &key,
        request_hash: &hash,
    };
    let work = || async move {
        let response = next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
        let (parts, body) = response.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
            return Finished {
                answer: ApiError::internal().into_response(),
                save: None,
            };
        };
        let save = parts.status.is_success().then(|| SavedResponse {
            status: parts.status.as_u16(),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        });
        Finished {
            answer: Response::from_parts(parts, Body::from(bytes)),
            save,
        }
    };
    match state.store.run_keyed(request, work).await {
        Ok(Keyed::Ran(response)) => response,
        Ok(Keyed::Replay(saved)) => replay(saved),
        Ok(Keyed::Mismatch) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency-key-reused",
            "Idempotency key reused",
            "this Idempotency-Key was already used for a different request",
        )
        .into_response(),
        Ok(Keyed::RoleChanged) => ApiError::forbidden(
            "this Idempotency-Key was used when you had another role; send the request with a new key",
        )
        .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// What a keyed request asks for: its method, path and body.
fn request_hash(parts: &axum::http::request::Parts, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update(b" ");
    hasher.update(parts.uri.path());
    hasher.update(b"\n");
    hasher.update(body);
    hex::encode(hasher.finalize())
}

fn replay(saved: SavedResponse) -> Response {
    let status = StatusCode::from_u16(saved.status).unwrap_or(StatusCode::OK);
    let mut response = (status, saved.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

/// The pages' content security policy: scripts, styles and everything else from this
/// service only, never inline; forms that post back here; never inside another site's frame.
const PAGE_POLICY: &str =
    "default-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Headers every response carries: no content sniffing; no caching, since answers hold
/// personal data; a content security policy on HTML pages; and `WWW-Authenticate` on 401.
pub async fn security_headers(mut response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let unauthorized = response.status() == StatusCode::UNAUTHORIZED;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    if is_html {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_POLICY),
        );
    }
    if unauthorized {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"peergroup\""),
        );
    }
    response
}

/// Reads the request's body in full within `body_timeout`, or answers 408: a client that
/// trickles its body cannot hold a connection and a handler. Bodies are small JSON or form
/// data (at most the body limit), so holding one in memory costs nothing worth keeping.
pub async fn body_timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    // The one page that takes a file takes more than any JSON request.
    let limit = if parts.uri.path() == crate::pages::UPLOAD_PATH {
        crate::pages::UPLOAD_LIMIT
    } else {
        state.body_limit
    };
    let read = axum::body::to_bytes(body, limit);
    match tokio::time::timeout(state.body_timeout, read).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(e)) if is_too_long(&e) => ApiError::too_large().into_response(),
        Ok(Err(_)) => ApiError::bad_request("the request body could not be read").into_response(),
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request-timeout",
            "Request timeout",
            "the request body did not arrive in time",
        )
        .into_response(),
    }
}

fn is_too_long(e: &axum::Error) -> bool {
    std::error::Error::source(e).is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
}
