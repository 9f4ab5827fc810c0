//! Facilitator assignments: who co-leads a group, as a peer or a professional.

use crate::Id;
use crate::org::TrainingPolicy;
use crate::program::{FacilitatorKind, ProgramSpec};
use crate::validation::ValidationErrors;
use crate::values::{Key, Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentSpec {
    pub person_id: Id,
    pub role: FacilitatorKind,
    /// The program's role this person fills, such as `peer_leader`; must be of kind `role`.
    #[serde(default)]
    pub program_role: Option<Key>,
    /// Why this person may lead although they do not meet the role's requirements; taken
    /// only where the organization's policy allows overrides, and kept on the assignment.
    #[serde(default, skip_serializing)]
    pub override_reason: Option<Text>,
}

/// A coordinator's decision to assign someone who did not meet the role's requirements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EligibilityOverride {
    pub reason: String,
    /// The coordinator who decided.
    pub by_user_id: Option<Id>,
    pub at: chrono::DateTime<chrono::Utc>,
    /// What was missing when they were assigned.
    pub unmet: Vec<String>,
}

impl AssignmentSpec {
    pub fn validate(&self, program: &ProgramSpec) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if let Some(key) = &self.program_role {
            match program.role(key.as_str()) {
                None => errors.add(
                    "program_role",
                    format!("`{key}` is not one of the program's facilitator roles"),
                ),
                Some(r) if r.kind != self.role => errors.add(
                    "program_role",
                    format!("`{key}` is a {} role, not {}", r.kind, self.role),
                ),
                Some(_) => {}
            }
        }
        errors.check(
            self.role == FacilitatorKind::Peer
                || program
                    .role_kinds()
                    .contains(&FacilitatorKind::Professional),
            "role",
            "this program is peer-only: it has no professional role",
        );
        errors.into_result()
    }
}

/// An assignment of someone who does not meet the role's requirements (`checked` lists
/// what is missing), under the organization's policy: refused, listing what is missing, or
/// kept with the coordinator's reason. Returns the reason and what was missing, to keep
/// beside the assignment.
pub fn decide_override(
    policy: TrainingPolicy,
    checked: Result<(), Vec<String>>,
    reason: Option<&Text>,
) -> Result<Option<(String, Vec<String>)>, ValidationErrors> {
    let missing = match checked {
        Ok(()) => {
            let mut errors = ValidationErrors::new();
            if reason.is_some() {
                errors.add(
                    "override_reason",
                    "this person meets the role's requirements; there is nothing to override",
                );
            }
            return errors.into_result().map(|()| None);
        }
        Err(missing) => missing,
    };
    let mut errors = ValidationErrors::new();
    for m in &missing {
        errors.add("person_id", m.clone());
    }
    match (policy, reason) {
        (TrainingPolicy::Override, Some(reason)) => return Ok(Some((reason.to_string(), missing))),
        (TrainingPolicy::Override, None) => errors.add(
            "override_reason",
            "give a reason to assign someone who does not meet the role's requirements",
        ),
        (TrainingPolicy::Block, Some(_)) => errors.add(
            "override_reason",
            "this organization's policy does not allow overrides",
        ),
        (TrainingPolicy::Block, None) => {}
    }
    Err(errors)
}

impl ProgramSpec {
    pub fn role_kinds(&self) -> Vec<FacilitatorKind> {
        self.facilitator_roles.iter().map(|r| r.kind).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::tests::peer_only_program;

    fn fields(r: Result<Option<(String, Vec<String>)>, ValidationErrors>) -> Vec<String> {
        match r {
            Err(e) => e.errors().iter().map(|e| e.field.clone()).collect(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn an_override_needs_the_policy_a_reason_and_something_to_override() {
        let reason = Text::parse("Certificate on its way").unwrap();
        let missing = || Err(vec!["peer_leader: 0 of 20 training hours".to_string()]);
        use TrainingPolicy::{Block, Override};
        assert_eq!(decide_override(Block, Ok(()), None).unwrap(), None);
        assert_eq!(decide_override(Override, Ok(()), None).unwrap(), None);
        assert_eq!(
            fields(decide_override(Block, missing(), None)),
            ["person_id"]
        );
        assert_eq!(
            fields(decide_override(Block, missing(), Some(&reason))),
            ["person_id", "override_reason"]
        );
        assert_eq!(
            fields(decide_override(Override, missing(), None)),
            ["person_id", "override_reason"]
        );
        assert_eq!(
            fields(decide_override(Override, Ok(()), Some(&reason))),
            ["override_reason"],
            "nothing to override"
        );
        let (kept, unmet) = decide_override(Override, missing(), Some(&reason))
            .unwrap()
            .unwrap();
        assert_eq!(kept, "Certificate on its way");
        assert_eq!(unmet, ["peer_leader: 0 of 20 training hours"]);
    }

    #[test]
    fn a_professional_cannot_join_a_peer_only_program_and_roles_must_match() {
        let program = peer_only_program();
        let assign = |json| serde_json::from_value::<AssignmentSpec>(json).unwrap();
        assert!(assign(serde_json::json!({"person_id": 1, "role": "peer", "program_role": "peer_facilitator"})).validate(&program).is_ok());
        assert!(
            assign(serde_json::json!({"person_id": 1, "role": "professional"}))
                .validate(&program)
                .is_err()
        );
        assert!(
            assign(
                serde_json::json!({"person_id": 1, "role": "peer", "program_role": "clinician"})
            )
            .validate(&program)
            .is_err()
        );
    }
}
