//! Where facilitators stand against their roles' requirements: one person's training
//! record, the organization's gaps report, and the check before a group starts.

use crate::coordinator_notices::{Scope, coming_sessions, gaps_of};
use crate::dialect::stmt;
use crate::entities::group;
use crate::facilitators::list_group_facilitators;
use crate::joined_reads::columns;
use crate::people::find_person;
use crate::programs::program_specs;
use crate::stored::{Stored, sql_words};
use crate::training::{TrainingFacts, check_day};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::fills;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::program::{FacilitatorKind, ProgramSpec};
use peergroup_domain::records::SessionStatus;
use peergroup_domain::training::{AssignmentStanding, TrainingRecord};
use peergroup_domain::training::{FacilitatorGap, SessionRoleGap, TrainingGaps};
use peergroup_domain::values::Key;
use sea_orm::{ConnectionTrait, DatabaseTransaction, FromQueryResult};
use std::collections::HashMap;

/// One assignment in an active group, with what its check needs.
struct Assigned {
    person_id: Id,
    display_name: String,
    kind: FacilitatorKind,
    program_role: Option<Key>,
    overridden: bool,
    group: group::Model,
    /// The group's last scheduled session, if any.
    last_day: Option<NaiveDate>,
}

/// The assignments in the organization's planned, enrolling and running groups, of one
/// person or of everyone, with their groups, in one statement.
async fn active_assignments(
    conn: &impl ConnectionTrait,
    org: Id,
    person: Option<Id>,
) -> Result<Vec<Assigned>> {
    let mut sql = format!(
        "SELECT f.person_id, f.role, f.program_role, f.override_reason, p.display_name, {}, \
           CAST((SELECT MAX(s.local_date) FROM sessions s WHERE s.org_id = g.org_id \
                 AND s.group_id = g.id AND s.status = '{}') AS TEXT) AS last_day \
         FROM facilitator_assignments f \
         JOIN peer_groups g ON g.id = f.group_id AND g.org_id = f.org_id \
         JOIN people p ON p.id = f.person_id AND p.org_id = f.org_id \
         WHERE f.org_id = $1 AND g.status IN ({})",
        columns::<group::Entity>("g", "g_"),
        SessionStatus::Scheduled.as_str(),
        sql_words(GroupStatus::ACTIVE),
    );
    let mut values = vec![org.into()];
    if let Some(person) = person {
        sql.push_str(" AND f.person_id = $2");
        values.push(person.into());
    }
    sql.push_str(" ORDER BY p.display_name, f.person_id, g.id");
    let rows = conn.query_all_raw(stmt(conn, &sql, values)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let last_day: Option<String> = row.try_get("", "last_day")?;
        out.push(Assigned {
            person_id: row.try_get("", "person_id")?,
            display_name: row.try_get("", "display_name")?,
            kind: row.try_get::<Stored<FacilitatorKind>>("", "role")?.0,
            program_role: row
                .try_get::<Option<String>>("", "program_role")?
                .map(Key::parse)
                .transpose()
                .map_err(StoreError::Corrupt)?,
            overridden: row
                .try_get::<Option<String>>("", "override_reason")?
                .is_some(),
            group: group::Model::from_query_result(&row, "g_")?,
            last_day: last_day
                .map(|d| d.parse())
                .transpose()
                .map_err(|e: chrono::ParseError| StoreError::Corrupt(e.to_string()))?,
        });
    }
    Ok(out)
}

/// The assignments of one person or of everyone, their programs, and the training facts of
/// those programs and people (for one person, theirs even without an assignment).
async fn assignments_and_facts(
    conn: &impl ConnectionTrait,
    org: Id,
    person: Option<Id>,
) -> Result<(Vec<Assigned>, HashMap<Id, ProgramSpec>, TrainingFacts)> {
    let assigned = active_assignments(conn, org, person).await?;
    let programs = program_specs(conn, assigned.iter().map(|a| a.group.program_id)).await?;
    let program_ids: Vec<Id> = programs.keys().copied().collect();
    let mut people: Vec<Id> = assigned.iter().map(|a| a.person_id).collect();
    people.extend(person);
    people.sort_unstable();
    people.dedup();
    let facts = TrainingFacts::load(conn, org, &program_ids, &people).await?;
    Ok((assigned, programs, facts))
}

/// Each assignment checked on its group's first day (or today), and again on the group's
/// last scheduled session for training that runs out before then.
fn standings(
    assigned: Vec<Assigned>,
    programs: &HashMap<Id, ProgramSpec>,
    facts: &TrainingFacts,
    now: DateTime<Utc>,
) -> Result<Vec<(Id, String, AssignmentStanding)>> {
    let mut out = Vec::new();
    for a in assigned {
        let Some(program) = programs.get(&a.group.program_id) else {
            continue;
        };
        let day = check_day(&a.group, now)?;
        let check = |on| {
            facts
                .check(
                    a.group.program_id,
                    program,
                    a.person_id,
                    a.kind,
                    a.program_role.as_ref(),
                    on,
                )
                .err()
                .map(|short| facts.describe(&short))
                .unwrap_or_default()
        };
        let unmet = check(day);
        let expiring = match a.last_day {
            Some(last) if last > day => check(last)
                .into_iter()
                .filter(|u| !unmet.contains(u))
                .collect(),
            _ => Vec::new(),
        };
        out.push((
            a.person_id,
            a.display_name,
            AssignmentStanding {
                group_id: a.group.id,
                group_name: a.group.name,
                program_role: a.program_role.map(|k| k.to_string()),
                checked_on: day,
                unmet,
                expiring,
                overridden: a.overridden,
            },
        ));
    }
    Ok(out)
}

