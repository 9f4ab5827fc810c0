//! Outcomes in storage: an organization's own instruments (as JSON definitions), scored
//! assessments, and consent for research use.

use crate::entities::{
    assessment, enrollment, group, instrument, instrument_translation, person, session,
};
use crate::{Result, Store, StoreError, from_json};
use chrono::NaiveDate;
use peergroup_domain::Id;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::group::GroupStatus;
use peergroup_domain::instruments::Translation;
use peergroup_domain::outcomes::{Definition, PlannedAssessment, Timepoint};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An assessment to keep, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAssessment {
    pub enrollment_id: Id,
    pub group_id: Id,
    pub person_id: Id,
    pub instrument: String,
    pub timepoint: Timepoint,
    pub locale: String,
    pub taken_on: NaiveDate,
    pub total: f64,
    pub missing: u32,
    pub entered_by: Option<Id>,
}

/// A group whose due assessments are counted, its program's plan saying what is due.
#[derive(Debug, Clone, PartialEq)]
pub struct DueGroup {
    pub group_id: Id,
    pub name: String,
    pub timezone: String,
    pub program_id: Id,
}

/// What several groups' due assessments are counted from.
#[derive(Debug, Default)]
pub struct DueInputs {
    /// By name.
    pub groups: Vec<DueGroup>,
    /// What each of their programs plans to assess (never nothing).
    pub plans: HashMap<Id, Vec<PlannedAssessment>>,
    /// Each group's plan sessions, as (number, local date).
    pub sessions: HashMap<Id, Vec<(u32, NaiveDate)>>,
    /// Each group's enrolments holding a place (enrolled or completed).
    pub enrollments: HashMap<Id, Vec<Id>>,
    /// The (enrolment, instrument, timepoint) assessments taken.
    pub taken: HashSet<(Id, String, Timepoint)>,
}

/// Groups read in one statement.
const GROUPS_A_STATEMENT: usize = 500;

/// The enrolments whose people are assessed: those holding a place, or who finished.
const HOLDING_A_PLACE: [EnrollmentStatus; 2] =
    [EnrollmentStatus::Enrolled, EnrollmentStatus::Completed];

/// One person's total at one timepoint, for pooled figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub enrollment_id: Id,
    pub group_id: Id,
    pub person_id: Id,
    pub timepoint: Timepoint,
    pub total: f64,
    /// The person agreed to research use.
    pub research_consent: bool,
}

fn definition(row: instrument::Model) -> Result<Definition> {
    from_json(
        serde_json::from_str(&row.definition)
            .map_err(|e| StoreError::Corrupt(format!("instrument {}: {e}", row.key)))?,
    )
}

