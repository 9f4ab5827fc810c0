//! What a facilitator sees of a session on their phone: the session, who holds a place (and
//! who said they cannot come, and why), the facilitators, the supports to arrange, and the
//! roll-call if one was taken. Reads only; the roll-call itself is `roll_call`'s.

use chrono::{DateTime, TimeDelta, Utc};
use peergroup_domain::Id;
use peergroup_domain::attendance::{AbsenceReason, Mark, SessionLog, SupportHeadcount};
use peergroup_domain::records::{Principal, Session};
use peergroup_store::sessions::{SessionRange, SessionScope};
use peergroup_store::{Result, Store, StoreError};

/// Sessions "My sessions" shows at most: today's and the next ones.
pub const UPCOMING: usize = 5;

#[derive(Debug, Clone)]
pub struct RosterLine {
    pub person_id: Id,
    pub name: String,
    /// Said "I can't come", with their reason.
    pub cannot_come: Option<AbsenceReason>,
    /// Their mark in the saved roll-call.
    pub mark: Option<Mark>,
}

#[derive(Debug, Clone)]
pub struct FacilitatorLine {
    pub person_id: Id,
    pub name: String,
    /// Recorded as present in the saved roll-call.
    pub present: bool,
}

#[derive(Debug, Clone)]
pub struct SessionSheet {
    pub session: Session,
    pub group_name: String,
    /// The group's languages: those an interpreter may be there for.
    pub languages: Vec<String>,
    pub roster: Vec<RosterLine>,
    pub facilitators: Vec<FacilitatorLine>,
    pub headcount: SupportHeadcount,
    pub log: Option<SessionLog>,
}

/// One session as its facilitators see it. The caller has checked they may.
pub async fn session_sheet(store: &Store, org: Id, session_id: Id) -> Result<SessionSheet> {
    let session = store.get_session(org, session_id).await?;
    let (group, _) = store.get_group_detail(org, session.group_id).await?;
    let log = match store.get_session_log(org, session_id).await {
        Ok(log) => Some(log),
        Err(StoreError::NotFound(_)) => None,
        Err(e) => return Err(e),
    };
    let said = store.cannot_come(org, session_id).await?;
    let roster = group
        .enrollments
        .iter()
        .filter(|e| e.status.holds_place())
        .map(|e| RosterLine {
            person_id: e.person_id,
            name: e.display_name.clone(),
            cannot_come: said.iter().find(|(id, _)| *id == e.id).map(|(_, r)| *r),
            mark: log.as_ref().and_then(|l| {
                l.spec
                    .attendance
                    .iter()
                    .find(|m| m.person_id == e.person_id)
                    .cloned()
            }),
        })
        .collect();
    let facilitators = group
        .facilitators
        .iter()
        .map(|f| FacilitatorLine {
            person_id: f.spec.person_id,
            name: f.display_name.clone(),
            present: log
                .as_ref()
                .is_some_and(|l| l.spec.facilitators_present.contains(&f.spec.person_id)),
        })
        .collect();
    Ok(SessionSheet {
        headcount: store.support_headcount(org, session_id).await?,
        group_name: group.group.spec.name.to_string(),
        languages: group
            .group
            .spec
            .languages
            .iter()
            .map(|l| l.to_string())
            .collect(),
        session,
        roster,
        facilitators,
        log,
    })
}

/// The caller's sessions from earlier today on (`groups`: theirs; `None`: the whole
/// organization's), at most [`UPCOMING`].
pub async fn upcoming(
    store: &Store,
    who: &Principal,
    groups: Option<Vec<Id>>,
    now: DateTime<Utc>,
) -> Result<Vec<SessionSheet>> {
    let scope = match groups {
        None => SessionScope::Organization,
        Some(ids) => SessionScope::Groups(ids),
    };
    // From 14 hours back: a session that started this morning is still today's.
    let range = SessionRange::Instants {
        from: now - TimeDelta::hours(14),
        to: now + TimeDelta::days(120),
    };
    let sessions = store.list_sessions(who.org_id, &scope, range, None).await?;
    let mut sheets = Vec::new();
    for s in sessions.into_iter().take(UPCOMING) {
        sheets.push(session_sheet(store, who.org_id, s.id).await?);
    }
    Ok(sheets)
}
