//! Session schedules: a group's sessions laid out from its program's phases, on the group's
//! weekdays at its local start time, in its timezone.
//!
//! The rule that matters most: **local wall-clock time stays fixed**. A group meeting at
//! 18:00 in America/Vancouver meets at 18:00 local before and after each DST change; its
//! UTC instant moves. Dates are expanded in local dates first, then localized:
//! - a local time that does not exist that day (the spring-forward gap) moves forward by
//!   the length of the gap (RFC 5545): 02:30 on a day that jumps from 02:00 to 03:00 is 03:30;
//! - an ambiguous local time (the fall-back hour) takes the earlier instant.
//!
//! Phases follow one another: a phase starts at the first slot after the previous phase's
//! last session. Slots of each cadence:
//! - `every_n_weeks { weeks }`: the group's first weekday, every `weeks` weeks;
//! - `times_per_week { times }`: the first `times` of the group's weekdays, in each 7-day
//!   window starting at the phase's first day;
//! - `one_off`: the next occurrence of the group's first weekday (or a later week's, when
//!   shifted past an excluded date).
//!
//! Dates on the exclusion calendar get no session. With [`ExclusionPolicy::Skip`] that
//! session is dropped (the series gets shorter, the curriculum goes on in order and its last
//! plans go undelivered); with [`ExclusionPolicy::Shift`] the series moves to the next free
//! slot and keeps its length.

use crate::calendar::Weekday;
pub use crate::calendar::{ExclusionPolicy, localize};
use crate::program::{Cadence, Phase};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use utoipa::ToSchema;

/// What a schedule is generated from.
#[derive(Debug, Clone)]
pub struct ScheduleInput<'a> {
    pub phases: &'a [Phase],
    pub start_date: NaiveDate,
    pub weekdays: &'a [Weekday],
    pub start_time: NaiveTime,
    pub timezone: Tz,
    pub exclusions: &'a BTreeSet<NaiveDate>,
    pub policy: ExclusionPolicy,
}

/// One generated session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PlannedSession {
    /// 1-based position in the whole series.
    pub number: u32,
    /// 0-based index of the program phase.
    pub phase: usize,
    /// 1-based position within its phase.
    pub number_in_phase: u32,
    /// 0-based index of the phase's session plan delivered, if the phase has one for it.
    pub plan: Option<usize>,
    pub local_date: NaiveDate,
    /// The wall-clock start: the group's start time, or later when that time does not exist.
    pub local_time: NaiveTime,
    pub starts_at: DateTime<Utc>,
    pub minutes: u16,
}

impl PlannedSession {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.minutes))
    }
}

fn next_on_or_after(date: NaiveDate, day: Weekday) -> NaiveDate {
    let want = day.to_chrono().num_days_from_monday();
    let have = date.weekday().num_days_from_monday();
    date + Duration::days(i64::from((want + 7 - have) % 7))
}

/// The candidate dates of one phase, in order, starting on or after `from`.
fn slots(
    cadence: &Cadence,
    weekdays: &[Weekday],
    from: NaiveDate,
) -> Box<dyn Iterator<Item = NaiveDate>> {
    let first_day = weekdays.first().copied().unwrap_or(Weekday::Monday);
    match *cadence {
        Cadence::EveryNWeeks { weeks } => {
            let first = next_on_or_after(from, first_day);
            let step = 7 * i64::from(weeks.max(1));
            Box::new((0..).map(move |k| first + Duration::days(step * k)))
        }
        // One session, but later slots exist for `shift` to move it to.
        Cadence::OneOff => {
            let first = next_on_or_after(from, first_day);
            Box::new((0..).map(move |k| first + Duration::weeks(k)))
        }
        Cadence::TimesPerWeek { times } => {
            let mut offsets: Vec<i64> = weekdays
                .iter()
                .take(usize::from(times.max(1)))
                .map(|d| (next_on_or_after(from, *d) - from).num_days())
                .collect();
            offsets.sort_unstable();
            offsets.dedup();
            Box::new((0..).flat_map(move |week: i64| {
                let offsets = offsets.clone();
                offsets
                    .into_iter()
                    .map(move |o| from + Duration::days(7 * week + o))
            }))
        }
    }
}

