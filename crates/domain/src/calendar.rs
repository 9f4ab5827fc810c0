//! Calendar values every schedule is made of: weekdays, wall-clock times, what an excluded
//! date does to a series, and how a local date and time becomes an instant.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

string_enum!(
    Weekday {
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
        Saturday => "saturday",
        Sunday => "sunday",
    }
);

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

/// Dates excluded in one request, at most.
pub const MAX_EXCLUSIONS_PER_REQUEST: usize = 400;

/// Exclusions are added from 1 to [`MAX_EXCLUSIONS_PER_REQUEST`] dates at a time.
pub fn check_exclusion_dates(dates: &[NaiveDate]) -> Result<(), crate::ValidationErrors> {
    let mut errors = crate::ValidationErrors::new();
    errors.check(
        (1..=MAX_EXCLUSIONS_PER_REQUEST).contains(&dates.len()),
        "dates",
        format!("give from 1 to {MAX_EXCLUSIONS_PER_REQUEST} dates"),
    );
    errors.into_result()
}

string_enum!(
    /// What happens to a session that falls on an excluded date.
    ExclusionPolicy {
        /// The session is dropped; the series gets shorter.
        Skip => "skip",
        /// The series moves to the next free slot and keeps its length.
        Shift => "shift",
    }
);

/// A wall-clock time of day, written exactly `HH:MM`, 00:00 to 23:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LocalTime(NaiveTime);

impl LocalTime {
    pub fn parse(raw: &str) -> Result<Self, String> {
        // chrono also reads `7:00`; the document promises two digits each.
        Some(raw)
            .filter(|raw| raw.len() == 5)
            .and_then(|raw| NaiveTime::parse_from_str(raw, "%H:%M").ok())
            .map(Self)
            .ok_or_else(|| format!("`{raw}` is not a time of day written HH:MM, such as 18:30"))
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl From<NaiveTime> for LocalTime {
    fn from(time: NaiveTime) -> Self {
        Self(time)
    }
}

impl TryFrom<String> for LocalTime {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw)
    }
}

impl From<LocalTime> for String {
    fn from(value: LocalTime) -> String {
        value.0.format("%H:%M").to_string()
    }
}

impl utoipa::PartialSchema for LocalTime {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(HH_MM))
            .description(Some("local wall-clock time, HH:MM"))
            .into()
    }
}

impl utoipa::ToSchema for LocalTime {}

/// `HH:MM`, 00:00 to 23:59, as a JSON Schema pattern.
pub const HH_MM: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// The instant a local date and wall-clock time names in `tz`, and the wall-clock time it
/// actually is there (different only in a spring-forward gap).
pub fn localize(tz: Tz, date: NaiveDate, time: NaiveTime) -> (DateTime<Utc>, NaiveTime) {
    let wanted = date.and_time(time);
    let at = match tz.from_local_datetime(&wanted) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earliest, _) => earliest,
        LocalResult::None => forward_over_gap(tz, wanted),
    };
    (at.with_timezone(&Utc), at.naive_local().time())
}

/// In a gap, read the wall time with the UTC offset in force just before the gap: the
/// result lies after the gap, later by exactly the gap's length.
fn forward_over_gap(tz: Tz, wanted: NaiveDateTime) -> DateTime<Tz> {
    let before = (1..=24)
        .map(|quarter| wanted - Duration::minutes(15 * quarter))
        .find_map(|t| tz.from_local_datetime(&t).earliest())
        .unwrap_or_else(|| tz.from_utc_datetime(&wanted));
    let offset = chrono::Offset::fix(before.offset()).local_minus_utc();
    let utc = wanted - Duration::seconds(i64::from(offset));
    tz.from_utc_datetime(&utc)
}

#[cfg(test)]
mod exclusion_tests {
    use super::*;

    #[test]
    fn exclusions_come_one_to_the_most_dates_at_a_time() {
        let day = |n| NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + Duration::days(n);
        let dates = |n: i64| (0..n).map(day).collect::<Vec<_>>();
        assert!(check_exclusion_dates(&dates(1)).is_ok());
        assert!(check_exclusion_dates(&dates(MAX_EXCLUSIONS_PER_REQUEST as i64)).is_ok());
        for wrong in [0, MAX_EXCLUSIONS_PER_REQUEST as i64 + 1] {
            let errors = check_exclusion_dates(&dates(wrong)).unwrap_err();
            assert_eq!(errors.errors()[0].field, "dates");
        }
    }
}
