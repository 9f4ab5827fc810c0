//! Delivering one message: read it as things are now, decide whether it still should go,
//! write it in the person's language and send it.

use crate::job::{Context, Job, done};
use crate::runtime::{Failure, Runtime, outcome_for};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use peergroup_domain::jobs::{DeliverJob, JobKind};
use peergroup_domain::records::SessionStatus;
use peergroup_domain::redact::without_contacts;
use peergroup_domain::reminders::Channel;
use peergroup_domain::reminders::MessageKind;
use peergroup_notify::links::{AbsenceLink, SignInLinkToken, SmsStatusToken, sms_status_url};
use peergroup_notify::locale::FALLBACK;
use peergroup_notify::render::{
    EscalatedCall, SmsAnswer, SmsSentences, sms_answer_sentences, sms_sentences,
};
use peergroup_notify::sms::{OutgoingSms, SmsReceipt, fit};
use peergroup_notify::transport::build;
use peergroup_notify::{Mail, Outgoing, SendError, SessionInfo, negotiate, render};
use peergroup_store::jobs::ClaimedJob;
use peergroup_store::messages::{
    Delivery, DeliveryOutcome, DeliverySession, DeliverySignIn, Recipient, Sent,
};

/// Sends one message, read as things are now.
pub struct DeliverMessage;

impl Job for DeliverMessage {
    const KIND: JobKind = JobKind::DeliverMessage;
    type Payload = DeliverJob;

    async fn run(mut cx: Context<'_>, d: DeliverJob) -> Result<(), Failure> {
        let message_id = d.message_id;
        let store = &cx.rt.store;
        let d = match cx.ahead.take() {
            Some(d) => Some(d),
            None => peergroup_app::deliveries::delivery(store, message_id).await?,
        };
        match d {
            Some(d) => deliver(cx.rt, cx.job, message_id, d).await,
            // Gone with its organization or person: nothing to send.
            None => done(&cx).await,
        }
    }
}

/// Sends the message `message_id`, read as `d`, and records the outcome.
async fn deliver(
    rt: &Runtime,
    job: &ClaimedJob,
    message_id: i64,
    d: Delivery,
) -> Result<(), Failure> {
    let store = &rt.store;
    let now = store.clock().now();
    // Held from handing the message to the mail server until its outcome is recorded.
    let mut sending = None;
    let prepared = prepare(rt, &d, now);
    let quiet_until = match &prepared {
        Ok((Prepared::Sms { .. }, _)) => sms_quiet_until(&d, now),
        _ => None,
    };
    let outcome = match (prepared, quiet_until) {
        (Err(why), _) => DeliveryOutcome::Skipped { why },
        (Ok(_), Some(until)) => DeliveryOutcome::Deferred { until },
        (Ok((prepared, sequence)), None) => match send(rt, job, &prepared, &mut sending).await {
            Ok(Handed::ClaimLost) => {
                // Another worker holds the job now and sends the message; the mark below
                // would be fenced off anyway.
                tracing::warn!(
                    message = message_id,
                    "not sent: this worker lost the message's job (paused past its lease?)"
                );
                store.count_lost_claim(message_id).await?;
                return Ok(());
            }
            Ok(Handed::Sent(receipt)) => DeliveryOutcome::Sent(prepared.sent(sequence, receipt)),
            Err(e) => {
                // The server's words, without the recipient they may quote: they go to the
                // log and onto the message, which coordinators read.
                let failure = match e {
                    SendError::Transient(e) => Failure::Transient(without_contacts(&e)),
                    SendError::Permanent(e) => Failure::Permanent(without_contacts(&e)),
                };
                let (Failure::Transient(said) | Failure::Permanent(said)) = &failure;
                tracing::warn!(message = message_id, attempt = job.attempts, error = %said, "sending failed");
                DeliveryOutcome::Failed(outcome_for(
                    failure,
                    job.attempts,
                    job.max_attempts,
                    now,
                    &rt.settings,
                ))
            }
        },
    };
    // The message is marked before the permit goes, so a crash can only repeat messages
    // holding one.
    store.record_delivery(job, message_id, &outcome).await?;
    drop(sending);
    Ok(())
}

