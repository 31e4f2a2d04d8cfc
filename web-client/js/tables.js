// @ts-check
// Table colours. Each physical table number has a colour and a colour name, so that a phone can
// say "table 3, green" and the same colour can stand on the table. All of them carry white
// text at WCAG AA contrast (at least 5:1).

import { t } from './i18n.js';

const PALETTE = [
  ['#B3261E', 'red'],
  ['#1565C0', 'blue'],
  ['#2E7D32', 'green'],
  ['#6A1B9A', 'purple'],
  ['#A84300', 'orange'],
  ['#00695C', 'teal'],
  ['#AD1457', 'pink'],
  ['#5D4037', 'brown'],
  ['#283593', 'indigo'],
  ['#6B6300', 'olive'],
  ['#455A64', 'slate'],
  ['#0A6B94', 'sky-blue'],
];

/**
 * @param {number} table a table number, from 1
 * @returns {{ colour: string, name: string }} `name` in the reader's language
 */
export function tableColour(table) {
  const [colour, key] = PALETTE[(Math.max(table, 1) - 1) % PALETTE.length];
  return { colour, name: t(`colour-${key}`) };
}
