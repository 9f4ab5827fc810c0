## Mensajes: el registro, volver a enviar y vistas previas de recordatorios.

nav-messages = Mensajes
messages-title = Mensajes
messages-state = Estado
messages-show = Mostrar
messages-all = Todos
messages-none = No hay mensajes aquí.
messages-retry = Enviar de nuevo
messages-retried = El mensaje se enviará de nuevo en un momento.
messages-older = Mensajes anteriores
messages-nobody = Ya nadie
messages-attempts = { $count ->
    [one] 1 intento
   *[other] { $count } intentos
}

message-kind-session_reminder = Recordatorio
message-kind-session_changed = Sesión cambiada
message-kind-session_cancelled = Sesión cancelada
message-kind-facilitator_reminder = Recordatorio a un facilitador
message-kind-absence_notice = Aviso de "No puedo ir"
message-kind-follow_up_opened = Llamada de seguimiento por hacer
message-kind-follow_up_escalated = Llamadas de seguimiento atrasadas
message-kind-follow_up_assigned = Llamada de seguimiento asignada
message-kind-follow_up_handed_over = Se pidió ayuda con una llamada
message-kind-roles_missing = Faltan facilitadores
message-kind-weekly_digest = Resumen semanal
message-kind-invitation = Invitación
message-kind-password_reset = Cambio de contraseña
message-kind-absence_confirmed = Ausencia confirmada por SMS
message-kind-sms_stopped = Último SMS tras STOP

message-state-queued = En espera
message-state-sent = Enviado
message-state-delivered = Entregado
message-state-retrying = Reintentando
message-state-dead = Falló
message-state-skipped = No enviado

mail-preview-title = Vista previa de un recordatorio
mail-preview-link = Ver los recordatorios
mail-preview-of = Sesión:
mail-preview-kind = Mensaje
mail-preview-locale = Idioma
mail-preview-show = Mostrar
mail-preview-mail = El mensaje
mail-preview-name = (su nombre)
mail-preview-note = Esto es una vista previa: no se envió nada. El recordatorio real lleva el enlace propio de cada participante.
mail-preview-missing = Este mensaje todavía no se puede escribir en este idioma.
mail-preview-no-session = No hay ninguna sesión próxima. Primero cree un grupo y luego vea sus recordatorios.
messages-sms-segments = { $count ->
    [one] SMS, 1 segmento
   *[other] SMS, { $count } segmentos
}
messages-replies-title = Respuestas por SMS
messages-log-title = Mensajes enviados
sms-reply-absence = Dijo que no puede venir
sms-reply-stop = Pidió no recibir más SMS
sms-reply-start = Pidió volver a recibir SMS
sms-reply-coordinator = Para que usted lo lea
