card-link = Fiche du programme pour les financeurs
card-title = Fiche du programme : { $program }
card-csv = Télécharger comme tableur (CSV)
card-suppression = Faite pour être partagée : les effectifs de 1 à 4 ne sont pas montrés, ni aucun chiffre qui en découle. Les résultats ne comptent que les personnes qui ont accepté l'usage pour la recherche.
card-suppressed = moins de 5
card-table1 = Le programme
card-table2 = Ce qu'il a offert et ce qui a changé
card-condition = Problème de santé ou thème
card-setting = Où les groupes se réunissent
card-group-size = Taille des groupes
card-groups = Groupes
card-participants = Participants
card-sessions-held = Séances tenues
card-attendance = Présence
card-dose = Séances suivies par participant, en moyenne
card-completed = Ont terminé le programme
card-completion = Achèvement
card-retention = Maintien
card-retention-words = { $sessions ->
    [0] Aucune séance tenue pour le moment.
   *[other] Viennent encore à la dernière des { $sessions } séances tenues : { $last }.
}
card-retention-at = Viennent encore à la séance tenue { $session }
card-outcomes-title = Résultats
card-no-outcomes = Le programme ne prévoit aucun résultat déjà défini.
card-paired-plot = Le score de chaque personne avant et après
card-funder-csv = Lignes par participant pour un financeur, sans données identifiantes, seulement pour celles et ceux qui ont accepté l'usage pour la recherche (CSV)
