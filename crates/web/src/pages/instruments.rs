//! Instruments for coordinators: the built-in scales with their source and licence, the
//! organization's own, and forms to define a scale it is licensed to use (one item per
//! line) or a single measure with a unit. A definition is checked as a whole before it is
//! kept, and each problem is named in the user's words or by its field.

use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use peergroup_app::outcomes::{define_instrument, instrument, translate_instrument};
use peergroup_domain::instruments::{
    Direction, InstrumentSpec, Item, MeasureSpec, Scoring, Subscale, Translation, builtin,
};
use peergroup_domain::outcomes::Definition;
use peergroup_domain::validation::ValidationErrors;
use peergroup_store::StoreError;
use std::collections::HashMap;

/// One instrument as the list shows it.
pub struct Listed {
    pub key: String,
    pub title: String,
    /// Items and scoring, or the unit and range.
    pub shape: String,
    pub source: String,
    pub licence: String,
}

#[derive(Template)]
#[template(path = "instruments.html")]
struct InstrumentsPage {
    frame: Frame,
    csrf: String,
    builtin: Vec<Listed>,
    own: Vec<Listed>,
    /// The form's fields as typed (after a refusal) or prefilled.
    typed: HashMap<String, String>,
    scorings: Vec<Choice>,
    directions: Vec<Choice>,
    /// The scales a translation can be added to.
    scales: Vec<Choice>,
}

impl InstrumentsPage {
    fn typed(&self, name: &str) -> &str {
        self.typed.get(name).map_or("", String::as_str)
    }
}

fn listed(w: &Words, def: &Definition) -> Listed {
    match def {
        Definition::Scale(s) => Listed {
            key: s.key.clone(),
            title: s.title.clone(),
            shape: w.tn(
                "instrument-shape",
                &[
                    ("items", s.items.len().to_string()),
                    ("scoring", w.t(&format!("scoring-{}", s.scoring.as_str()))),
                ],
            ),
            source: s.source.clone(),
            licence: s.licence.clone(),
        },
        Definition::Measure(m) => Listed {
            key: m.key.clone(),
            title: m.title.clone(),
            shape: format!("{} {}–{}", m.unit, m.min, m.max),
            source: String::new(),
            licence: String::new(),
        },
    }
}

fn choices<T: Copy + PartialEq>(
    w: &Words,
    all: &[T],
    name: fn(T) -> &'static str,
    prefix: &str,
    chosen: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|&v| Choice {
            value: name(v).to_string(),
            label: w.t(&format!("{prefix}-{}", name(v))),
            checked: name(v) == chosen,
        })
        .collect()
}

async fn instruments_page(
    state: &AppState,
    signed: &SignedIn,
    status: StatusCode,
    typed: HashMap<String, String>,
    notices: Vec<String>,
    errors: Vec<String>,
) -> Response {
    let w = &signed.words;
    let own = match state.store.org_instruments(signed.who.org_id).await {
        Ok(own) => own,
        Err(e) => return error_page(w, signed.me(), e.into()),
    };
    let mut frame = Frame::new(w.clone(), "instrument-title", signed.me());
    frame.notices = notices;
    frame.errors = errors;
    let scoring = typed.get("scoring").cloned().unwrap_or("sum".into());
    let direction = typed
        .get("direction")
        .cloned()
        .unwrap_or("lower_is_better".into());
    page(
        status,
        &InstrumentsPage {
            frame,
            csrf: signed.csrf.clone(),
            builtin: builtin()
                .into_iter()
                .map(|s| listed(w, &Definition::Scale(s)))
                .collect(),
            scales: builtin()
                .into_iter()
                .map(|s| (s.key, s.title))
                .chain(own.iter().filter_map(|d| match d {
                    Definition::Scale(s) => Some((s.key.clone(), s.title.clone())),
                    Definition::Measure(_) => None,
                }))
                .map(|(key, title)| Choice {
                    checked: typed.get("scale").is_some_and(|k| *k == key),
                    value: key,
                    label: title,
                })
                .collect(),
            own: own.iter().map(|d| listed(w, d)).collect(),
            typed,
            scorings: choices(
                w,
                &[Scoring::Sum, Scoring::ProratedSum, Scoring::Mean],
                Scoring::as_str,
                "scoring",
                &scoring,
            ),
            directions: choices(
                w,
                &[Direction::LowerIsBetter, Direction::HigherIsBetter],
                Direction::as_str,
                "direction",
                &direction,
            ),
        },
    )
}

