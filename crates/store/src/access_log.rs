//! The access log: appended to by every read and change of a participant's personal data,
//! never changed. Each entry's hash covers its fields and the hash of the entry before it in
//! its organization, so an edited entry, or a deleted one before the last, shows.

use crate::entities::{access_entry, enrollment, organization};
use crate::stored::Stored;
use crate::{PageRequest, Result, Store};
use chrono::{DateTime, SubsecRound, Utc};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction, AccessEntry, AccessLogCheck, By};
use peergroup_domain::records::Page;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::entity::prelude::*;
use sea_orm::{
    Condition, DatabaseConnection, DatabaseTransaction, QueryOrder, QuerySelect, QueryTrait,
    TransactionTrait,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use tokio::sync::{mpsc, oneshot};

/// What one entry says, as its hash covers it.
struct Said<'a> {
    org: Id,
    at: DateTime<Utc>,
    user: Option<Id>,
    person: Option<Id>,
    group: Option<Id>,
    action: AccessAction,
    route: &'a str,
}

fn chain_hash(prev: &str, s: &Said<'_>) -> String {
    let mut line = format!(
        "{prev}|{}|{}|{:?}|{:?}|{}|{}",
        s.org,
        s.at.timestamp_micros(),
        s.user,
        s.person,
        s.action,
        s.route
    );
    // Added after the first entries were chained, which it must leave as they were.
    if let Some(group) = s.group {
        line.push_str(&format!("|group {group}"));
    }
    hex::encode(Sha256::digest(line.as_bytes()))
}

/// An entry waiting for its place in the chain.
#[derive(Clone)]
pub(crate) struct NewEntry {
    org: Id,
    at: DateTime<Utc>,
    user: Option<Id>,
    person: Option<Id>,
    group: Option<Id>,
    action: AccessAction,
    route: String,
}

impl NewEntry {
    /// `by` did `action` to the data `about` at `at`.
    pub(crate) fn new(
        org: Id,
        at: DateTime<Utc>,
        by: By<'_>,
        action: AccessAction,
        about: About,
    ) -> Self {
        NewEntry {
            org,
            // Kept to the microsecond, as both databases store it.
            at: at.trunc_subsecs(6),
            user: by.user,
            person: about.person(),
            group: about.group(),
            action,
            route: by.route.to_string(),
        }
    }

    /// The same entry, about `person`: for a row whose id the insert gives.
    pub(crate) fn about(self, person: Id) -> Self {
        NewEntry {
            person: Some(person),
            ..self
        }
    }
}

type Reply = oneshot::Sender<std::result::Result<(), String>>;

/// What the writing task is handed: an entry, and whom to tell once it is committed (no
/// one: a read, which does not wait); or no entry, only someone waiting for every entry
/// queued before (a flush).
type Queued = (Option<NewEntry>, Option<Reply>);

/// Entries in one transaction at most.
const MAX_BATCH: usize = 64;

/// Entries waiting at most; past that, reads wait for room.
const MAX_WAITING: usize = 4096;

/// The way in to the task that appends entries. Every read of a person writes one, so
/// entries that arrive together are chained and written in one transaction (as new people
/// are, in `person_inserts`): one commit per batch instead of one per read.
///
/// A change, an export or an erasure is answered once its entry is committed. A read is
/// answered once its entry is queued, and the entry follows within the next batch (about a
/// millisecond): waiting for that commit made reading a roster cost as much as a write.
/// Reading the log, and closing the store, first wait for what is queued; what a crash
/// loses is the reads of the last batch.
#[derive(Clone)]
pub(crate) struct LogWriter {
    queue: mpsc::Sender<Queued>,
    db: DatabaseConnection,
}

impl LogWriter {
    /// Starts the writing task on `db`; it ends when the last handle is dropped.
    pub(crate) fn start(db: DatabaseConnection) -> Self {
        let (queue, waiting) = mpsc::channel(MAX_WAITING);
        tokio::spawn(write_batches(db.clone(), waiting));
        LogWriter { queue, db }
    }

