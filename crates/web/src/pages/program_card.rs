//! A program's card, printable and as CSV: the review's Table 1 and Table 2 from live data,
//! with the retention curve and a paired plot for each outcome drawn as SVG on the server.
//! Small counts are suppressed as on the API's card, since both are made to be shared.

use super::exports::{cell, csv_rows};
use super::login::SignedIn;
use super::outcomes::{num, p_value, timepoint_words};
use super::programs::spec_lines;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::require_manager;
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use peergroup_app::program_card::{funder_export, program_card};
use peergroup_domain::Id;
use peergroup_domain::card::{OutcomeResult, PooledRetention, ProgramCard};
use std::borrow::Cow;

/// A figure of Table 2, or the words for a suppressed one.
fn count(w: &Words, n: Option<u32>) -> String {
    n.map_or_else(|| w.t("card-suppressed"), |n| n.to_string())
}

fn percent(w: &Words, share: Option<f64>) -> String {
    share.map_or_else(|| w.t("card-suppressed"), |s| format!("{:.0}%", s * 100.0))
}

/// The retention curve: one polyline per run of shown points, in a 300 × 120 box.
fn retention_svg(points: &[PooledRetention]) -> Vec<String> {
    let last = points.len().max(2) - 1;
    let x = |k: usize| 20.0 + 260.0 * k as f64 / last as f64;
    let y = |share: f64| 10.0 + 100.0 * (1.0 - share);
    let mut runs: Vec<String> = vec![];
    let mut run: Vec<String> = vec![];
    for (k, p) in points.iter().enumerate() {
        match p.share {
            Some(s) => run.push(format!("{:.1},{:.1}", x(k), y(s))),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run).join(" ")),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run.join(" "));
    }
    runs
}

/// A paired plot: each person's line from before (left) to after (right), in a 200 × 140
/// box scaled to the values.
pub struct PairedPlot {
    pub lines: Vec<(String, String)>,
    pub low: String,
    pub high: String,
}

fn paired_plot(pairs: &[(f64, f64)]) -> Option<PairedPlot> {
    let values = pairs.iter().flat_map(|(a, b)| [*a, *b]);
    let low = values.clone().fold(f64::INFINITY, f64::min);
    let high = values.fold(f64::NEG_INFINITY, f64::max);
    if pairs.is_empty() || !low.is_finite() || !high.is_finite() {
        return None;
    }
    let span = if high > low { high - low } else { 1.0 };
    let y = |v: f64| format!("{:.1}", 125.0 - 110.0 * (v - low) / span);
    Some(PairedPlot {
        lines: pairs.iter().map(|(a, b)| (y(*a), y(*b))).collect(),
        low: num(low),
        high: num(high),
    })
}

pub struct OutcomeRow {
    pub title: String,
    pub when: String,
    pub n: String,
    pub lost: String,
    pub before: String,
    pub after: String,
    pub change: String,
    pub test: String,
    pub plot: Option<PairedPlot>,
}

fn outcome_row(w: &Words, o: &OutcomeResult) -> OutcomeRow {
    let dash = || "–".to_string();
    let c = o.change.as_ref();
    let sd = |s: Option<f64>| s.map_or_else(dash, num);
    OutcomeRow {
        title: o.title.clone(),
        when: format!(
            "{} → {}",
            timepoint_words(w, o.from),
            timepoint_words(w, o.to)
        ),
        n: count(w, o.n),
        lost: count(w, o.lost),
        before: c.map_or_else(dash, |c| {
            format!("{} (SD {})", num(c.before.mean), sd(c.before.sd))
        }),
        after: c.map_or_else(dash, |c| {
            format!("{} (SD {})", num(c.after.mean), sd(c.after.sd))
        }),
        change: c.map_or_else(dash, |c| match &c.t_test {
            Some(t) => format!(
                "{} (95% CI {} to {})",
                num(c.change.mean),
                num(t.ci_low),
                num(t.ci_high)
            ),
            None => num(c.change.mean),
        }),
        test: c.and_then(|c| c.t_test.as_ref()).map_or_else(dash, |t| {
            let (t_value, p, dz) = (num(t.t), p_value(t.p), num(t.dz));
            format!("t({}) = {t_value}, p {p}, dz = {dz}", t.df)
        }),
        plot: paired_plot(&o.pairs),
    }
}