/// The lead roles of `group` that no assigned facilitator can fill on the group's first
/// day: nobody holds the role, or nobody holding it meets its requirements or carries a
/// coordinator's override. Each with why, for the coordinator.
pub(crate) async fn roles_without_eligible(
    txn: &DatabaseTransaction,
    org: Id,
    group: &group::Model,
    program: &ProgramSpec,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let assigned = list_group_facilitators(txn, org, group.id).await?;
    let people: Vec<Id> = assigned.iter().map(|a| a.spec.person_id).collect();
    let facts = TrainingFacts::load(txn, org, &[group.program_id], &people).await?;
    let day = check_day(group, now)?;
    let mut lead_roles: Vec<&Key> = Vec::new();
    for lead in program.phases.iter().flat_map(|p| &p.leads) {
        if !lead_roles.contains(&&lead.role) {
            lead_roles.push(&lead.role);
        }
    }
    let mut problems = Vec::new();
    for role in lead_roles {
        let holders: Vec<_> = assigned
            .iter()
            .filter(|a| fills(program, a.spec.role, a.spec.program_role.as_ref(), role))
            .collect();
        if holders.is_empty() {
            problems.push(format!("{role}: nobody is assigned"));
            continue;
        }
        let mut why = Vec::new();
        let eligible = holders.iter().any(|a| {
            if a.eligibility_override.is_some() {
                return true;
            }
            match facts.check(
                group.program_id,
                program,
                a.spec.person_id,
                a.spec.role,
                Some(role),
                day,
            ) {
                Ok(()) => true,
                Err(short) => {
                    why.push(format!(
                        "{} lacks {}",
                        a.display_name,
                        facts.describe(&short).join(", ")
                    ));
                    false
                }
            }
        });
        if !eligible {
            problems.push(format!("{role}: {}", why.join("; ")));
        }
    }
    Ok(problems)
}

impl Store {
    /// One person's training record: their profile, completions, and how they stand for
    /// each active group they facilitate.
    pub async fn training_record(&self, org: Id, person: Id) -> Result<TrainingRecord> {
        let found = find_person(&self.reader(), org, person)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        let now = self.now();
        let (assigned, programs, facts) =
            assignments_and_facts(&self.reader(), org, Some(person)).await?;
        let assignments = standings(assigned, &programs, &facts, now)?
            .into_iter()
            .map(|(_, _, s)| s)
            .collect();
        Ok(TrainingRecord {
            person_id: person,
            display_name: found.display_name,
            profile: facts.profile(person),
            completions: facts.completion_records(person, now.date_naive())?,
            assignments,
        })
    }

    /// Every facilitator with missing or expiring training for a group they are assigned
    /// to.
    pub async fn facilitator_gaps(&self, org: Id) -> Result<Vec<FacilitatorGap>> {
        let now = self.now();
        let (assigned, programs, facts) = assignments_and_facts(&self.reader(), org, None).await?;
        Ok(standings(assigned, &programs, &facts, now)?
            .into_iter()
            .filter(|(_, _, s)| !s.unmet.is_empty() || !s.expiring.is_empty())
            .map(|(person_id, display_name, standing)| FacilitatorGap {
                person_id,
                display_name,
                standing,
            })
            .collect())
    }

    /// Every facilitator with missing or expiring training for a group they are assigned
    /// to, and every upcoming session whose assigned facilitators do not fill its phase.
    pub async fn training_gaps(&self, org: Id) -> Result<TrainingGaps> {
        let now = self.now();
        let facilitators = self.facilitator_gaps(org).await?;
        let horizon = now + chrono::Duration::days(3660);
        let coming = coming_sessions(&self.reader(), Scope::Org(org), now, horizon).await?;
        let gaps = gaps_of(&self.reader(), &coming).await?;
        let starts: std::collections::HashMap<Id, (Id, DateTime<Utc>)> = coming
            .iter()
            .map(|c| (c.id, (c.group_id, c.starts_at)))
            .collect();
        let mut sessions: Vec<SessionRoleGap> = gaps
            .into_iter()
            .filter_map(|g| {
                let &(group_id, starts_at) = starts.get(&g.session_id)?;
                Some(SessionRoleGap {
                    session_id: g.session_id,
                    group_id,
                    starts_at,
                    missing: g.missing,
                })
            })
            .collect();
        sessions.sort_by_key(|s| (s.starts_at, s.session_id));
        Ok(TrainingGaps {
            facilitators,
            sessions,
        })
    }
}
