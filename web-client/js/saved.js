// @ts-check
// Cafés whose facilitator key this browser keeps (localStorage), for the console and the
// printable report.

/**
 * `facilitatorKey` is the key this console signs in with: the facilitator's, or a
 * co-facilitator's (`role` says which, once the server has said).
 * @typedef {{ cafeId: string, facilitatorKey: string, joinCode?: string, title?: string, role?: 'facilitator' | 'coFacilitator', savedAt: number }} SavedCafe
 */

const CAFES_KEY = 'flamingo.cafes';

/** @returns {SavedCafe[]} */
export function savedCafes() {
  try {
    const list = JSON.parse(localStorage.getItem(CAFES_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((c) => typeof c?.cafeId === 'string' && typeof c?.facilitatorKey === 'string') : [];
  } catch {
    return [];
  }
}

/** @param {SavedCafe} cafe */
export function saveCafe(cafe) {
  const others = savedCafes().filter((c) => c.cafeId !== cafe.cafeId);
  try {
    localStorage.setItem(CAFES_KEY, JSON.stringify([cafe, ...others].slice(0, 20)));
  } catch {
    // Storage refused: the console still runs; the link in "another device" keeps the key.
  }
}

/** @param {string} cafeId */
export function forgetCafe(cafeId) {
  try {
    localStorage.setItem(CAFES_KEY, JSON.stringify(savedCafes().filter((c) => c.cafeId !== cafeId)));
  } catch {
    // nothing to forget
  }
}