#[derive(Template)]
#[template(path = "program_card.html")]
struct CardPage {
    frame: Frame,
    id: Id,
    citation: Option<String>,
    design: Vec<(String, Vec<String>)>,
    results: Vec<(String, String)>,
    retention: Vec<String>,
    retention_words: String,
    outcomes: Vec<OutcomeRow>,
}

/// Table 1 as (label, lines).
fn design(
    w: &Words,
    card: &ProgramCard,
    lines: super::programs::SpecLines,
) -> Vec<(String, Vec<String>)> {
    let d = &card.design;
    let size = match (d.group_size.min, d.group_size.max) {
        (Some(lo), Some(hi)) => vec![format!("{lo}–{hi}")],
        (None, Some(hi)) => vec![format!("≤ {hi}")],
        (Some(lo), None) => vec![format!("≥ {lo}")],
        (None, None) => vec![],
    };
    let mut rows = vec![
        (
            w.t("card-population"),
            d.target_population.iter().cloned().collect(),
        ),
        (w.t("card-condition"), d.condition.iter().cloned().collect()),
        (w.t("card-setting"), d.setting.clone()),
        (w.t("group-languages"), d.languages.clone()),
        (w.t("card-format"), lines.format),
        (w.t("card-group-size"), size),
        (w.t("card-facilitators"), lines.facilitators),
        (w.t("card-training"), lines.training),
        (w.t("card-elements"), lines.elements),
    ];
    rows.retain(|(_, lines)| !lines.is_empty());
    rows
}

/// Table 2 (without outcomes) as (label, value).
fn results(w: &Words, card: &ProgramCard) -> Vec<(String, String)> {
    let r = &card.results;
    vec![
        (w.t("card-groups"), r.groups.to_string()),
        (w.t("card-participants"), count(w, r.participants)),
        (w.t("card-sessions-held"), r.sessions_held.to_string()),
        (w.t("card-attendance"), percent(w, r.attendance_rate)),
        (
            w.t("card-dose"),
            r.mean_dose
                .map_or_else(|| w.t("card-suppressed"), |d| format!("{d:.1}")),
        ),
        (w.t("card-completed"), count(w, r.completed)),
        (w.t("card-completion"), percent(w, r.completion_rate)),
    ]
}

async fn read_card(
    state: &AppState,
    signed: &SignedIn,
    id: &str,
) -> Result<(ProgramCard, super::programs::SpecLines), ApiError> {
    require_manager(&signed.who)?;
    let id: Id = id.parse().map_err(|_| ApiError::not_found("program"))?;
    let program = state.store.get_program(signed.who.org_id, id).await?;
    let card = program_card(&state.store, signed.who.org_id, &program).await?;
    Ok((card, spec_lines(&signed.words, &program.spec)))
}

pub async fn card(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let w = &signed.words;
    let (card, lines) = match read_card(&state, &signed, &id).await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut frame = Frame::new(w.clone(), "card-title", signed.me());
    frame.title = w.t1("card-title", "program", &card.name);
    let last = card.results.retention.iter().rev().find_map(|p| p.share);
    page(
        StatusCode::OK,
        &CardPage {
            id: card.program_id,
            citation: card.citation.clone(),
            design: design(w, &card, lines),
            results: results(w, &card),
            retention: retention_svg(&card.results.retention),
            retention_words: w.tn(
                "card-retention-words",
                &[
                    ("sessions", card.results.retention.len().to_string()),
                    ("last", percent(w, last)),
                ],
            ),
            outcomes: card
                .results
                .outcomes
                .iter()
                .map(|o| outcome_row(w, o))
                .collect(),
            frame,
        },
    )
}

