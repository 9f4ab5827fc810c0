//! Sending SMS: through Kannel's `sendsms` interface, through Twilio's REST API, or as
//! files in a folder when no gateway is set up. Each message names where the gateway
//! reports what became of it; failures are sorted like mail's.

use crate::render::SmsSentences;
use crate::transport::{SendError, Staged};
use peergroup_domain::sms::{SmsEncoding, SmsPlan, plan};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

/// One SMS, ready to send.
#[derive(Debug, Clone, Serialize)]
pub struct OutgoingSms {
    /// E.164.
    pub to: String,
    pub text: String,
    pub encoding: SmsEncoding,
    /// Segments the text takes: what the gateway charges for.
    pub segments: usize,
    /// Where the gateway reports delivery; it carries its own secret.
    pub status_url: String,
    /// Ours, stable across retries.
    pub reference: String,
}

impl OutgoingSms {
    pub fn new(to: String, plan: &SmsPlan, status_url: String, reference: String) -> Self {
        OutgoingSms {
            to,
            text: plan.segments.concat(),
            encoding: plan.encoding,
            segments: plan.segment_count(),
            status_url,
            reference,
        }
    }
}

/// The longest text of `sentences` that fits in `max_segments`, planned; or why none does.
pub fn fit(sentences: &SmsSentences, max_segments: u32) -> Result<SmsPlan, String> {
    let max = max_segments.max(1) as usize;
    let mut fewest = usize::MAX;
    for text in sentences.texts() {
        let planned = plan(&text);
        if planned.segment_count() <= max {
            return Ok(planned);
        }
        fewest = fewest.min(planned.segment_count());
    }
    Err(format!(
        "the SMS would take {fewest} segments, more than sms.max_segments ({max})"
    ))
}

/// What the gateway said when it took the message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SmsReceipt {
    /// The gateway's own id, when it gives one (Twilio's message SID).
    pub gateway_ref: Option<String>,
}

/// Kannel's `sendsms` interface of an `smsbox`.
#[derive(Clone)]
pub struct Kannel {
    pub sendsms_url: String,
    pub username: String,
    pub password: String,
    /// The sender shown on the phone, if the SMSC lets it be chosen.
    pub from: Option<String>,
}

/// Twilio's Messages API.
#[derive(Clone)]
pub struct Twilio {
    /// `https://api.twilio.com` (a local server in tests).
    pub api_url: String,
    pub account_sid: String,
    pub auth_token: String,
    pub from: String,
}

/// Where SMS go.
#[derive(Clone)]
pub enum Texter {
    /// Each SMS written as `<random hex>.json` under the folder.
    File { dir: PathBuf },
    Kannel {
        http: reqwest::Client,
        gateway: Kannel,
    },
    Twilio {
        http: reqwest::Client,
        gateway: Twilio,
    },
}

fn client(timeout: Duration) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .map_err(|e| format!("sms: {e}"))
}

impl Texter {
    /// The folder SMS are written to instead of sent, if they are.
    pub fn outbox(&self) -> Option<&std::path::Path> {
        match self {
            Texter::File { dir } => Some(dir),
            _ => None,
        }
    }

    pub fn file(dir: impl Into<PathBuf>) -> Result<Texter, String> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Texter::File { dir })
    }

    pub fn kannel(gateway: Kannel, timeout: Duration) -> Result<Texter, String> {
        Ok(Texter::Kannel {
            http: client(timeout)?,
            gateway,
        })
    }

    pub fn twilio(gateway: Twilio, timeout: Duration) -> Result<Texter, String> {
        Ok(Texter::Twilio {
            http: client(timeout)?,
            gateway,
        })
    }

    /// Hands the SMS to the gateway: once this returns `Ok`, the gateway has it.
    pub async fn send(&self, sms: &OutgoingSms) -> Result<SmsReceipt, SendError> {
        match self {
            Texter::File { dir } => {
                let bytes = serde_json::to_vec_pretty(sms)
                    .map_err(|e| SendError::Permanent(e.to_string()))?;
                Staged::write(dir, &bytes, "json")
                    .await
                    .map_err(|e| {
                        SendError::Transient(format!("writing to {}: {e}", dir.display()))
                    })?
                    .publish()
                    .await
                    .map_err(|e| {
                        SendError::Transient(format!("writing to {}: {e}", dir.display()))
                    })?;
                Ok(SmsReceipt::default())
            }
            Texter::Kannel { http, gateway } => send_kannel(http, gateway, sms).await,
            Texter::Twilio { http, gateway } => send_twilio(http, gateway, sms).await,
        }
    }
}

/// Kannel's `coding`: 0 for the GSM alphabet, 2 for UCS-2.
fn kannel_coding(e: SmsEncoding) -> &'static str {
    match e {
        SmsEncoding::Gsm7 => "0",
        SmsEncoding::Ucs2 => "2",
    }
}

