//! Every shipped locale writes every message kind, from its own resources.

use chrono::{DateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use peergroup_domain::attendance::{ChildcareCount, InterpreterCount, SupportHeadcount};
use peergroup_domain::support::AgeBand;
use peergroup_notify::render::{
    EscalatedCall, SmsAnswer, date_time, phrase, sms_answer_sentences, sms_sentences,
};
use peergroup_notify::{LOCALES, Mail, SessionInfo, render, render_in};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// The keys of every `.ftl` file of `locale` (mail, then SMS), each key once.
fn keys_of(locale: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for file in ["messages", "sms"] {
        let path = format!("{}/locales/{locale}/{file}.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{path} does not parse: {errors:?}"));
        for entry in &resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                assert!(
                    keys.insert(m.id.name.to_string()),
                    "{path}: {} twice",
                    m.id.name
                );
            }
        }
    }
    keys
}

#[test]
fn every_locale_has_every_key_and_no_other() {
    let english = keys_of("en");
    assert!(english.len() > 50);
    for locale in LOCALES {
        let keys = keys_of(locale);
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has unknown keys {extra:?}");
        // Every key also formats in that locale alone (no silent English fallback).
        for key in &english {
            let args = [
                ("name", "N".to_string()),
                ("group", "G".into()),
                ("date", "D".into()),
                ("time", "T".into()),
                ("venue", "V".into()),
                ("address", "A".into()),
                ("minutes", "90".into()),
                ("topic", "X".into()),
                ("count", "3".into()),
                ("children", "2".into()),
                ("languages", "ar".into()),
                ("misses", "3".into()),
                ("missing", "peer".into()),
                ("org", "O".into()),
                ("transport", "1".into()),
                ("food", "1".into()),
                ("weekday", "W".into()),
                ("day", "1".into()),
                ("month", "M".into()),
                ("year", "2026".into()),
                ("hour24", "18".into()),
                ("hour12", "6".into()),
                ("minute", "30".into()),
                ("ampm", "PM".into()),
                ("reason", "R".into()),
                ("days", "7".into()),
            ];
            let out = phrase(locale, key, &args).unwrap_or_else(|e| panic!("{locale}/{key}: {e}"));
            assert!(!out.trim().is_empty(), "{locale}/{key} is blank");
        }
    }
}

fn session(tz: &str) -> SessionInfo {
    SessionInfo {
        group: "Diabetes circle".into(),
        starts_at: Utc.with_ymd_and_hms(2026, 12, 2, 2, 30, 0).unwrap(),
        tz: tz.parse().unwrap(),
        minutes: 90,
        venue: "Community hall".into(),
        address: Some("12 Main St".into()),
        topic: Some("Healthy eating".into()),
    }
}

