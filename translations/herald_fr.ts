<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccountCheck</name>
    <message>
        <source>no user name given</source>
        <translation>aucun nom d’utilisateur indiqué</translation>
    </message>
    <message>
        <source>unknown protocol</source>
        <translation>protocole inconnu</translation>
    </message>
    <message>
        <source>Wrong user name or password: %1 did not accept the login of %2. (%3)</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect&#xa0;: %1 n’a pas accepté la connexion de %2. (%3)</translation>
    </message>
    <message>
        <source>No such host: there is no server named %1. Check the host name.</source>
        <translation>Hôte inconnu&#xa0;: aucun serveur ne s’appelle %1. Vérifiez le nom d’hôte.</translation>
    </message>
    <message>
        <source>Port closed: %1 refused the connection on port %2 (connection refused). Check the port.</source>
        <translation>Port fermé&#xa0;: %1 a refusé la connexion sur le port %2 (connection refused). Vérifiez le port.</translation>
    </message>
    <message>
        <source>Timed out: %1 did not answer within %2 seconds.</source>
        <translation>Délai dépassé&#xa0;: %1 n’a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <source>Certificate not trusted: the certificate of %1 is not vouched for by any authority this computer trusts.</source>
        <translation>Certificat non approuvé&#xa0;: le certificat de %1 n’est garanti par aucune autorité à laquelle cet ordinateur fait confiance.</translation>
    </message>
    <message>
        <source>STARTTLS missing: %1 does not offer encryption on port %2, and Herald never sends a password unencrypted. Choose TLS or another port.</source>
        <translation>STARTTLS absent&#xa0;: %1 ne propose pas de chiffrement sur le port %2, et Herald n’envoie jamais de mot de passe en clair. Choisissez TLS ou un autre port.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Could not log in to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <source>Account %1</source>
        <translation>Compte %1</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>Adresse électronique&#xa0;:</translation>
    </message>
    <message>
        <source>The name others see in your messages</source>
        <translation>Le nom que les autres voient dans vos messages</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <source>Identities and signatures</source>
        <translation>Identités et signatures</translation>
    </message>
    <message>
        <source>Messages kept offline</source>
        <translation>Messages disponibles hors ligne</translation>
    </message>
    <message>
        <source>&amp;All messages</source>
        <translation>&amp;Tous les messages</translation>
    </message>
    <message>
        <source>&amp;Only recent or small messages:</source>
        <translation>Seulement les messages &amp;récents ou petits&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;one (a message is downloaded when opened)</source>
        <translation>Au&amp;cun (un message est téléchargé à son ouverture)</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>quel que soit l’âge</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>quelle que soit la taille</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>    Of the last:</source>
        <translation>    Des derniers&#xa0;:</translation>
    </message>
    <message>
        <source>    Up to:</source>
        <translation>    Jusqu’à&#xa0;:</translation>
    </message>
    <message>
        <source>Messages on the server (POP3)</source>
        <translation>Messages sur le serveur (POP3)</translation>
    </message>
    <message>
        <source>&amp;Leave messages on the server</source>
        <translation>&amp;Laisser les messages sur le serveur</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Delete from the server &amp;when deleted in Herald</source>
        <translation>Supprimer du serveur &amp;quand ils sont supprimés dans Herald</translation>
    </message>
    <message>
        <source>Delete from the server &amp;after:</source>
        <translation>Supprimer du serveur &amp;après&#xa0;:</translation>
    </message>
    <message>
        <source>(your provider&apos;s topmost Authentication-Results)</source>
        <translation>(l’en-tête Authentication-Results le plus haut de votre fournisseur)</translation>
    </message>
    <message>
        <source>The server name in the Authentication-Results headers your provider adds; only those are trusted for sender checks.</source>
        <translation>Le nom du serveur dans les en-têtes Authentication-Results ajoutés par votre fournisseur&#xa0;; seuls ceux-ci sont pris en compte pour vérifier l’expéditeur.</translation>
    </message>
    <message>
        <source>&amp;Trusted authserv-id:</source>
        <translation>authserv-id de con&amp;fiance&#xa0;:</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(inchangé)</translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in Herald&apos;s files.</source>
        <translation>Enregistré dans le trousseau du système, jamais dans les fichiers de Herald.</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nouveau &amp;mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>The new password could not be saved: %1</source>
        <translation>Le nouveau mot de passe n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AccountSettingsPage</name>
    <message>
        <source>&amp;Accounts:</source>
        <translation>C&amp;omptes&#xa0;:</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
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
        <translation>Impossible de lire les comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>No accounts yet. Press Add to set one up.</source>
        <translation>Aucun compte pour l’instant. Cliquez sur «&#xa0;Ajouter&#xa0;» pour en configurer un.</translation>
    </message>
    <message>
        <source>Could not save the settings of %1: %2</source>
        <translation>Impossible d’enregistrer les paramètres de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Saved the settings of %1; they apply from the next sync.</source>
        <translation>Paramètres de %1 enregistrés&#xa0;; ils s’appliquent dès la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Remove the account &lt;b&gt;%1&lt;/b&gt; (%2)?&lt;/p&gt;&lt;p&gt;This deletes from this computer: %3 cached messages, of them %4 drafts and %5 messages in the outbox that were not sent yet%6.&lt;/p&gt;&lt;p&gt;Nothing is deleted on the server.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Supprimer le compte &lt;b&gt;%1&lt;/b&gt; (%2)&#xa0;?&lt;/p&gt;&lt;p&gt;Seront supprimés de cet ordinateur&#xa0;: %3 messages en cache, dont %4 brouillons et %5 messages non encore envoyés dans la boîte d’envoi%6.&lt;/p&gt;&lt;p&gt;Rien n’est supprimé sur le serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, and the password saved in the system keychain</source>
        <translation>, ainsi que le mot de passe enregistré dans le trousseau du système</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>&amp;Remove Account</source>
        <translation>&amp;Supprimer le compte</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Suppression de %1…</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>Impossible de supprimer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Removed the account %1.</source>
        <translation>Le compte %1 a été supprimé.</translation>
    </message>
</context>
<context>
    <name>AccountSetupDialog</name>
    <message>
        <source>Add a Mail Account</source>
        <translation>Ajouter un compte de messagerie</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Précéden&amp;t</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Suivant &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Votre adresse électronique</translation>
    </message>
    <message>
        <source>Herald finds your provider&apos;s servers from your address. Your password is only sent to them, over an encrypted connection.</source>
        <translation>Herald trouve les serveurs de votre fournisseur à partir de votre adresse. Votre mot de passe n’est envoyé qu’à eux, par une connexion chiffrée.</translation>
    </message>
    <message>
        <source>Alice Liddell</source>
        <translation>Marie Dupont</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>marie@example.org</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;Adresse électronique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Manual set-up…</source>
        <translation>Configuration man&amp;uelle…</translation>
    </message>
    <message>
        <source>Enter the servers yourself instead of letting Herald search.</source>
        <translation>Saisir vous-même les serveurs au lieu de laisser Herald les chercher.</translation>
    </message>
    <message>
        <source>Looking for your servers</source>
        <translation>Recherche de vos serveurs</translation>
    </message>
    <message>
        <source>&amp;What Herald tries:</source>
        <translation>Ce que &amp;Herald essaie&#xa0;:</translation>
    </message>
    <message>
        <source>What Herald tries</source>
        <translation>Ce que Herald essaie</translation>
    </message>
    <message>
        <source>&amp;Stop and enter the servers myself</source>
        <translation>&amp;Arrêter et saisir les serveurs moi-même</translation>
    </message>
    <message>
        <source>Your servers</source>
        <translation>Vos serveurs</translation>
    </message>
    <message>
        <source>I have checked these settings &amp;with my provider</source>
        <translation>J’ai vérifié ces paramètres auprès de mon &amp;fournisseur</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>Courrier entrant</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <source>&amp;Ask for the password each time Herald starts</source>
        <translation>&amp;Demander le mot de passe à chaque démarrage de Herald</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Enregi&amp;strer</translation>
    </message>
    <message>
        <source>&amp;Check and save</source>
        <translation>Vérifier et enregi&amp;strer</translation>
    </message>
    <message>
        <source>Enter your e-mail address, like alice@example.org.</source>
        <translation>Saisissez votre adresse électronique, par exemple marie@example.org.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>The search was stopped. Enter your servers below.</source>
        <translation>La recherche a été arrêtée. Saisissez vos serveurs ci-dessous.</translation>
    </message>
    <message>
        <source>Herald could not find your servers (%1). Enter them below; your provider&apos;s help pages list them.</source>
        <translation>Herald n’a pas trouvé vos serveurs (%1). Saisissez-les ci-dessous&#xa0;; les pages d’aide de votre fournisseur les indiquent.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Found through %1</source>
        <translation>Trouvé via %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No outgoing server was found; the one below is a guess, check it.</source>
        <translation>Aucun serveur sortant n’a été trouvé&#xa0;; celui ci-dessous est une supposition, vérifiez-le.</translation>
    </message>
    <message>
        <source>This answer came over an unencrypted connection (http), so anyone on the way could have changed it. Check the servers below and confirm them.</source>
        <translation>Cette réponse est arrivée par une connexion non chiffrée (http)&#xa0;: n’importe qui sur le trajet aurait pu la modifier. Vérifiez les serveurs ci-dessous et confirmez-les.</translation>
    </message>
    <message>
        <source>Enter your servers as your provider gives them.</source>
        <translation>Saisissez vos serveurs tels que votre fournisseur les indique.</translation>
    </message>
    <message>
        <source>Logging in to both servers…</source>
        <translation>Connexion aux deux serveurs…</translation>
    </message>
    <message>
        <source>Nothing was saved. Correct what is marked above and check again.</source>
        <translation>Rien n’a été enregistré. Corrigez ce qui est signalé ci-dessus et vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Both servers accepted the login.</source>
        <translation>Les deux serveurs ont accepté la connexion.</translation>
    </message>
    <message>
        <source>Herald cannot keep your password: no system keychain (such as GNOME Keyring or KWallet) is running (%1). Herald never writes passwords into its own files. It can instead ask for the password each time it starts.</source>
        <translation>Herald ne peut pas conserver votre mot de passe&#xa0;: aucun trousseau du système (comme GNOME Keyring ou KWallet) n’est actif (%1). Herald n’écrit jamais de mots de passe dans ses propres fichiers. Il peut à la place demander le mot de passe à chaque démarrage.</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>Le compte n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected attachments (Del)</source>
        <translation>Retirer les pièces jointes sélectionnées (Suppr)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
