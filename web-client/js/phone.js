// @ts-check
// The phone: join with the code, then a big "go to table N", the host badge, table-mates, the
// question, the clock with alerts, and the table's notes with an outbox that never loses a
// word. The person's credentials live in localStorage, so a reload brings the same person back.

/** @typedef {import('../src/protocol').Auth} Auth */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('../src/protocol').PublicCafeInfo} PublicCafeInfo */
/** @typedef {import('./outbox.js').OutboxNote} OutboxNote */
/** @typedef {{ cafeId: string, participantId: string, resumeToken: string, name: string }} Identity */

import { CafeClient } from './connection.js';
import { byId, fill, frameScheduler, h, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { Outbox } from './outbox.js';
import { showStatus } from './status.js';
import { tableColour } from './tables.js';
import { phoneHarvest } from './phone-harvest.js';

/** Codes the server refuses a note for that waiting will fix (docs/protocol.md §11). */
const RETRY_LATER = new Set(['rateLimited', 'unavailable']);
const RETRY_AFTER_MS = 5_000;
const ALERT_SHOWN_MS = 12_000;

const statusEl = byId('status');
const joinSection = byId('join');
const joinForm = byId('join-form', HTMLFormElement);
const joinError = byId('join-error');
const cafeSection = byId('cafe');

/** @param {string} typed */
function normaliseCode(typed) {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** @param {string} code */
function identityKey(code) {
  return `flamingo.me.${code}`;
}

/**
 * @param {string} code
 * @returns {Identity | null}
 */
function storedIdentity(code) {
  try {
    const raw = localStorage.getItem(identityKey(code));
    if (!raw) return null;
    const id = JSON.parse(raw);
    return typeof id?.participantId === 'string' && typeof id?.resumeToken === 'string' ? id : null;
  } catch {
    return null;
  }
}

function codeFromAddress() {
  const match = location.pathname.match(/^\/join\/([^/]+)/);
  const fromPath = match ? decodeURIComponent(match[1]) : '';
  return normaliseCode(fromPath || new URLSearchParams(location.search).get('code') || '');
}

// ---------------------------------------------------------------------------------------------
// Joining

/**
 * @param {string} code
 * @param {string} [problem] why the person is asked to join (again)
 */
function showJoin(code, problem) {
  cafeSection.hidden = true;
  joinSection.hidden = false;
  // Nothing is connected before joining, and that is not a problem to show.
  statusEl.hidden = true;
  const codeInput = byId('join-code', HTMLInputElement);
  if (code && !codeInput.value) codeInput.value = code;
  if (problem) showJoinError(problem);
  if (code) describeCafe(code);
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
    document.title = `Join ${info.title}`;
  } catch {
    // Offline: the form still works once the link is back.
  }
}

joinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  joinError.hidden = true;
  const data = new FormData(joinForm);
  const code = normaliseCode(String(data.get('code') ?? ''));
  const name = String(data.get('name') ?? '').trim();
  if (!code) return showJoinError('Type the code shown on the wall.');
  if (!name) return showJoinError('Type your name, so your table knows who you are.');
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
  startSession(code, auth, name, () => {
    button.disabled = false;
  });
});

// ---------------------------------------------------------------------------------------------
// The session

/**
 * @param {string} code
 * @param {Auth} firstAuth `join` for a new person, `participant` for a returning one
 * @param {string} name
 * @param {() => void} [onJoinFailed]
 */
