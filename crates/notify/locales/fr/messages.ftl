# peergroup messages, French. Short sentences, numerals, no idioms.
# Every locale has every key; a test checks that.

## Dates and times. The date is put together from these parts.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# $weekday, $day, $month, $year
date-long = { $weekday } { $day } { $month } { $year }
# 24-hour clock: $hour24 (00-23), $minute (00-59)
time = { $hour24 }:{ $minute }
time-am = AM
time-pm = PM

## Shared lines
greeting = Bonjour { $name },
signature = L'équipe { $group }
place = Lieu : { $venue }
place-address = Adresse : { $address }
duration = La séance dure { $minutes } minutes.
support-childcare = Une garde d'enfants est disponible pour vous.
support-transport = Un transport est organisé pour vous.
support-interpreter = Un interprète sera là pour vous.
support-food = De la nourriture est offerte.
support-other = Une autre aide est organisée pour vous.
cant-come-intro = Vous ne pouvez pas venir ? Merci de nous le dire. Appuyez ici :
cant-come-link = Je ne peux pas venir
unsubscribe-note = Vous recevez ces messages parce que vous avez rejoint { $group }. Pour ne plus les recevoir, dites-le à la personne responsable de votre groupe.

## Session reminder, to a participant
session-reminder-subject = Rappel : { $group } le { $date }
session-reminder-when = Votre groupe se réunit le { $date } à { $time }.

## A session was moved, to participants who were already reminded
session-changed-subject = Nouvel horaire : { $group } le { $date }
session-changed-when = L'horaire a changé. Votre groupe se réunit maintenant le { $date } à { $time }.

## A session was cancelled, to participants who were already reminded
session-cancelled-subject = Séance annulée : { $group } le { $date }
session-cancelled-body = La séance du { $date } à { $time } est annulée. Vous n'avez pas besoin de venir.

## Session reminder, to a facilitator
facilitator-reminder-subject = Vous animez { $group } le { $date }
facilitator-reminder-when = Vous animez la séance du { $date } à { $time }.
facilitator-reminder-topic = Sujet : { $topic }
facilitator-reminder-roster = Participants ({ $count }) :
facilitator-reminder-supports = Aides à organiser :
headcount-childcare = Garde d'enfants (nombre d'enfants) : { $children }
headcount-transport = Transport (nombre de personnes) : { $count }
headcount-interpreter = Interprète : { $languages }
headcount-food = Nourriture (nombre de personnes) : { $count }
headcount-none = Aucune aide n'est nécessaire.
facilitator-reminder-absent = Personnes qui ont dit ne pas pouvoir venir : { $count }

## To coordinators
follow-up-opened-subject = Appel de suivi nécessaire dans { $group }
follow-up-opened-body = Une personne de { $group } a manqué { $misses } séances de suite. Un appel de suivi est maintenant dans la file d'attente.
follow-up-opened-by-hand-body = Une personne coordinatrice a ouvert un appel de suivi pour une personne de { $group }. Il est maintenant dans la file d'attente.
follow-up-assigned-subject = Un appel de suivi pour vous dans { $group }
follow-up-assigned-body = Nous vous demandons d'appeler une personne de { $group } d'ici le { $date }. Ouvrez la tâche dans peergroup pour voir qui appeler, comment la joindre et les séances manquées.
follow-up-escalated-subject = Appel de suivi en retard dans { $group }
follow-ups-escalated-subject = Appels de suivi en retard : { $count }
follow-up-escalated-body = Un appel de suivi dans { $group } était prévu le { $date }. Personne n'a encore appelé.
roles-missing-subject = Animateurs manquants : { $group } le { $date }
roles-missing-body = La séance du { $date } à { $time } n'a pas les animateurs nécessaires : { $missing }.
weekly-digest-subject = Votre semaine à venir : { $org }
weekly-digest-sessions = Séances la semaine prochaine : { $count }
weekly-digest-open = Appels de suivi ouverts : { $count }
weekly-digest-overdue = Appels de suivi en retard : { $count }
weekly-digest-supports = Aides la semaine prochaine. Garde d'enfants (nombre d'enfants) : { $children }. Transport (nombre de personnes) : { $transport }. Nourriture (nombre de personnes) : { $food }.
weekly-digest-interpreters = Interprètes la semaine prochaine : { $languages }
queue-link = Ouvrez peergroup pour voir les détails.

## The "I can't come" page
absence-page-title = Je ne peux pas venir
absence-page-question = Pourquoi ne pouvez-vous pas venir ? Choisissez une réponse.
absence-page-session = Séance : { $date } à { $time }
absence-page-place = Lieu : { $venue }
absence-page-unknown = Ce lien ne fonctionne pas. Vérifiez qu'il a été copié en entier, ou demandez à la personne qui anime votre groupe.
absence-page-choose = Choisissez l'une des raisons ci-dessous.
absence-reason-childcare = Pas de garde d'enfants
absence-reason-transport = Pas de transport
absence-reason-work = Travail
absence-reason-illness = Maladie
absence-reason-other = Autre raison
absence-page-thanks = Merci. Nous avons prévenu la personne responsable de votre groupe. Nous espérons vous voir la prochaine fois.
absence-page-expired = Ce lien ne fonctionne plus.

## A participant said they cannot come, to the group's facilitators
absence-notice-subject = Une personne participante ne peut pas venir le { $date }
absence-notice-body = { $name } nous a dit ne pas pouvoir venir à la séance du { $date } à { $time }.
absence-notice-reason = Raison : { $reason }

## Se connecter à peergroup
invitation-subject = Vous êtes invité·e sur peergroup ({ $org })
invitation-body = { $org } vous invite sur peergroup, où vous verrez vos séances et vos appels. Choisissez un mot de passe pour vous connecter.
invitation-link = Choisir mon mot de passe
invitation-expiry = Ce lien fonctionne une fois, pendant { $days } jours.
password-reset-subject = Votre nouveau mot de passe peergroup
password-reset-body = Quelqu'un a demandé à changer votre mot de passe peergroup. Choisissez-en un nouveau ici :
password-reset-link = Choisir un nouveau mot de passe
password-reset-expiry = Ce lien fonctionne une fois, pendant { $minutes } minutes.
sign-in-ignore = Si vous n'attendiez pas ce message, vous pouvez l'ignorer.
follow-up-handed-over-subject = Un animateur demande de l'aide : { $group }
follow-up-handed-over-body = Un animateur de { $group } demande à un coordinateur de l'aider pour un appel de suivi.
