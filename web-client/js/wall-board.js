// @ts-check
// The wall's board: one card per table (in the harvest, per round and table) with its newest
// notes and how many it has, laid out by the rule in wall-layout.js so that every card is on
// screen, or, past what fits, paged by the wall itself with a "Tables 1–12 of 25" marker.
// Notes arriving in bursts cost one redraw of the cards on screen per animation frame, and a
// card keeps only its newest few notes in the page.

/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {import('./mirror.js').Mirror} Mirror */

import { byId, fill, h, setText } from './dom.js';
import { tableColour } from './tables.js';
import { boardLayout, cardHeightEm } from './wall-layout.js';
import { t } from './i18n.js';

/** Notes kept in the page per card; a card shows as many of them as its height holds. */
const SHOWN_PER_CARD = 6;
/** How long a page of cards stays before the next, when not all fit. */
const PAGE_MS = 15_000;

/**
 * @typedef {object} Group
 * @property {string} key
 * @property {number} table
 * @property {number} round
 * @property {NoteView[]} notes newest first
 */

/**
 * @param {Mirror} mirror
 * @param {() => void} ask asks for a render
 * @returns {{ show: (round: number, rebuild: boolean, arrived: NoteView[]) => void, cards: () => number }}
 */
export function wallBoard(mirror, ask) {
  const board = byId('board');
  const marker = byId('board-pages');
  /** @type {Map<string, Group>} */
  let groups = new Map();
  /** The round on the board; 0: every round, grouped by round and table (the harvest). */
  let boardRound = -1;
  let page = 0;
  /** @type {Set<string>} notes drawn as new since the last redraw, to animate once */
  let fresh = new Set();
  let drawnKey = '';
  setInterval(() => {
    page += 1;
    drawnKey = '';
    ask();
  }, PAGE_MS);
  window.addEventListener('resize', () => {
    drawnKey = '';
    ask();
  });

  /** @param {NoteView} n */
  function onBoard(n) {
    if (n.hidden) return false;
    if (boardRound === 0) return !mirror.themeOf(n.noteId);
    return n.round === boardRound;
  }

  /** @param {NoteView} n */
  function keyOf(n) {
    return boardRound === 0 ? `r${n.round}t${n.table}` : `t${n.table}`;
  }

  /** @param {NoteView} n */
  function add(n) {
    const key = keyOf(n);
    let g = groups.get(key);
    if (!g) {
      g = { key, table: n.table, round: n.round, notes: [] };
      groups.set(key, g);
    }
    g.notes.unshift(n);
  }

  function rebuildGroups() {
    groups = new Map();
    const notes = [...mirror.notes.values()].filter(onBoard).sort((a, b) => a.postedAt - b.postedAt);
    for (const n of notes) add(n);
  }

  /**
   * @param {number} round the round to show; 0 for the harvest's notes in no theme
   * @param {boolean} rebuild whether notes changed in a way that needs a regroup
   * @param {NoteView[]} arrived notes posted since the last call, newest last
   */
  function show(round, rebuild, arrived) {
    if (round !== boardRound) {
      boardRound = round;
      rebuild = true;
      page = 0;
    }
    if (rebuild) {
      rebuildGroups();
      fresh = new Set();
    } else {
      for (const n of arrived) {
        if (!onBoard(n)) continue;
        add(n);
        fresh.add(n.noteId);
      }
    }
    draw(rebuild || arrived.length > 0);
  }

  /** @param {boolean} changed */
  function draw(changed) {
    const ordered = [...groups.values()].sort((a, b) => a.round - b.round || a.table - b.table);
    const top = board.getBoundingClientRect().top + window.scrollY;
    const em = parseFloat(getComputedStyle(board).fontSize) || 16;
    // The board runs to the bottom of the screen, less the marker's line and a margin.
    // Under the harvest's themes there may be little room left: one row at least, then pages.
    const height = Math.max(cardHeightEm(2) * em, window.innerHeight - top - 2.2 * em);
    const layout = boardLayout({ width: board.clientWidth, height, em, count: ordered.length });
    const pages = Math.max(1, Math.ceil(ordered.length / layout.perPage));
    page %= pages;
    const shown = ordered.slice(page * layout.perPage, (page + 1) * layout.perPage);
    const key = JSON.stringify([layout, page, shown.length]);
    if (!changed && key === drawnKey) return;
    drawnKey = key;
    // For the tests and for anyone checking a room's fit in the browser's inspector.
    board.dataset.layout = `${layout.cols}x${layout.rows}, ${layout.lines} lines, ${layout.perPage} a page`;
    board.style.setProperty('--cols', String(layout.cols));
    board.style.setProperty('--rows', String(Math.min(layout.rows, Math.ceil(shown.length / layout.cols)) || 1));
    board.style.setProperty('--lines', String(layout.lines));
    board.style.height = ordered.length ? `${Math.floor(height)}px` : '';
    fill(board, shown.map(card));
    fresh = new Set();
    marker.hidden = pages === 1;
    const first = page * layout.perPage + 1;
    setText(marker, pages === 1 ? '' : t('wall-pages', { first, last: first + shown.length - 1, tables: ordered.length, page: page + 1, pages }));
  }

  /** @param {Group} g */
  function card(g) {
    const count = g.notes.length;
    const notes = t('vote-theme-notes', { count });
    // In the harvest a card is one table in one round: the round goes with the count, so that
    // the table's name stays whole on a narrow card.
    const col = h(
      'section',
      {
        class: 'table-col',
        'data-table': g.table,
        'data-round': g.round,
        'data-count': count,
        'aria-label': boardRound === 0 ? t('wall-table-in-round', { table: g.table, round: g.round }) : t('card-table', { table: g.table }),
      },
      h('h3', {}, h('span', { class: 'table-name' }, t('card-table', { table: g.table })), h('span', { class: 'more' }, boardRound === 0 ? t('wall-round-notes', { round: g.round, notes }) : notes)),
      h(
        'ul',
        { class: 'table-notes' },
        g.notes.slice(0, SHOWN_PER_CARD).map((n) =>
          h(
            'li',
            { class: fresh.has(n.noteId) ? 'enter' : null, 'data-note-id': n.noteId },
            h('span', { class: 'note-text' }, n.text),
            h('span', { class: 'by' }, n.authorName),
          ),
        ),
      ),
    );
    col.style.setProperty('--table-colour', tableColour(g.table).colour);
    return col;
  }

  return { show, cards: () => groups.size };
}
