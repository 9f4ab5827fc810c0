//! Which of the shipped locales a message is written in: the person's language, else the
//! group's, else English. Tags are matched by meaning, not spelling: `es-MX` reads `es`,
//! `zh-CN` reads Simplified Chinese, `prs` (Dari) reads `fa-AF`; a script we do not ship
//! (`zh-Hant`, `pa-Arab`) is not matched to the one we do.

/// The locales shipped, each a folder under `locales/`.
pub const LOCALES: [&str; 9] = [
    "en", "es", "fr", "uk", "ar", "ne", "pa-Guru", "zh-Hans", "fa-AF",
];

pub const FALLBACK: &str = "en";

/// Locales written right to left.
pub fn is_rtl(locale: &str) -> bool {
    matches!(locale, "ar" | "fa-AF")
}

/// The shipped locale for one BCP 47 tag, if any.
pub fn shipped(tag: &str) -> Option<&'static str> {
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = lower.split('-');
    let language = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let script = rest.iter().find(|p| p.len() == 4).copied();
    let region = rest
        .iter()
        .find(|p| p.len() == 2 || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())))
        .copied();
    match language {
        "en" => Some("en"),
        "es" => Some("es"),
        "fr" => Some("fr"),
        "uk" => Some("uk"),
        "ar" => Some("ar"),
        "ne" => Some("ne"),
        "pa" => match (script, region) {
            (Some("guru"), _) | (None, None | Some("in")) => Some("pa-Guru"),
            _ => None,
        },
        "zh" => match (script, region) {
            (Some("hans"), _) | (None, None | Some("cn" | "sg")) => Some("zh-Hans"),
            _ => None,
        },
        // Dari, and Persian, which Dari readers read too; the Arabic script either way.
        "prs" | "fa" => match script {
            None | Some("arab") => Some("fa-AF"),
            _ => None,
        },
        _ => None,
    }
}

/// The first of `tags` we ship, else English.
pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> &'static str {
    tags.into_iter().find_map(shipped).unwrap_or(FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_by_meaning() {
        assert_eq!(shipped("es-MX"), Some("es"));
        assert_eq!(shipped("pa-Guru"), Some("pa-Guru"));
        assert_eq!(shipped("pa"), Some("pa-Guru"));
        assert_eq!(shipped("pa-Arab"), None);
        assert_eq!(shipped("pa-PK"), None);
        assert_eq!(shipped("zh-Hans"), Some("zh-Hans"));
        assert_eq!(shipped("zh-CN"), Some("zh-Hans"));
        assert_eq!(shipped("zh-Hant"), None);
        assert_eq!(shipped("zh-TW"), None);
        assert_eq!(shipped("prs"), Some("fa-AF"));
        assert_eq!(shipped("fa-AF"), Some("fa-AF"));
        assert_eq!(shipped("so"), None);
        for l in LOCALES {
            assert_eq!(shipped(l), Some(l));
        }
    }

    #[test]
    fn falls_back_from_person_to_group_to_english() {
        assert_eq!(negotiate(["so", "ar"]), "ar");
        assert_eq!(negotiate(["uk", "ar"]), "uk");
        assert_eq!(negotiate(["so", "ti"]), "en");
        assert_eq!(negotiate([]), "en");
    }
}