impl Store {
    /// Keeps an organization's instrument; its key must be new in the organization.
    pub async fn save_instrument(&self, org: Id, def: &Definition) -> Result<()> {
        let now = self.now();
        let text = serde_json::to_string(def).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        instrument::ActiveModel {
            org_id: Set(org),
            key: Set(def.key().to_string()),
            definition: Set(text),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.writer())
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => {
                StoreError::Conflict("the organization has an instrument with this key".into())
            }
            other => other,
        })?;
        Ok(())
    }

    /// The organization's own instruments, by key.
    pub async fn org_instruments(&self, org: Id) -> Result<Vec<Definition>> {
        instrument::Entity::find()
            .filter(instrument::Column::OrgId.eq(org))
            .order_by_asc(instrument::Column::Key)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(definition)
            .collect()
    }

    pub async fn org_instrument(&self, org: Id, key: &str) -> Result<Option<Definition>> {
        instrument::Entity::find()
            .filter(instrument::Column::OrgId.eq(org))
            .filter(instrument::Column::Key.eq(key))
            .one(&self.reader())
            .await?
            .map(definition)
            .transpose()
    }

    /// Keeps a scored assessment; one per enrolment, instrument and timepoint.
    pub async fn insert_assessment(&self, org: Id, a: &NewAssessment) -> Result<Id> {
        let row = assessment::ActiveModel {
            org_id: Set(org),
            enrollment_id: Set(a.enrollment_id),
            group_id: Set(a.group_id),
            person_id: Set(a.person_id),
            instrument_key: Set(a.instrument.clone()),
            timepoint: Set(a.timepoint.to_string()),
            locale: Set(a.locale.clone()),
            taken_on: Set(a.taken_on),
            total: Set(a.total),
            missing: Set(i32::try_from(a.missing).unwrap_or(i32::MAX)),
            entered_by: Set(a.entered_by),
            entered_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&self.writer())
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::Conflict(
                "this participant already has this instrument at this timepoint".into(),
            ),
            other => other,
        })?;
        Ok(row.id)
    }

    /// Every total of `instrument` in `groups`, with whether each person agreed to
    /// research use.
    pub async fn assessment_totals(
        &self,
        org: Id,
        groups: &[Id],
        instrument: &str,
    ) -> Result<Vec<Total>> {
        let rows = assessment::Entity::find()
            .filter(assessment::Column::OrgId.eq(org))
            .filter(assessment::Column::GroupId.is_in(groups.iter().copied()))
            .filter(assessment::Column::InstrumentKey.eq(instrument))
            .order_by_asc(assessment::Column::Id)
            .all(&self.reader())
            .await?;
        let people: Vec<Id> = rows.iter().map(|r| r.person_id).collect();
        let consented: HashSet<Id> = person::Entity::find()
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.is_in(people))
            .filter(person::Column::ConsentResearchAt.is_not_null())
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        rows.into_iter()
            .map(|r| {
                Ok(Total {
                    enrollment_id: r.enrollment_id,
                    group_id: r.group_id,
                    person_id: r.person_id,
                    timepoint: r
                        .timepoint
                        .parse()
                        .map_err(|e: String| StoreError::Corrupt(e))?,
                    total: r.total,
                    research_consent: consented.contains(&r.person_id),
                })
            })
            .collect()
    }
}

/// A participant of a group as the outcomes page lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterLine {
    pub enrollment_id: Id,
    pub person_id: Id,
    pub name: String,
    pub preferred_language: String,
    /// Their total for the instrument at the timepoint, once taken.
    pub total: Option<f64>,
    pub research_consent: bool,
}

impl Store {
    /// The group's participants (not the waitlist), each with their total of `instrument`
    /// at `timepoint` and whether they agreed to research use.
    pub async fn outcome_roster(
        &self,
        org: Id,
        group_id: Id,
        instrument: &str,
        timepoint: Timepoint,
    ) -> Result<Vec<RosterLine>> {
        let sql = "SELECT e.id AS enrollment_id, p.id AS person_id, p.display_name, \
                   p.preferred_language, p.consent_research_at, a.total \
                   FROM enrollments e \
                   JOIN people p ON p.id = e.person_id AND p.org_id = e.org_id \
                   LEFT JOIN assessments a ON a.org_id = e.org_id AND a.enrollment_id = e.id \
                     AND a.instrument_key = $3 AND a.timepoint = $4 \
                   WHERE e.org_id = $1 AND e.group_id = $2 AND e.status <> 'waitlisted' \
                   ORDER BY p.display_name, e.id";
        let db = self.reader();
        let rows = db
            .query_all_raw(crate::dialect::stmt(
                &db,
                sql,
                [
                    org.into(),
                    group_id.into(),
                    instrument.into(),
                    timepoint.to_string().into(),
                ],
            ))
            .await?;
        rows.into_iter()
            .map(|r| {
                let consent: Option<chrono::DateTime<chrono::Utc>> =
                    r.try_get("", "consent_research_at")?;
                Ok(RosterLine {
                    enrollment_id: r.try_get("", "enrollment_id")?,
                    person_id: r.try_get("", "person_id")?,
                    name: r.try_get("", "display_name")?,
                    preferred_language: r.try_get("", "preferred_language")?,
                    total: r.try_get("", "total")?,
                    research_consent: consent.is_some(),
                })
            })
            .collect()
    }
}

/// A participant holding a place in a group, for the assessments they are due.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub enrollment_id: Id,
    pub person_id: Id,
    pub name: String,
    pub preferred_language: String,
}

