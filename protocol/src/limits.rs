//! Hard limits. The server refuses anything beyond them with `invalidInput` or `tooLarge`.

/// Largest websocket message the server reads, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// Characters (Unicode scalar values) in a note.
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_QUESTION_CHARS: usize = 500;
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_ORGANISATION_CHARS: usize = 120;
pub const MAX_ROLE_CHARS: usize = 80;
pub const MAX_BROADCAST_CHARS: usize = 500;
pub const MIN_ROUNDS: usize = 1;
pub const MAX_ROUNDS: usize = 12;
pub const MIN_TABLE_SIZE: u32 = 3;
pub const MAX_TABLE_SIZE: u32 = 8;
pub const DEFAULT_TABLE_SIZE: u32 = 4;
pub const MIN_ROUND_MINUTES: u32 = 1;
pub const MAX_ROUND_MINUTES: u32 = 240;
pub const MAX_PHYSICAL_TABLES: u32 = 1_000;
/// Participants one café admits (people who left still count: their notes stay theirs).
pub const MAX_PARTICIPANTS: usize = 5_000;
/// Notes one participant may post in any sliding minute.
pub const NOTES_PER_MINUTE: usize = 30;
/// Largest single time adjustment, either way, in seconds.
pub const MAX_ADJUST_SECONDS: i32 = 4 * 60 * 60;
/// Themes in one café.
pub const MAX_THEMES: usize = 200;
pub const MAX_THEME_NAME_CHARS: usize = 80;
pub const MAX_COMMITMENTS: usize = 100;
pub const MAX_COMMITMENT_CHARS: usize = 500;
pub const MAX_OWNER_CHARS: usize = 120;
/// Each participant's dots when the facilitator does not say.
pub const DEFAULT_DOTS: u32 = 3;
pub const MAX_DOTS: u32 = 20;
pub const MAX_FEEDBACK_QUESTIONS: usize = 10;
pub const MAX_FEEDBACK_PROMPT_CHARS: usize = 200;
pub const MAX_FEEDBACK_TEXT_CHARS: usize = 2_000;
