//! The pages' static files, built into the binary: nothing to install or serve beside it.
//! They change only with a new build, so browsers may keep them for a day.

use crate::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const APP_CSS: &[u8] = include_bytes!("../../static/app.css");

pub fn router() -> Router<AppState> {
    Router::new().route("/static/app.css", get(css))
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
