//! A person's export: everything held about them, gathered in one request.

use peergroup_domain::Id;
use peergroup_domain::consent::ConsentRecord;
use peergroup_domain::records::Person;
use peergroup_domain::subject_access::{EnrolmentExport, PersonExport};
use peergroup_store::followups::TaskFilter;
use peergroup_store::messages::MessageFilter;
use peergroup_store::{PageRequest, Result, Store};

/// Items of one list gathered at most: far more than a person accrues.
const MOST: u64 = 10_000;

/// What a participant's page shows: the record, consent, and each group with its
/// attendance, supports and scores; the export adds messages, replies and follow-ups.
pub struct Profile {
    pub person: Person,
    pub consent: ConsentRecord,
    pub enrolments: Vec<EnrolmentExport>,
}

pub async fn profile(store: &Store, org: Id, person_id: Id) -> Result<Profile> {
    let person = store.get_person(org, person_id).await?;
    let consent = store.consent_record(org, person_id).await?;
    let mut enrolments = Vec::new();
    for (enrollment, group_name) in store.person_enrollments(org, person_id).await? {
        let attendance = store.attendance_history(org, enrollment.id).await?;
        let supports = store.list_support_needs(org, enrollment.id).await?;
        let assessments = store.enrollment_assessments(org, enrollment.id).await?;
        enrolments.push(EnrolmentExport {
            enrollment,
            group_name,
            attendance,
            supports,
            assessments,
        });
    }
    Ok(Profile {
        person,
        consent,
        enrolments,
    })
}

pub async fn export(store: &Store, org: Id, person_id: Id) -> Result<PersonExport> {
    let Profile {
        person,
        consent,
        enrolments,
    } = profile(store, org, person_id).await?;
    let all = PageRequest {
        after: None,
        limit: MOST,
    };
    let messages = MessageFilter {
        person_id: Some(person_id),
        ..Default::default()
    };
    let tasks = TaskFilter {
        person_id: Some(person_id),
        ..Default::default()
    };
    Ok(PersonExport {
        exported_at: store.clock().now(),
        person,
        consent,
        enrolments,
        messages: store.list_messages(org, &messages, all).await?.items,
        sms_replies: store.person_sms_replies(org, person_id).await?,
        follow_ups: store.list_follow_ups(org, &tasks, all).await?.items,
    })
}
