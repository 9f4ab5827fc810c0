//! Outcomes of a group: who has been assessed with an instrument at two timepoints, each
//! assessment entered on a phone (one item per block, radio answers) or typed in from
//! paper, scored on save, and the paired change of those who agreed to research use.
//! Coordinators and the group's facilitators; research consent is a coordinator's.

use super::login::{Fields, SignedIn, refused};
use super::sessions::Choice;
use super::text::Words;
use super::{Frame, error_page, page};
use crate::AppState;
use crate::access::{require_group_visible, require_manager};
use crate::error::ApiError;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use peergroup_app::outcomes::{
    GroupDue, change, changes, due_assessments, instrument, instrument_in, program_groups,
    record_assessment,
};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction};
use peergroup_domain::instruments::builtin;
use peergroup_domain::outcomes::{AssessmentSpec, Definition, PlannedAssessment, Timepoint};
use peergroup_domain::paired::PairedChange;
use std::collections::{BTreeMap, HashMap};

/// The timepoints the page offers.
const TIMEPOINTS: [Timepoint; 6] = [
    Timepoint::Baseline,
    Timepoint::Post,
    Timepoint::FollowUp(6),
    Timepoint::FollowUp(12),
    Timepoint::FollowUp(24),
    Timepoint::FollowUp(52),
];

pub(super) fn timepoint_words(w: &Words, t: Timepoint) -> String {
    match t {
        Timepoint::Baseline => w.t("outcome-baseline"),
        Timepoint::Post => w.t("outcome-post"),
        Timepoint::FollowUp(weeks) => w.t1("outcome-follow-up", "weeks", weeks),
        Timepoint::AfterSession(n) => w.t1("outcome-after-session", "number", n),
    }
}

/// A value for a query string.
/// A link to each group's outcomes page with how many assessments it has due.
pub fn due_links(w: &Words, groups: &[GroupDue]) -> Vec<(String, String)> {
    groups
        .iter()
        .map(|g| {
            (
                format!("/groups/{}/outcomes", g.group_id),
                w.tn(
                    "sessions-assessments-due",
                    &[
                        ("count", g.due.to_string()),
                        ("group", g.group_name.clone()),
                    ],
                ),
            )
        })
        .collect()
}

