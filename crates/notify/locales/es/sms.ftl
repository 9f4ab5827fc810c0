# SMS, español. Sin tildes en á, í, ó, ú donde se pueda: el alfabeto GSM no las tiene y el
# mensaje costaría el doble.

date-short = { $weekday } { $day } de { $month }
sms-reminder = Recordatorio: { $group }, { $date }, { $time }.
sms-place = Lugar: { $venue }.
sms-changed = Nueva hora: { $group }, { $date }, { $time }.
sms-cancelled = Cancelado: { $group }, { $date }, { $time }. No tiene que venir.
sms-cant-come = ¿No puede venir? Responda NO o 2.
sms-stop = Responda BAJA para no recibir SMS.
sms-no-words = NO
sms-stop-words = BAJA
sms-absence-received = Gracias. Avisamos a { $group } que no puede venir el { $date }.
sms-stopped = Ya no le enviaremos SMS. Para volver a recibirlos, responda START.
