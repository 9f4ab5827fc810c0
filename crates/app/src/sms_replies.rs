//! An SMS a participant sends back. It is matched to people by number within the one
//! organization whose gateway URL it came through; a number of nobody there is dropped
//! unread. "NO", "2" or the word for no in a shipped language says "I can't come" to the
//! session of the last SMS reminder; "STOP" (or its word) stops SMS to them and "START"
//! starts them again; anything else is kept for a coordinator. NO and STOP are answered by
//! SMS, so the person knows they were heard.

use crate::absences;
use chrono::{DateTime, Utc};
use peergroup_domain::Id;
use peergroup_domain::reminders::MessageKind;
use peergroup_store::reminders::NewMessage;
use peergroup_store::sms_replies::ReplyAction;
use peergroup_store::{Result, Store, StoreError};

/// The words a reply is read by, upper-cased (from every shipped locale).
#[derive(Debug, Clone, Default)]
pub struct ReplyWords {
    pub no: Vec<String>,
    pub stop: Vec<String>,
}

/// Longest reply kept, in characters (ten concatenated segments).
const MAX_BODY: usize = 1600;

/// What a reply means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    CantCome,
    Stop,
    Start,
    Other,
}

/// Reads a reply: one word (any case, any punctuation around it) that says no or stop.
pub fn meaning(body: &str, words: &ReplyWords) -> Meaning {
    let word = body
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '؟')
        .to_uppercase();
    let is =
        |list: &[String], extra: &[&str]| extra.contains(&word.as_str()) || list.contains(&word);
    if is(&words.stop, &["STOP"]) {
        Meaning::Stop
    } else if word == "START" {
        Meaning::Start
    } else if is(&words.no, &["NO", "2"]) {
        Meaning::CantCome
    } else {
        Meaning::Other
    }
}

/// A number as gateways write it (`+1604…`, `1604…`), in E.164.
fn e164(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (8..=15)
        .contains(&digits.len())
        .then(|| format!("+{digits}"))
}

/// Handles one incoming SMS to `org` from `from`. `None` when the number is nobody's there.
pub async fn receive(
    store: &Store,
    org: Id,
    from: &str,
    body: &str,
    words: &ReplyWords,
) -> Result<Option<ReplyAction>> {
    let Some(number) = e164(from) else {
        return Ok(None);
    };
    let people = store.people_with_phone(org, &number).await?;
    let Some(&first) = people.first() else {
        return Ok(None);
    };
    let now = store.clock().now();
    let meaning = meaning(body, words);
    // "I can't come" is recorded first, in a transaction of its own (the facilitators'
    // notices with it); a retried reply records it once.
    let (action, person, session, mut reply) = match meaning {
        Meaning::Stop => (ReplyAction::Stop, first, None, None),
        Meaning::Start => (ReplyAction::Start, first, None, None),
        Meaning::CantCome => match store.last_sms_reminder(org, &people).await? {
            Some((person, session, enrollment)) => {
                match absences::record_notice(store, org, session, enrollment, "other").await {
                    Ok(_) => {
                        let answer = NewMessage {
                            subject_id: Some(enrollment),
                            ..answer(
                                org,
                                person,
                                MessageKind::AbsenceConfirmed,
                                Some(session),
                                now,
                            )
                        };
                        (ReplyAction::Absence, person, Some(session), Some(answer))
                    }
                    // The session has started or was cancelled: a person should read it.
                    Err(StoreError::Conflict(_)) => {
                        (ReplyAction::Coordinator, person, Some(session), None)
                    }
                    Err(e) => return Err(e),
                }
            }
            None => (ReplyAction::Coordinator, first, None, None),
        },
        Meaning::Other => (ReplyAction::Coordinator, first, None, None),
    };
    // The stop, the reply and its answer commit together: a reply the gateway sends again
    // after a failure finds nothing done, and is answered then.
    let tx = store.begin().await?;
    match meaning {
        // Answered once, when it stops them: a second STOP costs nothing.
        Meaning::Stop if tx.stop_sms(org, &people, now).await? > 0 => {
            reply = Some(NewMessage {
                dedupe_key: format!("p{first}:sms-stopped:{}", now.timestamp_millis()),
                ..answer(org, first, MessageKind::SmsStopped, None, now)
            });
        }
        Meaning::Start => tx.restart_sms(org, &people, now).await?,
        _ => {}
    }
    // The words are kept only for a coordinator to read; a NO, STOP or START says all it
    // says in its action.
    let kept: String = match action {
        ReplyAction::Coordinator => body.chars().filter(|c| *c != '\0').take(MAX_BODY).collect(),
        _ => String::new(),
    };
    tx.add_sms_reply(org, person, &kept, action, session, now)
        .await?;
    if let Some(reply) = reply {
        tx.queue_messages(&[reply], now).await?;
    }
    tx.commit().await?;
    Ok(Some(action))
}

/// The SMS that answers `person`'s reply, due now; once per person and session.
fn answer(
    org: Id,
    person: Id,
    kind: MessageKind,
    session: Option<Id>,
    now: DateTime<Utc>,
) -> NewMessage {
    NewMessage {
        org_id: org,
        kind,
        dedupe_key: format!("p{person}:s{}:{kind}", session.unwrap_or_default()),
        session_id: session,
        person_id: Some(person),
        user_id: None,
        subject_id: None,
        send_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ReplyWords {
        ReplyWords {
            no: vec!["NON".into(), "لا".into(), "НІ".into()],
            stop: vec!["BAJA".into(), "توقف".into()],
        }
    }

    #[test]
    fn replies_are_read_by_their_one_word_in_any_case() {
        let w = words();
        for no in ["NO", "no", " No. ", "2", "non!", "لا", "ні"] {
            assert_eq!(meaning(no, &w), Meaning::CantCome, "{no}");
        }
        for stop in ["STOP", "stop", "Baja", "توقف"] {
            assert_eq!(meaning(stop, &w), Meaning::Stop, "{stop}");
        }
        for start in ["START", "start", " Start! "] {
            assert_eq!(meaning(start, &w), Meaning::Start, "{start}");
        }
        for other in ["No, I will be late", "22", "yes", "", "NO STOP"] {
            assert_eq!(meaning(other, &w), Meaning::Other, "{other}");
        }
    }

    #[test]
    fn numbers_are_read_as_e164() {
        assert_eq!(e164("+16045550111").as_deref(), Some("+16045550111"));
        assert_eq!(e164("16045550111").as_deref(), Some("+16045550111"));
        assert_eq!(e164("12345"), None);
    }
}
