// @ts-check
// The facilitator console: create a café (or reopen one with its key), show the join code and
// QR code, see who is here, move people and choose hosts on the table map, run the rounds,
// broadcast, and follow every note. The key stays in this browser's localStorage.

/** @typedef {import('../src/protocol').CreateCafeRequest} CreateCafeRequest */
/** @typedef {import('../src/protocol').CreateCafeResponse} CreateCafeResponse */
/** @typedef {import('../src/protocol').ErrorBody} ErrorBody */
/** @typedef {import('../src/protocol').Command} Command */
/** @typedef {import('../src/protocol').SeatingView} SeatingView */
/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./saved.js').SavedCafe} SavedCafe */

import { CafeClient } from './connection.js';
import { downloadExport } from './export.js';
import { forgetCafe, saveCafe, savedCafes } from './saved.js';
import { byId, fill, frameScheduler, h, keepFocus, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { isLoopback, joinUrl, qrSrc, saveJoinOrigin } from './joinlink.js';
import { showStatus } from './status.js';
import { tableColour } from './tables.js';
import { harvestBoard } from './harvest-board.js';
import { suggestionsPanel } from './suggestions.js';
import { votingControls } from './voting-controls.js';
import { commitmentsEditor } from './commitments-editor.js';
import { feedbackEditor } from './feedback-editor.js';
import { coFacilitatorPanel } from './cofacilitator.js';

const MAX_ROUNDS = 12;
const FEED_SHOWN = 200;
const DEFAULT_ROUNDS = [
  { question: 'What gets in the way of working across our organisations?', minutes: 20 },
  { question: 'What have you seen work elsewhere?', minutes: 20 },
  { question: 'What will we commit to doing together?', minutes: 20 },
];


/** @param {SavedCafe} cafe */
function consoleLink(cafe) {
  return keyLink(cafe.cafeId, cafe.facilitatorKey);
}

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
        ? confirm('This browser runs this café as its facilitator. Open this link as a co-facilitator instead? This browser then forgets the facilitator key (keep your console link to get it back).')
        : true;
    if (swap) saveCafe({ cafeId, facilitatorKey: key, savedAt: Date.now() });
    history.replaceState(null, '', `/console#cafe=${encodeURIComponent(cafeId)}`);
  }
  return cafeId;
}

// ---------------------------------------------------------------------------------------------
// The start screen: create or reopen

const roundsList = byId('rounds', HTMLOListElement);

/** @param {{ question: string, minutes: number }} round */
function addRoundRow(round) {
  const li = h(
    'li',
    { class: 'round-row' },
    h('label', { class: 'round-q' }, h('span', { class: 'round-name' }), h('textarea', { rows: 2, maxlength: 500, required: true, class: 'question-input' })),
    h('label', { class: 'round-min' }, 'Minutes', h('input', { type: 'number', min: 1, max: 240, required: true, class: 'minutes-input' })),
    h(
      'div',
      { class: 'round-tools' },
      h('button', { type: 'button', class: 'up', onclick: () => moveRow(li, -1) }, '↑'),
      h('button', { type: 'button', class: 'down', onclick: () => moveRow(li, 1) }, '↓'),
      h('button', { type: 'button', class: 'remove', onclick: () => removeRow(li) }, 'Remove'),
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
    setText(/** @type {Element} */ (li.querySelector('.round-name')), `Round ${n} question`);
    /** @type {HTMLButtonElement} */ (li.querySelector('.up')).setAttribute('aria-label', `Move round ${n} up`);
    /** @type {HTMLButtonElement} */ (li.querySelector('.down')).setAttribute('aria-label', `Move round ${n} down`);
    /** @type {HTMLButtonElement} */ (li.querySelector('.remove')).setAttribute('aria-label', `Remove round ${n}`);
    /** @type {HTMLInputElement} */ (li.querySelector('.minutes-input')).setAttribute('aria-label', `Round ${n} minutes`);
    /** @type {HTMLButtonElement} */ (li.querySelector('.up')).disabled = i === 0;
    /** @type {HTMLButtonElement} */ (li.querySelector('.down')).disabled = i === rows.length - 1;
    /** @type {HTMLButtonElement} */ (li.querySelector('.remove')).disabled = rows.length === 1;
  });
  byId('add-round', HTMLButtonElement).disabled = rows.length >= MAX_ROUNDS;
}

