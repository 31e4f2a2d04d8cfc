// @ts-check
// The phone follows the café: on each change that matters to the person (round start and end,
// a table change, becoming host, the harvest, voting, the close) it says so in the status
// region in a plain sentence, keeps the table number in the sticky bar during a round, and
// brings the part that changed into view. It never takes focus from a field being typed in:
// then a "New table: 7 ↑" pill appears instead, which goes there when tapped.

/** @typedef {import('./seat.js').Seat} Seat */
/** @typedef {import('./seat.js').Where} Where */

import { byId, setText } from './dom.js';
import { tableColour } from './tables.js';
import { focusHeading } from './focus.js';

/**
 * @typedef {object} Moment what the person would notice, compared render to render
 * @property {string} state
 * @property {number} round
 * @property {number} table 0: none
 * @property {boolean} hosting
 * @property {string} voting
 */

/**
 * @typedef {object} News
 * @property {string} sentence said in the status region
 * @property {string} target the id of the section to bring into view ('' for none)
 * @property {string} heading the id of its heading, which takes focus on a view change
 * @property {boolean} view whether the view changed (focus moves to the heading)
 * @property {string} pill the pill's words when the person is typing
 */

/**
 * @param {Seat} seat
 * @param {(sentence: string) => void} say
 * @returns {{ render: (where: Where) => void }}
 */
export function phoneFollow(seat, say) {
  const m = seat.client.mirror;
  /** @type {Moment | null} */
  let before = null;
  const pill = byId('follow-pill', HTMLButtonElement);
  /** @type {News | null} what the pill leads to */
  let pending = null;
  pill.onclick = () => {
    if (pending) bringIntoView(pending, true);
    pending = null;
    pill.hidden = true;
  };

  /** @param {Where} where */
  function render(where) {
    const now = {
      state: m.phase.state,
      round: where.round,
      table: where.shown?.table ?? 0,
      hosting: where.hosting,
      voting: m.voting.state,
    };
    renderBar(where);
    // The first drawing is a new view (after Join, or a reload): focus goes to its heading,
    // unless the person already put it somewhere.
    if (!before && document.activeElement === document.body) focusHeading(byId('place-heading'));
    const news = before ? newsOf(before, now) : null;
    before = now;
    if (!news) return;
    say(news.sentence);
    if (!news.target) return;
    if (typing()) {
      pending = news;
      setText(pill, news.pill);
      pill.hidden = false;
    } else {
      bringIntoView(news, news.view || document.activeElement === document.body);
    }
  }

  /** The table number in the sticky bar, whenever the person has a table to be at. */
  function renderBar(/** @type {Where} */ where) {
    const bar = byId('bar-table');
    const table = where.shown?.table;
    bar.hidden = !table;
    if (!table) return;
    bar.style.setProperty('--table-colour', tableColour(table).colour);
    const live = m.phase.state === 'running' || m.phase.state === 'paused';
    setText(bar, live ? `Table ${table}` : `Next: table ${table}`);
  }

  /**
   * @param {News} news
   * @param {boolean} moveFocus
   */
  function bringIntoView(news, moveFocus) {
    const target = document.getElementById(news.target);
    if (!target || target.hidden) return;
    // An alert just above the table card ("Time is up…") comes into view with it.
    const alert = document.getElementById('alert');
    (news.target === 'place' && alert?.textContent ? alert : target).scrollIntoView({ block: 'start' });
    const heading = document.getElementById(news.heading);
    if (moveFocus && heading) focusHeading(heading);
  }

  return { render };
}

/** Whether the person is typing: focus in a field that holds text. */
function typing() {
  const el = document.activeElement;
  return (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) && el.value.length > 0;
}

/**
 * @param {number} table
 * @param {boolean} hosting
 * @param {boolean} later whether the person will host (between rounds) rather than hosts
 */
function goTo(table, hosting, later) {
  const { name } = tableColour(table);
  const host = hosting ? (later ? ' You will host it.' : ' You are the host.') : '';
  return `table ${table}, ${name}.${host}`;
}

/**
 * What changed for the person between two moments, in words, and where to look.
 * @param {Moment} a
 * @param {Moment} b
 * @returns {News | null}
 */
export function newsOf(a, b) {
  const place = { target: 'place', heading: 'place-heading', view: false };
  const live = (/** @type {string} */ s) => s === 'running' || s === 'paused';
  if (b.state === 'closed' && a.state !== 'closed') {
    return { sentence: 'This café is closed. Thank you! Tell us how it was in the form below.', target: 'feedback-box', heading: 'feedback-heading', view: true, pill: 'The café is closed ↓' };
  }
  if (b.state === 'harvest' && a.state !== 'harvest') {
    return { sentence: 'The rounds are over and the harvest has begun: look at the wall.', target: 'harvest-box', heading: 'harvest-heading', view: true, pill: 'The harvest has begun ↓' };
  }
  if (b.state === 'harvest' && a.voting !== b.voting) {
    const open = b.voting === 'open';
    return {
      sentence: open ? 'Voting is open: give your dots to what matters most.' : 'Voting is closed.',
      target: 'harvest-box',
      heading: 'harvest-heading',
      view: false,
      pill: open ? 'Voting is open ↓' : 'Voting is closed ↓',
    };
  }
  if (live(b.state) && (!live(a.state) || a.round !== b.round)) {
    const where = b.table ? `go to ${goTo(b.table, b.hosting, false)}` : 'your table will show in a moment.';
    return { ...place, sentence: `Round ${b.round} started: ${where}`, pill: b.table ? `Round ${b.round}: table ${b.table} ↑` : `Round ${b.round} started ↑` };
  }
  if (b.state === 'paused' && a.state === 'running') return { ...place, target: '', sentence: `Round ${b.round} is paused.`, pill: '' };
  if (b.state === 'running' && a.state === 'paused') return { ...place, target: '', sentence: `Round ${b.round} goes on.`, pill: '' };
  if (live(b.state) && b.table && a.table !== b.table) {
    return { ...place, sentence: `You were moved: go to ${goTo(b.table, b.hosting, false)}`, pill: `New table: ${b.table} ↑` };
  }
  if (live(b.state) && b.hosting && !a.hosting) {
    return { ...place, sentence: `You are now the host of table ${b.table}.`, pill: 'You are the host ↑' };
  }
  if (b.state === 'betweenRounds' && live(a.state)) {
    const next = b.table ? ` For round ${b.round + 1} go to ${goTo(b.table, b.hosting, true)}` : '';
    return { ...place, sentence: `Time is up: round ${b.round} is over.${next}`, pill: b.table ? `Next table: ${b.table} ↑` : 'Time is up ↑' };
  }
  if ((b.state === 'betweenRounds' || b.state === 'lobby') && b.table && (a.table !== b.table || a.hosting !== b.hosting)) {
    const round = b.state === 'lobby' ? 1 : b.round + 1;
    return { ...place, sentence: `For round ${round} go to ${goTo(b.table, b.hosting, true)}`, pill: `Next table: ${b.table} ↑` };
  }
  return null;
}