pub async fn instruments(
    State(state): State<AppState>,
    signed: SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(e) = require_manager(&signed.who) {
        return error_page(&signed.words, signed.me(), e);
    }
    let mut notices = vec![];
    if query.contains_key("saved") {
        notices.push(signed.words.t("instrument-saved"));
    }
    if query.contains_key("translated") {
        notices.push(signed.words.t("translation-saved"));
    }
    // The program page links here with the key its plan names.
    let mut typed = HashMap::new();
    if let Some(key) = query.get("key") {
        typed.insert("key".to_string(), key.clone());
        typed.insert("measure_key".to_string(), key.clone());
    }
    instruments_page(&state, &signed, StatusCode::OK, typed, notices, vec![]).await
}

/// Lines of a text area, trimmed, blank ones left out.
fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A number field; empty is `None`, anything else that is not a number an error.
fn number<T: std::str::FromStr>(raw: &str) -> Result<Option<T>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.replace(',', ".").parse().map(Some).map_err(|_| ())
}

/// A subscale line, "Appreciation of Life: 1, 4, 13", as its title and item numbers.
fn subscale_line(line: &str) -> Option<(String, Vec<String>)> {
    let (title, items) = line.rsplit_once(':')?;
    let items: Option<Vec<String>> = items
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(|i| i.parse::<usize>().ok().map(|n| n.to_string()))
        .collect();
    Some((title.trim().to_string(), items?))
}

