//! Participants from a CSV file: every row read and checked, compared against the people
//! already there, shown as a plan, and written only when confirmed. A row that looks like
//! someone already there (the same email or phone, or the same name with no other contact
//! saying otherwise) is left out, so a second import of the same file adds nobody.

use peergroup_domain::Id;
use peergroup_domain::access_log::By;
use peergroup_domain::consent::ConsentSource;
use peergroup_domain::person::{ConsentInput, ContactChannel, PersonKey, PersonSpec};
use peergroup_domain::values::{Email, Language, Name, Phone, Text};
use peergroup_store::people_import::KnownPerson;
use peergroup_store::{Result, Store};
use std::collections::HashMap;

/// Rows one file may hold: more is most likely the wrong file.
pub const MAX_ROWS: usize = 10_000;

/// The columns read, as a header names them. `name` and `language` are required.
pub const COLUMNS: [&str; 11] = [
    "name",
    "language",
    "email",
    "phone",
    "channel",
    "alternative_contact",
    "consent_email_reminders",
    "consent_sms_reminders",
    "consent_calls",
    "consent_research",
    "consent_funder_sharing",
];

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Not UTF-8: a spreadsheet saved in a legacy encoding.
    NotUtf8,
    /// No header row.
    Empty,
    MissingColumn(&'static str),
    TooManyRows,
    /// A quote that never closes, from this line on.
    Unreadable {
        line: u64,
    },
}

/// Why one row is refused. `&'static str` names the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    Missing(&'static str),
    Invalid(&'static str),
    ChannelWithoutContact,
    EmailRemindersWithoutEmail,
    SmsRemindersWithoutPhone,
    CallsWithoutPhone,
    /// A consent is given with no word on how the person gave it.
    ConsentWithoutSource,
}

/// What becomes of one row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Add(PersonSpec),
    /// Looks like someone already in the organization: left out.
    AlreadyThere {
        id: Id,
        name: String,
    },
    /// Looks like an earlier row of the same file: left out.
    RepeatOf {
        line: u64,
    },
    Refused(Vec<RowProblem>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    /// The row's line in the file, the header being line 1.
    pub line: u64,
    /// The name as written, for the preview (may be empty).
    pub name: String,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    pub rows: Vec<PlannedRow>,
    /// Header columns that are not read, to say so.
    pub ignored_columns: Vec<String>,
}

impl ImportPlan {
    pub fn to_add(&self) -> Vec<PersonSpec> {
        self.rows
            .iter()
            .filter_map(|r| match &r.outcome {
                RowOutcome::Add(spec) => Some(spec.clone()),
                _ => None,
            })
            .collect()
    }

    /// How many rows are added, left out as already there (or repeated), and refused.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for r in &self.rows {
            match r.outcome {
                RowOutcome::Add(_) => counts.0 += 1,
                RowOutcome::AlreadyThere { .. } | RowOutcome::RepeatOf { .. } => counts.1 += 1,
                RowOutcome::Refused(_) => counts.2 += 1,
            }
        }
        counts
    }
}

/// A row as read, before it is compared with anyone.
#[derive(Debug, Clone)]
struct ReadRow {
    line: u64,
    name: String,
    spec: std::result::Result<PersonSpec, Vec<RowProblem>>,
}

/// The plan for `bytes` against the people of `org` as they are now. Writes nothing.
pub async fn preview(
    store: &Store,
    org: Id,
    bytes: &[u8],
) -> Result<std::result::Result<ImportPlan, FileProblem>> {
    let (rows, ignored_columns) = match read_file(bytes) {
        Ok(read) => read,
        Err(problem) => return Ok(Err(problem)),
    };
    let known = store.known_people(org).await?;
    Ok(Ok(plan(rows, ignored_columns, &known)))
}

/// Plans `bytes` again against the people of `org` as they are inside the transaction,
/// and writes the rows to add. Returns the plan that was carried out.
pub async fn import(
    store: &Store,
    org: Id,
    bytes: &[u8],
    by: By<'_>,
) -> Result<std::result::Result<ImportPlan, FileProblem>> {
    let (rows, ignored_columns) = match read_file(bytes) {
        Ok(read) => read,
        Err(problem) => return Ok(Err(problem)),
    };
    let now = store.clock().now();
    let tx = store.begin().await?;
    let known = tx.known_people_locked(org).await?;
    let plan = plan(rows, ignored_columns, &known);
    tx.insert_people(org, &plan.to_add(), now, by).await?;
    tx.commit().await?;
    Ok(Ok(plan))
}

