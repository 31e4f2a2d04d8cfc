// @ts-check
// The console's harvest board: every note grouped by round (question) and table, and the
// themes beside them. Notes go into a theme by drag-and-drop, or by tap (pick a note, then
// "Put here" on a theme), which is also the keyboard way. Create, rename, delete themes; take
// a note out; hide a note from the wall. Read-only once the café is closed.

/** @typedef {import('../src/protocol').Command} Command */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {import('../src/protocol').ThemeView} ThemeView */
/** @typedef {import('./connection.js').CafeClient} CafeClient */
/** @typedef {import('./connection.js').Change} Change */
/**
 * What every harvest module of the console gets.
 * @typedef {object} Staff
 * @property {CafeClient} client
 * @property {string} key the facilitator's or co-facilitator's key, for the HTTP calls
 * @property {() => 'facilitator' | 'coFacilitator'} role
 * @property {(command: Command, done?: string, out?: HTMLElement) => Promise<boolean>} send
 *   sends a command and says how it went in `out` (the harvest's feedback line by default)
 * @property {() => void} schedule asks for a render
 */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { newNoteId } from './outbox.js';
import { tableColour } from './tables.js';
import { onLanguageChange, t } from './i18n.js';

/** Notes listed on a theme's card; the rest are counted (each note card says its theme). */
const THEME_NOTES_SHOWN = 8;

/** The drag payload's type, so a drop of anything else (a file, a link) is ignored. */
const NOTE_DRAG = 'application/x-flamingo-note';

/**
 * @param {Staff} staff
 * @returns {{ notice: (change: Change) => void, render: () => void }}
 */
