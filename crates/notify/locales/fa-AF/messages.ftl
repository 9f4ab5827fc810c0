# peergroup messages, Dari (Afghanistan). Short sentences, Western digits, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = دوشنبه
weekday-2 = سه‌شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
month-1 = جنوری
month-2 = فبروری
month-3 = مارچ
month-4 = اپریل
month-5 = می
month-6 = جون
month-7 = جولای
month-8 = اگست
month-9 = سپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
# $weekday, $day, $month, $year
date-long = { $weekday } { $day } { $month } { $year }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = قبل از ظهر
time-pm = بعد از ظهر

## Shared lines
greeting = سلام { $name }،
signature = تیم { $group }
place = محل: { $venue }
place-address = آدرس: { $address }
duration = جلسه { $minutes } دقیقه دوام می‌کند.
support-childcare = برای شما مراقبت از اطفال موجود است.
support-transport = برای شما ترانسپورت تنظیم شده است.
support-interpreter = یک ترجمان برای شما آنجا خواهد بود.
support-food = غذا داده می‌شود.
support-other = برای شما کمک دیگری تنظیم شده است.
cant-come-intro = آمده نمی‌توانید؟ لطفاً به ما بگویید. اینجا را فشار دهید:
cant-come-link = آمده نمی‌توانم
unsubscribe-note = شما این پیام‌ها را می‌گیرید، چون عضو { $group } شدید. اگر نمی‌خواهید این پیام‌ها را بگیرید، به مسئول گروپ خود بگویید.

## Session reminder, to a participant
session-reminder-subject = یادآوری: { $group }، روز { $date }
session-reminder-when = گروپ شما روز { $date } ساعت { $time } جلسه دارد.

## A session was moved, to participants who were already reminded
session-changed-subject = وقت جدید: { $group }، روز { $date }
session-changed-when = وقت تغییر کرده است. حالا گروپ شما روز { $date } ساعت { $time } جلسه دارد.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = لغو شد: { $group }، روز { $date }
session-cancelled-body = جلسهٔ روز { $date } ساعت { $time } لغو شده است. لازم نیست بیایید.

## Session reminder, to a facilitator
facilitator-reminder-subject = شما روز { $date } جلسهٔ { $group } را رهبری می‌کنید
facilitator-reminder-when = شما جلسهٔ روز { $date } ساعت { $time } را رهبری می‌کنید.
facilitator-reminder-topic = موضوع: { $topic }
facilitator-reminder-roster = اشتراک‌کنندگان ({ $count }):
facilitator-reminder-supports = کمک‌هایی که باید تنظیم شوند:
headcount-childcare = مراقبت از اطفال: { $children } طفل
headcount-transport = ترانسپورت: { $count } نفر
headcount-interpreter = ترجمان: { $languages }
headcount-food = غذا: { $count } نفر
headcount-none = به هیچ کمکی ضرورت نیست.
facilitator-reminder-absent = تعداد کسانی که گفتند آمده نمی‌توانند: { $count }

## To coordinators
follow-up-opened-subject = در { $group } به تماس پیگیری ضرورت است
follow-up-opened-body = یک اشتراک‌کننده در { $group } در { $misses } جلسهٔ پی‌هم غیرحاضر بود. حالا یک تماس پیگیری در نوبت است.
follow-up-opened-by-hand-body = یک هماهنگ‌کننده برای یک اشتراک‌کننده در { $group } تماس پیگیری باز کرد. حالا این تماس در نوبت است.
follow-up-assigned-subject = یک تماس پیگیری برای شما در { $group }
follow-up-assigned-body = از شما خواسته می‌شود تا { $date } با یک اشتراک‌کننده در { $group } تماس بگیرید. وظیفه را در peergroup باز کنید تا ببینید با چه کسی، چگونه تماس بگیرید و او در کدام جلسه‌ها غیرحاضر بوده است.
follow-up-escalated-subject = وقت تماس پیگیری در { $group } گذشته است
follow-ups-escalated-subject = تماس‌های پیگیری عقب‌افتاده: { $count }
follow-up-escalated-body = یک تماس پیگیری در { $group } باید روز { $date } انجام می‌شد. هنوز کسی تماس نگرفته است.
roles-missing-subject = کمبود تسهیل‌کننده: { $group }، روز { $date }
roles-missing-body = جلسهٔ روز { $date } ساعت { $time } تسهیل‌کننده‌های لازم را ندارد: { $missing }.
weekly-digest-subject = هفتهٔ آیندهٔ شما: { $org }
weekly-digest-sessions = جلسه‌های هفتهٔ آینده: { $count }
weekly-digest-open = تماس‌های پیگیری باز: { $count }
weekly-digest-overdue = تماس‌های پیگیری که وقتشان گذشته: { $count }
weekly-digest-supports = کمک‌ها در هفتهٔ آینده: مراقبت از { $children } طفل، ترانسپورت برای { $transport } نفر، غذا برای { $food } نفر.
weekly-digest-interpreters = ترجمان‌ها در هفتهٔ آینده: { $languages }
queue-link = برای دیدن جزئیات، peergroup را باز کنید.

## The "I can't come" page
absence-page-title = آمده نمی‌توانم
absence-page-question = چرا آمده نمی‌توانید؟ یکی را انتخاب کنید.
absence-page-session = جلسه: روز { $date }، ساعت { $time }
absence-page-place = جای: { $venue }
absence-page-unknown = این لینک کار نمی‌کند. ببینید که کامل کاپی شده باشد، یا از رهبر گروه خود بپرسید.
absence-page-choose = لطفاً یکی از دلیل‌های زیر را انتخاب کنید.
absence-reason-childcare = کسی برای مراقبت از اطفال نیست
absence-reason-transport = ترانسپورت نیست
absence-reason-work = کار
absence-reason-illness = مریضی
absence-reason-other = دلیل دیگر
absence-page-thanks = تشکر. ما به مسئول گروپ شما خبر دادیم. امیدواریم دفعهٔ بعد شما را ببینیم.
absence-page-expired = این لینک دیگر کار نمی‌کند.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = یک اشتراک‌کننده روز { $date } آمده نمی‌تواند
absence-notice-body = { $name } به ما گفت که به جلسهٔ روز { $date } ساعت { $time } آمده نمی‌تواند.
absence-notice-reason = دلیل: { $reason }

## ورود به peergroup
invitation-subject = شما به peergroup دعوت شده اید ({ $org })
invitation-body = { $org } شما را به peergroup دعوت می کند، جایی که جلسه ها و تماس های خود را می بینید. برای ورود یک رمز انتخاب کنید.
invitation-link = انتخاب رمز من
invitation-expiry = این لینک یک بار و برای { $days } روز کار می کند.
password-reset-subject = رمز جدید شما در peergroup
password-reset-body = کسی خواست رمز شما در peergroup را تغییر دهد. رمز جدید را اینجا انتخاب کنید:
password-reset-link = انتخاب رمز جدید
password-reset-expiry = این لینک یک بار و برای { $minutes } دقیقه کار می کند.
sign-in-ignore = اگر منتظر این ایمیل نبودید، می توانید آن را نادیده بگیرید.
follow-up-handed-over-subject = یک تسهیل‌کننده کمک می‌خواهد: { $group }
follow-up-handed-over-body = یک تسهیل‌کننده در { $group } از یک هماهنگ‌کننده برای یک تماس پیگیری کمک می‌خواهد.
