//! Outcome instruments: the questionnaires a program scores before and after, and single
//! measures with a unit (HbA1c %, weight). Five free scales ship built in with their
//! scoring, severity bands and missing-item rules ([`builtin`]); an organization defines
//! the ones it is licensed to use (PTGI, the Diabetes Distress Scale…) with the same
//! shape, checked by [`InstrumentSpec::validate`] before it is saved.

use crate::validation::ValidationErrors;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use utoipa::ToSchema;

/// Most items a scale may have, and widest answer range.
pub const MAX_ITEMS: usize = 100;
const MAX_RANGE: i32 = 100;
/// Widest answer any item may have, either way.
const MAX_ANSWER: i32 = 1000;
/// Most characters of a stem, an option, a label, a source or a licence note.
const MAX_TEXT: usize = 2000;

string_enum!(
    /// How answered items become a score.
    Scoring {
        /// The sum of the items; no item may be missing.
        Sum => "sum",
        /// The sum, scaled up to all items when some are missing (within the rule).
        ProratedSum => "prorated_sum",
        /// The mean of the answered items.
        Mean => "mean",
    }
);

string_enum!(
    /// Which way is better, for "improved".
    Direction {
        LowerIsBetter => "lower_is_better",
        HigherIsBetter => "higher_is_better",
    }
);

/// One question, answered with a whole number from `min` to `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub key: String,
    /// The item as the English version asks it.
    pub text: String,
    pub min: i32,
    pub max: i32,
    /// Counted as `min + max − answer`.
    #[serde(default)]
    pub reverse: bool,
}

/// A named part of a scale, scored from some of its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    pub key: String,
    pub title: String,
    pub items: Vec<String>,
    pub scoring: Scoring,
    #[serde(default)]
    pub max_missing: u32,
}

/// A severity band: from `from` (inclusive) up to the next band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: f64,
    pub label: String,
}

/// A scale: its items, how they are scored, and what a score means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentSpec {
    pub key: String,
    pub title: String,
    /// What the items are asked about, before them ("Over the last 2 weeks…").
    pub stem: String,
    /// Each answer's words, lowest first, when every item shares them.
    #[serde(default)]
    pub options: Vec<String>,
    pub items: Vec<Item>,
    pub scoring: Scoring,
    /// Items that may be left out and still give a score.
    #[serde(default)]
    pub max_missing: u32,
    /// The score is multiplied by this (WHO-5: ×4, to 0–100).
    #[serde(default = "one")]
    pub multiplier: f64,
    #[serde(default)]
    pub subscales: Vec<Subscale>,
    #[serde(default)]
    pub bands: Vec<Band>,
    pub direction: Direction,
    /// The minimal important difference, where one is published.
    #[serde(default)]
    pub mid: Option<f64>,
    /// Items where any answer above the lowest calls for a check the same day (PHQ-9's
    /// item 9 asks about thoughts of self-harm).
    #[serde(default)]
    pub alert_items: Vec<String>,
    /// Where it comes from, and the terms of its use.
    pub source: String,
    pub licence: String,
}

fn one() -> f64 {
    1.0
}

/// A scored assessment.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Score {
    pub total: f64,
    pub band: Option<String>,
    /// Each subscale's score; none where it has too many items missing.
    pub subscales: BTreeMap<String, Option<f64>>,
    pub missing: u32,
    /// Alert items answered above their lowest value.
    pub alerts: Vec<String>,
}

/// Why answers cannot be scored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreError {
    #[error("`{0}` is not an item of this instrument")]
    UnknownItem(String),
    #[error("`{item}` must be a whole number from {min} to {max}")]
    OutOfRange { item: String, min: i32, max: i32 },
    #[error("{missing} items are missing; this instrument is scored with at most {allowed}")]
    TooManyMissing { missing: u32, allowed: u32 },
}

/// Scores `answered` (item key → answer) by `scoring`, over `all` items; `None` when more
/// than `max_missing` are missing.
fn scored(
    values: &[Option<f64>],
    scoring: Scoring,
    max_missing: u32,
    multiplier: f64,
) -> Option<f64> {
    let answered: Vec<f64> = values.iter().flatten().copied().collect();
    let missing = (values.len() - answered.len()) as u32;
    let allowed = if scoring == Scoring::Sum {
        0
    } else {
        max_missing
    };
    if missing > allowed || answered.is_empty() {
        return None;
    }
    let sum: f64 = answered.iter().sum();
    let score = match scoring {
        Scoring::Sum => sum,
        Scoring::ProratedSum => sum * values.len() as f64 / answered.len() as f64,
        Scoring::Mean => sum / answered.len() as f64,
    };
    Some(score * multiplier)
}

