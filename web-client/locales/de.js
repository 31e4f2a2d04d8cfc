// Deutsch. A Fluent resource with exactly the messages of en.js (a test checks it).
export default String.raw`
## Every view

status-connecting = Verbinde…
status-connected = Verbunden
status-reconnecting = Verbinde neu…
status-offline = Offline
status-stopped = Getrennt
language-picker =
    .aria-label = Sprache
optional = (optional)
someone = Jemand
you = Du

colour-red = rot
colour-blue = blau
colour-green = grün
colour-purple = lila
colour-orange = orange
colour-teal = petrol
colour-pink = pink
colour-brown = braun
colour-indigo = indigo
colour-olive = oliv
colour-slate = schiefergrau
colour-sky-blue = himmelblau

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Nicht verbunden: Versuche es wieder, wenn die Anzeige „Verbunden“ sagt.
error-badMessage = Die App hat etwas gesendet, das der Server nicht versteht. Lade die Seite neu und versuche es noch einmal.
error-tooLarge = Das ist zu lang zum Senden.
error-invalidInput = Prüfe deine Eingabe: Etwas ist leer, zu lang oder außerhalb des Bereichs.
error-notAuthenticated = Noch nicht angemeldet: Warte einen Moment und versuche es noch einmal.
error-badCredentials = Dieser Link oder Schlüssel ist (nicht mehr) gültig.
error-forbidden = Das darfst du nicht.
error-notFound = Das gibt es nicht mehr.
error-wrongPhase = Das geht in dieser Phase des Cafés nicht.
error-notSeated = Du hast noch keinen Tisch: Warte auf deinen Tisch und versuche es dann noch einmal.
error-noteIdTaken = Die Notiz konnte nicht gespeichert werden: Sende sie noch einmal.
error-overBudget = Du hast keine Punkte mehr. Nimm zuerst woanders einen Punkt zurück.
error-cafeFull = Dieses Café ist voll: Frag die Moderation.
error-rateLimited = Zu viel auf einmal: Warte ein paar Sekunden und versuche es noch einmal.
error-unavailable = Der Server ist ausgelastet. Warte einen Moment und versuche es noch einmal.
error-internal = Auf dem Server ist etwas schiefgegangen. Versuche es noch einmal; wenn es wieder passiert, sag der Moderation Bescheid.

## Phone: joining

phone-page-title = Flamingo: einem Café beitreten
join-page-title = { $title } beitreten
phone-title = { $title }: dein Tisch
join-heading = Dem Café beitreten
join-code-label = Code an der Wand
join-name-label = Dein Name
join-org-label = Organisation
join-role-label = Rolle
join-button = Beitreten
join-code-missing = Gib den Code ein, der an der Wand steht.
join-name-missing = Gib deinen Namen ein, damit dein Tisch weiß, wer du bist.
join-no-such-code = Kein Café hat den Code { $code }. Prüfe den Code an der Wand und gib ihn noch einmal ein.
join-closed = Dieses Café ist geschlossen: Es nimmt niemanden mehr auf.
join-full = Dieses Café ist voll: Frag die Moderation.
join-busy = Der Server ist ausgelastet. Warte einen Moment und tippe noch einmal auf „Beitreten“.
join-too-long = Prüfe Name, Organisation und Rolle: Jedes Feld muss kürzer sein.
session-not-in-cafe = Du bist nicht mehr in diesem Café. Tritt erneut bei, um mitzumachen.
session-left = Du hast dieses Café verlassen. Tritt erneut bei, um mitzumachen.
session-refused = Die Verbindung wurde abgelehnt. Lade die Seite neu, um es noch einmal zu versuchen.

## Phone: the table card

clock-region =
    .aria-label = Verbleibende Zeit
clock-paused = Pausiert
clock-up = Die Zeit ist um
clock-left = übrig in dieser Runde
card-before = Vor Runde 1 von { $total }
card-table = Tisch { $table }
card-you-are-in = Du bist dabei
card-go-when-starts = Geh zu diesem Tisch, wenn Runde 1 beginnt.
card-wait-start = Warte, bis die Moderation Runde 1 startet. Dein Tisch erscheint hier.
card-round-of = Runde { $round } von { $total }
card-finding = Wir suchen dir einen Tisch…
card-finding-detail = Du bekommst gleich einen Tisch.
card-round-over = Runde { $round } von { $total } ist vorbei
card-last-round = Das war die letzte Runde
card-stay-for-harvest = Danke! Bleib für die Ernte.
card-next-go-to = Runde { $round } ist vorbei. Für Runde { $next } geh zu
card-next-table = Dein nächster Tisch…
card-next-detail = Er erscheint gleich hier.
card-rounds-over = Die Runden sind vorbei
card-thank-you = Danke
card-closed = Dieses Café ist geschlossen.
card-harvest = { $voting ->
        [open] Die Ernte hat begonnen: Die Abstimmung ist offen, vergib unten deine Punkte.
        [closed] Die Ernte hat begonnen: Die Abstimmung ist beendet, an der Wand siehst du, was der Raum gewählt hat.
       *[other] Die Ernte hat begonnen: Schau an die Wand und stimme unten ab, sobald die Abstimmung öffnet.
    }
card-colour = Farbe: { $colour }.
card-will-host = Du wirst diesen Tisch leiten
card-hosting = Du leitest diesen Tisch
card-question = Die Frage
card-round-question = Frage der Runde { $round }
mates-heading = An deinem Tisch
mates-heading-next = An deinem nächsten Tisch
mates-nobody = Noch niemand sonst
mates-host = Gastgeber·in

## Phone: notes

note-label = Notiz hinzufügen
note-add = Notiz hinzufügen
notes-list =
    .aria-label = Notizen dieser Runde
notes-heading = Notizen von Tisch { $table }, Runde { $round }
notes-heading-yours = Deine Notizen
notes-none = Noch keine Notizen. Meist schreibt sie die Gastgeberin oder der Gastgeber; jede Person am Tisch kann es.
note-state = { $state ->
        [saved] ✓ Gespeichert
        [sending] Wird gesendet…
        [pending] Wartet auf Versand
       *[failed] Nicht gespeichert
    }
note-saved = Deine Notiz ist gespeichert.
note-not-saved = Deine Notiz wurde nicht gespeichert: { $problem }
note-count = { $count } von { $max } Zeichen
note-cut = Eine Notiz fasst bis zu { $max } Zeichen: Der Rest deines Textes wurde abgeschnitten.
note-only-spaces = Eine Notiz nur aus Leerzeichen wird nicht gesendet: Schreib ein paar Wörter.
note-empty = Schreib zuerst deine Notiz.
note-remove = Entfernen
outbox-kept = { $count ->
        [one] { $count } Notiz ist auf diesem Telefon gespeichert; sie wird gesendet, sobald die Verbindung zurück ist.
       *[other] { $count } Notizen sind auf diesem Telefon gespeichert; sie werden gesendet, sobald die Verbindung zurück ist.
    }
outbox-sending = { $count ->
        [one] Sende { $count } Notiz…
       *[other] Sende { $count } Notizen…
    }
outbox-not-kept = Dieser Browser behält Notizen nicht über ein Neuladen hinweg (privater Modus?). Lass diese Seite offen, bis sie gesendet sind.
recap-heading = Früher an diesem Tisch
recap-hint = Nutze sie, um Neue zu begrüßen und zusammenzufassen, was gesagt wurde.
recap-meta = Runde { $round } · { $name }

## Phone: alerts and news

alert-next = Als Nächstes: Tisch { $table }, { $colour }.
alert-look-here = Hier erscheint dein nächster Tisch.
alert-time-up = Die Zeit ist um: Runde { $round } ist vorbei.
alert-message = Nachricht der Moderation: { $text }
alert-one-minute = Noch eine Minute in Runde { $round }.
alert-broadcast = Von der Moderation: { $text }
bar-table = Tisch { $table }
bar-next-table = Als Nächstes: Tisch { $table }
news-table = Tisch { $table }, { $colour }.
news-will-host = Du wirst ihn leiten.
news-hosting = Du leitest ihn.
news-closed = Dieses Café ist geschlossen. Danke! Sag uns im Formular unten, wie es war.
news-harvest = Die Runden sind vorbei und die Ernte hat begonnen: Schau an die Wand.
news-voting-open = Die Abstimmung ist offen: Gib deine Punkte dem, was am meisten zählt.
news-voting-closed = Die Abstimmung ist beendet.
news-go-to = geh zu { $where }
news-table-soon = dein Tisch erscheint gleich.
news-round-started = Runde { $round } hat begonnen: { $where }
news-paused = Runde { $round } ist pausiert.
news-resumed = Runde { $round } geht weiter.
news-moved = Du wurdest umgesetzt: Geh zu { $where }
news-now-host = Du leitest jetzt Tisch { $table }.
news-next-round = Für Runde { $round } geh zu { $where }
pill-closed = Das Café ist geschlossen ↓
pill-harvest = Die Ernte hat begonnen ↓
pill-voting-open = Die Abstimmung ist offen ↓
pill-voting-closed = Die Abstimmung ist beendet ↓
pill-round-table = Runde { $round }: Tisch { $table } ↑
pill-round-started = Runde { $round } hat begonnen ↑
pill-new-table = Neuer Tisch: { $table } ↑
pill-host = Du leitest den Tisch ↑
pill-next-table = Nächster Tisch: { $table } ↑
pill-time-up = Die Zeit ist um ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Ernte: Was zählt am meisten?
harvest-themes = Themen
harvest-your-notes = Notizen deiner Tische
harvest-commitments = Gemeinsame Vorhaben
vote-no-dots = Du hast keine Punkte mehr. Nimm zuerst woanders einen Punkt zurück.
vote-offline = Nicht verbunden: Dein Punkt wird gesendet, sobald die Verbindung zurück ist.
vote-not-open = Die Abstimmung ist gerade nicht offen.
vote-your-dots = Deine Punkte für { $label }
vote-minus = Einen Punkt von { $label } zurücknehmen
vote-plus = Einen Punkt an { $label } geben
vote-dots-word = { $count ->
        [one] Punkt
       *[other] Punkte
    }
vote-state = { $state ->
        [open] Die Abstimmung ist offen: Gib deine Punkte dem, was am meisten zählt. Du kannst sie zurücknehmen, bis die Abstimmung endet.
        [closed] Die Abstimmung ist beendet. Danke!
       *[other] Die Abstimmung ist noch nicht offen. Sieh dir die Themen an; die Moderation öffnet die Abstimmung.
    }
vote-none-left = Keine Punkte mehr (du hast alle { $dots } vergeben).
vote-left = { $dots ->
        [one] { $left } von { $dots } Punkt übrig
       *[other] { $left } von { $dots } Punkten übrig
    }
vote-no-themes = Noch keine Themen.
vote-theme-notes = { $count ->
        [one] { $count } Notiz
       *[other] { $count } Notizen
    }
vote-the-theme = das Thema { $name }
vote-no-notes = Keine Notizen von deinen Tischen.
vote-note-where = Runde { $round }, Tisch { $table }
vote-note-where-theme = Runde { $round }, Tisch { $table } · in { $theme }
vote-the-note = die Notiz { $text }
commitment-due = bis { $date }
feedback-heading = Wie war es?
feedback-anonymous = Deine Antworten sind anonym.
feedback-answer-one = Beantworte mindestens eine Frage.
feedback-sending = Wird gesendet…
feedback-thanks = Danke – du kannst deine Antworten noch ändern.
feedback-offline = Nicht verbunden: Versuche es gleich noch einmal.
feedback-update = Meine Antworten ändern
feedback-send = Meine Antworten senden
rating-word = { $value ->
        [1] gar nicht
        [2] ein wenig
        [3] einigermaßen
        [4] ziemlich
       *[5] sehr
    }

## Wall

wall-page-title = Flamingo-Wand
wall-title = { $title }: Wand
wall-fullscreen = Vollbild
wall-qr =
    .alt = QR-Code zum Beitreten
wall-join-heading = Mit dem Telefon beitreten
wall-code = Code
wall-themes-empty = Themen erscheinen hier, sobald der Raum sie findet.
wall-board-empty = Notizen der Tische erscheinen hier.
wall-notes-by-table = Notizen nach Tisch
wall-not-in-theme = Noch in keinem Thema
wall-refused = Diese Wand kann das Café nicht zeigen: { $problem }
wall-no-code = Öffne diese Wand aus der Moderationskonsole.
wall-here = { $count ->
        [one] { $count } Person ist da
       *[other] { $count } Personen sind da
    }
wall-join-at = Beitreten: { $url }
wall-starts-soon = Runde 1 von { $total } beginnt bald
wall-paused = Runde { $round } von { $total } · pausiert
wall-between = Runde { $round } ist vorbei · als Nächstes: Runde { $next }
wall-last-over = Die letzte Runde ist vorbei
wall-harvest = Ernte: Was sich gezeigt hat
wall-closed = Dieses Café ist geschlossen
wall-clock-paused = pausiert
wall-clock-up = Zeit ist um
wall-clock-left = übrig
wall-pages = Tische { $first }–{ $last } von { $tables } · Seite { $page } von { $pages }
wall-table-in-round = Tisch { $table } in Runde { $round }
wall-round-notes = Runde { $round } · { $notes }
wall-ranked = nach Punkten geordnet (auf dem Thema und seinen Notizen) · { $voting ->
        [open] Abstimmung offen
       *[closed] Abstimmung beendet
    }
wall-more = und { $count } weitere
dots = { $count ->
        [one] { $count } Punkt
       *[other] { $count } Punkte
    }
commitment-owner = Verantwortlich: { $owner }
commitment-due-on = Fällig { $date }
commitment-themes = Themen: { $themes }

## Printable report

report-page-title = Flamingo: Bericht
report-print = Drucken oder als PDF speichern
report-loading = Der Bericht wird geladen…
report-no-key = Dieser Browser hat den Schlüssel dieses Cafés nicht. Öffne den Bericht aus der Moderationskonsole auf dem Laptop, auf dem das Café läuft.
report-failed = Der Bericht konnte nicht geladen werden: { $problem }
report-title = { $title }: Bericht
report-someone-left = jemand, der gegangen ist
report-meta = { $when } · { $participants ->
        [one] { $participants } Person
       *[other] { $participants } Personen
    } · { $notes ->
        [one] { $notes } Notiz
       *[other] { $notes } Notizen
    }
report-anonymous = ohne Namen
report-questions = Fragen
report-question = { $question } ({ $minutes } Min.)
report-round = Runde { $round }: { $question }
report-not-played = Diese Runde hat nicht stattgefunden.
report-hosted-by = geleitet von { $name }
report-at-table = Am Tisch: { $names }
report-no-notes = Keine Notizen.
report-who-where = Wer wo saß
report-participant = Person
report-round-column = Runde { $round }
report-seat = { $table }
report-seat-host = { $table } (leitet)
report-theme-note-by = { $name }, Runde { $round }, Tisch { $table }
report-commitments = Vorhaben
report-no-commitments = Keine Vorhaben festgehalten.
report-answers = zu { $themes }
report-feedback = Rückmeldungen
report-no-feedback = Noch keine Rückmeldungen.
report-forms = { $count ->
        [one] { $count } Formular zurückgegeben, ohne Namen.
       *[other] { $count } Formulare zurückgegeben, ohne Namen.
    }
report-no-ratings = Keine Bewertungen.
report-rating = { $average } von 5 aus { $count ->
        [one] { $count } Bewertung
       *[other] { $count } Bewertungen
    } ({ $spread })
report-no-answers = Keine Antworten.

## Console: the page

c-page-title = Flamingo: Moderationskonsole
c-wall-link = Wand öffnen
c-home-link = Alle Cafés
c-start-heading = Ein World Café leiten
c-start-lead = Lege ein Café an, zeig dem Raum den Code, und alle treten mit dem Telefon bei. Flamingo setzt sie Runde für Runde an Tische.
c-mine-heading = Deine Cafés auf diesem Laptop
c-create-heading = Neues Café
c-title-label = Titel
c-people-per-table = Personen pro Tisch
c-tables-in-the-room = Tische im Raum
c-rounds = Runden
c-add-round = Runde hinzufügen
c-create-cafe = Café anlegen
c-reopen-heading = Ein Café von diesem Gerät aus leiten
c-reopen-hint = Füge den Konsolen-Link ein oder die Café-ID und den Moderationsschlüssel, die die Konsole auf dem Gerät gezeigt hat, das das Café angelegt hat.
c-reopen-cafe-label = Konsolen-Link oder Café-ID
c-facilitator-key = Moderationsschlüssel
c-not-needed-with-a = (mit einem Link nicht nötig)
c-open-the-console = Konsole öffnen
c-console-heading = Moderationskonsole
c-round-heading = Runde
c-start-round = Runde starten
c-plan = Tische jetzt planen
c-pause = Pause
c-resume = Weiter
c-plus1 = +1 Minute
c-plus5 = +5 Minuten
c-end-round = Runde jetzt beenden
c-harvest = Ernte öffnen
c-close = Café schließen
c-message-to-every-phone = Nachricht an alle Telefone und die Wand
c-broadcast = Senden
c-harvest-heading = Ernte
c-hv-notes-heading = Notizen nach Runde und Tisch
c-hv-themes-heading = Themen
c-name-of-a-new = Name eines neuen Themas
c-create-theme = Thema anlegen
c-suggest = Themen vorschlagen
c-hv-voting-heading = Punkteabfrage
c-dots-per-person = Punkte pro Person
c-open-voting = Abstimmung öffnen
c-close-voting = Abstimmung beenden
c-hv-commitments-heading = Gemeinsame Vorhaben
c-what-the-room-commits = Was der Raum sich vornimmt
c-owner = Verantwortlich
c-due = Fällig
c-themes-it-answers = Themen, auf die es antwortet
c-commitment-save = Vorhaben hinzufügen
c-commitment-cancel = Bearbeiten abbrechen
c-tables-heading = Tische
c-join-heading = Beitreten
c-code = Code
c-join-fold-hint = und QR-Code
c-join-url = Beitrittsadresse
c-origin-hint = Telefone erreichen localhost nicht. Gib die Netzwerkadresse dieses Laptops an (zum Beispiel 192.168.1.20:8080), damit der QR-Code funktioniert:
c-address-phones-use-to = Adresse, unter der Telefone diesen Laptop erreichen
c-use = Übernehmen
c-key-box = Dieses Café von einem anderen Gerät aus leiten
c-open-this-link-there = Öffne dort diesen Link (halte ihn geheim: Er ist der Schlüssel zum Café):
c-copy-link = Link kopieren
c-share-a-co-facilitator = Einen Co-Moderations-Link teilen
c-a-co-facilitator-can = Eine Co-Moderation kann alles, was du kannst, außer das Café zu schließen und Schlüssel zu teilen. Ein neuer Link ersetzt den letzten.
c-cofac-share = Einen Co-Moderations-Link teilen
c-cofac-copy = Co-Moderations-Link kopieren
c-cofac-revoke = Co-Moderations-Link widerrufen
c-cofac-role = Du bist Co-Moderation: Das Café schließt die Moderation.
c-people-heading = Personen
c-feed-heading = Notizen
c-feed-pause = Verlauf anhalten
c-export-heading = Die Ernte mitnehmen
c-everything-posted-so-far = Alles bisher Geschriebene, jederzeit. Von der Wand genommene Notizen bleiben draußen.
c-leave-names-out = Namen weglassen
c-report-markdown = Bericht (Markdown)
c-notes-csv = Notizen (CSV)
c-everything-json = Alles (JSON)
c-report-link = Druckbarer Bericht
c-fb-heading = Rückmeldeformular
c-fb-hint = Telefone zeigen diese Fragen, wenn das Café schließt. Die Antworten sind anonym.
c-fb-add = Frage hinzufügen
c-fb-save = Formular speichern
c-title-input =
    .placeholder = Über Grenzen hinweg zusammenarbeiten
c-tables =
    .placeholder = ohne Grenze
c-round-controls =
    .aria-label = Rundensteuerung
c-theme-name =
    .placeholder = Name eines neuen Themas
c-suggest-progress =
    .aria-label = Suche nach Themen
c-vote-ranking =
    .aria-label = Nach Punkten geordnet
c-qr =
    .alt = QR-Code mit der Beitrittsadresse

## Console: broadcast

c-sent-to-everyone = An alle gesendet.
c-last-message = Letzte Nachricht: { $text }

## Console: co-facilitator link

c-cofac-replace = Ein neuer Link macht den jetzigen Co-Moderations-Link ungültig. Einen neuen erstellen?
c-cofac-making = Link wird erstellt…
c-cofac-made = Schick diesen Link deiner Co-Moderation; halte ihn geheim.
c-cofac-make-failed = Der Link konnte nicht erstellt werden: { $problem }
c-copied = Kopiert.
c-copy-by-hand = Markiere den Link und kopiere ihn von Hand.
c-cofac-revoke-confirm = Den Co-Moderations-Link widerrufen? Wer ihn nutzt, wird sofort abgemeldet.
c-cofac-revoked = Widerrufen: Der Co-Moderations-Link funktioniert nicht mehr.
c-cofac-revoke-failed = Widerruf fehlgeschlagen: { $problem }
c-cofac-new = Neuen Co-Moderations-Link erstellen

## Console: commitments

c-commitment-empty = Schreib auf, was der Raum sich vornimmt.
c-commitment-updated = Vorhaben geändert.
c-commitment-added = Vorhaben hinzugefügt: Es steht an der Wand.
c-commitment-save-changes = Änderungen speichern
c-no-commitments = Noch keine Vorhaben.
c-edit = Bearbeiten
c-delete = Löschen
c-commitment-delete-confirm = Dieses Vorhaben löschen?
c-commitment-deleted = Vorhaben gelöscht.
c-no-owner = Noch niemand verantwortlich

## Console: start screen

c-default-question-1 = Was steht der Zusammenarbeit zwischen unseren Organisationen im Weg?
c-default-question-2 = Was hast du anderswo funktionieren sehen?
c-default-question-3 = Was nehmen wir uns gemeinsam vor?
c-title-missing = Gib dem Café einen Titel.
c-table-size-wrong = Personen pro Tisch: eine ganze Zahl von 3 bis 8.
c-tables-wrong = Tische im Raum: eine ganze Zahl von 1 bis 1.000, oder leer lassen.
c-round-question-missing = Runde { $round } braucht eine Frage.
c-round-minutes-wrong = Runde { $round } dauert 1 bis 240 Minuten.
c-server-unreachable = Der Flamingo-Server ist nicht erreichbar. Läuft er?
c-reopen-missing = Füge den Konsolen-Link ein oder sowohl die Café-ID als auch den Schlüssel.
c-mine-code = Code { $code }
c-minutes = Minuten
c-round-up = Runde { $round } nach oben
c-round-down = Runde { $round } nach unten
c-round-remove = Runde { $round } entfernen
c-round-minutes = Minuten der Runde { $round }

## Console: opening a café

c-swap-key-confirm = Dieser Browser leitet dieses Café als Moderation. Diesen Link stattdessen als Co-Moderation öffnen? Der Browser vergisst dann den Moderationsschlüssel (bewahre deinen Konsolen-Link auf, um ihn zurückzubekommen).
c-no-key = Dieser Browser hat den Schlüssel dieses Cafés nicht. Füge seinen Konsolen-Link ein.
c-key-revoked = Dieser Schlüssel öffnet das Café nicht mehr: Der Co-Moderations-Link wurde ersetzt oder widerrufen. Bitte die Moderation um einen neuen.
c-bad-key = Diese Café-ID und dieser Schlüssel passen zu keinem Café auf diesem Server.
c-title = { $title }: Konsole

## Console: export

c-export-preparing = Download wird vorbereitet…
c-export-saved = { $file } gespeichert.
c-export-failed = Export fehlgeschlagen: { $problem }
c-server-answered = Der Server antwortete mit { $status }.

## Console: harvest requests

c-suggest-unavailable = Vorschläge gibt es auf diesem Server nicht.
c-server-unreachable-retry = Der Server ist nicht erreichbar. Versuche es gleich noch einmal.

## Console: feedback form

c-fb-prompt-missing = Jede Frage braucht einen Text (oder entferne sie).
c-fb-saved = Rückmeldeformular gespeichert.
c-fb-count = { $count ->
        [one] { $count } Person hat das Rückmeldeformular ausgefüllt.
       *[other] { $count } Personen haben das Rückmeldeformular ausgefüllt.
    }
c-fb-hint-closed = Die Antworten sind im Export, ohne Namen.
c-fb-none = Keine Fragen: Telefone zeigen kein Formular.
c-fb-kind = Art der Frage { $n }
c-fb-rating = Bewertung 1 bis 5
c-fb-text = Freitext
c-fb-question = Frage { $n }
c-fb-up = Frage { $n } nach oben
c-fb-down = Frage { $n } nach unten
c-fb-remove = Frage { $n } entfernen

## Console: harvest board

c-theme-name-missing = Gib dem Thema einen Namen.
c-theme-created = Thema „{ $name }“ angelegt.
c-theme-created-with-note = Thema „{ $name }“ mit der gewählten Notiz angelegt.
c-pick-label = „{ $text }“ wählen, um es einem Thema zuzuordnen
c-picked-label = „{ $text }“ gewählt, um es einem Thema zuzuordnen
c-note-put-in = Notiz in „{ $name }“ gelegt.
c-note-taken-out = Notiz aus ihrem Thema genommen.
c-harvest-final = Das Café ist geschlossen: Die Ernte steht fest.
c-harvest-hint = Wähle eine Notiz und dann „Hierher“ bei einem Thema, oder zieh eine Notiz auf ein Thema. Telefone vergeben Punkte, sobald du die Abstimmung öffnest.
c-pick = Wählen
c-picked = Gewählt
c-picked-bar = Gewählt:
c-pick-now = Wähle jetzt „Hierher“ bei einem Thema oder lege ein Thema dafür an.
c-cancel = Abbrechen
c-save = Speichern
c-no-notes-written = Es wurden keine Notizen geschrieben.
c-round-colon = Runde { $round }:
c-in-theme = in { $name }
c-off-wall = nicht an der Wand
c-take-out-of-theme = Aus dem Thema nehmen
c-note-back-on-wall = Die Notiz ist wieder an der Wand.
c-note-off-wall = Die Notiz ist nicht mehr an der Wand.
c-show-on-wall = An der Wand zeigen
c-hide-from-wall = Von der Wand nehmen
c-no-themes-yet = Noch keine Themen. Benenne oben eines oder lass dir Vorschläge machen.
c-no-themes = Keine Themen.
c-theme-label = Thema { $name }
c-put-here = Hierher
c-drop-here = Zieh Notizen hierher oder wähle eine Notiz und dann „Hierher“.
c-take-out = Herausnehmen
c-take-out-label = „{ $text }“ aus { $name } nehmen
c-theme-more = und { $count } weitere (bei den Notizen mit „in { $name }“ markiert)
c-rename = Umbenennen
c-rename-label = { $name } umbenennen
c-delete-label = { $name } löschen
c-theme-delete-confirm = Das Thema „{ $name }“ löschen? Seine Notizen bleiben; die Punkte auf dem Thema gehen verloren.
c-dots-on-theme = { $count ->
        [one] { $count } Punkt auf dem Thema
       *[other] { $count } Punkte auf dem Thema
    }
c-new-name = Neuer Name für { $name }
c-renamed = Umbenannt in „{ $name }“.
c-theme-deleted = Thema „{ $name }“ gelöscht.

## Console: join panel

c-origin-wrong = Das sieht nicht wie eine Adresse aus: Gib sie so ein: 192.168.1.20:8080.
c-origin-set = Telefone treten jetzt unter { $origin } bei. Der QR-Code ist aktualisiert.
c-join-fold-hint-closed = + QR-Code
c-origin-hint-set = Telefone treten unter der Adresse unten bei. Ändere sie, wenn sich Raum oder Netz geändert haben; leer lassen für die Adresse dieser Seite.

## Console: people

c-people = Personen: { $here } da, { $online } verbunden
c-people-none = Noch niemand. Zeig dem Raum den Code oder den QR-Code.
c-phone-on = , Telefon verbunden
c-phone-off = , Telefon nicht verbunden

## Console: notes feed

c-feed-count = Notizen ({ $count })
c-feed-show-new = { $count } neue zeigen
c-feed-resume = Verlauf fortsetzen
c-feed-empty = Notizen der Tische erscheinen hier, sobald sie geschrieben werden.
c-feed-meta = Runde { $round } · { $name }

## Console: round bar

c-planned = Tische geplant: Die Telefone zeigen, wohin es geht.
c-added-minutes = { $minutes ->
        [one] { $minutes } Minute hinzugefügt.
       *[other] { $minutes } Minuten hinzugefügt.
    }
c-end-confirm = Diese Runde jetzt beenden?
c-close-confirm = Das Café endgültig schließen? Danach kann niemand mehr beitreten oder schreiben.
c-timer-paused = (pausiert)
c-phase = { $state ->
        [lobby] Vorraum: Runde 1 von { $total } nicht begonnen
        [running] Runde { $round } von { $total } läuft
        [paused] Runde { $round } von { $total } pausiert
        [betweenRounds] Runde { $round } von { $total } ist vorbei
        [allOver] Alle { $total } Runden sind vorbei
        [harvest] Ernte
       *[closed] Geschlossen
    }
c-question = F{ $round }: { $question }
c-start-round-n = Runde { $round } starten
c-replan = Tische neu planen
c-round-started = Runde { $round } hat begonnen: { $people ->
        [one] { $people } Person
       *[other] { $people } Personen
    } an { $tables ->
        [one] { $tables } Tisch
       *[other] { $tables } Tischen
    }.
c-round-over = Runde { $round } ist vorbei. Die Telefone zeigen die Tische für Runde { $next }.
c-last-round-over = Runde { $round } ist vorbei: Das war die letzte Runde. Öffne die Ernte, wenn der Raum so weit ist.
c-harvest-open = Die Ernte ist offen: Telefone und Wand zeigen die Notizen.
c-cafe-closed = Das Café ist geschlossen. Die Telefone zeigen das Rückmeldeformular.

## Console: suggested themes

c-suggest-looking = Suche nach Themen in den Notizen…
c-suggest-nothing = Keine Notizen ohne Thema: Jede Notiz an der Wand ist schon in einem Thema.
c-suggest-none = { $count ->
        [one] Keine Gruppen unter { $count } Notiz ohne Thema gefunden. Lege Themen von Hand an.
       *[other] Keine Gruppen unter { $count } Notizen ohne Thema gefunden. Lege Themen von Hand an.
    }
c-suggest-found = { $count ->
        [one] { $count } vorgeschlagenes Thema
       *[other] { $count } vorgeschlagene Themen
    } aus { $notes } Notizen ohne Thema. Übernimm die passenden.
c-suggest-accepted = { $count ->
        [one] Thema „{ $name }“ mit { $count } Notiz angelegt.
       *[other] Thema „{ $name }“ mit { $count } Notizen angelegt.
    }
c-suggested-label = Vorgeschlagenes Thema { $name }
c-suggest-words = Wörter: { $words }
c-accept = Übernehmen
c-accept-label = { $name } übernehmen
c-dismiss = Verwerfen
c-dismiss-label = { $name } verwerfen

## Console: table map

c-map-no-tables-yet = Noch keine Tische. „Tische jetzt planen“ setzt alle, damit die Telefone ihren Tisch vor Runde 1 zeigen; „Runde 1 starten“ plant von selbst.
c-map-no-tables = Gerade keine Tische.
c-map-preview = Vorschau: Wer sitzt wo in Runde { $round }. Tippe auf eine Person, um sie umzusetzen oder zur Gastgeberin zu machen; deine Änderungen bleiben.
c-map-now = Runde { $round } läuft. Tippe auf eine Person, um sie umzusetzen oder zur Gastgeberin zu machen.
c-map-heading-plan = Tische: Plan für Runde { $round }
c-map-heading-round = Tische: Runde { $round }
c-not-seated = Ohne Tisch
c-map-table-label = Tisch { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } Person
       *[other] { $people } Personen
    } für { $seats } Plätze
c-move-here = Hierher setzen
c-person-picked = { $name } gewählt: Wähle „Hierher setzen“ an einem Tisch oder nutze die Leiste über der Karte.
c-phone-on-title = Telefon verbunden
c-phone-off-title = Telefon nicht verbunden
c-table-empty = Tisch { $table } (leer)
c-at-table = an Tisch { $table }
c-unseated = (ohne Tisch)
c-move-to = Setzen an
c-move = Umsetzen
c-make-host = Gastgeber·in machen
c-moved = { $name } sitzt jetzt an Tisch { $table }.
c-now-hosts = { $name } leitet jetzt den Tisch.

## Console: dot-voting

c-dots-wrong = Gib jeder Person 1 bis 20 Punkte.
c-dots-changed = { $dots ->
        [one] Alle haben jetzt { $dots } Punkt.
       *[other] Alle haben jetzt { $dots } Punkte.
    }
c-voting-opened = { $dots ->
        [one] Die Abstimmung ist offen: { $dots } Punkt pro Person.
       *[other] Die Abstimmung ist offen: { $dots } Punkte pro Person.
    }
c-voting-closed = Die Abstimmung ist beendet: Die Summen stehen fest.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] Die Abstimmung ist offen: { $dots } Punkt pro Person.
           *[other] Die Abstimmung ist offen: { $dots } Punkte pro Person.
        }
        [closed] Die Abstimmung ist beendet.
       *[notOpen] Die Abstimmung ist noch nicht offen.
    }
c-change-dots = Punkte ändern
c-open-voting-again = Abstimmung wieder öffnen
c-no-dots = Noch keine Punkte.
c-rank-note = Notiz:
`;
