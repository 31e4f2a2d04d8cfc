// @ts-check
// The wall in the harvest: themes ranked by dots (the dots on a theme plus the dots on its
// notes, as the heading says), each with its notes, live; the joint commitments. The notes in
// no theme stay on the board below, by table. Notes the wall does not hold (hidden ones) are
// skipped.

/** @typedef {import('./mirror.js').Mirror} Mirror */

import { byId, fill, h, setText } from './dom.js';
import { rankedThemes } from './ranking.js';
import { t } from './i18n.js';
import { formatDate } from './commitments-editor.js';

/** Notes shown under each theme; more are counted. */
const NOTES_PER_THEME = 5;

/**
 * @param {Mirror} m
 * @returns {{ render: () => void }}
 */
export function wallHarvest(m) {
  let drawn = '';

  function render() {
    const state = m.phase.state;
    const view = byId('harvest-view');
    view.hidden = state !== 'harvest' && state !== 'closed';
    setText(byId('notes-heading'), t(view.hidden ? 'wall-notes-by-table' : 'wall-not-in-theme'));
    byId('notes-heading').classList.toggle('visually-hidden', view.hidden || m.themes.length === 0);
    if (view.hidden) return;
    const ranked = rankedThemes(m).map((r) => ({ ...r, notes: r.notes.filter((n) => !n.hidden) }));
    const key = JSON.stringify([ranked.map((r) => [r.theme.themeId, r.theme.name, r.dots, r.notes.map((n) => [n.noteId, n.text])]), m.commitments, m.voting.state]);
    if (key === drawn) return;
    drawn = key;
    const voting = m.voting.state;
    setText(
      byId('themes-rule'),
      voting === 'notOpen' ? '' : t('wall-ranked', { voting }),
    );
    byId('themes-empty').hidden = ranked.length > 0;
    fill(
      byId('wall-themes'),
      ranked.map((r) =>
        h(
          'li',
          { class: 'wall-theme', 'data-theme-id': r.theme.themeId, 'data-dots': r.dots },
          h('h3', {}, h('span', { class: 'wall-theme-name' }, r.theme.name), voting === 'notOpen' ? null : h('span', { class: 'wall-dots' }, t('dots', { count: r.dots }))),
          h(
            'ul',
            { class: 'wall-theme-notes' },
            r.notes.slice(0, NOTES_PER_THEME).map((n) => h('li', { 'data-note-id': n.noteId }, n.text)),
            r.notes.length > NOTES_PER_THEME ? h('li', { class: 'more-notes' }, t('wall-more', { count: r.notes.length - NOTES_PER_THEME })) : null,
          ),
        ),
      ),
    );
    byId('wall-commitments-box').hidden = m.commitments.length === 0;
    fill(
      byId('wall-commitments'),
      m.commitments.map((c) => {
        const names = c.themeIds.map((id) => m.themes.find((theme) => theme.themeId === id)?.name).filter(Boolean);
        return h(
          'li',
          { class: 'wall-commitment', 'data-commitment-id': c.commitmentId },
          h('p', { class: 'commitment-text' }, c.text),
          h(
            'p',
            { class: 'commitment-meta' },
            [c.owner ? t('commitment-owner', { owner: c.owner }) : null, c.due ? t('commitment-due-on', { date: formatDate(c.due) }) : null, names.length ? t('commitment-themes', { themes: names.join(', ') }) : null]
              .filter(Boolean)
              .join(' · '),
          ),
        );
      }),
    );
  }

  return { render };
}
