// @ts-check
// The console's table map: the tables of the running round (or the plan for the next), each
// with its people; tap a person, then "Move here" on a table or the move bar's "Move to",
// "Make host" or "Cancel". People present but not seated are listed under the map.

/** @typedef {import('../src/protocol').SeatingView} SeatingView */
/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('./desk.js').Desk} Desk */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { tableColour } from './tables.js';

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
      ? phase.state === 'lobby'
        ? 'No tables yet. "Plan tables now" seats everyone so phones can show their table before round 1; "Start round 1" plans by itself.'
        : 'No tables now.'
      : seating.planned
        ? `Preview: who goes where in round ${seating.round}. Tap a person to move them or make them host; your changes stick.`
        : `Round ${seating.round} now. Tap a person to move them or make them host.`;
    setText(byId('tables-hint'), hint);
    setText(byId('tables-heading'), seating ? (seating.planned ? `Tables: plan for round ${seating.round}` : `Tables: round ${seating.round}`) : 'Tables');
    if (selected && !m.participants.get(selected)?.present) selected = null;

    const tables = seating?.tables ?? [];
    keepFocus(byId('table-map'), () => fill(byId('table-map'), tables.map((t) => tableCard(t, seating))));
    const seated = new Set(tables.flatMap((t) => t.members));
    const waiting = seating ? [...m.participants.values()].filter((p) => p.present && !seated.has(p.participantId)) : [];
    const unseated = byId('unseated');
    unseated.hidden = waiting.length === 0;
    keepFocus(unseated, () =>
      fill(unseated, h('h3', {}, 'Not seated'), h('ul', { class: 'members' }, waiting.map((p) => h('li', {}, personButton(p.participantId, false))))),
    );
    renderMoveBar(seating, tables);
    if (focusNext) {
      /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (byId('table-map').parentElement).querySelector(`[data-key="${CSS.escape(focusNext)}"]`))?.focus();
      focusNext = null;
    }
  }

  /**
   * @param {TableSeats} t
   * @param {SeatingView | undefined} seating
   */
  function tableCard(t, seating) {
    const { colour, name } = tableColour(t.table);
    const canMoveHere = selected !== null && !t.members.includes(selected);
    const card = h(
      'section',
      { class: 'table-card', 'data-table': t.table, 'aria-label': `Table ${t.table}, ${name}` },
      h(
        'h3',
        {},
        `Table ${t.table}`,
        h('span', { class: 'count', 'aria-hidden': 'true' }, `${t.members.length} / ${c.mirror.tableSize}`),
        h('span', { class: 'visually-hidden' }, `, ${t.members.length} ${t.members.length === 1 ? 'person' : 'people'} for ${c.mirror.tableSize} seats`),
      ),
      h('ul', { class: 'members' }, t.members.map((id) => h('li', {}, personButton(id, t.host === id)))),
      canMoveHere && seating
        ? h('button', { type: 'button', class: 'move-here', 'data-key': `here-${t.table}`, onclick: () => moveTo(t.table) }, `Move here`)
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
          if (selected) desk.say(`${p?.name ?? 'Someone'} picked: choose "Move here" on a table, or use the move bar above the map.`);
          desk.schedule();
        },
      },
      // The name first: a screen reader says "Pat Pointer, host, City Council, phone connected".
      h('span', { class: `dot ${online ? 'on' : 'off'}`, title: online ? 'phone connected' : 'phone not connected', 'aria-hidden': 'true' }),
      p?.name ?? 'Someone',
      host ? h('span', { class: 'badge' }, h('span', { class: 'visually-hidden' }, ', '), 'host') : null,
      p?.organisation ? h('span', { class: 'org' }, h('span', { class: 'visually-hidden' }, ', '), p.organisation) : null,
      h('span', { class: 'visually-hidden' }, online ? ', phone connected' : ', phone not connected'),
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
      if (n !== at?.table) options.push(h('option', { value: n }, `Table ${n}${tables.some((t) => t.table === n) ? '' : ' (empty)'}`));
    }
    const select = h('select', { id: 'move-to', 'data-key': 'move-to' }, options);
    keepFocus(bar, () =>
      fill(
        bar,
        h('p', { class: 'move-who' }, h('strong', {}, p.name), at ? ` at table ${at.table}` : ' (not seated)'),
        h('label', { for: 'move-to' }, 'Move to'),
        select,
        h('button', { type: 'button', class: 'primary', 'data-key': 'move', onclick: () => moveTo(Number(select.value)) }, 'Move'),
        at && at.host !== who
          ? h('button', { type: 'button', 'data-key': 'make-host', onclick: () => makeHost(who) }, 'Make host')
          : null,
        h('button', { type: 'button', 'data-key': 'cancel', onclick: () => { focusNext = `p-${who}`; selected = null; desk.schedule(); } }, 'Cancel'),
      ),
    );
  }

  /** @param {number} table */
  async function moveTo(table) {
    if (!selected) return;
    const who = c.mirror.participants.get(selected)?.name ?? 'They';
    const id = selected;
    if (await desk.send({ type: 'moveParticipant', participantId: id, table }, `${who} moved to table ${table}.`, byId('round-feedback'))) {
      selected = null;
      focusNext = `p-${id}`;
    }
    desk.schedule();
  }

  /** @param {string} id */
  async function makeHost(id) {
    const who = c.mirror.participants.get(id)?.name ?? 'They';
    if (await desk.send({ type: 'setHost', participantId: id }, `${who} now hosts the table.`, byId('round-feedback'))) {
      selected = null;
      focusNext = `p-${id}`;
    }
    desk.schedule();
  }

  return { render };
}
