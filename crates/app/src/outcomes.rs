//! Outcomes: defining an organization's instruments, recording a participant's assessment
//! (scored on save), and the paired change of a group or program between two timepoints.
//! Only people who agreed to research use count in pooled figures.

use peergroup_domain::Id;
use peergroup_domain::instruments::Translation;
use peergroup_domain::outcomes::{
    AssessmentSpec, Definition, DueFrom, PlannedAssessment, Scored, Timepoint, builtin_definition,
    due_dates, score,
};
use peergroup_domain::paired::{PairedChange, paired_change};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Group;
use peergroup_domain::training::latest_today;
use peergroup_domain::values::Language;
use peergroup_store::PageRequest;
use peergroup_store::groups::GroupFilter;
use peergroup_store::outcomes::NewAssessment;
use peergroup_store::{Result, Store, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Keeps an organization's scale or measure, checked first.
pub async fn define_instrument(store: &Store, org: Id, def: &Definition) -> Result<()> {
    def.validate()?;
    store.save_instrument(org, def).await
}

/// A built-in instrument, or one of the organization's.
pub async fn instrument(store: &Store, org: Id, key: &str) -> Result<Definition> {
    // No key has control characters (PostgreSQL refuses a NUL) or passes 200 characters.
    if key.chars().count() > 200 || key.chars().any(char::is_control) {
        return Err(StoreError::NotFound("instrument"));
    }
    match builtin_definition(key) {
        Some(def) => Ok(def),
        None => store
            .org_instrument(org, key)
            .await?
            .ok_or(StoreError::NotFound("instrument")),
    }
}

/// Keeps the organization's translation of a scale's words into `locale` (a language tag
/// from the IANA registry), checked against the scale; a second one for the same
/// language replaces the first.
pub async fn translate_instrument(
    store: &Store,
    org: Id,
    key: &str,
    locale: &str,
    words: &Translation,
) -> Result<()> {
    let Definition::Scale(scale) = instrument(store, org, key).await? else {
        return Err(StoreError::invalid(
            "instrument",
            "a single measure has no words to translate",
        ));
    };
    let locale = Language::parse(locale).map_err(|m| StoreError::invalid("locale", m))?;
    words.validate(&scale)?;
    store
        .save_translation(org, key, locale.as_str(), words)
        .await
}

/// An instrument with its words in `locale` when the organization has that translation,
/// and the language its words are in.
pub async fn instrument_in(
    store: &Store,
    org: Id,
    key: &str,
    locale: &str,
) -> Result<(Definition, String)> {
    let def = instrument(store, org, key).await?;
    if let Definition::Scale(scale) = &def
        && let Some(words) = store.translations(org, key).await?.get(locale)
    {
        return Ok((
            Definition::Scale(scale.translated(words)),
            locale.to_string(),
        ));
    }
    Ok((def, "en".to_string()))
}

/// An assessment kept, with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub id: Id,
    pub scored: Scored,
}

