## Messages : le journal, le renvoi et l'aperçu des rappels.

nav-messages = Messages
messages-title = Messages
messages-state = État
messages-show = Afficher
messages-all = Tous
messages-none = Aucun message ici.
messages-retry = Renvoyer
messages-retried = Le message sera renvoyé dans un instant.
messages-older = Messages plus anciens
messages-nobody = Plus personne
messages-attempts = { $count ->
    [one] 1 essai
   *[other] { $count } essais
}

message-kind-session_reminder = Rappel
message-kind-session_changed = Séance déplacée
message-kind-session_cancelled = Séance annulée
message-kind-facilitator_reminder = Rappel à un animateur
message-kind-absence_notice = Avis « Je ne peux pas venir »
message-kind-follow_up_opened = Appel de suivi à faire
message-kind-follow_up_escalated = Appels de suivi en retard
message-kind-follow_up_assigned = Appel de suivi confié
message-kind-follow_up_handed_over = Aide demandée pour un appel
message-kind-roles_missing = Animateurs manquants
message-kind-weekly_digest = Résumé de la semaine
message-kind-invitation = Invitation
message-kind-password_reset = Nouveau mot de passe
message-kind-absence_confirmed = Absence confirmée par SMS
message-kind-sms_stopped = Dernier SMS après STOP

message-state-queued = En attente
message-state-sent = Envoyé
message-state-delivered = Remis
message-state-retrying = Nouvel essai
message-state-dead = Échec
message-state-skipped = Non envoyé

mail-preview-title = Aperçu d'un rappel
mail-preview-link = Voir les rappels
mail-preview-of = Séance :
mail-preview-kind = Message
mail-preview-locale = Langue
mail-preview-show = Afficher
mail-preview-mail = Le message
mail-preview-name = (son nom)
mail-preview-note = Ceci est un aperçu : rien n'a été envoyé. Le vrai rappel porte le lien propre à chaque participant.
mail-preview-missing = Ce message ne peut pas encore être écrit dans cette langue.
mail-preview-no-session = Aucune séance à venir. Créez d'abord un groupe, puis voyez ses rappels.
messages-sms-segments = { $count ->
    [one] SMS, 1 segment
   *[other] SMS, { $count } segments
}
messages-replies-title = Réponses par SMS
messages-log-title = Messages envoyés
sms-reply-absence = A dit ne pas pouvoir venir
sms-reply-stop = A demandé à ne plus recevoir de SMS
sms-reply-start = A demandé à recevoir de nouveau des SMS
sms-reply-coordinator = À lire par vous
