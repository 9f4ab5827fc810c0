# Páginas de peergroup para coordinadores: participantes, importar y exportar. Español (América Latina, neutro).
# Cada idioma tiene todas las claves; una prueba lo revisa. Los nombres de columna en `code` quedan en inglés:
# son los nombres que debe tener la primera fila de un archivo CSV.

nav-participants = Participantes
nav-exports = Exportar

## Participants
participants-title = Participantes
participants-search = Buscar por nombre, correo o teléfono
participants-search-button = Buscar
participants-new = Agregar un participante
participants-import = Importar desde un archivo CSV
participants-none = Todavía no hay participantes.
participants-none-found = Nadie coincide con esta búsqueda.
participants-more = Solo se muestran los primeros 50. Busque para encontrar a los demás.
participant-title = Participante
participant-added = Guardado. El participante está agregado.
new-participant-title = Agregar un participante
participant-looks-like = Es posible que esta persona ya esté aquí:
participant-different = Es otra persona. Agregarla de todos modos.
participant-save = Guardar
field-name = Nombre
field-language = Idioma
field-language-hint = Un código de idioma, por ejemplo ar, fa-AF, uk o zh-Hans.
field-email = Correo electrónico
field-phone = Teléfono
field-phone-hint = Con el código del país, por ejemplo +1 604 555 0123.
field-channel = Recordatorios por
field-alternative-contact = Otra persona que puede pasar un mensaje
field-consent-reminders = Acepta recibir recordatorios
field-consent-calls = Acepta recibir llamadas
consent-legend = Consentimiento
consent-given-on = Sí, desde el { $date }
consent-not-given = No
channel-none = Sin preferencia
channel-email = Correo electrónico
channel-sms = Mensaje de texto (SMS)
channel-phone = Llamada telefónica
enrolments-title = Grupos
enrolments-none = Todavía no está en ningún grupo.
enrolment-waitlisted = Lista de espera
enrolment-enrolled = Inscrito
enrolment-withdrawn = Dejó el grupo
enrolment-completed = Terminó
attendance-summary = Asistencias: { $attended }. Faltas: { $absent }. Faltas justificadas: { $excused }.
attendance-line = Sesión { $number }, { $date }: { $status }
supports-title = Apoyos:
support-childcare = Cuidado de niños
support-transport = Transporte
support-interpreter = Intérprete
support-food = Comida
support-financial = Ayuda con dinero
support-other = Otro apoyo
support-status-requested = pedido
support-status-arranged = organizado
support-status-declined = no es posible

## Problems with what was written
problem-missing = { $field }: falta este dato.
problem-invalid = { $field }: este dato no es correcto.
problem-phone = Teléfono: escriba el número con + y el código del país, por ejemplo +16045550123.
problem-language = Idioma: escriba un código de idioma, por ejemplo ar, fa-AF o zh-Hans.
problem-channel-without-contact = Recordatorios por: no hay correo ni teléfono para esto.
problem-reminders-without-contact = Los recordatorios necesitan un correo o un teléfono.
problem-calls-without-phone = Las llamadas necesitan un número de teléfono.

## Import
import-title = Importar participantes
import-intro = Elija un archivo CSV guardado como UTF-8. Primero verá qué pasará con cada fila. No se guarda nada hasta que usted confirme. Las personas que ya están aquí no se agregan otra vez.
import-file = Archivo CSV
import-check = Revisar el archivo
import-columns-title = Columnas
import-template = Descargar un archivo para llenar
column-name = El nombre de la persona. Obligatorio.
column-language = Su idioma, como un código, por ejemplo ar o fa-AF. Obligatorio.
column-email = Correo electrónico.
column-phone = Teléfono, con + y el código del país.
column-channel = email, sms o phone: cómo recibe los recordatorios.
column-alternative-contact = Otra persona que puede pasar un mensaje.
column-consent-reminders = yes o no: acepta recibir recordatorios.
column-consent-calls = yes o no: acepta recibir llamadas.
import-not-utf8 = Este archivo no está en UTF-8. En su hoja de cálculo, guárdelo como "CSV UTF-8" e inténtelo de nuevo.
import-empty = Este archivo está vacío.
import-missing-column = El archivo no tiene la columna "{ $column }". Su primera fila debe tener los nombres de las columnas.
import-too-many-rows = El archivo tiene más de { $count } filas. Divídalo en archivos más pequeños.
import-unreadable = No se puede leer el archivo desde la línea { $line }. Tal vez falta una comilla.
import-no-file = Primero elija un archivo.
import-preview-title = Revisar la importación
import-done-title = Importación terminada
import-preview = Para agregar: { $added }. Ya están aquí: { $there }. Filas con problemas: { $refused }.
import-done = Agregados: { $added }. Ya estaban aquí: { $there }. Filas con problemas, no agregadas: { $refused }.
import-ignored-columns = Estas columnas no se leen: { $columns }
import-confirm = Agregar a las personas ({ $count })
import-another = Importar otro archivo
import-rows-caption = Todas las filas del archivo
import-line = Línea
import-outcome = Qué pasa
import-row-add = Se agregará
import-row-added = Agregado
import-row-there = Ya está aquí: { $name }
import-row-repeat = Misma persona que en la línea { $line }

## Export
exports-title = Exportar
exports-intro = Descargue archivos CSV de un programa o de un grupo. Se abren en LibreOffice y Excel. Contienen datos personales: guárdelos en un lugar seguro y bórrelos cuando termine.
exports-programs = Programas
exports-groups = Grupos
exports-none = Todavía no hay ninguno.
export-participants = Participantes
export-attendance = Asistencia
export-follow-ups = Llamadas de seguimiento

## Dashboard
nav-dashboard = Panel
dashboard-title = Panel
dashboard-week = Los próximos 7 días
dashboard-week-count = Sesiones planeadas: { $count }
dashboard-session = { $group }, sesión { $number }
dashboard-missing = Falta: { $roles }
dashboard-gaps = Sesiones sin los facilitadores que necesitan
dashboard-gaps-none = Todas las sesiones tienen los facilitadores que necesitan.
dashboard-follow-ups = Llamadas de seguimiento
dashboard-open = Abiertas: { $count }
dashboard-overdue = Atrasadas: { $count }
dashboard-escalated = Pasadas a un coordinador: { $count }
dashboard-follow-ups-link = Ver las llamadas de seguimiento
dashboard-training = Capacitación que falta
dashboard-training-none = Todos los facilitadores tienen la capacitación que necesitan sus grupos.
dashboard-training-gap = { $name } ({ $group }): { $missing }
dashboard-supports = Apoyos que hay que organizar para los próximos 7 días
dashboard-supports-none = No se necesita ningún apoyo.
dashboard-childcare = Lugares de cuidado de niños: { $count }
dashboard-transport = Viajes que hay que pagar u organizar: { $count }
dashboard-food = Comidas: { $count }
dashboard-interpreters = Intérpretes: { $languages }
dashboard-retention = Participantes que siguen en cada grupo
dashboard-retention-none = Todavía no hay grupos activos.
dashboard-kept = { $kept } de { $all }
dashboard-more-groups = Grupos que no se muestran: { $count }
field-consent-research = Uso de sus evaluaciones en investigación
