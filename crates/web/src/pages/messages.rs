//! Messages, for coordinators: the log, newest first, with each message's state and why
//! it failed; sending a dead one again; and any session's reminders previewed in any of
//! the nine locales, as the mail would say them. A preview never signs a real "I can't
//! come" link: anyone holding one could answer for the participant.

use super::follow_ups::date_in;
use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::TimeDelta;
use chrono_tz::Tz;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::records::{Session, SessionStatus};
use peergroup_domain::reminders::{MessageKind, MessageState};
use peergroup_notify::locale::LOCALES;
use peergroup_notify::render::{Block, Mail, SessionInfo, render_in};
use peergroup_store::message_log::LogLine;
use peergroup_store::sessions::{SessionRange, SessionScope};
use std::collections::HashMap;

/// Messages the log shows at a time.
const SHOWN: u64 = 50;

/// The messages a session's preview can show: the ones written from the session alone.
const PREVIEWS: [MessageKind; 4] = [
    MessageKind::SessionReminder,
    MessageKind::SessionChanged,
    MessageKind::SessionCancelled,
    MessageKind::FacilitatorReminder,
];

pub struct Line {
    pub id: Id,
    pub kind: String,
    pub state: String,
    pub dead: bool,
    pub to: String,
    pub to_link: Option<String>,
    pub about: Option<(String, String)>,
    pub when: String,
    pub attempts: String,
    /// For an SMS: "SMS, 2 segments" (each is paid for).
    pub sms: Option<String>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "messages.html")]
struct MessagesPage {
    frame: Frame,
    csrf: String,
    states: Vec<Choice>,
    state: String,
    lines: Vec<Line>,
    older: Option<String>,
    replies: Vec<Reply>,
}

/// An SMS a participant sent back, with what it did.
pub struct Reply {
    pub name: String,
    pub link: String,
    pub body: String,
    pub action: String,
    pub when: String,
}

/// Replies the page shows.
const REPLIES_SHOWN: u64 = 20;

fn kind_words(w: &Words, kind: MessageKind) -> String {
    w.t(&format!("message-kind-{}", kind.as_str()))
}

fn line(w: &Words, m: LogLine) -> Line {
    let tz = m.session.as_ref().map_or("UTC", |s| s.timezone.as_str());
    let when = m.sent_at.unwrap_or(m.send_at);
    let (to, to_link) = match (&m.person, &m.user_email) {
        (Some((id, name)), _) => (name.clone(), Some(format!("/participants/{id}"))),
        (None, Some(email)) => (email.clone(), None),
        (None, None) => (w.t("messages-nobody"), None),
    };
    Line {
        id: m.id,
        kind: kind_words(w, m.kind),
        state: w.t(&format!("message-state-{}", m.state.as_str())),
        dead: m.state == MessageState::Dead,
        to,
        to_link,
        about: m.session.as_ref().map(|s| {
            (
                format!("/sessions/{}/change", s.id),
                format!("{} · {}", s.group, date_in(w, s.starts_at, &s.timezone)),
            )
        }),
        when: date_in(w, when, tz),
        attempts: w.t1("messages-attempts", "count", m.attempts),
        sms: m
            .sms_segments
            .map(|n| w.t1("messages-sms-segments", "count", n)),
        error: m.last_error,
    }
}

pub async fn messages(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let chosen = query.get("state").map(String::as_str).unwrap_or("");
    let read = async {
        require_manager(&signed.who)?;
        let wanted = match chosen {
            "" => None,
            s => Some(
                s.parse::<MessageState>()
                    .map_err(|_| ApiError::field("state", "choose a state"))?,
            ),
        };
        let before = match query.get("before") {
            None => None,
            Some(b) => Some(
                b.parse::<Id>()
                    .map_err(|_| ApiError::field("before", "must be a message number"))?,
            ),
        };
        let org = signed.who.org_id;
        let log = state
            .store
            .message_log(org, wanted, before, SHOWN + 1)
            .await?;
        // Replies head the first page of the whole log.
        let replies = match (wanted, before) {
            (None, None) => state.store.sms_replies(org, REPLIES_SHOWN).await?,
            _ => Vec::new(),
        };
        // Names, and the bodies of SMS replies.
        state
            .log_read(&signed.who, About::People, "GET /messages")
            .await?;
        Ok::<_, ApiError>((log, replies))
    };
    let (mut log, replies) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let older = (log.len() as u64 > SHOWN).then(|| {
        log.truncate(SHOWN as usize);
        let last = log.last().map_or(0, |m| m.id);
        format!("/messages?state={chosen}&before={last}")
    });
    let mut states = vec![Choice {
        value: String::new(),
        label: w.t("messages-all"),
        checked: chosen.is_empty(),
    }];
    states.extend(MessageState::ALL.iter().map(|s| Choice {
        value: s.as_str().to_string(),
        label: w.t(&format!("message-state-{}", s.as_str())),
        checked: chosen == s.as_str(),
    }));
    let mut frame = Frame::new(w.clone(), "messages-title", signed.me());
    if query.contains_key("retried") {
        frame.notices.push(w.t("messages-retried"));
    }
    page(
        StatusCode::OK,
        &MessagesPage {
            frame,
            csrf: signed.csrf.clone(),
            states,
            state: chosen.to_string(),
            lines: log.into_iter().map(|m| line(w, m)).collect(),
            older,
            replies: replies
                .into_iter()
                .map(|r| Reply {
                    link: format!("/participants/{}", r.person_id),
                    name: r.name,
                    body: r.body,
                    action: w.t(&format!("sms-reply-{}", r.action)),
                    when: date_in(w, r.received_at, "UTC"),
                })
                .collect(),
        },
    )
}

