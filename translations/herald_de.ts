<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountCheck</name>
    <message>
        <source>no user name given</source>
        <translation>kein Benutzername angegeben</translation>
    </message>
    <message>
        <source>unknown protocol</source>
        <translation>unbekanntes Protokoll</translation>
    </message>
    <message>
        <source>Wrong user name or password: %1 did not accept the login of %2. (%3)</source>
        <translation>Falscher Benutzername oder falsches Passwort: %1 hat die Anmeldung von %2 nicht angenommen. (%3)</translation>
    </message>
    <message>
        <source>No such host: there is no server named %1. Check the host name.</source>
        <translation>Unbekannter Server: Es gibt keinen Server namens %1. Prüfen Sie den Servernamen.</translation>
    </message>
    <message>
        <source>Port closed: %1 refused the connection on port %2 (connection refused). Check the port.</source>
        <translation>Port geschlossen: %1 hat die Verbindung auf Port %2 abgelehnt (connection refused). Prüfen Sie den Port.</translation>
    </message>
    <message>
        <source>Timed out: %1 did not answer within %2 seconds.</source>
        <translation>Zeitüberschreitung: %1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Certificate not trusted: the certificate of %1 is not vouched for by any authority this computer trusts.</source>
        <translation>Zertifikat nicht vertrauenswürdig: Für das Zertifikat von %1 bürgt keine Zertifizierungsstelle, der dieser Computer vertraut.</translation>
    </message>
    <message>
        <source>STARTTLS missing: %1 does not offer encryption on port %2, and Herald never sends a password unencrypted. Choose TLS or another port.</source>
        <translation>STARTTLS fehlt: %1 bietet auf Port %2 keine Verschlüsselung an, und Herald sendet ein Passwort nie unverschlüsselt. Wählen Sie TLS oder einen anderen Port.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not log in to %1: %2</source>
        <translation>Anmeldung an %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>The name others see in your messages</source>
        <translation>Der Name, den andere in Ihren Nachrichten sehen</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Identities and signatures</source>
        <translation>Identitäten und Signaturen</translation>
    </message>
    <message>
        <source>Messages kept offline</source>
        <translation>Offline verfügbare Nachrichten</translation>
    </message>
    <message>
        <source>&amp;All messages</source>
        <translation>&amp;Alle Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Only recent or small messages:</source>
        <translation>N&amp;ur neue oder kleine Nachrichten:</translation>
    </message>
    <message>
        <source>N&amp;one (a message is downloaded when opened)</source>
        <translation>&amp;Keine (eine Nachricht wird beim Öffnen heruntergeladen)</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>beliebiges Alter</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>beliebige Größe</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>    Of the last:</source>
        <translation>    Der letzten:</translation>
    </message>
    <message>
        <source>    Up to:</source>
        <translation>    Bis zu:</translation>
    </message>
    <message>
        <source>Messages on the server (POP3)</source>
        <translation>Nachrichten auf dem Server (POP3)</translation>
    </message>
    <message>
        <source>&amp;Leave messages on the server</source>
        <translation>Nachrichten auf dem Server &amp;belassen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Delete from the server &amp;when deleted in Herald</source>
        <translation>Vom Server löschen, &amp;wenn in Herald gelöscht</translation>
    </message>
    <message>
        <source>Delete from the server &amp;after:</source>
        <translation>Vom Server löschen na&amp;ch:</translation>
    </message>
    <message>
        <source>(your provider&apos;s topmost Authentication-Results)</source>
        <translation>(oberster Authentication-Results-Kopf Ihres Anbieters)</translation>
    </message>
    <message>
        <source>The server name in the Authentication-Results headers your provider adds; only those are trusted for sender checks.</source>
        <translation>Der Servername in den Authentication-Results-Kopfzeilen, die Ihr Anbieter hinzufügt; nur diesen wird bei der Absenderprüfung vertraut.</translation>
    </message>
    <message>
        <source>&amp;Trusted authserv-id:</source>
        <translation>Vertrauenswürdige au&amp;thserv-id:</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in Herald&apos;s files.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in Heralds Dateien.</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>The new password could not be saved: %1</source>
        <translation>Das neue Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>AccountSettingsPage</name>
    <message>
        <source>&amp;Accounts:</source>
        <translation>K&amp;onten:</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 &lt;%3&gt;</source>
        <translation>%1 — %2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>Die Konten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No accounts yet. Press Add to set one up.</source>
        <translation>Noch keine Konten. Klicken Sie auf „Hinzufügen“, um eines einzurichten.</translation>
    </message>
    <message>
        <source>Could not save the settings of %1: %2</source>
        <translation>Die Einstellungen von %1 konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the settings of %1; they apply from the next sync.</source>
        <translation>Die Einstellungen von %1 wurden gespeichert; sie gelten ab der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Remove the account &lt;b&gt;%1&lt;/b&gt; (%2)?&lt;/p&gt;&lt;p&gt;This deletes from this computer: %3 cached messages, of them %4 drafts and %5 messages in the outbox that were not sent yet%6.&lt;/p&gt;&lt;p&gt;Nothing is deleted on the server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Konto &lt;b&gt;%1&lt;/b&gt; (%2) entfernen?&lt;/p&gt;&lt;p&gt;Dabei wird auf diesem Computer gelöscht: %3 zwischengespeicherte Nachrichten, davon %4 Entwürfe und %5 noch nicht gesendete Nachrichten im Postausgang%6.&lt;/p&gt;&lt;p&gt;Auf dem Server wird nichts gelöscht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, and the password saved in the system keychain</source>
        <translation> sowie das im Schlüsselbund des Systems gespeicherte Passwort</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove Account</source>
        <translation>Konto &amp;entfernen</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Removed the account %1.</source>
        <translation>Das Konto %1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>AccountSetupDialog</name>
    <message>
        <source>Add a Mail Account</source>
        <translation>E-Mail-Konto hinzufügen</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Weiter &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Ihre E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Herald finds your provider&apos;s servers from your address. Your password is only sent to them, over an encrypted connection.</source>
        <translation>Herald ermittelt die Server Ihres Anbieters anhand Ihrer Adresse. Ihr Passwort wird nur an diese gesendet, über eine verschlüsselte Verbindung.</translation>
    </message>
    <message>
        <source>Alice Liddell</source>
        <translation>Erika Mustermann</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>erika@example.org</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Manual set-up…</source>
        <translation>&amp;Manuell einrichten…</translation>
    </message>
    <message>
        <source>Enter the servers yourself instead of letting Herald search.</source>
        <translation>Die Server selbst eingeben, statt Herald suchen zu lassen.</translation>
    </message>
    <message>
        <source>Looking for your servers</source>
        <translation>Ihre Server werden gesucht</translation>
    </message>
    <message>
        <source>&amp;What Herald tries:</source>
        <translation>&amp;Was Herald versucht:</translation>
    </message>
    <message>
        <source>What Herald tries</source>
        <translation>Was Herald versucht</translation>
    </message>
    <message>
        <source>&amp;Stop and enter the servers myself</source>
        <translation>&amp;Anhalten und die Server selbst eingeben</translation>
    </message>
    <message>
        <source>Your servers</source>
        <translation>Ihre Server</translation>
    </message>
    <message>
        <source>I have checked these settings &amp;with my provider</source>
        <translation>Ich habe diese Einstellungen bei meinem Anbieter &amp;geprüft</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>Posteingangsserver</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Postausgangsserver (SMTP)</translation>
    </message>
    <message>
        <source>&amp;Ask for the password each time Herald starts</source>
        <translation>Passwort bei jedem Start von Herald &amp;abfragen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Check and save</source>
        <translation>Prüfen und &amp;speichern</translation>
    </message>
    <message>
        <source>Enter your e-mail address, like alice@example.org.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein, etwa erika@example.org.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The search was stopped. Enter your servers below.</source>
        <translation>Die Suche wurde angehalten. Geben Sie Ihre Server unten ein.</translation>
    </message>
    <message>
        <source>Herald could not find your servers (%1). Enter them below; your provider&apos;s help pages list them.</source>
        <translation>Herald konnte Ihre Server nicht finden (%1). Geben Sie sie unten ein; die Hilfeseiten Ihres Anbieters nennen sie.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Found through %1</source>
        <translation>Gefunden über %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No outgoing server was found; the one below is a guess, check it.</source>
        <translation>Es wurde kein Postausgangsserver gefunden; der unten angegebene ist nur vermutet, bitte prüfen Sie ihn.</translation>
    </message>
    <message>
        <source>This answer came over an unencrypted connection (http), so anyone on the way could have changed it. Check the servers below and confirm them.</source>
        <translation>Diese Antwort kam über eine unverschlüsselte Verbindung (http), jeder auf dem Weg hätte sie verändern können. Prüfen und bestätigen Sie die Server unten.</translation>
    </message>
    <message>
        <source>Enter your servers as your provider gives them.</source>
        <translation>Geben Sie Ihre Server so ein, wie Ihr Anbieter sie angibt.</translation>
    </message>
    <message>
        <source>Logging in to both servers…</source>
        <translation>Anmeldung an beiden Servern…</translation>
    </message>
    <message>
        <source>Nothing was saved. Correct what is marked above and check again.</source>
        <translation>Es wurde nichts gespeichert. Korrigieren Sie das oben Markierte und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>Both servers accepted the login.</source>
        <translation>Beide Server haben die Anmeldung angenommen.</translation>
    </message>
    <message>
        <source>Herald cannot keep your password: no system keychain (such as GNOME Keyring or KWallet) is running (%1). Herald never writes passwords into its own files. It can instead ask for the password each time it starts.</source>
        <translation>Herald kann Ihr Passwort nicht aufbewahren: Es läuft kein Schlüsselbund des Systems (etwa GNOME Keyring oder KWallet) (%1). Herald schreibt Passwörter nie in eigene Dateien. Stattdessen kann es bei jedem Start nach dem Passwort fragen.</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>Dateien an&amp;hängen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected attachments (Del)</source>
        <translation>Die ausgewählten Anhänge entfernen (Entf)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