/// Where people are found by what tells them apart.
#[derive(Default)]
struct Lookalikes {
    keys: Vec<(PersonKey, Option<Id>, String, u64)>,
    by_email: HashMap<String, Vec<usize>>,
    by_phone: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Lookalikes {
    fn add(&mut self, key: PersonKey, id: Option<Id>, name: String, line: u64) {
        let at = self.keys.len();
        if let Some(e) = &key.email {
            self.by_email.entry(e.clone()).or_default().push(at);
        }
        if let Some(p) = &key.phone {
            self.by_phone.entry(p.clone()).or_default().push(at);
        }
        self.by_name.entry(key.name.clone()).or_default().push(at);
        self.keys.push((key, id, name, line));
    }

    /// The first record that looks like `key`.
    fn find(&self, key: &PersonKey) -> Option<&(PersonKey, Option<Id>, String, u64)> {
        let candidates = [
            key.email.as_ref().and_then(|e| self.by_email.get(e)),
            key.phone.as_ref().and_then(|p| self.by_phone.get(p)),
            self.by_name.get(&key.name),
        ];
        candidates
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|&i| self.keys[i].0.looks_like(key))
            .min()
            .map(|i| &self.keys[i])
    }
}

fn plan(rows: Vec<ReadRow>, ignored_columns: Vec<String>, known: &[KnownPerson]) -> ImportPlan {
    let mut seen = Lookalikes::default();
    for k in known {
        seen.add(k.key.clone(), Some(k.id), k.name.clone(), 0);
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            let outcome = match row.spec {
                Err(problems) => RowOutcome::Refused(problems),
                Ok(spec) => {
                    let key = PersonKey::of(&spec);
                    match seen.find(&key) {
                        Some((_, Some(id), name, _)) => RowOutcome::AlreadyThere {
                            id: *id,
                            name: name.clone(),
                        },
                        Some((_, None, _, line)) => RowOutcome::RepeatOf { line: *line },
                        None => {
                            seen.add(key, None, String::new(), row.line);
                            RowOutcome::Add(spec)
                        }
                    }
                }
            };
            PlannedRow {
                line: row.line,
                name: row.name,
                outcome,
            }
        })
        .collect();
    ImportPlan {
        rows,
        ignored_columns,
    }
}

/// The header's name for a column: lower case, `_` for spaces and hyphens, and the API's
/// field names taken too.
fn column_name(header: &str) -> String {
    let name = header.trim().to_lowercase().replace([' ', '-'], "_");
    match name.as_str() {
        "display_name" => "name".into(),
        "preferred_language" => "language".into(),
        "preferred_channel" => "channel".into(),
        _ => name,
    }
}

/// `;` when the header has more of them than commas (a spreadsheet in a locale whose
/// decimal mark is the comma saves so), a tab likewise, else the comma.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if semicolons > commas && semicolons >= tabs {
        b';'
    } else if tabs > commas {
        b'\t'
    } else {
        b','
    }
}

