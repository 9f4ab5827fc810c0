//! Session logs (with their revisions), attendance marks, follow-up tasks and their call
//! attempts, and the notification events the reminders work delivers.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 6] = [
    "notification_events",
    "call_attempts",
    "follow_up_tasks",
    "attendance",
    "session_log_revisions",
    "session_logs",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The current log of a session; `version` counts corrections.
        m.create_table(
            Table::create()
                .table("session_logs")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("group_id"))
                .col(big_integer_uniq("session_id"))
                .col(boolean("held"))
                .col(timestamp_with_time_zone_null("started_at"))
                .col(integer_null("minutes"))
                .col(json("facilitators_present"))
                .col(boolean_null("topic_covered"))
                .col(json("structure_skipped"))
                .col(json("supports"))
                .col(text_null("note"))
                .col(integer("version"))
                .col(big_integer("logged_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("session_logs", "org_id", "organizations"))
                .foreign_key(&mut fk("session_logs", "group_id", "peer_groups"))
                .foreign_key(&mut fk("session_logs", "session_id", "sessions"))
                .foreign_key(&mut fk("session_logs", "logged_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("session_logs", &["org_id", "group_id"], false))
            .await?;

        // Every version of every log, whole, with who sent it and when.
        m.create_table(
            Table::create()
                .table("session_log_revisions")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("session_id"))
                .col(integer("version"))
                .col(big_integer("changed_by"))
                .col(timestamp_with_time_zone("changed_at"))
                .col(json("log"))
                .foreign_key(&mut fk("session_log_revisions", "org_id", "organizations"))
                .foreign_key(&mut fk("session_log_revisions", "session_id", "sessions"))
                .foreign_key(&mut fk("session_log_revisions", "changed_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "session_log_revisions",
            &["org_id", "session_id", "version"],
            true,
        ))
        .await?;

        // One mark per participant per held session. `starts_at` copies the session's start
        // (a held session never moves) so a participant's marks read in schedule order
        // from one index.
        m.create_table(
            Table::create()
                .table("attendance")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("group_id"))
                .col(big_integer("session_id"))
                .col(big_integer("person_id"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(string("status"))
                .col(string_null("reason"))
                .foreign_key(&mut fk("attendance", "org_id", "organizations"))
                .foreign_key(&mut fk("attendance", "group_id", "peer_groups"))
                .foreign_key(&mut fk("attendance", "session_id", "sessions"))
                .foreign_key(&mut fk("attendance", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("attendance", &["session_id", "person_id"], true))
            .await?;
        m.create_index(index(
            "attendance",
            &["org_id", "group_id", "person_id", "starts_at"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table("follow_up_tasks")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("group_id"))
                .col(big_integer("enrollment_id"))
                .col(big_integer("person_id"))
                .col(string("kind"))
                .col(string("state"))
                // A facilitator (person) who calls; none means the coordinators.
                .col(big_integer_null("assignee_person_id"))
                // The sessions of the run of misses that opened it (rule tasks).
                .col(json("sessions"))
                .col(timestamp_with_time_zone("due_at"))
                .col(timestamp_with_time_zone_null("escalated_at"))
                .col(integer("attempts"))
                .col(text_null("note"))
                // What planned the task, e.g. `check_in:0:1234` (contact 0 after session
                // 1234): unique per participant, so a planned contact is never opened twice.
                .col(string_null("source_key"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(text_null("closed_note"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("follow_up_tasks", "org_id", "organizations"))
                .foreign_key(&mut fk("follow_up_tasks", "group_id", "peer_groups"))
                .foreign_key(&mut fk("follow_up_tasks", "enrollment_id", "enrollments"))
                .foreign_key(&mut fk("follow_up_tasks", "person_id", "people"))
                .foreign_key(&mut fk("follow_up_tasks", "assignee_person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "follow_up_tasks",
            &["org_id", "group_id", "person_id"],
            false,
        ))
        .await?;
        m.create_index(index(
            "follow_up_tasks",
            &["org_id", "state", "due_at"],
            false,
        ))
        .await?;
        // The escalation sweep looks across organizations.
        m.create_index(index("follow_up_tasks", &["state", "due_at"], false))
            .await?;
        m.create_index(index(
            "follow_up_tasks",
            &["org_id", "group_id", "person_id", "source_key"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table("call_attempts")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(big_integer("task_id"))
                .col(big_integer("made_by"))
                .col(timestamp_with_time_zone("made_at"))
                .col(string("outcome"))
                .col(json("barriers"))
                .col(string_null("next_step"))
                .col(big_integer_null("support_need_id"))
                .col(text_null("note"))
                .foreign_key(&mut fk("call_attempts", "org_id", "organizations"))
                .foreign_key(&mut fk("call_attempts", "task_id", "follow_up_tasks"))
                .foreign_key(&mut fk("call_attempts", "made_by", "users"))
                .foreign_key(&mut fk("call_attempts", "support_need_id", "support_needs"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("call_attempts", &["org_id", "task_id"], false))
            .await?;

        // Things coordinators must hear about (a task opened or escalated), written in the
        // same transaction as their cause; the reminders work delivers them.
        m.create_table(
            Table::create()
                .table("notification_events")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(big_integer("org_id"))
                .col(string("kind"))
                .col(big_integer("subject_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("delivered_at"))
                .foreign_key(&mut fk("notification_events", "org_id", "organizations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "notification_events",
            &["org_id", "kind", "subject_id"],
            false,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
