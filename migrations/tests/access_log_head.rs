//! An organization whose access log was written before it kept its newest hash gets it.

mod common;

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn the_newest_entrys_hash_becomes_the_organizations_head() {
    let old = common::migrated_to(25).await;
    let db = &old.db;
    db.execute_unprepared(
        "INSERT INTO access_log (org_id, at, action, route, prev_hash, hash) VALUES \
         (1, '2026-12-01T10:00:00Z', 'read', 'GET /x', '', 'h1'), \
         (2, '2026-12-01T10:00:00Z', 'read', 'GET /x', '', 'other'), \
         (1, '2026-12-01T10:00:01Z', 'read', 'GET /x', 'h1', 'h2')",
    )
    .await
    .unwrap();
    for (id, slug) in [(1, "one"), (2, "two"), (3, "three")] {
        db.execute_unprepared(&format!(
            "INSERT INTO organizations (id, slug, name, quiet_hours_start, quiet_hours_end, \
             training_policy, created_at, updated_at) VALUES ({id}, '{slug}', '{slug}', \
             '21:00', '08:00', 'block', '2026-12-01', '2026-12-01')"
        ))
        .await
        .unwrap();
    }

    Migrator::up(db, None).await.unwrap();

    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT access_log_head FROM organizations ORDER BY id",
        ))
        .await
        .unwrap();
    let heads: Vec<Option<String>> = rows
        .iter()
        .map(|r| r.try_get("", "access_log_head").unwrap())
        .collect();
    assert_eq!(heads, [Some("h2".into()), Some("other".into()), None]);
}
