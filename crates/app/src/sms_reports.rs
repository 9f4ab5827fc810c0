//! Delivery reports from the SMS gateway, in the words each gateway uses: Kannel's report
//! types and Twilio's message statuses. A failed SMS is sent again with the job queue's
//! backoff.

use chrono::Duration;
use peergroup_domain::Id;
use peergroup_domain::jobs::backoff;
use peergroup_store::sms_reports::FailedSms;
use peergroup_store::{Result, Store};

/// What a report says of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Delivered,
    Failed,
    /// On its way (queued or handed to the network): nothing to record.
    Pending,
}

impl Report {
    /// Kannel's DLR type (`%d`): 1 delivered, 2 failed at the phone, 4 queued at the SMSC,
    /// 8 handed to the SMSC, 16 refused by the SMSC.
    pub fn from_kannel(kind: &str) -> Option<Report> {
        match kind.trim() {
            "1" => Some(Report::Delivered),
            "2" | "16" => Some(Report::Failed),
            "4" | "8" => Some(Report::Pending),
            _ => None,
        }
    }

    /// Twilio's `MessageStatus`.
    pub fn from_twilio(status: &str) -> Option<Report> {
        match status {
            "delivered" => Some(Report::Delivered),
            "failed" | "undelivered" => Some(Report::Failed),
            "accepted" | "scheduled" | "queued" | "sending" | "sent" => Some(Report::Pending),
            _ => None,
        }
    }
}

/// How failed deliveries wait before the next attempt.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    pub base: Duration,
    pub max: Duration,
}

/// Records a gateway's report on the organization's message. Returns whether the message
/// changed.
pub async fn record_report(
    store: &Store,
    org: Id,
    message_id: Id,
    report: Report,
    retry: Retry,
) -> Result<bool> {
    let now = store.clock().now();
    match report {
        Report::Pending => Ok(false),
        Report::Delivered => store.sms_delivered(org, message_id, now).await,
        Report::Failed => {
            let jitter = 0.8 + rand::random::<f64>() * 0.4;
            let at = |attempts| now + backoff(attempts, retry.base, retry.max, jitter);
            let outcome = store
                .sms_failed(
                    org,
                    message_id,
                    "the SMS gateway reported it undelivered",
                    at,
                    now,
                )
                .await?;
            Ok(outcome != FailedSms::Unchanged)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_words_map_to_reports() {
        assert_eq!(Report::from_kannel("1"), Some(Report::Delivered));
        assert_eq!(Report::from_kannel("16"), Some(Report::Failed));
        assert_eq!(Report::from_kannel("8"), Some(Report::Pending));
        assert_eq!(Report::from_kannel("%d"), None);
        assert_eq!(Report::from_twilio("undelivered"), Some(Report::Failed));
        assert_eq!(Report::from_twilio("delivered"), Some(Report::Delivered));
        assert_eq!(Report::from_twilio("read"), None);
    }
}
