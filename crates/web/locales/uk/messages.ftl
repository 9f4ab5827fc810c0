## Повідомлення: журнал, повторне надсилання й перегляд нагадувань.

nav-messages = Повідомлення
messages-title = Повідомлення
messages-state = Стан
messages-show = Показати
messages-all = Усі
messages-none = Тут немає повідомлень.
messages-retry = Надіслати ще раз
messages-retried = Повідомлення буде надіслано ще раз за мить.
messages-older = Давніші повідомлення
messages-nobody = Більше нікого
messages-attempts = { $count ->
    [one] { $count } спроба
    [few] { $count } спроби
    [many] { $count } спроб
   *[other] { $count } спроби
}

message-kind-session_reminder = Нагадування
message-kind-session_changed = Зустріч перенесено
message-kind-session_cancelled = Зустріч скасовано
message-kind-facilitator_reminder = Нагадування ведучому
message-kind-absence_notice = Повідомлення «Я не можу прийти»
message-kind-follow_up_opened = Контрольний дзвінок, який треба зробити
message-kind-follow_up_escalated = Прострочені контрольні дзвінки
message-kind-follow_up_assigned = Контрольний дзвінок доручено
message-kind-follow_up_handed_over = Попросили допомоги з дзвінком
message-kind-roles_missing = Бракує ведучих
message-kind-weekly_digest = Підсумок тижня
message-kind-invitation = Запрошення
message-kind-password_reset = Новий пароль
message-kind-absence_confirmed = Відсутність підтверджено SMS
message-kind-sms_stopped = Останнє SMS після STOP

message-state-queued = Очікує
message-state-sent = Надіслано
message-state-delivered = Доставлено
message-state-retrying = Нова спроба
message-state-dead = Не вдалося
message-state-skipped = Не надіслано

mail-preview-title = Перегляд нагадування
mail-preview-link = Переглянути нагадування
mail-preview-of = Зустріч:
mail-preview-kind = Повідомлення
mail-preview-locale = Мова
mail-preview-show = Показати
mail-preview-mail = Повідомлення
mail-preview-name = (ім'я людини)
mail-preview-note = Це лише перегляд: нічого не надіслано. Справжнє нагадування містить власне посилання кожного учасника.
mail-preview-missing = Це повідомлення ще не можна написати цією мовою.
mail-preview-no-session = Найближчих зустрічей немає. Спершу створіть групу, потім перегляньте її нагадування.
messages-sms-segments = SMS, сегментів: { $count }
messages-replies-title = Відповіді SMS
messages-log-title = Надіслані повідомлення
sms-reply-absence = Повідомив(ла), що не прийде
sms-reply-stop = Попросив(ла) більше не надсилати SMS
sms-reply-start = Попросив(ла) знову надсилати SMS
sms-reply-coordinator = Для вас, щоб прочитати
