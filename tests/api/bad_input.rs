//! Bad input on every writing endpoint: a 4xx problem+json naming the field, and not one row
//! changed in any table.

use peergroup_blackbox::{TestApp, World, fixtures, json};
use reqwest::Method;
use serde_json::Value;

struct Bad {
    method: Method,
    route: &'static str,
    path: String,
    body: Value,
    status: u16,
    /// The field a validation problem must name (422 only).
    field: Option<&'static str>,
    /// Sent with an admin's token instead of the coordinator's.
    admin: bool,
}

/// A case only an admin may send.
fn as_admin(b: Bad) -> Bad {
    Bad { admin: true, ..b }
}

fn bad(
    method: Method,
    route: &'static str,
    path: String,
    body: Value,
    status: u16,
    field: Option<&'static str>,
) -> Bad {
    Bad {
        method,
        route,
        path,
        body,
        status,
        field,
        admin: false,
    }
}

fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer}")) = new;
    value
}

fn adding(mut value: Value, pointer: &str, key: &str, new: Value) -> Value {
    value
        .pointer_mut(pointer)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(key.to_string(), new);
    value
}

fn without(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    value
}

/// `untrained`: a person of the organization with no training, in none of `w`'s groups.
fn cases(
    w: &World,
    started_group: i64,
    cancelled_group: i64,
    cancelled_session: i64,
    untrained: i64,
) -> Vec<Bad> {
    use Method as M;
    let program = fixtures::program();
    let group = fixtures::group(w.program);
    let person = fixtures::person("Amina Y");
    let programs = "/api/v1/programs".to_string();
    let program_path = format!("/api/v1/programs/{}", w.program);
    let groups = "/api/v1/groups".to_string();
    let group_path = format!("/api/v1/groups/{}", w.group);
    let people = "/api/v1/people".to_string();
    let person_path = format!("/api/v1/people/{}", w.person);
    let enrollments = format!("/api/v1/groups/{}/enrollments", w.group);
    let facilitators = format!("/api/v1/groups/{}/facilitators", w.group);
    let supports = format!("/api/v1/enrollments/{}/supports", w.enrollment);
    let support_path = format!("/api/v1/supports/{}", w.support);
    vec![
        // Programs.
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            adding(
                program.clone(),
                "",
                "scheduled_contacts",
                json!([{"kind": "one_to_one_meeting", "role": "peer_leader"}]),
            ),
            422,
            Some("scheduled_contacts[0].phase"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            adding(
                program.clone(),
                "",
                "scheduled_contacts",
                json!([{"kind": "check_in_call", "role": "nurse", "due_within_days": 0}]),
            ),
            422,
            Some("scheduled_contacts[0].due_within_days"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            adding(program.clone(), "", "completion_percent", json!(0)),
            422,
            Some("completion_percent"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(program.clone(), "/phases/0/sessions", json!(0)),
            422,
            Some("phases[0].sessions"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(program.clone(), "/phases/0/sessions", json!(-3)),
            422,
            Some("phases[0].sessions"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(
                with(program.clone(), "/facilitator_roles/1/kind", json!("peer")),
                "/facilitation_model",
                json!("co_led"),
            ),
            422,
            Some("facilitator_roles"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(program.clone(), "/phases/1/leads/0/role", json!("nurse")),
            422,
            Some("phases[1].leads[0].role"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(
                program.clone(),
                "/phases/0/cadence",
                json!({"type": "monthly"}),
            ),
            422,
            Some("phases[0].cadence.type"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs.clone(),
            with(program.clone(), "/name", json!("   ")),
            422,
            Some("name"),
        ),
        bad(
            M::POST,
            "/api/v1/programs",
            programs,
            with(program.clone(), "/group_size", json!({"min": 9, "max": 3})),
            422,
            Some("group_size.min"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}",
            program_path.clone(),
            with(program.clone(), "/phases", json!([])),
            422,
            Some("phases"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}",
            program_path,
            without(program.clone(), "/facilitation_model"),
            422,
            Some("facilitation_model"),
        ),
        bad(
            M::POST,
            "/api/v1/templates/{key}/copy",
            "/api/v1/templates/tang-2015/copy".into(),
            json!({"name": ""}),
            422,
            Some("name"),
        ),
        bad(
            M::POST,
            "/api/v1/templates/{key}/copy",
            "/api/v1/templates/nope/copy".into(),
            json!({}),
            404,
            None,
        ),
        // Groups.
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/timezone", json!("America/Atlantis")),
            422,
            Some("timezone"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/languages/0", json!("klingonese")),
            422,
            Some("languages[0]"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/weekdays", json!([])),
            422,
            Some("weekdays"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/weekdays", json!(["monday", "monday"])),
            422,
            Some("weekdays[1]"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/start_time", json!("6pm")),
            422,
            Some("start_time"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/start_date", json!("2027-02-30")),
            422,
            Some("start_date"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/capacity", json!(0)),
            422,
            Some("capacity"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/capacity", json!(40)),
            422,
            Some("capacity"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups.clone(),
            with(group.clone(), "/program_id", json!(999_999)),
            422,
            Some("program_id"),
        ),
        bad(
            M::POST,
            "/api/v1/groups",
            groups,
            adding(group.clone(), "/venue", "wifi", json!(true)),
            422,
            Some("venue.wifi"),
        ),
        // One participant holds a place in w.group: capacity 0 would drop below it.
        bad(
            M::PUT,
            "/api/v1/groups/{id}",
            group_path.clone(),
            with(group.clone(), "/capacity", json!(0)),
            422,
            Some("capacity"),
        ),
        bad(
            M::PUT,
            "/api/v1/groups/{id}",
            group_path.clone(),
            with(group.clone(), "/timezone", json!("PST")),
            422,
            Some("timezone"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/status",
            format!("{group_path}/status"),
            json!({"status": "running"}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/status",
            format!("{group_path}/status"),
            json!({"status": "finished"}),
            422,
            Some("status"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/status",
            format!("/api/v1/groups/{started_group}/status"),
            json!({"status": "planned"}),
            409,
            None,
        ),
        // Enrolments.
        bad(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            enrollments.clone(),
            json!({"person_id": 999_999}),
            422,
            Some("person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            enrollments.clone(),
            json!({"person_id": w.person}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            enrollments.clone(),
            json!({"person_id": w.facilitator}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            enrollments,
            json!({"person_id": "seven"}),
            422,
            Some("person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/enrollments",
            format!("/api/v1/groups/{started_group}/enrollments"),
            json!({"person_id": w.facilitator}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/withdraw",
            format!("/api/v1/enrollments/{}/withdraw", w.enrollment),
            json!({}),
            422,
            Some("reason"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/withdraw",
            format!("/api/v1/enrollments/{}/withdraw", w.enrollment),
            // A reason is a code: the coordinator's words are refused.
            json!({"reason": "moved to another city"}),
            422,
            Some("reason"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/complete",
            format!("/api/v1/enrollments/{}/complete", w.enrollment),
            json!({}),
            409,
            None,
        ),
        // Facilitators.
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": w.person, "role": "peer"}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": w.facilitator, "role": "peer"}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": w.facilitator, "role": "peer", "program_role": "educator"}),
            422,
            Some("program_role"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": untrained, "role": "peer", "program_role": "peer_leader"}),
            422,
            Some("person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": untrained, "role": "peer", "program_role": "peer_leader",
                   "override_reason": "Trained elsewhere; certificate to follow"}),
            422,
            Some("override_reason"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": 999_999, "role": "peer"}),
            422,
            Some("person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/facilitators",
            facilitators.clone(),
            json!({"person_id": w.facilitator, "role": "mentor"}),
            422,
            Some("role"),
        ),
        bad(
            M::DELETE,
            "/api/v1/groups/{id}/facilitators/{assignment_id}",
            format!("{facilitators}/999999"),
            Value::Null,
            404,
            None,
        ),
        // Schedules and the exclusion calendar.
        bad(
            M::POST,
            "/api/v1/groups/{id}/sessions/generate",
            format!("/api/v1/groups/{cancelled_group}/sessions/generate"),
            json!({}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/sessions/generate",
            "/api/v1/groups/999999/sessions/generate".into(),
            json!({}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/exclusions",
            "/api/v1/exclusions".into(),
            json!({"dates": (0..10_000).map(|d| (chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Duration::days(d % 3000)).to_string()).collect::<Vec<_>>(), "reason": "many"}),
            422,
            Some("dates"),
        ),
        bad(
            M::POST,
            "/api/v1/exclusions",
            "/api/v1/exclusions".into(),
            json!({"dates": [], "reason": "none"}),
            422,
            Some("dates"),
        ),
        bad(
            M::POST,
            "/api/v1/exclusions",
            "/api/v1/exclusions".into(),
            json!({"dates": ["2027-02-30"], "reason": "x"}),
            422,
            Some("dates[0]"),
        ),
        bad(
            M::POST,
            "/api/v1/exclusions",
            "/api/v1/exclusions".into(),
            json!({"dates": ["2027-03-01"], "reason": ""}),
            422,
            Some("reason"),
        ),
        bad(
            M::POST,
            "/api/v1/exclusions",
            "/api/v1/exclusions".into(),
            json!({"group_id": 999_999, "dates": ["2027-03-01"], "reason": "x"}),
            422,
            Some("group_id"),
        ),
        bad(
            M::DELETE,
            "/api/v1/exclusions/{id}",
            "/api/v1/exclusions/999999".into(),
            Value::Null,
            404,
            None,
        ),
        // Calendar feeds.
        bad(
            M::POST,
            "/api/v1/calendar-feeds",
            "/api/v1/calendar-feeds".into(),
            json!({"kind": "group"}),
            422,
            Some("subject_id"),
        ),
        bad(
            M::POST,
            "/api/v1/calendar-feeds",
            "/api/v1/calendar-feeds".into(),
            json!({"kind": "organization", "subject_id": w.group}),
            422,
            Some("subject_id"),
        ),
        bad(
            M::POST,
            "/api/v1/calendar-feeds",
            "/api/v1/calendar-feeds".into(),
            json!({"kind": "weekly"}),
            422,
            Some("kind"),
        ),
        bad(
            M::POST,
            "/api/v1/calendar-feeds",
            "/api/v1/calendar-feeds".into(),
            json!({"kind": "facilitator", "subject_id": w.person}),
            422,
            Some("subject_id"),
        ),
        bad(
            M::POST,
            "/api/v1/calendar-feeds/{id}/revoke",
            "/api/v1/calendar-feeds/999999/revoke".into(),
            json!({}),
            404,
            None,
        ),
        // Changes to one session.
        bad(
            M::POST,
            "/api/v1/sessions/{id}/reschedule",
            format!("/api/v1/sessions/{}/reschedule", w.session),
            json!({}),
            422,
            Some("body"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/reschedule",
            format!("/api/v1/sessions/{}/reschedule", w.session),
            json!({"local_date": "2026-11-01"}),
            422,
            Some("local_date"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/reschedule",
            format!("/api/v1/sessions/{}/reschedule", w.session),
            json!({"local_time": "25:00"}),
            422,
            Some("local_time"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/reschedule",
            format!("/api/v1/sessions/{cancelled_session}/reschedule"),
            json!({"local_time": "19:00"}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/cancel",
            format!("/api/v1/sessions/{}/cancel", w.session),
            json!({"reason": ""}),
            422,
            Some("reason"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/cancel",
            format!("/api/v1/sessions/{cancelled_session}/cancel"),
            json!({"reason": "again"}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/sessions",
            format!("/api/v1/groups/{}/sessions", w.group),
            json!({"local_date": "2027-06-01", "local_time": "18:00", "minutes": 5}),
            422,
            Some("minutes"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/sessions",
            format!("/api/v1/groups/{}/sessions", w.group),
            json!({"local_date": "2025-06-01", "local_time": "18:00", "minutes": 60}),
            422,
            Some("local_date"),
        ),
        bad(
            M::POST,
            "/api/v1/groups/{id}/sessions",
            format!("/api/v1/groups/{cancelled_group}/sessions"),
            json!({"local_date": "2027-06-01", "local_time": "18:00", "minutes": 60}),
            409,
            None,
        ),
        // People.
        bad(
            M::POST,
            "/api/v1/people",
            people.clone(),
            with(person.clone(), "/phone", json!("604 555 0123")),
            422,
            Some("phone"),
        ),
        bad(
            M::POST,
            "/api/v1/people",
            people.clone(),
            with(person.clone(), "/email", json!("amina@")),
            422,
            Some("email"),
        ),
        bad(
            M::POST,
            "/api/v1/people",
            people.clone(),
            with(person.clone(), "/preferred_language", json!("xx-Zzzz-99")),
            422,
            Some("preferred_language"),
        ),
        bad(
            M::POST,
            "/api/v1/people",
            people.clone(),
            with(
                without(person.clone(), "/phone"),
                "/preferred_channel",
                json!("sms"),
            ),
            422,
            Some("preferred_channel"),
        ),
        bad(
            M::POST,
            "/api/v1/people",
            people.clone(),
            with(person.clone(), "/display_name", json!("x".repeat(201))),
            422,
            Some("display_name"),
        ),
        bad(
            M::POST,
            "/api/v1/people",
            people,
            adding(
                person.clone(),
                "",
                "immigration_status",
                json!("asylum seeker"),
            ),
            422,
            Some("immigration_status"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}",
            person_path.clone(),
            with(person.clone(), "/phone", json!("+0123")),
            422,
            Some("phone"),
        ),
        // E.164 in shape, but no North American area code starts with 1.
        bad(
            M::PUT,
            "/api/v1/people/{id}",
            person_path,
            with(person.clone(), "/phone", json!("+11234567890")),
            422,
            Some("phone"),
        ),
        // Supports.
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/supports",
            supports.clone(),
            json!({"kind": "childcare"}),
            422,
            Some("children_ages"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/supports",
            supports.clone(),
            json!({"kind": "interpreter"}),
            422,
            Some("interpreter_language"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/supports",
            supports.clone(),
            json!({"kind": "childcare", "children_ages": ["two_to_four"]}),
            409,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/supports",
            supports,
            json!({"kind": "teleport"}),
            422,
            Some("kind"),
        ),
        bad(
            M::PUT,
            "/api/v1/supports/{id}",
            support_path.clone(),
            // An exact age is not kept: the band is asked for.
            json!({"kind": "childcare", "children_ages": [4]}),
            422,
            Some("children_ages[0]"),
        ),
        bad(
            M::PUT,
            "/api/v1/supports/{id}",
            support_path,
            json!({"kind": "childcare", "children_ages": ["two_to_four"], "status": "maybe"}),
            422,
            Some("status"),
        ),
        // Session logs (more in tests/api/attendance.rs, on a clock past the sessions).
        bad(
            M::POST,
            "/api/v1/sessions/{id}/log",
            format!("/api/v1/sessions/{}/log", w.session),
            json!({"held": false}),
            422,
            Some("session_id"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/log",
            format!("/api/v1/sessions/{}/log", w.session),
            json!({"held": true, "attendance": [{"person_id": w.person, "status": "asleep"}]}),
            422,
            Some("attendance[0].status"),
        ),
        bad(
            M::POST,
            "/api/v1/sessions/{id}/log",
            format!("/api/v1/sessions/{cancelled_session}/log"),
            json!({"held": false}),
            409,
            None,
        ),
        // Follow-up tasks.
        bad(
            M::POST,
            "/api/v1/follow-ups",
            "/api/v1/follow-ups".into(),
            json!({"enrollment_id": 999999, "note": "x"}),
            422,
            Some("enrollment_id"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups",
            "/api/v1/follow-ups".into(),
            json!({"enrollment_id": w.enrollment, "note": ""}),
            422,
            Some("note"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups",
            "/api/v1/follow-ups".into(),
            json!({"enrollment_id": w.enrollment, "note": "x", "due_at": "2026-11-01T00:00:00Z"}),
            422,
            Some("due_at"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups",
            "/api/v1/follow-ups".into(),
            json!({"enrollment_id": w.enrollment, "note": "x", "assignee_person_id": w.person}),
            422,
            Some("assignee_person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "maybe"}),
            422,
            Some("outcome"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "reached", "next_step": "needs_support"}),
            422,
            Some("support"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "no_answer", "barriers": ["transport"]}),
            422,
            Some("outcome"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "no_answer", "made_at": "2027-01-01T00:00:00Z"}),
            422,
            Some("made_at"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "reached", "next_step": "needs_support", "support": {"kind": "childcare"}}),
            422,
            Some("support.children_ages"),
        ),
        // What was said on the phone is not kept: a note is refused, not dropped.
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/attempts",
            format!("/api/v1/follow-ups/{}/attempts", w.task),
            json!({"outcome": "reached", "note": "Her husband is ill again"}),
            422,
            Some("note"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/close",
            format!("/api/v1/follow-ups/{}/close", w.task),
            json!({"state": "resolved", "note": "She is coming back"}),
            422,
            Some("note"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/close",
            format!("/api/v1/follow-ups/{}/close", w.task),
            json!({"state": "open"}),
            422,
            Some("state"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/close",
            format!("/api/v1/follow-ups/{}/close", w.task),
            json!({"state": "resolved", "extra": 1}),
            422,
            Some("extra"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/assign",
            format!("/api/v1/follow-ups/{}/assign", w.task),
            json!({"assignee_person_id": w.person}),
            422,
            Some("assignee_person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/follow-ups/{id}/assign",
            "/api/v1/follow-ups/999999/assign".into(),
            json!({"assignee_person_id": null}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/messages/{id}/retry",
            "/api/v1/messages/999999/retry".into(),
            json!({}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/training/modules",
            "/api/v1/training/modules".into(),
            json!({"title": "Listening", "hours": -2, "delivery_format": "in_person"}),
            422,
            Some("hours"),
        ),
        bad(
            M::POST,
            "/api/v1/training/modules",
            "/api/v1/training/modules".into(),
            json!({"title": "Listening", "hours": 5000, "delivery_format": "in_person"}),
            422,
            Some("hours"),
        ),
        bad(
            M::POST,
            "/api/v1/training/modules",
            "/api/v1/training/modules".into(),
            json!({"title": "Listening", "delivery_format": "in_person", "valid_for_months": 0}),
            422,
            Some("valid_for_months"),
        ),
        bad(
            M::POST,
            "/api/v1/training/modules",
            "/api/v1/training/modules".into(),
            json!({"title": "Listening", "delivery_format": "by_osmosis"}),
            422,
            Some("delivery_format"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/modules/{id}",
            format!("/api/v1/training/modules/{}", w.module),
            json!({"title": "", "delivery_format": "online"}),
            422,
            Some("title"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/modules/{id}",
            "/api/v1/training/modules/999999".into(),
            json!({"title": "Listening", "delivery_format": "online"}),
            404,
            None,
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/peer_leader", w.program),
            json!({"modules": [w.module, w.module]}),
            422,
            Some("modules[1]"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/peer_leader", w.program),
            json!({"modules": [999999]}),
            422,
            Some("modules[0]"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/peer_leader", w.program),
            json!({"modules": [w.module], "hours_required": -1}),
            422,
            Some("hours_required"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/peer_leader", w.program),
            json!({"conditions": {"min_age": 5}}),
            422,
            Some("conditions.min_age"),
        ),
        bad(
            M::PUT,
            "/api/v1/programs/{id}/requirements/{role}",
            format!("/api/v1/programs/{}/requirements/astronaut", w.program),
            json!({"modules": [w.module]}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": w.facilitator, "module_id": w.module,
                   "completed_on": "2027-06-01", "hours": 12}),
            422,
            Some("completed_on"),
        ),
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": w.facilitator, "module_id": w.module,
                   "completed_on": "2026-10-01", "hours": 12, "expires_on": "2026-09-01"}),
            422,
            Some("expires_on"),
        ),
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": w.facilitator, "module_id": w.module,
                   "completed_on": "2026-10-01", "hours": 0}),
            422,
            Some("hours"),
        ),
        // No note on the evidence is kept: one is refused, not dropped.
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": w.facilitator, "module_id": w.module,
                   "completed_on": "2026-10-01", "hours": 2, "evidence_note": "Certificate"}),
            422,
            Some("evidence_note"),
        ),
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": 999999, "module_id": w.module,
                   "completed_on": "2026-10-01", "hours": 2}),
            422,
            Some("person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/training/completions",
            "/api/v1/training/completions".into(),
            json!({"person_id": w.facilitator, "module_id": 999999,
                   "completed_on": "2026-10-01", "hours": 2}),
            422,
            Some("module_id"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/facilitator-profile",
            format!("/api/v1/people/{}/facilitator-profile", w.facilitator),
            json!({"languages": ["not a language tag"]}),
            422,
            Some("languages[0]"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/facilitator-profile",
            format!("/api/v1/people/{}/facilitator-profile", w.facilitator),
            json!({"immigration_status": "refugee"}),
            422,
            Some("immigration_status"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/facilitator-profile",
            format!("/api/v1/people/{}/facilitator-profile", w.facilitator),
            json!({"age_at_least": 7}),
            422,
            Some("age_at_least"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/facilitator-profile",
            "/api/v1/people/999999/facilitator-profile".into(),
            json!({}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts",
            "/api/v1/training/cohorts".into(),
            json!({"title": "Winter", "starts_on": "2027-01-10", "ends_on": "2027-01-03"}),
            422,
            Some("ends_on"),
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts",
            "/api/v1/training/cohorts".into(),
            json!({"title": "Winter", "starts_on": "2027-01-10", "trainees": [999999]}),
            422,
            Some("trainees[0]"),
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts",
            "/api/v1/training/cohorts".into(),
            json!({"title": "Winter", "starts_on": "2027-01-10", "modules": [w.module, w.module]}),
            422,
            Some("modules[1]"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/cohorts/{id}",
            format!("/api/v1/training/cohorts/{}", w.cohort),
            json!({"title": "Autumn peer leaders", "starts_on": "2026-11-02", "trainees": [w.facilitator]}),
            422,
            Some("modules"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/cohorts/{id}",
            "/api/v1/training/cohorts/999999".into(),
            json!({"title": "Nowhere", "starts_on": "2026-11-02"}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts/{id}/sessions",
            format!("/api/v1/training/cohorts/{}/sessions", w.cohort),
            json!({"held_on": "2026-11-03", "hours": 30}),
            422,
            Some("hours"),
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts/{id}/sessions",
            format!("/api/v1/training/cohorts/{}/sessions", w.cohort),
            json!({"held_on": "2026-10-01", "hours": 2}),
            422,
            Some("held_on"),
        ),
        bad(
            M::POST,
            "/api/v1/training/cohorts/{id}/sessions",
            format!("/api/v1/training/cohorts/{}/sessions", w.cohort),
            json!({"held_on": "2026-11-05", "hours": 2, "module_id": 999999}),
            422,
            Some("module_id"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/sessions/{id}/attendance",
            format!(
                "/api/v1/training/sessions/{}/attendance",
                w.training_session
            ),
            json!({"present": [w.person]}),
            422,
            Some("present[0]"),
        ),
        bad(
            M::PUT,
            "/api/v1/training/sessions/{id}/attendance",
            "/api/v1/training/sessions/999999/attendance".into(),
            json!({"present": []}),
            404,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/instruments",
            "/api/v1/instruments".into(),
            json!({"kind": "measure", "key": "weight", "title": "Weight", "unit": "kg",
                   "min": 300, "max": 20, "direction": "lower_is_better"}),
            422,
            Some("max"),
        ),
        bad(
            M::POST,
            "/api/v1/instruments",
            "/api/v1/instruments".into(),
            json!({"kind": "measure", "key": "phq-9", "title": "Weight", "unit": "kg",
                   "min": 20, "max": 300, "direction": "lower_is_better"}),
            422,
            Some("key"),
        ),
        bad(
            M::POST,
            "/api/v1/instruments",
            "/api/v1/instruments".into(),
            json!({"kind": "scale", "key": "mine", "title": "Mine", "stem": "How often",
                   "items": [{"key": "1", "text": "First", "min": 3, "max": 3}],
                   "scoring": "sum", "direction": "lower_is_better",
                   "source": "Ours", "licence": "Ours"}),
            422,
            Some("items[0].max"),
        ),
        bad(
            M::POST,
            "/api/v1/instruments",
            "/api/v1/instruments".into(),
            json!({"kind": "scale", "key": "mine\u{0}", "title": "Mine", "stem": "How often",
                   "items": [{"key": "1", "text": "First", "min": -2147483648, "max": 2147483647}],
                   "scoring": "sum", "direction": "lower_is_better",
                   "source": "Ours", "licence": "Ours"}),
            422,
            Some("text"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", w.enrollment),
            json!({"instrument": "who-5", "timepoint": "baseline", "taken_on": "2026-11-20",
                   "locale": "pa-Guru", "answers": {"1": 3, "2": 3, "3": 3, "4": 3, "5": 9}}),
            422,
            Some("answers.5"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", w.enrollment),
            json!({"instrument": "who-5", "timepoint": "after_session_0", "taken_on": "2026-11-20",
                   "locale": "pa-Guru", "answers": {"1": 3}}),
            422,
            Some("timepoint"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", w.enrollment),
            json!({"instrument": "who-5", "timepoint": "post", "taken_on": "2027-11-20",
                   "locale": "pa-Guru", "answers": {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3}}),
            422,
            Some("taken_on"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", w.enrollment),
            json!({"instrument": "who-5", "timepoint": "after_session_24", "taken_on": "2026-11-20",
                   "locale": "pa-Guru", "answers": {"1": 3, "2": 3, "3": 3, "4": 3, "5": 3}}),
            422,
            Some("timepoint"),
        ),
        bad(
            M::POST,
            "/api/v1/enrollments/{id}/assessments",
            format!("/api/v1/enrollments/{}/assessments", w.enrollment),
            json!({"instrument": "no-such-scale", "timepoint": "post", "taken_on": "2026-11-20",
                   "locale": "pa-Guru", "value": 3}),
            422,
            Some("instrument"),
        ),
        bad(
            M::PUT,
            "/api/v1/instruments/{key}/translations/{locale}",
            "/api/v1/instruments/who-5/translations/pa-Guru".into(),
            json!({"stem": "ਪਿਛਲੇ ਦੋ ਹਫ਼ਤਿਆਂ ਵਿੱਚ", "options": ["0", "1", "2", "3", "4", "5"],
                   "items": {"1": "ਇੱਕ", "2": "ਦੋ", "3": "ਤਿੰਨ", "4": "ਚਾਰ"}}),
            422,
            Some("items.5"),
        ),
        bad(
            M::PUT,
            "/api/v1/instruments/{key}/translations/{locale}",
            "/api/v1/instruments/who-5/translations/zz-Nope".into(),
            json!({"stem": "x", "options": ["0", "1", "2", "3", "4", "5"],
                   "items": {"1": "a", "2": "b", "3": "c", "4": "d", "5": "e"}}),
            422,
            Some("locale"),
        ),
        bad(
            M::PUT,
            "/api/v1/instruments/{key}/translations/{locale}",
            "/api/v1/instruments/who-5/translations/pa-Guru".into(),
            json!({"stem": "x", "options": ["0"],
                   "items": {"1": "a", "2": "b", "3": "c", "4": "d", "5": "e", "6": "f"}}),
            422,
            Some("options"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/consent",
            format!("/api/v1/people/{}/consent", w.person),
            json!({"research": "yes", "source": "in_person"}),
            422,
            Some("research"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/consent",
            format!("/api/v1/people/{}/consent", w.person),
            json!({"research": true}),
            422,
            Some("consent.source"),
        ),
        bad(
            M::PUT,
            "/api/v1/people/{id}/consent",
            format!("/api/v1/people/{}/consent", w.person),
            json!({"research": true, "source": "by_pigeon"}),
            422,
            Some("source"),
        ),
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": w.person, "peer_person_id": w.facilitator,
                   "held_on": "2026-11-20", "mode": "call", "minutes": 0}),
            422,
            Some("minutes"),
        ),
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": w.person, "peer_person_id": w.facilitator,
                   "held_on": "2027-01-20", "mode": "call", "minutes": 20}),
            422,
            Some("held_on"),
        ),
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": w.facilitator, "peer_person_id": w.facilitator,
                   "held_on": "2026-11-20", "mode": "call", "minutes": 20}),
            422,
            Some("peer_person_id"),
        ),
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": w.person, "peer_person_id": w.facilitator,
                   "held_on": "2026-11-20", "mode": "carrier_pigeon", "minutes": 20}),
            422,
            Some("mode"),
        ),
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": 999999, "peer_person_id": w.facilitator,
                   "held_on": "2026-11-20", "mode": "meeting", "minutes": 20}),
            422,
            Some("mentor_person_id"),
        ),
        // What a peer tells their mentor is not kept: a note is refused, not dropped.
        bad(
            M::POST,
            "/api/v1/supervision-contacts",
            "/api/v1/supervision-contacts".into(),
            json!({"mentor_person_id": w.person, "peer_person_id": w.facilitator,
                   "held_on": "2026-11-20", "mode": "call", "minutes": 20,
                   "note": "She is exhausted"}),
            422,
            Some("note"),
        ),
        as_admin(bad(
            M::PUT,
            "/api/v1/organization",
            "/api/v1/organization".into(),
            json!({"quiet_hours_start": "21:00", "quiet_hours_end": "08:00", "training_policy": "anything_goes"}),
            422,
            Some("training_policy"),
        )),
        as_admin(bad(
            M::PUT,
            "/api/v1/organization",
            "/api/v1/organization".into(),
            json!({"quiet_hours_start": "9pm", "quiet_hours_end": "08:00"}),
            422,
            Some("quiet_hours_start"),
        )),
        as_admin(bad(
            M::PUT,
            "/api/v1/organization",
            "/api/v1/organization".into(),
            json!({"quiet_hours_start": "21:00", "quiet_hours_end": "08:00", "reply_to": "not an address"}),
            422,
            Some("reply_to"),
        )),
        as_admin(bad(
            M::PUT,
            "/api/v1/organization",
            "/api/v1/organization".into(),
            json!({"quiet_hours_start": "21:00", "quiet_hours_end": "08:00", "timezone": "UTC"}),
            422,
            Some("timezone"),
        )),
        bad(
            M::PUT,
            "/api/v1/organization",
            "/api/v1/organization".into(),
            json!({"quiet_hours_start": "22:00", "quiet_hours_end": "07:00"}),
            403,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/invitations",
            "/api/v1/invitations".into(),
            json!({"email": "not an address", "role": "facilitator"}),
            422,
            Some("email"),
        ),
        bad(
            M::POST,
            "/api/v1/invitations",
            "/api/v1/invitations".into(),
            json!({"email": "new@example.org", "role": "owner"}),
            422,
            Some("role"),
        ),
        bad(
            M::POST,
            "/api/v1/invitations",
            "/api/v1/invitations".into(),
            json!({"email": "new@example.org", "role": "facilitator", "locale": "tlh"}),
            422,
            Some("locale"),
        ),
        bad(
            M::POST,
            "/api/v1/invitations",
            "/api/v1/invitations".into(),
            json!({"email": "new@example.org", "role": "admin"}),
            403,
            None,
        ),
        bad(
            M::POST,
            "/api/v1/tokens/{id}/revoke",
            "/api/v1/tokens/1/revoke".into(),
            json!({}),
            403,
            None,
        ),
        as_admin(bad(
            M::POST,
            "/api/v1/tokens/{id}/revoke",
            "/api/v1/tokens/999999/revoke".into(),
            json!({}),
            404,
            None,
        )),
        as_admin(bad(
            M::POST,
            "/api/v1/tokens/{id}/revoke",
            "/api/v1/tokens/first/revoke".into(),
            json!({}),
            400,
            None,
        )),
        bad(
            M::POST,
            "/api/v1/people/{id}/erasure",
            format!("/api/v1/people/{}/erasure", w.person),
            json!({}),
            403,
            None,
        ),
        as_admin(bad(
            M::POST,
            "/api/v1/people/{id}/erasure",
            "/api/v1/people/999999/erasure".into(),
            json!({}),
            404,
            None,
        )),
        as_admin(bad(
            M::POST,
            "/api/v1/people/{id}/erasure",
            "/api/v1/people/first/erasure".into(),
            json!({}),
            400,
            None,
        )),
        bad(
            M::POST,
            "/r/{token}",
            "/r/not-a-signed-token".into(),
            json!({"reason": "childcare"}),
            404,
            None,
        ),
    ]
}

fn documented_writes() -> Vec<(String, String)> {
    let doc = serde_json::to_value(peergroup_web::openapi()).unwrap();
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["post", "put", "delete", "patch"].contains(&method.as_str()) {
                routes.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    routes.sort();
    routes
}

#[tokio::test]
async fn every_writing_endpoint_refuses_bad_input_with_a_problem_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let w = World::build(&app, "bad-input").await;
    // A second group that has started, with one participant.
    let started = app
        .create_id(&w.token, "/api/v1/groups", &fixtures::group(w.program))
        .await;
    let p = app
        .create_id(&w.token, "/api/v1/people", &fixtures::person("Started One"))
        .await;
    app.create_id(
        &w.token,
        &format!("/api/v1/groups/{started}/enrollments"),
        &json!({"person_id": p}),
    )
    .await;
    for (name, role, program_role) in [
        ("Started Peer", "peer", "peer_leader"),
        ("Started Educator", "professional", "educator"),
    ] {
        let person = app
            .create_id(&w.token, "/api/v1/people", &fixtures::person(name))
            .await;
        app.train(&w.token, w.program, person, program_role).await;
        app.create_id(
            &w.token,
            &format!("/api/v1/groups/{started}/facilitators"),
            &json!({"person_id": person, "role": role, "program_role": program_role}),
        )
        .await;
    }
    for status in ["enrolling", "running"] {
        app.post(
            &w.token,
            &format!("/api/v1/groups/{started}/status"),
            &json!({"status": status}),
        )
        .await
        .ok(200);
    }

    let cancelled = app
        .create_id(&w.token, "/api/v1/groups", &fixtures::group(w.program))
        .await;
    app.post(
        &w.token,
        &format!("/api/v1/groups/{cancelled}/status"),
        &json!({"status": "cancelled"}),
    )
    .await
    .ok(200);
    let sessions = app
        .get(
            &w.token,
            &format!(
                "/api/v1/groups/{}/sessions?from=2027-01-01&to=2028-01-01",
                w.group
            ),
        )
        .await;
    let cancelled_session = sessions.ok(200)[1]["id"].as_i64().unwrap();
    app.post(
        &w.token,
        &format!("/api/v1/sessions/{cancelled_session}/cancel"),
        &json!({"reason": "snow"}),
    )
    .await
    .ok(200);
    let cases = cases(&w, started, cancelled, cancelled_session, p);
    let mut covered: Vec<(String, String)> = cases
        .iter()
        .map(|c| (c.method.to_string(), c.route.to_string()))
        .collect();
    covered.sort();
    covered.dedup();
    assert_eq!(
        covered,
        documented_writes(),
        "every writing route needs bad-input cases"
    );

    let admin = app
        .token(
            "bad-input",
            "admin@example.org",
            peergroup_domain::org::Role::Admin,
        )
        .await;
    let before = app.row_counts().await;
    for c in &cases {
        let body = (!c.body.is_null()).then_some(&c.body);
        let token = if c.admin { &admin } else { &w.token };
        let reply = app.send(c.method.clone(), token, &c.path, body).await;
        let what = format!("{} {} {}", c.method, c.path, c.body);
        assert_eq!(reply.status.as_u16(), c.status, "{what}: {}", reply.body);
        if c.route.starts_with("/r/") {
            // The one-tap page answers a phone's browser: a page, not a problem document.
            assert!(reply.content_type.starts_with("text/html"), "{what}");
        } else {
            reply.problem(c.status);
        }
        if let Some(field) = c.field {
            assert!(
                reply.fields().contains(&field.to_string()),
                "{what}: expected field {field}, got {}",
                reply.body
            );
        }
        assert_eq!(app.row_counts().await, before, "{what} wrote something");
    }
    app.stop().await;
}

#[tokio::test]
async fn malformed_oversized_and_non_json_bodies_are_refused() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("bodies").await;
    let before = app.row_counts().await;
    let url = format!("{}/api/v1/people", app.base);

    let malformed = app
        .client
        .post(&url)
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body("{\"display_name\": ")
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(malformed).await.problem(400);

    let trailing = app
        .client
        .post(&url)
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(r#"{"display_name": "A", "preferred_language": "en"} {}"#)
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(trailing).await.problem(400);

    let text = app
        .client
        .post(&url)
        .bearer_auth(&t)
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(text).await.problem(415);

    let huge = json!({"display_name": "x".repeat(400_000), "preferred_language": "en"});
    let oversized = app
        .client
        .post(&url)
        .bearer_auth(&t)
        .json(&huge)
        .send()
        .await
        .unwrap();
    peergroup_blackbox::into_reply(oversized).await.problem(413);

    let bad_query = app.get(&t, "/api/v1/people?limit=0").await;
    assert_eq!(bad_query.problem(422)["errors"][0]["field"], "limit");
    app.get(&t, "/api/v1/groups?colour=blue").await.problem(400);
    app.get(&t, "/api/v1/groups/not-a-number")
        .await
        .problem(400);
    app.get(&t, "/api/v1/no-such-thing").await.problem(404);
    assert_eq!(app.row_counts().await, before);
    app.stop().await;
}

#[tokio::test]
async fn session_listings_refuse_bad_ranges_naming_the_field() {
    let app = TestApp::spawn().await;
    let w = World::build(&app, "bad-ranges").await;
    let base = format!("/api/v1/groups/{}/sessions", w.group);
    for (query, field) in [
        ("from=2027-01-01&to=2027-01-01", "to"),
        ("from=2027-03-01&to=2027-01-01", "to"),
        ("from=2027-01-01&to=2029-06-01", "to"),
        ("from=next-monday&to=2027-01-01", "from"),
        ("from=2027-01-01&to=2027-02-01&tz=Mars/Olympus", "tz"),
    ] {
        let r = app.get(&w.token, &format!("{base}?{query}")).await;
        r.problem(422);
        assert_eq!(r.fields(), [field], "{query}");
    }
    app.get(&w.token, &format!("{base}?from=2027-01-01"))
        .await
        .problem(400);
    app.stop().await;
}

/// What the published schema says is what the server takes: no struct written as an
/// array, dates and times written in full, `12.0` as the integer it is, and sets without
/// repeats.
#[tokio::test]
async fn bodies_are_read_exactly_as_the_document_describes_them() {
    let app = TestApp::spawn().await;
    let t = app.coordinator("wire").await;
    let program = app
        .create_id(&t, "/api/v1/programs", &fixtures::program())
        .await;
    let before = app.row_counts().await;
    let group = fixtures::group(program);
    let refused = [
        ("/api/v1/people", json!(["Array person", "en"]), "body"),
        (
            "/api/v1/groups",
            with(group.clone(), "/venue", json!(["x"])),
            "venue",
        ),
        (
            "/api/v1/groups",
            with(group.clone(), "/start_date", json!("2027-2-3")),
            "start_date",
        ),
        (
            "/api/v1/groups",
            with(group.clone(), "/start_time", json!("7:00")),
            "start_time",
        ),
        (
            "/api/v1/groups",
            with(group.clone(), "/start_time", json!("12:00:00")),
            "start_time",
        ),
    ];
    for (path, body, field) in refused {
        let reply = app.post(&t, path, &body).await;
        reply.problem(422);
        assert!(
            reply.fields().contains(&field.to_string()),
            "{body}: {}",
            reply.body
        );
    }
    assert_eq!(
        app.row_counts().await,
        before,
        "a refused body wrote something"
    );

    let mut fine = with(group, "/capacity", json!(3.0));
    fine["languages"] = json!(["pa-Guru", "en", "pa-Guru", "en"]);
    let created = app.post(&t, "/api/v1/groups", &fine).await;
    let created = created.ok(201);
    assert_eq!(created["capacity"], 3);
    assert_eq!(created["languages"], json!(["pa-Guru", "en"]));
    app.stop().await;
}
