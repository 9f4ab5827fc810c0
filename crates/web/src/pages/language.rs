//! Each user picks the language of their pages (and of the mail they get) among the
//! reminders' locales, each named in its own script.

use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::error::ApiError;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use peergroup_notify::locale::LOCALES;

/// Each locale in its own words.
pub(super) fn own_name(locale: &str) -> &'static str {
    match locale {
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "uk" => "Українська",
        "ar" => "العربية",
        "ne" => "नेपाली",
        "pa-Guru" => "ਪੰਜਾਬੀ",
        "zh-Hans" => "简体中文",
        "fa-AF" => "دری",
        _ => "?",
    }
}

#[derive(Template)]
#[template(path = "language.html")]
struct LanguagePage {
    frame: Frame,
    csrf: String,
    languages: Vec<Choice>,
}

fn language_page(
    signed: &SignedIn,
    w: Words,
    status: StatusCode,
    notices: Vec<String>,
) -> Response {
    let languages = LOCALES
        .iter()
        .map(|l| Choice {
            value: l.to_string(),
            label: own_name(l).to_string(),
            checked: *l == w.locale,
        })
        .collect();
    let mut frame = Frame::new(w, "language-title", signed.me());
    frame.notices = notices;
    page(
        status,
        &LanguagePage {
            frame,
            csrf: signed.csrf.clone(),
            languages,
        },
    )
}

pub async fn language(signed: SignedIn) -> Response {
    language_page(&signed, signed.words.clone(), StatusCode::OK, vec![])
}

pub async fn choose_language(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    if !signed.carries_token(&fields, &headers) {
        return refused(&signed.words);
    }
    let Some(locale) = fields
        .get("locale")
        .and_then(|l| LOCALES.iter().find(|x| **x == l))
    else {
        return error_page(
            &signed.words,
            signed.me(),
            ApiError::field("locale", format!("must be one of {}", LOCALES.join(", "))),
        );
    };
    if let Err(e) = state.store.set_user_locale(&signed.who, Some(locale)).await {
        return error_page(&signed.words, signed.me(), e.into());
    }
    let w = Words::new(locale);
    let saved = w.t("language-saved");
    language_page(&signed, w, StatusCode::OK, vec![saved])
}
