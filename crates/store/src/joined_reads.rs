//! Reads joined into one statement for the busiest writes (roll-calls, schedule
//! generation): on SQLite every statement and every row is a round trip to the
//! connection's worker thread, and on PostgreSQL a round trip to the server.
//!
//! - The session, its group (locked on PostgreSQL, as every group write does) and the
//!   program's design; or a group and its program.
//! - The group's enrolments and facilitator assignments, as one `UNION ALL` aggregated into
//!   one row.

use crate::entities::{group, session};
use crate::{Result, StoreError, from_json, parse_stored};
use chrono::NaiveDate;
use peergroup_domain::Id;
use peergroup_domain::attendance::{AbsenceReason, AssignedFacilitator};
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::group::venue_key;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::values::Key;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, DbBackend, FromQueryResult, Iterable, Statement};
use std::collections::{BTreeSet, HashMap};

/// The participants of a group by enrolment status.
pub struct Roster {
    /// Holding a place (enrolled or completed): each needs a mark.
    pub placed: Vec<Id>,
    /// Withdrawn: may still appear in a correction of an old session.
    pub former: Vec<Id>,
    pub enrollment_of: HashMap<Id, Id>,
    /// Read only for a roll-call: the reason each participant gave through "I can't come"
    /// for the session, by person.
    pub said_cannot_come: HashMap<Id, AbsenceReason>,
}

impl Roster {
    /// Files one enrolment (in id order); the waitlist is left out.
    pub(crate) fn add(&mut self, id: Id, person_id: Id, status: EnrollmentStatus) {
        match status {
            EnrollmentStatus::Enrolled | EnrollmentStatus::Completed => self.placed.push(person_id),
            EnrollmentStatus::Withdrawn => self.former.push(person_id),
            EnrollmentStatus::Waitlisted => return,
        }
        self.enrollment_of.insert(person_id, id);
    }
}

/// `alias.column AS prefix_column, …` for every column of `E`.
pub(crate) fn columns<E: EntityTrait>(alias: &str, prefix: &str) -> String {
    E::Column::iter()
        .map(|c| format!("{alias}.{0} AS {prefix}{0}", c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes `?` placeholders as `$1, $2, …` for PostgreSQL.
pub(crate) fn params(backend: DbBackend, sql: &str) -> String {
    match backend {
        DbBackend::Postgres => {
            let mut n = 0;
            sql.split('?')
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part.to_string()
                    } else {
                        n += 1;
                        format!("${n}{part}")
                    }
                })
                .collect()
        }
        _ => sql.to_string(),
    }
}

/// A raw statement for `conn`'s backend, written with `?` placeholders.
pub(crate) fn stmt(
    conn: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = sea_orm::Value>,
) -> Statement {
    let backend = conn.get_database_backend();
    Statement::from_sql_and_values(backend, params(backend, sql), values)
}

/// The session, its group and its program, or 404 for another organization's session.
pub(crate) async fn session_group_program(
    txn: &DatabaseTransaction,
    org: Id,
    session_id: Id,
) -> Result<(session::Model, group::Model, ProgramSpec)> {
    let backend = txn.get_database_backend();
    let lock = match backend {
        DbBackend::Postgres => " FOR UPDATE OF g",
        _ => "",
    };
    let sql = format!(
        "SELECT {}, {}, p.spec AS p_spec FROM sessions s \
         JOIN peer_groups g ON g.id = s.group_id AND g.org_id = s.org_id \
         JOIN programs p ON p.id = g.program_id AND p.org_id = g.org_id \
         WHERE s.id = ? AND s.org_id = ?{lock}",
        columns::<session::Entity>("s", "s_"),
        columns::<group::Entity>("g", "g_"),
    );
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            params(backend, &sql),
            [session_id.into(), org.into()],
        ))
        .await?
        .ok_or(StoreError::NotFound("session"))?;
    let mut s = session::Model::from_query_result(&row, "s_")?;
    if backend == DbBackend::Postgres {
        // The statement's snapshot predates the wait for the group's lock: read the
        // session again now that concurrent changes to it have committed.
        s = session::Entity::find_by_id(session_id)
            .filter(session::Column::OrgId.eq(org))
            .one(txn)
            .await?
            .ok_or(StoreError::NotFound("session"))?;
    }
    Ok((
        s,
        group::Model::from_query_result(&row, "g_")?,
        from_json(row.try_get("", "p_spec")?)?,
    ))
}

