// @ts-check
// The phone's join screen (code, name, organisation, role) and the person this phone is in
// each café: the identity and the key of a join not yet answered, kept in localStorage.

/** @typedef {import('../src/protocol').Auth} Auth */
/** @typedef {import('../src/protocol').PublicCafeInfo} PublicCafeInfo */
/** @typedef {{ cafeId: string, participantId: string, resumeToken: string, name: string }} Identity */

import { byId } from './dom.js';
import { clearErrors, fieldError } from './form-errors.js';
import { errorWords, t } from './i18n.js';

const joinSection = byId('join');
const joinForm = byId('join-form', HTMLFormElement);
const joinError = byId('join-error');

/** @param {string} typed */
export function normaliseCode(typed) {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The join code in this page's address (`/join/CODE` or `?code=`), if any. */
export function codeFromAddress() {
  const match = location.pathname.match(/^\/join\/([^/]+)/);
  const fromPath = match ? decodeURIComponent(match[1]) : '';
  return normaliseCode(fromPath || new URLSearchParams(location.search).get('code') || '');
}

/**
 * Wires the join form once.
 * @param {(code: string, auth: Auth, name: string, onJoinFailed: () => void) => void} start
 */
export function joinScreen(start) {
  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    joinError.hidden = true;
    clearErrors(joinForm);
    const data = new FormData(joinForm);
    const code = normaliseCode(String(data.get('code') ?? ''));
    const name = String(data.get('name') ?? '').trim();
    if (!code) return showFieldError('code', t('join-code-missing'));
    if (!name) return showFieldError('name', t('join-name-missing'));
    // The same key for a join sent again (its answer lost, or the page reloaded before it
    // came): the server then answers with the person it made, never a second one.
    /** @type {Auth} */
    const auth = { as: 'join', joinCode: code, name, joinKey: pendingJoinKey(code) };
    const organisation = String(data.get('organisation') ?? '').trim();
    const role = String(data.get('role') ?? '').trim();
    if (organisation) auth.organisation = organisation;
    if (role) auth.role = role;
    const button = /** @type {HTMLButtonElement} */ (joinForm.querySelector('button'));
    button.disabled = true;
    start(code, auth, name, () => {
      button.disabled = false;
    });
  });
}

/**
 * Why a join was refused, in people's words, and the field it is about (the server's own
 * message is for developers: lower case, and about fields people do not see).
 * @param {string} errorCode
 * @param {string} message
 * @param {string} code the code typed
 * @returns {{ field: 'code' | 'name' | null, text: string }}
 */
export function joinRefusal(errorCode, message, code) {
  switch (errorCode) {
    case 'badCredentials':
    case 'notFound':
      return { field: 'code', text: t('join-no-such-code', { code }) };
    case 'wrongPhase':
      return { field: null, text: t('join-closed') };
    case 'cafeFull':
      return { field: null, text: t('join-full') };
    case 'rateLimited':
    case 'unavailable':
      return { field: null, text: t('join-busy') };
    case 'invalidInput':
      return { field: 'name', text: t('join-too-long') };
    default:
      return { field: null, text: errorWords(errorCode, message) };
  }
}

/**
 * @param {'code' | 'name'} field
 * @param {string} message
 */
function showFieldError(field, message) {
  const input = byId(`join-${field}`, HTMLInputElement);
  fieldError(input, message);
  input.focus();
}

/**
 * @param {string} code
 * @param {string} [problem] why the person is asked to join (again)
 * @param {'code' | 'name' | null} [field] the field the problem is about
 */
export function showJoin(code, problem, field) {
  byId('cafe').hidden = true;
  joinSection.hidden = false;
  // Nothing is connected before joining, and that is not a problem to show.
  byId('status').hidden = true;
  const codeInput = byId('join-code', HTMLInputElement);
  if (code && !codeInput.value) codeInput.value = code;
  if (code) describeCafe(code);
  if (problem && field) return showFieldError(field, problem);
  if (problem) showJoinError(problem);
  (code ? byId('join-name', HTMLInputElement) : codeInput).focus();
}

/** @param {string} message */
function showJoinError(message) {
  joinError.textContent = message;
  joinError.hidden = false;
}

/**
 * Shows the café's title on the join form, so people know they scanned the right code.
 * @param {string} code
 */
async function describeCafe(code) {
  try {
    const response = await fetch(`/api/cafes/${encodeURIComponent(code)}`);
    if (!response.ok) return;
    /** @type {PublicCafeInfo} */
    const info = await response.json();
    const line = byId('join-cafe');
    line.textContent = info.title;
    line.hidden = false;
    document.title = t('join-page-title', { title: info.title });
  } catch {
    // Offline: the form still works once the link is back.
  }
}

/** @param {string} code */
function identityKey(code) {
  return `flamingo.me.${code}`;
}

/**
 * @param {string} code
 * @returns {Identity | null}
 */
export function storedIdentity(code) {
  try {
    const raw = localStorage.getItem(identityKey(code));
    if (!raw) return null;
    const id = JSON.parse(raw);
    return typeof id?.participantId === 'string' && typeof id?.resumeToken === 'string' ? id : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} code
 * @param {Identity} me
 */
export function remember(code, me) {
  try {
    localStorage.setItem(identityKey(code), JSON.stringify(me));
  } catch {
    // Private mode: this tab still works; a reload will ask to join again.
  }
}

/**
 * The key of this phone's join to `code` that has not been answered yet, made on first use.
 * @param {string} code
 */
function pendingJoinKey(code) {
  const item = `flamingo.joining.${code}`;
  try {
    const kept = localStorage.getItem(item);
    if (kept && /^[0-9a-f]{48}$/.test(kept)) return kept;
  } catch {
    // Private mode: a key for this page only.
  }
  const key = Array.from(crypto.getRandomValues(new Uint8Array(24)), (x) => x.toString(16).padStart(2, '0')).join('');
  try {
    localStorage.setItem(item, key);
  } catch {
    // As above.
  }
  return key;
}

/** @param {string} code the join was answered: its key is now the resume token */
export function joined(code) {
  try {
    localStorage.removeItem(`flamingo.joining.${code}`);
  } catch {
    // nothing stored
  }
}

/** @param {string} code */
export function forget(code) {
  try {
    localStorage.removeItem(identityKey(code));
  } catch {
    // nothing stored
  }
}
