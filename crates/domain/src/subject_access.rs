//! Everything held about one person, gathered for them when they ask (a subject-access
//! request): their record and consent history, their groups with attendance, supports and
//! scores, the messages sent to them, their SMS replies and the calls made about them.

use crate::attendance::AttendanceHistory;
use crate::consent::ConsentRecord;
use crate::followup::FollowUpTask;
use crate::outcomes::Timepoint;
use crate::records::{Enrollment, Person, SupportNeed};
use crate::reminders::MessageRecord;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PersonExport {
    pub exported_at: DateTime<Utc>,
    pub person: Person,
    pub consent: ConsentRecord,
    pub enrolments: Vec<EnrolmentExport>,
    /// What was sent to them, and how it went (no copy of a message is kept).
    pub messages: Vec<MessageRecord>,
    pub sms_replies: Vec<SmsReplyRecord>,
    pub follow_ups: Vec<FollowUpTask>,
}

/// One group the person was in.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EnrolmentExport {
    pub enrollment: Enrollment,
    pub group_name: String,
    pub attendance: AttendanceHistory,
    pub supports: Vec<SupportNeed>,
    pub assessments: Vec<AssessmentLine>,
}

/// One assessment's score.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AssessmentLine {
    pub instrument: String,
    pub timepoint: Timepoint,
    pub taken_on: NaiveDate,
    pub total: f64,
}

/// An SMS the person sent, and what it did. `body` is kept only when a coordinator had to
/// read it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SmsReplyRecord {
    pub body: String,
    pub action: String,
    pub received_at: DateTime<Utc>,
}
