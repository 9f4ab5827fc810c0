# peergroup messages, Spanish (Latin America, neutral). Short sentences, numerals, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
# $weekday, $day, $month, $year
date-long = { $weekday }, { $day } de { $month } de { $year }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = a. m.
time-pm = p. m.

## Shared lines
greeting = Hola, { $name }:
signature = El equipo de { $group }
place = Lugar: { $venue }
place-address = Dirección: { $address }
duration = La sesión dura { $minutes } minutos.
support-childcare = Hay cuidado de niños disponible para usted.
support-transport = Hay transporte organizado para usted.
support-interpreter = Habrá un intérprete para usted.
support-food = Se ofrece comida.
support-other = Hay otro apoyo organizado para usted.
cant-come-intro = ¿No puede asistir? Por favor, avísenos. Toque aquí:
cant-come-link = No puedo asistir
unsubscribe-note = Usted recibe estos mensajes porque se unió a { $group }. Para dejar de recibirlos, dígaselo al líder de su grupo.

## Session reminder, to a participant
session-reminder-subject = Recordatorio: { $group } el { $date }
session-reminder-when = Su grupo se reúne el { $date } a las { $time }.

## A session was moved, to participants who were already reminded
session-changed-subject = Nuevo horario: { $group } el { $date }
session-changed-when = El horario cambió. Ahora su grupo se reúne el { $date } a las { $time }.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = Sesión cancelada: { $group } el { $date }
session-cancelled-body = La sesión del { $date } a las { $time } está cancelada. No necesita venir.

## Session reminder, to a facilitator
facilitator-reminder-subject = Usted dirige { $group } el { $date }
facilitator-reminder-when = Usted dirige la sesión del { $date } a las { $time }.
facilitator-reminder-topic = Tema: { $topic }
facilitator-reminder-roster = Participantes ({ $count }):
facilitator-reminder-supports = Apoyos que hay que organizar:
headcount-childcare = Cuidado de niños (número de niños): { $children }
headcount-transport = Transporte (número de personas): { $count }
headcount-interpreter = Intérprete: { $languages }
headcount-food = Comida (número de personas): { $count }
headcount-none = No se necesita ningún apoyo.
facilitator-reminder-absent = Avisaron que no pueden venir: { $count }

## To coordinators
follow-up-opened-subject = Se necesita una llamada de seguimiento en { $group }
follow-up-opened-body = Una persona de { $group } faltó a { $misses } sesiones seguidas. Ahora hay una llamada de seguimiento en la lista de pendientes.
follow-up-opened-by-hand-body = Una persona coordinadora abrió una llamada de seguimiento para alguien de { $group }. Ahora está en la lista de pendientes.
follow-up-assigned-subject = Una llamada de seguimiento para ti en { $group }
follow-up-assigned-body = Te pedimos que llames a una persona de { $group } antes del { $date }. Abre la tarea en peergroup para ver a quién llamar, cómo contactarla y las sesiones a las que faltó.
follow-up-escalated-subject = Llamada de seguimiento atrasada en { $group }
follow-ups-escalated-subject = Llamadas de seguimiento atrasadas: { $count }
follow-up-escalated-body = Una llamada de seguimiento en { $group } debía hacerse el { $date }. Todavía nadie ha llamado.
roles-missing-subject = Faltan facilitadores: { $group } el { $date }
roles-missing-body = La sesión del { $date } a las { $time } no tiene los facilitadores que necesita: { $missing }.
weekly-digest-subject = Su próxima semana: { $org }
weekly-digest-sessions = Sesiones la próxima semana: { $count }
weekly-digest-open = Llamadas de seguimiento pendientes: { $count }
weekly-digest-overdue = Llamadas de seguimiento atrasadas: { $count }
weekly-digest-supports = Apoyos la próxima semana. Cuidado de niños (número de niños): { $children }. Transporte (número de personas): { $transport }. Comida (número de personas): { $food }.
weekly-digest-interpreters = Intérpretes la próxima semana: { $languages }
queue-link = Abra peergroup para ver los detalles.

## The "I can't come" page
absence-page-title = No puedo asistir
absence-page-question = ¿Por qué no puede asistir? Elija una opción.
absence-page-session = Sesión: { $date } a las { $time }
absence-page-place = Lugar: { $venue }
absence-page-unknown = Este enlace no funciona. Comprueba que se copió completo o pregunta a quien coordina tu grupo.
absence-page-choose = Elige uno de los motivos de abajo.
absence-reason-childcare = No tengo cuidado de niños
absence-reason-transport = No tengo transporte
absence-reason-work = Trabajo
absence-reason-illness = Enfermedad
absence-reason-other = Otro motivo
absence-page-thanks = Gracias. Le avisamos al líder de su grupo. Esperamos que pueda venir la próxima vez.
absence-page-expired = Este enlace ya no funciona.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = Una persona participante no puede asistir el { $date }
absence-notice-body = { $name } nos avisó que no puede asistir a la sesión del { $date } a las { $time }.
absence-notice-reason = Motivo: { $reason }

## Entrar en peergroup
invitation-subject = Le invitan a peergroup ({ $org })
invitation-body = { $org } le invita a peergroup, donde verá sus sesiones y llamadas. Elija una contraseña para entrar.
invitation-link = Elegir mi contraseña
invitation-expiry = Este enlace funciona una vez, durante { $days } días.
password-reset-subject = Su nueva contraseña de peergroup
password-reset-body = Alguien pidió cambiar su contraseña de peergroup. Elija una nueva aquí:
password-reset-link = Elegir una contraseña nueva
password-reset-expiry = Este enlace funciona una vez, durante { $minutes } minutos.
sign-in-ignore = Si no esperaba este correo, puede ignorarlo.
follow-up-handed-over-subject = Un facilitador pide ayuda: { $group }
follow-up-handed-over-body = Un facilitador de { $group } pide a un coordinador ayuda con una llamada de seguimiento.
