// Generated from protocol/ by `UPDATE_TS=1 cargo test -p flamingo-protocol --test typescript`.
// Do not edit by hand.

/**
 * Every frame a client sends. `requestId` is the client's own number; the answer (`ack` or
 * `error`) carries it back.
 */

export type ClientMessage = { "type": "hello", requestId?: number, auth: Auth, 
/**
 * The cursor of the last update this client applied, to resume without a snapshot.
 */
since?: Cursor, } | { "type": "command", requestId?: number, command: Command, } | { "type": "ping", requestId?: number, };

/**
 * How a client proves who it is.
 */

export type Auth = { "as": "facilitator", cafeId: string, facilitatorKey: string, } | { "as": "join", joinCode: string, name: string, organisation?: string, role?: string, 
/**
 * A secret the phone chose (32 to 128 letters, digits, `-` or `_`), kept until the
 * `welcome` arrives. Sending the same join again with it is harmless: it answers with
 * the same participant instead of adding a second one, so a join whose answer was lost
 * can be retried. It is also the resume token then.
 */
joinKey?: string, } | { "as": "participant", cafeId: string, participantId: string, resumeToken: string, } | { "as": "wall", joinCode: string, };

/**
 * A position in a café's history: the epoch names the history, the sequence number the place
 * in it. A cursor from another epoch never resumes; it gets a snapshot.
 */

export type Cursor = { epoch: string, seq: number, 
/**
 * The `part` of the last `event` frame applied, when the cursor's `seq` came from an
 * event; absent when it came from a `snapshot` or `synced` (all of `seq` is applied).
 * With it, a resume sends the rest of that event's frames; without it, none of them.
 */
part?: number, };

/**
 * Everything that changes a café. Each is authorised for the sender's role.
 */

export type Command = { "type": "planNextRound" } | { "type": "startRound" } | { "type": "pauseRound" } | { "type": "resumeRound" } | { "type": "adjustTime", seconds: number, } | { "type": "endRound" } | { "type": "broadcast", text: string, } | { "type": "moveParticipant", participantId: string, table: number, } | { "type": "setHost", participantId: string, } | { "type": "removeParticipant", participantId: string, } | { "type": "openHarvest" } | { "type": "closeCafe" } | { "type": "postNote", noteId: string, text: string, round?: number, } | { "type": "editNote", noteId: string, text: string, } | { "type": "deleteNote", noteId: string, } | { "type": "hideNote", noteId: string, hidden: boolean, } | { "type": "leave" } | { "type": "createTheme", themeId: string, name: string, noteIds: Array<string>, } | { "type": "renameTheme", themeId: string, name: string, } | { "type": "deleteTheme", themeId: string, } | { "type": "setNoteTheme", noteId: string, themeId: string | null, } | { "type": "openVoting", dots: number, } | { "type": "closeVoting" } | { "type": "setVotes", target: VoteTarget, dots: number, } | { "type": "saveCommitment", commitment: Commitment, } | { "type": "deleteCommitment", commitmentId: string, } | { "type": "setFeedbackQuestions", questions: Array<FeedbackQuestion>, } | { "type": "submitFeedback", answers: Array<FeedbackAnswer>, };

/**
 * Every frame the server sends.
 */

export type ServerMessage = { "type": "welcome", requestId?: number, cafeId: string, you: You, epoch: string, serverTime: number, } | { "type": "snapshot", epoch: string, seq: number, serverTime: number, cafe: CafeView, } | { "type": "event", seq: number, 
/**
 * This frame's place among the frames this connection gets for `seq`: one event can
 * give one viewer several updates (a move and the new table's notes). 0, the first,
 * is left out; a cursor names it so that a resume continues inside the group.
 */
part?: number, 
/**
 * When the change happened.
 */
at: number, serverTime: number, update: Update, } | { "type": "synced", seq: number, serverTime: number, } | { "type": "ack", requestId?: number, seq: number, 
/**
 * True when the command changed nothing because it was already done (a resent note).
 */
duplicate: boolean, } | { "type": "error", requestId?: number, code: ErrorCode, message: string, } | { "type": "presence", participantId: string, connected: boolean, } | { "type": "presenceList", connected: Array<string>, } | { "type": "pong", requestId?: number, serverTime: number, };