</context>
<context>
    <name>ComposeService</name>
    <message>
        <source>%1; the message was kept in Drafts</source>
        <translation>%1&#xa0;; le message a été conservé dans les Brouillons</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Enregistrer le &amp;brouillon</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>name@example.org, another@example.org</source>
        <translation>nom@example.org, autre@example.org</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Cc&amp;i&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Sujet&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1 (compte %2)</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>%1 — Herald</source>
        <translation>%1 — Herald</translation>
    </message>
    <message>
        <source>There is no account to send from. Add an account first.</source>
        <translation>Aucun compte ne permet d’envoyer. Ajoutez d’abord un compte.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Cci</translation>
    </message>
    <message>
        <source>“%1” in %2 is not an e-mail address. Write addresses like name@example.org, separated by commas.</source>
        <translation>«&#xa0;%1&#xa0;» dans %2 n’est pas une adresse électronique. Écrivez les adresses sous la forme nom@example.org, séparées par des virgules.</translation>
    </message>
    <message>
        <source>Add at least one recipient in To, Cc or Bcc.</source>
        <translation>Ajoutez au moins un destinataire dans À, Cc ou Cci.</translation>
    </message>
    <message>
        <source>The attached file %1 can no longer be read. Remove it or attach it again.</source>
        <translation>Le fichier joint %1 ne peut plus être lu. Retirez-le ou joignez-le à nouveau.</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Enregistrement du brouillon…</translation>
    </message>
    <message>
        <source>Draft not saved: %1</source>
        <translation>Brouillon non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Brouillon enregistré à %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>The message could not be put in the outbox: %1</source>
        <translation>Le message n’a pas pu être placé dans la boîte d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Add an account before writing mail.</source>
        <translation>Ajoutez un compte avant d’écrire un message.</translation>
    </message>
    <message>
        <source>Could not start a message: %1</source>
        <translation>Impossible de commencer un message&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message is no longer in the cache.</source>
        <translation>Le message n’est plus dans le cache.</translation>
    </message>
    <message>
        <source>Could not answer the message: %1</source>
        <translation>Impossible de répondre au message&#xa0;: %1</translation>
    </message>
    <message>
        <source>The draft is no longer in the cache.</source>
        <translation>Le brouillon n’est plus dans le cache.</translation>
    </message>
    <message>
        <source>Could not open the draft: %1</source>
        <translation>Impossible d’ouvrir le brouillon&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message is no longer in the outbox.</source>
        <translation>Le message n’est plus dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Could not open the message: %1</source>
        <translation>Impossible d’ouvrir le message&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>FolderActions</name>
    <message>
        <source>&amp;New Folder…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>&amp;Rename Folder…</source>
        <translation>&amp;Renommer le dossier…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation>Su&amp;pprimer le dossier…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>A folder change is being made on the server; wait for it.</source>
        <translation>Une modification de dossier est en cours sur le serveur&#xa0;; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>Select an account or a folder in the folder list first.</source>
        <translation>Sélectionnez d’abord un compte ou un dossier dans la liste des dossiers.</translation>
    </message>
    <message>
        <source>A POP3 account has only the folders Herald keeps for it; folders of your own need an IMAP account.</source>
        <translation>Un compte POP3 n’a que les dossiers que Herald gère pour lui&#xa0;; vos propres dossiers nécessitent un compte IMAP.</translation>
    </message>
    <message>
        <source>Select a folder (not the account) to rename or delete it.</source>
        <translation>Sélectionnez un dossier (pas le compte) pour le renommer ou le supprimer.</translation>
    </message>
    <message>
        <source>Make a new folder inside the selected one, or at the top of the account</source>
        <translation>Créer un dossier dans le dossier sélectionné, ou à la racine du compte</translation>
    </message>
    <message>
        <source>Rename the selected folder (F2)</source>
        <translation>Renommer le dossier sélectionné (F2)</translation>
    </message>
    <message>
        <source>Delete the selected folder and its messages, on the server too</source>
        <translation>Supprimer le dossier sélectionné et ses messages, y compris sur le serveur</translation>
    </message>
    <message>
        <source>The new folder goes at the top of the account %1.</source>
        <translation>Le nouveau dossier sera créé à la racine du compte %1.</translation>
    </message>
    <message>
        <source>The new folder goes inside “%1” of the account %2.</source>
        <translation>Le nouveau dossier sera créé dans «&#xa0;%1&#xa0;» du compte %2.</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <source>Creating the folder “%1” on the server…</source>
        <translation>Création du dossier «&#xa0;%1&#xa0;» sur le serveur…</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”</source>
        <translation>Impossible de créer le dossier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Folder “%1” created.</source>
        <translation>Dossier «&#xa0;%1&#xa0;» créé.</translation>
    </message>
    <message>
        <source>Rename the folder “%1” of the account %2.</source>
        <translation>Renommer le dossier «&#xa0;%1&#xa0;» du compte %2.</translation>
    </message>
    <message>
        <source>The folder inside it stays inside it.</source>
        <translation>Le dossier qu’il contient y reste.</translation>
    </message>
    <message numerus="yes">
        <source>The %n folders inside it stay inside it.</source>
        <translation>
            <numerusform>Le %n dossier qu’il contient y reste.</numerusform>
            <numerusform>Les %n dossiers qu’il contient y restent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Folder…</source>
        <translation>Renommer le dossier…</translation>
    </message>
    <message>
        <source>Renaming the folder “%1” on the server…</source>
        <translation>Renommage du dossier «&#xa0;%1&#xa0;» sur le serveur…</translation>
    </message>
    <message>
        <source>Could not rename the folder “%1”</source>
        <translation>Impossible de renommer le dossier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Folder “%1” renamed to “%2”.</source>
        <translation>Dossier «&#xa0;%1&#xa0;» renommé en «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>no messages</source>
        <translation>aucun message</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 message</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the folder “%1”? %2 will be deleted with it.</source>
        <translation>Supprimer le dossier «&#xa0;%1&#xa0;»&#xa0;? Sera supprimé avec lui&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Delete the folder “%1” and the folder inside it? %2 will be deleted with them.</source>
        <translation>Supprimer le dossier «&#xa0;%1&#xa0;» et le dossier qu’il contient&#xa0;? Sera supprimé avec eux&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n folders inside it? %2 will be deleted with them.</source>
        <translation>
            <numerusform>Supprimer le dossier «&#xa0;%1&#xa0;» et le %n dossier qu’il contient&#xa0;? Sera supprimé avec eux&#xa0;: %2.</numerusform>
            <numerusform>Supprimer le dossier «&#xa0;%1&#xa0;» et les %n dossiers qu’il contient&#xa0;? Sera supprimé avec eux&#xa0;: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation>Supprimer le dossier</translation>
    </message>
    <message>
        <source>The folder is deleted on the server, for every device and mail program that uses this account. This cannot be undone.</source>
        <translation>Le dossier est supprimé sur le serveur, pour tous les appareils et logiciels de messagerie qui utilisent ce compte. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Delete Folder</source>
        <translation>&amp;Supprimer le dossier</translation>
    </message>
    <message>
        <source>Deleting the folder “%1” on the server…</source>
        <translation>Suppression du dossier «&#xa0;%1&#xa0;» sur le serveur…</translation>
    </message>
    <message>
        <source>Could not delete the folder “%1”</source>
        <translation>Impossible de supprimer le dossier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Folder “%1” deleted.</source>
        <translation>Dossier «&#xa0;%1&#xa0;» supprimé.</translation>
    </message>
    <message>
        <source>Folder changes are made on the server, and the server of %1 cannot be reached now (%2). Try again when you are online.</source>
        <translation>Les modifications de dossiers se font sur le serveur, et le serveur de %1 est injoignable pour le moment (%2). Réessayez une fois en ligne.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>One folder inside it was deleted before that.</source>
        <translation>Un dossier qu’il contenait a été supprimé auparavant.</translation>
    </message>
    <message numerus="yes">
        <source>%n folders inside it were deleted before that.</source>
        <translation>
            <numerusform>%n dossier qu’il contenait a été supprimé auparavant.</numerusform>
            <numerusform>%n dossiers qu’il contenait ont été supprimés auparavant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Folder not changed</source>
        <translation>Dossier non modifié</translation>
    </message>
