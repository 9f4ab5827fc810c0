//! Slowing down token guessing: failed token look-ups are counted per client address (a
//! burst, then a steady rate, with `governor`). An address that has used up its allowance is
//! refused with 429 and `Retry-After`, and no token it sends is looked up until then. A real
//! token costs nothing, however many requests carry it at once.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses remembered before those with nothing left to count are forgotten.
const MAX_TRACKED: usize = 10_000;

/// Failures counted by key: a client address for tokens, also an email for sign-ins.
pub struct AuthLimiter<K: Hash + Eq + Clone = IpAddr> {
    failures: DefaultKeyedRateLimiter<K>,
    clock: DefaultClock,
    /// Keys refused until the time given: their next failure would be over the limit.
    blocked: Mutex<HashMap<K, Instant>>,
}

/// Says when to come back: `Retry-After` in whole seconds, at least one.
pub fn too_many_tries_after(response: &mut Response, wait: Duration) {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
}

impl<K: Hash + Eq + Clone> AuthLimiter<K> {
    /// `burst` failures at once from one address, then `per_second`.
    pub fn new(burst: u32, per_second: u32) -> Self {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let rate = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
        Self {
            failures: RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst)),
            clock: DefaultClock::default(),
            blocked: Mutex::new(HashMap::new()),
        }
    }

    /// `burst` failures at once, then `per_minute`.
    pub fn per_minute(burst: u32, per_minute: u32) -> Self {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let rate = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        Self {
            failures: RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst)),
            clock: DefaultClock::default(),
            blocked: Mutex::new(HashMap::new()),
        }
    }

    /// How long `client` must still wait before a token from it is looked up, if at all.
    pub fn blocked(&self, client: K) -> Option<Duration> {
        let blocked = self.blocked.lock().unwrap_or_else(|e| e.into_inner());
        let until = *blocked.get(&client)?;
        until.checked_duration_since(Instant::now())
    }

    /// Counts a failed look-up from `client`. Past its allowance the address is blocked, and
    /// the wait is returned.
    pub fn failed(&self, client: K) -> Option<Duration> {
        if self.failures.len() > MAX_TRACKED {
            self.failures.retain_recent();
        }
        let wait = self
            .failures
            .check_key(&client)
            .err()?
            .wait_time_from(self.clock.now());
        let mut blocked = self.blocked.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if blocked.len() > MAX_TRACKED {
            blocked.retain(|_, until| *until > now);
        }
        blocked.insert(client, now + wait);
        Some(wait)
    }
}
