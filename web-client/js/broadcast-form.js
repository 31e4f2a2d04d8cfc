// @ts-check
// The console's message to every phone and the wall, and the last one sent.

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, setText } from './dom.js';
import { sentAt, t } from './i18n.js';

/**
 * @param {Desk} desk
 * @returns {{ render: () => void }}
 */
export function broadcastForm(desk) {
  const form = byId('broadcast-form', HTMLFormElement);
  const keep = byId('broadcast-keep', HTMLInputElement);
  const clear = byId('clear-broadcast', HTMLButtonElement);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const field = byId('broadcast', HTMLTextAreaElement);
    const text = field.value.trim();
    if (!text) return;
    if (await desk.send({ type: 'broadcast', text, keep: keep.checked }, t('c-sent-to-everyone'), byId('round-feedback'))) {
      field.value = '';
      keep.checked = false;
    }
  };
  clear.onclick = async () => {
    // The button goes once the message is down: its natural successor is the message box.
    if (await desk.send({ type: 'clearBroadcast' }, t('c-message-cleared'), byId('round-feedback'))) {
      byId('broadcast', HTMLTextAreaElement).focus();
    }
  };

  function render() {
    const b = desk.client.mirror.lastBroadcast;
    const words = b ? t(b.keep ? 'c-last-message-kept' : 'c-last-message', { text: b.text }) : '';
    setText(byId('last-broadcast'), b ? `${words} · ${sentAt(b.at)}` : '');
    clear.hidden = !b;
  }

  return { render };
}