</context>
<context>
    <name>FolderNameDialog</name>
    <message>
        <source>Folder &amp;name:</source>
        <translation>&amp;Nom du dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Type a name for the folder.</source>
        <translation>Saisissez un nom pour le dossier.</translation>
    </message>
    <message>
        <source>A folder name cannot contain “%1”: the server uses it between a folder and its subfolders. Make the outer folder first, then this one inside it.</source>
        <translation>Un nom de dossier ne peut pas contenir «&#xa0;%1&#xa0;»&#xa0;: le serveur l’utilise entre un dossier et ses sous-dossiers. Créez d’abord le dossier parent, puis celui-ci à l’intérieur.</translation>
    </message>
    <message>
        <source>Type the new name.</source>
        <translation>Saisissez le nouveau nom.</translation>
    </message>
    <message>
        <source>There is already a folder named “%1” here.</source>
        <translation>Il existe déjà ici un dossier nommé «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>FolderTreeModel</name>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Indésirables</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>%1: 1 message</source>
        <translation>%1&#xa0;: 1 message</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n messages</source>
        <translation>
            <numerusform>%1&#xa0;: %n message</numerusform>
            <numerusform>%1&#xa0;: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 unread</source>
        <translation>, %1 non lus</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>All Inboxes</source>
        <translation>Toutes les boîtes de réception</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Views over every account</source>
        <translation>Vues sur tous les comptes</translation>
    </message>
    <message>
        <source> in every account</source>
        <translation> dans tous les comptes</translation>
    </message>
</context>
<context>
    <name>Icons</name>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Avec pièces jointes</translation>
    </message>
    <message>
        <source>Sender verified</source>
        <translation>Expéditeur vérifié</translation>
    </message>
    <message>
        <source>Sender verification failed</source>
        <translation>Échec de la vérification de l’expéditeur</translation>
    </message>
    <message>
        <source>Sender not verifiable</source>
        <translation>Expéditeur invérifiable</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Add Identity</source>
        <translation>Ajouter une identité</translation>
    </message>
    <message>
        <source>Edit Identity</source>
        <translation>Modifier l’identité</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;Adresse électronique&#xa0;:</translation>
    </message>
    <message>
        <source>(the account&apos;s name)</source>
        <translation>(le nom du compte)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Added below &quot;-- &quot; at the end of new messages</source>
        <translation>Ajoutée sous «&#xa0;-- &#xa0;» à la fin des nouveaux messages</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>&amp;Signature&#xa0;:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse électronique.</translation>
    </message>
</context>
<context>
    <name>IdentityEditor</name>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>Add identity</source>
        <translation>Ajouter une identité</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Mo&amp;difier…</translation>
    </message>
    <message>
        <source>Edit identity</source>
        <translation>Modifier l’identité</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove identity</source>
        <translation>Supprimer l’identité</translation>
    </message>
    <message>
        <source> — with signature</source>
        <translation> — avec signature</translation>
    </message>
</context>
<context>
    <name>ImapClient</name>
    <message>
        <source>The server sent no IMAP greeting.</source>
        <translation>Le serveur n’a pas envoyé de message d’accueil IMAP.</translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>Le serveur a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server pre-authenticated the connection, so it cannot be secured with STARTTLS.</source>
        <translation>Le serveur a pré-authentifié la connexion, elle ne peut donc pas être sécurisée par STARTTLS.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>Le serveur a fermé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not connected to the IMAP server.</source>
        <translation>Non connecté au serveur IMAP.</translation>
    </message>
    <message>
        <source>Refusing to send credentials over an unencrypted connection.</source>
        <translation>Refus d’envoyer des identifiants sur une connexion non chiffrée.</translation>
    </message>
    <message>
        <source>The server answered a command that was never sent (%1).</source>
        <translation>Le serveur a répondu à une commande jamais envoyée (%1).</translation>
    </message>
    <message>
        <source>The server does not allow LOGIN.</source>
        <translation>Le serveur n’autorise pas LOGIN.</translation>
    </message>
    <message>
        <source>QRESYNC must be enabled before SELECT (QRESYNC ...).</source>
        <translation>QRESYNC doit être activé avant SELECT (QRESYNC ...).</translation>
    </message>
    <message>
        <source>No UIDs to fetch.</source>
        <translation>Aucun UID à récupérer.</translation>
    </message>
    <message>
        <source>The server supports neither MOVE nor UIDPLUS; moving would expunge other clients&apos; deleted messages.</source>
        <translation>Le serveur ne prend en charge ni MOVE ni UIDPLUS&#xa0;; déplacer effacerait définitivement les messages supprimés par d’autres logiciels.</translation>
    </message>
    <message>
        <source>The server lacks UIDPLUS; Herald never sends a plain EXPUNGE, which would remove other clients&apos; deleted mail.</source>
        <translation>Le serveur ne prend pas en charge UIDPLUS&#xa0;; Herald n’envoie jamais de simple EXPUNGE, qui effacerait les messages supprimés par d’autres logiciels.</translation>
    </message>
    <message>
        <source>The server does not support IDLE.</source>
        <translation>Le serveur ne prend pas en charge IDLE.</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Déconnecté.</translation>
    </message>
</context>
<context>
    <name>InboxWatchers</name>
    <message>
        <source>%1: stopped watching: %2</source>
        <translation>%1&#xa0;: surveillance arrêtée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>LanguageSettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Lang&amp;ue&#xa0;:</translation>
    </message>
    <message>
        <source>Dates, numbers and sizes follow the language too. “System default” uses the language of your desktop.</source>
        <translation>Les dates, nombres et tailles suivent aussi la langue. «&#xa0;Langue du système&#xa0;» utilise la langue de votre bureau.</translation>
    </message>
    <message>
        <source>Herald shows the new language when it is started again.</source>
        <translation>Herald affichera la nouvelle langue à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>LineClient</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>%1 sent data right after agreeing to %2; the connection was dropped.</source>
        <translation>%1 a envoyé des données juste après avoir accepté %2 ; la connexion a été coupée.</translation>
    </message>
    <message>
        <source>%1 does not offer %2; Herald never sends a password or a message without encryption.</source>
        <translation>%1 ne propose pas %2 ; Herald n’envoie jamais de mot de passe ni de message sans chiffrement.</translation>
    </message>
    <message>
        <source>%1 refused %2 (%3); Herald never sends a password or a message without encryption.</source>
        <translation>%1 a refusé %2 (%3) ; Herald n’envoie jamais de mot de passe ni de message sans chiffrement.</translation>
    </message>
