//! Outcomes: the instruments an organization can use (built in, or its own), assessments
//! recorded for an enrolment and scored on save, research consent, and the paired change of
//! a group or a program between two timepoints. Only people who agreed to research use
//! count in the figures.

use super::enrollments::visible_enrollment;
use crate::AppState;
use crate::access::{require_group_visible, require_manager};
use crate::error::{ApiError, ApiResult, ReadProblems, WriteProblems};
use crate::extract::{Caller, Json, Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use peergroup_app::outcomes::{
    ChangeReport, changes, define_instrument, instrument, instrument_in, program_groups,
    record_assessment, translate_instrument,
};
use peergroup_app::program_card::program_card;
use peergroup_domain::Id;
use peergroup_domain::access_log::About;
use peergroup_domain::card::ProgramCard;
use peergroup_domain::instruments::{Translation, builtin};
use peergroup_domain::outcomes::{AssessmentSpec, Definition, Timepoint};
use peergroup_domain::paired::PairedChange;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_instruments, add_instrument))
        .routes(routes!(get_instrument))
        .routes(routes!(translate))
        .routes(routes!(add_assessment))
        .routes(routes!(group_outcomes))
        .routes(routes!(program_outcomes))
        .routes(routes!(card))
}

/// Every instrument the organization can use: the built-in ones first, then its own.
#[utoipa::path(get, path = "/instruments", tag = "outcomes", responses((status = 200, body = Vec<Definition>), ReadProblems))]
async fn list_instruments(
    State(state): State<AppState>,
    Caller(who): Caller,
) -> ApiResult<axum::Json<Vec<Definition>>> {
    let mut all: Vec<Definition> = builtin().into_iter().map(Definition::Scale).collect();
    all.extend(state.store.org_instruments(who.org_id).await?);
    Ok(axum::Json(all))
}

