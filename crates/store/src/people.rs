//! People: participants and facilitators of an organization.

use crate::entities::person;
use crate::{Page, PageRequest, Result, Store, StoreError, parse_stored};
use peergroup_domain::Id;
use peergroup_domain::person::{Consent, ConsentInput, PersonSpec};
use peergroup_domain::records::Person;
use peergroup_domain::values::{Email, Language, Name, Phone, Text};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;

fn corrupt(e: String) -> StoreError {
    StoreError::Corrupt(e)
}

pub(crate) fn to_record(m: person::Model) -> Result<Person> {
    let consent_given = Consent {
        reminders_given_at: m.consent_reminders_at,
        calls_given_at: m.consent_calls_at,
    };
    Ok(Person {
        id: m.id,
        spec: PersonSpec {
            display_name: Name::parse(m.display_name).map_err(corrupt)?,
            preferred_language: Language::parse(m.preferred_language).map_err(corrupt)?,
            email: m.email.map(Email::parse).transpose().map_err(corrupt)?,
            phone: m.phone.map(Phone::parse).transpose().map_err(corrupt)?,
            preferred_channel: m
                .preferred_channel
                .as_deref()
                .map(parse_stored)
                .transpose()?,
            alternative_contact: m
                .alternative_contact
                .map(Text::parse)
                .transpose()
                .map_err(corrupt)?,
            consent: ConsentInput {
                reminders: consent_given.reminders_given_at.is_some(),
                calls: consent_given.calls_given_at.is_some(),
            },
        },
        consent_given,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

fn write_spec(active: &mut person::ActiveModel, spec: &PersonSpec, consent: Consent) {
    active.display_name = Set(spec.display_name.to_string());
    active.preferred_language = Set(spec.preferred_language.to_string());
    active.email = Set(spec.email.as_ref().map(|e| e.to_string()));
    active.phone = Set(spec.phone.as_ref().map(|p| p.to_string()));
    active.preferred_channel = Set(spec.preferred_channel.map(|c| c.as_str().to_string()));
    active.alternative_contact = Set(spec.alternative_contact.as_ref().map(|t| t.to_string()));
    active.consent_reminders_at = Set(consent.reminders_given_at);
    active.consent_calls_at = Set(consent.calls_given_at);
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
    pub async fn create_person(&self, org: Id, spec: &PersonSpec) -> Result<Person> {
        spec.validate()?;
        let now = self.now();
        let mut active = person::ActiveModel {
            org_id: Set(org),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        write_spec(
            &mut active,
            spec,
            Consent::default().update(spec.consent, now),
        );
        to_record(self.people.insert(active).await?)
    }

    pub async fn get_person(&self, org: Id, id: Id) -> Result<Person> {
        to_record(
            find_person(&self.reader(), org, id)
                .await?
                .ok_or(StoreError::NotFound("person"))?,
        )
    }

    pub async fn list_people(&self, org: Id, page: PageRequest) -> Result<Page<Person>> {
        let query = person::Entity::find().filter(person::Column::OrgId.eq(org));
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
        let existing = find_person(&self.writer(), org, id)
            .await?
            .ok_or(StoreError::NotFound("person"))?;
        let now = self.now();
        let consent = Consent {
            reminders_given_at: existing.consent_reminders_at,
            calls_given_at: existing.consent_calls_at,
        }
        .update(spec.consent, now);
        let mut active: person::ActiveModel = existing.into();
        write_spec(&mut active, spec, consent);
        active.updated_at = Set(now);
        to_record(active.update(&self.writer()).await?)
    }
}
