//! The demo organization: every built-in template copied, one group per template language,
//! facilitators and participants with plausible, clearly fictional names ("(demo)").

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate};
use peergroup_domain::consent::ConsentSource;
use peergroup_domain::facilitator::AssignmentSpec;
use peergroup_domain::group::{GroupSpec, LocalTime, Venue, Weekday};
use peergroup_domain::org::Role;
use peergroup_domain::person::{ConsentInput, PersonSpec};
use peergroup_domain::program::{FacilitatorKind, ProgramSpec};
use peergroup_domain::records::Organization;
use peergroup_domain::schedule::ExclusionPolicy;
use peergroup_domain::support::{AgeBand, SupportKind, SupportNeedSpec, SupportStatus};
use peergroup_domain::templates;
use peergroup_domain::training::CompletionSpec;
use peergroup_domain::values::{Email, Language, Name, Phone, Slug, Text, TimeZone};
use peergroup_notify::links::{LinkSigner, SignInLinkToken};
use peergroup_store::groups::GroupFilter;
use peergroup_store::{NewToken, PageRequest, Store};

/// The demo's people are written by the system, as the seed.
const SEEDED: peergroup_domain::access_log::By<'static> = peergroup_domain::access_log::By {
    user: None,
    route: "demo seed",
};

pub const DEMO_SLUG: &str = "demo";
pub const DEMO_COORDINATOR: &str = "coordinator@demo.peergroup.invalid";

/// Fictional first names per group language, for participants and peer facilitators.
fn names(language: &str) -> &'static [&'static str] {
    match language {
        "es" => &["Lucía", "Carmen", "Rosa", "Guadalupe", "Elena", "Mateo"],
        "ne" => &["Sita", "Bishnu", "Maya", "Hari", "Kamala", "Dil"],
        "uk" => &["Olena", "Iryna", "Taras", "Oksana", "Mykola", "Halyna"],
        "fr" => &["Aminata", "Fatou", "Moussa", "Mariam", "Ibrahim", "Claire"],
        "zh-Hans" => &[
            "Li Na",
            "Wang Fang",
            "Chen Wei",
            "Zhao Min",
            "Liu Yang",
            "Huang Li",
        ],
        "pa-Guru" => &[
            "Harpreet",
            "Gurpreet",
            "Manjit",
            "Baldev",
            "Jaswinder",
            "Kulwant",
        ],
        "ar" => &["Amal", "Khalid", "Fatima", "Omar", "Huda", "Yousif"],
        _ => &["Grace", "Samuel", "Tendai", "Rudo", "Joseph", "Mary"],
    }
}

/// Where each study took place decides the demo group's timezone.
fn timezone(country: &str) -> &'static str {
    match country {
        "Canada" => "America/Vancouver",
        "Spain" => "Europe/Madrid",
        _ => "America/New_York",
    }
}

/// The demo uses the script-qualified tags that reminders are written in.
fn demo_language(tag: &str) -> &str {
    match tag {
        "zh" => "zh-Hans",
        "pa" => "pa-Guru",
        other => other,
    }
}

fn parse<T>(r: Result<T, String>) -> anyhow::Result<T> {
    r.map_err(|e| anyhow::anyhow!(e))
}

/// Creates the demo organization's data once; later starts only issue a fresh token.
pub async fn ensure_demo(store: &Store) -> anyhow::Result<NewToken> {
    let slug = parse(Slug::parse(DEMO_SLUG))?;
    let (org, _) = store
        .ensure_organization(&slug, &parse(Name::parse("Demo Community Services"))?)
        .await?;
    let empty = store
        .list_programs(
            org.id,
            PageRequest {
                after: None,
                limit: 1,
            },
        )
        .await?
        .items
        .is_empty();
    if empty {
        seed(store, &org).await?;
    }
    let email = parse(Email::parse(DEMO_COORDINATOR))?;
    Ok(store
        .issue_token(&org, &email, Role::Coordinator, "demo-console", true, None)
        .await?)
}

/// A one-time link for the demo coordinator and one for a demo facilitator, to choose a
/// password and sign in to the pages: a newcomer needs nothing but a browser. Made anew at
/// every start (earlier ones still work once, until they expire).
pub async fn sign_in_links(
    store: &Store,
    signer: &LinkSigner,
    public_url: &str,
    valid_for: chrono::TimeDelta,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let slug = parse(Slug::parse(DEMO_SLUG))?;
    let org = store
        .find_organization(&slug)
        .await?
        .context("the demo organization")?;
    let mut users = vec![(
        "coordinator",
        store
            .ensure_user(org.id, DEMO_COORDINATOR, Role::Coordinator)
            .await?,
    )];
    let first_group = store
        .list_groups(
            org.id,
            &GroupFilter::default(),
            PageRequest {
                after: None,
                limit: 1,
            },
        )
        .await?
        .items
        .into_iter()
        .next();
    if let Some(group) = first_group
        && let Some(f) = store.list_facilitators(org.id, group.id).await?.first()
        && let Some(email) = store.get_person(org.id, f.spec.person_id).await?.spec.email
    {
        let user = store
            .ensure_user(org.id, email.as_str(), Role::Facilitator)
            .await?;
        users.push(("facilitator", user));
    }
    let mut links = Vec::new();
    for (who, user_id) in users {
        let link =
            peergroup_app::sign_in::link_without_mail(store, org.id, user_id, valid_for).await?;
        let url = signer.sign_in_url(
            public_url,
            &SignInLinkToken {
                org_id: org.id,
                link_id: link.link_id,
                expires_at: link.expires_at.timestamp(),
            },
        );
        links.push((who, url));
    }
    Ok(links)
}

