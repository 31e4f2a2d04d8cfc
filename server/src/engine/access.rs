//! Who a connection is to the café: the [`Actor`] that sends commands, the [`Viewer`] whose
//! eyes a view is for, and which key makes whom staff. Pure, like the rest of the engine; the
//! rules of who may send which command are in `decide`.

use flamingo_protocol::ParticipantId;

use super::state::Cafe;
use crate::secrets;

/// Who is asking. Fixed by the connection's `hello`; checked for every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Facilitator,
    /// Signed in with the key the facilitator shared: everything the facilitator may do except
    /// closing the café (and sharing keys, which is not a command).
    CoFacilitator,
    Participant(ParticipantId),
    Wall,
}

/// Whose eyes a view is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// The facilitator and co-facilitators.
    Staff,
    /// A wall: what the facilitator sees, less the notes hidden from the wall.
    Wall,
    Phone(ParticipantId),
}

/// Who a facilitator or co-facilitator key makes its holder, if anyone: the two key hashes
/// are checked here and nowhere else.
pub fn staff_actor(cafe: &Cafe, key: &str) -> Option<Actor> {
    if secrets::verify_secret(key, &cafe.facilitator_key_hash) {
        Some(Actor::Facilitator)
    } else if let Some(hash) = &cafe.harvest.co_key_hash
        && secrets::verify_secret(key, hash)
    {
        Some(Actor::CoFacilitator)
    } else {
        None
    }
}
