// @ts-check
// How many table cards the wall shows at once, and how big: the layout rule, pure, so it is
// tested without a browser (tests/browser/core.test.mjs).
//
// The rule. Every size on the board is in `em` of the note text, and the note text is sized
// from the viewport (wall.css: min(1.9vh, 1.07vw), 20.5 px at 1920x1080, 13.7 px at 1280x720:
// a projector shows both at the same size on the screen, so the back row reads both alike).
// A card needs at least MIN_WIDTH_EM wide (about 28 characters of note a line) and
// HEAD_EM + one note of `lines` lines + its name. Cards fill a row before starting another,
// rows are balanced (7 tables: 4 + 3, not 6 + 1), and each note is clamped to the most lines
// (MAX_LINES down to MIN_LINES) at which every table still fits. A card shows as many of its
// newest notes as its height holds, newest first, and always says how many it has.
// When even MIN_LINES do not fit, the board pages: as few pages as hold every card, of even
// size, turned by the wall itself (wall-board.js) with a "Tables 1–17 of 34" marker.
//
// Measured limits (tests/browser/room.test.mjs prints them; screenshots under
// tests/artifacts/browser): at 1920x1080 and 1280x720 in a round with a one-line question,
// 10 tables take 5x2 cards with 4-line notes, 25 tables (a 100-person café) 5x5 with 2-line
// notes, and at most 30 fit (6x5, 2 lines); 31 or more page (34 tables: two pages of 17, 6x3
// with 4-line notes). A question of three lines or more pushes the board down by a row. Under
// the harvest's themes the board gets what is left, at least one row, and pages.

/** A card's narrowest width, in em of the note text. */
export const MIN_WIDTH_EM = 13.5;
/** The card's head (colour bar, "Table 7", count) and paddings, in em. */
const HEAD_EM = 2.3;
/** A note's name line and paddings, in em. */
const NOTE_CHROME_EM = 1.45;
/** One line of note text, in em (the CSS line-height). */
export const LINE_EM = 1.25;
const MAX_LINES = 4;
const MIN_LINES = 2;
/** The gap between cards, in em. */
export const GAP_EM = 0.5;

/**
 * @typedef {object} BoardLayout
 * @property {number} cols
 * @property {number} rows
 * @property {number} lines the most lines a note shows
 * @property {number} perPage cards on one page (`count` when all fit)
 */

/**
 * @param {{ width: number, height: number, em: number, count: number }} space the board's
 *   width and height in px, the note text's size in px, and how many cards there are
 * @returns {BoardLayout}
 */
export function boardLayout({ width, height, em, count }) {
  const gap = GAP_EM * em;
  const maxCols = Math.max(1, Math.floor((width + gap) / (MIN_WIDTH_EM * em + gap)));
  const n = Math.max(1, count);
  /** @param {number} lines */
  const maxRows = (lines) => Math.max(1, Math.floor((height + gap) / (cardHeightEm(lines) * em + gap)));
  const rowsNeeded = Math.ceil(n / maxCols);
  // Balanced rows: the fewest columns that still need no more rows than filling would.
  const cols = Math.ceil(n / rowsNeeded);
  for (let lines = MAX_LINES; lines >= MIN_LINES; lines--) {
    if (rowsNeeded <= maxRows(lines)) return { cols, rows: rowsNeeded, lines, perPage: n };
  }
  // Pages of even size (34 tables: 17 and 17, not 30 and 4), each laid out by the rule above.
  const pages = Math.ceil(n / (maxCols * maxRows(MIN_LINES)));
  return { ...boardLayout({ width, height, em, count: Math.ceil(n / pages) }), perPage: Math.ceil(n / pages) };
}

/**
 * A card with one note of `lines` lines, in em.
 * @param {number} lines
 */
export function cardHeightEm(lines) {
  return HEAD_EM + NOTE_CHROME_EM + lines * LINE_EM;
}
