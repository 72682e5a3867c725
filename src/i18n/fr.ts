// French: one line per key of en.ts, in its order; an empty line falls back to English.
export const fr = `Ouvrir le chat
Réduire le chat
Discutez avec nous
messages non lus
Chargement…
Une erreur est survenue.
Réessayer
Le chat n’est pas disponible pour le moment.
Nom
E-mail
Téléphone
Service
Choisir…

facultatif
Veuillez remplir ce champ.
Veuillez saisir une adresse e-mail valide.
Veuillez vérifier cette valeur.
Démarrer le chat
Trop de tentatives. Nouvel essai dans {n} s…
Connexion impossible. Votre saisie est conservée ; réessayez.
Avant de commencer
J’accepte
Laisser un message
Personne n’est disponible. Laissez un message, nous vous répondrons.
Envoyer le message
Merci ! Votre message a été envoyé.
Écrivez un message pour commencer.
Envoyer
Envoi…
Non envoyé
Cette conversation est terminée.
Nouvelle conversation
Terminer le chat
Terminer cette conversation ?
Annuler
{n} écrit…
Connexion…
Connexion perdue. Reconnexion…
Connexion rétablie.
Voir les messages précédents
En attente d’un agent…
En ligne
Absent
Occupé
Hors ligne
Le message est trop long.`;
