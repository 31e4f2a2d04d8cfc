// @ts-check
// The phone's table card: where the café is, the table to go to in big type with its colour,
// the host badge, the clock, the question, and the people at the table.

/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./seat.js').Seat} Seat */
/** @typedef {import('./seat.js').Where} Where */

import { byId, fill, h, setText } from './dom.js';
import { formatClock, remainingMs } from './clock.js';
import { tableColour } from './tables.js';
import { t } from './i18n.js';

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
    setText(byId('timer-state'), t(mirror.phase.state === 'paused' ? 'clock-paused' : left === 0 ? 'clock-up' : 'clock-left'));
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
        label = t('card-before', { total });
        heading = shown ? t('card-table', { table: shown.table }) : t('card-you-are-in');
        detail = shown ? t('card-go-when-starts') : t('card-wait-start');
        break;
      case 'running':
      case 'paused':
        label = t('card-round-of', { round, total });
        heading = shown ? t('card-table', { table: shown.table }) : t('card-finding');
        detail = shown ? '' : t('card-finding-detail');
        break;
      case 'betweenRounds':
        label = t('card-round-over', { round, total });
        if (round >= total) {
          heading = t('card-last-round');
          detail = t('card-stay-for-harvest');
        } else {
          label = t('card-next-go-to', { round, next: round + 1 });
          heading = shown ? t('card-table', { table: shown.table }) : t('card-next-table');
          detail = shown ? '' : t('card-next-detail');
        }
        break;
      default:
        label = t('card-rounds-over');
        heading = t('card-thank-you');
        detail = phase.state === 'closed' ? t('card-closed') : t('card-harvest', { voting: mirror.voting.state });
    }
    const place = byId('place');
    setText(byId('round-label'), label);
    setText(byId('place-heading'), heading);
    if (shown) {
      const { colour, name } = tableColour(shown.table);
      place.style.setProperty('--table-colour', colour);
      place.dataset.table = String(shown.table);
      setText(byId('place-detail'), `${t('card-colour', { colour: name })} ${detail}`.trim());
    } else {
      place.style.removeProperty('--table-colour');
      delete place.dataset.table;
      setText(byId('place-detail'), detail);
    }
    place.classList.toggle('hosting', hosting);
    byId('host-badge').hidden = !hosting;
    setText(byId('host-badge'), t(phase.state === 'betweenRounds' || phase.state === 'lobby' ? 'card-will-host' : 'card-hosting'));

    renderClock();

    const question = questionRound > 0 ? mirror.rounds[questionRound - 1]?.question : undefined;
    byId('question-box').hidden = !question;
    setText(byId('question-heading'), questionRound > round ? t('card-round-question', { round: questionRound }) : t('card-question'));
    setText(byId('question'), question ?? '');

    setText(byId('mates-heading'), t(phase.state === 'running' || phase.state === 'paused' ? 'mates-heading' : 'mates-heading-next'));
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
        ? h('li', { class: 'empty' }, t('mates-nobody'))
        : mates.map((id) => {
            const p = mirror.participants.get(id);
            const about = [p?.organisation, p?.role].filter(Boolean).join(', ');
            return h(
              'li',
              {},
              h('span', { class: 'mate-name' }, p?.name ?? t('someone')),
              table.host === id ? h('span', { class: 'badge' }, t('mates-host')) : null,
              about ? h('span', { class: 'mate-about' }, about) : null,
            );
          }),
    );
  }

  return { render, renderClock };
}
