//! Checks for text people type. Limits count Unicode scalar values, not bytes, so that a name
//! in any script gets the same room.

use super::error::EngineError;

/// Trims `value` and checks it is not empty and at most `max` characters. Control characters
/// are refused, except line breaks and tabs where `multiline`.
pub fn text(field: &str, value: &str, max: usize, multiline: bool) -> Result<String, EngineError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(EngineError::Invalid(format!("{field} must not be empty")));
    }
    let count = trimmed.chars().count();
    if count > max {
        return Err(EngineError::Invalid(format!(
            "{field} is {count} characters; the limit is {max}"
        )));
    }
    let allowed_control = |c: char| multiline && (c == '\n' || c == '\t' || c == '\r');
    if trimmed
        .chars()
        .any(|c| c.is_control() && !allowed_control(c))
    {
        return Err(EngineError::Invalid(format!(
            "{field} contains control characters"
        )));
    }
    Ok(trimmed.to_owned())
}

/// Like `text`, but blank means "not given".
pub fn optional_text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, EngineError> {
    optional(field, value, max, false)
}

/// Like `optional_text`, with line breaks allowed.
pub fn optional_text_multiline(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, EngineError> {
    optional(field, value, max, true)
}

fn optional(
    field: &str,
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, EngineError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, max, multiline).map(Some),
    }
}
