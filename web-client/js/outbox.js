// @ts-check
// Notes not yet stored by the server. Kept in localStorage, so that a note typed in a dead
// spot survives a reload or a phone that kills the tab; sent in order when the link is back;
// dropped only when the server acks it (a duplicate ack means "stored earlier").

/**
 * @typedef {object} OutboxNote
 * @property {string} noteId chosen here; resending with the same id can never store it twice
 * @property {string} text
 * @property {number} round the round it was written in, so a late send lands at that table
 * @property {number} createdAt local clock
 * @property {string} [problem] why the server refused it, when retrying cannot help
 */

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts, and phones reach the
 * laptop over plain http on the LAN; `getRandomValues` works everywhere.
 */
export function newNoteId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class Outbox {
  /** @param {string} key the localStorage key, one per participant */
  constructor(key) {
    this.key = key;
    /** @type {OutboxNote[]} */
    this.notes = [];
    /** Whether the last save reached storage (private modes and full disks refuse). */
    this.persisted = true;
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? '[]');
      if (Array.isArray(stored)) this.notes = stored.filter(isOutboxNote);
    } catch {
      this.notes = [];
    }
  }

  /**
   * @param {string} text
   * @param {number} round
   * @returns {OutboxNote}
   */
  add(text, round) {
    const note = { noteId: newNoteId(), text, round, createdAt: Date.now() };
    this.notes.push(note);
    this.save();
    return note;
  }

  /** @param {string} noteId */
  remove(noteId) {
    this.notes = this.notes.filter((n) => n.noteId !== noteId);
    this.save();
  }

  /**
   * @param {string} noteId
   * @param {Partial<OutboxNote>} change
   */
  update(noteId, change) {
    this.notes = this.notes.map((n) => (n.noteId === noteId ? { ...n, ...change } : n));
    this.save();
  }

  save() {
    try {
      if (this.notes.length) localStorage.setItem(this.key, JSON.stringify(this.notes));
      else localStorage.removeItem(this.key);
      this.persisted = true;
    } catch {
      this.persisted = false;
    }
  }
}

/**
 * @param {unknown} n
 * @returns {n is OutboxNote}
 */
function isOutboxNote(n) {
  if (typeof n !== 'object' || n === null) return false;
  const o = /** @type {Record<string, unknown>} */ (n);
  return typeof o.noteId === 'string' && typeof o.text === 'string' && typeof o.round === 'number';
}
