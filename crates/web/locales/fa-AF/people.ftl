# صفحه‌های peergroup برای هماهنگ‌کننده‌ها: اشتراک‌کننده‌ها، وارد کردن و صادر کردن. دری (افغانستان).
# هر زبان همهٔ کلیدها را دارد؛ یک تست این را بررسی می‌کند. نام ستون‌ها در `code` انگلیسی می‌ماند:
# این‌ها نام‌هایی هستند که ردیف اول یک فایل CSV باید داشته باشد.

nav-participants = اشتراک‌کننده‌ها
nav-exports = صادر کردن

## اشتراک‌کننده‌ها
participants-title = اشتراک‌کننده‌ها
participants-search = جستجو با نام، ایمیل یا تیلفون
participants-search-button = جستجو
participants-new = اضافه کردن اشتراک‌کننده
participants-import = وارد کردن از فایل CSV
participants-none = هنوز هیچ اشتراک‌کننده‌ای نیست.
participants-none-found = با این جستجو هیچ کسی پیدا نشد.
participants-more = فقط 50 نفر اول نشان داده می‌شوند. برای پیدا کردن دیگران جستجو کنید.
participant-title = اشتراک‌کننده
participant-added = ذخیره شد. اشتراک‌کننده اضافه شد.
new-participant-title = اضافه کردن اشتراک‌کننده
participant-looks-like = شاید این شخص قبلاً این‌جا باشد:
participant-different = این شخص دیگری است. باز هم اضافه شود.
participant-save = ذخیره
field-name = نام
field-language = زبان
field-language-hint = کود زبان، مثلاً ar، fa-AF، uk یا zh-Hans.
field-email = ایمیل
field-phone = تیلفون
field-phone-hint = با کود کشور، مثلاً +1 604 555 0123.
field-channel = یادآوری از راه
field-alternative-contact = شخص دیگری که می‌تواند پیام را برساند
field-consent-reminders = موافقه دارد که یادآوری بگیرد
field-consent-calls = موافقه دارد که با او تماس تیلفونی گرفته شود
consent-legend = موافقه
consent-given-on = بلی، از { $date }
consent-not-given = نخیر
channel-none = انتخاب خاصی ندارد
channel-email = ایمیل
channel-sms = پیام کوتاه (SMS)
channel-phone = تماس تیلفونی
enrolments-title = گروپ‌ها
enrolments-none = هنوز در هیچ گروپی نیست.
enrolment-waitlisted = لیست انتظار
enrolment-enrolled = ثبت‌نام شده
enrolment-withdrawn = گروپ را ترک کرد
enrolment-completed = تمام کرد
attendance-summary = حاضر: { $attended } بار. غیرحاضر: { $absent } بار. رخصت: { $excused } بار.
attendance-line = جلسهٔ { $number }، { $date }: { $status }
supports-title = کمک‌ها:
support-childcare = مراقبت از اطفال
support-transport = ترانسپورت
support-interpreter = ترجمان
support-food = غذا
support-financial = کمک پولی
support-other = کمک دیگر
support-status-requested = خواسته شده
support-status-arranged = ترتیب داده شده
support-status-declined = ممکن نیست

## مشکل در چیزی که نوشته شده
problem-missing = { $field }: این خالی است.
problem-invalid = { $field }: این درست نیست.
problem-phone = تیلفون: شماره را با + و کود کشور بنویسید، مثلاً +16045550123.
problem-language = زبان: کود زبان را بنویسید، مثلاً ar، fa-AF یا zh-Hans.
problem-channel-without-contact = یادآوری از راه: برای آن ایمیل یا تیلفون نیست.
problem-reminders-without-contact = برای یادآوری، ایمیل یا تیلفون لازم است.
problem-calls-without-phone = برای تماس تیلفونی، شمارهٔ تیلفون لازم است.

