//! Attendance and retention figures for a group (or several groups of one program): what a
//! coordinator reports to funders. Pure arithmetic over sessions, marks and logs.

use crate::Id;
use crate::attendance::{AbsenceReason, AttendanceStatus};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use utoipa::ToSchema;

/// One session of a group as the figures see it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFacts {
    /// Position in the series (1-based; extra sessions count in order too).
    pub number: u32,
    pub held: bool,
    pub cancelled: bool,
    /// For a held session: whether the plan's topic was covered, if the log says.
    pub topic_covered: Option<bool>,
    /// For a held session: whether the facilitators present filled the phase's lead roles.
    pub roles_present: bool,
    /// Marks of the session (held sessions only).
    pub marks: Vec<(Id, AttendanceStatus, Option<AbsenceReason>)>,
}

/// One group's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFacts {
    /// Participants who held a place (enrolled, completed, or withdrawn after starting).
    pub participants: Vec<Id>,
    /// Sessions in schedule order.
    pub sessions: Vec<SessionFacts>,
    pub completion_percent: u8,
}

/// Retention at one session number: the share of participants who still came at or after it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RetentionPoint {
    pub session_number: u32,
    pub still_attending: u32,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AbsenceShare {
    /// `unexcused`, or an excused absence's reason.
    pub reason: String,
    pub count: u32,
    pub share: f64,
}

/// The figures. Rates are shares from 0 to 1; `null` when there is nothing to divide by.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Figures {
    pub groups: u32,
    pub participants: u32,
    /// Sessions of the series that are not cancelled (held or still to come).
    pub sessions_planned: u32,
    pub sessions_held: u32,
    pub sessions_cancelled: u32,
    /// Present or late marks over all marks at held sessions.
    pub attendance_rate: Option<f64>,
    /// Sessions attended per participant, in participant order (the dose).
    pub dose: Vec<u32>,
    pub mean_dose: Option<f64>,
    /// Participants who attended at least the program's completion share of the planned
    /// sessions.
    pub completed: u32,
    pub completion_rate: Option<f64>,
    /// By held session number (one group only; empty across groups).
    pub retention: Vec<RetentionPoint>,
    pub absences: Vec<AbsenceShare>,
    /// Held sessions whose log says the topic was covered, over held sessions with an answer.
    pub topics_covered_rate: Option<f64>,
    /// Held sessions with the phase's lead roles present, over held sessions.
    pub required_roles_rate: Option<f64>,
}

fn share(n: u32, of: u32) -> Option<f64> {
    (of > 0).then(|| f64::from(n) / f64::from(of))
}

fn attended(status: AttendanceStatus) -> bool {
    matches!(status, AttendanceStatus::Present | AttendanceStatus::Late)
}

/// Figures over one or more groups, without retention: session numbers of different groups
/// do not line up. [`group_figures`] adds it for one group.
pub fn figures(groups: &[GroupFacts]) -> Figures {
    let mut dose = Vec::new();
    let (mut planned, mut held, mut cancelled) = (0, 0, 0);
    let (mut marks, mut came) = (0, 0);
    let mut completed = 0;
    let mut absences: BTreeMap<String, u32> = BTreeMap::new();
    let (mut covered, mut answered, mut with_roles) = (0, 0, 0);
    for g in groups {
        let group_planned = g.sessions.iter().filter(|s| !s.cancelled).count() as u32;
        planned += group_planned;
        for s in &g.sessions {
            held += u32::from(s.held);
            cancelled += u32::from(s.cancelled);
            if !s.held {
                continue;
            }
            with_roles += u32::from(s.roles_present);
            if let Some(c) = s.topic_covered {
                answered += 1;
                covered += u32::from(c);
            }
            for (_, status, reason) in &s.marks {
                marks += 1;
                came += u32::from(attended(*status));
                match (status, reason) {
                    (AttendanceStatus::Absent, _) => {
                        *absences.entry("unexcused".into()).or_default() += 1
                    }
                    (AttendanceStatus::Excused, Some(r)) => {
                        *absences.entry(r.as_str().into()).or_default() += 1
                    }
                    _ => {}
                }
            }
        }
        for p in &g.participants {
            let n = g
                .sessions
                .iter()
                .filter(|s| s.held)
                .filter(|s| s.marks.iter().any(|(id, st, _)| id == p && attended(*st)))
                .count() as u32;
            dose.push(n);
            // attended / planned >= percent / 100, in integers.
            if group_planned > 0 && n * 100 >= u32::from(g.completion_percent) * group_planned {
                completed += 1;
            }
        }
    }
    let participants = dose.len() as u32;
    let absent_total: u32 = absences.values().sum();
    Figures {
        groups: groups.len() as u32,
        participants,
        sessions_planned: planned,
        sessions_held: held,
        sessions_cancelled: cancelled,
        attendance_rate: share(came, marks),
        mean_dose: share(dose.iter().sum(), participants),
        dose,
        completed,
        completion_rate: share(completed, participants),
        retention: Vec::new(),
        absences: absences
            .into_iter()
            .map(|(reason, count)| AbsenceShare {
                reason,
                count,
                share: share(count, absent_total).unwrap_or(0.0),
            })
            .collect(),
        topics_covered_rate: share(covered, answered),
        required_roles_rate: share(with_roles, held),
    }
}

