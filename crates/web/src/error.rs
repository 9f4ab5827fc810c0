//! RFC 9457 problem details. Every error the API returns is `application/problem+json` with
//! a `type`, a `title`, the `status`, a `detail`, and for validation the list of fields.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use peergroup_domain::{FieldError, ValidationErrors};
use peergroup_store::StoreError;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa::openapi::{
    ContentBuilder, Ref, RefOr, ResponseBuilder, response::Response as OaResponse,
};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail (RFC 9457).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem, such as `/problems/validation`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// For validation problems: every field that was refused and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Clone)]
pub struct ApiError(pub Box<Problem>);

impl ApiError {
    pub fn new(status: StatusCode, slug: &str, title: &str, detail: impl Into<String>) -> Self {
        ApiError(Box::new(Problem {
            kind: format!("/problems/{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        }))
    }

    pub fn validation(errors: &ValidationErrors) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "Invalid input",
            errors.to_string(),
        );
        e.0.errors = errors.errors().to_vec();
        e
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::validation(&ValidationErrors::single(field, message))
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "Bad request",
            detail,
        )
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not-found",
            "Not found",
            format!("{what} not found"),
        )
    }

    pub fn unauthorized(detail: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            detail,
        )
    }

    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            "Payload too large",
            "the request body is too large",
        )
    }

    pub fn forbidden(detail: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden", detail)
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", "Conflict", detail)
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "something went wrong on our side; nothing was changed",
        )
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound(what) => ApiError::not_found(what),
            StoreError::Conflict(detail) => ApiError::conflict(detail),
            StoreError::Forbidden(detail) => ApiError::forbidden(&detail),
            StoreError::Invalid(errors) => ApiError::validation(&errors),
            StoreError::Db(_) | StoreError::Corrupt(_) => {
                // Messages may quote stored values (personal data): log only the kind.
                tracing::error!(kind = err_kind(&err), "store failure");
                ApiError::internal()
            }
        }
    }
}

fn err_kind(err: &StoreError) -> &'static str {
    match err {
        StoreError::Db(_) => "database",
        _ => "unreadable stored data",
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> Self {
        ApiError::validation(&errors)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&*self.0).unwrap_or_default();
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

fn problem_response(description: &str) -> RefOr<OaResponse> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

fn responses(codes: &[(u16, &str)]) -> BTreeMap<String, RefOr<OaResponse>> {
    codes
        .iter()
        .map(|(code, description)| (code.to_string(), problem_response(description)))
        .collect()
}

const UNAUTHORIZED: (u16, &str) = (401, "Missing, unknown or revoked bearer token");
const NOT_FOUND: (u16, &str) = (404, "No such object in the caller's organization");
const BAD_REQUEST: (u16, &str) = (400, "Malformed JSON, query or path");
const FORBIDDEN: (u16, &str) = (403, "The caller's role may not do this");
const INVALID: (u16, &str) = (422, "A field breaks a rule; `errors` lists each");
const TOO_MANY: (u16, &str) = (
    429,
    "Too many unknown tokens from this address; `Retry-After` says when to try again",
);

/// The problems any authenticated read can return.
pub struct ReadProblems;

impl utoipa::IntoResponses for ReadProblems {
    fn responses() -> BTreeMap<String, RefOr<OaResponse>> {
        responses(&[
            BAD_REQUEST,
            UNAUTHORIZED,
            FORBIDDEN,
            NOT_FOUND,
            INVALID,
            TOO_MANY,
        ])
    }
}

/// The problems any authenticated write can return.
pub struct WriteProblems;

impl utoipa::IntoResponses for WriteProblems {
    fn responses() -> BTreeMap<String, RefOr<OaResponse>> {
        responses(&[
            BAD_REQUEST,
            UNAUTHORIZED,
            FORBIDDEN,
            NOT_FOUND,
            (408, "The body did not arrive in time"),
            (
                409,
                "Clashes with the current state, or the Idempotency-Key was used for another request",
            ),
            (413, "Request body too large"),
            (415, "Body is not application/json"),
            INVALID,
            TOO_MANY,
        ])
    }
}