impl InstrumentSpec {
    /// The lowest and highest total this scale can give.
    pub fn range(&self) -> (f64, f64) {
        let (lo, hi) = self.items.iter().fold((0.0, 0.0), |(lo, hi), i| {
            (lo + f64::from(i.min), hi + f64::from(i.max))
        });
        let (lo, hi) = match self.scoring {
            Scoring::Mean if !self.items.is_empty() => {
                let n = self.items.len() as f64;
                (lo / n, hi / n)
            }
            _ => (lo, hi),
        };
        (lo * self.multiplier, hi * self.multiplier)
    }

    /// Scores one person's answers; an item left out or `None` is missing.
    pub fn score(&self, answers: &BTreeMap<String, Option<i32>>) -> Result<Score, ScoreError> {
        if let Some(unknown) = answers
            .keys()
            .find(|k| !self.items.iter().any(|i| &i.key == *k))
        {
            return Err(ScoreError::UnknownItem(unknown.clone()));
        }
        let mut counted: BTreeMap<&str, Option<f64>> = BTreeMap::new();
        for item in &self.items {
            let answer = answers.get(&item.key).copied().flatten();
            if let Some(a) = answer
                && !(item.min..=item.max).contains(&a)
            {
                return Err(ScoreError::OutOfRange {
                    item: item.key.clone(),
                    min: item.min,
                    max: item.max,
                });
            }
            let value = answer.map(|a| {
                let a = if item.reverse {
                    item.min + item.max - a
                } else {
                    a
                };
                f64::from(a)
            });
            counted.insert(&item.key, value);
        }
        let values: Vec<Option<f64>> = self.items.iter().map(|i| counted[i.key.as_str()]).collect();
        let missing = values.iter().filter(|v| v.is_none()).count() as u32;
        let allowed = if self.scoring == Scoring::Sum {
            0
        } else {
            self.max_missing
        };
        let total = scored(&values, self.scoring, self.max_missing, self.multiplier)
            .ok_or(ScoreError::TooManyMissing { missing, allowed })?;
        let subscales = self
            .subscales
            .iter()
            .map(|s| {
                let values: Vec<Option<f64>> =
                    s.items.iter().map(|k| counted[k.as_str()]).collect();
                (
                    s.key.clone(),
                    scored(&values, s.scoring, s.max_missing, 1.0),
                )
            })
            .collect();
        let alerts = self
            .alert_items
            .iter()
            .filter(|k| {
                let min = self.items.iter().find(|i| &i.key == *k).map(|i| i.min);
                matches!((answers.get(*k).copied().flatten(), min), (Some(a), Some(m)) if a > m)
            })
            .cloned()
            .collect();
        Ok(Score {
            total,
            band: self.band(total),
            subscales,
            missing,
            alerts,
        })
    }

    /// The band a score falls in.
    pub fn band(&self, score: f64) -> Option<String> {
        self.bands
            .iter()
            .rev()
            .find(|b| score >= b.from)
            .map(|b| b.label.clone())
    }

