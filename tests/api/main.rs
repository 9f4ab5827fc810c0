//! Black-box tests of the JSON API over real HTTP against the real server. Run against
//! SQLite by default and PostgreSQL with `PEERGROUP_TEST_DATABASE=postgres`.

mod access;
mod access_pages;
mod attendance;
mod bad_input;
mod coordinator_pages;
mod delivery_marks;
mod facilitator_pages;
mod feeds;
mod group_detail;
mod group_pages;
mod hygiene;
mod idempotency;
mod jobs;
mod mail;
mod message_pages;
mod openapi;
mod outcomes;
mod pages;
mod people;
mod person_inserts;
mod privacy;
mod reminders;
mod rule_model;
mod sessions;
mod setup_flow;
mod sms;
mod templates;
mod tokens;
mod training;
