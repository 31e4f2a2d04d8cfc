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

# A table's colour: said after the table ("table 3, blue") and before it ("Blue table"),
# so in languages with gender it agrees with the word for table.
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

## Console: the page

c-page-title = Flamingo: facilitator console
c-wall-link = Open the wall
c-home-link = All cafés
c-start-heading = Run a World Café
c-start-lead = Create a café, show the code to the room, and people join from their phones. Flamingo seats them at tables round after round.
c-mine-heading = Your cafés on this laptop
c-create-heading = New café
c-title-label = Title
c-people-per-table = People per table
c-tables-in-the-room = Tables in the room
c-rounds = Rounds
c-add-round = Add a round
c-create-cafe = Create café
c-reopen-heading = Run a café from this device
c-reopen-hint = Paste the console link, or the café id and facilitator key, that the console showed on the device that created the café.
c-reopen-cafe-label = Console link or café id
c-facilitator-key = Facilitator key
c-not-needed-with-a = (not needed with a link)
c-open-the-console = Open the console
c-console-heading = Facilitator console
c-round-heading = Round
c-start-round = Start round
c-plan = Plan tables now
c-pause = Pause
c-resume = Resume
c-plus1 = +1 minute
c-plus5 = +5 minutes
c-end-round = End round now
c-harvest = Open the harvest
c-close = Close the café
c-message-to-every-phone = Message to every phone and the wall
c-broadcast = Broadcast
c-harvest-heading = Harvest
c-hv-notes-heading = Notes by round and table
c-hv-themes-heading = Themes
c-name-of-a-new = Name of a new theme
c-create-theme = Create theme
c-suggest = Suggest themes
c-hv-voting-heading = Dot-voting
c-dots-per-person = Dots per person
c-open-voting = Open voting
c-close-voting = Close voting
c-hv-commitments-heading = Joint commitments
c-what-the-room-commits = What the room commits to
c-owner = Owner
c-due = Due
c-themes-it-answers = Themes it answers
c-commitment-save = Add commitment
c-commitment-cancel = Cancel editing
c-tables-heading = Tables
c-join-heading = Join
c-code = Code
c-join-fold-hint = and QR code
c-join-url = Join address
c-origin-hint = Phones cannot reach localhost. Give this laptop's network address (for example 192.168.1.20:8080) so the QR code works:
c-address-phones-use-to = Address phones use to reach this laptop
c-use = Use
c-key-box = Run this café from another device
c-open-this-link-there = Open this link there (keep it private: it is the key to the café):
c-copy-link = Copy the link
c-share-a-co-facilitator = Share a co-facilitator link
c-a-co-facilitator-can = A co-facilitator can do everything you can except close the café and share keys. A new link replaces the last one.
c-cofac-share = Share a co-facilitator link
c-cofac-copy = Copy the co-facilitator link
c-cofac-revoke = Revoke the co-facilitator link
c-cofac-role = You are a co-facilitator: the facilitator closes the café.
c-people-heading = People
c-feed-heading = Notes
c-feed-pause = Pause the feed
c-export-heading = Take the harvest home
c-everything-posted-so-far = Everything posted so far, at any time. Notes hidden from the wall stay out.
c-leave-names-out = Leave names out
c-report-markdown = Report (Markdown)
c-notes-csv = Notes (CSV)
c-everything-json = Everything (JSON)
c-report-link = Printable report
c-fb-heading = Feedback form
c-fb-hint = Phones show these questions when the café closes. Answers are anonymous.
c-fb-add = Add a question
c-fb-save = Save the form
c-title-input =
    .placeholder = Working across boundaries
c-tables =
    .placeholder = no limit
c-round-controls =
    .aria-label = Round controls
c-theme-name =
    .placeholder = Name of a new theme
c-suggest-progress =
    .aria-label = Looking for themes
c-vote-ranking =
    .aria-label = Ranked by dots
c-qr =
    .alt = QR code with the join address

## Console: broadcast

c-sent-to-everyone = Sent to everyone.
c-last-message = Last message: { $text }

## Console: co-facilitator link

c-cofac-replace = A new link stops the current co-facilitator link from working. Make a new one?
c-cofac-making = Making a link…
c-cofac-made = Send this link to your co-facilitator; keep it private.
c-cofac-make-failed = Could not make a link: { $problem }
c-copied = Copied.
c-copy-by-hand = Select the link and copy it by hand.
c-cofac-revoke-confirm = Revoke the co-facilitator link? Whoever uses it is signed out at once.
c-cofac-revoked = Revoked: the co-facilitator link no longer works.
c-cofac-revoke-failed = Could not revoke: { $problem }
c-cofac-new = Make a new co-facilitator link

## Console: commitments

