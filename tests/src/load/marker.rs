//! The timestamp a measured message carries in its text (a note or a broadcast), so that a
//! receiver can time it without the sender's help: `~~T<kind><step>:<sender>:<micros>~~`.
//! Plain ASCII that JSON does not escape, so it is found in the raw frame without parsing it.

const OPEN: &str = "~~T";

/// What a measured message was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A note posted by a table's host.
    Note,
    /// A room-wide message from the facilitator.
    Broadcast,
    /// A round start (the floor's stand-in for `startRound`).
    RoundStart,
}

impl Kind {
    fn letter(self) -> char {
        match self {
            Self::Note => 'N',
            Self::Broadcast => 'B',
            Self::RoundStart => 'S',
        }
    }

    fn from_letter(c: u8) -> Option<Self> {
        match c {
            b'N' => Some(Self::Note),
            b'B' => Some(Self::Broadcast),
            b'S' => Some(Self::RoundStart),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub kind: Kind,
    /// The scenario's step (a round, a rate) the message belongs to.
    pub step: u32,
    /// The index of the client that sent it.
    pub sender: u32,
    /// When it was sent, in `clock::now_us` time.
    pub sent_us: u64,
}

impl Marker {
    pub fn render(&self) -> String {
        format!(
            "{OPEN}{}{}:{}:{}~~",
            self.kind.letter(),
            self.step,
            self.sender,
            self.sent_us
        )
    }

    /// The first marker in `text`, if any.
    pub fn find(text: &str) -> Option<Self> {
        let at = text.find(OPEN)? + OPEN.len();
        let rest = &text[at..];
        let kind = Kind::from_letter(*rest.as_bytes().first()?)?;
        let end = rest.find("~~")?;
        let mut fields = rest[1..end].split(':');
        let step = fields.next()?.parse().ok()?;
        let sender = fields.next()?.parse().ok()?;
        let sent_us = fields.next()?.parse().ok()?;
        Some(Self {
            kind,
            step,
            sender,
            sent_us,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_found_inside_json() {
        let m = Marker {
            kind: Kind::Note,
            step: 3,
            sender: 1234,
            sent_us: 987_654_321,
        };
        let frame =
            serde_json::json!({ "type": "event", "text": format!("idea {} more", m.render()) })
                .to_string();
        assert_eq!(Marker::find(&frame), Some(m));
        assert_eq!(Marker::find(r#"{"text":"~~Tx1:2:3~~"}"#), None);
        assert_eq!(Marker::find("no marker here"), None);
    }
}
