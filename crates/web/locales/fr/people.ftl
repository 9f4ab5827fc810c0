# Pages peergroup pour les coordinateurs : participants, import et export. Français.
# Chaque langue a toutes les clés ; un test le vérifie. Les noms de colonnes en `code` restent en anglais :
# ce sont les noms que doit avoir la première ligne d'un fichier CSV.

nav-participants = Participants
nav-exports = Exporter

## Participants
participants-title = Participants
participants-search = Chercher par nom, adresse e-mail ou téléphone
participants-search-button = Chercher
participants-new = Ajouter un participant
participants-import = Importer depuis un fichier CSV
participants-none = Aucun participant pour le moment.
participants-none-found = Personne ne correspond à cette recherche.
participants-more = Seuls les 50 premiers sont affichés. Faites une recherche pour trouver les autres.
participant-title = Participant
participant-added = C'est enregistré. Le participant est ajouté.
new-participant-title = Ajouter un participant
participant-looks-like = Cette personne est peut-être déjà ici :
participant-different = C'est une autre personne. L'ajouter quand même.
participant-save = Enregistrer
field-name = Nom
field-language = Langue
field-language-hint = Un code de langue, par exemple ar, fa-AF, uk ou zh-Hans.
field-email = Adresse e-mail
field-phone = Téléphone
field-phone-hint = Avec l'indicatif du pays, par exemple +1 604 555 0123.
field-channel = Rappels par
field-alternative-contact = Une autre personne qui peut transmettre un message
field-consent-reminders = Accepte de recevoir des rappels
field-consent-calls = Accepte de recevoir des appels
consent-legend = Consentement
consent-given-on = Oui, depuis le { $date }
consent-not-given = Non
channel-none = Pas de préférence
channel-email = E-mail
channel-sms = SMS
channel-phone = Appel téléphonique
enrolments-title = Groupes
enrolments-none = Dans aucun groupe pour le moment.
enrolment-waitlisted = Liste d'attente
enrolment-enrolled = Inscrit
enrolment-withdrawn = A quitté le groupe
enrolment-completed = Terminé
attendance-summary = Présences : { $attended }. Absences : { $absent }. Absences excusées : { $excused }.
attendance-line = Séance { $number }, { $date } : { $status }
supports-title = Aides :
support-childcare = Garde d'enfants
support-transport = Transport
support-interpreter = Interprète
support-food = Nourriture
support-financial = Aide en argent
support-other = Autre aide
support-status-requested = demandée
support-status-arranged = organisée
support-status-declined = pas possible

## Problems with what was written
problem-missing = { $field } : cette information manque.
problem-invalid = { $field } : cette information n'est pas correcte.
problem-phone = Téléphone : écrivez le numéro avec + et l'indicatif du pays, par exemple +16045550123.
problem-language = Langue : écrivez un code de langue, par exemple ar, fa-AF ou zh-Hans.
problem-channel-without-contact = Rappels par : il n'y a pas d'adresse e-mail ni de téléphone pour cela.
problem-reminders-without-contact = Pour les rappels, il faut une adresse e-mail ou un téléphone.
problem-calls-without-phone = Pour les appels, il faut un numéro de téléphone.

## Import
import-title = Importer des participants
import-intro = Choisissez un fichier CSV enregistré en UTF-8. D'abord, vous voyez ce qui va se passer pour chaque ligne. Rien n'est enregistré avant votre confirmation. Les personnes déjà ici ne sont pas ajoutées une deuxième fois.
import-file = Fichier CSV
import-check = Vérifier le fichier
import-columns-title = Colonnes
import-template = Télécharger un fichier à remplir
column-name = Le nom de la personne. Obligatoire.
column-language = Sa langue, avec un code comme ar ou fa-AF. Obligatoire.
column-email = Adresse e-mail.
column-phone = Téléphone, avec + et l'indicatif du pays.
column-channel = email, sms ou phone : comment la personne reçoit les rappels.
column-alternative-contact = Une autre personne qui peut transmettre un message.
column-consent-reminders = yes ou no : accepte de recevoir des rappels.
column-consent-calls = yes ou no : accepte de recevoir des appels.
import-not-utf8 = Ce fichier n'est pas en UTF-8. Dans votre tableur, enregistrez-le en « CSV UTF-8 » et réessayez.
import-empty = Ce fichier est vide.
import-missing-column = Le fichier n'a pas de colonne « { $column } ». Sa première ligne doit donner le nom des colonnes.
import-too-many-rows = Le fichier a plus de { $count } lignes. Coupez-le en fichiers plus petits.
import-unreadable = Le fichier ne peut pas être lu à partir de la ligne { $line }. Il manque peut-être un guillemet.
import-no-file = Choisissez d'abord un fichier.
import-preview-title = Vérifier l'import
import-done-title = Import terminé
import-preview = À ajouter : { $added }. Déjà ici : { $there }. Lignes avec des problèmes : { $refused }.
import-done = Ajoutés : { $added }. Déjà ici : { $there }. Lignes avec des problèmes, non ajoutées : { $refused }.
import-ignored-columns = Ces colonnes ne sont pas lues : { $columns }
import-confirm = Ajouter les personnes ({ $count })
import-another = Importer un autre fichier
import-rows-caption = Toutes les lignes du fichier
import-line = Ligne
import-outcome = Ce qui se passe
import-row-add = Sera ajouté
import-row-added = Ajouté
import-row-there = Déjà ici : { $name }
import-row-repeat = Même personne qu'à la ligne { $line }

## Export
exports-title = Exporter
exports-intro = Téléchargez des fichiers CSV pour un programme ou un groupe. Ils s'ouvrent dans LibreOffice et Excel. Ils contiennent des données personnelles : gardez-les en sécurité et supprimez-les quand vous avez fini.
exports-programs = Programmes
exports-groups = Groupes
exports-none = Aucun pour le moment.
export-participants = Participants
export-attendance = Présences
export-follow-ups = Appels de suivi

## Dashboard
nav-dashboard = Tableau de bord
dashboard-title = Tableau de bord
dashboard-week = Les 7 prochains jours
dashboard-week-count = Séances prévues : { $count }
dashboard-session = { $group }, séance { $number }
dashboard-missing = Il manque : { $roles }
dashboard-gaps = Séances sans les animateurs nécessaires
dashboard-gaps-none = Chaque séance a les animateurs nécessaires.
dashboard-follow-ups = Appels de suivi
dashboard-open = Ouverts : { $count }
dashboard-overdue = En retard : { $count }
dashboard-escalated = Transmis à un coordinateur : { $count }
dashboard-follow-ups-link = Voir les appels de suivi
dashboard-training = Formations manquantes
dashboard-training-none = Chaque animateur a la formation nécessaire pour ses groupes.
dashboard-training-gap = { $name } ({ $group }) : { $missing }
dashboard-supports = Aides à organiser pour les 7 prochains jours
dashboard-supports-none = Aucune aide n'est nécessaire.
dashboard-childcare = Places de garde d'enfants : { $count }
dashboard-transport = Trajets à payer ou à organiser : { $count }
dashboard-food = Repas : { $count }
dashboard-interpreters = Interprètes : { $languages }
dashboard-retention = Participants encore présents dans chaque groupe
dashboard-retention-none = Aucun groupe actif pour le moment.
dashboard-kept = { $kept } sur { $all }
dashboard-more-groups = Groupes non affichés : { $count }
field-consent-research = Usage de ses évaluations en recherche