impl Store {
    /// The group's enrolled and completed participants, by name.
    pub async fn outcome_participants(&self, org: Id, group_id: Id) -> Result<Vec<Participant>> {
        let sql = format!(
            "SELECT e.id AS enrollment_id, p.id AS person_id, p.display_name, \
             p.preferred_language \
             FROM enrollments e \
             JOIN people p ON p.id = e.person_id AND p.org_id = e.org_id \
             WHERE e.org_id = $1 AND e.group_id = $2 \
               AND e.status IN ({holding}) \
             ORDER BY p.display_name, e.id",
            holding = crate::stored::sql_words(&HOLDING_A_PLACE),
        );
        let db = self.reader();
        let rows = db
            .query_all_raw(crate::dialect::stmt(
                &db,
                &sql,
                [org.into(), group_id.into()],
            ))
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Participant {
                    enrollment_id: r.try_get("", "enrollment_id")?,
                    person_id: r.try_get("", "person_id")?,
                    name: r.try_get("", "display_name")?,
                    preferred_language: r.try_get("", "preferred_language")?,
                })
            })
            .collect()
    }

    /// The (number, local date) of each session of the group's plan (not extra sessions).
    pub async fn plan_session_days(&self, org: Id, group_id: Id) -> Result<Vec<(u32, NaiveDate)>> {
        let mut days = self.plan_session_days_in(org, &[group_id]).await?;
        Ok(days.remove(&group_id).unwrap_or_default())
    }

    /// [`Store::plan_session_days`] of several groups, by group.
    async fn plan_session_days_in(
        &self,
        org: Id,
        groups: &[Id],
    ) -> Result<HashMap<Id, Vec<(u32, NaiveDate)>>> {
        let rows = session::Entity::find()
            .select_only()
            .column(session::Column::GroupId)
            .column(session::Column::Number)
            .column(session::Column::LocalDate)
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.is_in(groups.iter().copied()))
            .filter(session::Column::Number.gt(0))
            .into_tuple::<(Id, i32, NaiveDate)>()
            .all(&self.reader())
            .await?;
        let mut days: HashMap<Id, Vec<(u32, NaiveDate)>> = HashMap::new();
        for (g, n, day) in rows {
            days.entry(g)
                .or_default()
                .push((u32::try_from(n).unwrap_or(0), day));
        }
        Ok(days)
    }

    /// The groups of `org` that are not cancelled and whose program plans assessments (of
    /// those in `only`, if given), with what their due assessments are counted from: a few
    /// statements however many groups, where one group at a time took several each.
    pub async fn due_inputs(&self, org: Id, only: Option<&[Id]>) -> Result<DueInputs> {
        let db = self.reader();
        let mut groups = group::Entity::find()
            .filter(group::Column::OrgId.eq(org))
            .filter(group::Column::Status.ne(GroupStatus::Cancelled.as_str()));
        if let Some(ids) = only {
            groups = groups.filter(group::Column::Id.is_in(ids.iter().copied()));
        }
        let groups: Vec<DueGroup> = groups
            .select_only()
            .column(group::Column::Id)
            .column(group::Column::Name)
            .column(group::Column::Timezone)
            .column(group::Column::ProgramId)
            .order_by_asc(group::Column::Name)
            .order_by_asc(group::Column::Id)
            .into_tuple::<(Id, String, String, Id)>()
            .all(&db)
            .await?
            .into_iter()
            .map(|(group_id, name, timezone, program_id)| DueGroup {
                group_id,
                name,
                timezone,
                program_id,
            })
            .collect();
        // Only groups whose program plans an assessment have anything to count.
        let plans: HashMap<Id, Vec<PlannedAssessment>> =
            crate::programs::program_specs(&db, groups.iter().map(|g| g.program_id))
                .await?
                .into_iter()
                .filter(|(_, spec)| !spec.assessments.is_empty())
                .map(|(id, spec)| (id, spec.assessments))
                .collect();
        let groups: Vec<DueGroup> = groups
            .into_iter()
            .filter(|g| plans.contains_key(&g.program_id))
            .collect();
        let mut inputs = DueInputs {
            plans,
            ..DueInputs::default()
        };
        let ids: Vec<Id> = groups.iter().map(|g| g.group_id).collect();
        for chunk in ids.chunks(GROUPS_A_STATEMENT) {
            inputs
                .sessions
                .extend(self.plan_session_days_in(org, chunk).await?);
            let enrollments = enrollment::Entity::find()
                .select_only()
                .column(enrollment::Column::GroupId)
                .column(enrollment::Column::Id)
                .filter(enrollment::Column::OrgId.eq(org))
                .filter(enrollment::Column::GroupId.is_in(chunk.iter().copied()))
                .filter(enrollment::Column::Status.is_in(HOLDING_A_PLACE.map(|s| s.as_str())))
                .into_tuple::<(Id, Id)>()
                .all(&db)
                .await?;
            for (g, e) in enrollments {
                inputs.enrollments.entry(g).or_default().push(e);
            }
            inputs.taken.extend(self.taken_in(org, chunk).await?);
        }
        inputs.groups = groups;
        Ok(inputs)
    }

    /// Which (enrolment, instrument, timepoint) the group has assessments for.
    pub async fn taken_assessments(
        &self,
        org: Id,
        group_id: Id,
    ) -> Result<HashSet<(Id, String, Timepoint)>> {
        self.taken_in(org, &[group_id]).await
    }

    /// [`Store::taken_assessments`] of several groups.
    async fn taken_in(&self, org: Id, groups: &[Id]) -> Result<HashSet<(Id, String, Timepoint)>> {
        assessment::Entity::find()
            .select_only()
            .column(assessment::Column::EnrollmentId)
            .column(assessment::Column::InstrumentKey)
            .column(assessment::Column::Timepoint)
            .filter(assessment::Column::OrgId.eq(org))
            .filter(assessment::Column::GroupId.is_in(groups.iter().copied()))
            .into_tuple::<(Id, String, String)>()
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|(e, key, t)| {
                let t = t.parse().map_err(|e: String| StoreError::Corrupt(e))?;
                Ok((e, key, t))
            })
            .collect()
    }
}

