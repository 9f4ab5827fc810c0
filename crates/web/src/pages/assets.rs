//! The pages' static files, built into the binary: nothing to install or serve beside it.
//! They change only with a new build, so browsers may keep them for a day.

use crate::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const APP_CSS: &[u8] = include_bytes!("../../static/app.css");
const APP_JS: &[u8] = include_bytes!("../../static/app.js");
const SERVICE_WORKER: &[u8] = include_bytes!("../../static/sw.js");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        // At the root, so that it may keep every page of the site.
        .route("/sw.js", get(service_worker))
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        APP_CSS,
    )
}

async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        APP_JS,
    )
}

/// Checked for a new version at every page load: never kept by the browser's cache.
async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
}