/// A group (locked on PostgreSQL) and its program's design, or 404.
pub(crate) async fn group_and_program(
    txn: &DatabaseTransaction,
    org: Id,
    group_id: Id,
) -> Result<(group::Model, ProgramSpec)> {
    let backend = txn.get_database_backend();
    let lock = match backend {
        DbBackend::Postgres => " FOR UPDATE OF g",
        _ => "",
    };
    let sql = format!(
        "SELECT {}, p.spec AS p_spec FROM peer_groups g \
         JOIN programs p ON p.id = g.program_id AND p.org_id = g.org_id \
         WHERE g.id = ? AND g.org_id = ?{lock}",
        columns::<group::Entity>("g", "g_"),
    );
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            params(backend, &sql),
            [group_id.into(), org.into()],
        ))
        .await?
        .ok_or(StoreError::NotFound("group"))?;
    Ok((
        group::Model::from_query_result(&row, "g_")?,
        from_json(row.try_get("", "p_spec")?)?,
    ))
}

/// What laying out a group's schedule needs besides the group and its program.
pub(crate) struct ScheduleFacts {
    /// Dates with no session: the group's own and the organization's.
    pub exclusions: BTreeSet<NaiveDate>,
    /// The group's facilitators, with their kind and program role.
    pub facilitators: Vec<AssignedFacilitator>,
    /// Other groups meeting at the group's venue.
    pub same_venue: Vec<Id>,
}

/// `person_id:kind:program_role` (the role may be empty), as `schedule_facts` aggregates it.
fn assigned_facilitator(text: &str) -> Option<AssignedFacilitator> {
    let mut parts = text.splitn(3, ':');
    let person_id = parts.next()?.parse().ok()?;
    let kind = parts.next()?.parse().ok()?;
    let program_role = match parts.next()? {
        "" => None,
        role => Some(Key::parse(role).ok()?),
    };
    Some(AssignedFacilitator {
        person_id,
        kind,
        program_role,
    })
}

/// The exclusion calendar, the facilitators and the groups at the same venue, as three
/// aggregated subqueries of one statement.
pub(crate) async fn schedule_facts(
    txn: &DatabaseTransaction,
    org: Id,
    g: &group::Model,
) -> Result<ScheduleFacts> {
    let backend = txn.get_database_backend();
    let (agg, date) = match backend {
        DbBackend::Postgres => ("string_agg", "to_char(date, 'YYYY-MM-DD')"),
        _ => ("group_concat", "date"),
    };
    let text = |column: &str| match backend {
        DbBackend::Postgres => format!("{column}::text"),
        _ => column.to_string(),
    };
    let sql = format!(
        "SELECT \
         (SELECT {agg}({date}, ',') FROM calendar_exclusions \
          WHERE org_id = ? AND (group_id IS NULL OR group_id = ?)) AS exclusions, \
         (SELECT {agg}({} || ':' || role || ':' || COALESCE(program_role, ''), ',') \
          FROM facilitator_assignments WHERE org_id = ? AND group_id = ?) AS facilitators, \
         (SELECT {agg}({}, ',') FROM peer_groups \
          WHERE org_id = ? AND venue_key = ? AND id <> ?) AS same_venue",
        text("person_id"),
        text("id"),
    );
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            params(backend, &sql),
            [
                org.into(),
                g.id.into(),
                org.into(),
                g.id.into(),
                org.into(),
                venue_key(&g.venue_name).into(),
                g.id.into(),
            ],
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("schedule facts".into()))?;
    let list = |column: &str| -> Result<Vec<String>> {
        let text: Option<String> = row.try_get("", column)?;
        Ok(text
            .map(|t| t.split(',').map(str::to_string).collect())
            .unwrap_or_default())
    };
    let corrupt = |_| StoreError::Corrupt("schedule facts".into());
    Ok(ScheduleFacts {
        exclusions: list("exclusions")?
            .iter()
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(corrupt))
            .collect::<Result<_>>()?,
        facilitators: list("facilitators")?
            .iter()
            .map(|f| {
                assigned_facilitator(f).ok_or_else(|| StoreError::Corrupt("schedule facts".into()))
            })
            .collect::<Result<_>>()?,
        same_venue: list("same_venue")?
            .iter()
            .map(|p| {
                p.parse()
                    .map_err(|_| StoreError::Corrupt("schedule facts".into()))
            })
            .collect::<Result<_>>()?,
    })
}

