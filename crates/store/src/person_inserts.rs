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
}

impl PersonInserts {
    /// Starts the writing task on `db`; it ends when the last handle is dropped.
    pub(crate) fn start(db: DatabaseConnection) -> Self {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(write_batches(db, waiting));
        PersonInserts { queue }
    }

    /// Inserts one person, in the next batch; returns the row as written.
    pub(crate) async fn insert(&self, row: person::ActiveModel) -> Result<person::Model, DbErr> {
        let (reply, answer) = oneshot::channel();
        let stopped = || DbErr::Custom("the person writer has stopped".into());
        self.queue.send((row, reply)).map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
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
    if batch.len() == 1 {
        let (row, reply) = batch.remove(0);
        let _ = reply.send(row.insert(db).await);
        return;
    }
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
        }
        Ok(written) => {
            let e = format!("{} rows written for {} people", written.len(), batch.len());
            for (_, reply) in batch.drain(..) {
                let _ = reply.send(Err(DbErr::Custom(e.clone())));
            }
        }
        // One bad row fails the whole statement: each row goes in alone, to fail alone.
        Err(_) => {
            for (row, reply) in batch.drain(..) {
                let _ = reply.send(row.insert(db).await);
            }
        }
    }
}
