//! "My sessions" and the roll-call, for a facilitator's phone. A facilitator sees the
//! sessions of the groups they are assigned to, coordinators their organization's; another
//! group's session answers 404, as in the API.

use super::login::{Fields, SignedIn, refused};
use super::outcomes::due_links;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{require_session_visible, visible_groups};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use peergroup_app::outcomes::due_by_group;
use peergroup_app::roll_call;
use peergroup_app::session_sheets::{self, SessionSheet};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::attendance::{
    AbsenceReason, AttendanceStatus, LogOutcome, Mark, SessionLogSpec, SupportsDelivered,
};
use peergroup_domain::records::SessionStatus;
use peergroup_domain::values::{Language, Text};
use peergroup_notify::render::date_time;
use peergroup_store::StoreError;
use peergroup_store::session_marks::KeptMark;

/// A session as a card shows it, in the user's words and the group's timezone.
pub struct Card {
    pub id: Id,
    pub heading: String,
    pub group: String,
    pub when: String,
    pub status: Option<String>,
    pub phase: String,
    pub topic: Option<String>,
    pub venue: String,
    pub supports: Vec<String>,
    pub cannot_come: Vec<String>,
}

fn reason_words(w: &Words, r: AbsenceReason) -> String {
    w.t(&format!("reason-{}", r.as_str()))
}

fn card(w: &Words, sheet: &SessionSheet, today: chrono::NaiveDate) -> Card {
    let s = &sheet.session;
    let tz: chrono_tz::Tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
    let (date, time) = date_time(w.locale, s.starts_at, tz)
        .or_else(|_| date_time("en", s.starts_at, tz))
        .unwrap_or_default();
    let h = &sheet.headcount;
    let mut supports = vec![w.t1("headcount-expected", "count", h.participants)];
    if h.childcare.children > 0 {
        let ages = h
            .childcare
            .ages
            .iter()
            .map(|band| band.years())
            .collect::<Vec<_>>()
            .join(", ");
        supports.push(if ages.is_empty() {
            w.t1("headcount-childcare-no-ages", "count", h.childcare.children)
        } else {
            w.tn(
                "headcount-childcare",
                &[("count", h.childcare.children.to_string()), ("ages", ages)],
            )
        });
    }
    if h.transport > 0 {
        supports.push(w.t1("headcount-transport", "count", h.transport));
    }
    for i in &h.interpreters {
        supports.push(w.tn(
            "headcount-interpreter",
            &[
                ("language", i.language.to_string()),
                ("count", i.participants.to_string()),
            ],
        ));
    }
    if h.food > 0 {
        supports.push(w.t1("headcount-food", "count", h.food));
    }
    if supports.len() == 1 {
        supports.push(w.t("headcount-none"));
    }
    let cannot_come = sheet
        .roster
        .iter()
        .filter_map(|p| {
            p.cannot_come.map(|r| {
                w.tn(
                    "cannot-come-line",
                    &[("name", p.name.clone()), ("reason", reason_words(w, r))],
                )
            })
        })
        .collect();
    let status = match s.status {
        SessionStatus::Cancelled => Some(w.t("session-cancelled")),
        SessionStatus::Held => Some(w.t("session-held")),
        SessionStatus::Scheduled => None,
    };
    Card {
        id: s.id,
        heading: w.t(if s.local_date <= today {
            "sessions-today"
        } else {
            "sessions-next"
        }),
        group: sheet.group_name.clone(),
        when: w.tn("session-when", &[("date", date), ("time", time)]),
        status,
        phase: w.tn(
            "session-phase",
            &[
                ("phase", s.phase_name.clone()),
                ("number", s.number_in_phase.to_string()),
            ],
        ),
        topic: s.topic.as_ref().map(|t| w.t1("session-topic", "topic", t)),
        venue: w.t1("session-venue", "venue", s.venue.name.to_string()),
        supports,
        cannot_come,
    }
}

#[derive(Template)]
#[template(path = "my_sessions.html")]
struct MySessions {
    frame: Frame,
    cards: Vec<Card>,
    /// (link, words) for each group with assessments due.
    due: Vec<(String, String)>,
}

