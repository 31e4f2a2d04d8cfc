// @ts-check
// The café as this client knows it: a snapshot, then updates applied exactly as
// docs/protocol.md §9 says, and the cursor rule of §12. Shared by every view.

/** @typedef {import('../src/protocol').CafeView} CafeView */
/** @typedef {import('../src/protocol').Update} Update */
/** @typedef {import('../src/protocol').NoteView} NoteView */
/** @typedef {import('../src/protocol').ParticipantInfo} ParticipantInfo */
/** @typedef {import('../src/protocol').SeatingView} SeatingView */
/** @typedef {import('../src/protocol').TableSeats} TableSeats */
/** @typedef {import('../src/protocol').PhaseView} PhaseView */
/** @typedef {import('../src/protocol').RoundSpec} RoundSpec */
/** @typedef {import('../src/protocol').BroadcastView} BroadcastView */
/** @typedef {import('../src/protocol').Cursor} Cursor */
/** @typedef {import('../src/protocol').ThemeView} ThemeView */
/** @typedef {import('../src/protocol').VotingView} VotingView */
/** @typedef {import('../src/protocol').VoteTarget} VoteTarget */
/** @typedef {import('../src/protocol').VoteCount} VoteCount */
/** @typedef {import('../src/protocol').Commitment} Commitment */
/** @typedef {import('../src/protocol').FeedbackView} FeedbackView */

import { currentRound } from './clock.js';

export class Mirror {
  constructor() {
    /** @type {string} */
    this.title = '';
    this.joinCode = '';
    this.tableSize = 4;
    /** @type {number | undefined} */
    this.physicalTables = undefined;
    /** @type {RoundSpec[]} */
    this.rounds = [];
    /** @type {PhaseView} */
    this.phase = { state: 'lobby' };
    /** @type {Map<string, ParticipantInfo>} in join order */
    this.participants = new Map();
    /** @type {Set<string>} participants with an open connection (staff only) */
    this.connected = new Set();
    /** @type {Map<number, SeatingView>} by round */
    this.seating = new Map();
    /** @type {Map<string, NoteView>} in arrival order */
    this.notes = new Map();
    /** @type {BroadcastView | undefined} */
    this.lastBroadcast = undefined;
    /** @type {ThemeView[]} in the order they were made */
    this.themes = [];
    /** @type {VotingView} */
    this.voting = { state: 'notOpen', dots: 3, totals: [], mine: [] };
    /** @type {Commitment[]} */
    this.commitments = [];
    /** @type {FeedbackView} */
    this.feedback = { questions: [], responses: 0 };
    /** Whether a co-facilitator key is active (facilitator only). */
    this.coFacilitator = false;
    /**
     * Where this state stands in the café's log: `part` is set while the last thing applied
     * was an event's frame, so a resume continues inside that event's group (§12).
     * @type {Cursor | undefined}
     */
    this.cursor = undefined;
    this.loaded = false;
  }

  /**
   * A snapshot replaces everything.
   * @param {string} epoch
   * @param {number} seq
   * @param {CafeView} cafe
   */
  snapshot(epoch, seq, cafe) {
    this.title = cafe.title;
    this.joinCode = cafe.joinCode;
    this.tableSize = cafe.tableSize;
    this.physicalTables = cafe.physicalTables;
    this.rounds = cafe.rounds;
    this.phase = cafe.phase;
    this.participants = new Map(cafe.participants.map((p) => [p.participantId, p]));
    this.connected = new Set(cafe.connected);
    this.seating = new Map(cafe.seating.map((s) => [s.round, s]));
    this.notes = new Map(cafe.notes.map((n) => [n.noteId, n]));
    this.lastBroadcast = cafe.lastBroadcast;
    // A server from before the harvest sends none of these: start empty rather than break.
    this.themes = (cafe.themes ?? []).map((t) => ({ ...t, noteIds: [...t.noteIds] }));
    const voting = cafe.voting ?? { state: 'notOpen', dots: 3, totals: [], mine: [] };
    this.voting = { ...voting, totals: [...voting.totals], mine: [...voting.mine] };
    this.commitments = [...(cafe.commitments ?? [])];
    this.feedback = { ...(cafe.feedback ?? { questions: [], responses: 0 }) };
    this.coFacilitator = cafe.coFacilitator ?? false;
    this.cursor = { epoch, seq };
    this.loaded = true;
  }

