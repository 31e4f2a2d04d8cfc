// @ts-check
// The phone's table card: where the café is, the table to go to in big type with its colour,
// the host badge, the clock, the question, and the people at the table.

/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./seat.js').Seat} Seat */
/** @typedef {import('./seat.js').Where} Where */

import { byId, fill, h, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { tableColour } from './tables.js';
import { capitalise } from './desk.js';

/**
 * @param {Seat} seat
 * @returns {{ render: (where: Where) => void, renderClock: () => void }}
 */
export function tableCard(seat) {
  const client = seat.client;

  function renderClock() {
    const mirror = client.mirror;
    const left = remainingMs(mirror.phase, client.offsetMs);
    byId('clock').hidden = left === null;
    if (left === null) return;
    setText(byId('timer'), formatClock(left));
    setText(byId('timer-state'), mirror.phase.state === 'paused' ? 'Paused' : left === 0 ? 'Time is up' : 'left in this round');
  }

  /** @param {Where} where */
  function render(where) {
    const mirror = client.mirror;
    const phase = mirror.phase;
    const { round, shown, hosting, questionRound } = where;
    const total = mirror.rounds.length;
    let heading = '';
    let detail = '';
    let label = '';
    switch (phase.state) {
      case 'lobby':
        label = `Before round 1 of ${total}`;
        heading = shown ? `Table ${shown.table}` : 'You are in';
        detail = shown ? 'Go to this table when round 1 starts.' : 'Wait for the facilitator to start round 1. Your table will show here.';
        break;
      case 'running':
      case 'paused':
        label = `Round ${round} of ${total}`;
        heading = shown ? `Table ${shown.table}` : 'Finding you a table…';
        detail = shown ? '' : 'You will get a table in a moment.';
        break;
      case 'betweenRounds':
        label = `Round ${round} of ${total} is over`;
        if (round >= total) {
          heading = 'That was the last round';
          detail = 'Thank you! Stay for the harvest.';
        } else {
          label = `Round ${round} is over. For round ${round + 1} go to`;
          heading = shown ? `Table ${shown.table}` : 'Your next table…';
          detail = shown ? '' : 'It will show here in a moment.';
        }
        break;
      default:
        label = 'The rounds are over';
        heading = 'Thank you';
        detail =
          phase.state === 'closed'
            ? 'This café is closed.'
            : mirror.voting.state === 'open'
              ? 'The harvest has begun: voting is open, give your dots below.'
              : mirror.voting.state === 'closed'
                ? 'The harvest has begun: voting is closed, look at the wall for what the room chose.'
                : 'The harvest has begun: look at the wall, and vote below when voting opens.';
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
  }

  /** @param {TableSeats | undefined} table */
  function renderMates(table) {
    const box = byId('mates-box');
    const me = seat.me();
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

  return { render, renderClock };
}
