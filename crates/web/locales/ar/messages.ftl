## الرسائل: السجل، وإعادة الإرسال، ومعاينة التذكيرات.

nav-messages = الرسائل
messages-title = الرسائل
messages-state = الحالة
messages-show = اعرض
messages-all = الكل
messages-none = لا توجد رسائل هنا.
messages-retry = أعد الإرسال
messages-retried = ستُرسَل الرسالة مرة أخرى بعد لحظات.
messages-older = رسائل أقدم
messages-nobody = لم يعد موجودًا
messages-attempts = عدد المحاولات: { $count }

message-kind-session_reminder = تذكير
message-kind-session_changed = تغيّر موعد الجلسة
message-kind-session_cancelled = أُلغيت الجلسة
message-kind-facilitator_reminder = تذكير لميسّر
message-kind-absence_notice = إشعار «لا أستطيع الحضور»
message-kind-follow_up_opened = اتصال متابعة مطلوب
message-kind-follow_up_escalated = اتصالات متابعة متأخرة
message-kind-follow_up_assigned = اتصال متابعة أُسند
message-kind-follow_up_handed_over = طلب مساعدة في اتصال
message-kind-roles_missing = ميسّرون ناقصون
message-kind-weekly_digest = ملخص أسبوعي
message-kind-invitation = دعوة
message-kind-password_reset = إعادة تعيين كلمة المرور
message-kind-absence_confirmed = تأكيد الغياب برسالة نصية
message-kind-sms_stopped = آخر رسالة نصية بعد STOP

message-state-queued = في الانتظار
message-state-sent = أُرسلت
message-state-delivered = وصلت
message-state-retrying = محاولة جديدة
message-state-dead = فشلت
message-state-skipped = لم تُرسَل

mail-preview-title = معاينة تذكير
mail-preview-link = عاين التذكيرات
mail-preview-of = الجلسة:
mail-preview-kind = الرسالة
mail-preview-locale = اللغة
mail-preview-show = اعرض
mail-preview-mail = الرسالة
mail-preview-name = (اسم الشخص)
mail-preview-note = هذه معاينة فقط: لم يُرسَل شيء. التذكير الحقيقي يحمل رابطًا خاصًا بكل مشارك.
mail-preview-missing = لا يمكن كتابة هذه الرسالة بهذه اللغة بعد.
mail-preview-no-session = لا توجد جلسة قادمة. أنشئ مجموعة أولًا، ثم عاين تذكيراتها.
messages-sms-segments = رسالة نصية، عدد الأجزاء: { $count }
messages-replies-title = الردود عبر الرسائل النصية
messages-log-title = الرسائل المرسلة
sms-reply-absence = قال إنه لا يستطيع الحضور
sms-reply-stop = طلب إيقاف الرسائل النصية
sms-reply-start = طلب استلام الرسائل النصية مرة أخرى
sms-reply-coordinator = لكي تقرأه أنت
