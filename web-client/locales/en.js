// English: complete, and the fallback for any message another catalogue lacks.
// A Fluent resource (https://projectfluent.org/fluent/guide/); edit the text between the
// backticks as you would an .ftl file. Every other catalogue has exactly these ids.
export default String.raw`
## Every view

status-connecting = Connecting…
status-connected = Connected
status-reconnecting = Reconnecting…
status-offline = Offline
status-stopped = Disconnected
language-picker =
    .aria-label = Language
optional = (optional)
someone = Someone
you = You

colour-red = red
colour-blue = blue
colour-green = green
colour-purple = purple
colour-orange = orange
colour-teal = teal
colour-pink = pink
colour-brown = brown
colour-indigo = indigo
colour-olive = olive
colour-slate = slate
colour-sky-blue = sky blue

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Not connected: try again when the indicator says Connected.
error-badMessage = The app sent something the server did not understand. Reload the page and try again.
error-tooLarge = That is too long to send.
error-invalidInput = Check what you typed: something is empty, too long or out of range.
error-notAuthenticated = Not signed in yet: wait a moment and try again.
error-badCredentials = This link or key is not valid (any more).
error-forbidden = You may not do that.
error-notFound = That no longer exists.
error-wrongPhase = That cannot be done at this stage of the café.
error-notSeated = You have no table yet: wait for your table, then try again.
error-noteIdTaken = That note could not be saved: send it again.
error-overBudget = You have no dots left. Take one back from something else first.
error-cafeFull = This café is full: ask the facilitator.
error-rateLimited = Too much at once: wait a few seconds and try again.
error-unavailable = The server is busy. Wait a moment and try again.
error-internal = Something went wrong on the server. Try again; if it happens again, tell the facilitator.

## Phone: joining

phone-page-title = Flamingo: join a café
join-page-title = Join { $title }
phone-title = { $title }: your table
join-heading = Join the café
join-code-label = Code on the wall
join-name-label = Your name
join-org-label = Organisation
join-role-label = Role
join-button = Join
join-code-missing = Type the code shown on the wall.
join-name-missing = Type your name, so your table knows who you are.
join-no-such-code = No café has the code { $code }. Check the code on the wall and type it again.
join-closed = This café is closed: it takes no new people.
join-full = This café is full: ask the facilitator.
join-busy = The server is busy. Wait a moment and press Join again.
join-too-long = Check your name, organisation and role: each must be shorter.
session-not-in-cafe = You are no longer in this café. Join again to take part.
session-left = You have left this café. Join again to take part.
session-refused = The connection was refused. Reload the page to try again.

## Phone: the table card

clock-region =
    .aria-label = Time left
clock-paused = Paused
clock-up = Time is up
clock-left = left in this round
card-before = Before round 1 of { $total }
card-table = Table { $table }
card-you-are-in = You are in
card-go-when-starts = Go to this table when round 1 starts.
card-wait-start = Wait for the facilitator to start round 1. Your table will show here.
card-round-of = Round { $round } of { $total }
card-finding = Finding you a table…
card-finding-detail = You will get a table in a moment.
card-round-over = Round { $round } of { $total } is over
card-last-round = That was the last round
card-stay-for-harvest = Thank you! Stay for the harvest.
card-next-go-to = Round { $round } is over. For round { $next } go to
card-next-table = Your next table…
card-next-detail = It will show here in a moment.
card-rounds-over = The rounds are over
card-thank-you = Thank you
card-closed = This café is closed.
card-harvest = { $voting ->
        [open] The harvest has begun: voting is open, give your dots below.
        [closed] The harvest has begun: voting is closed, look at the wall for what the room chose.
       *[other] The harvest has begun: look at the wall, and vote below when voting opens.
    }
# $colour is one of the colour-* names
card-colour = { $colour } table.
card-will-host = You will host this table
card-hosting = You are the host of this table
card-question = The question
card-round-question = Round { $round } question
mates-heading = At your table
mates-heading-next = At your next table
mates-nobody = Nobody else yet
mates-host = host

## Phone: notes

note-label = Add a note
note-add = Add note
notes-list =
    .aria-label = Notes of this round
notes-heading = Notes of table { $table }, round { $round }
notes-heading-yours = Your notes
notes-none = No notes yet. The host usually writes them; anyone at the table can.
note-state = { $state ->
        [saved] ✓ Saved
        [sending] Sending…
        [pending] Waiting to send
       *[failed] Not saved
    }
note-saved = Your note is saved.
note-not-saved = Your note was not saved: { $problem }
note-count = { $count } of { $max } characters
note-cut = A note holds up to { $max } characters: the rest of what you typed or pasted was cut off.
note-only-spaces = A note of only spaces is not sent: type a few words.
note-empty = Type your note first.
note-remove = Remove
outbox-kept = { $count ->
        [one] { $count } note kept on this phone; it will be sent when the connection is back.
       *[other] { $count } notes kept on this phone; they will be sent when the connection is back.
    }
outbox-sending = { $count ->
        [one] Sending { $count } note…
       *[other] Sending { $count } notes…
    }
outbox-not-kept = This browser will not keep notes across a reload (private mode?). Keep this page open until they are sent.
recap-heading = Earlier at this table
recap-hint = Use these to welcome newcomers and sum up what was said.
recap-meta = Round { $round } · { $name }

## Phone: alerts and news

alert-next = Next: table { $table }, { $colour }.
alert-look-here = Look here for your next table.
alert-time-up = Time is up: round { $round } is over.
alert-message = Message from the facilitator: { $text }
alert-one-minute = One minute left in round { $round }.
alert-broadcast = From the facilitator: { $text }
bar-table = Table { $table }
bar-next-table = Next: table { $table }
news-table = table { $table }, { $colour }.
news-will-host = You will host it.
news-hosting = You are the host.
news-closed = This café is closed. Thank you! Tell us how it was in the form below.
news-harvest = The rounds are over and the harvest has begun: look at the wall.
news-voting-open = Voting is open: give your dots to what matters most.
news-voting-closed = Voting is closed.
news-go-to = go to { $where }
news-table-soon = your table will show in a moment.
news-round-started = Round { $round } started: { $where }
news-paused = Round { $round } is paused.
news-resumed = Round { $round } goes on.
news-moved = You were moved: go to { $where }
news-now-host = You are now the host of table { $table }.
news-next-round = For round { $round } go to { $where }
pill-closed = The café is closed ↓
pill-harvest = The harvest has begun ↓
pill-voting-open = Voting is open ↓
pill-voting-closed = Voting is closed ↓
pill-round-table = Round { $round }: table { $table } ↑
pill-round-started = Round { $round } started ↑
pill-new-table = New table: { $table } ↑
pill-host = You are the host ↑
pill-next-table = Next table: { $table } ↑
pill-time-up = Time is up ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Harvest: what matters most?
harvest-themes = Themes
harvest-your-notes = Notes from your tables
harvest-commitments = Joint commitments
vote-no-dots = You have no dots left. Take one back from something else first.
vote-offline = Not connected: your dot will be sent when the connection is back.
vote-not-open = Voting is not open right now.
vote-your-dots = Your dots on { $label }
vote-minus = Take a dot back from { $label }
vote-plus = Give a dot to { $label }
vote-dots-word = { $count ->
        [one] dot
       *[other] dots
    }
vote-state = { $state ->
        [open] Voting is open: give your dots to what matters most. You can take them back until voting closes.
        [closed] Voting is closed. Thank you!
       *[other] Voting is not open yet. Look at the themes; the facilitator will open voting.
    }
vote-none-left = No dots left (you have spent all { $dots }).
vote-left = { $dots ->
        [one] { $left } of { $dots } dot left
       *[other] { $left } of { $dots } dots left
    }
vote-no-themes = No themes yet.
vote-theme-notes = { $count ->
        [one] { $count } note
       *[other] { $count } notes
    }
vote-the-theme = the theme { $name }
vote-no-notes = No notes from your tables.
vote-note-where = Round { $round }, table { $table }
vote-note-where-theme = Round { $round }, table { $table } · in { $theme }
vote-the-note = the note { $text }
commitment-due = by { $date }
feedback-heading = How was it?
feedback-anonymous = Your answers are anonymous.
feedback-answer-one = Answer at least one question.
feedback-sending = Sending…
feedback-thanks = Thanks — you can change your answers.
feedback-offline = Not connected: try again in a moment.
feedback-update = Update my answers
feedback-send = Send my answers
rating-word = { $value ->
        [1] not at all
        [2] a little
        [3] somewhat
        [4] quite
       *[5] very
    }
## Wall

wall-page-title = Flamingo wall
wall-title = { $title }: wall
wall-fullscreen = Full screen
wall-qr =
    .alt = QR code to join this café
wall-join-heading = Join from your phone
wall-code = Code
wall-themes-empty = Themes will appear here as the room finds them.
wall-board-empty = Notes from the tables will appear here.
wall-notes-by-table = Notes by table
wall-not-in-theme = Not in a theme yet
wall-refused = This wall cannot show the café: { $problem }
wall-no-code = Open this wall from the facilitator console.
wall-here = { $count ->
        [one] { $count } person is here
       *[other] { $count } people are here
    }
wall-join-at = Join: { $url }
wall-starts-soon = Round 1 of { $total } starts soon
wall-paused = Round { $round } of { $total } · paused
wall-between = Round { $round } is over · next: round { $next }
wall-last-over = The last round is over
wall-harvest = Harvest: what emerged
wall-closed = This café is closed
wall-clock-paused = paused
wall-clock-up = time is up
wall-clock-left = left
wall-pages = Tables { $first }–{ $last } of { $tables } · page { $page } of { $pages }
wall-table-in-round = Table { $table } in round { $round }
wall-round-notes = round { $round } · { $notes }
wall-ranked = ranked by dots (on the theme and its notes) · { $voting ->
        [open] voting is open
       *[closed] voting is closed
    }
wall-more = and { $count } more
dots = { $count ->
        [one] { $count } dot
       *[other] { $count } dots
    }
commitment-owner = Owner: { $owner }
commitment-due-on = Due { $date }
commitment-themes = Themes: { $themes }
## Printable report

report-page-title = Flamingo: report
report-print = Print or save as PDF
report-loading = Loading the report…
report-no-key = This browser does not hold the key of that café. Open the report from the facilitator console on the laptop that runs it.
report-failed = Could not load the report: { $problem }
report-title = { $title }: report
report-someone-left = someone who left
report-meta = { $when } · { $participants ->
        [one] { $participants } participant
       *[other] { $participants } participants
    } · { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }
report-anonymous = names left out
report-questions = Questions
report-question = { $question } ({ $minutes } min)
report-round = Round { $round }: { $question }
report-not-played = This round did not take place.
report-hosted-by = hosted by { $name }
report-at-table = At the table: { $names }
report-no-notes = No notes.
report-who-where = Who sat where
report-participant = Participant
report-round-column = Round { $round }
report-seat = { $table }
report-seat-host = { $table } (host)
report-theme-note-by = { $name }, round { $round }, table { $table }
report-commitments = Commitments
report-no-commitments = No commitments recorded.
report-answers = answers { $themes }
report-feedback = Feedback
report-no-feedback = No feedback yet.
report-forms = { $count ->
        [one] { $count } form returned, without names.
       *[other] { $count } forms returned, without names.
    }
report-no-ratings = No ratings.
report-rating = { $average } out of 5 from { $count ->
        [one] { $count } rating
       *[other] { $count } ratings
    } ({ $spread })
report-no-answers = No answers.
`;
