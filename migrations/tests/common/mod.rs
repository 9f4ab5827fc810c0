//! A database as an older version left it, for the tests of migrations that move data.

use peergroup_migrations::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// A SQLite file migrated up to its first `steps` migrations, with foreign keys off: the
/// tests insert only the rows they look at, not the rows those point to.
pub struct OldDatabase {
    pub db: DatabaseConnection,
    _dir: tempfile::TempDir,
}

pub async fn migrated_to(steps: u32) -> OldDatabase {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    let db = Database::connect(&url).await.unwrap();
    Migrator::up(&db, Some(steps)).await.unwrap();
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .unwrap();
    OldDatabase { db, _dir: dir }
}
