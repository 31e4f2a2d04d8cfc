// @ts-check
// The console's feedback form editor: the questions phones show when the café closes (rating
// 1 to 5, or free text), add, remove, move up and down, save. After the close: how many
// people answered. The draft follows the server until the facilitator starts editing.

/** @typedef {import('../src/protocol').FeedbackQuestion} FeedbackQuestion */
/** @typedef {import('./harvest-board.js').Staff} Staff */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { language, t } from './i18n.js';

const MAX_QUESTIONS = 10;

/**
 * @param {Staff} staff
 * @returns {{ render: () => void }}
 */
export function feedbackEditor(staff) {
  const m = staff.client.mirror;
  /** @type {FeedbackQuestion[]} */
  let draft = [];
  /** Whether the draft has edits not saved yet (then updates do not overwrite it). */
  let dirty = false;
  let drawn = '';

  const form = byId('fb-form', HTMLFormElement);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const questions = draft.map((q) => ({ ...q, prompt: q.prompt.trim() }));
    if (questions.some((q) => !q.prompt)) {
      setText(byId('fb-state'), t('c-fb-prompt-missing'));
      return;
    }
    if (await staff.send({ type: 'setFeedbackQuestions', questions }, t('c-fb-saved'), byId('fb-state'))) {
      dirty = false;
      staff.schedule();
    }
  };
  byId('fb-add').onclick = () => {
    if (draft.length >= MAX_QUESTIONS) return;
    edit(() => draft.push({ kind: 'rating', prompt: '' }));
    requestAnimationFrame(() => /** @type {HTMLElement | null} */ (byId('fb-questions').querySelector('li:last-child input'))?.focus());
  };

  /** @param {() => void} change */
  function edit(change) {
    change();
    dirty = true;
    drawn = '';
    staff.schedule();
  }

  function render() {
    const closed = m.phase.state === 'closed';
    form.hidden = closed;
    const n = m.feedback.responses;
    const count = byId('fb-count');
    count.hidden = !closed;
    setText(count, t('c-fb-count', { count: n }));
    setText(byId('fb-hint'), t(closed ? 'c-fb-hint-closed' : 'c-fb-hint'));
    if (closed) return;
    if (!dirty) draft = m.feedback.questions.map((q) => ({ ...q }));
    const key = JSON.stringify([draft, language()]);
    if (key === drawn) return;
    drawn = key;
    byId('fb-add', HTMLButtonElement).disabled = draft.length >= MAX_QUESTIONS;
    keepFocus(byId('fb-questions'), () =>
      fill(
        byId('fb-questions'),
        draft.length === 0 ? h('li', { class: 'hint' }, t('c-fb-none')) : null,
        draft.map((q, i) => row(q, i)),
      ),
    );
  }

  /**
   * @param {FeedbackQuestion} q
   * @param {number} i
   */
  function row(q, i) {
    const n = i + 1;
    const kind = h(
      'select',
      { 'aria-label': t('c-fb-kind', { n }), 'data-key': `kind-${i}` },
      h('option', { value: 'rating', selected: q.kind === 'rating' }, t('c-fb-rating')),
      h('option', { value: 'text', selected: q.kind === 'text' }, t('c-fb-text')),
    );
    kind.onchange = () => edit(() => (draft[i] = { ...draft[i], kind: kind.value === 'text' ? 'text' : 'rating' }));
    const prompt = h('input', { maxlength: 200, 'aria-label': t('c-fb-question', { n }), 'data-key': `prompt-${i}`, autocomplete: 'off' });
    prompt.value = q.prompt;
    // Typing changes the draft without a redraw, so the caret stays where it is.
    prompt.oninput = () => {
      draft[i] = { ...draft[i], prompt: prompt.value };
      dirty = true;
      drawn = JSON.stringify([draft, language()]);
    };
    /**
     * @param {number} by
     */
    const move = (by) =>
      edit(() => {
        const [q] = draft.splice(i, 1);
        draft.splice(i + by, 0, q);
      });
    return h(
      'li',
      { class: 'fb-row' },
      prompt,
      kind,
      h('button', { type: 'button', 'aria-label': t('c-fb-up', { n }), 'data-key': `up-${i}`, disabled: i === 0, onclick: () => move(-1) }, '↑'),
      h('button', { type: 'button', 'aria-label': t('c-fb-down', { n }), 'data-key': `down-${i}`, disabled: i === draft.length - 1, onclick: () => move(1) }, '↓'),
      h('button', { type: 'button', 'aria-label': t('c-fb-remove', { n }), 'data-key': `rm-${i}`, onclick: () => edit(() => draft.splice(i, 1)) }, t('note-remove')),
    );
  }

  return { render };
}
