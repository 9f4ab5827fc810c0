//! The program card: the scoping review's Table 1 (who, where, how often, led by whom,
//! with what supports) and Table 2 (dose, retention and outcomes) filled from a program's
//! live data, for funders. A card leaves the organization, so every count from 1 to 4 is
//! suppressed, with every figure drawn from it.

use crate::figures::{Figures, RetentionPoint};
use crate::outcomes::Timepoint;
use crate::paired::PairedChange;
use crate::program::{
    FollowUpPolicy, GroupSize, Phase, ProgramRole, ScheduledContact, SupportOffer,
    TrainingRequirement,
};
use serde::Serialize;
use utoipa::ToSchema;

/// The smallest count a card shows; 1 to 4 are suppressed (0 is shown).
pub const MIN_CELL: u32 = 5;

/// A count as it may leave the organization.
pub fn cell(n: u32) -> Option<u32> {
    (n == 0 || n >= MIN_CELL).then_some(n)
}

/// A share, shown only when both its counts may be.
fn shown_share(n: u32, of: u32) -> Option<f64> {
    match (cell(n), cell(of)) {
        (Some(n), Some(of)) if of > 0 => Some(f64::from(n) / f64::from(of)),
        _ => None,
    }
}

/// Table 1: the design as the program's groups run it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Design {
    pub target_population: Option<String>,
    pub condition: Option<String>,
    /// Where the groups meet (venue names), each once.
    pub setting: Vec<String>,
    /// The languages the groups meet in, each once.
    pub languages: Vec<String>,
    pub phases: Vec<Phase>,
    pub total_sessions: u32,
    pub group_size: GroupSize,
    pub facilitator_roles: Vec<ProgramRole>,
    pub training: Vec<TrainingRequirement>,
    pub supports_offered: Vec<SupportOffer>,
    pub follow_up: FollowUpPolicy,
    pub scheduled_contacts: Vec<ScheduledContact>,
}

/// Retention at the n-th held session of each group, pooled over the groups that held
/// that many.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PooledRetention {
    pub held_session: u32,
    /// Participants of the groups that held this many sessions; `null` from 1 to 4.
    pub participants: Option<u32>,
    /// The share of them who came to this session or a later one; `null` when either
    /// count is from 1 to 4.
    pub share: Option<f64>,
}

/// One outcome between two timepoints, over the program's consenting participants.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OutcomeResult {
    pub instrument: String,
    pub title: String,
    pub from: Timepoint,
    pub to: Timepoint,
    /// Pairs; `null` from 1 to 4, and then every figure below is `null` too.
    pub n: Option<u32>,
    /// Assessed at `from` and not (yet) at `to`.
    pub lost: Option<u32>,
    /// `null` when `n` is.
    pub change: Option<PairedChange>,
    /// Each pair (before, after), for the paired plot; only when `n` is shown.
    #[serde(skip)]
    pub pairs: Vec<(f64, f64)>,
}

/// Table 2: what the groups delivered and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Results {
    pub groups: u32,
    /// Every count is `null` from 1 to 4.
    pub participants: Option<u32>,
    pub sessions_held: u32,
    pub attendance_rate: Option<f64>,
    /// Sessions attended per participant, on average; `null` for fewer than 5.
    pub mean_dose: Option<f64>,
    pub completed: Option<u32>,
    pub completion_rate: Option<f64>,
    pub retention: Vec<PooledRetention>,
    pub outcomes: Vec<OutcomeResult>,
}

/// A program's card: the review's two tables for it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ProgramCard {
    pub program_id: crate::Id,
    pub name: String,
    /// The reviewed design it was copied from, and the study.
    pub template_key: Option<String>,
    pub citation: Option<String>,
    pub design: Design,
    pub results: Results,
    /// How small counts are kept in.
    pub suppression: String,
}

/// What every card says about suppression.
pub const SUPPRESSION: &str = "Counts from 1 to 4 are null, with every figure drawn from them. Outcomes count only participants who agreed to research use.";

/// Pools each group's retention curve (with its number of participants) by the position
/// of the held session, since groups of one program start on different dates.
pub fn pool_retention(groups: &[(u32, Vec<RetentionPoint>)]) -> Vec<PooledRetention> {
    let longest = groups.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    (0..longest)
        .map(|k| {
            let (mut participants, mut still) = (0, 0);
            for (n, points) in groups {
                if let Some(p) = points.get(k) {
                    participants += n;
                    still += p.still_attending;
                }
            }
            PooledRetention {
                held_session: k as u32 + 1,
                participants: cell(participants),
                share: shown_share(still, participants),
            }
        })
        .collect()
}

