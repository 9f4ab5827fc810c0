//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use crate::error::Problem;
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::openapi::OpenApi as Document;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "peergroup",
        description = "Closed peer-support groups for immigrants and refugees: programs and their curricula, groups, participants, facilitators and supports.\n\nEvery error is an RFC 9457 `application/problem+json` document. Every object belongs to one organization; another organization's object answers 404. A POST may carry an `Idempotency-Key` header: a repeat with the same body returns the first response (with `Idempotent-Replayed: true`) and changes nothing.",
    ),
    components(schemas(Problem)),
    modifiers(&BearerAuth),
    tags(
        (name = "templates", description = "The seven reviewed program designs, built in"),
        (name = "programs", description = "An organization's program designs"),
        (name = "groups", description = "Closed cohorts running a program"),
        (name = "people", description = "Participants and facilitators"),
        (name = "enrollments", description = "Participants in groups, the waitlist, and their support needs"),
        (name = "sessions", description = "Schedules generated from a group's program, and the calendar of dates with no session"),
        (name = "attendance", description = "Session logs (the roll-call), attendance history, support headcounts"),
        (name = "follow-ups", description = "Follow-up calls after missed sessions, and the coordinators' queue"),
        (name = "reminders", description = "Messages sent to participants, facilitators and coordinators, with their delivery state"),
        (name = "organization", description = "The caller's organization, its settings and its bearer tokens"),
        (name = "training", description = "Facilitator training: modules, each program role's requirements, cohorts, completions, profiles, and the gaps report"),
        (name = "supervision", description = "Supervision contacts with peer facilitators, and peers' supervision and workload"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
struct BaseDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub(crate) fn base() -> Document {
    BaseDoc::openapi()
}

/// A record is its spec, flattened, plus identity and history: `allOf[Spec, {id, …}]`. As a
/// request body the spec refuses unknown fields (`additionalProperties: false`), which
/// inside that `allOf` would refuse the record's own `id`. Wherever a closed spec is part of
/// an `allOf` (records, and pages of records, which inline them), it is replaced by an open
/// copy that leaves the other properties to the rest of the `allOf`.
pub(crate) fn open_flattened_specs(doc: &mut Document) {
    let mut value = serde_json::to_value(&*doc).expect("the document serializes");
    let closed: BTreeMap<String, Value> = value["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, schema)| schema["additionalProperties"] == Value::Bool(false))
        .map(|(name, schema)| {
            let mut open = schema.clone();
            open.as_object_mut().unwrap().remove("additionalProperties");
            (format!("#/components/schemas/{name}"), open)
        })
        .collect();
    open_within(&mut value, &closed);
    *doc = serde_json::from_value(value).expect("the document reads back");
}

fn open_within(value: &mut Value, closed: &BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(parts)) = map.get_mut("allOf") {
                for part in parts.iter_mut() {
                    if let Some(open) = part["$ref"].as_str().and_then(|r| closed.get(r)) {
                        *part = open.clone();
                    }
                }
            }
            map.values_mut().for_each(|v| open_within(v, closed));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| open_within(v, closed)),
        _ => {}
    }
}

/// The complete document, as served at `/api/openapi.json`; built once.
pub fn openapi() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| crate::documented_app_parts().1)
}

/// The document as JSON, written once: what `/api/openapi.json` sends and what request
/// bodies are held to.
pub(crate) fn openapi_json() -> &'static (Value, String) {
    static JSON: std::sync::OnceLock<(Value, String)> = std::sync::OnceLock::new();
    JSON.get_or_init(|| {
        let value = serde_json::to_value(openapi()).expect("the document serializes");
        let text = value.to_string();
        (value, text)
    })
}

