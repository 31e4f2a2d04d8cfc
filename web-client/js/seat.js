// @ts-check
// What every module of the phone gets, and where the person is: the one reading of the café
// that the table card, the notes, the follower and the announcer all share.

/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./connection.js').CafeClient} CafeClient */
/** @typedef {import('./mirror.js').Mirror} Mirror */
/** @typedef {import('./phone-join.js').Identity} Identity */

/**
 * @typedef {object} Seat
 * @property {CafeClient} client
 * @property {() => Identity | null} me the person, once the server has said who
 * @property {() => void} schedule asks for a render
 * @property {(sentence: string) => void} say a plain sentence for the polite status region
 */

/**
 * @typedef {object} Where
 * @property {number} round the round running or last played (0 before round 1)
 * @property {TableSeats | undefined} shown the table to show in big type
 * @property {TableSeats | undefined} current the table in the round running or last played
 * @property {boolean} hosting whether the person hosts `shown`
 * @property {number} questionRound the round whose question is shown (0: none)
 */

/**
 * @param {Mirror} mirror
 * @param {string} participantId
 * @returns {Where}
 */
export function whereIs(mirror, participantId) {
  const phase = mirror.phase;
  const round = mirror.round();
  const total = mirror.rounds.length;
  const plan = mirror.plan();
  const planned = plan ? mirror.tableOf(plan.round, participantId) : undefined;
  const current = round > 0 ? mirror.tableOf(round, participantId) : undefined;
  /** @type {TableSeats | undefined} */
  let shown;
  let questionRound = 0;
  switch (phase.state) {
    case 'lobby':
      shown = planned;
      questionRound = 1;
      break;
    case 'running':
    case 'paused':
      shown = current;
      questionRound = round;
      break;
    case 'betweenRounds':
      if (round < total) {
        shown = planned;
        questionRound = round + 1;
      }
      break;
    default:
  }
  return { round, shown, current, hosting: !!shown && shown.host === participantId, questionRound };
}