function startSession(code, firstAuth, name, onJoinFailed) {
  /** @type {Auth} */
  let auth = firstAuth;
  /** @type {Identity | null} */
  let me =
    firstAuth.as === 'participant'
      ? { cafeId: firstAuth.cafeId, participantId: firstAuth.participantId, resumeToken: firstAuth.resumeToken, name }
      : null;
  /** @type {Outbox | null} */
  let outbox = me ? new Outbox(`flamingo.outbox.${me.participantId}`) : null;
  let flushing = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retryTimer;
  /** Notes being sent right now, by id. */
  const sending = new Set();
  /** Rounds for which an alert was given, so each is given once. */
  const alerted = new Set();
  /** Rounds in which we saw more than a minute left, so a short round does not alert at once. */
  const longRounds = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let alertTimer;

  const client = new CafeClient({
    auth: () => auth,
    onStatus: (status) => {
      showStatus(statusEl, status);
      scheduleRender();
    },
    onWelcome: (you, cafeId) => {
      if (you.resumeToken && you.participantId && auth.as === 'join') {
        // Stored before anything else: the token comes only this once, and from here on a
        // reload is this person, never a new one.
        me = { cafeId, participantId: you.participantId, resumeToken: you.resumeToken, name };
        auth = { as: 'participant', cafeId, participantId: me.participantId, resumeToken: me.resumeToken };
        outbox = new Outbox(`flamingo.outbox.${me.participantId}`);
        remember(code, me);
        joined(code);
        history.replaceState(null, '', `/join/${code}`);
      }
    },
    onChange: (change) => {
      if (change.kind === 'update') noticeUpdate(change.update, change.live);
      scheduleRender();
    },
    onSynced: () => {
      flush();
      harvest.resend();
    },
    onRefused: (errorCode, message) => {
      if (!me) {
        onJoinFailed?.();
        showJoin(code, message);
      } else {
        forget(code);
        const why = errorCode === 'forbidden' ? 'You are no longer in this café. Join again to take part.' : message;
        showJoin(code, why);
      }
    },
    onClosedForGood: (closeCode) => {
      if (closeCode === 4501) {
        forget(code);
        showJoin(code, 'You have left this café. Join again to take part.');
      } else {
        showJoin(code, 'The connection was refused. Reload the page to try again.');
      }
    },
  });

  const harvest = phoneHarvest(client, () => scheduleRender());

  joinSection.hidden = true;
  cafeSection.hidden = false;
  statusEl.hidden = false;
  client.start();

  // ----- the outbox

  async function flush() {
    if (flushing || !outbox || !client.synced) return;
    flushing = true;
    clearTimeout(retryTimer);
    try {
      for (const note of [...outbox.notes]) {
        if (note.problem) continue;
        sending.add(note.noteId);
        scheduleRender();
        const answer = await client.send({ type: 'postNote', noteId: note.noteId, text: note.text, round: note.round });
        sending.delete(note.noteId);
        if (answer.ok) {
          outbox.remove(note.noteId);
        } else if (answer.code === 'offline') {
          break; // onSynced flushes again
        } else if (answer.code === 'noteIdTaken') {
          // Someone else's note has this id (astronomically unlikely): a fresh id is safe,
          // because the server did not store this one.
          outbox.remove(note.noteId);
          outbox.add(note.text, note.round);
          queueMicrotask(flush);
          break;
        } else if (answer.code === 'notSeated') {
          break; // sent again when a table arrives
        } else if (RETRY_LATER.has(answer.code)) {
          retryTimer = setTimeout(flush, RETRY_AFTER_MS);
          break;
        } else {
          outbox.update(note.noteId, { problem: answer.message });
        }
        scheduleRender();
      }
    } finally {
      flushing = false;
      scheduleRender();
    }
  }

  // Assigned, not added: a person who retried a join has one session, and one handler.
  byId('note-form', HTMLFormElement).onsubmit = (event) => {
    event.preventDefault();
    const field = byId('note-text', HTMLTextAreaElement);
    const text = field.value.trim();
    if (!text || !outbox) return;
    outbox.add(text, writingRound());
    field.value = '';
    field.focus();
    scheduleRender();
    flush();
  };

  // ----- what the updates mean to a person

  /** The round a note typed now belongs to. */
  function writingRound() {
    return Math.max(client.mirror.round(), 1);
  }

  /**
   * @param {import('../src/protocol').Update} u
   * @param {boolean} live
   */
  function noticeUpdate(u, live) {
    if (u.type === 'tableChanged' || u.type === 'roundStarted') flush();
    // The end-of-round alert is about the break; a new round makes it stale.
    if (u.type === 'roundStarted') {
      clearTimeout(alertTimer);
      byId('alert').hidden = true;
    }
    if (!live) return;
    const mirror = client.mirror;
    if (u.type === 'roundEnded' && !alerted.has(`end${u.round}`)) {
      alerted.add(`end${u.round}`);
      const more = u.round < mirror.rounds.length;
      alert(`Time is up: round ${u.round} is over.${more ? ' Look here for your next table.' : ''}`);
    }
    if (u.type === 'broadcast') navigator.vibrate?.(200);
  }

  /** @param {string} text */
  function alert(text) {
    const box = byId('alert');
    box.textContent = text;
    box.hidden = false;
    navigator.vibrate?.([300, 150, 300]);
    clearTimeout(alertTimer);
    alertTimer = setTimeout(() => {
      box.hidden = true;
    }, ALERT_SHOWN_MS);
  }

  function tick() {
    if (client.stopped) {
      clearInterval(ticker);
      return;
    }
    const mirror = client.mirror;
    if (!mirror.loaded) return;
    const left = remainingMs(mirror.phase, client.offsetMs);
    const phase = mirror.phase;
    if (left !== null && phase.state === 'running') {
      if (left > 60_000) longRounds.add(phase.round);
      else if (left > 0 && longRounds.has(phase.round) && !alerted.has(`minute${phase.round}`)) {
        alerted.add(`minute${phase.round}`);
        alert(`One minute left in round ${phase.round}.`);
      }
    }
    renderClock();
  }
  const ticker = setInterval(tick, 500);

  // ----- rendering

  const scheduleRender = frameScheduler(render);

  function renderClock() {
    const mirror = client.mirror;
    const left = remainingMs(mirror.phase, client.offsetMs);
    byId('clock').hidden = left === null;
    if (left === null) return;
    setText(byId('timer'), formatClock(left));
    setText(byId('timer-state'), mirror.phase.state === 'paused' ? 'Paused' : left === 0 ? 'Time is up' : 'left in this round');
  }

  function render() {
    const mirror = client.mirror;
    if (!me || !mirror.loaded) return;
    setText(byId('cafe-title'), mirror.title);
    document.title = `${mirror.title}: your table`;
    const phase = mirror.phase;
    const round = mirror.round();
    const total = mirror.rounds.length;
    const plan = mirror.plan();
    const planned = plan ? mirror.tableOf(plan.round, me.participantId) : undefined;
    const current = round > 0 ? mirror.tableOf(round, me.participantId) : undefined;

    /** @type {TableSeats | undefined} the table to show in big type */
    let shown;
    let heading = '';
    let detail = '';
    let label = '';
    /** The round whose question is shown. */
    let questionRound = 0;
    switch (phase.state) {
      case 'lobby':
        label = `Before round 1 of ${total}`;
        shown = planned;
        heading = planned ? `Table ${planned.table}` : 'You are in';
        detail = planned ? 'Go to this table when round 1 starts.' : 'Wait for the facilitator to start round 1. Your table will show here.';
        questionRound = 1;
        break;
      case 'running':
      case 'paused':
        label = `Round ${round} of ${total}`;
        shown = current;
        heading = current ? `Table ${current.table}` : 'Finding you a table…';
        detail = current ? '' : 'You will get a table in a moment.';
        questionRound = round;
        break;
      case 'betweenRounds':
        label = `Round ${round} of ${total} is over`;
        if (round >= total) {
          heading = 'That was the last round';
          detail = 'Thank you! Stay for the harvest.';
        } else {
          shown = planned;
          label = `Round ${round} is over. For round ${round + 1} go to`;
          heading = planned ? `Table ${planned.table}` : 'Your next table…';
          detail = planned ? '' : 'It will show here in a moment.';
          questionRound = round + 1;
        }
        break;
      default:
        label = 'The rounds are over';
        heading = 'Thank you';
        detail = phase.state === 'closed' ? 'This café is closed.' : 'The harvest has begun: look at the wall, and vote below when voting opens.';
    }
    const place = byId('place');
    setText(byId('round-label'), label);
    setText(byId('place-heading'), heading);
    if (shown) {
      const { colour, name } = tableColour(shown.table);
      place.style.setProperty('--table-colour', colour);
      place.dataset.table = String(shown.table);
      setText(byId('place-detail'), `${capitalise(name)} table. ${detail}`.trim());
    } else {
      place.style.removeProperty('--table-colour');
      delete place.dataset.table;
      setText(byId('place-detail'), detail);
    }
    const hosting = !!shown && shown.host === me.participantId;
    place.classList.toggle('hosting', hosting);
    byId('host-badge').hidden = !hosting;
    setText(byId('host-badge'), phase.state === 'betweenRounds' || phase.state === 'lobby' ? 'You will host this table' : 'You are the host of this table');

    renderClock();

    const question = questionRound > 0 ? mirror.rounds[questionRound - 1]?.question : undefined;
    byId('question-box').hidden = !question;
    setText(byId('question-heading'), questionRound > round ? `Round ${questionRound} question` : 'The question');
    setText(byId('question'), question ?? '');

    setText(byId('mates-heading'), phase.state === 'running' || phase.state === 'paused' ? 'At your table' : 'At your next table');
    renderMates(shown);
    renderBroadcast();
    renderNotes(current, round);
    renderRecap(shown, hosting, phase.state === 'running' || phase.state === 'paused' ? round : round + 1);
    harvest.render();
  }

  /** @param {TableSeats | undefined} table */
  function renderMates(table) {
    const box = byId('mates-box');
    const mates = table ? table.members.filter((id) => id !== me?.participantId) : [];
    box.hidden = !table;
    if (!table) return;
    const mirror = client.mirror;
    fill(
      byId('mates'),
      mates.length === 0
        ? h('li', { class: 'empty' }, 'Nobody else yet')
        : mates.map((id) => {
            const p = mirror.participants.get(id);
            const about = [p?.organisation, p?.role].filter(Boolean).join(', ');
            return h(
              'li',
              {},
              h('span', { class: 'mate-name' }, p?.name ?? 'Someone'),
              table.host === id ? h('span', { class: 'badge' }, 'host') : null,
              about ? h('span', { class: 'mate-about' }, about) : null,
            );
          }),
    );
  }

  function renderBroadcast() {
    const b = client.mirror.lastBroadcast;
    const el = byId('broadcast');
    el.hidden = !b;
    setText(el, b ? `From the facilitator: ${b.text}` : '');
  }

  /**
   * @param {TableSeats | undefined} current
   * @param {number} round
   */
  function renderNotes(current, round) {
    const mirror = client.mirror;
    const box = byId('notes-box');
    const pending = outbox?.notes ?? [];
    const seatedEver = round > 0 && !!current;
    // In the harvest nobody writes notes any more; phones vote on them below.
    const writing = phase() !== 'harvest' && phase() !== 'closed';
    box.hidden = (!seatedEver || !writing) && pending.length === 0;
    if (box.hidden) return;
    setText(byId('notes-heading'), current ? `Notes of table ${current.table}, round ${round}` : 'Your notes');
    /** @type {{ key: string, text: string, who: string, state: 'saved' | 'sending' | 'pending' | 'failed', at: number, problem?: string }[]} */
    const rows = [];
    const waiting = new Set(pending.map((n) => n.noteId));
    if (current) {
      for (const n of mirror.notes.values()) {
        if (n.round !== round || n.table !== current.table || waiting.has(n.noteId)) continue;
        rows.push({ key: n.noteId, text: n.text, who: n.authorName, state: 'saved', at: n.postedAt - client.offsetMs });
      }
    }
    for (const n of pending) {
      const stored = mirror.notes.get(n.noteId);
      const state = n.problem ? 'failed' : stored ? 'saved' : sending.has(n.noteId) ? 'sending' : 'pending';
      rows.push({ key: n.noteId, text: stored?.text ?? n.text, who: me?.name ?? 'You', state, at: n.createdAt, problem: n.problem });
    }
    rows.sort((a, b) => b.at - a.at);
    fill(
      byId('notes'),
      rows.length === 0 ? h('li', { class: 'empty' }, 'No notes yet. The host usually writes them; anyone at the table can.') : null,
      rows.map((r) =>
        h(
          'li',
          { class: `note ${r.state}`, 'data-note-id': r.key, 'data-state': r.state },
          h('p', { class: 'note-text' }, r.text),
          h(
            'p',
            { class: 'note-meta' },
            h('span', {}, r.who),
            h('span', { class: 'note-state' }, STATE_WORDS[r.state]),
            r.problem ? h('span', { class: 'note-problem' }, r.problem) : null,
            r.state === 'failed'
              ? h('button', { type: 'button', class: 'link', onclick: () => dismiss(r.key) }, 'Remove')
              : null,
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
        : offline
          ? `${unsent} note${unsent === 1 ? '' : 's'} kept on this phone; they will be sent when the connection is back.`
          : `Sending ${unsent} note${unsent === 1 ? '' : 's'}…`,
    );
    if (outbox && !outbox.persisted) {
      setText(byId('outbox-state'), 'This browser will not keep notes across a reload (private mode?). Keep this page open until they are sent.');
    }
  }

  function phase() {
    return client.mirror.phase.state;
  }

  /** @param {string} noteId */
  function dismiss(noteId) {
    outbox?.remove(noteId);
    scheduleRender();
  }

  /**
   * The notes of earlier rounds at the table this person hosts, to brief newcomers.
   * @param {TableSeats | undefined} table
   * @param {boolean} hosting
   * @param {number} beforeRound
   */
  function renderRecap(table, hosting, beforeRound) {
    const box = byId('recap-box');
    const notes = table && hosting
      ? [...client.mirror.notes.values()].filter((n) => n.table === table.table && n.round < beforeRound)
      : [];
    box.hidden = notes.length === 0;
    if (box.hidden) return;
    notes.sort((a, b) => a.round - b.round || a.postedAt - b.postedAt);
    fill(
      byId('recap'),
      notes.map((n) =>
        h('li', { class: 'note saved' }, h('p', { class: 'note-text' }, n.text), h('p', { class: 'note-meta' }, `Round ${n.round} · ${n.authorName}`)),
      ),
    );
  }
}

/** @type {Record<'saved' | 'sending' | 'pending' | 'failed', string>} */
const STATE_WORDS = {
  saved: '✓ Saved',
  sending: 'Sending…',
  pending: 'Waiting to send',
  failed: 'Not saved',
};

/** @param {string} s */
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * @param {string} code
 * @param {Identity} me
 */
function remember(code, me) {
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
function joined(code) {
  try {
    localStorage.removeItem(`flamingo.joining.${code}`);
  } catch {
    // nothing stored
  }
}

/** @param {string} code */
function forget(code) {
  try {
    localStorage.removeItem(identityKey(code));
  } catch {
    // nothing stored
  }
}

// ---------------------------------------------------------------------------------------------

const code = codeFromAddress();
const known = code ? storedIdentity(code) : null;
if (known && known.cafeId) {
  startSession(code, { as: 'participant', cafeId: known.cafeId, participantId: known.participantId, resumeToken: known.resumeToken }, known.name);
} else {
  showJoin(code);
}