/// When an SMS due `now` may go, if `now` is in the organization's quiet hours where the
/// session meets (UTC for a message about no session). Mail may wait in an inbox; a text
/// wakes the phone. An answer goes at once: the person has just texted.
fn sms_quiet_until(d: &Delivery, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if d.kind.is_sms_answer() {
        return None;
    }
    let tz = d
        .session
        .as_ref()
        .and_then(|s| s.timezone.parse().ok())
        .unwrap_or(Tz::UTC);
    let until = d.quiet.release(now, tz);
    (until > now).then_some(until)
}

/// Whether the mail server or the SMS gateway took the message, or this worker found it
/// no longer held the message's job and left it unsent.
enum Handed {
    Sent(SmsReceipt),
    ClaimLost,
}

/// A message written out for its channel.
enum Prepared {
    Mail(Outgoing),
    Sms {
        sms: OutgoingSms,
        locale: &'static str,
    },
}

impl Prepared {
    fn sent(&self, sequence: Option<i32>, receipt: SmsReceipt) -> Sent {
        let (locale, channel, segments) = match self {
            Prepared::Mail(m) => (m.rendered.locale, Channel::Email, None),
            Prepared::Sms { sms, locale } => {
                (*locale, Channel::Sms, i32::try_from(sms.segments).ok())
            }
        };
        Sent {
            locale: locale.to_string(),
            sequence,
            channel,
            segments,
            gateway_ref: receipt.gateway_ref,
        }
    }
}

/// Sends `prepared`, holding a sending permit (kept in `permit`) from the moment the
/// message can no longer be called back.
async fn send<'a>(
    rt: &'a Runtime,
    job: &ClaimedJob,
    prepared: &Prepared,
    permit: &mut Option<tokio::sync::SemaphorePermit<'a>>,
) -> Result<Handed, SendError> {
    match prepared {
        Prepared::Mail(mail) => send_mail(rt, job, mail, permit).await,
        Prepared::Sms { sms, .. } => {
            if !hold_permit(rt, &rt.texts, job, permit).await? {
                return Ok(Handed::ClaimLost);
            }
            rt.texter.send(sms).await.map(Handed::Sent)
        }
    }
}

/// Takes a permit of `sends` into `permit`, then checks the lease on the clock the claim was
/// made by: a worker paused past its lease (a stall, a frozen machine), whose job another
/// worker may hold now, must send nothing. Returns whether the claim still holds.
async fn hold_permit<'a>(
    rt: &Runtime,
    sends: &'a tokio::sync::Semaphore,
    job: &ClaimedJob,
    permit: &mut Option<tokio::sync::SemaphorePermit<'a>>,
) -> Result<bool, SendError> {
    *permit = Some(
        sends
            .acquire()
            .await
            .map_err(|_| SendError::Transient("shutting down".into()))?,
    );
    Ok(job.holds_at(rt.store.clock().now(), claim_margin(rt.settings.lease)))
}

/// Writes the mail out and gives the mail server all of it but its end; then takes a
/// sending permit and ends it. The server takes a message only at its end, so a crash
/// before that delivers nothing, and only the end waits for the permit.
async fn send_mail<'a>(
    rt: &'a Runtime,
    job: &ClaimedJob,
    outgoing: &Outgoing,
    permit: &mut Option<tokio::sync::SemaphorePermit<'a>>,
) -> Result<Handed, SendError> {
    let built = build(outgoing)?;
    let started = rt.mailer.start(&built).await?;
    if !hold_permit(rt, &rt.sends, job, permit).await? {
        return Ok(Handed::ClaimLost);
    }
    started
        .finish()
        .await
        .map(|()| Handed::Sent(SmsReceipt::default()))
}

