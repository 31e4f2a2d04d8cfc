// @ts-check
// The connection indicator every view shows: connected, reconnecting or offline, in words and
// colour, announced politely to screen readers.

/** @typedef {import('./connection.js').LinkStatus} LinkStatus */

/** @type {Record<LinkStatus, string>} */
const WORDS = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  stopped: 'Disconnected',
};

/**
 * @param {HTMLElement} el an element with role="status"
 * @param {LinkStatus} status
 */
export function showStatus(el, status) {
  el.dataset.status = status;
  el.textContent = WORDS[status];
}
