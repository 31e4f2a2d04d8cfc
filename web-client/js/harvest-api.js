// @ts-check
// The harvest's HTTP calls, with the key in the Authorization header: suggested groupings
// (facilitator or co-facilitator) and sharing or revoking the co-facilitator key (facilitator).

import { errorWords, t } from './i18n.js';

/** @typedef {import('../src/protocol').ThemeSuggestions} ThemeSuggestions */
/** @typedef {import('../src/protocol').CoFacilitatorKey} CoFacilitatorKey */
/** @typedef {import('../src/protocol').ErrorBody} ErrorBody */

/**
 * @typedef {{ ok: true, suggestions: ThemeSuggestions } | { ok: false, unavailable: boolean, message: string }} SuggestionsAnswer
 */

/**
 * @param {string} joinCode
 * @param {string} key
 * @returns {Promise<SuggestionsAnswer>}
 */
export async function fetchSuggestions(joinCode, key) {
  try {
    const res = await fetch(`/api/cafes/${encodeURIComponent(joinCode)}/suggestions`, {
      headers: { Authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
    // A server without the route answers 404 (so does an unknown café, which this console is not).
    if (res.status === 404 || res.status === 405) {
      return { ok: false, unavailable: true, message: t('c-suggest-unavailable') };
    }
    if (!res.ok) return { ok: false, unavailable: false, message: await errorMessage(res) };
    return { ok: true, suggestions: /** @type {ThemeSuggestions} */ (await res.json()) };
  } catch {
    return { ok: false, unavailable: false, message: t('c-server-unreachable-retry') };
  }
}

/**
 * A new co-facilitator key; any earlier one stops working.
 * @param {string} joinCode
 * @param {string} facilitatorKey
 * @returns {Promise<string>} the key
 */
export async function shareCoFacilitator(joinCode, facilitatorKey) {
  const res = await fetch(`/api/cafes/${encodeURIComponent(joinCode)}/co-facilitator`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${facilitatorKey}` },
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  return /** @type {CoFacilitatorKey} */ (await res.json()).coFacilitatorKey;
}

/**
 * @param {string} joinCode
 * @param {string} facilitatorKey
 */
export async function revokeCoFacilitator(joinCode, facilitatorKey) {
  const res = await fetch(`/api/cafes/${encodeURIComponent(joinCode)}/co-facilitator`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${facilitatorKey}` },
  });
  if (!res.ok) throw new Error(await errorMessage(res));
}

/** @param {Response} res */
async function errorMessage(res) {
  try {
    const body = /** @type {ErrorBody} */ (await res.json());
    return errorWords(body.code, body.message);
  } catch {
    return t('c-server-answered', { status: res.status });
  }
}
