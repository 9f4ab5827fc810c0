//! Signing in to the web pages: inviting a user, a forgotten password, and choosing a
//! password from the one-time link either sends. A link is a row that can be used once;
//! the mail carrying it is queued in the same transaction, so an invitation is never
//! recorded without its mail, nor mailed twice.

use crate::passwords;
use chrono::{DateTime, TimeDelta, Utc};
use peergroup_domain::Id;
use peergroup_domain::org::Role;
use peergroup_domain::records::Principal;
use peergroup_domain::reminders::MessageKind;
use peergroup_domain::values::Email;
use peergroup_store::reminders::NewMessage;
use peergroup_store::{Result, Store, StoreError, Tx};

/// The purposes a link is stored with.
pub const INVITATION: &str = "invitation";
pub const RESET: &str = "reset";

/// One reset mail per account within this time, however often it is asked for.
const RESET_QUIET: TimeDelta = TimeDelta::minutes(15);

/// An invitation made: who, and the link (which the operator's command line prints).
#[derive(Debug, Clone)]
pub struct Invited {
    pub user_id: Id,
    pub link_id: Id,
    pub expires_at: DateTime<Utc>,
}

async fn link_with_mail(
    tx: &Tx,
    org: Id,
    user_id: Id,
    kind: MessageKind,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<Id> {
    let purpose = match kind {
        MessageKind::Invitation => INVITATION,
        _ => RESET,
    };
    let link_id = tx
        .new_sign_in_link(org, user_id, purpose, now, expires_at)
        .await?;
    tx.queue_messages(
        &[NewMessage {
            org_id: org,
            kind,
            dedupe_key: format!("l{link_id}"),
            session_id: None,
            person_id: None,
            user_id: Some(user_id),
            subject_id: Some(link_id),
            send_at: now,
        }],
        now,
    )
    .await?;
    Ok(link_id)
}

/// Invites `email` into `org` as `role` (a user already there gets the role), in `locale`
/// if given: a link to choose a password that works once, for `valid_for`, and the mail
/// that carries it.
pub async fn invite(
    store: &Store,
    org: Id,
    email: &Email,
    role: Role,
    locale: Option<&str>,
    valid_for: TimeDelta,
) -> Result<Invited> {
    let now = store.clock().now();
    let expires_at = now + valid_for;
    let tx = store.begin().await?;
    let user_id = tx.ensure_user(org, email.as_str(), role, now).await?;
    if let Some(locale) = locale {
        tx.set_user_locale(org, user_id, locale, now).await?;
    }
    let link_id =
        link_with_mail(&tx, org, user_id, MessageKind::Invitation, now, expires_at).await?;
    tx.commit().await?;
    Ok(Invited {
        user_id,
        link_id,
        expires_at,
    })
}

/// A link for the operator to hand over themself (the demo prints one at start): like an
/// invitation, with no mail.
pub async fn link_without_mail(
    store: &Store,
    org: Id,
    user_id: Id,
    valid_for: TimeDelta,
) -> Result<Invited> {
    let now = store.clock().now();
    let expires_at = now + valid_for;
    let tx = store.begin().await?;
    let link_id = tx
        .new_sign_in_link(org, user_id, INVITATION, now, expires_at)
        .await?;
    tx.commit().await?;
    Ok(Invited {
        user_id,
        link_id,
        expires_at,
    })
}

/// Mails a link to choose a new password to each account with this email, at most once per
/// account every 15 minutes. Says nothing of whether there was one: the page answers the
/// same either way.
pub async fn request_reset(store: &Store, email: &str, valid_for: TimeDelta) -> Result<()> {
    let now = store.clock().now();
    for who in store.accounts(email).await? {
        let tx = store.begin().await?;
        if !tx
            .link_made_since(who.org_id, who.user_id, RESET, now - RESET_QUIET)
            .await?
        {
            link_with_mail(
                &tx,
                who.org_id,
                who.user_id,
                MessageKind::PasswordReset,
                now,
                now + valid_for,
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Sets the password of the link's user and uses the link up; every browser signed in as
/// them is signed out. `Ok(None)`: the link was used, has expired or is gone. A password
/// that is too short or long is refused before anything changes.
pub async fn set_password(
    store: &Store,
    org: Id,
    link_id: Id,
    password: String,
) -> Result<Option<Principal>> {
    passwords::check(&password).map_err(|e| StoreError::invalid("password", e.to_string()))?;
    let phc = passwords::hash(password).await;
    let tx = store.begin().await?;
    let who = tx
        .redeem_sign_in_link(org, link_id, &phc, store.clock().now())
        .await?;
    tx.commit().await?;
    Ok(who)
}

/// The account these credentials open, if any. An address with no account takes as long
/// to refuse as a wrong password.
pub async fn check_password(
    store: &Store,
    email: &str,
    password: String,
) -> Result<Option<Principal>> {
    let accounts = store.password_accounts(email).await?;
    if accounts.is_empty() {
        passwords::verify(password, None).await;
        return Ok(None);
    }
    for account in accounts {
        if passwords::verify(password.clone(), Some(account.password_hash)).await {
            return Ok(Some(account.principal));
        }
    }
    Ok(None)
}
