//! CSV exports of a group or a program: participants, attendance (one row per person and
//! session) and follow-ups. UTF-8 with a byte order mark and RFC 4180 quoting with CRLF
//! line ends, so that LibreOffice and Excel open them with every script intact. Each is
//! read and written in bounded pieces as the download goes, never held whole.

use super::login::SignedIn;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use futures_util::stream::{self, Stream, StreamExt};
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_store::exports::{ExportGroup, ExportScope, ExportSession};
use peergroup_store::{PageRequest, Store};
use std::borrow::Cow;
use std::collections::HashMap;

/// Sessions whose marks are read at once, and enrolments or tasks per piece.
const SESSIONS_PER_PIECE: usize = 500;
const ROWS_PER_PIECE: u64 = 1000;

/// The three files, by the name their link ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Participants,
    Attendance,
    FollowUps,
}

impl File {
    const ALL: [File; 3] = [File::Participants, File::Attendance, File::FollowUps];

    fn name(self) -> &'static str {
        match self {
            File::Participants => "participants.csv",
            File::Attendance => "attendance.csv",
            File::FollowUps => "follow-ups.csv",
        }
    }

    fn parse(name: &str) -> Option<File> {
        File::ALL.into_iter().find(|f| f.name() == name)
    }
}

pub struct ExportLinks {
    pub name: String,
    pub base: String,
}

#[derive(Template)]
#[template(path = "exports.html")]
struct ExportsPage {
    frame: Frame,
    /// Programs, then groups: a heading and the links under it.
    sections: Vec<(String, Vec<ExportLinks>)>,
}

