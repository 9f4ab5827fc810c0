//! One portable migration set for SQLite and PostgreSQL. Every table holding tenant data
//! carries `org_id`, and every foreign key to a tenant row stays inside the tenant because
//! the store always filters by `org_id` as well.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_foundation;
mod m20261125_000002_sessions;
mod m20261126_000003_attendance;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_foundation::Migration),
            Box::new(m20261125_000002_sessions::Migration),
            Box::new(m20261126_000003_attendance::Migration),
        ]
    }
}
