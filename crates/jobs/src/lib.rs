//! peergroup-jobs: the worker that runs the database job queue (claims with a lease,
//! retries with backoff, dead jobs kept with their error), the jobs it runs (one type per
//! kind, listed in `registry`) and the cron ticks that only enqueue. Reminders, change
//! notices and coordinator notices all travel through it.

mod deliver;
mod fan_out;
pub mod job;
pub mod registry;
pub mod runtime;
pub mod ticks;
mod upkeep;
pub mod worker;

pub use runtime::{Runtime, WorkerSettings};
pub use upkeep::DONE_JOBS_KEPT_DAYS;
pub use worker::{run, run_one};
