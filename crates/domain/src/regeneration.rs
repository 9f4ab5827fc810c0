//! How a group's stored sessions follow its plan when the schedule is laid out again
//! (after a change to the program, the group or the calendar). Only the future moves: a
//! held session, one that has started, a cancelled one and one a coordinator changed by
//! hand stay as they are. Future sessions are matched to the plan by number: updated in
//! place when their slot changed, cancelled (never deleted) when the plan no longer has
//! them. A session of the plan whose time has passed is created only when asked.

use crate::Id;
use crate::attendance::{AssignedFacilitator, FacilitationCheck};
use crate::program::ProgramSpec;
use crate::records::SessionStatus;
use crate::schedule::PlannedSession;
use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};

/// A stored session of the plan (extra sessions are not the plan's), as regeneration
/// sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub id: Id,
    pub status: SessionStatus,
    /// Changed by a coordinator: regeneration leaves it alone.
    pub manual: bool,
    pub sequence: i32,
    /// Where and when it meets now, with its number in the series.
    pub slot: PlannedSession,
}

/// What laying out the plan again changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regeneration<'a> {
    /// Held, started, cancelled or changed by hand: left as they are.
    pub kept: u32,
    pub unchanged: u32,
    /// Sessions moved to their new slot, each with its sequence bumped.
    pub updates: Vec<(Id, i32, &'a PlannedSession)>,
    pub creates: Vec<&'a PlannedSession>,
    /// Numbers of the plan's sessions that fall before now and are not created.
    pub skipped: Vec<u32>,
    /// Future sessions the plan no longer has, each with its sequence bumped.
    pub cancels: Vec<(Id, i32)>,
}

impl Regeneration<'_> {
    /// The slots that change or appear: what must not double-book a facilitator.
    pub fn changed(&self) -> impl Iterator<Item = &PlannedSession> {
        self.updates
            .iter()
            .map(|(_, _, p)| *p)
            .chain(self.creates.iter().copied())
    }

    /// The warning naming the plan's sessions left out because they fall before now.
    pub fn skipped_warning(&self) -> Option<String> {
        let (first, last) = (self.skipped.first()?, self.skipped.last()?);
        let which = if first == last {
            format!("session {first} falls")
        } else {
            format!("sessions {first} to {last} fall")
        };
        Some(format!(
            "{which} before now and {} not created; generate with include_past=true to add them and log them",
            if self.skipped.len() == 1 {
                "was"
            } else {
                "were"
            }
        ))
    }
}

/// Matches the stored sessions to `plan` at `now`.
pub fn regenerate(
    plan: &[PlannedSession],
    stored: Vec<StoredSession>,
    now: DateTime<Utc>,
    include_past: bool,
) -> Regeneration<'_> {
    let mut out = Regeneration::default();
    let mut by_number: HashMap<u32, StoredSession> = HashMap::new();
    let mut frozen: BTreeSet<u32> = BTreeSet::new();
    for s in stored {
        if s.status != SessionStatus::Scheduled || s.manual || s.slot.starts_at <= now {
            // The past, the logged, and coordinators' changes stay as they are.
            frozen.insert(s.slot.number);
            out.kept += 1;
        } else {
            by_number.insert(s.slot.number, s);
        }
    }
    for p in plan.iter().filter(|p| !frozen.contains(&p.number)) {
        if p.starts_at <= now {
            // A session of the plan that has no row and whose time has passed.
            if by_number.contains_key(&p.number) {
                continue;
            }
            if include_past {
                out.creates.push(p);
            } else {
                out.skipped.push(p.number);
            }
            continue;
        }
        match by_number.remove(&p.number) {
            Some(s) if s.slot == *p => out.unchanged += 1,
            Some(s) => out.updates.push((s.id, s.sequence + 1, p)),
            None => out.creates.push(p),
        }
    }
    let mut gone: Vec<StoredSession> = by_number.into_values().collect();
    gone.sort_by_key(|s| s.slot.number);
    out.cancels = gone.into_iter().map(|s| (s.id, s.sequence + 1)).collect();
    out
}

