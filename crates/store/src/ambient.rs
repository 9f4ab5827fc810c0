//! One transaction for a whole request. A request sent with an `Idempotency-Key` runs inside
//! a transaction that also saves its response (`idempotency.rs`): its work and the answer a
//! retry gets commit together or not at all, so a crash between them cannot make a retry do
//! the work twice. While such a request runs, every statement this store issues for it goes
//! through that transaction (a store function's own transaction becomes a savepoint).

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, Statement, TransactionTrait,
};
use std::future::Future;
use std::sync::Arc;

tokio::task_local! {
    static AMBIENT: Arc<DatabaseTransaction>;
}

/// Where a statement goes: the pool given, or the request's transaction when one is open.
pub(crate) enum Db<'a> {
    Pool(&'a DatabaseConnection),
    Ambient(Arc<DatabaseTransaction>),
}

impl<'a> Db<'a> {
    /// The request's transaction if this task runs inside one, else `pool`.
    pub(crate) fn or_ambient(pool: &'a DatabaseConnection) -> Db<'a> {
        match AMBIENT.try_with(Arc::clone) {
            Ok(txn) => Db::Ambient(txn),
            Err(_) => Db::Pool(pool),
        }
    }

    /// A transaction of its own, or a savepoint inside the request's transaction.
    pub(crate) async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        match self {
            Db::Pool(pool) => pool.begin().await,
            Db::Ambient(txn) => txn.begin().await,
        }
    }

    pub(crate) fn is_ambient(&self) -> bool {
        matches!(self, Db::Ambient(_))
    }
}

/// Runs `work` with every statement of the store inside `txn`.
pub(crate) async fn within<F: Future>(txn: Arc<DatabaseTransaction>, work: F) -> F::Output {
    AMBIENT.scope(txn, work).await
}

#[async_trait::async_trait]
impl ConnectionTrait for Db<'_> {
    fn get_database_backend(&self) -> DbBackend {
        match self {
            Db::Pool(pool) => pool.get_database_backend(),
            Db::Ambient(txn) => txn.get_database_backend(),
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match self {
            Db::Pool(pool) => pool.execute_raw(stmt).await,
            Db::Ambient(txn) => txn.execute_raw(stmt).await,
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match self {
            Db::Pool(pool) => pool.execute_unprepared(sql).await,
            Db::Ambient(txn) => txn.execute_unprepared(sql).await,
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self {
            Db::Pool(pool) => pool.query_one_raw(stmt).await,
            Db::Ambient(txn) => txn.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self {
            Db::Pool(pool) => pool.query_all_raw(stmt).await,
            Db::Ambient(txn) => txn.query_all_raw(stmt).await,
        }
    }
}

impl crate::Store {
    /// Runs `work` as one transaction: every statement it issues through this store commits
    /// with the others, or (when it fails) none does. Inside a request's transaction, a
    /// savepoint. A change and its access-log entry go through here, so that neither stands
    /// without the other.
    pub async fn in_one_transaction<T, E, Fut>(&self, work: Fut) -> Result<T, E>
    where
        Fut: Future<Output = Result<T, E>>,
        E: From<crate::StoreError>,
    {
        let writer = self.writer();
        if !writer.is_ambient() {
            // Reads answered before this change may still be queued for the log: they go
            // in first, so that the log keeps the order in which things were done.
            self.log.flush().await;
        }
        let began = writer.begin().await;
        let txn = Arc::new(began.map_err(crate::StoreError::from)?);
        let done = within(Arc::clone(&txn), work).await;
        let txn = Arc::try_unwrap(txn)
            .map_err(|_| crate::StoreError::Corrupt("a transaction outlived its work".into()))?;
        let ended = match &done {
            Ok(_) => txn.commit().await,
            Err(_) => txn.rollback().await,
        };
        ended.map_err(crate::StoreError::from)?;
        done
    }
}
