// @ts-check
// The console's start screen: the cafés this laptop keeps, the "new café" form with its rounds
// editor, and reopening a café from a console link or an id and key.

/** @typedef {import('../src/protocol').CreateCafeRequest} CreateCafeRequest */
/** @typedef {import('../src/protocol').CreateCafeResponse} CreateCafeResponse */
/** @typedef {import('../src/protocol').ErrorBody} ErrorBody */

import { saveCafe, savedCafes } from './saved.js';
import { byId, fill, h, setText } from './dom.js';
import { clearErrors, fieldError } from './form-errors.js';
import { t } from './i18n.js';

const MAX_ROUNDS = 12;
/** The questions a new café starts with, in the facilitator's language. */
const defaultRounds = () => [1, 2, 3].map((n) => ({ question: t(`c-default-question-${n}`), minutes: 20 }));

const roundsList = byId('rounds', HTMLOListElement);

/**
 * Wires the start screen's forms once.
 * @param {(cafeId: string) => void} openCafe
 */
export function startScreen(openCafe) {
  byId('add-round').addEventListener('click', () => {
    addRoundRow({ question: '', minutes: 20 });
    /** @type {HTMLTextAreaElement} */ (roundsList.lastElementChild?.querySelector('textarea')).focus();
  });

  const createForm = byId('create-form', HTMLFormElement);
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errorBox = byId('create-error');
    errorBox.hidden = true;
    clearErrors(createForm);
    const data = new FormData(createForm);
    const rows = [...roundsList.children];
    const rounds = rows.map((li) => ({
      question: /** @type {HTMLTextAreaElement} */ (li.querySelector('textarea')).value.trim(),
      minutes: Number(/** @type {HTMLInputElement} */ (li.querySelector('input')).value),
    }));
    /** @type {CreateCafeRequest} */
    const request = { title: String(data.get('title') ?? '').trim(), tableSize: Number(data.get('tableSize')), rounds };
    const tables = String(data.get('tables') ?? '').trim();
    if (tables) request.tables = Number(tables);
    // Every field in error says so under itself, in the words of its label; focus goes to the first.
    /** @type {[HTMLInputElement | HTMLTextAreaElement, string][]} */
    const problems = [];
    if (!request.title) problems.push([byId('title', HTMLInputElement), t('c-title-missing')]);
    const size = Number(request.tableSize);
    if (!(Number.isInteger(size) && size >= 3 && size <= 8)) {
      problems.push([byId('table-size', HTMLInputElement), t('c-table-size-wrong')]);
    }
    if (tables && !(Number.isInteger(request.tables) && Number(request.tables) >= 1 && Number(request.tables) <= 1000)) {
      problems.push([byId('tables', HTMLInputElement), t('c-tables-wrong')]);
    }
    rounds.forEach((r, i) => {
      const li = rows[i];
      if (!r.question) problems.push([/** @type {HTMLTextAreaElement} */ (li.querySelector('textarea')), t('c-round-question-missing', { round: i + 1 })]);
      if (!(r.minutes >= 1 && r.minutes <= 240)) problems.push([/** @type {HTMLInputElement} */ (li.querySelector('input')), t('c-round-minutes-wrong', { round: i + 1 })]);
    });
    if (problems.length) {
      for (const [field, message] of problems) fieldError(field, message);
      problems[0][0].focus();
      return;
    }
    const button = /** @type {HTMLButtonElement} */ (createForm.querySelector('button[type=submit]'));
    button.disabled = true;
    try {
      const response = await fetch('/api/cafes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(/** @type {ErrorBody} */ (body).message);
      const created = /** @type {CreateCafeResponse} */ (body);
      saveCafe({ ...created, title: request.title, savedAt: Date.now() });
      openCafe(created.cafeId);
    } catch (e) {
      const said = e instanceof TypeError ? t('c-server-unreachable') : String(/** @type {Error} */ (e).message);
      errorBox.textContent = said.charAt(0).toUpperCase() + said.slice(1);
      errorBox.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  const reopenForm = byId('reopen-form', HTMLFormElement);
  reopenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(reopenForm);
    const typed = String(data.get('cafe') ?? '').trim();
    let cafeId = typed;
    let key = String(data.get('key') ?? '').trim();
    const hash = typed.indexOf('#');
    if (hash >= 0) {
      const params = new URLSearchParams(typed.slice(hash + 1));
      cafeId = params.get('cafe') ?? '';
      key = params.get('key') ?? key;
    }
    if (!cafeId || !key) {
      showReopenError(t('c-reopen-missing'));
      return;
    }
    byId('reopen-error').hidden = true;
    saveCafe({ cafeId, facilitatorKey: key, savedAt: Date.now() });
    openCafe(cafeId);
  });
}

