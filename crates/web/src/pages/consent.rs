//! Consent per purpose on a participant's page: what they agree to now, a form to change
//! it (saying how the person said so), and every change with its source. The new-person
//! form shows the same boxes.

use super::login::{Fields, SignedIn, refused};
use super::participants::date_only;
use super::text::Words;
use super::{error_page, message};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::consent::{
    Consent, ConsentChange, ConsentInput, ConsentPurpose, ConsentSource,
};
use peergroup_store::StoreError;

/// The sources a coordinator may say; SMS and import are recorded by the system itself.
const SAID_TO_US: [ConsentSource; 3] = [
    ConsentSource::InPerson,
    ConsentSource::OnPaper,
    ConsentSource::ByPhone,
];

/// One purpose as a checkbox, with what holds now.
pub struct ConsentBox {
    /// The form field (`consent_<purpose>`), as the import's column is named.
    pub field: String,
    pub label: String,
    pub checked: bool,
    /// "Yes, since …" or "No", on a person's page; empty on the new-person form.
    pub state: String,
}

pub fn purpose_label(w: &Words, purpose: ConsentPurpose) -> String {
    w.t(&format!("consent-purpose-{}", purpose.as_str()))
}

fn source_label(w: &Words, source: ConsentSource) -> String {
    w.t(&format!("consent-source-{}", source.as_str()))
}

/// A box per purpose, checked as `given` says, with the state of `now` if known.
pub fn boxes(w: &Words, given: &ConsentInput, now: Option<&Consent>) -> Vec<ConsentBox> {
    ConsentPurpose::ALL
        .iter()
        .map(|&p| ConsentBox {
            field: format!("consent_{}", p.as_str()),
            label: purpose_label(w, p),
            checked: given.given(p),
            state: now.map_or_else(String::new, |c| match c.given_at(p) {
                Some(at) => w.t1("consent-given-on", "date", date_only(w, at)),
                None => w.t("consent-not-given"),
            }),
        })
        .collect()
}

/// The checked boxes of a submitted form (a box not sent is not checked).
pub fn checked(fields: &Fields) -> ConsentInput {
    let on = |p: ConsentPurpose| fields.get(&format!("consent_{}", p.as_str())) == Some("yes");
    ConsentInput {
        email_reminders: on(ConsentPurpose::EmailReminders),
        sms_reminders: on(ConsentPurpose::SmsReminders),
        calls: on(ConsentPurpose::Calls),
        research: on(ConsentPurpose::Research),
        funder_sharing: on(ConsentPurpose::FunderSharing),
        source: fields
            .get("consent_source")
            .and_then(|s| s.parse().ok())
            .filter(|s| SAID_TO_US.contains(s)),
    }
}

/// The choices of how a person said so, as `(value, label, selected)`.
pub fn sources(w: &Words, selected: Option<ConsentSource>) -> Vec<(String, String, bool)> {
    SAID_TO_US
        .iter()
        .map(|&s| {
            (
                s.as_str().to_string(),
                source_label(w, s),
                selected == Some(s),
            )
        })
        .collect()
}

/// Each change as a line, newest first.
pub fn history(w: &Words, changes: &[ConsentChange]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let key = if c.given {
                "consent-change-given"
            } else {
                "consent-change-withdrawn"
            };
            w.tn(
                key,
                &[
                    ("date", date_only(w, c.at)),
                    ("purpose", purpose_label(w, c.purpose)),
                    ("source", source_label(w, c.source)),
                ],
            )
        })
        .collect()
}

/// A coordinator saves what a participant agrees to.
pub async fn save(
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
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let Ok(person) = id.parse::<Id>() else {
        return error_page(w, signed.me(), ApiError::not_found("person"));
    };
    let input = checked(&fields);
    let saved = async {
        state
            .store
            .set_consent(signed.who.org_id, person, &input)
            .await?;
        let route = "POST /participants/{id}/consent";
        state
            .log_access(
                &signed.who,
                AccessAction::Change,
                About::Person(person),
                route,
            )
            .await
    };
    match state.store.in_one_transaction(saved).await {
        Ok(_) => Redirect::to(&format!("/participants/{person}?consent=1#consent")).into_response(),
        // What the form left out, in the coordinator's words, with the way back to it.
        Err(StoreError::Invalid(errors)) => {
            let problem = match errors.errors()[0].field.as_str() {
                "consent.email_reminders" => "problem-email-reminders-without-email",
                "consent.sms_reminders" => "problem-sms-reminders-without-phone",
                "consent.calls" => "problem-calls-without-phone",
                _ => "problem-consent-without-source",
            };
            let back = (format!("/participants/{person}#consent"), w.t("back"));
            message(
                StatusCode::UNPROCESSABLE_ENTITY,
                w,
                signed.me(),
                "bad-input-title",
                w.t(problem),
                Some(back),
            )
        }
        Err(e) => error_page(w, signed.me(), e.into()),
    }
}
