// @ts-check
// The facilitator console: the start screen (create or reopen a café), then the console of one
// café, made of one module per panel (join, round, broadcast, table map, people, notes feed,
// export, and the harvest's) that share a `Desk`. The key stays in this browser's localStorage.

/** @typedef {import('./saved.js').SavedCafe} SavedCafe */
/** @typedef {import('./desk.js').Desk} Desk */

import { CafeClient } from './connection.js';
import { forgetCafe, saveCafe, savedCafes } from './saved.js';
import { byId, frameScheduler, setText } from './dom.js';
import { showStatus } from './status.js';
import { answerWords } from './desk.js';
import { announcer } from './announce.js';
import { focusHeading } from './focus.js';
import { showReopenError, showStart, startScreen } from './console-start.js';
import { joinPanel } from './join-panel.js';
import { roundControls } from './round-controls.js';
import { broadcastForm } from './broadcast-form.js';
import { tableMap } from './table-map.js';
import { peopleList } from './people-list.js';
import { notesFeed } from './notes-feed.js';
import { exportPanel } from './export-panel.js';
import { harvestBoard } from './harvest-board.js';
import { suggestionsPanel } from './suggestions.js';
import { votingControls } from './voting-controls.js';
import { commitmentsEditor } from './commitments-editor.js';
import { feedbackEditor } from './feedback-editor.js';
import { coFacilitatorPanel } from './cofacilitator.js';
import { errorWords, languagePicker, onLanguageChange, preferredLanguage, t, useLanguage } from './i18n.js';

await useLanguage(preferredLanguage());
languagePicker(byId('language', HTMLSelectElement));
/** Redraws the running console in a new language; nothing to redraw on the start screen. */
let redraw = () => {};
onLanguageChange(() => redraw());

/**
 * The console link that opens a café with a key (the facilitator's or a co-facilitator's).
 * @param {string} cafeId
 * @param {string} key
 */
function keyLink(cafeId, key) {
  return `${location.origin}/console#cafe=${encodeURIComponent(cafeId)}&key=${encodeURIComponent(key)}`;
}

/**
 * Reads `#cafe=…&key=…` (a console link) into saved cafés and takes the key out of the address
 * bar, so it does not linger in history or get shown on the projector.
 * @returns {string | null} the café to open
 */
function cafeFromAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const cafeId = params.get('cafe');
  const key = params.get('key');
  if (cafeId && key) {
    const held = savedCafes().find((c) => c.cafeId === cafeId);
    // A facilitator who opens the co-facilitator link on their own laptop would swap their key
    // for the lesser one: ask first.
    const swap =
      held?.role === 'facilitator' && held.facilitatorKey !== key
        ? confirm(t('c-swap-key-confirm'))
        : true;
    if (swap) saveCafe({ cafeId, facilitatorKey: key, savedAt: Date.now() });
    history.replaceState(null, '', `/console#cafe=${encodeURIComponent(cafeId)}`);
  }
  return cafeId;
}

const say = announcer(byId('say'));

/** @type {{ client: CafeClient, timer: ReturnType<typeof setInterval> } | null} */
let running = null;

function stopRunning() {
  running?.client.stop();
  if (running) clearInterval(running.timer);
  running = null;
}

/** @param {string} cafeId */
function openCafe(cafeId) {
  const saved = savedCafes().find((c) => c.cafeId === cafeId);
  if (!saved) {
    showStart();
    showReopenError(t('c-no-key'));
    return;
  }
  if (location.pathname !== '/console' || !location.hash.includes(cafeId)) {
    history.pushState(null, '', `/console#cafe=${encodeURIComponent(cafeId)}`);
  }
  byId('start').hidden = true;
  byId('console').hidden = false;
  byId('status').hidden = false;
  byId('home-link').hidden = false;
  setText(byId('console-link'), keyLink(saved.cafeId, saved.facilitatorKey));
  runConsole(saved);
  // A new view: it starts at its top (the start screen may have been scrolled down to Create),
  // and focus goes to its heading rather than to the hidden button that opened it.
  window.scrollTo(0, 0);
  focusHeading(byId('console-heading'));
}