pub async fn my_sessions(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let now = state.store.clock().now();
    let read = async {
        let groups = visible_groups(&state, &signed.who).await?;
        let sheets =
            session_sheets::upcoming(&state.store, &signed.who, groups.clone(), now).await?;
        // A facilitator's own groups; a coordinator's dashboard lists every group's.
        let due = match &groups {
            Some(ids) => due_by_group(&state.store, signed.who.org_id, Some(ids), now).await?,
            None => vec![],
        };
        Ok::<_, ApiError>((sheets, due))
    };
    let (sheets, due) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let due = due_links(w, &due);
    let cards = sheets
        .iter()
        .map(|s| {
            let tz: chrono_tz::Tz = s.session.timezone.parse().unwrap_or(chrono_tz::UTC);
            card(w, s, now.with_timezone(&tz).date_naive())
        })
        .collect();
    page(
        StatusCode::OK,
        &MySessions {
            frame: Frame::new(w.clone(), "sessions-title", signed.me()),
            cards,
            due,
        },
    )
}

/// One choice of a radio group, checkbox or select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct PersonMarks {
    pub person_id: Id,
    pub name: String,
    pub note: Option<String>,
    pub marks: Vec<Choice>,
    pub reasons: Vec<Choice>,
    /// `saved` when the server has this person's mark; the page's script says more.
    pub sync_state: &'static str,
    pub sync: String,
    /// Other facilitators' different marks of this person.
    pub disagreements: Vec<String>,
}

#[derive(Template)]
#[template(path = "roll_call.html")]
struct RollCall {
    frame: Frame,
    c: Card,
    csrf: String,
    /// The script's words for a mark's state.
    pending: String,
    saved: String,
    refused: String,
    log_pending: String,
    held: bool,
    people: Vec<PersonMarks>,
    facilitators: Vec<Choice>,
    topic_covered: bool,
    interpreters: Vec<Choice>,
    childcare_places: String,
    food_provided: bool,
    note: String,
}

const STATUSES: [AttendanceStatus; 4] = [
    AttendanceStatus::Present,
    AttendanceStatus::Late,
    AttendanceStatus::Absent,
    AttendanceStatus::Excused,
];

/// The roll-call form: as submitted (`sent`, after a refusal), else as last saved.
fn roll_call_page(
    signed: &SignedIn,
    sheet: &SessionSheet,
    phone: &[KeptMark],
    sent: Option<&Fields>,
    status: StatusCode,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let tz: chrono_tz::Tz = sheet.session.timezone.parse().unwrap_or(chrono_tz::UTC);
    let today = sheet.session.starts_at.with_timezone(&tz).date_naive();
    let log = sheet.log.as_ref().map(|l| &l.spec);
    let mine = |person: Id| {
        phone
            .iter()
            .find(|k| k.person_id == person && k.user_id == signed.who.user_id)
    };
    let people = sheet
        .roster
        .iter()
        .map(|p| {
            let from_phone = mine(p.person_id).filter(|_| p.mark.is_none());
            let (mark, reason) = match sent {
                Some(f) => (
                    f.get(&format!("mark_{}", p.person_id)).map(str::to_string),
                    f.get(&format!("reason_{}", p.person_id))
                        .map(str::to_string),
                ),
                None => match (&p.mark, from_phone) {
                    (Some(m), _) => (
                        Some(m.status.as_str().to_string()),
                        m.reason.map(|r| r.as_str().to_string()),
                    ),
                    (None, Some(k)) => (
                        Some(k.status.as_str().to_string()),
                        k.reason.map(|r| r.as_str().to_string()),
                    ),
                    (None, None) => (None, None),
                },
            };
            let saved = p.mark.is_some() || from_phone.is_some();
            let disagreements = phone
                .iter()
                .filter(|k| k.person_id == p.person_id && k.user_id != signed.who.user_id)
                .filter(|k| mark.as_deref() != Some(k.status.as_str()))
                .map(|k| {
                    w.tn(
                        "mark-disagrees",
                        &[
                            ("by", k.by.clone()),
                            ("mark", w.t(&format!("mark-{}", k.status.as_str()))),
                        ],
                    )
                })
                .collect();
            let mut reasons = vec![Choice {
                value: String::new(),
                label: w.t("reason-none"),
                checked: reason.is_none(),
            }];
            reasons.extend(AbsenceReason::ALL.iter().map(|r| Choice {
                value: r.as_str().into(),
                label: reason_words(w, *r),
                checked: reason.as_deref() == Some(r.as_str()),
            }));
            PersonMarks {
                person_id: p.person_id,
                name: p.name.clone(),
                note: p
                    .cannot_come
                    .map(|r| format!("{}: {}", w.t("cannot-come-title"), reason_words(w, r))),
                marks: STATUSES
                    .iter()
                    .map(|s| Choice {
                        value: s.as_str().into(),
                        label: w.t(&format!("mark-{}", s.as_str())),
                        checked: mark.as_deref() == Some(s.as_str()),
                    })
                    .collect(),
                reasons,
                sync_state: if saved { "saved" } else { "" },
                sync: if saved {
                    w.t("mark-saved")
                } else {
                    String::new()
                },
                disagreements,
            }
        })
        .collect();
    let present: Vec<String> = match sent {
        Some(f) => f.all("facilitator").map(str::to_string).collect(),
        None => sheet
            .facilitators
            .iter()
            .filter(|f| f.present)
            .map(|f| f.person_id.to_string())
            .collect(),
    };
    let facilitators = sheet
        .facilitators
        .iter()
        .map(|f| Choice {
            value: f.person_id.to_string(),
            label: f.name.clone(),
            checked: present.contains(&f.person_id.to_string()),
        })
        .collect();
    let mut frame = Frame::new(w.clone(), "roll-call-title", signed.me());
    frame.notices = notices;
    frame.errors = errors;
    page(
        status,
        &RollCall {
            frame,
            c: card(w, sheet, today),
            csrf: signed.csrf.clone(),
            pending: w.t("mark-pending"),
            saved: w.t("mark-saved"),
            refused: w.t("mark-refused"),
            log_pending: w.t("log-pending"),
            held: match sent {
                Some(f) => f.get("held") != Some("no"),
                None => log.is_none_or(|l| l.held),
            },
            people,
            facilitators,
            interpreters: sheet
                .languages
                .iter()
                .map(|l| Choice {
                    value: l.clone(),
                    label: w.t1("interpreter-for", "language", l),
                    checked: match sent {
                        Some(f) => f.all("interpreter").any(|v| v == l),
                        None => log.is_some_and(|x| {
                            x.supports.interpreters.iter().any(|i| i.as_str() == l)
                        }),
                    },
                })
                .collect(),
            topic_covered: match sent {
                Some(f) => f.get("topic_covered").is_some(),
                None => log.and_then(|l| l.topic_covered).unwrap_or(false),
            },
            childcare_places: match sent {
                Some(f) => f.get("childcare_places").unwrap_or("0").to_string(),
                None => log.map_or(0, |l| l.supports.childcare_places).to_string(),
            },
            food_provided: match sent {
                Some(f) => f.get("food_provided").is_some(),
                None => log.is_some_and(|l| l.supports.food_provided),
            },
            note: match sent {
                Some(f) => f.get("note").unwrap_or("").to_string(),
                None => log
                    .and_then(|l| l.note.as_ref())
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            },
        },
    )
}

