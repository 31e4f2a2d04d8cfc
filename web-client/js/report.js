// @ts-check
// The printable report: the café's JSON export laid out for paper. The key comes from this
// browser's saved cafés (`#cafe=<id>`), never from the address.

import { fill, h, byId, setText } from './dom.js';
import { loadExport } from './export.js';
import { savedCafes } from './saved.js';

/** @typedef {import('../src/protocol').CafeExport} CafeExport */

const main = byId('report');

async function start() {
  const params = new URLSearchParams(location.hash.slice(1));
  const cafeId = params.get('cafe');
  const anonymous = params.get('authors') === 'anonymous';
  const saved = savedCafes().find((c) => c.cafeId === cafeId);
  if (!saved || !saved.joinCode) {
    fail('This browser does not hold the key of that café. Open the report from the facilitator console on the laptop that runs it.');
    return;
  }
  try {
    render(await loadExport(saved.joinCode, saved.facilitatorKey, anonymous));
  } catch (e) {
    fail(`Could not load the report: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** @param {string} message */
function fail(message) {
  main.setAttribute('aria-busy', 'false');
  fill(main, h('p', { class: 'error', role: 'alert' }, message));
}

/** @param {number} ms */
function when(ms) {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * @param {number} n
 * @param {string} noun
 */
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** @param {CafeExport} data */
function render(data) {
  document.title = `${data.title}: report`;
  const people = new Map(data.participants.map((p) => [p.key, p]));
  const label = (/** @type {string | null | undefined} */ key) =>
    (key && people.get(key)?.label) || 'someone who left';
  const played = data.rounds.filter((r) => r.tables.length > 0);

  fill(
    main,
    h('h1', {}, data.title),
    h('p', { class: 'meta' },
      `${when(data.createdAt)} · ${count(data.participants.length, 'participant')} · ${count(data.notes.length, 'note')}`,
      data.authors === 'shown' ? '' : ' · names left out'),
    h('h2', {}, 'Questions'),
    h('ol', {}, data.rounds.map((r) => h('li', {}, `${r.question} (${r.minutes} min)`))),
    harvest(data, label),
    data.rounds.flatMap((r) => [
      h('h2', {}, `Round ${r.round}: ${r.question}`),
      ...(r.tables.length === 0
        ? [h('p', { class: 'meta' }, 'This round did not take place.')]
        : r.tables.map((t) => {
          const notes = data.notes.filter((n) => n.round === r.round && n.table === t.table);
          return h('section', { class: 'table-block' },
            h('h3', {}, `Table ${t.table}`, t.host ? ` · hosted by ${label(t.host)}` : ''),
            h('p', { class: 'seated' }, `At the table: ${t.members.map(label).join(', ')}`),
            notes.length === 0
              ? h('p', { class: 'meta' }, 'No notes.')
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
      h('h2', {}, 'Who sat where'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Participant'),
          played.map((r) => h('th', { scope: 'col' }, `Round ${r.round}`)))),
        h('tbody', {}, data.participants.map((p) => h('tr', {},
          h('th', { scope: 'row' }, p.label),
          played.map((r) => {
            const t = r.tables.find((t) => t.members.includes(p.key));
            return h('td', {}, t ? `${t.table}${t.host === p.key ? ' (host)' : ''}` : '–');
          }))))),
    ],
  );
  main.setAttribute('aria-busy', 'false');
  const print = byId('print', HTMLButtonElement);
  print.disabled = false;
  print.onclick = () => window.print();
  setText(print, 'Print or save as PDF');
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
  const dots = (/** @type {number} */ n) => count(n, 'dot');
  const feedback = data.feedback;
  return [
    h('h2', {}, 'Themes'),
    data.themes.length === 0
      ? h('p', { class: 'meta' }, 'No themes yet.')
      // The export's order and `score` are the one ranking (ranking.js follows the same rule).
      : h('ol', { class: 'themes' }, data.themes.map((t) => {
        const own = t.noteIds.map((id) => notes.get(id)).filter((n) => n !== undefined);
        return h('li', {},
          h('h3', {}, t.name, h('span', { class: 'dots' }, ` · ${dots(t.score)}`)),
          own.length === 0 ? null : h('ul', { class: 'notes' }, own.map((n) => h('li', {},
            h('span', { class: 'note-text' }, n.text),
            h('br'),
            h('span', { class: 'by' },
              `— ${label(n.author)}, round ${n.round}, table ${n.table}${n.votes ? ` · ${dots(n.votes)}` : ''}`)))));
      })),
    h('h2', {}, 'Commitments'),
    data.commitments.length === 0
      ? h('p', { class: 'meta' }, 'No commitments recorded.')
      : h('ul', { class: 'commitments' }, data.commitments.map((c) => h('li', {},
        h('span', { class: 'note-text' }, c.text),
        h('br'),
        h('span', { class: 'by' }, [
          c.owner ? `Owner: ${c.owner}` : null,
          c.due ? `due ${c.due}` : null,
          c.themeIds.length ? `answers ${c.themeIds.map((id) => themeName.get(id) ?? '?').join(', ')}` : null,
        ].filter(Boolean).join(' · '))))),
    h('h2', {}, 'Feedback'),
    feedback.responses.length === 0
      ? h('p', { class: 'meta' }, 'No feedback yet.')
      : h('div', { class: 'feedback' },
        h('p', { class: 'meta' }, `${count(feedback.responses.length, 'form')} returned, without names.`),
        feedback.questions.map((q, i) => {
          const answers = feedback.responses.map((r) => r[i]).filter((a) => a !== undefined);
          if (q.kind === 'rating') {
            const ratings = answers.map((a) => a.rating).filter((r) => typeof r === 'number');
            const average = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : 0;
            return h('section', { class: 'table-block' },
              h('h3', {}, q.prompt),
              h('p', {}, ratings.length === 0
                ? 'No ratings.'
                : `${average.toFixed(1)} out of 5 from ${count(ratings.length, 'rating')} (${[1, 2, 3, 4, 5]
                  .map((v) => `${v}: ${ratings.filter((r) => r === v).length}`).join(', ')})`));
          }
          const texts = answers.map((a) => a.text).filter((t) => typeof t === 'string' && t !== '');
          return h('section', { class: 'table-block' },
            h('h3', {}, q.prompt),
            texts.length === 0
              ? h('p', { class: 'meta' }, 'No answers.')
              : h('ul', { class: 'notes' }, texts.map((t) => h('li', {}, h('span', { class: 'note-text' }, t)))));
        })),
  ];
}

start();