/// Lays out every session of the series. Deterministic: the same input gives the same
/// sessions.
pub fn generate(input: &ScheduleInput) -> Vec<PlannedSession> {
    let mut sessions = Vec::new();
    let mut from = input.start_date;
    for (phase_index, phase) in input.phases.iter().enumerate() {
        let wanted = usize::from(phase.sessions);
        // With `shift`, every exclusion can push the series one slot further, no more.
        let limit = wanted + input.exclusions.len();
        // A phase may meet on its own days and at its own time.
        let weekdays = if phase.weekdays.is_empty() {
            input.weekdays
        } else {
            &phase.weekdays
        };
        let start_time = phase.start_time.map_or(input.start_time, |t| t.time());
        let mut candidates = slots(&phase.cadence, weekdays, from).take(limit);
        let mut dates = Vec::with_capacity(wanted);
        let mut considered = 0;
        let mut last = None;
        while considered < wanted
            || (input.policy == ExclusionPolicy::Shift && dates.len() < wanted)
        {
            let Some(date) = candidates.next() else { break };
            last = Some(date);
            match (input.exclusions.contains(&date), input.policy) {
                (false, _) => {
                    dates.push(date);
                    considered += 1;
                }
                (true, ExclusionPolicy::Skip) => considered += 1,
                (true, ExclusionPolicy::Shift) => {}
            }
            if input.policy == ExclusionPolicy::Shift && dates.len() == wanted {
                break;
            }
        }
        for (i, date) in dates.iter().enumerate() {
            let (starts_at, local_time) = localize(input.timezone, *date, start_time);
            sessions.push(PlannedSession {
                number: sessions.len() as u32 + 1,
                phase: phase_index,
                number_in_phase: i as u32 + 1,
                plan: (i < phase.session_plans.len()).then_some(i),
                local_date: *date,
                local_time,
                starts_at,
                minutes: phase.session_minutes,
            });
        }
        if let Some(last) = last {
            from = last + Duration::days(1);
        }
    }
    sessions
}

/// A change of the clocks between two sessions of a series, as a preview shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockChange {
    /// The index of the first session on the new offset.
    pub before_session: usize,
    /// Offsets from UTC, in seconds, before and after.
    pub from_offset: i32,
    pub to_offset: i32,
}

fn offset_at(tz: Tz, at: DateTime<Utc>) -> i32 {
    use chrono::{Offset, TimeZone};
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

/// Where the offset from UTC differs from the session before: the local time stays, the
/// UTC instant moves, and people joining by phone from elsewhere may need telling.
pub fn clock_changes(sessions: &[PlannedSession], tz: Tz) -> Vec<ClockChange> {
    sessions
        .windows(2)
        .enumerate()
        .filter_map(|(i, pair)| {
            let (from, to) = (
                offset_at(tz, pair[0].starts_at),
                offset_at(tz, pair[1].starts_at),
            );
            (from != to).then_some(ClockChange {
                before_session: i + 1,
                from_offset: from,
                to_offset: to,
            })
        })
        .collect()
}

/// A change to one session: a new date, time or venue (any of them).
#[derive(Debug, Clone, Default, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reschedule {
    #[serde(default)]
    pub local_date: Option<NaiveDate>,
    #[serde(default)]
    pub local_time: Option<crate::calendar::LocalTime>,
    #[serde(default)]
    pub venue: Option<crate::group::Venue>,
}

