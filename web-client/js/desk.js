// @ts-check
// What every module of the console gets: the harvest's `Staff` (client, key, role, send,
// schedule) and the café it runs. One place turns an answer into the sentence people read.

/** @typedef {import('./harvest-board.js').Staff} Staff */
/** @typedef {import('./connection.js').Answer} Answer */

import { errorWords, t } from './i18n.js';

/**
 * @typedef {Staff & { cafeId: string, keyLink: (key: string) => string, say: (sentence: string) => void }} Desk
 *   `keyLink` is the console link that opens this café with a key; `say` speaks a sentence in
 *   the console's polite status region
 */

/**
 * The sentence for an answer: `done` when it worked, else why not, in people's words.
 * @param {Answer} answer
 * @param {string} [done]
 */
export function answerWords(answer, done) {
  if (answer.ok) return done ?? '';
  if (answer.code === 'offline') return t('error-offline');
  return errorWords(answer.code, answer.message);
}
