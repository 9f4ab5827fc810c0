use peergroup_domain::ValidationErrors;
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The object does not exist in the caller's organization (it may exist in another).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The request is well-formed but clashes with the current state.
    #[error("{0}")]
    Conflict(String),
    /// The caller's role or relation to the object does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// The input breaks a rule; nothing was written.
    #[error("{0}")]
    Invalid(ValidationErrors),
    #[error("database error: {0}")]
    Db(DbErr),
    #[error("stored data is not readable: {0}")]
    Corrupt(String),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                StoreError::Conflict("this already exists".into())
            }
            _ => StoreError::Db(err),
        }
    }
}

impl From<ValidationErrors> for StoreError {
    fn from(errors: ValidationErrors) -> Self {
        StoreError::Invalid(errors)
    }
}

impl StoreError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        StoreError::Invalid(ValidationErrors::single(field, message))
    }
}
