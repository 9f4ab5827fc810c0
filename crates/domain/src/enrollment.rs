//! Enrolment of a participant in a closed group, and the waitlist in front of it.

use crate::group::GroupStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    EnrollmentStatus {
        Waitlisted => "waitlisted",
        Enrolled => "enrolled",
        Withdrawn => "withdrawn",
        Completed => "completed",
    }
);

string_enum!(
    /// Why a participant left a group: a choice, not the coordinator's words, which could
    /// hold a health or family story that no feature needs (less data, issue 23).
    WithdrawalReason {
        Moved => "moved",
        Work => "work",
        Illness => "illness",
        Childcare => "childcare",
        Transport => "transport",
        Family => "family",
        Language => "language",
        NotHelpful => "not_helpful",
        Other => "other",
    }
);

impl EnrollmentStatus {
    /// Whether the enrolment holds one of the group's places.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Enrolled | EnrollmentStatus::Completed
        )
    }
}

/// Why a person could not join a group.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdmissionRefused {
    #[error(
        "the group has started; a closed group takes no new participants after its first session"
    )]
    Started,
    #[error("the group was cancelled")]
    Cancelled,
}

/// Where a new participant goes: a place while there is one, the waitlist once the group is
/// full, and nowhere once the closed group has started.
pub fn admit(
    group: GroupStatus,
    places_taken: u32,
    capacity: u16,
) -> Result<EnrollmentStatus, AdmissionRefused> {
    match group {
        GroupStatus::Cancelled => Err(AdmissionRefused::Cancelled),
        s if s.has_started() => Err(AdmissionRefused::Started),
        _ if places_taken < u32::from(capacity) => Ok(EnrollmentStatus::Enrolled),
        _ => Ok(EnrollmentStatus::Waitlisted),
    }
}

/// How many people at the head of the waitlist can move into places now.
pub fn promotable(group: GroupStatus, places_taken: u32, capacity: u16, waiting: u32) -> u32 {
    if group.has_started() || group == GroupStatus::Cancelled {
        return 0;
    }
    u32::from(capacity)
        .saturating_sub(places_taken)
        .min(waiting)
}

/// What a coordinator can do to an enrolment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EnrollmentAction {
    Withdraw,
    Complete,
}

pub fn apply(
    current: EnrollmentStatus,
    action: EnrollmentAction,
    group: GroupStatus,
) -> Result<EnrollmentStatus, String> {
    use EnrollmentStatus::*;
    match (action, current) {
        (EnrollmentAction::Withdraw, Waitlisted | Enrolled) => Ok(Withdrawn),
        (EnrollmentAction::Complete, Enrolled) if group.has_started() => Ok(Completed),
        (EnrollmentAction::Complete, Enrolled) => {
            Err("a participant can complete only a group that has started".into())
        }
        (_, status) => Err(format!("a {status} enrolment cannot be changed this way")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn places_then_waitlist_then_closed() {
        assert_eq!(
            admit(GroupStatus::Planned, 0, 2),
            Ok(EnrollmentStatus::Enrolled)
        );
        assert_eq!(
            admit(GroupStatus::Enrolling, 2, 2),
            Ok(EnrollmentStatus::Waitlisted)
        );
        assert_eq!(
            admit(GroupStatus::Running, 0, 2),
            Err(AdmissionRefused::Started)
        );
        assert_eq!(
            admit(GroupStatus::Cancelled, 0, 2),
            Err(AdmissionRefused::Cancelled)
        );
    }

    #[test]
    fn withdrawing_and_completing_follow_the_group() {
        use EnrollmentStatus::*;
        assert_eq!(
            apply(Enrolled, EnrollmentAction::Withdraw, GroupStatus::Running),
            Ok(Withdrawn)
        );
        assert!(apply(Withdrawn, EnrollmentAction::Withdraw, GroupStatus::Running).is_err());
        assert!(apply(Enrolled, EnrollmentAction::Complete, GroupStatus::Enrolling).is_err());
        assert_eq!(
            apply(Enrolled, EnrollmentAction::Complete, GroupStatus::Completed),
            Ok(Completed)
        );
        assert!(apply(Waitlisted, EnrollmentAction::Complete, GroupStatus::Running).is_err());
    }

    proptest! {
        #[test]
        fn admitting_one_by_one_never_overfills(capacity in 1u16..50, arrivals in 0u32..120) {
            let mut taken = 0u32;
            let mut waiting = 0u32;
            for _ in 0..arrivals {
                match admit(GroupStatus::Enrolling, taken, capacity).unwrap() {
                    EnrollmentStatus::Enrolled => taken += 1,
                    EnrollmentStatus::Waitlisted => waiting += 1,
                    other => prop_assert!(false, "unexpected {other}"),
                }
            }
            prop_assert!(taken <= u32::from(capacity));
            prop_assert_eq!(taken + waiting, arrivals);
            prop_assert_eq!(waiting, arrivals.saturating_sub(u32::from(capacity)));
        }

        #[test]
        fn promotion_fills_free_places_only_before_the_start(
            capacity in 1u16..50, taken in 0u32..60, waiting in 0u32..60, started in any::<bool>()
        ) {
            let status = if started { GroupStatus::Running } else { GroupStatus::Enrolling };
            let n = promotable(status, taken, capacity, waiting);
            prop_assert!(n <= waiting);
            prop_assert!(taken + n <= u32::from(capacity).max(taken));
            if started { prop_assert_eq!(n, 0); }
        }
    }
}