/**
 * A change to the café, as one client sees it.
 */

export type Update = { "type": "participantJoined", participant: ParticipantInfo, } | { "type": "participantLeft", participantId: string, removed: boolean, } | { "type": "seatingPlanned", round: number, tables: Array<TableSeats>, } | { "type": "participantSeated", round: number, participantId: string, table: number, fromTable?: number, } | { "type": "hostChanged", round: number, table: number, participantId: string, } | { "type": "tableChanged", round: number, planned: boolean, table: TableSeats | null, people: Array<ParticipantInfo>, } | { "type": "roundStarted", round: number, endsAt: number, } | { "type": "roundPaused", round: number, remainingMs: number, } | { "type": "roundResumed", round: number, endsAt: number, } | { "type": "roundTimeChanged", round: number, endsAt?: number, remainingMs?: number, } | { "type": "roundEnded", round: number, byTimer: boolean, } | { "type": "broadcast", text: string, } | { "type": "notePosted", note: NoteView, } | { "type": "noteEdited", noteId: string, text: string, editedAt: number, } | { "type": "noteDeleted", noteId: string, } | { "type": "noteHidden", noteId: string, hidden: boolean, } | { "type": "harvestOpened" } | { "type": "cafeClosed" } | { "type": "themeCreated", theme: ThemeView, } | { "type": "themeRenamed", themeId: string, name: string, } | { "type": "themeDeleted", themeId: string, } | { "type": "noteThemed", noteId: string, themeId: string | null, } | { "type": "votingChanged", state: VotingState, dots: number, } | { "type": "voteTotal", target: VoteTarget, dots: number, } | { "type": "yourVotes", target: VoteTarget, dots: number, } | { "type": "commitmentSaved", commitment: Commitment, } | { "type": "commitmentDeleted", commitmentId: string, } | { "type": "feedbackQuestionsChanged", questions: Array<FeedbackQuestion>, } | { "type": "feedbackReceived", responses: number, } | { "type": "yourFeedback", answers: Array<FeedbackAnswer>, } | { "type": "coFacilitatorChanged", active: boolean, };

/**
 * Who the server takes this connection to be, from `welcome`.
 */

export type You = { role: Role, participantId?: string, 
/**
 * Sent once, when a participant first joins: keep it to come back as the same person.
 */
resumeToken?: string, };

/**
 * What a connection is allowed to be.
 */

export type Role = "facilitator" | "coFacilitator" | "participant" | "wall";

/**
 * Stable error codes, shared by the websocket (`error` messages) and the HTTP API.
 */

export type ErrorCode = "badMessage" | "tooLarge" | "invalidInput" | "notAuthenticated" | "badCredentials" | "forbidden" | "notFound" | "wrongPhase" | "notSeated" | "noteIdTaken" | "overBudget" | "cafeFull" | "rateLimited" | "unavailable" | "internal";

/**
 * The JSON body of every HTTP error response.
 */

export type ErrorBody = { code: ErrorCode, message: string, };

/**
 * Whether people's names (and what else could lead back to them) appear in an export.
 */

export type Authors = "shown" | "anonymous" | "anonymousWithOrganisations";

/**
 * The export formats.
 */

export type ExportFormat = "markdown" | "csv" | "json";

/**
 * The whole café: questions, who sat where and hosted in every round, and every note.
 * Notes hidden from the wall and deleted notes are left out.
 */

