//! Facilitator assignments: who co-leads which group, as a peer or a professional.

use crate::conflicts::{Slot, refuse_facilitator_clash};
use crate::entities::{enrollment, facilitator_assignment, person, session};
use crate::group_lock::find_group_for_update;
use crate::people::find_person;
use crate::programs::program_spec;
use crate::training::{TrainingFacts, check_day, training_policy};
use crate::{Result, Store, StoreError, parse_stored};
use peergroup_domain::Id;
use peergroup_domain::ValidationErrors;
use peergroup_domain::enrollment::EnrollmentStatus;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::facilitator::EligibilityOverride;
use peergroup_domain::org::TrainingPolicy;
use peergroup_domain::records::{FacilitatorAssignment, SessionStatus};
use peergroup_domain::values::{Key, Text};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, FromQueryResult, JoinType, QueryOrder, QuerySelect};

/// An assignment with its person's display name.
#[derive(Debug, FromQueryResult, serde::Deserialize)]
pub(crate) struct AssignmentRow {
    pub(crate) id: Id,
    pub(crate) group_id: Id,
    pub(crate) person_id: Id,
    pub(crate) role: String,
    pub(crate) program_role: Option<String>,
    pub(crate) lived_experience_note: Option<String>,
    pub(crate) created_at: DateTimeUtc,
    pub(crate) display_name: String,
    pub(crate) override_reason: Option<String>,
    /// A JSON array of sentences.
    pub(crate) override_unmet: Option<String>,
    pub(crate) overridden_by: Option<Id>,
    pub(crate) overridden_at: Option<DateTimeUtc>,
}

pub(crate) fn to_record(row: AssignmentRow) -> Result<FacilitatorAssignment> {
    let corrupt = StoreError::Corrupt;
    let eligibility_override = match (row.override_reason, row.overridden_at) {
        (Some(reason), Some(at)) => Some(EligibilityOverride {
            reason,
            by_user_id: row.overridden_by,
            at,
            unmet: serde_json::from_str(row.override_unmet.as_deref().unwrap_or("[]"))
                .map_err(|e| corrupt(e.to_string()))?,
        }),
        _ => None,
    };
    Ok(FacilitatorAssignment {
        eligibility_override,
        id: row.id,
        group_id: row.group_id,
        display_name: row.display_name,
        spec: AssignmentSpec {
            person_id: row.person_id,
            role: parse_stored(&row.role)?,
            program_role: row
                .program_role
                .map(Key::parse)
                .transpose()
                .map_err(corrupt)?,
            lived_experience_note: row
                .lived_experience_note
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            override_reason: None,
        },
        created_at: row.created_at,
    })
}

pub(crate) async fn list_group_facilitators(
    conn: &impl ConnectionTrait,
    org: Id,
    group_id: Id,
) -> Result<Vec<FacilitatorAssignment>> {
    use facilitator_assignment::Column as F;
    facilitator_assignment::Entity::find()
        .select_only()
        .columns([
            F::Id,
            F::GroupId,
            F::PersonId,
            F::Role,
            F::ProgramRole,
            F::LivedExperienceNote,
            F::CreatedAt,
            F::OverrideReason,
            F::OverrideUnmet,
            F::OverriddenBy,
            F::OverriddenAt,
        ])
        .column(person::Column::DisplayName)
        .join(
            JoinType::InnerJoin,
            facilitator_assignment::Entity::belongs_to(person::Entity)
                .from(F::PersonId)
                .to(person::Column::Id)
                .into(),
        )
        .filter(F::OrgId.eq(org))
        .filter(F::GroupId.eq(group_id))
        .order_by_asc(F::Id)
        .into_model::<AssignmentRow>()
        .all(conn)
        .await?
        .into_iter()
        .map(to_record)
        .collect()
}

/// What an assignment of someone who does not meet the role's requirements (`checked`
/// lists what is missing) gets under the organization's policy: refused, listing what is
/// missing, or kept with the coordinator's reason. Returns the reason and the list to keep.
fn decide_override(
    policy: TrainingPolicy,
    checked: std::result::Result<(), Vec<String>>,
    reason: Option<&Text>,
) -> Result<Option<(String, String)>> {
    let missing = match checked {
        Ok(()) => {
            return match reason {
                Some(_) => Err(StoreError::invalid(
                    "override_reason",
                    "this person meets the role's requirements; there is nothing to override",
                )),
                None => Ok(None),
            };
        }
        Err(missing) => missing,
    };
    let mut errors = ValidationErrors::new();
    for m in &missing {
        errors.add("person_id", m.clone());
    }
    match (policy, reason) {
        (TrainingPolicy::Override, Some(reason)) => {
            let unmet = serde_json::to_string(&missing).unwrap_or_default();
            return Ok(Some((reason.to_string(), unmet)));
        }
        (TrainingPolicy::Override, None) => errors.add(
            "override_reason",
            "give a reason to assign someone who does not meet the role's requirements",
        ),
        (TrainingPolicy::Block, Some(_)) => errors.add(
            "override_reason",
            "this organization's policy does not allow overrides",
        ),
        (TrainingPolicy::Block, None) => {}
    }
    Err(errors.into())
}

