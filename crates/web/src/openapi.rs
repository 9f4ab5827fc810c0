//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use crate::error::Problem;
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

/// The complete document, as served at `/api/openapi.json`; built once.
pub fn openapi() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| crate::documented_app_parts().1)
}