</context>
<context>
    <name>ComposeService</name>
    <message>
        <source>%1; the message was kept in Drafts</source>
        <translation>%1; die Nachricht wurde in „Entwürfe“ behalten</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>&amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>name@example.org, another@example.org</source>
        <translation>name@example.org, andere@example.org</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1 (Konto %2)</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>%1 — Herald</source>
        <translation>%1 — Herald</translation>
    </message>
    <message>
        <source>There is no account to send from. Add an account first.</source>
        <translation>Es gibt kein Konto zum Senden. Fügen Sie zuerst ein Konto hinzu.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>“%1” in %2 is not an e-mail address. Write addresses like name@example.org, separated by commas.</source>
        <translation>„%1“ in %2 ist keine E-Mail-Adresse. Schreiben Sie Adressen wie name@example.org, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Add at least one recipient in To, Cc or Bcc.</source>
        <translation>Geben Sie mindestens einen Empfänger in „An“, „Cc“ oder „Bcc“ an.</translation>
    </message>
    <message>
        <source>The attached file %1 can no longer be read. Remove it or attach it again.</source>
        <translation>Die angehängte Datei %1 kann nicht mehr gelesen werden. Entfernen Sie sie oder hängen Sie sie erneut an.</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Entwurf wird gespeichert…</translation>
    </message>
    <message>
        <source>Draft not saved: %1</source>
        <translation>Entwurf nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf um %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>The message could not be put in the outbox: %1</source>
        <translation>Die Nachricht konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>Add an account before writing mail.</source>
        <translation>Fügen Sie ein Konto hinzu, bevor Sie Nachrichten schreiben.</translation>
    </message>
    <message>
        <source>Could not start a message: %1</source>
        <translation>Die Nachricht konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>The message is no longer in the cache.</source>
        <translation>Die Nachricht ist nicht mehr im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Could not answer the message: %1</source>
        <translation>Auf die Nachricht konnte nicht geantwortet werden: %1</translation>
    </message>
    <message>
        <source>The draft is no longer in the cache.</source>
        <translation>Der Entwurf ist nicht mehr im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>Could not open the draft: %1</source>
        <translation>Der Entwurf konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The message is no longer in the outbox.</source>
        <translation>Die Nachricht ist nicht mehr im Postausgang.</translation>
    </message>
    <message>
        <source>Could not open the message: %1</source>
        <translation>Die Nachricht konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>FolderActions</name>
    <message>
        <source>&amp;New Folder…</source>
        <translation>&amp;Neuer Ordner…</translation>
    </message>
    <message>
        <source>&amp;Rename Folder…</source>
        <translation>Ordner &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation>Ordner &amp;löschen…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>A folder change is being made on the server; wait for it.</source>
        <translation>Auf dem Server wird gerade ein Ordner geändert; bitte warten Sie, bis das abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Select an account or a folder in the folder list first.</source>
        <translation>Wählen Sie zuerst ein Konto oder einen Ordner in der Ordnerliste.</translation>
    </message>
    <message>
        <source>A POP3 account has only the folders Herald keeps for it; folders of your own need an IMAP account.</source>
        <translation>Ein POP3-Konto hat nur die Ordner, die Herald dafür anlegt; eigene Ordner erfordern ein IMAP-Konto.</translation>
    </message>
    <message>
        <source>Select a folder (not the account) to rename or delete it.</source>
        <translation>Wählen Sie einen Ordner (nicht das Konto), um ihn umzubenennen oder zu löschen.</translation>
    </message>
    <message>
        <source>Make a new folder inside the selected one, or at the top of the account</source>
        <translation>Einen neuen Ordner im ausgewählten Ordner oder auf oberster Ebene des Kontos anlegen</translation>
    </message>
    <message>
        <source>Rename the selected folder (F2)</source>
        <translation>Den ausgewählten Ordner umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete the selected folder and its messages, on the server too</source>
        <translation>Den ausgewählten Ordner und seine Nachrichten löschen, auch auf dem Server</translation>
    </message>
    <message>
        <source>The new folder goes at the top of the account %1.</source>
        <translation>Der neue Ordner wird auf oberster Ebene des Kontos %1 angelegt.</translation>
    </message>
    <message>
        <source>The new folder goes inside “%1” of the account %2.</source>
        <translation>Der neue Ordner wird in „%1“ des Kontos %2 angelegt.</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Neuer Ordner…</translation>
    </message>
    <message>
        <source>Creating the folder “%1” on the server…</source>
        <translation>Der Ordner „%1“ wird auf dem Server angelegt…</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”</source>
        <translation>Der Ordner „%1“ konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Folder “%1” created.</source>
        <translation>Ordner „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Rename the folder “%1” of the account %2.</source>
        <translation>Den Ordner „%1“ des Kontos %2 umbenennen.</translation>
    </message>
    <message>
        <source>The folder inside it stays inside it.</source>
        <translation>Der darin enthaltene Ordner bleibt darin.</translation>
    </message>
    <message numerus="yes">
        <source>The %n folders inside it stay inside it.</source>
        <translation>
            <numerusform>Der %n darin enthaltene Ordner bleibt darin.</numerusform>
            <numerusform>Die %n darin enthaltenen Ordner bleiben darin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Folder…</source>
        <translation>Ordner umbenennen…</translation>
    </message>
    <message>
        <source>Renaming the folder “%1” on the server…</source>
        <translation>Der Ordner „%1“ wird auf dem Server umbenannt…</translation>
    </message>
    <message>
        <source>Could not rename the folder “%1”</source>
        <translation>Der Ordner „%1“ konnte nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Folder “%1” renamed to “%2”.</source>
        <translation>Ordner „%1“ in „%2“ umbenannt.</translation>
    </message>
    <message>
        <source>no messages</source>
        <translation>keine Nachrichten</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the folder “%1”? %2 will be deleted with it.</source>
        <translation>Den Ordner „%1“ löschen? Ebenfalls gelöscht werden: %2.</translation>
    </message>
    <message>
        <source>Delete the folder “%1” and the folder inside it? %2 will be deleted with them.</source>
        <translation>Den Ordner „%1“ und den darin enthaltenen Ordner löschen? Ebenfalls gelöscht werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n folders inside it? %2 will be deleted with them.</source>
        <translation>
            <numerusform>Den Ordner „%1“ und den %n darin enthaltenen Ordner löschen? Ebenfalls gelöscht werden: %2.</numerusform>
            <numerusform>Den Ordner „%1“ und die %n darin enthaltenen Ordner löschen? Ebenfalls gelöscht werden: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation>Ordner löschen</translation>
    </message>
    <message>
        <source>The folder is deleted on the server, for every device and mail program that uses this account. This cannot be undone.</source>
        <translation>Der Ordner wird auf dem Server gelöscht, für jedes Gerät und jedes E-Mail-Programm, das dieses Konto verwendet. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Delete Folder</source>
        <translation>Ordner &amp;löschen</translation>
    </message>
    <message>
        <source>Deleting the folder “%1” on the server…</source>
        <translation>Der Ordner „%1“ wird auf dem Server gelöscht…</translation>
    </message>
    <message>
        <source>Could not delete the folder “%1”</source>
        <translation>Der Ordner „%1“ konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Folder “%1” deleted.</source>
        <translation>Ordner „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Folder changes are made on the server, and the server of %1 cannot be reached now (%2). Try again when you are online.</source>
        <translation>Ordneränderungen werden auf dem Server vorgenommen, und der Server von %1 ist gerade nicht erreichbar (%2). Versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Antwort des Servers: %1</translation>
    </message>
    <message>
        <source>One folder inside it was deleted before that.</source>
        <translation>Ein darin enthaltener Ordner wurde vorher gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n folders inside it were deleted before that.</source>
        <translation>
            <numerusform>%n darin enthaltener Ordner wurde vorher gelöscht.</numerusform>
            <numerusform>%n darin enthaltene Ordner wurden vorher gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Folder not changed</source>
        <translation>Ordner nicht geändert</translation>
    </message>
