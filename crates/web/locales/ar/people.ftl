# صفحات peergroup للمنسقين: المشاركون، والاستيراد، والتصدير. العربية (الفصحى، بسيطة).
# كل لغة فيها كل المفاتيح؛ يتحقق اختبار من ذلك. أسماء الأعمدة المكتوبة في `code` تبقى بالإنجليزية:
# فهي الأسماء التي يجب أن تكون في الصف الأول من ملف CSV.

nav-participants = المشاركون
nav-exports = التصدير

## المشاركون
participants-title = المشاركون
participants-search = ابحث بالاسم أو البريد الإلكتروني أو الهاتف
participants-search-button = بحث
participants-new = إضافة مشارك
participants-import = استيراد من ملف CSV
participants-none = لا يوجد مشاركون حتى الآن.
participants-none-found = لا أحد يطابق هذا البحث.
participants-more = يظهر أول 50 شخصًا فقط. ابحث للعثور على الآخرين.
participant-title = مشارك
participant-added = تم الحفظ. تمت إضافة المشارك.
new-participant-title = إضافة مشارك
participant-looks-like = ربما يكون هذا الشخص موجودًا هنا من قبل:
participant-different = هذا شخص آخر. أضفه على أي حال.
participant-save = حفظ
field-name = الاسم
field-language = اللغة
field-language-hint = رمز لغة، مثل ar أو fa-AF أو uk أو zh-Hans.
field-email = البريد الإلكتروني
field-phone = الهاتف
field-phone-hint = مع رمز البلد، مثل +1 604 555 0123.
field-channel = التذكيرات عن طريق
field-alternative-contact = شخص آخر يمكنه إيصال رسالة
field-consent-reminders = يوافق على تلقي التذكيرات
field-consent-calls = يوافق على تلقي الاتصالات الهاتفية
consent-legend = الموافقة
consent-given-on = نعم، منذ { $date }
consent-not-given = لا
channel-none = لا يوجد تفضيل
channel-email = البريد الإلكتروني
channel-sms = رسالة نصية (SMS)
channel-phone = اتصال هاتفي
enrolments-title = المجموعات
enrolments-none = ليس في أي مجموعة حتى الآن.
enrolment-waitlisted = قائمة الانتظار
enrolment-enrolled = مسجَّل
enrolment-withdrawn = ترك المجموعة
enrolment-completed = أكمل المجموعة
attendance-summary = الحضور: { $attended }. الغياب: { $absent }. الغياب بعذر: { $excused }.
attendance-line = الجلسة { $number }، { $date }: { $status }
supports-title = الدعم:
support-childcare = رعاية الأطفال
support-transport = المواصلات
support-interpreter = مترجم
support-food = الطعام
support-financial = مساعدة مالية
support-other = دعم آخر
support-status-requested = مطلوب
support-status-arranged = تم الترتيب
support-status-declined = غير ممكن

## مشكلات في البيانات المكتوبة
problem-missing = { $field }: هذه المعلومة ناقصة.
problem-invalid = { $field }: هذه المعلومة غير صحيحة.
problem-phone = الهاتف: اكتب الرقم مع + ورمز البلد، مثل +16045550123.
problem-language = اللغة: اكتب رمز لغة، مثل ar أو fa-AF أو zh-Hans.
problem-channel-without-contact = التذكيرات عن طريق: لا يوجد بريد إلكتروني أو هاتف لذلك.
problem-reminders-without-contact = التذكيرات تحتاج إلى بريد إلكتروني أو هاتف.
problem-calls-without-phone = الاتصالات الهاتفية تحتاج إلى رقم هاتف.

