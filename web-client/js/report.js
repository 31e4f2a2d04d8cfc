// @ts-check
// The printable report: the café's JSON export laid out for paper. The key comes from this
// browser's saved cafés (`#cafe=<id>`), never from the address.

import { fill, h, byId, setText } from './dom.js';
import { loadExport } from './export.js';
import { savedCafes } from './saved.js';
import * as i18n from './i18n.js';

/** @typedef {import('../src/protocol').CafeExport} CafeExport */

const main = byId('report');
await i18n.useLanguage(i18n.preferredLanguage());
i18n.languagePicker(byId('language', HTMLSelectElement));

async function start() {
  const params = new URLSearchParams(location.hash.slice(1));
  const cafeId = params.get('cafe');
  const anonymous = params.get('authors') === 'anonymous';
  const saved = savedCafes().find((c) => c.cafeId === cafeId);
  if (!saved || !saved.joinCode) {
    fail(i18n.t('report-no-key'));
    return;
  }
  try {
    const data = await loadExport(saved.joinCode, saved.facilitatorKey, anonymous);
    render(data);
    i18n.onLanguageChange(() => render(data));
  } catch (e) {
    fail(i18n.t('report-failed', { problem: e instanceof Error ? e.message : String(e) }));
  }
}

/** @param {string} message */
function fail(message) {
  main.setAttribute('aria-busy', 'false');
  fill(main, h('p', { class: 'error', role: 'alert' }, message));
}

/** @param {number} ms */
function when(ms) {
  return i18n.formatDate(ms, { dateStyle: 'long', timeStyle: 'short' });
}


/** @param {CafeExport} data */
function render(data) {
  document.title = i18n.t('report-title', { title: data.title });
  const people = new Map(data.participants.map((p) => [p.key, p]));
  const label = (/** @type {string | null | undefined} */ key) =>
    (key && people.get(key)?.label) || i18n.t('report-someone-left');
  const played = data.rounds.filter((r) => r.tables.length > 0);

  fill(
    main,
    h('h1', {}, data.title),
    h('p', { class: 'meta' },
      i18n.t('report-meta', { when: when(data.createdAt), participants: data.participants.length, notes: data.notes.length }),
      data.authors === 'shown' ? '' : ` · ${i18n.t('report-anonymous')}`),
    h('h2', {}, i18n.t('report-questions')),
    h('ol', {}, data.rounds.map((r) => h('li', {}, i18n.t('report-question', { question: r.question, minutes: r.minutes })))),
    harvest(data, label),
    data.rounds.flatMap((r) => [
      h('h2', {}, i18n.t('report-round', { round: r.round, question: r.question })),
      ...(r.tables.length === 0
        ? [h('p', { class: 'meta' }, i18n.t('report-not-played'))]
        : r.tables.map((t) => {
          const notes = data.notes.filter((n) => n.round === r.round && n.table === t.table);
          return h('section', { class: 'table-block' },
            h('h3', {}, i18n.t('card-table', { table: t.table }), t.host ? ` · ${i18n.t('report-hosted-by', { name: label(t.host) })}` : ''),
            h('p', { class: 'seated' }, i18n.t('report-at-table', { names: t.members.map(label).join(', ') })),
            notes.length === 0
              ? h('p', { class: 'meta' }, i18n.t('report-no-notes'))
              : h('ul', { class: 'notes' }, notes.map((n) => {
                const org = people.get(n.author)?.organisation;
                return h('li', {},
                  h('span', { class: 'note-text' }, n.text),
                  h('br'),
                  h('span', { class: 'by' }, `— ${label(n.author)}${org ? ` (${org})` : ''}`));
              })));
        })),
    ]),
    played.length === 0 ? null : [
      h('h2', {}, i18n.t('report-who-where')),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, i18n.t('report-participant')),
          played.map((r) => h('th', { scope: 'col' }, i18n.t('report-round-column', { round: r.round }))))),
        h('tbody', {}, data.participants.map((p) => h('tr', {},
          h('th', { scope: 'row' }, p.label),
          played.map((r) => {
            const t = r.tables.find((t) => t.members.includes(p.key));
            return h('td', {}, t ? i18n.t(t.host === p.key ? 'report-seat-host' : 'report-seat', { table: t.table }) : '–');
          }))))),
    ],
  );
  main.setAttribute('aria-busy', 'false');
  const print = byId('print', HTMLButtonElement);
  print.disabled = false;
  print.onclick = () => window.print();
  setText(print, i18n.t('report-print'));
}

