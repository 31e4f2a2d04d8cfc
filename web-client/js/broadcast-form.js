// @ts-check
// The console's message to every phone and the wall, and the last one sent.

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, setText } from './dom.js';
import { t } from './i18n.js';

/**
 * @param {Desk} desk
 * @returns {{ render: () => void }}
 */
export function broadcastForm(desk) {
  const form = byId('broadcast-form', HTMLFormElement);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const field = byId('broadcast', HTMLTextAreaElement);
    const text = field.value.trim();
    if (!text) return;
    if (await desk.send({ type: 'broadcast', text }, t('c-sent-to-everyone'), byId('round-feedback'))) field.value = '';
  };

  function render() {
    const b = desk.client.mirror.lastBroadcast;
    setText(byId('last-broadcast'), b ? t('c-last-message', { text: b.text }) : '');
  }

  return { render };
}
