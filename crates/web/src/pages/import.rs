//! Participants from a CSV file: the upload is checked and shown row by row (what will be
//! added, who is already there, and every problem of a refused row) and nothing is written
//! until the coordinator confirms. The confirmation carries the file back, so no upload is
//! kept on the server between the two steps.

use super::login::{Fields, SignedIn, refused};
use super::participants::problem_text;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use peergroup_app::participant_import::{self, FileProblem, ImportPlan, MAX_ROWS, RowOutcome};
use peergroup_domain::Id;
use peergroup_domain::access_log::By;

/// The largest upload taken: 10,000 rows of a dozen columns in any script fit well inside.
pub const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;

/// Where an upload of that size is taken.
pub const UPLOAD_PATH: &str = "/participants/import";

/// The file to fill in, with one example row.
const TEMPLATE: &str = "\u{feff}name,language,email,phone,channel,alternative_contact,consent_email_reminders,consent_sms_reminders,consent_calls,consent_research,consent_funder_sharing\r\nAmina Bakri,ar,,+16045550123,sms,,no,yes,yes,no,no\r\n";

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    frame: Frame,
    csrf: String,
    columns: Vec<(String, String)>,
}

pub async fn import_page(signed: SignedIn) -> Response {
    let w = &signed.words;
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    import_form(&signed, StatusCode::OK, vec![])
}

fn import_form(signed: &SignedIn, status: StatusCode, errors: Vec<String>) -> Response {
    let w = &signed.words;
    let mut frame = Frame::new(w.clone(), "import-title", signed.me());
    frame.errors = errors;
    page(
        status,
        &ImportPage {
            frame,
            csrf: signed.csrf.clone(),
            columns: participant_import::COLUMNS
                .iter()
                .map(|c| {
                    let key = format!("column-{}", c.replace('_', "-"));
                    (c.to_string(), w.t(&key))
                })
                .collect(),
        },
    )
}

pub async fn template_file() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"participants-template.csv\"",
            ),
        ],
        TEMPLATE,
    )
        .into_response()
}

pub struct RowView {
    pub line: u64,
    pub name: String,
    pub outcome: String,
    pub class: &'static str,
    pub person: Option<Id>,
}

#[derive(Template)]
#[template(path = "import_plan.html")]
struct PlanPage {
    frame: Frame,
    csrf: String,
    /// The file, to send back with the confirmation; `None` once it is done.
    confirm: Option<(String, String)>,
    rows: Vec<RowView>,
}

/// What a multipart form of the import holds.
#[derive(Default)]
struct Upload {
    csrf: String,
    confirm: bool,
    file: Option<Vec<u8>>,
}

async fn read_upload(mut form: Multipart) -> Result<Upload, ApiError> {
    let mut upload = Upload::default();
    let unreadable = |_| ApiError::bad_request("the form could not be read");
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        match field.name().unwrap_or("") {
            "csrf" => upload.csrf = field.text().await.map_err(unreadable)?,
            "step" => upload.confirm = field.text().await.map_err(unreadable)? == "confirm",
            "file" | "content" => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                if !bytes.is_empty() {
                    upload.file = Some(bytes.to_vec());
                }
            }
            _ => {}
        }
    }
    Ok(upload)
}

fn file_problem(w: &Words, p: &FileProblem) -> String {
    match p {
        FileProblem::NotUtf8 => w.t("import-not-utf8"),
        FileProblem::Empty => w.t("import-empty"),
        FileProblem::MissingColumn(c) => w.t1("import-missing-column", "column", *c),
        FileProblem::TooManyRows => w.t1("import-too-many-rows", "count", MAX_ROWS),
        FileProblem::Unreadable { line } => w.t1("import-unreadable", "line", *line),
    }
}

pub async fn import(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let w = &signed.words;
    let upload = match form {
        Ok(form) => read_upload(form).await,
        Err(e) => Err(ApiError::bad_request(e.body_text())),
    };
    let upload = match upload {
        Ok(upload) => upload,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let token = Fields(vec![("csrf".into(), upload.csrf.clone())]);
    if !signed.carries_token(&token, &headers) {
        return refused(w);
    }
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let Some(bytes) = upload.file else {
        return import_form(
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![w.t("import-no-file")],
        );
    };
    let org = signed.who.org_id;
    let planned = if upload.confirm {
        let by = By {
            user: Some(signed.who.user_id),
            route: "POST /participants/import",
        };
        participant_import::import(&state.store, org, &bytes, by).await
    } else {
        participant_import::preview(&state.store, org, &bytes).await
    };
    let plan = match planned {
        Ok(Ok(plan)) => plan,
        Ok(Err(problem)) => {
            let text = file_problem(w, &problem);
            return import_form(&signed, StatusCode::UNPROCESSABLE_ENTITY, vec![text]);
        }
        Err(e) => return error_page(w, signed.me(), e.into()),
    };
    plan_page(&signed, &plan, (!upload.confirm).then_some(bytes))
}

fn plan_page(signed: &SignedIn, plan: &ImportPlan, file: Option<Vec<u8>>) -> Response {
    let w = &signed.words;
    let (added, there, refused) = plan.counts();
    let done = file.is_none();
    let title = if done {
        "import-done-title"
    } else {
        "import-preview-title"
    };
    let mut frame = Frame::new(w.clone(), title, signed.me());
    let counts = [
        ("added", added.to_string()),
        ("there", there.to_string()),
        ("refused", refused.to_string()),
    ];
    let summary = if done {
        "import-done"
    } else {
        "import-preview"
    };
    frame.notices.push(w.tn(summary, &counts));
    if !plan.ignored_columns.is_empty() {
        frame.notices.push(w.t1(
            "import-ignored-columns",
            "columns",
            plan.ignored_columns.join(", "),
        ));
    }
    let rows = plan
        .rows
        .iter()
        .map(|r| {
            let (outcome, class, person) = match &r.outcome {
                RowOutcome::Add(_) if done => (w.t("import-row-added"), "ok", None),
                RowOutcome::Add(_) => (w.t("import-row-add"), "ok", None),
                RowOutcome::AlreadyThere { id, name } => {
                    (w.t1("import-row-there", "name", name), "muted", Some(*id))
                }
                RowOutcome::RepeatOf { line } => {
                    (w.t1("import-row-repeat", "line", *line), "muted", None)
                }
                RowOutcome::Refused(problems) => (
                    problems
                        .iter()
                        .map(|p| problem_text(w, p))
                        .collect::<Vec<_>>()
                        .join(" "),
                    "error",
                    None,
                ),
            };
            RowView {
                line: r.line,
                name: r.name.clone(),
                outcome,
                class,
                person,
            }
        })
        .collect();
    let confirm = file.filter(|_| added > 0).map(|bytes| {
        let content = String::from_utf8(bytes).unwrap_or_default();
        (content, w.t1("import-confirm", "count", added))
    });
    page(
        StatusCode::OK,
        &PlanPage {
            frame,
            csrf: signed.csrf.clone(),
            confirm,
            rows,
        },
    )
}
