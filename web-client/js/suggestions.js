// @ts-check
// "Suggest themes" on the console: asks the server for groupings of the notes not yet in a
// theme, shows each with its notes, and turns an accepted one into a theme (one createTheme).
// A server without the suggestions route answers 404: then suggestions are simply unavailable.

/** @typedef {import('../src/protocol').SuggestedTheme} SuggestedTheme */
/** @typedef {import('./harvest-board.js').Staff} Staff */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { fetchSuggestions } from './harvest-api.js';
import { clip } from './harvest-board.js';
import { newNoteId } from './outbox.js';
import { t } from './i18n.js';

/**
 * @param {Staff} staff
 * @returns {{ render: () => void }}
 */
export function suggestionsPanel(staff) {
  const m = staff.client.mirror;
  /** @type {SuggestedTheme[]} */
  let shown = [];
  let loading = false;
  let message = '';
  let dirty = true;

  const button = byId('suggest', HTMLButtonElement);
  button.onclick = async () => {
    if (loading || !m.loaded) return;
    loading = true;
    message = t('c-suggest-looking');
    shown = [];
    dirty = true;
    staff.schedule();
    const answer = await fetchSuggestions(m.joinCode, staff.key);
    loading = false;
    if (!answer.ok) {
      message = answer.message;
    } else if (answer.suggestions.notesConsidered === 0) {
      message = t('c-suggest-nothing');
    } else if (answer.suggestions.suggestions.length === 0) {
      message = t('c-suggest-none', { count: answer.suggestions.notesConsidered });
    } else {
      shown = answer.suggestions.suggestions;
      message = t('c-suggest-found', { count: shown.length, notes: answer.suggestions.notesConsidered });
    }
    dirty = true;
    staff.schedule();
  };

  /** @param {number} i */
  async function accept(i) {
    const s = shown[i];
    if (!s) return;
    // Only notes that are still here and still in no theme: accepting never pulls a note out of
    // a theme made since the suggestion.
    const noteIds = s.noteIds.filter((id) => m.notes.has(id) && !m.themeOf(id));
    if (await staff.send({ type: 'createTheme', themeId: newNoteId(), name: s.name, noteIds }, t('c-suggest-accepted', { name: s.name, count: noteIds.length }))) {
      shown = shown.filter((x) => x !== s);
    }
    dirty = true;
    staff.schedule();
  }

  /** @param {number} i */
  function dismiss(i) {
    shown = shown.filter((_, j) => j !== i);
    dirty = true;
    staff.schedule();
  }

  function render() {
    const can = m.phase.state === 'harvest';
    button.hidden = !can;
    button.disabled = loading;
    byId('suggest-progress').hidden = !loading;
    byId('suggestions').setAttribute('aria-busy', String(loading));
    if (!can) {
      shown = [];
      message = '';
    }
    setText(byId('suggest-state'), message);
    if (!dirty) return;
    dirty = false;
    keepFocus(byId('suggestions'), () =>
      fill(
        byId('suggestions'),
        shown.map((s, i) =>
          h(
            'li',
            { class: 'suggestion', 'aria-label': t('c-suggested-label', { name: s.name }) },
            h('p', { class: 'suggestion-name' }, s.name),
            s.terms.length ? h('p', { class: 'hint' }, t('c-suggest-words', { words: s.terms.join(', ') })) : null,
            h(
              'ul',
              { class: 'suggestion-notes' },
              s.noteIds.map((id) => m.notes.get(id)).filter((n) => n !== undefined).map((n) => h('li', {}, clip(n.text, 120))),
            ),
            h(
              'div',
              { class: 'controls' },
              h('button', { type: 'button', class: 'primary', 'data-key': `accept-${i}`, 'aria-label': t('c-accept-label', { name: s.name }), onclick: () => accept(i) }, t('c-accept')),
              h('button', { type: 'button', 'data-key': `dismiss-${i}`, 'aria-label': t('c-dismiss-label', { name: s.name }), onclick: () => dismiss(i) }, t('c-dismiss')),
            ),
          ),
        ),
      ),
    );
  }

  return { render };
}
