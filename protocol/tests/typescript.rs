//! The web client's types are generated from this crate. This test fails when the checked-in
//! file is stale; run `UPDATE_TS=1 cargo test -p flamingo-protocol --test typescript` to
//! regenerate it.

use flamingo_protocol::{client, error, export, harvest, http, server, view};
use ts_rs::{Config, TS};

const GENERATED: &str = "../web-client/src/protocol.ts";

fn decl<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().map(|d| format!("{d}\n")).unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

fn generate() -> String {
    let cfg = Config::default();
    let parts = [
        decl::<client::ClientMessage>(&cfg),
        decl::<client::Auth>(&cfg),
        decl::<client::Cursor>(&cfg),
        decl::<client::Command>(&cfg),
        decl::<server::ServerMessage>(&cfg),
        decl::<server::Update>(&cfg),
        decl::<server::You>(&cfg),
        decl::<server::Role>(&cfg),
        decl::<error::ErrorCode>(&cfg),
        decl::<error::ErrorBody>(&cfg),
        decl::<export::Authors>(&cfg),
        decl::<export::ExportFormat>(&cfg),
        decl::<export::CafeExport>(&cfg),
        decl::<export::ExportParticipant>(&cfg),
        decl::<export::ExportRound>(&cfg),
        decl::<export::ExportTable>(&cfg),
        decl::<export::ExportNote>(&cfg),
        decl::<export::ExportTheme>(&cfg),
        decl::<export::ExportFeedback>(&cfg),
        decl::<view::CafeView>(&cfg),
        decl::<view::PhaseView>(&cfg),
        decl::<view::RoundSpec>(&cfg),
        decl::<view::ParticipantInfo>(&cfg),
        decl::<view::TableSeats>(&cfg),
        decl::<view::SeatingView>(&cfg),
        decl::<view::NoteView>(&cfg),
        decl::<view::BroadcastView>(&cfg),
        decl::<harvest::VoteTarget>(&cfg),
        decl::<harvest::VoteCount>(&cfg),
        decl::<harvest::VotingState>(&cfg),
        decl::<harvest::VotingView>(&cfg),
        decl::<harvest::ThemeView>(&cfg),
        decl::<harvest::Commitment>(&cfg),
        decl::<harvest::FeedbackKind>(&cfg),
        decl::<harvest::FeedbackQuestion>(&cfg),
        decl::<harvest::FeedbackAnswer>(&cfg),
        decl::<harvest::FeedbackView>(&cfg),
        decl::<harvest::SuggestedTheme>(&cfg),
        decl::<harvest::ThemeSuggestions>(&cfg),
        decl::<harvest::CoFacilitatorKey>(&cfg),
        decl::<http::CreateCafeRequest>(&cfg),
        decl::<http::CreateCafeResponse>(&cfg),
        decl::<http::PublicCafeInfo>(&cfg),
    ];
    let mut out = String::from(
        "// Generated from protocol/ by `UPDATE_TS=1 cargo test -p flamingo-protocol --test typescript`.\n// Do not edit by hand.\n\n",
    );
    out.push_str(&parts.join("\n"));
    out
}

#[test]
fn generated_typescript_is_current() {
    let fresh = generate();
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::write(GENERATED, &fresh).expect("write generated types");
        return;
    }
    let committed = std::fs::read_to_string(GENERATED).unwrap_or_default();
    assert!(
        committed == fresh,
        "{GENERATED} is stale: run `UPDATE_TS=1 cargo test -p flamingo-protocol --test typescript`"
    );
}
