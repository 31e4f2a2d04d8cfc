//! The café engine: pure and synchronous. `decide(state, input, now)` checks a command and
//! returns the events it causes; `Cafe::apply(event)` is the only way state changes. It knows
//! nothing of sockets, SQL or clocks, so it is tested exhaustively without them.

pub mod access;
pub mod create;
pub mod decide;
pub mod error;
pub mod event;
pub mod harvest;
pub mod state;
pub mod validate;
pub mod view;

pub use access::{Actor, Viewer, staff_actor};
pub use create::{NewCafe, create};
pub use decide::{Input, PlannedAhead, decide, decide_with, plan_ahead};
pub use error::EngineError;
pub use event::{Event, HarvestEvent, Recorded};
pub use state::{Cafe, Phase};
pub use view::Fanout;
