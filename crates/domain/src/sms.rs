//! How a text travels as SMS: in the GSM 7-bit alphabet (GSM 03.38) when every character
//! has a place in it, else in UCS-2 (Arabic, Dari, Nepali, Punjabi, Chinese, Ukrainian);
//! split into concatenated segments when longer than one message. Organizations pay per
//! segment, so the count is known before anything is sent.

use serde::Serialize;
use utoipa::ToSchema;

string_enum!(
    /// The alphabet an SMS is sent in.
    SmsEncoding {
        /// GSM 03.38: 160 septets a message, 153 a segment when concatenated.
        Gsm7 => "gsm7",
        /// UTF-16 code units: 70 a message, 67 a segment when concatenated.
        Ucs2 => "ucs2",
    }
);

string_enum!(
    /// What an SMS a participant sent did.
    ReplyAction {
        /// Recorded "I can't come" for the session the reminder was about.
        Absence => "absence",
        /// Stopped SMS to the person.
        Stop => "stop",
        /// SMS to the person again, after a STOP.
        Start => "start",
        /// Anything else: for a coordinator to read.
        Coordinator => "coordinator",
    }
);

/// The basic GSM 03.38 character set, one septet each.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table: two septets each (an escape, then the character).
const GSM_EXTENSION: &str = "^{}\\[~]|€\u{0C}";

/// Septets a character takes in GSM-7, or `None` when it has no place there.
fn septets(c: char) -> Option<usize> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// A text as it would go out: its alphabet and its segments.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SmsPlan {
    pub encoding: SmsEncoding,
    /// The text of each segment, in order; their concatenation is the text.
    pub segments: Vec<String>,
}

impl SmsPlan {
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }
}

/// The alphabet `text` needs.
pub fn encoding(text: &str) -> SmsEncoding {
    if text.chars().all(|c| septets(c).is_some()) {
        SmsEncoding::Gsm7
    } else {
        SmsEncoding::Ucs2
    }
}

/// Plans `text` as SMS: one message when it fits (160 septets or 70 UCS-2 units), else
/// segments of at most 153 septets or 67 units. A two-septet character or a surrogate pair
/// is never split across segments. An empty text is one empty message.
pub fn plan(text: &str) -> SmsPlan {
    let encoding = encoding(text);
    let (single, each): (usize, usize) = match encoding {
        SmsEncoding::Gsm7 => (160, 153),
        SmsEncoding::Ucs2 => (70, 67),
    };
    let size = |c: char| match encoding {
        SmsEncoding::Gsm7 => septets(c).unwrap_or(1),
        SmsEncoding::Ucs2 => c.len_utf16(),
    };
    let total: usize = text.chars().map(size).sum();
    if total <= single {
        return SmsPlan {
            encoding,
            segments: vec![text.to_string()],
        };
    }
    let mut segments = vec![];
    let (mut current, mut used) = (String::new(), 0);
    for c in text.chars() {
        if used + size(c) > each {
            segments.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push(c);
        used += size(c);
    }
    segments.push(current);
    SmsPlan { encoding, segments }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn latin_text_is_gsm7_and_other_scripts_ucs2() {
        assert_eq!(
            encoding("Reminder: group on Thu 18:00 at the hall."),
            SmsEncoding::Gsm7
        );
        assert_eq!(encoding("Recordatorio: grupo el jueves"), SmsEncoding::Gsm7);
        // GSM-7 has é, è, ù, ì, ò but not á, í, ó, ú: "sesión" needs UCS-2.
        assert_eq!(
            encoding("Recordatorio: sesión el jueves"),
            SmsEncoding::Ucs2
        );
        assert_eq!(encoding("Rappel : séance jeudi à 18 h"), SmsEncoding::Gsm7);
        assert_eq!(encoding("Price 5€ [info]"), SmsEncoding::Gsm7);
        for other in [
            "تذكير",
            "یادآوری",
            "सम्झना",
            "ਯਾਦ",
            "提醒",
            "Нагадування",
            "ç",
            "emoji 🙂",
        ] {
            assert_eq!(encoding(other), SmsEncoding::Ucs2, "{other}");
        }
    }

    #[test]
    fn the_limits_are_160_and_153_septets_or_70_and_67_units() {
        assert_eq!(plan(&"a".repeat(160)).segment_count(), 1);
        assert_eq!(plan(&"a".repeat(161)).segment_count(), 2);
        assert_eq!(plan(&"a".repeat(306)).segment_count(), 2);
        assert_eq!(plan(&"a".repeat(307)).segment_count(), 3);
        // The euro sign takes two septets: 80 of them fill one message.
        assert_eq!(plan(&"€".repeat(80)).segment_count(), 1);
        assert_eq!(plan(&"€".repeat(81)).segment_count(), 2);
        assert_eq!(plan(&"ت".repeat(70)).segment_count(), 1);
        assert_eq!(plan(&"ت".repeat(71)).segment_count(), 2);
        assert_eq!(plan(&"ت".repeat(134)).segment_count(), 2);
        assert_eq!(plan(&"ت".repeat(135)).segment_count(), 3);
        assert_eq!(plan("").segments, [""]);
    }

    #[test]
    fn an_arabic_reminder_is_ucs2_in_two_segments() {
        let text = "تذكير: جلستكم القادمة يوم الخميس الساعة 18:00 في قاعة المجتمع. \
                    إذا لم تستطع الحضور، أرسل لا.";
        let p = plan(text);
        assert_eq!(p.encoding, SmsEncoding::Ucs2);
        assert_eq!(text.encode_utf16().count(), 92);
        assert_eq!(p.segment_count(), 2);
        assert_eq!(p.segments.concat(), text);
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 .,:!?]{0,400}",
            "[a-z€\\[\\]{} ]{0,300}",
            "[ا-ي ]{0,200}",
            "[a-zа-я🙂 ]{0,200}",
        ]
    }

    proptest! {
        /// Segments join back to the text, each fits its limit, and the plan is a single
        /// message exactly when the whole text fits one.
        #[test]
        fn segments_rebuild_the_text_and_each_fits(text in any_text()) {
            let p = plan(&text);
            prop_assert_eq!(p.segments.concat(), text.clone());
            let size = |s: &str| -> usize {
                match p.encoding {
                    SmsEncoding::Gsm7 => s.chars().map(|c| septets(c).unwrap()).sum(),
                    SmsEncoding::Ucs2 => s.encode_utf16().count(),
                }
            };
            let (single, each) = match p.encoding {
                SmsEncoding::Gsm7 => (160, 153),
                SmsEncoding::Ucs2 => (70, 67),
            };
            if size(&text) <= single {
                prop_assert_eq!(p.segment_count(), 1);
            } else {
                prop_assert!(p.segment_count() >= 2);
                for s in &p.segments {
                    prop_assert!(size(s) <= each && !s.is_empty());
                }
                // As few segments as the limit allows, give or take one split character.
                let least = size(&text).div_ceil(each);
                prop_assert!(p.segment_count() <= least + 1);
            }
        }
    }
}