/** Shows the start screen with the cafés this browser keeps. */
export function showStart() {
  byId('console').hidden = true;
  byId('start').hidden = false;
  byId('status').hidden = true;
  byId('wall-link').hidden = true;
  byId('home-link').hidden = true;
  setText(byId('cafe-name'), '');
  const mine = savedCafes();
  byId('mine').hidden = mine.length === 0;
  fill(
    byId('mine-list'),
    mine.map((c) =>
      h(
        'li',
        {},
        h('a', { href: `/console#cafe=${encodeURIComponent(c.cafeId)}` }, c.title ?? c.cafeId),
        c.joinCode ? h('span', { class: 'hint' }, ` ${t('c-mine-code', { code: c.joinCode })}`) : null,
      ),
    ),
  );
  if (roundsList.children.length === 0) defaultRounds().forEach(addRoundRow);
}

/**
 * Says why a café could not be opened, under the reopen form.
 * @param {string} message
 */
export function showReopenError(message) {
  const box = byId('reopen-error');
  box.textContent = message;
  box.hidden = false;
}

/** @param {{ question: string, minutes: number }} round */
function addRoundRow(round) {
  const li = h(
    'li',
    { class: 'round-row' },
    h('label', { class: 'round-q' }, h('span', { class: 'round-name' }), h('textarea', { rows: 2, maxlength: 500, required: true, class: 'question-input' })),
    h('label', { class: 'round-min' }, t('c-minutes'), h('input', { type: 'number', min: 1, max: 240, required: true, class: 'minutes-input' })),
    h(
      'div',
      { class: 'round-tools' },
      h('button', { type: 'button', class: 'up', onclick: () => moveRow(li, -1) }, '↑'),
      h('button', { type: 'button', class: 'down', onclick: () => moveRow(li, 1) }, '↓'),
      h('button', { type: 'button', class: 'remove', onclick: () => removeRow(li) }, t('note-remove')),
    ),
  );
  /** @type {HTMLTextAreaElement} */ (li.querySelector('textarea')).value = round.question;
  /** @type {HTMLInputElement} */ (li.querySelector('input')).value = String(round.minutes);
  roundsList.append(li);
  numberRows();
}

/**
 * @param {HTMLElement} li
 * @param {number} by
 */
function moveRow(li, by) {
  const sibling = by < 0 ? li.previousElementSibling : li.nextElementSibling;
  if (!sibling) return;
  if (by < 0) sibling.before(li);
  else sibling.after(li);
  numberRows();
  /** @type {HTMLButtonElement} */ (li.querySelector(by < 0 ? '.up' : '.down')).focus();
}

/** @param {HTMLElement} li */
function removeRow(li) {
  if (roundsList.children.length <= 1) return;
  const next = /** @type {HTMLElement | null} */ (li.nextElementSibling ?? li.previousElementSibling);
  li.remove();
  numberRows();
  next?.querySelector('textarea')?.focus();
}

function numberRows() {
  const rows = [...roundsList.children];
  rows.forEach((li, i) => {
    const n = i + 1;
    setText(/** @type {Element} */ (li.querySelector('.round-name')), t('card-round-question', { round: n }));
    /** @type {HTMLButtonElement} */ (li.querySelector('.up')).setAttribute('aria-label', t('c-round-up', { round: n }));
    /** @type {HTMLButtonElement} */ (li.querySelector('.down')).setAttribute('aria-label', t('c-round-down', { round: n }));
    /** @type {HTMLButtonElement} */ (li.querySelector('.remove')).setAttribute('aria-label', t('c-round-remove', { round: n }));
    /** @type {HTMLInputElement} */ (li.querySelector('.minutes-input')).setAttribute('aria-label', t('c-round-minutes', { round: n }));
    /** @type {HTMLButtonElement} */ (li.querySelector('.up')).disabled = i === 0;
    /** @type {HTMLButtonElement} */ (li.querySelector('.down')).disabled = i === rows.length - 1;
    /** @type {HTMLButtonElement} */ (li.querySelector('.remove')).disabled = rows.length === 1;
  });
  byId('add-round', HTMLButtonElement).disabled = rows.length >= MAX_ROUNDS;
}
