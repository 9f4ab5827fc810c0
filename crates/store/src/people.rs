//! People: participants and facilitators of an organization.

use crate::access_log::NewEntry;
use crate::consents::{self, ConsentLog, consent_of, write_consent};
use crate::entities::person;
use crate::person_inserts::NewPerson;
use crate::stored::Stored;
use crate::{PageRequest, Result, Store, StoreError};
use peergroup_domain::Id;
use peergroup_domain::access_log::{About, AccessAction, By};
use peergroup_domain::person::{Consent, PersonSpec};
use peergroup_domain::records::Page;
use peergroup_domain::records::Person;
use peergroup_domain::values::{Email, Language, Name, Phone, Text};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{Condition, ExprTrait, QueryOrder, QuerySelect};

fn corrupt(e: String) -> StoreError {
    StoreError::Corrupt(e)
}

pub(crate) fn to_record(m: person::Model) -> Result<Person> {
    let consent_given = consent_of(&m);
    Ok(Person {
        id: m.id,
        spec: PersonSpec {
            display_name: Name::parse(m.display_name).map_err(corrupt)?,
            preferred_language: Language::parse(m.preferred_language).map_err(corrupt)?,
            email: m.email.map(Email::parse).transpose().map_err(corrupt)?,
            phone: m.phone.map(Phone::parse).transpose().map_err(corrupt)?,
            preferred_channel: m.preferred_channel.map(|c| c.0),
            alternative_contact: m
                .alternative_contact
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            consent: consent_given.as_input(),
        },
        consent_given,
        same_email_as: Vec::new(),
        erased_at: m.erased_at,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn write_spec(active: &mut person::ActiveModel, spec: &PersonSpec, consent: Consent) {
    active.display_name = Set(spec.display_name.to_string());
    active.preferred_language = Set(spec.preferred_language.to_string());
    active.email = Set(spec.email.as_ref().map(|e| e.to_string()));
    active.phone = Set(spec.phone.as_ref().map(|p| p.to_string()));
    active.preferred_channel = Set(spec.preferred_channel.map(Stored));
    active.alternative_contact = Set(spec.alternative_contact.as_ref().map(|t| t.to_string()));
    write_consent(active, &consent);
}

/// An erased person's record is kept only for the figures: nothing more is written to it.
pub(crate) fn refuse_erased(person: &person::Model) -> Result<()> {
    match person.erased_at {
        Some(_) => Err(StoreError::Conflict("this person's data was erased".into())),
        None => Ok(()),
    }
}

pub(crate) async fn find_person(
    conn: &impl ConnectionTrait,
    org: Id,
    id: Id,
) -> Result<Option<person::Model>> {
    Ok(person::Entity::find_by_id(id)
        .filter(person::Column::OrgId.eq(org))
        .one(conn)
        .await?)
}

impl Store {
    /// Creates a person, logging `by` as the one who did, in the same transaction.
    pub async fn create_person(&self, org: Id, spec: &PersonSpec, by: By<'_>) -> Result<Person> {
        spec.validate()?;
        let now = self.now();
        let (consent, log) = ConsentLog::apply(Consent::default(), &spec.consent, now)?;
        let mut active = person::ActiveModel {
            org_id: Set(org),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        write_spec(&mut active, spec, consent);
        let new = NewPerson {
            row: active,
            consent: log,
            logged: NewEntry::new(org, now, by, AccessAction::Change, About::People),
        };
        let created = to_record(self.people.insert(new).await?)?;
        self.with_same_email(org, created).await
    }

    pub async fn get_person(&self, org: Id, id: Id) -> Result<Person> {
        let found = to_record(
            find_person(&self.reader(), org, id)
                .await?
                .ok_or(StoreError::NotFound("person"))?,
        )?;
        self.with_same_email(org, found).await
    }

    /// `person` with the other people of `org` who have its email address.
    async fn with_same_email(&self, org: Id, mut person: Person) -> Result<Person> {
        let Some(email) = &person.spec.email else {
            return Ok(person);
        };
        person.same_email_as = person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::OrgId.eq(org))
            .filter(person::Column::Id.ne(person.id))
            .filter(
                Expr::expr(Func::lower(Expr::col(person::Column::Email)))
                    .eq(email.as_str().to_lowercase()),
            )
            .order_by_asc(person::Column::Id)
            .into_tuple()
            .all(&self.reader())
            .await?;
        Ok(person)
    }

    /// The organization's people, by id; with `search`, only those whose name or email
    /// contains it (in any case) or whose phone number contains its digits.
    pub async fn list_people(
        &self,
        org: Id,
        search: Option<&str>,
        page: PageRequest,
    ) -> Result<Page<Person>> {
        let mut query = person::Entity::find().filter(person::Column::OrgId.eq(org));
        if let Some(search) = search {
            query = query.filter(matching(search));
        }
        let rows = page
            .apply(query, person::Column::Id)
            .all(&self.reader())
            .await?;
        let items = rows
            .into_iter()
            .map(to_record)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(items, page.limit, |p| p.id))
    }

    pub async fn update_person(&self, org: Id, id: Id, spec: &PersonSpec) -> Result<Person> {
        spec.validate()?;
        let txn = self.writer().begin().await?;
        let existing = find_person(&txn, org, id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        refuse_erased(&existing)?;
        let now = self.now();
        let (consent, log) = ConsentLog::apply(consent_of(&existing), &spec.consent, now)?;
        let ends_reminders = log.ends_reminders(&consent);
        let mut active: person::ActiveModel = existing.into();
        write_spec(&mut active, spec, consent);
        active.updated_at = Set(now);
        let updated = to_record(active.update(&txn).await?)?;
        consents::append(&txn, log.rows(org, id)).await?;
        if ends_reminders {
            consents::skip_waiting_reminders(&txn, org, &[id], now).await?;
        }
        txn.commit().await?;
        self.with_same_email(org, updated).await
    }
}

/// Name or email containing `search` in any case, or a phone containing its digits (so
/// that `604 555` finds `+16045550123`). `%` and `_` in `search` are taken literally.
fn matching(search: &str) -> Condition {
    let escape = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    };
    let text = format!("%{}%", escape(&search.to_lowercase()));
    let like = |column: person::Column| {
        Expr::expr(Func::lower(Expr::col(column))).like(LikeExpr::new(text.clone()).escape('\\'))
    };
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    let mut any = Condition::any();
    // No stored name or email holds a control character, and PostgreSQL refuses a NUL in
    // text: such a search can only match a phone number's digits.
    if !search
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        // SQLite's lower() folds ASCII only: a name in Cyrillic is also matched as typed.
        let as_typed = format!("%{}%", escape(search));
        any = any
            .add(like(person::Column::DisplayName))
            .add(Expr::col(person::Column::DisplayName).like(LikeExpr::new(as_typed).escape('\\')))
            .add(like(person::Column::Email));
    }
    if !digits.is_empty() {
        any = any.add(Expr::col(person::Column::Phone).like(format!("%{digits}%")));
    }
    if any.is_empty() {
        any = any.add(Expr::val(1).eq(0));
    }
    any
}
