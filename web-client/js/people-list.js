// @ts-check
// The console's list of the people here, with whether each one's phone is connected.

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, fill, h, setText } from './dom.js';
import { t } from './i18n.js';

/**
 * @param {Desk} desk
 * @returns {{ render: () => void }}
 */
export function peopleList(desk) {
  function render() {
    const m = desk.client.mirror;
    const here = [...m.participants.values()].filter((p) => p.present);
    const online = here.filter((p) => m.connected.has(p.participantId)).length;
    setText(byId('people-heading'), t('c-people', { here: here.length, online }));
    fill(
      byId('people'),
      here.length === 0 ? h('li', { class: 'hint' }, t('c-people-none')) : null,
      here.map((p) =>
        h(
          'li',
          {},
          h('span', { class: `dot ${m.connected.has(p.participantId) ? 'on' : 'off'}`, 'aria-hidden': 'true' }),
          h('span', { class: 'name' }, p.name),
          p.organisation || p.role ? h('span', { class: 'org' }, h('span', { class: 'visually-hidden' }, ', '), [p.organisation, p.role].filter(Boolean).join(', ')) : null,
          h('span', { class: 'visually-hidden' }, t(m.connected.has(p.participantId) ? 'c-phone-on' : 'c-phone-off')),
        ),
      ),
    );
  }
  return { render };
}
