# My training and My calendar, French.

nav-training = Ma formation
nav-calendar = Mon calendrier
not-a-facilitator = Votre compte n'est pas encore lié à un animateur. Demandez à votre coordinateur.
training-title = Ma formation
training-done-title = Modules terminés
training-done-line = { $module } : { $date }
training-expired = plus valable
training-none = Aucun module enregistré pour le moment.
training-roles-title = Mes rôles
training-role-ready = { $group } ({ $role }) : vous pouvez animer
training-role-missing = { $group } ({ $role }) : il manque encore : { $missing }
training-role-expiring = À renouveler bientôt : { $modules }
training-role-override = Un coordinateur a autorisé ce rôle pour le moment.
supervision-title = Entretiens de supervision
supervision-line = { $date } : { $minutes } minutes
supervision-none = Aucun entretien de supervision pour le moment.
calendar-title = Mon calendrier
calendar-intro = Vos séances peuvent apparaître dans le calendrier de votre téléphone et y rester à jour. Créez votre lien privé, puis ajoutez-le à votre calendrier.
calendar-make = Créer mon lien de calendrier
calendar-link-made = Voici votre lien de calendrier. Il est affiché seulement maintenant, et il est privé : ne le partagez pas.
calendar-open = Ajouter à mon calendrier
calendar-android = Android (Google Agenda) : sur un ordinateur, ouvrez calendar.google.com, choisissez « Autres agendas », « + », « À partir de l'URL », et collez le lien.
calendar-iphone = iPhone : touchez « Ajouter à mon calendrier », ou ouvrez Réglages, Calendrier, Comptes, Ajouter un compte, Autre, Ajouter un calendrier avec abonnement, et collez le lien.
calendar-again = Si vous créez un nouveau lien, l'ancien ne fonctionne plus.

## The roll-call on a phone that may be offline
mark-pending = Pas encore envoyé
mark-saved = Enregistré
mark-refused = Non accepté
mark-disagrees = { $by } a noté : { $mark }
log-pending = Les présences seront envoyées quand il y aura de nouveau du réseau.

## Asking a coordinator to help with a call
escalate = Demander l'aide d'un coordinateur pour cet appel
escalated = Les coordinateurs sont prévenus. Ils vont vous contacter.
interpreter-for = Un interprète était là pour la langue : { $language }