fn q(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

pub(super) fn num(x: f64) -> String {
    format!("{:.2}", x)
}

pub(super) fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

pub struct Person {
    pub name: String,
    pub from_total: Option<String>,
    pub to_total: Option<String>,
    pub from_link: String,
    pub to_link: String,
    pub person_id: Id,
    pub consent: bool,
}

#[derive(Template)]
#[template(path = "outcomes.html")]
struct OutcomesPage {
    frame: Frame,
    group_id: Id,
    manager: bool,
    instruments: Vec<Choice>,
    froms: Vec<Choice>,
    tos: Vec<Choice>,
    from_label: String,
    to_label: String,
    facts: Vec<(String, String)>,
    people: Vec<Person>,
    due: Vec<DueLine>,
}

/// The figures of a paired change, each as a label and a value.
fn figures(w: &Words, c: &PairedChange, missing: usize, without: usize) -> Vec<(String, String)> {
    let sd = |s: Option<f64>| s.map(num).unwrap_or_else(|| "–".into());
    let mut facts = vec![
        (w.t("outcome-n"), c.n.to_string()),
        (w.t("outcome-lost"), missing.to_string()),
        (w.t("outcome-without-consent"), without.to_string()),
        (
            w.t("outcome-before"),
            format!("{} (SD {})", num(c.before.mean), sd(c.before.sd)),
        ),
        (
            w.t("outcome-after"),
            format!("{} (SD {})", num(c.after.mean), sd(c.after.sd)),
        ),
    ];
    match &c.t_test {
        Some(t) => {
            facts.push((
                w.t("outcome-change"),
                format!(
                    "{} (95% CI {} to {})",
                    num(c.change.mean),
                    num(t.ci_low),
                    num(t.ci_high)
                ),
            ));
            facts.push((
                w.t("outcome-t-test"),
                format!("t({}) = {}, p {}", t.df, num(t.t), p_value(t.p)),
            ));
            facts.push((w.t("outcome-dz"), num(t.dz)));
        }
        None => facts.push((w.t("outcome-change"), num(c.change.mean))),
    }
    if let Some(wx) = &c.wilcoxon {
        facts.push((
            w.t("outcome-wilcoxon"),
            format!("W = {}, p {}", num(wx.statistic), p_value(wx.p)),
        ));
    }
    if let Some(improved) = c.improved {
        facts.push((w.t("outcome-improved"), format!("{improved} / {}", c.n)));
    }
    facts
}

fn chosen_timepoint(query: &HashMap<String, String>, key: &str, or: Timepoint) -> Timepoint {
    query.get(key).and_then(|t| t.parse().ok()).unwrap_or(or)
}

/// Every instrument the organization can use, built in first: (key, title).
pub(super) async fn instrument_choices(
    state: &AppState,
    org: Id,
) -> Result<Vec<(String, String)>, ApiError> {
    let mut all: Vec<(String, String)> = builtin().into_iter().map(|i| (i.key, i.title)).collect();
    all.extend(
        state
            .store
            .org_instruments(org)
            .await?
            .into_iter()
            .map(|d| match d {
                Definition::Scale(s) => (s.key, s.title),
                Definition::Measure(m) => (m.key, format!("{} ({})", m.title, m.unit)),
            }),
    );
    Ok(all)
}

/// What the outcomes page offers: the instruments (the program's plan where it has one)
/// and, for the chosen instrument, its timepoints.
struct Offer {
    instruments: Vec<(String, String)>,
    key: String,
    timepoints: Vec<Timepoint>,
    /// The pair shown first: the plan's first and last, else baseline and post.
    default: (Timepoint, Timepoint),
}

fn offer(
    plan: &[PlannedAssessment],
    known: Vec<(String, String)>,
    asked: Option<&String>,
) -> Offer {
    let planned: Vec<(String, String)> = known
        .iter()
        .filter(|(key, _)| plan.iter().any(|p| p.instrument.as_str() == key))
        .cloned()
        .collect();
    let instruments = if planned.is_empty() { known } else { planned };
    let key = asked
        .filter(|k| instruments.iter().any(|(key, _)| key == *k))
        .cloned()
        .unwrap_or_else(|| instruments[0].0.clone());
    let (timepoints, default) = match plan.iter().find(|p| p.instrument.as_str() == key) {
        Some(p) => {
            let mut list = p.timepoints.clone();
            list.sort();
            let first = list.first().copied().unwrap_or(Timepoint::Baseline);
            let last = list.last().copied().unwrap_or(Timepoint::Post);
            (list, (first, last))
        }
        None => (TIMEPOINTS.to_vec(), (Timepoint::Baseline, Timepoint::Post)),
    };
    Offer {
        instruments,
        key,
        timepoints,
        default,
    }
}

/// The two timepoints asked for, else the offer's default pair.
fn chosen_pair(query: &HashMap<String, String>, offer: &Offer) -> (Timepoint, Timepoint) {
    (
        chosen_timepoint(query, "from", offer.default.0),
        chosen_timepoint(query, "to", offer.default.1),
    )
}

pub struct DueLine {
    pub name: String,
    pub what: String,
    pub link: String,
}

pub async fn outcomes(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        let group_id: Id = id.parse().map_err(|_| ApiError::not_found("group"))?;
        require_group_visible(&state, &signed.who, group_id).await?;
        let group = state.store.get_group(org, group_id).await?;
        let plan = state
            .store
            .get_program(org, group.spec.program_id)
            .await?
            .spec
            .assessments;
        let offer = offer(
            &plan,
            instrument_choices(&state, org).await?,
            query.get("instrument"),
        );
        let first = offer
            .timepoints
            .first()
            .copied()
            .unwrap_or(Timepoint::Baseline);
        let last = offer.timepoints.last().copied().unwrap_or(Timepoint::Post);
        let from = chosen_timepoint(&query, "from", first);
        let to = chosen_timepoint(&query, "to", last);
        let key = offer.key.clone();
        let report = change(&state.store, org, &[group_id], &key, from, to).await?;
        let at_from = state
            .store
            .outcome_roster(org, group_id, &key, from)
            .await?;
        let at_to = state.store.outcome_roster(org, group_id, &key, to).await?;
        let today = state
            .store
            .clock()
            .now()
            .with_timezone(&group.spec.timezone.tz())
            .date_naive();
        let due = due_assessments(&state.store, org, group_id, &plan, today).await?;
        // Each participant's scores, by name.
        let about = About::Group(group_id);
        let route = "GET /groups/{id}/outcomes";
        state.log_read(&signed.who, about, route).await?;
        Ok::<_, ApiError>((group, offer, from, to, report, at_from, at_to, due))
    };
    let (group, offer, from, to, report, at_from, at_to, due) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let key = offer.key.clone();
    let list = offer.instruments;
    let title_of = |key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| key.to_string())
    };
    let due = due
        .iter()
        .map(|d| DueLine {
            name: d.name.clone(),
            what: format!(
                "{} · {}",
                title_of(&d.instrument),
                timepoint_words(w, d.timepoint)
            ),
            link: format!(
                "/enrollments/{}/assessment?instrument={}&timepoint={}",
                d.enrollment_id,
                q(&d.instrument),
                d.timepoint
            ),
        })
        .collect();
    let to_totals: HashMap<Id, Option<f64>> =
        at_to.iter().map(|r| (r.enrollment_id, r.total)).collect();
    let entry = |e: Id, t: Timepoint| {
        format!(
            "/enrollments/{e}/assessment?instrument={}&timepoint={t}",
            q(&key)
        )
    };
    let people = at_from
        .iter()
        .map(|r| Person {
            name: r.name.clone(),
            from_total: r.total.map(num),
            to_total: to_totals.get(&r.enrollment_id).copied().flatten().map(num),
            from_link: entry(r.enrollment_id, from),
            to_link: entry(r.enrollment_id, to),
            person_id: r.person_id,
            consent: r.research_consent,
        })
        .collect();
    let facts = match &report.paired {
        Some(c) => figures(w, c, report.missing, report.without_consent),
        None => vec![],
    };
    let timepoints = |chosen: Timepoint| {
        offer
            .timepoints
            .iter()
            .map(|t| Choice {
                value: t.to_string(),
                label: timepoint_words(w, *t),
                checked: *t == chosen,
            })
            .collect()
    };
    let mut frame = Frame::new(w.clone(), "outcome-title", signed.me());
    frame.title = w.t1("outcome-title", "group", group.spec.name.to_string());
    page(
        StatusCode::OK,
        &OutcomesPage {
            frame,
            group_id: group.id,
            manager: require_manager(&signed.who).is_ok(),
            instruments: list
                .iter()
                .map(|(k, title)| Choice {
                    value: k.clone(),
                    label: title.clone(),
                    checked: *k == key,
                })
                .collect(),
            froms: timepoints(from),
            tos: timepoints(to),
            from_label: timepoint_words(w, from),
            to_label: timepoint_words(w, to),
            facts,
            people,
            due,
        },
    )
}

