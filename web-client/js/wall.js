// @ts-check
// The wall on the projector: the question, the clock, the join code and QR code while people
// arrive, and the board of tables (wall-board.js); in the harvest the themes (wall-harvest.js)
// above the notes in no theme. The controls (Full screen, the connection) stay out of the
// room's sight unless the pointer moves, focus is on them, or the link is down.

/** @typedef {import('../src/protocol').NoteView} NoteView */

import { CafeClient } from './connection.js';
import { byId, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { joinUrl, qrSrc } from './joinlink.js';
import { showStatus } from './status.js';
import { wallHarvest } from './wall-harvest.js';
import { wallBoard } from './wall-board.js';
import { announcer } from './announce.js';
import { errorWords, languagePicker, onLanguageChange, preferredLanguage, t, useLanguage } from './i18n.js';

await useLanguage(preferredLanguage());
languagePicker(byId('language', HTMLSelectElement));

/** How long the controls stay after the pointer last moved. */
const CONTROLS_SHOWN_MS = 3_000;

const match = location.pathname.match(/^\/wall\/([^/]+)/);
const code = match ? decodeURIComponent(match[1]).toUpperCase() : '';

/** @type {NoteView[]} notes that arrived since the last frame */
let arrived = [];
let rebuild = true;
let frameAsked = false;
/** The newest `postedAt` seen. */
let latest = 0;

const client = new CafeClient({
  auth: () => ({ as: 'wall', joinCode: code }),
  onStatus: (status) => {
    showStatus(byId('status'), status);
    document.body.dataset.link = status;
  },
  onChange: (change) => {
    if (change.kind === 'update') {
      const u = change.update;
      // A note put back on the wall is older than what is shown: redraw to keep the order.
      if (u.type === 'notePosted' && !rebuild && u.note.postedAt >= latest) arrived.push(u.note);
      else if (u.type === 'notePosted') rebuild = true;
      else if (u.type === 'noteEdited' || u.type === 'noteDeleted' || u.type === 'noteHidden') rebuild = true;
      // The board under the themes holds the notes in no theme.
      else if (u.type === 'noteThemed' || u.type.startsWith('theme')) rebuild = true;
      if (u.type === 'notePosted') latest = Math.max(latest, u.note.postedAt);
    } else if (change.kind === 'snapshot') {
      rebuild = true;
      for (const n of client.mirror.notes.values()) latest = Math.max(latest, n.postedAt);
    }
    ask();
  },
  onRefused: (_code, message) => {
    setText(byId('question'), t('wall-refused', { problem: errorWords(_code, message) }));
  },
});

const harvest = wallHarvest(client.mirror);
const say = announcer(byId('say'));
/** The round label last drawn: a new one is said in the status region. */
let saidLabel = '';
const board = wallBoard(client.mirror, ask);

function ask() {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(() => {
    frameAsked = false;
    render();
  });
}

function render() {
  const mirror = client.mirror;
  if (!mirror.loaded) return;
  const phase = mirror.phase;
  const round = mirror.round();
  const total = mirror.rounds.length;
  setText(byId('title'), mirror.title);
  document.title = t('wall-title', { title: mirror.title });

  // People arrive before the first round and in the breaks; after the last round nobody does.
  const joining = phase.state === 'lobby' || (phase.state === 'betweenRounds' && round < total);
  const panel = byId('join-panel');
  panel.hidden = !joining;
  if (joining) {
    const img = byId('join-qr', HTMLImageElement);
    const src = qrSrc(mirror.joinCode);
    if (img.getAttribute('src') !== src) img.src = src;
    setText(byId('join-code'), mirror.joinCode);
    setText(byId('join-url'), joinUrl(mirror.joinCode));
    const here = [...mirror.participants.values()].filter((p) => p.present).length;
    setText(byId('join-count'), t('wall-here', { count: here }));
  }
  const corner = byId('corner-code');
  corner.hidden = phase.state !== 'running' && phase.state !== 'paused';
  setText(corner, t('wall-join-at', { url: joinUrl(mirror.joinCode) }));

  /** @type {string} */
  let label;
  /** @type {number} */
  let questionRound;
  switch (phase.state) {
    case 'lobby':
      label = t('wall-starts-soon', { total });
      questionRound = 1;
      break;
    case 'running':
      label = t('card-round-of', { round, total });
      questionRound = round;
      break;
    case 'paused':
      label = t('wall-paused', { round, total });
      questionRound = round;
      break;
    case 'betweenRounds':
      label = round < total ? t('wall-between', { round, next: round + 1 }) : t('wall-last-over');
      questionRound = round < total ? round + 1 : round;
      break;
    case 'harvest':
      label = t('wall-harvest');
      questionRound = 0;
      break;
    default:
      label = t('wall-closed');
      questionRound = 0;
  }
  setText(byId('round-label'), label);
  if (saidLabel && label !== saidLabel) say(`${label}.`);
  saidLabel = label;
  // The title is the page's heading already: in the harvest the question line says nothing.
  const question = byId('question');
  setText(question, questionRound ? (mirror.rounds[questionRound - 1]?.question ?? '') : '');
  question.hidden = !questionRound;
  renderClock();

  const b = mirror.lastBroadcast;
  byId('broadcast').hidden = !b;
  setText(byId('broadcast'), b ? b.text : '');

  harvest.render();
  // The board shows the round being played (or just played); the harvest shows them all.
  const wanted = phase.state === 'harvest' || phase.state === 'closed' ? 0 : round;
  board.show(wanted, rebuild, arrived);
  rebuild = false;
  arrived = [];
  const cards = board.cards();
  byId('board-empty').hidden = cards > 0 || wanted === 0;
  // In the harvest the board holds the notes in no theme; with none, it says nothing.
  byId('notes-heading').hidden = wanted === 0 && cards === 0;
}

function renderClock() {
  const left = remainingMs(client.mirror.phase, client.offsetMs);
  setText(byId('timer'), left === null ? '' : formatClock(left));
  setText(byId('timer-state'), client.mirror.phase.state === 'paused' ? t('wall-clock-paused') : left === null ? '' : t(left === 0 ? 'wall-clock-up' : 'wall-clock-left'));
}

byId('fullscreen').addEventListener('click', () => {
  document.documentElement.requestFullscreen?.().catch(() => {});
});

/** @type {ReturnType<typeof setTimeout> | undefined} */
let pointerTimer;
document.addEventListener('pointermove', () => {
  document.body.classList.add('pointer-moved');
  clearTimeout(pointerTimer);
  pointerTimer = setTimeout(() => document.body.classList.remove('pointer-moved'), CONTROLS_SHOWN_MS);
});

setInterval(() => {
  if (client.mirror.loaded) renderClock();
}, 500);

if (code) client.start();
else setText(byId('question'), t('wall-no-code'));

onLanguageChange(() => {
  showStatus(byId('status'), client.status);
  rebuild = true;
  ask();
});
