// @ts-check
// The console's joint commitments: a form (text, owner, due date, the themes it answers), and
// the list with edit and delete. The form is never redrawn under the facilitator's hands; only
// the theme checkboxes follow the themes, keeping what was ticked.

/** @typedef {import('../src/protocol').Commitment} Commitment */
/** @typedef {import('./harvest-board.js').Staff} Staff */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { newNoteId } from './outbox.js';
import { language, t } from './i18n.js';

/**
 * @param {Staff} staff
 * @returns {{ render: () => void }}
 */
export function commitmentsEditor(staff) {
  const m = staff.client.mirror;
  /** @type {string | null} the commitment being edited */
  let editing = null;
  let themesDrawn = '';
  let listDrawn = '';

  const form = byId('commitment-form', HTMLFormElement);
  const text = byId('commitment-text', HTMLTextAreaElement);
  const owner = byId('commitment-owner', HTMLInputElement);
  const due = byId('commitment-due', HTMLInputElement);

  form.onsubmit = async (event) => {
    event.preventDefault();
    const words = text.value.trim();
    if (!words) {
      setText(byId('harvest-feedback'), t('c-commitment-empty'));
      text.focus();
      return;
    }
    /** @type {Commitment} */
    const commitment = { commitmentId: editing ?? newNoteId(), text: words, themeIds: tickedThemes() };
    if (owner.value.trim()) commitment.owner = owner.value.trim();
    if (due.value) commitment.due = due.value;
    if (await staff.send({ type: 'saveCommitment', commitment }, t(editing ? 'c-commitment-updated' : 'c-commitment-added'))) clear();
  };
  byId('commitment-cancel').onclick = clear;

  function clear() {
    editing = null;
    form.reset();
    for (const box of checkboxes()) box.checked = false;
    staff.schedule();
  }

  function checkboxes() {
    return /** @type {HTMLInputElement[]} */ ([...byId('commitment-theme-boxes').querySelectorAll('input[type=checkbox]')]);
  }

  function tickedThemes() {
    return checkboxes().filter((b) => b.checked).map((b) => b.value);
  }

  /** @param {Commitment} c */
  function edit(c) {
    editing = c.commitmentId;
    text.value = c.text;
    owner.value = c.owner ?? '';
    due.value = c.due ?? '';
    for (const box of checkboxes()) box.checked = c.themeIds.includes(box.value);
    staff.schedule();
    text.focus();
  }

  function render() {
    const can = m.phase.state === 'harvest';
    form.hidden = !can;
    if (editing && !m.commitments.some((c) => c.commitmentId === editing)) editing = null;
    setText(byId('commitment-save'), t(editing ? 'c-commitment-save-changes' : 'c-commitment-save'));
    byId('commitment-cancel').hidden = !editing;

    const themeKey = JSON.stringify(m.themes.map((t) => [t.themeId, t.name]));
    if (themeKey !== themesDrawn) {
      themesDrawn = themeKey;
      const ticked = new Set(tickedThemes());
      byId('commitment-themes').hidden = m.themes.length === 0;
      keepFocus(byId('commitment-theme-boxes'), () =>
        fill(
          byId('commitment-theme-boxes'),
          m.themes.map((t) =>
            h(
              'label',
              { class: 'check' },
              h('input', { type: 'checkbox', value: t.themeId, checked: ticked.has(t.themeId), 'data-key': `ct-${t.themeId}` }),
              t.name,
            ),
          ),
        ),
      );
    }

    const listKey = JSON.stringify([m.commitments, themeKey, can]);
    if (listKey === listDrawn) return;
    listDrawn = listKey;
    keepFocus(byId('commitment-list'), () =>
      fill(
        byId('commitment-list'),
        m.commitments.length === 0 ? h('li', { class: 'hint' }, t('c-no-commitments')) : null,
        m.commitments.map((c) =>
          h(
            'li',
            { class: 'commitment', 'data-commitment-id': c.commitmentId },
            h('p', { class: 'commitment-text' }, c.text),
            h('p', { class: 'hint' }, describe(c)),
            can
              ? h(
                  'div',
                  { class: 'controls' },
                  h('button', { type: 'button', class: 'link', 'data-key': `edit-${c.commitmentId}`, onclick: () => edit(c) }, t('c-edit')),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link danger',
                      'data-key': `del-${c.commitmentId}`,
                      onclick: () => {
                        if (confirm(t('c-commitment-delete-confirm'))) staff.send({ type: 'deleteCommitment', commitmentId: c.commitmentId }, t('c-commitment-deleted'));
                      },
                    },
                    t('c-delete'),
                  ),
                )
              : null,
          ),
        ),
      ),
    );
  }

  /** @param {Commitment} c */
  function describe(c) {
    const names = c.themeIds.map((id) => m.themes.find((theme) => theme.themeId === id)?.name).filter(Boolean);
    return [
      c.owner ? t('commitment-owner', { owner: c.owner }) : t('c-no-owner'),
      c.due ? t('commitment-due-on', { date: formatDate(c.due) }) : null,
      names.length ? t('commitment-themes', { themes: names.join(', ') }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  return { render };
}

/**
 * A `YYYY-MM-DD` date as people read it, in the browser's language; as it came otherwise.
 * @param {string} iso
 */
export function formatDate(iso) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!d) return iso;
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return date.toLocaleDateString(language(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
