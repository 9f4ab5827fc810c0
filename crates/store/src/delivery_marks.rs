//! Marking delivered messages. A delivery ends by marking its message (sent, skipped,
//! retrying, …) and finishing its job, both only while its claim still holds the job. A
//! send keeps its sending permit until that mark has committed, so marks are on every
//! send's critical path.
//!
//! On PostgreSQL the marks that arrive while one is being written go in together, as one
//! statement on a connection of their own ([`MarkConnection`]), written by the caller whose
//! turn it is: no task in between (that hop cost a lone mark about 10%). A statement's round
//! trip, executor start and commit cost the database several times what a row does: with
//! four sends in flight, one statement for their marks cut the database's work per SMS
//! enough to lift the texting rate through Kannel (see `docs/PERFORMANCE.md`). SQLite marks
//! go through its one writer, each as it comes.

use crate::dialect::{self, stmt};
use crate::jobs::{ClaimedJob, Finish, JobOutcome, finish_from};
use crate::mark_connection::MarkConnection;
use crate::messages::DeliveryOutcome;
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::jobs::JobState;
use peergroup_domain::reminders::MessageState;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, Value};
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::oneshot;

/// Marks in one statement at most.
const MAX_BATCH: usize = 64;

type Reply = oneshot::Sender<Result<(), DbErr>>;

/// One message's new state and its job's outcome, fenced by the claim that ran it. Its
/// fields are the columns of a row of the batch statement.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Mark {
    message_id: Id,
    job_id: Id,
    lease: String,
    at: DateTime<Utc>,
    state: &'static str,
    attempts: i32,
    last_error: Option<String>,
    locale: Option<String>,
    sequence: Option<i32>,
    sent: bool,
    channel: Option<&'static str>,
    segments: Option<i32>,
    gateway_ref: Option<String>,
    send_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    finish: Finish,
}

impl Mark {
    pub(crate) fn new(
        job: &ClaimedJob,
        message_id: Id,
        outcome: &DeliveryOutcome,
        at: DateTime<Utc>,
    ) -> Mark {
        let (state, job_outcome, error) = match outcome {
            DeliveryOutcome::Sent(_) => (MessageState::Sent, JobOutcome::Done, None),
            // Not an attempt: the job waits, the message stays queued.
            DeliveryOutcome::Deferred { until } => (
                MessageState::Queued,
                JobOutcome::Later {
                    at: *until,
                    why: "waiting for the end of quiet hours".into(),
                },
                None,
            ),
            DeliveryOutcome::Skipped { why } => {
                (MessageState::Skipped, JobOutcome::Done, Some(why.clone()))
            }
            DeliveryOutcome::Failed(o) => {
                let state = if matches!(o, JobOutcome::RetryAt { .. }) {
                    MessageState::Retrying
                } else {
                    MessageState::Dead
                };
                (state, o.clone(), o.error().map(str::to_string))
            }
        };
        let sent = match outcome {
            DeliveryOutcome::Sent(sent) => Some(sent),
            _ => None,
        };
        Mark {
            message_id,
            job_id: job.id,
            lease: job.lease_token.clone(),
            at,
            state: state.as_str(),
            // A deferral is no attempt (the job gives this run back too).
            attempts: job.attempts - i32::from(matches!(outcome, DeliveryOutcome::Deferred { .. })),
            last_error: error,
            locale: sent.map(|s| s.locale.clone()),
            sequence: sent.and_then(|s| s.sequence),
            sent: sent.is_some(),
            channel: sent.map(|s| s.channel.as_str()),
            segments: sent.and_then(|s| s.segments),
            gateway_ref: sent.and_then(|s| s.gateway_ref.clone()),
            send_at: match outcome {
                DeliveryOutcome::Deferred { until } => Some(*until),
                _ => None,
            },
            finish: Finish::of(&job_outcome),
        }
    }

