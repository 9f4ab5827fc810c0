//! peergroup-web: the HTTP face of peergroup. Handlers are thin: parse, authorize, call the
//! store, map the result. Every error is RFC 9457 problem+json.

mod access;
mod auth_limit;
mod body_shape;
mod detail_cache;
pub mod error;
pub mod extract;
mod health;
mod middleware;
mod openapi;
pub mod pages;
mod routes;

use crate::error::ApiResult;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use peergroup_app::erasure;
use peergroup_notify::links::LinkSigner;
use peergroup_store::Store;
use std::sync::Arc;
use std::time::Duration;
use utoipa_axum::router::OpenApiRouter;

pub use openapi::openapi;

/// Largest request body accepted, in bytes; a program with 20 phases fits easily.
pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;

/// Unknown tokens one client address may try at once, then per second.
pub const DEFAULT_AUTH_FAILURES_BURST: u32 = 20;
pub const DEFAULT_AUTH_FAILURES_PER_SECOND: u32 = 2;

/// How long a request's body may take to arrive.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// The service key whose first bytes name this installation; random, and signs nothing.
const INSTALLATION_KEY: &str = "installation";

/// How long an authenticated token is remembered before it is looked up again.
pub const DEFAULT_AUTH_CACHE: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub body_limit: usize,
    /// How long a request's body may take to arrive in full (408 after).
    pub body_timeout: Duration,
    tokens: Arc<middleware::TokenCache>,
    /// Unknown tokens tried per client address.
    auth_limit: Arc<auth_limit::AuthLimiter>,
    /// Group details as last answered, served again while the group's revision stands.
    details: Arc<detail_cache::DetailCache>,
    /// Checks "I can't come" links; without it those links answer 404.
    links: Option<LinkSigner>,
    /// This installation's random name, read once from the database (see `installation`).
    installation: Arc<tokio::sync::OnceCell<String>>,
    /// How long page sign-ins last and whether their cookie needs https.
    login: Arc<pages::LoginSettings>,
    /// Failed sign-ins per client address, and per email address.
    sign_in_limit: Arc<auth_limit::AuthLimiter>,
    sign_in_by_email: Arc<auth_limit::AuthLimiter<String>>,
    /// Each organization's dashboard as last read, for a second.
    dashboards: Arc<pages::DashboardCache>,
    /// How an SMS the gateway reports undelivered waits before it is sent again.
    sms_retry: peergroup_app::sms_reports::Retry,
    /// Folders where mail and SMS are written instead of sent: an erasure clears its
    /// person's files there too.
    outboxes: Arc<Vec<std::path::PathBuf>>,
}

/// Failed sign-ins allowed at once, then one every this many seconds (per address and
/// per email).
const SIGN_IN_FAILURES_BURST: u32 = 10;
const SIGN_IN_FAILURES_PER_MINUTE: u32 = 6;

impl AppState {
    pub fn new(store: Store) -> Self {
        Self::with_auth_cache(store, DEFAULT_AUTH_CACHE)
    }

    /// `auth_cache` is how long a revoked token may still work in this process (zero: none).
    pub fn with_auth_cache(store: Store, auth_cache: Duration) -> Self {
        Self {
            store,
            body_limit: DEFAULT_BODY_LIMIT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            tokens: Arc::new(middleware::TokenCache::new(auth_cache)),
            auth_limit: Arc::new(auth_limit::AuthLimiter::new(
                DEFAULT_AUTH_FAILURES_BURST,
                DEFAULT_AUTH_FAILURES_PER_SECOND,
            )),
            details: Arc::new(detail_cache::DetailCache::new(
                detail_cache::DEFAULT_DETAIL_CACHE,
            )),
            links: None,
            sms_retry: peergroup_app::sms_reports::Retry {
                base: chrono::TimeDelta::seconds(30),
                max: chrono::TimeDelta::hours(1),
            },
            installation: Arc::new(tokio::sync::OnceCell::new()),
            login: Arc::new(pages::LoginSettings::default()),
            sign_in_limit: Arc::new(auth_limit::AuthLimiter::per_minute(
                SIGN_IN_FAILURES_BURST,
                SIGN_IN_FAILURES_PER_MINUTE,
            )),
            sign_in_by_email: Arc::new(auth_limit::AuthLimiter::per_minute(
                SIGN_IN_FAILURES_BURST,
                SIGN_IN_FAILURES_PER_MINUTE,
            )),
            dashboards: Arc::default(),
            outboxes: Arc::default(),
        }
    }

    /// Erases a person's personal data, in the database and in the outbox folders, as
    /// `who` through `route`.
    pub(crate) async fn erase(
        &self,
        who: &peergroup_domain::records::Principal,
        person: peergroup_domain::Id,
        route: &str,
    ) -> peergroup_store::Result<chrono::DateTime<chrono::Utc>> {
        let by = erasure::By {
            user: Some(who.user_id),
            route,
        };
        erasure::erase(&self.store, who.org_id, person, by, &self.outboxes).await
    }

    /// Logs that `who` did `action` to the data `about` through `route` (its template). A
    /// read that cannot be logged is not answered.
    pub(crate) async fn log_access(
        &self,
        who: &peergroup_domain::records::Principal,
        action: peergroup_domain::access_log::AccessAction,
        about: peergroup_domain::access_log::About,
        route: &str,
    ) -> peergroup_store::Result<()> {
        let by = peergroup_domain::access_log::By {
            user: Some(who.user_id),
            route,
        };
        self.store
            .record_access(who.org_id, by, action, about)
            .await
    }

