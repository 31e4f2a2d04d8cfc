// @ts-check
// The one polite status region of a view: plain sentences for each change that matters to the
// person ("Round 2 started: go to table 3, blue. You are the host."). The region is in the page
// from the start and never hidden, because screen readers skip regions that appear only when
// they speak. Each sentence is a new child, so the same sentence twice is said twice.

/** Sentences kept in the region; older ones are dropped (they were said). */
const KEPT = 3;

/**
 * @param {HTMLElement} region an element with role="status" that is always in the page
 * @returns {(sentence: string) => void}
 */
export function announcer(region) {
  return (sentence) => {
    if (!sentence) return;
    const line = document.createElement('p');
    line.textContent = sentence;
    region.append(line);
    while (region.childElementCount > KEPT) region.firstElementChild?.remove();
  };
}
