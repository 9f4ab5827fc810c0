# peergroup messages, Ukrainian. Short sentences, numerals, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
## Weekdays in the nominative; months in the genitive, as in "1 грудня 2026".
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = п'ятниця
weekday-6 = субота
weekday-7 = неділя
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
# $weekday, $day, $month, $year. Weekday in brackets so the date fits inside a sentence.
date-long = { $day } { $month } { $year } ({ $weekday })
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = дп
time-pm = пп

## Shared lines
greeting = Добрий день, { $name }!
signature = Команда { $group }
place = Місце: { $venue }
place-address = Адреса: { $address }
duration = Тривалість зустрічі: { $minutes } хв.
support-childcare = Для вас є догляд за дітьми.
support-transport = Для вас організовано транспорт.
support-interpreter = Для вас буде перекладач.
support-food = Ми надаємо їжу.
support-other = Для вас організовано іншу підтримку.
cant-come-intro = Не можете прийти? Будь ласка, повідомте нам. Натисніть тут:
cant-come-link = Я не можу прийти
unsubscribe-note = Ви отримуєте ці листи, бо приєдналися до групи { $group }. Щоб більше їх не отримувати, скажіть про це керівнику вашої групи.

## Session reminder, to a participant
session-reminder-subject = Нагадування: { $group }, { $date }
session-reminder-when = Ваша група зустрічається { $date } о { $time }.

## A session was moved, to participants who were already reminded
session-changed-subject = Новий час: { $group }, { $date }
session-changed-when = Час змінено. Тепер ваша група зустрічається { $date } о { $time }.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = Скасовано: { $group }, { $date }
session-cancelled-body = Зустріч { $date } о { $time } скасовано. Вам не потрібно приходити.

## Session reminder, to a facilitator
facilitator-reminder-subject = Ви ведете групу { $group }, { $date }
facilitator-reminder-when = Ви ведете зустріч { $date } о { $time }.
facilitator-reminder-topic = Тема: { $topic }
facilitator-reminder-roster = Учасники ({ $count }):
facilitator-reminder-supports = Підтримка, яку треба організувати:
headcount-childcare = Догляд за дітьми (кількість дітей): { $children }
headcount-transport = Транспорт (кількість людей): { $count }
headcount-interpreter = Перекладач: { $languages }
headcount-food = Їжа (кількість людей): { $count }
headcount-none = Підтримка не потрібна.
facilitator-reminder-absent = Сказали, що не можуть прийти: { $count }

## To coordinators
follow-up-opened-subject = Потрібен контрольний дзвінок у групі { $group }
follow-up-opened-body = Одна людина з групи { $group } пропустила кілька зустрічей поспіль. Кількість пропусків: { $misses }. Контрольний дзвінок тепер у черзі.
follow-up-opened-by-hand-body = Координатор відкрив контрольний дзвінок для однієї людини з групи { $group }. Тепер він у черзі.
follow-up-assigned-subject = Контрольний дзвінок для вас у групі { $group }
follow-up-assigned-body = Просимо вас зателефонувати одній людині з групи { $group } до { $date }. Відкрийте завдання в peergroup, щоб побачити, кому телефонувати, як зв'язатися і які зустрічі пропущено.
follow-up-escalated-subject = Прострочений контрольний дзвінок у групі { $group }
follow-ups-escalated-subject = Прострочені контрольні дзвінки: { $count }
follow-up-escalated-body = Контрольний дзвінок у групі { $group } треба було зробити { $date }. Ще ніхто не зателефонував.
roles-missing-subject = Бракує ведучих: { $group }, { $date }
roles-missing-body = Зустрічі { $date } о { $time } бракує потрібних ведучих: { $missing }.
weekly-digest-subject = Ваш наступний тиждень: { $org }
weekly-digest-sessions = Зустрічі наступного тижня: { $count }
weekly-digest-open = Відкриті контрольні дзвінки: { $count }
weekly-digest-overdue = Прострочені контрольні дзвінки: { $count }
weekly-digest-supports = Підтримка наступного тижня. Догляд за дітьми (кількість дітей): { $children }. Транспорт (кількість людей): { $transport }. Їжа (кількість людей): { $food }.
weekly-digest-interpreters = Перекладачі наступного тижня: { $languages }
queue-link = Відкрийте peergroup, щоб побачити подробиці.

## The "I can't come" page
absence-page-title = Я не можу прийти
absence-page-question = Чому ви не можете прийти? Виберіть одну відповідь.
absence-page-session = Зустріч: { $date } о { $time }
absence-page-place = Місце: { $venue }
absence-page-unknown = Це посилання не працює. Перевірте, чи його скопійовано повністю, або запитайте ведучого вашої групи.
absence-page-choose = Будь ласка, виберіть одну з причин нижче.
absence-reason-childcare = Немає догляду за дітьми
absence-reason-transport = Немає транспорту
absence-reason-work = Робота
absence-reason-illness = Хвороба
absence-reason-other = Інша причина
absence-page-thanks = Дякуємо. Ми повідомили керівника вашої групи. Сподіваємося побачити вас наступного разу.
absence-page-expired = Це посилання більше не працює.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = Учасник не може прийти { $date }
absence-notice-body = { $name } повідомляє, що не може прийти на зустріч { $date } о { $time }.
absence-notice-reason = Причина: { $reason }

## Вхід до peergroup
invitation-subject = Вас запрошено до peergroup ({ $org })
invitation-body = { $org } запрошує вас до peergroup, де ви бачитимете свої зустрічі та дзвінки. Оберіть пароль, щоб увійти.
invitation-link = Обрати мій пароль
invitation-expiry = Це посилання працює один раз, протягом { $days } днів.
password-reset-subject = Ваш новий пароль peergroup
password-reset-body = Хтось попросив змінити ваш пароль peergroup. Оберіть новий тут:
password-reset-link = Обрати новий пароль
password-reset-expiry = Це посилання працює один раз, протягом { $minutes } хвилин.
sign-in-ignore = Якщо ви не чекали цього листа, просто не зважайте на нього.
follow-up-handed-over-subject = Фасилітатор просить допомоги: { $group }
follow-up-handed-over-body = Фасилітатор групи { $group } просить координатора допомогти з дзвінком.
