// @ts-check
// The console's join panel: the join code, the QR code and the address (folded to the code
// once everyone present is seated, one click to open again), the laptop's network address
// when the console runs on localhost (editable at any time), and the private console link.

/** @typedef {import('./desk.js').Desk} Desk */

import { byId, fill, h, setText } from './dom.js';
import { isLoopback, joinOrigin, joinUrl, qrSrc, saveJoinOrigin } from './joinlink.js';
import { fieldError } from './form-errors.js';
import { t } from './i18n.js';

/**
 * @param {Desk} desk
 * @param {() => string} consoleLink this café's console link with the facilitator's key
 * @returns {{ render: () => void }}
 */
export function joinPanel(desk, consoleLink) {
  const m = desk.client.mirror;
  const details = byId('join-details', HTMLDetailsElement);
  const originField = byId('origin', HTMLInputElement);
  /** Whether everyone was seated at the last render: the panel folds when that becomes true. */
  let seatedBefore = false;
  /** The origin shown in the field, so a render does not overwrite what is being typed. */
  let originShown = '';

  byId('origin-form', HTMLFormElement).onsubmit = (event) => {
    event.preventDefault();
    const origin = saveJoinOrigin(originField.value, m.joinCode);
    if (!origin) {
      fieldError(originField, t('c-origin-wrong'));
      originField.focus();
      return;
    }
    fieldError(originField, '');
    originShown = '';
    setText(byId('round-feedback'), t('c-origin-set', { origin }));
    desk.schedule();
  };

  byId('copy-link').onclick = async () => {
    try {
      await navigator.clipboard.writeText(consoleLink());
      setText(byId('copy-state'), t('c-copied'));
    } catch {
      setText(byId('copy-state'), t('c-copy-by-hand'));
    }
  };

  /** Whether nobody needs the QR code now: everyone present is seated, or the rounds are over. */
  function everyoneSeated() {
    const phase = m.phase;
    if (phase.state === 'harvest' || phase.state === 'closed') return true;
    if (phase.state !== 'running' && phase.state !== 'paused') return false;
    const seated = new Set((m.seating.get(phase.round)?.tables ?? []).flatMap((t) => t.members));
    const here = [...m.participants.values()].filter((p) => p.present);
    return here.length > 0 && here.every((p) => seated.has(p.participantId));
  }

  function render() {
    const seated = everyoneSeated();
    if (seated && !seatedBefore) details.open = false;
    seatedBefore = seated;
    setText(byId('join-fold-hint'), t(details.open ? 'c-join-fold-hint' : 'c-join-fold-hint-closed'));

    const qr = byId('qr', HTMLImageElement);
    const src = qrSrc(m.joinCode);
    if (qr.getAttribute('src') !== src) qr.src = src;
    setText(byId('code'), m.joinCode);
    const url = joinUrl(m.joinCode);
    const link = byId('join-url', HTMLAnchorElement);
    if (link.href !== url) {
      link.href = url;
      fill(link, `${joinOrigin(m.joinCode)}/join/`, h('wbr'), h('span', { class: 'join-code-part' }, m.joinCode));
    }
    // Offered whenever the console runs on this laptop's own name, also after it was given.
    const local = isLoopback(location.hostname);
    byId('loopback').hidden = !local;
    const origin = joinOrigin(m.joinCode);
    if (local && origin !== originShown && document.activeElement !== originField) {
      originShown = origin;
      originField.value = origin === location.origin ? '' : origin.replace(/^https?:\/\//, '');
      setText(byId('origin-hint'), t(origin === location.origin ? 'c-origin-hint' : 'c-origin-hint-set'));
    }
    // The key to the whole café is the facilitator's to share, not a co-facilitator's.
    /** @type {HTMLElement} */ (byId('console-link').closest('details')).hidden = desk.role() !== 'facilitator';
  }

  details.addEventListener('toggle', () => desk.schedule());

  return { render };
}
