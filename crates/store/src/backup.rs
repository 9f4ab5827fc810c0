//! Backups of the embedded SQLite database: a consistent copy written while servers keep
//! working (`VACUUM INTO` reads one snapshot), and a restore that puts a checked copy in
//! the database's place once no server is using it. PostgreSQL has `pg_dump` and
//! `pg_restore` for this (the README gives the commands).
//!
//! Every process with the database open (a server, any command) holds a shared lock on
//! `<database>.in-use-lock`; a restore takes it exclusively, so it cannot pull the file
//! from under anyone.

use crate::{Store, sqlite_path};
use sea_orm::{ConnectionTrait, Database, DbBackend, DbErr, Statement};
use std::fs::File;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("this is a PostgreSQL database: use pg_dump and pg_restore (see the README, Backups)")]
    Postgres,
    #[error("{0} exists already: choose a new file, a backup never overwrites one")]
    Exists(PathBuf),
    #[error(
        "the database is in use (a server or another command): stop every server, then restore"
    )]
    InUse,
    #[error("{path} is not a peergroup backup: {why}")]
    NotABackup { path: PathBuf, why: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

/// What a backup or a restore checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub bytes: u64,
    /// Migrations the copy had applied: the schema version it holds.
    pub migrations: i64,
}

impl Store {
    /// Writes a consistent copy of the database to `to`, a new file, while others keep
    /// reading and writing; then checks the copy.
    pub async fn backup_to(&self, to: &Path) -> Result<Copied, BackupError> {
        let reader = self.reader();
        if reader.get_database_backend() != DbBackend::Sqlite {
            return Err(BackupError::Postgres);
        }
        if to.exists() {
            return Err(BackupError::Exists(to.to_path_buf()));
        }
        let literal = to.to_string_lossy().replace('\'', "''");
        reader
            .execute_raw(Statement::from_string(
                DbBackend::Sqlite,
                format!("VACUUM INTO '{literal}'"),
            ))
            .await?;
        check_copy(to).await
    }
}

/// Holds the shared lock that says the SQLite database at `url` is in use, until the file
/// is dropped. `None` for PostgreSQL (or a database in memory).
pub(crate) fn hold_in_use_lock(url: &str) -> std::io::Result<Option<File>> {
    let Some(lock) = in_use_lock_path(url) else {
        return Ok(None);
    };
    let file = open_lock(&lock)?;
    file.lock_shared()?;
    Ok(Some(file))
}

/// Puts the backup `from`, checked first, in place of the SQLite database at `url`. Refused
/// while a server runs on it. Migrations newer than the backup apply when it next opens.
pub async fn restore_sqlite(url: &str, from: &Path) -> Result<Copied, BackupError> {
    let (Some(db), Some(lock)) = (sqlite_path(url), in_use_lock_path(url)) else {
        return Err(BackupError::Postgres);
    };
    let copied = check_copy(from).await?;
    // On a new machine the database's folder may not exist yet.
    if let Some(folder) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let lock = open_lock(&lock)?;
    if lock.try_lock().is_err() {
        return Err(BackupError::InUse);
    }
    // The old database's log folded into it first: a crash below leaves it whole, and no
    // old log is ever replayed onto the new file.
    if db.exists() {
        let conn = Database::connect(url).await?;
        conn.execute_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ))
        .await?;
        conn.close().await?;
    }
    for stale in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(&db, stale)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    // Copied beside the database, then renamed over it: a crash leaves the old one or the
    // new one, never half of either.
    let staged = with_suffix(&db, ".restoring");
    std::fs::copy(from, &staged)?;
    File::open(&staged)?.sync_all()?;
    std::fs::rename(&staged, &db)?;
    if let Some(folder) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(folder)?.sync_all()?;
    }
    drop(lock);
    Ok(copied)
}

/// Opens `path` read-only and checks it is a whole SQLite database with peergroup's schema.
async fn check_copy(path: &Path) -> Result<Copied, BackupError> {
    let not = |why: String| BackupError::NotABackup {
        path: path.to_path_buf(),
        why,
    };
    let bytes = std::fs::metadata(path)
        .map_err(|e| not(e.to_string()))?
        .len();
    // A path may hold what a URL reads as its query or fragment.
    let escaped = path
        .to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3F")
        .replace('#', "%23");
    let url = format!("sqlite://{escaped}?mode=ro");
    let conn = Database::connect(url.as_str())
        .await
        .map_err(|e| not(e.to_string()))?;
    let checked = async {
        let one = |sql: &str| {
            conn.query_one_raw(Statement::from_string(DbBackend::Sqlite, sql.to_string()))
        };
        let integrity: String = one("PRAGMA integrity_check")
            .await?
            .map(|r| r.try_get_by_index(0))
            .transpose()?
            .unwrap_or_default();
        if integrity != "ok" {
            return Ok(Err(format!("the integrity check says {integrity}")));
        }
        let migrations = one("SELECT COUNT(*) FROM seaql_migrations").await;
        Ok::<_, DbErr>(match migrations {
            Ok(Some(row)) => Ok(row.try_get_by_index::<i64>(0)?),
            _ => Err("it has no peergroup migrations".to_string()),
        })
    }
    .await;
    conn.close().await?;
    match checked.map_err(|e| not(e.to_string()))? {
        Ok(migrations) => Ok(Copied { bytes, migrations }),
        Err(why) => Err(not(why)),
    }
}

fn in_use_lock_path(url: &str) -> Option<PathBuf> {
    if !url.starts_with("sqlite:") {
        return None;
    }
    sqlite_path(url).map(|db| with_suffix(&db, ".in-use-lock"))
}

fn open_lock(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// `path` with `suffix` added to its file name (`peergroup.db` → `peergroup.db-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
