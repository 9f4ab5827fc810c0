//! Messages as text and HTML in one locale, from the Fluent resources under `locales/`.
//! A message is a subject and a list of blocks (lines, a list, a link); text and HTML are
//! two ways of writing the same blocks, so they never say different things.

use crate::locale::{FALLBACK, is_rtl};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, static_loader};
use peergroup_domain::attendance::SupportHeadcount;
use peergroup_domain::reminders::{Digest, MessageKind};
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No bidi isolation marks: they show as stray characters in plain-text mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A session as a message describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    pub group: String,
    pub starts_at: DateTime<Utc>,
    pub tz: Tz,
    pub minutes: u32,
    pub venue: String,
    pub address: Option<String>,
    pub topic: Option<String>,
}

/// Every kind of message, with what it says.
#[derive(Debug, Clone, PartialEq)]
pub enum Mail {
    /// A reminder, or with `changed` the corrected one after the session moved.
    SessionReminder {
        name: String,
        session: SessionInfo,
        /// Support kinds arranged for this person: `childcare`, `transport`, `interpreter`,
        /// `food`, `other`.
        supports: Vec<String>,
        cant_come_url: Option<String>,
        changed: bool,
    },
    SessionCancelled {
        name: String,
        session: SessionInfo,
    },
    FacilitatorReminder {
        name: String,
        session: SessionInfo,
        roster: Vec<String>,
        headcount: SupportHeadcount,
        absences: u32,
    },
    /// To a facilitator: a participant said they cannot come.
    AbsenceNotice {
        name: String,
        participant: String,
        session: SessionInfo,
        /// `childcare`, `transport`, `work`, `illness` or `other`.
        reason: String,
    },
    FollowUpOpened {
        group: String,
        misses: u32,
        /// The page of the call.
        url: String,
    },
    /// To coordinators, once a sweep: every call that came due with nobody having called.
    FollowUpEscalated {
        tasks: Vec<EscalatedCall>,
        /// The page of the calls.
        url: String,
    },
    /// To coordinators: a facilitator asks for help with a call.
    FollowUpHandedOver {
        group: String,
        /// The page of the call.
        url: String,
    },
    /// To the facilitator a follow-up call is assigned to.
    FollowUpAssigned {
        name: String,
        group: String,
        due_at: DateTime<Utc>,
        tz: Tz,
        /// The page of the call.
        url: String,
    },
    /// To coordinators: a session soon without the facilitators its phase needs.
    RolesMissing {
        group: String,
        starts_at: DateTime<Utc>,
        tz: Tz,
        /// Each lead role short of its count, such as `educator: 0 of 1`.
        missing: Vec<String>,
        /// The page of the session.
        url: String,
    },
    /// To coordinators, weekly: the coming week in counts.
    /// The digest, and the page of the dashboard.
    WeeklyDigest(Digest, String),
    /// To a new user: the link to set a password, working for `days`.
    Invitation {
        organization: String,
        url: String,
        days: u32,
    },
    /// To a user who asked: the link to set a new password, working for `minutes`.
    PasswordReset {
        url: String,
        minutes: u32,
    },
}

/// One overdue call in a coordinator's escalation message.
#[derive(Debug, Clone, PartialEq)]
pub struct EscalatedCall {
    pub group: String,
    pub due_at: DateTime<Utc>,
    pub tz: Tz,
}

impl Mail {
    /// The message kind, as stored on the message row.
    pub fn kind(&self) -> MessageKind {
        match self {
            Mail::SessionReminder { changed: false, .. } => MessageKind::SessionReminder,
            Mail::SessionReminder { changed: true, .. } => MessageKind::SessionChanged,
            Mail::SessionCancelled { .. } => MessageKind::SessionCancelled,
            Mail::FacilitatorReminder { .. } => MessageKind::FacilitatorReminder,
            Mail::AbsenceNotice { .. } => MessageKind::AbsenceNotice,
            Mail::FollowUpOpened { .. } => MessageKind::FollowUpOpened,
            Mail::FollowUpHandedOver { .. } => MessageKind::FollowUpHandedOver,
            Mail::FollowUpEscalated { .. } => MessageKind::FollowUpEscalated,
            Mail::FollowUpAssigned { .. } => MessageKind::FollowUpAssigned,
            Mail::RolesMissing { .. } => MessageKind::RolesMissing,
            Mail::WeeklyDigest(..) => MessageKind::WeeklyDigest,
            Mail::Invitation { .. } => MessageKind::Invitation,
            Mail::PasswordReset { .. } => MessageKind::PasswordReset,
        }
    }
}