impl Store {
    pub async fn assign_facilitator(
        &self,
        org: Id,
        group_id: Id,
        spec: &AssignmentSpec,
        by_user: Option<Id>,
    ) -> Result<FacilitatorAssignment> {
        let txn = self.writer().begin().await?;
        let group = find_group_for_update(&txn, org, group_id).await?;
        let person = find_person(&txn, org, spec.person_id)
            .await?
            .ok_or_else(|| {
                StoreError::invalid("person_id", "no such person in this organization")
            })?;
        let program = program_spec(&txn, org, group.program_id).await?;
        spec.validate(&program)?;
        let participant = enrollment::Entity::find()
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::GroupId.eq(group_id))
            .filter(enrollment::Column::PersonId.eq(spec.person_id))
            .filter(enrollment::Column::Status.ne(EnrollmentStatus::Withdrawn.as_str()))
            .count(&txn)
            .await?;
        if participant > 0 {
            return Err(StoreError::Conflict(
                "this person is a participant of this group; a person can facilitate only other groups".into(),
            ));
        }
        let now = self.now();
        let upcoming: Vec<Slot> = session::Entity::find()
            .filter(session::Column::OrgId.eq(org))
            .filter(session::Column::GroupId.eq(group_id))
            .filter(session::Column::Status.ne(SessionStatus::Cancelled.as_str()))
            .filter(session::Column::EndsAt.gt(now))
            .all(&txn)
            .await?
            .into_iter()
            .map(|m| Slot {
                starts_at: m.starts_at,
                ends_at: m.ends_at,
            })
            .collect();
        refuse_facilitator_clash(&txn, org, group_id, &[spec.person_id], &upcoming).await?;
        let facts = TrainingFacts::load(&txn, org, &[group.program_id], &[spec.person_id]).await?;
        let checked = facts.check(
            group.program_id,
            &program,
            spec.person_id,
            spec.role,
            spec.program_role.as_ref(),
            check_day(&group, now)?,
        );
        let overridden = decide_override(
            training_policy(&txn, org).await?,
            checked.map_err(|short| facts.describe(&short)),
            spec.override_reason.as_ref(),
        )?;
        let created = facilitator_assignment::ActiveModel {
            override_reason: Set(overridden.as_ref().map(|(reason, _)| reason.clone())),
            override_unmet: Set(overridden.as_ref().map(|(_, unmet)| unmet.clone())),
            overridden_by: Set(overridden.as_ref().and(by_user)),
            overridden_at: Set(overridden.as_ref().map(|_| now)),
            org_id: Set(org),
            group_id: Set(group_id),
            person_id: Set(spec.person_id),
            role: Set(spec.role.as_str().to_string()),
            program_role: Set(spec.program_role.as_ref().map(|k| k.to_string())),
            lived_experience_note: Set(spec.lived_experience_note.as_ref().map(|t| t.to_string())),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => {
                StoreError::Conflict("this person is already a facilitator of this group".into())
            }
            other => other,
        })?;
        txn.commit().await?;
        to_record(AssignmentRow {
            id: created.id,
            group_id: created.group_id,
            person_id: created.person_id,
            role: created.role,
            program_role: created.program_role,
            lived_experience_note: created.lived_experience_note,
            created_at: created.created_at,
            display_name: person.display_name,
            override_reason: created.override_reason,
            override_unmet: created.override_unmet,
            overridden_by: created.overridden_by,
            overridden_at: created.overridden_at,
        })
    }

    pub async fn list_facilitators(
        &self,
        org: Id,
        group_id: Id,
    ) -> Result<Vec<FacilitatorAssignment>> {
        list_group_facilitators(&self.reader(), org, group_id).await
    }

    pub async fn remove_facilitator(&self, org: Id, group_id: Id, id: Id) -> Result<()> {
        let deleted = facilitator_assignment::Entity::delete_many()
            .filter(facilitator_assignment::Column::OrgId.eq(org))
            .filter(facilitator_assignment::Column::GroupId.eq(group_id))
            .filter(facilitator_assignment::Column::Id.eq(id))
            .exec(&self.writer())
            .await?;
        if deleted.rows_affected == 0 {
            return Err(StoreError::NotFound("facilitator assignment"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(r: Result<Option<(String, String)>>) -> Vec<String> {
        match r {
            Err(StoreError::Invalid(e)) => e.errors().iter().map(|e| e.field.clone()).collect(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn an_override_needs_the_policy_a_reason_and_something_to_override() {
        let reason = Text::parse("Certificate on its way").unwrap();
        let missing = || Err(vec!["peer_leader: 0 of 20 training hours".to_string()]);
        use TrainingPolicy::{Block, Override};
        assert_eq!(decide_override(Block, Ok(()), None).unwrap(), None);
        assert_eq!(decide_override(Override, Ok(()), None).unwrap(), None);
        assert_eq!(
            fields(decide_override(Block, missing(), None)),
            ["person_id"]
        );
        assert_eq!(
            fields(decide_override(Block, missing(), Some(&reason))),
            ["person_id", "override_reason"]
        );
        assert_eq!(
            fields(decide_override(Override, missing(), None)),
            ["person_id", "override_reason"]
        );
        assert_eq!(
            fields(decide_override(Override, Ok(()), Some(&reason))),
            ["override_reason"],
            "nothing to override"
        );
        let (kept, unmet) = decide_override(Override, missing(), Some(&reason))
            .unwrap()
            .unwrap();
        assert_eq!(kept, "Certificate on its way");
        assert_eq!(unmet, r#"["peer_leader: 0 of 20 training hours"]"#);
    }
}
