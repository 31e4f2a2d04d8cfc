// Italiano. A Fluent resource with exactly the messages of en.js (a test checks it).
export default String.raw`
## Every view

status-connecting = Connessione…
status-connected = Connesso
status-reconnecting = Riconnessione…
status-offline = Non in linea
status-stopped = Disconnesso
language-picker =
    .aria-label = Lingua
optional = (facoltativo)
someone = Qualcuno
you = Tu

colour-red = rosso
colour-blue = blu
colour-green = verde
colour-purple = viola
colour-orange = arancione
colour-teal = verde acqua
colour-pink = rosa
colour-brown = marrone
colour-indigo = indaco
colour-olive = oliva
colour-slate = ardesia
colour-sky-blue = azzurro

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Non connesso: riprova quando l’indicatore dice «Connesso».
error-badMessage = L’app ha inviato qualcosa che il server non ha capito. Ricarica la pagina e riprova.
error-tooLarge = È troppo lungo per essere inviato.
error-invalidInput = Controlla ciò che hai scritto: qualcosa è vuoto, troppo lungo o fuori intervallo.
error-notAuthenticated = Accesso non ancora fatto: attendi un momento e riprova.
error-badCredentials = Questo link o questa chiave non è (più) valido.
error-forbidden = Non puoi farlo.
error-notFound = Non esiste più.
error-wrongPhase = Non si può fare in questa fase del café.
error-notSeated = Non hai ancora un tavolo: attendi il tuo tavolo, poi riprova.
error-noteIdTaken = Non è stato possibile salvare la nota: inviala di nuovo.
error-overBudget = Non hai più bollini. Togline prima uno da qualcos’altro.
error-cafeFull = Questo café è pieno: chiedi a chi facilita.
error-rateLimited = Troppe cose insieme: attendi qualche secondo e riprova.
error-unavailable = Il server è occupato. Attendi un momento e riprova.
error-internal = Qualcosa è andato storto sul server. Riprova; se succede di nuovo, avvisa chi facilita.

## Phone: joining

phone-page-title = Flamingo: partecipa a un café
join-page-title = Partecipa a { $title }
phone-title = { $title }: il tuo tavolo
join-heading = Partecipa al café
join-code-label = Codice sulla parete
join-name-label = Il tuo nome
join-org-label = Organizzazione
join-role-label = Ruolo
join-button = Partecipa
join-code-missing = Scrivi il codice mostrato sulla parete.
join-name-missing = Scrivi il tuo nome, così il tuo tavolo sa chi sei.
join-no-such-code = Nessun café ha il codice { $code }. Controlla il codice sulla parete e scrivilo di nuovo.
join-closed = Questo café è chiuso: non accoglie più nessuno.
join-full = Questo café è pieno: chiedi a chi facilita.
join-busy = Il server è occupato. Attendi un momento e premi di nuovo «Partecipa».
join-too-long = Controlla nome, organizzazione e ruolo: ciascuno deve essere più corto.
session-not-in-cafe = Non fai più parte di questo café. Partecipa di nuovo per prendere parte.
session-left = Hai lasciato questo café. Partecipa di nuovo per prendere parte.
session-refused = La connessione è stata rifiutata. Ricarica la pagina per riprovare.

## Phone: the table card

clock-region =
    .aria-label = Tempo rimasto
clock-paused = In pausa
clock-up = Il tempo è scaduto
clock-left = rimasti in questo giro
card-before = Prima del giro 1 di { $total }
card-table = Tavolo { $table }
card-you-are-in = Ci sei
card-go-when-starts = Vai a questo tavolo quando inizia il giro 1.
card-wait-start = Attendi che chi facilita avvii il giro 1. Il tuo tavolo apparirà qui.
card-round-of = Giro { $round } di { $total }
card-finding = Ti stiamo trovando un tavolo…
card-finding-detail = Avrai un tavolo tra un momento.
card-round-over = Il giro { $round } di { $total } è finito
card-last-round = Era l’ultimo giro
card-stay-for-harvest = Grazie! Resta per il raccolto.
card-next-go-to = Il giro { $round } è finito. Per il giro { $next } vai al
card-next-table = Il tuo prossimo tavolo…
card-next-detail = Apparirà qui tra un momento.
card-rounds-over = I giri sono finiti
card-thank-you = Grazie
card-closed = Questo café è chiuso.
card-harvest = { $voting ->
        [open] Il raccolto è iniziato: la votazione è aperta, dai i tuoi bollini qui sotto.
        [closed] Il raccolto è iniziato: la votazione è chiusa, guarda sulla parete cosa ha scelto la sala.
       *[other] Il raccolto è iniziato: guarda la parete e vota qui sotto quando si apre la votazione.
    }
card-colour = Tavolo { $colour }.
card-will-host = Ospiterai questo tavolo
card-hosting = Ospiti questo tavolo
card-question = La domanda
card-round-question = Domanda del giro { $round }
mates-heading = Al tuo tavolo
mates-heading-next = Al tuo prossimo tavolo
mates-nobody = Ancora nessun altro
mates-host = ospite

## Phone: notes

note-label = Aggiungi una nota
note-add = Aggiungi nota
notes-list =
    .aria-label = Note di questo giro
notes-heading = Note del tavolo { $table }, giro { $round }
notes-heading-yours = Le tue note
notes-none = Ancora nessuna nota. Di solito le scrive chi ospita; chiunque al tavolo può farlo.
note-state = { $state ->
        [saved] ✓ Salvata
        [sending] Invio…
        [pending] In attesa di invio
       *[failed] Non salvata
    }
note-saved = La tua nota è salvata.
note-not-saved = La tua nota non è stata salvata: { $problem }
note-count = { $count } di { $max } caratteri
note-cut = Una nota contiene fino a { $max } caratteri: il resto di ciò che hai scritto o incollato è stato tagliato.
note-only-spaces = Una nota di soli spazi non viene inviata: scrivi qualche parola.
note-empty = Scrivi prima la tua nota.
note-remove = Rimuovi
outbox-kept = { $count ->
        [one] { $count } nota conservata su questo telefono; sarà inviata quando torna la connessione.
       *[other] { $count } note conservate su questo telefono; saranno inviate quando torna la connessione.
    }
outbox-sending = { $count ->
        [one] Invio di { $count } nota…
       *[other] Invio di { $count } note…
    }
outbox-not-kept = Questo browser non conserva le note dopo un ricaricamento (navigazione privata?). Tieni aperta questa pagina finché non sono inviate.
recap-heading = Prima a questo tavolo
recap-hint = Usale per accogliere chi arriva e riassumere ciò che è stato detto.
recap-meta = Giro { $round } · { $name }

## Phone: alerts and news

alert-next = Prossimo: tavolo { $table }, { $colour }.
alert-look-here = Il tuo prossimo tavolo apparirà qui.
alert-time-up = Il tempo è scaduto: il giro { $round } è finito.
alert-message = Messaggio di chi facilita: { $text }
alert-one-minute = Manca un minuto alla fine del giro { $round }.
alert-broadcast = Da chi facilita: { $text }
bar-table = Tavolo { $table }
bar-next-table = Prossimo: tavolo { $table }
news-table = tavolo { $table }, { $colour }.
news-will-host = Lo ospiterai tu.
news-hosting = Lo ospiti tu.
news-closed = Questo café è chiuso. Grazie! Dicci com’è andata nel modulo qui sotto.
news-harvest = I giri sono finiti ed è iniziato il raccolto: guarda la parete.
news-voting-open = La votazione è aperta: dai i tuoi bollini a ciò che conta di più.
news-voting-closed = La votazione è chiusa.
news-go-to = vai al { $where }
news-table-soon = il tuo tavolo apparirà tra un momento.
news-round-started = È iniziato il giro { $round }: { $where }
news-paused = Il giro { $round } è in pausa.
news-resumed = Il giro { $round } riprende.
news-moved = Sei stato spostato: vai al { $where }
news-now-host = Ora ospiti il tavolo { $table }.
news-next-round = Per il giro { $round } vai al { $where }
pill-closed = Il café è chiuso ↓
pill-harvest = È iniziato il raccolto ↓
pill-voting-open = La votazione è aperta ↓
pill-voting-closed = La votazione è chiusa ↓
pill-round-table = Giro { $round }: tavolo { $table } ↑
pill-round-started = È iniziato il giro { $round } ↑
pill-new-table = Nuovo tavolo: { $table } ↑
pill-host = Ospiti il tavolo ↑
pill-next-table = Prossimo tavolo: { $table } ↑
pill-time-up = Il tempo è scaduto ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Raccolto: cosa conta di più?
harvest-themes = Temi
harvest-your-notes = Note dei tuoi tavoli
harvest-commitments = Impegni comuni
vote-no-dots = Non hai più bollini. Togline prima uno da qualcos’altro.
vote-offline = Non connesso: il tuo bollino sarà inviato quando torna la connessione.
vote-not-open = La votazione non è aperta adesso.
vote-your-dots = I tuoi bollini su { $label }
vote-minus = Togli un bollino da { $label }
vote-plus = Dai un bollino a { $label }
vote-dots-word = { $count ->
        [one] bollino
       *[other] bollini
    }
vote-state = { $state ->
        [open] La votazione è aperta: dai i tuoi bollini a ciò che conta di più. Puoi riprenderli finché la votazione non si chiude.
        [closed] La votazione è chiusa. Grazie!
       *[other] La votazione non è ancora aperta. Guarda i temi; chi facilita aprirà la votazione.
    }
vote-none-left = Nessun bollino rimasto (li hai dati tutti e { $dots }).
vote-left = { $left ->
        [one] { $left } bollino su { $dots } rimasto
       *[other] { $left } bollini su { $dots } rimasti
    }
vote-no-themes = Ancora nessun tema.
vote-theme-notes = { $count ->
        [one] { $count } nota
       *[other] { $count } note
    }
vote-the-theme = il tema { $name }
vote-no-notes = Nessuna nota dai tuoi tavoli.
vote-note-where = Giro { $round }, tavolo { $table }
vote-note-where-theme = Giro { $round }, tavolo { $table } · in { $theme }
vote-the-note = la nota { $text }
commitment-due = entro il { $date }
feedback-heading = Com’è andata?
feedback-anonymous = Le tue risposte sono anonime.
feedback-answer-one = Rispondi ad almeno una domanda.
feedback-sending = Invio…
feedback-thanks = Grazie — puoi modificare le tue risposte.
feedback-offline = Non connesso: riprova tra un momento.
feedback-update = Aggiorna le mie risposte
feedback-send = Invia le mie risposte
rating-word = { $value ->
        [1] per niente
        [2] poco
        [3] abbastanza
        [4] molto
       *[5] moltissimo
    }

## Wall

wall-page-title = Parete di Flamingo
wall-title = { $title }: parete
wall-fullscreen = Schermo intero
wall-qr =
    .alt = Codice QR per partecipare a questo café
wall-join-heading = Partecipa dal tuo telefono
wall-code = Codice
wall-themes-empty = I temi appariranno qui man mano che la sala li trova.
wall-board-empty = Le note dei tavoli appariranno qui.
wall-notes-by-table = Note per tavolo
wall-not-in-theme = Non ancora in un tema
wall-refused = Questa parete non può mostrare il café: { $problem }
wall-no-code = Apri questa parete dalla console di facilitazione.
wall-here = { $count ->
        [one] { $count } persona presente
       *[other] { $count } persone presenti
    }
wall-join-at = Partecipa: { $url }
wall-starts-soon = Il giro 1 di { $total } inizia a breve
wall-paused = Giro { $round } di { $total } · in pausa
wall-between = Il giro { $round } è finito · prossimo: giro { $next }
wall-last-over = L’ultimo giro è finito
wall-harvest = Raccolto: ciò che è emerso
wall-closed = Questo café è chiuso
wall-clock-paused = in pausa
wall-clock-up = tempo scaduto
wall-clock-left = rimasti
wall-pages = Tavoli { $first }–{ $last } di { $tables } · pagina { $page } di { $pages }
wall-table-in-round = Tavolo { $table } nel giro { $round }
wall-round-notes = giro { $round } · { $notes }
wall-ranked = ordinati per bollini (sul tema e sulle sue note) · { $voting ->
        [open] votazione aperta
       *[closed] votazione chiusa
    }
wall-more = e altre { $count }
dots = { $count ->
        [one] { $count } bollino
       *[other] { $count } bollini
    }
commitment-owner = Responsabile: { $owner }
commitment-due-on = Scadenza { $date }
commitment-themes = Temi: { $themes }

## Printable report

report-page-title = Flamingo: resoconto
report-print = Stampa o salva come PDF
report-loading = Caricamento del resoconto…
report-no-key = Questo browser non ha la chiave di quel café. Apri il resoconto dalla console di facilitazione, sul portatile che lo gestisce.
report-failed = Impossibile caricare il resoconto: { $problem }
report-title = { $title }: resoconto
report-someone-left = qualcuno che se n’è andato
report-meta = { $when } · { $participants ->
        [one] { $participants } partecipante
       *[other] { $participants } partecipanti
    } · { $notes ->
        [one] { $notes } nota
       *[other] { $notes } note
    }
report-anonymous = senza nomi
report-questions = Domande
report-question = { $question } ({ $minutes } min)
report-round = Giro { $round }: { $question }
report-not-played = Questo giro non si è svolto.
report-hosted-by = ospitato da { $name }
report-at-table = Al tavolo: { $names }
report-no-notes = Nessuna nota.
report-who-where = Chi sedeva dove
report-participant = Partecipante
report-round-column = Giro { $round }
report-seat = { $table }
report-seat-host = { $table } (ospite)
report-theme-note-by = { $name }, giro { $round }, tavolo { $table }
report-commitments = Impegni
report-no-commitments = Nessun impegno registrato.
report-answers = risponde a { $themes }
report-feedback = Opinioni
report-no-feedback = Ancora nessuna opinione.
report-forms = { $count ->
        [one] { $count } modulo restituito, senza nomi.
       *[other] { $count } moduli restituiti, senza nomi.
    }
report-no-ratings = Nessuna valutazione.
report-rating = { $average } su 5 da { $count ->
        [one] { $count } valutazione
       *[other] { $count } valutazioni
    } ({ $spread })
report-no-answers = Nessuna risposta.

## Console: the page

c-page-title = Flamingo: console di facilitazione
c-wall-link = Apri la parete
c-home-link = Tutti i café
c-start-heading = Conduci un World Café
c-start-lead = Crea un café, mostra il codice alla sala e le persone partecipano dal telefono. Flamingo le siede ai tavoli giro dopo giro.
c-mine-heading = I tuoi café su questo portatile
c-create-heading = Nuovo café
c-title-label = Titolo
c-people-per-table = Persone per tavolo
c-tables-in-the-room = Tavoli nella sala
c-rounds = Giri
c-add-round = Aggiungi un giro
c-create-cafe = Crea il café
c-reopen-heading = Conduci un café da questo dispositivo
c-reopen-hint = Incolla il link della console, oppure l’id del café e la chiave di facilitazione, mostrati dalla console sul dispositivo che ha creato il café.
c-reopen-cafe-label = Link della console o id del café
c-facilitator-key = Chiave di facilitazione
c-not-needed-with-a = (non serve con un link)
c-open-the-console = Apri la console
c-console-heading = Console di facilitazione
c-round-heading = Giro
c-start-round = Avvia il giro
c-plan = Pianifica i tavoli ora
c-pause = Pausa
c-resume = Riprendi
c-plus1 = +1 minuto
c-plus5 = +5 minuti
c-end-round = Termina il giro ora
c-harvest = Apri il raccolto
c-close = Chiudi il café
c-message-to-every-phone = Messaggio a tutti i telefoni e alla parete
c-broadcast = Invia a tutti
c-harvest-heading = Raccolto
c-hv-notes-heading = Note per giro e tavolo
c-hv-themes-heading = Temi
c-name-of-a-new = Nome di un nuovo tema
c-create-theme = Crea il tema
c-suggest = Suggerisci temi
c-hv-voting-heading = Votazione a bollini
c-dots-per-person = Bollini per persona
c-open-voting = Apri la votazione
c-close-voting = Chiudi la votazione
c-hv-commitments-heading = Impegni comuni
c-what-the-room-commits = A cosa si impegna la sala
c-owner = Responsabile
c-due = Scadenza
c-themes-it-answers = Temi a cui risponde
c-commitment-save = Aggiungi l’impegno
c-commitment-cancel = Annulla la modifica
c-tables-heading = Tavoli
c-join-heading = Partecipa
c-code = Codice
c-join-fold-hint = e codice QR
c-join-url = Indirizzo per partecipare
c-origin-hint = I telefoni non raggiungono localhost. Indica l’indirizzo di rete di questo portatile (per esempio 192.168.1.20:8080) perché il codice QR funzioni:
c-address-phones-use-to = Indirizzo con cui i telefoni raggiungono questo portatile
c-use = Usa
c-key-box = Conduci questo café da un altro dispositivo
c-open-this-link-there = Apri lì questo link (tienilo riservato: è la chiave del café):
c-copy-link = Copia il link
c-share-a-co-facilitator = Condividi un link di co-facilitazione
c-a-co-facilitator-can = Chi co-facilita può fare tutto ciò che fai tu, tranne chiudere il café e condividere chiavi. Un nuovo link sostituisce il precedente.
c-cofac-share = Condividi un link di co-facilitazione
c-cofac-copy = Copia il link di co-facilitazione
c-cofac-revoke = Revoca il link di co-facilitazione
c-cofac-role = Sei in co-facilitazione: il café lo chiude chi facilita.
c-people-heading = Persone
c-feed-heading = Note
c-feed-pause = Metti in pausa il flusso
c-export-heading = Porta a casa il raccolto
c-everything-posted-so-far = Tutto ciò che è stato scritto finora, in qualsiasi momento. Le note nascoste dalla parete restano fuori.
c-leave-names-out = Senza nomi
c-report-markdown = Resoconto (Markdown)
c-notes-csv = Note (CSV)
c-everything-json = Tutto (JSON)
c-report-link = Resoconto stampabile
c-fb-heading = Modulo di opinione
c-fb-hint = I telefoni mostrano queste domande quando il café chiude. Le risposte sono anonime.
c-fb-add = Aggiungi una domanda
c-fb-save = Salva il modulo
c-title-input =
    .placeholder = Lavorare oltre i confini
c-tables =
    .placeholder = nessun limite
c-round-controls =
    .aria-label = Comandi del giro
c-theme-name =
    .placeholder = Nome di un nuovo tema
c-suggest-progress =
    .aria-label = Ricerca di temi
c-vote-ranking =
    .aria-label = Ordinati per bollini
c-qr =
    .alt = Codice QR con l’indirizzo per partecipare

## Console: broadcast

c-sent-to-everyone = Inviato a tutti.
c-last-message = Ultimo messaggio: { $text }

## Console: co-facilitator link

c-cofac-replace = Un nuovo link disattiva il link di co-facilitazione attuale. Crearne uno nuovo?
c-cofac-making = Creazione del link…
c-cofac-made = Invia questo link a chi co-facilita; tienilo riservato.
c-cofac-make-failed = Impossibile creare il link: { $problem }
c-copied = Copiato.
c-copy-by-hand = Seleziona il link e copialo a mano.
c-cofac-revoke-confirm = Revocare il link di co-facilitazione? Chi lo usa viene disconnesso subito.
c-cofac-revoked = Revocato: il link di co-facilitazione non funziona più.
c-cofac-revoke-failed = Impossibile revocare: { $problem }
c-cofac-new = Crea un nuovo link di co-facilitazione

## Console: commitments

c-commitment-empty = Scrivi a cosa si impegna la sala.
c-commitment-updated = Impegno aggiornato.
c-commitment-added = Impegno aggiunto: è sulla parete.
c-commitment-save-changes = Salva le modifiche
c-no-commitments = Ancora nessun impegno.
c-edit = Modifica
c-delete = Elimina
c-commitment-delete-confirm = Eliminare questo impegno?
c-commitment-deleted = Impegno eliminato.
c-no-owner = Ancora nessun responsabile

## Console: start screen

c-default-question-1 = Che cosa ostacola il lavoro tra le nostre organizzazioni?
c-default-question-2 = Che cosa hai visto funzionare altrove?
c-default-question-3 = A cosa ci impegniamo insieme?
c-title-missing = Dai un titolo al café.
c-table-size-wrong = Persone per tavolo: un numero intero da 3 a 8.
c-tables-wrong = Tavoli nella sala: un numero intero da 1 a 1.000, oppure lascia vuoto.
c-round-question-missing = Il giro { $round } ha bisogno di una domanda.
c-round-minutes-wrong = Il giro { $round } dura da 1 a 240 minuti.
c-server-unreachable = Impossibile raggiungere il server Flamingo. È in esecuzione?
c-reopen-missing = Incolla il link della console, oppure sia l’id del café sia la chiave.
c-mine-code = codice { $code }
c-minutes = Minuti
c-round-up = Sposta su il giro { $round }
c-round-down = Sposta giù il giro { $round }
c-round-remove = Rimuovi il giro { $round }
c-round-minutes = Minuti del giro { $round }

## Console: opening a café

c-swap-key-confirm = Questo browser conduce questo café. Aprire invece questo link come co-facilitazione? Il browser dimenticherà la chiave di facilitazione (conserva il link della console per recuperarla).
c-no-key = Questo browser non ha la chiave di quel café. Incolla il suo link della console.
c-key-revoked = Questa chiave non apre più il café: il link di co-facilitazione è stato sostituito o revocato. Chiedine uno nuovo a chi facilita.
c-bad-key = Quell’id e quella chiave non corrispondono a nessun café su questo server.
c-title = { $title }: console

## Console: export

c-export-preparing = Preparazione del download…
c-export-saved = { $file } salvato.
c-export-failed = Impossibile esportare: { $problem }
c-server-answered = Il server ha risposto { $status }.

## Console: harvest requests

c-suggest-unavailable = I suggerimenti non sono disponibili su questo server.
c-server-unreachable-retry = Impossibile raggiungere il server. Riprova tra un momento.

## Console: feedback form

c-fb-prompt-missing = Ogni domanda ha bisogno di un testo (oppure rimuovila).
c-fb-saved = Modulo di opinione salvato.
c-fb-count = { $count ->
        [one] { $count } persona ha risposto al modulo di opinione.
       *[other] { $count } persone hanno risposto al modulo di opinione.
    }
c-fb-hint-closed = Le risposte sono nell’esportazione, senza nomi.
c-fb-none = Nessuna domanda: i telefoni non mostreranno alcun modulo.
c-fb-kind = Tipo della domanda { $n }
c-fb-rating = Valutazione da 1 a 5
c-fb-text = Testo libero
c-fb-question = Domanda { $n }
c-fb-up = Sposta su la domanda { $n }
c-fb-down = Sposta giù la domanda { $n }
c-fb-remove = Rimuovi la domanda { $n }

## Console: harvest board

c-theme-name-missing = Dai un nome al tema.
c-theme-created = Tema «{ $name }» creato.
c-theme-created-with-note = Tema «{ $name }» creato con la nota scelta.
c-pick-label = Scegli «{ $text }» da mettere in un tema
c-picked-label = «{ $text }» scelta da mettere in un tema
c-note-put-in = Nota messa in «{ $name }».
c-note-taken-out = Nota tolta dal suo tema.
c-harvest-final = Il café è chiuso: il raccolto è definitivo.
c-harvest-hint = Scegli una nota, poi «Metti qui» su un tema, oppure trascina una nota su un tema. I telefoni votano con i bollini quando apri la votazione.
c-pick = Scegli
c-picked = Scelta
c-picked-bar = Scelta:
c-pick-now = Ora scegli «Metti qui» su un tema, oppure crea un tema per lei.
c-cancel = Annulla
c-save = Salva
c-no-notes-written = Non è stata scritta nessuna nota.
c-round-colon = Giro { $round }:
c-in-theme = in { $name }
c-off-wall = fuori dalla parete
c-take-out-of-theme = Togli dal tema
c-note-back-on-wall = La nota è di nuovo sulla parete.
c-note-off-wall = La nota non è più sulla parete.
c-show-on-wall = Mostra sulla parete
c-hide-from-wall = Nascondi dalla parete
c-no-themes-yet = Ancora nessun tema. Danne un nome qui sopra, oppure chiedi suggerimenti.
c-no-themes = Nessun tema.
c-theme-label = Tema { $name }
c-put-here = Metti qui
c-drop-here = Trascina qui le note, oppure scegli una nota e poi «Metti qui».
c-take-out = Togli
c-take-out-label = Togli «{ $text }» da { $name }
c-theme-more = e altre { $count } (segnate «in { $name }» tra le note)
c-rename = Rinomina
c-rename-label = Rinomina { $name }
c-delete-label = Elimina { $name }
c-theme-delete-confirm = Eliminare il tema «{ $name }»? Le sue note restano; i bollini sul tema vanno persi.
c-dots-on-theme = { $count ->
        [one] { $count } bollino sul tema
       *[other] { $count } bollini sul tema
    }
c-new-name = Nuovo nome per { $name }
c-renamed = Rinominato in «{ $name }».
c-theme-deleted = Tema «{ $name }» eliminato.

## Console: join panel

c-origin-wrong = Non sembra un indirizzo: scrivilo come 192.168.1.20:8080.
c-origin-set = Ora i telefoni partecipano da { $origin }. Il codice QR è aggiornato.
c-join-fold-hint-closed = + codice QR
c-origin-hint-set = I telefoni partecipano dall’indirizzo qui sotto. Cambialo se sono cambiati la sala o la rete; svuotalo per usare quello di questa pagina.

## Console: people

c-people = Persone: { $here } presenti, { $online } connesse
c-people-none = Ancora nessuno. Mostra il codice o il codice QR alla sala.
c-phone-on = , telefono connesso
c-phone-off = , telefono non connesso

## Console: notes feed

c-feed-count = Note ({ $count })
c-feed-show-new = Mostra { $count } nuove
c-feed-resume = Riprendi il flusso
c-feed-empty = Le note dei tavoli appaiono qui man mano che vengono scritte.
c-feed-meta = giro { $round } · { $name }

## Console: round bar

c-planned = Tavoli pianificati: i telefoni indicano dove andare.
c-added-minutes = { $minutes ->
        [one] Aggiunto { $minutes } minuto.
       *[other] Aggiunti { $minutes } minuti.
    }
c-end-confirm = Terminare ora questo giro?
c-close-confirm = Chiudere il café per sempre? Dopo nessuno potrà partecipare o scrivere.
c-timer-paused = (in pausa)
c-phase = { $state ->
        [lobby] Accoglienza: giro 1 di { $total } non iniziato
        [running] Giro { $round } di { $total } in corso
        [paused] Giro { $round } di { $total } in pausa
        [betweenRounds] Il giro { $round } di { $total } è finito
        [allOver] Tutti i { $total } giri sono finiti
        [harvest] Raccolto
       *[closed] Chiuso
    }
c-question = D{ $round }: { $question }
c-start-round-n = Avvia il giro { $round }
c-replan = Ripianifica i tavoli
c-round-started = È iniziato il giro { $round }: { $people ->
        [one] { $people } persona
       *[other] { $people } persone
    } a { $tables ->
        [one] { $tables } tavolo
       *[other] { $tables } tavoli
    }.
c-round-over = Il giro { $round } è finito. I telefoni mostrano i tavoli del giro { $next }.
c-last-round-over = Il giro { $round } è finito: era l’ultimo. Apri il raccolto quando la sala è pronta.
c-harvest-open = Il raccolto è aperto: i telefoni e la parete mostrano le note.
c-cafe-closed = Il café è chiuso. I telefoni mostrano il modulo di opinione.

## Console: suggested themes

c-suggest-looking = Ricerca di temi nelle note…
c-suggest-nothing = Nessuna nota senza tema: ogni nota sulla parete è già in un tema.
c-suggest-none = { $count ->
        [one] Nessun raggruppamento trovato tra { $count } nota senza tema. Crea i temi a mano.
       *[other] Nessun raggruppamento trovato tra { $count } note senza tema. Crea i temi a mano.
    }
c-suggest-found = { $count ->
        [one] { $count } tema suggerito
       *[other] { $count } temi suggeriti
    } da { $notes } note senza tema. Accetta quelli adatti.
c-suggest-accepted = { $count ->
        [one] Tema «{ $name }» creato con { $count } nota.
       *[other] Tema «{ $name }» creato con { $count } note.
    }
c-suggested-label = Tema suggerito { $name }
c-suggest-words = Parole: { $words }
c-accept = Accetta
c-accept-label = Accetta { $name }
c-dismiss = Scarta
c-dismiss-label = Scarta { $name }

## Console: table map

c-map-no-tables-yet = Ancora nessun tavolo. «Pianifica i tavoli ora» siede tutti così i telefoni mostrano il tavolo prima del giro 1; «Avvia il giro 1» pianifica da solo.
c-map-no-tables = Nessun tavolo adesso.
c-map-preview = Anteprima: chi va dove nel giro { $round }. Tocca una persona per spostarla o renderla ospite; le tue modifiche restano.
c-map-now = Giro { $round } in corso. Tocca una persona per spostarla o renderla ospite.
c-map-heading-plan = Tavoli: piano del giro { $round }
c-map-heading-round = Tavoli: giro { $round }
c-not-seated = Senza tavolo
c-map-table-label = Tavolo { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } persona
       *[other] { $people } persone
    } per { $seats } posti
c-move-here = Sposta qui
c-person-picked = { $name } scelto: scegli «Sposta qui» su un tavolo, oppure usa la barra sopra la mappa.
c-phone-on-title = telefono connesso
c-phone-off-title = telefono non connesso
c-table-empty = Tavolo { $table } (vuoto)
c-at-table = al tavolo { $table }
c-unseated = (senza tavolo)
c-move-to = Sposta a
c-move = Sposta
c-make-host = Rendi ospite
c-moved = { $name } ora è al tavolo { $table }.
c-now-hosts = { $name } ora ospita il tavolo.

## Console: dot-voting

c-dots-wrong = Dai a ogni persona da 1 a 20 bollini.
c-dots-changed = { $dots ->
        [one] Ora ognuno ha { $dots } bollino.
       *[other] Ora ognuno ha { $dots } bollini.
    }
c-voting-opened = { $dots ->
        [one] La votazione è aperta: { $dots } bollino a testa.
       *[other] La votazione è aperta: { $dots } bollini a testa.
    }
c-voting-closed = La votazione è chiusa: i totali sono definitivi.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] La votazione è aperta: { $dots } bollino a persona.
           *[other] La votazione è aperta: { $dots } bollini a persona.
        }
        [closed] La votazione è chiusa.
       *[notOpen] La votazione non è ancora aperta.
    }
c-change-dots = Cambia i bollini
c-open-voting-again = Riapri la votazione
c-no-dots = Ancora nessun bollino.
c-rank-note = nota:
`;
