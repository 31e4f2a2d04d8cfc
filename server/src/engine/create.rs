//! Creating a café: the checks on the facilitator's form and the first event of the log.

use flamingo_protocol::{CafeId, CreateCafeRequest, limits};

use super::error::EngineError;
use super::event::{Event, RoundSpec};
use super::validate;

/// What the server chose for a new café: ids and secrets are not the engine's to make.
pub struct NewCafe {
    pub cafe_id: CafeId,
    pub join_code: String,
    pub facilitator_key_hash: String,
    pub seed: u64,
}

pub fn create(req: &CreateCafeRequest, new: NewCafe) -> Result<Event, EngineError> {
    let title = validate::text("title", &req.title, limits::MAX_TITLE_CHARS, false)?;
    let table_size = req.table_size.unwrap_or(limits::DEFAULT_TABLE_SIZE);
    if !(limits::MIN_TABLE_SIZE..=limits::MAX_TABLE_SIZE).contains(&table_size) {
        return Err(EngineError::Invalid(format!(
            "tableSize must be between {} and {}",
            limits::MIN_TABLE_SIZE,
            limits::MAX_TABLE_SIZE
        )));
    }
    if let Some(t) = req.tables
        && !(1..=limits::MAX_PHYSICAL_TABLES).contains(&t)
    {
        return Err(EngineError::Invalid(format!(
            "tables must be between 1 and {}",
            limits::MAX_PHYSICAL_TABLES
        )));
    }
    if !(limits::MIN_ROUNDS..=limits::MAX_ROUNDS).contains(&req.rounds.len()) {
        return Err(EngineError::Invalid(format!(
            "a café has {} to {} rounds; this one has {}",
            limits::MIN_ROUNDS,
            limits::MAX_ROUNDS,
            req.rounds.len()
        )));
    }
    let rounds = req
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let question = validate::text(
                &format!("round {} question", i + 1),
                &r.question,
                limits::MAX_QUESTION_CHARS,
                true,
            )?;
            if !(limits::MIN_ROUND_MINUTES..=limits::MAX_ROUND_MINUTES).contains(&r.minutes) {
                return Err(EngineError::Invalid(format!(
                    "round {} lasts {} minutes; it must be {} to {}",
                    i + 1,
                    r.minutes,
                    limits::MIN_ROUND_MINUTES,
                    limits::MAX_ROUND_MINUTES
                )));
            }
            Ok(RoundSpec {
                question,
                minutes: r.minutes,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Event::CafeCreated {
        cafe_id: new.cafe_id,
        title,
        join_code: new.join_code,
        table_size,
        physical_tables: req.tables,
        rounds,
        facilitator_key_hash: new.facilitator_key_hash,
        seed: new.seed,
    })
}
