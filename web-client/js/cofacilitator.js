// @ts-check
// Sharing the café with a co-facilitator (facilitator only): a new key as a console link to
// copy, and revoking it. The link has the same shape as the facilitator's own console link,
// so the co-facilitator's browser keeps the key the same way; the server tells it its role.

/** @typedef {import('./harvest-board.js').Staff} Staff */

import { byId, setText } from './dom.js';
import { revokeCoFacilitator, shareCoFacilitator } from './harvest-api.js';
import { t } from './i18n.js';

/**
 * @param {Staff} staff
 * @param {(key: string) => string} linkFor the console link for a key
 * @returns {{ render: () => void }}
 */
export function coFacilitatorPanel(staff, linkFor) {
  const m = staff.client.mirror;
  /** @type {string | null} the link made in this console, shown until revoked */
  let link = null;
  /** Whether the server has said the key is active since the link was made. */
  let seenActive = false;

  byId('cofac-share', HTMLButtonElement).onclick = async () => {
    if (m.coFacilitator && !confirm(t('c-cofac-replace'))) return;
    const state = byId('cofac-state');
    setText(state, t('c-cofac-making'));
    try {
      link = linkFor(await shareCoFacilitator(m.joinCode, staff.key));
      seenActive = false;
      setText(state, t('c-cofac-made'));
    } catch (e) {
      setText(state, t('c-cofac-make-failed', { problem: e instanceof Error ? e.message : String(e) }));
    }
    staff.schedule();
  };
  byId('cofac-copy', HTMLButtonElement).onclick = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setText(byId('cofac-state'), t('c-copied'));
    } catch {
      setText(byId('cofac-state'), t('c-copy-by-hand'));
    }
  };
  byId('cofac-revoke', HTMLButtonElement).onclick = async () => {
    if (!confirm(t('c-cofac-revoke-confirm'))) return;
    try {
      await revokeCoFacilitator(m.joinCode, staff.key);
      link = null;
      setText(byId('cofac-state'), t('c-cofac-revoked'));
    } catch (e) {
      setText(byId('cofac-state'), t('c-cofac-revoke-failed', { problem: e instanceof Error ? e.message : String(e) }));
    }
    staff.schedule();
  };

  function render() {
    const facilitator = staff.role() === 'facilitator';
    byId('cofac-box').hidden = !facilitator;
    byId('cofac-role').hidden = facilitator;
    if (!facilitator) return;
    // Revoked from another console: the link shown here no longer works.
    if (m.coFacilitator) seenActive = true;
    else if (seenActive && link) {
      link = null;
      seenActive = false;
    }
    byId('cofac-link-box').hidden = !link;
    setText(byId('cofac-link'), link ?? '');
    byId('cofac-revoke').hidden = !m.coFacilitator;
    setText(byId('cofac-share'), t(m.coFacilitator ? 'c-cofac-new' : 'c-cofac-share'));
  }

  return { render };
}
