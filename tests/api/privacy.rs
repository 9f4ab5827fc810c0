//! Privacy and data protection (issue 23): what leaves no trace once it is gone.

use peergroup_blackbox::{TestApp, TestDb, fixtures, test_config};
use sea_orm::ConnectionTrait;

/// Whether `needle` appears anywhere in the bytes of `path` (and its write-ahead log).
fn file_holds(path: &std::path::Path, needle: &str) -> bool {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    [path.to_path_buf(), std::path::PathBuf::from(name)]
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .any(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[tokio::test]
async fn a_deleted_row_leaves_no_readable_bytes_in_the_sqlite_file() {
    // SQLite's own file, whatever database this run uses.
    let db = TestDb::sqlite();
    let config = test_config(&db);
    let app = TestApp::spawn_on(db, config).await;
    let token = app.coordinator("canary-org").await;
    let canary = "Zqxjkv Canary-7f3a";
    let mut person = fixtures::person(canary);
    person["email"] = serde_json::json!("zqxjkv.canary-7f3a@example.org");
    let id = app.create_id(&token, "/api/v1/people", &person).await;
    let file = app.db.sqlite_file().unwrap();

    // As the erasure to come will: the row deleted through the service's own connection.
    let write = app.server().store.write_connection();
    write
        .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    assert!(file_holds(&file, canary), "the person is in the file");
    write
        .execute_unprepared(&format!("DELETE FROM people WHERE id = {id}"))
        .await
        .unwrap();
    write
        .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    assert!(
        !file_holds(&file, canary),
        "the deleted name stays readable in the file's free space"
    );
    app.stop().await;
}
