// German: one line per key of en.ts, in its order; an empty line falls back to English.
export const de = `Chat öffnen
Chat minimieren
Chatten Sie mit uns
ungelesene Nachrichten
Wird geladen…
Etwas ist schiefgelaufen.
Erneut versuchen
Der Chat ist gerade nicht verfügbar.

E-Mail
Telefon
Abteilung
Bitte wählen…
Nachricht
optional
Bitte füllen Sie dieses Feld aus.
Bitte geben Sie eine gültige E-Mail-Adresse ein.
Bitte prüfen Sie diesen Wert.
Chat starten
Zu viele Versuche. Neuer Versuch in {n} s…
Keine Verbindung. Ihre Eingaben bleiben erhalten; bitte erneut versuchen.
Bevor wir beginnen
Ich stimme zu
Nachricht hinterlassen
Gerade ist niemand erreichbar. Hinterlassen Sie eine Nachricht, wir melden uns.
Nachricht senden
Danke! Ihre Nachricht wurde gesendet.
Schreiben Sie eine Nachricht, um zu beginnen.
Senden
Wird gesendet…
Nicht gesendet
Dieses Gespräch ist beendet.
Neuen Chat starten
Chat beenden
Dieses Gespräch beenden?
Abbrechen
{n} schreibt…
Verbindung wird hergestellt…
Verbindung unterbrochen. Neuer Versuch…
Wieder verbunden.
Frühere Nachrichten anzeigen
Warten auf einen Mitarbeiter…

Abwesend
Beschäftigt

Die Nachricht ist zu lang.`;
