//! The coordinator's dashboard: the coming week's sessions (and those missing a lead
//! role), follow-ups, training gaps, supports to arrange, a small chart of the share of
//! participants each active group keeps (drawn by the server as SVG), and the groups with
//! assessments due.

use super::login::SignedIn;
use super::outcomes::due_links;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use peergroup_app::dashboard::{self, Dashboard};
use peergroup_domain::Id;
use peergroup_notify::render::date_time;
use peergroup_store::Store;
use peergroup_store::dashboard::WeekSession;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Sessions and groups listed at most; the rest are counted.
const SHOWN: usize = 15;

/// How long a reading of the dashboard is shown again before it is read anew. Requests of
/// one organization in the same second share one reading (of up to hundreds of groups),
/// and wait for it rather than read side by side; no person can change something and
/// look again within a second.
const FRESH_FOR: Duration = Duration::from_secs(1);

type Slot = Arc<tokio::sync::Mutex<Option<(Instant, Arc<Dashboard>)>>>;

/// The latest reading of each organization's dashboard.
#[derive(Default)]
pub struct DashboardCache(std::sync::Mutex<HashMap<Id, Slot>>);

impl DashboardCache {
    async fn get(&self, store: &Store, org: Id) -> peergroup_store::Result<Arc<Dashboard>> {
        let slot = self
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(org)
            .or_default()
            .clone();
        let mut held = slot.lock().await;
        if let Some((at, d)) = held.as_ref()
            && at.elapsed() < FRESH_FOR
        {
            return Ok(d.clone());
        }
        let d = Arc::new(dashboard::dashboard(store, org).await?);
        *held = Some((Instant::now(), d.clone()));
        Ok(d)
    }
}

pub struct SessionLine {
    pub id: i64,
    pub when: String,
    pub what: String,
    pub missing: Option<String>,
}

pub struct RetentionBar {
    pub name: String,
    pub figure: String,
    /// The bar's length, 0 to 100.
    pub percent: u32,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    frame: Frame,
    week_count: String,
    week: Vec<SessionLine>,
    gaps: Vec<SessionLine>,
    follow_ups: Vec<String>,
    training: Vec<String>,
    supports: Vec<String>,
    retention: Vec<RetentionBar>,
    more_groups: Option<String>,
    /// (link, words) for each group with assessments due, the most first.
    assessments: Vec<(String, String)>,
    more_assessments: Option<String>,
}

fn session_line(w: &Words, s: &WeekSession) -> SessionLine {
    let tz: chrono_tz::Tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
    let when = date_time(w.locale, s.starts_at, tz)
        .or_else(|_| date_time("en", s.starts_at, tz))
        .map(|(d, t)| format!("{d}, {t}"))
        .unwrap_or_default();
    SessionLine {
        id: s.id,
        when,
        what: w.tn(
            "dashboard-session",
            &[
                ("group", s.group_name.clone()),
                ("number", s.number.to_string()),
            ],
        ),
        missing: (!s.missing.is_empty())
            .then(|| w.t1("dashboard-missing", "roles", s.missing.join(", "))),
    }
}

/// How many groups of a list of `all` are past the first [`SHOWN`], if any.
fn not_shown(w: &Words, all: usize) -> Option<String> {
    (all > SHOWN).then(|| w.t1("dashboard-more-groups", "count", all - SHOWN))
}

fn view(w: &Words, d: &Dashboard) -> DashboardPage {
    let frame = Frame::new(w.clone(), "dashboard-title", None);
    let gaps: Vec<SessionLine> = d
        .week
        .iter()
        .filter(|s| !s.missing.is_empty())
        .take(SHOWN)
        .map(|s| session_line(w, s))
        .collect();
    let s = &d.supports;
    let mut supports = Vec::new();
    if s.childcare_children > 0 {
        supports.push(w.t1("dashboard-childcare", "count", s.childcare_children));
    }
    if s.transport > 0 {
        supports.push(w.t1("dashboard-transport", "count", s.transport));
    }
    if s.food > 0 {
        supports.push(w.t1("dashboard-food", "count", s.food));
    }
    if !s.interpreters.is_empty() {
        supports.push(w.t1(
            "dashboard-interpreters",
            "languages",
            s.interpreters.join(", "),
        ));
    }
    let f = &d.follow_ups;
    DashboardPage {
        frame,
        week_count: w.t1("dashboard-week-count", "count", d.week.len()),
        week: d
            .week
            .iter()
            .take(SHOWN)
            .map(|s| session_line(w, s))
            .collect(),
        gaps,
        follow_ups: vec![
            w.t1("dashboard-open", "count", f.open),
            w.t1("dashboard-overdue", "count", f.overdue),
            w.t1("dashboard-escalated", "count", f.escalated),
        ],
        training: d
            .training
            .iter()
            .take(SHOWN)
            .map(|g| {
                let what = g
                    .standing
                    .unmet
                    .iter()
                    .chain(&g.standing.expiring)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                w.tn(
                    "dashboard-training-gap",
                    &[
                        ("name", g.display_name.clone()),
                        ("group", g.standing.group_name.clone()),
                        ("missing", what),
                    ],
                )
            })
            .collect(),
        supports,
        retention: d
            .retention
            .iter()
            .take(SHOWN)
            .map(|g| RetentionBar {
                name: g.name.clone(),
                figure: w.tn(
                    "dashboard-kept",
                    &[
                        ("kept", g.kept.to_string()),
                        ("all", (g.kept + g.left).to_string()),
                    ],
                ),
                percent: g.share().map_or(0, |s| (s * 100.0).round() as u32),
            })
            .collect(),
        more_groups: not_shown(w, d.retention.len()),
        assessments: due_links(w, &d.assessments[..d.assessments.len().min(SHOWN)]),
        more_assessments: not_shown(w, d.assessments.len()),
    }
}

pub async fn dashboard(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let read = async {
        require_manager(&signed.who)?;
        Ok::<_, ApiError>(
            state
                .dashboards
                .get(&state.store, signed.who.org_id)
                .await?,
        )
    };
    match read.await {
        Ok(d) => {
            let mut page_view = view(w, &d);
            page_view.frame.me = signed.me();
            page(StatusCode::OK, &page_view)
        }
        Err(e) => error_page(w, signed.me(), e),
    }
}