</context>
<context>
    <name>LocalActions</name>
    <message>
        <source>copying between the server and folders on this computer is not supported yet</source>
        <translation>la copie entre le serveur et les dossiers de cet ordinateur n’est pas encore prise en charge</translation>
    </message>
    <message>
        <source>moving between the server and folders on this computer is not supported yet</source>
        <translation>le déplacement entre le serveur et les dossiers de cet ordinateur n’est pas encore pris en charge</translation>
    </message>
    <message>
        <source>“%1” has no content on this computer to upload</source>
        <translation>« %1 » n’a pas de contenu sur cet ordinateur à téléverser</translation>
    </message>
    <message>
        <source>“%1” is on the server already, in %2</source>
        <translation>« %1 » est déjà sur le serveur, dans %2</translation>
    </message>
</context>
<context>
    <name>MailNotifier</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans sujet)</translation>
    </message>
    <message>
        <source>New mail from %1</source>
        <translation>Nouveau message de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%n nouveau message dans %1</numerusform>
            <numerusform>%n nouveaux messages dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ DMARC failed: may not be from %1</source>
        <translation>⚠ Échec DMARC&#xa0;: ne vient peut-être pas de %1</translation>
    </message>
    <message>
        <source>⚠ Sender not verified: may not be from %1</source>
        <translation>⚠ Expéditeur non vérifié&#xa0;: ne vient peut-être pas de %1</translation>
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
        <translation>Profil&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Get new mail and send the outbox (F5)</source>
        <translation>Relever le courrier et envoyer la boîte d’envoi (F5)</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>&amp;Enter Passwords…</source>
        <translation>Saisir les &amp;mots de passe…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Mark Messages Read When Opened</source>
        <translation>&amp;Marquer les messages comme lus à l’ouverture</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>Marquer comme non l&amp;u</translation>
    </message>
    <message>
        <source>Mo&amp;ve To</source>
        <translation>Dé&amp;placer vers</translation>
    </message>
    <message>
        <source>Mo&amp;ve To…</source>
        <translation>Dé&amp;placer vers…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>À &amp;propos de Herald</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>More toolbar actions</source>
        <translation>Autres actions de la barre d’outils</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Folders and messages</source>
        <translation>Dossiers et messages</translation>
    </message>
    <message>
        <source>Message list and message</source>
        <translation>Liste des messages et message</translation>
    </message>
    <message>
        <source>Folder status</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barre de menus</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Barre d’état</translation>
    </message>
    <message>
        <source>Could not read the folder from the cache: %1</source>
        <translation>Impossible de lire le dossier depuis le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Downloading the message…</source>
        <translation>Téléchargement du message…</translation>
    </message>
    <message>
        <source>Could not read the message from the cache: %1</source>
        <translation>Impossible de lire le message depuis le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>%1: 1 message</source>
        <translation>%1&#xa0;: 1 message</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n messages</source>
        <translation>
            <numerusform>%1&#xa0;: %n message</numerusform>
            <numerusform>%1&#xa0;: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 unread</source>
        <translation>, %1 non lus</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Pas encore envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not download the message: %1</source>
        <translation>Impossible de télécharger le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problème de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Certificat de serveur non approuvé</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server of account &lt;b&gt;%1&lt;/b&gt; presented a certificate that is not trusted:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SHA-256 fingerprint:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Trust it only if you have checked this fingerprint with your provider. Herald will then accept exactly this certificate for this account.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le serveur du compte &lt;b&gt;%1&lt;/b&gt; a présenté un certificat non approuvé&#xa0;:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Empreinte SHA-256&#xa0;:&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Ne lui faites confiance que si vous avez vérifié cette empreinte auprès de votre fournisseur. Herald acceptera alors exactement ce certificat pour ce compte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This profile has no accounts yet.</source>
        <translation>Ce profil n’a encore aucun compte.</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>À propos de Herald</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;A desktop mail client for IMAP, POP3 and SMTP that keeps your mail in a local cache, works offline, and shows whether a sender is who they claim to be.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;Un client de messagerie IMAP, POP3 et SMTP qui garde votre courrier dans un cache local, fonctionne hors ligne et indique si un expéditeur est bien celui qu’il prétend être.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>Répondre à t&amp;ous</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>Transférer en pièce &amp;jointe</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message numerus="yes">
        <source>%n messages selected</source>
        <translation>
            <numerusform>%n message sélectionné</numerusform>
            <numerusform>%n messages sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the messages from the cache: %1</source>
        <translation>Impossible de lire les messages depuis le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not look for new mail in the cache: %1</source>
        <translation>Impossible de chercher les nouveaux messages dans le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Fla&amp;g</source>
        <translation>Marquer comme suiv&amp;i</translation>
    </message>
    <message>
        <source>Remove Fla&amp;g</source>
        <translation>Ne plus su&amp;ivre</translation>
    </message>
    <message>
        <source>The link also asked for %1; Herald leaves such headers out.</source>
        <translation>Le lien demandait aussi %1 ; Herald ignore ces en-têtes.</translation>
    </message>