/// The session as its facilitators see it, with the marks tapped on phones.
async fn visible_sheet(
    state: &AppState,
    signed: &SignedIn,
    id: Id,
) -> Result<(SessionSheet, Vec<KeptMark>), ApiError> {
    require_session_visible(state, &signed.who, id).await?;
    let org = signed.who.org_id;
    Ok((
        session_sheets::session_sheet(&state.store, org, id).await?,
        state.store.latest_marks(org, id).await?,
    ))
}

/// The roll-call page's HTML as the page renders it (same reads, same template), with none
/// of the web layer around it: the benchmark's bare-handler ceiling.
pub async fn render_roll_call(
    state: &AppState,
    who: &peergroup_domain::records::Principal,
    csrf: &str,
    id: Id,
) -> Result<Response, ApiError> {
    let signed = SignedIn {
        session_id: 0,
        who: who.clone(),
        csrf: csrf.to_string(),
        words: Words::new("en"),
    };
    let (sheet, phone) = visible_sheet(state, &signed, id).await?;
    Ok(roll_call_page(
        &signed,
        &sheet,
        &phone,
        None,
        StatusCode::OK,
        vec![],
        vec![],
    ))
}

pub async fn roll_call(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = id.parse::<Id>() else {
        return error_page(&signed.words, signed.me(), ApiError::not_found("session"));
    };
    let read = async {
        let (sheet, phone) = visible_sheet(&state, &signed, id).await?;
        let about = About::Group(sheet.session.group_id);
        state
            .log_read(&signed.who, about, "GET /sessions/{id}")
            .await?;
        Ok::<_, ApiError>((sheet, phone))
    };
    match read.await {
        Ok((sheet, phone)) => roll_call_page(
            &signed,
            &sheet,
            &phone,
            None,
            StatusCode::OK,
            vec![],
            vec![],
        ),
        Err(e) => error_page(&signed.words, signed.me(), e),
    }
}

