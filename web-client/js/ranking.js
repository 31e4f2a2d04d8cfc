// @ts-check
// The harvest's one ranking (docs/protocol.md, "Ranking themes"), the same as every export's:
// a theme's score is the dots on the theme plus the dots on each of its notes that is shown (a
// note hidden from the wall counts for nothing); most first, equal scores in the order the themes
// were made. Notes outside any theme rank on their own dots. The console and the wall rank with
// `rankedThemes`; the printable report takes the export's `score` and order, made by the same rule.

/** @typedef {import('./mirror.js').Mirror} Mirror */
/** @typedef {import('../src/protocol').ThemeView} ThemeView */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {{ theme: ThemeView, dots: number, notes: NoteView[] }} RankedTheme */

/**
 * Themes by the one score.
 * @template {{ themeId: string, noteIds: string[] }} T
 * @param {T[]} themes in the order they were made
 * @param {(themeId: string) => number} onTheme the dots on a theme itself
 * @param {(noteId: string) => number} onNote the dots on a note, 0 for one that is not shown
 * @returns {{ theme: T, score: number }[]} most first
 */
export function rankThemes(themes, onTheme, onNote) {
  const scored = themes.map((theme, order) => ({
    theme,
    order,
    score: onTheme(theme.themeId) + theme.noteIds.reduce((sum, id) => sum + onNote(id), 0),
  }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ theme, score }) => ({ theme, score }));
}

/**
 * The café's themes as this client knows them, ranked; `dots` is the theme's score. `notes`
 * holds the notes this client has (a wall holds no hidden ones), in theme order.
 * @param {Mirror} m
 * @returns {RankedTheme[]}
 */
export function rankedThemes(m) {
  const onTheme = (/** @type {string} */ themeId) => m.dotsOn({ kind: 'theme', themeId });
  const onNote = (/** @type {string} */ noteId) => {
    const n = m.notes.get(noteId);
    return n === undefined || n.hidden ? 0 : m.dotsOn({ kind: 'note', noteId });
  };
  return rankThemes(m.themes, onTheme, onNote).map(({ theme, score }) => ({
    theme,
    dots: score,
    notes: theme.noteIds.map((id) => m.notes.get(id)).filter((n) => n !== undefined),
  }));
}

/**
 * Notes in no theme, by round, table, then time.
 * @param {Mirror} m
 * @returns {NoteView[]}
 */
export function unthemedNotes(m) {
  const themed = new Set(m.themes.flatMap((t) => t.noteIds));
  return [...m.notes.values()]
    .filter((n) => !themed.has(n.noteId))
    .sort((a, b) => a.round - b.round || a.table - b.table || a.postedAt - b.postedAt);
}

/** @param {number} n */
export function dotsWord(n) {
  return `${n} dot${n === 1 ? '' : 's'}`;
}