/// A warning for each phase led by roles nobody assigned to the group fills.
pub fn lead_role_warnings(program: &ProgramSpec, assigned: &[AssignedFacilitator]) -> Vec<String> {
    let assigned: Vec<&AssignedFacilitator> = assigned.iter().collect();
    program
        .phases
        .iter()
        .filter_map(|phase| {
            let check = FacilitationCheck::of(program, phase, &assigned);
            (!check.missing.is_empty()).then(|| {
                format!(
                    "phase `{}` is led by roles not yet assigned: {}",
                    phase.name,
                    check.missing.join(", ")
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveTime, TimeZone};
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap()
    }

    /// Session `number` of a plan, `days` from now (negative: in the past).
    fn planned(number: u32, days: i64, minutes: u16) -> PlannedSession {
        let starts_at = now() + Duration::days(days) + Duration::hours(1);
        PlannedSession {
            number,
            phase: 0,
            number_in_phase: number,
            plan: None,
            local_date: starts_at.date_naive(),
            local_time: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            starts_at,
            minutes,
        }
    }

    fn stored(id: Id, slot: PlannedSession, status: SessionStatus, manual: bool) -> StoredSession {
        StoredSession {
            id,
            status,
            manual,
            sequence: 0,
            slot,
        }
    }

    /// The stored sessions after writing `r`, as the store does.
    fn apply(before: &[StoredSession], r: &Regeneration) -> Vec<StoredSession> {
        let mut after: Vec<StoredSession> = before.to_vec();
        for s in &mut after {
            if let Some((_, sequence, p)) = r.updates.iter().find(|(id, _, _)| *id == s.id) {
                s.slot = (*p).clone();
                s.sequence = *sequence;
            }
            if let Some((_, sequence)) = r.cancels.iter().find(|(id, _)| *id == s.id) {
                s.status = SessionStatus::Cancelled;
                s.sequence = *sequence;
            }
        }
        let next = after.iter().map(|s| s.id).max().unwrap_or(0);
        for (i, p) in r.creates.iter().enumerate() {
            after.push(stored(
                next + 1 + i as Id,
                (*p).clone(),
                SessionStatus::Scheduled,
                false,
            ));
        }
        after
    }

    #[test]
    fn a_moved_future_session_is_updated_and_a_dropped_one_cancelled() {
        let plan = vec![planned(1, 2, 90), planned(2, 9, 120)];
        let before = vec![
            stored(10, planned(1, 2, 90), SessionStatus::Scheduled, false),
            stored(11, planned(2, 9, 90), SessionStatus::Scheduled, false),
            stored(12, planned(3, 16, 90), SessionStatus::Scheduled, false),
        ];
        let r = regenerate(&plan, before, now(), false);
        assert_eq!(r.unchanged, 1);
        assert_eq!(r.updates, vec![(11, 1, &plan[1])]);
        assert_eq!(r.cancels, vec![(12, 1)]);
        assert!(r.creates.is_empty());
    }

    #[test]
    fn the_past_is_created_only_when_asked_and_named_otherwise() {
        let plan = vec![planned(1, -14, 90), planned(2, -7, 90), planned(3, 7, 90)];
        let r = regenerate(&plan, Vec::new(), now(), false);
        assert_eq!(r.skipped, vec![1, 2]);
        assert_eq!(r.creates, vec![&plan[2]]);
        assert_eq!(
            r.skipped_warning().unwrap(),
            "sessions 1 to 2 fall before now and were not created; generate with include_past=true to add them and log them"
        );
        let r = regenerate(&plan, Vec::new(), now(), true);
        assert!(r.skipped.is_empty() && r.skipped_warning().is_none());
        assert_eq!(r.creates.len(), 3);
    }

    #[test]
    fn held_cancelled_started_and_hand_changed_sessions_are_kept() {
        let plan: Vec<PlannedSession> = (1..=4).map(|n| planned(n, 7 * i64::from(n), 60)).collect();
        let before = vec![
            stored(1, planned(1, 1, 90), SessionStatus::Held, false),
            stored(2, planned(2, 3, 90), SessionStatus::Cancelled, false),
            stored(3, planned(3, -1, 90), SessionStatus::Scheduled, false),
            stored(4, planned(4, 5, 90), SessionStatus::Scheduled, true),
        ];
        let r = regenerate(&plan, before, now(), true);
        assert_eq!(r.kept, 4);
        assert!(r.updates.is_empty() && r.creates.is_empty() && r.cancels.is_empty());
    }

    fn any_status() -> impl Strategy<Value = SessionStatus> {
        prop_oneof![
            3 => Just(SessionStatus::Scheduled),
            1 => Just(SessionStatus::Held),
            1 => Just(SessionStatus::Cancelled),
        ]
    }

    prop_compose! {
        /// A plan of up to 24 sessions around now, and stored sessions for some of its
        /// numbers and for numbers it no longer has, some moved, held, cancelled or
        /// changed by hand.
        fn any_case()(
            days in proptest::collection::vec(-30i64..60, 0..24),
            rows in proptest::collection::vec(
                (1u32..30, -30i64..60, prop_oneof![Just(60u16), Just(90)], any_status(), any::<bool>()),
                0..24,
            ),
        ) -> (Vec<PlannedSession>, Vec<StoredSession>) {
            let plan: Vec<PlannedSession> = days
                .iter()
                .enumerate()
                .map(|(i, d)| planned(i as u32 + 1, *d, 90))
                .collect();
            let mut seen = BTreeSet::new();
            let stored: Vec<StoredSession> = rows
                .into_iter()
                .filter(|(n, ..)| seen.insert(*n))
                .enumerate()
                .map(|(i, (n, d, minutes, status, manual))| {
                    stored(i as Id + 1, planned(n, d, minutes), status, manual)
                })
                .collect();
            (plan, stored)
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn every_stored_session_is_accounted_for_once_and_only_the_future_moves(
            (plan, before) in any_case(),
            include_past in any::<bool>(),
        ) {
            let r = regenerate(&plan, before.clone(), now(), include_past);
            let touched: Vec<Id> = r.updates.iter().map(|(id, ..)| *id)
                .chain(r.cancels.iter().map(|(id, _)| *id))
                .collect();
            prop_assert_eq!(
                r.kept as usize + r.unchanged as usize + touched.len(),
                before.len()
            );
            for id in touched {
                let s = before.iter().find(|s| s.id == id).unwrap();
                prop_assert!(s.status == SessionStatus::Scheduled && !s.manual);
                prop_assert!(s.slot.starts_at > now());
            }
            for (_, _, p) in &r.updates {
                prop_assert!(p.starts_at > now());
            }
            for p in &r.creates {
                prop_assert!(include_past || p.starts_at > now());
            }
            let numbers: BTreeSet<u32> = before.iter().map(|s| s.slot.number).collect();
            for p in &r.creates {
                prop_assert!(!numbers.contains(&p.number), "session {} exists", p.number);
            }
        }

        #[test]
        fn laying_out_the_same_plan_again_changes_nothing(
            (plan, before) in any_case(),
            include_past in any::<bool>(),
        ) {
            let first = regenerate(&plan, before.clone(), now(), include_past);
            let after = apply(&before, &first);
            let again = regenerate(&plan, after, now(), include_past);
            prop_assert!(again.updates.is_empty());
            prop_assert!(again.creates.is_empty());
            prop_assert!(again.cancels.is_empty());
            prop_assert_eq!(again.skipped, first.skipped);
        }
    }
}