/// Every program and group with its three files.
pub async fn exports(State(state): State<AppState>, signed: SignedIn) -> Response {
    let w = &signed.words;
    let listed = async {
        require_manager(&signed.who)?;
        let org = signed.who.org_id;
        let all = PageRequest {
            after: None,
            limit: 1000,
        };
        let programs = state.store.list_programs(org, all).await?;
        let groups = state
            .store
            .list_groups(org, &Default::default(), all)
            .await?;
        Ok::<_, ApiError>((programs.items, groups.items))
    };
    match listed.await {
        Ok((programs, groups)) => page(
            StatusCode::OK,
            &ExportsPage {
                frame: Frame::new(w.clone(), "exports-title", signed.me()),
                sections: vec![
                    (
                        w.t("exports-programs"),
                        programs
                            .into_iter()
                            .map(|p| ExportLinks {
                                name: p.spec.name.to_string(),
                                base: format!("/exports/programs/{}", p.id),
                            })
                            .collect(),
                    ),
                    (
                        w.t("exports-groups"),
                        groups
                            .into_iter()
                            .map(|g| ExportLinks {
                                name: g.spec.name.to_string(),
                                base: format!("/exports/groups/{}", g.id),
                            })
                            .collect(),
                    ),
                ],
            },
        ),
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub async fn group_file(
    State(state): State<AppState>,
    signed: SignedIn,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    download(state, signed, "group", id, file, ExportScope::Group).await
}

pub async fn program_file(
    State(state): State<AppState>,
    signed: SignedIn,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    download(state, signed, "program", id, file, ExportScope::Program).await
}

async fn download(
    state: AppState,
    signed: SignedIn,
    what: &'static str,
    id: String,
    file: String,
    scope: fn(Id) -> ExportScope,
) -> Response {
    let w = &signed.words;
    let found = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found(what))?;
        let file = File::parse(&file).ok_or_else(|| ApiError::not_found("export"))?;
        let groups = state
            .store
            .export_groups(signed.who.org_id, scope(id))
            .await?;
        if matches!(file, File::Participants) {
            let route = "GET /exports/{what}/{id}/participants.csv";
            state.log_read(&signed.who, About::People, route).await?;
        }
        Ok::<_, ApiError>((id, file, groups))
    };
    let (id, file, groups) = match found.await {
        Ok(found) => found,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let store = state.store.clone();
    let org = signed.who.org_id;
    let body = match file {
        File::Participants => Body::from_stream(participants(store, org, groups)),
        File::Attendance => Body::from_stream(attendance(store, org, groups)),
        File::FollowUps => Body::from_stream(follow_ups(store, org, groups)),
    };
    let filename = format!("{what}-{id}-{}", file.name());
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

type Piece = Result<Bytes, std::io::Error>;

/// Rows as CSV text: RFC 4180 quoting, CRLF line ends.
pub(super) fn csv_rows(rows: &[Vec<Cow<'_, str>>]) -> Piece {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        out.write_record(row.iter().map(|c| c.as_ref()))
            .map_err(std::io::Error::other)?;
    }
    out.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// The first piece: the byte order mark that tells Excel the file is UTF-8, then the header.
fn header_piece(columns: &[&str]) -> Piece {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(&csv_rows(&[columns
        .iter()
        .map(|c| Cow::Borrowed(*c))
        .collect()])?);
    Ok(Bytes::from(bytes))
}

/// A cell a spreadsheet will show as text, never run as a formula: one that starts like a
/// formula gets a leading apostrophe. A phone number (`+` and digits) is left as it is.
pub(super) fn cell(text: &str) -> Cow<'_, str> {
    let phone =
        text.starts_with('+') && text.len() > 1 && text[1..].bytes().all(|b| b.is_ascii_digit());
    if !phone && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn yes_no(given: bool) -> Cow<'static, str> {
    Cow::Borrowed(if given { "yes" } else { "no" })
}

/// A moment as a spreadsheet reads it, in the group's timezone.
fn local(at: DateTime<Utc>, timezone: &str) -> String {
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

fn failed(e: impl std::fmt::Display) -> std::io::Error {
    // The download stops short: the browser reports it as failed, never as a whole file.
    tracing::error!(error = %e, "an export stopped");
    std::io::Error::other("the export stopped")
}

fn by_id(groups: &[ExportGroup]) -> HashMap<Id, ExportGroup> {
    groups.iter().map(|g| (g.id, g.clone())).collect()
}

/// Pieces of rows read `ROWS_PER_PIECE` at a time after the last id, until one is empty.
fn paged<T, R, F, Fut>(
    header: &'static [&'static str],
    read: F,
    id_of: fn(&T) -> Id,
    rows: R,
) -> impl Stream<Item = Piece> + Send + 'static
where
    T: Send + 'static,
    F: Fn(Id) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = peergroup_store::Result<Vec<T>>> + Send,
    R: Fn(&[T]) -> Piece + Send + Sync + 'static,
{
    let first = stream::once(async move { header_piece(header) });
    let (read, rows) = (std::sync::Arc::new(read), std::sync::Arc::new(rows));
    let rest = stream::unfold(Some(0), move |after| {
        let (read, rows) = (read.clone(), rows.clone());
        async move {
            let after = after?;
            match read(after).await {
                Ok(items) if items.is_empty() => None,
                Ok(items) => {
                    let last = items.last().map(id_of);
                    Some((rows(&items), last))
                }
                Err(e) => Some((Err(failed(e)), None)),
            }
        }
    });
    first.chain(rest)
}

const PARTICIPANT_COLUMNS: &[&str] = &[
    "group",
    "enrolment_status",
    "enrolled_on",
    "person_id",
    "name",
    "language",
    "email",
    "phone",
    "channel",
    "alternative_contact",
    "consent_email_reminders",
    "consent_sms_reminders",
    "consent_calls",
    "consent_research",
    "consent_funder_sharing",
];

/// A contact's cell: empty unless the person agreed to the use it serves.
fn contact(x: Option<&str>, agreed: bool) -> Cow<'_, str> {
    x.filter(|_| agreed).map_or(Cow::Borrowed(""), cell)
}

fn participants(
    store: Store,
    org: Id,
    groups: Vec<ExportGroup>,
) -> impl Stream<Item = Piece> + Send + 'static {
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
    let named = by_id(&groups);
    paged(
        PARTICIPANT_COLUMNS,
        move |after| {
            let (store, ids) = (store.clone(), ids.clone());
            async move {
                store
                    .export_enrollments(org, &ids, after, ROWS_PER_PIECE)
                    .await
            }
        },
        |e| e.id,
        move |items| {
            let rows: Vec<Vec<Cow<'_, str>>> = items
                .iter()
                .map(|e| {
                    let g = &named[&e.group_id];
                    let p = &e.person.spec;
                    // Contacts leave only for a use the person agreed to: the email for
                    // reminders by email, the phone for SMS or calls, and the person to
                    // call instead only with calls.
                    let c = &p.consent;
                    vec![
                        cell(&g.name),
                        Cow::Borrowed(e.status.as_str()),
                        Cow::Owned(local(e.enrolled_at, &g.timezone)[..10].to_string()),
                        Cow::Owned(e.person.id.to_string()),
                        cell(p.display_name.as_str()),
                        Cow::Borrowed(p.preferred_language.as_str()),
                        contact(p.email.as_ref().map(|x| x.as_str()), c.email_reminders),
                        contact(
                            p.phone.as_ref().map(|x| x.as_str()),
                            c.sms_reminders || c.calls,
                        ),
                        Cow::Borrowed(p.preferred_channel.map_or("", |c| c.as_str())),
                        contact(p.alternative_contact.as_ref().map(|x| x.as_str()), c.calls),
                        yes_no(c.email_reminders),
                        yes_no(c.sms_reminders),
                        yes_no(c.calls),
                        yes_no(c.research),
                        yes_no(c.funder_sharing),
                    ]
                })
                .collect();
            csv_rows(&rows)
        },
    )
}

const ATTENDANCE_COLUMNS: &[&str] = &[
    "group",
    "timezone",
    "session",
    "date",
    "time",
    "person_id",
    "name",
    "status",
    "reason",
];

