//! Consent per purpose: what a person agreed to, when, and how they said so. Each purpose is
//! given or withdrawn on its own, and every change is kept with its source, so that a
//! coordinator can show when and how a person agreed to each use of their data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

string_enum!(
    /// What a person's data may be used for, each agreed to separately.
    ConsentPurpose {
        EmailReminders => "email_reminders",
        SmsReminders => "sms_reminders",
        Calls => "calls",
        Research => "research",
        FunderSharing => "funder_sharing",
    }
);

string_enum!(
    /// How a consent was given or withdrawn.
    ConsentSource {
        /// Said to a coordinator or facilitator face to face.
        InPerson => "in_person",
        /// On a signed paper form.
        OnPaper => "on_paper",
        /// Said on a phone call.
        ByPhone => "by_phone",
        /// The person's own SMS (STOP or START).
        BySms => "by_sms",
        /// A row of an imported list of people.
        Import => "import",
    }
);

/// What a person agreed to, as written by a coordinator: the whole state, each purpose
/// `false` unless said. `source` says how the person said so; it is needed whenever what is
/// written changes a consent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    #[serde(default)]
    pub email_reminders: bool,
    #[serde(default)]
    pub sms_reminders: bool,
    #[serde(default)]
    pub calls: bool,
    #[serde(default)]
    pub research: bool,
    #[serde(default)]
    pub funder_sharing: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ConsentSource>,
}

impl ConsentInput {
    pub fn given(&self, purpose: ConsentPurpose) -> bool {
        match purpose {
            ConsentPurpose::EmailReminders => self.email_reminders,
            ConsentPurpose::SmsReminders => self.sms_reminders,
            ConsentPurpose::Calls => self.calls,
            ConsentPurpose::Research => self.research,
            ConsentPurpose::FunderSharing => self.funder_sharing,
        }
    }
}

/// Consent as stored: when each purpose was agreed to, or none if it is not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Consent {
    pub email_reminders: Option<DateTime<Utc>>,
    pub sms_reminders: Option<DateTime<Utc>>,
    pub calls: Option<DateTime<Utc>>,
    pub research: Option<DateTime<Utc>>,
    pub funder_sharing: Option<DateTime<Utc>>,
}

impl Consent {
    pub fn given_at(&self, purpose: ConsentPurpose) -> Option<DateTime<Utc>> {
        match purpose {
            ConsentPurpose::EmailReminders => self.email_reminders,
            ConsentPurpose::SmsReminders => self.sms_reminders,
            ConsentPurpose::Calls => self.calls,
            ConsentPurpose::Research => self.research,
            ConsentPurpose::FunderSharing => self.funder_sharing,
        }
    }

    fn slot(&mut self, purpose: ConsentPurpose) -> &mut Option<DateTime<Utc>> {
        match purpose {
            ConsentPurpose::EmailReminders => &mut self.email_reminders,
            ConsentPurpose::SmsReminders => &mut self.sms_reminders,
            ConsentPurpose::Calls => &mut self.calls,
            ConsentPurpose::Research => &mut self.research,
            ConsentPurpose::FunderSharing => &mut self.funder_sharing,
        }
    }

    /// The state as written, without its source.
    pub fn as_input(&self) -> ConsentInput {
        let given = |p| self.given_at(p).is_some();
        ConsentInput {
            email_reminders: given(ConsentPurpose::EmailReminders),
            sms_reminders: given(ConsentPurpose::SmsReminders),
            calls: given(ConsentPurpose::Calls),
            research: given(ConsentPurpose::Research),
            funder_sharing: given(ConsentPurpose::FunderSharing),
            source: None,
        }
    }

    /// Applies what was just written: consent already given keeps its original time, newly
    /// given consent is stamped `now`, and withdrawn consent is cleared. Returns the new
    /// state and each purpose whose consent changed, with whether it is now given.
    pub fn update(
        self,
        input: &ConsentInput,
        now: DateTime<Utc>,
    ) -> (Consent, Vec<(ConsentPurpose, bool)>) {
        let mut next = self;
        let mut changes = Vec::new();
        for &purpose in ConsentPurpose::ALL {
            let given = input.given(purpose);
            let slot = next.slot(purpose);
            if slot.is_some() != given {
                *slot = given.then_some(now);
                changes.push((purpose, given));
            }
        }
        (next, changes)
    }

    /// Whether reminders may go by some channel at all.
    pub fn any_reminders(&self) -> bool {
        self.email_reminders.is_some() || self.sms_reminders.is_some()
    }
}

/// One change of one consent, as kept in a person's consent history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ConsentChange {
    pub purpose: ConsentPurpose,
    pub given: bool,
    pub source: ConsentSource,
    pub at: DateTime<Utc>,
}

/// A person's consent now, and every change to it, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ConsentRecord {
    pub given: Consent,
    pub changes: Vec<ConsentChange>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(h: u32) -> DateTime<Utc> {
        chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn consent_keeps_the_time_it_was_first_given() {
        let input = ConsentInput {
            email_reminders: true,
            ..Default::default()
        };
        let (given, changes) = Consent::default().update(&input, at(1));
        assert_eq!(given.email_reminders, Some(at(1)));
        assert_eq!(given.calls, None);
        assert_eq!(changes, vec![(ConsentPurpose::EmailReminders, true)]);
        let both = ConsentInput {
            calls: true,
            ..input
        };
        let (again, changes) = given.update(&both, at(2));
        assert_eq!(again.email_reminders, Some(at(1)));
        assert_eq!(again.calls, Some(at(2)));
        assert_eq!(changes, vec![(ConsentPurpose::Calls, true)]);
        let (withdrawn, changes) = again.update(
            &ConsentInput {
                calls: true,
                ..Default::default()
            },
            at(3),
        );
        assert_eq!(withdrawn.email_reminders, None);
        assert_eq!(withdrawn.calls, Some(at(2)));
        assert_eq!(changes, vec![(ConsentPurpose::EmailReminders, false)]);
    }

    fn input_of(bits: u8) -> ConsentInput {
        ConsentInput {
            email_reminders: bits & 1 != 0,
            sms_reminders: bits & 2 != 0,
            calls: bits & 4 != 0,
            research: bits & 8 != 0,
            funder_sharing: bits & 16 != 0,
            source: None,
        }
    }

    proptest! {
        #[test]
        fn consent_is_given_exactly_when_the_last_input_says_so(inputs in proptest::collection::vec(0u8..32, 1..10)) {
            let mut consent = Consent::default();
            for (i, bits) in inputs.iter().enumerate() {
                let input = input_of(*bits);
                let before = consent;
                let (after, changes) = consent.update(&input, at(i as u32));
                prop_assert_eq!(after.as_input(), input);
                // A change is reported exactly where the state flipped.
                for &p in ConsentPurpose::ALL {
                    let flipped = before.given_at(p).is_some() != after.given_at(p).is_some();
                    prop_assert_eq!(changes.contains(&(p, input.given(p))), flipped);
                }
                consent = after;
            }
        }
    }
}