/// The card as CSV: one row per figure, (table, label, value), in the user's language.
pub async fn card_csv(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let w = &signed.words;
    let (card, lines) = match read_card(&state, &signed, &id).await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut rows: Vec<Vec<Cow<'_, str>>> =
        vec![vec!["table".into(), "label".into(), "value".into()]];
    let table1 = w.t("card-table1");
    for (label, values) in design(w, &card, lines) {
        for v in values {
            rows.push(vec![
                table1.clone().into(),
                cell(&label).into_owned().into(),
                cell(&v).into_owned().into(),
            ]);
        }
    }
    let table2 = w.t("card-table2");
    for (label, value) in results(w, &card) {
        rows.push(vec![table2.clone().into(), label.into(), value.into()]);
    }
    for (p, point) in card.results.retention.iter().enumerate() {
        rows.push(vec![
            table2.clone().into(),
            w.t1("card-retention-at", "session", p + 1).into(),
            percent(w, point.share).into(),
        ]);
    }
    for o in &card.results.outcomes {
        let row = outcome_row(w, o);
        let name = format!("{} · {}", o.title, row.when);
        for (label, value) in [
            (w.t("outcome-n"), row.n),
            (w.t("outcome-lost"), row.lost),
            (w.t("outcome-before"), row.before),
            (w.t("outcome-after"), row.after),
            (w.t("outcome-change"), row.change),
            (w.t("outcome-t-test"), row.test),
        ] {
            rows.push(vec![
                table2.clone().into(),
                cell(&format!("{name} · {label}")).into_owned().into(),
                value.into(),
            ]);
        }
    }
    let body = match csv_rows(&rows) {
        Ok(bytes) => bytes,
        Err(_) => return error_page(w, signed.me(), ApiError::internal()),
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"program-{}-card.csv\"",
                    card.program_id
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// The funder's participant-level file: de-identified, consenting participants only.
pub async fn funder_csv(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let w = &signed.words;
    let read = async {
        require_manager(&signed.who)?;
        let id: Id = id.parse().map_err(|_| ApiError::not_found("program"))?;
        Ok::<_, ApiError>((
            id,
            funder_export(&state.store, signed.who.org_id, id).await?,
        ))
    };
    let (id, export) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let mut rows: Vec<Vec<Cow<'_, str>>> = vec![export.columns.iter().map(|c| cell(c)).collect()];
    rows.extend(
        export
            .rows
            .iter()
            .map(|r| r.iter().map(|c| Cow::Borrowed(c.as_str())).collect()),
    );
    let body = match csv_rows(&rows) {
        Ok(bytes) => bytes,
        Err(_) => return error_page(w, signed.me(), ApiError::internal()),
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"program-{id}-participants-deidentified.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suppressed_point_breaks_the_retention_line() {
        let p = |share| PooledRetention {
            held_session: 1,
            participants: Some(10),
            share,
        };
        let runs = retention_svg(&[p(Some(1.0)), p(Some(0.5)), p(None), p(Some(0.5))]);
        assert_eq!(runs, ["20.0,10.0 106.7,60.0", "280.0,60.0"]);
        assert!(retention_svg(&[]).is_empty());
    }

    #[test]
    fn a_paired_plot_spans_the_values() {
        let plot = paired_plot(&[(10.0, 20.0), (30.0, 10.0)]).unwrap();
        assert_eq!(
            plot.lines,
            [
                ("125.0".into(), "70.0".into()),
                ("15.0".into(), "125.0".into())
            ]
        );
        assert_eq!((plot.low.as_str(), plot.high.as_str()), ("10.00", "30.00"));
        assert!(paired_plot(&[]).is_none());
    }
}
