# My training and My calendar, Dari (Afghanistan).
# The calendar steps keep the English menu names: phone menus are often in English.

nav-training = آموزش من
nav-calendar = تقویم من
not-a-facilitator = حساب شما هنوز به یک تسهیل‌کننده وصل نیست. از هماهنگ‌کنندهٔ خود بپرسید.
training-title = آموزش من
training-done-title = ماژول‌های تمام‌شده
training-done-line = { $module }: { $date }
training-expired = دیگر اعتبار ندارد
training-none = هنوز هیچ ماژولی ثبت نشده است.
training-roles-title = نقش‌های من
training-role-ready = { $group } ({ $role }): آماده برای پیش بردن جلسه‌ها
training-role-missing = { $group } ({ $role }): هنوز لازم است: { $missing }
training-role-expiring = به زودی تمدید کنید: { $modules }
training-role-override = یک هماهنگ‌کننده فعلاً اجازهٔ این نقش را داده است.
supervision-title = دیدارهای نظارتی
supervision-line = { $date }: { $minutes } دقیقه
supervision-none = هنوز هیچ دیدار نظارتی ثبت نشده است.
calendar-title = تقویم من
calendar-intro = جلسه‌های شما می‌توانند در تقویم تیلفون شما دیده شوند و همان‌جا تازه بمانند. لینک خصوصی خود را بسازید، بعد آن را به تقویم خود اضافه کنید.
calendar-make = لینک تقویم مرا بساز
calendar-link-made = این لینک تقویم شماست. فقط همین حالا نشان داده می‌شود، و خصوصی است: آن را به کسی ندهید.
calendar-open = اضافه کردن به تقویم من
calendar-android = Android (Google Calendar): در یک کمپیوتر calendar.google.com را باز کنید، «Other calendars»، «+» و «From URL» را انتخاب کنید، و لینک را بچسپانید.
calendar-iphone = iPhone: «اضافه کردن به تقویم من» را بزنید، یا Settings را باز کنید و به Calendar، Accounts، Add Account، Other، Add Subscribed Calendar بروید، و لینک را بچسپانید.
calendar-again = اگر لینک جدید بسازید، لینک قدیمی دیگر کار نمی‌کند.

## The roll-call on a phone that may be offline
mark-pending = هنوز فرستاده نشده
mark-saved = ذخیره شد
mark-refused = قبول نشد
mark-disagrees = { $by } ثبت کرد: { $mark }
log-pending = وقتی دوباره آنتن بیاید، حاضری فرستاده می‌شود.

## Asking a coordinator to help with a call
escalate = از یک هماهنگ‌کننده برای این تماس کمک بخواهید
escalated = به هماهنگ‌کننده‌ها خبر داده شد. آن‌ها با شما تماس می‌گیرند.
interpreter-for = یک ترجمان برای زبان { $language } حاضر بود
