//! peergroup-jobs: the worker that runs the database job queue (claims with a lease,
//! retries with backoff, dead jobs kept with their error) and the cron ticks that only
//! enqueue. Reminders, change notices and coordinator notices all travel through it.

mod deliver;
pub mod ticks;
pub mod worker;

pub use worker::{Runtime, WorkerSettings, run, run_one};