  /**
   * The cursor rule (§12): apply a frame that comes after the cursor, where a cursor without a
   * part holds all of its seq and one with a part holds that seq's frames up to it.
   * @param {number} seq
   * @param {number} part
   */
  accepts(seq, part) {
    if (!this.cursor) return false;
    if (seq !== this.cursor.seq) return seq > this.cursor.seq;
    return this.cursor.part !== undefined && part > this.cursor.part;
  }

  /**
   * @param {number} seq
   * @param {number} part the frame's place in its event's group (absent on the wire means 0)
   * @param {number} at
   * @param {Update} update
   * @returns {boolean} whether it was applied
   */
  event(seq, part, at, update) {
    if (!this.cursor || !this.accepts(seq, part)) return false;
    this.apply(update, at);
    this.cursor = { epoch: this.cursor.epoch, seq, part };
    return true;
  }

  /**
   * The state as a snapshot would carry it, with the cursor that goes with it: what a phone
   * keeps so that a reload, even offline, shows the café and resumes where it was.
   * @param {string} cafeId
   * @returns {{ view: CafeView, cursor: Cursor } | undefined}
   */
  save(cafeId) {
    if (!this.loaded || !this.cursor) return undefined;
    /** @type {CafeView} */
    const view = {
      cafeId,
      title: this.title,
      joinCode: this.joinCode,
      tableSize: this.tableSize,
      physicalTables: this.physicalTables,
      rounds: this.rounds,
      phase: this.phase,
      participants: [...this.participants.values()],
      connected: [...this.connected],
      seating: [...this.seating.values()],
      notes: [...this.notes.values()],
      lastBroadcast: this.lastBroadcast,
      themes: this.themes,
      voting: this.voting,
      commitments: this.commitments,
      feedback: this.feedback,
      coFacilitator: this.coFacilitator,
    };
    return { view, cursor: this.cursor };
  }

  /**
   * Takes back what `save` kept: the state and the exact cursor (a part included).
   * @param {{ view: CafeView, cursor: Cursor }} saved
   */
  restore(saved) {
    this.snapshot(saved.cursor.epoch, saved.cursor.seq, saved.view);
    this.cursor = { ...saved.cursor };
  }

  /** @param {number} seq after a snapshot or replay: all of `seq` is applied */
  synced(seq) {
    if (this.cursor) this.cursor = { epoch: this.cursor.epoch, seq };
  }

  /** @param {string} epoch from `welcome`: a different epoch makes old seqs meaningless */
  welcome(epoch) {
    if (this.cursor && this.cursor.epoch !== epoch) this.cursor = undefined;
  }

  /** The highest round that has started. */
  lastStartedRound() {
    let last = 0;
    for (const s of this.seating.values()) if (!s.planned && s.round > last) last = s.round;
    return Math.max(last, currentRound(this.phase, 0));
  }

  /** The round in progress or just finished, 0 before the first. */
  round() {
    return currentRound(this.phase, this.lastStartedRound());
  }

  /** @returns {SeatingView | undefined} the plan for the next round, if one exists */
  plan() {
    for (const s of this.seating.values()) if (s.planned) return s;
    return undefined;
  }

  /**
   * The table `participantId` sits at in `round`, if any.
   * @param {number} round
   * @param {string} participantId
   * @returns {TableSeats | undefined}
   */
  tableOf(round, participantId) {
    return this.seating.get(round)?.tables.find((t) => t.members.includes(participantId));
  }

