//! Organizations (tenants), their settings, and the roles of their users.

use crate::reminders::QuietHours;
use crate::validation::ValidationErrors;
use crate::values::Email;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    /// What a user may do inside their organization.
    Role {
        /// Everything a coordinator can, plus managing the organization itself.
        Admin => "admin",
        /// Sets up programs and groups, enrols participants, arranges supports.
        Coordinator => "coordinator",
        /// Runs sessions; reads only the groups they are assigned to.
        Facilitator => "facilitator",
    }
);

impl Role {
    /// Coordinators and admins manage the organization's data; facilitators read their groups.
    pub fn can_manage(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

string_enum!(
    /// What happens when a facilitator assigned to a group does not meet their role's
    /// requirements.
    #[derive(Default)]
    TrainingPolicy {
        /// The assignment is refused, listing what is missing.
        #[default]
        Block => "block",
        /// A coordinator may assign them anyway, giving a reason that is kept and shown.
        Override => "override",
    }
);

/// What an organization sets for itself. Written whole by an admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgSettings {
    /// No reminder goes out between these local times (`HH:MM`, in each group's timezone);
    /// one due inside them waits for their end. Equal times mean no quiet hours.
    #[schema(example = "21:00", pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub quiet_hours_start: String,
    #[schema(example = "08:00", pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub quiet_hours_end: String,
    /// Where replies to the organization's mail go; none means the sender address.
    #[serde(default)]
    pub reply_to: Option<Email>,
    /// Whether an assignment that breaks a role's requirements is refused (default) or
    /// may be overridden with a reason.
    #[serde(default)]
    pub training_policy: TrainingPolicy,
    /// Months a participant's personal data is kept after the last group they were in
    /// ended (1 to 120); a daily job erases it then. None keeps it until someone erases it.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 120)]
    pub retention_months: Option<u16>,
}

impl Default for OrgSettings {
    fn default() -> Self {
        OrgSettings {
            quiet_hours_start: "21:00".into(),
            quiet_hours_end: "08:00".into(),
            reply_to: None,
            training_policy: TrainingPolicy::Block,
            retention_months: None,
        }
    }
}

impl OrgSettings {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        for (field, value) in [
            ("quiet_hours_start", &self.quiet_hours_start),
            ("quiet_hours_end", &self.quiet_hours_end),
        ] {
            errors.check(
                is_hh_mm(value),
                field,
                "must be a time of day as HH:MM, such as 21:00",
            );
        }
        errors.check(
            self.retention_months.is_none_or(|m| (1..=120).contains(&m)),
            "retention_months",
            "must be 1 to 120 months, or absent to keep data until it is erased",
        );
        errors.into_result()
    }

    pub fn quiet_hours(&self) -> QuietHours {
        QuietHours::parse(&self.quiet_hours_start, &self.quiet_hours_end).unwrap_or_default()
    }
}

/// Exactly `HH:MM`, 00:00 to 23:59.
fn is_hh_mm(s: &str) -> bool {
    s.len() == 5 && chrono::NaiveTime::parse_from_str(s, "%H:%M").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_take_hh_mm_times_only() {
        assert!(OrgSettings::default().validate().is_ok());
        for bad in ["9:00", "24:00", "21:00:00", "21h00", "", "12:60"] {
            let s = OrgSettings {
                quiet_hours_end: bad.into(),
                ..OrgSettings::default()
            };
            let errors = s.validate().unwrap_err();
            assert_eq!(errors.errors()[0].field, "quiet_hours_end", "{bad}");
        }
        let none = OrgSettings {
            quiet_hours_start: "00:00".into(),
            quiet_hours_end: "00:00".into(),
            ..OrgSettings::default()
        };
        assert!(none.validate().is_ok());
        assert!(!none.quiet_hours().contains(chrono::NaiveTime::MIN));
    }
}