    /// Appends `entry`: a read once it is queued, anything else once it is committed.
    /// Inside a request's own transaction it goes in there, to commit (or not) with the
    /// request's work.
    async fn append(&self, entry: NewEntry) -> Result<()> {
        let db = crate::ambient::Db::or_ambient(&self.db);
        if db.is_ambient() {
            return write_alone(db.begin().await?, entry).await;
        }
        if entry.action == AccessAction::Read {
            if let Err(mpsc::error::SendError((Some(entry), _))) =
                self.queue.send((Some(entry), None)).await
            {
                return write_alone(self.db.begin().await?, entry).await;
            }
            return Ok(());
        }
        let (reply, answer) = oneshot::channel();
        if let Err(mpsc::error::SendError((Some(entry), _))) =
            self.queue.send((Some(entry), Some(reply))).await
        {
            // The writing task is gone (only a panic ends it): this entry goes in alone.
            return write_alone(self.db.begin().await?, entry).await;
        }
        let written = answer
            .await
            .map_err(|_| DbErr::Custom("the access log writer stopped".into()))?;
        written.map_err(|e| DbErr::Custom(e).into())
    }

    /// Returns once every entry queued before is committed (or failed).
    pub(crate) async fn flush(&self) {
        let (reply, answer) = oneshot::channel();
        if self.queue.send((None, Some(reply))).await.is_ok() {
            let _ = answer.await;
        }
    }
}

async fn write_alone(txn: DatabaseTransaction, entry: NewEntry) -> Result<()> {
    write_chained(&txn, std::slice::from_ref(&entry)).await?;
    txn.commit().await?;
    Ok(())
}

async fn write_batches(db: DatabaseConnection, mut waiting: mpsc::Receiver<Queued>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (entries, replies): (Vec<_>, Vec<_>) = batch.drain(..).unzip();
        let entries: Vec<NewEntry> = entries.into_iter().flatten().collect();
        let written = match entries.is_empty() {
            true => Ok(()),
            false => write_batch(&db, &entries).await,
        };
        for reply in replies.into_iter().flatten() {
            let _ = reply.send(written.clone());
        }
    }
}

/// One transaction for the batch; if it fails, each entry alone, so that one bad entry
/// (an organization gone) does not lose the reads queued with it.
async fn write_batch(
    db: &DatabaseConnection,
    entries: &[NewEntry],
) -> std::result::Result<(), String> {
    let together = async {
        let txn = db.begin().await?;
        write_chained(&txn, entries).await?;
        txn.commit().await
    };
    if together.await.is_ok() {
        return Ok(());
    }
    let mut failed = None;
    for entry in entries {
        let alone = async { write_alone(db.begin().await?, entry.clone()).await };
        if let Err(e) = alone.await {
            // Ids and the error only: no personal data.
            tracing::error!(org = entry.org, error = %e, "an access log entry was not written");
            failed = Some(e.to_string());
        }
    }
    failed.map_or(Ok(()), Err)
}