/** @param {SavedCafe} saved */
function runConsole(saved) {
  stopRunning();
  /** @type {'facilitator' | 'coFacilitator'} what the server says this key is */
  let role = 'facilitator';

  const client = new CafeClient({
    auth: () => ({ as: 'facilitator', cafeId: saved.cafeId, facilitatorKey: saved.facilitatorKey }),
    onWelcome: (you) => {
      role = you.role === 'coFacilitator' ? 'coFacilitator' : 'facilitator';
      if (saved.role !== role) {
        saved = { ...saved, role };
        saveCafe(saved);
      }
      schedule();
    },
    onStatus: (status) => {
      showStatus(byId('status'), status);
      schedule();
    },
    onChange: (change) => {
      feed.notice(change);
      board.notice(change);
      if (change.kind === 'snapshot' && (saved.joinCode !== client.mirror.joinCode || saved.title !== client.mirror.title)) {
        saved = { ...saved, joinCode: client.mirror.joinCode, title: client.mirror.title };
        saveCafe(saved);
      }
      schedule();
    },
    onClosedForGood: (code) => {
      // 4500: the key was refused mid-session: a co-facilitator link replaced or revoked.
      if (code !== 4500) return;
      forgetCafe(saved.cafeId);
      showStart();
      showReopenError(t('c-key-revoked'));
    },
    onRefused: (code, message) => {
      if (code === 'badCredentials') forgetCafe(saved.cafeId);
      showStart();
      showReopenError(code === 'badCredentials' ? t('c-bad-key') : errorWords(code, message));
    },
  });

  const schedule = frameScheduler(render);
  redraw = () => {
    showStatus(byId('status'), client.status);
    schedule();
  };
  /** @type {Desk} */
  const desk = {
    client,
    key: saved.facilitatorKey,
    cafeId: saved.cafeId,
    role: () => role,
    schedule,
    keyLink: (key) => keyLink(saved.cafeId, key),
    say,
    send: async (command, done, out) => {
      const answer = await client.send(command);
      setText(out ?? byId('harvest-feedback'), answerWords(answer, done));
      schedule();
      return answer.ok;
    },
  };
  const round = roundControls(desk, say);
  const feed = notesFeed(desk);
  const board = harvestBoard(desk);
  const panels = [joinPanel(desk, () => keyLink(saved.cafeId, saved.facilitatorKey)), round, broadcastForm(desk), tableMap(desk), peopleList(desk), feed, exportPanel(desk)];
  const harvestParts = [
    board,
    suggestionsPanel(desk),
    votingControls(desk),
    commitmentsEditor(desk),
    feedbackEditor(desk),
    coFacilitatorPanel(desk, desk.keyLink),
  ];

  running = { client, timer: setInterval(round.renderTimer, 500) };
  client.start();

  function render() {
    const m = client.mirror;
    if (!m.loaded) return;
    setText(byId('cafe-name'), m.title);
    document.title = t('c-title', { title: m.title });
    const wall = byId('wall-link', HTMLAnchorElement);
    wall.href = `/wall/${m.joinCode}`;
    wall.hidden = false;
    // The harvest panel first: the round bar may hand focus to its heading.
    const harvesting = m.phase.state === 'harvest' || m.phase.state === 'closed';
    byId('harvest-panel').hidden = !harvesting;
    byId('console').classList.toggle('harvesting', harvesting);
    for (const panel of panels) panel.render();
    for (const part of harvestParts) part.render();
  }
}

function route() {
  const cafeId = location.pathname === '/console' ? cafeFromAddress() : null;
  if (cafeId) openCafe(cafeId);
  else {
    stopRunning();
    showStart();
  }
}

startScreen(openCafe);
window.addEventListener('popstate', route);
window.addEventListener('hashchange', route);
route();