/// The group's participants by enrolment status and its assigned facilitators.
pub(crate) async fn roster_and_facilitators(
    txn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
) -> Result<(Roster, Vec<AssignedFacilitator>)> {
    roster_facilitators_notices(txn, org, group_id, None).await
}

/// As `roster_and_facilitators`, and with `session` the reasons its participants gave
/// through "I can't come" (`Roster::said_cannot_come`), in the same single statement.
pub(crate) async fn roster_facilitators_notices(
    txn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
    session: Option<Id>,
) -> Result<(Roster, Vec<AssignedFacilitator>)> {
    let backend = txn.get_database_backend();
    let row_text = match backend {
        DbBackend::Postgres => {
            "string_agg(src || ',' || id::text || ',' || person_id::text || ',' || what || ',' || COALESCE(program_role, ''), ';' ORDER BY src, id)"
        }
        _ => {
            "group_concat(src || ',' || id || ',' || person_id || ',' || what || ',' || COALESCE(program_role, ''), ';' ORDER BY src, id)"
        }
    };
    // One row: `src,id,person,status-or-role,program-role;…`; a notice is
    // `n,enrollment,0,reason,`.
    let notices = if session.is_some() {
        "UNION ALL SELECT 'n' AS src, enrollment_id AS id, 0 AS person_id, reason AS what, \
         CAST(NULL AS VARCHAR(64)) AS program_role \
         FROM absence_notices WHERE org_id = ? AND session_id = ?"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {row_text} AS people FROM (\
         SELECT 'e' AS src, id, person_id, status AS what, CAST(NULL AS VARCHAR(64)) AS program_role \
         FROM enrollments WHERE org_id = ? AND group_id = ? \
         UNION ALL \
         SELECT 'f' AS src, id, person_id, role AS what, program_role \
         FROM facilitator_assignments WHERE org_id = ? AND group_id = ? {notices}) AS p"
    );
    let mut values: Vec<sea_orm::Value> =
        vec![org.into(), group_id.into(), org.into(), group_id.into()];
    if let Some(s) = session {
        values.extend([org.into(), s.into()]);
    }
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            params(backend, &sql),
            values,
        ))
        .await?;
    let text: Option<String> = match row {
        Some(row) => row.try_get("", "people")?,
        None => None,
    };
    let mut roster = Roster {
        placed: Vec::new(),
        former: Vec::new(),
        enrollment_of: HashMap::new(),
        said_cannot_come: HashMap::new(),
    };
    let mut facilitators = Vec::new();
    let corrupt = || StoreError::Corrupt("aggregated roster".into());
    for entry in text.iter().flat_map(|t| t.split(';')) {
        let fields: Vec<&str> = entry.split(',').collect();
        let [src, id, person_id, what, program_role] = fields[..] else {
            return Err(corrupt());
        };
        let id: Id = id.parse().map_err(|_| corrupt())?;
        let person_id: Id = person_id.parse().map_err(|_| corrupt())?;
        if src == "e" {
            roster.add(id, person_id, parse_stored::<EnrollmentStatus>(what)?);
        } else if src == "n" {
            // Enrolments come first ('e' < 'n'): the notice's person is known by now.
            let person = roster
                .enrollment_of
                .iter()
                .find_map(|(p, e)| (*e == id).then_some(*p));
            if let Some(person) = person {
                roster.said_cannot_come.insert(person, parse_stored(what)?);
            }
        } else {
            facilitators.push(AssignedFacilitator {
                person_id,
                kind: parse_stored(what)?,
                program_role: (!program_role.is_empty())
                    .then(|| Key::parse(program_role))
                    .transpose()
                    .map_err(StoreError::Corrupt)?,
            });
        }
    }
    Ok((roster, facilitators))
}
