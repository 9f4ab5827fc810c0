//! Who could lead a group, and how each stands against every role of its program: what
//! the group page shows before a coordinator assigns anyone. Read only; assigning checks
//! again inside its own transaction (`peergroup_app::facilitators::assign`).

use crate::entities::{facilitator_profile, person, user};
use crate::training::TrainingFacts;
use crate::{Result, Store};
use peergroup_domain::Id;
use peergroup_domain::program::{FacilitatorKind, ProgramSpec};
use peergroup_domain::records::Group;
use peergroup_domain::values::Key;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{Condition, QueryOrder, QuerySelect};
use std::collections::BTreeSet;

/// People the list names at most.
const CANDIDATES_SHOWN: u64 = 200;

/// How one person stands for one role of the program.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleStanding {
    pub role: Key,
    pub kind: FacilitatorKind,
    pub title: String,
    /// One sentence per thing missing on the group's first day (or today, once it runs);
    /// empty when the person meets the role's requirements.
    pub unmet: Vec<String>,
}

/// A person who could facilitate the group.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub person_id: Id,
    pub name: String,
    pub roles: Vec<RoleStanding>,
}

impl Store {
    /// The organization's staff who could lead the group (people with a facilitator
    /// profile or a user account, matched by email), except `taken` (its participants and
    /// those already assigned), by name, each with how they stand for every role of
    /// `program` on the group's first day (or today, once it has started).
    pub async fn eligibility(
        &self,
        org: Id,
        group: &Group,
        program: &ProgramSpec,
        taken: &BTreeSet<Id>,
    ) -> Result<Vec<Candidate>> {
        let db = self.reader();
        let profiled = Query::select()
            .column(facilitator_profile::Column::PersonId)
            .from(facilitator_profile::Entity)
            .and_where(facilitator_profile::Column::OrgId.eq(org))
            .to_owned();
        let accounts = Query::select()
            .expr(Func::lower(Expr::col(user::Column::Email)))
            .from(user::Entity)
            .and_where(user::Column::OrgId.eq(org))
            .to_owned();
        let mut staff = person::Entity::find()
            .filter(person::Column::OrgId.eq(org))
            .filter(
                Condition::any()
                    .add(Expr::col(person::Column::Id).in_subquery(profiled))
                    .add(
                        Expr::expr(Func::lower(Expr::col(person::Column::Email)))
                            .in_subquery(accounts),
                    ),
            )
            .order_by_asc(person::Column::DisplayName)
            .order_by_asc(person::Column::Id)
            .limit(CANDIDATES_SHOWN)
            .all(&db)
            .await?;
        staff.retain(|p| !taken.contains(&p.id));
        let ids: Vec<Id> = staff.iter().map(|p| p.id).collect();
        let program_id = group.spec.program_id;
        let facts = TrainingFacts::load(&db, org, &[program_id], &ids).await?;
        let today = self
            .now()
            .with_timezone(&group.spec.timezone.tz())
            .date_naive();
        let day = Ord::max(group.spec.start_date, today);
        Ok(staff
            .into_iter()
            .map(|p| Candidate {
                person_id: p.id,
                name: p.display_name,
                roles: program
                    .facilitator_roles
                    .iter()
                    .map(|r| RoleStanding {
                        role: r.key.clone(),
                        kind: r.kind,
                        title: r.title.to_string(),
                        unmet: facts
                            .check(program_id, program, p.id, r.kind, Some(&r.key), day)
                            .err()
                            .map(|short| facts.describe(&short))
                            .unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect())
    }
}