fn read_file(bytes: &[u8]) -> std::result::Result<(Vec<ReadRow>, Vec<String>), FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|_| FileProblem::Unreadable { line: 1 })?
        .clone();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(FileProblem::Empty);
    }
    let names: Vec<String> = header.iter().map(column_name).collect();
    let mut at = HashMap::new();
    let mut ignored = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if !at.contains_key(c) => {
                at.insert(*c, i);
            }
            _ if !name.is_empty() => ignored.push(header[i].trim().to_string()),
            _ => {}
        }
    }
    for required in ["name", "language"] {
        if !at.contains_key(required) {
            return Err(FileProblem::MissingColumn(required));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileProblem::Unreadable {
            line: e.position().map_or(0, |p| p.line()),
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        // A quote that never closes swallows the rest of the file into one field.
        let swallowed = ["name", "language"]
            .iter()
            .filter_map(|c| at.get(c).and_then(|&i| record.get(i)))
            .any(|f| f.contains('\n'));
        if swallowed {
            return Err(FileProblem::Unreadable { line });
        }
        if rows.len() == MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        let field = |column: &str| -> &str {
            at.get(column)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        rows.push(ReadRow {
            line,
            name: field("name").to_string(),
            spec: read_person(&field, Some(ConsentSource::Import)),
        });
    }
    Ok((rows, ignored))
}

/// A person from text fields named as [`COLUMNS`] (a CSV row, or the new-person form),
/// or every problem they have. A field that is not there is empty. `source` says how the
/// consents given were given (an import, or what the form says).
pub fn read_person<'a>(
    field: &impl Fn(&str) -> &'a str,
    source: Option<ConsentSource>,
) -> std::result::Result<PersonSpec, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut required = |column: &'static str, parse: fn(&str) -> bool| {
        let value = field(column);
        if value.is_empty() {
            problems.push(RowProblem::Missing(column));
        } else if !parse(value) {
            problems.push(RowProblem::Invalid(column));
        }
    };
    required("name", |v| Name::parse(v).is_ok());
    required("language", |v| Language::parse(v).is_ok());
    let optional = |column: &'static str, problems: &mut Vec<RowProblem>, ok: bool| {
        if !ok {
            problems.push(RowProblem::Invalid(column));
        }
    };
    let email = non_empty(field("email")).map(Email::parse);
    optional("email", &mut problems, !matches!(email, Some(Err(_))));
    let phone = non_empty(field("phone")).map(|p| Phone::parse(normal_phone(p)));
    optional("phone", &mut problems, !matches!(phone, Some(Err(_))));
    let channel = non_empty(field("channel")).map(|c| c.to_lowercase().parse::<ContactChannel>());
    optional("channel", &mut problems, !matches!(channel, Some(Err(_))));
    let alternative = non_empty(field("alternative_contact")).map(Text::parse);
    optional(
        "alternative_contact",
        &mut problems,
        !matches!(alternative, Some(Err(_))),
    );
    let mut consent = |column: &'static str| {
        let given = yes_or_no(field(column));
        optional(column, &mut problems, given.is_some());
        given.unwrap_or(false)
    };
    let consent = ConsentInput {
        email_reminders: consent("consent_email_reminders"),
        sms_reminders: consent("consent_sms_reminders"),
        calls: consent("consent_calls"),
        research: consent("consent_research"),
        funder_sharing: consent("consent_funder_sharing"),
        source,
    };
    if source.is_none() && consent != ConsentInput::default() {
        problems.push(RowProblem::ConsentWithoutSource);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let spec = PersonSpec {
        display_name: Name::parse(field("name")).map_err(|_| vec![RowProblem::Invalid("name")])?,
        preferred_language: Language::parse(field("language"))
            .map_err(|_| vec![RowProblem::Invalid("language")])?,
        email: email.and_then(|e| e.ok()),
        phone: phone.and_then(|p| p.ok()),
        preferred_channel: channel.and_then(|c| c.ok()),
        alternative_contact: alternative.and_then(|a| a.ok()),
        consent,
    };
    match spec.validate() {
        Ok(()) => Ok(spec),
        Err(errors) => Err(errors
            .errors()
            .iter()
            .map(|e| match e.field.as_str() {
                "preferred_channel" => RowProblem::ChannelWithoutContact,
                "consent.email_reminders" => RowProblem::EmailRemindersWithoutEmail,
                "consent.sms_reminders" => RowProblem::SmsRemindersWithoutPhone,
                _ => RowProblem::CallsWithoutPhone,
            })
            .collect()),
    }
}

fn non_empty(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

/// A number as people write it, in E.164 if it can be: spaces, dots, hyphens and
/// brackets go, and a leading `00` becomes `+`.
fn normal_phone(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '.' | '-' | '(' | ')'))
        .collect();
    match kept.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => kept,
    }
}

