// @ts-check
// The connection indicator every view shows: connected, reconnecting or offline, in words and
// colour, announced politely to screen readers.

/** @typedef {import('./connection.js').LinkStatus} LinkStatus */

import { t } from './i18n.js';

/**
 * @param {HTMLElement} el an element with role="status"
 * @param {LinkStatus} status
 */
export function showStatus(el, status) {
  el.dataset.status = status;
  el.textContent = t(`status-${status}`);
}
