// German: one line per key of en.ts, in its order; an empty line falls back to English.
export const de = `Chat öffnen
Chat minimieren
Chatten Sie mit uns
ungelesene Nachrichten
Wird geladen…
Etwas ist schiefgelaufen.
Erneut versuchen
Chat nicht verfügbar.

E-Mail
Telefon
Abteilung
Bitte wählen…
Nachricht
optional
Bitte ausfüllen.
Ungültige E-Mail-Adresse.
Bitte prüfen.
Chat starten
Neuer Versuch in {n} s…
Keine Verbindung. Bitte erneut versuchen.
Bevor wir beginnen
Ich stimme zu
Nachricht hinterlassen
Niemand erreichbar. Hinterlassen Sie eine Nachricht.
Danke! Nachricht gesendet.
Senden
Wird gesendet…
Nicht gesendet
Dieses Gespräch ist beendet.
Chat beenden
{n} schreibt…
Verbinde…
Wieder verbunden.
Frühere Nachrichten
Warten auf einen Mitarbeiter…

Abwesend
Beschäftigt

Die Nachricht ist zu lang.`;
