//! Exports of one café built with the pure engine: the one ranking of themes is the same in
//! the JSON, CSV and Markdown exports; anonymous exports leave out organisations and roles and
//! number people in a shuffled order. The café is also written out for the browser's core
//! test (`tests/browser/core.test.mjs`), which checks that `web-client/js/ranking.js` ranks the
//! console's and the wall's snapshots as the JSON export does.

mod common;

use common::*;
use flamingo_protocol::{
    Authors, CafeExport, Command, ExportFormat, NoteId, ParticipantId, ThemeId, VoteTarget,
};
use flamingo_server::engine::Input;
use flamingo_server::engine::view::{self, Viewer};
use flamingo_server::export::{self, cafe_export};
use uuid::Uuid;

const FIXTURE: &str = "../tests/browser/fixtures/ranking-cafe.json";
const EXPORTED_AT: i64 = T0 + 90 * MINUTE;
const ORGS: [&str; 4] = ["Police", "Council", "Health trust", "School"];
const ROLES: [&str; 2] = ["Inspector", "Head teacher"];

fn tid(n: u128) -> ThemeId {
    Uuid::from_u128(0xDDDD_0000_0000_0000_0000_0000_0000_0000 | n)
}

struct Harvested {
    c: TestCafe,
    people: Vec<ParticipantId>,
}

/// Eight people with organisations and roles, a note from each, four themes and dots on themes
/// and on notes, so that ranking by the theme's own dots and by its score disagree:
///
/// | theme | made | own dots | on its shown notes | on its hidden note | score |
/// |---|---|---|---|---|---|
/// | Trust | 1st | 1 | 3 + 3 | | 7 |
/// | Money | 2nd | 5 | 0 | | 5 |
/// | Time | 3rd | 2 | 0 | 3 | 2 |
/// | Empty | 4th | 2 | | | 2 |
fn harvested(seed: u64) -> Harvested {
    let mut c = TestCafe::from_request(&request(Some(4), None, 2, 20), seed);
    let people: Vec<ParticipantId> = (0..8)
        .map(|i| {
            let mut input = c.join_input(&format!("Person {i}"), Some(ORGS[i % ORGS.len()]));
            let Input::Join {
                participant_id,
                role,
                ..
            } = &mut input
            else {
                unreachable!()
            };
            *role = Some(ROLES[i % ROLES.len()].into());
            let id = *participant_id;
            c.run(input).expect("join");
            id
        })
        .collect();
    c.start();
    let notes: Vec<NoteId> = people
        .iter()
        .enumerate()
        .map(|(i, p)| c.post_ok(*p, &format!("idea {i}")))
        .collect();
    c.fac_ok(Command::OpenHarvest);
    for (n, name, members) in [
        (1, "Trust", vec![notes[0], notes[1]]),
        (2, "Money", vec![notes[2], notes[3]]),
        (3, "Time", vec![notes[4], notes[5]]),
        (4, "Empty", vec![]),
    ] {
        c.fac_ok(Command::CreateTheme {
            theme_id: tid(n),
            name: name.into(),
            note_ids: members,
        });
    }
    c.fac_ok(Command::OpenVoting { dots: 5 });
    let theme = |n| VoteTarget::Theme { theme_id: tid(n) };
    let note = |i: usize| VoteTarget::Note { note_id: notes[i] };
    for (voter, target, dots) in [
        (0, theme(2), 3),
        (0, note(0), 2),
        (1, theme(2), 2),
        (1, note(0), 1),
        (1, note(1), 2),
        (2, theme(1), 1),
        (2, note(1), 1),
        (2, theme(3), 2),
        (3, note(5), 3),
        (3, theme(4), 2),
    ] {
        c.as_p(people[voter], Command::SetVotes { target, dots })
            .expect("vote");
    }
    c.fac_ok(Command::HideNote {
        note_id: notes[5],
        hidden: true,
    });
    Harvested { c, people }
}

/// (name, score) in rank order, as the test expects them.
const RANKED: [(&str, u32); 4] = [("Trust", 7), ("Money", 5), ("Time", 2), ("Empty", 2)];

fn body(c: &TestCafe, format: ExportFormat, authors: Authors) -> String {
    export::export(&c.cafe, format, authors, EXPORTED_AT)
        .expect("export")
        .body
}

/// (rank, name, score) from the Markdown report's harvest: `#### 1. Trust · 7 dots`.
fn markdown_ranking(md: &str) -> Vec<(usize, String, u32)> {
    let themes = &md
        [md.find("### Themes").expect("themes")..md.find("### Commitments").expect("commitments")];
    themes
        .lines()
        .filter_map(|l| l.strip_prefix("#### "))
        .map(|l| {
            let (rank, rest) = l.split_once(". ").expect("rank");
            let (name, dots) = rest.rsplit_once(" · ").expect("dots");
            let score = dots
                .split(' ')
                .next()
                .and_then(|d| d.parse().ok())
                .expect("score");
            (rank.parse().expect("rank"), name.to_owned(), score)
        })
        .collect()
}

