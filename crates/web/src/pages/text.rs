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
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        PAGES.lookup_with_args(&self.id, key, &args)
    }
}