/// A `sendsms` request. The text goes as UTF-8 and Kannel writes it in `coding`; it splits
/// a long text into at most as many concatenated parts as we counted. The delivery-report
/// URL gets Kannel's `%d` (the report type) in its `type` parameter.
async fn send_kannel(
    http: &reqwest::Client,
    k: &Kannel,
    sms: &OutgoingSms,
) -> Result<SmsReceipt, SendError> {
    let separator = if sms.status_url.contains('?') {
        '&'
    } else {
        '?'
    };
    let dlr_url = format!("{}{separator}type=%d", sms.status_url);
    let segments = sms.segments.to_string();
    let mut query = vec![
        ("username", k.username.as_str()),
        ("password", k.password.as_str()),
        ("to", sms.to.as_str()),
        ("text", sms.text.as_str()),
        ("charset", "UTF-8"),
        ("coding", kannel_coding(sms.encoding)),
        ("max-messages", segments.as_str()),
        // Delivered (1), failed (2), rejected by the SMSC (16).
        ("dlr-mask", "19"),
        ("dlr-url", dlr_url.as_str()),
    ];
    if let Some(from) = &k.from {
        query.push(("from", from.as_str()));
    }
    let response = http
        .get(&k.sendsms_url)
        .query(&query)
        .send()
        .await
        .map_err(unreachable)?;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    // 202 "0: Accepted for delivery" or "3: Queued for later delivery": Kannel has it.
    match status.as_u16() {
        200..=299 => Ok(SmsReceipt::default()),
        400..=499 => Err(SendError::Permanent(format!(
            "Kannel refused the SMS ({status}): {}",
            first_line(&body)
        ))),
        _ => Err(SendError::Transient(format!(
            "Kannel could not take the SMS ({status}): {}",
            first_line(&body)
        ))),
    }
}

#[derive(serde::Deserialize)]
struct TwilioMessage {
    sid: String,
}

#[derive(serde::Deserialize)]
struct TwilioError {
    message: Option<String>,
}

/// `POST /2010-04-01/Accounts/{sid}/Messages.json`: 201 with the message SID. 429 and 5xx
/// may pass; any other 4xx (a number Twilio will not text, bad credentials) will not.
async fn send_twilio(
    http: &reqwest::Client,
    t: &Twilio,
    sms: &OutgoingSms,
) -> Result<SmsReceipt, SendError> {
    let url = format!(
        "{}/2010-04-01/Accounts/{}/Messages.json",
        t.api_url.trim_end_matches('/'),
        t.account_sid
    );
    let response = http
        .post(url)
        .basic_auth(&t.account_sid, Some(&t.auth_token))
        .form(&[
            ("To", sms.to.as_str()),
            ("From", t.from.as_str()),
            ("Body", sms.text.as_str()),
            ("StatusCallback", sms.status_url.as_str()),
        ])
        .send()
        .await
        .map_err(unreachable)?;
    let status = response.status();
    let body = response.bytes().await.unwrap_or_default();
    if status.is_success() {
        let message: TwilioMessage = serde_json::from_slice(&body).map_err(|_| {
            SendError::Transient("Twilio took the SMS but its answer has no sid".into())
        })?;
        return Ok(SmsReceipt {
            gateway_ref: Some(message.sid),
        });
    }
    let why = serde_json::from_slice::<TwilioError>(&body)
        .ok()
        .and_then(|e| e.message)
        .unwrap_or_default();
    let error = format!("Twilio answered {status}: {why}");
    if status.as_u16() == 429 || status.is_server_error() {
        Err(SendError::Transient(error))
    } else {
        Err(SendError::Permanent(error))
    }
}

fn unreachable(e: reqwest::Error) -> SendError {
    let what = if e.is_timeout() {
        "did not answer in time"
    } else {
        "cannot be reached"
    };
    SendError::Transient(format!("the SMS gateway {what}"))
}

fn first_line(body: &str) -> &str {
    body.lines().next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(needed: &[&str], place: &str) -> SmsSentences {
        SmsSentences {
            locale: "en",
            needed: needed.iter().map(|s| s.to_string()).collect(),
            optional: vec![place.to_string()],
        }
    }

    #[test]
    fn the_place_is_left_out_before_a_message_grows_past_its_limit() {
        let s = sentences(
            &["Reminder: Circle, Tuesday at 6:00 PM.", "Reply STOP."],
            "Place: Hall.",
        );
        assert_eq!(
            fit(&s, 1).unwrap().segments.concat(),
            "Reminder: Circle, Tuesday at 6:00 PM. Place: Hall. Reply STOP."
        );
        let long_place = format!("Place: {}.", "x".repeat(150));
        let s = sentences(
            &["Reminder: Circle, Tuesday at 6:00 PM.", "Reply STOP."],
            &long_place,
        );
        assert_eq!(fit(&s, 1).unwrap().segment_count(), 1);
        assert_eq!(fit(&s, 2).unwrap().segment_count(), 2);
        let s = sentences(&[&"y".repeat(400)], "Place: Hall.");
        assert_eq!(
            fit(&s, 2).unwrap_err(),
            "the SMS would take 3 segments, more than sms.max_segments (2)"
        );
    }

    #[tokio::test]
    async fn the_file_outbox_holds_each_sms_as_json() {
        let dir = tempfile::tempdir().unwrap();
        let texter = Texter::file(dir.path()).unwrap();
        let sms = OutgoingSms::new(
            "+16045550123".into(),
            &plan("تذكير: دائرة السكري"),
            "http://127.0.0.1/sms/status/t".into(),
            "m1".into(),
        );
        texter.send(&sms).await.unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].extension().unwrap(), "json");
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&names[0]).unwrap()).unwrap();
        assert_eq!(written["to"], "+16045550123");
        assert_eq!(written["text"], "تذكير: دائرة السكري");
        assert_eq!(written["encoding"], "ucs2");
        assert_eq!(written["segments"], 1);
    }
}
