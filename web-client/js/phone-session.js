// @ts-check
// The phone's session: one connection as this person (a join the first time, a resume after),
// and the modules that show the café to them, sharing a `Seat`: the table card, the notes,
// the alerts, the harvest.

/** @typedef {import('../src/protocol').Auth} Auth */
/** @typedef {import('./phone-join.js').Identity} Identity */
/** @typedef {import('./seat.js').Seat} Seat */

import { CafeClient } from './connection.js';
import { byId, frameScheduler, setText } from './dom.js';
import { showStatus } from './status.js';
import { forget, joinRefusal, joined, remember, showJoin } from './phone-join.js';
import { whereIs } from './seat.js';
import { tableCard } from './table-card.js';
import { phoneNotes } from './phone-notes.js';
import { phoneAlerts } from './phone-alerts.js';
import { phoneHarvest } from './phone-harvest.js';
import { phoneFollow } from './phone-follow.js';
import { announcer } from './announce.js';
import { errorWords, onLanguageChange, t } from './i18n.js';
import { forgetKept, keeper, restoreKept } from './kept-cafe.js';

/**
 * @param {string} code
 * @param {Auth} firstAuth `join` for a new person, `participant` for a returning one
 * @param {string} name
 * @param {() => void} [onJoinFailed]
 */
export function startSession(code, firstAuth, name, onJoinFailed) {
  /** @type {Auth} */
  let auth = firstAuth;
  /** @type {Identity | null} */
  let me =
    firstAuth.as === 'participant'
      ? { cafeId: firstAuth.cafeId, participantId: firstAuth.participantId, resumeToken: firstAuth.resumeToken, name }
      : null;
  const statusEl = byId('status');

  const client = new CafeClient({
    auth: () => auth,
    onStatus: (status) => {
      showStatus(statusEl, status);
      schedule();
    },
    onWelcome: (you, cafeId) => {
      if (you.resumeToken && you.participantId && auth.as === 'join') {
        // Stored before anything else: the token comes only this once, and from here on a
        // reload is this person, never a new one.
        me = { cafeId, participantId: you.participantId, resumeToken: you.resumeToken, name };
        auth = { as: 'participant', cafeId, participantId: me.participantId, resumeToken: me.resumeToken };
        remember(code, me);
        joined(code);
        history.replaceState(null, '', `/join/${code}`);
      }
    },
    onChange: (change) => {
      keep();
      if (change.kind === 'update') {
        notes.notice(change.update);
        alerts.notice(change.update, change.live);
      }
      schedule();
    },
    onSynced: () => {
      keep();
      notes.flush();
      harvest.resend();
    },
    onRefused: (errorCode, message) => {
      if (!me) {
        onJoinFailed?.();
        const refusal = joinRefusal(errorCode, message, code);
        showJoin(code, refusal.text, refusal.field);
      } else {
        forget(code);
        forgetKept(me.participantId);
        showJoin(code, errorCode === 'forbidden' ? t('session-not-in-cafe') : errorWords(errorCode, message));
      }
    },
    onClosedForGood: (closeCode) => {
      if (closeCode === 4501) {
        forget(code);
        if (me) forgetKept(me.participantId);
        showJoin(code, t('session-left'));
      } else {
        showJoin(code, t('session-refused'));
      }
    },
  });

  const keep = keeper(client.mirror, () => me);
  const schedule = frameScheduler(render);
  /** @type {Seat} */
  const seat = { client, me: () => me, schedule, say: announcer(byId('say')) };
  const card = tableCard(seat);
  const notes = phoneNotes(seat);
  const alerts = phoneAlerts(seat);
  const harvest = phoneHarvest(client, schedule);
  const follow = phoneFollow(seat, seat.say);
  onLanguageChange(() => {
    // A session that ended (a refused join, then a new one) draws nothing any more.
    if (client.stopped) return;
    showStatus(statusEl, client.status);
    schedule();
  });

  byId('join').hidden = true;
  byId('cafe').hidden = false;
  statusEl.hidden = false;
  // What this phone last knew, shown at once (offline too) and resumed from when online.
  if (me && restoreKept(client.mirror, me.participantId)) schedule();
  client.start();

  const ticker = setInterval(() => {
    if (client.stopped) {
      clearInterval(ticker);
      return;
    }
    if (!client.mirror.loaded) return;
    alerts.tick();
    card.renderClock();
  }, 500);

  function render() {
    const mirror = client.mirror;
    if (!me || !mirror.loaded) return;
    setText(byId('cafe-title'), mirror.title);
    document.title = t('phone-title', { title: mirror.title });
    const where = whereIs(mirror, me.participantId);
    card.render(where);
    alerts.render();
    notes.render(where);
    harvest.render();
    // Last: it brings into view what the others have drawn.
    follow.render(where);
  }
}
