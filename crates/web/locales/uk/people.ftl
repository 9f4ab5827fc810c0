# Сторінки peergroup для координаторів: учасники, імпорт і експорт. Українська.
# Кожна мова має всі ключі; це перевіряє тест. Назви стовпців у `code` залишаються англійською:
# це назви, які має містити перший рядок файлу CSV.

nav-participants = Учасники
nav-exports = Експорт

## Учасники
participants-title = Учасники
participants-search = Пошук за ім'ям, електронною поштою або телефоном
participants-search-button = Шукати
participants-new = Додати учасника
participants-import = Імпортувати з файлу CSV
participants-none = Учасників ще немає.
participants-none-found = За цим пошуком нікого не знайдено.
participants-more = Показано лише перших 50. Скористайтеся пошуком, щоб знайти інших.
participant-title = Учасник
participant-added = Збережено. Учасника додано.
new-participant-title = Додати учасника
participant-looks-like = Можливо, ця людина вже є тут:
participant-different = Це інша людина. Усе одно додати.
participant-save = Зберегти
field-name = Ім'я
field-language = Мова
field-language-hint = Код мови, наприклад ar, fa-AF, uk або zh-Hans.
field-email = Електронна пошта
field-phone = Телефон
field-phone-hint = З кодом країни, наприклад +1 604 555 0123.
field-channel = Нагадування через
field-alternative-contact = Інша людина, яка може передати повідомлення
field-consent-reminders = Згода отримувати нагадування
field-consent-calls = Згода отримувати дзвінки
consent-legend = Згода
consent-given-on = Так, з { $date }
consent-not-given = Ні
channel-none = Без побажань
channel-email = Електронна пошта
channel-sms = Текстове повідомлення (SMS)
channel-phone = Телефонний дзвінок
enrolments-title = Групи
enrolments-none = Ще не в жодній групі.
enrolment-waitlisted = Список очікування
enrolment-enrolled = Записано до групи
enrolment-withdrawn = Більше не в групі
enrolment-completed = Завершено
attendance-summary = Присутність: { $attended }. Відсутність: { $absent }. Відсутність з поважної причини: { $excused }.
attendance-line = Зустріч { $number }, { $date }: { $status }
supports-title = Підтримка:
support-childcare = Догляд за дітьми
support-transport = Транспорт
support-interpreter = Перекладач
support-food = Їжа
support-financial = Грошова допомога
support-other = Інша підтримка
support-status-requested = запитано
support-status-arranged = організовано
support-status-declined = неможливо

## Помилки в заповненні
problem-missing = { $field }: цього не вказано.
problem-invalid = { $field }: це вказано неправильно.
problem-phone = Телефон: напишіть номер із + і кодом країни, наприклад +16045550123.
problem-language = Мова: напишіть код мови, наприклад ar, fa-AF або zh-Hans.
problem-channel-without-contact = Нагадування через: для цього немає електронної пошти або телефону.
problem-reminders-without-contact = Для нагадувань потрібна електронна пошта або телефон.
problem-calls-without-phone = Для дзвінків потрібен номер телефону.

## Імпорт
import-title = Імпорт учасників
import-intro = Виберіть файл CSV, збережений у кодуванні UTF-8. Спочатку ви побачите, що станеться з кожним рядком. Нічого не буде збережено, поки ви не підтвердите. Людей, які вже є тут, не буде додано ще раз.
import-file = Файл CSV
import-check = Перевірити файл
import-columns-title = Стовпці
import-template = Завантажити файл для заповнення
column-name = Ім'я людини. Обов'язково.
column-language = Мова людини у вигляді коду, наприклад ar або fa-AF. Обов'язково.
column-email = Електронна пошта.
column-phone = Телефон, із + і кодом країни.
column-channel = email, sms або phone: як людина отримує нагадування.
column-alternative-contact = Інша людина, яка може передати повідомлення.
column-consent-reminders = yes або no: згода отримувати нагадування.
column-consent-calls = yes або no: згода отримувати дзвінки.
import-not-utf8 = Цей файл не в кодуванні UTF-8. У своїй таблиці збережіть його як «CSV UTF-8» і спробуйте ще раз.
import-empty = Цей файл порожній.
import-missing-column = У файлі немає стовпця «{ $column }». Перший рядок має містити назви стовпців.
import-too-many-rows = У файлі забагато рядків. Найбільша кількість: { $count }. Розділіть його на менші файли.
import-unreadable = Файл не вдається прочитати з рядка { $line }. Можливо, бракує лапок.
import-no-file = Спочатку виберіть файл.
import-preview-title = Перевірте імпорт
import-done-title = Імпорт завершено
import-preview = Буде додано: { $added }. Уже є: { $there }. Рядки з проблемами: { $refused }.
import-done = Додано: { $added }. Уже є: { $there }. Рядки з проблемами, не додано: { $refused }.
import-ignored-columns = Ці стовпці не читаються: { $columns }
import-confirm = Додати людей: { $count }
import-another = Імпортувати інший файл
import-rows-caption = Усі рядки файлу
import-line = Рядок
import-outcome = Що станеться
import-row-add = Буде додано
import-row-added = Додано
import-row-there = Уже є: { $name }
import-row-repeat = Та сама людина, що в рядку { $line }

## Експорт
exports-title = Експорт
exports-intro = Завантажте файли CSV для програми або групи. Вони відкриваються в LibreOffice і Excel. У них є особисті дані: зберігайте їх у безпеці та видаліть, коли закінчите.
exports-programs = Програми
exports-groups = Групи
exports-none = Ще нічого немає.
export-participants = Учасники
export-attendance = Відвідуваність
export-follow-ups = Контрольні дзвінки

## Панель керування
nav-dashboard = Панель керування
dashboard-title = Панель керування
dashboard-week = Наступні 7 днів
dashboard-week-count = Заплановано зустрічей: { $count }
dashboard-session = { $group }, зустріч { $number }
dashboard-missing = Бракує: { $roles }
dashboard-gaps = Зустрічі без потрібних ведучих
dashboard-gaps-none = На кожній зустрічі є потрібні ведучі.
dashboard-follow-ups = Контрольні дзвінки
dashboard-open = Відкриті: { $count }
dashboard-overdue = Прострочені: { $count }
dashboard-escalated = Передано координатору: { $count }
dashboard-follow-ups-link = Переглянути контрольні дзвінки
dashboard-training = Чого бракує в навчанні
dashboard-training-none = Кожен ведучий має навчання, потрібне для його груп.
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = Підтримка, яку треба організувати на наступні 7 днів
dashboard-supports-none = Підтримка не потрібна.
dashboard-childcare = Місця для догляду за дітьми: { $count }
dashboard-transport = Поїздки, які треба оплатити або організувати: { $count }
dashboard-food = Порції їжі: { $count }
dashboard-interpreters = Перекладачі: { $languages }
dashboard-retention = Скільки учасників залишилося в кожній групі
dashboard-retention-none = Активних груп ще немає.
dashboard-kept = { $kept } з { $all }
dashboard-more-groups = Груп не показано: { $count }
field-consent-research = Використання їхніх оцінювань у дослідженні