byId('add-round').addEventListener('click', () => {
  addRoundRow({ question: '', minutes: 20 });
  /** @type {HTMLTextAreaElement} */ (roundsList.lastElementChild?.querySelector('textarea')).focus();
});

const createForm = byId('create-form', HTMLFormElement);
createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const errorBox = byId('create-error');
  errorBox.hidden = true;
  const data = new FormData(createForm);
  const rounds = [...roundsList.children].map((li) => ({
    question: /** @type {HTMLTextAreaElement} */ (li.querySelector('textarea')).value.trim(),
    minutes: Number(/** @type {HTMLInputElement} */ (li.querySelector('input')).value),
  }));
  /** @type {CreateCafeRequest} */
  const request = { title: String(data.get('title') ?? '').trim(), tableSize: Number(data.get('tableSize')), rounds };
  const tables = String(data.get('tables') ?? '').trim();
  if (tables) request.tables = Number(tables);
  const problem = !request.title
    ? 'Give the café a title.'
    : rounds.some((r) => !r.question)
      ? 'Every round needs a question.'
      : rounds.some((r) => !(r.minutes >= 1 && r.minutes <= 240))
        ? 'Rounds last 1 to 240 minutes.'
        : null;
  if (problem) {
    errorBox.textContent = problem;
    errorBox.hidden = false;
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
    errorBox.textContent = e instanceof TypeError ? 'Could not reach the Flamingo server. Is it running?' : String(/** @type {Error} */ (e).message);
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
  const errorBox = byId('reopen-error');
  if (!cafeId || !key) {
    errorBox.textContent = 'Paste the console link, or both the café id and the key.';
    errorBox.hidden = false;
    return;
  }
  errorBox.hidden = true;
  saveCafe({ cafeId, facilitatorKey: key, savedAt: Date.now() });
  openCafe(cafeId);
});

function showStart() {
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
        c.joinCode ? h('span', { class: 'hint' }, ` code ${c.joinCode}`) : null,
      ),
    ),
  );
  if (roundsList.children.length === 0) DEFAULT_ROUNDS.forEach(addRoundRow);
}

// ---------------------------------------------------------------------------------------------
// The console of one café

/** @type {CafeClient | null} */
let client = null;

/** @param {string} cafeId */
function openCafe(cafeId) {
  const saved = savedCafes().find((c) => c.cafeId === cafeId);
  if (!saved) {
    showStart();
    const box = byId('reopen-error');
    box.textContent = 'This browser does not hold the key of that café. Paste its console link.';
    box.hidden = false;
    return;
  }
  if (location.pathname !== '/console' || !location.hash.includes(cafeId)) {
    history.pushState(null, '', `/console#cafe=${encodeURIComponent(cafeId)}`);
  }
  byId('start').hidden = true;
  byId('console').hidden = false;
  byId('status').hidden = false;
  byId('home-link').hidden = false;
  setText(byId('console-link'), consoleLink(saved));
  runConsole(saved);
}