## وارد کردن
import-title = وارد کردن اشتراک‌کننده‌ها
import-intro = یک فایل CSV را انتخاب کنید که به شکل UTF-8 ذخیره شده باشد. اول می‌بینید که با هر ردیف چه می‌شود. تا شما تأیید نکنید، چیزی ذخیره نمی‌شود. کسانی که قبلاً این‌جا هستند، دوباره اضافه نمی‌شوند.
import-file = فایل CSV
import-check = بررسی فایل
import-columns-title = ستون‌ها
import-template = دانلود یک فایل برای پر کردن
column-name = نام شخص. لازمی.
column-language = زبان او، به شکل کود، مثلاً ar یا fa-AF. لازمی.
column-email = ایمیل.
column-phone = تیلفون، با + و کود کشور.
column-channel = email، sms یا phone: یادآوری‌ها را از چه راهی می‌گیرد.
column-alternative-contact = شخص دیگری که می‌تواند پیام را برساند.
column-consent-reminders = yes یا no: موافقه دارد که یادآوری بگیرد.
column-consent-calls = yes یا no: موافقه دارد که با او تماس تیلفونی گرفته شود.
import-not-utf8 = این فایل UTF-8 نیست. در برنامهٔ جدول خود، آن را به شکل «CSV UTF-8» ذخیره کنید و دوباره کوشش کنید.
import-empty = این فایل خالی است.
import-missing-column = فایل ستون «{ $column }» را ندارد. ردیف اول آن باید نام ستون‌ها را داشته باشد.
import-too-many-rows = فایل بیشتر از { $count } ردیف دارد. آن را به فایل‌های کوچک‌تر تقسیم کنید.
import-unreadable = فایل از خط { $line } به بعد خوانده نمی‌شود. شاید یک علامهٔ نقل‌قول کم است.
import-no-file = اول یک فایل انتخاب کنید.
import-preview-title = بررسی وارد کردن
import-done-title = وارد کردن تمام شد
import-preview = برای اضافه کردن: { $added }. قبلاً این‌جا: { $there }. ردیف‌های دارای مشکل: { $refused }.
import-done = اضافه شد: { $added }. قبلاً این‌جا: { $there }. ردیف‌های دارای مشکل که اضافه نشد: { $refused }.
import-ignored-columns = این ستون‌ها خوانده نمی‌شوند: { $columns }
import-confirm = اضافه کردن { $count } نفر
import-another = وارد کردن یک فایل دیگر
import-rows-caption = همهٔ ردیف‌های فایل
import-line = خط
import-outcome = چه می‌شود
import-row-add = اضافه می‌شود
import-row-added = اضافه شد
import-row-there = قبلاً این‌جا است: { $name }
import-row-repeat = همان شخص خط { $line }

## صادر کردن
exports-title = صادر کردن
exports-intro = فایل‌های CSV را برای یک برنامه یا یک گروپ دانلود کنید. این فایل‌ها در LibreOffice و Excel باز می‌شوند. در آن‌ها معلومات شخصی است: آن‌ها را در جای امن نگه دارید و وقتی کارتان تمام شد، پاک کنید.
exports-programs = برنامه‌ها
exports-groups = گروپ‌ها
exports-none = هنوز هیچ چیزی نیست.
export-participants = اشتراک‌کننده‌ها
export-attendance = حاضری
export-follow-ups = تماس‌های پیگیری

## داشبورد
nav-dashboard = داشبورد
dashboard-title = داشبورد
dashboard-week = 7 روز آینده
dashboard-week-count = جلسه‌های پلان‌شده: { $count }
dashboard-session = { $group }، جلسهٔ { $number }
dashboard-missing = کم است: { $roles }
dashboard-gaps = جلسه‌هایی که تسهیل‌کننده‌های لازم را ندارند
dashboard-gaps-none = هر جلسه تسهیل‌کننده‌های لازم خود را دارد.
dashboard-follow-ups = تماس‌های پیگیری
dashboard-open = باز: { $count }
dashboard-overdue = وقتش گذشته: { $count }
dashboard-escalated = به هماهنگ‌کننده سپرده شد: { $count }
dashboard-follow-ups-link = دیدن تماس‌های پیگیری
dashboard-training = کمبود آموزش
dashboard-training-none = هر تسهیل‌کننده آموزشی را دارد که گروپ‌هایش لازم دارند.
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = کمک‌هایی که برای 7 روز آینده باید ترتیب داده شوند
dashboard-supports-none = به هیچ کمکی ضرورت نیست.
dashboard-childcare = جای مراقبت از اطفال: { $count }
dashboard-transport = رفت‌وآمدهایی که باید پول آن داده شود یا ترتیب داده شود: { $count }
dashboard-food = تعداد غذا: { $count }
dashboard-interpreters = ترجمان‌ها: { $languages }
dashboard-retention = اشتراک‌کننده‌هایی که هنوز در هر گروپ هستند
dashboard-retention-none = هنوز هیچ گروپ فعالی نیست.
dashboard-kept = { $kept } از { $all }
dashboard-more-groups = گروپ‌هایی که نشان داده نشده: { $count }
field-consent-research = استفادهٔ پژوهشی از ارزیابی‌هایش