fn attendance(
    store: Store,
    org: Id,
    groups: Vec<ExportGroup>,
) -> impl Stream<Item = Piece> + Send + 'static {
    let first = stream::once(async move { header_piece(ATTENDANCE_COLUMNS) });
    let rest = stream::once(async move {
        let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
        let order: HashMap<Id, usize> = groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        let sessions = store.export_sessions(org, &ids).await;
        let pieces: std::pin::Pin<Box<dyn Stream<Item = Piece> + Send>> = match sessions {
            Err(e) => Box::pin(stream::once(async move { Err(failed(e)) })),
            Ok(mut sessions) => {
                // Groups in the order they are listed (by name), each in schedule order.
                sessions.sort_by_key(|s| order[&s.group_id]);
                let named = by_id(&groups);
                let chunks: Vec<Vec<ExportSession>> = sessions
                    .chunks(SESSIONS_PER_PIECE)
                    .map(<[ExportSession]>::to_vec)
                    .collect();
                // The next piece is read while this one is written out: two at most.
                Box::pin(
                    stream::iter(chunks)
                        .map(move |chunk| {
                            let (store, named) = (store.clone(), named.clone());
                            async move { marks_piece(&store, org, &named, &chunk).await }
                        })
                        .buffered(2),
                )
            }
        };
        pieces
    })
    .flatten();
    first.chain(rest)
}

async fn marks_piece(
    store: &Store,
    org: Id,
    groups: &HashMap<Id, ExportGroup>,
    sessions: &[ExportSession],
) -> Piece {
    let ids: Vec<Id> = sessions.iter().map(|s| s.id).collect();
    let marks = store.export_marks(org, &ids).await.map_err(failed)?;
    let mut by_session: HashMap<Id, Vec<_>> = HashMap::new();
    for m in &marks {
        by_session.entry(m.session_id).or_default().push(m);
    }
    let mut rows = Vec::with_capacity(marks.len());
    for s in sessions {
        let g = &groups[&s.group_id];
        for m in by_session.get(&s.id).into_iter().flatten() {
            rows.push(vec![
                cell(&g.name),
                Cow::Borrowed(g.timezone.as_str()),
                Cow::Owned(s.number.to_string()),
                Cow::Owned(s.local_date.to_string()),
                Cow::Owned(s.local_time.format("%H:%M").to_string()),
                Cow::Owned(m.person_id.to_string()),
                cell(&m.name),
                Cow::Borrowed(m.status.as_str()),
                Cow::Borrowed(m.reason.map_or("", |r| r.as_str())),
            ]);
        }
    }
    csv_rows(&rows)
}

const FOLLOW_UP_COLUMNS: &[&str] = &[
    "task_id",
    "group",
    "person_id",
    "name",
    "kind",
    "state",
    "sessions_missed",
    "due",
    "escalated",
    "attempts",
    "closed",
];

fn follow_ups(
    store: Store,
    org: Id,
    groups: Vec<ExportGroup>,
) -> impl Stream<Item = Piece> + Send + 'static {
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
    let named = by_id(&groups);
    paged(
        FOLLOW_UP_COLUMNS,
        move |after| {
            let (store, ids) = (store.clone(), ids.clone());
            async move { store.export_tasks(org, &ids, after, ROWS_PER_PIECE).await }
        },
        |t| t.id,
        move |items| {
            let rows: Vec<Vec<Cow<'_, str>>> = items
                .iter()
                .map(|t| {
                    let g = &named[&t.group_id];
                    let at = |when: Option<DateTime<Utc>>| {
                        Cow::Owned(when.map_or(String::new(), |w| local(w, &g.timezone)))
                    };
                    vec![
                        Cow::Owned(t.id.to_string()),
                        cell(&g.name),
                        Cow::Owned(t.person_id.to_string()),
                        cell(&t.name),
                        Cow::Borrowed(t.kind.as_str()),
                        Cow::Borrowed(t.state.as_str()),
                        Cow::Owned(t.sessions_missed.to_string()),
                        at(Some(t.due_at)),
                        at(t.escalated_at),
                        Cow::Owned(t.attempts.to_string()),
                        at(t.closed_at),
                    ]
                })
                .collect();
            csv_rows(&rows)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_starts_like_a_formula_is_kept_as_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-1+1"), "'-1+1");
        assert_eq!(cell("+16045550123"), "+16045550123");
        assert_eq!(cell("Амина"), "Амина");
    }

    #[test]
    fn quotes_commas_and_new_lines_are_quoted_as_rfc_4180_says() {
        let piece = csv_rows(&[vec![
            Cow::Borrowed("a,b"),
            Cow::Borrowed("say \"hi\""),
            Cow::Borrowed("two\nlines"),
            Cow::Borrowed("plain"),
        ]])
        .unwrap();
        assert_eq!(
            std::str::from_utf8(&piece).unwrap(),
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n"
        );
    }
}
