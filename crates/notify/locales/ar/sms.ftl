# رسائل SMS بالعربية: قصيرة وبسيطة، 70 حرفًا في كل جزء.

date-short = { $weekday } { $day } { $month }
sms-reminder = تذكير: { $group }، { $date } الساعة { $time }.
sms-place = المكان: { $venue }.
sms-changed = موعد جديد: { $group }، { $date } الساعة { $time }.
sms-cancelled = تم الإلغاء: { $group }، { $date } الساعة { $time }. لا داعي للحضور.
sms-cant-come = لا يمكنك الحضور؟ أرسل لا أو 2.
sms-stop = أرسل STOP لإيقاف الرسائل.
sms-no-words = لا
sms-stop-words = توقف إيقاف
sms-absence-received = شكرًا. أخبرنا { $group } أنك لن تحضر يوم { $date }.
sms-stopped = لن تصلك رسائل نصية منا بعد الآن. لاستلامها مرة أخرى، أرسل START.
