// @ts-check
// The console's table map: the tables of the running round (or the plan for the next), each
// with its people; tap a person, then "Move here" on a table or the move bar's "Move to",
// "Make host" or "Cancel". People present but not seated are listed under the map.

/** @typedef {import('../src/protocol').SeatingView} SeatingView */
/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./desk.js').Desk} Desk */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { tableColour } from './tables.js';
import { formatNumber, t } from './i18n.js';

/**
 * @param {Desk} desk
 * @returns {{ render: () => void }}
 */
export function tableMap(desk) {
  const c = desk.client;
  /** @type {string | null} the person picked on the table map */
  let selected = null;
  /** @type {string | null} the `data-key` to focus after the next redraw: the move bar is gone */
  let focusNext = null;

  /** The seating the map shows and acts on: the running round, else the plan. */
  function activeSeating() {
    const m = c.mirror;
    const phase = m.phase;
    if (phase.state === 'running' || phase.state === 'paused') return m.seating.get(phase.round);
    if (phase.state === 'lobby' || phase.state === 'betweenRounds') return m.plan();
    return undefined;
  }

  function render() {
    const m = c.mirror;
    const seating = activeSeating();
    const phase = m.phase;
    const hint = !seating
      ? t(phase.state === 'lobby' ? 'c-map-no-tables-yet' : 'c-map-no-tables')
      : t(seating.planned ? 'c-map-preview' : 'c-map-now', { round: seating.round });
    setText(byId('tables-hint'), hint);
    setText(byId('tables-heading'), seating ? t(seating.planned ? 'c-map-heading-plan' : 'c-map-heading-round', { round: seating.round }) : t('c-tables-heading'));
    if (selected && !m.participants.get(selected)?.present) selected = null;

    const tables = seating?.tables ?? [];
    keepFocus(byId('table-map'), () => fill(byId('table-map'), tables.map((table) => tableCard(table, seating))));
    const seated = new Set(tables.flatMap((t) => t.members));
    const waiting = seating ? [...m.participants.values()].filter((p) => p.present && !seated.has(p.participantId)) : [];
    const unseated = byId('unseated');
    unseated.hidden = waiting.length === 0;
    keepFocus(unseated, () =>
      fill(unseated, h('h3', {}, t('c-not-seated')), h('ul', { class: 'members' }, waiting.map((p) => h('li', {}, personButton(p.participantId, false))))),
    );
    renderMoveBar(seating, tables);
    if (focusNext) {
      /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (byId('table-map').parentElement).querySelector(`[data-key="${CSS.escape(focusNext)}"]`))?.focus();
      focusNext = null;
    }
  }

  /**
   * @param {TableSeats} table
   * @param {SeatingView | undefined} seating
   */
  function tableCard(table, seating) {
    const { colour, name } = tableColour(table.table);
    const canMoveHere = selected !== null && !table.members.includes(selected);
    const card = h(
      'section',
      { class: 'table-card', 'data-table': table.table, 'aria-label': t('c-map-table-label', { table: table.table, colour: name }) },
      h(
        'h3',
        {},
        t('card-table', { table: table.table }),
        h('span', { class: 'count', 'aria-hidden': 'true' }, `${formatNumber(table.members.length)} / ${formatNumber(c.mirror.tableSize)}`),
        h('span', { class: 'visually-hidden' }, t('c-map-seats', { people: table.members.length, seats: c.mirror.tableSize })),
      ),
      h('ul', { class: 'members' }, table.members.map((id) => h('li', {}, personButton(id, table.host === id)))),
      canMoveHere && seating
        ? h('button', { type: 'button', class: 'move-here', 'data-key': `here-${table.table}`, onclick: () => moveTo(table.table) }, t('c-move-here'))
        : null,
    );
    card.style.setProperty('--table-colour', colour);
    return card;
  }

  /**
   * @param {string} id
   * @param {boolean} host
   */
  function personButton(id, host) {
    const p = c.mirror.participants.get(id);
    const online = c.mirror.connected.has(id);
    return h(
      'button',
      {
        type: 'button',
        class: `person${host ? ' host' : ''}`,
        'aria-pressed': String(selected === id),
        'data-key': `p-${id}`,
        onclick: () => {
          selected = selected === id ? null : id;
          // The move bar appears above the map, out of a screen reader's way: say it.
          if (selected) desk.say(t('c-person-picked', { name: p?.name ?? t('someone') }));
          desk.schedule();
        },
      },
      // The name first: a screen reader says "Pat Pointer, host, City Council, phone connected".
      h('span', { class: `dot ${online ? 'on' : 'off'}`, title: t(online ? 'c-phone-on-title' : 'c-phone-off-title'), 'aria-hidden': 'true' }),
      p?.name ?? t('someone'),
      host ? h('span', { class: 'badge' }, h('span', { class: 'visually-hidden' }, ', '), t('mates-host')) : null,
      p?.organisation ? h('span', { class: 'org' }, h('span', { class: 'visually-hidden' }, ', '), p.organisation) : null,
      h('span', { class: 'visually-hidden' }, t(online ? 'c-phone-on' : 'c-phone-off')),
    );
  }

  /**
   * @param {SeatingView | undefined} seating
   * @param {TableSeats[]} tables
   */
  function renderMoveBar(seating, tables) {
    const bar = byId('move-bar');
    const p = selected ? c.mirror.participants.get(selected) : undefined;
    bar.hidden = !p || !seating;
    if (!p || !seating || !selected) return;
    const who = selected;
    const at = tables.find((t) => t.members.includes(who));
    const highest = Math.max(c.mirror.physicalTables ?? 0, ...tables.map((t) => t.table + 1));
    const options = [];
    for (let n = 1; n <= highest; n++) {
      if (n !== at?.table) options.push(h('option', { value: n }, t(tables.some((table) => table.table === n) ? 'card-table' : 'c-table-empty', { table: n })));
    }
    const select = h('select', { id: 'move-to', 'data-key': 'move-to' }, options);
    keepFocus(bar, () =>
      fill(
        bar,
        h('p', { class: 'move-who' }, h('strong', {}, p.name), ` ${at ? t('c-at-table', { table: at.table }) : t('c-unseated')}`),
        h('label', { for: 'move-to' }, t('c-move-to')),
        select,
        h('button', { type: 'button', class: 'primary', 'data-key': 'move', onclick: () => moveTo(Number(select.value)) }, t('c-move')),
        at && at.host !== who
          ? h('button', { type: 'button', 'data-key': 'make-host', onclick: () => makeHost(who) }, t('c-make-host'))
          : null,
        h('button', { type: 'button', 'data-key': 'cancel', onclick: () => { focusNext = `p-${who}`; selected = null; desk.schedule(); } }, t('c-cancel')),
      ),
    );
  }

  /** @param {number} table */
  async function moveTo(table) {
    if (!selected) return;
    const who = c.mirror.participants.get(selected)?.name ?? t('someone');
    const id = selected;
    if (await desk.send({ type: 'moveParticipant', participantId: id, table }, t('c-moved', { name: who, table }), byId('round-feedback'))) {
      selected = null;
      focusNext = `p-${id}`;
    }
    desk.schedule();
  }

  /** @param {string} id */
  async function makeHost(id) {
    const who = c.mirror.participants.get(id)?.name ?? t('someone');
    if (await desk.send({ type: 'setHost', participantId: id }, t('c-now-hosts', { name: who }), byId('round-feedback'))) {
      selected = null;
      focusNext = `p-${id}`;
    }
    desk.schedule();
  }

  return { render };
}
