## Les autres pages de coordination.

nav-manage = Plus
manage-title = Plus
manage-programs = Les modèles étudiés, et vos programmes : séances, thèmes, la règle des séances manquées.
manage-facilitators = Modules et cours de formation, qui n'a pas sa formation, supervision.
manage-messages = Chaque rappel et avis envoyé, et ceux qui ont échoué. Aperçu d'un rappel dans chaque langue.
manage-access = Inviter des personnes à se connecter, changer leur rôle, les désactiver. Jetons d'API.
manage-exports = Participants, présences et appels de suivi en fichiers de tableur.
manage-settings = Heures de silence des rappels, adresse des réponses, règles de formation.
manage-training = Votre propre dossier de formation.
manage-calendar = Vos séances dans le calendrier de votre téléphone.
