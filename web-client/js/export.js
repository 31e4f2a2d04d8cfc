// @ts-check
// Fetching a café's export with the facilitator key in the Authorization header (never in an
// address, which ends up in logs and history), as a download or as data for the report page.

import { errorWords, t } from './i18n.js';

/** @typedef {import('../src/protocol').ExportFormat} ExportFormat */
/** @typedef {import('../src/protocol').CafeExport} CafeExport */

/**
 * @param {string} joinCode
 * @param {string} key
 * @param {ExportFormat} format
 * @param {boolean} anonymous
 */
async function fetchExport(joinCode, key, format, anonymous) {
  const query = new URLSearchParams({ format, authors: anonymous ? 'anonymous' : 'shown' });
  const res = await fetch(`/api/cafes/${encodeURIComponent(joinCode)}/export?${query}`, {
    headers: { Authorization: `Bearer ${key}` },
    cache: 'no-store',
  });
  if (!res.ok) {
    /** @type {string} */
    let message = t('c-server-answered', { status: res.status });
    try {
      const body = /** @type {import('../src/protocol').ErrorBody} */ (await res.json());
      message = errorWords(body.code, body.message);
    } catch {
      // Not an ErrorBody: keep the status.
    }
    throw new Error(message);
  }
  return res;
}

/**
 * Saves the export as a file, named by the server.
 * @param {string} joinCode
 * @param {string} key
 * @param {ExportFormat} format
 * @param {boolean} anonymous
 * @returns {Promise<string>} the file name
 */
export async function downloadExport(joinCode, key, format, anonymous) {
  const res = await fetchExport(joinCode, key, format, anonymous);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `flamingo-${joinCode}.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return filename;
}

/**
 * The whole café as data.
 * @param {string} joinCode
 * @param {string} key
 * @param {boolean} anonymous
 * @returns {Promise<CafeExport>}
 */
export async function loadExport(joinCode, key, anonymous) {
  const res = await fetchExport(joinCode, key, 'json', anonymous);
  return /** @type {CafeExport} */ (await res.json());
}
