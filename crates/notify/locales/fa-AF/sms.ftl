# پیام کوتاه به دری: کوتاه و ساده، ۷۰ حرف در هر بخش.

date-short = { $weekday } { $day } { $month }
sms-reminder = یادآوری: { $group }، { $date } ساعت { $time }.
sms-place = مکان: { $venue }.
sms-changed = وقت جدید: { $group }، { $date } ساعت { $time }.
sms-cancelled = لغو شد: { $group }، { $date } ساعت { $time }. لازم نیست بیایید.
sms-cant-come = آمده نمی‌توانید؟ نه یا 2 را بفرستید.
sms-stop = برای قطع پیام‌ها STOP بفرستید.
sms-no-words = نه نخیر
sms-stop-words = توقف
sms-absence-received = تشکر. به { $group } گفتیم که روز { $date } آمده نمی‌توانید.
sms-stopped = دیگر از ما پیام کوتاه دریافت نمی‌کنید. برای دریافت دوباره، START بفرستید.
