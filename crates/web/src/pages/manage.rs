//! The coordinators' other pages, each with a line on what it is for: the header keeps to
//! the pages used every week, so that it fits a phone.

use super::login::SignedIn;
use super::{Frame, error_page, page};
use crate::access::require_manager;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use peergroup_domain::org::Role;

/// Each page: its path and the key of its name (`nav-…`) and line (`manage-…`).
const PAGES: [(&str, &str, &str); 10] = [
    ("/programs", "nav-programs", "manage-programs"),
    ("/facilitators", "nav-facilitators", "manage-facilitators"),
    ("/instruments", "nav-instruments", "manage-instruments"),
    ("/messages", "nav-messages", "manage-messages"),
    ("/access", "nav-access", "manage-access"),
    ("/access-log", "nav-access-log", "manage-access-log"),
    ("/exports", "nav-exports", "manage-exports"),
    ("/settings", "nav-settings", "manage-settings"),
    ("/training", "nav-training", "manage-training"),
    ("/calendar", "nav-calendar", "manage-calendar"),
];

#[derive(Template)]
#[template(path = "manage.html")]
struct ManagePage {
    frame: Frame,
    pages: Vec<(&'static str, String, String)>,
}

pub async fn manage(signed: SignedIn) -> Response {
    let w = &signed.words;
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    page(
        StatusCode::OK,
        &ManagePage {
            frame: Frame::new(w.clone(), "manage-title", signed.me()),
            pages: PAGES
                .iter()
                // The access log is for admins.
                .filter(|(path, ..)| *path != "/access-log" || signed.who.role == Role::Admin)
                .map(|(path, name, line)| (*path, w.t(name), w.t(line)))
                .collect(),
        },
    )
}