    /// Checks an organization's definition before it is saved.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let word = |s: &str| !s.trim().is_empty() && s.chars().count() <= 200;
        errors.check(word(&self.key), "key", "must be 1 to 200 characters");
        errors.check(word(&self.title), "title", "must be 1 to 200 characters");
        errors.check(
            (1..=MAX_ITEMS).contains(&self.items.len()),
            "items",
            format!("must have 1 to {MAX_ITEMS} items"),
        );
        let mut keys = BTreeSet::new();
        for (n, item) in self.items.iter().enumerate() {
            errors.check(
                keys.insert(item.key.as_str()),
                format!("items[{n}].key"),
                "is used by another item",
            );
            errors.check(
                word(&item.key),
                format!("items[{n}].key"),
                "must be 1 to 200 characters",
            );
            errors.check(
                !item.text.trim().is_empty() && item.text.chars().count() <= 1000,
                format!("items[{n}].text"),
                "must be 1 to 1000 characters",
            );
            errors.check(
                (-MAX_ANSWER..=MAX_ANSWER).contains(&item.min)
                    && (-MAX_ANSWER..=MAX_ANSWER).contains(&item.max)
                    && item.min < item.max
                    && item.max - item.min <= MAX_RANGE,
                format!("items[{n}].max"),
                format!("must be above min, at most {MAX_RANGE} more, both within ±{MAX_ANSWER}"),
            );
        }
        errors.check(
            (self.max_missing as usize) < self.items.len().max(1),
            "max_missing",
            "must leave at least one item to answer",
        );
        errors.check(
            self.scoring != Scoring::Sum || self.max_missing == 0,
            "max_missing",
            "a plain sum allows no missing item: use prorated_sum or mean",
        );
        errors.check(
            self.multiplier.is_finite() && self.multiplier > 0.0 && self.multiplier <= 100.0,
            "multiplier",
            "must be above 0, at most 100",
        );
        let mut subscale_keys = BTreeSet::new();
        for (n, s) in self.subscales.iter().enumerate() {
            errors.check(
                subscale_keys.insert(s.key.as_str()) && word(&s.key),
                format!("subscales[{n}].key"),
                "must be 1 to 200 characters, used once",
            );
            errors.check(
                !s.items.is_empty() && s.items.iter().all(|k| keys.contains(k.as_str())),
                format!("subscales[{n}].items"),
                "must name items of this instrument",
            );
            errors.check(
                (s.max_missing as usize) < s.items.len().max(1)
                    && (s.scoring != Scoring::Sum || s.max_missing == 0),
                format!("subscales[{n}].max_missing"),
                "must leave an item to answer, and a plain sum allows none missing",
            );
        }
        let (lo, hi) = self.range();
        let mut last = f64::NEG_INFINITY;
        for (n, b) in self.bands.iter().enumerate() {
            errors.check(
                b.from.is_finite() && b.from > last && b.from >= lo && b.from <= hi,
                format!("bands[{n}].from"),
                format!("must rise, within the scale's {lo} to {hi}"),
            );
            last = b.from;
        }
        if let Some(mid) = self.mid {
            errors.check(
                mid.is_finite() && mid > 0.0 && mid <= hi - lo,
                "mid",
                "must be above 0 and within the scale's range",
            );
        }
        for (n, k) in self.alert_items.iter().enumerate() {
            errors.check(
                keys.contains(k.as_str()),
                format!("alert_items[{n}]"),
                "must name an item of this instrument",
            );
        }
        let texts = [&self.stem, &self.source, &self.licence]
            .into_iter()
            .chain(&self.options)
            .chain(self.items.iter().map(|i| &i.text))
            .chain(self.subscales.iter().map(|s| &s.title))
            .chain(self.bands.iter().map(|b| &b.label));
        let keys = self
            .items
            .iter()
            .map(|i| &i.key)
            .chain(self.subscales.iter().map(|s| &s.key))
            .chain(self.subscales.iter().flat_map(|s| &s.items))
            .chain(&self.alert_items);
        errors.check(
            printable(&self.key)
                && printable(&self.title)
                && keys.into_iter().all(|k| printable(k))
                && texts
                    .into_iter()
                    .all(|t| printable(t) && t.chars().count() <= MAX_TEXT),
            "text",
            format!("must not contain control characters, nor pass {MAX_TEXT} characters"),
        );
        errors.check(
            self.options.len() <= MAX_RANGE as usize + 1
                && self.subscales.len() <= MAX_ITEMS
                && self.bands.len() <= MAX_ITEMS
                && self.alert_items.len() <= MAX_ITEMS
                && self.subscales.iter().all(|s| s.items.len() <= MAX_ITEMS),
            "text",
            format!("at most {MAX_ITEMS} subscales, bands and alert items"),
        );
        errors.into_result()
    }
}

/// No control character but new line and tab (PostgreSQL refuses a NUL in text).
fn printable(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// A scale's words in another language, as the organization is licensed to use them:
/// every item, the stem, and the answer words when the scale has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[schema(min_length = 1, max_length = 2000)]
    pub stem: String,
    /// One for each of the scale's answer words, lowest first.
    #[serde(default)]
    #[schema(max_items = 101)]
    pub options: Vec<String>,
    /// Each item's text by its key; every item is translated.
    pub items: BTreeMap<String, String>,
}

