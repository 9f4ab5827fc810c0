//! The pages' words, from Fluent resources under `locales/`, in the user's language. Unlike
//! mail, bidi isolation stays on: a Latin name inside an Arabic sentence keeps its order.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static PAGES = {
        locales: "./locales",
        fallback_language: "en",
    };
}

/// Words in one locale; a key that locale lacks falls back to English.
#[derive(Debug, Clone)]
pub struct Words {
    pub locale: &'static str,
    id: LanguageIdentifier,
}

impl Words {
    pub fn new(locale: &'static str) -> Words {
        Words {
            locale,
            id: locale.parse().unwrap_or_default(),
        }
    }

    /// `dir` of the page: right to left for Arabic and Dari.
    pub fn dir(&self) -> &'static str {
        if peergroup_notify::locale::is_rtl(self.locale) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn t(&self, key: &str) -> String {
        PAGES.lookup(&self.id, key)
    }

    /// The text of `key` with one value put in.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.tn(key, &[(name, value.to_string())])
    }

    pub fn tn(&self, key: &str, values: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = values
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), fluent_value(v)))
            .collect();
        PAGES.lookup_with_args(&self.id, key, &args)
    }
}

/// A value as Fluent takes it: a whole number written plainly (a count) is a number, so
/// that it selects its plural form (`[one]`, `[few]`…); anything else, a name or a code
/// such as `0102`, stays text as written.
fn fluent_value(v: &str) -> FluentValue<'static> {
    let count = (1..=15).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_digit())
        && (v == "0" || !v.starts_with('0'));
    match v.parse::<u64>() {
        Ok(n) if count => FluentValue::from(n),
        _ => FluentValue::from(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use peergroup_notify::locale::LOCALES;
    use std::collections::BTreeMap;
    use std::path::Path;

    /// Each key of a locale's files with the variables its text uses.
    fn messages(locale: &str) -> BTreeMap<String, Vec<String>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale);
        let mut out = BTreeMap::new();
        for file in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            // Each message with its continuation lines (the variants of a selector).
            let mut entries: Vec<(String, String)> = Vec::new();
            for line in text.lines() {
                if line.starts_with(' ') || line.starts_with('}') {
                    if let Some((_, value)) = entries.last_mut() {
                        value.push('\n');
                        value.push_str(line);
                    }
                    continue;
                }
                let Some((key, value)) = line.split_once(" = ") else {
                    continue;
                };
                if key.starts_with('#') || key.contains(' ') {
                    continue;
                }
                entries.push((key.to_string(), value.to_string()));
            }
            for (key, value) in entries {
                let mut vars: Vec<String> = value
                    .split("{ $")
                    .skip(1)
                    .filter_map(|rest| rest.split([' ', '\n']).next())
                    .map(str::to_string)
                    .collect();
                vars.sort();
                vars.dedup();
                out.insert(key, vars);
            }
        }
        out
    }

    #[test]
    fn every_locale_has_every_key_with_the_same_values_and_its_own_words() {
        let english = messages("en");
        assert!(english.len() > 100, "{} keys", english.len());
        for locale in LOCALES {
            let theirs = messages(locale);
            assert_eq!(
                theirs.keys().collect::<Vec<_>>(),
                english.keys().collect::<Vec<_>>(),
                "{locale}: the same keys as English"
            );
            let id: LanguageIdentifier = locale.parse().unwrap();
            for (key, vars) in &english {
                assert_eq!(&theirs[key], vars, "{locale}/{key}: the same values");
                let args: HashMap<Cow<'static, str>, FluentValue<'static>> = vars
                    .iter()
                    .map(|v| (Cow::Owned(v.clone()), FluentValue::from("X")))
                    .collect();
                let text = PAGES
                    .lookup_single_language(&id, key, Some(&args))
                    .unwrap_or_else(|e| panic!("{locale}/{key}: {e}"));
                assert!(!text.trim().is_empty(), "{locale}/{key} is blank");
            }
        }
    }

    #[test]
    fn arabic_and_dari_run_right_to_left() {
        assert_eq!(Words::new("ar").dir(), "rtl");
        assert_eq!(Words::new("fa-AF").dir(), "rtl");
        assert_eq!(Words::new("pa-Guru").dir(), "ltr");
    }

    #[test]
    fn a_count_takes_its_plural_form_and_a_code_stays_as_written() {
        let plain = |locale: &'static str, count: u32| {
            Words::new(locale)
                .t1("messages-attempts", "count", count)
                .replace(['\u{2068}', '\u{2069}'], "")
        };
        assert_eq!(plain("en", 1), "1 attempt");
        assert_eq!(plain("en", 2), "2 attempts");
        assert_eq!(plain("uk", 3), "3 спроби");
        assert_eq!(plain("uk", 5), "5 спроб");
        assert_eq!(fluent_value("0102"), FluentValue::from("0102".to_string()));
        assert_eq!(fluent_value("7.5"), FluentValue::from("7.5".to_string()));
    }
}
