//! A program's card from its live data: the design as its groups run it, what they
//! delivered, and the change in each planned outcome from its first timepoint to each
//! later one, pooled over the groups.

use crate::outcomes::{changes, instrument, program_groups};
use peergroup_domain::Id;
use peergroup_domain::card::{Design, ProgramCard, SUPPRESSION, outcome, pool_retention, results};
use peergroup_domain::outcomes::Definition;
use peergroup_domain::records::Program;
use peergroup_domain::templates;
use peergroup_store::{Result, Store, StoreError};
use std::collections::BTreeSet;

pub async fn program_card(store: &Store, org: Id, program: &Program) -> Result<ProgramCard> {
    let program_id = program.id;
    let spec = &program.spec;
    let groups = program_groups(store, org, program_id).await?;
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();

    let (figures, each) = store.program_and_group_figures(org, program_id).await?;
    let retention: Vec<_> = each
        .into_iter()
        .map(|(_, f)| (f.participants, f.retention))
        .collect();
    let mut outcomes = vec![];
    for planned in &spec.assessments {
        let key = planned.instrument.as_str();
        let title = match instrument(store, org, key).await {
            Ok(Definition::Scale(s)) => s.title,
            Ok(Definition::Measure(m)) => format!("{} ({})", m.title, m.unit),
            // Planned but not defined yet: nothing can have been recorded.
            Err(StoreError::NotFound(_)) => continue,
            Err(e) => return Err(e),
        };
        let mut times = planned.timepoints.clone();
        times.sort();
        let Some((&first, later)) = times.split_first() else {
            continue;
        };
        for &to in later {
            let (pooled, _) = changes(store, org, &ids, key, first, to).await?;
            outcomes.push(outcome(
                key,
                &title,
                (first, to),
                pooled.paired,
                pooled.missing,
                pooled.pairs,
            ));
        }
    }
    let distinct = |items: Vec<String>| -> Vec<String> {
        let mut seen = BTreeSet::new();
        items
            .into_iter()
            .filter(|i| seen.insert(i.clone()))
            .collect()
    };
    Ok(ProgramCard {
        program_id,
        name: spec.name.to_string(),
        citation: program
            .template_key
            .as_deref()
            .and_then(templates::find)
            .map(|t| t.citation.clone()),
        template_key: program.template_key.clone(),
        design: Design {
            target_population: spec.target_population.as_ref().map(ToString::to_string),
            condition: spec.condition.as_ref().map(ToString::to_string),
            setting: distinct(
                groups
                    .iter()
                    .map(|g| g.spec.venue.name.to_string())
                    .collect(),
            ),
            languages: distinct(
                groups
                    .iter()
                    .flat_map(|g| g.spec.languages.iter().map(ToString::to_string))
                    .collect(),
            ),
            phases: spec.phases.clone(),
            total_sessions: spec.total_sessions(),
            group_size: spec.group_size.clone(),
            facilitator_roles: spec.facilitator_roles.clone(),
            training: spec.training.clone(),
            supports_offered: spec.supports_offered.clone(),
            follow_up: spec.follow_up.clone(),
            scheduled_contacts: spec.scheduled_contacts.clone(),
        },
        results: results(&figures, pool_retention(&retention), outcomes),
        suppression: SUPPRESSION.to_string(),
    })
}

/// De-identified participant-level rows for a funder: one per participant of the program
/// who agreed to sharing de-identified data with a funder (the waitlist left out), with no
/// name, contact, date or language. Groups are numbered; pseudonyms are drawn afresh in a
/// shuffled order for each export, so they follow neither enrolment order nor a previous export.
#[derive(Debug, Clone, PartialEq)]
pub struct FunderExport {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub async fn funder_export(store: &Store, org: Id, program_id: Id) -> Result<FunderExport> {
    use peergroup_domain::enrollment::EnrollmentStatus;
    use peergroup_domain::outcomes::Timepoint;
    use peergroup_store::PageRequest;
    use rand::seq::SliceRandom;
    use std::collections::HashMap;

    let program = store.get_program(org, program_id).await?;
    let groups = program_groups(store, org, program_id).await?;
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();
    let mut planned: Vec<(String, Timepoint)> = vec![];
    let mut scores: HashMap<(Id, String, Timepoint), f64> = HashMap::new();
    for p in &program.spec.assessments {
        let key = p.instrument.to_string();
        let mut times = p.timepoints.clone();
        times.sort();
        planned.extend(times.into_iter().map(|t| (key.clone(), t)));
        for t in store.assessment_totals(org, &ids, &key).await? {
            scores.insert((t.enrollment_id, key.clone(), t.timepoint), t.total);
        }
    }
    let mut columns: Vec<String> = ["participant", "group", "status", "sessions_attended"]
        .map(String::from)
        .to_vec();
    columns.extend(planned.iter().map(|(key, t)| format!("{key} {t}")));

    let mut rows = vec![];
    for (n, group) in groups.iter().enumerate() {
        let mut after = None;
        loop {
            let page = store
                .list_enrollments(org, group.id, None, PageRequest { after, limit: 200 })
                .await?;
            for e in &page.items {
                if e.status == EnrollmentStatus::Waitlisted
                    || store
                        .consent(org, e.person_id)
                        .await?
                        .funder_sharing
                        .is_none()
                {
                    continue;
                }
                let attended = store.attendance_history(org, e.id).await?.attended;
                let mut row = vec![
                    String::new(),
                    format!("G{}", n + 1),
                    e.status.as_str().to_string(),
                    attended.to_string(),
                ];
                row.extend(planned.iter().map(|(key, t)| {
                    scores
                        .get(&(e.id, key.clone(), *t))
                        .map(|s| format!("{s}"))
                        .unwrap_or_default()
                }));
                rows.push((n, row));
            }
            match page.next_cursor {
                Some(next) => after = Some(next),
                None => break,
            }
        }
    }
    rows.shuffle(&mut rand::rng());
    let mut rows: Vec<(usize, usize, Vec<String>)> = rows
        .into_iter()
        .enumerate()
        .map(|(pseudonym, (group, mut row))| {
            row[0] = format!("P{:03}", pseudonym + 1);
            (group, pseudonym, row)
        })
        .collect();
    rows.sort_by_key(|(group, pseudonym, _)| (*group, *pseudonym));
    Ok(FunderExport {
        columns,
        rows: rows.into_iter().map(|(_, _, row)| row).collect(),
    })
}
