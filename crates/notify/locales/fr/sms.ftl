# SMS, français. Court et simple ; é, è, à, ù tiennent dans l'alphabet GSM, pas ê ni ç.

date-short = { $weekday } { $day } { $month }
sms-reminder = Rappel : { $group }, { $date } à { $time }.
sms-place = Lieu : { $venue }.
sms-changed = Nouvel horaire : { $group }, { $date } à { $time }.
sms-cancelled = Annulé : { $group }, { $date } à { $time }. Pas besoin de venir.
sms-cant-come = Absent ? Répondez NON ou 2.
sms-stop = Répondez STOP pour ne plus recevoir de SMS.
sms-no-words = NON
sms-stop-words = ARRET
sms-absence-received = Merci. Nous avons prévenu { $group } : vous ne venez pas le { $date }.
sms-stopped = Vous ne recevrez plus de SMS de notre part. Pour les recevoir à nouveau, répondez START.