export function harvestBoard(staff) {
  const m = staff.client.mirror;
  /** @type {string | null} the note picked to put into a theme */
  let picked = null;
  /** @type {string | null} the theme being renamed */
  let renaming = null;
  let renameDraft = '';
  /** @type {Map<string, ThemeView>} for the redraw in progress: 2,000 notes, one lookup each */
  let themeByNote = new Map();
  /** @type {string | null} the `data-key` to focus after the next redraw */
  let focusNext = null;
  /**
   * Bumped when the notes or themes changed; the notes are redrawn only then (2,000 notes take
   * a few hundred milliseconds). A pick changes two notes in place; votes redraw the themes.
   */
  let version = 0;
  let drawn = -1;
  let votes = 0;
  let themesDrawn = '';
  let votesDrawn = 0;
  /** @type {string | null} the pick the notes show */
  let pickDrawn = null;
  // A new language redraws everything once.
  onLanguageChange(() => {
    version += 1;
    themesDrawn = '';
  });

  const themeForm = byId('theme-form', HTMLFormElement);
  themeForm.onsubmit = async (event) => {
    event.preventDefault();
    const field = byId('theme-name', HTMLInputElement);
    const name = field.value.trim();
    if (!name) {
      say(t('c-theme-name-missing'));
      return;
    }
    const noteIds = picked ? [picked] : [];
    const done = t(noteIds.length ? 'c-theme-created-with-note' : 'c-theme-created', { name });
    if (await staff.send({ type: 'createTheme', themeId: newNoteId(), name, noteIds }, done)) {
      field.value = '';
      picked = null;
      changed();
    }
  };

  /** @param {string} text */
  function say(text) {
    setText(byId('harvest-feedback'), text);
  }

  /**
   * @param {NoteView} n
   * @param {boolean} on
   */
  function pickLabel(n, on) {
    return t(on ? 'c-picked-label' : 'c-pick-label', { text: clip(n.text, 40) });
  }

  /** Local state changed (a pick, a rename opened); what the server changed comes by `notice`. */
  function changed() {
    staff.schedule();
  }

  /** @param {Change} change */
  function notice(change) {
    if (change.kind === 'snapshot') version += 1;
    else if (change.kind === 'update') {
      const kind = change.update.type;
      if (kind.startsWith('note') || kind.startsWith('theme') || kind === 'harvestOpened' || kind === 'cafeClosed') version += 1;
      else if (kind === 'voteTotal') votes += 1;
    }
  }

  function editable() {
    return m.phase.state === 'harvest';
  }

  /**
   * @param {string} noteId
   * @param {string | null} themeId
   */
  async function putNote(noteId, themeId) {
    const theme = themeId ? m.themes.find((th) => th.themeId === themeId) : undefined;
    const done = theme ? t('c-note-put-in', { name: theme.name }) : t('c-note-taken-out');
    if (await staff.send({ type: 'setNoteTheme', noteId, themeId }, done)) {
      // The "Put here" pressed is gone with the pick: keyboard users go back to the note.
      if (picked === noteId && themeId) focusNext = `pick-${noteId}`;
      if (picked === noteId) picked = null;
    }
    changed();
  }

  function render() {
    const state = m.phase.state;
    setText(
      byId('harvest-hint'),
      t(state === 'closed' ? 'c-harvest-final' : 'c-harvest-hint'),
    );
    themeForm.hidden = !editable();
    if (picked && (!m.notes.has(picked) || !editable())) picked = null;
    if (renaming && !m.themes.some((theme) => theme.themeId === renaming)) renaming = null;
    renderPickBar();
    if (drawn !== version) {
      drawn = version;
      pickDrawn = picked;
      keepFocus(byId('hv-notes'), renderNotes);
    } else if (pickDrawn !== picked) {
      showPick(pickDrawn, false);
      showPick(picked, true);
      pickDrawn = picked;
    }
    const themesKey = `${version}:${picked}:${renaming}`;
    if (themesKey !== themesDrawn) {
      themesDrawn = themesKey;
      votesDrawn = votes;
      keepFocus(byId('theme-list'), renderThemes);
    } else if (votesDrawn !== votes) {
      // Votes only change the counts: a stream of dots costs a few text changes per frame.
      votesDrawn = votes;
      for (const theme of m.themes) {
        const count = byId('theme-list').querySelector(`[data-theme-id="${CSS.escape(theme.themeId)}"] .count`);
        if (count) setText(count, themeCount(theme));
      }
    }
    if (focusNext) {
      /** @type {HTMLElement | null} */ (byId('hv-notes').querySelector(`[data-key="${CSS.escape(focusNext)}"]`))?.focus();
      focusNext = null;
    }
  }

  /**
   * Marks one note card picked or not, in place.
   * @param {string | null} noteId
   * @param {boolean} on
   */
  function showPick(noteId, on) {
    const note = noteId ? m.notes.get(noteId) : undefined;
    const card = noteId ? byId('hv-notes').querySelector(`[data-note-id="${CSS.escape(noteId)}"]`) : null;
    if (!note || !card) return;
    card.classList.toggle('picked', on);
    const button = card.querySelector('button.pick');
    if (!button) return;
    button.setAttribute('aria-pressed', String(on));
    button.setAttribute('aria-label', pickLabel(note, on));
    button.textContent = t(on ? 'c-picked' : 'c-pick');
  }

  function renderPickBar() {
    const bar = byId('hv-pick');
    const note = picked ? m.notes.get(picked) : undefined;
    bar.hidden = !note;
    if (!note) return;
    fill(
      bar,
      h('strong', {}, `${t('c-picked-bar')} `),
      h('span', { class: 'pick-text' }, clip(note.text, 80)),
      ` ${t('c-pick-now')} `,
      h('button', { type: 'button', class: 'link', onclick: () => { picked = null; changed(); } }, t('c-cancel')),
    );
  }

  function renderNotes() {
    const box = byId('hv-notes');
    themeByNote = new Map(m.themes.flatMap((theme) => theme.noteIds.map((id) => [id, theme])));
    /** @type {Map<number, Map<number, NoteView[]>>} */
    const byRound = new Map();
    for (const n of m.notes.values()) {
      const tables = byRound.get(n.round) ?? new Map();
      const list = tables.get(n.table) ?? [];
      list.push(n);
      tables.set(n.table, list);
      byRound.set(n.round, tables);
    }
    const rounds = [...byRound.keys()].sort((a, b) => a - b);
    fill(
      box,
      rounds.length === 0 ? h('p', { class: 'hint' }, t('c-no-notes-written')) : null,
      rounds.map((round) => {
        const tables = /** @type {Map<number, NoteView[]>} */ (byRound.get(round));
        return h(
          'section',
          { class: 'hv-round', 'aria-label': t('report-round-column', { round }) },
          h('h4', {}, `${t('c-round-colon', { round })} `, h('span', { class: 'hv-question' }, m.rounds[round - 1]?.question ?? '')),
          [...tables.keys()].sort((a, b) => a - b).map((table) => {
            const group = h(
              'div',
              { class: 'hv-table' },
              h('h5', { class: 'table-tag' }, t('card-table', { table })),
              h('ul', { class: 'hv-note-list' }, /** @type {NoteView[]} */ (tables.get(table)).map(noteCard)),
            );
            /** @type {HTMLElement} */ (group.querySelector('.table-tag')).style.setProperty('--table-colour', tableColour(table).colour);
            return group;
          }),
        );
      }),
    );
    // Dropping a note back on the notes takes it out of its theme.
    box.ondragover = (e) => {
      if (editable() && e.dataTransfer?.types.includes(NOTE_DRAG)) e.preventDefault();
    };
    box.ondrop = (e) => {
      const noteId = e.dataTransfer?.getData(NOTE_DRAG);
      if (!noteId || !editable()) return;
      e.preventDefault();
      if (m.themeOf(noteId)) putNote(noteId, null);
    };
  }

  /** @param {NoteView} n */
  function noteCard(n) {
    const theme = themeByNote.get(n.noteId);
    const can = editable();
    const li = h(
      'li',
      {
        class: `hv-note${n.hidden ? ' hidden-note' : ''}${picked === n.noteId ? ' picked' : ''}`,
        'data-note-id': n.noteId,
        draggable: can ? 'true' : null,
      },
      h('p', { class: 'feed-text' }, n.text),
      h(
        'p',
        { class: 'feed-meta' },
        n.authorName,
        theme ? h('span', { class: 'in-theme' }, t('c-in-theme', { name: theme.name })) : null,
        n.hidden ? h('span', { class: 'off-wall' }, t('c-off-wall')) : null,
      ),
      h(
        'div',
        { class: 'hv-note-tools' },
        can
          ? h(
              'button',
              {
                type: 'button',
                class: 'pick',
                'aria-pressed': String(picked === n.noteId),
                'aria-label': pickLabel(n, picked === n.noteId),
                'data-key': `pick-${n.noteId}`,
                onclick: () => {
                  picked = picked === n.noteId ? null : n.noteId;
                  changed();
                },
              },
              t(picked === n.noteId ? 'c-picked' : 'c-pick'),
            )
          : null,
        can && theme
          ? h('button', { type: 'button', class: 'link', 'data-key': `out-${n.noteId}`, onclick: () => putNote(n.noteId, null) }, t('c-take-out-of-theme'))
          : null,
        can
          ? h(
              'button',
              {
                type: 'button',
                class: 'link',
                'data-key': `hide-${n.noteId}`,
                onclick: async () => {
                  await staff.send({ type: 'hideNote', noteId: n.noteId, hidden: !n.hidden }, t(n.hidden ? 'c-note-back-on-wall' : 'c-note-off-wall'));
                  changed();
                },
              },
              t(n.hidden ? 'c-show-on-wall' : 'c-hide-from-wall'),
            )
          : null,
      ),
    );
    if (can) {
      li.ondragstart = (e) => {
        e.dataTransfer?.setData(NOTE_DRAG, n.noteId);
        e.dataTransfer?.setData('text/plain', n.text);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      };
    }
    return li;
  }

  function renderThemes() {
    const list = byId('theme-list');
    const can = editable();
    fill(
      list,
      m.themes.length === 0 ? h('p', { class: 'hint' }, t(can ? 'c-no-themes-yet' : 'c-no-themes')) : null,
      m.themes.map((theme) => themeCard(theme, can)),
    );
  }

  /**
   * @param {ThemeView} theme
   * @param {boolean} can
   */
  function themeCard(theme, can) {
    const notes = theme.noteIds.map((id) => m.notes.get(id)).filter((n) => n !== undefined);
    const pickedNote = picked;
    const header =
      renaming === theme.themeId
        ? renameForm(theme)
        : h(
            'h4',
            {},
            h('span', { class: 'theme-name' }, theme.name),
            h('span', { class: 'count' }, themeCount(theme)),
          );
    const card = h(
      'section',
      { class: 'theme-card', 'data-theme-id': theme.themeId, 'aria-label': t('c-theme-label', { name: theme.name }) },
      header,
      can && pickedNote && !theme.noteIds.includes(pickedNote)
        ? h('button', { type: 'button', class: 'put-here', 'data-key': `put-${theme.themeId}`, onclick: () => putNote(pickedNote, theme.themeId) }, t('c-put-here'))
        : null,
      h(
        'ul',
        { class: 'theme-notes' },
        notes.length === 0 ? h('li', { class: 'hint' }, t(can ? 'c-drop-here' : 'report-no-notes')) : null,
        notes.slice(0, THEME_NOTES_SHOWN).map((n) =>
          h(
            'li',
            { class: n.hidden ? 'hidden-note' : null },
            h('span', { class: 'feed-text' }, clip(n.text, 140)),
            n.hidden ? h('span', { class: 'off-wall' }, t('c-off-wall')) : null,
            can
              ? h(
                  'button',
                  { type: 'button', class: 'link', 'data-key': `tout-${n.noteId}`, 'aria-label': t('c-take-out-label', { text: clip(n.text, 40), name: theme.name }), onclick: () => putNote(n.noteId, null) },
                  t('c-take-out'),
                )
              : null,
          ),
        ),
        notes.length > THEME_NOTES_SHOWN
          ? h('li', { class: 'hint' }, t('c-theme-more', { count: notes.length - THEME_NOTES_SHOWN, name: theme.name }))
          : null,
      ),
      can && renaming !== theme.themeId
        ? h(
            'div',
            { class: 'theme-tools' },
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                'data-key': `rename-${theme.themeId}`,
                'aria-label': t('c-rename-label', { name: theme.name }),
                onclick: () => {
                  renaming = theme.themeId;
                  renameDraft = theme.name;
                  changed();
                  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(`rename-${theme.themeId}`)?.focus()));
                },
              },
              t('c-rename'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'link danger',
                'data-key': `delete-${theme.themeId}`,
                'aria-label': t('c-delete-label', { name: theme.name }),
                onclick: async () => {
                  if (!confirm(t('c-theme-delete-confirm', { name: theme.name }))) return;
                  await staff.send({ type: 'deleteTheme', themeId: theme.themeId }, t('c-theme-deleted', { name: theme.name }));
                  changed();
                },
              },
              t('c-delete'),
            ),
          )
        : null,
    );
    if (can) {
      card.ondragover = (e) => {
        if (!e.dataTransfer?.types.includes(NOTE_DRAG)) return;
        e.preventDefault();
        card.classList.add('drop-target');
      };
      card.ondragleave = () => card.classList.remove('drop-target');
      card.ondrop = (e) => {
        card.classList.remove('drop-target');
        const noteId = e.dataTransfer?.getData(NOTE_DRAG);
        if (!noteId) return;
        e.preventDefault();
        e.stopPropagation();
        if (!theme.noteIds.includes(noteId)) putNote(noteId, theme.themeId);
      };
    }
    return card;
  }

  /** @param {ThemeView} theme */
  function themeCount(theme) {
    const n = theme.noteIds.filter((id) => m.notes.has(id)).length;
    const dots = m.dotsOn({ kind: 'theme', themeId: theme.themeId });
    return ` ${t('vote-theme-notes', { count: n })}${dots ? ` · ${t('c-dots-on-theme', { count: dots })}` : ''}`;
  }

  /** @param {ThemeView} theme */
  function renameForm(theme) {
    const input = h('input', { id: `rename-${theme.themeId}`, maxlength: 80, 'data-key': `rename-input-${theme.themeId}`, autocomplete: 'off' });
    input.value = renameDraft;
    input.oninput = () => {
      renameDraft = input.value;
    };
    const form = h(
      'form',
      { class: 'inline-form rename-form' },
      h('label', { class: 'visually-hidden', for: `rename-${theme.themeId}` }, t('c-new-name', { name: theme.name })),
      input,
      h('button', { type: 'submit', 'data-key': `rename-save-${theme.themeId}` }, t('c-save')),
      h('button', { type: 'button', 'data-key': `rename-cancel-${theme.themeId}`, onclick: () => { renaming = null; changed(); } }, t('c-cancel')),
    );
    form.onsubmit = async (event) => {
      event.preventDefault();
      const name = renameDraft.trim();
      if (!name) return say(t('c-theme-name-missing'));
      if (name === theme.name || (await staff.send({ type: 'renameTheme', themeId: theme.themeId, name }, t('c-renamed', { name })))) renaming = null;
      changed();
    };
    return form;
  }

  return { notice, render };
}

/**
 * @param {string} text
 * @param {number} max
 */
export function clip(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