async fn seed(store: &Store, org: &Organization) -> anyhow::Result<()> {
    let today = store.clock().now().date_naive();
    let mut serial = 0u32;
    for template in templates::all() {
        let program = peergroup_app::training::copy_template(store, org.id, template, None).await?;
        let requirements = store.list_requirements(org.id, program.id).await?;
        let modules = store.list_modules(org.id).await?;
        let mut languages: Vec<String> = template
            .program
            .languages
            .iter()
            .map(|l| demo_language(l.as_str()).to_string())
            .collect();
        if languages.is_empty() {
            languages = vec!["ar".into(), "en".into()];
        }
        for language in languages {
            serial += 1;
            let group = demo_group(
                &template.program,
                program.id,
                &language,
                template.country.as_str(),
                today,
                serial,
            )?;
            let group = store.create_group(org.id, &group).await?;
            peergroup_app::schedules::generate(store, org.id, group.id, false).await?;
            let names = names(&language);
            for (i, role) in template.program.facilitator_roles.iter().enumerate() {
                let first = if role.kind == FacilitatorKind::Peer {
                    names[names.len() - 1 - i]
                } else {
                    "Dr. Alex"
                };
                let person = store
                    .create_person(
                        org.id,
                        &person(first, &language, serial * 10 + i as u32)?,
                        SEEDED,
                    )
                    .await?;
                let spec = AssignmentSpec {
                    person_id: person.id,
                    role: role.kind,
                    program_role: Some(role.key.clone()),
                    override_reason: None,
                };
                // Demo facilitators completed their role's training a month ago.
                let trained = requirements.iter().filter(|r| r.role == role.key.as_str());
                for module_id in trained.flat_map(|r| r.requirements.modules.iter()) {
                    let hours = modules
                        .iter()
                        .find(|m| m.id == *module_id)
                        .and_then(|m| m.spec.hours);
                    let completion = CompletionSpec {
                        person_id: person.id,
                        module_id: *module_id,
                        completed_on: today - Duration::days(30),
                        hours,
                        trainer: None,
                        expires_on: None,
                    };
                    peergroup_app::training::record_completion(store, org.id, None, &completion)
                        .await?;
                }
                peergroup_app::facilitators::assign(store, org.id, group.id, &spec, None).await?;
            }
            let participants = usize::from(group.spec.capacity).min(4);
            for (i, first) in names.iter().take(participants).enumerate() {
                let person = store
                    .create_person(
                        org.id,
                        &person(first, &language, serial * 10 + 5 + i as u32)?,
                        SEEDED,
                    )
                    .await?;
                let enrollment =
                    peergroup_app::enrollments::enroll(store, org.id, group.id, person.id).await?;
                if i == 0 {
                    let childcare = SupportNeedSpec {
                        kind: SupportKind::Childcare,
                        status: SupportStatus::Arranged,
                        children_ages: vec![AgeBand::TwoToFour, AgeBand::FiveToTwelve],
                        interpreter_language: None,
                        details: None,
                    };
                    store
                        .create_support_need(org.id, enrollment.id, &childcare)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

fn demo_group(
    program: &ProgramSpec,
    program_id: i64,
    language: &str,
    country: &str,
    today: NaiveDate,
    serial: u32,
) -> anyhow::Result<GroupSpec> {
    let weekdays = if program.weekdays_needed() >= 2 {
        vec![Weekday::Tuesday, Weekday::Thursday]
    } else {
        vec![Weekday::Wednesday]
    };
    // The first of the group's weekdays, three weeks or more from today.
    let mut start = today + Duration::weeks(3);
    while start.weekday() != weekdays[0].to_chrono() {
        start += Duration::days(1);
    }
    let capacity = program.group_size.max.unwrap_or(12).min(12);
    Ok(GroupSpec {
        program_id,
        name: parse(Name::parse(format!(
            "{} — demo group {serial} ({language})",
            program.name
        )))?,
        languages: vec![parse(Language::parse(language))?],
        timezone: parse(TimeZone::parse(timezone(country)))?,
        venue: Venue {
            name: parse(Name::parse(format!("Demo Community Hall {serial}")))?,
            address: Some(parse(Text::parse(format!(
                "{serial} Example Street (fictional)"
            )))?),
            accessibility_notes: Some(parse(Text::parse(
                "Step-free entrance; quiet room for children",
            ))?),
        },
        start_date: start,
        weekdays,
        start_time: parse(LocalTime::parse("18:00"))?,
        capacity,
        segment: None,
        exclusion_policy: ExclusionPolicy::Skip,
    })
}

fn person(first: &str, language: &str, n: u32) -> anyhow::Result<PersonSpec> {
    let slug: String = first
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    Ok(PersonSpec {
        display_name: parse(Name::parse(format!("{first} (demo)")))?,
        preferred_language: parse(Language::parse(language))?,
        email: Some(parse(Email::parse(format!(
            "{slug}.{n}@demo.peergroup.invalid"
        )))?),
        // 555-01xx numbers are reserved for fiction.
        phone: Some(parse(Phone::parse(format!(
            "+1604555{:04}",
            100 + n % 100
        )))?),
        preferred_channel: None,
        alternative_contact: None,
        consent: ConsentInput {
            email_reminders: true,
            sms_reminders: true,
            calls: true,
            research: true,
            funder_sharing: false,
            source: Some(ConsentSource::OnPaper),
        },
    })
}
