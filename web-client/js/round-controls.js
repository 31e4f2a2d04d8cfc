// @ts-check
// The console's round panel: where the café is ("Round 2 of 3 running"), the question, the
// clock, and the one or two buttons that make sense now (start, plan, pause, resume, time,
// end, open the harvest, close). Each change of the café's phase is said in the status
// region, and when a press hides its own button, focus goes to what comes next (focus.js).

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { focusSuccessors } from './focus.js';
import { t } from './i18n.js';

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
    plan: () => run({ type: 'planNextRound' }, t('c-planned')),
    pause: () => run({ type: 'pauseRound' }),
    resume: () => run({ type: 'resumeRound' }),
    plus1: () => run({ type: 'adjustTime', seconds: 60 }, t('c-added-minutes', { minutes: 1 })),
    plus5: () => run({ type: 'adjustTime', seconds: 300 }, t('c-added-minutes', { minutes: 5 })),
    'end-round': () => {
      if (confirm(t('c-end-confirm'))) run({ type: 'endRound' });
    },
    harvest: () => run({ type: 'openHarvest' }),
    close: () => {
      if (confirm(t('c-close-confirm'))) run({ type: 'closeCafe' });
    },
  };
  for (const [id, action] of Object.entries(controls)) byId(id, HTMLButtonElement).onclick = action;

  function renderTimer() {
    if (!c.mirror.loaded) return;
    const left = remainingMs(c.mirror.phase, c.offsetMs);
    setText(byId('timer'), left === null ? '' : `${formatClock(left)}${c.mirror.phase.state === 'paused' ? ` ${t('c-timer-paused')}` : ''}`);
  }

  function render() {
    const m = c.mirror;
    const phase = m.phase;
    const round = m.round();
    const total = m.rounds.length;
    const next = round + 1;
    const over = phase.state === 'betweenRounds' && round >= total;
    setText(byId('round-label'), t('c-phase', { state: over ? 'allOver' : phase.state, round, total }));
    const shownRound = phase.state === 'running' || phase.state === 'paused' ? round : Math.min(next, total);
    setText(byId('question'), phase.state === 'harvest' || phase.state === 'closed' ? '' : t('c-question', { round: shownRound, question: m.rounds[shownRound - 1]?.question ?? '' }));
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
    setText(byId('start-round'), t('c-start-round-n', { round: next }));
    setText(byId('plan'), t(m.plan() ? 'c-replan' : 'c-plan'));
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
      if (before === 'paused') return t('news-resumed', { round });
      const tables = m.seating.get(round)?.tables ?? [];
      const people = tables.reduce((sum, table) => sum + table.members.length, 0);
      return t('c-round-started', { round, people, tables: tables.length });
    }
    case 'paused':
      return t('news-paused', { round });
    case 'betweenRounds':
      return round < total
        ? t('c-round-over', { round, next: round + 1 })
        : t('c-last-round-over', { round });
    case 'harvest':
      return t('c-harvest-open');
    case 'closed':
      return t('c-cafe-closed');
    default:
      return '';
  }
}