/// How much of its lease a claim must have left to send: time for the message's last
/// exchange and its mark, with room to spare.
fn claim_margin(lease: std::time::Duration) -> std::time::Duration {
    (lease / 4).min(std::time::Duration::from_secs(30))
}

fn session_info(s: &DeliverySession) -> SessionInfo {
    SessionInfo {
        group: s.group_name.clone(),
        starts_at: s.starts_at,
        tz: s.timezone.parse().unwrap_or(Tz::UTC),
        minutes: u32::try_from(s.minutes).unwrap_or(0),
        venue: s.venue_name.clone(),
        address: s.venue_address.clone(),
        topic: s.topic.clone(),
    }
}

/// How a message of `kind` reaches its reader, or why it cannot. Staff read email. A
/// participant gets a message only by a channel they agreed to: SMS first if they prefer it
/// or have a phone and no email, else email first, and the other channel when the first is
/// not theirs. An answer to a participant's SMS goes back by SMS if they agree to SMS; the
/// one to STOP goes once they no longer do, as the last.
fn channel(kind: MessageKind, r: &Recipient) -> Result<(Channel, String), String> {
    if !r.needs_consent {
        return match &r.email {
            Some(email) => Ok((Channel::Email, email.clone())),
            None => Err("the person has no email address".into()),
        };
    }
    let sms = r.phone.as_ref().filter(|_| r.sms_consented);
    if kind.is_sms_answer() {
        let to = if kind == MessageKind::SmsStopped {
            r.phone.as_ref()
        } else {
            sms
        };
        return match (to, &r.phone) {
            (Some(phone), _) => Ok((Channel::Sms, phone.clone())),
            (None, Some(_)) => Err("the person does not agree to SMS (they answered STOP)".into()),
            (None, None) => {
                Err("an answer to an SMS goes only by SMS, and the number is gone".into())
            }
        };
    }
    if !r.email_consented && !r.sms_consented {
        return Err("the person has not agreed to reminders".into());
    }
    let email = r.email.as_ref().filter(|_| r.email_consented);
    let prefers_sms =
        r.channel.as_deref() == Some("sms") || (r.email.is_none() && r.phone.is_some());
    let sms = sms.map(|to| (Channel::Sms, to.clone()));
    let email = email.map(|to| (Channel::Email, to.clone()));
    let chosen = if prefers_sms {
        sms.or(email)
    } else {
        email.or(sms)
    };
    chosen.ok_or_else(|| match (r.email_consented, r.sms_consented) {
        (true, false) => "the person agrees only to email and has no email address".into(),
        (false, true) => "the person agrees only to SMS and has no phone number".into(),
        _ => "the person has no email address or phone number".into(),
    })
}

