//! A revision number on each group that the database raises whenever anything a group's
//! detail shows changes: the group's own row, its enrolments, its facilitator assignments,
//! or the display name of a person on them. A server that keeps a group's detail in memory
//! asks for this one number to know whether what it keeps is still true, so the rule lives
//! in triggers, where no write path and no other server process can miss it.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows are part of a group's detail, each with a `group_id`.
const MEMBER_TABLES: [&str; 2] = ["enrollments", "facilitator_assignments"];

/// Raises the revision of the groups in which a person is enrolled or assigned. `{id}` is the
/// person's id as the trigger names it.
fn groups_of_person(id: &str) -> String {
    format!(
        "UPDATE peer_groups SET revision = revision + 1 WHERE id IN \
           (SELECT group_id FROM enrollments WHERE person_id = {id} \
            UNION SELECT group_id FROM facilitator_assignments WHERE person_id = {id})"
    )
}

fn sqlite_triggers() -> Vec<String> {
    let mut sql = vec![
        // Any update of the group that does not raise the revision itself raises it.
        "CREATE TRIGGER peer_groups_revision AFTER UPDATE ON peer_groups \
           WHEN NEW.revision = OLD.revision \
           BEGIN UPDATE peer_groups SET revision = OLD.revision + 1 WHERE id = NEW.id; END"
            .to_string(),
        format!(
            "CREATE TRIGGER people_revision AFTER UPDATE OF display_name ON people \
               WHEN NEW.display_name IS NOT OLD.display_name \
               BEGIN {}; END",
            groups_of_person("NEW.id")
        ),
    ];
    for table in MEMBER_TABLES {
        sql.push(format!(
            "CREATE TRIGGER {table}_revision_insert AFTER INSERT ON {table} \
               BEGIN UPDATE peer_groups SET revision = revision + 1 WHERE id = NEW.group_id; END"
        ));
        sql.push(format!(
            "CREATE TRIGGER {table}_revision_update AFTER UPDATE ON {table} \
               BEGIN UPDATE peer_groups SET revision = revision + 1 \
                     WHERE id IN (OLD.group_id, NEW.group_id); END"
        ));
        sql.push(format!(
            "CREATE TRIGGER {table}_revision_delete AFTER DELETE ON {table} \
               BEGIN UPDATE peer_groups SET revision = revision + 1 WHERE id = OLD.group_id; END"
        ));
    }
    sql
}

fn postgres_triggers() -> Vec<String> {
    let mut sql = vec![
        "CREATE FUNCTION peer_groups_revision() RETURNS trigger LANGUAGE plpgsql AS $$ \
           BEGIN \
             IF NEW.revision = OLD.revision THEN NEW.revision := OLD.revision + 1; END IF; \
             RETURN NEW; \
           END $$"
            .to_string(),
        "CREATE TRIGGER peer_groups_revision BEFORE UPDATE ON peer_groups \
           FOR EACH ROW EXECUTE FUNCTION peer_groups_revision()"
            .to_string(),
        // Raising a group's revision is an update of the group, which its own trigger would
        // raise once more; the member triggers set it, so that trigger leaves it be.
        "CREATE FUNCTION group_member_revision() RETURNS trigger LANGUAGE plpgsql AS $$ \
           BEGIN \
             IF TG_OP <> 'INSERT' THEN \
               UPDATE peer_groups SET revision = revision + 1 WHERE id = OLD.group_id; \
             END IF; \
             IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.group_id <> OLD.group_id) THEN \
               UPDATE peer_groups SET revision = revision + 1 WHERE id = NEW.group_id; \
             END IF; \
             RETURN NULL; \
           END $$"
            .to_string(),
        format!(
            "CREATE FUNCTION people_revision() RETURNS trigger LANGUAGE plpgsql AS $$ \
               BEGIN {}; RETURN NULL; END $$",
            groups_of_person("NEW.id")
        ),
        "CREATE TRIGGER people_revision AFTER UPDATE OF display_name ON people \
           FOR EACH ROW WHEN (NEW.display_name IS DISTINCT FROM OLD.display_name) \
           EXECUTE FUNCTION people_revision()"
            .to_string(),
    ];
    for table in MEMBER_TABLES {
        sql.push(format!(
            "CREATE TRIGGER {table}_revision AFTER INSERT OR UPDATE OR DELETE ON {table} \
               FOR EACH ROW EXECUTE FUNCTION group_member_revision()"
        ));
    }
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .add_column(big_integer("revision").default(0))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let triggers = match db.get_database_backend() {
            DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for statement in triggers {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let drops: Vec<String> = match db.get_database_backend() {
            DbBackend::Postgres => {
                let mut drops: Vec<String> = MEMBER_TABLES
                    .iter()
                    .map(|t| format!("DROP TRIGGER IF EXISTS {t}_revision ON {t}"))
                    .collect();
                drops.extend([
                    "DROP TRIGGER IF EXISTS people_revision ON people".to_string(),
                    "DROP TRIGGER IF EXISTS peer_groups_revision ON peer_groups".to_string(),
                    "DROP FUNCTION IF EXISTS people_revision()".to_string(),
                    "DROP FUNCTION IF EXISTS group_member_revision()".to_string(),
                    "DROP FUNCTION IF EXISTS peer_groups_revision()".to_string(),
                ]);
                drops
            }
            _ => {
                let mut drops: Vec<String> = MEMBER_TABLES
                    .iter()
                    .flat_map(|t| {
                        ["insert", "update", "delete"]
                            .map(|op| format!("DROP TRIGGER IF EXISTS {t}_revision_{op}"))
                    })
                    .collect();
                drops.extend([
                    "DROP TRIGGER IF EXISTS people_revision".to_string(),
                    "DROP TRIGGER IF EXISTS peer_groups_revision".to_string(),
                ]);
                drops
            }
        };
        for statement in drops {
            db.execute_unprepared(&statement).await?;
        }
        m.alter_table(
            Table::alter()
                .table("peer_groups")
                .drop_column("revision")
                .to_owned(),
        )
        .await
    }
}
