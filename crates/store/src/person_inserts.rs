//! New people are written in batches: inserts that arrive while one is being written go in
//! together as one statement. Every write takes its turn on one connection (SQLite's single
//! writer) or waits for its own commit (PostgreSQL); each turn costs far more than a row,
//! so under load one turn for many rows is what keeps the wait short. Each person's consent
//! changes and the access-log entry of their creation go in the same transaction as their
//! row, so that a creation commits once.

use crate::access_log::{NewEntry, write_chained};
use crate::consents::{ConsentLog, append};
use crate::entities::{consent_change, person};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, TransactionTrait};
use tokio::sync::{mpsc, oneshot};

/// Rows in one statement at most: well inside either database's limit on parameters.
const MAX_BATCH: usize = 64;

type Reply = oneshot::Sender<Result<person::Model, DbErr>>;

/// A row to write, with its consent changes and the log entry of its creation.
#[derive(Clone)]
pub(crate) struct NewPerson {
    pub row: person::ActiveModel,
    pub consent: ConsentLog,
    pub logged: NewEntry,
}

/// The way in to the task that writes new people.
#[derive(Clone)]
pub(crate) struct PersonInserts {
    queue: mpsc::UnboundedSender<(NewPerson, Reply)>,
    db: DatabaseConnection,
}

impl PersonInserts {
    /// Starts the writing task on `db`; it ends when the last handle is dropped.
    pub(crate) fn start(db: DatabaseConnection) -> Self {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(write_batches(db.clone(), waiting));
        PersonInserts { queue, db }
    }

    /// Inserts one person, in the next batch; returns the row as written. Inside a request's
    /// own transaction the row goes in there, alone: the writing task is outside it.
    pub(crate) async fn insert(&self, new: NewPerson) -> Result<person::Model, DbErr> {
        let db = crate::ambient::Db::or_ambient(&self.db);
        if db.is_ambient() {
            let txn = db.begin().await?;
            return alone(txn, new).await;
        }
        let (reply, answer) = oneshot::channel();
        if let Err(mpsc::error::SendError((new, _))) = self.queue.send((new, reply)) {
            // The writing task is gone (only a panic ends it while handles live): the row
            // was not queued, so it goes in alone rather than every create failing from now.
            return alone(self.db.begin().await?, new).await;
        }
        answer
            .await
            .map_err(|_| DbErr::Custom("the person writer stopped".into()))?
    }
}

async fn write_batches(
    db: DatabaseConnection,
    mut waiting: mpsc::UnboundedReceiver<(NewPerson, Reply)>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut batch, MAX_BATCH).await > 0 {
        write_batch(&db, &mut batch).await;
    }
}

/// Writes the batch and answers each caller with its own row.
async fn write_batch(db: &DatabaseConnection, batch: &mut Vec<(NewPerson, Reply)>) {
    if batch.len() > 1 {
        let rows = batch.iter().map(|(new, _)| new.clone()).collect();
        if let Ok(written) = together(db, rows).await {
            for ((_, reply), row) in batch.drain(..).zip(written) {
                let _ = reply.send(Ok(row));
            }
            return;
        }
        // One bad row fails the whole statement: each row goes in alone, to fail alone.
    }
    for (new, reply) in batch.drain(..) {
        let written = match db.begin().await {
            Ok(txn) => alone(txn, new).await,
            Err(e) => Err(e),
        };
        let _ = reply.send(written);
    }
}

/// All of `rows` in one statement, their consent changes in another and their log entries
/// in a third, in one transaction.
async fn together(
    db: &DatabaseConnection,
    rows: Vec<NewPerson>,
) -> Result<Vec<person::Model>, DbErr> {
    let txn = db.begin().await?;
    let count = rows.len();
    let mut people = Vec::with_capacity(count);
    let mut consents = Vec::with_capacity(count);
    let mut logged = Vec::with_capacity(count);
    for new in rows {
        people.push(new.row);
        consents.push(new.consent);
        logged.push(new.logged);
    }
    let mut written = person::Entity::insert_many(people)
        .exec_with_returning(&txn)
        .await?;
    if written.len() != count {
        return Err(DbErr::Custom(format!(
            "{} rows written for {count} people",
            written.len()
        )));
    }
    // Ids are given in the order of the rows; RETURNING need not keep that order.
    written.sort_by_key(|p| p.id);
    let changes: Vec<consent_change::ActiveModel> = written
        .iter()
        .zip(&consents)
        .flat_map(|(p, log)| log.rows(p.org_id, p.id))
        .collect();
    append(&txn, changes).await?;
    let entries: Vec<NewEntry> = written
        .iter()
        .zip(logged)
        .map(|(p, entry)| entry.about(p.id))
        .collect();
    write_chained(&txn, &entries).await?;
    txn.commit().await?;
    Ok(written)
}

/// One row, its consent changes and its log entry, in `txn`.
async fn alone(txn: DatabaseTransaction, new: NewPerson) -> Result<person::Model, DbErr> {
    let written = sea_orm::ActiveModelTrait::insert(new.row, &txn).await?;
    append(&txn, new.consent.rows(written.org_id, written.id)).await?;
    write_chained(&txn, &[new.logged.about(written.id)]).await?;
    txn.commit().await?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Store, StoreOptions};
    use peergroup_domain::access_log::{About, AccessAction, By};
    use peergroup_domain::values::{Name, Slug};
    use sea_orm::ActiveValue::Set;

    #[tokio::test]
    async fn a_person_is_still_written_once_the_writing_task_is_gone() {
        let path = std::env::temp_dir().join(format!("pg-inserts-{}.db", std::process::id()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let store = Store::connect(&StoreOptions {
            url,
            max_connections: 1,
        })
        .await
        .unwrap();
        store.migrate().await.unwrap();
        let slug = Slug::parse("surrey").unwrap();
        let (org, _) = store
            .ensure_organization(&slug, &Name::parse("Surrey").unwrap())
            .await
            .unwrap();
        let (queue, waiting) = mpsc::unbounded_channel();
        drop(waiting);
        let inserts = PersonInserts {
            queue,
            db: store.write.clone(),
        };
        let now = chrono::Utc::now();
        let by = By {
            user: None,
            route: "test",
        };
        let written = inserts
            .insert(NewPerson {
                row: person::ActiveModel {
                    org_id: Set(org.id),
                    display_name: Set("Amrit A".into()),
                    preferred_language: Set("pa-Guru".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                },
                consent: ConsentLog::default(),
                logged: NewEntry::new(org.id, now, by, AccessAction::Change, About::People),
            })
            .await
            .unwrap();
        let read = person::Entity::find_by_id(written.id)
            .one(&store.read)
            .await
            .unwrap();
        assert_eq!(read, Some(written.clone()));
        let log = store
            .access_log(
                org.id,
                Some(written.id),
                None,
                crate::PageRequest {
                    after: None,
                    limit: 10,
                },
            )
            .await
            .unwrap();
        assert_eq!(log.items.len(), 1, "its creation is logged with it");
        store.close().await;
        let _ = std::fs::remove_file(&path);
    }
}
