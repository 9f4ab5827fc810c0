card-link = Ficha del programa para financiadores
card-title = Ficha del programa: { $program }
card-csv = Descargar como hoja de cálculo (CSV)
card-suppression = Hecha para compartir: no se muestran los recuentos de 1 a 4, ni las cifras que salen de ellos. Los resultados solo cuentan a quienes aceptaron el uso para investigación.
card-suppressed = menos de 5
card-table1 = El programa
card-table2 = Lo que ofreció y lo que cambió
card-condition = Condición o tema
card-setting = Dónde se reúnen los grupos
card-group-size = Tamaño del grupo
card-groups = Grupos
card-participants = Participantes
card-sessions-held = Sesiones realizadas
card-attendance = Asistencia
card-dose = Sesiones a las que asistió cada participante, en promedio
card-completed = Completaron el programa
card-completion = Finalización
card-retention = Permanencia
card-retention-words = { $sessions ->
    [0] Todavía no se ha realizado ninguna sesión.
   *[other] Siguen viniendo en la última de { $sessions } sesiones realizadas: { $last }.
}
card-retention-at = Siguen viniendo en la sesión realizada { $session }
card-outcomes-title = Resultados
card-no-outcomes = El programa no prevé ningún resultado ya definido.
card-paired-plot = La puntuación de cada persona antes y después
card-funder-csv = Filas de participantes para un financiador, sin datos identificativos, solo de quienes aceptaron el uso para investigación (CSV)
