//! The protocol decoder on arbitrary bytes: what `session.rs` does with every websocket text
//! frame. It must never panic, and whatever it accepts must survive a round trip: serialised
//! again and parsed again, it is the same message (so what the server logs or echoes means what
//! the client sent).
#![no_main]

use flamingo_protocol::ClientMessage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A websocket text frame is UTF-8 by then; anything else is refused before the decoder.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(message) = serde_json::from_str::<ClientMessage>(text) else {
        return;
    };
    // The accessor the session uses to answer a refused command must not panic either.
    let _ = message.request_id();
    if let ClientMessage::Command { command, .. } = &message {
        let _ = command.name();
    }
    let json = serde_json::to_string(&message).expect("a decoded message serialises");
    let again: ClientMessage = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("re-encoded message does not parse: {e}\n{json}"));
    assert_eq!(message, again, "round trip changed the message\n{json}");
    // And the canonical form is a fixed point.
    let json2 = serde_json::to_string(&again).expect("serialises");
    assert_eq!(json, json2, "serialisation is not stable");
});