/// A session added by hand outside the plan.
#[derive(Debug, Clone, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraSession {
    pub local_date: NaiveDate,
    pub local_time: crate::calendar::LocalTime,
    #[schema(minimum = 15, maximum = 720)]
    pub minutes: u16,
    /// Say so to add a session that has already happened (bringing in a group that was
    /// running before peergroup), so that it can be logged; it gets no reminders.
    #[serde(default)]
    pub in_the_past: bool,
    #[serde(default)]
    pub topic: Option<crate::values::Name>,
    #[serde(default)]
    pub venue: Option<crate::group::Venue>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{PhaseLead, SessionPlan};
    use crate::templates;
    use crate::values::{Key, Name};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn phase(sessions: u16, cadence: Cadence, minutes: u16) -> Phase {
        Phase {
            name: Name::parse("phase").unwrap(),
            sessions,
            cadence,
            session_minutes: minutes,
            weekdays: Vec::new(),
            start_time: None,
            leads: vec![PhaseLead {
                role: Key::parse("peer").unwrap(),
                count: 1,
            }],
            session_plans: (0..sessions.min(3))
                .map(|i| SessionPlan {
                    topic: Name::parse(format!("topic {i}")).unwrap(),
                    structure: vec![],
                })
                .collect(),
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn run(
        phases: &[Phase],
        start: &str,
        days: &[Weekday],
        at: &str,
        tz: Tz,
    ) -> Vec<PlannedSession> {
        let none = BTreeSet::new();
        generate(&ScheduleInput {
            phases,
            start_date: date(start),
            weekdays: days,
            start_time: time(at),
            timezone: tz,
            exclusions: &none,
            policy: ExclusionPolicy::Skip,
        })
    }

    fn utc_hour(s: &PlannedSession) -> u32 {
        chrono::Timelike::hour(&s.starts_at)
    }

    #[test]
    fn a_series_across_the_autumn_change_in_vancouver_shows_one_clock_change() {
        let tz: Tz = "America/Vancouver".parse().unwrap();
        let phases = [phase(6, Cadence::EveryNWeeks { weeks: 1 }, 75)];
        // Thursdays from 15 October 2026; the clocks go back on Sunday 1 November.
        let s = run(&phases, "2026-10-15", &[Weekday::Thursday], "18:00", tz);
        assert!(s.iter().all(|x| x.local_time == time("18:00")));
        assert_eq!(
            clock_changes(&s, tz),
            [ClockChange {
                before_session: 3,
                from_offset: -7 * 3600,
                to_offset: -8 * 3600,
            }]
        );
        assert_eq!(s[3].local_date, date("2026-11-05"));
        assert!(
            clock_changes(
                &run(
                    &phases,
                    "2026-10-15",
                    &[Weekday::Thursday],
                    "18:00",
                    chrono_tz::UTC
                ),
                chrono_tz::UTC
            )
            .is_empty()
        );
    }

    #[test]
    fn a_phase_with_its_own_day_and_time_meets_then_for_its_own_length() {
        // Six Wednesday evenings, then a four-hour retreat on the Saturday after, at 10:00.
        let mut retreat = phase(1, Cadence::OneOff, 240);
        retreat.weekdays = vec![Weekday::Saturday];
        retreat.start_time = Some(crate::calendar::LocalTime::parse("10:00").unwrap());
        let s = run(
            &[phase(6, Cadence::EveryNWeeks { weeks: 1 }, 120), retreat],
            "2027-01-06",
            &[Weekday::Wednesday],
            "18:30",
            chrono_tz::America::Mexico_City,
        );
        assert_eq!(s.len(), 7);
        assert!(
            s[..6]
                .iter()
                .all(|x| x.local_time == time("18:30") && x.minutes == 120)
        );
        assert_eq!(s[5].local_date, date("2027-02-10"));
        let last = &s[6];
        assert_eq!(last.local_date, date("2027-02-13"), "the Saturday after");
        assert_eq!(last.local_date.weekday(), chrono::Weekday::Sat);
        assert_eq!((last.local_time, last.minutes), (time("10:00"), 240));
    }

    #[test]
    fn vancouver_keeps_18_00_local_across_both_dst_changes() {
        // Weekly Wednesdays from 2026-10-21 to 2027-03-24: PDT ends 2026-11-01, PDT starts 2027-03-14.
        let s = run(
            &[phase(23, Cadence::EveryNWeeks { weeks: 1 }, 90)],
            "2026-10-21",
            &[Weekday::Wednesday],
            "18:00",
            chrono_tz::America::Vancouver,
        );
        assert_eq!(s.len(), 23);
        assert!(s.iter().all(|x| x.local_time == time("18:00")));
        assert_eq!((s[0].local_date, utc_hour(&s[0])), (date("2026-10-21"), 1)); // 18:00 PDT = 01:00Z
        assert_eq!((s[2].local_date, utc_hour(&s[2])), (date("2026-11-04"), 2)); // 18:00 PST = 02:00Z
        let after_spring = s
            .iter()
            .find(|x| x.local_date == date("2027-03-17"))
            .unwrap();
        assert_eq!(utc_hour(after_spring), 1);
    }

    #[test]
    fn new_york_twice_weekly_crosses_autumn_and_spring() {
        // Tuesdays and Thursdays at 19:30, from 2026-10-27 for 44 sessions (to late March 2027).
        let s = run(
            &[phase(44, Cadence::TimesPerWeek { times: 2 }, 120)],
            "2026-10-27",
            &[Weekday::Tuesday, Weekday::Thursday],
            "19:30",
            chrono_tz::America::New_York,
        );
        assert_eq!(s.len(), 44);
        assert!(s.iter().all(|x| x.local_time == time("19:30")));
        assert!(s.iter().all(|x| matches!(
            x.local_date.weekday(),
            chrono::Weekday::Tue | chrono::Weekday::Thu
        )));
        let offsets: BTreeSet<i64> = s
            .iter()
            .map(|x| (x.local_date.and_time(x.local_time) - x.starts_at.naive_utc()).num_hours())
            .collect();
        assert_eq!(offsets, BTreeSet::from([-5, -4]), "EDT and EST both used");
        assert!(
            s.last().unwrap().local_date > date("2027-03-14"),
            "series crosses the spring change"
        );
    }

    #[test]
    fn madrid_spring_gap_moves_forward_and_autumn_overlap_takes_the_earlier_instant() {
        // Sundays at 02:30: 2027-03-28 has no 02:30 (02:00 → 03:00); 2026-10-25 has it twice.
        let s = run(
            &[phase(3, Cadence::EveryNWeeks { weeks: 1 }, 60)],
            "2027-03-21",
            &[Weekday::Sunday],
            "02:30",
            chrono_tz::Europe::Madrid,
        );
        assert_eq!(s[1].local_date, date("2027-03-28"));
        assert_eq!(
            s[1].local_time,
            time("03:30"),
            "moved forward by the one-hour gap"
        );
        assert_eq!(
            s[1].starts_at,
            Utc.with_ymd_and_hms(2027, 3, 28, 1, 30, 0).unwrap()
        );
        assert_eq!(s[2].local_time, time("02:30"));
        let autumn = run(
            &[phase(1, Cadence::EveryNWeeks { weeks: 1 }, 60)],
            "2026-10-25",
            &[Weekday::Sunday],
            "02:30",
            chrono_tz::Europe::Madrid,
        );
        assert_eq!(
            autumn[0].starts_at,
            Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap(),
            "CEST, the earlier 02:30"
        );
    }

    #[test]
    fn a_zone_without_dst_keeps_one_offset() {
        let s = run(
            &[phase(30, Cadence::EveryNWeeks { weeks: 1 }, 60)],
            "2026-10-01",
            &[Weekday::Friday],
            "17:00",
            chrono_tz::Asia::Kolkata,
        );
        assert!(
            s.iter()
                .all(|x| x.starts_at.naive_utc() == x.local_date.and_time(time("11:30")))
        );
    }

    #[test]
    fn phases_follow_one_another_with_their_own_lengths() {
        // Tang et al.: 6 weekly 75-minute education sessions, then 18 weekly 60-minute support sessions.
        let tang = &templates::find("tang-2015").unwrap().program;
        let s = run(
            &tang.phases,
            "2027-01-06",
            &[Weekday::Wednesday],
            "18:00",
            chrono_tz::America::Vancouver,
        );
        assert_eq!(s.len(), 24);
        assert!(s[..6].iter().all(|x| x.phase == 0 && x.minutes == 75));
        assert!(s[6..].iter().all(|x| x.phase == 1 && x.minutes == 60));
        assert_eq!(s[6].local_date - s[5].local_date, Duration::days(7));
        assert_eq!((s[6].number, s[6].number_in_phase), (7, 1));

        // Arthur et al.: six weekly 2-hour sessions, then a 4-hour retreat the following week.
        let arthur = &templates::find("arthur-2024").unwrap().program;
        let s = run(
            &arthur.phases,
            "2027-05-01",
            &[Weekday::Saturday],
            "10:00",
            chrono_tz::America::Los_Angeles,
        );
        let shape: Vec<(usize, u16)> = s.iter().map(|x| (x.phase, x.minutes)).collect();
        assert_eq!(
            shape,
            [
                (0, 120),
                (0, 120),
                (0, 120),
                (0, 120),
                (0, 120),
                (0, 120),
                (1, 240)
            ]
        );
        assert_eq!(s[6].local_date - s[5].local_date, Duration::days(7));
        assert_eq!(s[6].plan, Some(0));
    }

    #[test]
    fn every_reference_program_generates_its_counts_lengths_and_phase_order() {
        let expected: [(&str, &[(u16, u16)]); 7] = [
            ("stewart-2018", &[(14, 120)]),
            ("arthur-2024", &[(6, 120), (1, 240)]),
            ("im-rosenberg-2016", &[(8, 120)]),
            ("soriano-ayala-cala-2019", &[(15, 60)]),
            ("paloma-2020", &[(12, 150)]),
            ("yang-2014", &[(3, 90)]),
            ("tang-2015", &[(6, 75), (18, 60)]),
        ];
        for (key, phases) in expected {
            let program = &templates::find(key).unwrap().program;
            let s = run(
                &program.phases,
                "2027-01-04",
                &[Weekday::Monday, Weekday::Thursday],
                "18:00",
                chrono_tz::Europe::Madrid,
            );
            let mut got: Vec<(u16, u16)> = Vec::new();
            let mut current = usize::MAX;
            for x in &s {
                if x.phase != current {
                    got.push((0, x.minutes));
                    current = x.phase;
                }
                let last = got.last_mut().unwrap();
                last.0 += 1;
                assert_eq!(last.1, x.minutes, "{key}: one length per phase");
            }
            assert_eq!(got, phases, "{key}");
            assert!(
                s.windows(2).all(|w| w[0].phase <= w[1].phase),
                "{key}: phase order"
            );
        }
        // Fortnightly (Stewart) and twice weekly (Paloma) keep their cadence.
        let stewart = run(
            &templates::find("stewart-2018").unwrap().program.phases,
            "2027-01-04",
            &[Weekday::Monday],
            "18:00",
            chrono_tz::America::Vancouver,
        );
        assert!(
            stewart
                .windows(2)
                .all(|w| w[1].local_date - w[0].local_date == Duration::days(14))
        );
        let paloma = run(
            &templates::find("paloma-2020").unwrap().program.phases,
            "2027-01-04",
            &[Weekday::Monday, Weekday::Thursday],
            "18:00",
            chrono_tz::Europe::Madrid,
        );
        assert_eq!(
            paloma.last().unwrap().local_date - paloma[0].local_date,
            Duration::days(38),
            "12 sessions in six weeks"
        );
    }

    #[test]
    fn exclusions_skip_or_shift() {
        let phases = [phase(4, Cadence::EveryNWeeks { weeks: 1 }, 60)];
        let holidays = BTreeSet::from([date("2026-12-23"), date("2026-12-30")]);
        let input = |policy| ScheduleInput {
            phases: &phases,
            start_date: date("2026-12-16"),
            weekdays: &[Weekday::Wednesday],
            start_time: time("18:00"),
            timezone: chrono_tz::America::Vancouver,
            exclusions: &holidays,
            policy,
        };
        let skipped: Vec<NaiveDate> = generate(&input(ExclusionPolicy::Skip))
            .iter()
            .map(|s| s.local_date)
            .collect();
        assert_eq!(skipped, [date("2026-12-16"), date("2027-01-06")]);
        let shifted: Vec<NaiveDate> = generate(&input(ExclusionPolicy::Shift))
            .iter()
            .map(|s| s.local_date)
            .collect();
        assert_eq!(
            shifted,
            [
                date("2026-12-16"),
                date("2027-01-06"),
                date("2027-01-13"),
                date("2027-01-20")
            ]
        );
    }

    fn any_zone() -> impl Strategy<Value = Tz> {
        proptest::sample::select(vec![
            chrono_tz::America::Vancouver,
            chrono_tz::America::New_York,
            chrono_tz::America::Sao_Paulo,
            chrono_tz::Europe::Madrid,
            chrono_tz::Europe::Kyiv,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::Asia::Kathmandu,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Pacific::Chatham,
            chrono_tz::UTC,
        ])
    }

    fn any_cadence() -> impl Strategy<Value = Cadence> {
        prop_oneof![
            (1u8..=4).prop_map(|weeks| Cadence::EveryNWeeks { weeks }),
            (1u8..=3).prop_map(|times| Cadence::TimesPerWeek { times }),
            Just(Cadence::OneOff),
        ]
    }

    fn any_phases() -> impl Strategy<Value = Vec<Phase>> {
        proptest::collection::vec((1u16..=24, any_cadence(), 15u16..=720), 1..=3).prop_map(|ps| {
            ps.into_iter()
                .map(|(n, c, m)| phase(if c == Cadence::OneOff { 1 } else { n }, c, m))
                .collect()
        })
    }

    fn any_weekdays() -> impl Strategy<Value = Vec<Weekday>> {
        proptest::sample::subsequence(Weekday::ALL.to_vec(), 3..=7).prop_shuffle()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn generated_series_keep_every_rule(
            phases in any_phases(),
            start in (0i64..3650).prop_map(|d| date("2020-01-01") + Duration::days(d)),
            days in any_weekdays(),
            hour in 0u32..24,
            minute in proptest::sample::select(vec![0u32, 15, 30, 45]),
            tz in any_zone(),
        ) {
            let wall = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
            let none = BTreeSet::new();
            let s = generate(&ScheduleInput { phases: &phases, start_date: start, weekdays: &days, start_time: wall, timezone: tz, exclusions: &none, policy: ExclusionPolicy::Skip });
            let planned: usize = phases.iter().map(|p| usize::from(p.sessions)).sum();
            prop_assert_eq!(s.len(), planned);
            for (i, x) in s.iter().enumerate() {
                prop_assert_eq!(x.number as usize, i + 1);
                prop_assert!(x.local_date >= start);
                prop_assert!(days.iter().any(|d| d.to_chrono() == x.local_date.weekday()));
                // The instant shows, in the group's zone, the session's local date and time.
                let local = x.starts_at.with_timezone(&tz).naive_local();
                prop_assert_eq!(local.date(), x.local_date);
                prop_assert_eq!(local.time(), x.local_time);
                if x.local_time != wall {
                    // Only in a gap, and then later by less than a day's worth of gap.
                    let wanted = x.local_date.and_time(wall);
                    prop_assert!(tz.from_local_datetime(&wanted).earliest().is_none(), "{x:?}");
                    let moved = local - wanted;
                    prop_assert!(moved > Duration::zero() && moved <= Duration::hours(2), "{x:?}");
                }
            }
            for w in s.windows(2) {
                prop_assert!(w[0].starts_at < w[1].starts_at, "strictly ordered");
                prop_assert!(w[0].ends_at() <= w[1].starts_at, "no overlap: {:?} {:?}", w[0], w[1]);
                prop_assert!(w[0].phase <= w[1].phase);
            }
            // Following the clock changes from the first session gives every session's
            // offset: none is missed and none is invented.
            let changes = clock_changes(&s, tz);
            let mut next = changes.iter().peekable();
            let mut offset = s.first().map(|x| offset_at(tz, x.starts_at));
            for (i, x) in s.iter().enumerate() {
                if let Some(c) = next.next_if(|c| c.before_session == i) {
                    prop_assert_eq!(Some(c.from_offset), offset);
                    prop_assert_ne!(c.from_offset, c.to_offset);
                    offset = Some(c.to_offset);
                }
                prop_assert_eq!(Some(offset_at(tz, x.starts_at)), offset);
            }
            prop_assert!(next.next().is_none());
        }

        #[test]
        fn exclusions_are_never_scheduled_and_shift_keeps_the_length(
            phases in any_phases(),
            days in any_weekdays(),
            excluded in proptest::collection::btree_set((0i64..400).prop_map(|d| date("2027-01-01") + Duration::days(d)), 0..40),
            shift in any::<bool>(),
        ) {
            let policy = if shift { ExclusionPolicy::Shift } else { ExclusionPolicy::Skip };
            let s = generate(&ScheduleInput { phases: &phases, start_date: date("2027-01-01"), weekdays: &days, start_time: time("18:00"), timezone: chrono_tz::Europe::Madrid, exclusions: &excluded, policy });
            let planned: usize = phases.iter().map(|p| usize::from(p.sessions)).sum();
            prop_assert!(s.iter().all(|x| !excluded.contains(&x.local_date)));
            if shift {
                prop_assert_eq!(s.len(), planned);
            } else {
                prop_assert!(s.len() <= planned);
                let none = BTreeSet::new();
                let unexcluded = generate(&ScheduleInput { phases: &phases, start_date: date("2027-01-01"), weekdays: &days, start_time: time("18:00"), timezone: chrono_tz::Europe::Madrid, exclusions: &none, policy });
                let hit = unexcluded.iter().filter(|x| excluded.contains(&x.local_date)).count();
                prop_assert_eq!(s.len(), planned - hit, "skip drops exactly the excluded sessions");
            }
            prop_assert!(s.windows(2).all(|w| w[0].starts_at < w[1].starts_at));
        }
    }
}
