//! Reads joined into one statement for the busiest writes (roll-calls, schedule
//! generation): on SQLite every statement and every row is a round trip to the
//! connection's worker thread, and on PostgreSQL a round trip to the server.
//!
//! - The session, its group (locked on PostgreSQL, as every group write does) and the
//!   program's design; or a group and its program.
//! - The group's enrolments and facilitator assignments, as one `UNION ALL` aggregated into
//!   one row.

use crate::dialect::{self, Cached, json_rows, stmt};
use crate::entities::{group, session};
use crate::{Result, StoreError, from_json, parse_stored};
use chrono::NaiveDate;
use peergroup_domain::Id;
use peergroup_domain::attendance::{AbsenceReason, AssignedFacilitator};
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::group::venue_key;
use peergroup_domain::program::FacilitatorKind;
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::values::Key;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, FromQueryResult, Iterable};
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

/// The session, its group and its program, or 404 for another organization's session.
pub(crate) async fn session_group_program(
    txn: &DatabaseTransaction,
    org: Id,
    session_id: Id,
) -> Result<(session::Model, group::Model, ProgramSpec)> {
    static SQL: Cached = Cached::new();
    let sql = SQL.get(txn, |dialect| {
        format!(
            "SELECT {}, {}, p.spec AS p_spec FROM sessions s \
             JOIN peer_groups g ON g.id = s.group_id AND g.org_id = s.org_id \
             JOIN programs p ON p.id = g.program_id AND p.org_id = g.org_id \
             WHERE s.id = $1 AND s.org_id = $2{}",
            columns::<session::Entity>("s", "s_"),
            columns::<group::Entity>("g", "g_"),
            dialect.for_update_of("g"),
        )
    });
    let row = txn
        .query_one_raw(stmt(txn, sql, [session_id.into(), org.into()]))
        .await?
        .ok_or(StoreError::NotFound("session"))?;
    let mut s = session::Model::from_query_result(&row, "s_")?;
    if dialect::of(txn).locks_rows() {
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
    static SQL: Cached = Cached::new();
    let sql = SQL.get(txn, |dialect| {
        format!(
            "SELECT {}, p.spec AS p_spec FROM peer_groups g \
             JOIN programs p ON p.id = g.program_id AND p.org_id = g.org_id \
             WHERE g.id = $1 AND g.org_id = $2{}",
            columns::<group::Entity>("g", "g_"),
            dialect.for_update_of("g"),
        )
    });
    let row = txn
        .query_one_raw(stmt(txn, sql, [group_id.into(), org.into()]))
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

/// The exclusion calendar, the facilitators and the groups at the same venue, as three
/// subqueries of one statement, each aggregated into a JSON array.
pub(crate) async fn schedule_facts(
    txn: &DatabaseTransaction,
    org: Id,
    g: &group::Model,
) -> Result<ScheduleFacts> {
    let dialect = dialect::of(txn);
    let facilitator = dialect.json_array(&["person_id", "role", "program_role"]);
    let sql = format!(
        "SELECT \
         CAST((SELECT {} FROM calendar_exclusions \
          WHERE org_id = $1 AND (group_id IS NULL OR group_id = $2)) AS TEXT) AS exclusions, \
         CAST((SELECT {} FROM facilitator_assignments \
          WHERE org_id = $1 AND group_id = $2) AS TEXT) AS facilitators, \
         CAST((SELECT {} FROM peer_groups \
          WHERE org_id = $1 AND venue_key = $3 AND id <> $2) AS TEXT) AS same_venue",
        dialect.json_agg("date", "date"),
        dialect.json_agg(&facilitator, "id"),
        dialect.json_agg("id", "id"),
    );
    let row = txn
        .query_one_raw(stmt(
            txn,
            &sql,
            [org.into(), g.id.into(), venue_key(&g.venue_name).into()],
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("schedule facts".into()))?;
    let text = |column: &str| -> Result<Option<String>> { Ok(row.try_get("", column)?) };
    let facilitators: Vec<(Id, FacilitatorKind, Option<String>)> =
        json_rows(text("facilitators")?.as_deref())?;
    Ok(ScheduleFacts {
        exclusions: json_rows::<NaiveDate>(text("exclusions")?.as_deref())?
            .into_iter()
            .collect(),
        facilitators: facilitators
            .into_iter()
            .map(|(person_id, kind, program_role)| {
                Ok(AssignedFacilitator {
                    person_id,
                    kind,
                    program_role: program_role
                        .map(Key::parse)
                        .transpose()
                        .map_err(StoreError::Corrupt)?,
                })
            })
            .collect::<Result<_>>()?,
        same_venue: json_rows(text("same_venue")?.as_deref())?,
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
    let dialect = dialect::of(txn);
    // One row: a JSON array of `[src, id, person, status-or-role, program-role]`; a notice
    // is `["n", enrollment, 0, reason, null]`.
    let people = dialect.json_agg(
        &dialect.json_array(&["src", "id", "person_id", "what", "program_role"]),
        "src, id",
    );
    let notices = if session.is_some() {
        "UNION ALL SELECT 'n' AS src, enrollment_id AS id, 0 AS person_id, reason AS what, \
         CAST(NULL AS VARCHAR(64)) AS program_role \
         FROM absence_notices WHERE org_id = $1 AND session_id = $3"
    } else {
        ""
    };
    let sql = format!(
        "SELECT CAST({people} AS TEXT) AS people FROM (\
         SELECT 'e' AS src, id, person_id, status AS what, CAST(NULL AS VARCHAR(64)) AS program_role \
         FROM enrollments WHERE org_id = $1 AND group_id = $2 \
         UNION ALL \
         SELECT 'f' AS src, id, person_id, role AS what, program_role \
         FROM facilitator_assignments WHERE org_id = $1 AND group_id = $2 {notices}) AS p"
    );
    let mut values: Vec<sea_orm::Value> = vec![org.into(), group_id.into()];
    if let Some(s) = session {
        values.push(s.into());
    }
    let row = txn.query_one_raw(stmt(txn, &sql, values)).await?;
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
    let rows: Vec<(String, Id, Id, String, Option<String>)> = json_rows(text.as_deref())?;
    for (src, id, person_id, what, program_role) in rows {
        match src.as_str() {
            "e" => roster.add(id, person_id, parse_stored::<EnrollmentStatus>(&what)?),
            "n" => {
                // Enrolments come first ('e' < 'n'): the notice's person is known by now.
                let person = roster
                    .enrollment_of
                    .iter()
                    .find_map(|(p, e)| (*e == id).then_some(*p));
                if let Some(person) = person {
                    roster.said_cannot_come.insert(person, parse_stored(&what)?);
                }
            }
            _ => facilitators.push(AssignedFacilitator {
                person_id,
                kind: parse_stored(&what)?,
                program_role: program_role
                    .map(Key::parse)
                    .transpose()
                    .map_err(StoreError::Corrupt)?,
            }),
        }
    }
    Ok((roster, facilitators))
}
