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
    message = 'Looking for themes in the notes…';
    shown = [];
    dirty = true;
    staff.schedule();
    const answer = await fetchSuggestions(m.joinCode, staff.key);
    loading = false;
    if (!answer.ok) {
      message = answer.message;
    } else if (answer.suggestions.notesConsidered === 0) {
      message = 'No unthemed notes: every note on the wall is in a theme already.';
    } else if (answer.suggestions.suggestions.length === 0) {
      message = `No groupings found among ${answer.suggestions.notesConsidered} unthemed notes. Make themes by hand.`;
    } else {
      shown = answer.suggestions.suggestions;
      const n = shown.length;
      message = `${n} suggested theme${n === 1 ? '' : 's'} from ${answer.suggestions.notesConsidered} unthemed notes. Accept the ones that fit.`;
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
    if (await staff.send({ type: 'createTheme', themeId: newNoteId(), name: s.name, noteIds }, `Theme "${s.name}" created with ${noteIds.length} note${noteIds.length === 1 ? '' : 's'}.`)) {
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
            { class: 'suggestion', 'aria-label': `Suggested theme ${s.name}` },
            h('p', { class: 'suggestion-name' }, s.name),
            s.terms.length ? h('p', { class: 'hint' }, `Words: ${s.terms.join(', ')}`) : null,
            h(
              'ul',
              { class: 'suggestion-notes' },
              s.noteIds.map((id) => m.notes.get(id)).filter((n) => n !== undefined).map((n) => h('li', {}, clip(n.text, 120))),
            ),
            h(
              'div',
              { class: 'controls' },
              h('button', { type: 'button', class: 'primary', 'data-key': `accept-${i}`, 'aria-label': `Accept ${s.name}`, onclick: () => accept(i) }, 'Accept'),
              h('button', { type: 'button', 'data-key': `dismiss-${i}`, 'aria-label': `Dismiss ${s.name}`, onclick: () => dismiss(i) }, 'Dismiss'),
            ),
          ),
        ),
      ),
    );
  }

  return { render };
}