fn every_kind() -> Vec<Mail> {
    let s = session("America/Vancouver");
    vec![
        Mail::SessionReminder {
            name: "Amina".into(),
            session: s.clone(),
            supports: vec![
                "childcare".into(),
                "transport".into(),
                "interpreter".into(),
                "food".into(),
                "other".into(),
            ],
            cant_come_url: Some("https://example.org/r/abc".into()),
            changed: false,
        },
        Mail::SessionReminder {
            name: "Amina".into(),
            session: s.clone(),
            supports: vec![],
            cant_come_url: Some("https://example.org/r/abc".into()),
            changed: true,
        },
        Mail::SessionCancelled {
            name: "Amina".into(),
            session: s.clone(),
        },
        Mail::FacilitatorReminder {
            name: "Rosa".into(),
            session: s.clone(),
            roster: vec!["Amina".into(), "Olena".into()],
            headcount: SupportHeadcount {
                session_id: 1,
                participants: 2,
                cannot_come: 1,
                childcare: ChildcareCount {
                    participants: 1,
                    children: 2,
                    ages: vec![AgeBand::TwoToFour, AgeBand::FiveToTwelve],
                },
                transport: 1,
                interpreters: vec![InterpreterCount {
                    language: "ar".parse().unwrap(),
                    participants: 1,
                }],
                food: 2,
                food_details: vec![],
                not_yet_arranged: 0,
            },
            absences: 1,
        },
        Mail::AbsenceNotice {
            name: "Rosa".into(),
            participant: "Amina".into(),
            session: s.clone(),
            reason: "childcare".into(),
        },
        Mail::FollowUpOpened {
            group: "Diabetes circle".into(),
            misses: 3,
            url: "https://pg.example.org/follow-ups/7".into(),
        },
        Mail::FollowUpEscalated {
            tasks: vec![
                EscalatedCall {
                    group: "Diabetes circle".into(),
                    due_at: s.starts_at,
                    tz: s.tz,
                },
                EscalatedCall {
                    group: "Parents' circle".into(),
                    due_at: s.starts_at,
                    tz: s.tz,
                },
            ],
            url: "https://pg.example.org/follow-ups".into(),
        },
        Mail::FollowUpHandedOver {
            group: "Diabetes circle".into(),
            url: "https://pg.example.org/follow-ups/7".into(),
        },
        Mail::FollowUpAssigned {
            name: "Rosa".into(),
            group: "Diabetes circle".into(),
            due_at: s.starts_at,
            tz: s.tz,
            url: "https://pg.example.org/follow-ups/7".into(),
        },
        Mail::RolesMissing {
            group: "Diabetes circle".into(),
            starts_at: s.starts_at,
            tz: s.tz,
            missing: vec!["educator: 0 of 1".into()],
            url: "https://pg.example.org/sessions/9".into(),
        },
        Mail::WeeklyDigest(
            peergroup_domain::reminders::Digest {
                org_name: "Riverside".into(),
                sessions: 4,
                open_follow_ups: 2,
                overdue_follow_ups: 1,
                childcare_children: 6,
                transport: 2,
                food: 8,
                interpreters: vec!["ar".into(), "ps".into()],
            },
            "https://pg.example.org/dashboard".into(),
        ),
        Mail::Invitation {
            organization: "Riverside".into(),
            url: "https://example.org/welcome/abc".into(),
            days: 7,
        },
        Mail::PasswordReset {
            url: "https://example.org/welcome/abc".into(),
            minutes: 60,
        },
    ]
}

#[test]
fn every_locale_renders_every_kind_in_its_own_words() {
    for locale in LOCALES {
        for mail in every_kind() {
            let r = render_in(&mail, locale)
                .unwrap_or_else(|e| panic!("{locale} {}: {e}", mail.kind()));
            assert_eq!(r.locale, locale);
            assert!(!r.subject.is_empty());
            let html = r.html();
            let rtl = matches!(locale, "ar" | "fa-AF");
            assert_eq!(html.contains("dir=\"rtl\""), rtl, "{locale}");
            assert!(html.contains(&format!("lang=\"{locale}\"")));
            if locale != "en" {
                let english = render_in(&mail, "en").unwrap();
                assert_ne!(
                    r.subject,
                    english.subject,
                    "{locale} {} is English",
                    mail.kind()
                );
            }
        }
    }
}

#[test]
fn every_locale_texts_reminders_and_answers_in_its_own_words() {
    let answers = [
        SmsAnswer::AbsenceReceived(session("America/Vancouver")),
        SmsAnswer::Stopped,
    ];
    for locale in LOCALES {
        let mut texts: Vec<String> = every_kind()
            .iter()
            .filter_map(|mail| sms_sentences(mail, locale))
            .map(|s| s.unwrap_or_else(|e| panic!("{locale}: {e}")).texts()[0].clone())
            .collect();
        assert_eq!(texts.len(), 3, "a reminder, a change and a cancellation");
        for answer in &answers {
            let s = sms_answer_sentences(answer, locale).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(s.locale, locale);
            texts.push(s.texts()[0].clone());
        }
        if locale != "en" {
            let english: Vec<String> = answers
                .iter()
                .map(|a| sms_answer_sentences(a, "en").unwrap().texts()[0].clone())
                .collect();
            for text in &texts[3..] {
                assert!(
                    !english.contains(text),
                    "{locale} answers in English: {text}"
                );
            }
        }
        let stopped = texts.last().unwrap();
        assert!(stopped.contains("START"), "{locale}: {stopped}");
    }
}

