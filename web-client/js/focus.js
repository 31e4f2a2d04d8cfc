// @ts-check
// The focus rule, written once and used by every view: when an action hides or disables the
// control that had focus, focus moves to that control's natural successor (Pause → Resume,
// Start → End round, End → Start next round); after a view change, to the new view's heading.
// Focus is never left on the page's body.

/**
 * Whether an element can take focus now: in the page, shown, and not disabled.
 * @param {Element | null} el
 * @returns {el is HTMLElement}
 */
export function canFocus(el) {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if (el.closest('[hidden]') || (el instanceof HTMLButtonElement && el.disabled)) return false;
  return el.getClientRects().length > 0;
}

/** The id of the element that last took focus: one listener for every view's rule. */
let lastFocused = '';
document.addEventListener('focusin', (event) => {
  lastFocused = event.target instanceof HTMLElement ? event.target.id : '';
});

/**
 * Call `settle` after each render: if the control of `successors` (id → ids of what comes
 * next, the first that can take focus wins) that last had focus can no longer take it, and
 * focus fell to the body, focus moves on.
 * @param {Record<string, string[]>} successors
 * @returns {{ settle: () => void }}
 */
export function focusSuccessors(successors) {
  return {
    settle: () => {
      const next = successors[lastFocused];
      if (!next) return;
      const control = document.getElementById(lastFocused);
      const active = document.activeElement;
      if (canFocus(control) || (active && active !== document.body && active !== control)) return;
      next.map((id) => document.getElementById(id)).find(canFocus)?.focus();
    },
  };
}

/**
 * After a view change: the new view's heading takes focus (it is made focusable by script
 * only, so a click elsewhere does not land on it).
 * @param {HTMLElement} heading
 */
export function focusHeading(heading) {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
