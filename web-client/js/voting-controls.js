// @ts-check
// The console's dot-voting: dots per person, open and close, and the live ranking (a theme
// counts the dots on it and on its notes; notes outside themes rank on their own dots).

/** @typedef {import('./harvest-board.js').Staff} Staff */

import { byId, fill, h, setText } from './dom.js';
import { clip } from './harvest-board.js';
import { rankedThemes, unthemedNotes } from './ranking.js';
import { t } from './i18n.js';

/**
 * @param {Staff} staff
 * @returns {{ render: () => void }}
 */
export function votingControls(staff) {
  const m = staff.client.mirror;
  const dotsField = byId('voting-dots', HTMLInputElement);
  /** Whether the facilitator typed a number that the mirror should not overwrite. */
  let typed = false;
  dotsField.oninput = () => {
    typed = true;
  };

  byId('voting-form', HTMLFormElement).onsubmit = async (event) => {
    event.preventDefault();
    const dots = Number(dotsField.value);
    if (!Number.isInteger(dots) || dots < 1 || dots > 20) {
      setText(byId('harvest-feedback'), t('c-dots-wrong'));
      return;
    }
    const again = m.voting.state === 'open';
    if (await staff.send({ type: 'openVoting', dots }, t(again ? 'c-dots-changed' : 'c-voting-opened', { dots }))) typed = false;
  };
  byId('close-voting', HTMLButtonElement).onclick = () => staff.send({ type: 'closeVoting' }, t('c-voting-closed'));

  function render() {
    const v = m.voting;
    const harvest = m.phase.state === 'harvest';
    setText(byId('voting-state'), t('c-voting-state', { state: v.state, dots: v.dots }));
    byId('voting-form').hidden = !harvest;
    byId('close-voting').hidden = !harvest || v.state !== 'open';
    setText(byId('open-voting'), t(v.state === 'open' ? 'c-change-dots' : v.state === 'closed' ? 'c-open-voting-again' : 'c-open-voting'));
    if (!typed && document.activeElement !== dotsField && v.state !== 'notOpen') dotsField.value = String(v.dots);

    const themes = rankedThemes(m).filter((r) => r.dots > 0 || v.state !== 'notOpen');
    const notes = unthemedNotes(m)
      .map((n) => ({ n, dots: m.dotsOn({ kind: 'note', noteId: n.noteId }) }))
      .filter((x) => x.dots > 0)
      .sort((a, b) => b.dots - a.dots);
    const rows = [
      ...themes.map((r) => ({ label: r.theme.name, kind: 'theme', dots: r.dots })),
      ...notes.map((x) => ({ label: clip(x.n.text, 80), kind: 'note', dots: x.dots })),
    ].sort((a, b) => b.dots - a.dots);
    fill(
      byId('vote-ranking'),
      rows.length === 0 ? h('li', { class: 'hint' }, t('c-no-dots')) : null,
      rows.map((r) =>
        h('li', { class: `rank-${r.kind}` }, h('span', { class: 'rank-dots' }, t('dots', { count: r.dots })), ' ', r.kind === 'note' ? h('span', { class: 'hint' }, `${t('c-rank-note')} `) : null, r.label),
      ),
    );
  }

  return { render };
}