c-commitment-empty = Write what the room commits to.
c-commitment-updated = Commitment updated.
c-commitment-added = Commitment added: it is on the wall.
c-commitment-save-changes = Save changes
c-no-commitments = No commitments yet.
c-edit = Edit
c-delete = Delete
c-commitment-delete-confirm = Delete this commitment?
c-commitment-deleted = Commitment deleted.
c-no-owner = No owner yet

## Console: start screen

c-default-question-1 = What gets in the way of working across our organisations?
c-default-question-2 = What have you seen work elsewhere?
c-default-question-3 = What will we commit to doing together?
c-title-missing = Give the café a title.
c-table-size-wrong = People per table: a whole number from 3 to 8.
c-tables-wrong = Tables in the room: a whole number from 1 to 1,000, or leave it empty.
c-round-question-missing = Round { $round } needs a question.
c-round-minutes-wrong = Round { $round } lasts 1 to 240 minutes.
c-server-unreachable = Could not reach the Flamingo server. Is it running?
c-reopen-missing = Paste the console link, or both the café id and the key.
c-mine-code = code { $code }
c-minutes = Minutes
c-round-up = Move round { $round } up
c-round-down = Move round { $round } down
c-round-remove = Remove round { $round }
c-round-minutes = Round { $round } minutes

## Console: opening a café

c-swap-key-confirm = This browser runs this café as its facilitator. Open this link as a co-facilitator instead? This browser then forgets the facilitator key (keep your console link to get it back).
c-no-key = This browser does not hold the key of that café. Paste its console link.
c-key-revoked = This key no longer opens the café: the co-facilitator link was replaced or revoked. Ask the facilitator for a new one.
c-bad-key = That café id and key do not match a café on this server.
c-title = { $title }: console

## Console: export

c-export-preparing = Preparing the download…
c-export-saved = Saved { $file }.
c-export-failed = Could not export: { $problem }
c-server-answered = The server answered { $status }.

## Console: harvest requests

c-suggest-unavailable = Suggestions are not available on this server.
c-server-unreachable-retry = Could not reach the server. Try again in a moment.

## Console: feedback form

c-fb-prompt-missing = Every question needs a prompt (or remove it).
c-fb-saved = Feedback form saved.
c-fb-count = { $count ->
        [one] { $count } person answered the feedback form.
       *[other] { $count } people answered the feedback form.
    }
c-fb-hint-closed = The answers are in the export, without names.
c-fb-none = No questions: phones will not show a form.
c-fb-kind = Question { $n } kind
c-fb-rating = Rating 1 to 5
c-fb-text = Free text
c-fb-question = Question { $n }
c-fb-up = Move question { $n } up
c-fb-down = Move question { $n } down
c-fb-remove = Remove question { $n }

## Console: harvest board

c-theme-name-missing = Give the theme a name.
c-theme-created = Theme "{ $name }" created.
c-theme-created-with-note = Theme "{ $name }" created with the picked note.
c-pick-label = Pick "{ $text }" to put in a theme
c-picked-label = Picked "{ $text }" to put in a theme
c-note-put-in = Note put in "{ $name }".
c-note-taken-out = Note taken out of its theme.
c-harvest-final = The café is closed: the harvest is final.
c-harvest-hint = Pick a note, then "Put here" on a theme, or drag a note onto a theme. Phones vote with dots once you open voting.
c-pick = Pick
c-picked = Picked
c-picked-bar = Picked:
c-pick-now = Now choose "Put here" on a theme, or create a theme for it.
c-cancel = Cancel
c-save = Save
c-no-notes-written = No notes were written.
c-round-colon = Round { $round }:
c-in-theme = in { $name }
c-off-wall = off the wall
c-take-out-of-theme = Take out of the theme
c-note-back-on-wall = The note is back on the wall.
c-note-off-wall = The note is off the wall.
c-show-on-wall = Show on the wall
c-hide-from-wall = Hide from the wall
c-no-themes-yet = No themes yet. Name one above, or ask for suggestions.
c-no-themes = No themes.
c-theme-label = Theme { $name }
c-put-here = Put here
c-drop-here = Drop notes here, or pick a note and choose "Put here".
c-take-out = Take out
c-take-out-label = Take out "{ $text }" from { $name }
c-theme-more = and { $count } more (marked "in { $name }" among the notes)
c-rename = Rename
c-rename-label = Rename { $name }
c-delete-label = Delete { $name }
c-theme-delete-confirm = Delete the theme "{ $name }"? Its notes stay; the dots on the theme are gone.
c-dots-on-theme = { $count ->
        [one] { $count } dot on the theme
       *[other] { $count } dots on the theme
    }
c-new-name = New name for { $name }
c-renamed = Renamed to "{ $name }".
c-theme-deleted = Theme "{ $name }" deleted.

