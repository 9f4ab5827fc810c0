//! A program's card from its live data: the design as its groups run it, what they
//! delivered, and the change in each planned outcome from its first timepoint to each
//! later one, pooled over the groups.

use crate::outcomes::{changes, instrument, program_groups};
use peergroup_domain::Id;
use peergroup_domain::card::{Design, ProgramCard, SUPPRESSION, outcome, pool_retention, results};
use peergroup_domain::outcomes::Definition;
use peergroup_domain::templates;
use peergroup_store::{Result, Store, StoreError};
use std::collections::BTreeSet;

pub async fn program_card(store: &Store, org: Id, program_id: Id) -> Result<ProgramCard> {
    let program = store.get_program(org, program_id).await?;
    let spec = &program.spec;
    let groups = program_groups(store, org, program_id).await?;
    let ids: Vec<Id> = groups.iter().map(|g| g.id).collect();

    let mut retention = Vec::with_capacity(groups.len());
    for g in &groups {
        let f = store.group_figures(org, g.id).await?;
        retention.push((f.participants, f.retention));
    }
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
    let figures = store.program_figures(org, program_id).await?;
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