/// The log a submitted form describes, or the words saying what is missing.
fn spec_from(w: &Words, sheet: &SessionSheet, f: &Fields) -> Result<SessionLogSpec, Vec<String>> {
    let held = f.get("held") != Some("no");
    let mut errors = Vec::new();
    let mut attendance = Vec::new();
    if held {
        for p in &sheet.roster {
            let status = f
                .get(&format!("mark_{}", p.person_id))
                .and_then(|v| v.parse::<AttendanceStatus>().ok());
            let Some(status) = status else {
                errors.push(format!("{}: {}", p.name, w.t("mark-missing")));
                continue;
            };
            let reason = f
                .get(&format!("reason_{}", p.person_id))
                .and_then(|v| v.parse::<AbsenceReason>().ok());
            if status == AttendanceStatus::Excused && reason.is_none() {
                errors.push(w.t1("excused-needs-reason", "name", &p.name));
            }
            attendance.push(Mark {
                person_id: p.person_id,
                status,
                reason: reason.filter(|_| status == AttendanceStatus::Excused),
            });
        }
    }
    let childcare_places = match f.get("childcare_places").map(str::trim) {
        None | Some("") => 0,
        Some(v) => v.parse::<u16>().unwrap_or_else(|_| {
            errors.push(format!("{}: {v}", w.t("childcare-places")));
            0
        }),
    };
    let note = match f.get("note").map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => match Text::parse(n) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.push(format!("{}: {e}", w.t("note")));
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SessionLogSpec {
        held,
        started_at: None,
        minutes: None,
        facilitators_present: f
            .all("facilitator")
            .filter_map(|v| v.parse().ok())
            .filter(|id| sheet.facilitators.iter().any(|x| x.person_id == *id))
            .collect(),
        attendance,
        topic_covered: held.then(|| f.get("topic_covered").is_some()),
        structure_skipped: Vec::new(),
        supports: SupportsDelivered {
            childcare_places: if held { childcare_places } else { 0 },
            transport: None,
            interpreters: if held {
                f.all("interpreter")
                    .filter(|v| sheet.languages.iter().any(|l| l == v))
                    .filter_map(|v| Language::parse(v).ok())
                    .collect()
            } else {
                Vec::new()
            },
            food_provided: held && f.get("food_provided").is_some(),
        },
        note,
    })
}

/// What the missed-session rule did, one line per task, in the user's words.
async fn rule_lines(state: &AppState, signed: &SignedIn, outcome: &LogOutcome) -> Vec<String> {
    let w = &signed.words;
    let changes = &outcome.follow_ups;
    let mut lines = vec![w.t(if outcome.changed {
        "roll-call-saved"
    } else {
        "roll-call-unchanged"
    })];
    for (ids, key) in [
        (&changes.opened, "rule-opened"),
        (&changes.updated, "rule-updated"),
        (&changes.closed, "rule-closed"),
    ] {
        for id in ids {
            if let Ok(t) = state.store.get_follow_up(signed.who.org_id, *id).await {
                lines.push(w.tn(
                    key,
                    &[
                        ("name", t.display_name.clone()),
                        ("misses", t.sessions.len().to_string()),
                    ],
                ));
            }
        }
    }
    lines
}

pub async fn save_roll_call(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let Ok(id) = id.parse::<Id>() else {
        return error_page(&signed.words, signed.me(), ApiError::not_found("session"));
    };
    let (sheet, phone) = match visible_sheet(&state, &signed, id).await {
        Ok(s) => s,
        Err(e) => return error_page(&signed.words, signed.me(), e),
    };
    let refused = |errors| {
        roll_call_page(
            &signed,
            &sheet,
            &phone,
            Some(&fields),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![],
            errors,
        )
    };
    let spec = match spec_from(&signed.words, &sheet, &fields) {
        Ok(spec) => spec,
        Err(errors) => return refused(errors),
    };
    let saved = async {
        let outcome = roll_call::log_session(&state.store, &signed.who, id, &spec).await?;
        if outcome.changed {
            let about = About::Group(outcome.log.group_id);
            let route = "POST /sessions/{id}";
            state
                .log_access(&signed.who, AccessAction::Change, about, route)
                .await?;
        }
        Ok(outcome)
    };
    match state.store.in_one_transaction(saved).await {
        Ok(outcome) => {
            let lines = rule_lines(&state, &signed, &outcome).await;
            match visible_sheet(&state, &signed, id).await {
                Ok((sheet, phone)) => {
                    roll_call_page(&signed, &sheet, &phone, None, StatusCode::OK, lines, vec![])
                }
                Err(e) => error_page(&signed.words, signed.me(), e),
            }
        }
        Err(StoreError::Invalid(e)) => refused(
            e.errors()
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect(),
        ),
        Err(e) => error_page(&signed.words, signed.me(), e.into()),
    }
}