/// Table 2 from the program's figures, the groups' retention and the outcomes, with small
/// counts suppressed.
pub fn results(
    figures: &Figures,
    retention: Vec<PooledRetention>,
    outcomes: Vec<OutcomeResult>,
) -> Results {
    let enough = cell(figures.participants).is_some_and(|n| n > 0);
    Results {
        groups: figures.groups,
        participants: cell(figures.participants),
        sessions_held: figures.sessions_held,
        attendance_rate: figures.attendance_rate.filter(|_| enough),
        mean_dose: figures.mean_dose.filter(|_| enough),
        completed: cell(figures.completed).filter(|_| enough),
        completion_rate: shown_share(figures.completed, figures.participants),
        retention,
        outcomes,
    }
}

/// An outcome row, suppressed below 5 pairs.
pub fn outcome(
    instrument: &str,
    title: &str,
    (from, to): (Timepoint, Timepoint),
    change: Option<PairedChange>,
    lost: usize,
    pairs: Vec<(f64, f64)>,
) -> OutcomeResult {
    let n = change.as_ref().map_or(0, |c| c.n as u32);
    let shown = n >= MIN_CELL;
    OutcomeResult {
        instrument: instrument.to_string(),
        title: title.to_string(),
        from,
        to,
        n: cell(n),
        lost: cell(lost as u32),
        change: change.filter(|_| shown),
        pairs: if shown { pairs } else { vec![] },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instruments::Direction;
    use crate::paired::paired_change;
    use proptest::prelude::*;

    fn curve(still: &[u32]) -> Vec<RetentionPoint> {
        still
            .iter()
            .enumerate()
            .map(|(i, &s)| RetentionPoint {
                session_number: i as u32 + 1,
                still_attending: s,
                share: 0.0,
            })
            .collect()
    }

    #[test]
    fn retention_pools_by_held_session_over_the_groups_that_held_it() {
        let pooled = pool_retention(&[(10, curve(&[10, 9, 8])), (6, curve(&[6, 5]))]);
        let shares: Vec<Option<f64>> = pooled.iter().map(|p| p.share).collect();
        assert_eq!(shares, [Some(1.0), Some(14.0 / 16.0), Some(0.8)]);
        assert_eq!(pooled[2].participants, Some(10));
        // A group of 4 alone is suppressed, and so is a point where 1 to 4 still came.
        let small = pool_retention(&[(4, curve(&[4])), (12, curve(&[12, 3]))]);
        assert_eq!(small[0].share, Some(1.0), "16 of 16");
        assert_eq!(small[1].share, None, "3 of 12");
        assert_eq!(pool_retention(&[(4, curve(&[4]))])[0].participants, None);
    }

    #[test]
    fn an_outcome_under_five_pairs_shows_nothing_but_that() {
        let pairs: Vec<(f64, f64)> = vec![(10.0, 8.0), (12.0, 9.0), (9.0, 9.5), (14.0, 10.0)];
        let four = outcome(
            "phq-9",
            "PHQ-9",
            (Timepoint::Baseline, Timepoint::Post),
            paired_change(&pairs, Direction::LowerIsBetter, Some(5.0)),
            2,
            pairs.clone(),
        );
        assert_eq!((four.n, four.lost, &four.change), (None, None, &None));
        assert!(four.pairs.is_empty());
        let mut five_pairs = pairs.clone();
        five_pairs.push((11.0, 7.0));
        let five = outcome(
            "phq-9",
            "PHQ-9",
            (Timepoint::Baseline, Timepoint::Post),
            paired_change(&five_pairs, Direction::LowerIsBetter, Some(5.0)),
            0,
            five_pairs.clone(),
        );
        assert_eq!((five.n, five.lost), (Some(5), Some(0)));
        assert_eq!(five.change.unwrap().n, 5);
        assert_eq!(five.pairs.len(), 5);
    }

    proptest! {
        /// No count a card shows is from 1 to 4, and no share is drawn from such a count.
        #[test]
        fn no_small_count_leaves(groups in prop::collection::vec((0u32..20, prop::collection::vec(0u32..20, 0..6)), 0..5)) {
            let groups: Vec<(u32, Vec<RetentionPoint>)> = groups
                .into_iter()
                .map(|(n, still)| {
                    let still: Vec<u32> = still.into_iter().map(|s| s.min(n)).collect();
                    (n, curve(&still))
                })
                .collect();
            for p in pool_retention(&groups) {
                if let Some(n) = p.participants {
                    prop_assert!(n == 0 || n >= MIN_CELL);
                }
                if let Some(share) = p.share {
                    let n = p.participants.unwrap();
                    let still = (share * f64::from(n)).round() as u32;
                    prop_assert!(still == 0 || still >= MIN_CELL);
                }
            }
        }
    }
}
