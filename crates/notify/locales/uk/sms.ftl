# SMS, українська. Коротко і просто: 70 літер на сегмент.

date-short = { $day } { $month } ({ $weekday })
sms-reminder = Нагадування: { $group }, { $date }, о { $time }.
sms-place = Місце: { $venue }.
sms-changed = Новий час: { $group }, { $date }, о { $time }.
sms-cancelled = Скасовано: { $group }, { $date }, о { $time }. Приходити не потрібно.
sms-cant-come = Не можете прийти? Надішліть НІ або 2.
sms-stop = Щоб не отримувати SMS, надішліть STOP.
sms-no-words = НІ
sms-stop-words = СТОП
sms-absence-received = Дякуємо. Ми повідомили { $group }, що ви не прийдете { $date }.
sms-stopped = Ви більше не отримуватимете від нас SMS. Щоб отримувати їх знову, надішліть START.
