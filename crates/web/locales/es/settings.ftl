# Páginas de peergroup para coordinadores: la configuración de la organización, las reglas de un programa y
# páginas para imprimir. Español (América Latina, neutro). Cada idioma tiene todas las claves; una prueba lo revisa.

nav-settings = Configuración

## La configuración de la organización
settings-title = Configuración
settings-admins-only = Solo un administrador puede cambiar esta configuración.
settings-quiet = Horas de silencio
settings-quiet-hint = Entre estas horas no se envía ningún recordatorio, en la hora local de cada grupo. Un recordatorio que toca en ese momento espera hasta el final. La misma hora dos veces significa que no hay horas de silencio.
settings-quiet-start = Desde
settings-quiet-end = Hasta
settings-reply-to = Respuestas a los recordatorios
settings-reply-to-hint = Adónde van las respuestas a los correos de la organización. Vacío: a la dirección del remitente.
settings-policy = Un facilitador que no terminó la capacitación
settings-policy-block = No se puede asignar
settings-policy-override = Lo puede asignar un coordinador que dé un motivo
settings-per-program = La regla de faltas seguidas y cuándo se envían los recordatorios se eligen para cada programa, en su página.
settings-save = Guardar la configuración
settings-saved = Guardado.
settings-bad-time = Escriba las horas de silencio como horas, por ejemplo 21:00 y 08:00.
settings-bad-email = La dirección para las respuestas no es un correo electrónico.

## Las reglas de un programa
program-rules = Llamadas y recordatorios
field-missed-threshold = Llamar después de este número de faltas seguidas
field-participant-hours = Enviar un recordatorio a los participantes este número de horas antes
field-facilitator-hours = Enviar un recordatorio a los facilitadores este número de horas antes
field-hours-hint = Números de horas, separados por comas, por ejemplo 168, 24. Vacío: sin recordatorios.
program-bad-threshold = El número de faltas seguidas debe ser un número entero de 1 a 20.
program-bad-hours = Escriba las horas como números enteros separados por comas, de 1 a 672.

## Páginas para imprimir
print-button = Imprimir
print-sheet-link = Hoja de asistencia para imprimir
print-roster-link = Lista de participantes para imprimir
print-sheet-title = Hoja de asistencia
print-roster-title = Lista de participantes
print-name = Nombre
print-signature = Firma
print-language = Idioma
print-phone = Teléfono
print-status = Estado
print-facilitators = Facilitadores
settings-organization = La organización
settings-name = Nombre
settings-name-hint = Aparece en las invitaciones y arriba de las páginas impresas.
settings-bad-name = Escriba el nombre de la organización (200 caracteres como máximo).
settings-retention = Conservar los datos personales
settings-retention-months = Meses que se conservan los datos de un participante después de que termine su último grupo
settings-retention-hint = Déjelo vacío para conservar los datos hasta que alguien los borre. Cada noche se borran los datos de las personas cuyo último grupo terminó hace más de esos meses; su asistencia y sus evaluaciones se quedan sin nombre.
settings-bad-retention = Meses: escriba un número de 1 a 120, o déjelo vacío.
settings-retention-due = En la próxima limpieza de la noche se borran los datos de:
settings-retention-none-due = En la próxima limpieza de la noche no se borran los datos de nadie.
