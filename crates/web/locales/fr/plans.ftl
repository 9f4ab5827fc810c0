program-plan = Évaluations des résultats
program-plan-hint = Les instruments avec lesquels les groupes de ce programme sont évalués, et quand. Choisissez — pour en retirer un.
program-plan-instrument = Instrument
program-plan-undefined = Cet instrument n'est pas encore défini dans votre organisation. Définissez-le avant la première évaluation.
instrument-link = Instruments
field-plan-after = Après la séance numéro, par exemple 6
field-plan-weeks = Semaines après la dernière séance, par exemple 12, 24
program-bad-plan = Le nom d'un instrument est trop long.
program-bad-plan-numbers = { $instrument } : écrivez les numéros de séance et les semaines en nombres entiers séparés par des virgules, de 1 à 520.
program-bad-plan-empty = { $instrument } : choisissez au moins un moment pour l'évaluer.
outcome-due = Évaluations à faire
sessions-assessments = Évaluations à faire
sessions-assessments-due = { $group } : { $count ->
    [one] une évaluation à faire
   *[other] { $count } évaluations à faire
}
