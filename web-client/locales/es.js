// Español. A Fluent resource with exactly the messages of en.js (a test checks it).
export default String.raw`
## Every view

status-connecting = Conectando…
status-connected = Conectado
status-reconnecting = Reconectando…
status-offline = Sin conexión
status-stopped = Desconectado
language-picker =
    .aria-label = Idioma
optional = (opcional)
someone = Alguien
you = Tú

colour-red = roja
colour-blue = azul
colour-green = verde
colour-purple = morada
colour-orange = naranja
colour-teal = verde azulado
colour-pink = rosa
colour-brown = marrón
colour-indigo = añil
colour-olive = oliva
colour-slate = pizarra
colour-sky-blue = celeste

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Sin conexión: inténtalo de nuevo cuando el indicador diga «Conectado».
error-badMessage = La aplicación envió algo que el servidor no entendió. Recarga la página e inténtalo de nuevo.
error-tooLarge = Es demasiado largo para enviarlo.
error-invalidInput = Revisa lo que escribiste: algo está vacío, es demasiado largo o está fuera de rango.
error-notAuthenticated = Aún no has iniciado sesión: espera un momento e inténtalo de nuevo.
error-badCredentials = Este enlace o esta clave no es válido (o ya no lo es).
error-forbidden = No puedes hacer eso.
error-notFound = Eso ya no existe.
error-wrongPhase = Eso no se puede hacer en esta fase del café.
error-notSeated = Todavía no tienes mesa: espera a tu mesa y vuelve a intentarlo.
error-noteIdTaken = No se pudo guardar la nota: envíala de nuevo.
error-overBudget = No te quedan puntos. Quita primero uno de otra cosa.
error-cafeFull = Este café está lleno: pregunta a quien facilita.
error-rateLimited = Demasiado a la vez: espera unos segundos e inténtalo de nuevo.
error-unavailable = El servidor está ocupado. Espera un momento e inténtalo de nuevo.
error-internal = Algo falló en el servidor. Inténtalo de nuevo; si vuelve a pasar, avisa a quien facilita.

## Phone: joining

phone-page-title = Flamingo: unirse a un café
join-page-title = Unirse a { $title }
phone-title = { $title }: tu mesa
join-heading = Únete al café
join-code-label = Código de la pared
join-name-label = Tu nombre
join-org-label = Organización
join-role-label = Cargo
join-button = Unirme
join-code-missing = Escribe el código que aparece en la pared.
join-name-missing = Escribe tu nombre, para que tu mesa sepa quién eres.
join-no-such-code = Ningún café tiene el código { $code }. Revisa el código de la pared y escríbelo de nuevo.
join-closed = Este café está cerrado: ya no admite a nadie.
join-full = Este café está lleno: pregunta a quien facilita.
join-busy = El servidor está ocupado. Espera un momento y pulsa «Unirme» de nuevo.
join-too-long = Revisa tu nombre, organización y cargo: cada uno debe ser más corto.
session-not-in-cafe = Ya no estás en este café. Únete de nuevo para participar.
session-left = Has salido de este café. Únete de nuevo para participar.
session-refused = Se rechazó la conexión. Recarga la página para intentarlo de nuevo.

## Phone: the table card

clock-region =
    .aria-label = Tiempo restante
clock-paused = En pausa
clock-up = Se acabó el tiempo
clock-left = restantes en esta ronda
card-before = Antes de la ronda 1 de { $total }
card-table = Mesa { $table }
card-you-are-in = Ya estás dentro
card-go-when-starts = Ve a esta mesa cuando empiece la ronda 1.
card-wait-start = Espera a que se inicie la ronda 1. Tu mesa aparecerá aquí.
card-round-of = Ronda { $round } de { $total }
card-finding = Buscándote una mesa…
card-finding-detail = Tendrás mesa en un momento.
card-round-over = La ronda { $round } de { $total } ha terminado
card-last-round = Esa fue la última ronda
card-stay-for-harvest = ¡Gracias! Quédate para la cosecha.
card-next-go-to = La ronda { $round } ha terminado. Para la ronda { $next } ve a la
card-next-table = Tu próxima mesa…
card-next-detail = Aparecerá aquí en un momento.
card-rounds-over = Las rondas han terminado
card-thank-you = Gracias
card-closed = Este café está cerrado.
card-harvest = { $voting ->
        [open] La cosecha ha empezado: la votación está abierta, reparte tus puntos abajo.
        [closed] La cosecha ha empezado: la votación está cerrada, mira en la pared lo que eligió la sala.
       *[other] La cosecha ha empezado: mira la pared y vota abajo cuando se abra la votación.
    }
card-colour = Mesa { $colour }.
card-will-host = Serás anfitrión o anfitriona de esta mesa
card-hosting = Eres anfitrión o anfitriona de esta mesa
card-question = La pregunta
card-round-question = Pregunta de la ronda { $round }
mates-heading = En tu mesa
mates-heading-next = En tu próxima mesa
mates-nobody = Nadie más todavía
mates-host = anfitrión

## Phone: notes

note-label = Añade una nota
note-add = Añadir nota
notes-list =
    .aria-label = Notas de esta ronda
notes-heading = Notas de la mesa { $table }, ronda { $round }
notes-heading-yours = Tus notas
notes-none = Aún no hay notas. Suele escribirlas quien hace de anfitrión; cualquiera en la mesa puede hacerlo.
note-state = { $state ->
        [saved] ✓ Guardada
        [sending] Enviando…
        [pending] Pendiente de envío
       *[failed] No guardada
    }
note-saved = Tu nota está guardada.
note-not-saved = Tu nota no se guardó: { $problem }
note-count = { $count } de { $max } caracteres
note-cut = Una nota admite hasta { $max } caracteres: se recortó el resto de lo que escribiste o pegaste.
note-only-spaces = Una nota solo de espacios no se envía: escribe unas palabras.
note-empty = Escribe primero tu nota.
note-remove = Quitar
outbox-kept = { $count ->
        [one] { $count } nota guardada en este teléfono; se enviará cuando vuelva la conexión.
       *[other] { $count } notas guardadas en este teléfono; se enviarán cuando vuelva la conexión.
    }
outbox-sending = { $count ->
        [one] Enviando { $count } nota…
       *[other] Enviando { $count } notas…
    }
outbox-not-kept = Este navegador no conserva las notas al recargar (¿modo privado?). Mantén esta página abierta hasta que se envíen.
recap-heading = Antes en esta mesa
recap-hint = Úsalas para dar la bienvenida a quien llega y resumir lo que se dijo.
recap-meta = Ronda { $round } · { $name }

## Phone: alerts and news

alert-next = Siguiente: mesa { $table }, { $colour }.
alert-look-here = Tu próxima mesa aparecerá aquí.
alert-time-up = Se acabó el tiempo: la ronda { $round } ha terminado.
alert-message = Mensaje de quien facilita: { $text }
alert-one-minute = Queda un minuto de la ronda { $round }.
alert-broadcast = De quien facilita: { $text }
bar-table = Mesa { $table }
bar-next-table = Siguiente: mesa { $table }
news-table = mesa { $table }, { $colour }.
news-will-host = Serás anfitrión o anfitriona.
news-hosting = Eres anfitrión o anfitriona.
news-closed = Este café está cerrado. ¡Gracias! Cuéntanos qué tal en el formulario de abajo.
news-harvest = Las rondas han terminado y la cosecha ha empezado: mira la pared.
news-voting-open = La votación está abierta: da tus puntos a lo que más importa.
news-voting-closed = La votación está cerrada.
news-go-to = ve a la { $where }
news-table-soon = tu mesa aparecerá en un momento.
news-round-started = Empezó la ronda { $round }: { $where }
news-paused = La ronda { $round } está en pausa.
news-resumed = La ronda { $round } continúa.
news-moved = Te han cambiado de mesa: ve a la { $where }
news-now-host = Ahora eres anfitrión o anfitriona de la mesa { $table }.
news-next-round = Para la ronda { $round } ve a la { $where }
pill-closed = El café está cerrado ↓
pill-harvest = La cosecha ha empezado ↓
pill-voting-open = La votación está abierta ↓
pill-voting-closed = La votación está cerrada ↓
pill-round-table = Ronda { $round }: mesa { $table } ↑
pill-round-started = Empezó la ronda { $round } ↑
pill-new-table = Mesa nueva: { $table } ↑
pill-host = Eres anfitrión o anfitriona ↑
pill-next-table = Próxima mesa: { $table } ↑
pill-time-up = Se acabó el tiempo ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Cosecha: ¿qué importa más?
harvest-themes = Temas
harvest-your-notes = Notas de tus mesas
harvest-commitments = Compromisos comunes
vote-no-dots = No te quedan puntos. Quita primero uno de otra cosa.
vote-offline = Sin conexión: tu punto se enviará cuando vuelva la conexión.
vote-not-open = La votación no está abierta ahora.
vote-your-dots = Tus puntos en { $label }
vote-minus = Quitar un punto de { $label }
vote-plus = Dar un punto a { $label }
vote-dots-word = { $count ->
        [one] punto
       *[other] puntos
    }
vote-state = { $state ->
        [open] La votación está abierta: da tus puntos a lo que más importa. Puedes retirarlos hasta que se cierre.
        [closed] La votación está cerrada. ¡Gracias!
       *[other] La votación aún no está abierta. Mira los temas; quien facilita abrirá la votación.
    }
vote-none-left = No te quedan puntos (has dado los { $dots }).
vote-left = { $left ->
        [one] Te queda { $left } de { $dots } puntos
       *[other] Te quedan { $left } de { $dots } puntos
    }
vote-no-themes = Aún no hay temas.
vote-theme-notes = { $count ->
        [one] { $count } nota
       *[other] { $count } notas
    }
vote-the-theme = el tema { $name }
vote-no-notes = No hay notas de tus mesas.
vote-note-where = Ronda { $round }, mesa { $table }
vote-note-where-theme = Ronda { $round }, mesa { $table } · en { $theme }
vote-the-note = la nota { $text }
commitment-due = para el { $date }
feedback-heading = ¿Qué tal fue?
feedback-anonymous = Tus respuestas son anónimas.
feedback-answer-one = Responde al menos una pregunta.
feedback-sending = Enviando…
feedback-thanks = Gracias: puedes cambiar tus respuestas.
feedback-offline = Sin conexión: inténtalo de nuevo en un momento.
feedback-update = Actualizar mis respuestas
feedback-send = Enviar mis respuestas
rating-word = { $value ->
        [1] nada
        [2] un poco
        [3] algo
        [4] bastante
       *[5] mucho
    }

## Wall

wall-page-title = Pared de Flamingo
wall-title = { $title }: pared
wall-fullscreen = Pantalla completa
wall-qr =
    .alt = Código QR para unirse a este café
wall-join-heading = Únete desde tu teléfono
wall-code = Código
wall-themes-empty = Los temas aparecerán aquí a medida que la sala los encuentre.
wall-board-empty = Las notas de las mesas aparecerán aquí.
wall-notes-by-table = Notas por mesa
wall-not-in-theme = Aún sin tema
wall-refused = Esta pared no puede mostrar el café: { $problem }
wall-no-code = Abre esta pared desde la consola de facilitación.
wall-here = { $count ->
        [one] Hay { $count } persona
       *[other] Hay { $count } personas
    }
wall-join-at = Únete: { $url }
wall-starts-soon = La ronda 1 de { $total } empieza pronto
wall-paused = Ronda { $round } de { $total } · en pausa
wall-between = La ronda { $round } ha terminado · siguiente: ronda { $next }
wall-last-over = La última ronda ha terminado
wall-harvest = Cosecha: lo que surgió
wall-closed = Este café está cerrado
wall-clock-paused = en pausa
wall-clock-up = se acabó el tiempo
wall-clock-left = restantes
wall-pages = Mesas { $first }–{ $last } de { $tables } · página { $page } de { $pages }
wall-table-in-round = Mesa { $table } en la ronda { $round }
wall-round-notes = ronda { $round } · { $notes }
wall-ranked = ordenados por puntos (en el tema y sus notas) · { $voting ->
        [open] votación abierta
       *[closed] votación cerrada
    }
wall-more = y { $count } más
dots = { $count ->
        [one] { $count } punto
       *[other] { $count } puntos
    }
commitment-owner = Responsable: { $owner }
commitment-due-on = Fecha { $date }
commitment-themes = Temas: { $themes }

## Printable report

report-page-title = Flamingo: informe
report-print = Imprimir o guardar como PDF
report-loading = Cargando el informe…
report-no-key = Este navegador no tiene la clave de ese café. Abre el informe desde la consola de facilitación, en el portátil que lo ejecuta.
report-failed = No se pudo cargar el informe: { $problem }
report-title = { $title }: informe
report-someone-left = alguien que se fue
report-meta = { $when } · { $participants ->
        [one] { $participants } participante
       *[other] { $participants } participantes
    } · { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    }
report-anonymous = sin nombres
report-questions = Preguntas
report-question = { $question } ({ $minutes } min)
report-round = Ronda { $round }: { $question }
report-not-played = Esta ronda no se celebró.
report-hosted-by = con { $name } de anfitrión
report-at-table = En la mesa: { $names }
report-no-notes = Sin notas.
report-who-where = Quién se sentó dónde
report-participant = Participante
report-round-column = Ronda { $round }
report-seat = { $table }
report-seat-host = { $table } (anfitrión)
report-theme-note-by = { $name }, ronda { $round }, mesa { $table }
report-commitments = Compromisos
report-no-commitments = No se registraron compromisos.
report-answers = responde a { $themes }
report-feedback = Opiniones
report-no-feedback = Aún no hay opiniones.
report-forms = { $count ->
        [one] { $count } formulario devuelto, sin nombres.
       *[other] { $count } formularios devueltos, sin nombres.
    }
report-no-ratings = Sin valoraciones.
report-rating = { $average } de 5 según { $count ->
        [one] { $count } valoración
       *[other] { $count } valoraciones
    } ({ $spread })
report-no-answers = Sin respuestas.

## Console: the page

c-page-title = Flamingo: consola de facilitación
c-wall-link = Abrir la pared
c-home-link = Todos los cafés
c-start-heading = Facilita un World Café
c-start-lead = Crea un café, muestra el código a la sala y la gente se une desde sus teléfonos. Flamingo los sienta en mesas ronda tras ronda.
c-mine-heading = Tus cafés en este portátil
c-create-heading = Café nuevo
c-title-label = Título
c-people-per-table = Personas por mesa
c-tables-in-the-room = Mesas en la sala
c-rounds = Rondas
c-add-round = Añadir una ronda
c-create-cafe = Crear café
c-reopen-heading = Facilita un café desde este dispositivo
c-reopen-hint = Pega el enlace de la consola, o el id del café y la clave de facilitación, que mostró la consola en el dispositivo que creó el café.
c-reopen-cafe-label = Enlace de la consola o id del café
c-facilitator-key = Clave de facilitación
c-not-needed-with-a = (no hace falta con un enlace)
c-open-the-console = Abrir la consola
c-console-heading = Consola de facilitación
c-round-heading = Ronda
c-start-round = Iniciar ronda
c-plan = Planificar mesas ahora
c-pause = Pausar
c-resume = Reanudar
c-plus1 = +1 minuto
c-plus5 = +5 minutos
c-end-round = Terminar la ronda ya
c-harvest = Abrir la cosecha
c-close = Cerrar el café
c-message-to-every-phone = Mensaje a todos los teléfonos y a la pared
c-broadcast = Difundir
c-harvest-heading = Cosecha
c-hv-notes-heading = Notas por ronda y mesa
c-hv-themes-heading = Temas
c-name-of-a-new = Nombre de un tema nuevo
c-create-theme = Crear tema
c-suggest = Sugerir temas
c-hv-voting-heading = Votación con puntos
c-dots-per-person = Puntos por persona
c-open-voting = Abrir la votación
c-close-voting = Cerrar la votación
c-hv-commitments-heading = Compromisos comunes
c-what-the-room-commits = A qué se compromete la sala
c-owner = Responsable
c-due = Fecha
c-themes-it-answers = Temas a los que responde
c-commitment-save = Añadir compromiso
c-commitment-cancel = Cancelar la edición
c-tables-heading = Mesas
c-join-heading = Unirse
c-code = Código
c-join-fold-hint = y código QR
c-join-url = Dirección para unirse
c-origin-hint = Los teléfonos no pueden llegar a localhost. Indica la dirección de red de este portátil (por ejemplo 192.168.1.20:8080) para que funcione el código QR:
c-address-phones-use-to = Dirección con la que los teléfonos llegan a este portátil
c-use = Usar
c-key-box = Facilita este café desde otro dispositivo
c-open-this-link-there = Abre allí este enlace (mantenlo en privado: es la llave del café):
c-copy-link = Copiar el enlace
c-share-a-co-facilitator = Compartir un enlace de cofacilitación
c-a-co-facilitator-can = Quien cofacilita puede hacer todo lo que tú, salvo cerrar el café y compartir claves. Un enlace nuevo sustituye al anterior.
c-cofac-share = Compartir un enlace de cofacilitación
c-cofac-copy = Copiar el enlace de cofacilitación
c-cofac-revoke = Revocar el enlace de cofacilitación
c-cofac-role = Cofacilitas este café: quien facilita es quien lo cierra.
c-people-heading = Personas
c-feed-heading = Notas
c-feed-pause = Pausar el flujo
c-export-heading = Llévate la cosecha
c-everything-posted-so-far = Todo lo publicado hasta ahora, en cualquier momento. Las notas ocultas de la pared quedan fuera.
c-leave-names-out = Sin nombres
c-report-markdown = Informe (Markdown)
c-notes-csv = Notas (CSV)
c-everything-json = Todo (JSON)
c-report-link = Informe para imprimir
c-fb-heading = Formulario de opinión
c-fb-hint = Los teléfonos muestran estas preguntas cuando se cierra el café. Las respuestas son anónimas.
c-fb-add = Añadir una pregunta
c-fb-save = Guardar el formulario
c-title-input =
    .placeholder = Trabajar más allá de las fronteras
c-tables =
    .placeholder = sin límite
c-round-controls =
    .aria-label = Controles de la ronda
c-theme-name =
    .placeholder = Nombre de un tema nuevo
c-suggest-progress =
    .aria-label = Buscando temas
c-vote-ranking =
    .aria-label = Ordenado por puntos
c-qr =
    .alt = Código QR con la dirección para unirse

## Console: broadcast

c-sent-to-everyone = Enviado a todos.
c-last-message = Último mensaje: { $text }

## Console: co-facilitator link

c-cofac-replace = Un enlace nuevo deja sin efecto el enlace de cofacilitación actual. ¿Crear uno nuevo?
c-cofac-making = Creando un enlace…
c-cofac-made = Envía este enlace a quien cofacilita; mantenlo en privado.
c-cofac-make-failed = No se pudo crear el enlace: { $problem }
c-copied = Copiado.
c-copy-by-hand = Selecciona el enlace y cópialo a mano.
c-cofac-revoke-confirm = ¿Revocar el enlace de cofacilitación? Quien lo use saldrá de inmediato.
c-cofac-revoked = Revocado: el enlace de cofacilitación ya no funciona.
c-cofac-revoke-failed = No se pudo revocar: { $problem }
c-cofac-new = Crear un nuevo enlace de cofacilitación

## Console: commitments

c-commitment-empty = Escribe a qué se compromete la sala.
c-commitment-updated = Compromiso actualizado.
c-commitment-added = Compromiso añadido: está en la pared.
c-commitment-save-changes = Guardar cambios
c-no-commitments = Aún no hay compromisos.
c-edit = Editar
c-delete = Borrar
c-commitment-delete-confirm = ¿Borrar este compromiso?
c-commitment-deleted = Compromiso borrado.
c-no-owner = Aún sin responsable

## Console: start screen

c-default-question-1 = ¿Qué dificulta trabajar entre nuestras organizaciones?
c-default-question-2 = ¿Qué has visto funcionar en otros lugares?
c-default-question-3 = ¿A qué nos comprometemos juntos?
c-title-missing = Ponle un título al café.
c-table-size-wrong = Personas por mesa: un número entero de 3 a 8.
c-tables-wrong = Mesas en la sala: un número entero de 1 a 1000, o déjalo vacío.
c-round-question-missing = La ronda { $round } necesita una pregunta.
c-round-minutes-wrong = La ronda { $round } dura de 1 a 240 minutos.
c-server-unreachable = No se pudo contactar con el servidor de Flamingo. ¿Está en marcha?
c-reopen-missing = Pega el enlace de la consola, o el id del café y la clave.
c-mine-code = código { $code }
c-minutes = Minutos
c-round-up = Subir la ronda { $round }
c-round-down = Bajar la ronda { $round }
c-round-remove = Quitar la ronda { $round }
c-round-minutes = Minutos de la ronda { $round }

## Console: opening a café

c-swap-key-confirm = Este navegador facilita este café. ¿Abrir este enlace como cofacilitación? El navegador olvidará entonces la clave de facilitación (guarda tu enlace de consola para recuperarla).
c-no-key = Este navegador no tiene la clave de ese café. Pega su enlace de consola.
c-key-revoked = Esta clave ya no abre el café: el enlace de cofacilitación se sustituyó o se revocó. Pide uno nuevo a quien facilita.
c-bad-key = Ese id de café y esa clave no corresponden a ningún café de este servidor.
c-title = { $title }: consola

## Console: export

c-export-preparing = Preparando la descarga…
c-export-saved = Guardado { $file }.
c-export-failed = No se pudo exportar: { $problem }
c-server-answered = El servidor respondió { $status }.

## Console: harvest requests

c-suggest-unavailable = Las sugerencias no están disponibles en este servidor.
c-server-unreachable-retry = No se pudo contactar con el servidor. Inténtalo de nuevo en un momento.

## Console: feedback form

c-fb-prompt-missing = Cada pregunta necesita un enunciado (o quítala).
c-fb-saved = Formulario de opinión guardado.
c-fb-count = { $count ->
        [one] { $count } persona respondió el formulario de opinión.
       *[other] { $count } personas respondieron el formulario de opinión.
    }
c-fb-hint-closed = Las respuestas están en la exportación, sin nombres.
c-fb-none = Sin preguntas: los teléfonos no mostrarán ningún formulario.
c-fb-kind = Tipo de la pregunta { $n }
c-fb-rating = Valoración del 1 al 5
c-fb-text = Texto libre
c-fb-question = Pregunta { $n }
c-fb-up = Subir la pregunta { $n }
c-fb-down = Bajar la pregunta { $n }
c-fb-remove = Quitar la pregunta { $n }

## Console: harvest board

c-theme-name-missing = Ponle un nombre al tema.
c-theme-created = Tema «{ $name }» creado.
c-theme-created-with-note = Tema «{ $name }» creado con la nota elegida.
c-pick-label = Elegir «{ $text }» para ponerla en un tema
c-picked-label = «{ $text }» elegida para ponerla en un tema
c-note-put-in = Nota puesta en «{ $name }».
c-note-taken-out = Nota sacada de su tema.
c-harvest-final = El café está cerrado: la cosecha es definitiva.
c-harvest-hint = Elige una nota y luego «Poner aquí» en un tema, o arrastra una nota sobre un tema. Los teléfonos votan con puntos cuando abras la votación.
c-pick = Elegir
c-picked = Elegida
c-picked-bar = Elegida:
c-pick-now = Ahora elige «Poner aquí» en un tema, o crea un tema para ella.
c-cancel = Cancelar
c-save = Guardar
c-no-notes-written = No se escribió ninguna nota.
c-round-colon = Ronda { $round }:
c-in-theme = en { $name }
c-off-wall = fuera de la pared
c-take-out-of-theme = Sacar del tema
c-note-back-on-wall = La nota vuelve a estar en la pared.
c-note-off-wall = La nota ya no está en la pared.
c-show-on-wall = Mostrar en la pared
c-hide-from-wall = Ocultar de la pared
c-no-themes-yet = Aún no hay temas. Nombra uno arriba o pide sugerencias.
c-no-themes = Sin temas.
c-theme-label = Tema { $name }
c-put-here = Poner aquí
c-drop-here = Suelta notas aquí, o elige una nota y pulsa «Poner aquí».
c-take-out = Sacar
c-take-out-label = Sacar «{ $text }» de { $name }
c-theme-more = y { $count } más (marcadas «en { $name }» entre las notas)
c-rename = Renombrar
c-rename-label = Renombrar { $name }
c-delete-label = Borrar { $name }
c-theme-delete-confirm = ¿Borrar el tema «{ $name }»? Sus notas se quedan; los puntos del tema se pierden.
c-dots-on-theme = { $count ->
        [one] { $count } punto en el tema
       *[other] { $count } puntos en el tema
    }
c-new-name = Nombre nuevo para { $name }
c-renamed = Renombrado a «{ $name }».
c-theme-deleted = Tema «{ $name }» borrado.

## Console: join panel

c-origin-wrong = Eso no parece una dirección: escríbela como 192.168.1.20:8080.
c-origin-set = Los teléfonos se unen ahora en { $origin }. El código QR está actualizado.
c-join-fold-hint-closed = + código QR
c-origin-hint-set = Los teléfonos se unen en la dirección de abajo. Cámbiala si cambió la sala o la red; vacíala para usar la de esta página.

## Console: people

c-people = Personas: { $here } aquí, { $online } conectadas
c-people-none = Nadie todavía. Muestra el código o el código QR a la sala.
c-phone-on = , teléfono conectado
c-phone-off = , teléfono sin conexión

## Console: notes feed

c-feed-count = Notas ({ $count })
c-feed-show-new = Mostrar { $count } nuevas
c-feed-resume = Reanudar el flujo
c-feed-empty = Las notas de las mesas aparecen aquí a medida que se escriben.
c-feed-meta = ronda { $round } · { $name }

## Console: round bar

c-planned = Mesas planificadas: los teléfonos indican adónde ir.
c-added-minutes = { $minutes ->
        [one] Añadido { $minutes } minuto.
       *[other] Añadidos { $minutes } minutos.
    }
c-end-confirm = ¿Terminar esta ronda ya?
c-close-confirm = ¿Cerrar el café para siempre? Nadie podrá unirse ni escribir después.
c-timer-paused = (en pausa)
c-phase = { $state ->
        [lobby] Recepción: la ronda 1 de { $total } no ha empezado
        [running] Ronda { $round } de { $total } en curso
        [paused] Ronda { $round } de { $total } en pausa
        [betweenRounds] La ronda { $round } de { $total } ha terminado
        [allOver] Las { $total } rondas han terminado
        [harvest] Cosecha
       *[closed] Cerrado
    }
c-question = P{ $round }: { $question }
c-start-round-n = Iniciar la ronda { $round }
c-replan = Volver a planificar las mesas
c-round-started = Empezó la ronda { $round }: { $people ->
        [one] { $people } persona
       *[other] { $people } personas
    } en { $tables ->
        [one] { $tables } mesa
       *[other] { $tables } mesas
    }.
c-round-over = La ronda { $round } ha terminado. Los teléfonos muestran las mesas de la ronda { $next }.
c-last-round-over = La ronda { $round } ha terminado: era la última. Abre la cosecha cuando la sala esté lista.
c-harvest-open = La cosecha está abierta: los teléfonos y la pared muestran las notas.
c-cafe-closed = El café está cerrado. Los teléfonos muestran el formulario de opinión.

## Console: suggested themes

c-suggest-looking = Buscando temas en las notas…
c-suggest-nothing = No hay notas sin tema: cada nota de la pared ya está en un tema.
c-suggest-none = { $count ->
        [one] No se encontraron grupos entre { $count } nota sin tema. Crea los temas a mano.
       *[other] No se encontraron grupos entre { $count } notas sin tema. Crea los temas a mano.
    }
c-suggest-found = { $count ->
        [one] { $count } tema sugerido
       *[other] { $count } temas sugeridos
    } a partir de { $notes } notas sin tema. Acepta los que encajen.
c-suggest-accepted = { $count ->
        [one] Tema «{ $name }» creado con { $count } nota.
       *[other] Tema «{ $name }» creado con { $count } notas.
    }
c-suggested-label = Tema sugerido { $name }
c-suggest-words = Palabras: { $words }
c-accept = Aceptar
c-accept-label = Aceptar { $name }
c-dismiss = Descartar
c-dismiss-label = Descartar { $name }

## Console: table map

c-map-no-tables-yet = Aún no hay mesas. «Planificar mesas ahora» sienta a todos para que los teléfonos muestren su mesa antes de la ronda 1; «Iniciar la ronda 1» planifica sola.
c-map-no-tables = Ahora no hay mesas.
c-map-preview = Vista previa: quién va dónde en la ronda { $round }. Toca a una persona para moverla o hacerla anfitriona; tus cambios se mantienen.
c-map-now = Ronda { $round } en curso. Toca a una persona para moverla o hacerla anfitriona.
c-map-heading-plan = Mesas: plan de la ronda { $round }
c-map-heading-round = Mesas: ronda { $round }
c-not-seated = Sin mesa
c-map-table-label = Mesa { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } persona
       *[other] { $people } personas
    } para { $seats } asientos
c-move-here = Mover aquí
c-person-picked = { $name } elegido: pulsa «Mover aquí» en una mesa, o usa la barra sobre el mapa.
c-phone-on-title = teléfono conectado
c-phone-off-title = teléfono sin conexión
c-table-empty = Mesa { $table } (vacía)
c-at-table = en la mesa { $table }
c-unseated = (sin mesa)
c-move-to = Mover a
c-move = Mover
c-make-host = Hacer anfitrión
c-moved = { $name } pasa a la mesa { $table }.
c-now-hosts = { $name } es ahora anfitrión o anfitriona de la mesa.

## Console: dot-voting

c-dots-wrong = Da a cada persona de 1 a 20 puntos.
c-dots-changed = { $dots ->
        [one] Ahora cada persona tiene { $dots } punto.
       *[other] Ahora cada persona tiene { $dots } puntos.
    }
c-voting-opened = { $dots ->
        [one] La votación está abierta: { $dots } punto por persona.
       *[other] La votación está abierta: { $dots } puntos por persona.
    }
c-voting-closed = La votación está cerrada: los totales son definitivos.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] La votación está abierta: { $dots } punto por persona.
           *[other] La votación está abierta: { $dots } puntos por persona.
        }
        [closed] La votación está cerrada.
       *[notOpen] La votación aún no está abierta.
    }
c-change-dots = Cambiar los puntos
c-open-voting-again = Reabrir la votación
c-no-dots = Aún no hay puntos.
c-rank-note = nota:
`;
