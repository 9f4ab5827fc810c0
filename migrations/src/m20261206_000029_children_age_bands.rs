//! Less data (issue 23): a childcare need kept each child's exact age. Planning childcare
//! needs only the band (under two, two to four, five to twelve, thirteen to seventeen), so
//! each age becomes its band. The bands are the domain's `AgeBand`, said again here so that
//! this migration keeps meaning what it meant when the domain moves on.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn band(age: u64) -> &'static str {
    match age {
        0..=1 => "under_two",
        2..=4 => "two_to_four",
        5..=12 => "five_to_twelve",
        _ => "thirteen_to_seventeen",
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = db.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, CAST(children_ages AS TEXT) AS ages FROM support_needs \
                 WHERE kind = 'childcare'",
            ))
            .await?;
        let update = match backend {
            DbBackend::Postgres => {
                "UPDATE support_needs SET children_ages = $1::json WHERE id = $2"
            }
            _ => "UPDATE support_needs SET children_ages = ? WHERE id = ?",
        };
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let ages: String = row.try_get("", "ages")?;
            let ages: Vec<serde_json::Value> = serde_json::from_str(&ages)
                .map_err(|e| DbErr::Migration(format!("support need {id}: {e}")))?;
            // Bands already (a database migrated before, then written by this version).
            let bands: Vec<&str> = ages
                .iter()
                .map(|a| match a {
                    serde_json::Value::Number(n) => Ok(band(n.as_u64().unwrap_or(0))),
                    serde_json::Value::String(s) => Ok(s.as_str()),
                    other => Err(DbErr::Migration(format!("support need {id}: {other}"))),
                })
                .collect::<Result<_, _>>()?;
            let bands = serde_json::to_string(&bands)
                .map_err(|e| DbErr::Migration(format!("support need {id}: {e}")))?;
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                update,
                [bands.into(), id.into()],
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // The exact ages are gone; bands stay.
        Ok(())
    }
}