  /**
   * @param {Update} u
   * @param {number} at
   */
  apply(u, at) {
    switch (u.type) {
      case 'participantJoined':
        this.participants.set(u.participant.participantId, u.participant);
        break;
      case 'participantLeft': {
        const p = this.participants.get(u.participantId);
        if (p) this.participants.set(u.participantId, { ...p, present: false });
        const live = this.phase.state === 'running' || this.phase.state === 'paused' ? this.phase.round : -1;
        for (const s of this.seating.values()) {
          if (s.planned || s.round === live) unseat(s, u.participantId);
        }
        break;
      }
      case 'seatingPlanned':
        this.seating.set(u.round, { round: u.round, planned: u.round > this.lastStartedRound(), tables: u.tables });
        break;
      case 'participantSeated': {
        let s = this.seating.get(u.round);
        if (!s) {
          s = { round: u.round, planned: u.round > this.lastStartedRound(), tables: [] };
          this.seating.set(u.round, s);
        }
        unseat(s, u.participantId);
        let table = s.tables.find((t) => t.table === u.table);
        if (!table) {
          table = { table: u.table, host: null, members: [] };
          s.tables.push(table);
          s.tables.sort((a, b) => a.table - b.table);
        }
        table.members.push(u.participantId);
        break;
      }
      case 'hostChanged': {
        const table = this.seating.get(u.round)?.tables.find((t) => t.table === u.table);
        if (table) table.host = u.participantId;
        break;
      }
      case 'tableChanged':
        if (u.table) this.seating.set(u.round, { round: u.round, planned: u.planned, tables: [u.table] });
        else this.seating.delete(u.round);
        for (const p of u.people) this.participants.set(p.participantId, p);
        break;
      case 'roundStarted': {
        this.phase = { state: 'running', round: u.round, endsAt: u.endsAt };
        const s = this.seating.get(u.round);
        if (s) s.planned = false;
        break;
      }
      case 'roundPaused':
        this.phase = { state: 'paused', round: u.round, remainingMs: u.remainingMs };
        break;
      case 'roundResumed':
        this.phase = { state: 'running', round: u.round, endsAt: u.endsAt };
        break;
      case 'roundTimeChanged':
        if (this.phase.state === 'running' && u.endsAt !== undefined) {
          this.phase = { ...this.phase, endsAt: u.endsAt };
        } else if (this.phase.state === 'paused' && u.remainingMs !== undefined) {
          this.phase = { ...this.phase, remainingMs: u.remainingMs };
        }
        break;
      case 'roundEnded':
        this.phase = { state: 'betweenRounds', lastRound: u.round };
        break;
      case 'broadcast':
        this.lastBroadcast = { text: u.text, at };
        break;
      case 'notePosted':
        this.notes.set(u.note.noteId, u.note);
        break;
      case 'noteEdited': {
        const note = this.notes.get(u.noteId);
        if (note) this.notes.set(u.noteId, { ...note, text: u.text, editedAt: u.editedAt });
        break;
      }
      case 'noteDeleted':
        this.notes.delete(u.noteId);
        for (const t of this.themes) t.noteIds = t.noteIds.filter((id) => id !== u.noteId);
        this.dropVotes({ kind: 'note', noteId: u.noteId });
        break;
      case 'noteHidden': {
        const note = this.notes.get(u.noteId);
        if (note) {
          const { hidden: _, ...shown } = note;
          this.notes.set(u.noteId, u.hidden ? { ...note, hidden: true } : shown);
        }
        break;
      }
      case 'harvestOpened':
        this.phase = { state: 'harvest' };
        this.dropPlan();
        break;
      case 'cafeClosed':
        this.phase = { state: 'closed' };
        this.dropPlan();
        if (this.voting.state === 'open') this.voting = { ...this.voting, state: 'closed' };
        break;
      case 'themeCreated': {
        // A note sits in one theme at most: the new theme takes its notes from the others.
        const taken = new Set(u.theme.noteIds);
        for (const t of this.themes) t.noteIds = t.noteIds.filter((id) => !taken.has(id));
        if (!this.themes.some((t) => t.themeId === u.theme.themeId)) {
          this.themes.push({ ...u.theme, noteIds: [...u.theme.noteIds] });
        }
        break;
      }
      case 'themeRenamed':
        for (const t of this.themes) if (t.themeId === u.themeId) t.name = u.name;
        break;
      case 'themeDeleted':
        this.themes = this.themes.filter((t) => t.themeId !== u.themeId);
        this.dropVotes({ kind: 'theme', themeId: u.themeId });
        this.commitments = this.commitments.map((c) =>
          c.themeIds.includes(u.themeId) ? { ...c, themeIds: c.themeIds.filter((id) => id !== u.themeId) } : c,
        );
        break;
      case 'noteThemed':
        for (const t of this.themes) {
          t.noteIds = t.noteIds.filter((id) => id !== u.noteId);
          if (t.themeId === u.themeId) t.noteIds.push(u.noteId);
        }
        break;
      case 'votingChanged':
        this.voting = { ...this.voting, state: u.state, dots: u.dots };
        break;
      case 'voteTotal':
        this.voting = { ...this.voting, totals: setCount(this.voting.totals, u.target, u.dots) };
        break;
      case 'yourVotes':
        this.voting = { ...this.voting, mine: setCount(this.voting.mine, u.target, u.dots) };
        break;
      case 'commitmentSaved': {
        const i = this.commitments.findIndex((c) => c.commitmentId === u.commitment.commitmentId);
        if (i >= 0) this.commitments[i] = u.commitment;
        else this.commitments.push(u.commitment);
        break;
      }
      case 'commitmentDeleted':
        this.commitments = this.commitments.filter((c) => c.commitmentId !== u.commitmentId);
        break;
      case 'feedbackQuestionsChanged':
        this.feedback = { ...this.feedback, questions: u.questions };
        break;
      case 'feedbackReceived':
        this.feedback = { ...this.feedback, responses: u.responses };
        break;
      case 'yourFeedback':
        this.feedback = { ...this.feedback, mine: u.answers };
        break;
      case 'coFacilitatorChanged':
        this.coFacilitator = u.active;
        break;
    }
  }