    /// Logs that `who` read the data `about` through `route`; see `log_access`.
    pub(crate) async fn log_read(
        &self,
        who: &peergroup_domain::records::Principal,
        about: peergroup_domain::access_log::About,
        route: &str,
    ) -> peergroup_store::Result<()> {
        let read = peergroup_domain::access_log::AccessAction::Read;
        self.log_access(who, read, about, route).await
    }

    /// Makes a change and logs it as one transaction, so that neither stands without the
    /// other. `about` says whose data the change (from its result) touched.
    pub(crate) async fn logged_change<T, E>(
        &self,
        who: &peergroup_domain::records::Principal,
        route: &str,
        about: impl FnOnce(&T) -> peergroup_domain::access_log::About,
        change: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<T, E>
    where
        E: From<peergroup_store::StoreError>,
    {
        let logged = async {
            let done = change.await?;
            let action = peergroup_domain::access_log::AccessAction::Change;
            self.log_access(who, action, about(&done), route).await?;
            Ok(done)
        };
        self.store.in_one_transaction(logged).await
    }

    /// The folders mail and SMS are written to instead of sent, if any.
    pub fn with_outboxes(mut self, dirs: Vec<std::path::PathBuf>) -> Self {
        self.outboxes = Arc::new(dirs);
        self
    }

    /// How long sign-ins last, how long links work, and whether cookies need https.
    pub fn with_login(mut self, settings: pages::LoginSettings) -> Self {
        self.login = Arc::new(settings);
        self
    }

    /// Keeps at most `entries` group details in memory (zero: none, every answer is read).
    pub fn with_detail_cache(mut self, entries: usize) -> Self {
        self.details = Arc::new(detail_cache::DetailCache::new(entries));
        self
    }

    /// Refuses (408) a request whose body has not arrived in full after `timeout`.
    pub fn with_body_timeout(mut self, timeout: Duration) -> Self {
        self.body_timeout = timeout;
        self
    }

    /// Allows one client address `burst` unknown tokens at once, then `per_second`.
    pub fn with_auth_limit(mut self, burst: u32, per_second: u32) -> Self {
        self.auth_limit = Arc::new(auth_limit::AuthLimiter::new(burst, per_second));
        self
    }

    /// A random name for this installation, the same on every replica and across restarts:
    /// it keeps identifiers that leave the server (calendar UIDs) apart from another
    /// installation's.
    pub(crate) async fn installation(&self) -> ApiResult<&str> {
        let name = self
            .installation
            .get_or_try_init(|| async {
                let key = self.store.service_key(INSTALLATION_KEY).await?;
                Ok::<_, peergroup_store::StoreError>(hex::encode(&key[..8]))
            })
            .await?;
        Ok(name)
    }

    /// How an SMS reported undelivered waits before it is sent again (the job queue's
    /// backoff).
    pub fn with_sms_retry(mut self, retry: peergroup_app::sms_reports::Retry) -> Self {
        self.sms_retry = retry;
        self
    }

    /// Accepts "I can't come" links and SMS delivery reports signed with this key.
    pub fn with_links(mut self, links: LinkSigner) -> Self {
        self.links = Some(links);
        self
    }
}

/// The versioned JSON API, before state is attached.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(routes::templates::router())
        .merge(routes::programs::router())
        .merge(routes::groups::router())
        .merge(routes::people::router())
        .merge(routes::enrollments::router())
        .merge(routes::me::router())
        .merge(routes::sessions::router())
        .merge(routes::feeds::router())
        .merge(routes::attendance::router())
        .merge(routes::followups::router())
        .merge(routes::messages::router())
        .merge(routes::organization::router())
        .merge(routes::access_log::router())
        .merge(routes::tokens::router())
        .merge(routes::invitations::router())
        .merge(routes::training::router())
        .merge(routes::supervision::router())
        .merge(routes::outcomes::router())
}

/// The API routes (still needing authentication layers) and the whole OpenAPI document.
fn documented_app_parts() -> (Router<AppState>, utoipa::openapi::OpenApi, Router<AppState>) {
    let (api, mut doc) = OpenApiRouter::with_openapi(openapi::base())
        .nest("/api/v1", api())
        .split_for_parts();
    let (health, health_doc) = health::router()
        .merge(routes::feeds::public_router())
        .merge(routes::absence::router())
        .split_for_parts();
    doc.merge(health_doc);
    openapi::open_flattened_specs(&mut doc);
    let bearer =
        utoipa::openapi::security::SecurityRequirement::new("bearer", Vec::<String>::new());
    for (path, item) in doc.paths.paths.iter_mut() {
        if path.starts_with("/api/v1") {
            for op in operations(item) {
                op.security = Some(vec![bearer.clone()]);
            }
        }
    }
    (api, doc, health)
}

fn operations(
    item: &mut utoipa::openapi::PathItem,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .filter_map(|op| op.as_mut())
}

/// The whole application: health checks, the OpenAPI document and the API under `/api/v1`.
pub fn app(state: AppState) -> Router {
    let (api, _, health) = documented_app_parts();
    let api = api
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::idempotency,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::authenticate,
        ));
    Router::new()
        .merge(health)
        .merge(api)
        .merge(pages::router(state.clone()))
        .merge(routes::sms_gateway::router())
        .method_not_allowed_fallback(|| async {
            error::ApiError::new(
                axum::http::StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                "this route does not take this method; `Allow` lists those it takes",
            )
        })
        .fallback(|| async { error::ApiError::not_found("route") })
        .layer(DefaultBodyLimit::max(state.body_limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::body_timeout,
        ))
        .layer(axum::middleware::map_response(middleware::security_headers))
        .with_state(state)
}