/// The message to send and the session sequence it describes, or why it should not go.
fn prepare(
    rt: &Runtime,
    d: &Delivery,
    now: DateTime<Utc>,
) -> Result<(Prepared, Option<i32>), String> {
    let (channel, to) = channel(d.kind, &d.recipient)?;
    let session = d.session.as_ref();
    let upcoming =
        session.is_some_and(|s| s.status == SessionStatus::Scheduled && s.starts_at > now);
    let locale = locale_of(d);
    let name = d.recipient.name.clone();
    let mail = match d.kind {
        MessageKind::SessionReminder
        | MessageKind::SessionChanged
        | MessageKind::FacilitatorReminder
        | MessageKind::AbsenceNotice
            if !upcoming =>
        {
            return Err("the session was cancelled or has started".into());
        }
        MessageKind::SessionCancelled
            if session.is_none_or(|s| s.status != SessionStatus::Cancelled) =>
        {
            return Err("the session is no longer cancelled".into());
        }
        MessageKind::SessionReminder | MessageKind::SessionChanged => {
            let s = session.ok_or("no session")?;
            Mail::SessionReminder {
                name,
                session: session_info(s),
                supports: d.supports.clone(),
                cant_come_url: s.enrollment_id.map(|e| absence_url(rt, d.org_id, s, e)),
                changed: d.kind == MessageKind::SessionChanged,
            }
        }
        MessageKind::SessionCancelled => Mail::SessionCancelled {
            name,
            session: session_info(session.ok_or("no session")?),
        },
        MessageKind::FacilitatorReminder => Mail::FacilitatorReminder {
            name,
            session: session_info(session.ok_or("no session")?),
            roster: d.roster.clone(),
            headcount: d.headcount.clone().unwrap_or_default(),
            absences: d.absences,
        },
        MessageKind::AbsenceNotice => {
            let (participant, reason) = d.absence.clone().ok_or("the notice is gone")?;
            Mail::AbsenceNotice {
                name,
                participant,
                session: session_info(session.ok_or("no session")?),
                reason,
            }
        }
        MessageKind::FollowUpAssigned => {
            let t = d.task.as_ref().ok_or("the follow-up task is gone")?;
            if !t.open {
                return Err("the task was closed before the message went".into());
            }
            Mail::FollowUpAssigned {
                name,
                group: t.group_name.clone(),
                due_at: t.due_at,
                tz: t.timezone.parse().unwrap_or(Tz::UTC),
                url: page_url(rt, &format!("/follow-ups/{}", t.id)),
            }
        }
        MessageKind::FollowUpHandedOver => {
            let t = d.task.as_ref().ok_or("the follow-up task is gone")?;
            if !t.open {
                return Err("the task was closed before the message went".into());
            }
            Mail::FollowUpHandedOver {
                group: t.group_name.clone(),
                url: page_url(rt, &format!("/follow-ups/{}", t.id)),
            }
        }
        MessageKind::FollowUpOpened => {
            let t = d.task.as_ref().ok_or("the follow-up task is gone")?;
            Mail::FollowUpOpened {
                group: t.group_name.clone(),
                misses: t.sessions_missed,
                url: page_url(rt, &format!("/follow-ups/{}", t.id)),
            }
        }
        MessageKind::FollowUpEscalated => {
            if d.escalated.is_empty() {
                return Err("every escalated call has been made or closed since".into());
            }
            Mail::FollowUpEscalated {
                tasks: d
                    .escalated
                    .iter()
                    .map(|t| EscalatedCall {
                        group: t.group_name.clone(),
                        due_at: t.due_at,
                        tz: t.timezone.parse().unwrap_or(Tz::UTC),
                    })
                    .collect(),
                url: page_url(rt, "/follow-ups"),
            }
        }
        MessageKind::RolesMissing => {
            let s = session
                .filter(|_| upcoming)
                .ok_or("the session was cancelled or has started")?;
            if d.missing_roles.is_empty() {
                return Err("the session has its facilitators now".into());
            }
            Mail::RolesMissing {
                group: s.group_name.clone(),
                starts_at: s.starts_at,
                tz: s.timezone.parse().unwrap_or(Tz::UTC),
                missing: d.missing_roles.clone(),
                url: page_url(rt, &format!("/sessions/{}", s.id)),
            }
        }
        MessageKind::WeeklyDigest => {
            let g = d.digest.as_ref().ok_or("no digest")?;
            if g.is_empty() {
                return Err("nothing to report this week".into());
            }
            Mail::WeeklyDigest(g.clone(), page_url(rt, "/dashboard"))
        }
        MessageKind::AbsenceConfirmed => {
            let s = session
                .filter(|_| upcoming)
                .ok_or("the session was cancelled or has started")?;
            let answer = SmsAnswer::AbsenceReceived(session_info(s));
            return Ok((answer_text(rt, d, to, &answer, locale)?, Some(s.sequence)));
        }
        MessageKind::SmsStopped => {
            return Ok((answer_text(rt, d, to, &SmsAnswer::Stopped, locale)?, None));
        }
        MessageKind::Invitation | MessageKind::PasswordReset => {
            let link = d
                .sign_in
                .as_ref()
                .ok_or("the link was used or has expired before the message went")?;
            let url = sign_in_url(rt, d.org_id, link);
            let left = link.expires_at - now;
            if d.kind == MessageKind::Invitation {
                Mail::Invitation {
                    organization: link.organization.clone(),
                    url,
                    days: u32::try_from((left.num_hours() + 23) / 24).unwrap_or(1),
                }
            } else {
                Mail::PasswordReset {
                    url,
                    minutes: u32::try_from((left.num_seconds() + 59) / 60).unwrap_or(1),
                }
            }
        }
    };
    if channel == Channel::Sms {
        let sentences = match sms_sentences(&mail, locale) {
            Some(Ok(s)) => s,
            Some(Err(_)) => sms_sentences(&mail, FALLBACK)
                .and_then(Result::ok)
                .ok_or("the message cannot be written as SMS")?,
            None => return Err("this kind of message does not go by SMS".into()),
        };
        return Ok((text(rt, d, to, &sentences)?, session.map(|s| s.sequence)));
    }
    let rendered = render(&mail, locale);
    let participant_mail = d.recipient.needs_consent;
    let from_address = address_of(&rt.settings.from);
    let domain = from_address
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| "peergroup.invalid".into());
    let outgoing = Outgoing {
        from: rt.settings.from.clone(),
        reply_to: d.reply_to.clone(),
        to_name: d.recipient.name.clone(),
        to_email: to,
        message_id: format!("<m{}.o{}@{domain}>", d.message_id, d.org_id),
        list_unsubscribe: participant_mail.then(|| {
            format!(
                "mailto:{}?subject=unsubscribe",
                d.reply_to.clone().unwrap_or(from_address.clone())
            )
        }),
        rendered,
    };
    Ok((Prepared::Mail(outgoing), session.map(|s| s.sequence)))
}

