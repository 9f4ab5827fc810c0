# peergroup messages, Arabic (Modern Standard, simple). Short sentences, Western digits, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
# $weekday, $day, $month, $year
date-long = { $weekday }، { $day } { $month } { $year }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = ص
time-pm = م

## Shared lines
greeting = مرحبًا { $name }،
signature = فريق { $group }
place = المكان: { $venue }
place-address = العنوان: { $address }
duration = مدة الجلسة: { $minutes } دقيقة.
support-childcare = رعاية الأطفال متاحة لك.
support-transport = تم ترتيب المواصلات لك.
support-interpreter = سيكون هناك مترجم من أجلك.
support-food = سيتم تقديم الطعام.
support-other = تم ترتيب دعم آخر لك.
cant-come-intro = لا يمكنك الحضور؟ يُرجى إخبارنا. يُرجى الضغط هنا:
cant-come-link = لا أستطيع الحضور
unsubscribe-note = تصلك هذه الرسائل لأنك انضممت إلى { $group }. لإيقافها، يُرجى إخبار قائد مجموعتك.

## Session reminder, to a participant
session-reminder-subject = تذكير: { $group } يوم { $date }
session-reminder-when = تجتمع مجموعتك يوم { $date } الساعة { $time }.

## A session was moved, to participants who were already reminded
session-changed-subject = موعد جديد: { $group } يوم { $date }
session-changed-when = تغيّر الموعد. تجتمع مجموعتك الآن يوم { $date } الساعة { $time }.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = تم الإلغاء: { $group } يوم { $date }
session-cancelled-body = تم إلغاء الجلسة يوم { $date } الساعة { $time }. لا داعي للحضور.

## Session reminder, to a facilitator
facilitator-reminder-subject = أنت تقود جلسة { $group } يوم { $date }
facilitator-reminder-when = أنت تقود الجلسة يوم { $date } الساعة { $time }.
facilitator-reminder-topic = الموضوع: { $topic }
facilitator-reminder-roster = المشاركون ({ $count }):
facilitator-reminder-supports = الدعم المطلوب ترتيبه:
headcount-childcare = رعاية الأطفال (عدد الأطفال): { $children }
headcount-transport = المواصلات (عدد الأشخاص): { $count }
headcount-interpreter = مترجم: { $languages }
headcount-food = الطعام (عدد الأشخاص): { $count }
headcount-none = لا حاجة إلى أي دعم.
facilitator-reminder-absent = عدد من قالوا إنهم لا يستطيعون الحضور: { $count }

## To coordinators
follow-up-opened-subject = مطلوب اتصال متابعة في { $group }
follow-up-opened-body = غاب أحد المشاركين في { $group } عن جلسات متتالية. عدد الجلسات: { $misses }. أصبح اتصال المتابعة الآن في قائمة الانتظار.
follow-up-opened-by-hand-body = فتح أحد المنسقين اتصال متابعة لأحد المشاركين في { $group }. أصبح الاتصال الآن في قائمة الانتظار.
follow-up-assigned-subject = اتصال متابعة مطلوب منك في { $group }
follow-up-assigned-body = نطلب منك الاتصال بأحد المشاركين في { $group } قبل { $date }. افتح المهمة في peergroup لترى بمن تتصل وكيف تصل إليه والجلسات التي غاب عنها.
follow-up-escalated-subject = اتصال متابعة متأخر في { $group }
follow-ups-escalated-subject = اتصالات متابعة متأخرة: { $count }
follow-up-escalated-body = كان موعد اتصال المتابعة في { $group } يوم { $date }. لم يتصل أحد حتى الآن.
roles-missing-subject = نقص في الميسّرين: { $group } يوم { $date }
roles-missing-body = الجلسة يوم { $date } الساعة { $time } ليس لها كل الميسّرين الذين تحتاجهم: { $missing }.
weekly-digest-subject = أسبوعك القادم: { $org }
weekly-digest-sessions = جلسات الأسبوع القادم: { $count }
weekly-digest-open = اتصالات المتابعة المفتوحة: { $count }
weekly-digest-overdue = اتصالات المتابعة المتأخرة: { $count }
weekly-digest-supports = الدعم في الأسبوع القادم. رعاية الأطفال (عدد الأطفال): { $children }. المواصلات (عدد الأشخاص): { $transport }. الطعام (عدد الأشخاص): { $food }.
weekly-digest-interpreters = المترجمون في الأسبوع القادم: { $languages }
queue-link = افتح peergroup لرؤية التفاصيل.

## The "I can't come" page
absence-page-title = لا أستطيع الحضور
absence-page-question = لماذا لا يمكنك الحضور؟ يُرجى اختيار إجابة واحدة.
absence-page-session = الجلسة: { $date } الساعة { $time }
absence-page-place = المكان: { $venue }
absence-page-unknown = هذا الرابط لا يعمل. تأكد من نسخه كاملاً، أو اسأل قائد مجموعتك.
absence-page-choose = يرجى اختيار أحد الأسباب أدناه.
absence-reason-childcare = لا توجد رعاية للأطفال
absence-reason-transport = لا توجد مواصلات
absence-reason-work = العمل
absence-reason-illness = المرض
absence-reason-other = سبب آخر
absence-page-thanks = شكرًا لك. لقد أبلغنا قائد مجموعتك. نأمل أن نراك في المرة القادمة.
absence-page-expired = هذا الرابط لم يعد يعمل.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = اعتذار أحد المشاركين عن الحضور يوم { $date }
absence-notice-body = وصلنا اعتذار من { $name } عن حضور الجلسة يوم { $date } الساعة { $time }.
absence-notice-reason = السبب: { $reason }

## الدخول إلى peergroup
invitation-subject = أنت مدعو إلى peergroup ({ $org })
invitation-body = تدعوك { $org } إلى peergroup، حيث ترى جلساتك ومكالماتك. اختر كلمة مرور للدخول.
invitation-link = اختيار كلمة المرور
invitation-expiry = يعمل هذا الرابط مرة واحدة، لمدة { $days } أيام.
password-reset-subject = كلمة مرورك الجديدة في peergroup
password-reset-body = طلب أحدهم تغيير كلمة مرورك في peergroup. اختر كلمة مرور جديدة هنا:
password-reset-link = اختيار كلمة مرور جديدة
password-reset-expiry = يعمل هذا الرابط مرة واحدة، لمدة { $minutes } دقيقة.
sign-in-ignore = إذا لم تكن تنتظر هذه الرسالة، يمكنك تجاهلها.
follow-up-handed-over-subject = ميسّر يطلب المساعدة: { $group }
follow-up-handed-over-body = يطلب ميسّر في { $group } من أحد المنسقين المساعدة في مكالمة متابعة.