fn locale_ok(locale: &str) -> bool {
    (2..=35).contains(&locale.len())
        && locale
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Scores and keeps one participant's assessment in their group. A wrong answer, an item
/// missing beyond the instrument's rule, a date to come or a second assessment at the same
/// timepoint is refused and nothing is written.
pub async fn record_assessment(
    store: &Store,
    org: Id,
    enrollment_id: Id,
    spec: &AssessmentSpec,
    entered_by: Option<Id>,
) -> Result<Recorded> {
    let enrollment = store.get_enrollment(org, enrollment_id).await?;
    let def = match instrument(store, org, &spec.instrument).await {
        Err(StoreError::NotFound(_)) => {
            return Err(StoreError::invalid(
                "instrument",
                "no such instrument in this organization",
            ));
        }
        other => other?,
    };
    if !locale_ok(&spec.locale) {
        return Err(StoreError::invalid(
            "locale",
            "must be a language tag such as pa-Guru",
        ));
    }
    if spec.taken_on > latest_today(store.clock().now()) {
        return Err(StoreError::invalid("taken_on", "must not be in the future"));
    }
    let group = store.get_group(org, enrollment.group_id).await?;
    let program = store.get_program(org, group.spec.program_id).await?.spec;
    check_planned(&program, &spec.instrument, spec.timepoint)?;
    let scored = score(&def, spec)?;
    let id = store
        .insert_assessment(
            org,
            &NewAssessment {
                enrollment_id,
                group_id: enrollment.group_id,
                person_id: enrollment.person_id,
                instrument: spec.instrument.clone(),
                timepoint: spec.timepoint,
                locale: spec.locale.clone(),
                taken_on: spec.taken_on,
                total: spec.value.unwrap_or(scored.total),
                missing: scored.missing,
                entered_by,
            },
        )
        .await?;
    Ok(Recorded { id, scored })
}

/// Refuses a timepoint the group cannot have, and, when the program plans its
/// assessments, an instrument or timepoint the plan does not name.
fn check_planned(program: &ProgramSpec, instrument: &str, timepoint: Timepoint) -> Result<()> {
    if let Timepoint::AfterSession(n) = timepoint
        && n >= program.total_sessions()
    {
        return Err(StoreError::invalid(
            "timepoint",
            format!(
                "the program has {} sessions: after the last is `post`",
                program.total_sessions()
            ),
        ));
    }
    if program.assessments.is_empty() {
        return Ok(());
    }
    match program
        .assessments
        .iter()
        .find(|p| p.instrument.as_str() == instrument)
    {
        None => Err(StoreError::invalid(
            "instrument",
            "the program does not plan this instrument",
        )),
        Some(p) if !p.timepoints.contains(&timepoint) => Err(StoreError::invalid(
            "timepoint",
            format!("the program does not plan `{instrument}` at `{timepoint}`"),
        )),
        Some(_) => Ok(()),
    }
}

/// A planned assessment a participant is due and has not taken.
#[derive(Debug, Clone, PartialEq)]
pub struct DueAssessment {
    pub enrollment_id: Id,
    pub person_id: Id,
    pub name: String,
    pub preferred_language: String,
    pub instrument: String,
    pub timepoint: Timepoint,
    pub due_from: chrono::NaiveDate,
}

/// The group's planned assessments that have come due by `today` and are not taken, for
/// each participant holding a place, by name.
pub async fn due_assessments(
    store: &Store,
    org: Id,
    group_id: Id,
    plan: &[PlannedAssessment],
    today: chrono::NaiveDate,
) -> Result<Vec<DueAssessment>> {
    if plan.is_empty() {
        return Ok(vec![]);
    }
    let sessions = store.plan_session_days(org, group_id).await?;
    let defined = defined_instruments(store, org).await?;
    let due = due_by(plan, &sessions, today, &defined);
    if due.is_empty() {
        return Ok(vec![]);
    }
    let taken = store.taken_assessments(org, group_id).await?;
    let mut list = vec![];
    for p in store.outcome_participants(org, group_id).await? {
        for d in not_taken(p.enrollment_id, &due, &taken) {
            list.push(DueAssessment {
                enrollment_id: p.enrollment_id,
                person_id: p.person_id,
                name: p.name.clone(),
                preferred_language: p.preferred_language.clone(),
                instrument: d.instrument.clone(),
                timepoint: d.timepoint,
                due_from: d.from,
            });
        }
    }
    Ok(list)
}

/// A group with planned assessments due and not taken.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupDue {
    pub group_id: Id,
    pub group_name: String,
    pub due: usize,
}

/// Keys of the organization's own instruments.
async fn defined_instruments(store: &Store, org: Id) -> Result<BTreeSet<String>> {
    Ok(store
        .org_instruments(org)
        .await?
        .iter()
        .map(|d| d.key().to_string())
        .collect())
}

/// The planned assessments come due by `today` that can be entered: built in, or among
/// the organization's own instruments (`defined`).
fn due_by(
    plan: &[PlannedAssessment],
    sessions: &[(u32, chrono::NaiveDate)],
    today: chrono::NaiveDate,
    defined: &BTreeSet<String>,
) -> Vec<DueFrom> {
    due_dates(plan, sessions)
        .into_iter()
        .filter(|d| d.from <= today)
        .filter(|d| builtin_definition(&d.instrument).is_some() || defined.contains(&d.instrument))
        .collect()
}

/// Of the assessments `due`, those the enrolment has not taken.
fn not_taken<'a>(
    enrollment: Id,
    due: &'a [DueFrom],
    taken: &'a HashSet<(Id, String, Timepoint)>,
) -> impl Iterator<Item = &'a DueFrom> {
    due.iter()
        .filter(move |d| !taken.contains(&(enrollment, d.instrument.clone(), d.timepoint)))
}

