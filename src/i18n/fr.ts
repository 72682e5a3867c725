// French: one line per key of en.ts, in its order; an empty line falls back to English.
export const fr = `Ouvrir le chat
Réduire le chat
Discutez avec nous
messages non lus
Chargement…
Une erreur est survenue.
Réessayer
Chat indisponible.
Nom
E-mail
Téléphone
Service
Choisir…

facultatif
Champ requis.
E-mail invalide.
Valeur invalide.
Démarrer le chat
Nouvel essai dans {n} s…
Connexion impossible. Réessayez.
Avant de commencer
J’accepte
Laisser un message
Personne n’est disponible. Laissez un message.
Merci ! Message envoyé.
Envoyer
Envoi…
Non envoyé
Cette conversation est terminée.
Terminer le chat
{n} écrit…
Connexion…
Connexion rétablie.
Messages précédents
En attente d’un agent…
En ligne
Absent
Occupé
Hors ligne
Le message est trop long.`;