/// Chains `entries` after the last entry of each of their organizations (whose hash the
/// organization's row keeps, and is given the new last one), and inserts them. Each
/// organization's row is locked first (in id order, so two writers cannot deadlock), so
/// that no other writer chains after the same entry; `FOR NO KEY UPDATE`, because a
/// request's transaction that inserted a person already holds the row's key-share lock
/// (`FOR UPDATE` there deadlocked two such requests).
pub(crate) async fn write_chained(
    txn: &DatabaseTransaction,
    entries: &[NewEntry],
) -> std::result::Result<(), DbErr> {
    let orgs: BTreeSet<Id> = entries.iter().map(|e| e.org).collect();
    let mut last: HashMap<Id, String> = HashMap::new();
    for org in &orgs {
        let head = crate::dialect::for_no_key_update(txn, organization::Entity::find_by_id(*org))
            .one(txn)
            .await?
            .and_then(|o| o.access_log_head)
            .unwrap_or_default();
        last.insert(*org, head);
    }
    let mut rows = Vec::with_capacity(entries.len());
    for e in entries {
        let prev = last.get(&e.org).cloned().unwrap_or_default();
        let said = Said {
            org: e.org,
            at: e.at,
            user: e.user,
            person: e.person,
            group: e.group,
            action: e.action,
            route: &e.route,
        };
        let hash = chain_hash(&prev, &said);
        last.insert(e.org, hash.clone());
        rows.push(access_entry::ActiveModel {
            id: NotSet,
            org_id: Set(e.org),
            at: Set(e.at),
            user_id: Set(e.user),
            person_id: Set(e.person),
            group_id: Set(e.group),
            action: Set(Stored(e.action)),
            route: Set(e.route.clone()),
            prev_hash: Set(prev),
            hash: Set(hash),
        });
    }
    // Ids are given in the order of the rows, which is the chain's.
    access_entry::Entity::insert_many(rows).exec(txn).await?;
    for org in orgs {
        organization::Entity::update_many()
            .col_expr(
                organization::Column::AccessLogHead,
                Expr::value(last.get(&org).cloned()),
            )
            .filter(organization::Column::Id.eq(org))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// The organization's entries; only those about `person` (theirs, and those of any group
/// they were enrolled in) or by `user` when given.
fn filtered(org: Id, person: Option<Id>, user: Option<Id>) -> Select<access_entry::Entity> {
    let mut query = access_entry::Entity::find().filter(access_entry::Column::OrgId.eq(org));
    if let Some(p) = person {
        let their_groups = enrollment::Entity::find()
            .select_only()
            .column(enrollment::Column::GroupId)
            .filter(enrollment::Column::OrgId.eq(org))
            .filter(enrollment::Column::PersonId.eq(p))
            .into_query();
        query = query.filter(
            Condition::any()
                .add(access_entry::Column::PersonId.eq(p))
                .add(access_entry::Column::GroupId.in_subquery(their_groups)),
        );
    }
    if let Some(u) = user {
        query = query.filter(access_entry::Column::UserId.eq(u));
    }
    query
}

fn entry_of(e: access_entry::Model) -> AccessEntry {
    AccessEntry {
        id: e.id,
        at: e.at,
        user_id: e.user_id,
        person_id: e.person_id,
        group_id: e.group_id,
        action: e.action.0,
        route: e.route,
    }
}

impl Store {
    /// Appends an entry, once it is committed: `by` did `action` to the data `about`.
    pub async fn record_access(
        &self,
        org: Id,
        by: By<'_>,
        action: AccessAction,
        about: About,
    ) -> Result<()> {
        self.log
            .append(NewEntry::new(org, self.now(), by, action, about))
            .await
    }

    /// The organization's entries, oldest first; only those about `person` (theirs, and
    /// those of any group they were enrolled in) or by `user` when given.
    pub async fn access_log(
        &self,
        org: Id,
        person: Option<Id>,
        user: Option<Id>,
        page: PageRequest,
    ) -> Result<Page<AccessEntry>> {
        self.log.flush().await;
        let rows = page
            .apply(filtered(org, person, user), access_entry::Column::Id)
            .all(&self.reader())
            .await?;
        let items = rows.into_iter().map(entry_of).collect();
        Ok(Page::from_rows(items, page.limit, |e| e.id))
    }

    /// The same entries, newest first: `limit` of those before the entry `before`.
    pub async fn recent_access(
        &self,
        org: Id,
        person: Option<Id>,
        user: Option<Id>,
        before: Option<Id>,
        limit: u64,
    ) -> Result<Vec<AccessEntry>> {
        self.log.flush().await;
        let mut query = filtered(org, person, user);
        if let Some(before) = before {
            query = query.filter(access_entry::Column::Id.lt(before));
        }
        let rows = query
            .order_by_desc(access_entry::Column::Id)
            .limit(limit)
            .all(&self.reader())
            .await?;
        Ok(rows.into_iter().map(entry_of).collect())
    }

    /// Walks the organization's chain from its first entry.
    pub async fn check_access_log(&self, org: Id) -> Result<AccessLogCheck> {
        self.log.flush().await;
        // The head first: entries appended meanwhile come after it, and do not hide it.
        let head = organization::Entity::find_by_id(org)
            .one(&self.reader())
            .await?
            .and_then(|o| o.access_log_head);
        let rows = access_entry::Entity::find()
            .filter(access_entry::Column::OrgId.eq(org))
            .order_by_asc(access_entry::Column::Id)
            .all(&self.reader())
            .await?;
        let mut prev = String::new();
        let mut first_broken = None;
        for e in &rows {
            let said = Said {
                org: e.org_id,
                at: e.at,
                user: e.user_id,
                person: e.person_id,
                group: e.group_id,
                action: e.action.0,
                route: &e.route,
            };
            if e.prev_hash != prev || e.hash != chain_hash(&prev, &said) {
                first_broken = Some(e.id);
                break;
            }
            prev = e.hash.clone();
        }
        let truncated = head.is_some_and(|h| !rows.iter().any(|e| e.hash == h));
        Ok(AccessLogCheck {
            entries: rows.len() as u64,
            first_broken,
            truncated,
        })
    }
}
