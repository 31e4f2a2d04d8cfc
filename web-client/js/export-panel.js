// @ts-check
// The console's "Take the harvest home": Markdown, CSV and JSON downloads (with or without
// names) and the link to the printable report. Exports are the facilitator's (the server
// refuses other keys).

/** @typedef {import('./desk.js').Desk} Desk */
/** @typedef {import('../src/protocol').ExportFormat} ExportFormat */

import { byId, setText } from './dom.js';
import { downloadExport } from './export.js';
import { t } from './i18n.js';

/**
 * @param {Desk} desk
 * @returns {{ render: () => void }}
 */
export function exportPanel(desk) {
  const anonymous = byId('export-anonymous', HTMLInputElement);
  for (const button of byId('export-buttons').querySelectorAll('button[data-format]')) {
    if (!(button instanceof HTMLButtonElement)) continue;
    button.onclick = async () => {
      const format = /** @type {ExportFormat} */ (button.dataset.format);
      const out = byId('export-feedback');
      if (!desk.client.mirror.loaded) return;
      button.disabled = true;
      setText(out, t('c-export-preparing'));
      try {
        const file = await downloadExport(desk.client.mirror.joinCode, desk.key, format, anonymous.checked);
        setText(out, t('c-export-saved', { file }));
      } catch (e) {
        setText(out, t('c-export-failed', { problem: e instanceof Error ? e.message : String(e) }));
      } finally {
        button.disabled = false;
      }
    };
  }
  anonymous.onchange = () => desk.schedule();

  function render() {
    byId('report-link', HTMLAnchorElement).href =
      `/report.html#cafe=${encodeURIComponent(desk.cafeId)}${anonymous.checked ? '&authors=anonymous' : ''}`;
  }

  return { render };
}