## Console: join panel

c-origin-wrong = That does not look like an address: type it as 192.168.1.20:8080.
c-origin-set = Phones now join at { $origin }. The QR code is updated.
c-join-fold-hint-closed = + QR code
c-origin-hint-set = Phones join at the address below. Change it if the room or the network changed; empty it to use this page's own.

## Console: people

c-people = People: { $here } here, { $online } connected
c-people-none = Nobody yet. Show the code or the QR code to the room.
c-phone-on = , phone connected
c-phone-off = , phone not connected

## Console: notes feed

c-feed-count = Notes ({ $count })
c-feed-show-new = Show { $count } new
c-feed-resume = Resume the feed
c-feed-empty = Notes from the tables appear here as they are written.
c-feed-meta = round { $round } · { $name }

## Console: round bar

c-planned = Tables planned: phones show where to go.
c-added-minutes = { $minutes ->
        [one] Added { $minutes } minute.
       *[other] Added { $minutes } minutes.
    }
c-end-confirm = End this round now?
c-close-confirm = Close the café for good? Nobody can join or write after this.
c-timer-paused = (paused)
c-phase = { $state ->
        [lobby] Lobby: round 1 of { $total } not started
        [running] Round { $round } of { $total } running
        [paused] Round { $round } of { $total } paused
        [betweenRounds] Round { $round } of { $total } is over
        [allOver] All { $total } rounds are over
        [harvest] Harvest
       *[closed] Closed
    }
c-question = Q{ $round }: { $question }
c-start-round-n = Start round { $round }
c-replan = Re-plan tables
c-round-started = Round { $round } started: { $people ->
        [one] { $people } person
       *[other] { $people } people
    } at { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    }.
c-round-over = Round { $round } is over. Phones show the tables for round { $next }.
c-last-round-over = Round { $round } is over: that was the last round. Open the harvest when the room is ready.
c-harvest-open = The harvest is open: phones and the wall show the notes.
c-cafe-closed = The café is closed. Phones show the feedback form.

## Console: suggested themes

c-suggest-looking = Looking for themes in the notes…
c-suggest-nothing = No unthemed notes: every note on the wall is in a theme already.
c-suggest-none = { $count ->
        [one] No groupings found among { $count } unthemed note. Make themes by hand.
       *[other] No groupings found among { $count } unthemed notes. Make themes by hand.
    }
c-suggest-found = { $count ->
        [one] { $count } suggested theme
       *[other] { $count } suggested themes
    } from { $notes } unthemed notes. Accept the ones that fit.
c-suggest-accepted = { $count ->
        [one] Theme "{ $name }" created with { $count } note.
       *[other] Theme "{ $name }" created with { $count } notes.
    }
c-suggested-label = Suggested theme { $name }
c-suggest-words = Words: { $words }
c-accept = Accept
c-accept-label = Accept { $name }
c-dismiss = Dismiss
c-dismiss-label = Dismiss { $name }

## Console: table map

c-map-no-tables-yet = No tables yet. "Plan tables now" seats everyone so phones can show their table before round 1; "Start round 1" plans by itself.
c-map-no-tables = No tables now.
c-map-preview = Preview: who goes where in round { $round }. Tap a person to move them or make them host; your changes stick.
c-map-now = Round { $round } now. Tap a person to move them or make them host.
c-map-heading-plan = Tables: plan for round { $round }
c-map-heading-round = Tables: round { $round }
c-not-seated = Not seated
c-map-table-label = Table { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } person
       *[other] { $people } people
    } for { $seats } seats
c-move-here = Move here
c-person-picked = { $name } picked: choose "Move here" on a table, or use the move bar above the map.
c-phone-on-title = phone connected
c-phone-off-title = phone not connected
c-table-empty = Table { $table } (empty)
c-at-table = at table { $table }
c-unseated = (not seated)
c-move-to = Move to
c-move = Move
c-make-host = Make host
c-moved = { $name } moved to table { $table }.
c-now-hosts = { $name } now hosts the table.

## Console: dot-voting

c-dots-wrong = Give each person 1 to 20 dots.
c-dots-changed = { $dots ->
        [one] Everyone now has { $dots } dot.
       *[other] Everyone now has { $dots } dots.
    }
c-voting-opened = { $dots ->
        [one] Voting is open: { $dots } dot each.
       *[other] Voting is open: { $dots } dots each.
    }
c-voting-closed = Voting is closed: the totals are final.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] Voting is open: { $dots } dot per person.
           *[other] Voting is open: { $dots } dots per person.
        }
        [closed] Voting is closed.
       *[notOpen] Voting is not open yet.
    }
c-change-dots = Change dots
c-open-voting-again = Open voting again
c-no-dots = No dots yet.
c-rank-note = note:
`;
