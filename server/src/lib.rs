//! The Flamingo server as a library: `main.rs` only parses flags and calls [`run`], so that
//! tests start the very same server on a port-0 listener.

pub mod engine;
pub mod seating;