    /// The mark as a statement of its own, for either database. On PostgreSQL one
    /// statement, whose two parts see the job as it was before it: the message is marked
    /// and the job finished only while the claim holds it. On SQLite two statements in one
    /// call to the one writer: a crash between them leaves the job running with its message
    /// marked, and claimed again it sends nothing.
    pub(crate) fn alone(&self, conn: &impl ConnectionTrait) -> Statement {
        let mark = format!(
            "UPDATE messages SET state = $1, attempts = $2, last_error = $3, \
             updated_at = $4, locale = COALESCE($5, locale), \
             sequence = COALESCE($6, sequence), sent_at = COALESCE($7, sent_at), \
             channel = COALESCE($8, channel), segments = COALESCE($9, segments), \
             gateway_ref = COALESCE($10, gateway_ref), send_at = COALESCE($11, send_at) \
             WHERE id = $12 AND EXISTS (SELECT 1 FROM jobs \
             WHERE id = $13 AND locked_by = $14 AND state = '{}')",
            JobState::Running.as_str()
        );
        let sql = dialect::of(conn).then(&mark, &finish_from(15));
        let mut values: Vec<Value> = vec![
            self.state.into(),
            self.attempts.into(),
            self.last_error.clone().into(),
            self.at.into(),
            self.locale.clone().into(),
            self.sequence.into(),
            self.sent.then_some(self.at).into(),
            self.channel.into(),
            self.segments.into(),
            self.gateway_ref.clone().into(),
            self.send_at.into(),
            self.message_id.into(),
            self.job_id.into(),
            self.lease.clone().into(),
        ];
        values.extend(self.finish.values(self.job_id, &self.lease, self.at));
        stmt(conn, &sql, values)
    }
}

/// `marks` in one PostgreSQL statement, unpacked from one JSON parameter (one text to
/// prepare whatever their number). Each row is fenced by its own claim, as [`Mark::alone`].
fn together(marks: &[&Mark]) -> Statement {
    let running = JobState::Running.as_str();
    let sql = format!(
        "WITH t AS (SELECT * FROM json_to_recordset($1::json) AS t(message_id bigint, \
         job_id bigint, lease text, at timestamptz, state text, attempts integer, \
         last_error text, locale text, sequence integer, sent boolean, channel text, \
         segments integer, gateway_ref text, send_at timestamptz, job_state text, \
         run_at timestamptz, job_error text, given_back integer)), \
         held AS (SELECT t.* FROM t JOIN jobs j ON j.id = t.job_id \
         AND j.locked_by = t.lease AND j.state = '{running}'), \
         marked AS (UPDATE messages m SET state = held.state, attempts = held.attempts, \
         last_error = held.last_error, updated_at = held.at, \
         locale = COALESCE(held.locale, m.locale), \
         sequence = COALESCE(held.sequence, m.sequence), \
         sent_at = CASE WHEN held.sent THEN held.at ELSE m.sent_at END, \
         channel = COALESCE(held.channel, m.channel), \
         segments = COALESCE(held.segments, m.segments), \
         gateway_ref = COALESCE(held.gateway_ref, m.gateway_ref), \
         send_at = COALESCE(held.send_at, m.send_at) \
         FROM held WHERE m.id = held.message_id RETURNING m.id) \
         UPDATE jobs j SET state = t.job_state, run_at = COALESCE(t.run_at, j.run_at), \
         last_error = t.job_error, locked_until = NULL, updated_at = t.at, \
         attempts = j.attempts - t.given_back \
         FROM t WHERE j.id = t.job_id AND j.locked_by = t.lease AND j.state = '{running}'"
    );
    // Strings, numbers and times always serialize.
    let rows = serde_json::to_string(marks).unwrap_or_else(|_| "[]".into());
    Statement::from_sql_and_values(DbBackend::Postgres, sql, [rows.into()])
}

/// How many batch statements the writer has committed, and how many marks they held.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MarksWritten {
    pub statements: u64,
    pub marks: u64,
}