/// One piece of a message body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Line(String),
    List(Vec<String>),
    Link { label: String, url: String },
}

/// A message written in one locale.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub locale: &'static str,
    pub subject: String,
    pub blocks: Vec<Block>,
}

/// A key the locale does not have, or a message it cannot format.
#[derive(Debug, thiserror::Error)]
#[error("locale {locale} cannot write `{key}`")]
pub struct MissingTranslation {
    pub locale: &'static str,
    pub key: String,
}

type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

fn args<const N: usize>(pairs: [(&'static str, String); N]) -> Args {
    pairs
        .into_iter()
        .map(|(k, v)| (Cow::Borrowed(k), FluentValue::from(v)))
        .collect()
}

/// Looks keys up in one locale only: a missing key is an error, never English in disguise.
struct Writer {
    locale: &'static str,
    id: LanguageIdentifier,
}

impl Writer {
    fn new(locale: &'static str) -> Writer {
        Writer {
            locale,
            id: locale.parse().unwrap_or_default(),
        }
    }

    fn get(&self, key: &str, args: &Args) -> Result<String, MissingTranslation> {
        LOCALES
            .lookup_single_language(&self.id, key, Some(args))
            .map_err(|_| MissingTranslation {
                locale: self.locale,
                key: key.into(),
            })
    }

    fn plain(&self, key: &str) -> Result<String, MissingTranslation> {
        self.get(key, &Args::new())
    }

    /// The date and the time of `at` in `tz`, written as this locale writes them.
    fn date_time(&self, at: DateTime<Utc>, tz: Tz) -> Result<(String, String), MissingTranslation> {
        let local = at.with_timezone(&tz);
        let weekday = self.plain(&format!("weekday-{}", local.weekday().number_from_monday()))?;
        let month = self.plain(&format!("month-{}", local.month()))?;
        let date = self.get(
            "date-long",
            &args([
                ("weekday", weekday),
                ("day", local.day().to_string()),
                ("month", month),
                ("year", local.year().to_string()),
            ]),
        )?;
        let (pm, hour12) = local.hour12();
        let ampm = self.plain(if pm { "time-pm" } else { "time-am" })?;
        let time = self.get(
            "time",
            &args([
                ("hour24", format!("{:02}", local.hour())),
                ("hour12", hour12.to_string()),
                ("minute", format!("{:02}", local.minute())),
                ("ampm", ampm),
            ]),
        )?;
        Ok((date, time))
    }
}

/// Writes `mail` in `locale`, or says which key that locale lacks.
pub fn render_in(mail: &Mail, locale: &'static str) -> Result<Rendered, MissingTranslation> {
    let w = Writer::new(locale);
    let mut blocks = Vec::new();
    let subject;
    match mail {
        Mail::SessionReminder {
            name,
            session,
            supports,
            cant_come_url,
            changed,
        } => {
            let prefix = if *changed {
                "session-changed"
            } else {
                "session-reminder"
            };
            let (date, time) = w.date_time(session.starts_at, session.tz)?;
            let group = session.group.clone();
            subject = w.get(
                &format!("{prefix}-subject"),
                &args([("group", group.clone()), ("date", date.clone())]),
            )?;
            blocks.push(Block::Line(
                w.get("greeting", &args([("name", name.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                &format!("{prefix}-when"),
                &args([("date", date), ("time", time)]),
            )?));
            place(&w, session, &mut blocks)?;
            blocks.push(Block::Line(w.get(
                "duration",
                &args([("minutes", session.minutes.to_string())]),
            )?));
            for kind in supports {
                let key = match kind.as_str() {
                    "childcare" => "support-childcare",
                    "transport" => "support-transport",
                    "interpreter" => "support-interpreter",
                    "food" => "support-food",
                    _ => "support-other",
                };
                blocks.push(Block::Line(w.plain(key)?));
            }
            if let Some(url) = cant_come_url {
                blocks.push(Block::Line(w.plain("cant-come-intro")?));
                blocks.push(Block::Link {
                    label: w.plain("cant-come-link")?,
                    url: url.clone(),
                });
            }
            blocks.push(Block::Line(
                w.get("signature", &args([("group", group.clone())]))?,
            ));
            blocks.push(Block::Line(
                w.get("unsubscribe-note", &args([("group", group)]))?,
            ));
        }
        Mail::SessionCancelled { name, session } => {
            let (date, time) = w.date_time(session.starts_at, session.tz)?;
            subject = w.get(
                "session-cancelled-subject",
                &args([("group", session.group.clone()), ("date", date.clone())]),
            )?;
            blocks.push(Block::Line(
                w.get("greeting", &args([("name", name.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                "session-cancelled-body",
                &args([("date", date), ("time", time)]),
            )?));
            blocks.push(Block::Line(
                w.get("signature", &args([("group", session.group.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                "unsubscribe-note",
                &args([("group", session.group.clone())]),
            )?));
        }
        Mail::FacilitatorReminder {
            name,
            session,
            roster,
            headcount,
            absences,
        } => {
            let (date, time) = w.date_time(session.starts_at, session.tz)?;
            subject = w.get(
                "facilitator-reminder-subject",
                &args([("group", session.group.clone()), ("date", date.clone())]),
            )?;
            blocks.push(Block::Line(
                w.get("greeting", &args([("name", name.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                "facilitator-reminder-when",
                &args([("date", date), ("time", time)]),
            )?));
            place(&w, session, &mut blocks)?;
            if let Some(topic) = &session.topic {
                blocks.push(Block::Line(w.get(
                    "facilitator-reminder-topic",
                    &args([("topic", topic.clone())]),
                )?));
            }
            blocks.push(Block::Line(w.get(
                "facilitator-reminder-roster",
                &args([("count", roster.len().to_string())]),
            )?));
            blocks.push(Block::List(roster.clone()));
            if *absences > 0 {
                blocks.push(Block::Line(w.get(
                    "facilitator-reminder-absent",
                    &args([("count", absences.to_string())]),
                )?));
            }
            blocks.push(Block::Line(w.plain("facilitator-reminder-supports")?));
            blocks.push(headcount_block(&w, headcount)?);
        }
        Mail::AbsenceNotice {
            name,
            participant,
            session,
            reason,
        } => {
            let (date, time) = w.date_time(session.starts_at, session.tz)?;
            // No name in the subject, which phones show on a locked screen.
            subject = w.get("absence-notice-subject", &args([("date", date.clone())]))?;
            blocks.push(Block::Line(
                w.get("greeting", &args([("name", name.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                "absence-notice-body",
                &args([
                    ("name", participant.clone()),
                    ("date", date),
                    ("time", time),
                ]),
            )?));
            let why = w.plain(&format!("absence-reason-{reason}"))?;
            blocks.push(Block::Line(
                w.get("absence-notice-reason", &args([("reason", why)]))?,
            ));
        }
        Mail::FollowUpHandedOver { group, url } => {
            subject = w.get(
                "follow-up-handed-over-subject",
                &args([("group", group.clone())]),
            )?;
            blocks.push(Block::Line(w.get(
                "follow-up-handed-over-body",
                &args([("group", group.clone())]),
            )?));
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::FollowUpOpened { group, misses, url } => {
            subject = w.get(
                "follow-up-opened-subject",
                &args([("group", group.clone())]),
            )?;
            // A task a coordinator opened by hand follows no run of missed sessions.
            let body = if *misses == 0 {
                w.get(
                    "follow-up-opened-by-hand-body",
                    &args([("group", group.clone())]),
                )?
            } else {
                w.get(
                    "follow-up-opened-body",
                    &args([("group", group.clone()), ("misses", misses.to_string())]),
                )?
            };
            blocks.push(Block::Line(body));
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::FollowUpAssigned {
            name,
            group,
            due_at,
            tz,
            url,
        } => {
            let (date, _) = w.date_time(*due_at, *tz)?;
            subject = w.get(
                "follow-up-assigned-subject",
                &args([("group", group.clone())]),
            )?;
            blocks.push(Block::Line(
                w.get("greeting", &args([("name", name.clone())]))?,
            ));
            blocks.push(Block::Line(w.get(
                "follow-up-assigned-body",
                &args([("group", group.clone()), ("date", date)]),
            )?));
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::FollowUpEscalated { tasks, url } => {
            subject = match tasks.as_slice() {
                [one] => w.get(
                    "follow-up-escalated-subject",
                    &args([("group", one.group.clone())]),
                )?,
                _ => w.get(
                    "follow-ups-escalated-subject",
                    &args([("count", tasks.len().to_string())]),
                )?,
            };
            for t in tasks {
                let (date, _) = w.date_time(t.due_at, t.tz)?;
                blocks.push(Block::Line(w.get(
                    "follow-up-escalated-body",
                    &args([("group", t.group.clone()), ("date", date)]),
                )?));
            }
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::RolesMissing {
            group,
            starts_at,
            tz,
            missing,
            url,
        } => {
            let (date, time) = w.date_time(*starts_at, *tz)?;
            subject = w.get(
                "roles-missing-subject",
                &args([("group", group.clone()), ("date", date.clone())]),
            )?;
            blocks.push(Block::Line(w.get(
                "roles-missing-body",
                &args([
                    ("date", date),
                    ("time", time),
                    ("missing", missing.join(", ")),
                ]),
            )?));
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::WeeklyDigest(d, url) => {
            subject = w.get(
                "weekly-digest-subject",
                &args([("org", d.org_name.clone())]),
            )?;
            for (key, count) in [
                ("weekly-digest-sessions", d.sessions),
                ("weekly-digest-open", d.open_follow_ups),
                ("weekly-digest-overdue", d.overdue_follow_ups),
            ] {
                blocks.push(Block::Line(
                    w.get(key, &args([("count", count.to_string())]))?,
                ));
            }
            blocks.push(Block::Line(w.get(
                "weekly-digest-supports",
                &args([
                    ("children", d.childcare_children.to_string()),
                    ("transport", d.transport.to_string()),
                    ("food", d.food.to_string()),
                ]),
            )?));
            if !d.interpreters.is_empty() {
                blocks.push(Block::Line(w.get(
                    "weekly-digest-interpreters",
                    &args([("languages", d.interpreters.join(", "))]),
                )?));
            }
            blocks.push(Block::Link {
                label: w.plain("queue-link")?,
                url: url.clone(),
            });
        }
        Mail::Invitation {
            organization,
            url,
            days,
        } => {
            subject = w.get("invitation-subject", &args([("org", organization.clone())]))?;
            blocks.push(Block::Line(
                w.get("invitation-body", &args([("org", organization.clone())]))?,
            ));
            blocks.push(Block::Link {
                label: w.plain("invitation-link")?,
                url: url.clone(),
            });
            blocks.push(Block::Line(
                w.get("invitation-expiry", &args([("days", days.to_string())]))?,
            ));
            blocks.push(Block::Line(w.plain("sign-in-ignore")?));
        }
        Mail::PasswordReset { url, minutes } => {
            subject = w.plain("password-reset-subject")?;
            blocks.push(Block::Line(w.plain("password-reset-body")?));
            blocks.push(Block::Link {
                label: w.plain("password-reset-link")?,
                url: url.clone(),
            });
            blocks.push(Block::Line(w.get(
                "password-reset-expiry",
                &args([("minutes", minutes.to_string())]),
            )?));
            blocks.push(Block::Line(w.plain("sign-in-ignore")?));
        }
    }
    Ok(Rendered {
        locale,
        subject,
        blocks,
    })
}

/// Writes `mail` in `locale`, or in English when that locale cannot (the message records
/// which locale it went out in).
pub fn render(mail: &Mail, locale: &'static str) -> Rendered {
    match render_in(mail, locale) {
        Ok(r) => r,
        Err(_) => render_in(mail, FALLBACK).unwrap_or_else(|e| Rendered {
            locale: FALLBACK,
            subject: mail.kind().as_str().into(),
            blocks: vec![Block::Line(e.to_string())],
        }),
    }
}

fn place(w: &Writer, s: &SessionInfo, blocks: &mut Vec<Block>) -> Result<(), MissingTranslation> {
    blocks.push(Block::Line(
        w.get("place", &args([("venue", s.venue.clone())]))?,
    ));
    if let Some(address) = &s.address {
        blocks.push(Block::Line(
            w.get("place-address", &args([("address", address.clone())]))?,
        ));
    }
    Ok(())
}

fn headcount_block(w: &Writer, h: &SupportHeadcount) -> Result<Block, MissingTranslation> {
    let mut items = Vec::new();
    if h.childcare.children > 0 {
        items.push(w.get(
            "headcount-childcare",
            &args([("children", h.childcare.children.to_string())]),
        )?);
    }
    if h.transport > 0 {
        items.push(w.get(
            "headcount-transport",
            &args([("count", h.transport.to_string())]),
        )?);
    }
    if !h.interpreters.is_empty() {
        let languages = h
            .interpreters
            .iter()
            .map(|i| i.language.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        items.push(w.get("headcount-interpreter", &args([("languages", languages)]))?);
    }
    if h.food > 0 {
        items.push(w.get("headcount-food", &args([("count", h.food.to_string())]))?);
    }
    if items.is_empty() {
        items.push(w.plain("headcount-none")?);
    }
    Ok(Block::List(items))
}

impl Rendered {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Line(l) => out.push_str(l),
                Block::List(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str("- ");
                        out.push_str(item);
                    }
                }
                Block::Link { label, url } => {
                    out.push_str(label);
                    out.push_str(": ");
                    out.push_str(url);
                }
            }
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    pub fn html(&self) -> String {
        let dir = if is_rtl(self.locale) { "rtl" } else { "ltr" };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family: sans-serif; font-size: 18px; line-height: 1.5\">\n",
            self.locale,
            escape(&self.subject)
        );
        for b in &self.blocks {
            match b {
                Block::Line(l) => out.push_str(&format!("<p>{}</p>\n", escape(l))),
                Block::List(items) if items.is_empty() => {}
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", escape(item)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Link { label, url } => out.push_str(&format!(
                    "<p><a href=\"{}\" style=\"display: inline-block; padding: 12px 20px; background: #1f5fa8; color: #ffffff; text-decoration: none; border-radius: 6px\">{}</a></p>\n",
                    escape(url),
                    escape(label)
                )),
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Looks up one key with string arguments in one locale, for pages other than mail (the
/// "I can't come" page).
pub fn phrase(
    locale: &'static str,
    key: &str,
    values: &[(&'static str, String)],
) -> Result<String, MissingTranslation> {
    let w = Writer::new(locale);
    let a: Args = values
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
        .collect();
    w.get(key, &a)
}

/// The date and time of `at` in `tz` as `locale` writes them.
pub fn date_time(
    locale: &'static str,
    at: DateTime<Utc>,
    tz: Tz,
) -> Result<(String, String), MissingTranslation> {
    Writer::new(locale).date_time(at, tz)
}

/// The date of `at` in `tz` without its year, and the time, as `locale` writes them in an
/// SMS.
fn short_date_time(
    w: &Writer,
    at: DateTime<Utc>,
    tz: Tz,
) -> Result<(String, String), MissingTranslation> {
    let local = at.with_timezone(&tz);
    let weekday = w.plain(&format!("weekday-{}", local.weekday().number_from_monday()))?;
    let month = w.plain(&format!("month-{}", local.month()))?;
    let date = w.get(
        "date-short",
        &args([
            ("weekday", weekday),
            ("day", local.day().to_string()),
            ("month", month),
        ]),
    )?;
    let (_, time) = w.date_time(at, tz)?;
    Ok((date, time))
}

/// The sentences of `mail` as an SMS in `locale`, most needed first: the last ones may be
/// left out to keep the message short. `None` for a message that never goes by SMS (staff
/// mail).
pub fn sms_sentences(
    mail: &Mail,
    locale: &'static str,
) -> Option<Result<SmsSentences, MissingTranslation>> {
    let w = Writer::new(locale);
    let build = |session: &SessionInfo, key: &str, reply: bool| {
        let (date, time) = short_date_time(&w, session.starts_at, session.tz)?;
        let mut needed = vec![w.get(
            key,
            &args([
                ("group", session.group.clone()),
                ("date", date),
                ("time", time),
            ]),
        )?];
        if reply {
            needed.push(w.plain("sms-cant-come")?);
        }
        needed.push(w.plain("sms-stop")?);
        Ok(SmsSentences {
            locale,
            needed,
            optional: vec![w.get("sms-place", &args([("venue", session.venue.clone())]))?],
        })
    };
    match mail {
        Mail::SessionReminder {
            session,
            changed,
            cant_come_url,
            ..
        } => Some(build(
            session,
            if *changed {
                "sms-changed"
            } else {
                "sms-reminder"
            },
            cant_come_url.is_some(),
        )),
        Mail::SessionCancelled { session, .. } => Some(build(session, "sms-cancelled", false)),
        _ => None,
    }
}

/// An SMS that answers one a participant sent.
#[derive(Debug, Clone, PartialEq)]
pub enum SmsAnswer {
    /// They replied NO: the group knows they will not come to `session`.
    AbsenceReceived(SessionInfo),
    /// They replied STOP: no more SMS, and how to have them again.
    Stopped,
}

/// `answer` as one SMS in `locale`.
pub fn sms_answer_sentences(
    answer: &SmsAnswer,
    locale: &'static str,
) -> Result<SmsSentences, MissingTranslation> {
    let w = Writer::new(locale);
    let needed = match answer {
        SmsAnswer::AbsenceReceived(session) => {
            let (date, _) = short_date_time(&w, session.starts_at, session.tz)?;
            w.get(
                "sms-absence-received",
                &args([("group", session.group.clone()), ("date", date)]),
            )?
        }
        SmsAnswer::Stopped => w.plain("sms-stopped")?,
    };
    Ok(SmsSentences {
        locale,
        needed: vec![needed],
        optional: Vec::new(),
    })
}

/// An SMS as sentences: those it must carry, and those it carries when they fit.
#[derive(Debug, Clone, PartialEq)]
pub struct SmsSentences {
    pub locale: &'static str,
    pub needed: Vec<String>,
    /// Put after the first needed sentence (the place after the time).
    pub optional: Vec<String>,
}

impl SmsSentences {
    /// The texts to try, longest first: every sentence, then the needed ones alone.
    pub fn texts(&self) -> Vec<String> {
        let mut full = self.needed.clone();
        for (i, s) in self.optional.iter().enumerate() {
            full.insert((1 + i).min(full.len()), s.clone());
        }
        vec![full.join(" "), self.needed.join(" ")]
    }
}

/// The replies that mean `key` (`sms-no-words` or `sms-stop-words`) in any shipped locale,
/// upper-cased: a person may answer in English or in their own language.
pub fn reply_words(key: &str) -> Vec<String> {
    let mut words: Vec<String> = crate::locale::LOCALES
        .iter()
        .filter_map(|l| phrase(l, key, &[]).ok())
        .flat_map(|w| {
            w.split_whitespace()
                .map(str::to_uppercase)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}