## الاستيراد
import-title = استيراد المشاركين
import-intro = اختر ملف CSV محفوظًا بترميز UTF-8. سترى أولًا ما سيحدث لكل صف. لا يُحفَظ شيء حتى تؤكد. الأشخاص الموجودون هنا من قبل لا تتم إضافتهم مرة أخرى.
import-file = ملف CSV
import-check = فحص الملف
import-columns-title = الأعمدة
import-template = تنزيل ملف لتعبئته
column-name = اسم الشخص. مطلوب.
column-language = لغة الشخص، برمز مثل ar أو fa-AF. مطلوب.
column-email = البريد الإلكتروني.
column-phone = الهاتف، مع + ورمز البلد.
column-channel = email أو sms أو phone: كيف تصل التذكيرات إلى الشخص.
column-alternative-contact = شخص آخر يمكنه إيصال رسالة.
column-consent-reminders = yes أو no: يوافق على تلقي التذكيرات.
column-consent-calls = yes أو no: يوافق على تلقي الاتصالات الهاتفية.
import-not-utf8 = هذا الملف ليس بترميز UTF-8. في برنامج الجداول، احفظه بصيغة "CSV UTF-8" ثم حاول مرة أخرى.
import-empty = هذا الملف فارغ.
import-missing-column = لا يوجد في الملف عمود "{ $column }". يجب أن يحتوي الصف الأول على أسماء الأعمدة.
import-too-many-rows = عدد الصفوف في الملف أكثر من { $count }. قسّمه إلى ملفات أصغر.
import-unreadable = لا يمكن قراءة الملف من السطر { $line }. ربما تنقص علامة اقتباس.
import-no-file = اختر ملفًا أولًا.
import-preview-title = مراجعة الاستيراد
import-done-title = تم الاستيراد
import-preview = للإضافة: { $added }. موجودون من قبل: { $there }. صفوف فيها مشكلات: { $refused }.
import-done = تمت الإضافة: { $added }. موجودون من قبل: { $there }. صفوف فيها مشكلات ولم تُضَف: { $refused }.
import-ignored-columns = هذه الأعمدة لا تُقرأ: { $columns }
import-confirm = إضافة الأشخاص ({ $count })
import-another = استيراد ملف آخر
import-rows-caption = كل صفوف الملف
import-line = السطر
import-outcome = ماذا سيحدث
import-row-add = ستتم الإضافة
import-row-added = تمت الإضافة
import-row-there = موجود من قبل: { $name }
import-row-repeat = الشخص نفسه في السطر { $line }

## التصدير
exports-title = التصدير
exports-intro = نزّل ملفات CSV لبرنامج أو لمجموعة. هذه الملفات تُفتح في LibreOffice أو Excel. فيها بيانات شخصية: احفظها في مكان آمن، واحذفها عندما تنتهي منها.
exports-programs = البرامج
exports-groups = المجموعات
exports-none = لا يوجد شيء حتى الآن.
export-participants = المشاركون
export-attendance = الحضور
export-follow-ups = اتصالات المتابعة

## لوحة المعلومات
nav-dashboard = لوحة المعلومات
dashboard-title = لوحة المعلومات
dashboard-week = الأيام السبعة القادمة
dashboard-week-count = الجلسات المخطط لها: { $count }
dashboard-session = { $group }، الجلسة { $number }
dashboard-missing = ينقص: { $roles }
dashboard-gaps = جلسات ليس فيها كل الميسّرين الذين تحتاجهم
dashboard-gaps-none = كل جلسة فيها الميسّرون الذين تحتاجهم.
dashboard-follow-ups = اتصالات المتابعة
dashboard-open = مفتوحة: { $count }
dashboard-overdue = متأخرة: { $count }
dashboard-escalated = أُحيلت إلى منسق: { $count }
dashboard-follow-ups-link = عرض اتصالات المتابعة
dashboard-training = نقص في التدريب
dashboard-training-none = كل ميسّر لديه التدريب الذي تحتاجه مجموعاته.
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = الدعم الذي يجب ترتيبه للأيام السبعة القادمة
dashboard-supports-none = لا حاجة إلى أي دعم.
dashboard-childcare = أماكن رعاية الأطفال: { $count }
dashboard-transport = تنقلات يجب دفع تكلفتها أو ترتيبها: { $count }
dashboard-food = الوجبات: { $count }
dashboard-interpreters = المترجمون: { $languages }
dashboard-retention = المشاركون الباقون في كل مجموعة
dashboard-retention-none = لا توجد مجموعات نشطة حتى الآن.
dashboard-kept = { $kept } من { $all }
dashboard-more-groups = مجموعات غير معروضة: { $count }
field-consent-research = استخدام تقييماته في البحث
