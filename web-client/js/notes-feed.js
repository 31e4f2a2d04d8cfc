// @ts-check
// The console's live feed of notes, newest first, each with "Hide from the wall" / "Show on
// the wall". Redrawn only when a note came, went or changed: a busy café writes many. It can
// be paused, so that reading (or a screen reader) is not overtaken; it then counts what came.

/** @typedef {import('./connection.js').Change} Change */
/** @typedef {import('./desk.js').Desk} Desk */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { tableColour } from './tables.js';
import { onLanguageChange, t } from './i18n.js';

const FEED_SHOWN = 200;

/**
 * @param {Desk} desk
 * @returns {{ notice: (change: Change) => void, render: () => void }}
 */
export function notesFeed(desk) {
  const c = desk.client;
  /** Counts changes to the notes, so the feed is redrawn only when they changed. */
  let version = 0;
  let drawn = -1;
  onLanguageChange(() => (version += 1));
  let paused = false;
  /** How many notes the feed showed when it was paused. */
  let pausedAt = 0;
  const pause = byId('feed-pause', HTMLButtonElement);
  pause.onclick = () => {
    paused = !paused;
    pausedAt = c.mirror.notes.size;
    if (!paused) drawn = -1;
    desk.schedule();
  };

  /** @param {Change} change */
  function notice(change) {
    if (change.kind === 'snapshot' || (change.kind === 'update' && change.update.type.startsWith('note'))) version += 1;
  }

  function render() {
    const notes = [...c.mirror.notes.values()];
    setText(byId('feed-heading'), t('c-feed-count', { count: notes.length }));
    pause.setAttribute('aria-pressed', String(paused));
    const waiting = Math.max(0, notes.length - pausedAt);
    setText(pause, paused ? (waiting ? t('c-feed-show-new', { count: waiting }) : t('c-feed-resume')) : t('c-feed-pause'));
    if (paused || version === drawn) return;
    drawn = version;
    const shown = notes.slice(-FEED_SHOWN).reverse();
    keepFocus(byId('feed'), () =>
      fill(
        byId('feed'),
        shown.length === 0 ? h('li', { class: 'hint' }, t('c-feed-empty')) : null,
        shown.map((n) =>
          h(
            'li',
            { class: `feed-note${n.hidden ? ' hidden-note' : ''}`, 'data-note-id': n.noteId },
            h(
              'p',
              { class: 'feed-meta' },
              h('span', { class: 'table-tag' }, t('card-table', { table: n.table })),
              ` ${t('c-feed-meta', { round: n.round, name: n.authorName })}`,
              n.hidden ? h('span', { class: 'off-wall' }, t('c-off-wall')) : null,
            ),
            h('p', { class: 'feed-text' }, n.text),
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                'data-key': `hide-${n.noteId}`,
                onclick: () =>
                  desk.send(
                    { type: 'hideNote', noteId: n.noteId, hidden: !n.hidden },
                    t(n.hidden ? 'c-note-back-on-wall' : 'c-note-off-wall'),
                    byId('round-feedback'),
                  ),
              },
              t(n.hidden ? 'c-show-on-wall' : 'c-hide-from-wall'),
            ),
          ),
        ),
      ),
    );
    const tags = byId('feed').querySelectorAll('.table-tag');
    shown.forEach((n, i) => /** @type {HTMLElement} */ (tags[i]).style.setProperty('--table-colour', tableColour(n.table).colour));
  }

  return { notice, render };
}
