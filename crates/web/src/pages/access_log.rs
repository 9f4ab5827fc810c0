//! The access log, for admins: who read or changed whose data, newest first, per user or
//! per person, and whether its hash chain holds. People appear by number only (a link to
//! their page), so that reading the log reads no one's data.

use super::login::SignedIn;
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_admin;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use peergroup_domain::Id;
use peergroup_domain::access_log::AccessEntry;
use peergroup_notify::render::date_time;
use std::collections::HashMap;

/// Entries on one page.
const SHOWN: u64 = 50;

pub struct Line {
    pub when: String,
    pub who: String,
    pub action: String,
    /// Whose data, and its page.
    pub about: (String, Option<String>),
    pub route: String,
}

#[derive(Template)]
#[template(path = "access_log.html")]
struct AccessLogPage {
    frame: Frame,
    chain: String,
    broken: bool,
    users: Vec<Choice>,
    person: String,
    lines: Vec<Line>,
    older: Option<String>,
}

/// A number from the query: empty is none, anything else not a number is refused.
fn id_in(query: &HashMap<String, String>, key: &str) -> Result<Option<Id>, ApiError> {
    match query.get(key).map(|v| v.trim()).unwrap_or("") {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| ApiError::field(key, "must be a number")),
    }
}

/// Date and time to the minute, in UTC: entries come from every group's timezone.
fn when(w: &Words, at: chrono::DateTime<chrono::Utc>) -> String {
    let tz = chrono_tz::UTC;
    let (date, time) = date_time(w.locale, at, tz)
        .or_else(|_| date_time("en", at, tz))
        .unwrap_or_default();
    format!("{date} {time} UTC")
}

fn line(
    w: &Words,
    e: AccessEntry,
    users: &HashMap<Id, String>,
    groups: &HashMap<Id, String>,
) -> Line {
    let who = match e.user_id {
        Some(u) => users.get(&u).cloned().unwrap_or_else(|| format!("#{u}")),
        None => w.t("access-log-system"),
    };
    let about = match (e.person_id, e.group_id) {
        (Some(p), _) => (
            w.t1("access-log-about-person", "id", p),
            Some(format!("/participants/{p}")),
        ),
        (None, Some(g)) => (
            w.t1(
                "access-log-about-group",
                "name",
                groups.get(&g).cloned().unwrap_or_else(|| format!("#{g}")),
            ),
            Some(format!("/groups/{g}")),
        ),
        (None, None) => (w.t("access-log-about-people"), None),
    };
    Line {
        when: when(w, e.at),
        who,
        action: w.t(&format!("access-log-action-{}", e.action.as_str())),
        about,
        route: e.route,
    }
}

pub async fn access_log(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_admin(&signed.who)?;
        let (user, person) = (id_in(&query, "user_id")?, id_in(&query, "person_id")?);
        let before = id_in(&query, "before")?;
        let mut entries = state
            .store
            .recent_access(org, person, user, before, SHOWN + 1)
            .await?;
        let check = state.store.check_access_log(org).await?;
        let users = state.store.users(org).await?;
        // A group since removed keeps its number.
        let ids: Vec<Id> = entries.iter().filter_map(|e| e.group_id).collect();
        let groups = state.store.group_names(org, &ids).await?;
        let older = (entries.len() as u64 > SHOWN).then(|| {
            entries.truncate(SHOWN as usize);
            let last = entries.last().map_or(0, |e| e.id);
            let keep = |k: &str, v: Option<Id>| v.map(|v| format!("&{k}={v}")).unwrap_or_default();
            format!(
                "/access-log?before={last}{}{}",
                keep("user_id", user),
                keep("person_id", person)
            )
        });
        Ok::<_, ApiError>((entries, check, users, groups, user, person, older))
    };
    let (entries, check, users, groups, user, person, older) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let names: HashMap<Id, String> = users.iter().map(|u| (u.id, u.email.clone())).collect();
    let mut choices = vec![Choice {
        value: String::new(),
        label: w.t("access-log-anyone"),
        checked: user.is_none(),
    }];
    choices.extend(users.iter().map(|u| Choice {
        value: u.id.to_string(),
        label: u.email.clone(),
        checked: user == Some(u.id),
    }));
    let (chain, broken) = match (check.first_broken, check.truncated) {
        (Some(id), _) => (w.t1("access-log-broken", "id", id), true),
        (None, true) => (w.t("access-log-truncated"), true),
        (None, false) => (w.t1("access-log-holds", "count", check.entries), false),
    };
    page(
        StatusCode::OK,
        &AccessLogPage {
            frame: Frame::new(w.clone(), "access-log-title", signed.me()),
            chain,
            broken,
            users: choices,
            person: person.map(|p| p.to_string()).unwrap_or_default(),
            lines: entries
                .into_iter()
                .map(|e| line(w, e, &names, &groups))
                .collect(),
            older,
        },
    )
}
