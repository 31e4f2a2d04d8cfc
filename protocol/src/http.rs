//! Bodies of the HTTP API.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CafeId;
use crate::view::{PhaseView, RoundSpec};

/// `POST /api/cafes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateCafeRequest {
    pub title: String,
    /// People per table, 3 to 8; 4 when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub table_size: Option<u32>,
    /// How many physical tables the room has, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tables: Option<u32>,
    pub rounds: Vec<RoundSpec>,
}

/// The answer to `POST /api/cafes`. The facilitator key is shown only here: keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateCafeResponse {
    pub cafe_id: CafeId,
    pub join_code: String,
    pub facilitator_key: String,
}

/// `GET /api/cafes/{joinCode}`: what anyone holding the code may know before joining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicCafeInfo {
    pub cafe_id: CafeId,
    pub title: String,
    pub join_code: String,
    pub rounds: u32,
    pub phase: PhaseView,
    pub participants: u32,
}