/// The person's (or user's) language, then the group's, then English. Staff mail never
/// follows a group's language.
fn locale_of(d: &Delivery) -> &'static str {
    let group_languages = d
        .session
        .as_ref()
        .filter(|_| !d.recipient.staff)
        .map(|s| s.group_languages.clone())
        .unwrap_or_default();
    negotiate(
        d.recipient
            .language
            .iter()
            .chain(group_languages.iter())
            .map(String::as_str),
    )
}

/// `answer` as an SMS to `to`, in `locale` (else English).
fn answer_text(
    rt: &Runtime,
    d: &Delivery,
    to: String,
    answer: &SmsAnswer,
    locale: &'static str,
) -> Result<Prepared, String> {
    let sentences = sms_answer_sentences(answer, locale)
        .or_else(|_| sms_answer_sentences(answer, FALLBACK))
        .map_err(|e| e.to_string())?;
    text(rt, d, to, &sentences)
}

/// `sentences` as an SMS to `to`, within the segment limit, asking for delivery reports.
fn text(
    rt: &Runtime,
    d: &Delivery,
    to: String,
    sentences: &SmsSentences,
) -> Result<Prepared, String> {
    let plan = fit(sentences, rt.settings.sms_max_segments)?;
    let token = rt.links.sign_sms_status(&SmsStatusToken {
        org_id: d.org_id,
        message_id: d.message_id,
    });
    let sms = OutgoingSms::new(
        to,
        &plan,
        sms_status_url(&rt.settings.public_url, &token),
        format!("m{}.o{}", d.message_id, d.org_id),
    );
    Ok(Prepared::Sms {
        sms,
        locale: sentences.locale,
    })
}

/// The bare address in `Name <address>`.
fn address_of(mailbox: &str) -> String {
    match (mailbox.rfind('<'), mailbox.rfind('>')) {
        (Some(a), Some(b)) if a < b => mailbox[a + 1..b].trim().to_string(),
        _ => mailbox.trim().to_string(),
    }
}

/// The signed link that lets a user set a password once; it works until the link row says.
fn sign_in_url(rt: &Runtime, org: i64, link: &DeliverySignIn) -> String {
    rt.links.sign_in_url(
        &rt.settings.public_url,
        &SignInLinkToken {
            org_id: org,
            link_id: link.link_id,
            expires_at: link.expires_at.timestamp(),
        },
    )
}