/// (rank, name, score) from the CSV's theme columns, one per theme with a note, by rank.
fn csv_ranking(csv: &str) -> Vec<(usize, String, u32)> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(Into::into)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let mut seen: Vec<(usize, String, u32)> = r
        .records()
        .map(|row| row.expect("row"))
        .filter(|row| !row[col("theme")].is_empty())
        .map(|row| {
            (
                row[col("theme_rank")].parse().expect("rank"),
                row[col("theme")].to_owned(),
                row[col("theme_score")].parse().expect("score"),
            )
        })
        .collect();
    seen.sort();
    seen.dedup();
    seen
}

#[test]
fn every_export_ranks_and_totals_themes_alike() {
    let h = harvested(42);
    let json: CafeExport =
        serde_json::from_str(&body(&h.c, ExportFormat::Json, Authors::Shown)).expect("json");
    let from_json: Vec<(usize, String, u32)> = json
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (i + 1, t.name.clone(), t.score))
        .collect();
    let expected: Vec<(usize, String, u32)> = RANKED
        .iter()
        .enumerate()
        .map(|(i, (name, score))| (i + 1, (*name).to_owned(), *score))
        .collect();
    assert_eq!(from_json, expected, "JSON");
    let own: Vec<u32> = json.themes.iter().map(|t| t.votes).collect();
    assert_eq!(own, [1, 5, 2, 2], "a theme's own dots stay in `votes`");

    let md = body(&h.c, ExportFormat::Markdown, Authors::Shown);
    assert_eq!(markdown_ranking(&md), expected, "Markdown:\n{md}");
    assert!(md.contains("1 dot on the theme, 6 on its notes."), "{md}");

    // "Empty" has no note, so no CSV row names it.
    let csv = body(&h.c, ExportFormat::Csv, Authors::Shown);
    assert_eq!(csv_ranking(&csv), expected[..3], "CSV:\n{csv}");
}

#[test]
fn anonymous_exports_hold_no_organisation_role_or_join_order() {
    let h = harvested(42);
    for format in [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Markdown,
    ] {
        let out = body(&h.c, format, Authors::Anonymous);
        for word in ORGS.iter().chain(&ROLES).chain(&["Person "]) {
            assert!(!out.contains(word), "{format:?} holds {word:?}:\n{out}");
        }
        let kept = body(&h.c, format, Authors::AnonymousWithOrganisations);
        assert!(!kept.contains("Person "), "{format:?} names someone");
        assert!(
            ORGS.iter().all(|o| kept.contains(o)),
            "{format:?} asked for organisations:\n{kept}"
        );
    }
    let data = cafe_export(&h.c.cafe, Authors::Anonymous, EXPORTED_AT);
    assert!(
        data.participants
            .iter()
            .all(|p| p.organisation.is_none() && p.role.is_none())
    );
    let keys: Vec<&str> = data.participants.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"],
        "listed by number"
    );
    assert_eq!(
        cafe_export(&h.c.cafe, Authors::Anonymous, EXPORTED_AT + 1).participants,
        data.participants,
        "the same café gives the same numbers"
    );
    // Whose note is whose, by number: the numbers are not the join order.
    let numbers = |h: &Harvested| -> Vec<String> {
        let data = cafe_export(&h.c.cafe, Authors::Anonymous, EXPORTED_AT);
        (0..h.people.len())
            .map(|i| {
                let text = format!("idea {i}");
                data.notes
                    .iter()
                    .find(|n| n.text == text)
                    .map(|n| n.author.clone())
                    .unwrap_or_else(|| format!("hidden {i}"))
            })
            .collect()
    };
    let join_order: Vec<String> = (1..=8).map(|i| format!("P{i}")).collect();
    let mut first_is_p1 = 0;
    let mut orders = std::collections::HashSet::new();
    for seed in 0..16 {
        let order = numbers(&harvested(seed));
        assert_ne!(
            order[..5],
            join_order[..5],
            "seed {seed}: numbered in join order"
        );
        first_is_p1 += usize::from(order[0] == "P1");
        orders.insert(order);
    }
    assert!(
        first_is_p1 <= 6,
        "the first to join is P1 in {first_is_p1} of 16 cafés"
    );
    assert!(
        orders.len() >= 12,
        "the order is a café's own: {} orders in 16",
        orders.len()
    );
}

/// The café as the console and the wall see it, and its JSON export, for the browser's core
/// test. Run with `UPDATE_FIXTURES=1` to write it after a change to the café or its views.
#[test]
fn the_ranking_fixture_for_the_web_client_is_current() {
    let h = harvested(42);
    let fresh = serde_json::json!({
        "about": "Written by server/tests/export_data.rs; read by tests/browser/core.test.mjs.",
        "console": view::snapshot(&h.c.cafe, Viewer::Staff, &[]),
        "wall": view::snapshot(&h.c.cafe, Viewer::Wall, &[]),
        "export": cafe_export(&h.c.cafe, Authors::Shown, EXPORTED_AT),
    });
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(&fresh).expect("json") + "\n";
        std::fs::write(FIXTURE, text).expect("write the fixture");
        return;
    }
    let committed: serde_json::Value = std::fs::read_to_string(FIXTURE)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    assert!(
        committed == fresh,
        "{FIXTURE} is stale: run `UPDATE_FIXTURES=1 cargo test -p flamingo-server --test export_data`"
    );
}
