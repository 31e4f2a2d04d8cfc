// @ts-check
// The café as this phone last knew it, kept in localStorage with its cursor, so that a phone
// that reloads in a dead spot still shows the person's table, question and notes, and, once
// back online, resumes from where it was instead of starting over.

/** @typedef {import('./mirror.js').Mirror} Mirror */

/** Writes at most this often while updates stream in; a page being hidden writes at once. */
const SAVE_EVERY_MS = 1_000;

/** @param {string} participantId */
function keyFor(participantId) {
  return `flamingo.cafe.${participantId}`;
}

/**
 * Loads what was kept for this person into `mirror`; false when nothing usable was kept.
 * @param {Mirror} mirror
 * @param {string} participantId
 */
export function restoreKept(mirror, participantId) {
  try {
    const raw = localStorage.getItem(keyFor(participantId));
    if (!raw) return false;
    const saved = JSON.parse(raw);
    if (!saved?.view || !saved?.cursor?.epoch) return false;
    mirror.restore(saved);
    return true;
  } catch {
    // Kept by an older client, or damaged: the server's snapshot replaces it.
    return false;
  }
}

/**
 * Keeps `mirror` for this person as it changes: call the returned function after each change.
 * @param {Mirror} mirror
 * @param {() => { cafeId: string, participantId: string } | null} who
 */
export function keeper(mirror, who) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const write = () => {
    timer = undefined;
    const me = who();
    const saved = me && mirror.save(me.cafeId);
    if (!me || !saved) return;
    try {
      localStorage.setItem(keyFor(me.participantId), JSON.stringify(saved));
    } catch {
      // Storage full: the phone still works online; only the offline picture is older.
    }
  };
  addEventListener('pagehide', write);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') write();
  });
  return () => {
    timer ??= setTimeout(write, SAVE_EVERY_MS);
  };
}

/** @param {string} participantId forgets the kept café (the person left it) */
export function forgetKept(participantId) {
  localStorage.removeItem(keyFor(participantId));
}