/// A subscale's key from its title: lower-case letters and digits joined by `_`.
fn key_of(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The scale the form describes. Items are numbered from 1 in their order; an item line
/// starting with "(R)" is reverse-scored.
fn scale_from(w: &Words, f: &Fields) -> Result<InstrumentSpec, Vec<String>> {
    let field = |name: &str| f.get(name).unwrap_or("").trim().to_string();
    let mut errors = vec![];
    let (lowest, highest) = match (
        number::<i32>(&field("lowest")),
        number::<i32>(&field("highest")),
    ) {
        (Ok(Some(lo)), Ok(Some(hi))) => (lo, hi),
        _ => {
            errors.push(w.t("instrument-bad-range"));
            (0, 0)
        }
    };
    let max_missing = match number::<u32>(&field("max_missing")) {
        Ok(n) => n.unwrap_or(0),
        Err(()) => {
            errors.push(w.t("instrument-bad-missing"));
            0
        }
    };
    let mid = number::<f64>(&field("mid")).unwrap_or_else(|()| {
        errors.push(w.t("instrument-bad-mid"));
        None
    });
    let scoring = match field("scoring").as_str() {
        "prorated_sum" => Scoring::ProratedSum,
        "mean" => Scoring::Mean,
        _ => Scoring::Sum,
    };
    let direction = match field("direction").as_str() {
        "higher_is_better" => Direction::HigherIsBetter,
        _ => Direction::LowerIsBetter,
    };
    let items: Vec<Item> = lines(&field("items"))
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let (reverse, text) = match line.strip_prefix("(R)") {
                Some(rest) => (true, rest.trim()),
                None => (false, line.as_str()),
            };
            Item {
                key: (n + 1).to_string(),
                text: text.to_string(),
                min: lowest,
                max: highest,
                reverse,
            }
        })
        .collect();
    let options = lines(&field("options"));
    if !options.is_empty()
        && i64::try_from(options.len()).ok() != Some(i64::from(highest) - i64::from(lowest) + 1)
    {
        errors.push(w.t("instrument-bad-options"));
    }
    let mut subscales = vec![];
    for line in lines(&field("subscales")) {
        match subscale_line(&line) {
            Some((title, items)) => subscales.push(Subscale {
                key: key_of(&title),
                title,
                max_missing: match scoring {
                    Scoring::Sum => 0,
                    _ => max_missing.min(items.len().saturating_sub(1) as u32),
                },
                items,
                scoring,
            }),
            None => errors.push(w.t1("instrument-bad-subscale", "line", &line)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(InstrumentSpec {
        key: field("key"),
        title: field("title"),
        stem: field("stem"),
        options,
        items,
        scoring,
        max_missing,
        multiplier: 1.0,
        subscales,
        bands: vec![],
        direction,
        mid,
        alert_items: vec![],
        source: field("source"),
        licence: field("licence"),
    })
}

fn measure_from(w: &Words, f: &Fields) -> Result<MeasureSpec, Vec<String>> {
    let field = |name: &str| f.get(name).unwrap_or("").trim().to_string();
    let (min, max) = match (number::<f64>(&field("min")), number::<f64>(&field("max"))) {
        (Ok(Some(min)), Ok(Some(max))) => (min, max),
        _ => return Err(vec![w.t("instrument-bad-measure-range")]),
    };
    let mid = number::<f64>(&field("measure_mid")).map_err(|()| vec![w.t("instrument-bad-mid")])?;
    Ok(MeasureSpec {
        key: field("measure_key"),
        title: field("measure_title"),
        unit: field("unit"),
        min,
        max,
        direction: match field("measure_direction").as_str() {
            "higher_is_better" => Direction::HigherIsBetter,
            _ => Direction::LowerIsBetter,
        },
        mid,
    })
}

/// Each refused field of a definition, by its JSON path.
fn problems(errors: &ValidationErrors) -> Vec<String> {
    errors
        .errors()
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect()
}

/// After a form: on to `done`, or the page again with the form as typed and each problem.
async fn finish(
    state: &AppState,
    signed: &SignedIn,
    fields: &Fields,
    outcome: Result<(), Vec<String>>,
    done: &str,
) -> Response {
    match outcome {
        Ok(()) => Redirect::to(done).into_response(),
        Err(errors) => {
            let typed = fields
                .0
                .iter()
                .filter(|(k, _)| k != "csrf")
                .cloned()
                .collect();
            instruments_page(
                state,
                signed,
                StatusCode::UNPROCESSABLE_ENTITY,
                typed,
                vec![],
                errors,
            )
            .await
        }
    }
}

/// Keeps a scale or a measure (the button pressed says which); refused, the form comes
/// back as typed with each problem.
pub async fn define(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let def = match fields.get("kind") {
        Some("measure") => measure_from(w, &fields).map(Definition::Measure),
        _ => scale_from(w, &fields).map(Definition::Scale),
    };
    let outcome = match def {
        Ok(def) => match define_instrument(&state.store, signed.who.org_id, &def).await {
            Ok(()) => Ok(()),
            Err(StoreError::Invalid(errors)) => Err(problems(&errors)),
            Err(StoreError::Conflict(_)) => Err(vec![w.t("instrument-taken")]),
            Err(other) => return error_page(w, signed.me(), other.into()),
        },
        Err(errors) => Err(errors),
    };
    finish(&state, &signed, &fields, outcome, "/instruments?saved=1").await
}

/// Keeps a translation of a scale's words: the stem, the answer words and the items, one
/// per line in the scale's order.
pub async fn translate(
    State(state): State<AppState>,
    signed: SignedIn,
    headers: HeaderMap,
    fields: Fields,
) -> Response {
    let w = &signed.words;
    if !signed.carries_token(&fields, &headers) {
        return refused(w);
    }
    if let Err(e) = require_manager(&signed.who) {
        return error_page(w, signed.me(), e);
    }
    let org = signed.who.org_id;
    let field = |name: &str| fields.get(name).unwrap_or("").trim().to_string();
    let key = field("scale");
    let outcome = match instrument(&state.store, org, &key).await {
        Ok(Definition::Scale(scale)) => {
            let words = Translation {
                stem: field("translated_stem"),
                options: lines(&field("translated_options")),
                items: scale
                    .items
                    .iter()
                    .map(|i| i.key.clone())
                    .zip(lines(&field("translated_items")))
                    .collect(),
            };
            let lines_given = lines(&field("translated_items")).len();
            if lines_given != scale.items.len() {
                Err(vec![w.tn(
                    "translation-bad-items",
                    &[
                        ("items", scale.items.len().to_string()),
                        ("lines", lines_given.to_string()),
                    ],
                )])
            } else {
                match translate_instrument(&state.store, org, &key, &field("language"), &words)
                    .await
                {
                    Ok(()) => Ok(()),
                    Err(StoreError::Invalid(errors)) => Err(problems(&errors)),
                    Err(other) => return error_page(w, signed.me(), other.into()),
                }
            }
        }
        Ok(Definition::Measure(_)) | Err(StoreError::NotFound(_)) => {
            Err(vec![w.t("translation-bad-scale")])
        }
        Err(other) => return error_page(w, signed.me(), other.into()),
    };
    finish(
        &state,
        &signed,
        &fields,
        outcome,
        "/instruments?translated=1",
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subscale_line_names_its_items_by_number() {
        assert_eq!(
            subscale_line("Appreciation of Life: 1, 4, 13"),
            Some((
                "Appreciation of Life".into(),
                vec!["1".into(), "4".into(), "13".into()]
            ))
        );
        assert_eq!(subscale_line("Relating to Others: 6, x"), None);
        assert_eq!(subscale_line("No items here"), None);
        assert_eq!(key_of("Appreciation of Life"), "appreciation_of_life");
    }
}
