// @ts-check
// The phone in the harvest: the themes and the notes of the person's own tables, each with
// dot controls (− count +), the dots left, the commitments; after the close, the feedback form.
// Votes are absolute (setVotes says how many dots a target gets from me), so a vote sent again
// after a reconnect can never count twice: a vote the link dropped is kept and sent again.

/** @typedef {import('../src/protocol').VoteTarget} VoteTarget */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {import('../src/protocol').FeedbackAnswer} FeedbackAnswer */
/** @typedef {import('../src/protocol').FeedbackQuestion} FeedbackQuestion */
/** @typedef {import('./connection.js').CafeClient} CafeClient */

import { byId, fill, h, keepFocus, setText } from './dom.js';
import { targetKey } from './mirror.js';
import { formatDate } from './commitments-editor.js';
import { errorWords, formatNumber, t } from './i18n.js';

/**
 * @param {CafeClient} client
 * @param {() => void} schedule asks the phone to render
 * @returns {{ render: () => void, resend: () => void }}
 */
export function phoneHarvest(client, schedule) {
  const m = client.mirror;
  /** @type {Map<string, { target: VoteTarget, dots: number }>} votes sent and not answered, or cut off */
  const wanted = new Map();
  let problem = '';
  let formDrawn = '';
  let feedbackSent = false;

  /** @param {VoteTarget} target */
  function myDots(target) {
    return wanted.get(targetKey(target))?.dots ?? m.dotsOn(target, 'mine');
  }

  function spent() {
    let sum = m.dotsSpent();
    for (const { target, dots } of wanted.values()) sum += dots - m.dotsOn(target, 'mine');
    return sum;
  }

  /**
   * @param {VoteTarget} target
   * @param {number} dots
   */
  async function vote(target, dots) {
    const key = targetKey(target);
    wanted.set(key, { target, dots });
    problem = '';
    schedule();
    const answer = await client.send({ type: 'setVotes', target, dots });
    if (answer.ok || answer.code !== 'offline') {
      if (wanted.get(key)?.dots === dots) wanted.delete(key);
    }
    if (answer.ok) problem = '';
    if (!answer.ok) {
      if (answer.code === 'overBudget') problem = t('vote-no-dots');
      else if (answer.code === 'offline') problem = t('vote-offline');
      else if (answer.code === 'wrongPhase' || answer.code === 'forbidden') problem = t('vote-not-open');
      else problem = errorWords(answer.code, answer.message);
    }
    schedule();
  }

  /** Sends again the votes a dropped link cut off (called when the link is back). */
  function resend() {
    for (const { target, dots } of [...wanted.values()]) vote(target, dots);
  }

  /**
   * @param {VoteTarget} target
   * @param {string} label what the dots go on, for screen readers
   * @param {string} key
   */
  function dotControls(target, label, key) {
    const v = m.voting;
    const mine = myDots(target);
    const open = v.state === 'open';
    const left = v.dots - spent();
    const total = v.state === 'notOpen' ? null : mine;
    return h(
      'div',
      { class: 'dots', role: 'group', 'aria-label': t('vote-your-dots', { label }) },
      h(
        'button',
        { type: 'button', class: 'dot-minus', 'data-key': `minus-${key}`, 'aria-label': t('vote-minus', { label }), disabled: !open || mine === 0, onclick: () => vote(target, mine - 1) },
        '−',
      ),
      h('span', { class: 'dot-count', 'data-dots': mine }, total === null ? '' : `${mine}`, h('span', { class: 'visually-hidden' }, total === null ? '' : ` ${t('vote-dots-word', { count: mine })}`)),
      h(
        'button',
        { type: 'button', class: 'dot-plus', 'data-key': `plus-${key}`, 'aria-label': t('vote-plus', { label }), disabled: !open || left <= 0, onclick: () => vote(target, mine + 1) },
        '+',
      ),
    );
  }

  /**
   * The notes of this person's tables: the server sends a phone exactly the notes it may see
   * (the tables it sat at, and those it hosts), whatever seating a reload brings back.
   */
  function myNotes() {
    return [...m.notes.values()].sort((a, b) => a.round - b.round || a.table - b.table || a.postedAt - b.postedAt);
  }

  function render() {
    const state = m.phase.state;
    const box = byId('harvest-box');
    box.hidden = state !== 'harvest' && state !== 'closed';
    if (!box.hidden) renderVoting();
    renderFeedback();
  }

  function renderVoting() {
    const v = m.voting;
    // A refusal is about voting as it was; once voting closes it is no news.
    if (v.state !== 'open') problem = '';
    const left = Math.max(0, v.dots - spent());
    setText(
      byId('voting-state'),
      t('vote-state', { state: v.state }),
    );
    byId('dots-left').hidden = v.state !== 'open';
    setText(byId('dots-left'), left === 0 ? t('vote-none-left', { dots: v.dots }) : t('vote-left', { left, dots: v.dots }));
    const problemBox = byId('vote-problem');
    problemBox.hidden = !problem;
    setText(problemBox, problem);

    keepFocus(byId('hv-themes'), () =>
      fill(
        byId('hv-themes'),
        m.themes.length === 0 ? h('li', { class: 'empty' }, t('vote-no-themes')) : null,
        m.themes.map((theme) => {
          const target = { kind: /** @type {'theme'} */ ('theme'), themeId: theme.themeId };
          return h(
            'li',
            { class: 'vote-item theme', 'data-theme-id': theme.themeId },
            h('div', { class: 'vote-what' }, h('p', { class: 'theme-name' }, theme.name), h('p', { class: 'vote-meta' }, t('vote-theme-notes', { count: theme.noteIds.length }))),
            dotControls(target, t('vote-the-theme', { name: theme.name }), `t-${theme.themeId}`),
          );
        }),
      ),
    );
    const notes = myNotes();
    keepFocus(byId('hv-notes'), () =>
      fill(
        byId('hv-notes'),
        notes.length === 0 ? h('li', { class: 'empty' }, t('vote-no-notes')) : null,
        notes.map((n) => {
          const theme = m.themeOf(n.noteId);
          const target = { kind: /** @type {'note'} */ ('note'), noteId: n.noteId };
          return h(
            'li',
            { class: 'vote-item note-item', 'data-note-id': n.noteId },
            h(
              'div',
              { class: 'vote-what' },
              h('p', { class: 'note-text' }, n.text),
              h('p', { class: 'vote-meta' }, theme ? t('vote-note-where-theme', { round: n.round, table: n.table, theme: theme.name }) : t('vote-note-where', { round: n.round, table: n.table })),
            ),
            dotControls(target, t('vote-the-note', { text: shortText(n.text) }), `n-${n.noteId}`),
          );
        }),
      ),
    );
    byId('hv-commitments-box').hidden = m.commitments.length === 0;
    fill(
      byId('hv-commitments'),
      m.commitments.map((c) => {
        const names = c.themeIds.map((id) => m.themes.find((theme) => theme.themeId === id)?.name).filter(Boolean);
        const about = [c.owner, c.due ? t('commitment-due', { date: formatDate(c.due) }) : null, names.length ? names.join(', ') : null].filter(Boolean).join(' · ');
        return h('li', {}, h('p', { class: 'commitment-text' }, c.text), about ? h('p', { class: 'vote-meta' }, about) : null);
      }),
    );
  }

  // ----- the feedback form

  const form = byId('feedback-form', HTMLFormElement);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const questions = m.feedback.questions;
    /** @type {FeedbackAnswer[]} */
    const answers = questions.map((q, i) => {
      if (q.kind === 'rating') {
        const ticked = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="q${i}"]:checked`));
        return ticked ? { rating: Number(ticked.value) } : {};
      }
      const text = /** @type {HTMLTextAreaElement | null} */ (form.querySelector(`textarea[name="q${i}"]`))?.value.trim() ?? '';
      return text ? { text } : {};
    });
    if (answers.every((a) => a.rating === undefined && !a.text)) {
      setText(byId('feedback-state'), t('feedback-answer-one'));
      return;
    }
    const button = byId('feedback-send', HTMLButtonElement);
    button.disabled = true;
    setText(byId('feedback-state'), t('feedback-sending'));
    const answer = await client.send({ type: 'submitFeedback', answers });
    button.disabled = false;
    if (answer.ok) feedbackSent = true;
    setText(
      byId('feedback-state'),
      answer.ok ? t('feedback-thanks') : answer.code === 'offline' ? t('feedback-offline') : errorWords(answer.code, answer.message),
    );
    schedule();
  };

  function renderFeedback() {
    const box = byId('feedback-box');
    const questions = m.feedback.questions;
    box.hidden = m.phase.state !== 'closed' || questions.length === 0;
    if (box.hidden) return;
    const mine = m.feedback.mine;
    if (mine && !feedbackSent) {
      feedbackSent = true;
      setText(byId('feedback-state'), t('feedback-thanks'));
    }
    setText(byId('feedback-send'), t(mine ? 'feedback-update' : 'feedback-send'));
    // Drawn once per set of questions, so nothing typed is wiped by an update.
    const key = JSON.stringify(questions);
    if (key === formDrawn) return;
    formDrawn = key;
    fill(byId('feedback-questions'), questions.map((q, i) => questionField(q, i, mine?.[i])));
  }

  /**
   * @param {FeedbackQuestion} q
   * @param {number} i
   * @param {FeedbackAnswer | undefined} given
   */
  function questionField(q, i, given) {
    if (q.kind === 'rating') {
      return h(
        'fieldset',
        { class: 'rating' },
        h('legend', {}, q.prompt),
        h(
          'div',
          { class: 'rating-options' },
          [1, 2, 3, 4, 5].map((value) => {
            return h(
              'label',
              { class: 'rating-option' },
              h('input', { type: 'radio', name: `q${i}`, value, checked: given?.rating === value }),
              h('span', { class: 'rating-number' }, formatNumber(value)),
              h('span', { class: 'rating-word' }, t('rating-word', { value })),
            );
          }),
        ),
      );
    }
    const area = h('textarea', { id: `fb-q${i}`, name: `q${i}`, rows: 3, maxlength: 2000 });
    area.value = given?.text ?? '';
    return h('div', { class: 'text-question' }, h('label', { for: `fb-q${i}` }, q.prompt), area);
  }

  return { render, resend };
}

/** @param {string} text */
function shortText(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
