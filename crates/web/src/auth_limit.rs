//! Slowing down token guessing: token look-ups that miss the cache of known tokens are
//! limited per client address (a burst, then a steady rate). A known token is looked up at
//! most once per `server.auth_cache_seconds`, so its user is rarely counted; a client that
//! tries token after token is answered 429 with `Retry-After` instead of having each checked.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// Addresses remembered before those with a full bucket again are forgotten.
const MAX_TRACKED: usize = 10_000;

pub struct AuthLimiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

impl AuthLimiter {
    /// `burst` look-ups at once from one address, then `per_second`.
    pub fn new(burst: u32, per_second: u32) -> Self {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let rate = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst)),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one look-up from `client`'s allowance, or says how long until it may try again.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        if self.limiter.len() > MAX_TRACKED {
            self.limiter.retain_recent();
        }
        self.limiter
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}
