// The client core without a browser: backoff, note ids, the mirror's rules for applying what
// the server sends (docs/protocol.md §9 and §12), and the harvest's one ranking.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs } from '../../web-client/js/connection.js';
import { Mirror } from '../../web-client/js/mirror.js';
import { newNoteId } from '../../web-client/js/outbox.js';
import { rankedThemes } from '../../web-client/js/ranking.js';
import { readFileSync } from 'node:fs';
import { boardLayout } from '../../web-client/js/wall-layout.js';

test('backoff doubles from half a second to thirty, with jitter', () => {
  for (let i = 0; i < 50; i++) {
    const first = backoffMs(0);
    assert.ok(first >= 250 && first <= 500, `first retry ${first}`);
    const late = backoffMs(20);
    assert.ok(late >= 15_000 && late <= 30_000, `late retry ${late}`);
  }
  const spread = new Set(Array.from({ length: 20 }, () => Math.round(backoffMs(5))));
  assert.ok(spread.size > 10, 'phones that dropped together do not retry together');
});

test('note ids are random v4 UUIDs without crypto.randomUUID', () => {
  const ids = new Set(Array.from({ length: 1000 }, newNoteId));
  assert.equal(ids.size, 1000);
  for (const id of [...ids].slice(0, 50)) {
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
});

const ANA = '7d1e9a40-3b2c-4f5e-8a6d-0c1b2a3f4e5d';
const BEN = 'a2c4e6f8-1b3d-4f6a-8c0e-2d4f6a8c0e1b';

/** @returns {import('../../web-client/src/protocol').CafeView} */
function cafe() {
  return {
    cafeId: 'c',
    title: 'T',
    joinCode: 'K7QM3P',
    tableSize: 4,
    rounds: [
      { question: 'one', minutes: 20 },
      { question: 'two', minutes: 20 },
    ],
    phase: { state: 'lobby' },
    participants: [
      { participantId: ANA, name: 'Ana', present: true },
      { participantId: BEN, name: 'Ben', present: true },
    ],
    connected: [],
    seating: [],
    notes: [],
    themes: [],
    voting: { state: 'notOpen', dots: 3, totals: [], mine: [] },
    commitments: [],
    feedback: { questions: [], responses: 0 },
    coFacilitator: false,
  };
}

/** @param {string} id */
function note(id) {
  return { noteId: id, round: 1, table: 1, authorId: ANA, authorName: 'Ana', text: id, postedAt: 1 };
}

test('the cursor rule: frames after the cursor apply, inside an event group by part', () => {
  const m = new Mirror();
  m.snapshot('e1', 5, cafe());
  assert.equal(m.event(5, 0, 0, { type: 'notePosted', note: note('a') }), false, 'already in the snapshot');
  assert.equal(m.event(4, 0, 0, { type: 'notePosted', note: note('b') }), false, 'older');
  assert.equal(m.event(6, 0, 0, { type: 'tableChanged', round: 1, planned: true, table: { table: 1, host: ANA, members: [ANA] }, people: [] }), true);
  assert.deepEqual(m.cursor, { epoch: 'e1', seq: 6, part: 0 }, 'the cursor names the frame inside the group');
  assert.equal(m.event(6, 1, 0, { type: 'notePosted', note: note('c') }), true, 'the second frame of the same event');
  assert.equal(m.event(6, 1, 0, { type: 'notePosted', note: note('x') }), false, 'the same frame again');
  m.synced(6);
  assert.deepEqual(m.cursor, { epoch: 'e1', seq: 6 }, 'synced: all of seq 6 is in the state');
  assert.equal(m.event(6, 2, 0, { type: 'notePosted', note: note('d') }), false, 'after synced');
  assert.deepEqual([...m.notes.keys()], ['c']);
  m.welcome('e2');
  assert.equal(m.cursor, undefined, 'another epoch: old seqs mean nothing');
});

test('seating updates: a plan starts, people leave, hosts change, empty tables go', () => {
  const m = new Mirror();
  m.snapshot('e', 1, cafe());
  m.event(2, 0, 0, { type: 'seatingPlanned', round: 1, tables: [{ table: 1, host: ANA, members: [ANA, BEN] }] });
  assert.equal(m.plan()?.round, 1);
  m.event(3, 0, 0, { type: 'roundStarted', round: 1, endsAt: 100 });
  assert.equal(m.plan(), undefined);
  assert.equal(m.round(), 1);
  m.event(4, 0, 0, { type: 'participantSeated', round: 1, participantId: BEN, table: 2, fromTable: 1 });
  assert.equal(m.tableOf(1, BEN)?.host, null);
  m.event(5, 0, 0, { type: 'hostChanged', round: 1, table: 2, participantId: BEN });
  assert.equal(m.tableOf(1, BEN)?.host, BEN);
  m.event(6, 0, 0, { type: 'participantLeft', participantId: ANA, removed: false });
  assert.equal(m.participants.get(ANA)?.present, false);
  assert.deepEqual(m.seating.get(1)?.tables.map((t) => t.table), [2], 'the emptied table is gone');
  m.event(7, 0, 0, { type: 'roundEnded', round: 1, byTimer: true });
  assert.deepEqual(m.phase, { state: 'betweenRounds', lastRound: 1 });
});

test('notes: posted, edited, hidden from the wall and back, deleted', () => {
  const m = new Mirror();
  m.snapshot('e', 1, cafe());
  m.event(2, 0, 0, { type: 'notePosted', note: note('n') });
  m.event(3, 0, 0, { type: 'noteEdited', noteId: 'n', text: 'better', editedAt: 9 });
  assert.equal(m.notes.get('n')?.text, 'better');
  m.event(4, 0, 0, { type: 'noteHidden', noteId: 'n', hidden: true });
  assert.equal(m.notes.get('n')?.hidden, true);
  m.event(5, 0, 0, { type: 'noteHidden', noteId: 'n', hidden: false });
  assert.equal('hidden' in (m.notes.get('n') ?? {}), false);
  m.event(6, 0, 0, { type: 'broadcast', text: 'coffee' });
  assert.deepEqual(m.lastBroadcast, { text: 'coffee', at: 0 });
  m.event(7, 0, 0, { type: 'noteDeleted', noteId: 'n' });
  assert.equal(m.notes.size, 0);
});

test('harvest: a note in one theme at most, dots follow deletions, closing closes voting', () => {
  const T1 = '11111111-1111-4111-8111-111111111111';
  const T2 = '22222222-2222-4222-8222-222222222222';
  const C1 = '33333333-3333-4333-8333-333333333333';
  const m = new Mirror();
  // A snapshot from a server before the harvest has none of its fields.
  const old = /** @type {any} */ (cafe());
  for (const k of ['themes', 'voting', 'commitments', 'feedback', 'coFacilitator']) delete old[k];
  m.snapshot('e', 1, old);
  assert.deepEqual(m.themes, []);
  assert.equal(m.voting.state, 'notOpen');
  m.snapshot('e', 1, cafe());
  m.event(2, 0, 0, { type: 'notePosted', note: note('a') });
  m.event(3, 0, 0, { type: 'notePosted', note: note('b') });
  m.event(4, 0, 0, { type: 'harvestOpened' });
  m.event(5, 0, 0, { type: 'themeCreated', theme: { themeId: T1, name: 'One', noteIds: ['a', 'b'] } });
  m.event(6, 0, 0, { type: 'themeCreated', theme: { themeId: T2, name: 'Two', noteIds: ['b'] } });
  assert.deepEqual(m.themes.map((t) => t.noteIds), [['a'], ['b']], 'the new theme takes b from the first');
  m.event(7, 0, 0, { type: 'noteThemed', noteId: 'a', themeId: T2 });
  assert.deepEqual(m.themes.map((t) => t.noteIds), [[], ['b', 'a']]);
  m.event(8, 0, 0, { type: 'noteThemed', noteId: 'b', themeId: null });
  assert.equal(m.themeOf('b'), undefined);
  m.event(9, 0, 0, { type: 'themeRenamed', themeId: T1, name: 'Uno' });
  assert.equal(m.themes[0].name, 'Uno');

  m.event(10, 0, 0, { type: 'votingChanged', state: 'open', dots: 2 });
  m.event(11, 0, 0, { type: 'voteTotal', target: { kind: 'theme', themeId: T1 }, dots: 3 });
  m.event(11, 1, 0, { type: 'yourVotes', target: { kind: 'theme', themeId: T1 }, dots: 1 });
  m.event(12, 0, 0, { type: 'voteTotal', target: { kind: 'note', noteId: 'a' }, dots: 2 });
  m.event(12, 1, 0, { type: 'yourVotes', target: { kind: 'note', noteId: 'a' }, dots: 1 });
  assert.equal(m.dotsOn({ kind: 'theme', themeId: T1 }), 3);
  assert.equal(m.dotsSpent(), 2);
  m.event(13, 0, 0, { type: 'yourVotes', target: { kind: 'note', noteId: 'a' }, dots: 0 });
  assert.equal(m.dotsSpent(), 1, 'zero takes the dot back');
  m.event(14, 0, 0, { type: 'commitmentSaved', commitment: { commitmentId: C1, text: 'Do it', themeIds: [T1, T2] } });
  m.event(15, 0, 0, { type: 'commitmentSaved', commitment: { commitmentId: C1, text: 'Do it now', themeIds: [T1, T2] } });
  assert.equal(m.commitments.length, 1);
  assert.equal(m.commitments[0].text, 'Do it now');
  m.event(16, 0, 0, { type: 'themeDeleted', themeId: T1 });
  assert.equal(m.dotsOn({ kind: 'theme', themeId: T1 }), 0, 'the dots on a deleted theme are gone');
  assert.equal(m.dotsSpent(), 0);
  assert.deepEqual(m.commitments[0].themeIds, [T2]);
  m.event(17, 0, 0, { type: 'noteDeleted', noteId: 'a' });
  assert.equal(m.dotsOn({ kind: 'note', noteId: 'a' }), 0, 'the dots on a deleted note are gone');
  assert.deepEqual(m.themes[0].noteIds, []);
  m.event(18, 0, 0, { type: 'feedbackQuestionsChanged', questions: [{ kind: 'rating', prompt: 'Useful?' }] });
  m.event(19, 0, 0, { type: 'cafeClosed' });
  assert.equal(m.voting.state, 'closed', 'closing the café closes voting');
  m.event(20, 0, 0, { type: 'feedbackReceived', responses: 1 });
  m.event(20, 1, 0, { type: 'yourFeedback', answers: [{ rating: 4 }] });
  assert.equal(m.feedback.responses, 1);
  assert.deepEqual(m.feedback.mine, [{ rating: 4 }]);
  m.event(21, 0, 0, { type: 'coFacilitatorChanged', active: true });
  assert.equal(m.coFacilitator, true);
  m.event(22, 0, 0, { type: 'commitmentDeleted', commitmentId: C1 });
  assert.equal(m.commitments.length, 0);
});

test('ranking.js ranks the console and the wall as the JSON export does', () => {
  // One café with dots on themes and on notes (one of them hidden) and a tie, written by
  // server/tests/export_data.rs from the engine's own snapshots and export.
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/ranking-cafe.json', import.meta.url), 'utf8'));
  /** @type {import('../../web-client/src/protocol').CafeExport} */
  const exported = fixture.export;
  const expected = exported.themes.map((t) => [t.name, t.score]);
  assert.deepEqual(expected, [['Trust', 7], ['Money', 5], ['Time', 2], ['Empty', 2]], 'the fixture is the café the test means');
  for (const viewer of ['console', 'wall']) {
    const m = new Mirror();
    m.snapshot('e', 1, fixture[viewer]);
    assert.deepEqual(rankedThemes(m).map((r) => [r.theme.name, r.dots]), expected, viewer);
  }
});

test('the wall layout: balanced rows, the most lines that fit, paging past what fits', () => {
  // A 1920x1080 wall's board: 1880 x 800 px with 20.5 px note text.
  const hd = { width: 1880, height: 800, em: 20.5 };
  assert.deepEqual(boardLayout({ ...hd, count: 3 }), { cols: 3, rows: 1, lines: 4, perPage: 3 });
  // Seven tables: two balanced rows (4 + 3), not 6 + 1.
  assert.equal(boardLayout({ ...hd, count: 7 }).cols, 4);
  // A 100-person café: 25 tables, all on one page.
  const full = boardLayout({ ...hd, count: 25 });
  assert.equal(full.perPage, 25);
  assert.ok(full.cols * full.rows >= 25 && full.lines >= 2, JSON.stringify(full));
  // Far more than fits: pages of even size, each fitting.
  const many = boardLayout({ ...hd, count: 80 });
  assert.ok(many.perPage === 27 && many.perPage <= many.cols * many.rows, JSON.stringify(many));
  // Just past what fits: two halves with room for longer notes, not 30 and 4.
  const over = boardLayout({ ...hd, count: 34 });
  assert.equal(over.perPage, 17);
  assert.ok(over.lines > 2, JSON.stringify(over));
  // The same room at 1280x720 scales with the text: the same grid.
  const small = boardLayout({ width: 1240, height: 533, em: 13.7, count: 25 });
  assert.deepEqual([small.cols, small.rows, small.perPage], [full.cols, full.rows, full.perPage]);
});