/// Consent as a spreadsheet writes it; empty is no. `None` for anything else.
fn yes_or_no(value: &str) -> Option<bool> {
    match value.to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "true" | "1" | "x" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<ReadRow> {
        read_file(text.as_bytes()).unwrap().0
    }

    fn planned(text: &str, known: &[KnownPerson]) -> ImportPlan {
        let (rows, ignored) = read_file(text.as_bytes()).unwrap();
        plan(rows, ignored, known)
    }

    #[test]
    fn every_problem_of_a_row_is_listed() {
        let rows = read(
            "name,language,email,phone,consent_calls\n\
             ,xx-!!,not-an-email,12345,maybe\n",
        );
        let problems = rows[0].spec.clone().unwrap_err();
        assert_eq!(
            problems,
            vec![
                RowProblem::Missing("name"),
                RowProblem::Invalid("language"),
                RowProblem::Invalid("email"),
                RowProblem::Invalid("phone"),
                RowProblem::Invalid("consent_calls"),
            ]
        );
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn numbers_and_consent_are_read_as_people_write_them() {
        let rows = read(
            "\u{feff}Name;Preferred language;Phone;Consent calls\n\
             Amina Bakri;ar;0044 (20) 7946-0958;Yes\n",
        );
        let spec = rows[0].spec.clone().unwrap();
        assert_eq!(spec.phone.unwrap().as_str(), "+442079460958");
        assert!(spec.consent.calls);
        assert_eq!(spec.preferred_language.as_str(), "ar");
    }

    #[test]
    fn consent_to_calls_needs_a_phone() {
        let rows = read("name,language,consent_calls\nJia,zh-Hans,yes\n");
        assert_eq!(
            rows[0].spec.clone().unwrap_err(),
            vec![RowProblem::CallsWithoutPhone]
        );
    }

    #[test]
    fn a_file_without_a_required_column_or_in_another_encoding_is_refused() {
        assert_eq!(
            read_file(b"name,email\nA,a@example.org\n").unwrap_err(),
            FileProblem::MissingColumn("language")
        );
        assert_eq!(
            read_file(b"name,language\n\xe9t\xe9,fr\n").unwrap_err(),
            FileProblem::NotUtf8
        );
        assert_eq!(read_file(b"").unwrap_err(), FileProblem::Empty);
        assert_eq!(
            read_file(b"name,language\nA,en\n\"B,en\nC,en\n").unwrap_err(),
            FileProblem::Unreadable { line: 3 }
        );
    }

    #[test]
    fn unknown_columns_are_named_and_blank_rows_skipped() {
        let (rows, ignored) =
            read_file("name,language,Notes\nLi,zh-Hans,x\n,,\n".as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(ignored, vec!["Notes".to_string()]);
    }

    #[test]
    fn a_row_like_someone_there_or_an_earlier_row_is_left_out() {
        let known = vec![KnownPerson {
            id: 7,
            name: "Amina Bakri".into(),
            key: PersonKey::new("Amina Bakri", None, Some("+16045550100")),
        }];
        let plan = planned(
            "name,language,phone,email\n\
             amina  bakri,ar,,\n\
             Amina Bakri,ar,+16045550199,\n\
             Li Wei,zh-Hans,,li@example.org\n\
             Wei Li,zh-Hans,,LI@example.org\n",
            &known,
        );
        let outcomes: Vec<_> = plan.rows.iter().map(|r| &r.outcome).collect();
        assert!(matches!(
            outcomes[0],
            RowOutcome::AlreadyThere { id: 7, .. }
        ));
        assert!(matches!(outcomes[1], RowOutcome::Add(_)));
        assert!(matches!(outcomes[2], RowOutcome::Add(_)));
        assert_eq!(outcomes[3], &RowOutcome::RepeatOf { line: 4 });
        assert_eq!(plan.counts(), (2, 2, 0));
    }

    #[test]
    fn too_many_rows_are_refused_as_a_file() {
        let mut text = String::from("name,language\n");
        for i in 0..=MAX_ROWS {
            text.push_str(&format!("P{i},en\n"));
        }
        assert_eq!(
            read_file(text.as_bytes()).unwrap_err(),
            FileProblem::TooManyRows
        );
    }

    proptest::proptest! {
        #[test]
        fn a_second_import_of_the_same_file_adds_nobody(
            rows in proptest::collection::vec(("[ab ]{1,3}", proptest::option::of("[ab]@x\\.org"), proptest::option::of("\\+1604555010[0-2]")), 1..12)
        ) {
            let mut text = String::from("name,language,email,phone\n");
            for (name, email, phone) in &rows {
                text.push_str(&format!("{name},fa-AF,{},{}\n", email.clone().unwrap_or_default(), phone.clone().unwrap_or_default()));
            }
            let first = planned(&text, &[]);
            let known: Vec<KnownPerson> = first
                .to_add()
                .iter()
                .enumerate()
                .map(|(i, spec)| KnownPerson { id: i as Id + 1, name: spec.display_name.to_string(), key: PersonKey::of(spec) })
                .collect();
            let second = planned(&text, &known);
            proptest::prop_assert_eq!(second.counts().0, 0);
            proptest::prop_assert_eq!(second.counts().2, first.counts().2);
        }
    }
}