  /**
   * The dots on a deleted theme or note are gone, from the totals and from one's own.
   * @param {VoteTarget} target
   */
  dropVotes(target) {
    const key = targetKey(target);
    this.voting = {
      ...this.voting,
      totals: this.voting.totals.filter((c) => targetKey(c.target) !== key),
      mine: this.voting.mine.filter((c) => targetKey(c.target) !== key),
    };
  }

  /**
   * The theme a note sits in, if any.
   * @param {string} noteId
   * @returns {ThemeView | undefined}
   */
  themeOf(noteId) {
    return this.themes.find((t) => t.noteIds.includes(noteId));
  }

  /**
   * Dots on a target: everyone's (staff and wall) or `mine` (a phone's own).
   * @param {VoteTarget} target
   * @param {'totals' | 'mine'} [which]
   */
  dotsOn(target, which = 'totals') {
    const key = targetKey(target);
    return this.voting[which].find((c) => targetKey(c.target) === key)?.dots ?? 0;
  }

  /** The dots this phone has spent. */
  dotsSpent() {
    return this.voting.mine.reduce((sum, c) => sum + c.dots, 0);
  }

  dropPlan() {
    for (const [round, s] of this.seating) if (s.planned) this.seating.delete(round);
  }
}

/**
 * A stable string for a vote target, to compare targets.
 * @param {VoteTarget} target
 */
export function targetKey(target) {
  return target.kind === 'theme' ? `theme:${target.themeId}` : `note:${target.noteId}`;
}

/**
 * The counts with `target` set to `dots` (a zero removes it), as the server's snapshots list them.
 * @param {VoteCount[]} counts
 * @param {VoteTarget} target
 * @param {number} dots
 * @returns {VoteCount[]}
 */
function setCount(counts, target, dots) {
  const key = targetKey(target);
  const rest = counts.filter((c) => targetKey(c.target) !== key);
  if (dots > 0) rest.push({ target, dots });
  return rest;
}

/**
 * Takes a person off their table in one round's seating; an emptied table disappears.
 * @param {SeatingView} s
 * @param {string} participantId
 */
function unseat(s, participantId) {
  for (const t of s.tables) {
    const i = t.members.indexOf(participantId);
    if (i < 0) continue;
    t.members.splice(i, 1);
    if (t.host === participantId) t.host = null;
  }
  s.tables = s.tables.filter((t) => t.members.length > 0);
}
