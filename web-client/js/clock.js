// @ts-check
// The round clock. The server sends deadlines on its own clock; we count down locally with an
// estimate of the offset between the two clocks (docs/protocol.md §13).

/** @typedef {import('../src/protocol').PhaseView} PhaseView */

/**
 * Milliseconds left in the round, or null when no round is running or paused.
 * @param {PhaseView} phase
 * @param {number} offsetMs server clock minus local clock
 * @returns {number | null}
 */
export function remainingMs(phase, offsetMs) {
  if (phase.state === 'running') return Math.max(0, phase.endsAt - (Date.now() + offsetMs));
  if (phase.state === 'paused') return Math.max(0, phase.remainingMs);
  return null;
}

/**
 * "12:05" for a countdown; rounds up, so that 0:00 shows only when time is really up.
 * @param {number} ms
 */
export function formatClock(ms) {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * The round the café is in or has just finished, 0 before the first.
 * @param {PhaseView} phase
 * @param {number} lastStarted the highest started round known (for the harvest and closed phases)
 */
export function currentRound(phase, lastStarted) {
  switch (phase.state) {
    case 'running':
    case 'paused':
      return phase.round;
    case 'betweenRounds':
      return phase.lastRound;
    case 'lobby':
      return 0;
    default:
      return lastStarted;
  }
}
