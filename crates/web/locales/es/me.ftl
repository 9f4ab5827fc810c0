# My training and My calendar, Spanish (Latin America, neutral).

nav-training = Mi capacitación
nav-calendar = Mi calendario
not-a-facilitator = Su cuenta todavía no está vinculada a un facilitador. Pregunte a su coordinador.
training-title = Mi capacitación
training-done-title = Módulos completados
training-done-line = { $module }: { $date }
training-expired = ya no es válido
training-none = Todavía no hay módulos registrados.
training-roles-title = Mis roles
training-role-ready = { $group } ({ $role }): puede dirigir
training-role-missing = { $group } ({ $role }): todavía falta: { $missing }
training-role-expiring = Renovar pronto: { $modules }
training-role-override = Un coordinador permitió este rol por ahora.
supervision-title = Reuniones de supervisión
supervision-line = { $date }: { $minutes } minutos
supervision-none = Todavía no hay reuniones de supervisión.
calendar-title = Mi calendario
calendar-intro = Sus sesiones pueden aparecer en el calendario de su teléfono y estar siempre al día allí. Cree su enlace privado y luego agréguelo a su calendario.
calendar-make = Crear mi enlace de calendario
calendar-link-made = Este es su enlace de calendario. Solo se muestra ahora, y es privado: no lo comparta.
calendar-open = Agregar a mi calendario
calendar-android = Android (Google Calendar): en una computadora, abra calendar.google.com, elija "Otros calendarios", "+", "Desde URL" y pegue el enlace.
calendar-iphone = iPhone: toque "Agregar a mi calendario", o abra Configuración, Calendario, Cuentas, Agregar cuenta, Otra, Agregar calendario suscrito, y pegue el enlace.
calendar-again = Si crea un enlace nuevo, el anterior deja de funcionar.

## The roll-call on a phone that may be offline
mark-pending = Aún no enviado
mark-saved = Guardado
mark-refused = No aceptado
mark-disagrees = { $by } marcó: { $mark }
log-pending = La asistencia se enviará cuando vuelva a haber señal.

## Asking a coordinator to help with a call
escalate = Pedir ayuda a un coordinador con esta llamada
escalated = Ya avisamos a los coordinadores. Ellos se comunicarán con usted.
interpreter-for = Hubo un intérprete de { $language }
