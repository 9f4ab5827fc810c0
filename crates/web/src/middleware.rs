//! Request layers of the JSON API: bearer authentication, then idempotency keys.

use crate::AppState;
use crate::error::ApiError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use peergroup_domain::records::Principal;
use peergroup_store::IdempotencyBegin;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Principals of recently seen tokens, so that a busy client does not cost a token lookup
/// per request. A revoked token keeps working in this process for at most `ttl`.
pub struct TokenCache {
    ttl: Duration,
    entries: Mutex<HashMap<String, (Principal, Instant)>>,
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
            .filter(|(_, at)| at.elapsed() < self.ttl)
            .map(|(p, _)| p.clone())
    }

    fn put(&self, token: &str, principal: &Principal) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= TOKEN_CACHE_MAX {
            entries.retain(|_, (_, at)| at.elapsed() < self.ttl);
            if entries.len() >= TOKEN_CACHE_MAX {
                entries.clear();
            }
        }
        entries.insert(token.to_string(), (principal.clone(), Instant::now()));
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
    match state.store.authenticate(token).await {
        Ok(Some(principal)) => {
            state.tokens.put(token, &principal);
            req.extensions_mut().insert(principal);
            next.run(req).await
        }
        Ok(None) => ApiError::unauthorized("the token is unknown or revoked").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// A POST with an `Idempotency-Key` is done once: a repeat with the same body gets the saved
/// response, a repeat with another body is refused, and a failed attempt frees the key.
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
    let Some(org) = req.extensions().get::<Principal>().map(|p| p.org_id) else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, state.body_limit).await {
        Ok(b) => b,
        Err(_) => {
            return ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "Payload too large",
                "the request body is too large",
            )
            .into_response();
        }
    };
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update(b" ");
    hasher.update(parts.uri.path());
    hasher.update(b"\n");
    hasher.update(&bytes);
    let hash = hex::encode(hasher.finalize());

    match state.store.begin_idempotent(org, &key, &hash).await {
        Err(e) => return ApiError::from(e).into_response(),
        Ok(IdempotencyBegin::Replay { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = (status, body).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
            return response;
        }
        Ok(IdempotencyBegin::Mismatch) => {
            return ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "Idempotency key reused",
                "this Idempotency-Key was already used for a different request",
            )
            .into_response();
        }
        Ok(IdempotencyBegin::InProgress) => {
            return ApiError::conflict(
                "a request with this Idempotency-Key is still being processed; retry shortly",
            )
            .into_response();
        }
        Ok(IdempotencyBegin::Claimed) => {}
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        let _ = state.store.abandon_idempotent(org, &key).await;
        return ApiError::internal().into_response();
    };
    let saved = if parts.status.is_success() {
        let text = String::from_utf8_lossy(&bytes);
        state
            .store
            .finish_idempotent(org, &key, parts.status.as_u16(), &text)
            .await
    } else {
        state.store.abandon_idempotent(org, &key).await
    };
    if let Err(e) = saved {
        return ApiError::from(e).into_response();
    }
    Response::from_parts(parts, Body::from(bytes))
}
