//! Groups: closed cohorts of one program, with their status and place counts.

use crate::dialect::{Cached, Dialect, json_rows, stmt};
use crate::enrollments::EnrollmentRow;
use crate::entities::{enrollment, group};
use crate::facilitators::AssignmentRow;
use crate::programs::find_program;
use crate::stored::Stored;
use crate::{PageRequest, Result, Store, StoreError, from_json, to_json};
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::group::{GroupSpec, GroupStatus, Venue, venue_key};
use peergroup_domain::program::ProgramSpec;
use peergroup_domain::records::Page;
use peergroup_domain::records::{Group, GroupDetail};
use peergroup_domain::values::{Name, Text, TimeZone};
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Alias, ExprTrait, Query};
use sea_orm::{ActiveValue::Set, FromQueryResult, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Which groups to list.
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    pub status: Option<GroupStatus>,
    pub program_id: Option<Id>,
    /// Only these groups (a facilitator's own); `None` means all of the organization's.
    pub only: Option<Vec<Id>>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Places {
    enrolled: u32,
    waitlisted: u32,
}

fn corrupt(e: String) -> StoreError {
    StoreError::Corrupt(e)
}

fn to_record(m: group::Model, places: Places) -> Result<Group> {
    let spec = GroupSpec {
        program_id: m.program_id,
        name: Name::parse(m.name).map_err(corrupt)?,
        languages: from_json(m.languages)?,
        timezone: TimeZone::parse(&m.timezone).map_err(corrupt)?,
        venue: Venue {
            name: Name::parse(m.venue_name).map_err(corrupt)?,
            address: m
                .venue_address
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            accessibility_notes: m
                .venue_accessibility_notes
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
        },
        start_date: m.start_date,
        weekdays: from_json(m.weekdays)?,
        start_time: m.start_time.into(),
        capacity: u16::try_from(m.capacity).map_err(|e| corrupt(e.to_string()))?,
        segment: m.segment.map(Name::parse).transpose().map_err(corrupt)?,
        exclusion_policy: m.exclusion_policy.0,
    };
    Ok(Group {
        id: m.id,
        status: m.status.0,
        spec,
        enrolled_count: places.enrolled,
        waitlisted_count: places.waitlisted,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn write_spec(active: &mut group::ActiveModel, spec: &GroupSpec) {
    active.program_id = Set(spec.program_id);
    active.name = Set(spec.name.to_string());
    active.languages = Set(to_json(&spec.languages));
    active.timezone = Set(spec.timezone.name().to_string());
    active.venue_name = Set(spec.venue.name.to_string());
    active.venue_key = Set(venue_key(spec.venue.name.as_str()));
    active.venue_address = Set(spec.venue.address.as_ref().map(|t| t.to_string()));
    active.venue_accessibility_notes = Set(spec
        .venue
        .accessibility_notes
        .as_ref()
        .map(|t| t.to_string()));
    active.start_date = Set(spec.start_date);
    active.weekdays = Set(to_json(&spec.weekdays));
    active.start_time = Set(spec.start_time.time());
    active.capacity = Set(i32::from(spec.capacity));
    active.segment = Set(spec.segment.as_ref().map(|t| t.to_string()));
    active.exclusion_policy = Set(Stored(spec.exclusion_policy));
}

/// Enrolled and waitlisted counts for each of `groups`.
async fn places(
    conn: &impl ConnectionTrait,
    org: Id,
    groups: &[Id],
) -> Result<HashMap<Id, Places>> {
    if groups.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, Stored<EnrollmentStatus>, i64)> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::GroupId)
        .column(enrollment::Column::Status)
        .column_as(enrollment::Column::Id.count(), "n")
        .filter(enrollment::Column::OrgId.eq(org))
        .filter(enrollment::Column::GroupId.is_in(groups.iter().copied()))
        .group_by(enrollment::Column::GroupId)
        .group_by(enrollment::Column::Status)
        .into_tuple()
        .all(conn)
        .await?;
    let mut out: HashMap<Id, Places> = HashMap::new();
    for (group_id, status, n) in rows {
        let entry = out.entry(group_id).or_default();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match status.0 {
            s if s.holds_place() => entry.enrolled += n,
            EnrollmentStatus::Waitlisted => entry.waitlisted += n,
            _ => {}
        }
    }
    Ok(out)
}

pub(crate) async fn group_record(
    conn: &impl ConnectionTrait,
    org: Id,
    m: group::Model,
) -> Result<Group> {
    let counts = places(conn, org, &[m.id]).await?;
    let p = counts.get(&m.id).copied().unwrap_or_default();
    to_record(m, p)
}

/// Loads and checks the program a group belongs to; a missing program is a field error.
pub(crate) async fn program_for(
    conn: &impl ConnectionTrait,
    org: Id,
    spec: &GroupSpec,
) -> Result<ProgramSpec> {
    let program = find_program(conn, org, spec.program_id)
        .await?
        .ok_or_else(|| StoreError::invalid("program_id", "no such program in this organization"))?;
    from_json(program.spec)
}

impl Store {
    pub async fn create_group(&self, org: Id, spec: &GroupSpec) -> Result<Group> {
        let program = program_for(&self.writer(), org, spec).await?;
        spec.validate(&program)?;
        let now = self.now();
        let mut active = group::ActiveModel {
            org_id: Set(org),
            status: Set(Stored(GroupStatus::Planned)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        write_spec(&mut active, spec);
        to_record(active.insert(&self.writer()).await?, Places::default())
    }

    /// Up to `limit` of the organization's groups after id `after`, in id order, as
    /// `(group, program)`: a step of work that walks every group.
    pub async fn group_chunk(&self, org: Id, after: Id, limit: u64) -> Result<Vec<(Id, Id)>> {
        Ok(group::Entity::find()
            .select_only()
            .columns([group::Column::Id, group::Column::ProgramId])
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Id.gt(after))
            .order_by_asc(group::Column::Id)
            .limit(limit)
            .into_tuple()
            .all(&self.reader())
            .await?)
    }

    pub async fn get_group(&self, org: Id, id: Id) -> Result<Group> {
        let m = group::Entity::find_by_id(id)
            .filter(group::Column::OrgId.eq(org))
            .one(&self.reader())
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        group_record(&self.reader(), org, m).await
    }

    /// The group's revision: the database raises it whenever anything its detail shows
    /// changes (migration `m20261201_000006_group_revision`). One primary-key read.
    pub async fn group_revision(&self, org: Id, id: Id) -> Result<i64> {
        // Every kept detail's `GET` pays this read: its text is built once. `revision` is
        // not a field of the entity: only the database's triggers write it.
        static REVISION: Cached = Cached::new();
        let db = self.reader();
        let backend = db.get_database_backend();
        let sql = REVISION.get(&db, |_| {
            let q = Query::select()
                .column(Alias::new("revision"))
                .from(group::Entity)
                .and_where(Expr::col(group::Column::Id).eq(0))
                .and_where(Expr::col(group::Column::OrgId).eq(0))
                .to_owned();
            backend.build(&q).sql
        });
        let row = db
            .query_one_raw(stmt(&db, sql, [id.into(), org.into()]))
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        Ok(row.try_get("", "revision")?)
    }

    /// A group with its roster and facilitators, and the revision they were read at, in one
    /// statement that returns one row: the roster and the facilitators come back as JSON
    /// arrays. On SQLite every result row is a hand-off between threads, so one row instead
    /// of dozens is most of the cost.
    pub async fn get_group_detail(&self, org: Id, id: Id) -> Result<(GroupDetail, i64)> {
        let db = self.reader();
        static DETAIL: Cached = Cached::new();
        let sql = DETAIL.get(&db, detail_sql);
        let row = db
            .query_one_raw(stmt(&db, sql, [id.into(), org.into()]))
            .await?
            .ok_or(StoreError::NotFound("group"))?;
        let m = group::Model::from_query_result(&row, "")?;
        let revision: i64 = row.try_get("", "revision")?;
        let enrollments: Option<String> = row.try_get("", "enrollments_json")?;
        let facilitators: Option<String> = row.try_get("", "facilitators_json")?;
        let mut enrollments: Vec<EnrollmentRow> = json_rows(enrollments.as_deref())?;
        let mut facilitators: Vec<AssignmentRow> = json_rows(facilitators.as_deref())?;
        enrollments.sort_by_key(|e| e.id);
        facilitators.sort_by_key(|f| f.id);
        let enrollments = enrollments
            .into_iter()
            .map(crate::enrollments::to_record)
            .collect::<Result<Vec<_>>>()?;
        let facilitators = facilitators
            .into_iter()
            .map(crate::facilitators::to_record)
            .collect::<Result<Vec<_>>>()?;
        let places = Places {
            enrolled: enrollments
                .iter()
                .filter(|e| e.status.holds_place())
                .count() as u32,
            waitlisted: enrollments
                .iter()
                .filter(|e| e.status == EnrollmentStatus::Waitlisted)
                .count() as u32,
        };
        let detail = GroupDetail {
            group: to_record(m, places)?,
            enrollments,
            facilitators,
        };
        Ok((detail, revision))
    }

    pub async fn list_groups(
        &self,
        org: Id,
        filter: &GroupFilter,
        page: PageRequest,
    ) -> Result<Page<Group>> {
        let mut query = group::Entity::find().filter(group::Column::OrgId.eq(org));
        if let Some(status) = filter.status {
            query = query.filter(group::Column::Status.eq(status.as_str()));
        }
        if let Some(program) = filter.program_id {
            query = query.filter(group::Column::ProgramId.eq(program));
        }
        if let Some(only) = &filter.only {
            query = query.filter(group::Column::Id.is_in(only.iter().copied()));
        }
        let rows = page
            .apply(query, group::Column::Id)
            .all(&self.reader())
            .await?;
        let ids: Vec<Id> = rows.iter().map(|g| g.id).collect();
        let counts = places(&self.reader(), org, &ids).await?;
        let items = rows
            .into_iter()
            .map(|g| {
                let p = counts.get(&g.id).copied().unwrap_or_default();
                to_record(g, p)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(items, page.limit, |g| g.id))
    }
}

/// The group-detail statement: the group's row, and its roster and facilitators each as a
/// JSON array in id order.
fn detail_sql(dialect: &dyn Dialect) -> String {
    let enrollment = dialect.json_object(&[
        ("id", "e.id"),
        ("group_id", "e.group_id"),
        ("person_id", "e.person_id"),
        ("status", "e.status"),
        ("withdrawn_reason", "e.withdrawn_reason"),
        ("created_at", "e.created_at"),
        ("updated_at", "e.updated_at"),
        ("display_name", "p.display_name"),
    ]);
    let facilitator = dialect.json_object(&[
        ("id", "f.id"),
        ("group_id", "f.group_id"),
        ("person_id", "f.person_id"),
        ("role", "f.role"),
        ("program_role", "f.program_role"),
        ("created_at", "f.created_at"),
        ("display_name", "p.display_name"),
        ("override_reason", "f.override_reason"),
        ("override_unmet", "f.override_unmet"),
        ("overridden_by", "f.overridden_by"),
        ("overridden_at", "f.overridden_at"),
    ]);
    format!(
        "SELECT g.*, \
           CAST((SELECT {} FROM enrollments e JOIN people p ON p.id = e.person_id \
                 WHERE e.org_id = g.org_id AND e.group_id = g.id) AS TEXT) AS enrollments_json, \
           CAST((SELECT {} FROM facilitator_assignments f JOIN people p ON p.id = f.person_id \
                 WHERE f.org_id = g.org_id AND f.group_id = g.id) AS TEXT) AS facilitators_json \
         FROM peer_groups g WHERE g.id = $1 AND g.org_id = $2",
        // Sorted by id once read.
        dialect.json_agg(&enrollment, ""),
        dialect.json_agg(&facilitator, ""),
    )
}