impl Store {
    /// Keeps (or replaces) the organization's translation of an instrument's words.
    pub async fn save_translation(
        &self,
        org: Id,
        key: &str,
        locale: &str,
        words: &Translation,
    ) -> Result<()> {
        let now = self.now();
        let text = serde_json::to_string(words).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let found = instrument_translation::Entity::find()
            .filter(instrument_translation::Column::OrgId.eq(org))
            .filter(instrument_translation::Column::InstrumentKey.eq(key))
            .filter(instrument_translation::Column::Locale.eq(locale))
            .one(&self.writer())
            .await?;
        match found {
            Some(row) => {
                let mut active: instrument_translation::ActiveModel = row.into();
                active.words = Set(text);
                active.updated_at = Set(now);
                active.update(&self.writer()).await?;
            }
            None => {
                instrument_translation::ActiveModel {
                    org_id: Set(org),
                    instrument_key: Set(key.to_string()),
                    locale: Set(locale.to_string()),
                    words: Set(text),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&self.writer())
                .await?;
            }
        }
        Ok(())
    }

    /// The organization's translations of an instrument, by language tag.
    pub async fn translations(&self, org: Id, key: &str) -> Result<BTreeMap<String, Translation>> {
        instrument_translation::Entity::find()
            .filter(instrument_translation::Column::OrgId.eq(org))
            .filter(instrument_translation::Column::InstrumentKey.eq(key))
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|row| {
                let words = serde_json::from_str(&row.words).map_err(|e| {
                    StoreError::Corrupt(format!("translation of {}: {e}", row.instrument_key))
                })?;
                Ok((row.locale, words))
            })
            .collect()
    }
}

impl Store {
    /// The scores of one enrolment, in the order they were entered.
    pub async fn enrollment_assessments(
        &self,
        org: Id,
        enrollment_id: Id,
    ) -> Result<Vec<peergroup_domain::subject_access::AssessmentLine>> {
        assessment::Entity::find()
            .filter(assessment::Column::OrgId.eq(org))
            .filter(assessment::Column::EnrollmentId.eq(enrollment_id))
            .order_by_asc(assessment::Column::Id)
            .all(&self.reader())
            .await?
            .into_iter()
            .map(|a| {
                Ok(peergroup_domain::subject_access::AssessmentLine {
                    timepoint: a.timepoint.parse().map_err(StoreError::Corrupt)?,
                    instrument: a.instrument_key,
                    taken_on: a.taken_on,
                    total: a.total,
                })
            })
            .collect()
    }
}
