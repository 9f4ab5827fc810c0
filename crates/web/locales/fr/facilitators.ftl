## Animateurs et formation, pour la coordination.

nav-facilitators = Animateurs et formation
fac-title = Animateurs et formation
fac-person-title = Animateur
fac-everyone = Toutes les personnes qui animent
fac-none = Personne n'est encore affecté à un groupe.
fac-back = Tous les animateurs et la formation
fac-training-gaps = Formation manquante
fac-training-no-gaps = Chacun a la formation dont ses groupes ont besoin.
fac-training-overridden = Affecté quand même, avec une raison
fac-training-missing = Il manque :
fac-training-expiring = Expire avant la fin du groupe :
fac-training-sessions-short = { $count ->
    [one] 1 séance à venir manque d'animateurs
   *[other] { $count } séances à venir manquent d'animateurs
}
fac-supervision-title = Supervision des animateurs pairs
fac-supervision-hint = Un animateur pair sans contact de supervision depuis 4 semaines est en retard.
fac-supervision-no-peers = Aucun animateur pair ne mène un groupe actif.
fac-supervision-last = Dernière supervision : { $date }
fac-supervision-never = Pas encore de supervision
fac-supervision-overdue = En retard
fac-training-modules = Modules de formation
fac-training-no-modules = Pas encore de module de formation.
fac-training-add-module = Ajouter un module
fac-training-module-title = Titre
fac-training-module-hours = Heures (si connues)
fac-training-module-format = Comment il est enseigné
fac-training-module-months = Mois de validité (vide : toujours)
fac-training-module-added = Le module est ajouté.
fac-training-hours = { $hours } heures
fac-training-no-hours = heures non précisées
fac-training-format-in_person = en présence
fac-training-format-online = en ligne
fac-training-format-blended = en présence et en ligne
fac-training-format-self_study = en autonomie
fac-training-valid-months = valable { $months } mois
fac-training-cohorts = Cours de formation
fac-training-no-cohorts = Pas encore de cours de formation.
fac-cohort-trainees = { $count ->
    [one] 1 personne en formation
   *[other] { $count } personnes en formation
}
fac-cohort-sessions = { $count ->
    [one] 1 séance
   *[other] { $count } séances
}
fac-training-groups = Ses groupes
fac-training-no-groups = N'est affecté à aucun groupe actif.
fac-training-ready = A la formation dont ce rôle a besoin.
fac-training-completions = Formation suivie
fac-training-no-completions = Aucune formation enregistrée pour l'instant.
fac-training-not-valid = Plus valable
fac-training-record = Enregistrer un module suivi
fac-training-module = Module
fac-training-completed-field = Suivi le
fac-training-hours-hint = Vide : les heures du module.
fac-training-trainer = Formateur (facultatif)
fac-training-completed-on = Suivi le { $date }
fac-training-valid-until = valable jusqu'au { $date }
fac-training-completion-saved = La formation est enregistrée.
fac-supervision-log = Journal de supervision
fac-supervision-no-contacts = Aucun contact de supervision enregistré pour l'instant.
fac-supervision-follow-up = Suivi nécessaire
fac-supervision-add = Enregistrer un contact de supervision
fac-supervision-mentor = Mentor
fac-supervision-held-on = Date
fac-supervision-mode = Comment
fac-supervision-mode-meeting = Rencontre
fac-supervision-mode-call = Appel
fac-supervision-minutes-field = Minutes
fac-supervision-minutes = { $minutes } minutes
fac-supervision-topics = Thèmes (un par ligne)
fac-supervision-follow-up-field = Suivi nécessaire
fac-supervision-saved = Le contact de supervision est enregistré.