export type CafeExport = { 
/**
 * Bumped when a field changes meaning; new fields may appear without a bump.
 */
formatVersion: number, cafeId: string, title: string, joinCode: string, createdAt: number, exportedAt: number, authors: Authors, tableSize: number, 
/**
 * Everyone who joined: in join order, or in the order of their numbers when anonymous.
 */
participants: Array<ExportParticipant>, 
/**
 * Every round of the café; `tables` is empty for a round that did not start.
 */
rounds: Array<ExportRound>, 
/**
 * Every note, by round, table, then time.
 */
notes: Array<ExportNote>, 
/**
 * The harvest's themes ranked: highest `score` first, equal scores in the order the
 * themes were made.
 */
themes: Array<ExportTheme>, commitments: Array<Commitment>, 
/**
 * The closing feedback form and its answers, never with names.
 */
feedback: ExportFeedback, };

export type ExportParticipant = { 
/**
 * The participant's id, or `P7` when anonymous (numbered in a shuffled order).
 */
key: string, 
/**
 * The name, or `Participant 7` when anonymous.
 */
label: string, 
/**
 * Left out (`null`) when `authors` is `anonymous`.
 */
organisation: string | null, 
/**
 * Left out (`null`) when `authors` is `anonymous`.
 */
role: string | null, 
/**
 * Still in the café at export time (not left or removed).
 */
present: boolean, };

export type ExportRound = { round: number, question: string, minutes: number, tables: Array<ExportTable>, };

/**
 * One table in one round, as it stood when the round ended (or now, if it runs).
 */

export type ExportTable = { table: number, 
/**
 * The host's participant key.
 */
host: string | null, 
/**
 * Participant keys.
 */
members: Array<string>, };

export type ExportNote = { noteId: string, round: number, table: number, 
/**
 * The author's participant key.
 */
author: string, postedAt: number, editedAt: number | null, text: string, themeId: string | null, 
/**
 * Dots on this note.
 */
votes: number, };

export type ExportTheme = { themeId: string, name: string, 
/**
 * Dots on the theme itself.
 */
votes: number, 
/**
 * The theme's one score, the one every view and export ranks by: the dots on the theme
 * plus the dots on each of its notes that is exported (neither hidden nor deleted).
 */
score: number, noteIds: Array<string>, };

export type ExportFeedback = { questions: Array<FeedbackQuestion>, 
/**
 * One entry per person who answered, each with one answer per question, in an order that
 * says nothing about who answered when.
 */
responses: Array<Array<FeedbackAnswer>>, };

/**
 * A café as one client may see it. The facilitator and the wall see everything; a phone sees
 * itself, its tables (current round and plan), the people there and those tables' notes.
 */

export type CafeView = { cafeId: string, title: string, joinCode: string, tableSize: number, physicalTables?: number, rounds: Array<RoundSpec>, phase: PhaseView, participants: Array<ParticipantInfo>, 
/**
 * Participants with at least one open connection (facilitator and wall only).
 */
connected: Array<string>, seating: Array<SeatingView>, notes: Array<NoteView>, lastBroadcast?: BroadcastView, 
/**
 * The harvest's themes, in the order they were made.
 */
themes: Array<ThemeView>, voting: VotingView, commitments: Array<Commitment>, feedback: FeedbackView, 
/**
 * Whether a co-facilitator key is active (facilitator only; false elsewhere).
 */
coFacilitator: boolean, };

/**
 * Where the café is in its life.
 */

export type PhaseView = { "state": "lobby" } | { "state": "running", round: number, endsAt: number, } | { "state": "paused", round: number, remainingMs: number, } | { "state": "betweenRounds", lastRound: number, } | { "state": "harvest" } | { "state": "closed" };

/**
 * One round as the facilitator planned it.
 */

export type RoundSpec = { question: string, minutes: number, };

/**
 * A person in the café.
 */

export type ParticipantInfo = { participantId: string, name: string, organisation?: string, role?: string, 
/**
 * False once they left or were removed.
 */
present: boolean, };

/**
 * Who sits at one table in one round.
 */

export type TableSeats = { table: number, 
/**
 * None only while a table has nobody left to host it.
 */
host: string | null, 
/**
 * Everyone at the table, the host included.
 */
members: Array<string>, };

/**
 * The tables of one round. `planned` is true for the next round's plan, which changes with
 * arrivals and departures until the round starts.
 */

