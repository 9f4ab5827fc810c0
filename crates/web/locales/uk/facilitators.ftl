## Ведучі й навчання, для координаторів.

nav-facilitators = Ведучі й навчання
fac-title = Ведучі й навчання
fac-person-title = Ведучий
fac-everyone = Усі, хто веде групи
fac-none = Ще нікого не призначено до групи.
fac-back = Усі ведучі й навчання
fac-training-gaps = Бракує навчання
fac-training-no-gaps = Усі мають навчання, потрібне для їхніх груп.
fac-training-overridden = Призначено все одно, з причиною
fac-training-missing = Бракує:
fac-training-expiring = Перестане діяти до кінця групи:
fac-training-sessions-short = { $count ->
    [one] { $count } найближча зустріч без потрібних ведучих
    [few] { $count } найближчі зустрічі без потрібних ведучих
    [many] { $count } найближчих зустрічей без потрібних ведучих
   *[other] { $count } найближчої зустрічі без потрібних ведучих
}
fac-supervision-title = Супервізія ведучих з подібним досвідом
fac-supervision-hint = Якщо ведучий з подібним досвідом 4 тижні не мав супервізії, це прострочено.
fac-supervision-no-peers = Жоден ведучий з подібним досвідом не веде активну групу.
fac-supervision-last = Остання супервізія: { $date }
fac-supervision-never = Супервізії ще не було
fac-supervision-overdue = Прострочено
fac-training-modules = Навчальні модулі
fac-training-no-modules = Навчальних модулів ще немає.
fac-training-add-module = Додати модуль
fac-training-module-title = Назва
fac-training-module-hours = Годин (якщо відомо)
fac-training-module-format = Як навчають
fac-training-module-months = Скільки місяців дійсний (порожньо: завжди)
fac-training-module-added = Модуль додано.
fac-training-hours = { $hours } год
fac-training-no-hours = години не вказано
fac-training-format-in_person = наживо
fac-training-format-online = онлайн
fac-training-format-blended = наживо й онлайн
fac-training-format-self_study = самостійно
fac-training-valid-months = дійсний { $months } міс.
fac-training-cohorts = Навчальні курси
fac-training-no-cohorts = Навчальних курсів ще немає.
fac-cohort-trainees = { $count ->
    [one] { $count } слухач
    [few] { $count } слухачі
    [many] { $count } слухачів
   *[other] { $count } слухача
}
fac-cohort-sessions = { $count ->
    [one] { $count } заняття
    [few] { $count } заняття
    [many] { $count } занять
   *[other] { $count } заняття
}
fac-training-groups = Групи цієї людини
fac-training-no-groups = Не призначено до активної групи.
fac-training-ready = Має навчання, потрібне для цієї ролі.
fac-training-completions = Пройдене навчання
fac-training-no-completions = Навчання ще не записано.
fac-training-not-valid = Уже не дійсне
fac-training-record = Записати пройдений модуль
fac-training-module = Модуль
fac-training-completed-field = Дата завершення
fac-training-hours-hint = Якщо порожньо — години модуля.
fac-training-trainer = Тренер (необов'язково)
fac-training-completed-on = Пройдено { $date }
fac-training-valid-until = дійсне до { $date }
fac-training-completion-saved = Навчання записано.
fac-supervision-log = Записи про супервізію
fac-supervision-no-contacts = Супервізій ще не записано.
fac-supervision-follow-up = Потрібні подальші кроки
fac-supervision-add = Записати супервізію
fac-supervision-mentor = Наставник
fac-supervision-held-on = Дата
fac-supervision-mode = Як
fac-supervision-mode-meeting = Зустріч
fac-supervision-mode-call = Дзвінок
fac-supervision-minutes-field = Хвилин
fac-supervision-minutes = { $minutes } хв
fac-supervision-topics = Теми (по одній у рядку)
fac-supervision-follow-up-field = Потрібні подальші кроки
fac-supervision-saved = Супервізію записано.