</context>
<context>
    <name>FolderNameDialog</name>
    <message>
        <source>Folder &amp;name:</source>
        <translation>Ordner&amp;name:</translation>
    </message>
    <message>
        <source>Type a name for the folder.</source>
        <translation>Geben Sie einen Namen für den Ordner ein.</translation>
    </message>
    <message>
        <source>A folder name cannot contain “%1”: the server uses it between a folder and its subfolders. Make the outer folder first, then this one inside it.</source>
        <translation>Ein Ordnername darf „%1“ nicht enthalten: Der Server trennt damit einen Ordner von seinen Unterordnern. Legen Sie zuerst den äußeren Ordner an und dann diesen darin.</translation>
    </message>
    <message>
        <source>Type the new name.</source>
        <translation>Geben Sie den neuen Namen ein.</translation>
    </message>
    <message>
        <source>There is already a folder named “%1” here.</source>
        <translation>Hier gibt es bereits einen Ordner namens „%1“.</translation>
    </message>
</context>
<context>
    <name>FolderTreeModel</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Junk</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>%1: 1 message</source>
        <translation>%1: 1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n messages</source>
        <translation>
            <numerusform>%1: %n Nachricht</numerusform>
            <numerusform>%1: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 unread</source>
        <translation>, %1 ungelesen</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>All Inboxes</source>
        <translation>Alle Posteingänge</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Views over every account</source>
        <translation>Ansichten über alle Konten</translation>
    </message>
    <message>
        <source> in every account</source>
        <translation> in allen Konten</translation>
    </message>
</context>
<context>
    <name>Icons</name>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Mit Anhängen</translation>
    </message>
    <message>
        <source>Sender verified</source>
        <translation>Absender bestätigt</translation>
    </message>
    <message>
        <source>Sender verification failed</source>
        <translation>Absenderprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sender not verifiable</source>
        <translation>Absender nicht prüfbar</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Add Identity</source>
        <translation>Identität hinzufügen</translation>
    </message>
    <message>
        <source>Edit Identity</source>
        <translation>Identität bearbeiten</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>(the account&apos;s name)</source>
        <translation>(der Name des Kontos)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Added below &quot;-- &quot; at the end of new messages</source>
        <translation>Wird unter „-- “ am Ende neuer Nachrichten eingefügt</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>&amp;Signatur:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
</context>
<context>
    <name>IdentityEditor</name>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add identity</source>
        <translation>Identität hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Edit identity</source>
        <translation>Identität bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove identity</source>
        <translation>Identität entfernen</translation>
    </message>
    <message>
        <source> — with signature</source>
        <translation> — mit Signatur</translation>
    </message>
</context>
<context>
    <name>ImapClient</name>
    <message>
        <source>The server sent no IMAP greeting.</source>
        <translation>Der Server hat keine IMAP-Begrüßung gesendet.</translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>Der Server hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server pre-authenticated the connection, so it cannot be secured with STARTTLS.</source>
        <translation>Der Server hat die Verbindung vorab authentifiziert, daher kann sie nicht mit STARTTLS gesichert werden.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>Der Server hat die Verbindung geschlossen: %1</translation>
    </message>
    <message>
        <source>Not connected to the IMAP server.</source>
        <translation>Nicht mit dem IMAP-Server verbunden.</translation>
    </message>
    <message>
        <source>Refusing to send credentials over an unencrypted connection.</source>
        <translation>Zugangsdaten werden nicht über eine unverschlüsselte Verbindung gesendet.</translation>
    </message>
    <message>
        <source>The server answered a command that was never sent (%1).</source>
        <translation>Der Server hat auf einen Befehl geantwortet, der nie gesendet wurde (%1).</translation>
    </message>
    <message>
        <source>The server does not allow LOGIN.</source>
        <translation>Der Server erlaubt kein LOGIN.</translation>
    </message>
    <message>
        <source>QRESYNC must be enabled before SELECT (QRESYNC ...).</source>
        <translation>QRESYNC muss vor SELECT (QRESYNC ...) aktiviert werden.</translation>
    </message>
    <message>
        <source>No UIDs to fetch.</source>
        <translation>Keine UIDs zum Abrufen.</translation>
    </message>
    <message>
        <source>The server supports neither MOVE nor UIDPLUS; moving would expunge other clients&apos; deleted messages.</source>
        <translation>Der Server unterstützt weder MOVE noch UIDPLUS; Verschieben würde die gelöschten Nachrichten anderer Programme endgültig entfernen.</translation>
    </message>
    <message>
        <source>The server lacks UIDPLUS; Herald never sends a plain EXPUNGE, which would remove other clients&apos; deleted mail.</source>
        <translation>Dem Server fehlt UIDPLUS; Herald sendet nie ein einfaches EXPUNGE, das die gelöschten Nachrichten anderer Programme entfernen würde.</translation>
    </message>
    <message>
        <source>The server does not support IDLE.</source>
        <translation>Der Server unterstützt kein IDLE.</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Abgemeldet.</translation>
    </message>
</context>
<context>
    <name>InboxWatchers</name>
    <message>
        <source>%1: stopped watching: %2</source>
        <translation>%1: Überwachung beendet: %2</translation>
    </message>
</context>
<context>
    <name>LanguageSettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>Dates, numbers and sizes follow the language too. “System default” uses the language of your desktop.</source>
        <translation>Datumsangaben, Zahlen und Größen folgen ebenfalls der Sprache. „Systemstandard“ verwendet die Sprache Ihrer Arbeitsumgebung.</translation>
    </message>
    <message>
        <source>Herald shows the new language when it is started again.</source>
        <translation>Herald zeigt die neue Sprache beim nächsten Start an.</translation>
    </message>
</context>
<context>
    <name>LineClient</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 sent data right after agreeing to %2; the connection was dropped.</source>
        <translation>%1 hat direkt nach der Zusage zu %2 Daten gesendet; die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>%1 does not offer %2; Herald never sends a password or a message without encryption.</source>
        <translation>%1 bietet %2 nicht an; Herald sendet nie ein Passwort oder eine Nachricht ohne Verschlüsselung.</translation>
    </message>
    <message>
        <source>%1 refused %2 (%3); Herald never sends a password or a message without encryption.</source>
        <translation>%1 hat %2 abgelehnt (%3); Herald sendet nie ein Passwort oder eine Nachricht ohne Verschlüsselung.</translation>
    </message>
</context>
<context>
    <name>LocalActions</name>
    <message>
        <source>copying between the server and folders on this computer is not supported yet</source>
        <translation>das Kopieren zwischen dem Server und Ordnern auf diesem Computer wird noch nicht unterstützt</translation>
    </message>
    <message>
        <source>moving between the server and folders on this computer is not supported yet</source>
        <translation>das Verschieben zwischen dem Server und Ordnern auf diesem Computer wird noch nicht unterstützt</translation>
    </message>
    <message>
        <source>“%1” has no content on this computer to upload</source>
        <translation>„%1“ hat auf diesem Computer keinen Inhalt zum Hochladen</translation>
    </message>
    <message>
        <source>“%1” is on the server already, in %2</source>
        <translation>„%1“ ist bereits auf dem Server, in %2</translation>
    </message>