pub struct ItemForm {
    pub key: String,
    pub text: String,
    pub options: Vec<(i32, String)>,
}

#[derive(Template)]
#[template(path = "assessment.html")]
struct AssessmentPage {
    frame: Frame,
    csrf: String,
    action: String,
    instrument: String,
    timepoint: String,
    who: String,
    stem: String,
    items: Vec<ItemForm>,
    unit: Option<(String, f64, f64)>,
    locale: String,
    /// The language the items are shown in, and the others the organization has.
    words_lang: String,
    languages: Vec<Choice>,
    today: String,
    back: String,
}

/// The enrolment, checked against who may see its group.
async fn enrollment_of(
    state: &AppState,
    signed: &SignedIn,
    id: &str,
) -> Result<peergroup_domain::records::Enrollment, ApiError> {
    let id: Id = id.parse().map_err(|_| ApiError::not_found("enrollment"))?;
    let e = state.store.get_enrollment(signed.who.org_id, id).await?;
    require_group_visible(state, &signed.who, e.group_id).await?;
    Ok(e)
}

pub async fn assessment_form(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        let e = enrollment_of(&state, &signed, &id).await?;
        let key = query.get("instrument").cloned().unwrap_or_default();
        let timepoint: Timepoint = query
            .get("timepoint")
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| ApiError::field("timepoint", "choose a timepoint"))?;
        let person = state.store.get_person(org, e.person_id).await?;
        // The items in the language asked for, else the participant's, where the
        // organization has that translation.
        let wanted = query
            .get("words")
            .cloned()
            .unwrap_or_else(|| person.spec.preferred_language.to_string());
        let (def, words_lang) = instrument_in(&state.store, org, &key, &wanted).await?;
        let mut languages = vec!["en".to_string()];
        languages.extend(state.store.translations(org, &key).await?.into_keys());
        let route = "GET /enrollments/{id}/assessment";
        state
            .log_read(&signed.who, About::Person(person.id), route)
            .await?;
        Ok::<_, ApiError>((e, def, timepoint, person, words_lang, languages))
    };
    let (e, def, timepoint, person, words_lang, languages) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let (title, stem, items, unit) = match &def {
        Definition::Scale(s) => (
            s.title.clone(),
            s.stem.clone(),
            s.items
                .iter()
                .map(|i| ItemForm {
                    key: i.key.clone(),
                    text: i.text.clone(),
                    options: (i.min..=i.max)
                        .map(|v| {
                            let words = usize::try_from(v - i.min)
                                .ok()
                                .and_then(|n| s.options.get(n))
                                .map(|o| format!("{v} · {o}"))
                                .unwrap_or_else(|| v.to_string());
                            (v, words)
                        })
                        .collect(),
                })
                .collect(),
            None,
        ),
        Definition::Measure(m) => (
            m.title.clone(),
            String::new(),
            vec![],
            Some((m.unit.clone(), m.min, m.max)),
        ),
    };
    let mut frame = Frame::new(w.clone(), "assessment-title", signed.me());
    frame.title = format!("{title} · {}", timepoint_words(w, timepoint));
    page(
        StatusCode::OK,
        &AssessmentPage {
            frame,
            csrf: signed.csrf.clone(),
            action: format!("/enrollments/{}/assessment", e.id),
            instrument: def.key().to_string(),
            timepoint: timepoint.to_string(),
            who: person.spec.display_name.to_string(),
            stem,
            items,
            unit,
            locale: words_lang.clone(),
            languages: if languages.len() > 1 {
                languages
                    .into_iter()
                    .map(|l| Choice {
                        checked: l == words_lang,
                        label: l.clone(),
                        value: l,
                    })
                    .collect()
            } else {
                vec![]
            },
            words_lang,
            today: state.store.clock().now().date_naive().to_string(),
            back: format!(
                "/groups/{}/outcomes?instrument={}",
                e.group_id,
                q(def.key())
            ),
        },
    )
}

