//! New people are written in batches: inserts that arrive while one is being written go in
//! together as one statement. Every write takes its turn on one connection (SQLite's single
//! writer) or waits for its own commit (PostgreSQL); each turn costs far more than a row,
//! so under load one turn for many rows is what keeps the wait short.

use crate::entities::person;
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait};
use tokio::sync::{mpsc, oneshot};

/// Rows in one statement at most: well inside either database's limit on parameters.
const MAX_BATCH: usize = 64;

type Reply = oneshot::Sender<Result<person::Model, DbErr>>;

/// The way in to the task that writes new people.
#[derive(Clone)]
pub(crate) struct PersonInserts {
    queue: mpsc::UnboundedSender<(person::ActiveModel, Reply)>,
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
    pub(crate) async fn insert(&self, row: person::ActiveModel) -> Result<person::Model, DbErr> {
        let db = crate::ambient::Db::or_ambient(&self.db);
        if db.is_ambient() {
            return row.insert(&db).await;
        }
        let (reply, answer) = oneshot::channel();
        if let Err(mpsc::error::SendError((row, _))) = self.queue.send((row, reply)) {
            // The writing task is gone (only a panic ends it while handles live): the row
            // was not queued, so it goes in alone rather than every create failing from now.
            return row.insert(&self.db).await;
        }
        answer
            .await
            .map_err(|_| DbErr::Custom("the person writer stopped".into()))?
    }
}

async fn write_batches(
    db: DatabaseConnection,
    mut waiting: mpsc::UnboundedReceiver<(person::ActiveModel, Reply)>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut batch, MAX_BATCH).await > 0 {
        write_batch(&db, &mut batch).await;
    }
}

/// Writes the batch and answers each caller with its own row.
async fn write_batch(db: &DatabaseConnection, batch: &mut Vec<(person::ActiveModel, Reply)>) {
    if batch.len() > 1 {
        let rows = batch.iter().map(|(row, _)| row.clone());
        match person::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await
        {
            Ok(mut written) if written.len() == batch.len() => {
                // Ids are given in the order of the rows; RETURNING need not keep that order.
                written.sort_by_key(|p| p.id);
                for ((_, reply), row) in batch.drain(..).zip(written) {
                    let _ = reply.send(Ok(row));
                }
                return;
            }
            Ok(written) => {
                let e = format!("{} rows written for {} people", written.len(), batch.len());
                for (_, reply) in batch.drain(..) {
                    let _ = reply.send(Err(DbErr::Custom(e.clone())));
                }
                return;
            }
            // One bad row fails the whole statement: each row goes in alone, to fail alone.
            Err(_) => {}
        }
    }
    for (row, reply) in batch.drain(..) {
        let _ = reply.send(row.insert(db).await);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Store, StoreOptions};
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
        let written = inserts
            .insert(person::ActiveModel {
                org_id: Set(org.id),
                display_name: Set("Amrit A".into()),
                preferred_language: Set("pa-Guru".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .await
            .unwrap();
        let read = person::Entity::find_by_id(written.id)
            .one(&store.read)
            .await
            .unwrap();
        assert_eq!(read, Some(written));
        store.close().await;
        let _ = std::fs::remove_file(&path);
    }
}
