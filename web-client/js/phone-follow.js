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
import { t } from './i18n.js';

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
    setText(bar, t(live ? 'bar-table' : 'bar-next-table', { table }));
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
  const host = hosting ? ` ${t(later ? 'news-will-host' : 'news-hosting')}` : '';
  return `${t('news-table', { table, colour: tableColour(table).name })}${host}`;
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
    return { sentence: t('news-closed'), target: 'feedback-box', heading: 'feedback-heading', view: true, pill: t('pill-closed') };
  }
  if (b.state === 'harvest' && a.state !== 'harvest') {
    return { sentence: t('news-harvest'), target: 'harvest-box', heading: 'harvest-heading', view: true, pill: t('pill-harvest') };
  }
  if (b.state === 'harvest' && a.voting !== b.voting) {
    const open = b.voting === 'open';
    return {
      sentence: t(open ? 'news-voting-open' : 'news-voting-closed'),
      target: 'harvest-box',
      heading: 'harvest-heading',
      view: false,
      pill: t(open ? 'pill-voting-open' : 'pill-voting-closed'),
    };
  }
  if (live(b.state) && (!live(a.state) || a.round !== b.round)) {
    const where = b.table ? t('news-go-to', { where: goTo(b.table, b.hosting, false) }) : t('news-table-soon');
    return { ...place, sentence: t('news-round-started', { round: b.round, where }), pill: b.table ? t('pill-round-table', { round: b.round, table: b.table }) : t('pill-round-started', { round: b.round }) };
  }
  if (b.state === 'paused' && a.state === 'running') return { ...place, target: '', sentence: t('news-paused', { round: b.round }), pill: '' };
  if (b.state === 'running' && a.state === 'paused') return { ...place, target: '', sentence: t('news-resumed', { round: b.round }), pill: '' };
  if (live(b.state) && b.table && a.table !== b.table) {
    return { ...place, sentence: t('news-moved', { where: goTo(b.table, b.hosting, false) }), pill: t('pill-new-table', { table: b.table }) };
  }
  if (live(b.state) && b.hosting && !a.hosting) {
    return { ...place, sentence: t('news-now-host', { table: b.table }), pill: t('pill-host') };
  }
  if (b.state === 'betweenRounds' && live(a.state)) {
    const next = b.table ? ` ${t('news-next-round', { round: b.round + 1, where: goTo(b.table, b.hosting, true) })}` : '';
    return { ...place, sentence: `${t('alert-time-up', { round: b.round })}${next}`, pill: b.table ? t('pill-next-table', { table: b.table }) : t('pill-time-up') };
  }
  if ((b.state === 'betweenRounds' || b.state === 'lobby') && b.table && (a.table !== b.table || a.hosting !== b.hosting)) {
    const round = b.state === 'lobby' ? 1 : b.round + 1;
    return { ...place, sentence: t('news-next-round', { round, where: goTo(b.table, b.hosting, true) }), pill: t('pill-next-table', { table: b.table }) };
  }
  return null;
}
