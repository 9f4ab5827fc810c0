//! Group details kept in memory as the JSON they are answered with, each with the group's
//! revision when it was read. The database raises a group's revision whenever anything its
//! detail shows changes, and every answer first reads that one number: a detail is served
//! from memory only while it is still true, whichever process made the change.

use axum::body::Bytes;
use peergroup_domain::Id;
use std::collections::HashMap;
use std::sync::Mutex;

/// How many groups' details a process keeps: about 5 KB each with a dozen participants.
pub const DEFAULT_DETAIL_CACHE: usize = 1_000;

/// A group, named by its organization and its id.
pub type GroupKey = (Id, Id);

pub struct DetailCache {
    capacity: usize,
    entries: Mutex<HashMap<GroupKey, (i64, Bytes)>>,
}

impl DetailCache {
    /// A cache of at most `capacity` details; zero keeps none.
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a detail of this group is kept, at whatever revision.
    pub fn holds(&self, key: GroupKey) -> bool {
        self.lock().contains_key(&key)
    }

    /// The kept detail if it was read at `revision`.
    pub fn get(&self, key: GroupKey, revision: i64) -> Option<Bytes> {
        self.lock()
            .get(&key)
            .filter(|(kept, _)| *kept == revision)
            .map(|(_, body)| body.clone())
    }

    /// Keeps `body`, read at `revision`, unless a later one is kept already. When full, one
    /// other group's detail makes room.
    pub fn put(&self, key: GroupKey, revision: i64, body: Bytes) {
        if self.capacity == 0 {
            return;
        }
        let mut entries = self.lock();
        if entries.get(&key).is_some_and(|(kept, _)| *kept > revision) {
            return;
        }
        if entries.len() >= self.capacity
            && !entries.contains_key(&key)
            && let Some(other) = entries.keys().next().copied()
        {
            entries.remove(&other);
        }
        entries.insert(key, (revision, body));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<GroupKey, (i64, Bytes)>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(s: &'static str) -> Bytes {
        Bytes::from_static(s.as_bytes())
    }

    #[test]
    fn a_detail_is_served_only_at_the_revision_it_was_read_at() {
        let cache = DetailCache::new(10);
        assert!(!cache.holds((1, 7)));
        cache.put((1, 7), 3, body("three"));
        assert!(cache.holds((1, 7)));
        assert_eq!(cache.get((1, 7), 3), Some(body("three")));
        assert_eq!(cache.get((1, 7), 4), None);
        assert_eq!(cache.get((2, 7), 3), None, "another organization's key");
    }

    #[test]
    fn an_older_read_does_not_replace_a_newer_one() {
        let cache = DetailCache::new(10);
        cache.put((1, 7), 5, body("five"));
        cache.put((1, 7), 4, body("four"));
        assert_eq!(cache.get((1, 7), 5), Some(body("five")));
        cache.put((1, 7), 6, body("six"));
        assert_eq!(cache.get((1, 7), 6), Some(body("six")));
    }

    #[test]
    fn it_never_holds_more_than_its_capacity() {
        let cache = DetailCache::new(3);
        for id in 0..10 {
            cache.put((1, id), 0, body("x"));
            assert!(cache.lock().len() <= 3);
            assert!(cache.holds((1, id)), "the newest is kept");
        }
        let none = DetailCache::new(0);
        none.put((1, 1), 0, body("x"));
        assert!(!none.holds((1, 1)));
    }
}