#[cfg(test)]
mod tests {
    use peergroup_domain::StringEnum;
    use peergroup_domain::access_log::AccessAction;
    use peergroup_domain::attendance::{AbsenceReason, AttendanceStatus};
    use peergroup_domain::consent::{ConsentPurpose, ConsentSource};
    use peergroup_domain::enrollment::{EnrollmentStatus, WithdrawalReason};
    use peergroup_domain::followup::{Barrier, CallOutcome, NextStep, TaskKind, TaskState};
    use peergroup_domain::group::{GroupStatus, Weekday};
    use peergroup_domain::instruments::{Direction, Scoring};
    use peergroup_domain::org::{Role, TrainingPolicy};
    use peergroup_domain::paired::WilcoxonMethod;
    use peergroup_domain::person::ContactChannel;
    use peergroup_domain::program::{
        ContactKind, FacilitationModel, FacilitatorKind, FollowUpCaller, Segmentation,
    };
    use peergroup_domain::records::{FeedKind, SessionKind, SessionStatus};
    use peergroup_domain::reminders::{Channel, MessageKind, MessageState};
    use peergroup_domain::schedule::ExclusionPolicy;
    use peergroup_domain::support::{AgeBand, SupportKind, SupportStatus};
    use peergroup_domain::training::{DeliveryFormat, SupervisionMode};
    use serde_json::Value;

    /// The enum's values as the document publishes them, as serde writes them, and as
    /// they are stored (`as_str`): all three must be the same list.
    fn published_equals_wire<T: StringEnum + utoipa::ToSchema>(doc: &Value) -> String {
        let name = T::name().to_string();
        let published: Vec<String> = doc["components"]["schemas"][&name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} is not published as an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let wire: Vec<String> = T::all()
            .iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let stored: Vec<String> = T::all().iter().map(|v| v.as_str().to_string()).collect();
        assert_eq!(published, wire, "{name}: published vs serde");
        assert_eq!(stored, wire, "{name}: stored vs serde");
        name
    }

    #[test]
    fn every_enum_is_published_with_the_names_the_server_speaks() {
        let doc = serde_json::to_value(super::openapi()).unwrap();
        let mut checked = vec![
            published_equals_wire::<AbsenceReason>(&doc),
            published_equals_wire::<AccessAction>(&doc),
            published_equals_wire::<AgeBand>(&doc),
            published_equals_wire::<AttendanceStatus>(&doc),
            published_equals_wire::<Barrier>(&doc),
            published_equals_wire::<CallOutcome>(&doc),
            published_equals_wire::<ContactChannel>(&doc),
            published_equals_wire::<ContactKind>(&doc),
            published_equals_wire::<ConsentPurpose>(&doc),
            published_equals_wire::<ConsentSource>(&doc),
            published_equals_wire::<DeliveryFormat>(&doc),
            published_equals_wire::<Direction>(&doc),
            published_equals_wire::<EnrollmentStatus>(&doc),
            published_equals_wire::<WithdrawalReason>(&doc),
            published_equals_wire::<ExclusionPolicy>(&doc),
            published_equals_wire::<FacilitationModel>(&doc),
            published_equals_wire::<FacilitatorKind>(&doc),
            published_equals_wire::<FeedKind>(&doc),
            published_equals_wire::<FollowUpCaller>(&doc),
            published_equals_wire::<GroupStatus>(&doc),
            published_equals_wire::<MessageKind>(&doc),
            published_equals_wire::<MessageState>(&doc),
            published_equals_wire::<Channel>(&doc),
            published_equals_wire::<NextStep>(&doc),
            published_equals_wire::<Role>(&doc),
            published_equals_wire::<Scoring>(&doc),
            published_equals_wire::<Segmentation>(&doc),
            published_equals_wire::<SessionKind>(&doc),
            published_equals_wire::<SessionStatus>(&doc),
            published_equals_wire::<SupervisionMode>(&doc),
            published_equals_wire::<SupportKind>(&doc),
            published_equals_wire::<SupportStatus>(&doc),
            published_equals_wire::<TaskKind>(&doc),
            published_equals_wire::<TaskState>(&doc),
            published_equals_wire::<TrainingPolicy>(&doc),
            published_equals_wire::<Weekday>(&doc),
            published_equals_wire::<WilcoxonMethod>(&doc),
        ];
        checked.sort();
        // Every enum the document publishes is one of the above.
        let mut published: Vec<String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, schema)| schema.get("enum").is_some())
            // Not a string_enum!: the IANA names, published so that clients can offer them.
            .filter(|(name, _)| name.as_str() != "TimeZone")
            .map(|(name, _)| name.clone())
            .collect();
        published.sort();
        assert_eq!(published, checked, "a new enum: add it to this test");
    }
}