/// Sends a dead message again; any other state is refused with 409, as in the API.
pub async fn retry(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    let done = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("message"))?;
        peergroup_app::messages::retry(&state.store, signed.who.org_id, id).await?;
        Ok::<_, ApiError>(())
    };
    // Back to the list it was sent from, if it is one.
    let back = match fields.get("state").unwrap_or("") {
        s if s.parse::<MessageState>().is_ok() => format!("/messages?state={s}&retried=1"),
        _ => "/messages?retried=1".to_string(),
    };
    match done.await {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e) => error_page(w, signed.me(), e),
    }
}

/// A mail as the page shows it: subject, then lines, lists and links as text.
pub struct Shown {
    pub subject: String,
    pub dir: &'static str,
    pub lang: &'static str,
    pub blocks: Vec<Block>,
}

#[derive(Template)]
#[template(path = "message_preview.html")]
struct PreviewPage {
    frame: Frame,
    session: Option<(Id, String)>,
    kinds: Vec<Choice>,
    locales: Vec<Choice>,
    shown: Option<Shown>,
}

/// A session's message of `kind` as `locale` writes it. The names are placeholders in the
/// reader's words, and the "I can't come" link is a sample that answers 404.
async fn preview_mail(
    state: &AppState,
    w: &Words,
    org: Id,
    s: &Session,
    kind: MessageKind,
) -> Result<Mail, ApiError> {
    let group = state.store.get_group(org, s.group_id).await?;
    let info = SessionInfo {
        group: group.spec.name.to_string(),
        starts_at: s.starts_at,
        tz: s.timezone.parse().unwrap_or(Tz::UTC),
        minutes: s.minutes,
        venue: s.venue.name.to_string(),
        address: s.venue.address.as_ref().map(ToString::to_string),
        topic: s.topic.clone(),
    };
    let name = w.t("mail-preview-name");
    Ok(match kind {
        MessageKind::FacilitatorReminder => {
            let mut info = info;
            if info.topic.is_none() {
                info.topic = state.store.planned_topic(org, s.id).await?;
            }
            Mail::FacilitatorReminder {
                name,
                session: info,
                roster: state.store.roster_names(org, s.id).await?,
                headcount: state.store.support_headcount(org, s.id).await?,
                absences: state.store.absence_count(org, s.id).await?,
            }
        }
        MessageKind::SessionCancelled => Mail::SessionCancelled {
            name,
            session: info,
        },
        _ => Mail::SessionReminder {
            name,
            session: info,
            supports: vec![],
            cant_come_url: Some(format!(
                "{}/r/preview",
                state.login.public_url.trim_end_matches('/')
            )),
            changed: kind == MessageKind::SessionChanged,
        },
    })
}

/// The session to preview: the one asked for, or the organization's next scheduled one.
async fn session_to_preview(
    state: &AppState,
    org: Id,
    asked: Option<&String>,
) -> Result<Option<Session>, ApiError> {
    if let Some(id) = asked {
        let id: Id = id.parse().map_err(|_| ApiError::not_found("session"))?;
        return Ok(Some(state.store.get_session(org, id).await?));
    }
    let now = state.store.clock().now();
    let range = SessionRange::Instants {
        from: now,
        to: now + TimeDelta::days(92),
    };
    let coming = state
        .store
        .list_sessions(org, &SessionScope::Organization, range, None)
        .await?;
    Ok(coming
        .into_iter()
        .filter(|s| s.status == SessionStatus::Scheduled)
        .min_by_key(|s| s.starts_at))
}

pub async fn preview(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let kind = query
        .get("kind")
        .and_then(|k| k.parse::<MessageKind>().ok())
        .filter(|k| PREVIEWS.contains(k))
        .unwrap_or(MessageKind::SessionReminder);
    let locale = query
        .get("locale")
        .and_then(|l| LOCALES.iter().find(|x| **x == l.as_str()))
        .copied()
        .unwrap_or(w.locale);
    let read = async {
        require_manager(&signed.who)?;
        let Some(s) = session_to_preview(&state, org, query.get("session")).await? else {
            return Ok(None);
        };
        let mail = preview_mail(&state, w, org, &s, kind).await?;
        let label = format!(
            "{} · {}",
            state.store.get_group(org, s.group_id).await?.spec.name,
            date_in(w, s.starts_at, &s.timezone)
        );
        Ok::<_, ApiError>(Some((s.id, label, mail)))
    };
    let (session, shown) = match read.await {
        Ok(Some((id, label, mail))) => {
            let shown = render_in(&mail, locale).ok().map(|r| Shown {
                subject: r.subject,
                dir: if peergroup_notify::locale::is_rtl(locale) {
                    "rtl"
                } else {
                    "ltr"
                },
                lang: locale,
                blocks: r.blocks,
            });
            (Some((id, label)), shown)
        }
        Ok(None) => (None, None),
        Err(e) => return error_page(w, signed.me(), e),
    };
    let kinds = PREVIEWS
        .iter()
        .map(|k| Choice {
            value: k.as_str().to_string(),
            label: kind_words(w, *k),
            checked: *k == kind,
        })
        .collect();
    let locales = LOCALES
        .iter()
        .map(|l| Choice {
            value: l.to_string(),
            label: super::language::own_name(l).to_string(),
            checked: *l == locale,
        })
        .collect();
    page(
        StatusCode::OK,
        &PreviewPage {
            frame: Frame::new(w.clone(), "mail-preview-title", signed.me()),
            session,
            kinds,
            locales,
            shown,
        },
    )
}
