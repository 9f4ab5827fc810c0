//! RFC 5545 calendar text for session feeds, written by hand: the `icalendar` crate has no
//! VTIMEZONE, and a feed without one leaves calendar apps to guess the zone's rules.
//!
//! Each event keeps its start as a local time with a TZID, so that a calendar shows 18:00 on
//! both sides of a DST change; every TZID used gets a VTIMEZONE listing the zone's actual
//! transitions around the events. UIDs are stable per session and SEQUENCE follows the
//! session's change counter, so a moved or cancelled session updates in place.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::collections::BTreeMap;
use std::fmt::Write;

/// One session as a calendar event. Nothing about participants goes in here.
#[derive(Debug, Clone)]
pub struct FeedEvent {
    pub uid: String,
    pub sequence: u32,
    pub cancelled: bool,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub timezone: Tz,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// When the session last changed.
    pub stamp: DateTime<Utc>,
}

/// A whole VCALENDAR, lines ending in CRLF and folded at 75 octets.
pub fn calendar(name: &str, events: &[FeedEvent]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//peergroup//sessions//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    let mut spans: BTreeMap<&'static str, (Tz, DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    for e in events {
        let span = spans
            .entry(e.timezone.name())
            .or_insert((e.timezone, e.starts_at, e.ends_at));
        span.1 = span.1.min(e.starts_at);
        span.2 = span.2.max(e.ends_at);
    }
    for (tz, from, to) in spans.values() {
        lines.extend(vtimezone(*tz, *from, *to));
    }
    for e in events {
        let tzid = e.timezone.name();
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape(&e.uid)));
        lines.push(format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")));
        lines.push(format!(
            "DTSTART;TZID={tzid}:{}",
            local(e.timezone, e.starts_at)
        ));
        lines.push(format!(
            "DTEND;TZID={tzid}:{}",
            local(e.timezone, e.ends_at)
        ));
        lines.push(format!("SEQUENCE:{}", e.sequence));
        lines.push(format!(
            "STATUS:{}",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(location) = &e.location {
            lines.push(format!("LOCATION:{}", escape(location)));
        }
        if let Some(description) = &e.description {
            lines.push(format!("DESCRIPTION:{}", escape(description)));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

fn local(tz: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string()
}

fn offset_seconds(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The instants in `(from, to]` where the zone's UTC offset changes.
pub fn transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut found = Vec::new();
    let mut t = from;
    while t < to {
        let next = (t + Duration::hours(12)).min(to);
        if offset_seconds(tz, t) != offset_seconds(tz, next) {
            // Narrow down to the second (transitions fall on whole seconds).
            let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
            let before = offset_seconds(tz, t);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let mid_at = DateTime::from_timestamp(mid, 0).unwrap_or(t);
                if offset_seconds(tz, mid_at) == before {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            let hi = DateTime::from_timestamp(hi, 0).unwrap_or(next);
            found.push(hi);
        }
        t = next;
    }
    found
}

/// A VTIMEZONE for `tz` that covers `[from, to]` with a year's margin on each side: one
/// observance for the offset in force at the start, then one per actual transition.
fn vtimezone(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let start = from - Duration::days(366);
    let end = to + Duration::days(366);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{}", tz.name())];
    let observance = |at: DateTime<Utc>, before: i32, lines: &mut Vec<String>| {
        let offset = tz.offset_from_utc_datetime(&at.naive_utc());
        let after = offset.fix().local_minus_utc();
        let kind = if offset.dst_offset().is_zero() {
            "STANDARD"
        } else {
            "DAYLIGHT"
        };
        // DTSTART is the local time of the onset as read before it.
        let onset: NaiveDateTime = at.naive_utc() + Duration::seconds(i64::from(before));
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", format_offset(before)));
        lines.push(format!("TZOFFSETTO:{}", format_offset(after)));
        if let Some(name) = offset.abbreviation().filter(|n| !n.starts_with(['+', '-'])) {
            lines.push(format!("TZNAME:{name}"));
        }
        lines.push(format!("END:{kind}"));
    };
    let initial = offset_seconds(tz, start);
    observance(start, initial, &mut lines);
    for at in transitions(tz, start, end) {
        let before = offset_seconds(tz, at - Duration::seconds(1));
        observance(at, before, &mut lines);
    }
    lines.push("END:VTIMEZONE".into());
    lines
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (continuations start with a space), never inside a
/// UTF-8 character, and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    let _ = write!(out, "\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn vancouver_transitions_are_found_to_the_second() {
        let found = transitions(
            chrono_tz::America::Vancouver,
            at("2027-01-01T00:00:00Z"),
            at("2028-01-01T00:00:00Z"),
        );
        assert_eq!(
            found,
            [at("2027-03-14T10:00:00Z"), at("2027-11-07T09:00:00Z")]
        );
        assert!(
            transitions(
                chrono_tz::Asia::Kolkata,
                at("2027-01-01T00:00:00Z"),
                at("2028-01-01T00:00:00Z")
            )
            .is_empty()
        );
    }

    #[test]
    fn a_feed_has_a_vtimezone_with_the_onsets_as_local_times_and_tzid_starts() {
        let event = FeedEvent {
            uid: "session-7@peergroup".into(),
            sequence: 2,
            cancelled: true,
            summary: "Group, session 1; intro".into(),
            description: Some("Topic: what is diabetes\nPhase: education".into()),
            location: Some("Hall, 1 Example St".into()),
            timezone: chrono_tz::America::Vancouver,
            starts_at: at("2027-03-18T01:00:00Z"),
            ends_at: at("2027-03-18T02:15:00Z"),
            stamp: at("2027-01-01T00:00:00Z"),
        };
        let text = calendar("Test", &[event]);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART;TZID=America/Vancouver:20270317T180000\r\n"));
        assert!(text.contains("DTEND;TZID=America/Vancouver:20270317T191500\r\n"));
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nTZNAME:PDT\r\n"));
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nTZNAME:PST\r\n"));
        assert!(text.contains("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n"));
        assert!(text.contains("SUMMARY:Group\\, session 1\\; intro\r\n"));
        assert!(text.contains("DESCRIPTION:Topic: what is diabetes\\nPhase: education\r\n"));
    }

    proptest! {
        #[test]
        fn folded_lines_are_at_most_75_octets_and_unfold_to_the_original(text in "\\PC{0,400}") {
            let line = format!("DESCRIPTION:{}", escape(&text));
            let folded = fold(&line);
            for physical in folded.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(physical.len() <= 75);
            }
            let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
            prop_assert_eq!(unfolded, line);
        }
    }
}