impl Translation {
    /// Checks it fits `scale`: every item and answer word, each printable and bounded.
    pub fn validate(&self, scale: &InstrumentSpec) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let text =
            |t: &str, max: usize| !t.trim().is_empty() && t.chars().count() <= max && printable(t);
        errors.check(
            text(&self.stem, MAX_TEXT),
            "stem",
            format!("must be 1 to {MAX_TEXT} characters, no control characters"),
        );
        errors.check(
            self.options.len() == scale.options.len(),
            "options",
            format!("must have the scale's {} answer words", scale.options.len()),
        );
        for (n, o) in self.options.iter().enumerate() {
            errors.check(
                text(o, MAX_TEXT),
                format!("options[{n}]"),
                "must be 1 to 2000 characters, no control characters",
            );
        }
        for item in &scale.items {
            match self.items.get(&item.key) {
                Some(t) => errors.check(
                    text(t, 1000),
                    format!("items.{}", item.key),
                    "must be 1 to 1000 characters, no control characters",
                ),
                None => errors.add(format!("items.{}", item.key), "is not translated"),
            }
        }
        for key in self.items.keys() {
            errors.check(
                scale.items.iter().any(|i| &i.key == key),
                "items",
                "names an item the scale does not have",
            );
        }
        errors.into_result()
    }
}

impl InstrumentSpec {
    /// The scale with its words in the translation's language.
    pub fn translated(&self, t: &Translation) -> InstrumentSpec {
        let mut scale = self.clone();
        scale.stem = t.stem.clone();
        if t.options.len() == scale.options.len() {
            scale.options = t.options.clone();
        }
        for item in &mut scale.items {
            if let Some(text) = t.items.get(&item.key) {
                item.text = text.clone();
            }
        }
        scale
    }
}

/// Widest value a measure may have, either way.
const MAX_MEASURE: f64 = 1e6;

/// A single clinical measure with a unit, such as HbA1c in %.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureSpec {
    pub key: String,
    pub title: String,
    pub unit: String,
    pub min: f64,
    pub max: f64,
    pub direction: Direction,
    #[serde(default)]
    pub mid: Option<f64>,
}

impl MeasureSpec {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        for (field, text) in [
            ("key", &self.key),
            ("title", &self.title),
            ("unit", &self.unit),
        ] {
            errors.check(
                !text.trim().is_empty() && text.chars().count() <= 200 && printable(text),
                field,
                "must be 1 to 200 characters, no control characters",
            );
        }
        let within = |x: f64| x.is_finite() && x.abs() <= MAX_MEASURE;
        errors.check(
            within(self.min) && within(self.max) && self.min < self.max,
            "max",
            format!("must be above min, both within ±{MAX_MEASURE}"),
        );
        if let Some(mid) = self.mid {
            errors.check(
                mid > 0.0 && mid <= self.max - self.min,
                "mid",
                "must be above 0 and within the range",
            );
        }
        errors.into_result()
    }

    /// A value within the range, or why not.
    pub fn check(&self, value: f64) -> Result<f64, String> {
        if value.is_finite() && (self.min..=self.max).contains(&value) {
            Ok(value)
        } else {
            Err(format!(
                "must be from {} to {} {}",
                self.min, self.max, self.unit
            ))
        }
    }
}

fn items(texts: &[&str], min: i32, max: i32) -> Vec<Item> {
    texts
        .iter()
        .enumerate()
        .map(|(n, text)| Item {
            key: format!("{}", n + 1),
            text: (*text).to_string(),
            min,
            max,
            reverse: false,
        })
        .collect()
}

fn bands(list: &[(f64, &str)]) -> Vec<Band> {
    list.iter()
        .map(|(from, label)| Band {
            from: *from,
            label: (*label).to_string(),
        })
        .collect()
}