</context>
<context>
    <name>MailNotifier</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>New mail from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%n neue Nachricht in %1</numerusform>
            <numerusform>%n neue Nachrichten in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ DMARC failed: may not be from %1</source>
        <translation>⚠ DMARC fehlgeschlagen: stammt möglicherweise nicht von %1</translation>
    </message>
    <message>
        <source>⚠ Sender not verified: may not be from %1</source>
        <translation>⚠ Absender nicht bestätigt: stammt möglicherweise nicht von %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Get new mail and send the outbox (F5)</source>
        <translation>Neue Nachrichten abrufen und den Postausgang senden (F5)</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Konto hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Enter Passwords…</source>
        <translation>&amp;Passwörter eingeben…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Mark Messages Read When Opened</source>
        <translation>Nachrichten beim Öffnen als gelesen &amp;markieren</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>Mo&amp;ve To</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>Mo&amp;ve To…</source>
        <translation>&amp;Verschieben nach…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>Über &amp;Herald</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>More toolbar actions</source>
        <translation>Weitere Aktionen der Symbolleiste</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Folders and messages</source>
        <translation>Ordner und Nachrichten</translation>
    </message>
    <message>
        <source>Message list and message</source>
        <translation>Nachrichtenliste und Nachricht</translation>
    </message>
    <message>
        <source>Folder status</source>
        <translation>Ordnerstatus</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statusleiste</translation>
    </message>
    <message>
        <source>Could not read the folder from the cache: %1</source>
        <translation>Der Ordner konnte nicht aus dem Zwischenspeicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>Downloading the message…</source>
        <translation>Die Nachricht wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Could not read the message from the cache: %1</source>
        <translation>Die Nachricht konnte nicht aus dem Zwischenspeicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>%1: 1 message</source>
        <translation>%1: 1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n messages</source>
        <translation>
            <numerusform>%1: %n Nachricht</numerusform>
            <numerusform>%1: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 unread</source>
        <translation>, %1 ungelesen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Noch nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Could not download the message: %1</source>
        <translation>Die Nachricht konnte nicht heruntergeladen werden: %1</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problem beim Synchronisieren: %1</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Nicht vertrauenswürdiges Serverzertifikat</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server of account &lt;b&gt;%1&lt;/b&gt; presented a certificate that is not trusted:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SHA-256 fingerprint:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Trust it only if you have checked this fingerprint with your provider. Herald will then accept exactly this certificate for this account.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Server des Kontos &lt;b&gt;%1&lt;/b&gt; hat ein nicht vertrauenswürdiges Zertifikat vorgelegt:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SHA-256-Fingerabdruck:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Vertrauen Sie ihm nur, wenn Sie diesen Fingerabdruck bei Ihrem Anbieter geprüft haben. Herald akzeptiert dann genau dieses Zertifikat für dieses Konto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This profile has no accounts yet.</source>
        <translation>Dieses Profil hat noch keine Konten.</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>Über Herald</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;A desktop mail client for IMAP, POP3 and SMTP that keeps your mail in a local cache, works offline, and shows whether a sender is who they claim to be.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;Ein E-Mail-Programm für IMAP, POP3 und SMTP, das Ihre Nachrichten lokal zwischenspeichert, offline funktioniert und zeigt, ob ein Absender der ist, für den er sich ausgibt.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>Allen antw&amp;orten</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Weiterleiten</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>Als An&amp;hang weiterleiten</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message numerus="yes">
        <source>%n messages selected</source>
        <translation>
            <numerusform>%n Nachricht ausgewählt</numerusform>
            <numerusform>%n Nachrichten ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the messages from the cache: %1</source>
        <translation>Die Nachrichten konnten nicht aus dem Zwischenspeicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not look for new mail in the cache: %1</source>
        <translation>Im Zwischenspeicher konnte nicht nach neuen Nachrichten gesucht werden: %1</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Fla&amp;g</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>Remove Fla&amp;g</source>
        <translation>Markierung &amp;entfernen</translation>
    </message>
    <message>
        <source>The link also asked for %1; Herald leaves such headers out.</source>
        <translation>Der Link verlangte außerdem %1; Herald lässt solche Kopfzeilen weg.</translation>
    </message>
