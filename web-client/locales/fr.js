// Français. A Fluent resource with exactly the messages of en.js (a test checks it).
export default String.raw`
## Every view

status-connecting = Connexion…
status-connected = Connecté
status-reconnecting = Reconnexion…
status-offline = Hors ligne
status-stopped = Déconnecté
language-picker =
    .aria-label = Langue
optional = (facultatif)
someone = Quelqu’un
you = Vous

colour-red = rouge
colour-blue = bleue
colour-green = verte
colour-purple = violette
colour-orange = orange
colour-teal = bleu canard
colour-pink = rose
colour-brown = marron
colour-indigo = indigo
colour-olive = olive
colour-slate = ardoise
colour-sky-blue = bleu ciel

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Pas de connexion : réessayez quand l’indicateur affiche « Connecté ».
error-badMessage = L’application a envoyé quelque chose que le serveur n’a pas compris. Rechargez la page et réessayez.
error-tooLarge = C’est trop long pour être envoyé.
error-invalidInput = Vérifiez votre saisie : un champ est vide, trop long ou hors limites.
error-notAuthenticated = Pas encore connecté : attendez un instant et réessayez.
error-badCredentials = Ce lien ou cette clé n’est pas (ou plus) valable.
error-forbidden = Vous n’avez pas le droit de faire cela.
error-notFound = Cela n’existe plus.
error-wrongPhase = Ce n’est pas possible à ce stade du café.
error-notSeated = Vous n’avez pas encore de table : attendez votre table, puis réessayez.
error-noteIdTaken = La note n’a pas pu être enregistrée : envoyez-la à nouveau.
error-overBudget = Vous n’avez plus de gommettes. Retirez-en d’abord une ailleurs.
error-cafeFull = Ce café est complet : adressez-vous à l’animateur ou l’animatrice.
error-rateLimited = Trop de choses à la fois : attendez quelques secondes et réessayez.
error-unavailable = Le serveur est occupé. Attendez un instant et réessayez.
error-internal = Une erreur s’est produite sur le serveur. Réessayez ; si cela se reproduit, prévenez l’animation.

## Phone: joining

phone-page-title = Flamingo : rejoindre un café
join-page-title = Rejoindre { $title }
phone-title = { $title } : votre table
join-heading = Rejoindre le café
join-code-label = Code affiché au mur
join-name-label = Votre nom
join-org-label = Organisation
join-role-label = Fonction
join-button = Rejoindre
join-code-missing = Saisissez le code affiché au mur.
join-name-missing = Saisissez votre nom, pour que votre table sache qui vous êtes.
join-no-such-code = Aucun café n’a le code { $code }. Vérifiez le code au mur et saisissez-le à nouveau.
join-closed = Ce café est fermé : il n’accueille plus personne.
join-full = Ce café est complet : adressez-vous à l’animation.
join-busy = Le serveur est occupé. Attendez un instant et appuyez à nouveau sur « Rejoindre ».
join-too-long = Vérifiez votre nom, votre organisation et votre fonction : chacun doit être plus court.
session-not-in-cafe = Vous ne faites plus partie de ce café. Rejoignez-le à nouveau pour participer.
session-left = Vous avez quitté ce café. Rejoignez-le à nouveau pour participer.
session-refused = La connexion a été refusée. Rechargez la page pour réessayer.

## Phone: the table card

clock-region =
    .aria-label = Temps restant
clock-paused = En pause
clock-up = Le temps est écoulé
clock-left = restant dans ce tour
card-before = Avant le tour 1 sur { $total }
card-table = Table { $table }
card-you-are-in = Vous y êtes
card-go-when-starts = Rendez-vous à cette table au début du tour 1.
card-wait-start = Attendez que l’animation lance le tour 1. Votre table s’affichera ici.
card-round-of = Tour { $round } sur { $total }
card-finding = Recherche d’une table…
card-finding-detail = Vous aurez une table dans un instant.
card-round-over = Le tour { $round } sur { $total } est terminé
card-last-round = C’était le dernier tour
card-stay-for-harvest = Merci ! Restez pour la récolte.
card-next-go-to = Le tour { $round } est terminé. Pour le tour { $next }, allez à
card-next-table = Votre prochaine table…
card-next-detail = Elle s’affichera ici dans un instant.
card-rounds-over = Les tours sont terminés
card-thank-you = Merci
card-closed = Ce café est fermé.
card-harvest = { $voting ->
        [open] La récolte a commencé : le vote est ouvert, donnez vos gommettes ci-dessous.
        [closed] La récolte a commencé : le vote est clos, regardez au mur ce que la salle a choisi.
       *[other] La récolte a commencé : regardez le mur, et votez ci-dessous quand le vote s’ouvrira.
    }
card-colour = Table { $colour }.
card-will-host = Vous animerez cette table
card-hosting = Vous animez cette table
card-question = La question
card-round-question = Question du tour { $round }
mates-heading = À votre table
mates-heading-next = À votre prochaine table
mates-nobody = Personne d’autre pour l’instant
mates-host = hôte

## Phone: notes

note-label = Ajouter une note
note-add = Ajouter la note
notes-list =
    .aria-label = Notes de ce tour
notes-heading = Notes de la table { $table }, tour { $round }
notes-heading-yours = Vos notes
notes-none = Pas encore de notes. L’hôte les écrit d’habitude ; tout le monde à la table peut le faire.
note-state = { $state ->
        [saved] ✓ Enregistrée
        [sending] Envoi…
        [pending] En attente d’envoi
       *[failed] Non enregistrée
    }
note-saved = Votre note est enregistrée.
note-not-saved = Votre note n’a pas été enregistrée : { $problem }
note-count = { $count } sur { $max } caractères
note-cut = Une note contient au plus { $max } caractères : la fin de ce que vous avez tapé ou collé a été coupée.
note-only-spaces = Une note faite d’espaces n’est pas envoyée : écrivez quelques mots.
note-empty = Écrivez d’abord votre note.
note-remove = Retirer
outbox-kept = { $count ->
        [one] { $count } note gardée sur ce téléphone ; elle sera envoyée quand la connexion reviendra.
       *[other] { $count } notes gardées sur ce téléphone ; elles seront envoyées quand la connexion reviendra.
    }
outbox-sending = { $count ->
        [one] Envoi de { $count } note…
       *[other] Envoi de { $count } notes…
    }
outbox-not-kept = Ce navigateur ne garde pas les notes après un rechargement (navigation privée ?). Gardez cette page ouverte jusqu’à leur envoi.
recap-heading = Plus tôt à cette table
recap-hint = Servez-vous-en pour accueillir les nouveaux venus et résumer ce qui a été dit.
recap-meta = Tour { $round } · { $name }

## Phone: alerts and news

alert-next = Ensuite : table { $table }, { $colour }.
alert-look-here = Votre prochaine table s’affichera ici.
alert-time-up = Le temps est écoulé : le tour { $round } est terminé.
alert-message = Message de l’animation : { $text }
alert-one-minute = Plus qu’une minute dans le tour { $round }.
alert-broadcast = De l’animation : { $text }
bar-table = Table { $table }
bar-next-table = Ensuite : table { $table }
news-table = table { $table }, { $colour }.
news-will-host = Vous l’animerez.
news-hosting = Vous l’animez.
news-closed = Ce café est fermé. Merci ! Dites-nous ce que vous en avez pensé dans le formulaire ci-dessous.
news-harvest = Les tours sont terminés et la récolte a commencé : regardez le mur.
news-voting-open = Le vote est ouvert : donnez vos gommettes à ce qui compte le plus.
news-voting-closed = Le vote est clos.
news-go-to = allez à la { $where }
news-table-soon = votre table s’affichera dans un instant.
news-round-started = Le tour { $round } a commencé : { $where }
news-paused = Le tour { $round } est en pause.
news-resumed = Le tour { $round } reprend.
news-moved = Vous avez été déplacé : allez à la { $where }
news-now-host = Vous animez maintenant la table { $table }.
news-next-round = Pour le tour { $round }, allez à la { $where }
pill-closed = Le café est fermé ↓
pill-harvest = La récolte a commencé ↓
pill-voting-open = Le vote est ouvert ↓
pill-voting-closed = Le vote est clos ↓
pill-round-table = Tour { $round } : table { $table } ↑
pill-round-started = Le tour { $round } a commencé ↑
pill-new-table = Nouvelle table : { $table } ↑
pill-host = Vous animez la table ↑
pill-next-table = Prochaine table : { $table } ↑
pill-time-up = Le temps est écoulé ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Récolte : qu’est-ce qui compte le plus ?
harvest-themes = Thèmes
harvest-your-notes = Notes de vos tables
harvest-commitments = Engagements communs
vote-no-dots = Vous n’avez plus de gommettes. Retirez-en d’abord une ailleurs.
vote-offline = Pas de connexion : votre gommette sera envoyée quand la connexion reviendra.
vote-not-open = Le vote n’est pas ouvert en ce moment.
vote-your-dots = Vos gommettes sur { $label }
vote-minus = Retirer une gommette de { $label }
vote-plus = Donner une gommette à { $label }
vote-dots-word = { $count ->
        [one] gommette
       *[other] gommettes
    }
vote-state = { $state ->
        [open] Le vote est ouvert : donnez vos gommettes à ce qui compte le plus. Vous pouvez les reprendre jusqu’à la clôture du vote.
        [closed] Le vote est clos. Merci !
       *[other] Le vote n’est pas encore ouvert. Regardez les thèmes ; l’animation ouvrira le vote.
    }
vote-none-left = Plus de gommettes (vous avez donné les { $dots }).
vote-left = { $left ->
        [one] { $left } gommette sur { $dots } restante
       *[other] { $left } gommettes sur { $dots } restantes
    }
vote-no-themes = Pas encore de thèmes.
vote-theme-notes = { $count ->
        [one] { $count } note
       *[other] { $count } notes
    }
vote-the-theme = le thème { $name }
vote-no-notes = Aucune note de vos tables.
vote-note-where = Tour { $round }, table { $table }
vote-note-where-theme = Tour { $round }, table { $table } · dans { $theme }
vote-the-note = la note { $text }
commitment-due = pour le { $date }
feedback-heading = Comment c’était ?
feedback-anonymous = Vos réponses sont anonymes.
feedback-answer-one = Répondez à au moins une question.
feedback-sending = Envoi…
feedback-thanks = Merci — vous pouvez modifier vos réponses.
feedback-offline = Pas de connexion : réessayez dans un instant.
feedback-update = Modifier mes réponses
feedback-send = Envoyer mes réponses
rating-word = { $value ->
        [1] pas du tout
        [2] un peu
        [3] moyennement
        [4] plutôt
       *[5] beaucoup
    }

## Wall

wall-page-title = Mur Flamingo
wall-title = { $title } : mur
wall-fullscreen = Plein écran
wall-qr =
    .alt = QR code pour rejoindre ce café
wall-join-heading = Rejoignez depuis votre téléphone
wall-code = Code
wall-themes-empty = Les thèmes apparaîtront ici à mesure que la salle les trouve.
wall-board-empty = Les notes des tables apparaîtront ici.
wall-notes-by-table = Notes par table
wall-not-in-theme = Pas encore dans un thème
wall-refused = Ce mur ne peut pas afficher le café : { $problem }
wall-no-code = Ouvrez ce mur depuis la console d’animation.
wall-here = { $count ->
        [one] { $count } personne présente
       *[other] { $count } personnes présentes
    }
wall-join-at = Rejoindre : { $url }
wall-starts-soon = Le tour 1 sur { $total } commence bientôt
wall-paused = Tour { $round } sur { $total } · en pause
wall-between = Le tour { $round } est terminé · ensuite : tour { $next }
wall-last-over = Le dernier tour est terminé
wall-harvest = Récolte : ce qui a émergé
wall-closed = Ce café est fermé
wall-clock-paused = en pause
wall-clock-up = temps écoulé
wall-clock-left = restant
wall-pages = Tables { $first }–{ $last } sur { $tables } · page { $page } sur { $pages }
wall-table-in-round = Table { $table } au tour { $round }
wall-round-notes = tour { $round } · { $notes }
wall-ranked = classés par gommettes (sur le thème et ses notes) · { $voting ->
        [open] vote ouvert
       *[closed] vote clos
    }
wall-more = et { $count } de plus
dots = { $count ->
        [one] { $count } gommette
       *[other] { $count } gommettes
    }
commitment-owner = Responsable : { $owner }
commitment-due-on = Échéance { $date }
commitment-themes = Thèmes : { $themes }

## Printable report

report-page-title = Flamingo : compte rendu
report-print = Imprimer ou enregistrer en PDF
report-loading = Chargement du compte rendu…
report-no-key = Ce navigateur n’a pas la clé de ce café. Ouvrez le compte rendu depuis la console d’animation, sur l’ordinateur qui fait tourner le café.
report-failed = Le compte rendu n’a pas pu être chargé : { $problem }
report-title = { $title } : compte rendu
report-someone-left = une personne partie
report-meta = { $when } · { $participants ->
        [one] { $participants } participant
       *[other] { $participants } participants
    } · { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }
report-anonymous = noms omis
report-questions = Questions
report-question = { $question } ({ $minutes } min)
report-round = Tour { $round } : { $question }
report-not-played = Ce tour n’a pas eu lieu.
report-hosted-by = animée par { $name }
report-at-table = À la table : { $names }
report-no-notes = Aucune note.
report-who-where = Qui était où
report-participant = Participant
report-round-column = Tour { $round }
report-seat = { $table }
report-seat-host = { $table } (hôte)
report-theme-note-by = { $name }, tour { $round }, table { $table }
report-commitments = Engagements
report-no-commitments = Aucun engagement noté.
report-answers = répond à { $themes }
report-feedback = Avis
report-no-feedback = Pas encore d’avis.
report-forms = { $count ->
        [one] { $count } formulaire rendu, sans noms.
       *[other] { $count } formulaires rendus, sans noms.
    }
report-no-ratings = Aucune note attribuée.
report-rating = { $average } sur 5 d’après { $count ->
        [one] { $count } évaluation
       *[other] { $count } évaluations
    } ({ $spread })
report-no-answers = Aucune réponse.

## Console: the page

c-page-title = Flamingo : console d’animation
c-wall-link = Ouvrir le mur
c-home-link = Tous les cafés
c-start-heading = Animer un World Café
c-start-lead = Créez un café, montrez le code à la salle, et chacun le rejoint depuis son téléphone. Flamingo place les gens aux tables, tour après tour.
c-mine-heading = Vos cafés sur cet ordinateur
c-create-heading = Nouveau café
c-title-label = Titre
c-people-per-table = Personnes par table
c-tables-in-the-room = Tables dans la salle
c-rounds = Tours
c-add-round = Ajouter un tour
c-create-cafe = Créer le café
c-reopen-heading = Animer un café depuis cet appareil
c-reopen-hint = Collez le lien de la console, ou l’identifiant du café et la clé d’animation, que la console a affichés sur l’appareil qui a créé le café.
c-reopen-cafe-label = Lien de la console ou identifiant du café
c-facilitator-key = Clé d’animation
c-not-needed-with-a = (inutile avec un lien)
c-open-the-console = Ouvrir la console
c-console-heading = Console d’animation
c-round-heading = Tour
c-start-round = Lancer le tour
c-plan = Planifier les tables
c-pause = Pause
c-resume = Reprendre
c-plus1 = +1 minute
c-plus5 = +5 minutes
c-end-round = Terminer le tour
c-harvest = Ouvrir la récolte
c-close = Fermer le café
c-message-to-every-phone = Message à tous les téléphones et au mur
c-broadcast = Diffuser
c-harvest-heading = Récolte
c-hv-notes-heading = Notes par tour et par table
c-hv-themes-heading = Thèmes
c-name-of-a-new = Nom d’un nouveau thème
c-create-theme = Créer le thème
c-suggest = Suggérer des thèmes
c-hv-voting-heading = Vote par gommettes
c-dots-per-person = Gommettes par personne
c-open-voting = Ouvrir le vote
c-close-voting = Clore le vote
c-hv-commitments-heading = Engagements communs
c-what-the-room-commits = Ce à quoi la salle s’engage
c-owner = Responsable
c-due = Échéance
c-themes-it-answers = Thèmes auxquels il répond
c-commitment-save = Ajouter l’engagement
c-commitment-cancel = Annuler la modification
c-tables-heading = Tables
c-join-heading = Rejoindre
c-code = Code
c-join-fold-hint = et QR code
c-join-url = Adresse pour rejoindre
c-origin-hint = Les téléphones ne peuvent pas joindre localhost. Indiquez l’adresse réseau de cet ordinateur (par exemple 192.168.1.20:8080) pour que le QR code fonctionne :
c-address-phones-use-to = Adresse par laquelle les téléphones joignent cet ordinateur
c-use = Utiliser
c-key-box = Animer ce café depuis un autre appareil
c-open-this-link-there = Ouvrez ce lien là-bas (gardez-le privé : c’est la clé du café) :
c-copy-link = Copier le lien
c-share-a-co-facilitator = Partager un lien de co-animation
c-a-co-facilitator-can = Une co-animation peut tout faire comme vous, sauf fermer le café et partager des clés. Un nouveau lien remplace le précédent.
c-cofac-share = Partager un lien de co-animation
c-cofac-copy = Copier le lien de co-animation
c-cofac-revoke = Révoquer le lien de co-animation
c-cofac-role = Vous êtes en co-animation : c’est l’animation qui ferme le café.
c-people-heading = Personnes
c-feed-heading = Notes
c-feed-pause = Mettre le fil en pause
c-export-heading = Emporter la récolte
c-everything-posted-so-far = Tout ce qui a été écrit jusqu’ici, à tout moment. Les notes retirées du mur restent dehors.
c-leave-names-out = Sans les noms
c-report-markdown = Compte rendu (Markdown)
c-notes-csv = Notes (CSV)
c-everything-json = Tout (JSON)
c-report-link = Compte rendu imprimable
c-fb-heading = Formulaire d’avis
c-fb-hint = Les téléphones affichent ces questions à la fermeture du café. Les réponses sont anonymes.
c-fb-add = Ajouter une question
c-fb-save = Enregistrer le formulaire
c-title-input =
    .placeholder = Travailler par-delà les frontières
c-tables =
    .placeholder = sans limite
c-round-controls =
    .aria-label = Commandes du tour
c-theme-name =
    .placeholder = Nom d’un nouveau thème
c-suggest-progress =
    .aria-label = Recherche de thèmes
c-vote-ranking =
    .aria-label = Classement par gommettes
c-qr =
    .alt = QR code avec l’adresse pour rejoindre

## Console: broadcast

c-sent-to-everyone = Envoyé à tout le monde.
c-last-message = Dernier message : { $text }

## Console: co-facilitator link

c-cofac-replace = Un nouveau lien désactive le lien de co-animation actuel. En créer un nouveau ?
c-cofac-making = Création du lien…
c-cofac-made = Envoyez ce lien à votre co-animation ; gardez-le privé.
c-cofac-make-failed = Le lien n’a pas pu être créé : { $problem }
c-copied = Copié.
c-copy-by-hand = Sélectionnez le lien et copiez-le à la main.
c-cofac-revoke-confirm = Révoquer le lien de co-animation ? La personne qui l’utilise est déconnectée aussitôt.
c-cofac-revoked = Révoqué : le lien de co-animation ne fonctionne plus.
c-cofac-revoke-failed = Révocation impossible : { $problem }
c-cofac-new = Créer un nouveau lien de co-animation

## Console: commitments

c-commitment-empty = Écrivez ce à quoi la salle s’engage.
c-commitment-updated = Engagement modifié.
c-commitment-added = Engagement ajouté : il est au mur.
c-commitment-save-changes = Enregistrer les modifications
c-no-commitments = Pas encore d’engagements.
c-edit = Modifier
c-delete = Supprimer
c-commitment-delete-confirm = Supprimer cet engagement ?
c-commitment-deleted = Engagement supprimé.
c-no-owner = Pas encore de responsable

## Console: start screen

c-default-question-1 = Qu’est-ce qui freine le travail entre nos organisations ?
c-default-question-2 = Qu’avez-vous vu fonctionner ailleurs ?
c-default-question-3 = À quoi nous engageons-nous ensemble ?
c-title-missing = Donnez un titre au café.
c-table-size-wrong = Personnes par table : un nombre entier de 3 à 8.
c-tables-wrong = Tables dans la salle : un nombre entier de 1 à 1 000, ou laissez vide.
c-round-question-missing = Le tour { $round } a besoin d’une question.
c-round-minutes-wrong = Le tour { $round } dure de 1 à 240 minutes.
c-server-unreachable = Impossible de joindre le serveur Flamingo. Est-il lancé ?
c-reopen-missing = Collez le lien de la console, ou à la fois l’identifiant du café et la clé.
c-mine-code = code { $code }
c-minutes = Minutes
c-round-up = Monter le tour { $round }
c-round-down = Descendre le tour { $round }
c-round-remove = Retirer le tour { $round }
c-round-minutes = Minutes du tour { $round }

## Console: opening a café

c-swap-key-confirm = Ce navigateur anime ce café. Ouvrir plutôt ce lien en co-animation ? Le navigateur oubliera alors la clé d’animation (gardez votre lien de console pour la retrouver).
c-no-key = Ce navigateur n’a pas la clé de ce café. Collez son lien de console.
c-key-revoked = Cette clé n’ouvre plus le café : le lien de co-animation a été remplacé ou révoqué. Demandez-en un nouveau à l’animation.
c-bad-key = Cet identifiant et cette clé ne correspondent à aucun café de ce serveur.
c-title = { $title } : console

## Console: export

c-export-preparing = Préparation du téléchargement…
c-export-saved = { $file } enregistré.
c-export-failed = Export impossible : { $problem }
c-server-answered = Le serveur a répondu { $status }.

## Console: harvest requests

c-suggest-unavailable = Les suggestions ne sont pas disponibles sur ce serveur.
c-server-unreachable-retry = Impossible de joindre le serveur. Réessayez dans un instant.

## Console: feedback form

c-fb-prompt-missing = Chaque question a besoin d’un intitulé (ou retirez-la).
c-fb-saved = Formulaire d’avis enregistré.
c-fb-count = { $count ->
        [one] { $count } personne a rempli le formulaire d’avis.
       *[other] { $count } personnes ont rempli le formulaire d’avis.
    }
c-fb-hint-closed = Les réponses sont dans l’export, sans noms.
c-fb-none = Aucune question : les téléphones n’afficheront pas de formulaire.
c-fb-kind = Type de la question { $n }
c-fb-rating = Note de 1 à 5
c-fb-text = Texte libre
c-fb-question = Question { $n }
c-fb-up = Monter la question { $n }
c-fb-down = Descendre la question { $n }
c-fb-remove = Retirer la question { $n }

## Console: harvest board

c-theme-name-missing = Donnez un nom au thème.
c-theme-created = Thème « { $name } » créé.
c-theme-created-with-note = Thème « { $name } » créé avec la note choisie.
c-pick-label = Choisir « { $text } » pour la mettre dans un thème
c-picked-label = « { $text } » choisie pour être mise dans un thème
c-note-put-in = Note placée dans « { $name } ».
c-note-taken-out = Note retirée de son thème.
c-harvest-final = Le café est fermé : la récolte est définitive.
c-harvest-hint = Choisissez une note, puis « Placer ici » sur un thème, ou glissez une note sur un thème. Les téléphones votent par gommettes une fois le vote ouvert.
c-pick = Choisir
c-picked = Choisie
c-picked-bar = Choisie :
c-pick-now = Choisissez maintenant « Placer ici » sur un thème, ou créez un thème pour elle.
c-cancel = Annuler
c-save = Enregistrer
c-no-notes-written = Aucune note n’a été écrite.
c-round-colon = Tour { $round } :
c-in-theme = dans { $name }
c-off-wall = hors du mur
c-take-out-of-theme = Retirer du thème
c-note-back-on-wall = La note est de retour au mur.
c-note-off-wall = La note est retirée du mur.
c-show-on-wall = Afficher au mur
c-hide-from-wall = Retirer du mur
c-no-themes-yet = Pas encore de thèmes. Nommez-en un ci-dessus, ou demandez des suggestions.
c-no-themes = Aucun thème.
c-theme-label = Thème { $name }
c-put-here = Placer ici
c-drop-here = Déposez des notes ici, ou choisissez une note puis « Placer ici ».
c-take-out = Retirer
c-take-out-label = Retirer « { $text } » de { $name }
c-theme-more = et { $count } de plus (marquées « dans { $name } » parmi les notes)
c-rename = Renommer
c-rename-label = Renommer { $name }
c-delete-label = Supprimer { $name }
c-theme-delete-confirm = Supprimer le thème « { $name } » ? Ses notes restent ; les gommettes sur le thème sont perdues.
c-dots-on-theme = { $count ->
        [one] { $count } gommette sur le thème
       *[other] { $count } gommettes sur le thème
    }
c-new-name = Nouveau nom pour { $name }
c-renamed = Renommé en « { $name } ».
c-theme-deleted = Thème « { $name } » supprimé.

## Console: join panel

c-origin-wrong = Cela ne ressemble pas à une adresse : saisissez-la sous la forme 192.168.1.20:8080.
c-origin-set = Les téléphones rejoignent désormais via { $origin }. Le QR code est à jour.
c-join-fold-hint-closed = + QR code
c-origin-hint-set = Les téléphones rejoignent à l’adresse ci-dessous. Modifiez-la si la salle ou le réseau a changé ; videz-la pour utiliser celle de cette page.

## Console: people

c-people = Personnes : { $here } présentes, { $online } connectées
c-people-none = Personne pour l’instant. Montrez le code ou le QR code à la salle.
c-phone-on = , téléphone connecté
c-phone-off = , téléphone non connecté

## Console: notes feed

c-feed-count = Notes ({ $count })
c-feed-show-new = Afficher { $count } nouvelles
c-feed-resume = Reprendre le fil
c-feed-empty = Les notes des tables apparaissent ici au fur et à mesure.
c-feed-meta = tour { $round } · { $name }

## Console: round bar

c-planned = Tables planifiées : les téléphones indiquent où aller.
c-added-minutes = { $minutes ->
        [one] { $minutes } minute ajoutée.
       *[other] { $minutes } minutes ajoutées.
    }
c-end-confirm = Terminer ce tour maintenant ?
c-close-confirm = Fermer le café définitivement ? Plus personne ne pourra rejoindre ni écrire.
c-timer-paused = (en pause)
c-phase = { $state ->
        [lobby] Accueil : tour 1 sur { $total } pas encore commencé
        [running] Tour { $round } sur { $total } en cours
        [paused] Tour { $round } sur { $total } en pause
        [betweenRounds] Le tour { $round } sur { $total } est terminé
        [allOver] Les { $total } tours sont terminés
        [harvest] Récolte
       *[closed] Fermé
    }
c-question = Q{ $round } : { $question }
c-start-round-n = Lancer le tour { $round }
c-replan = Replanifier les tables
c-round-started = Le tour { $round } a commencé : { $people ->
        [one] { $people } personne
       *[other] { $people } personnes
    } à { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    }.
c-round-over = Le tour { $round } est terminé. Les téléphones affichent les tables du tour { $next }.
c-last-round-over = Le tour { $round } est terminé : c’était le dernier. Ouvrez la récolte quand la salle est prête.
c-harvest-open = La récolte est ouverte : les téléphones et le mur affichent les notes.
c-cafe-closed = Le café est fermé. Les téléphones affichent le formulaire d’avis.

## Console: suggested themes

c-suggest-looking = Recherche de thèmes dans les notes…
c-suggest-nothing = Aucune note hors thème : chaque note au mur est déjà dans un thème.
c-suggest-none = { $count ->
        [one] Aucun regroupement trouvé parmi { $count } note hors thème. Créez les thèmes à la main.
       *[other] Aucun regroupement trouvé parmi { $count } notes hors thème. Créez les thèmes à la main.
    }
c-suggest-found = { $count ->
        [one] { $count } thème suggéré
       *[other] { $count } thèmes suggérés
    } à partir de { $notes } notes hors thème. Acceptez ceux qui conviennent.
c-suggest-accepted = { $count ->
        [one] Thème « { $name } » créé avec { $count } note.
       *[other] Thème « { $name } » créé avec { $count } notes.
    }
c-suggested-label = Thème suggéré { $name }
c-suggest-words = Mots : { $words }
c-accept = Accepter
c-accept-label = Accepter { $name }
c-dismiss = Écarter
c-dismiss-label = Écarter { $name }

## Console: table map

c-map-no-tables-yet = Pas encore de tables. « Planifier les tables » place tout le monde pour que les téléphones montrent leur table avant le tour 1 ; « Lancer le tour 1 » planifie tout seul.
c-map-no-tables = Aucune table pour l’instant.
c-map-preview = Aperçu : qui va où au tour { $round }. Touchez une personne pour la déplacer ou en faire l’hôte ; vos changements sont conservés.
c-map-now = Tour { $round } en cours. Touchez une personne pour la déplacer ou en faire l’hôte.
c-map-heading-plan = Tables : plan du tour { $round }
c-map-heading-round = Tables : tour { $round }
c-not-seated = Sans table
c-map-table-label = Table { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } personne
       *[other] { $people } personnes
    } pour { $seats } places
c-move-here = Déplacer ici
c-person-picked = { $name } choisi·e : choisissez « Déplacer ici » sur une table, ou utilisez la barre au-dessus du plan.
c-phone-on-title = téléphone connecté
c-phone-off-title = téléphone non connecté
c-table-empty = Table { $table } (vide)
c-at-table = à la table { $table }
c-unseated = (sans table)
c-move-to = Déplacer vers
c-move = Déplacer
c-make-host = Nommer hôte
c-moved = { $name } est maintenant à la table { $table }.
c-now-hosts = { $name } anime maintenant la table.

## Console: dot-voting

c-dots-wrong = Donnez à chaque personne de 1 à 20 gommettes.
c-dots-changed = { $dots ->
        [one] Chacun a maintenant { $dots } gommette.
       *[other] Chacun a maintenant { $dots } gommettes.
    }
c-voting-opened = { $dots ->
        [one] Le vote est ouvert : { $dots } gommette chacun.
       *[other] Le vote est ouvert : { $dots } gommettes chacun.
    }
c-voting-closed = Le vote est clos : les totaux sont définitifs.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] Le vote est ouvert : { $dots } gommette par personne.
           *[other] Le vote est ouvert : { $dots } gommettes par personne.
        }
        [closed] Le vote est clos.
       *[notOpen] Le vote n’est pas encore ouvert.
    }
c-change-dots = Changer les gommettes
c-open-voting-again = Rouvrir le vote
c-no-dots = Pas encore de gommettes.
c-rank-note = note :
`;