fn numbered(list: &[usize]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// The free instruments peergroup ships, English text included.
pub fn builtin() -> Vec<InstrumentSpec> {
    vec![phq9(), gad7(), who5(), k10(), pcl5()]
}

fn phq9() -> InstrumentSpec {
    InstrumentSpec {
        key: "phq-9".into(),
        title: "PHQ-9 (depression)".into(),
        stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?".into(),
        options: vec!["Not at all".into(), "Several days".into(), "More than half the days".into(), "Nearly every day".into()],
        items: items(
            &[
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching television",
                "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual",
                "Thoughts that you would be better off dead, or of hurting yourself in some way",
            ],
            0,
            3,
        ),
        scoring: Scoring::ProratedSum,
        max_missing: 2,
        multiplier: 1.0,
        subscales: vec![],
        bands: bands(&[(0.0, "none to minimal"), (5.0, "mild"), (10.0, "moderate"), (15.0, "moderately severe"), (20.0, "severe")]),
        direction: Direction::LowerIsBetter,
        mid: Some(5.0),
        alert_items: vec!["9".into()],
        source: "Kroenke, Spitzer & Williams (2001), J Gen Intern Med 16:606-13. Bands from the same paper; minimal important difference 5 points (Löwe et al. 2004). With 1 or 2 items missing the sum is prorated to 9 items (Arrieta et al. 2017); with more, no score.".into(),
        licence: "Developed by Drs Spitzer, Williams, Kroenke and colleagues with a grant from Pfizer; no permission is required to reproduce, translate, display or distribute.".into(),
    }
}

fn gad7() -> InstrumentSpec {
    InstrumentSpec {
        key: "gad-7".into(),
        title: "GAD-7 (anxiety)".into(),
        stem: "Over the last 2 weeks, how often have you been bothered by the following problems?".into(),
        options: vec!["Not at all".into(), "Several days".into(), "More than half the days".into(), "Nearly every day".into()],
        items: items(
            &[
                "Feeling nervous, anxious, or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid, as if something awful might happen",
            ],
            0,
            3,
        ),
        scoring: Scoring::ProratedSum,
        max_missing: 2,
        multiplier: 1.0,
        subscales: vec![],
        bands: bands(&[(0.0, "minimal"), (5.0, "mild"), (10.0, "moderate"), (15.0, "severe")]),
        direction: Direction::LowerIsBetter,
        mid: Some(4.0),
        alert_items: vec![],
        source: "Spitzer, Kroenke, Williams & Löwe (2006), Arch Intern Med 166:1092-7. Minimal important difference 4 points (Toussaint et al. 2020). With 1 or 2 items missing the sum is prorated to 7 items; with more, no score.".into(),
        licence: "Developed with a grant from Pfizer; no permission is required to reproduce, translate, display or distribute.".into(),
    }
}

fn who5() -> InstrumentSpec {
    InstrumentSpec {
        key: "who-5".into(),
        title: "WHO-5 Well-Being Index".into(),
        stem: "Over the last two weeks:".into(),
        options: vec!["At no time".into(), "Some of the time".into(), "Less than half of the time".into(), "More than half of the time".into(), "Most of the time".into(), "All of the time".into()],
        items: items(
            &[
                "I have felt cheerful and in good spirits",
                "I have felt calm and relaxed",
                "I have felt active and vigorous",
                "I woke up feeling fresh and rested",
                "My daily life has been filled with things that interest me",
            ],
            0,
            5,
        ),
        scoring: Scoring::Sum,
        max_missing: 0,
        multiplier: 4.0,
        subscales: vec![],
        bands: bands(&[(0.0, "likely depression: assess further"), (29.0, "poor well-being"), (51.0, "no sign of low well-being")]),
        direction: Direction::HigherIsBetter,
        mid: Some(10.0),
        alert_items: vec![],
        source: "Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg (1998); Topp et al. (2015), Psychother Psychosom 84:167-76. The raw sum (0-25) times 4 gives 0-100; 50 or less is poor well-being, 28 or less suggests depression; a change of 10 is meaningful. Scored only when every item is answered.".into(),
        licence: "Free to use without permission.".into(),
    }
}

fn k10() -> InstrumentSpec {
    InstrumentSpec {
        key: "k10".into(),
        title: "Kessler Psychological Distress Scale (K10, with K6)".into(),
        stem: "During the last 30 days, about how often did you feel:".into(),
        options: vec!["None of the time".into(), "A little of the time".into(), "Some of the time".into(), "Most of the time".into(), "All of the time".into()],
        items: items(
            &[
                "tired out for no good reason?",
                "nervous?",
                "so nervous that nothing could calm you down?",
                "hopeless?",
                "restless or fidgety?",
                "so restless you could not sit still?",
                "depressed?",
                "that everything was an effort?",
                "so sad that nothing could cheer you up?",
                "worthless?",
            ],
            1,
            5,
        ),
        scoring: Scoring::ProratedSum,
        max_missing: 1,
        multiplier: 1.0,
        subscales: vec![Subscale {
            key: "k6".into(),
            title: "K6".into(),
            items: numbered(&[2, 4, 5, 8, 9, 10]),
            scoring: Scoring::Sum,
            max_missing: 0,
        }],
        bands: bands(&[(10.0, "low"), (16.0, "moderate"), (22.0, "high"), (30.0, "very high")]),
        direction: Direction::LowerIsBetter,
        mid: None,
        alert_items: vec![],
        source: "Kessler et al. (2002), Psychol Med 32:959-76; bands of Andrews & Slade (2001). Items scored 1-5 (total 10-50); with one item missing the sum is prorated to 10 items. K6 is the sum of items 2, 4, 5, 8, 9 and 10 (6-30 as scored here).".into(),
        licence: "Free to use; Harvard Medical School, National Comorbidity Survey.".into(),
    }
}

fn pcl5() -> InstrumentSpec {
    InstrumentSpec {
        key: "pcl-5".into(),
        title: "PTSD Checklist for DSM-5 (PCL-5)".into(),
        stem: "In the past month, how much were you bothered by:".into(),
        options: vec!["Not at all".into(), "A little bit".into(), "Moderately".into(), "Quite a bit".into(), "Extremely".into()],
        items: items(
            &[
                "Repeated, disturbing, and unwanted memories of the stressful experience?",
                "Repeated, disturbing dreams of the stressful experience?",
                "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
                "Feeling very upset when something reminded you of the stressful experience?",
                "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
                "Avoiding memories, thoughts, or feelings related to the stressful experience?",
                "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
                "Trouble remembering important parts of the stressful experience?",
                "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
                "Blaming yourself or someone else for the stressful experience or what happened after it?",
                "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
                "Loss of interest in activities that you used to enjoy?",
                "Feeling distant or cut off from other people?",
                "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
                "Irritable behavior, angry outbursts, or acting aggressively?",
                "Taking too many risks or doing things that could cause you harm?",
                "Being \"superalert\" or watchful or on guard?",
                "Feeling jumpy or easily startled?",
                "Having difficulty concentrating?",
                "Trouble falling or staying asleep?",
            ],
            0,
            4,
        ),
        scoring: Scoring::ProratedSum,
        max_missing: 2,
        multiplier: 1.0,
        subscales: [
            ("b", "Intrusions (B)", &[1usize, 2, 3, 4, 5][..], 1),
            ("c", "Avoidance (C)", &[6, 7][..], 0),
            ("d", "Negative changes in thinking and mood (D)", &[8, 9, 10, 11, 12, 13, 14][..], 1),
            ("e", "Arousal and reactivity (E)", &[15, 16, 17, 18, 19, 20][..], 1),
        ]
        .iter()
        .map(|(key, title, list, max_missing)| Subscale {
            key: (*key).into(),
            title: (*title).into(),
            items: numbered(list),
            scoring: if *max_missing == 0 { Scoring::Sum } else { Scoring::ProratedSum },
            max_missing: *max_missing,
        })
        .collect(),
        bands: bands(&[(0.0, "below the screening cut-off"), (33.0, "probable PTSD: assess further")]),
        direction: Direction::LowerIsBetter,
        mid: Some(10.0),
        alert_items: vec![],
        source: "Weathers et al. (2013), National Center for PTSD; cut-off 31-33 (Bovin et al. 2016), 33 used here; a change of 10 points is clinically meaningful. With 1 or 2 items missing the sum is prorated to 20 items.".into(),
        licence: "Public domain (U.S. Department of Veterans Affairs, National Center for PTSD).".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(list: &[(&str, Option<i32>)]) -> BTreeMap<String, Option<i32>> {
        list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn all(instrument: &InstrumentSpec, values: &[i32]) -> BTreeMap<String, Option<i32>> {
        instrument
            .items
            .iter()
            .zip(values)
            .map(|(i, v)| (i.key.clone(), Some(*v)))
            .collect()
    }

    #[test]
    fn a_translation_covers_every_item_and_answer_word_and_keeps_the_scoring() {
        let gad = gad7();
        let words = |n: usize, options: usize| Translation {
            stem: "Durante las últimas 2 semanas".into(),
            options: (0..options).map(|o| format!("opción {o}")).collect(),
            items: (1..=n)
                .map(|k| (k.to_string(), format!("ítem {k}")))
                .collect(),
        };
        assert!(words(7, 4).validate(&gad).is_ok());
        let fields = |t: Translation| -> Vec<String> {
            t.validate(&gad)
                .unwrap_err()
                .errors()
                .iter()
                .map(|e| e.field.clone())
                .collect()
        };
        assert_eq!(fields(words(6, 4)), ["items.7"]);
        assert_eq!(fields(words(8, 4)), ["items"]);
        assert_eq!(fields(words(7, 3)), ["options"]);
        let mut nul = words(7, 4);
        nul.stem = "a\u{0}b".into();
        assert_eq!(fields(nul), ["stem"]);
        let es = gad.translated(&words(7, 4));
        assert_eq!(es.items[6].text, "ítem 7");
        assert_eq!(es.options[3], "opción 3");
        let answers = (1..=7).map(|k| (k.to_string(), Some(2))).collect();
        assert_eq!(es.score(&answers), gad.score(&answers));
    }

    #[test]
    fn every_builtin_instrument_is_valid_and_has_its_source() {
        for i in builtin() {
            i.validate().unwrap_or_else(|e| panic!("{}: {e:?}", i.key));
            assert!(!i.source.is_empty() && !i.licence.is_empty(), "{}", i.key);
        }
    }

    #[test]
    fn phq9_sums_bands_prorates_two_missing_and_flags_item_9() {
        let phq = phq9();
        // The manual's example bands: 0-4, 5-9, 10-14, 15-19, 20-27.
        let s = phq.score(&all(&phq, &[1, 1, 1, 1, 1, 0, 0, 0, 0])).unwrap();
        assert_eq!((s.total, s.band.as_deref()), (5.0, Some("mild")));
        let s = phq.score(&all(&phq, &[3, 3, 3, 3, 3, 3, 2, 0, 0])).unwrap();
        assert_eq!((s.total, s.band.as_deref()), (20.0, Some("severe")));
        assert!(s.alerts.is_empty());
        let s = phq.score(&all(&phq, &[0, 0, 0, 0, 0, 0, 0, 0, 1])).unwrap();
        assert_eq!(s.alerts, ["9"], "any answer to item 9 calls for a check");
        // Two missing: 7 answered summing 14 count as 14 × 9 / 7 = 18.
        let mut a = all(&phq, &[2, 2, 2, 2, 2, 2, 2, 0, 0]);
        a.insert("8".into(), None);
        a.remove("9");
        let s = phq.score(&a).unwrap();
        assert_eq!((s.total, s.missing), (18.0, 2));
        // Three missing: no score.
        a.insert("7".into(), None);
        assert_eq!(
            phq.score(&a),
            Err(ScoreError::TooManyMissing {
                missing: 3,
                allowed: 2
            })
        );
        assert!(matches!(
            phq.score(&answers(&[("1", Some(4))])),
            Err(ScoreError::OutOfRange { .. })
        ));
        assert!(matches!(
            phq.score(&answers(&[("10", Some(1))])),
            Err(ScoreError::UnknownItem(_))
        ));
    }

    #[test]
    fn gad7_bands_and_who5_percentage() {
        let gad = gad7();
        let s = gad.score(&all(&gad, &[2, 2, 2, 2, 1, 1, 0])).unwrap();
        assert_eq!((s.total, s.band.as_deref()), (10.0, Some("moderate")));
        let who = who5();
        // Raw 13 × 4 = 52: not low.
        let s = who.score(&all(&who, &[3, 3, 3, 2, 2])).unwrap();
        assert_eq!(
            (s.total, s.band.as_deref()),
            (52.0, Some("no sign of low well-being"))
        );
        let s = who.score(&all(&who, &[1, 1, 2, 1, 1])).unwrap();
        assert_eq!(
            (s.total, s.band.as_deref()),
            (24.0, Some("likely depression: assess further"))
        );
        // WHO-5 is scored only when complete.
        let mut a = all(&who, &[5, 5, 5, 5, 5]);
        a.insert("5".into(), None);
        assert!(who.score(&a).is_err());
        assert_eq!(who.range(), (0.0, 100.0));
    }

    #[test]
    fn k10_with_its_k6_and_one_item_prorated() {
        let k = k10();
        let s = k.score(&all(&k, &[2, 3, 1, 3, 2, 1, 2, 3, 1, 2])).unwrap();
        assert_eq!((s.total, s.band.as_deref()), (20.0, Some("moderate")));
        // K6: items 2, 4, 5, 8, 9, 10 = 3 + 3 + 2 + 3 + 1 + 2.
        assert_eq!(s.subscales["k6"], Some(14.0));
        let mut a = all(&k, &[3; 10]);
        a.insert("1".into(), None);
        let s = k.score(&a).unwrap();
        assert_eq!(s.total, 30.0, "27 × 10 / 9");
        a.insert("2".into(), None);
        assert!(k.score(&a).is_err());
    }

    #[test]
    fn pcl5_total_cut_off_and_clusters() {
        let p = pcl5();
        let mut values = [2; 20];
        values[5] = 0;
        values[6] = 0;
        let s = p.score(&all(&p, &values)).unwrap();
        assert_eq!(
            (s.total, s.band.as_deref()),
            (36.0, Some("probable PTSD: assess further"))
        );
        assert_eq!(s.subscales["b"], Some(10.0));
        assert_eq!(s.subscales["c"], Some(0.0));
        assert_eq!(s.subscales["d"], Some(14.0));
        assert_eq!(s.subscales["e"], Some(12.0));
        // An avoidance item missing: the total is prorated, cluster C has no score.
        let mut a = all(&p, &values);
        a.insert("6".into(), None);
        let s = p.score(&a).unwrap();
        assert_eq!(s.subscales["c"], None);
        assert!((s.total - 36.0 * 20.0 / 19.0).abs() < 1e-12);
    }

    #[test]
    fn an_organizations_scale_reverses_items_and_is_refused_when_inconsistent() {
        let mut ptgi = InstrumentSpec {
            key: "ptgi-short".into(),
            title: "A growth scale".into(),
            stem: "Since the event:".into(),
            options: vec![],
            items: items(&["a", "b", "c", "d"], 0, 5),
            scoring: Scoring::Mean,
            max_missing: 1,
            multiplier: 1.0,
            subscales: vec![Subscale {
                key: "first".into(),
                title: "First two".into(),
                items: numbered(&[1, 2]),
                scoring: Scoring::Sum,
                max_missing: 0,
            }],
            bands: vec![],
            direction: Direction::HigherIsBetter,
            mid: None,
            alert_items: vec![],
            source: "Licensed by the organization".into(),
            licence: "Used under the organization's licence".into(),
        };
        ptgi.items[1].reverse = true;
        ptgi.validate().unwrap();
        let s = ptgi.score(&all(&ptgi, &[5, 5, 3, 1])).unwrap();
        // Item 2 reversed (5 counts 0): 5, 0, 3, 1 have a mean of 2.25; the first two sum to 5.
        assert_eq!(s.total, 2.25);
        assert_eq!(s.subscales["first"], Some(5.0));

        let mut bad = ptgi.clone();
        bad.scoring = Scoring::Sum;
        bad.items[0].key = "2".into();
        bad.items[2].max = 0;
        bad.subscales[0].items.push("nine".into());
        bad.bands = bands(&[(3.0, "high"), (1.0, "low")]);
        bad.mid = Some(-1.0);
        bad.alert_items = vec!["x".into()];
        bad.stem = "Since\u{0} the event".into();
        let errors = bad.validate().unwrap_err();
        let fields: Vec<String> = errors.errors().iter().map(|e| e.field.clone()).collect();
        for field in [
            "items[1].key",
            "items[2].max",
            "max_missing",
            "subscales[0].items",
            "bands[1].from",
            "mid",
            "alert_items[0]",
            "text",
        ] {
            assert!(fields.iter().any(|f| f == field), "{field}: {fields:?}");
        }
    }

    #[test]
    fn a_measure_keeps_to_its_range() {
        let hba1c = MeasureSpec {
            key: "hba1c".into(),
            title: "HbA1c".into(),
            unit: "%".into(),
            min: 3.0,
            max: 20.0,
            direction: Direction::LowerIsBetter,
            mid: Some(0.5),
        };
        hba1c.validate().unwrap();
        assert_eq!(hba1c.check(7.4), Ok(7.4));
        assert!(hba1c.check(25.0).is_err());
        assert!(hba1c.check(f64::NAN).is_err());
    }
}
