use flamingo_protocol::ErrorCode;

/// Why the engine refused a command. Every variant maps to a stable wire code; the message is
/// written for the person who sees it, saying what to do where that helps.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("{0}")]
    Invalid(String),
    #[error("only the facilitator can do that")]
    FacilitatorOnly,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    NotFound(&'static str),
    #[error("{0}")]
    WrongPhase(&'static str),
    #[error("you have no table yet; wait for the facilitator to seat everyone")]
    NotSeated,
    #[error("that note id belongs to another note; generate a new id")]
    NoteIdTaken,
    #[error(
        "that would use more than your {}: you have {left} left; take some back first",
        dots(*budget)
    )]
    OverBudget { budget: u32, left: u32 },
    #[error("this café is full")]
    CafeFull,
    #[error("at most {0} notes a minute; wait a moment and send again")]
    RateLimited(usize),
}

/// "1 dot", "3 dots".
fn dots(n: u32) -> String {
    if n == 1 {
        "1 dot".to_owned()
    } else {
        format!("{n} dots")
    }
}

impl EngineError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid(_) => ErrorCode::InvalidInput,
            Self::FacilitatorOnly | Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::WrongPhase(_) => ErrorCode::WrongPhase,
            Self::NotSeated => ErrorCode::NotSeated,
            Self::NoteIdTaken => ErrorCode::NoteIdTaken,
            Self::OverBudget { .. } => ErrorCode::OverBudget,
            Self::CafeFull => ErrorCode::CafeFull,
            Self::RateLimited(_) => ErrorCode::RateLimited,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EngineError;

    #[test]
    fn over_budget_says_the_budget_and_what_is_left() {
        let msg = |budget, left| EngineError::OverBudget { budget, left }.to_string();
        assert_eq!(
            msg(3, 1),
            "that would use more than your 3 dots: you have 1 left; take some back first"
        );
        assert_eq!(
            msg(1, 0),
            "that would use more than your 1 dot: you have 0 left; take some back first"
        );
    }
}