/// One group's figures, with its retention curve.
pub fn group_figures(g: &GroupFacts) -> Figures {
    Figures {
        retention: retention(g),
        ..figures(std::slice::from_ref(g))
    }
}

/// For each held session, how many participants attended it or a later one.
fn retention(g: &GroupFacts) -> Vec<RetentionPoint> {
    let held: Vec<&SessionFacts> = g.sessions.iter().filter(|s| s.held).collect();
    let total = g.participants.len() as u32;
    let mut still: BTreeSet<Id> = BTreeSet::new();
    let mut points = Vec::with_capacity(held.len());
    for s in held.iter().rev() {
        for (id, status, _) in &s.marks {
            if attended(*status) && g.participants.contains(id) {
                still.insert(*id);
            }
        }
        points.push(RetentionPoint {
            session_number: s.number,
            still_attending: still.len() as u32,
            share: share(still.len() as u32, total).unwrap_or(0.0),
        });
    }
    points.reverse();
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttendanceStatus::*;
    use proptest::prelude::*;

    fn session(number: u32, marks: &[(Id, AttendanceStatus)]) -> SessionFacts {
        SessionFacts {
            number,
            held: true,
            cancelled: false,
            topic_covered: Some(number != 2),
            roles_present: number != 3,
            marks: marks
                .iter()
                .map(|&(id, s)| (id, s, (s == Excused).then_some(AbsenceReason::Transport)))
                .collect(),
        }
    }

    #[test]
    fn a_small_group_gives_the_figures_by_hand() {
        let mut future = session(5, &[]);
        future.held = false;
        let mut cancelled = session(0, &[]);
        (cancelled.held, cancelled.cancelled) = (false, true);
        let g = GroupFacts {
            participants: vec![1, 2],
            sessions: vec![
                session(1, &[(1, Present), (2, Absent)]),
                session(2, &[(1, Late), (2, Excused)]),
                cancelled,
                session(3, &[(1, Present), (2, Present)]),
                session(4, &[(1, Absent), (2, Absent)]),
                future,
            ],
            completion_percent: 60,
        };
        let f = group_figures(&g);
        assert_eq!(
            (f.sessions_planned, f.sessions_held, f.sessions_cancelled),
            (5, 4, 1)
        );
        assert_eq!(f.attendance_rate, Some(4.0 / 8.0));
        assert_eq!(f.dose, [3, 1]);
        // 3 of 5 planned is 60%: complete; 1 of 5 is not.
        assert_eq!(f.completed, 1);
        assert_eq!(
            f.retention
                .iter()
                .map(|r| r.still_attending)
                .collect::<Vec<_>>(),
            [2, 2, 2, 0]
        );
        assert_eq!(f.absences.len(), 2);
        assert_eq!(
            (f.absences[0].reason.as_str(), f.absences[0].count),
            ("transport", 1)
        );
        assert_eq!(
            (f.absences[1].reason.as_str(), f.absences[1].count),
            ("unexcused", 3)
        );
        assert_eq!(f.topics_covered_rate, Some(3.0 / 4.0));
        assert_eq!(f.required_roles_rate, Some(3.0 / 4.0));
    }

    #[test]
    fn nothing_held_divides_by_nothing() {
        let f = figures(&[]);
        assert_eq!(f.attendance_rate, None);
        assert_eq!(f.completion_rate, None);
        assert!(f.retention.is_empty());
    }

    proptest! {
        /// Shares stay within 0..=1, dose never exceeds the held sessions, and retention
        /// never rises as the series goes on.
        #[test]
        fn figures_are_bounded_and_retention_only_falls(
            grid in prop::collection::vec(
                (any::<bool>(), prop::collection::vec(0..4usize, 4)), 0..20),
            percent in 1u8..=100,
        ) {
            let statuses = [Present, Late, Absent, Excused];
            let sessions: Vec<SessionFacts> = grid
                .iter()
                .enumerate()
                .map(|(i, (held, marks))| {
                    let mut s = session(i as u32 + 1, &marks
                        .iter()
                        .enumerate()
                        .map(|(p, m)| (p as Id, statuses[*m]))
                        .collect::<Vec<_>>());
                    if !held {
                        s.held = false;
                        s.marks.clear();
                    }
                    s
                })
                .collect();
            let held = sessions.iter().filter(|s| s.held).count() as u32;
            let f = group_figures(&GroupFacts { participants: vec![0, 1, 2, 3], sessions, completion_percent: percent });
            for rate in [f.attendance_rate, f.completion_rate, f.topics_covered_rate, f.required_roles_rate].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&rate));
            }
            prop_assert!(f.dose.iter().all(|d| *d <= held));
            prop_assert!(f.retention.windows(2).all(|w| w[0].still_attending >= w[1].still_attending));
            prop_assert_eq!(f.retention.len() as u32, held);
        }
    }
}