</context>
<context>
    <name>MboxImportDialog</name>
    <message>
        <source>Import mbox</source>
        <translation>mbox importieren</translation>
    </message>
    <message>
        <source>Import the messages of “%1”:</source>
        <translation>Die Nachrichten von „%1“ importieren:</translation>
    </message>
    <message>
        <source>Into a folder on &amp;this computer:</source>
        <translation>In einen Ordner auf &amp;diesem Computer:</translation>
    </message>
    <message>
        <source>Name of the folder on this computer</source>
        <translation>Name des Ordners auf diesem Computer</translation>
    </message>
    <message>
        <source>An existing folder keeps its messages and gets only those it does not have.</source>
        <translation>Ein vorhandener Ordner behält seine Nachrichten und erhält nur die, die ihm fehlen.</translation>
    </message>
    <message>
        <source>Into “%1” on the &amp;server</source>
        <translation>In „%1“ auf dem &amp;Server</translation>
    </message>
    <message>
        <source>The messages show in the folder at once and are uploaded to the server by the next sync. Messages the folder has already are not added again.</source>
        <translation>Die Nachrichten erscheinen sofort im Ordner und werden bei der nächsten Synchronisierung auf den Server hochgeladen. Nachrichten, die der Ordner schon hat, werden nicht erneut hinzugefügt.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as Read of %1</source>
        <translation>Als gelesen markieren von %1</translation>
    </message>
    <message>
        <source>Mark as Unread of %1</source>
        <translation>Als ungelesen markieren von %1</translation>
    </message>
    <message>
        <source>Marked %1 as read</source>
        <translation>%1 als gelesen markiert</translation>
    </message>
    <message>
        <source>Marked %1 as unread</source>
        <translation>%1 als ungelesen markiert</translation>
    </message>
    <message>
        <source>Flag of %1</source>
        <translation>Markieren von %1</translation>
    </message>
    <message>
        <source>Remove Flag of %1</source>
        <translation>Markierung entfernen von %1</translation>
    </message>
    <message>
        <source>Flagged %1</source>
        <translation>%1 markiert</translation>
    </message>
    <message>
        <source>Removed the flag of %1</source>
        <translation>Markierung von %1 entfernt</translation>
    </message>
    <message>
        <source>Could not change the message: %1</source>
        <translation>Die Nachricht konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Move of %1</source>
        <translation>Verschieben von %1</translation>
    </message>
    <message>
        <source>Moved %1 to %2</source>
        <translation>%1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Could not move the message: %1</source>
        <translation>Die Nachricht konnte nicht verschoben werden: %1</translation>
    </message>
    <message>
        <source>Delete of %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>Could not delete the message: %1</source>
        <translation>Die Nachricht konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Could not copy the message: %1</source>
        <translation>Die Nachricht konnte nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>%1 — &lt;a href=&quot;undo&quot;&gt;Undo&lt;/a&gt;</source>
        <translation>%1 — &lt;a href=&quot;undo&quot;&gt;Rückgängig&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1. Undo with Ctrl+Z</source>
        <translation>%1. Rückgängig mit Strg+Z</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>Could not undo the %1: %2</source>
        <translation>%1 konnte nicht rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Undone in part: %1 (%2)</source>
        <translation>Teilweise rückgängig gemacht: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>MessageFileActions</name>
    <message>
        <source>&amp;Open Message…</source>
        <translation>Nachricht ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Sa&amp;ve As…</source>
        <translation>Speic&amp;hern unter…</translation>
    </message>
    <message>
        <source>&amp;Import mbox…</source>
        <translation>mbox &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport to mbox…</source>
        <translation>Als mbox e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Open Message</source>
        <translation>Nachricht öffnen</translation>
    </message>
    <message>
        <source>Messages (*.eml);;All files (*)</source>
        <translation>Nachrichten (*.eml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This message has not been downloaded yet. Herald downloads it while it is shown when the account is online; save it once its text is shown.</source>
        <translation>Diese Nachricht wurde noch nicht heruntergeladen. Herald lädt sie herunter, während sie angezeigt wird und das Konto online ist; speichern Sie sie, sobald ihr Text erscheint.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Messages (*.eml)</source>
        <translation>Nachrichten (*.eml)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Import mbox</source>
        <translation>mbox importieren</translation>
    </message>
    <message>
        <source>mbox files (*.mbox *.mbx);;All files (*)</source>
        <translation>mbox-Dateien (*.mbox *.mbx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export to mbox</source>
        <translation>Als mbox exportieren</translation>
    </message>
    <message>
        <source>mbox files (*.mbox)</source>
        <translation>mbox-Dateien (*.mbox)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>Nichts wurde importiert: %1.</translation>
    </message>
    <message>
        <source>Imported 1 message into “%1”.</source>
        <translation>1 Nachricht in „%1“ importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n messages into “%1”.</source>
        <translation>
            <numerusform>%n Nachricht in „%1“ importiert.</numerusform>
            <numerusform>%n Nachrichten in „%1“ importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message was there already.</source>
        <translation>1 Nachricht war bereits vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages were there already.</source>
        <translation>
            <numerusform>%n Nachricht war bereits vorhanden.</numerusform>
            <numerusform>%n Nachrichten waren bereits vorhanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end of the file: importing it again adds the rest.</source>
        <translation>Vor dem Ende der Datei angehalten: Ein erneuter Import fügt den Rest hinzu.</translation>
    </message>
    <message>
        <source>The file could not be read to its end: %1.</source>
        <translation>Die Datei konnte nicht bis zum Ende gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Export stopped: no file was written.</source>
        <translation>Export abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1.</source>
        <translation>Der Export ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Exported 1 message to %1.</source>
        <translation>1 Nachricht nach %1 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n messages to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 exportiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message was left out: not downloaded yet. Download it (Sync Now while online) and export again.</source>
        <translation>1 Nachricht wurde ausgelassen, weil sie noch nicht heruntergeladen ist. Laden Sie sie herunter (Jetzt synchronisieren, während Sie online sind) und exportieren Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages were left out: not downloaded yet. Download them (Sync Now while online) and export again.</source>
        <translation>
            <numerusform>%n Nachricht wurde ausgelassen, weil sie noch nicht heruntergeladen ist. Laden Sie sie herunter (Jetzt synchronisieren, während Sie online sind) und exportieren Sie erneut.</numerusform>
            <numerusform>%n Nachrichten wurden ausgelassen, weil sie noch nicht heruntergeladen sind. Laden Sie sie herunter (Jetzt synchronisieren, während Sie online sind) und exportieren Sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>An import or export is running; wait for it to finish.</source>
        <translation>Ein Import oder Export läuft; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The cache could not be used: %1</source>
        <translation>Der Zwischenspeicher konnte nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>They are uploaded to the server by the next sync.</source>
        <translation>Sie werden bei der nächsten Synchronisierung auf den Server hochgeladen.</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>d MMM</source>
        <comment>QDate format: a date of this year</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 — in %2</source>
        <translation>%1 — in %2</translation>
    </message>
    <message>
        <source>▸ %1  (%2, %3 unread)</source>
        <translation>▸ %1  (%2, %3 ungelesen)</translation>
    </message>
    <message>
        <source>▸ %1  (%2)</source>
        <translation>▸ %1  (%2)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Unread, flagged, attachment and sender verification</source>
        <translation>Ungelesen, markiert, Anhang und Absenderprüfung</translation>
    </message>
</context>
<context>
    <name>MessageListOptions</name>
    <message>
        <source>Show &amp;Conversations</source>
        <translation>&amp;Konversationen anzeigen</translation>
    </message>
    <message>
        <source>Group the list by conversation (Ctrl+T)</source>
        <translation>Die Liste nach Konversationen gruppieren (Strg+T)</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>Keine Nachricht ausgewählt</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>The body of this message has not been downloaded yet.</source>
        <translation>Der Inhalt dieser Nachricht wurde noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>This message has no text.</source>
        <translation>Diese Nachricht enthält keinen Text.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Remote content blocked: this message refers to an image on another server. Herald does not load it, so the sender cannot tell when you read the message.</source>
        <translation>Externe Inhalte blockiert: Diese Nachricht verweist auf ein Bild auf einem anderen Server. Herald lädt es nicht, daher kann der Absender nicht erkennen, wann Sie die Nachricht lesen.</translation>
    </message>
    <message numerus="yes">
        <source>Remote content blocked: this message refers to %n images on other servers. Herald does not load them, so the sender cannot tell when you read the message.</source>
        <translation>
            <numerusform>Externe Inhalte blockiert: Diese Nachricht verweist auf %n Bild auf anderen Servern. Herald lädt es nicht, daher kann der Absender nicht erkennen, wann Sie die Nachricht lesen.</numerusform>
            <numerusform>Externe Inhalte blockiert: Diese Nachricht verweist auf %n Bilder auf anderen Servern. Herald lädt sie nicht, daher kann der Absender nicht erkennen, wann Sie die Nachricht lesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no such attachment.</source>
        <translation>Diesen Anhang gibt es nicht.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
</context>
<context>
    <name>MessageWindow</name>
    <message>
        <source>Sender check</source>
        <translation>Absenderprüfung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty: there is no message in it.</source>
        <translation>%1 ist leer: Sie enthält keine Nachricht.</translation>
    </message>
    <message>
        <source>Checking the sender (SPF, DKIM, DMARC, ARC)…</source>
        <translation>Absender wird geprüft (SPF, DKIM, DMARC, ARC)…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>The sender could not be checked: no DNS resolver could be used.</source>
        <translation>Der Absender konnte nicht geprüft werden: Kein DNS-Resolver war nutzbar.</translation>
    </message>
    <message>
        <source>Some checks could not be made: DNS did not answer (offline?). The results below say which.</source>
        <translation>Einige Prüfungen waren nicht möglich: Der DNS-Server hat nicht geantwortet (offline?). Die Ergebnisse unten zeigen, welche.</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsPage</name>
    <message>
        <source>Show a desktop &amp;notification when new mail arrives</source>
        <translation>Bei neuen Nachrichten eine &amp;Desktop-Benachrichtigung anzeigen</translation>
    </message>
    <message>
        <source>For new mail in each account&apos;s Inbox: the sender, the subject, and a warning when the sender could not be verified.</source>
        <translation>Für neue Nachrichten im Posteingang jedes Kontos: Absender, Betreff und eine Warnung, wenn der Absender nicht bestätigt werden konnte.</translation>
    </message>
    <message>
        <source>Show Herald in the system &amp;tray with the unread count</source>
        <translation>Herald im Benachrichtigungs&amp;feld mit der Anzahl ungelesener Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>Click the icon to show or hide the window.</source>
        <translation>Ein Klick auf das Symbol zeigt oder verbirgt das Fenster.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so there is no icon to show.</source>
        <translation>Diese Arbeitsumgebung hat kein Benachrichtigungsfeld, daher kann kein Symbol angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent; saving the copy in Sent</source>
        <translation>Gesendet; Kopie wird in „Gesendet“ abgelegt</translation>
    </message>
    <message>
        <source>Held: the server refused it</source>
        <translation>Zurückgehalten: Der Server hat sie abgelehnt</translation>
    </message>
    <message>
        <source>Maybe sent: the connection broke at the end</source>
        <translation>Vielleicht gesendet: Die Verbindung brach am Ende ab</translation>
    </message>
    <message>
        <source>Messages in the outbox</source>
        <translation>Nachrichten im Postausgang</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>Columns of the outbox</source>
        <translation>Spalten des Postausgangs</translation>
    </message>
    <message>
        <source>&amp;Open and Edit</source>
        <translation>&amp;Öffnen und bearbeiten</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <source>Could not read the outbox from the cache: %1</source>
        <translation>Der Postausgang konnte nicht aus dem Zwischenspeicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>Will try again: %1</source>
        <translation>Neuer Versuch folgt: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>The outbox is empty: everything you wrote has been sent.</source>
        <translation>Der Postausgang ist leer: Alles, was Sie geschrieben haben, wurde gesendet.</translation>
    </message>
    <message>
        <source>1 message in the outbox.</source>
        <translation>1 Nachricht im Postausgang.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages in the outbox.</source>
        <translation>
            <numerusform>%n Nachricht im Postausgang.</numerusform>
            <numerusform>%n Nachrichten im Postausgang.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The message will be sent again.</source>
        <translation>Die Nachricht wird erneut gesendet.</translation>
    </message>
    <message>
        <source>Could not send the message again: %1</source>
        <translation>Die Nachricht konnte nicht erneut gesendet werden: %1</translation>
    </message>
    <message>
        <source>Discard “%1”? It will not be sent, and it cannot be brought back.</source>
        <translation>„%1“ verwerfen? Die Nachricht wird nicht gesendet und kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The message was discarded.</source>
        <translation>Die Nachricht wurde verworfen.</translation>
    </message>
    <message>
        <source>Could not discard the message: %1</source>
        <translation>Die Nachricht konnte nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Herald asks for the password of &lt;b&gt;%1&lt;/b&gt; (account %2) each time it starts, because no system keychain keeps it. It stays in memory until Herald quits.</source>
        <translation>Herald fragt bei jedem Start nach dem Passwort für &lt;b&gt;%1&lt;/b&gt; (Konto %2), weil kein Schlüsselbund des Systems es aufbewahrt. Es bleibt im Arbeitsspeicher, bis Herald beendet wird.</translation>
    </message>
    <message>
        <source>&amp;Password for %1:</source>
        <translation>&amp;Passwort für %1:</translation>
    </message>
    <message>
        <source>&amp;Use this password</source>
        <translation>Dieses Passwort &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Skip (stay offline)</source>
        <translation>&amp;Überspringen (offline bleiben)</translation>
    </message>
</context>
<context>
    <name>Pop3Client</name>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>Der Server hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 is not a POP3 server (it greeted with &quot;%2&quot;).</source>
        <translation>%1 ist kein POP3-Server (Begrüßung: „%2“).</translation>
    </message>
    <message>
        <source>Not connected to the POP3 server.</source>
        <translation>Nicht mit dem POP3-Server verbunden.</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted; Herald will not send your password.</source>
        <translation>Die Verbindung zu %1 ist nicht verschlüsselt; Herald sendet Ihr Passwort nicht.</translation>
    </message>
    <message>
        <source>The server sent a message larger than %1 MB; Herald stopped downloading it.</source>
        <translation>Der Server hat eine Nachricht größer als %1 MB gesendet; Herald hat das Herunterladen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 sent an answer nobody asked for: &quot;%2&quot;</source>
        <translation>%1 hat eine Antwort gesendet, nach der niemand gefragt hat: „%2“</translation>
    </message>
    <message>
        <source>%1 sent an answer Herald does not understand to %2: &quot;%3&quot;</source>
        <translation>%1 hat auf %2 eine Antwort gesendet, die Herald nicht versteht: „%3“</translation>
    </message>
    <message>
        <source>%1 refused the login: %2</source>
        <translation>%1 hat die Anmeldung abgelehnt: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation>%1 hat %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>%1 does not offer APOP.</source>
        <translation>%1 bietet kein APOP an.</translation>
    </message>
    <message>
        <source>%1 sent an answer Herald does not understand (%2)</source>
        <translation>%1 hat eine Antwort gesendet, die Herald nicht versteht (%2)</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search (Ctrl+K)</source>
        <translation>Suchen (Strg+K)</translation>
    </message>
    <message>
        <source>Words match the start of words; &quot;quoted words&quot; match as a phrase.
from:  to:  subject:  has:attachment  is:unread  is:read  is:flagged
before:YYYY-MM-DD  after:YYYY-MM-DD  verdict:fail  verdict:pass  folder:NAME
Esc clears the search and goes back to the folder.</source>
        <translation>Wörter passen auf Wortanfänge; &quot;Wörter in Anführungszeichen&quot; passen als Phrase.
from:  to:  subject:  has:attachment  is:unread  is:read  is:flagged
before:JJJJ-MM-TT  after:JJJJ-MM-TT  verdict:fail  verdict:pass  folder:NAME
Esc leert die Suche und kehrt zum Ordner zurück.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>Alle Ordner</translation>
    </message>
    <message>
        <source>Search all folders of all accounts</source>
        <translation>Alle Ordner aller Konten durchsuchen</translation>
    </message>
    <message>
        <source>Search every folder of every account, not just this folder</source>
        <translation>Jeden Ordner jedes Kontos durchsuchen, nicht nur diesen Ordner</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>More search controls</source>
        <translation>Weitere Suchfunktionen</translation>
    </message>
    <message>
        <source>&amp;Find Messages…</source>
        <translation>Nachrichten &amp;suchen…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>Keine Nachrichten gefunden</translation>
    </message>
    <message numerus="yes">
        <source>The newest %Ln messages found</source>
        <translation>
            <numerusform>Die neueste %Ln Nachricht gefunden</numerusform>
            <numerusform>Die neuesten %Ln Nachrichten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message found</source>
        <translation>1 Nachricht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages found</source>
        <translation>
            <numerusform>%Ln Nachricht gefunden</numerusform>
            <numerusform>%Ln Nachrichten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source> in all folders</source>
        <translation> in allen Ordnern</translation>
    </message>
    <message>
        <source> in this folder</source>
        <translation> in diesem Ordner</translation>
    </message>
    <message>
        <source>; 1 message not indexed yet</source>
        <translation>; 1 Nachricht noch nicht indiziert</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln messages not indexed yet</source>
        <translation>
            <numerusform>; %Ln Nachricht noch nicht indiziert</numerusform>
            <numerusform>; %Ln Nachrichten noch nicht indiziert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>has:%1 is not known; try has:attachment</source>
        <translation>has:%1 ist unbekannt; versuchen Sie has:attachment</translation>
    </message>
    <message>
        <source>is:%1 is not known; try is:unread, is:read or is:flagged</source>
        <translation>is:%1 ist unbekannt; versuchen Sie is:unread, is:read oder is:flagged</translation>
    </message>
    <message>
        <source>%1:%2 is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31</source>
        <translation>%1:%2 ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. 2026-03-31</translation>
    </message>
    <message>
        <source>verdict:%1 is not known; try verdict:fail or verdict:pass</source>
        <translation>verdict:%1 ist unbekannt; versuchen Sie verdict:fail oder verdict:pass</translation>
    </message>
</context>
<context>
    <name>SecureSocket</name>
    <message>
        <source>Timed out connecting to %1.</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). SHA-256 fingerprint: %3</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (%2). SHA-256-Fingerabdruck: %3</translation>
    </message>
    <message>
        <source>Server %1 not found.</source>
        <translation>Server %1 nicht gefunden.</translation>
    </message>
    <message>
        <source>%1 refused the connection.</source>
        <translation>%1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Timed out talking to %1.</source>
        <translation>Zeitüberschreitung in der Verbindung mit %1.</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>TLS mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>ServerFieldsBox</name>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <source>Protocol (%1)</source>
        <translation>Protokoll (%1)</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>Por&amp;t:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Security (%1)</source>
        <translation>Sicherheit (%1)</translation>
    </message>
    <message>
        <source>Kinds of security</source>
        <translation>Arten der Sicherheit</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>Sicher&amp;heit:</translation>
    </message>
    <message>
        <source>Secur&amp;ity:</source>
        <translation>S&amp;icherheit:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Trust this certificate for this account</source>
        <translation>Diesem Zertifikat für dieses Konto vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate for this account (%1)</source>
        <translation>Diesem Zertifikat für dieses Konto vertrauen (%1)</translation>
    </message>
    <message>
        <source>%1: the server name is missing.</source>
        <translation>%1: Der Servername fehlt.</translation>
    </message>
    <message>
        <source>%1: the user name is missing.</source>
        <translation>%1: Der Benutzername fehlt.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung an %1…</translation>
    </message>
    <message>
        <source>✔ Logged in to %1.</source>
        <translation>✔ An %1 angemeldet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Subject:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issuer:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid from:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid until:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Trust it only if your provider confirms this fingerprint.&lt;/p&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Inhaber:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Aussteller:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gültig ab:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gültig bis:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Vertrauen Sie ihm nur, wenn Ihr Anbieter diesen Fingerabdruck bestätigt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Mark messages read when opened</source>
        <translation>Nachrichten beim Öffnen als gelesen &amp;markieren</translation>
    </message>
    <message>
        <source>When off, a message stays unread until you mark it (M).</source>
        <translation>Wenn aus, bleibt eine Nachricht ungelesen, bis Sie sie markieren (M).</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>%1 sent a reply nobody asked for (%2); the connection was dropped.</source>
        <translation>%1 hat eine Antwort gesendet, nach der niemand gefragt hat (%2); die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 hat die Sitzung beendet: %2</translation>
    </message>
    <message>
        <source>%1 does not accept mail now: %2</source>
        <translation>%1 nimmt gerade keine Nachrichten an: %2</translation>
    </message>
    <message>
        <source>%1 refused HELO: %2</source>
        <translation>%1 hat HELO abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 refused EHLO: %2</source>
        <translation>%1 hat EHLO abgelehnt: %2</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Refusing to send the password to %1 over an unencrypted connection.</source>
        <translation>Das Passwort wird nicht über eine unverschlüsselte Verbindung an %1 gesendet.</translation>
    </message>
    <message>
        <source>%1 offers no login method Herald supports (%2).</source>
        <translation>%1 bietet kein Anmeldeverfahren an, das Herald unterstützt (%2).</translation>
    </message>
    <message>
        <source>%1 does not offer authentication (AUTH) on this connection.</source>
        <translation>%1 bietet auf dieser Verbindung keine Authentifizierung (AUTH) an.</translation>
    </message>
    <message>
        <source>Refusing to send a token to %1 without encryption.</source>
        <translation>Ein Token wird nicht ohne Verschlüsselung an %1 gesendet.</translation>
    </message>
    <message>
        <source>%1 refused the login of %2 (%3)</source>
        <translation>%1 hat die Anmeldung von %2 abgelehnt (%3)</translation>
    </message>
    <message>
        <source>Not connected to the mail server.</source>
        <translation>Nicht mit dem Mailserver verbunden.</translation>
    </message>
    <message>
        <source>The message has no recipients.</source>
        <translation>Die Nachricht hat keine Empfänger.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid email address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>%1 cannot send to or from addresses with non-ASCII characters (no SMTPUTF8).</source>
        <translation>%1 kann nicht an oder von Adressen mit Nicht-ASCII-Zeichen senden (kein SMTPUTF8).</translation>
    </message>
    <message>
        <source>%1 does not accept 8-bit messages (no 8BITMIME).</source>
        <translation>%1 nimmt keine 8-Bit-Nachrichten an (kein 8BITMIME).</translation>
    </message>
    <message>
        <source>The message is %1 KB; %2 accepts at most %3 KB.</source>
        <translation>Die Nachricht ist %1 KB groß; %2 nimmt höchstens %3 KB an.</translation>
    </message>
    <message>
        <source>%1 sent more replies than commands; the connection was dropped.</source>
        <translation>%1 hat mehr Antworten als Befehle gesendet; die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>%1 answered DATA with %2; the connection was dropped.</source>
        <translation>%1 hat auf DATA mit %2 geantwortet; die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>%1 answered before the message was sent; the connection was dropped.</source>
        <translation>%1 hat geantwortet, bevor die Nachricht gesendet war; die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>%1 did not accept RSET (%2); the connection was dropped.</source>
        <translation>%1 hat RSET nicht angenommen (%2); die Verbindung wurde getrennt.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online — 1 account offline</source>
        <translation>Online — 1 Konto offline</translation>
    </message>
    <message numerus="yes">
        <source>Online — %n accounts offline</source>
        <translation>
            <numerusform>Online — %n Konto offline</numerusform>
            <numerusform>Online — %n Konten offline</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>%1: syncing</source>
        <translation>%1: wird synchronisiert</translation>
    </message>
    <message>
        <source>%1: up to date</source>
        <translation>%1: auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: offline (%2)</source>
        <translation>%1: offline (%2)</translation>
    </message>
    <message>
        <source>No server has been reached yet.</source>
        <translation>Noch kein Server erreicht.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages downloaded</source>
        <translation>%1: %2 von %3 Nachrichten heruntergeladen</translation>
    </message>
    <message>
        <source>%1: %2 of %3 headers</source>
        <translation>%1: %2 von %3 Kopfzeilen</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>%1: outbox: %2</source>
        <translation>%1: Postausgang: %2</translation>
    </message>
    <message>
        <source>The message is no longer in the cache.</source>
        <translation>Die Nachricht ist nicht mehr im Zwischenspeicher.</translation>
    </message>
    <message>
        <source>The message is no longer on the server.</source>
        <translation>Die Nachricht ist nicht mehr auf dem Server.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show Herald</source>
        <translation>Herald an&amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Check Mail</source>
        <translation>Nachrichten &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Herald: no unread mail</source>
        <translation>Herald: keine ungelesenen Nachrichten</translation>
    </message>
    <message>
        <source>Herald: 1 unread message</source>
        <translation>Herald: 1 ungelesene Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>Herald: %n unread messages</source>
        <translation>
            <numerusform>Herald: %n ungelesene Nachricht</numerusform>
            <numerusform>Herald: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadIndicator</name>
    <message>
        <source>1 message to upload</source>
        <translation>1 Nachricht hochzuladen</translation>
    </message>
    <message numerus="yes">
        <source>%n messages to upload</source>
        <translation>
            <numerusform>%n Nachricht hochzuladen</numerusform>
            <numerusform>%n Nachrichten hochzuladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported into a server folder: shown here already, on the server after the next sync.</source>
        <translation>In einen Serverordner importiert: hier schon sichtbar, auf dem Server nach der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>1 message not uploaded yet: %1</source>
        <translation>1 Nachricht noch nicht hochgeladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n messages not uploaded yet: %1</source>
        <translation>
            <numerusform>%n Nachricht noch nicht hochgeladen: %1</numerusform>
            <numerusform>%n Nachrichten noch nicht hochgeladen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The last try to upload them failed; Herald tries again later. The messages stay in their folder on this computer meanwhile.</source>
        <translation>Der letzte Versuch, sie hochzuladen, ist fehlgeschlagen; Herald versucht es später erneut. Die Nachrichten bleiben so lange in ihrem Ordner auf diesem Computer.</translation>
    </message>
    <message>
        <source>1 draft not saved on the server</source>
        <translation>1 Entwurf nicht auf dem Server gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n drafts not saved on the server</source>
        <translation>
            <numerusform>%n Entwurf nicht auf dem Server gespeichert</numerusform>
            <numerusform>%n Entwürfe nicht auf dem Server gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused to store the draft: %1
Herald tries again later; the draft is kept on this computer meanwhile.</source>
        <translation>Der Server hat das Speichern des Entwurfs abgelehnt: %1
Herald versucht es später erneut; der Entwurf bleibt so lange auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is not installed. Herald looked for it in:
%1</source>
        <translation>Das Benutzerhandbuch ist nicht installiert. Herald hat hier gesucht:
%1</translation>
    </message>
    <message>
        <source>No program to show %1 was found.</source>
        <translation>Es wurde kein Programm gefunden, das %1 anzeigen kann.</translation>
    </message>
</context>
<context>
    <name>VerdictBar</name>
    <message>
        <source>SPF %1</source>
        <translation>SPF %1</translation>
    </message>
    <message>
        <source>DKIM none</source>
        <translation>DKIM none</translation>
    </message>
    <message>
        <source>DKIM %1 (%2)</source>
        <translation>DKIM %1 (%2)</translation>
    </message>
    <message>
        <source>, only part of the body signed</source>
        <translation>, nur ein Teil des Inhalts signiert</translation>
    </message>
    <message>
        <source>DMARC %1</source>
        <translation>DMARC %1</translation>
    </message>
    <message>
        <source>ARC %1</source>
        <translation>ARC %1</translation>
    </message>
    <message>
        <source>as reported by your mail server</source>
        <translation>laut Ihrem Mailserver</translation>
    </message>
    <message>
        <source>Sender not checked yet: the check runs when the message is synced</source>
        <translation>Absender noch nicht geprüft: Die Prüfung läuft, wenn die Nachricht synchronisiert wird</translation>
    </message>
    <message>
        <source>Verified sender: %1</source>
        <translation>Bestätigter Absender: %1</translation>
    </message>
    <message>
        <source>Unverified sender: this message may not be from %1</source>
        <translation>Unbestätigter Absender: Diese Nachricht stammt möglicherweise nicht von %1</translation>
    </message>
    <message>
        <source> (%1 asks to reject such mail)</source>
        <translation> (%1 bittet, solche Nachrichten abzuweisen)</translation>
    </message>
    <message>
        <source> (%1 asks to quarantine such mail)</source>
        <translation> (%1 bittet, solche Nachrichten in Quarantäne zu stellen)</translation>
    </message>
    <message>
        <source>Sender not verifiable: %1 publishes no DMARC policy</source>
        <translation>Absender nicht prüfbar: %1 veröffentlicht keine DMARC-Richtlinie</translation>
    </message>
    <message>
        <source>Sender could not be checked (%1)</source>
        <translation>Absender konnte nicht geprüft werden (%1)</translation>
    </message>
    <message>
        <source> · DNS did not answer every question; checked again on the next sync</source>
        <translation> · DNS hat nicht jede Anfrage beantwortet; wird bei der nächsten Synchronisierung erneut geprüft</translation>
    </message>
</context>
<context>
    <name>herald::accounts</name>
    <message>
        <source>the provider&apos;s autoconfig file (https)</source>
        <translation>die Autoconfig-Datei des Anbieters (https)</translation>
    </message>
    <message>
        <source>the provider&apos;s autoconfig file over plain http (unverified)</source>
        <translation>die Autoconfig-Datei des Anbieters über einfaches http (ungeprüft)</translation>
    </message>
    <message>
        <source>Herald&apos;s list of known providers</source>
        <translation>Heralds Liste bekannter Anbieter</translation>
    </message>
    <message>
        <source>DNS service records (SRV)</source>
        <translation>DNS-Diensteinträge (SRV)</translation>
    </message>
    <message>
        <source>the provider that receives the domain&apos;s mail (MX)</source>
        <translation>den Anbieter, der die E-Mails der Domain empfängt (MX)</translation>
    </message>
    <message>
        <source>common server names that answered</source>
        <translation>übliche Servernamen, die geantwortet haben</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address (expected name@domain.tld).</source>
        <translation>„%1“ ist keine E-Mail-Adresse (erwartet: name@domain.tld).</translation>
    </message>
    <message>
        <source>Discovery was stopped.</source>
        <translation>Die Suche wurde angehalten.</translation>
    </message>
    <message>
        <source>Herald found no mail servers for %1: the domain has no autoconfig file, is not in Herald&apos;s provider list, has no DNS service records, and no imap., mail., pop. or smtp. server answered. Enter the servers your provider names in its help pages.</source>
        <translation>Herald hat keine Mailserver für %1 gefunden: Die Domain hat keine Autoconfig-Datei, steht nicht in Heralds Anbieterliste, hat keine DNS-Diensteinträge, und kein imap.-, mail.-, pop.- oder smtp.-Server hat geantwortet. Geben Sie die Server ein, die Ihr Anbieter auf seinen Hilfeseiten nennt.</translation>
    </message>
</context>
<context>
    <name>herald::accounts::Run</name>
    <message>
        <source>Fetching %1 …</source>
        <translation>%1 wird abgerufen …</translation>
    </message>
    <message>
        <source>  no such host: %1</source>
        <translation>  unbekannter Server: %1</translation>
    </message>
    <message>
        <source>  no autoconfig file there: %1</source>
        <translation>  dort keine Autoconfig-Datei: %1</translation>
    </message>
    <message>
        <source>  unusable: %1</source>
        <translation>  unbrauchbar: %1</translation>
    </message>
    <message>
        <source>no incoming server with TLS</source>
        <translation>kein Posteingangsserver mit TLS</translation>
    </message>
    <message>
        <source>Looking up %1 in Herald&apos;s provider list …</source>
        <translation>%1 wird in Heralds Anbieterliste gesucht …</translation>
    </message>
    <message>
        <source>Asking DNS for %1 …</source>
        <translation>DNS wird nach %1 gefragt …</translation>
    </message>
    <message>
        <source>Asking DNS for the mail exchanger (MX) of %1 …</source>
        <translation>DNS wird nach dem Mail-Exchanger (MX) von %1 gefragt …</translation>
    </message>
    <message>
        <source>  %1 receives the mail itself (%2)</source>
        <translation>  %1 empfängt die E-Mails selbst (%2)</translation>
    </message>
    <message>
        <source>  mail for %1 goes to %2 (%3)</source>
        <translation>  E-Mails für %1 gehen an %2 (%3)</translation>
    </message>
    <message>
        <source>Looking up %1 …</source>
        <translation>%1 wird nachgeschlagen …</translation>
    </message>
    <message>
        <source>Trying %1 guessed server port(s) …</source>
        <translation>Vermutete Server-Ports werden versucht (%1) …</translation>
    </message>
</context>
<context>
    <name>herald::imap</name>
    <message>
        <source>“%1” is a folder Herald keeps on this computer; it cannot be renamed or deleted.</source>
        <translation>„%1“ ist ein Ordner, den Herald auf diesem Computer führt; er kann nicht umbenannt oder gelöscht werden.</translation>
    </message>
    <message>
        <source>The Inbox cannot be renamed or deleted.</source>
        <translation>Der Posteingang kann nicht umbenannt oder gelöscht werden.</translation>
    </message>
    <message>
        <source>“%1” is the account&apos;s folder for %2; it cannot be renamed or deleted.</source>
        <translation>„%1“ ist der Ordner des Kontos für %2; er kann nicht umbenannt oder gelöscht werden.</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>Der Server hat %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>herald::imap::FolderManager</name>
    <message>
        <source>sent mail</source>
        <translation>gesendete Nachrichten</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>deleted mail</source>
        <translation>gelöschte Nachrichten</translation>
    </message>
    <message>
        <source>junk mail</source>
        <translation>Junk-Nachrichten</translation>
    </message>
    <message>
        <source>archived mail</source>
        <translation>archivierte Nachrichten</translation>
    </message>
    <message>
        <source>all mail</source>
        <translation>alle Nachrichten</translation>
    </message>
    <message>
        <source>flagged mail</source>
        <translation>markierte Nachrichten</translation>
    </message>
</context>
<context>
    <name>herald::net</name>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>Der Server hat eine Zeile gesendet, die länger als %1 Byte ist.</translation>
    </message>
    <message>
        <source>The server sent a line without CRLF.</source>
        <translation>Der Server hat eine Zeile ohne CRLF gesendet.</translation>
    </message>
    <message>
        <source>The server sent a NUL byte.</source>
        <translation>Der Server hat ein NUL-Byte gesendet.</translation>
    </message>
</context>
<context>
    <name>herald::net::LineClient</name>
    <message>
        <source>Already connected.</source>
        <translation>Bereits verbunden.</translation>
    </message>
</context>
<context>
    <name>herald::pop3</name>
    <message>
        <source>The server&apos;s answer to %1 cannot be read.</source>
        <translation>Die Antwort des Servers auf %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>herald::ui::language</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Herald mail client</source>
        <translation>Herald, das E-Mail-Programm</translation>
    </message>
    <message>
        <source>Use the cache and settings in DIR (default: $HERALD_PROFILE, else the user&apos;s data directory).</source>
        <translation>Zwischenspeicher und Einstellungen in DIR verwenden (Vorgabe: $HERALD_PROFILE, sonst das Datenverzeichnis des Benutzers).</translation>
    </message>
    <message>
        <source>Ask HOST:PORT for server names and for the DNS records that sender checks (SPF, DKIM, DMARC) need (default: $HERALD_NAMESERVER, else the system&apos;s resolvers).</source>
        <translation>HOST:PORT nach Servernamen und den DNS-Einträgen fragen, die die Absenderprüfung (SPF, DKIM, DMARC) benötigt (Vorgabe: $HERALD_NAMESERVER, sonst die Resolver des Systems).</translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>The DNS server “%1” cannot be used: %2</source>
        <translation>Der DNS-Server „%1“ kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Herald cannot open the mail cache in %1.

%2</source>
        <translation>Herald kann den Nachrichtenzwischenspeicher in %1 nicht öffnen.

%2</translation>
    </message>
    <message>
        <source>Write to a mailto: address, or open a message file.</source>
        <translation>An eine mailto:-Adresse schreiben oder eine Nachrichtendatei öffnen.</translation>
    </message>
    <message>
        <source>Quit SECONDS after the window is shown, with exit code 0 (a smoke test of the installation).</source>
        <translation>SECONDS Sekunden nach dem Anzeigen des Fensters mit Exit-Code 0 beenden (ein Schnelltest der Installation).</translation>
    </message>
</context>
</TS>