/** @param {SavedCafe} saved */
function runConsole(saved) {
  client?.stop();
  /** @type {string | null} the person picked on the table map */
  let selected = null;
  let feedback = '';
  let lastFeedTop = '';
  /** Counts changes to the notes, so the feed is redrawn only when they changed. */
  let feedVersion = 0;
  /** @type {'facilitator' | 'coFacilitator'} what the server says this key is */
  let role = 'facilitator';

  const c = new CafeClient({
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
      if (change.kind === 'snapshot' || (change.kind === 'update' && change.update.type.startsWith('note'))) feedVersion += 1;
      board.notice(change);
      if (change.kind === 'snapshot' && (saved.joinCode !== c.mirror.joinCode || saved.title !== c.mirror.title)) {
        saved = { ...saved, joinCode: c.mirror.joinCode, title: c.mirror.title };
        saveCafe(saved);
      }
      schedule();
    },
    onClosedForGood: (code) => {
      // 4500: the key was refused mid-session: a co-facilitator link replaced or revoked.
      if (code !== 4500) return;
      forgetCafe(saved.cafeId);
      showStart();
      const box = byId('reopen-error');
      box.textContent = 'This key no longer opens the café: the co-facilitator link was replaced or revoked. Ask the facilitator for a new one.';
      box.hidden = false;
    },
    onRefused: (code, message) => {
      if (code === 'badCredentials') forgetCafe(saved.cafeId);
      showStart();
      const box = byId('reopen-error');
      box.textContent = code === 'badCredentials' ? 'That café id and key do not match a café on this server.' : message;
      box.hidden = false;
    },
  });
  client = c;
  c.start();

  /**
   * @param {Command} command
   * @param {string} [done] what to say when it worked
   */
  async function run(command, done) {
    const answer = await c.send(command);
    if (answer.ok) feedback = done ?? '';
    else if (answer.code === 'offline') feedback = 'Not connected: try again when the indicator says Connected.';
    else feedback = capitalise(answer.message);
    schedule();
    return answer.ok;
  }

  const controls = {
    'start-round': () => run({ type: 'startRound' }),
    plan: () => run({ type: 'planNextRound' }, 'Tables planned: phones show where to go.'),
    pause: () => run({ type: 'pauseRound' }),
    resume: () => run({ type: 'resumeRound' }),
    plus1: () => run({ type: 'adjustTime', seconds: 60 }, 'Added 1 minute.'),
    plus5: () => run({ type: 'adjustTime', seconds: 300 }, 'Added 5 minutes.'),
    'end-round': () => {
      if (confirm('End this round now?')) run({ type: 'endRound' });
    },
    harvest: () => run({ type: 'openHarvest' }),
    close: () => {
      if (confirm('Close the café for good? Nobody can join or write after this.')) run({ type: 'closeCafe' });
    },
  };
  for (const [id, action] of Object.entries(controls)) {
    const button = byId(id, HTMLButtonElement);
    button.onclick = action;
  }

  const broadcastForm = byId('broadcast-form', HTMLFormElement);
  broadcastForm.onsubmit = async (event) => {
    event.preventDefault();
    const field = byId('broadcast', HTMLTextAreaElement);
    const text = field.value.trim();
    if (!text) return;
    if (await run({ type: 'broadcast', text }, 'Sent to everyone.')) field.value = '';
  };

  const originForm = byId('origin-form', HTMLFormElement);
  originForm.onsubmit = (event) => {
    event.preventDefault();
    const origin = saveJoinOrigin(byId('origin', HTMLInputElement).value);
    if (!origin) feedback = 'That does not look like an address: try 192.168.1.20:8080.';
    schedule();
  };

  for (const button of byId('export-buttons').querySelectorAll('button[data-format]')) {
    if (!(button instanceof HTMLButtonElement)) continue;
    button.onclick = async () => {
      const format = /** @type {import('../src/protocol').ExportFormat} */ (button.dataset.format);
      const anonymous = byId('export-anonymous', HTMLInputElement).checked;
      const out = byId('export-feedback');
      if (!c.mirror.loaded) return;
      button.disabled = true;
      setText(out, 'Preparing the download…');
      try {
        const file = await downloadExport(c.mirror.joinCode, saved.facilitatorKey, format, anonymous);
        setText(out, `Saved ${file}.`);
      } catch (e) {
        setText(out, `Could not export: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        button.disabled = false;
      }
    };
  }
  byId('export-anonymous', HTMLInputElement).onchange = () => schedule();

  byId('copy-link').onclick = async () => {
    try {
      await navigator.clipboard.writeText(consoleLink(saved));
      setText(byId('copy-state'), 'Copied.');
    } catch {
      setText(byId('copy-state'), 'Select the link and copy it by hand.');
    }
  };

  const schedule = frameScheduler(render);
  setInterval(renderTimer, 500);

  /** @type {import('./harvest-board.js').Staff} */
  const staff = {
    client: c,
    key: saved.facilitatorKey,
    role: () => role,
    schedule,
    send: async (command, done, out) => {
      const answer = await c.send(command);
      const said = answer.ok
        ? (done ?? '')
        : answer.code === 'offline'
          ? 'Not connected: try again when the indicator says Connected.'
          : capitalise(answer.message);
      setText(out ?? byId('harvest-feedback'), said);
      schedule();
      return answer.ok;
    },
  };
  const board = harvestBoard(staff);
  const harvestParts = [
    board,
    suggestionsPanel(staff),
    votingControls(staff),
    commitmentsEditor(staff),
    feedbackEditor(staff),
    coFacilitatorPanel(staff, (key) => keyLink(saved.cafeId, key)),
  ];

  function renderTimer() {
    if (!c.mirror.loaded) return;
    const left = remainingMs(c.mirror.phase, c.offsetMs);
    setText(byId('timer'), left === null ? '' : `${formatClock(left)}${c.mirror.phase.state === 'paused' ? ' (paused)' : ''}`);
  }

  function render() {
    const m = c.mirror;
    if (!m.loaded) return;
    setText(byId('cafe-name'), m.title);
    document.title = `${m.title}: console`;
    const wall = byId('wall-link', HTMLAnchorElement);
    wall.href = `/wall/${m.joinCode}`;
    wall.hidden = false;
    const anonymous = byId('export-anonymous', HTMLInputElement).checked;
    byId('report-link', HTMLAnchorElement).href =
      `/report.html#cafe=${encodeURIComponent(saved.cafeId)}${anonymous ? '&authors=anonymous' : ''}`;

    // Join panel
    const qr = byId('qr', HTMLImageElement);
    const src = qrSrc(m.joinCode);
    if (qr.getAttribute('src') !== src) qr.src = src;
    setText(byId('code'), m.joinCode);
    const url = joinUrl(m.joinCode);
    const link = byId('join-url', HTMLAnchorElement);
    link.href = url;
    setText(link, url);
    byId('loopback').hidden = !isLoopback(new URL(url).hostname);

    renderRound();
    renderTables();
    renderPeople();
    renderFeed();
    renderHarvest();
  }

  function renderHarvest() {
    const state = c.mirror.phase.state;
    const harvesting = state === 'harvest' || state === 'closed';
    byId('harvest-panel').hidden = !harvesting;
    byId('console').classList.toggle('harvesting', harvesting);
    // The key to the whole café is the facilitator's to share, not a co-facilitator's.
    /** @type {HTMLElement} */ (byId('console-link').closest('details')).hidden = role !== 'facilitator';
    // Exports are the facilitator's (the server refuses other keys).
    for (const part of harvestParts) part.render();
  }

  function renderRound() {
    const m = c.mirror;
    const phase = m.phase;
    const round = m.round();
    const total = m.rounds.length;
    const next = round + 1;
    const labels = {
      lobby: `Lobby: round 1 of ${total} not started`,
      running: `Round ${round} of ${total} running`,
      paused: `Round ${round} of ${total} paused`,
      betweenRounds: round < total ? `Round ${round} of ${total} is over` : `All ${total} rounds are over`,
      harvest: 'Harvest',
      closed: 'Closed',
    };
    setText(byId('round-label'), labels[phase.state]);
    const shownRound = phase.state === 'running' || phase.state === 'paused' ? round : Math.min(next, total);
    setText(byId('question'), phase.state === 'harvest' || phase.state === 'closed' ? '' : `Q${shownRound}: ${m.rounds[shownRound - 1]?.question ?? ''}`);
    renderTimer();
    const live = phase.state === 'running' || phase.state === 'paused';
    const canStart = (phase.state === 'lobby' || phase.state === 'betweenRounds') && next <= total;
    const show = {
      'start-round': canStart,
      plan: canStart,
      pause: phase.state === 'running',
      resume: phase.state === 'paused',
      plus1: live,
      plus5: live,
      'end-round': live,
      harvest: (phase.state === 'betweenRounds' && next > total) || (phase.state !== 'harvest' && phase.state !== 'closed' && !canStart && !live),
      close: phase.state === 'harvest' && role === 'facilitator',
    };
    for (const [id, visible] of Object.entries(show)) byId(id).hidden = !visible;
    setText(byId('start-round'), next === 1 ? 'Start round 1' : `Start round ${next}`);
    setText(byId('plan'), m.plan() ? 'Re-plan tables' : 'Plan tables now');
    setText(byId('round-feedback'), feedback);
    const b = m.lastBroadcast;
    setText(byId('last-broadcast'), b ? `Last message: ${b.text}` : '');
  }

  /** The seating the map shows and acts on: the running round, else the plan. */
  function activeSeating() {
    const m = c.mirror;
    const phase = m.phase;
    if (phase.state === 'running' || phase.state === 'paused') return m.seating.get(phase.round);
    if (phase.state === 'lobby' || phase.state === 'betweenRounds') return m.plan();
    return undefined;
  }

  function renderTables() {
    const m = c.mirror;
    const seating = activeSeating();
    const phase = m.phase;
    const hint = !seating
      ? phase.state === 'lobby'
        ? 'No tables yet. "Plan tables now" seats everyone so phones can show their table before round 1; "Start round 1" plans by itself.'
        : 'No tables now.'
      : seating.planned
        ? `Preview: who goes where in round ${seating.round}. Tap a person to move them or make them host; your changes stick.`
        : `Round ${seating.round} now. Tap a person to move them or make them host.`;
    setText(byId('tables-hint'), hint);
    setText(byId('tables-heading'), seating ? (seating.planned ? `Tables: plan for round ${seating.round}` : `Tables: round ${seating.round}`) : 'Tables');
    if (selected && !m.participants.get(selected)?.present) selected = null;

    const tables = seating?.tables ?? [];
    keepFocus(byId('table-map'), () =>
      fill(
        byId('table-map'),
        tables.map((t) => tableCard(t)),
      ),
    );
    const seated = new Set(tables.flatMap((t) => t.members));
    const waiting = seating ? [...m.participants.values()].filter((p) => p.present && !seated.has(p.participantId)) : [];
    const unseated = byId('unseated');
    unseated.hidden = waiting.length === 0;
    keepFocus(unseated, () =>
      fill(unseated, h('h3', {}, 'Not seated'), h('ul', { class: 'members' }, waiting.map((p) => h('li', {}, personButton(p.participantId, false))))),
    );
    renderMoveBar(seating, tables);
  }

  /** @param {TableSeats} t */
  function tableCard(t) {
    const { colour, name } = tableColour(t.table);
    const seating = activeSeating();
    const canMoveHere = selected !== null && !t.members.includes(selected);
    const card = h(
      'section',
      { class: 'table-card', 'data-table': t.table, 'aria-label': `Table ${t.table}, ${name}` },
      h('h3', {}, `Table ${t.table}`, h('span', { class: 'count' }, `${t.members.length} / ${c.mirror.tableSize}`)),
      h('ul', { class: 'members' }, t.members.map((id) => h('li', {}, personButton(id, t.host === id)))),
      canMoveHere && seating
        ? h('button', { type: 'button', class: 'move-here', 'data-key': `here-${t.table}`, onclick: () => moveTo(t.table) }, `Move here`)
        : null,
    );
    card.style.setProperty('--table-colour', colour);
    return card;
  }

  /**
   * @param {string} id
   * @param {boolean} host
   */
  function personButton(id, host) {
    const p = c.mirror.participants.get(id);
    const online = c.mirror.connected.has(id);
    return h(
      'button',
      {
        type: 'button',
        class: `person${host ? ' host' : ''}`,
        'aria-pressed': String(selected === id),
        'data-key': `p-${id}`,
        onclick: () => {
          selected = selected === id ? null : id;
          schedule();
        },
      },
      h('span', { class: `dot ${online ? 'on' : 'off'}`, title: online ? 'phone connected' : 'phone not connected' }),
      h('span', { class: 'visually-hidden' }, online ? 'connected, ' : 'not connected, '),
      p?.name ?? 'Someone',
      host ? h('span', { class: 'badge' }, 'host') : null,
      p?.organisation ? h('span', { class: 'org' }, p.organisation) : null,
    );
  }

  /**
   * @param {SeatingView | undefined} seating
   * @param {TableSeats[]} tables
   */
  function renderMoveBar(seating, tables) {
    const bar = byId('move-bar');
    const p = selected ? c.mirror.participants.get(selected) : undefined;
    bar.hidden = !p || !seating;
    if (!p || !seating || !selected) return;
    const who = selected;
    const at = tables.find((t) => t.members.includes(who));
    const highest = Math.max(c.mirror.physicalTables ?? 0, ...tables.map((t) => t.table + 1));
    const options = [];
    for (let n = 1; n <= highest; n++) {
      if (n !== at?.table) options.push(h('option', { value: n }, `Table ${n}${tables.some((t) => t.table === n) ? '' : ' (empty)'}`));
    }
    const select = h('select', { id: 'move-to', 'data-key': 'move-to' }, options);
    keepFocus(bar, () =>
      fill(
        bar,
        h('p', { class: 'move-who' }, h('strong', {}, p.name), at ? ` at table ${at.table}` : ' (not seated)'),
        h('label', { for: 'move-to' }, 'Move to'),
        select,
        h('button', { type: 'button', class: 'primary', 'data-key': 'move', onclick: () => moveTo(Number(select.value)) }, 'Move'),
        at && at.host !== who
          ? h('button', { type: 'button', 'data-key': 'make-host', onclick: () => makeHost(who) }, 'Make host')
          : null,
        h('button', { type: 'button', 'data-key': 'cancel', onclick: () => { selected = null; schedule(); } }, 'Cancel'),
      ),
    );
  }

  /** @param {number} table */
  async function moveTo(table) {
    if (!selected) return;
    const who = c.mirror.participants.get(selected)?.name ?? 'They';
    if (await run({ type: 'moveParticipant', participantId: selected, table }, `${who} moved to table ${table}.`)) selected = null;
    schedule();
  }

  /** @param {string} id */
  async function makeHost(id) {
    const who = c.mirror.participants.get(id)?.name ?? 'They';
    if (await run({ type: 'setHost', participantId: id }, `${who} now hosts the table.`)) selected = null;
    schedule();
  }

  function renderPeople() {
    const m = c.mirror;
    const everyone = [...m.participants.values()];
    const here = everyone.filter((p) => p.present);
    const online = here.filter((p) => m.connected.has(p.participantId)).length;
    setText(byId('people-heading'), `People: ${here.length} here, ${online} connected`);
    const orgs = new Map();
    for (const p of here) orgs.set(p.organisation ?? '', (orgs.get(p.organisation ?? '') ?? 0) + 1);
    fill(
      byId('people'),
      here.length === 0 ? h('li', { class: 'hint' }, 'Nobody yet. Show the code or the QR code to the room.') : null,
      here.map((p) =>
        h(
          'li',
          {},
          h('span', { class: `dot ${m.connected.has(p.participantId) ? 'on' : 'off'}` }),
          h('span', { class: 'visually-hidden' }, m.connected.has(p.participantId) ? 'connected: ' : 'not connected: '),
          h('span', { class: 'name' }, p.name),
          p.organisation || p.role ? h('span', { class: 'org' }, [p.organisation, p.role].filter(Boolean).join(', ')) : null,
        ),
      ),
    );
  }

  function renderFeed() {
    const notes = [...c.mirror.notes.values()];
    setText(byId('feed-heading'), `Notes (${notes.length})`);
    // Redrawn only when a note came, went or changed: a busy café writes many.
    const top = `${feedVersion}`;
    if (top === lastFeedTop) return;
    lastFeedTop = top;
    const shown = notes.slice(-FEED_SHOWN).reverse();
    keepFocus(byId('feed'), () => fill(
      byId('feed'),
      shown.length === 0 ? h('li', { class: 'hint' }, 'Notes from the tables appear here as they are written.') : null,
      shown.map((n) =>
        h(
          'li',
          { class: `feed-note${n.hidden ? ' hidden-note' : ''}`, 'data-note-id': n.noteId },
          h(
            'p',
            { class: 'feed-meta' },
            h('span', { class: 'table-tag' }, `Table ${n.table}`),
            ` round ${n.round} · ${n.authorName}`,
            n.hidden ? h('span', { class: 'off-wall' }, 'off the wall') : null,
          ),
          h('p', { class: 'feed-text' }, n.text),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-key': `hide-${n.noteId}`,
              onclick: () => run({ type: 'hideNote', noteId: n.noteId, hidden: !n.hidden }, n.hidden ? 'The note is back on the wall.' : 'The note is off the wall.'),
            },
            n.hidden ? 'Show on the wall' : 'Hide from the wall',
          ),
        ),
      ),
    ));
    const tags = byId('feed').querySelectorAll('.table-tag');
    shown.forEach((n, i) => /** @type {HTMLElement} */ (tags[i]).style.setProperty('--table-colour', tableColour(n.table).colour));
  }
}

/** @param {string} s */
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------

function route() {
  const cafeId = location.pathname === '/console' ? cafeFromAddress() : null;
  if (cafeId) openCafe(cafeId);
  else {
    client?.stop();
    client = null;
    showStart();
  }
}
window.addEventListener('popstate', route);
window.addEventListener('hashchange', route);
route();