#[derive(Default)]
struct Written {
    statements: AtomicU64,
    marks: AtomicU64,
}

/// Writes PostgreSQL's marks: the caller that finds the connection free writes its own mark
/// and every mark queued meanwhile; the others wait their turn, and most find their mark
/// written by then. A lone mark is written by its own caller, with no task in between.
#[derive(Clone)]
pub(crate) struct MarkWriter {
    queue: Arc<std::sync::Mutex<Vec<(Mark, Reply)>>>,
    /// Held while a batch is taken from the queue and written.
    turn: Arc<tokio::sync::Mutex<()>>,
    connection: Arc<MarkConnection>,
    pool: DatabaseConnection,
    written: Arc<Written>,
}

impl MarkWriter {
    /// Marks on `connection`, falling back on `pool`.
    pub(crate) fn new(connection: MarkConnection, pool: DatabaseConnection) -> MarkWriter {
        MarkWriter {
            queue: Arc::default(),
            turn: Arc::default(),
            connection: Arc::new(connection),
            pool,
            written: Arc::default(),
        }
    }

    pub(crate) fn written(&self) -> MarksWritten {
        MarksWritten {
            statements: self.written.statements.load(Ordering::Relaxed),
            marks: self.written.marks.load(Ordering::Relaxed),
        }
    }

    /// Writes `mark`, alone or with others; returns once it has committed.
    pub(crate) async fn write(&self, mark: Mark) -> Result<(), DbErr> {
        let (reply, mut answer) = oneshot::channel();
        self.queued().push((mark, reply));
        let _turn = self.turn.lock().await;
        loop {
            match answer.try_recv() {
                // Written by a caller before, or by this one.
                Ok(written) => return written,
                Err(oneshot::error::TryRecvError::Closed) => return Err(dropped()),
                Err(oneshot::error::TryRecvError::Empty) => {}
            }
            let batch: Vec<_> = {
                let mut queued = self.queued();
                let n = queued.len().min(MAX_BATCH);
                queued.drain(..n).collect()
            };
            if batch.is_empty() {
                return Err(dropped());
            }
            self.write_batch(batch).await;
        }
    }

    fn queued(&self) -> std::sync::MutexGuard<'_, Vec<(Mark, Reply)>> {
        // Only pushes and takes happen under this lock: a panic cannot leave it half done.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn write_batch(&self, mut batch: Vec<(Mark, Reply)>) {
        let statement = match batch.as_slice() {
            [(mark, _)] => mark.alone(&self.pool),
            _ => together(&batch.iter().map(|(m, _)| m).collect::<Vec<_>>()),
        };
        match self.connection.execute(&statement).await {
            Ok(()) => {
                self.written.statements.fetch_add(1, Ordering::Relaxed);
                self.written
                    .marks
                    .fetch_add(batch.len() as u64, Ordering::Relaxed);
                for (_, reply) in batch {
                    let _ = reply.send(Ok(()));
                }
            }
            Err(e) => {
                // A cut connection, or a row the database refuses: each mark goes again
                // through the pool, alone, to fail alone. Fenced by its claim, a mark that
                // did commit changes nothing the second time.
                tracing::warn!(error = %e, marks = batch.len(), "marking messages failed");
                for (mark, reply) in batch.drain(..) {
                    let _ = reply.send(alone(&self.pool, &mark).await);
                }
            }
        }
    }

    pub(crate) async fn close(&self) {
        self.connection.close().await;
    }
}

/// A mark's caller lost its answer (a batch's writer stopped mid-way): whether the mark
/// committed is unknown, and the job's lease decides what happens next.
fn dropped() -> DbErr {
    DbErr::Custom("a mark was dropped unwritten".into())
}

async fn alone(pool: &DatabaseConnection, mark: &Mark) -> Result<(), DbErr> {
    pool.execute_raw(mark.alone(pool)).await.map(|_| ())
}
