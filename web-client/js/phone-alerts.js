// @ts-check
// The phone's alerts: one minute left, time is up (each once per round, with a vibration),
// and the facilitator's last message.

/** @typedef {import('../src/protocol').Update} Update */
/** @typedef {import('./seat.js').Seat} Seat */

import { byId, setText } from './dom.js';
import { remainingMs } from './clock.js';
import { tableColour } from './tables.js';
import { t } from './i18n.js';

const ALERT_SHOWN_MS = 12_000;

/**
 * @param {Seat} seat
 * @returns {{ notice: (u: Update, live: boolean) => void, tick: () => void, render: () => void }}
 */
export function phoneAlerts(seat) {
  const client = seat.client;
  /** Rounds for which an alert was given, so each is given once. */
  const alerted = new Set();
  /** Rounds in which we saw more than a minute left, so a short round does not alert at once. */
  const longRounds = new Set();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let alertTimer;

  /**
   * @param {Update} u
   * @param {boolean} live
   */
  function notice(u, live) {
    // The end-of-round alert is about the break; a new round makes it stale.
    if (u.type === 'roundStarted') {
      clearTimeout(alertTimer);
      setText(byId('alert'), '');
    }
    if (!live) return;
    const mirror = client.mirror;
    if (u.type === 'roundEnded' && !alerted.has(`end${u.round}`)) {
      alerted.add(`end${u.round}`);
      const more = u.round < mirror.rounds.length;
      const me = seat.me();
      const plan = mirror.plan();
      const next = more && me && plan ? mirror.tableOf(plan.round, me.participantId) : undefined;
      const after = next ? ` ${t('alert-next', { table: next.table, colour: tableColour(next.table).name })}` : more ? ` ${t('alert-look-here')}` : '';
      alert(`${t('alert-time-up', { round: u.round })}${after}`);
    }
    if (u.type === 'broadcast') {
      navigator.vibrate?.(200);
      seat.say(t('alert-message', { text: u.text }));
    }
  }

  /** @param {string} text */
  function alert(text) {
    const box = byId('alert');
    // Always in the page and emptied when done: an alert region that appears only when it
    // speaks is often not spoken.
    box.textContent = text;
    navigator.vibrate?.([300, 150, 300]);
    clearTimeout(alertTimer);
    alertTimer = setTimeout(() => {
      box.textContent = '';
    }, ALERT_SHOWN_MS);
  }

  /** Called twice a second: the one-minute alert. */
  function tick() {
    const mirror = client.mirror;
    if (!mirror.loaded) return;
    const left = remainingMs(mirror.phase, client.offsetMs);
    const phase = mirror.phase;
    if (left === null || phase.state !== 'running') return;
    if (left > 60_000) longRounds.add(phase.round);
    else if (left > 0 && longRounds.has(phase.round) && !alerted.has(`minute${phase.round}`)) {
      alerted.add(`minute${phase.round}`);
      alert(t('alert-one-minute', { round: phase.round }));
    }
  }

  function render() {
    const b = client.mirror.lastBroadcast;
    const el = byId('broadcast');
    el.hidden = !b;
    setText(el, b ? t('alert-broadcast', { text: b.text }) : '');
  }

  return { notice, tick, render };
}
