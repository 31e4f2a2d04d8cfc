// Português. A Fluent resource with exactly the messages of en.js (a test checks it).
export default String.raw`
## Every view

status-connecting = A ligar…
status-connected = Ligado
status-reconnecting = A religar…
status-offline = Sem ligação
status-stopped = Desligado
language-picker =
    .aria-label = Idioma
optional = (opcional)
someone = Alguém
you = Você

colour-red = vermelha
colour-blue = azul
colour-green = verde
colour-purple = roxa
colour-orange = laranja
colour-teal = azul-petróleo
colour-pink = rosa
colour-brown = castanha
colour-indigo = índigo
colour-olive = oliva
colour-slate = ardósia
colour-sky-blue = azul-celeste

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = Sem ligação: tente de novo quando o indicador disser «Ligado».
error-badMessage = A aplicação enviou algo que o servidor não entendeu. Recarregue a página e tente de novo.
error-tooLarge = É demasiado longo para enviar.
error-invalidInput = Verifique o que escreveu: algo está vazio, é demasiado longo ou está fora dos limites.
error-notAuthenticated = Ainda sem sessão: espere um momento e tente de novo.
error-badCredentials = Esta ligação ou chave não é (ou já não é) válida.
error-forbidden = Não pode fazer isso.
error-notFound = Isso já não existe.
error-wrongPhase = Isso não é possível nesta fase do café.
error-notSeated = Ainda não tem mesa: espere pela sua mesa e tente de novo.
error-noteIdTaken = Não foi possível guardar a nota: envie-a de novo.
error-overBudget = Já não tem pontos. Retire primeiro um de outra coisa.
error-cafeFull = Este café está cheio: fale com quem facilita.
error-rateLimited = Demasiado de uma vez: espere alguns segundos e tente de novo.
error-unavailable = O servidor está ocupado. Espere um momento e tente de novo.
error-internal = Algo correu mal no servidor. Tente de novo; se voltar a acontecer, avise quem facilita.

## Phone: joining

phone-page-title = Flamingo: entrar num café
join-page-title = Entrar em { $title }
phone-title = { $title }: a sua mesa
join-heading = Entrar no café
join-code-label = Código na parede
join-name-label = O seu nome
join-org-label = Organização
join-role-label = Função
join-button = Entrar
join-code-missing = Escreva o código mostrado na parede.
join-name-missing = Escreva o seu nome, para que a sua mesa saiba quem é.
join-no-such-code = Nenhum café tem o código { $code }. Verifique o código na parede e escreva-o de novo.
join-closed = Este café está fechado: não aceita mais pessoas.
join-full = Este café está cheio: fale com quem facilita.
join-busy = O servidor está ocupado. Espere um momento e toque de novo em «Entrar».
join-too-long = Verifique o nome, a organização e a função: cada um tem de ser mais curto.
session-not-in-cafe = Já não está neste café. Entre de novo para participar.
session-left = Saiu deste café. Entre de novo para participar.
session-refused = A ligação foi recusada. Recarregue a página para tentar de novo.

## Phone: the table card

clock-region =
    .aria-label = Tempo restante
clock-paused = Em pausa
clock-up = O tempo acabou
clock-left = restantes nesta ronda
card-before = Antes da ronda 1 de { $total }
card-table = Mesa { $table }
card-you-are-in = Já está dentro
card-go-when-starts = Vá para esta mesa quando a ronda 1 começar.
card-wait-start = Espere que quem facilita inicie a ronda 1. A sua mesa aparecerá aqui.
card-round-of = Ronda { $round } de { $total }
card-finding = A procurar-lhe uma mesa…
card-finding-detail = Terá uma mesa daqui a um momento.
card-round-over = A ronda { $round } de { $total } terminou
card-last-round = Essa foi a última ronda
card-stay-for-harvest = Obrigado! Fique para a colheita.
card-next-go-to = A ronda { $round } terminou. Para a ronda { $next } vá para a
card-next-table = A sua próxima mesa…
card-next-detail = Vai aparecer aqui daqui a um momento.
card-rounds-over = As rondas terminaram
card-thank-you = Obrigado
card-closed = Este café está fechado.
card-harvest = { $voting ->
        [open] A colheita começou: a votação está aberta, dê os seus pontos abaixo.
        [closed] A colheita começou: a votação está fechada, veja na parede o que a sala escolheu.
       *[other] A colheita começou: olhe para a parede e vote abaixo quando a votação abrir.
    }
card-colour = Mesa { $colour }.
card-will-host = Vai ser anfitrião desta mesa
card-hosting = É anfitrião desta mesa
card-question = A pergunta
card-round-question = Pergunta da ronda { $round }
mates-heading = Na sua mesa
mates-heading-next = Na sua próxima mesa
mates-nobody = Ainda ninguém mais
mates-host = anfitrião

## Phone: notes

note-label = Adicione uma nota
note-add = Adicionar nota
notes-list =
    .aria-label = Notas desta ronda
notes-heading = Notas da mesa { $table }, ronda { $round }
notes-heading-yours = As suas notas
notes-none = Ainda sem notas. Costuma ser o anfitrião a escrevê-las; qualquer pessoa na mesa pode.
note-state = { $state ->
        [saved] ✓ Guardada
        [sending] A enviar…
        [pending] À espera de envio
       *[failed] Não guardada
    }
note-saved = A sua nota está guardada.
note-not-saved = A sua nota não foi guardada: { $problem }
note-count = { $count } de { $max } caracteres
note-cut = Uma nota leva até { $max } caracteres: o resto do que escreveu ou colou foi cortado.
note-only-spaces = Uma nota só com espaços não é enviada: escreva algumas palavras.
note-empty = Escreva primeiro a sua nota.
note-remove = Remover
outbox-kept = { $count ->
        [one] { $count } nota guardada neste telemóvel; será enviada quando a ligação voltar.
       *[other] { $count } notas guardadas neste telemóvel; serão enviadas quando a ligação voltar.
    }
outbox-sending = { $count ->
        [one] A enviar { $count } nota…
       *[other] A enviar { $count } notas…
    }
outbox-not-kept = Este navegador não guarda as notas ao recarregar (modo privado?). Mantenha esta página aberta até serem enviadas.
recap-heading = Antes nesta mesa
recap-hint = Use-as para acolher quem chega e resumir o que foi dito.
recap-meta = Ronda { $round } · { $name }

## Phone: alerts and news

alert-next = A seguir: mesa { $table }, { $colour }.
alert-look-here = A sua próxima mesa aparecerá aqui.
alert-time-up = O tempo acabou: a ronda { $round } terminou.
alert-message = Mensagem de quem facilita: { $text }
alert-one-minute = Falta um minuto na ronda { $round }.
alert-broadcast = De quem facilita: { $text }
bar-table = Mesa { $table }
bar-next-table = A seguir: mesa { $table }
news-table = mesa { $table }, { $colour }.
news-will-host = Vai ser o anfitrião.
news-hosting = É o anfitrião.
news-closed = Este café está fechado. Obrigado! Diga-nos como foi no formulário abaixo.
news-harvest = As rondas terminaram e a colheita começou: olhe para a parede.
news-voting-open = A votação está aberta: dê os seus pontos ao que mais importa.
news-voting-closed = A votação está fechada.
news-go-to = vá para a { $where }
news-table-soon = a sua mesa aparecerá daqui a um momento.
news-round-started = A ronda { $round } começou: { $where }
news-paused = A ronda { $round } está em pausa.
news-resumed = A ronda { $round } continua.
news-moved = Mudou de mesa: vá para a { $where }
news-now-host = Agora é o anfitrião da mesa { $table }.
news-next-round = Para a ronda { $round } vá para a { $where }
pill-closed = O café está fechado ↓
pill-harvest = A colheita começou ↓
pill-voting-open = A votação está aberta ↓
pill-voting-closed = A votação está fechada ↓
pill-round-table = Ronda { $round }: mesa { $table } ↑
pill-round-started = A ronda { $round } começou ↑
pill-new-table = Nova mesa: { $table } ↑
pill-host = É o anfitrião ↑
pill-next-table = Próxima mesa: { $table } ↑
pill-time-up = O tempo acabou ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = Colheita: o que importa mais?
harvest-themes = Temas
harvest-your-notes = Notas das suas mesas
harvest-commitments = Compromissos comuns
vote-no-dots = Já não tem pontos. Retire primeiro um de outra coisa.
vote-offline = Sem ligação: o seu ponto será enviado quando a ligação voltar.
vote-not-open = A votação não está aberta agora.
vote-your-dots = Os seus pontos em { $label }
vote-minus = Retirar um ponto de { $label }
vote-plus = Dar um ponto a { $label }
vote-dots-word = { $count ->
        [one] ponto
       *[other] pontos
    }
vote-state = { $state ->
        [open] A votação está aberta: dê os seus pontos ao que mais importa. Pode retirá-los até a votação fechar.
        [closed] A votação está fechada. Obrigado!
       *[other] A votação ainda não está aberta. Veja os temas; quem facilita vai abrir a votação.
    }
vote-none-left = Sem pontos (já deu todos os { $dots }).
vote-left = { $left ->
        [one] Resta { $left } de { $dots } pontos
       *[other] Restam { $left } de { $dots } pontos
    }
vote-no-themes = Ainda sem temas.
vote-theme-notes = { $count ->
        [one] { $count } nota
       *[other] { $count } notas
    }
vote-the-theme = o tema { $name }
vote-no-notes = Nenhuma nota das suas mesas.
vote-note-where = Ronda { $round }, mesa { $table }
vote-note-where-theme = Ronda { $round }, mesa { $table } · em { $theme }
vote-the-note = a nota { $text }
commitment-due = até { $date }
feedback-heading = Como foi?
feedback-anonymous = As suas respostas são anónimas.
feedback-answer-one = Responda a pelo menos uma pergunta.
feedback-sending = A enviar…
feedback-thanks = Obrigado — pode alterar as suas respostas.
feedback-offline = Sem ligação: tente de novo daqui a um momento.
feedback-update = Atualizar as minhas respostas
feedback-send = Enviar as minhas respostas
rating-word = { $value ->
        [1] nada
        [2] pouco
        [3] razoavelmente
        [4] bastante
       *[5] muito
    }

## Wall

wall-page-title = Parede do Flamingo
wall-title = { $title }: parede
wall-fullscreen = Ecrã inteiro
wall-qr =
    .alt = Código QR para entrar neste café
wall-join-heading = Entre pelo telemóvel
wall-code = Código
wall-themes-empty = Os temas aparecerão aqui à medida que a sala os encontra.
wall-board-empty = As notas das mesas aparecerão aqui.
wall-notes-by-table = Notas por mesa
wall-not-in-theme = Ainda sem tema
wall-refused = Esta parede não consegue mostrar o café: { $problem }
wall-no-code = Abra esta parede a partir da consola de facilitação.
wall-here = { $count ->
        [one] { $count } pessoa presente
       *[other] { $count } pessoas presentes
    }
wall-join-at = Entrar: { $url }
wall-starts-soon = A ronda 1 de { $total } começa em breve
wall-paused = Ronda { $round } de { $total } · em pausa
wall-between = A ronda { $round } terminou · a seguir: ronda { $next }
wall-last-over = A última ronda terminou
wall-harvest = Colheita: o que surgiu
wall-closed = Este café está fechado
wall-clock-paused = em pausa
wall-clock-up = o tempo acabou
wall-clock-left = restantes
wall-pages = Mesas { $first }–{ $last } de { $tables } · página { $page } de { $pages }
wall-table-in-round = Mesa { $table } na ronda { $round }
wall-round-notes = ronda { $round } · { $notes }
wall-ranked = ordenados por pontos (no tema e nas suas notas) · { $voting ->
        [open] votação aberta
       *[closed] votação fechada
    }
wall-more = e mais { $count }
dots = { $count ->
        [one] { $count } ponto
       *[other] { $count } pontos
    }
commitment-owner = Responsável: { $owner }
commitment-due-on = Prazo { $date }
commitment-themes = Temas: { $themes }

## Printable report

report-page-title = Flamingo: relatório
report-print = Imprimir ou guardar como PDF
report-loading = A carregar o relatório…
report-no-key = Este navegador não tem a chave desse café. Abra o relatório a partir da consola de facilitação, no portátil que o corre.
report-failed = Não foi possível carregar o relatório: { $problem }
report-title = { $title }: relatório
report-someone-left = alguém que saiu
report-meta = { $when } · { $participants ->
        [one] { $participants } participante
       *[other] { $participants } participantes
    } · { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    }
report-anonymous = sem nomes
report-questions = Perguntas
report-question = { $question } ({ $minutes } min)
report-round = Ronda { $round }: { $question }
report-not-played = Esta ronda não se realizou.
report-hosted-by = anfitrião: { $name }
report-at-table = Na mesa: { $names }
report-no-notes = Sem notas.
report-who-where = Quem se sentou onde
report-participant = Participante
report-round-column = Ronda { $round }
report-seat = { $table }
report-seat-host = { $table } (anfitrião)
report-theme-note-by = { $name }, ronda { $round }, mesa { $table }
report-commitments = Compromissos
report-no-commitments = Nenhum compromisso registado.
report-answers = responde a { $themes }
report-feedback = Opiniões
report-no-feedback = Ainda sem opiniões.
report-forms = { $count ->
        [one] { $count } formulário devolvido, sem nomes.
       *[other] { $count } formulários devolvidos, sem nomes.
    }
report-no-ratings = Sem avaliações.
report-rating = { $average } em 5, de { $count ->
        [one] { $count } avaliação
       *[other] { $count } avaliações
    } ({ $spread })
report-no-answers = Sem respostas.

## Console: the page

c-page-title = Flamingo: consola de facilitação
c-wall-link = Abrir a parede
c-home-link = Todos os cafés
c-start-heading = Facilite um World Café
c-start-lead = Crie um café, mostre o código à sala e as pessoas entram pelo telemóvel. O Flamingo senta-as às mesas, ronda após ronda.
c-mine-heading = Os seus cafés neste portátil
c-create-heading = Novo café
c-title-label = Título
c-people-per-table = Pessoas por mesa
c-tables-in-the-room = Mesas na sala
c-rounds = Rondas
c-add-round = Adicionar uma ronda
c-create-cafe = Criar café
c-reopen-heading = Facilite um café a partir deste dispositivo
c-reopen-hint = Cole a ligação da consola, ou o id do café e a chave de facilitação, que a consola mostrou no dispositivo que criou o café.
c-reopen-cafe-label = Ligação da consola ou id do café
c-facilitator-key = Chave de facilitação
c-not-needed-with-a = (desnecessária com uma ligação)
c-open-the-console = Abrir a consola
c-console-heading = Consola de facilitação
c-round-heading = Ronda
c-start-round = Iniciar ronda
c-plan = Planear mesas agora
c-pause = Pausa
c-resume = Retomar
c-plus1 = +1 minuto
c-plus5 = +5 minutos
c-end-round = Terminar a ronda agora
c-harvest = Abrir a colheita
c-close = Fechar o café
c-message-to-every-phone = Mensagem para todos os telemóveis e a parede
c-broadcast = Difundir
c-harvest-heading = Colheita
c-hv-notes-heading = Notas por ronda e mesa
c-hv-themes-heading = Temas
c-name-of-a-new = Nome de um novo tema
c-create-theme = Criar tema
c-suggest = Sugerir temas
c-hv-voting-heading = Votação com pontos
c-dots-per-person = Pontos por pessoa
c-open-voting = Abrir a votação
c-close-voting = Fechar a votação
c-hv-commitments-heading = Compromissos comuns
c-what-the-room-commits = Com o que a sala se compromete
c-owner = Responsável
c-due = Prazo
c-themes-it-answers = Temas a que responde
c-commitment-save = Adicionar compromisso
c-commitment-cancel = Cancelar a edição
c-tables-heading = Mesas
c-join-heading = Entrar
c-code = Código
c-join-fold-hint = e código QR
c-join-url = Endereço para entrar
c-origin-hint = Os telemóveis não chegam a localhost. Indique o endereço de rede deste portátil (por exemplo 192.168.1.20:8080) para o código QR funcionar:
c-address-phones-use-to = Endereço pelo qual os telemóveis chegam a este portátil
c-use = Usar
c-key-box = Facilitar este café a partir de outro dispositivo
c-open-this-link-there = Abra lá esta ligação (mantenha-a privada: é a chave do café):
c-copy-link = Copiar a ligação
c-share-a-co-facilitator = Partilhar uma ligação de cofacilitação
c-a-co-facilitator-can = Quem cofacilita pode fazer tudo o que você faz, exceto fechar o café e partilhar chaves. Uma nova ligação substitui a anterior.
c-cofac-share = Partilhar uma ligação de cofacilitação
c-cofac-copy = Copiar a ligação de cofacilitação
c-cofac-revoke = Revogar a ligação de cofacilitação
c-cofac-role = Está em cofacilitação: quem fecha o café é quem facilita.
c-people-heading = Pessoas
c-feed-heading = Notas
c-feed-pause = Pausar o fluxo
c-export-heading = Levar a colheita para casa
c-everything-posted-so-far = Tudo o que foi publicado até agora, a qualquer momento. As notas ocultadas da parede ficam de fora.
c-leave-names-out = Sem nomes
c-report-markdown = Relatório (Markdown)
c-notes-csv = Notas (CSV)
c-everything-json = Tudo (JSON)
c-report-link = Relatório para imprimir
c-fb-heading = Formulário de opinião
c-fb-hint = Os telemóveis mostram estas perguntas quando o café fecha. As respostas são anónimas.
c-fb-add = Adicionar uma pergunta
c-fb-save = Guardar o formulário
c-title-input =
    .placeholder = Trabalhar para lá das fronteiras
c-tables =
    .placeholder = sem limite
c-round-controls =
    .aria-label = Controlos da ronda
c-theme-name =
    .placeholder = Nome de um novo tema
c-suggest-progress =
    .aria-label = A procurar temas
c-vote-ranking =
    .aria-label = Ordenado por pontos
c-qr =
    .alt = Código QR com o endereço para entrar

## Console: broadcast

c-sent-to-everyone = Enviado a todos.
c-last-message = Última mensagem: { $text }

## Console: co-facilitator link

c-cofac-replace = Uma nova ligação desativa a ligação de cofacilitação atual. Criar uma nova?
c-cofac-making = A criar uma ligação…
c-cofac-made = Envie esta ligação a quem cofacilita; mantenha-a privada.
c-cofac-make-failed = Não foi possível criar a ligação: { $problem }
c-copied = Copiado.
c-copy-by-hand = Selecione a ligação e copie-a à mão.
c-cofac-revoke-confirm = Revogar a ligação de cofacilitação? Quem a usa sai de imediato.
c-cofac-revoked = Revogada: a ligação de cofacilitação já não funciona.
c-cofac-revoke-failed = Não foi possível revogar: { $problem }
c-cofac-new = Criar uma nova ligação de cofacilitação

## Console: commitments

c-commitment-empty = Escreva com o que a sala se compromete.
c-commitment-updated = Compromisso atualizado.
c-commitment-added = Compromisso adicionado: está na parede.
c-commitment-save-changes = Guardar alterações
c-no-commitments = Ainda sem compromissos.
c-edit = Editar
c-delete = Apagar
c-commitment-delete-confirm = Apagar este compromisso?
c-commitment-deleted = Compromisso apagado.
c-no-owner = Ainda sem responsável

## Console: start screen

c-default-question-1 = O que dificulta o trabalho entre as nossas organizações?
c-default-question-2 = O que viu funcionar noutros lugares?
c-default-question-3 = Com o que nos comprometemos juntos?
c-title-missing = Dê um título ao café.
c-table-size-wrong = Pessoas por mesa: um número inteiro de 3 a 8.
c-tables-wrong = Mesas na sala: um número inteiro de 1 a 1000, ou deixe em branco.
c-round-question-missing = A ronda { $round } precisa de uma pergunta.
c-round-minutes-wrong = A ronda { $round } dura de 1 a 240 minutos.
c-server-unreachable = Não foi possível contactar o servidor Flamingo. Está a correr?
c-reopen-missing = Cole a ligação da consola, ou o id do café e a chave.
c-mine-code = código { $code }
c-minutes = Minutos
c-round-up = Subir a ronda { $round }
c-round-down = Descer a ronda { $round }
c-round-remove = Remover a ronda { $round }
c-round-minutes = Minutos da ronda { $round }

## Console: opening a café

c-swap-key-confirm = Este navegador facilita este café. Abrir antes esta ligação como cofacilitação? O navegador esquece então a chave de facilitação (guarde a ligação da consola para a recuperar).
c-no-key = Este navegador não tem a chave desse café. Cole a ligação da consola.
c-key-revoked = Esta chave já não abre o café: a ligação de cofacilitação foi substituída ou revogada. Peça uma nova a quem facilita.
c-bad-key = Esse id de café e essa chave não correspondem a nenhum café neste servidor.
c-title = { $title }: consola

## Console: export

c-export-preparing = A preparar a transferência…
c-export-saved = { $file } guardado.
c-export-failed = Não foi possível exportar: { $problem }
c-server-answered = O servidor respondeu { $status }.

## Console: harvest requests

c-suggest-unavailable = As sugestões não estão disponíveis neste servidor.
c-server-unreachable-retry = Não foi possível contactar o servidor. Tente de novo daqui a um momento.

## Console: feedback form

c-fb-prompt-missing = Cada pergunta precisa de um enunciado (ou remova-a).
c-fb-saved = Formulário de opinião guardado.
c-fb-count = { $count ->
        [one] { $count } pessoa respondeu ao formulário de opinião.
       *[other] { $count } pessoas responderam ao formulário de opinião.
    }
c-fb-hint-closed = As respostas estão na exportação, sem nomes.
c-fb-none = Sem perguntas: os telemóveis não mostram nenhum formulário.
c-fb-kind = Tipo da pergunta { $n }
c-fb-rating = Avaliação de 1 a 5
c-fb-text = Texto livre
c-fb-question = Pergunta { $n }
c-fb-up = Subir a pergunta { $n }
c-fb-down = Descer a pergunta { $n }
c-fb-remove = Remover a pergunta { $n }

## Console: harvest board

c-theme-name-missing = Dê um nome ao tema.
c-theme-created = Tema «{ $name }» criado.
c-theme-created-with-note = Tema «{ $name }» criado com a nota escolhida.
c-pick-label = Escolher «{ $text }» para pôr num tema
c-picked-label = «{ $text }» escolhida para pôr num tema
c-note-put-in = Nota posta em «{ $name }».
c-note-taken-out = Nota retirada do seu tema.
c-harvest-final = O café está fechado: a colheita é definitiva.
c-harvest-hint = Escolha uma nota e depois «Pôr aqui» num tema, ou arraste uma nota para um tema. Os telemóveis votam com pontos quando abrir a votação.
c-pick = Escolher
c-picked = Escolhida
c-picked-bar = Escolhida:
c-pick-now = Agora escolha «Pôr aqui» num tema, ou crie um tema para ela.
c-cancel = Cancelar
c-save = Guardar
c-no-notes-written = Não foi escrita nenhuma nota.
c-round-colon = Ronda { $round }:
c-in-theme = em { $name }
c-off-wall = fora da parede
c-take-out-of-theme = Retirar do tema
c-note-back-on-wall = A nota voltou à parede.
c-note-off-wall = A nota saiu da parede.
c-show-on-wall = Mostrar na parede
c-hide-from-wall = Ocultar da parede
c-no-themes-yet = Ainda sem temas. Dê nome a um acima, ou peça sugestões.
c-no-themes = Sem temas.
c-theme-label = Tema { $name }
c-put-here = Pôr aqui
c-drop-here = Largue notas aqui, ou escolha uma nota e depois «Pôr aqui».
c-take-out = Retirar
c-take-out-label = Retirar «{ $text }» de { $name }
c-theme-more = e mais { $count } (marcadas «em { $name }» entre as notas)
c-rename = Mudar o nome
c-rename-label = Mudar o nome de { $name }
c-delete-label = Apagar { $name }
c-theme-delete-confirm = Apagar o tema «{ $name }»? As notas ficam; os pontos no tema perdem-se.
c-dots-on-theme = { $count ->
        [one] { $count } ponto no tema
       *[other] { $count } pontos no tema
    }
c-new-name = Novo nome para { $name }
c-renamed = Nome mudado para «{ $name }».
c-theme-deleted = Tema «{ $name }» apagado.

## Console: join panel

c-origin-wrong = Isso não parece um endereço: escreva-o como 192.168.1.20:8080.
c-origin-set = Os telemóveis entram agora por { $origin }. O código QR está atualizado.
c-join-fold-hint-closed = + código QR
c-origin-hint-set = Os telemóveis entram pelo endereço abaixo. Mude-o se a sala ou a rede mudaram; deixe-o vazio para usar o desta página.

## Console: people

c-people = Pessoas: { $here } presentes, { $online } ligadas
c-people-none = Ainda ninguém. Mostre o código ou o código QR à sala.
c-phone-on = , telemóvel ligado
c-phone-off = , telemóvel desligado

## Console: notes feed

c-feed-count = Notas ({ $count })
c-feed-show-new = Mostrar { $count } novas
c-feed-resume = Retomar o fluxo
c-feed-empty = As notas das mesas aparecem aqui à medida que são escritas.
c-feed-meta = ronda { $round } · { $name }

## Console: round bar

c-planned = Mesas planeadas: os telemóveis mostram para onde ir.
c-added-minutes = { $minutes ->
        [one] Adicionado { $minutes } minuto.
       *[other] Adicionados { $minutes } minutos.
    }
c-end-confirm = Terminar esta ronda agora?
c-close-confirm = Fechar o café de vez? Depois ninguém pode entrar nem escrever.
c-timer-paused = (em pausa)
c-phase = { $state ->
        [lobby] Receção: ronda 1 de { $total } por começar
        [running] Ronda { $round } de { $total } a decorrer
        [paused] Ronda { $round } de { $total } em pausa
        [betweenRounds] A ronda { $round } de { $total } terminou
        [allOver] As { $total } rondas terminaram
        [harvest] Colheita
       *[closed] Fechado
    }
c-question = P{ $round }: { $question }
c-start-round-n = Iniciar a ronda { $round }
c-replan = Voltar a planear as mesas
c-round-started = A ronda { $round } começou: { $people ->
        [one] { $people } pessoa
       *[other] { $people } pessoas
    } em { $tables ->
        [one] { $tables } mesa
       *[other] { $tables } mesas
    }.
c-round-over = A ronda { $round } terminou. Os telemóveis mostram as mesas da ronda { $next }.
c-last-round-over = A ronda { $round } terminou: era a última. Abra a colheita quando a sala estiver pronta.
c-harvest-open = A colheita está aberta: os telemóveis e a parede mostram as notas.
c-cafe-closed = O café está fechado. Os telemóveis mostram o formulário de opinião.

## Console: suggested themes

c-suggest-looking = A procurar temas nas notas…
c-suggest-nothing = Nenhuma nota sem tema: todas as notas da parede já estão num tema.
c-suggest-none = { $count ->
        [one] Nenhum agrupamento encontrado em { $count } nota sem tema. Crie os temas à mão.
       *[other] Nenhum agrupamento encontrado em { $count } notas sem tema. Crie os temas à mão.
    }
c-suggest-found = { $count ->
        [one] { $count } tema sugerido
       *[other] { $count } temas sugeridos
    } a partir de { $notes } notas sem tema. Aceite os que servirem.
c-suggest-accepted = { $count ->
        [one] Tema «{ $name }» criado com { $count } nota.
       *[other] Tema «{ $name }» criado com { $count } notas.
    }
c-suggested-label = Tema sugerido { $name }
c-suggest-words = Palavras: { $words }
c-accept = Aceitar
c-accept-label = Aceitar { $name }
c-dismiss = Descartar
c-dismiss-label = Descartar { $name }

## Console: table map

c-map-no-tables-yet = Ainda sem mesas. «Planear mesas agora» senta toda a gente para os telemóveis mostrarem a mesa antes da ronda 1; «Iniciar a ronda 1» planeia sozinho.
c-map-no-tables = Sem mesas agora.
c-map-preview = Pré-visualização: quem vai para onde na ronda { $round }. Toque numa pessoa para a mudar ou a tornar anfitriã; as suas alterações mantêm-se.
c-map-now = Ronda { $round } a decorrer. Toque numa pessoa para a mudar ou a tornar anfitriã.
c-map-heading-plan = Mesas: plano da ronda { $round }
c-map-heading-round = Mesas: ronda { $round }
c-not-seated = Sem mesa
c-map-table-label = Mesa { $table }, { $colour }
c-map-seats = , { $people ->
        [one] { $people } pessoa
       *[other] { $people } pessoas
    } para { $seats } lugares
c-move-here = Mudar para aqui
c-person-picked = { $name } escolhido: escolha «Mudar para aqui» numa mesa, ou use a barra acima do mapa.
c-phone-on-title = telemóvel ligado
c-phone-off-title = telemóvel desligado
c-table-empty = Mesa { $table } (vazia)
c-at-table = na mesa { $table }
c-unseated = (sem mesa)
c-move-to = Mudar para
c-move = Mudar
c-make-host = Tornar anfitrião
c-moved = { $name } está agora na mesa { $table }.
c-now-hosts = { $name } é agora o anfitrião da mesa.

## Console: dot-voting

c-dots-wrong = Dê a cada pessoa de 1 a 20 pontos.
c-dots-changed = { $dots ->
        [one] Agora todos têm { $dots } ponto.
       *[other] Agora todos têm { $dots } pontos.
    }
c-voting-opened = { $dots ->
        [one] A votação está aberta: { $dots } ponto cada.
       *[other] A votação está aberta: { $dots } pontos cada.
    }
c-voting-closed = A votação está fechada: os totais são definitivos.
c-voting-state = { $state ->
        [open] { $dots ->
            [one] A votação está aberta: { $dots } ponto por pessoa.
           *[other] A votação está aberta: { $dots } pontos por pessoa.
        }
        [closed] A votação está fechada.
       *[notOpen] A votação ainda não está aberta.
    }
c-change-dots = Mudar os pontos
c-open-voting-again = Reabrir a votação
c-no-dots = Ainda sem pontos.
c-rank-note = nota:
`;