#[test]
fn a_reminder_says_the_local_time_and_what_is_arranged() {
    let mail = &every_kind()[0];
    let en = render(mail, "en");
    let text = en.text();
    // 02:30 UTC on 2 December is 18:30 on 1 December in Vancouver (UTC-8).
    assert!(
        text.contains("Tuesday, December 1, 2026 at 6:30 PM"),
        "{text}"
    );
    assert!(text.contains("Childcare is available for you."));
    assert!(text.contains("I can't come: https://example.org/r/abc"));
    let es = render(mail, "es").text();
    assert!(es.contains("18:30"), "{es}");
    assert!(es.contains("diciembre"), "{es}");
    let ar = render(mail, "ar");
    assert!(ar.html().contains("dir=\"rtl\""));
}

#[test]
fn html_escapes_what_people_typed() {
    let mut mail = every_kind().remove(2);
    if let Mail::SessionCancelled { name, .. } = &mut mail {
        *name = "<b>Amina & co</b>".into();
    }
    let html = render(&mail, "en").html();
    assert!(html.contains("&lt;b&gt;Amina &amp; co&lt;/b&gt;"));
    assert!(!html.contains("<b>Amina"));
}

proptest! {
    /// Whatever the instant and zone, every locale writes the hour and minute the group's
    /// clock shows then.
    #[test]
    fn rendered_times_are_the_group_local_time(
        minutes in 0i64..(3 * 366 * 24 * 60),
        zone in prop::sample::select(vec!["America/Vancouver", "Europe/Kyiv", "Asia/Kabul", "Asia/Kathmandu", "America/St_Johns", "UTC"]),
        locale in prop::sample::select(LOCALES.to_vec()),
    ) {
        let tz: Tz = zone.parse().unwrap();
        let at: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::minutes(minutes);
        let local = at.with_timezone(&tz);
        let (date, time) = date_time(locale, at, tz).unwrap();
        let expected = if locale == "en" {
            format!("{}:{:02}", local.hour12().1, local.minute())
        } else {
            format!("{:02}:{:02}", local.hour(), local.minute())
        };
        prop_assert!(time.contains(&expected), "{} {} -> {}", locale, local, time);
        use chrono::Datelike;
        prop_assert!(date.contains(&local.day().to_string()));
        prop_assert!(date.contains(&local.year().to_string()));
    }
}

#[test]
fn a_follow_up_opened_by_hand_counts_no_missed_sessions() {
    for locale in LOCALES {
        let by_hand = Mail::FollowUpOpened {
            group: "Diabetes circle".into(),
            misses: 0,
            url: "https://pg.example.org/follow-ups/7".into(),
        };
        let after_misses = Mail::FollowUpOpened {
            group: "Diabetes circle".into(),
            misses: 3,
            url: "https://pg.example.org/follow-ups/7".into(),
        };
        let hand = render_in(&by_hand, locale).unwrap().text();
        let rule = render_in(&after_misses, locale).unwrap().text();
        let counted = |misses: &str| {
            let args = [
                ("group", "Diabetes circle".to_string()),
                ("misses", misses.into()),
            ];
            phrase(locale, "follow-up-opened-body", &args).unwrap()
        };
        assert!(!hand.contains(&counted("0")), "{locale}: {hand}");
        assert!(hand.contains("Diabetes circle"), "{locale}");
        assert!(rule.contains(&counted("3")), "{locale}: {rule}");
    }
}

#[test]
fn no_subject_names_a_participant_but_the_absence_notice_body_does() {
    // Subjects show on locked phones and in mail servers' logs; the facilitator reads
    // who cannot come once they open it.
    for locale in LOCALES {
        let notice = Mail::AbsenceNotice {
            name: "Rosa".into(),
            participant: "Amina Qx".into(),
            session: session("America/Vancouver"),
            reason: "illness".into(),
        };
        let r = render_in(&notice, locale).unwrap();
        assert!(!r.subject.contains("Amina Qx"), "{locale}: {}", r.subject);
        assert!(r.html().contains("Amina Qx"), "{locale}");
        for mail in every_kind() {
            let r = render_in(&mail, locale).unwrap();
            assert!(!r.subject.contains("Amina"), "{locale}: {}", r.subject);
        }
    }
}
