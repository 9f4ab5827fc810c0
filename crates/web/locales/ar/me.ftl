# My training and My calendar, Arabic (Modern Standard, simple).

nav-training = تدريبي
nav-calendar = تقويمي
not-a-facilitator = حسابك غير مرتبط بميسّر حتى الآن. اسأل المنسق.
training-title = تدريبي
training-done-title = الوحدات المكتملة
training-done-line = { $module }: { $date }
training-expired = لم يعد صالحًا
training-none = لا توجد وحدات مسجلة حتى الآن.
training-roles-title = أدواري
training-role-ready = { $group } ({ $role }): يمكنك قيادة الجلسات
training-role-missing = { $group } ({ $role }): لا يزال مطلوبًا: { $missing }
training-role-expiring = جدِّد قريبًا: { $modules }
training-role-override = سمح أحد المنسقين بهذا الدور مؤقتًا.
supervision-title = لقاءات الإشراف
supervision-line = { $date }: عدد الدقائق { $minutes }
supervision-none = لا توجد لقاءات إشراف حتى الآن.
calendar-title = تقويمي
calendar-intro = يمكن أن تظهر جلساتك في تقويم هاتفك، وتبقى محدَّثة هناك. أنشئ رابطك الخاص، ثم أضفه إلى تقويمك.
calendar-make = إنشاء رابط تقويمي
calendar-link-made = هذا رابط تقويمك. يظهر الآن فقط، وهو خاص: لا تشاركه مع أحد.
calendar-open = إضافة إلى تقويمي
calendar-android = Android (تقويم Google): على جهاز كمبيوتر، افتح calendar.google.com، واختر "تقاويم أخرى"، ثم "+"، ثم "من عنوان URL"، والصق الرابط.
calendar-iphone = iPhone: اضغط على "إضافة إلى تقويمي"، أو افتح الإعدادات، ثم التقويم، ثم الحسابات، ثم إضافة حساب، ثم أخرى، ثم إضافة تقويم مشترك فيه، والصق الرابط.
calendar-again = إنشاء رابط جديد يوقف الرابط القديم.

## The roll-call on a phone that may be offline
mark-pending = لم يُرسَل بعد
mark-saved = تم الحفظ
mark-refused = لم يُقبَل
mark-disagrees = حسب { $by }: { $mark }
log-pending = سيُرسَل الحضور عندما تعود الإشارة.

## Asking a coordinator to help with a call
escalate = اطلب من منسق المساعدة في هذا الاتصال
escalated = تم إبلاغ المنسقين. سيتواصلون معك.
interpreter-for = حضر مترجم للغة { $language }