export type SeatingView = { round: number, planned: boolean, tables: Array<TableSeats>, };

/**
 * A note as shown to clients. Deleted notes are not shown.
 */

export type NoteView = { noteId: string, round: number, table: number, authorId: string, authorName: string, text: string, postedAt: number, editedAt?: number, 
/**
 * `true` when the facilitator took the note off the wall. Only the facilitator sees it;
 * walls do not get hidden notes at all.
 */
hidden?: boolean, };

/**
 * The last broadcast, so that a phone that joins late still sees it.
 */

export type BroadcastView = { text: string, at: number, };

/**
 * What a dot is spent on.
 */

export type VoteTarget = { "kind": "theme", themeId: string, } | { "kind": "note", noteId: string, };

/**
 * Dots on one target: a total (facilitator and wall) or one person's own (their phone).
 */

export type VoteCount = { target: VoteTarget, dots: number, };

/**
 * Where dot-voting stands.
 */

export type VotingState = "notOpen" | "open" | "closed";

export type VotingView = { state: VotingState, 
/**
 * Each participant's budget of dots.
 */
dots: number, 
/**
 * Every target with at least one dot (facilitator and wall; empty on phones).
 */
totals: Array<VoteCount>, 
/**
 * This phone's own dots (phones only; empty for the facilitator and wall).
 */
mine: Array<VoteCount>, };

/**
 * A theme and the notes in it, in the order they were posted.
 */

export type ThemeView = { themeId: string, name: string, noteIds: Array<string>, };

/**
 * Something the room agreed to do.
 */

export type Commitment = { commitmentId: string, text: string, 
/**
 * Who carries it (a person, team or organisation).
 */
owner?: string, 
/**
 * By when, as a calendar date `YYYY-MM-DD`.
 */
due?: string, 
/**
 * The themes it answers.
 */
themeIds: Array<string>, };

export type FeedbackKind = "rating" | "text";

/**
 * One question of the feedback form phones show when the café closes.
 */

export type FeedbackQuestion = { kind: FeedbackKind, prompt: string, };

/**
 * The answer to one question; both empty means skipped. `rating` answers a rating question,
 * `text` a text question.
 */

export type FeedbackAnswer = { rating?: number, text?: string, };

export type FeedbackView = { questions: Array<FeedbackQuestion>, 
/**
 * How many people answered (facilitator only; 0 elsewhere).
 */
responses: number, 
/**
 * This phone's own answers, once sent (phones only).
 */
mine?: Array<FeedbackAnswer>, };

/**
 * A grouping the server suggests from the words of the notes not yet in a theme.
 */

export type SuggestedTheme = { 
/**
 * A name made of the group's most characteristic words.
 */
name: string, terms: Array<string>, noteIds: Array<string>, };

/**
 * `GET /api/cafes/{code}/suggestions`, for the facilitator and co-facilitators.
 */

export type ThemeSuggestions = { 
/**
 * How many notes were looked at: every note on the wall that is in no theme yet.
 */
notesConsidered: number, suggestions: Array<SuggestedTheme>, };

/**
 * `POST /api/cafes/{code}/co-facilitator`: the answer with the new key, shown only here.
 * It replaces any earlier co-facilitator key.
 */

export type CoFacilitatorKey = { coFacilitatorKey: string, };

/**
 * `POST /api/cafes`.
 */

export type CreateCafeRequest = { title: string, 
/**
 * People per table, 3 to 8; 4 when left out.
 */
tableSize?: number, 
/**
 * How many physical tables the room has, if limited.
 */
tables?: number, rounds: Array<RoundSpec>, };

/**
 * The answer to `POST /api/cafes`. The facilitator key is shown only here: keep it.
 */

export type CreateCafeResponse = { cafeId: string, joinCode: string, facilitatorKey: string, };

/**
 * `GET /api/cafes/{joinCode}`: what anyone holding the code may know before joining.
 */

export type PublicCafeInfo = { cafeId: string, title: string, joinCode: string, rounds: number, phase: PhaseView, participants: number, };
