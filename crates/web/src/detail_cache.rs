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

    /// The kept detail of this group and the revision it was read at.
    pub fn get(&self, key: GroupKey) -> Option<(i64, Bytes)> {
        self.lock().get(&key).cloned()
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
    fn a_detail_is_kept_with_the_revision_it_was_read_at() {
        let cache = DetailCache::new(10);
        assert_eq!(cache.get((1, 7)), None);
        cache.put((1, 7), 3, body("three"));
        assert_eq!(cache.get((1, 7)), Some((3, body("three"))));
        assert_eq!(cache.get((2, 7)), None, "another organization's key");
    }

    #[test]
    fn an_older_read_does_not_replace_a_newer_one() {
        let cache = DetailCache::new(10);
        cache.put((1, 7), 5, body("five"));
        cache.put((1, 7), 4, body("four"));
        assert_eq!(cache.get((1, 7)), Some((5, body("five"))));
        cache.put((1, 7), 6, body("six"));
        assert_eq!(cache.get((1, 7)), Some((6, body("six"))));
    }

    #[test]
    fn it_never_holds_more_than_its_capacity() {
        let cache = DetailCache::new(3);
        for id in 0..10 {
            cache.put((1, id), 0, body("x"));
            assert!(cache.lock().len() <= 3);
            assert!(cache.get((1, id)).is_some(), "the newest is kept");
        }
        let none = DetailCache::new(0);
        none.put((1, 1), 0, body("x"));
        assert_eq!(none.get((1, 1)), None);
    }
}
