//! sea-orm entities, one per table. Enumerations are typed, and kept as their snake_case
//! text (`Stored`), so the database reads the same words as the API.

macro_rules! no_relations {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod organization {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "organizations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub slug: String,
        pub name: String,
        /// Local times (`HH:MM`, in each group's timezone) between which no reminder goes out.
        pub quiet_hours_start: String,
        pub quiet_hours_end: String,
        pub reply_to: Option<String>,
        /// `block` or `override`: what an assignment that breaks a role's requirements gets.
        pub training_policy: Stored<peergroup_domain::org::TrainingPolicy>,
        /// Months a participant's personal data is kept after their last group ends.
        pub retention_months: Option<i32>,
        /// The hash of the organization's newest access-log entry.
        pub access_log_head: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod user {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub email: String,
        pub role: Stored<peergroup_domain::org::Role>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Argon2id PHC string; none until the user sets a password.
        pub password_hash: Option<String>,
        /// The language the user chose for pages and mail.
        pub locale: Option<String>,
        /// Set: the user cannot sign in until invited again.
        pub deactivated_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod login_session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "login_sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub user_id: i64,
        pub secret_hash: String,
        pub csrf_token: String,
        pub created_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod session_mark {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "session_marks")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub session_id: i64,
        pub person_id: i64,
        pub user_id: i64,
        pub client_id: String,
        pub status: Stored<peergroup_domain::attendance::AttendanceStatus>,
        pub reason: Option<Stored<peergroup_domain::attendance::AbsenceReason>>,
        pub marked_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod sign_in_link {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "sign_in_links")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub user_id: i64,
        pub purpose: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod api_token {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "api_tokens")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub user_id: i64,
        pub token_hash: String,
        pub label: String,
        pub created_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
        pub expires_at: Option<DateTimeUtc>,
        pub last_used_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod program {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "programs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub name: String,
        pub template_key: Option<String>,
        pub spec: Json,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod person {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "people")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub display_name: String,
        pub preferred_language: String,
        pub email: Option<String>,
        pub phone: Option<String>,
        pub preferred_channel: Option<Stored<peergroup_domain::person::ContactChannel>>,
        pub alternative_contact: Option<String>,
        /// When each consent was given (`consent_changes` keeps how, and every change).
        pub consent_email_reminders_at: Option<DateTimeUtc>,
        /// Cleared when the person answers STOP to an SMS.
        pub consent_sms_reminders_at: Option<DateTimeUtc>,
        pub consent_calls_at: Option<DateTimeUtc>,
        /// Agreed that their assessments may be used in pooled figures and exports.
        pub consent_research_at: Option<DateTimeUtc>,
        /// Agreed that de-identified data about them may go to a funder.
        pub consent_funder_sharing_at: Option<DateTimeUtc>,
        /// When their personal data was erased, and by which user; the row stays as `#id`.
        pub erased_at: Option<DateTimeUtc>,
        pub erased_by: Option<i64>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod group {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "peer_groups")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub program_id: i64,
        pub name: String,
        pub languages: Json,
        pub timezone: String,
        pub venue_name: String,
        pub venue_address: Option<String>,
        pub venue_accessibility_notes: Option<String>,
        pub start_date: Date,
        pub weekdays: Json,
        pub start_time: Time,
        pub capacity: i32,
        pub segment: Option<String>,
        pub status: Stored<peergroup_domain::group::GroupStatus>,
        pub exclusion_policy: Stored<peergroup_domain::calendar::ExclusionPolicy>,
        pub venue_key: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod enrollment {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "enrollments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub person_id: i64,
        pub status: Stored<peergroup_domain::enrollment::EnrollmentStatus>,
        pub withdrawn_reason: Option<Stored<peergroup_domain::enrollment::WithdrawalReason>>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod facilitator_assignment {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "facilitator_assignments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub person_id: i64,
        pub role: Stored<peergroup_domain::program::FacilitatorKind>,
        pub program_role: Option<String>,
        pub created_at: DateTimeUtc,
        /// Set when a coordinator assigned someone who did not meet the role's requirements.
        pub override_reason: Option<String>,
        /// What was missing then, as shown to the coordinator: a JSON array of sentences.
        pub override_unmet: Option<String>,
        pub overridden_by: Option<i64>,
        pub overridden_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod support_need {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "support_needs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub enrollment_id: i64,
        pub kind: Stored<peergroup_domain::support::SupportKind>,
        pub status: Stored<peergroup_domain::support::SupportStatus>,
        pub children_ages: Json,
        pub interpreter_language: Option<String>,
        pub details: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod idempotency_key {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "idempotency_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub user_id: i64,
        /// The sender's role when the key was first used; a replay needs the same role.
        pub role: String,
        pub idempotency_key: String,
        pub request_hash: String,
        pub response_status: Option<i32>,
        pub response_body: Option<String>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod session {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub number: i32,
        pub phase: i32,
        pub number_in_phase: i32,
        pub plan: Option<i32>,
        pub local_date: Date,
        pub local_time: Time,
        pub starts_at: DateTimeUtc,
        pub minutes: i32,
        pub ends_at: DateTimeUtc,
        pub status: Stored<peergroup_domain::records::SessionStatus>,
        pub sequence: i32,
        pub cancel_reason: Option<String>,
        pub kind: Stored<peergroup_domain::records::SessionKind>,
        pub manual: bool,
        pub topic: Option<String>,
        pub venue_name: Option<String>,
        pub venue_address: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod calendar_exclusion {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_exclusions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: Option<i64>,
        pub date: Date,
        pub reason: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod calendar_feed {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_feeds")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub kind: Stored<peergroup_domain::records::FeedKind>,
        pub subject_id: Option<i64>,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod session_log {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "session_logs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub session_id: i64,
        pub held: bool,
        pub started_at: Option<DateTimeUtc>,
        pub minutes: Option<i32>,
        pub facilitators_present: Json,
        pub topic_covered: Option<bool>,
        pub structure_skipped: Json,
        pub supports: Json,
        pub note: Option<String>,
        pub version: i32,
        pub logged_by: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod session_log_revision {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "session_log_revisions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub session_id: i64,
        pub version: i32,
        pub changed_by: i64,
        pub changed_at: DateTimeUtc,
        pub log: Json,
    }
    no_relations!();
}

pub mod attendance {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "attendance")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub session_id: i64,
        pub person_id: i64,
        pub starts_at: DateTimeUtc,
        pub status: Stored<peergroup_domain::attendance::AttendanceStatus>,
        pub reason: Option<Stored<peergroup_domain::attendance::AbsenceReason>>,
    }
    no_relations!();
}

pub mod follow_up_task {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "follow_up_tasks")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub group_id: i64,
        pub enrollment_id: i64,
        pub person_id: i64,
        pub kind: Stored<peergroup_domain::followup::TaskKind>,
        pub state: Stored<peergroup_domain::followup::TaskState>,
        pub assignee_person_id: Option<i64>,
        pub sessions: Json,
        pub due_at: DateTimeUtc,
        pub escalated_at: Option<DateTimeUtc>,
        pub attempts: i32,
        pub note: Option<String>,
        pub source_key: Option<String>,
        pub closed_at: Option<DateTimeUtc>,
        pub closed_note: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod call_attempt {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "call_attempts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub task_id: i64,
        pub made_by: i64,
        pub made_at: DateTimeUtc,
        pub outcome: Stored<peergroup_domain::followup::CallOutcome>,
        pub barriers: Json,
        pub next_step: Option<Stored<peergroup_domain::followup::NextStep>>,
        pub support_need_id: Option<i64>,
    }
    no_relations!();
}

pub mod notification_event {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub kind: Stored<peergroup_domain::jobs::EventKind>,
        pub subject_id: i64,
        pub created_at: DateTimeUtc,
        pub delivered_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod job {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "jobs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: Option<i64>,
        pub kind: Stored<peergroup_domain::jobs::JobKind>,
        pub dedupe_key: Option<String>,
        pub payload: Json,
        pub state: Stored<peergroup_domain::jobs::JobState>,
        pub attempts: i32,
        pub max_attempts: i32,
        pub run_at: DateTimeUtc,
        /// The claim (`worker:token`) that holds the job, or last held it.
        pub locked_by: Option<String>,
        /// Until when it holds it; none once the job is no longer running.
        pub locked_until: Option<DateTimeUtc>,
        pub last_error: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod message {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "messages")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub kind: Stored<peergroup_domain::reminders::MessageKind>,
        pub dedupe_key: String,
        pub session_id: Option<i64>,
        pub sequence: Option<i32>,
        pub person_id: Option<i64>,
        pub user_id: Option<i64>,
        pub subject_id: Option<i64>,
        pub state: Stored<peergroup_domain::reminders::MessageState>,
        pub locale: Option<String>,
        pub attempts: i32,
        pub last_error: Option<String>,
        pub send_at: DateTimeUtc,
        pub sent_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub lost_claims: i32,
        pub channel: Option<Stored<peergroup_domain::reminders::Channel>>,
        pub segments: Option<i32>,
        /// The gateway's own id for an SMS.
        pub gateway_ref: Option<String>,
        pub delivered_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod absence_notice {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "absence_notices")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub session_id: i64,
        pub enrollment_id: i64,
        pub reason: Stored<peergroup_domain::attendance::AbsenceReason>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod service_key {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "service_keys")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub name: String,
        pub secret: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod training_module {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_modules")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub title: String,
        pub spec: Json,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod role_requirement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "role_requirements")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub program_id: i64,
        pub role: String,
        pub spec: Json,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod training_completion {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_completions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub person_id: i64,
        pub module_id: i64,
        pub completed_on: Date,
        pub hours_tenths: i32,
        pub trainer: Option<String>,
        pub expires_on: Option<Date>,
        pub recorded_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod facilitator_profile {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "facilitator_profiles")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub person_id: i64,
        pub spec: Json,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod training_cohort {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_cohorts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub spec: Json,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod training_session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub cohort_id: i64,
        pub module_id: Option<i64>,
        pub held_on: Date,
        pub hours_tenths: i32,
        pub topic: Option<String>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod training_attendance {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_attendance")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub training_session_id: i64,
        pub person_id: i64,
        pub present: bool,
    }
    no_relations!();
}

pub mod supervision_contact {
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "supervision_contacts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub mentor_person_id: i64,
        pub peer_person_id: i64,
        pub held_on: Date,
        pub mode: Stored<peergroup_domain::training::SupervisionMode>,
        pub minutes: i32,
        pub topics: Json,
        pub follow_up_needed: bool,
        pub recorded_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod instrument {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "instruments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub key: String,
        pub definition: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod instrument_translation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "instrument_translations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub instrument_key: String,
        pub locale: String,
        pub words: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod assessment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub enrollment_id: i64,
        pub group_id: i64,
        pub person_id: i64,
        pub instrument_key: String,
        pub timepoint: String,
        pub locale: String,
        pub taken_on: Date,
        pub total: f64,
        pub missing: i32,
        pub entered_by: Option<i64>,
        pub entered_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod access_entry {
    use crate::stored::Stored;
    use peergroup_domain::access_log::AccessAction;
    use sea_orm::entity::prelude::*;

    /// One read or change of personal data: appended, never changed, chained by hash.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub at: DateTimeUtc,
        pub user_id: Option<i64>,
        pub person_id: Option<i64>,
        pub group_id: Option<i64>,
        pub action: Stored<AccessAction>,
        pub route: String,
        pub prev_hash: String,
        pub hash: String,
    }
    no_relations!();
}

pub mod consent_change {
    use crate::stored::Stored;
    use peergroup_domain::consent::{ConsentPurpose, ConsentSource};
    use sea_orm::entity::prelude::*;

    /// One change of one consent: appended, never changed.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "consent_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub person_id: i64,
        pub purpose: Stored<ConsentPurpose>,
        pub given: bool,
        pub source: Stored<ConsentSource>,
        pub at: DateTimeUtc,
    }
    no_relations!();
}

pub mod sms_reply {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "sms_replies")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub org_id: i64,
        pub person_id: i64,
        pub body: String,
        /// `absence`, `stop` or `coordinator`.
        pub action: String,
        pub session_id: Option<i64>,
        pub received_at: DateTimeUtc,
    }
    no_relations!();
}
