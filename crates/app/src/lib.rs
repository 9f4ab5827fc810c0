//! peergroup-app: the use cases. Each is written once, here, and the JSON routes, the job
//! worker and the web pages call it: it reads through the store, decides by the domain's
//! rules and writes through one store transaction. `web` speaks HTTP only, `jobs` runs
//! jobs only, `store` holds entities and queries only, and `domain` stays pure.
//!
//! The use cases still written as `Store` methods move here one capability at a time.

pub mod absences;
pub mod cohorts;
pub mod coordinator_notices;
pub mod dashboard;
pub mod deliveries;
pub mod enrollments;
pub mod erasure;
pub mod exclusions;
pub mod facilitators;
pub mod follow_up_notices;
pub mod follow_up_rebuild;
pub mod follow_ups;
pub mod groups;
pub mod messages;
pub mod outcomes;
pub mod participant_import;
pub mod passwords;
pub mod phone_marks;
pub mod program_card;
pub mod reminders;
pub mod retention;
pub mod roll_call;
pub mod schedules;
pub mod session_changes;
pub mod session_sheets;
pub mod sign_in;
pub mod sms_replies;
pub mod sms_reports;
pub mod subject_access;
pub mod training;
