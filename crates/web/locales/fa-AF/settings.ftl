# صفحه‌های peergroup برای هماهنگ‌کننده‌ها: تنظیمات مؤسسه، قاعده‌های یک برنامه، و صفحه‌ها برای چاپ. دری (افغانستان).
# هر زبان همهٔ کلیدها را دارد؛ یک تست این را بررسی می‌کند.

nav-settings = تنظیمات

## تنظیمات مؤسسه
settings-title = تنظیمات
settings-admins-only = فقط یک مدیر می‌تواند این تنظیمات را تغییر بدهد.
settings-quiet = ساعت‌های آرام
settings-quiet-hint = بین این دو وقت هیچ یادآوری فرستاده نمی‌شود، به وقت محلی هر گروپ. یادآوری‌ای که وقتش در این ساعت‌ها باشد، تا آخر آن صبر می‌کند. اگر هر دو وقت یکی باشد، ساعت آرام وجود ندارد.
settings-quiet-start = از
settings-quiet-end = تا
settings-reply-to = جواب به یادآوری‌ها
settings-reply-to-hint = آدرسی که جواب‌ها به ایمیل‌های مؤسسه به آن می‌رود. اگر خالی باشد: به آدرس فرستنده.
settings-policy = تسهیل‌کننده‌ای که آموزش را تمام نکرده است
settings-policy-block = نمی‌شود او را تعیین کرد
settings-policy-override = یک هماهنگ‌کننده می‌تواند با گفتن دلیل، او را تعیین کند
settings-per-program = قاعدهٔ جلسه‌های غیرحاضری و وقت فرستادن یادآوری‌ها برای هر برنامه، در صفحهٔ همان برنامه تعیین می‌شود.
settings-save = ذخیرهٔ تنظیمات
settings-saved = ذخیره شد.
settings-bad-time = ساعت‌های آرام را به شکل وقت بنویسید، مثلاً 21:00 و 08:00.
settings-bad-email = آدرس جواب، آدرس ایمیل نیست.

## قاعده‌های یک برنامه
program-rules = تماس‌ها و یادآوری‌ها
field-missed-threshold = بعد از این تعداد جلسهٔ غیرحاضری پی‌هم تماس بگیرید
field-participant-hours = به اشتراک‌کننده‌ها این تعداد ساعت پیش از جلسه یادآوری شود
field-facilitator-hours = به تسهیل‌کننده‌ها این تعداد ساعت پیش از جلسه یادآوری شود
field-hours-hint = تعداد ساعت‌ها، جدا شده با کامه، مثلاً 168, 24. اگر خالی باشد: یادآوری فرستاده نمی‌شود.
program-bad-threshold = تعداد جلسه‌های غیرحاضری باید یک عدد کامل از 1 تا 20 باشد.
program-bad-hours = ساعت‌ها را به شکل عددهای کامل بنویسید که با کامه جدا شده‌اند، از 1 تا 672.

## صفحه‌ها برای چاپ
print-button = چاپ
print-sheet-link = ورق امضای حاضری برای چاپ
print-roster-link = لیست اشتراک‌کننده‌ها برای چاپ
print-sheet-title = ورق امضای حاضری
print-roster-title = لیست اشتراک‌کننده‌ها
print-name = نام
print-signature = امضا
print-language = زبان
print-phone = تیلفون
print-status = وضعیت
print-facilitators = تسهیل‌کننده‌ها
settings-organization = سازمان
settings-name = نام
settings-name-hint = در دعوت‌نامه‌ها و بالای صفحه‌های چاپی دیده می‌شود.
settings-bad-name = نام سازمان را بنویسید (حداکثر ۲۰۰ حرف).
