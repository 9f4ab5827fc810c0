## پیام‌ها: فهرست، فرستادن دوباره، و پیش‌نمایش یادآوری‌ها.

nav-messages = پیام‌ها
messages-title = پیام‌ها
messages-state = وضعیت
messages-show = نشان بده
messages-all = همه
messages-none = اینجا پیامی نیست.
messages-retry = دوباره بفرست
messages-retried = پیام تا چند لحظه دیگر دوباره فرستاده می‌شود.
messages-older = پیام‌های قدیمی‌تر
messages-nobody = دیگر نیست
messages-attempts = تعداد کوشش‌ها: { $count }

message-kind-session_reminder = یادآوری
message-kind-session_changed = وقت جلسه تغییر کرد
message-kind-session_cancelled = جلسه لغو شد
message-kind-facilitator_reminder = یادآوری برای تسهیل‌کننده
message-kind-absence_notice = خبر «آمده نمی‌توانم»
message-kind-follow_up_opened = تماس پیگیری که باید گرفته شود
message-kind-follow_up_escalated = تماس‌های پیگیری دیرشده
message-kind-follow_up_assigned = تماس پیگیری سپرده شد
message-kind-follow_up_handed_over = کمک برای یک تماس خواسته شد
message-kind-roles_missing = تسهیل‌کننده کم است
message-kind-weekly_digest = خلاصهٔ هفته
message-kind-invitation = دعوت‌نامه
message-kind-password_reset = تغییر رمز
message-kind-absence_confirmed = تأیید غیرحاضری با پیام کوتاه
message-kind-sms_stopped = آخرین پیام کوتاه بعد از STOP

message-state-queued = در انتظار
message-state-sent = فرستاده شد
message-state-delivered = رسید
message-state-retrying = کوشش دوباره
message-state-dead = ناکام ماند
message-state-skipped = فرستاده نشد

mail-preview-title = پیش‌نمایش یادآوری
mail-preview-link = پیش‌نمایش یادآوری‌ها
mail-preview-of = جلسه:
mail-preview-kind = پیام
mail-preview-locale = زبان
mail-preview-show = نشان بده
mail-preview-mail = پیام
mail-preview-name = (نام شخص)
mail-preview-note = این فقط پیش‌نمایش است: چیزی فرستاده نشد. یادآوری واقعی برای هر شرکت‌کننده لینک خودش را دارد.
mail-preview-missing = این پیام هنوز به این زبان نوشته شده نمی‌تواند.
mail-preview-no-session = جلسه‌ای در پیش نیست. اول یک گروه بسازید، بعد یادآوری‌هایش را ببینید.
messages-sms-segments = پیام کوتاه، تعداد بخش‌ها: { $count }
messages-replies-title = پاسخ‌ها با پیام کوتاه
messages-log-title = پیام‌های فرستاده‌شده
sms-reply-absence = گفت که آمده نمی‌تواند
sms-reply-stop = خواست دیگر پیام کوتاه نگیرد
sms-reply-start = خواست دوباره پیام کوتاه بگیرد
sms-reply-coordinator = برای خواندن شما
