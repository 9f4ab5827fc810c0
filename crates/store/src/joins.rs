//! Join conditions for queries built with sea-query: every table carries `org_id`, and a
//! join always stays within one organization.

use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, IntoIden};

/// `a.a_col = b.b_col AND a.org_id = b.org_id`.
pub(crate) fn within_org<A, B>(a: A, a_col: impl IntoIden, b: B, b_col: impl IntoIden) -> Condition
where
    A: IntoIden + Clone,
    B: IntoIden + Clone,
{
    let org = || Alias::new("org_id");
    Condition::all()
        .add(Expr::col((a.clone(), a_col)).equals((b.clone(), b_col)))
        .add(Expr::col((a, org())).equals((b, org())))
}

/// An enrolment's person: `people` joined to `enrollments`.
pub(crate) fn enrolled_person() -> Condition {
    use crate::entities::{enrollment, person};
    within_org(
        person::Entity,
        person::Column::Id,
        enrollment::Entity,
        enrollment::Column::PersonId,
    )
}
