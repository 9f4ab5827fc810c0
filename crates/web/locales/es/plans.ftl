program-plan = Evaluaciones de resultados
program-plan-hint = Los instrumentos con los que se evalúan los grupos de este programa, y cuándo. Elija — para quitar uno.
program-plan-instrument = Instrumento
program-plan-undefined = Este instrumento aún no está definido en su organización. Defínalo antes de la primera evaluación.
instrument-link = Instrumentos
field-plan-after = Después de la sesión número, por ejemplo 6
field-plan-weeks = Semanas después de la última sesión, por ejemplo 12, 24
program-bad-plan = El nombre de un instrumento es demasiado largo.
program-bad-plan-numbers = { $instrument }: escriba los números de sesión y las semanas como números enteros separados por comas, de 1 a 520.
program-bad-plan-empty = { $instrument }: elija al menos un momento para evaluarlo.
outcome-due = Evaluaciones pendientes
sessions-assessments = Evaluaciones pendientes
sessions-assessments-due = { $group }: { $count ->
    [one] una evaluación pendiente
   *[other] { $count } evaluaciones pendientes
}
