// العربية (right to left). A Fluent resource with exactly the messages of en.js (a test checks
// it). Plurals use Arabic's six categories where a count is said.
export default String.raw`
## Every view

status-connecting = جارٍ الاتصال…
status-connected = متصل
status-reconnecting = جارٍ إعادة الاتصال…
status-offline = غير متصل بالشبكة
status-stopped = انقطع الاتصال
language-picker =
    .aria-label = اللغة
optional = (اختياري)
someone = شخص ما
you = أنت

colour-red = الأحمر
colour-blue = الأزرق
colour-green = الأخضر
colour-purple = البنفسجي
colour-orange = البرتقالي
colour-teal = الأزرق المخضر
colour-pink = الوردي
colour-brown = البني
colour-indigo = النيلي
colour-olive = الزيتوني
colour-slate = الرمادي الأردوازي
colour-sky-blue = السماوي

## The server's refusals, by their stable code (docs/protocol.md §11)

error-offline = غير متصل: حاول مجددًا عندما يظهر المؤشر «متصل».
error-badMessage = أرسل التطبيق شيئًا لم يفهمه الخادم. أعد تحميل الصفحة وحاول مجددًا.
error-tooLarge = هذا أطول من أن يُرسل.
error-invalidInput = راجع ما كتبت: هناك حقل فارغ أو طويل جدًا أو خارج النطاق.
error-notAuthenticated = لم يتم الدخول بعد: انتظر لحظة وحاول مجددًا.
error-badCredentials = هذا الرابط أو المفتاح غير صالح (أو لم يعد صالحًا).
error-forbidden = لا يُسمح لك بذلك.
error-notFound = هذا لم يعد موجودًا.
error-wrongPhase = لا يمكن فعل ذلك في هذه المرحلة من المقهى.
error-notSeated = ليست لديك طاولة بعد: انتظر طاولتك ثم حاول مجددًا.
error-noteIdTaken = تعذّر حفظ الملاحظة: أرسلها مرة أخرى.
error-overBudget = لم تبقَ لديك نقاط. استرجع نقطة من شيء آخر أولًا.
error-cafeFull = هذا المقهى ممتلئ: اسأل الميسّر.
error-rateLimited = الكثير في وقت واحد: انتظر بضع ثوانٍ وحاول مجددًا.
error-unavailable = الخادم مشغول. انتظر لحظة وحاول مجددًا.
error-internal = حدث خطأ في الخادم. حاول مجددًا؛ وإن تكرر، أخبر الميسّر.

## Phone: joining

phone-page-title = فلامينغو: الانضمام إلى مقهى
join-page-title = الانضمام إلى { $title }
phone-title = { $title }: طاولتك
join-heading = انضم إلى المقهى
join-code-label = الرمز المعروض على الجدار
join-name-label = اسمك
join-org-label = المؤسسة
join-role-label = الدور
join-button = انضمام
join-code-missing = اكتب الرمز المعروض على الجدار.
join-name-missing = اكتب اسمك لتعرف طاولتك من أنت.
join-no-such-code = لا يوجد مقهى بالرمز { $code }. تحقق من الرمز على الجدار واكتبه مجددًا.
join-closed = هذا المقهى مغلق: لا يستقبل أشخاصًا جددًا.
join-full = هذا المقهى ممتلئ: اسأل الميسّر.
join-busy = الخادم مشغول. انتظر لحظة ثم اضغط «انضمام» مجددًا.
join-too-long = راجع اسمك ومؤسستك ودورك: يجب أن يكون كل منها أقصر.
session-not-in-cafe = لم تعد في هذا المقهى. انضم مجددًا لتشارك.
session-left = لقد غادرت هذا المقهى. انضم مجددًا لتشارك.
session-refused = رُفض الاتصال. أعد تحميل الصفحة لتحاول مجددًا.

## Phone: the table card

clock-region =
    .aria-label = الوقت المتبقي
clock-paused = متوقف مؤقتًا
clock-up = انتهى الوقت
clock-left = متبقية في هذه الجولة
card-before = قبل الجولة ١ من { $total }
card-table = الطاولة { $table }
card-you-are-in = أنت معنا
card-go-when-starts = اذهب إلى هذه الطاولة عندما تبدأ الجولة ١.
card-wait-start = انتظر حتى يبدأ الميسّر الجولة ١. ستظهر طاولتك هنا.
card-round-of = الجولة { $round } من { $total }
card-finding = نبحث لك عن طاولة…
card-finding-detail = ستحصل على طاولة بعد لحظة.
card-round-over = انتهت الجولة { $round } من { $total }
card-last-round = كانت هذه الجولة الأخيرة
card-stay-for-harvest = شكرًا! ابقَ من أجل الحصاد.
card-next-go-to = انتهت الجولة { $round }. في الجولة { $next } اذهب إلى
card-next-table = طاولتك التالية…
card-next-detail = ستظهر هنا بعد لحظة.
card-rounds-over = انتهت الجولات
card-thank-you = شكرًا
card-closed = هذا المقهى مغلق.
card-harvest = { $voting ->
        [open] بدأ الحصاد: التصويت مفتوح، وزّع نقاطك في الأسفل.
        [closed] بدأ الحصاد: أُغلق التصويت، انظر إلى الجدار لترى ما اختارته القاعة.
       *[other] بدأ الحصاد: انظر إلى الجدار، وصوّت في الأسفل عندما يُفتح التصويت.
    }
card-colour = اللون { $colour }.
card-will-host = ستكون مضيف هذه الطاولة
card-hosting = أنت مضيف هذه الطاولة
card-question = السؤال
card-round-question = سؤال الجولة { $round }
mates-heading = على طاولتك
mates-heading-next = على طاولتك التالية
mates-nobody = لا أحد غيرك بعد
mates-host = مضيف

## Phone: notes

note-label = أضف ملاحظة
note-add = إضافة الملاحظة
notes-list =
    .aria-label = ملاحظات هذه الجولة
notes-heading = ملاحظات الطاولة { $table }، الجولة { $round }
notes-heading-yours = ملاحظاتك
notes-none = لا ملاحظات بعد. عادةً يكتبها المضيف، ويمكن لأي شخص على الطاولة أن يكتب.
note-state = { $state ->
        [saved] ✓ محفوظة
        [sending] جارٍ الإرسال…
        [pending] بانتظار الإرسال
       *[failed] لم تُحفظ
    }
note-saved = حُفظت ملاحظتك.
note-not-saved = لم تُحفظ ملاحظتك: { $problem }
note-count = { $count } من { $max } حرف
note-cut = تتسع الملاحظة لـ{ $max } حرف كحد أقصى: قُصّ ما زاد مما كتبته أو لصقته.
note-only-spaces = لا تُرسل ملاحظة من مسافات فقط: اكتب بضع كلمات.
note-empty = اكتب ملاحظتك أولًا.
note-remove = إزالة
outbox-kept = { $count ->
        [one] ملاحظة واحدة محفوظة على هذا الهاتف؛ ستُرسل عند عودة الاتصال.
        [two] ملاحظتان محفوظتان على هذا الهاتف؛ ستُرسلان عند عودة الاتصال.
        [few] { $count } ملاحظات محفوظة على هذا الهاتف؛ ستُرسل عند عودة الاتصال.
       *[other] { $count } ملاحظة محفوظة على هذا الهاتف؛ ستُرسل عند عودة الاتصال.
    }
outbox-sending = { $count ->
        [one] جارٍ إرسال ملاحظة واحدة…
        [two] جارٍ إرسال ملاحظتين…
        [few] جارٍ إرسال { $count } ملاحظات…
       *[other] جارٍ إرسال { $count } ملاحظة…
    }
outbox-not-kept = لا يحتفظ هذا المتصفح بالملاحظات بعد إعادة التحميل (وضع التصفح الخاص؟). أبقِ هذه الصفحة مفتوحة حتى تُرسل.
recap-heading = في وقت سابق على هذه الطاولة
recap-hint = استعن بها للترحيب بالقادمين الجدد وتلخيص ما قيل.
recap-meta = الجولة { $round } · { $name }

## Phone: alerts and news

alert-next = التالي: الطاولة { $table }، { $colour }.
alert-look-here = ستظهر طاولتك التالية هنا.
alert-time-up = انتهى الوقت: انتهت الجولة { $round }.
alert-message = رسالة من الميسّر: { $text }
alert-one-minute = بقيت دقيقة واحدة في الجولة { $round }.
alert-broadcast = من الميسّر: { $text }
bar-table = الطاولة { $table }
bar-next-table = التالي: الطاولة { $table }
news-table = الطاولة { $table }، { $colour }.
news-will-host = ستكون مضيفها.
news-hosting = أنت مضيفها.
news-closed = هذا المقهى مغلق. شكرًا! أخبرنا برأيك في النموذج أدناه.
news-harvest = انتهت الجولات وبدأ الحصاد: انظر إلى الجدار.
news-voting-open = التصويت مفتوح: امنح نقاطك لما يهم أكثر.
news-voting-closed = أُغلق التصويت.
news-go-to = اذهب إلى { $where }
news-table-soon = ستظهر طاولتك بعد لحظة.
news-round-started = بدأت الجولة { $round }: { $where }
news-paused = الجولة { $round } متوقفة مؤقتًا.
news-resumed = الجولة { $round } مستمرة.
news-moved = نُقلت إلى طاولة أخرى: اذهب إلى { $where }
news-now-host = أنت الآن مضيف الطاولة { $table }.
news-next-round = في الجولة { $round } اذهب إلى { $where }
pill-closed = المقهى مغلق ↓
pill-harvest = بدأ الحصاد ↓
pill-voting-open = التصويت مفتوح ↓
pill-voting-closed = أُغلق التصويت ↓
pill-round-table = الجولة { $round }: الطاولة { $table } ↑
pill-round-started = بدأت الجولة { $round } ↑
pill-new-table = طاولة جديدة: { $table } ↑
pill-host = أنت المضيف ↑
pill-next-table = الطاولة التالية: { $table } ↑
pill-time-up = انتهى الوقت ↑

## Phone: harvest, voting, commitments, feedback

harvest-heading = الحصاد: ما الأهم؟
harvest-themes = المحاور
harvest-your-notes = ملاحظات طاولاتك
harvest-commitments = الالتزامات المشتركة
vote-no-dots = لم تبقَ لديك نقاط. استرجع نقطة من شيء آخر أولًا.
vote-offline = غير متصل: ستُرسل نقطتك عند عودة الاتصال.
vote-not-open = التصويت غير مفتوح الآن.
vote-your-dots = نقاطك على { $label }
vote-minus = استرجاع نقطة من { $label }
vote-plus = منح نقطة لـ{ $label }
vote-dots-word = { $count ->
        [one] نقطة
        [two] نقطتان
        [few] نقاط
       *[other] نقطة
    }
vote-state = { $state ->
        [open] التصويت مفتوح: امنح نقاطك لما يهم أكثر. يمكنك استرجاعها حتى يُغلق التصويت.
        [closed] أُغلق التصويت. شكرًا!
       *[other] التصويت لم يُفتح بعد. اطّلع على المحاور؛ سيفتح الميسّر التصويت.
    }
vote-none-left = لم تبقَ نقاط (وزّعت النقاط الـ{ $dots } كلها).
vote-left = بقي { $left } من { $dots }
vote-no-themes = لا محاور بعد.
vote-theme-notes = { $count ->
        [zero] لا ملاحظات
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $count } ملاحظات
       *[other] { $count } ملاحظة
    }
vote-the-theme = المحور { $name }
vote-no-notes = لا ملاحظات من طاولاتك.
vote-note-where = الجولة { $round }، الطاولة { $table }
vote-note-where-theme = الجولة { $round }، الطاولة { $table } · في { $theme }
vote-the-note = الملاحظة { $text }
commitment-due = بحلول { $date }
feedback-heading = كيف كانت التجربة؟
feedback-anonymous = إجاباتك مجهولة الهوية.
feedback-answer-one = أجب عن سؤال واحد على الأقل.
feedback-sending = جارٍ الإرسال…
feedback-thanks = شكرًا — يمكنك تغيير إجاباتك.
feedback-offline = غير متصل: حاول مجددًا بعد لحظة.
feedback-update = تحديث إجاباتي
feedback-send = إرسال إجاباتي
rating-word = { $value ->
        [1] إطلاقًا
        [2] قليلًا
        [3] إلى حد ما
        [4] كثيرًا
       *[5] جدًا
    }

## Wall

wall-page-title = جدار فلامينغو
wall-title = { $title }: الجدار
wall-fullscreen = ملء الشاشة
wall-qr =
    .alt = رمز QR للانضمام إلى هذا المقهى
wall-join-heading = انضم من هاتفك
wall-code = الرمز
wall-themes-empty = ستظهر المحاور هنا كلما وجدتها القاعة.
wall-board-empty = ستظهر ملاحظات الطاولات هنا.
wall-notes-by-table = الملاحظات حسب الطاولة
wall-not-in-theme = ليست في محور بعد
wall-refused = لا يستطيع هذا الجدار عرض المقهى: { $problem }
wall-no-code = افتح هذا الجدار من وحدة تحكم الميسّر.
wall-here = { $count ->
        [zero] لا أحد هنا
        [one] شخص واحد هنا
        [two] شخصان هنا
        [few] { $count } أشخاص هنا
       *[other] { $count } شخصًا هنا
    }
wall-join-at = انضم: { $url }
wall-starts-soon = تبدأ الجولة ١ من { $total } قريبًا
wall-paused = الجولة { $round } من { $total } · متوقفة مؤقتًا
wall-between = انتهت الجولة { $round } · التالية: الجولة { $next }
wall-last-over = انتهت الجولة الأخيرة
wall-harvest = الحصاد: ما الذي برز
wall-closed = هذا المقهى مغلق
wall-clock-paused = متوقف مؤقتًا
wall-clock-up = انتهى الوقت
wall-clock-left = متبقية
wall-pages = الطاولات { $first }–{ $last } من { $tables } · الصفحة { $page } من { $pages }
wall-table-in-round = الطاولة { $table } في الجولة { $round }
wall-round-notes = الجولة { $round } · { $notes }
wall-ranked = مرتبة حسب النقاط (على المحور وملاحظاته) · { $voting ->
        [open] التصويت مفتوح
       *[closed] التصويت مغلق
    }
wall-more = و{ $count } أخرى
dots = { $count ->
        [zero] لا نقاط
        [one] نقطة واحدة
        [two] نقطتان
        [few] { $count } نقاط
       *[other] { $count } نقطة
    }
commitment-owner = المسؤول: { $owner }
commitment-due-on = الموعد { $date }
commitment-themes = المحاور: { $themes }

## Printable report

report-page-title = فلامينغو: التقرير
report-print = طباعة أو حفظ بصيغة PDF
report-loading = جارٍ تحميل التقرير…
report-no-key = لا يحمل هذا المتصفح مفتاح ذلك المقهى. افتح التقرير من وحدة تحكم الميسّر على الحاسوب الذي يدير المقهى.
report-failed = تعذّر تحميل التقرير: { $problem }
report-title = { $title }: التقرير
report-someone-left = شخص غادر
report-meta = { $when } · المشاركون: { $participants } · الملاحظات: { $notes }
report-anonymous = بلا أسماء
report-questions = الأسئلة
report-question = { $question } ({ $minutes } دقيقة)
report-round = الجولة { $round }: { $question }
report-not-played = لم تُعقد هذه الجولة.
report-hosted-by = المضيف: { $name }
report-at-table = على الطاولة: { $names }
report-no-notes = لا ملاحظات.
report-who-where = من جلس أين
report-participant = المشارك
report-round-column = الجولة { $round }
report-seat = { $table }
report-seat-host = { $table } (مضيف)
report-theme-note-by = { $name }، الجولة { $round }، الطاولة { $table }
report-commitments = الالتزامات
report-no-commitments = لم تُسجّل التزامات.
report-answers = يجيب عن { $themes }
report-feedback = الآراء
report-no-feedback = لا آراء بعد.
report-forms = النماذج المُعادة: { $count }، بلا أسماء.
report-no-ratings = لا تقييمات.
report-rating = { $average } من ٥ (عدد التقييمات: { $count }) ({ $spread })
report-no-answers = لا إجابات.

## Console: the page

c-page-title = فلامينغو: وحدة تحكم الميسّر
c-wall-link = فتح الجدار
c-home-link = كل المقاهي
c-start-heading = أدِر مقهى عالميًا
c-start-lead = أنشئ مقهى، واعرض الرمز على القاعة، لينضم الناس من هواتفهم. يُجلسهم فلامينغو إلى الطاولات جولةً بعد جولة.
c-mine-heading = مقاهيك على هذا الحاسوب
c-create-heading = مقهى جديد
c-title-label = العنوان
c-people-per-table = عدد الأشخاص لكل طاولة
c-tables-in-the-room = الطاولات في القاعة
c-rounds = الجولات
c-add-round = إضافة جولة
c-create-cafe = إنشاء المقهى
c-reopen-heading = أدِر مقهى من هذا الجهاز
c-reopen-hint = الصق رابط وحدة التحكم، أو معرّف المقهى ومفتاح الميسّر، كما عرضتهما وحدة التحكم على الجهاز الذي أنشأ المقهى.
c-reopen-cafe-label = رابط وحدة التحكم أو معرّف المقهى
c-facilitator-key = مفتاح الميسّر
c-not-needed-with-a = (غير مطلوب مع الرابط)
c-open-the-console = فتح وحدة التحكم
c-console-heading = وحدة تحكم الميسّر
c-round-heading = الجولة
c-start-round = بدء الجولة
c-plan = تخطيط الطاولات الآن
c-pause = إيقاف مؤقت
c-resume = متابعة
c-plus1 = +١ دقيقة
c-plus5 = +٥ دقائق
c-end-round = إنهاء الجولة الآن
c-harvest = فتح الحصاد
c-close = إغلاق المقهى
c-message-to-every-phone = رسالة إلى كل الهواتف والجدار
c-broadcast = بث
c-harvest-heading = الحصاد
c-hv-notes-heading = الملاحظات حسب الجولة والطاولة
c-hv-themes-heading = المحاور
c-name-of-a-new = اسم محور جديد
c-create-theme = إنشاء محور
c-suggest = اقتراح محاور
c-hv-voting-heading = التصويت بالنقاط
c-dots-per-person = النقاط لكل شخص
c-open-voting = فتح التصويت
c-close-voting = إغلاق التصويت
c-hv-commitments-heading = الالتزامات المشتركة
c-what-the-room-commits = ما تلتزم به القاعة
c-owner = المسؤول
c-due = الموعد
c-themes-it-answers = المحاور التي يجيب عنها
c-commitment-save = إضافة التزام
c-commitment-cancel = إلغاء التعديل
c-tables-heading = الطاولات
c-join-heading = الانضمام
c-code = الرمز
c-join-fold-hint = ورمز QR
c-join-url = عنوان الانضمام
c-origin-hint = لا تستطيع الهواتف الوصول إلى localhost. أدخل عنوان هذا الحاسوب على الشبكة (مثلًا 192.168.1.20:8080) ليعمل رمز QR:
c-address-phones-use-to = العنوان الذي تصل به الهواتف إلى هذا الحاسوب
c-use = استخدام
c-key-box = أدِر هذا المقهى من جهاز آخر
c-open-this-link-there = افتح هذا الرابط هناك (أبقه سريًا: إنه مفتاح المقهى):
c-copy-link = نسخ الرابط
c-share-a-co-facilitator = مشاركة رابط ميسّر مساعد
c-a-co-facilitator-can = يستطيع الميسّر المساعد فعل كل ما تفعله، إلا إغلاق المقهى ومشاركة المفاتيح. الرابط الجديد يحل محل السابق.
c-cofac-share = مشاركة رابط ميسّر مساعد
c-cofac-copy = نسخ رابط الميسّر المساعد
c-cofac-revoke = إلغاء رابط الميسّر المساعد
c-cofac-role = أنت ميسّر مساعد: الميسّر هو من يغلق المقهى.
c-people-heading = الأشخاص
c-feed-heading = الملاحظات
c-feed-pause = إيقاف التدفق مؤقتًا
c-export-heading = خذ الحصاد معك
c-everything-posted-so-far = كل ما نُشر حتى الآن، في أي وقت. الملاحظات المخفية عن الجدار تبقى خارجه.
c-leave-names-out = بلا أسماء
c-report-markdown = التقرير (Markdown)
c-notes-csv = الملاحظات (CSV)
c-everything-json = كل شيء (JSON)
c-report-link = تقرير للطباعة
c-fb-heading = نموذج الآراء
c-fb-hint = تعرض الهواتف هذه الأسئلة عند إغلاق المقهى. الإجابات مجهولة الهوية.
c-fb-add = إضافة سؤال
c-fb-save = حفظ النموذج
c-title-input =
    .placeholder = العمل عبر الحدود
c-tables =
    .placeholder = بلا حد
c-round-controls =
    .aria-label = أدوات التحكم في الجولة
c-theme-name =
    .placeholder = اسم محور جديد
c-suggest-progress =
    .aria-label = جارٍ البحث عن محاور
c-vote-ranking =
    .aria-label = مرتبة حسب النقاط
c-qr =
    .alt = رمز QR بعنوان الانضمام

## Console: broadcast

c-sent-to-everyone = أُرسلت إلى الجميع.
c-last-message = آخر رسالة: { $text }

## Console: co-facilitator link

c-cofac-replace = الرابط الجديد يُبطل رابط الميسّر المساعد الحالي. هل تنشئ رابطًا جديدًا؟
c-cofac-making = جارٍ إنشاء رابط…
c-cofac-made = أرسل هذا الرابط إلى الميسّر المساعد؛ وأبقه سريًا.
c-cofac-make-failed = تعذّر إنشاء الرابط: { $problem }
c-copied = نُسخ.
c-copy-by-hand = حدّد الرابط وانسخه يدويًا.
c-cofac-revoke-confirm = إلغاء رابط الميسّر المساعد؟ سيُخرج من يستخدمه فورًا.
c-cofac-revoked = أُلغي: لم يعد رابط الميسّر المساعد يعمل.
c-cofac-revoke-failed = تعذّر الإلغاء: { $problem }
c-cofac-new = إنشاء رابط جديد لميسّر مساعد

## Console: commitments

c-commitment-empty = اكتب ما تلتزم به القاعة.
c-commitment-updated = حُدّث الالتزام.
c-commitment-added = أُضيف الالتزام: إنه على الجدار.
c-commitment-save-changes = حفظ التغييرات
c-no-commitments = لا التزامات بعد.
c-edit = تعديل
c-delete = حذف
c-commitment-delete-confirm = حذف هذا الالتزام؟
c-commitment-deleted = حُذف الالتزام.
c-no-owner = لا مسؤول بعد

## Console: start screen

c-default-question-1 = ما الذي يعيق العمل بين مؤسساتنا؟
c-default-question-2 = ما الذي رأيته ينجح في أماكن أخرى؟
c-default-question-3 = بماذا سنلتزم معًا؟
c-title-missing = أعطِ المقهى عنوانًا.
c-table-size-wrong = عدد الأشخاص لكل طاولة: عدد صحيح من ٣ إلى ٨.
c-tables-wrong = الطاولات في القاعة: عدد صحيح من ١ إلى ١٠٠٠، أو اتركه فارغًا.
c-round-question-missing = الجولة { $round } تحتاج إلى سؤال.
c-round-minutes-wrong = تدوم الجولة { $round } من ١ إلى ٢٤٠ دقيقة.
c-server-unreachable = تعذّر الوصول إلى خادم فلامينغو. هل هو قيد التشغيل؟
c-reopen-missing = الصق رابط وحدة التحكم، أو معرّف المقهى والمفتاح معًا.
c-mine-code = الرمز { $code }
c-minutes = الدقائق
c-round-up = نقل الجولة { $round } إلى الأعلى
c-round-down = نقل الجولة { $round } إلى الأسفل
c-round-remove = إزالة الجولة { $round }
c-round-minutes = دقائق الجولة { $round }

## Console: opening a café

c-swap-key-confirm = يدير هذا المتصفح هذا المقهى بصفة الميسّر. هل تفتح هذا الرابط بصفة ميسّر مساعد بدلًا من ذلك؟ سينسى المتصفح حينها مفتاح الميسّر (احتفظ برابط وحدة التحكم لاستعادته).
c-no-key = لا يحمل هذا المتصفح مفتاح ذلك المقهى. الصق رابط وحدة التحكم الخاص به.
c-key-revoked = لم يعد هذا المفتاح يفتح المقهى: استُبدل رابط الميسّر المساعد أو أُلغي. اطلب رابطًا جديدًا من الميسّر.
c-bad-key = معرّف المقهى والمفتاح هذان لا يطابقان أي مقهى على هذا الخادم.
c-title = { $title }: وحدة التحكم

## Console: export

c-export-preparing = جارٍ تجهيز التنزيل…
c-export-saved = حُفظ { $file }.
c-export-failed = تعذّر التصدير: { $problem }
c-server-answered = ردّ الخادم بـ{ $status }.

## Console: harvest requests

c-suggest-unavailable = الاقتراحات غير متاحة على هذا الخادم.
c-server-unreachable-retry = تعذّر الوصول إلى الخادم. حاول مجددًا بعد لحظة.

## Console: feedback form

c-fb-prompt-missing = كل سؤال يحتاج إلى نص (أو أزله).
c-fb-saved = حُفظ نموذج الآراء.
c-fb-count = عدد من أجابوا عن نموذج الآراء: { $count }.
c-fb-hint-closed = الإجابات في ملف التصدير، بلا أسماء.
c-fb-none = لا أسئلة: لن تعرض الهواتف أي نموذج.
c-fb-kind = نوع السؤال { $n }
c-fb-rating = تقييم من ١ إلى ٥
c-fb-text = نص حر
c-fb-question = السؤال { $n }
c-fb-up = نقل السؤال { $n } إلى الأعلى
c-fb-down = نقل السؤال { $n } إلى الأسفل
c-fb-remove = إزالة السؤال { $n }

## Console: harvest board

c-theme-name-missing = أعطِ المحور اسمًا.
c-theme-created = أُنشئ المحور «{ $name }».
c-theme-created-with-note = أُنشئ المحور «{ $name }» مع الملاحظة المختارة.
c-pick-label = اختيار «{ $text }» لوضعها في محور
c-picked-label = اختيرت «{ $text }» لوضعها في محور
c-note-put-in = وُضعت الملاحظة في «{ $name }».
c-note-taken-out = أُخرجت الملاحظة من محورها.
c-harvest-final = المقهى مغلق: الحصاد نهائي.
c-harvest-hint = اختر ملاحظة ثم «ضع هنا» على محور، أو اسحب ملاحظة إلى محور. تصوّت الهواتف بالنقاط بمجرد فتح التصويت.
c-pick = اختيار
c-picked = مختارة
c-picked-bar = المختارة:
c-pick-now = اختر الآن «ضع هنا» على محور، أو أنشئ محورًا لها.
c-cancel = إلغاء
c-save = حفظ
c-no-notes-written = لم تُكتب أي ملاحظات.
c-round-colon = الجولة { $round }:
c-in-theme = في { $name }
c-off-wall = خارج الجدار
c-take-out-of-theme = إخراج من المحور
c-note-back-on-wall = عادت الملاحظة إلى الجدار.
c-note-off-wall = أُزيلت الملاحظة عن الجدار.
c-show-on-wall = عرض على الجدار
c-hide-from-wall = إخفاء عن الجدار
c-no-themes-yet = لا محاور بعد. سمِّ محورًا في الأعلى، أو اطلب اقتراحات.
c-no-themes = لا محاور.
c-theme-label = المحور { $name }
c-put-here = ضع هنا
c-drop-here = أفلت الملاحظات هنا، أو اختر ملاحظة ثم «ضع هنا».
c-take-out = إخراج
c-take-out-label = إخراج «{ $text }» من { $name }
c-theme-more = و{ $count } أخرى (موسومة «في { $name }» بين الملاحظات)
c-rename = إعادة تسمية
c-rename-label = إعادة تسمية { $name }
c-delete-label = حذف { $name }
c-theme-delete-confirm = حذف المحور «{ $name }»؟ تبقى ملاحظاته؛ وتضيع النقاط التي على المحور.
c-dots-on-theme = النقاط على المحور: { $count }
c-new-name = اسم جديد لـ{ $name }
c-renamed = أُعيدت التسمية إلى «{ $name }».
c-theme-deleted = حُذف المحور «{ $name }».

## Console: join panel

c-origin-wrong = لا يبدو هذا عنوانًا: اكتبه بهذا الشكل 192.168.1.20:8080.
c-origin-set = تنضم الهواتف الآن عبر { $origin }. حُدّث رمز QR.
c-join-fold-hint-closed = + رمز QR
c-origin-hint-set = تنضم الهواتف عبر العنوان أدناه. غيّره إن تغيّرت القاعة أو الشبكة؛ أفرغه لاستخدام عنوان هذه الصفحة.

## Console: people

c-people = الأشخاص: { $here } حاضرون، { $online } متصلون
c-people-none = لا أحد بعد. اعرض الرمز أو رمز QR على القاعة.
c-phone-on = ، الهاتف متصل
c-phone-off = ، الهاتف غير متصل

## Console: notes feed

c-feed-count = الملاحظات ({ $count })
c-feed-show-new = عرض { $count } جديدة
c-feed-resume = متابعة التدفق
c-feed-empty = تظهر ملاحظات الطاولات هنا حين تُكتب.
c-feed-meta = الجولة { $round } · { $name }

## Console: round bar

c-planned = خُطّطت الطاولات: تعرض الهواتف إلى أين يذهب كل شخص.
c-added-minutes = { $minutes ->
        [one] أُضيفت دقيقة واحدة.
        [two] أُضيفت دقيقتان.
        [few] أُضيفت { $minutes } دقائق.
       *[other] أُضيفت { $minutes } دقيقة.
    }
c-end-confirm = إنهاء هذه الجولة الآن؟
c-close-confirm = إغلاق المقهى نهائيًا؟ لن يستطيع أحد الانضمام أو الكتابة بعد ذلك.
c-timer-paused = (متوقف مؤقتًا)
c-phase = { $state ->
        [lobby] الاستقبال: لم تبدأ الجولة ١ من { $total }
        [running] الجولة { $round } من { $total } جارية
        [paused] الجولة { $round } من { $total } متوقفة مؤقتًا
        [betweenRounds] انتهت الجولة { $round } من { $total }
        [allOver] انتهت الجولات كلها ({ $total })
        [harvest] الحصاد
       *[closed] مغلق
    }
c-question = س{ $round }: { $question }
c-start-round-n = بدء الجولة { $round }
c-replan = إعادة تخطيط الطاولات
c-round-started = بدأت الجولة { $round }: الأشخاص { $people }، الطاولات { $tables }.
c-round-over = انتهت الجولة { $round }. تعرض الهواتف طاولات الجولة { $next }.
c-last-round-over = انتهت الجولة { $round }: كانت الأخيرة. افتح الحصاد حين تكون القاعة مستعدة.
c-harvest-open = الحصاد مفتوح: تعرض الهواتف والجدار الملاحظات.
c-cafe-closed = المقهى مغلق. تعرض الهواتف نموذج الآراء.

## Console: suggested themes

c-suggest-looking = جارٍ البحث عن محاور في الملاحظات…
c-suggest-nothing = لا ملاحظات بلا محور: كل ملاحظة على الجدار في محور بالفعل.
c-suggest-none = لم يُعثر على مجموعات بين { $count } من الملاحظات بلا محور. أنشئ المحاور يدويًا.
c-suggest-found = محاور مقترحة: { $count }، من { $notes } ملاحظة بلا محور. اقبل ما يناسب منها.
c-suggest-accepted = أُنشئ المحور «{ $name }» (عدد الملاحظات: { $count }).
c-suggested-label = محور مقترح { $name }
c-suggest-words = الكلمات: { $words }
c-accept = قبول
c-accept-label = قبول { $name }
c-dismiss = تجاهل
c-dismiss-label = تجاهل { $name }

## Console: table map

c-map-no-tables-yet = لا طاولات بعد. «تخطيط الطاولات الآن» يُجلس الجميع لتعرض الهواتف طاولاتهم قبل الجولة ١؛ و«بدء الجولة ١» يخطط تلقائيًا.
c-map-no-tables = لا طاولات الآن.
c-map-preview = معاينة: من يذهب إلى أين في الجولة { $round }. اضغط على شخص لنقله أو جعله مضيفًا؛ تبقى تغييراتك.
c-map-now = الجولة { $round } الآن. اضغط على شخص لنقله أو جعله مضيفًا.
c-map-heading-plan = الطاولات: خطة الجولة { $round }
c-map-heading-round = الطاولات: الجولة { $round }
c-not-seated = بلا طاولة
c-map-table-label = الطاولة { $table }، { $colour }
c-map-seats = ، الأشخاص { $people } من { $seats } مقاعد
c-move-here = انقل إلى هنا
c-person-picked = اختير { $name }: اختر «انقل إلى هنا» على طاولة، أو استخدم شريط النقل فوق الخريطة.
c-phone-on-title = الهاتف متصل
c-phone-off-title = الهاتف غير متصل
c-table-empty = الطاولة { $table } (فارغة)
c-at-table = على الطاولة { $table }
c-unseated = (بلا طاولة)
c-move-to = النقل إلى
c-move = نقل
c-make-host = جعله مضيفًا
c-moved = نُقل { $name } إلى الطاولة { $table }.
c-now-hosts = أصبح { $name } مضيف الطاولة.

## Console: dot-voting

c-dots-wrong = أعطِ كل شخص من ١ إلى ٢٠ نقطة.
c-dots-changed = لكل شخص الآن { $dots } من النقاط.
c-voting-opened = التصويت مفتوح: { $dots } من النقاط لكل شخص.
c-voting-closed = أُغلق التصويت: المجاميع نهائية.
c-voting-state = { $state ->
        [open] التصويت مفتوح: { $dots } من النقاط لكل شخص.
        [closed] أُغلق التصويت.
       *[notOpen] لم يُفتح التصويت بعد.
    }
c-change-dots = تغيير النقاط
c-open-voting-again = إعادة فتح التصويت
c-no-dots = لا نقاط بعد.
c-rank-note = ملاحظة:
`;