/// Defines a scale or a measure the organization is licensed to use. Its key must be new:
/// a definition is not changed once assessments may have used it.
#[utoipa::path(post, path = "/instruments", tag = "outcomes", request_body = Definition, responses((status = 201, body = Definition), WriteProblems))]
async fn add_instrument(
    State(state): State<AppState>,
    Caller(who): Caller,
    Json(def): Json<Definition>,
) -> ApiResult<(StatusCode, axum::Json<Definition>)> {
    require_manager(&who)?;
    define_instrument(&state.store, who.org_id, &def).await?;
    Ok((StatusCode::CREATED, axum::Json(def)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InLanguage {
    /// The language to give a scale's words in, where the organization has that
    /// translation (else they stay in the original).
    #[param(max_length = 35)]
    pub locale: Option<String>,
}

#[utoipa::path(get, path = "/instruments/{key}", tag = "outcomes", params(("key" = String, Path), InLanguage), responses((status = 200, body = Definition), ReadProblems))]
async fn get_instrument(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(key): Path<String>,
    Query(lang): Query<InLanguage>,
) -> ApiResult<axum::Json<Definition>> {
    let def = match lang.locale {
        Some(locale) if locale.chars().count() > 35 => {
            return Err(ApiError::field(
                "locale",
                "must be a language tag such as pa-Guru",
            ));
        }
        Some(locale) => {
            instrument_in(&state.store, who.org_id, &key, &locale)
                .await?
                .0
        }
        None => instrument(&state.store, who.org_id, &key).await?,
    };
    Ok(axum::Json(def))
}

/// Keeps the organization's translation of a scale's words (stem, answer words and every
/// item) into a language, as it is licensed to use it; a second one replaces the first.
/// An assessment records the language it was taken in.
#[utoipa::path(put, path = "/instruments/{key}/translations/{locale}", tag = "outcomes", params(("key" = String, Path), ("locale" = String, Path)), request_body = Translation, responses((status = 200, body = Translation), WriteProblems))]
async fn translate(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path((key, locale)): Path<(String, String)>,
    Json(words): Json<Translation>,
) -> ApiResult<axum::Json<Translation>> {
    require_manager(&who)?;
    translate_instrument(&state.store, who.org_id, &key, &locale, &words).await?;
    Ok(axum::Json(words))
}

/// One assessment as entered: a scale's answers by item key, or a measure's value.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentInput {
    /// A built-in instrument's key or one of the organization's.
    #[schema(min_length = 1, max_length = 200)]
    pub instrument: String,
    pub timepoint: Timepoint,
    /// The day it was taken; not in the future.
    pub taken_on: chrono::NaiveDate,
    /// The language it was taken in, such as `pa-Guru`.
    #[schema(pattern = "^[A-Za-z0-9-]{2,35}$")]
    pub locale: String,
    /// A scale's answers by item key; `null` or left out is a missing item.
    #[serde(default)]
    pub answers: BTreeMap<String, Option<i32>>,
    /// A measure's value.
    #[serde(default)]
    pub value: Option<f64>,
}

/// An assessment kept, with its score.
#[derive(Debug, Serialize, ToSchema)]
pub struct Assessment {
    pub id: Id,
    pub enrollment_id: Id,
    pub instrument: String,
    pub timepoint: Timepoint,
    /// The score: a scale's total (after its missing-item rule), or the measure.
    pub total: f64,
    pub band: Option<String>,
    /// Each subscale's score; `null` where too many of its items are missing.
    pub subscales: BTreeMap<String, Option<f64>>,
    pub missing: u32,
    /// Items whose answer calls for a safety check the same day (PHQ-9 item 9).
    pub alerts: Vec<String>,
}

/// Records and scores one participant's assessment in their group. An answer out of range,
/// an item missing beyond the instrument's rule, a timepoint the program does not plan, a
/// date to come or a second assessment at the same timepoint is refused, and nothing is
/// written.
#[utoipa::path(post, path = "/enrollments/{id}/assessments", tag = "outcomes", params(("id" = i64, Path)), request_body = AssessmentInput, responses((status = 201, body = Assessment), WriteProblems))]
async fn add_assessment(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Json(input): Json<AssessmentInput>,
) -> ApiResult<(StatusCode, axum::Json<Assessment>)> {
    let person = visible_enrollment(&state, &who, id).await?.person_id;
    let spec = AssessmentSpec {
        instrument: input.instrument,
        timepoint: input.timepoint,
        taken_on: input.taken_on,
        locale: input.locale,
        answers: input.answers,
        value: input.value,
    };
    let record = record_assessment(&state.store, who.org_id, id, &spec, Some(who.user_id));
    let route = "POST /api/v1/enrollments/{id}/assessments";
    let recorded = state
        .logged_change(&who, route, |_| About::Person(person), record)
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(Assessment {
            id: recorded.id,
            enrollment_id: id,
            instrument: spec.instrument,
            timepoint: spec.timepoint,
            total: recorded.scored.total,
            band: recorded.scored.band,
            subscales: recorded.scored.subscales,
            missing: recorded.scored.missing,
            alerts: recorded.scored.alerts,
        }),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangeParams {
    /// The instrument's key.
    #[param(min_length = 1, max_length = 200)]
    pub instrument: String,
    /// The first timepoint (default `baseline`).
    #[param(value_type = Option<String>, pattern = "^(baseline|post|after_session_[1-9][0-9]{0,2}|follow_up_[1-9][0-9]{0,2}w)$")]
    pub from: Option<String>,
    /// The second timepoint (default `post`).
    #[param(value_type = Option<String>, pattern = "^(baseline|post|after_session_[1-9][0-9]{0,2}|follow_up_[1-9][0-9]{0,2}w)$")]
    pub to: Option<String>,
}

/// The paired change of an instrument between two timepoints.
#[derive(Debug, Serialize, ToSchema)]
pub struct Change {
    pub instrument: String,
    pub from: Timepoint,
    pub to: Timepoint,
    /// `null` until someone who agreed to research use has both.
    pub paired: Option<PairedChange>,
    /// Assessed at `from` and not (yet) at `to`: lost to follow-up so far.
    pub missing: usize,
    /// People assessed who did not agree to research use, left out of the figures.
    pub without_consent: usize,
}

/// A program's change pooled over its groups, and each group's.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramChange {
    #[serde(flatten)]
    pub pooled: Change,
    pub groups: Vec<GroupChange>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupChange {
    pub group_id: Id,
    pub paired: Option<PairedChange>,
    pub missing: usize,
    pub without_consent: usize,
}

/// Reads the parameters and checks the instrument exists (404 if not).
async fn read_params(
    state: &AppState,
    org: Id,
    p: &ChangeParams,
) -> ApiResult<(Timepoint, Timepoint)> {
    let timepoint = |field: &str, raw: &Option<String>, or: Timepoint| match raw {
        None => Ok(or),
        Some(raw) => raw
            .parse::<Timepoint>()
            .map_err(|m| ApiError::field(field, m)),
    };
    let from = timepoint("from", &p.from, Timepoint::Baseline)?;
    let to = timepoint("to", &p.to, Timepoint::Post)?;
    if from == to {
        return Err(ApiError::field("to", "must differ from `from`"));
    }
    instrument(&state.store, org, &p.instrument).await?;
    Ok((from, to))
}

fn change(instrument: &str, from: Timepoint, to: Timepoint, r: ChangeReport) -> Change {
    Change {
        instrument: instrument.to_string(),
        from,
        to,
        paired: r.paired,
        missing: r.missing,
        without_consent: r.without_consent,
    }
}

/// A group's paired change, for its facilitators and coordinators.
#[utoipa::path(get, path = "/groups/{id}/outcomes", tag = "outcomes", params(("id" = i64, Path), ChangeParams), responses((status = 200, body = Change), ReadProblems))]
async fn group_outcomes(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<ChangeParams>,
) -> ApiResult<axum::Json<Change>> {
    require_group_visible(&state, &who, id).await?;
    state.store.get_group(who.org_id, id).await?;
    let (from, to) = read_params(&state, who.org_id, &params).await?;
    let (report, _) = changes(
        &state.store,
        who.org_id,
        &[id],
        &params.instrument,
        from,
        to,
    )
    .await?;
    Ok(axum::Json(change(&params.instrument, from, to, report)))
}

/// A program's paired change pooled over all its groups, with each group's, for
/// coordinators. A person in two groups counts in each.
#[utoipa::path(get, path = "/programs/{id}/outcomes", tag = "outcomes", params(("id" = i64, Path), ChangeParams), responses((status = 200, body = ProgramChange), ReadProblems))]
async fn program_outcomes(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
    Query(params): Query<ChangeParams>,
) -> ApiResult<axum::Json<ProgramChange>> {
    require_manager(&who)?;
    state.store.get_program(who.org_id, id).await?;
    let (from, to) = read_params(&state, who.org_id, &params).await?;
    let groups = program_groups(&state.store, who.org_id, id).await?;
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
    let (pooled, mut each) =
        changes(&state.store, who.org_id, &ids, &params.instrument, from, to).await?;
    Ok(axum::Json(ProgramChange {
        pooled: change(&params.instrument, from, to, pooled),
        groups: ids
            .iter()
            .map(|g| {
                let r = each.remove(g).unwrap_or_default();
                GroupChange {
                    group_id: *g,
                    paired: r.paired,
                    missing: r.missing,
                    without_consent: r.without_consent,
                }
            })
            .collect(),
    }))
}

/// The program's card for funders: the review's Table 1 (population, setting, format and
/// cadence, facilitators and their training, supports) and Table 2 (dose, retention, and
/// the change in each planned outcome from its first timepoint to each later one), from
/// live data. Counts from 1 to 4 are suppressed with every figure drawn from them.
#[utoipa::path(get, path = "/programs/{id}/card", tag = "outcomes", params(("id" = i64, Path)), responses((status = 200, body = ProgramCard), ReadProblems))]
async fn card(
    State(state): State<AppState>,
    Caller(who): Caller,
    Path(id): Path<Id>,
) -> ApiResult<axum::Json<ProgramCard>> {
    require_manager(&who)?;
    let program = state.store.get_program(who.org_id, id).await?;
    Ok(axum::Json(
        program_card(&state.store, who.org_id, &program).await?,
    ))
}