</context>
<context>
    <name>MboxImportDialog</name>
    <message>
        <source>Import mbox</source>
        <translation>Importer un mbox</translation>
    </message>
    <message>
        <source>Import the messages of “%1”:</source>
        <translation>Importer les messages de « %1 » :</translation>
    </message>
    <message>
        <source>Into a folder on &amp;this computer:</source>
        <translation>Dans un dossier de ce&amp;t ordinateur :</translation>
    </message>
    <message>
        <source>Name of the folder on this computer</source>
        <translation>Nom du dossier sur cet ordinateur</translation>
    </message>
    <message>
        <source>An existing folder keeps its messages and gets only those it does not have.</source>
        <translation>Un dossier existant garde ses messages et ne reçoit que ceux qu’il n’a pas.</translation>
    </message>
    <message>
        <source>Into “%1” on the &amp;server</source>
        <translation>Dans « %1 » sur le &amp;serveur</translation>
    </message>
    <message>
        <source>The messages show in the folder at once and are uploaded to the server by the next sync. Messages the folder has already are not added again.</source>
        <translation>Les messages apparaissent aussitôt dans le dossier et sont téléversés sur le serveur à la prochaine synchronisation. Les messages que le dossier a déjà ne sont pas ajoutés une seconde fois.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 message</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as Read of %1</source>
        <translation>Marquer comme lu de %1</translation>
    </message>
    <message>
        <source>Mark as Unread of %1</source>
        <translation>Marquer comme non lu de %1</translation>
    </message>
    <message>
        <source>Marked %1 as read</source>
        <translation>Marquage comme lu de %1</translation>
    </message>
    <message>
        <source>Marked %1 as unread</source>
        <translation>Marquage comme non lu de %1</translation>
    </message>
    <message>
        <source>Flag of %1</source>
        <translation>Suivi de %1</translation>
    </message>
    <message>
        <source>Remove Flag of %1</source>
        <translation>Fin du suivi de %1</translation>
    </message>
    <message>
        <source>Flagged %1</source>
        <translation>Marquage comme suivi de %1</translation>
    </message>
    <message>
        <source>Removed the flag of %1</source>
        <translation>Fin du suivi de %1</translation>
    </message>
    <message>
        <source>Could not change the message: %1</source>
        <translation>Impossible de modifier le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Move of %1</source>
        <translation>Déplacement de %1</translation>
    </message>
    <message>
        <source>Moved %1 to %2</source>
        <translation>Déplacement de %1 vers %2</translation>
    </message>
    <message>
        <source>Could not move the message: %1</source>
        <translation>Impossible de déplacer le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delete of %1</source>
        <translation>Suppression de %1</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Suppression de %1</translation>
    </message>
    <message>
        <source>Could not delete the message: %1</source>
        <translation>Impossible de supprimer le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not copy the message: %1</source>
        <translation>Impossible de copier le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — &lt;a href=&quot;undo&quot;&gt;Undo&lt;/a&gt;</source>
        <translation>%1 — &lt;a href=&quot;undo&quot;&gt;Annuler&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1. Undo with Ctrl+Z</source>
        <translation>%1. Annuler avec Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not undo the %1: %2</source>
        <translation>Impossible d’annuler&#xa0;: %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undone in part: %1 (%2)</source>
        <translation>Annulé en partie&#xa0;: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>MessageFileActions</name>
    <message>
        <source>&amp;Open Message…</source>
        <translation>&amp;Ouvrir un message…</translation>
    </message>
    <message>
        <source>Sa&amp;ve As…</source>
        <translation>Enre&amp;gistrer sous…</translation>
    </message>
    <message>
        <source>&amp;Import mbox…</source>
        <translation>&amp;Importer un mbox…</translation>
    </message>
    <message>
        <source>E&amp;xport to mbox…</source>
        <translation>&amp;Exporter en mbox…</translation>
    </message>
    <message>
        <source>Open Message</source>
        <translation>Ouvrir un message</translation>
    </message>
    <message>
        <source>Messages (*.eml);;All files (*)</source>
        <translation>Messages (*.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This message has not been downloaded yet. Herald downloads it while it is shown when the account is online; save it once its text is shown.</source>
        <translation>Ce message n’a pas encore été téléchargé. Herald le télécharge pendant qu’il est affiché si le compte est en ligne ; enregistrez-le une fois son texte affiché.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Enregistrer le message</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>Messages (*.eml)</source>
        <translation>Messages (*.eml)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Import mbox</source>
        <translation>Importer un mbox</translation>
    </message>
    <message>
        <source>mbox files (*.mbox *.mbx);;All files (*)</source>
        <translation>Fichiers mbox (*.mbox *.mbx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export to mbox</source>
        <translation>Exporter en mbox</translation>
    </message>
    <message>
        <source>mbox files (*.mbox)</source>
        <translation>Fichiers mbox (*.mbox)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>Rien n’a été importé : %1.</translation>
    </message>
    <message>
        <source>Imported 1 message into “%1”.</source>
        <translation>1 message importé dans « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n messages into “%1”.</source>
        <translation>
            <numerusform>%n message importé dans « %1 ».</numerusform>
            <numerusform>%n messages importés dans « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message was there already.</source>
        <translation>1 message était déjà présent.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages were there already.</source>
        <translation>
            <numerusform>%n message était déjà présent.</numerusform>
            <numerusform>%n messages étaient déjà présents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end of the file: importing it again adds the rest.</source>
        <translation>Arrêté avant la fin du fichier : l’importer à nouveau ajoute le reste.</translation>
    </message>
    <message>
        <source>The file could not be read to its end: %1.</source>
        <translation>Le fichier n’a pas pu être lu jusqu’au bout : %1.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <source>Export stopped: no file was written.</source>
        <translation>Exportation arrêtée : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The export failed: %1.</source>
        <translation>L’exportation a échoué : %1.</translation>
    </message>
    <message>
        <source>Exported 1 message to %1.</source>
        <translation>1 message exporté vers %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n messages to %1.</source>
        <translation>
            <numerusform>%n message exporté vers %1.</numerusform>
            <numerusform>%n messages exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message was left out: not downloaded yet. Download it (Sync Now while online) and export again.</source>
        <translation>1 message a été omis car il n’est pas encore téléchargé. Téléchargez-le (Synchroniser maintenant, en ligne) puis exportez à nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages were left out: not downloaded yet. Download them (Sync Now while online) and export again.</source>
        <translation>
            <numerusform>%n message a été omis car il n’est pas encore téléchargé. Téléchargez-le (Synchroniser maintenant, en ligne) puis exportez à nouveau.</numerusform>
            <numerusform>%n messages ont été omis car ils ne sont pas encore téléchargés. Téléchargez-les (Synchroniser maintenant, en ligne) puis exportez à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>An import or export is running; wait for it to finish.</source>
        <translation>Une importation ou une exportation est en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The cache could not be used: %1</source>
        <translation>Le cache n’a pas pu être utilisé : %1</translation>
    </message>
    <message>
        <source>They are uploaded to the server by the next sync.</source>
        <translation>Ils sont téléversés sur le serveur à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>d MMM</source>
        <comment>QDate format: a date of this year</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans sujet)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>%1 — in %2</source>
        <translation>%1 — dans %2</translation>
    </message>
    <message>
        <source>▸ %1  (%2, %3 unread)</source>
        <translation>▸ %1  (%2, %3 non lus)</translation>
    </message>
    <message>
        <source>▸ %1  (%2)</source>
        <translation>▸ %1  (%2)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Unread, flagged, attachment and sender verification</source>
        <translation>Non lu, suivi, pièce jointe et vérification de l’expéditeur</translation>
    </message>
</context>
<context>
    <name>MessageListOptions</name>
    <message>
        <source>Show &amp;Conversations</source>
        <translation>Afficher les &amp;conversations</translation>
    </message>
    <message>
        <source>Group the list by conversation (Ctrl+T)</source>
        <translation>Regrouper la liste par conversation (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>Aucun message sélectionné</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans sujet)</translation>
    </message>
    <message>
        <source>The body of this message has not been downloaded yet.</source>
        <translation>Le contenu de ce message n’a pas encore été téléchargé.</translation>
    </message>
    <message>
        <source>This message has no text.</source>
        <translation>Ce message ne contient pas de texte.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Remote content blocked: this message refers to an image on another server. Herald does not load it, so the sender cannot tell when you read the message.</source>
        <translation>Contenu distant bloqué&#xa0;: ce message fait référence à une image sur un autre serveur. Herald ne la charge pas, l’expéditeur ne peut donc pas savoir quand vous lisez le message.</translation>
    </message>
    <message numerus="yes">
        <source>Remote content blocked: this message refers to %n images on other servers. Herald does not load them, so the sender cannot tell when you read the message.</source>
        <translation>
            <numerusform>Contenu distant bloqué&#xa0;: ce message fait référence à %n image sur d’autres serveurs. Herald ne la charge pas, l’expéditeur ne peut donc pas savoir quand vous lisez le message.</numerusform>
            <numerusform>Contenu distant bloqué&#xa0;: ce message fait référence à %n images sur d’autres serveurs. Herald ne les charge pas, l’expéditeur ne peut donc pas savoir quand vous lisez le message.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no such attachment.</source>
        <translation>Cette pièce jointe n’existe pas.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Impossible d’enregistrer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>pièce jointe</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
</context>
<context>
    <name>MessageWindow</name>
    <message>
        <source>Sender check</source>
        <translation>Vérification de l’expéditeur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is empty: there is no message in it.</source>
        <translation>%1 est vide : il ne contient aucun message.</translation>
    </message>
    <message>
        <source>Checking the sender (SPF, DKIM, DMARC, ARC)…</source>
        <translation>Vérification de l’expéditeur (SPF, DKIM, DMARC, ARC)…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>The sender could not be checked: no DNS resolver could be used.</source>
        <translation>L’expéditeur n’a pas pu être vérifié : aucun résolveur DNS n’était utilisable.</translation>
    </message>
    <message>
        <source>Some checks could not be made: DNS did not answer (offline?). The results below say which.</source>
        <translation>Certaines vérifications n’ont pas pu être faites : le DNS n’a pas répondu (hors ligne ?). Les résultats ci-dessous indiquent lesquelles.</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsPage</name>
    <message>
        <source>Show a desktop &amp;notification when new mail arrives</source>
        <translation>Afficher une notification de &amp;bureau à l’arrivée de nouveaux messages</translation>
    </message>
    <message>
        <source>For new mail in each account&apos;s Inbox: the sender, the subject, and a warning when the sender could not be verified.</source>
        <translation>Pour les nouveaux messages dans la boîte de réception de chaque compte&#xa0;: l’expéditeur, le sujet, et un avertissement si l’expéditeur n’a pas pu être vérifié.</translation>
    </message>
    <message>
        <source>Show Herald in the system &amp;tray with the unread count</source>
        <translation>Afficher Herald dans la &amp;zone de notification avec le nombre de non-lus</translation>
    </message>
    <message>
        <source>Click the icon to show or hide the window.</source>
        <translation>Cliquez sur l’icône pour afficher ou masquer la fenêtre.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so there is no icon to show.</source>
        <translation>Ce bureau n’a pas de zone de notification, aucune icône ne peut donc être affichée.</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>Sent; saving the copy in Sent</source>
        <translation>Envoyé&#xa0;; copie en cours d’enregistrement dans Envoyés</translation>
    </message>
    <message>
        <source>Held: the server refused it</source>
        <translation>Retenu&#xa0;: le serveur l’a refusé</translation>
    </message>
    <message>
        <source>Maybe sent: the connection broke at the end</source>
        <translation>Peut-être envoyé&#xa0;: la connexion a été coupée à la fin</translation>
    </message>
    <message>
        <source>Messages in the outbox</source>
        <translation>Messages dans la boîte d’envoi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>Réponse du serveur</translation>
    </message>
    <message>
        <source>Columns of the outbox</source>
        <translation>Colonnes de la boîte d’envoi</translation>
    </message>
    <message>
        <source>&amp;Open and Edit</source>
        <translation>&amp;Ouvrir et modifier</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Abandonner…</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Abandonner le message</translation>
    </message>
    <message>
        <source>Could not read the outbox from the cache: %1</source>
        <translation>Impossible de lire la boîte d’envoi depuis le cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>Will try again: %1</source>
        <translation>Nouvelle tentative prévue&#xa0;: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans sujet)</translation>
    </message>
    <message>
        <source>The outbox is empty: everything you wrote has been sent.</source>
        <translation>La boîte d’envoi est vide&#xa0;: tout ce que vous avez écrit a été envoyé.</translation>
    </message>
    <message>
        <source>1 message in the outbox.</source>
        <translation>1 message dans la boîte d’envoi.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages in the outbox.</source>
        <translation>
            <numerusform>%n message dans la boîte d’envoi.</numerusform>
            <numerusform>%n messages dans la boîte d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The message will be sent again.</source>
        <translation>Le message sera renvoyé.</translation>
    </message>
    <message>
        <source>Could not send the message again: %1</source>
        <translation>Impossible de renvoyer le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Discard “%1”? It will not be sent, and it cannot be brought back.</source>
        <translation>Abandonner «&#xa0;%1&#xa0;»&#xa0;? Il ne sera pas envoyé et ne pourra pas être récupéré.</translation>
    </message>
    <message>
        <source>The message was discarded.</source>
        <translation>Le message a été abandonné.</translation>
    </message>
    <message>
        <source>Could not discard the message: %1</source>
        <translation>Impossible d’abandonner le message&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <source>Herald asks for the password of &lt;b&gt;%1&lt;/b&gt; (account %2) each time it starts, because no system keychain keeps it. It stays in memory until Herald quits.</source>
        <translation>Herald demande le mot de passe de &lt;b&gt;%1&lt;/b&gt; (compte %2) à chaque démarrage, car aucun trousseau du système ne le conserve. Il reste en mémoire jusqu’à la fermeture de Herald.</translation>
    </message>
    <message>
        <source>&amp;Password for %1:</source>
        <translation>&amp;Mot de passe pour %1&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Use this password</source>
        <translation>&amp;Utiliser ce mot de passe</translation>
    </message>
    <message>
        <source>&amp;Skip (stay offline)</source>
        <translation>&amp;Ignorer (rester hors ligne)</translation>
    </message>
</context>
<context>
    <name>Pop3Client</name>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>Le serveur a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is not a POP3 server (it greeted with &quot;%2&quot;).</source>
        <translation>%1 n’est pas un serveur POP3 (message d’accueil&#xa0;: «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <source>Not connected to the POP3 server.</source>
        <translation>Non connecté au serveur POP3.</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted; Herald will not send your password.</source>
        <translation>La connexion à %1 n’est pas chiffrée&#xa0;; Herald n’enverra pas votre mot de passe.</translation>
    </message>
    <message>
        <source>The server sent a message larger than %1 MB; Herald stopped downloading it.</source>
        <translation>Le serveur a envoyé un message de plus de %1 Mo&#xa0;; Herald a arrêté son téléchargement.</translation>
    </message>
    <message>
        <source>%1 sent an answer nobody asked for: &quot;%2&quot;</source>
        <translation>%1 a envoyé une réponse que personne n’a demandée&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1 sent an answer Herald does not understand to %2: &quot;%3&quot;</source>
        <translation>%1 a envoyé à %2 une réponse que Herald ne comprend pas&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>%1 refused the login: %2</source>
        <translation>%1 a refusé la connexion&#xa0;: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation>%1 a refusé %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>%1 does not offer APOP.</source>
        <translation>%1 ne propose pas APOP.</translation>
    </message>
    <message>
        <source>%1 sent an answer Herald does not understand (%2)</source>
        <translation>%1 a envoyé une réponse que Herald ne comprend pas (%2)</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <source>Search (Ctrl+K)</source>
        <translation>Rechercher (Ctrl+K)</translation>
    </message>
    <message>
        <source>Words match the start of words; &quot;quoted words&quot; match as a phrase.
from:  to:  subject:  has:attachment  is:unread  is:read  is:flagged
before:YYYY-MM-DD  after:YYYY-MM-DD  verdict:fail  verdict:pass  folder:NAME
Esc clears the search and goes back to the folder.</source>
        <translation>Les mots correspondent au début des mots&#xa0;; des &quot;mots entre guillemets&quot; correspondent à une expression.
from:  to:  subject:  has:attachment  is:unread  is:read  is:flagged
before:AAAA-MM-JJ  after:AAAA-MM-JJ  verdict:fail  verdict:pass  folder:NOM
Échap efface la recherche et revient au dossier.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>Search all folders of all accounts</source>
        <translation>Rechercher dans tous les dossiers de tous les comptes</translation>
    </message>
    <message>
        <source>Search every folder of every account, not just this folder</source>
        <translation>Rechercher dans chaque dossier de chaque compte, pas seulement dans ce dossier</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>More search controls</source>
        <translation>Autres commandes de recherche</translation>
    </message>
    <message>
        <source>&amp;Find Messages…</source>
        <translation>Rechercher des &amp;messages…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche&#xa0;: %1</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>Aucun message trouvé</translation>
    </message>
    <message numerus="yes">
        <source>The newest %Ln messages found</source>
        <translation>
            <numerusform>Le message le plus récent trouvé (%Ln)</numerusform>
            <numerusform>Les %Ln messages les plus récents trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message found</source>
        <translation>1 message trouvé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages found</source>
        <translation>
            <numerusform>%Ln message trouvé</numerusform>
            <numerusform>%Ln messages trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source> in all folders</source>
        <translation> dans tous les dossiers</translation>
    </message>
    <message>
        <source> in this folder</source>
        <translation> dans ce dossier</translation>
    </message>
    <message>
        <source>; 1 message not indexed yet</source>
        <translation>&#xa0;; 1 message pas encore indexé</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln messages not indexed yet</source>
        <translation>
            <numerusform>&#xa0;; %Ln message pas encore indexé</numerusform>
            <numerusform>&#xa0;; %Ln messages pas encore indexés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>has:%1 is not known; try has:attachment</source>
        <translation>has:%1 est inconnu&#xa0;; essayez has:attachment</translation>
    </message>
    <message>
        <source>is:%1 is not known; try is:unread, is:read or is:flagged</source>
        <translation>is:%1 est inconnu&#xa0;; essayez is:unread, is:read ou is:flagged</translation>
    </message>
    <message>
        <source>%1:%2 is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31</source>
        <translation>%1:%2 n’est pas une date&#xa0;; écrivez-la sous la forme AAAA-MM-JJ, par ex. 2026-03-31</translation>
    </message>
    <message>
        <source>verdict:%1 is not known; try verdict:fail or verdict:pass</source>
        <translation>verdict:%1 est inconnu&#xa0;; essayez verdict:fail ou verdict:pass</translation>
    </message>
</context>
<context>
    <name>SecureSocket</name>
    <message>
        <source>Timed out connecting to %1.</source>
        <translation>Délai dépassé lors de la connexion à %1.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 n’a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). SHA-256 fingerprint: %3</source>
        <translation>Le certificat de %1 n’est pas approuvé (%2). Empreinte SHA-256&#xa0;: %3</translation>
    </message>
    <message>
        <source>Server %1 not found.</source>
        <translation>Serveur %1 introuvable.</translation>
    </message>
    <message>
        <source>%1 refused the connection.</source>
        <translation>%1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>Timed out talking to %1.</source>
        <translation>Délai dépassé lors de l’échange avec %1.</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>Échec de TLS avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 a fermé la connexion.</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>Échec de la connexion à %1&#xa0;: %2</translation>
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
        <translation>Protocole (%1)</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocoles</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole&#xa0;:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;veur&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>Serv&amp;eur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt&#xa0;:</translation>
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
        <translation>Sécurité (%1)</translation>
    </message>
    <message>
        <source>Kinds of security</source>
        <translation>Types de sécurité</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>Sécurit&amp;é&#xa0;:</translation>
    </message>
    <message>
        <source>Secur&amp;ity:</source>
        <translation>Sé&amp;curité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Trust this certificate for this account</source>
        <translation>Faire confiance à ce certificat pour ce compte</translation>
    </message>
    <message>
        <source>Trust this certificate for this account (%1)</source>
        <translation>Faire confiance à ce certificat pour ce compte (%1)</translation>
    </message>
    <message>
        <source>%1: the server name is missing.</source>
        <translation>%1&#xa0;: le nom du serveur manque.</translation>
    </message>
    <message>
        <source>%1: the user name is missing.</source>
        <translation>%1&#xa0;: le nom d’utilisateur manque.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>✔ Logged in to %1.</source>
        <translation>✔ Connecté à %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Subject:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issuer:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid from:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid until:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Trust it only if your provider confirms this fingerprint.&lt;/p&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Sujet&#xa0;:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Émetteur&#xa0;:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valide à partir du&#xa0;:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valide jusqu’au&#xa0;:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256&#xa0;:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Ne lui faites confiance que si votre fournisseur confirme cette empreinte.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>&amp;Mark messages read when opened</source>
        <translation>&amp;Marquer les messages comme lus à l’ouverture</translation>
    </message>
    <message>
        <source>When off, a message stays unread until you mark it (M).</source>
        <translation>Si cette option est désactivée, un message reste non lu jusqu’à ce que vous le marquiez (M).</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Lan&amp;gue</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>%1 sent a reply nobody asked for (%2); the connection was dropped.</source>
        <translation>%1 a envoyé une réponse que personne n’a demandée (%2)&#xa0;; la connexion a été coupée.</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 a fermé la session&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 does not accept mail now: %2</source>
        <translation>%1 n’accepte pas de courrier pour le moment&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 refused HELO: %2</source>
        <translation>%1 a refusé HELO&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 refused EHLO: %2</source>
        <translation>%1 a refusé EHLO&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Refusing to send the password to %1 over an unencrypted connection.</source>
        <translation>Refus d’envoyer le mot de passe à %1 sur une connexion non chiffrée.</translation>
    </message>
    <message>
        <source>%1 offers no login method Herald supports (%2).</source>
        <translation>%1 ne propose aucune méthode de connexion prise en charge par Herald (%2).</translation>
    </message>
    <message>
        <source>%1 does not offer authentication (AUTH) on this connection.</source>
        <translation>%1 ne propose pas d’authentification (AUTH) sur cette connexion.</translation>
    </message>
    <message>
        <source>Refusing to send a token to %1 without encryption.</source>
        <translation>Refus d’envoyer un jeton à %1 sans chiffrement.</translation>
    </message>
    <message>
        <source>%1 refused the login of %2 (%3)</source>
        <translation>%1 a refusé la connexion de %2 (%3)</translation>
    </message>
    <message>
        <source>Not connected to the mail server.</source>
        <translation>Non connecté au serveur de messagerie.</translation>
    </message>
    <message>
        <source>The message has no recipients.</source>
        <translation>Le message n’a aucun destinataire.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid email address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse électronique valide.</translation>
    </message>
    <message>
        <source>%1 cannot send to or from addresses with non-ASCII characters (no SMTPUTF8).</source>
        <translation>%1 ne peut pas envoyer depuis ou vers des adresses contenant des caractères non ASCII (pas de SMTPUTF8).</translation>
    </message>
    <message>
        <source>%1 does not accept 8-bit messages (no 8BITMIME).</source>
        <translation>%1 n’accepte pas les messages 8 bits (pas de 8BITMIME).</translation>
    </message>
    <message>
        <source>The message is %1 KB; %2 accepts at most %3 KB.</source>
        <translation>Le message fait %1 Ko&#xa0;; %2 accepte au plus %3 Ko.</translation>
    </message>
    <message>
        <source>%1 sent more replies than commands; the connection was dropped.</source>
        <translation>%1 a envoyé plus de réponses que de commandes&#xa0;; la connexion a été coupée.</translation>
    </message>
    <message>
        <source>%1 answered DATA with %2; the connection was dropped.</source>
        <translation>%1 a répondu à DATA par %2&#xa0;; la connexion a été coupée.</translation>
    </message>
    <message>
        <source>%1 answered before the message was sent; the connection was dropped.</source>
        <translation>%1 a répondu avant l’envoi du message&#xa0;; la connexion a été coupée.</translation>
    </message>
    <message>
        <source>%1 did not accept RSET (%2); the connection was dropped.</source>
        <translation>%1 n’a pas accepté RSET (%2)&#xa0;; la connexion a été coupée.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Online — 1 account offline</source>
        <translation>En ligne — 1 compte hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>Online — %n accounts offline</source>
        <translation>
            <numerusform>En ligne — %n compte hors ligne</numerusform>
            <numerusform>En ligne — %n comptes hors ligne</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: syncing</source>
        <translation>%1&#xa0;: synchronisation</translation>
    </message>
    <message>
        <source>%1: up to date</source>
        <translation>%1&#xa0;: à jour</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: offline (%2)</source>
        <translation>%1&#xa0;: hors ligne (%2)</translation>
    </message>
    <message>
        <source>No server has been reached yet.</source>
        <translation>Aucun serveur n’a encore été joint.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages downloaded</source>
        <translation>%1&#xa0;: %2 messages téléchargés sur %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 headers</source>
        <translation>%1&#xa0;: %2 en-têtes sur %3</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>%1: outbox: %2</source>
        <translation>%1&#xa0;: boîte d’envoi&#xa0;: %2</translation>
    </message>
    <message>
        <source>The message is no longer in the cache.</source>
        <translation>Le message n’est plus dans le cache.</translation>
    </message>
    <message>
        <source>The message is no longer on the server.</source>
        <translation>Le message n’est plus sur le serveur.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show Herald</source>
        <translation>&amp;Afficher Herald</translation>
    </message>
    <message>
        <source>&amp;Check Mail</source>
        <translation>&amp;Relever le courrier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Herald: no unread mail</source>
        <translation>Herald&#xa0;: aucun message non lu</translation>
    </message>
    <message>
        <source>Herald: 1 unread message</source>
        <translation>Herald&#xa0;: 1 message non lu</translation>
    </message>
    <message numerus="yes">
        <source>Herald: %n unread messages</source>
        <translation>
            <numerusform>Herald&#xa0;: %n message non lu</numerusform>
            <numerusform>Herald&#xa0;: %n messages non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadIndicator</name>
    <message>
        <source>1 message to upload</source>
        <translation>1 message à téléverser</translation>
    </message>
    <message numerus="yes">
        <source>%n messages to upload</source>
        <translation>
            <numerusform>%n message à téléverser</numerusform>
            <numerusform>%n messages à téléverser</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported into a server folder: shown here already, on the server after the next sync.</source>
        <translation>Importés dans un dossier du serveur : déjà visibles ici, sur le serveur après la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>1 message not uploaded yet: %1</source>
        <translation>1 message pas encore téléversé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n messages not uploaded yet: %1</source>
        <translation>
            <numerusform>%n message pas encore téléversé : %1</numerusform>
            <numerusform>%n messages pas encore téléversés : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The last try to upload them failed; Herald tries again later. The messages stay in their folder on this computer meanwhile.</source>
        <translation>La dernière tentative de les téléverser a échoué ; Herald réessaiera plus tard. Les messages restent entre-temps dans leur dossier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>1 draft not saved on the server</source>
        <translation>1 brouillon non enregistré sur le serveur</translation>
    </message>
    <message numerus="yes">
        <source>%n drafts not saved on the server</source>
        <translation>
            <numerusform>%n brouillon non enregistré sur le serveur</numerusform>
            <numerusform>%n brouillons non enregistrés sur le serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused to store the draft: %1
Herald tries again later; the draft is kept on this computer meanwhile.</source>
        <translation>Le serveur a refusé d’enregistrer le brouillon : %1
Herald réessaiera plus tard ; le brouillon reste entre-temps sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>The user guide is not installed. Herald looked for it in:
%1</source>
        <translation>Le guide de l’utilisateur n’est pas installé. Herald l’a cherché dans :
%1</translation>
    </message>
    <message>
        <source>No program to show %1 was found.</source>
        <translation>Aucun programme pour afficher %1 n’a été trouvé.</translation>
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
        <translation>, seule une partie du contenu est signée</translation>
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
        <translation>selon votre serveur de messagerie</translation>
    </message>
    <message>
        <source>Sender not checked yet: the check runs when the message is synced</source>
        <translation>Expéditeur pas encore vérifié&#xa0;: la vérification a lieu lors de la synchronisation du message</translation>
    </message>
    <message>
        <source>Verified sender: %1</source>
        <translation>Expéditeur vérifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unverified sender: this message may not be from %1</source>
        <translation>Expéditeur non vérifié&#xa0;: ce message ne vient peut-être pas de %1</translation>
    </message>
    <message>
        <source> (%1 asks to reject such mail)</source>
        <translation> (%1 demande de rejeter ce type de message)</translation>
    </message>
    <message>
        <source> (%1 asks to quarantine such mail)</source>
        <translation> (%1 demande de mettre ce type de message en quarantaine)</translation>
    </message>
    <message>
        <source>Sender not verifiable: %1 publishes no DMARC policy</source>
        <translation>Expéditeur invérifiable&#xa0;: %1 ne publie aucune politique DMARC</translation>
    </message>
    <message>
        <source>Sender could not be checked (%1)</source>
        <translation>L’expéditeur n’a pas pu être vérifié (%1)</translation>
    </message>
    <message>
        <source> · DNS did not answer every question; checked again on the next sync</source>
        <translation> · le DNS n’a pas répondu à toutes les questions&#xa0;; nouvelle vérification à la prochaine synchronisation</translation>
    </message>
</context>
<context>
    <name>herald::accounts</name>
    <message>
        <source>the provider&apos;s autoconfig file (https)</source>
        <translation>le fichier autoconfig du fournisseur (https)</translation>
    </message>
    <message>
        <source>the provider&apos;s autoconfig file over plain http (unverified)</source>
        <translation>le fichier autoconfig du fournisseur en http simple (non vérifié)</translation>
    </message>
    <message>
        <source>Herald&apos;s list of known providers</source>
        <translation>la liste des fournisseurs connus de Herald</translation>
    </message>
    <message>
        <source>DNS service records (SRV)</source>
        <translation>les enregistrements de service DNS (SRV)</translation>
    </message>
    <message>
        <source>the provider that receives the domain&apos;s mail (MX)</source>
        <translation>le fournisseur qui reçoit le courrier du domaine (MX)</translation>
    </message>
    <message>
        <source>common server names that answered</source>
        <translation>des noms de serveur courants qui ont répondu</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address (expected name@domain.tld).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse électronique (attendu&#xa0;: nom@domaine.tld).</translation>
    </message>
    <message>
        <source>Discovery was stopped.</source>
        <translation>La recherche a été arrêtée.</translation>
    </message>
    <message>
        <source>Herald found no mail servers for %1: the domain has no autoconfig file, is not in Herald&apos;s provider list, has no DNS service records, and no imap., mail., pop. or smtp. server answered. Enter the servers your provider names in its help pages.</source>
        <translation>Herald n’a trouvé aucun serveur de messagerie pour %1&#xa0;: le domaine n’a pas de fichier autoconfig, n’est pas dans la liste des fournisseurs de Herald, n’a pas d’enregistrement de service DNS, et aucun serveur imap., mail., pop. ou smtp. n’a répondu. Saisissez les serveurs indiqués dans les pages d’aide de votre fournisseur.</translation>
    </message>
</context>
<context>
    <name>herald::accounts::Run</name>
    <message>
        <source>Fetching %1 …</source>
        <translation>Récupération de %1…</translation>
    </message>
    <message>
        <source>  no such host: %1</source>
        <translation>  hôte inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <source>  no autoconfig file there: %1</source>
        <translation>  pas de fichier autoconfig ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>  unusable: %1</source>
        <translation>  inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>no incoming server with TLS</source>
        <translation>aucun serveur entrant avec TLS</translation>
    </message>
    <message>
        <source>Looking up %1 in Herald&apos;s provider list …</source>
        <translation>Recherche de %1 dans la liste des fournisseurs de Herald…</translation>
    </message>
    <message>
        <source>Asking DNS for %1 …</source>
        <translation>Interrogation du DNS pour %1…</translation>
    </message>
    <message>
        <source>Asking DNS for the mail exchanger (MX) of %1 …</source>
        <translation>Interrogation du DNS pour le serveur de courrier (MX) de %1…</translation>
    </message>
    <message>
        <source>  %1 receives the mail itself (%2)</source>
        <translation>  %1 reçoit lui-même le courrier (%2)</translation>
    </message>
    <message>
        <source>  mail for %1 goes to %2 (%3)</source>
        <translation>  le courrier pour %1 va à %2 (%3)</translation>
    </message>
    <message>
        <source>Looking up %1 …</source>
        <translation>Recherche de %1…</translation>
    </message>
    <message>
        <source>Trying %1 guessed server port(s) …</source>
        <translation>Essai des ports de serveur supposés (%1)…</translation>
    </message>
</context>
<context>
    <name>herald::imap</name>
    <message>
        <source>“%1” is a folder Herald keeps on this computer; it cannot be renamed or deleted.</source>
        <translation>«&#xa0;%1&#xa0;» est un dossier que Herald garde sur cet ordinateur&#xa0;; il ne peut être ni renommé ni supprimé.</translation>
    </message>
    <message>
        <source>The Inbox cannot be renamed or deleted.</source>
        <translation>La boîte de réception ne peut être ni renommée ni supprimée.</translation>
    </message>
    <message>
        <source>“%1” is the account&apos;s folder for %2; it cannot be renamed or deleted.</source>
        <translation>«&#xa0;%1&#xa0;» est le dossier du compte pour %2&#xa0;; il ne peut être ni renommé ni supprimé.</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>Le serveur a refusé %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>herald::imap::FolderManager</name>
    <message>
        <source>sent mail</source>
        <translation>les messages envoyés</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>les brouillons</translation>
    </message>
    <message>
        <source>deleted mail</source>
        <translation>les messages supprimés</translation>
    </message>
    <message>
        <source>junk mail</source>
        <translation>les messages indésirables</translation>
    </message>
    <message>
        <source>archived mail</source>
        <translation>les messages archivés</translation>
    </message>
    <message>
        <source>all mail</source>
        <translation>tous les messages</translation>
    </message>
    <message>
        <source>flagged mail</source>
        <translation>les messages suivis</translation>
    </message>
</context>
<context>
    <name>herald::net</name>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>Le serveur a envoyé une ligne de plus de %1 octets.</translation>
    </message>
    <message>
        <source>The server sent a line without CRLF.</source>
        <translation>Le serveur a envoyé une ligne sans CRLF.</translation>
    </message>
    <message>
        <source>The server sent a NUL byte.</source>
        <translation>Le serveur a envoyé un octet NUL.</translation>
    </message>
</context>
<context>
    <name>herald::net::LineClient</name>
    <message>
        <source>Already connected.</source>
        <translation>Déjà connecté.</translation>
    </message>
</context>
<context>
    <name>herald::pop3</name>
    <message>
        <source>The server&apos;s answer to %1 cannot be read.</source>
        <translation>La réponse du serveur à %1 est illisible.</translation>
    </message>
</context>
<context>
    <name>herald::ui::language</name>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Herald mail client</source>
        <translation>Herald, client de messagerie</translation>
    </message>
    <message>
        <source>Use the cache and settings in DIR (default: $HERALD_PROFILE, else the user&apos;s data directory).</source>
        <translation>Utiliser le cache et les paramètres du répertoire DIR (par défaut&#xa0;: $HERALD_PROFILE, sinon le répertoire de données de l’utilisateur).</translation>
    </message>
    <message>
        <source>Ask HOST:PORT for server names and for the DNS records that sender checks (SPF, DKIM, DMARC) need (default: $HERALD_NAMESERVER, else the system&apos;s resolvers).</source>
        <translation>Interroger HOST:PORT pour les noms de serveurs et les enregistrements DNS nécessaires à la vérification des expéditeurs (SPF, DKIM, DMARC) (par défaut&#xa0;: $HERALD_NAMESERVER, sinon les résolveurs du système).</translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>The DNS server “%1” cannot be used: %2</source>
        <translation>Le serveur DNS «&#xa0;%1&#xa0;» ne peut pas être utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Herald cannot open the mail cache in %1.

%2</source>
        <translation>Herald ne peut pas ouvrir le cache de courrier dans %1.

%2</translation>
    </message>
    <message>
        <source>Write to a mailto: address, or open a message file.</source>
        <translation>Écrire à une adresse mailto: ou ouvrir un fichier de message.</translation>
    </message>
    <message>
        <source>Quit SECONDS after the window is shown, with exit code 0 (a smoke test of the installation).</source>
        <translation>Quitter SECONDS secondes après l’affichage de la fenêtre, avec le code de sortie 0 (test rapide de l’installation).</translation>
    </message>
</context>
</TS>
