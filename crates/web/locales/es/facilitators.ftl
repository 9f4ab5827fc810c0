## Facilitadores y capacitación, para coordinación.

nav-facilitators = Facilitadores y capacitación
fac-title = Facilitadores y capacitación
fac-person-title = Facilitador
fac-everyone = Todas las personas que facilitan
fac-none = Todavía no hay nadie asignado a un grupo.
fac-back = Todos los facilitadores y la capacitación
fac-training-gaps = Capacitación que falta
fac-training-no-gaps = Todos tienen la capacitación que sus grupos necesitan.
fac-training-overridden = Asignado de todos modos, con un motivo
fac-training-missing = Falta:
fac-training-expiring = Vence antes de que termine el grupo:
fac-training-sessions-short = { $count ->
    [one] A 1 sesión próxima le faltan facilitadores
   *[other] A { $count } sesiones próximas les faltan facilitadores
}
fac-supervision-title = Supervisión de facilitadores pares
fac-supervision-hint = Un facilitador par sin contacto de supervisión en 4 semanas está atrasado.
fac-supervision-no-peers = Ningún facilitador par dirige un grupo activo.
fac-supervision-last = Última supervisión: { $date }
fac-supervision-never = Todavía sin supervisión
fac-supervision-overdue = Atrasado
fac-training-modules = Módulos de capacitación
fac-training-no-modules = Todavía no hay módulos de capacitación.
fac-training-add-module = Añadir un módulo
fac-training-module-title = Título
fac-training-module-hours = Horas (si se saben)
fac-training-module-format = Cómo se enseña
fac-training-module-months = Meses que sigue siendo válido (vacío: siempre)
fac-training-module-added = El módulo está añadido.
fac-training-hours = { $hours } horas
fac-training-no-hours = horas sin indicar
fac-training-format-in_person = en persona
fac-training-format-online = en línea
fac-training-format-blended = en persona y en línea
fac-training-format-self_study = estudio por cuenta propia
fac-training-valid-months = válido { $months } meses
fac-training-cohorts = Cursos de capacitación
fac-training-no-cohorts = Todavía no hay cursos de capacitación.
fac-cohort-trainees = { $count ->
    [one] 1 persona en formación
   *[other] { $count } personas en formación
}
fac-cohort-sessions = { $count ->
    [one] 1 sesión
   *[other] { $count } sesiones
}
fac-training-groups = Sus grupos
fac-training-no-groups = No está asignado a un grupo activo.
fac-training-ready = Tiene la capacitación que esta función necesita.
fac-training-completions = Capacitación completada
fac-training-no-completions = Todavía no hay capacitación registrada.
fac-training-not-valid = Ya no es válida
fac-training-record = Registrar un módulo completado
fac-training-module = Módulo
fac-training-completed-field = Completado el
fac-training-hours-hint = Vacío: las horas del módulo.
fac-training-trainer = Capacitador (opcional)
fac-training-completed-on = Completado el { $date }
fac-training-valid-until = válido hasta el { $date }
fac-training-completion-saved = La capacitación está registrada.
fac-supervision-log = Registro de supervisión
fac-supervision-no-contacts = Todavía no hay contactos de supervisión registrados.
fac-supervision-follow-up = Necesita seguimiento
fac-supervision-add = Registrar un contacto de supervisión
fac-supervision-mentor = Mentor
fac-supervision-held-on = Fecha
fac-supervision-mode = Cómo
fac-supervision-mode-meeting = Reunión
fac-supervision-mode-call = Llamada
fac-supervision-minutes-field = Minutos
fac-supervision-minutes = { $minutes } minutos
fac-supervision-topics = Temas (uno por línea)
fac-supervision-follow-up-field = Necesita seguimiento
fac-supervision-saved = El contacto de supervisión está registrado.
