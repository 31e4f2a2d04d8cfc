// @ts-check
// The phone's notes: the note form, the table's notes of this round with the person's own
// waiting ones (the outbox, which never loses a word), and for a host the table's notes of
// earlier rounds to brief newcomers.

/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('../src/protocol').Update} Update */
/** @typedef {import('./seat.js').Seat} Seat */
/** @typedef {import('./seat.js').Where} Where */

import { byId, fill, h, setText } from './dom.js';
import { Outbox } from './outbox.js';
import { fieldError, limitLength } from './form-errors.js';
import { errorWords, t } from './i18n.js';

/** Codes the server refuses a note for that waiting will fix (docs/protocol.md §11). */
const RETRY_LATER = new Set(['rateLimited', 'unavailable']);
const RETRY_AFTER_MS = 5_000;
/** The longest note the server stores (docs/protocol.md). */
const NOTE_MAX = 2000;

/** @type {Record<'saved' | 'sending' | 'pending' | 'failed', string>} */
/** @param {'saved' | 'sending' | 'pending' | 'failed'} state */
const stateWords = (state) => t('note-state', { state });

/**
 * @param {Seat} seat
 * @returns {{ flush: () => void, notice: (u: Update) => void, render: (where: Where) => void }}
 */
export function phoneNotes(seat) {
  const client = seat.client;
  /** @type {Outbox | null} */
  let kept = null;
  let flushing = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retryTimer;
  /** Notes being sent right now, by id. */
  const sending = new Set();

  /** The person's outbox, once the server has said who they are. */
  function outbox() {
    const me = seat.me();
    if (!me) return null;
    const key = `flamingo.outbox.${me.participantId}`;
    if (kept?.key !== key) kept = new Outbox(key);
    return kept;
  }

  async function flush() {
    const box = outbox();
    if (flushing || !box || !client.synced) return;
    flushing = true;
    clearTimeout(retryTimer);
    try {
      for (const note of [...box.notes]) {
        if (note.problem) continue;
        sending.add(note.noteId);
        seat.schedule();
        const answer = await client.send({ type: 'postNote', noteId: note.noteId, text: note.text, round: note.round });
        sending.delete(note.noteId);
        if (answer.ok) {
          box.remove(note.noteId);
          seat.say(t('note-saved'));
        } else if (answer.code === 'offline') {
          break; // onSynced flushes again
        } else if (answer.code === 'noteIdTaken') {
          // Someone else's note has this id (astronomically unlikely): a fresh id is safe,
          // because the server did not store this one.
          box.remove(note.noteId);
          box.add(note.text, note.round);
          queueMicrotask(flush);
          break;
        } else if (answer.code === 'notSeated') {
          break; // sent again when a table arrives
        } else if (RETRY_LATER.has(answer.code)) {
          retryTimer = setTimeout(flush, RETRY_AFTER_MS);
          break;
        } else {
          const problem = errorWords(answer.code, answer.message);
          box.update(note.noteId, { problem });
          seat.say(t('note-not-saved', { problem }));
        }
        seat.schedule();
      }
    } finally {
      flushing = false;
      seat.schedule();
    }
  }

  const field = byId('note-text', HTMLTextAreaElement);
  const count = limitLength(
    field,
    byId('note-count'),
    NOTE_MAX,
    (count, max) => t('note-count', { count, max }),
    (max) => t('note-cut', { max }),
  );
  // Assigned, not added: a person who retried a join has one session, and one handler.
  byId('note-form', HTMLFormElement).onsubmit = (event) => {
    event.preventDefault();
    const text = field.value.trim();
    const box = outbox();
    if (!box) return;
    if (!text) {
      fieldError(field, t(field.value ? 'note-only-spaces' : 'note-empty'));
      field.focus();
      return;
    }
    fieldError(field, '');
    box.add(text, Math.max(client.mirror.round(), 1));
    field.value = '';
    count();
    field.focus();
    seat.schedule();
    flush();
  };

  /** @param {Update} u */
  function notice(u) {
    if (u.type === 'tableChanged' || u.type === 'roundStarted') flush();
  }

  /** @param {Where} where */
  function render(where) {
    const state = client.mirror.phase.state;
    renderNotes(where.current, where.round);
    renderRecap(where.shown, where.hosting, state === 'running' || state === 'paused' ? where.round : where.round + 1);
  }

  /**
   * @param {TableSeats | undefined} current
   * @param {number} round
   */
  function renderNotes(current, round) {
    const mirror = client.mirror;
    const box = byId('notes-box');
    const kept = outbox();
    const pending = kept?.notes ?? [];
    const seatedEver = round > 0 && !!current;
    // In the harvest nobody writes notes any more; phones vote on them below.
    const state = mirror.phase.state;
    const writing = state !== 'harvest' && state !== 'closed';
    box.hidden = (!seatedEver || !writing) && pending.length === 0;
    if (box.hidden) return;
    setText(byId('notes-heading'), current ? t('notes-heading', { table: current.table, round }) : t('notes-heading-yours'));
    /** @type {{ key: string, text: string, who: string, state: 'saved' | 'sending' | 'pending' | 'failed', at: number, problem?: string }[]} */
    const rows = [];
    const waiting = new Set(pending.map((n) => n.noteId));
    if (current) {
      for (const n of mirror.notes.values()) {
        if (n.round !== round || n.table !== current.table || waiting.has(n.noteId)) continue;
        rows.push({ key: n.noteId, text: n.text, who: n.authorName, state: 'saved', at: n.postedAt - client.offsetMs });
      }
    }
    const me = seat.me();
    for (const n of pending) {
      const stored = mirror.notes.get(n.noteId);
      const state = n.problem ? 'failed' : stored ? 'saved' : sending.has(n.noteId) ? 'sending' : 'pending';
      rows.push({ key: n.noteId, text: stored?.text ?? n.text, who: me?.name ?? t('you'), state, at: n.createdAt, problem: n.problem });
    }
    rows.sort((a, b) => b.at - a.at);
    fill(
      byId('notes'),
      rows.length === 0 ? h('li', { class: 'empty' }, t('notes-none')) : null,
      rows.map((r) =>
        h(
          'li',
          { class: `note ${r.state}`, 'data-note-id': r.key, 'data-state': r.state },
          h('p', { class: 'note-text' }, r.text),
          h(
            'p',
            { class: 'note-meta' },
            h('span', {}, r.who),
            h('span', { class: 'note-state' }, stateWords(r.state)),
            r.problem ? h('span', { class: 'note-problem' }, r.problem) : null,
            r.state === 'failed' ? h('button', { type: 'button', class: 'link', onclick: () => dismiss(r.key) }, t('note-remove')) : null,
          ),
        ),
      ),
    );
    const unsent = pending.filter((n) => !n.problem && !mirror.notes.has(n.noteId)).length;
    const offline = client.status !== 'connected';
    setText(
      byId('outbox-state'),
      unsent === 0
        ? ''
        : t(offline ? 'outbox-kept' : 'outbox-sending', { count: unsent }),
    );
    if (kept && !kept.persisted) {
      setText(byId('outbox-state'), t('outbox-not-kept'));
    }
  }

  /** @param {string} noteId */
  function dismiss(noteId) {
    outbox()?.remove(noteId);
    seat.schedule();
  }

  /**
   * The notes of earlier rounds at the table this person hosts, to brief newcomers.
   * @param {TableSeats | undefined} table
   * @param {boolean} hosting
   * @param {number} beforeRound
   */
  function renderRecap(table, hosting, beforeRound) {
    const box = byId('recap-box');
    const notes = table && hosting ? [...client.mirror.notes.values()].filter((n) => n.table === table.table && n.round < beforeRound) : [];
    box.hidden = notes.length === 0;
    if (box.hidden) return;
    notes.sort((a, b) => a.round - b.round || a.postedAt - b.postedAt);
    fill(
      byId('recap'),
      notes.map((n) => h('li', { class: 'note saved' }, h('p', { class: 'note-text' }, n.text), h('p', { class: 'note-meta' }, t('recap-meta', { round: n.round, name: n.authorName })))),
    );
  }

  return { flush, notice, render };
}
