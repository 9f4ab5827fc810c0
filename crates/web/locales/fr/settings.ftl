# Pages peergroup pour les coordinateurs : les paramètres de l'organisation, les règles d'un programme et
# des pages à imprimer. Français. Chaque langue a toutes les clés ; un test le vérifie.

nav-settings = Paramètres

## Les paramètres de l'organisation
settings-title = Paramètres
settings-admins-only = Seul un administrateur peut changer ces paramètres.
settings-quiet = Heures de silence
settings-quiet-hint = Aucun rappel n'est envoyé entre ces heures, à l'heure locale de chaque groupe. Un rappel prévu pendant ce temps attend la fin. La même heure deux fois veut dire qu'il n'y a pas d'heures de silence.
settings-quiet-start = De
settings-quiet-end = Jusqu'à
settings-reply-to = Réponses aux rappels
settings-reply-to-hint = Où vont les réponses aux e-mails de l'organisation. Vide : à l'adresse de l'expéditeur.
settings-policy = Un animateur qui n'a pas fini la formation
settings-policy-block = Ne peut pas être affecté
settings-policy-override = Peut être affecté par un coordinateur qui donne une raison
settings-per-program = La règle des absences de suite et le moment des rappels se choisissent pour chaque programme, sur sa page.
settings-save = Enregistrer les paramètres
settings-saved = C'est enregistré.
settings-bad-time = Écrivez les heures de silence comme des heures, par exemple 21:00 et 08:00.
settings-bad-email = L'adresse pour les réponses n'est pas une adresse e-mail.

## Les règles d'un programme
program-rules = Appels et rappels
field-missed-threshold = Appeler après ce nombre d'absences de suite
field-participant-hours = Envoyer un rappel aux participants ce nombre d'heures avant
field-facilitator-hours = Envoyer un rappel aux animateurs ce nombre d'heures avant
field-hours-hint = Nombres d'heures, séparés par des virgules, par exemple 168, 24. Vide : pas de rappels.
program-bad-threshold = Le nombre d'absences de suite doit être un nombre entier de 1 à 20.
program-bad-hours = Écrivez les heures comme des nombres entiers séparés par des virgules, de 1 à 672.

## Pages à imprimer
print-button = Imprimer
print-sheet-link = Feuille de présence à imprimer
print-roster-link = Liste des participants à imprimer
print-sheet-title = Feuille de présence
print-roster-title = Liste des participants
print-name = Nom
print-signature = Signature
print-language = Langue
print-phone = Téléphone
print-status = État
print-facilitators = Animateurs
settings-organization = L'organisme
settings-name = Nom
settings-name-hint = Figure sur les invitations et en haut des pages imprimées.
settings-bad-name = Écrivez le nom de l'organisme (200 caractères au plus).
settings-retention = Garder les données personnelles
settings-retention-months = Nombre de mois pendant lesquels on garde les données d'un participant après la fin de son dernier groupe
settings-retention-hint = Laissez vide pour garder les données jusqu'à ce que quelqu'un les efface. Chaque nuit, les données des personnes dont le dernier groupe a fini il y a plus longtemps que ce nombre de mois sont effacées ; leurs présences et leurs évaluations restent, mais sans nom.
settings-bad-retention = Mois : écrivez un nombre de 1 à 120, ou laissez vide.
settings-retention-due = Au prochain passage de la nuit, on efface les données de :
settings-retention-none-due = Au prochain passage de la nuit, on n'efface les données de personne.
