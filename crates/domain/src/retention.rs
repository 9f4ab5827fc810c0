//! Retention: an organization may keep a participant's personal data for a set number of
//! months after the last group they were part of ended, and no longer. A person is due
//! when every group they were in (as participant or facilitator) has ended, the latest
//! of them more than that long ago.

use crate::Id;
use chrono::{DateTime, Months, Utc};
use std::collections::{BTreeMap, HashMap};

/// The people of `links` (person, group) due for erasure at `now` when data is kept
/// `months` after a group ends. `ended` gives each ended group's end; a group not in it
/// has not ended, and keeps everyone linked to it.
pub fn due(
    links: &[(Id, Id)],
    ended: &HashMap<Id, DateTime<Utc>>,
    months: u32,
    now: DateTime<Utc>,
) -> Vec<Id> {
    let Some(cutoff) = now.checked_sub_months(Months::new(months)) else {
        return Vec::new();
    };
    // Each person's latest end, or None once one of their groups has not ended.
    let mut last: BTreeMap<Id, Option<DateTime<Utc>>> = BTreeMap::new();
    for (person, group) in links {
        let end = ended.get(group).copied();
        let entry = last.entry(*person).or_insert(end);
        *entry = match (*entry, end) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
    last.into_iter()
        .filter(|(_, end)| end.is_some_and(|end| end < cutoff))
        .map(|(person, _)| person)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::days(d.into())
    }

    #[test]
    fn a_person_is_due_only_once_their_last_group_ended_long_enough_ago() {
        let ended = HashMap::from([(10, day(0)), (11, day(200))]);
        // 1: one group, ended 0; 2: two groups, the later ended 200; 3: one group still on.
        let links = [(1, 10), (2, 10), (2, 11), (3, 10), (3, 12)];
        let now = day(0) + chrono::Duration::days(190);
        assert_eq!(due(&links, &ended, 6, now), [1]);
        let later = day(200) + chrono::Duration::days(190);
        assert_eq!(due(&links, &ended, 6, later), [1, 2]);
        assert_eq!(due(&links, &ended, 12, later), [1]);
    }

    proptest! {
        #[test]
        fn nobody_linked_to_a_running_group_or_a_recent_end_is_due(
            links in proptest::collection::vec((0i64..6, 0i64..6), 0..30),
            ends in proptest::collection::vec(proptest::option::of(0u32..400), 6),
            months in 1u32..13,
            at in 0u32..800,
        ) {
            let ended: HashMap<Id, DateTime<Utc>> = ends
                .iter()
                .enumerate()
                .filter_map(|(g, e)| e.map(|d| (g as Id, day(d))))
                .collect();
            let now = day(at);
            let cutoff = now.checked_sub_months(Months::new(months)).unwrap();
            let found = due(&links, &ended, months, now);
            for (person, group) in &links {
                let end = ended.get(group);
                let keeps = end.is_none_or(|e| *e >= cutoff);
                prop_assert!(!(keeps && found.contains(person)), "{person} kept by {group}");
            }
            // Everyone linked whose groups all ended long enough ago is found.
            for (person, _) in &links {
                let all_old = links
                    .iter()
                    .filter(|(p, _)| p == person)
                    .all(|(_, g)| ended.get(g).is_some_and(|e| *e < cutoff));
                prop_assert_eq!(all_old, found.contains(person));
            }
        }
    }
}
