card-link = Картка програми для донорів
card-title = Картка програми: { $program }
card-csv = Завантажити як таблицю (CSV)
card-suppression = Для поширення: кількості від 1 до 4 не показано, як і жодних цифр, що з них випливають. Результати враховують лише тих, хто погодився на використання для досліджень.
card-suppressed = менше 5
card-table1 = Програма
card-table2 = Що вона дала і що змінилося
card-condition = Стан чи питання
card-setting = Де збираються групи
card-group-size = Розмір групи
card-groups = Групи
card-participants = Учасники
card-sessions-held = Проведені зустрічі
card-attendance = Відвідуваність
card-dose = Зустрічей на учасника, у середньому
card-completed = Завершили програму
card-completion = Завершення
card-retention = Утримання
card-retention-words = { $sessions ->
    [0] Ще не проведено жодної зустрічі.
   *[other] Досі приходять на останню з проведених зустрічей ({ $sessions }): { $last }.
}
card-retention-at = Досі приходять на проведену зустріч { $session }
card-outcomes-title = Результати
card-no-outcomes = Програма не планує жодного вже визначеного результату.
card-paired-plot = Бал кожної людини до і після
card-funder-csv = Рядки учасників для донора, знеособлені, лише тих, хто погодився на використання для досліджень (CSV)
