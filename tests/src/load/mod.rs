//! The load generator behind `flamingo-load`: real websocket clients that drive a Flamingo
//! server (or the bare broadcast "floor" server, for comparison) and measure what it does.
//!
//! One module per job: `options` (the command line), `clock` and `marker` (timestamps carried
//! in the payload), `histogram` and `proc_stats` (figures), `conn` (one client connection),
//! `floor` (the bare broadcast server), `fleet` (connecting many clients), the scenarios
//! (`run`, `storm`, `sweep`) and `report`.

pub mod clock;
pub mod conn;
pub mod fleet;
pub mod floor;
pub mod histogram;
pub mod marker;
pub mod options;
pub mod payload;
pub mod proc_stats;
pub mod report;
pub mod run;
pub mod storm;
pub mod sweep;
pub mod target;

pub use options::{Cli, RunOptions, StormOptions, SweepOptions};
pub use report::Report;
