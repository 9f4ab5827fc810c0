program-plan = Оцінювання результатів
program-plan-hint = Інструменти, якими оцінюють групи цієї програми, і коли. Виберіть —, щоб прибрати один.
program-plan-instrument = Інструмент
program-plan-undefined = Цей інструмент ще не визначено у вашій організації. Визначте його до першого оцінювання.
instrument-link = Інструменти
field-plan-after = Після зустрічі номер, наприклад 6
field-plan-weeks = Тижнів після останньої зустрічі, наприклад 12, 24
program-bad-plan = Назва інструмента задовга.
program-bad-plan-numbers = { $instrument }: запишіть номери зустрічей і тижні цілими числами через кому, від 1 до 520.
program-bad-plan-empty = { $instrument }: виберіть принаймні один час для оцінювання.
outcome-due = Потрібні оцінювання
sessions-assessments = Потрібні оцінювання
sessions-assessments-due = { $group }: { $count ->
    [one] { $count } оцінювання
    [few] { $count } оцінювання
    [many] { $count } оцінювань
   *[other] { $count } оцінювання
}
