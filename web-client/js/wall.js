// @ts-check
// The wall on the projector: the question, the clock, the join code and QR code while people
// arrive, and the notes by table, newest first. Notes arriving in bursts are added once per
// animation frame, and each table keeps only its newest few in the page, so hundreds of notes
// cost little.

/** @typedef {import('../src/protocol').NoteView} NoteView */

import { CafeClient } from './connection.js';
import { byId, fill, h, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { joinUrl, qrSrc } from './joinlink.js';
import { showStatus } from './status.js';
import { tableColour } from './tables.js';
import { wallHarvest } from './wall-harvest.js';

/** Notes kept on screen per table; older ones are counted, not drawn. */
const SHOWN_PER_TABLE = 6;

const match = location.pathname.match(/^\/wall\/([^/]+)/);
const code = match ? decodeURIComponent(match[1]).toUpperCase() : '';

/** @type {Map<number, { col: HTMLElement, list: HTMLElement, more: HTMLElement, count: number }>} */
const columns = new Map();
/** @type {NoteView[]} notes that arrived since the last frame */
let arrived = [];
let rebuild = true;
let frameAsked = false;
/** The round whose notes are on the board; 0 means every round (harvest, closed). */
let boardRound = -1;
/** The newest `postedAt` on the board. */
let latest = 0;

const client = new CafeClient({
  auth: () => ({ as: 'wall', joinCode: code }),
  onStatus: (status) => showStatus(byId('status'), status),
  onChange: (change) => {
    if (change.kind === 'update') {
      const u = change.update;
      // A note put back on the wall is older than what is shown: redraw to keep the order.
      if (u.type === 'notePosted' && !rebuild && u.note.postedAt >= latest) arrived.push(u.note);
      else if (u.type === 'notePosted') rebuild = true;
      else if (u.type === 'noteEdited' || u.type === 'noteDeleted' || u.type === 'noteHidden') rebuild = true;
      // The board under the themes holds the notes in no theme.
      else if (u.type === 'noteThemed' || u.type.startsWith('theme')) rebuild = true;
    } else if (change.kind === 'snapshot') {
      rebuild = true;
    }
    ask();
  },
  onRefused: (_code, message) => {
    setText(byId('question'), `This wall cannot show the café: ${message}`);
  },
});

const harvest = wallHarvest(client.mirror);

function ask() {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(() => {
    frameAsked = false;
    render();
  });
}

function render() {
  const mirror = client.mirror;
  if (!mirror.loaded) return;
  const phase = mirror.phase;
  const round = mirror.round();
  const total = mirror.rounds.length;
  setText(byId('title'), mirror.title);
  document.title = `${mirror.title}: wall`;

  // People arrive before the first round and in the breaks; after the last round nobody does.
  const joining = phase.state === 'lobby' || (phase.state === 'betweenRounds' && round < total);
  const panel = byId('join-panel');
  panel.hidden = !joining;
  if (joining) {
    const img = byId('join-qr', HTMLImageElement);
    const src = qrSrc(mirror.joinCode);
    if (img.getAttribute('src') !== src) img.src = src;
    setText(byId('join-code'), mirror.joinCode);
    setText(byId('join-url'), joinUrl(mirror.joinCode));
    const here = [...mirror.participants.values()].filter((p) => p.present).length;
    setText(byId('join-count'), `${here} ${here === 1 ? 'person is' : 'people are'} here`);
  }
  const corner = byId('corner-code');
  corner.hidden = phase.state !== 'running' && phase.state !== 'paused';
  setText(corner, `Join: ${joinUrl(mirror.joinCode)}`);

  /** @type {string} */
  let label;
  /** @type {number} */
  let questionRound;
  switch (phase.state) {
    case 'lobby':
      label = `Round 1 of ${total} starts soon`;
      questionRound = 1;
      break;
    case 'running':
      label = `Round ${round} of ${total}`;
      questionRound = round;
      break;
    case 'paused':
      label = `Round ${round} of ${total} · paused`;
      questionRound = round;
      break;
    case 'betweenRounds':
      label = round < total ? `Round ${round} is over · next: round ${round + 1}` : 'The last round is over';
      questionRound = round < total ? round + 1 : round;
      break;
    case 'harvest':
      label = 'Harvest: what emerged';
      questionRound = 0;
      break;
    default:
      label = 'This café is closed';
      questionRound = 0;
  }
  setText(byId('round-label'), label);
  setText(byId('question'), questionRound ? (mirror.rounds[questionRound - 1]?.question ?? '') : mirror.title);
  renderClock();

  const b = mirror.lastBroadcast;
  byId('broadcast').hidden = !b;
  setText(byId('broadcast'), b ? b.text : '');

  // The board shows the round being played (or just played); the harvest shows them all.
  const wanted = phase.state === 'harvest' || phase.state === 'closed' ? 0 : round;
  if (wanted !== boardRound) {
    boardRound = wanted;
    rebuild = true;
  }
  if (rebuild) rebuildBoard();
  else addArrived();
  byId('board-empty').hidden = columns.size > 0 || boardRound === 0;
  // In the harvest the board holds the notes in no theme; with none, it says nothing.
  byId('notes-heading').hidden = boardRound === 0 && columns.size === 0;
  harvest.render();
}

/** @param {NoteView} n */
function onBoard(n) {
  if (n.hidden) return false;
  if (boardRound === 0) return !client.mirror.themeOf(n.noteId);
  return n.round === boardRound;
}

function rebuildBoard() {
  rebuild = false;
  arrived = [];
  columns.clear();
  const board = byId('board');
  /** @type {Map<number, NoteView[]>} */
  const byTable = new Map();
  for (const n of client.mirror.notes.values()) {
    latest = Math.max(latest, n.postedAt);
    if (!onBoard(n)) continue;
    const list = byTable.get(n.table) ?? [];
    list.push(n);
    byTable.set(n.table, list);
  }
  const tables = [...byTable.keys()].sort((a, b) => a - b);
  fill(
    board,
    tables.map((t) => {
      const notes = /** @type {NoteView[]} */ (byTable.get(t)).sort((a, b) => b.postedAt - a.postedAt);
      const column = makeColumn(t);
      column.count = notes.length;
      fill(column.list, notes.slice(0, SHOWN_PER_TABLE).map((n) => noteItem(n, false)));
      showMore(column);
      return column.col;
    }),
  );
}

function addArrived() {
  const batch = arrived.filter(onBoard);
  arrived = [];
  if (batch.length === 0) return;
  for (const n of batch) {
    latest = Math.max(latest, n.postedAt);
    let column = columns.get(n.table);
    if (!column) {
      column = makeColumn(n.table);
      insertColumn(column.col, n.table);
    }
    column.count += 1;
    column.list.prepend(noteItem(n, true));
    while (column.list.children.length > SHOWN_PER_TABLE) column.list.lastElementChild?.remove();
    showMore(column);
  }
}

/** @param {number} table */
function makeColumn(table) {
  const more = h('span', { class: 'more' });
  const list = h('ul', { class: 'table-notes' });
  const col = h('section', { class: 'table-col', 'data-table': table, 'aria-label': `Table ${table}` }, h('h3', {}, `Table ${table}`, more), list);
  col.style.setProperty('--table-colour', tableColour(table).colour);
  const column = { col, list, more, count: 0 };
  columns.set(table, column);
  return column;
}

/**
 * @param {HTMLElement} col
 * @param {number} table
 */
function insertColumn(col, table) {
  const board = byId('board');
  const after = [...board.children].find((c) => Number(/** @type {HTMLElement} */ (c).dataset.table) > table);
  board.insertBefore(col, after ?? null);
}

/** @param {{ col: HTMLElement, more: HTMLElement, count: number }} column */
function showMore(column) {
  column.col.dataset.count = String(column.count);
  const hidden = column.count - SHOWN_PER_TABLE;
  setText(column.more, hidden > 0 ? `+${hidden} earlier` : `${column.count} note${column.count === 1 ? '' : 's'}`);
}

/**
 * @param {NoteView} n
 * @param {boolean} fresh
 */
function noteItem(n, fresh) {
  const round = boardRound === 0 ? ` · round ${n.round}` : '';
  return h('li', { class: fresh ? 'enter' : null, 'data-note-id': n.noteId }, n.text, h('span', { class: 'by' }, `${n.authorName}${round}`));
}

function renderClock() {
  const left = remainingMs(client.mirror.phase, client.offsetMs);
  setText(byId('timer'), left === null ? '' : formatClock(left));
  setText(byId('timer-state'), client.mirror.phase.state === 'paused' ? 'paused' : left === null ? '' : left === 0 ? 'time is up' : 'left');
}

byId('fullscreen').addEventListener('click', () => {
  document.documentElement.requestFullscreen?.().catch(() => {});
});

setInterval(() => {
  if (client.mirror.loaded) renderClock();
}, 500);

if (code) client.start();
else setText(byId('question'), 'Open this wall from the facilitator console.');