#[derive(Template)]
#[template(path = "assessment_saved.html")]
struct SavedPage {
    frame: Frame,
    score: String,
    alerts: bool,
    back: String,
}

pub async fn save_assessment(
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
    let org = signed.who.org_id;
    let done = async {
        let e = enrollment_of(&state, &signed, &id).await?;
        let key = fields.get("instrument").unwrap_or("").to_string();
        let timepoint: Timepoint = fields
            .get("timepoint")
            .unwrap_or("")
            .parse()
            .map_err(|m: String| ApiError::field("timepoint", m))?;
        let def = instrument(&state.store, org, &key)
            .await
            .map_err(|_| ApiError::field("instrument", "choose an instrument"))?;
        let mut answers = BTreeMap::new();
        let mut value = None;
        match &def {
            Definition::Scale(s) => {
                for item in &s.items {
                    let answer = match fields.get(&format!("item-{}", item.key)).unwrap_or("") {
                        "" => None,
                        a => Some(a.parse::<i32>().map_err(|_| {
                            ApiError::field(&format!("answers.{}", item.key), "choose an answer")
                        })?),
                    };
                    answers.insert(item.key.clone(), answer);
                }
            }
            Definition::Measure(_) => {
                value = Some(
                    fields
                        .get("value")
                        .unwrap_or("")
                        .trim()
                        .replace(',', ".")
                        .parse::<f64>()
                        .map_err(|_| ApiError::field("value", "must be a number"))?,
                );
            }
        }
        let spec = AssessmentSpec {
            instrument: key.clone(),
            timepoint,
            taken_on: fields
                .get("taken_on")
                .unwrap_or("")
                .parse()
                .map_err(|_| ApiError::field("taken_on", "must be a date"))?,
            locale: fields.get("locale").unwrap_or("").trim().to_string(),
            answers,
            value,
        };
        let recorded =
            record_assessment(&state.store, org, e.id, &spec, Some(signed.who.user_id)).await?;
        let route = "POST /enrollments/{id}/assessment";
        state
            .log_access(
                &signed.who,
                AccessAction::Change,
                About::Person(e.person_id),
                route,
            )
            .await?;
        Ok::<_, ApiError>((e, key, recorded))
    };
    match state.store.in_one_transaction(done).await {
        Ok((e, key, r)) => {
            let score = match &r.scored.band {
                Some(band) => format!("{} ({band})", num(r.scored.total)),
                None => num(r.scored.total),
            };
            let mut frame = Frame::new(w.clone(), "assessment-saved-title", signed.me());
            frame.notices.push(w.t("assessment-saved"));
            page(
                StatusCode::OK,
                &SavedPage {
                    frame,
                    score,
                    alerts: !r.scored.alerts.is_empty(),
                    back: format!("/groups/{}/outcomes?instrument={}", e.group_id, q(&key)),
                },
            )
        }
        Err(e) => error_page(w, signed.me(), e),
    }
}

