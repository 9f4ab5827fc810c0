//! A group is one closed cohort running a program: the same participants every session, in
//! their language, at a fixed local time in the group's timezone.

use crate::Id;
use crate::calendar::ExclusionPolicy;
pub use crate::calendar::{HH_MM, LocalTime, Weekday};
use crate::program::ProgramSpec;
use crate::validation::{ValidationErrors, distinct};
use crate::values::{Language, Name, Text, TimeZone};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

pub const MAX_CAPACITY: u16 = 500;
/// Languages a group may meet in.
pub const MAX_LANGUAGES: usize = 5;

string_enum!(
    /// planned → enrolling → running → completed; any but completed can be cancelled.
    GroupStatus {
        Planned => "planned",
        Enrolling => "enrolling",
        Running => "running",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

impl GroupStatus {
    /// The statuses of a group that meets or will: what reminders, reports and
    /// coordinators' notices look at.
    pub const ACTIVE: &'static [GroupStatus] = &[
        GroupStatus::Planned,
        GroupStatus::Enrolling,
        GroupStatus::Running,
    ];

    pub fn can_become(self, next: GroupStatus) -> bool {
        use GroupStatus::*;
        matches!(
            (self, next),
            (Planned, Enrolling)
                | (Enrolling, Running)
                | (Running, Completed)
                | (Planned | Enrolling | Running, Cancelled)
        )
    }

    /// Whether the cohort has closed: once a group starts, no one new joins it.
    pub fn has_started(self) -> bool {
        matches!(self, GroupStatus::Running | GroupStatus::Completed)
    }

    pub fn transition(self, next: GroupStatus) -> Result<GroupStatus, String> {
        if self.can_become(next) {
            Ok(next)
        } else {
            let allowed: Vec<&str> = GroupStatus::ALL
                .iter()
                .filter(|s| self.can_become(**s))
                .map(|s| s.as_str())
                .collect();
            Err(if allowed.is_empty() {
                format!("a {self} group cannot change status")
            } else {
                format!("a {self} group can become only: {}", allowed.join(", "))
            })
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    pub name: Name,
    #[serde(default)]
    pub address: Option<Text>,
    #[serde(default)]
    pub accessibility_notes: Option<Text>,
}

/// How venues are compared: without case or surrounding spaces.
pub fn venue_key(name: &str) -> String {
    name.trim().to_lowercase()
}

crate::validation::unique_list_schema!(
    /// The schema of `GroupSpec::weekdays`, as `validate` holds it.
    Weekdays,
    Weekday,
    1,
    Weekday::ALL.len(),
    "Each once, and at least as many as the program meets times a week."
);

/// Everything a coordinator writes to create or replace a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    pub program_id: Id,
    pub name: Name,
    /// The languages the group meets in, BCP 47, the main one first; a repeat is dropped.
    #[serde(deserialize_with = "distinct::<MAX_LANGUAGES, _, _>")]
    #[schema(min_items = 1, max_items = 5)]
    pub languages: Vec<Language>,
    pub timezone: TimeZone,
    pub venue: Venue,
    /// In the years 2000 to 2100.
    pub start_date: NaiveDate,
    // Described by `Weekdays`.
    #[schema(value_type = Weekdays, inline)]
    pub weekdays: Vec<Weekday>,
    pub start_time: LocalTime,
    /// At most the program's `group_size.max`.
    #[schema(minimum = 1, maximum = 500)]
    pub capacity: u16,
    /// Who the group is for when the program segments groups, such as "Sudanese mothers".
    #[serde(default)]
    pub segment: Option<Name>,
    /// A session on an excluded date is dropped (`skip`, the default) or moved to the next
    /// free slot (`shift`).
    #[serde(default = "default_policy")]
    pub exclusion_policy: ExclusionPolicy,
}

fn default_policy() -> ExclusionPolicy {
    ExclusionPolicy::Skip
}

impl GroupSpec {
    /// Checks the group on its own and against its program.
    pub fn validate(&self, program: &ProgramSpec) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.check(
            !self.languages.is_empty(),
            "languages",
            "name at least one language",
        );
        errors.check(
            self.languages.len() <= MAX_LANGUAGES,
            "languages",
            format!("at most {MAX_LANGUAGES} languages"),
        );
        let mut seen = HashSet::new();
        for (i, l) in self.languages.iter().enumerate() {
            errors.check(
                seen.insert(l),
                format!("languages[{i}]"),
                format!("`{l}` is listed twice"),
            );
        }
        errors.check(
            !self.weekdays.is_empty(),
            "weekdays",
            "name at least one weekday",
        );
        let mut days = HashSet::new();
        for (i, d) in self.weekdays.iter().enumerate() {
            errors.check(
                days.insert(*d),
                format!("weekdays[{i}]"),
                format!("`{d}` is listed twice"),
            );
        }
        let needed = usize::from(program.weekdays_needed());
        errors.check(
            self.weekdays.is_empty() || self.weekdays.len() >= needed,
            "weekdays",
            format!("the program meets {needed} times a week: name at least {needed} weekdays"),
        );
        errors.check(
            (1..=MAX_CAPACITY).contains(&self.capacity),
            "capacity",
            format!("must be from 1 to {MAX_CAPACITY}"),
        );
        if let Some(max) = program.group_size.max {
            errors.check(
                self.capacity <= max,
                "capacity",
                format!("the program allows at most {max} participants per group"),
            );
        }
        errors.check(
            (2000..=2100).contains(&chrono::Datelike::year(&self.start_date)),
            "start_date",
            "must be a date between the years 2000 and 2100",
        );
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::tests::peer_only_program;
    use proptest::prelude::*;

    fn group() -> GroupSpec {
        serde_json::from_value(serde_json::json!({
            "program_id": 1, "name": "Thursday group", "languages": ["ne"],
            "timezone": "America/New_York", "venue": {"name": "Library"},
            "start_date": "2027-01-07", "weekdays": ["thursday"], "start_time": "18:00", "capacity": 12
        }))
        .unwrap()
    }

    #[test]
    fn a_valid_group_passes() {
        group().validate(&peer_only_program()).unwrap();
    }

    #[test]
    fn duplicated_or_missing_weekdays_and_capacity_over_the_program_limit_are_refused() {
        let mut g = group();
        g.weekdays = vec![Weekday::Monday, Weekday::Monday];
        g.capacity = 30;
        let mut program = peer_only_program();
        program.group_size.max = Some(12);
        let errors = g.validate(&program).unwrap_err();
        let fields: Vec<&str> = errors.errors().iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["weekdays[1]", "capacity"]);
        g.weekdays.clear();
        g.capacity = 10;
        assert_eq!(
            g.validate(&program).unwrap_err().errors()[0].field,
            "weekdays"
        );
    }

    #[test]
    fn repeated_languages_are_dropped_but_count_against_the_limit() {
        let mut value = serde_json::to_value(group()).unwrap();
        value["languages"] = serde_json::json!(["ne", "en", "ne"]);
        let g: GroupSpec = serde_json::from_value(value.clone()).unwrap();
        let languages: Vec<&str> = g.languages.iter().map(|l| l.as_str()).collect();
        assert_eq!(languages, ["ne", "en"]);
        g.validate(&peer_only_program()).unwrap();

        // Six as sent is more than the five published, repeats or not.
        value["languages"] = serde_json::json!(["ne", "en", "ne", "ar", "fa", "prs"]);
        let g: GroupSpec = serde_json::from_value(value).unwrap();
        let errors = g.validate(&peer_only_program()).unwrap_err();
        assert_eq!(errors.errors()[0].field, "languages");
        assert_eq!(errors.errors()[0].message, "at most 5 languages");
    }

    #[test]
    fn the_published_capacity_and_years_are_the_validated_ones() {
        use utoipa::PartialSchema;
        let props = serde_json::to_value(GroupSpec::schema()).unwrap()["properties"].clone();
        let valid = serde_json::to_value(group()).unwrap();
        let program = peer_only_program();
        let accepts = |v: serde_json::Value| {
            serde_json::from_value::<GroupSpec>(v).is_ok_and(|g| g.validate(&program).is_ok())
        };
        crate::validation::assert_bounds_agree(&valid, "/capacity", &props["capacity"], accepts);
        for (date, ok) in [
            ("1999-12-31", false),
            ("2000-01-01", true),
            ("2100-12-31", true),
            ("2101-01-01", false),
        ] {
            let mut v = valid.clone();
            v["start_date"] = serde_json::json!(date);
            assert_eq!(accepts(v), ok, "{date}");
        }
    }

    #[test]
    fn a_twice_weekly_program_needs_two_weekdays() {
        let mut program = peer_only_program();
        program.phases[0].cadence = crate::program::Cadence::TimesPerWeek { times: 2 };
        assert!(group().validate(&program).is_err());
    }

    #[test]
    fn times_must_be_hh_mm() {
        assert_eq!(String::from(LocalTime::parse("18:30").unwrap()), "18:30");
        for bad in ["6pm", "25:00", "18:30:15", "18:30:00", "7:00", "", "18"] {
            assert!(LocalTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_timezones_and_languages_name_their_field_when_parsed() {
        let mut value = serde_json::to_value(group()).unwrap();
        value["timezone"] = serde_json::json!("Europe/Atlantis");
        let err = serde_json::from_value::<GroupSpec>(value)
            .unwrap_err()
            .to_string();
        assert!(err.contains("IANA"), "{err}");
    }

    fn any_status() -> impl Strategy<Value = GroupStatus> {
        proptest::sample::select(GroupStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn status_paths_never_leave_completed_or_cancelled_and_never_go_back(
            steps in proptest::collection::vec(any_status(), 0..20)
        ) {
            let order = |s: GroupStatus| GroupStatus::ALL.iter().position(|x| *x == s).unwrap();
            let mut status = GroupStatus::Planned;
            for next in steps {
                match status.transition(next) {
                    Ok(new) => {
                        prop_assert!(order(new) > order(status), "{status} -> {new} goes back");
                        prop_assert!(!matches!(status, GroupStatus::Completed | GroupStatus::Cancelled));
                        status = new;
                    }
                    Err(message) => prop_assert!(!message.is_empty()),
                }
            }
        }
    }

    #[test]
    fn the_happy_path_and_cancellation_are_allowed() {
        let mut s = GroupStatus::Planned;
        for next in [
            GroupStatus::Enrolling,
            GroupStatus::Running,
            GroupStatus::Completed,
        ] {
            s = s.transition(next).unwrap();
        }
        assert!(
            GroupStatus::Planned
                .transition(GroupStatus::Running)
                .is_err()
        );
        assert!(
            GroupStatus::Running
                .transition(GroupStatus::Cancelled)
                .is_ok()
        );
        assert!(
            GroupStatus::Completed
                .transition(GroupStatus::Cancelled)
                .is_err()
        );
    }
}
