//! Rebuilding follow-up tasks: every participant's runs of missed sessions recomputed from
//! the stored marks, and their tasks brought in line, across all organizations (after a
//! restore, or a change of the rule). `peergroup rebuild-follow-ups` runs it.

use peergroup_domain::Id;
use peergroup_domain::followup::{self, RuleAction, RuleTask, qualifying_runs};
use peergroup_domain::program::ProgramSpec;
use peergroup_store::{Result, Store};
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

/// What a rebuild found and changed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct RebuildOutcome {
    pub groups: u64,
    pub marks: u64,
    /// Participants whose tasks did not match their history, and were brought in line.
    pub participants_changed: u64,
    pub opened: u64,
    pub updated: u64,
    pub closed: u64,
}

/// Groups read per step: their marks and tasks fit in memory together.
const CHUNK: u64 = 250;

/// Reads the history a chunk of groups at a time and writes only where tasks differ, one
/// transaction per chunk. Tasks it opens raise no notification: they show in the queue.
pub async fn rebuild(store: &Store) -> Result<RebuildOutcome> {
    let mut out = RebuildOutcome::default();
    let mut programs: HashMap<Id, ProgramSpec> = HashMap::new();
    for org in store.organization_ids().await? {
        let mut after = 0;
        loop {
            // (group, program), in id order.
            let groups = store.group_chunk(org, after, CHUNK).await?;
            let (Some(&(first, _)), Some(&(last, _))) = (groups.first(), groups.last()) else {
                break;
            };
            after = last;
            out.groups += groups.len() as u64;
            for &(_, program_id) in &groups {
                if let Entry::Vacant(e) = programs.entry(program_id) {
                    e.insert(store.get_program(org, program_id).await?.spec);
                }
            }
            let program_of_group: HashMap<Id, &ProgramSpec> =
                groups.iter().map(|&(g, p)| (g, &programs[&p])).collect();
            rebuild_chunk(store, org, (first, last), &program_of_group, &mut out).await?;
        }
    }
    Ok(out)
}

async fn rebuild_chunk(
    store: &Store,
    org: Id,
    (first, last): (Id, Id),
    program_of_group: &HashMap<Id, &ProgramSpec>,
    out: &mut RebuildOutcome,
) -> Result<()> {
    // Reads and writes in one transaction, the chunk's groups locked as a roll-call locks
    // its group.
    let tx = store.begin().await?;
    tx.lock_groups(org, first, last).await?;
    let history = tx.marks_of_groups(org, first, last).await?;
    out.marks += history.values().map(|m| m.len() as u64).sum::<u64>();
    let tasks = tx.rule_tasks_of_groups(org, first, last).await?;
    // Who needs a change, decided without writing anything.
    let mut decisions: Vec<(Id, Id, Vec<RuleAction>)> = Vec::new();
    let mut group_ids: Vec<Id> = program_of_group.keys().copied().collect();
    group_ids.sort_unstable();
    for g in group_ids {
        let threshold = program_of_group[&g].follow_up.consecutive_misses;
        // Everyone with marks, and everyone with tasks (their marks may be gone).
        let span = (g, Id::MIN)..=(g, Id::MAX);
        let people: BTreeSet<Id> = history
            .range(span.clone())
            .map(|((_, p), _)| *p)
            .chain(tasks.range(span).map(|((_, p), _)| *p))
            .collect();
        for p in people {
            let runs = qualifying_runs(
                history.get(&(g, p)).map(Vec::as_slice).unwrap_or(&[]),
                threshold,
            );
            let existing: &[RuleTask] = tasks.get(&(g, p)).map(Vec::as_slice).unwrap_or(&[]);
            let actions = followup::reconcile(&runs, existing);
            if !actions.is_empty() {
                decisions.push((g, p, actions));
            }
        }
    }
    out.participants_changed += decisions.len() as u64;
    if !decisions.is_empty() {
        let changed = tx
            .apply_rebuild(
                org,
                (first, last),
                program_of_group,
                decisions,
                store.clock().now(),
            )
            .await?;
        out.opened += changed.opened;
        out.updated += changed.updated;
        out.closed += changed.closed;
    }
    tx.commit().await
}