pub struct GroupRow {
    pub id: Id,
    pub name: String,
    pub n: String,
    pub change: String,
    pub missing: String,
}

#[derive(Template)]
#[template(path = "program_outcomes.html")]
struct ProgramOutcomesPage {
    frame: Frame,
    program_id: Id,
    instruments: Vec<Choice>,
    froms: Vec<Choice>,
    tos: Vec<Choice>,
    facts: Vec<(String, String)>,
    groups: Vec<GroupRow>,
}

/// A program's outcomes: the paired change over all its groups, and group by group.
pub async fn program_outcomes(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let w = &signed.words;
    let org = signed.who.org_id;
    let read = async {
        require_manager(&signed.who)?;
        let program_id: Id = id.parse().map_err(|_| ApiError::not_found("program"))?;
        let program = state.store.get_program(org, program_id).await?;
        let groups = program_groups(&state.store, org, program_id).await?;
        let offer = offer(
            &program.spec.assessments,
            instrument_choices(&state, org).await?,
            query.get("instrument"),
        );
        let (from, to) = chosen_pair(&query, &offer);
        let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
        let (pooled, each) = changes(&state.store, org, &ids, &offer.key, from, to).await?;
        Ok::<_, ApiError>((program, groups, offer, from, to, pooled, each))
    };
    let (program, groups, offer, from, to, pooled, each) = match read.await {
        Ok(read) => read,
        Err(e) => return error_page(w, signed.me(), e),
    };
    let key = offer.key.clone();
    let list = &offer.instruments;
    let timepoints = |chosen: Timepoint| {
        offer
            .timepoints
            .iter()
            .map(|t| Choice {
                value: t.to_string(),
                label: timepoint_words(w, *t),
                checked: *t == chosen,
            })
            .collect()
    };
    let rows = groups
        .iter()
        .filter_map(|g| {
            let r = each.get(&g.id)?;
            Some(GroupRow {
                id: g.id,
                name: g.spec.name.to_string(),
                n: r.paired.as_ref().map_or(0, |c| c.n).to_string(),
                change: match r.paired.as_ref() {
                    Some(c) => match &c.t_test {
                        Some(t) => format!(
                            "{} ({} to {})",
                            num(c.change.mean),
                            num(t.ci_low),
                            num(t.ci_high)
                        ),
                        None => num(c.change.mean),
                    },
                    None => "–".into(),
                },
                missing: r.missing.to_string(),
            })
        })
        .collect();
    let mut frame = Frame::new(w.clone(), "outcome-title", signed.me());
    frame.title = w.t1("outcome-title", "group", program.spec.name.to_string());
    page(
        StatusCode::OK,
        &ProgramOutcomesPage {
            frame,
            program_id: program.id,
            instruments: list
                .iter()
                .map(|(k, title)| Choice {
                    value: k.clone(),
                    label: title.clone(),
                    checked: *k == key,
                })
                .collect(),
            froms: timepoints(from),
            tos: timepoints(to),
            facts: match &pooled.paired {
                Some(c) => figures(w, c, pooled.missing, pooled.without_consent),
                None => vec![],
            },
            groups: rows,
        },
    )
}