/// The groups of `org` that are not cancelled (of `only`, if given) with assessments due
/// by today in their timezone and not taken, how many each, by name. A few statements
/// however many groups: the coordinator's dashboard asks for all of them.
pub async fn due_by_group(
    store: &Store,
    org: Id,
    only: Option<&[Id]>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<GroupDue>> {
    if only.is_some_and(<[Id]>::is_empty) {
        return Ok(vec![]);
    }
    let inputs = store.due_inputs(org, only).await?;
    if inputs.groups.is_empty() {
        return Ok(vec![]);
    }
    let defined = defined_instruments(store, org).await?;
    let mut list = vec![];
    for g in &inputs.groups {
        let (Some(plan), Some(sessions)) = (
            inputs.plans.get(&g.program_id),
            inputs.sessions.get(&g.group_id),
        ) else {
            continue;
        };
        let tz: chrono_tz::Tz = g.timezone.parse().unwrap_or(chrono_tz::UTC);
        let due = due_by(
            plan,
            sessions,
            now.with_timezone(&tz).date_naive(),
            &defined,
        );
        let enrollments = inputs.enrollments.get(&g.group_id).map_or(&[][..], |e| e);
        let count: usize = enrollments
            .iter()
            .map(|&e| not_taken(e, &due, &inputs.taken).count())
            .sum();
        if count > 0 {
            list.push(GroupDue {
                group_id: g.group_id,
                group_name: g.name.clone(),
                due: count,
            });
        }
    }
    Ok(list)
}

/// Every group of a program, oldest first.
pub async fn program_groups(store: &Store, org: Id, program_id: Id) -> Result<Vec<Group>> {
    let filter = GroupFilter {
        status: None,
        program_id: Some(program_id),
        only: None,
    };
    let mut groups = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .list_groups(org, &filter, PageRequest { after, limit: 200 })
            .await?;
        groups.extend(page.items);
        match page.next_cursor {
            Some(next) => after = Some(next),
            None => return Ok(groups),
        }
    }
}

/// The paired change of an instrument between two timepoints, over some groups.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChangeReport {
    /// None when nobody has both timepoints.
    pub paired: Option<PairedChange>,
    /// Assessed at `from` and not at `to`: lost to follow-up (so far).
    pub missing: usize,
    /// People assessed who did not agree to research use, left out.
    pub without_consent: usize,
    /// Each consenting person's (before, after), for a paired plot.
    pub pairs: Vec<(f64, f64)>,
}

pub async fn change(
    store: &Store,
    org: Id,
    groups: &[Id],
    instrument_key: &str,
    from: Timepoint,
    to: Timepoint,
) -> Result<ChangeReport> {
    Ok(changes(store, org, groups, instrument_key, from, to)
        .await?
        .0)
}

/// An enrolment's totals at the first and the second timepoint.
type TwoTotals = (Option<f64>, Option<f64>);

/// The paired change over all of `groups` together, and in each group that has a pair.
pub async fn changes(
    store: &Store,
    org: Id,
    groups: &[Id],
    instrument_key: &str,
    from: Timepoint,
    to: Timepoint,
) -> Result<(ChangeReport, BTreeMap<Id, ChangeReport>)> {
    let def = instrument(store, org, instrument_key).await?;
    let (direction, mid) = match &def {
        Definition::Scale(s) => (s.direction, s.mid),
        Definition::Measure(m) => (m.direction, m.mid),
    };
    let totals = store.assessment_totals(org, groups, instrument_key).await?;
    // Each enrolment's two totals, by group; a person in two groups counts in each.
    let mut by_group: BTreeMap<Id, BTreeMap<Id, TwoTotals>> = BTreeMap::new();
    let mut without: BTreeMap<Id, BTreeSet<Id>> = BTreeMap::new();
    for t in &totals {
        if !t.research_consent {
            without.entry(t.group_id).or_default().insert(t.person_id);
            continue;
        }
        let entry = by_group
            .entry(t.group_id)
            .or_default()
            .entry(t.enrollment_id)
            .or_default();
        if t.timepoint == from {
            entry.0 = Some(t.total);
        } else if t.timepoint == to {
            entry.1 = Some(t.total);
        }
    }
    let report = |entries: Vec<TwoTotals>, without_consent: usize| {
        let pairs: Vec<(f64, f64)> = entries.iter().filter_map(|(a, b)| a.zip(*b)).collect();
        ChangeReport {
            paired: paired_change(&pairs, direction, mid),
            missing: entries
                .iter()
                .filter(|(a, b)| a.is_some() && b.is_none())
                .count(),
            without_consent,
            pairs,
        }
    };
    let pooled = report(
        by_group
            .values()
            .flat_map(|g| g.values().copied())
            .collect(),
        without.values().flatten().collect::<BTreeSet<_>>().len(),
    );
    let mut each = BTreeMap::new();
    for group in groups {
        let entries: Vec<_> = by_group
            .get(group)
            .map(|g| g.values().copied().collect())
            .unwrap_or_default();
        let r = report(entries, without.get(group).map_or(0, BTreeSet::len));
        if r.paired.is_some() || r.missing > 0 {
            each.insert(*group, r);
        }
    }
    Ok((pooled, each))
}
