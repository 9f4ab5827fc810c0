//! A database written before call and closing notes went keeps none of a person's words,
//! and the notes the rule wrote when it closed a task stay.

mod common;

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn a_callers_words_go_and_the_rules_reasons_stay() {
    // Up to the migration before the one that dropped the notes.
    let old = common::migrated_to(27).await;
    let db = &old.db;
    db.execute_unprepared(
        "INSERT INTO follow_up_tasks (id, org_id, group_id, enrollment_id, person_id, kind, \
         state, sessions, due_at, attempts, closed_note, created_at, updated_at) VALUES \
         (1, 1, 1, 1, 1, 'missed_sessions', 'resolved', '[]', '2026-11-01', 1, \
          'her husband is ill again', '2026-11-01', '2026-11-01'), \
         (2, 1, 1, 2, 2, 'missed_sessions', 'closed_by_correction', '[]', '2026-11-01', 0, \
          'the run was broken by a correction', '2026-11-01', '2026-11-01')",
    )
    .await
    .unwrap();
    db.execute_unprepared(
        "INSERT INTO call_attempts (org_id, task_id, made_by, made_at, outcome, barriers, \
         note) VALUES (1, 1, 1, '2026-11-02', 'reached', '[]', 'she lost her job')",
    )
    .await
    .unwrap();

    Migrator::up(db, None).await.unwrap();

    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT closed_note FROM follow_up_tasks ORDER BY id",
        ))
        .await
        .unwrap();
    let notes: Vec<Option<String>> = rows
        .iter()
        .map(|r| r.try_get("", "closed_note").unwrap())
        .collect();
    assert_eq!(
        notes,
        [None, Some("the run was broken by a correction".to_string())]
    );
    let attempt = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT * FROM call_attempts",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(attempt.try_get::<String>("", "outcome").unwrap(), "reached");
    let note = db
        .execute_unprepared("SELECT note FROM call_attempts")
        .await;
    assert!(note.is_err(), "no note column");
}