/**
 * The harvest: themes ranked by score with their notes, the commitments, and the feedback, which
 * never carries names.
 * @param {CafeExport} data
 * @param {(key: string | null | undefined) => string} label
 */
function harvest(data, label) {
  const notes = new Map(data.notes.map((n) => [n.noteId, n]));
  const themeName = new Map(data.themes.map((t) => [t.themeId, t.name]));
  const dots = (/** @type {number} */ n) => i18n.t('dots', { count: n });
  const feedback = data.feedback;
  return [
    h('h2', {}, i18n.t('harvest-themes')),
    data.themes.length === 0
      ? h('p', { class: 'meta' }, i18n.t('vote-no-themes'))
      // The export's order and `score` are the one ranking (ranking.js follows the same rule).
      : h('ol', { class: 'themes' }, data.themes.map((t) => {
        const own = t.noteIds.map((id) => notes.get(id)).filter((n) => n !== undefined);
        return h('li', {},
          h('h3', {}, t.name, h('span', { class: 'dots' }, ` · ${dots(t.score)}`)),
          own.length === 0 ? null : h('ul', { class: 'notes' }, own.map((n) => h('li', {},
            h('span', { class: 'note-text' }, n.text),
            h('br'),
            h('span', { class: 'by' },
              `— ${i18n.t('report-theme-note-by', { name: label(n.author), round: n.round, table: n.table })}${n.votes ? ` · ${dots(n.votes)}` : ''}`)))));
      })),
    h('h2', {}, i18n.t('report-commitments')),
    data.commitments.length === 0
      ? h('p', { class: 'meta' }, i18n.t('report-no-commitments'))
      : h('ul', { class: 'commitments' }, data.commitments.map((c) => h('li', {},
        h('span', { class: 'note-text' }, c.text),
        h('br'),
        h('span', { class: 'by' }, [
          c.owner ? i18n.t('commitment-owner', { owner: c.owner }) : null,
          c.due ? i18n.t('commitment-due-on', { date: c.due }) : null,
          c.themeIds.length ? i18n.t('report-answers', { themes: c.themeIds.map((id) => themeName.get(id) ?? '?').join(', ') }) : null,
        ].filter(Boolean).join(' · '))))),
    h('h2', {}, i18n.t('report-feedback')),
    feedback.responses.length === 0
      ? h('p', { class: 'meta' }, i18n.t('report-no-feedback'))
      : h('div', { class: 'feedback' },
        h('p', { class: 'meta' }, i18n.t('report-forms', { count: feedback.responses.length })),
        feedback.questions.map((q, i) => {
          const answers = feedback.responses.map((r) => r[i]).filter((a) => a !== undefined);
          if (q.kind === 'rating') {
            const ratings = answers.map((a) => a.rating).filter((r) => typeof r === 'number');
            const average = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : 0;
            return h('section', { class: 'table-block' },
              h('h3', {}, q.prompt),
              h('p', {}, ratings.length === 0
                ? i18n.t('report-no-ratings')
                : i18n.t('report-rating', {
                  average: i18n.formatNumber(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                  count: ratings.length,
                  spread: [1, 2, 3, 4, 5].map((v) => `${i18n.formatNumber(v)}: ${i18n.formatNumber(ratings.filter((r) => r === v).length)}`).join(', '),
                })));
          }
          const texts = answers.map((a) => a.text).filter((t) => typeof t === 'string' && t !== '');
          return h('section', { class: 'table-block' },
            h('h3', {}, q.prompt),
            texts.length === 0
              ? h('p', { class: 'meta' }, i18n.t('report-no-answers'))
              : h('ul', { class: 'notes' }, texts.map((t) => h('li', {}, h('span', { class: 'note-text' }, t)))));
        })),
  ];
}

start();
