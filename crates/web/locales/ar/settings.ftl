# صفحات peergroup للمنسقين: إعدادات المنظمة، وقواعد البرنامج، وصفحات للطباعة. العربية (الفصحى، بسيطة).
# كل لغة فيها كل المفاتيح؛ يتحقق اختبار من ذلك.

nav-settings = الإعدادات

## إعدادات المنظمة
settings-title = الإعدادات
settings-admins-only = المسؤول فقط يمكنه تغيير هذه الإعدادات.
settings-quiet = ساعات الهدوء
settings-quiet-hint = لا يُرسَل أي تذكير بين هذين الوقتين، حسب الوقت المحلي لكل مجموعة. التذكير الذي يحين موعده في هذا الوقت ينتظر حتى نهايته. الوقت نفسه مرتين يعني أنه لا توجد ساعات هدوء.
settings-quiet-start = من
settings-quiet-end = حتى
settings-reply-to = الردود على التذكيرات
settings-reply-to-hint = العنوان الذي تصل إليه الردود على رسائل المنظمة. إذا كان فارغًا: تصل إلى عنوان المرسل.
settings-policy = ميسّر لم يُكمل التدريب
settings-policy-block = لا يمكن تعيينه
settings-policy-override = يمكن أن يعيّنه منسق يذكر السبب
settings-per-program = قاعدة الجلسات الفائتة ومواعيد إرسال التذكيرات تُحدَّد لكل برنامج، في صفحته.
settings-save = حفظ الإعدادات
settings-saved = تم الحفظ.
settings-bad-time = اكتب ساعات الهدوء بصيغة وقت، مثل 21:00 و 08:00.
settings-bad-email = عنوان الرد ليس عنوان بريد إلكتروني.

## قواعد البرنامج
program-rules = الاتصالات والتذكيرات
field-missed-threshold = اتصل بعد هذا العدد من الجلسات الفائتة المتتالية
field-participant-hours = ذكّر المشاركين قبل هذا العدد من الساعات
field-facilitator-hours = ذكّر الميسّرين قبل هذا العدد من الساعات
field-hours-hint = أعداد ساعات، تفصل بينها فواصل، مثل 168, 24. إذا كان فارغًا: لا توجد تذكيرات.
program-bad-threshold = عدد الجلسات الفائتة يجب أن يكون عددًا صحيحًا من 1 إلى 20.
program-bad-hours = اكتب الساعات أعدادًا صحيحة تفصل بينها فواصل، من 1 إلى 672.

## صفحات للطباعة
print-button = طباعة
print-sheet-link = ورقة التوقيع للطباعة
print-roster-link = قائمة المشاركين للطباعة
print-sheet-title = ورقة التوقيع
print-roster-title = قائمة المشاركين
print-name = الاسم
print-signature = التوقيع
print-language = اللغة
print-phone = الهاتف
print-status = الحالة
print-facilitators = الميسّرون
settings-organization = المنظمة
settings-name = الاسم
settings-name-hint = يظهر في الدعوات وأعلى الصفحات المطبوعة.
settings-bad-name = اكتب اسم المنظمة (200 حرف على الأكثر).
settings-retention = الاحتفاظ بالبيانات الشخصية
settings-retention-months = عدد الأشهر التي تُحفظ فيها بيانات المشارك بعد انتهاء آخر مجموعة له
settings-retention-hint = اتركه فارغًا للاحتفاظ بالبيانات حتى يحذفها أحد. كل ليلة تُحذف بيانات الأشخاص الذين انتهت آخر مجموعة لهم قبل أكثر من هذا العدد من الأشهر؛ ويبقى حضورهم وتقييماتهم بدون اسم.
settings-bad-retention = الأشهر: اكتب عددًا من 1 إلى 120، أو اتركه فارغًا.
settings-retention-due = في الليلة القادمة تُحذف بيانات:
settings-retention-none-due = في الليلة القادمة لن تُحذف بيانات أي شخص.
