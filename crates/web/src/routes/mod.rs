//! API routes, one module per resource.

pub mod absence;
pub mod access_log;
pub mod attendance;
pub mod enrollments;
pub mod feeds;
pub mod followups;
pub mod groups;
pub mod invitations;
pub mod me;
pub mod messages;
pub mod organization;
pub mod outcomes;
pub mod people;
pub mod programs;
pub mod sessions;
pub mod sms_gateway;
pub mod supervision;
pub mod templates;
pub mod tokens;
pub mod training;

use crate::error::{ApiError, ApiResult};
use peergroup_store::PageRequest;
use serde::Deserialize;
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

/// Keyset pagination: pass the previous page's `next_cursor` as `after`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Return objects with ids greater than this.
    pub after: Option<i64>,
    /// How many objects, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

pub fn page(after: Option<i64>, limit: Option<u32>) -> ApiResult<PageRequest> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::field(
            "limit",
            format!("must be from 1 to {MAX_LIMIT}"),
        ));
    }
    Ok(PageRequest {
        after,
        limit: u64::from(limit),
    })
}
