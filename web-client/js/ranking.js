// @ts-check
// The harvest's ranking, shared by the console and the wall: a theme's dots are the dots on the
// theme itself plus the dots on its notes; notes outside any theme rank on their own dots.

/** @typedef {import('./mirror.js').Mirror} Mirror */
/** @typedef {import('../src/protocol').ThemeView} ThemeView */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {{ theme: ThemeView, dots: number, notes: NoteView[] }} RankedTheme */

/**
 * Themes, most dots first, then in the order they were made. `notes` holds only the notes
 * this client has (a wall does not hold hidden ones), in theme order.
 * @param {Mirror} m
 * @returns {RankedTheme[]}
 */
export function rankedThemes(m) {
  const ranked = m.themes.map((theme, order) => {
    const notes = theme.noteIds.map((id) => m.notes.get(id)).filter((n) => n !== undefined);
    const dots =
      m.dotsOn({ kind: 'theme', themeId: theme.themeId }) +
      theme.noteIds.reduce((sum, id) => sum + m.dotsOn({ kind: 'note', noteId: id }), 0);
    return { theme, dots, notes, order };
  });
  ranked.sort((a, b) => b.dots - a.dots || a.order - b.order);
  return ranked.map(({ theme, dots, notes }) => ({ theme, dots, notes }));
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
