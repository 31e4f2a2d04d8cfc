// @ts-check
// The console's round panel: where the café is ("Round 2 of 3 running"), the question, the
// clock, and the one or two buttons that make sense now (start, plan, pause, resume, time,
// end, open the harvest, close). Each change of the café's phase is said in the status
// region, and when a press hides its own button, focus goes to what comes next (focus.js).

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { focusSuccessors } from './focus.js';

/** What comes after each control when the café's change hides it. */
const SUCCESSORS = {
  'start-round': ['end-round', 'pause'],
  plan: ['start-round'],
  pause: ['resume', 'end-round'],
  resume: ['pause', 'end-round'],
  plus1: ['pause', 'resume', 'start-round', 'harvest'],
  plus5: ['pause', 'resume', 'start-round', 'harvest'],
  'end-round': ['start-round', 'harvest'],
  harvest: ['harvest-heading'],
  close: ['round-heading'],
};

/**
 * @param {Desk} desk
 * @param {(sentence: string) => void} say
 * @returns {{ render: () => void, renderTimer: () => void }}
 */
export function roundControls(desk, say) {
  const c = desk.client;
  const focus = focusSuccessors(SUCCESSORS);
  /** The phase last drawn, to say what changed ('' before the first render). */
  let drawn = '';
  const out = byId('round-feedback');
  /** @param {import('../src/protocol').Command} command @param {string} [done] */
  const run = (command, done) => desk.send(command, done, out);

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
  for (const [id, action] of Object.entries(controls)) byId(id, HTMLButtonElement).onclick = action;

  function renderTimer() {
    if (!c.mirror.loaded) return;
    const left = remainingMs(c.mirror.phase, c.offsetMs);
    setText(byId('timer'), left === null ? '' : `${formatClock(left)}${c.mirror.phase.state === 'paused' ? ' (paused)' : ''}`);
  }

  function render() {
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
      close: phase.state === 'harvest' && desk.role() === 'facilitator',
    };
    for (const [id, visible] of Object.entries(show)) byId(id).hidden = !visible;
    setText(byId('start-round'), next === 1 ? 'Start round 1' : `Start round ${next}`);
    setText(byId('plan'), m.plan() ? 'Re-plan tables' : 'Plan tables now');
    focus.settle();
    const now = `${phase.state} ${round}`;
    if (drawn && now !== drawn) say(phaseSentence(drawn.split(' ')[0], m));
    drawn = now;
  }

  return { render, renderTimer };
}

/**
 * What the facilitator hears when the phase changed.
 * @param {string} before the phase's state before
 * @param {import('./mirror.js').Mirror} m
 */
function phaseSentence(before, m) {
  const round = m.round();
  const total = m.rounds.length;
  switch (m.phase.state) {
    case 'running': {
      if (before === 'paused') return `Round ${round} goes on.`;
      const tables = m.seating.get(round)?.tables ?? [];
      const people = tables.reduce((sum, t) => sum + t.members.length, 0);
      return `Round ${round} started: ${people} ${people === 1 ? 'person' : 'people'} at ${tables.length} ${tables.length === 1 ? 'table' : 'tables'}.`;
    }
    case 'paused':
      return `Round ${round} is paused.`;
    case 'betweenRounds':
      return round < total
        ? `Round ${round} is over. Phones show the tables for round ${round + 1}.`
        : `Round ${round} is over: that was the last round. Open the harvest when the room is ready.`;
    case 'harvest':
      return 'The harvest is open: phones and the wall show the notes.';
    case 'closed':
      return 'The café is closed. Phones show the feedback form.';
    default:
      return '';
  }
}