/// A page of this installation, for staff mail to link to what it speaks of.
fn page_url(rt: &Runtime, path: &str) -> String {
    format!("{}{path}", rt.settings.public_url.trim_end_matches('/'))
}

/// The signed "I can't come" link of one participant for one session; it works until the
/// session ends.
fn absence_url(rt: &Runtime, org: i64, s: &DeliverySession, enrollment: i64) -> String {
    let token = rt.links.sign(&AbsenceLink {
        org_id: org,
        session_id: s.id,
        enrollment_id: enrollment,
        expires_at: (s.starts_at + Duration::minutes(i64::from(s.minutes))).timestamp(),
    });
    format!("{}/r/{token}", rt.settings.public_url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use MessageKind::{AbsenceConfirmed, FollowUpOpened, SessionReminder, SmsStopped};

    const PHONE: &str = "+16045550111";
    const EMAIL: &str = "hawa@example.org";

    /// A participant who agreed to reminders by both channels, with a phone and an email
    /// address.
    fn participant() -> Recipient {
        Recipient {
            name: "Hawa".into(),
            email: Some(EMAIL.into()),
            language: None,
            needs_consent: true,
            email_consented: true,
            sms_consented: true,
            channel: None,
            phone: Some(PHONE.into()),
            staff: false,
        }
    }

    fn sms() -> Result<(Channel, String), String> {
        Ok((Channel::Sms, PHONE.into()))
    }

    fn email() -> Result<(Channel, String), String> {
        Ok((Channel::Email, EMAIL.into()))
    }

    #[test]
    fn a_participant_is_texted_when_they_prefer_it_or_have_only_a_phone() {
        let mut r = participant();
        assert_eq!(channel(SessionReminder, &r), email());
        r.channel = Some("sms".into());
        assert_eq!(channel(SessionReminder, &r), sms());
        r.channel = None;
        r.email = None;
        assert_eq!(channel(SessionReminder, &r), sms());
    }

    #[test]
    fn only_a_channel_agreed_to_is_used_whatever_is_preferred() {
        // STOP withdraws consent to SMS: email instead, or nothing with the reason.
        let mut r = Recipient {
            channel: Some("sms".into()),
            sms_consented: false,
            ..participant()
        };
        assert_eq!(channel(SessionReminder, &r), email());
        r.email = None;
        assert!(
            channel(SessionReminder, &r)
                .unwrap_err()
                .contains("only to email")
        );
        // Agreeing to SMS only: texted even when email is preferred.
        let r = Recipient {
            channel: Some("email".into()),
            email_consented: false,
            ..participant()
        };
        assert_eq!(channel(SessionReminder, &r), sms());
    }

    #[test]
    fn without_consent_nothing_goes_and_staff_read_email() {
        let r = Recipient {
            email_consented: false,
            sms_consented: false,
            ..participant()
        };
        for kind in [SessionReminder, AbsenceConfirmed] {
            assert!(channel(kind, &r).is_err(), "{kind}");
        }
        assert!(channel(SessionReminder, &r).unwrap_err().contains("agreed"));
        let staff = Recipient {
            needs_consent: false,
            email_consented: false,
            sms_consented: false,
            staff: true,
            channel: Some("sms".into()),
            ..participant()
        };
        assert_eq!(channel(FollowUpOpened, &staff), email());
    }

    #[test]
    fn answers_go_back_by_sms_and_only_the_one_to_stop_after_it() {
        let mut r = participant();
        // Even to someone who prefers email: they texted.
        r.channel = Some("email".into());
        assert_eq!(channel(AbsenceConfirmed, &r), sms());
        assert_eq!(channel(SmsStopped, &r), sms());
        r.sms_consented = false;
        assert!(channel(AbsenceConfirmed, &r).unwrap_err().contains("STOP"));
        assert_eq!(channel(SmsStopped, &r), sms());
        r.phone = None;
        assert!(channel(SmsStopped, &r).is_err());
    }
}
