<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Cidadão.AI: investigate Brazilian public spending.</source>
        <translation>Cidadão.AI : enquêtez sur les dépenses publiques brésiliennes.</translation>
    </message>
    <message>
        <source>Use the local embedded server.</source>
        <translation>Utiliser le serveur local intégré.</translation>
    </message>
    <message>
        <source>Connect to the remote server at URL.</source>
        <translation>Se connecter au serveur distant à l’URL.</translation>
    </message>
    <message>
        <source>Keep local data in DIR.</source>
        <translation>Conserver les données locales dans DIR.</translation>
    </message>
    <message>
        <source>Interface language: pt_BR, en or fr.</source>
        <translation>Langue de l’interface : pt_BR, en ou fr.</translation>
    </message>
    <message>
        <source>Path of cidadao-server.</source>
        <translation>Chemin de cidadao-server.</translation>
    </message>
    <message>
        <source>Do not import the sample data set on first run.</source>
        <translation>Ne pas importer le jeu de données d’exemple au premier lancement.</translation>
    </message>
    <message>
        <source>Print the start-up time once ready, then quit.</source>
        <translation>Afficher le temps de démarrage une fois prêt, puis quitter.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>Le serveur est injoignable. Vérifiez la connexion et réessayez.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of the app does not understand.</source>
        <translation>Le serveur a envoyé une réponse que cette version de l’application ne comprend pas.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session est terminée. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Votre compte n’est pas autorisé à faire cela.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>Cet élément n’existe plus sur le serveur.</translation>
    </message>
    <message>
        <source>Too many requests in a short time. Wait a moment and try again.</source>
        <translation>Trop de requêtes en peu de temps. Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The file or text is too large for the server.</source>
        <translation>Le fichier ou le texte est trop volumineux pour le serveur.</translation>
    </message>
    <message>
        <source>This conflicts with the current state on the server (it may already exist or be finished).</source>
        <translation>Cela entre en conflit avec l’état actuel du serveur (l’élément existe peut-être déjà ou est terminé).</translation>
    </message>
    <message>
        <source>Please check the field “%1”.</source>
        <translation>Veuillez vérifier le champ « %1 ».</translation>
    </message>
    <message>
        <source>Some of the information given is not valid.</source>
        <translation>Certaines informations fournies ne sont pas valides.</translation>
    </message>
    <message>
        <source>The server is busy or starting. Try again in a moment.</source>
        <translation>Le serveur est occupé ou en cours de démarrage. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>L’agent n’a pas pu terminer cette réponse. Réessayez ou reformulez la question.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>Le serveur n’a pas pu traiter la requête.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>The local server is not answering.</source>
        <translation>Le serveur local ne répond pas.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection.</source>
        <translation>Le serveur est injoignable. Vérifiez la connexion.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Votre session a expiré.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Votre compte n’est pas autorisé à faire cela.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>Cet élément n’existe plus sur le serveur.</translation>
    </message>
    <message>
        <source>This cannot be done in the item&apos;s current state.</source>
        <translation>Impossible dans l’état actuel de l’élément.</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>La requête est trop volumineuse.</translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>Certaines informations saisies ne sont pas valides.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not valid.</source>
        <translation>Le champ « %1 » n’est pas valide.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Trop de requêtes. Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>L’agent n’a pas pu terminer cette réponse. Réessayez ou reformulez la question.</translation>
    </message>
    <message>
        <source>The server sent an answer this version cannot read.</source>
        <translation>Le serveur a envoyé une réponse que cette version ne sait pas lire.</translation>
    </message>
    <message>
        <source>The local server had a problem with this request.</source>
        <translation>Le serveur local a rencontré un problème avec cette requête.</translation>
    </message>
    <message>
        <source>The server had a problem with this request.</source>
        <translation>Le serveur a rencontré un problème avec cette requête.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Redémarrer le serveur local</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AnomalyModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioCapture</name>
    <message>
        <source>No microphone was found.</source>
        <translation>Aucun microphone n’a été trouvé.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>Impossible d’ouvrir le microphone.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioDeviceList</name>
    <message>
        <source>No audio device was found (is PulseAudio running?).</source>
        <translation>Aucun périphérique audio trouvé (PulseAudio est-il lancé ?).</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>Aucun microphone n’a été trouvé.</translation>
    </message>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>Aucun haut-parleur ni casque n’a été trouvé.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioPlayback</name>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>Aucun haut-parleur ni casque n’a été trouvé.</translation>
    </message>
    <message>
        <source>The speaker could not be opened.</source>
        <translation>Impossible d’ouvrir le haut-parleur.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AuthSession</name>
    <message>
        <source>No keychain is available (%1): you stay signed in only until the app closes.</source>
        <translation>Aucun trousseau disponible (%1) : vous restez connecté jusqu’à la fermeture de l’application.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): please sign in.</source>
        <translation>Aucun trousseau disponible (%1) : veuillez vous connecter.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::Connection</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session est terminée. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation>Le serveur local s’est arrêté de façon inattendue.</translation>
    </message>
    <message>
        <source>The local server could not be started.</source>
        <translation>Impossible de démarrer le serveur local.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::InvestigationsService</name>
    <message>
        <source>This server does not offer that for investigations.</source>
        <translation>Ce serveur ne propose pas cela pour les enquêtes.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::SessionListModel</name>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
</context>
<context>
    <name>cidadao::desktop::DesktopApp</name>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>First start: importing the sample data set (step %1 of %2)…</source>
        <translation>Premier lancement : import du jeu de données d’exemple (étape %1 sur %2)…</translation>
    </message>
    <message>
        <source>The sample data set could not be imported. You can import Portal da Transparência files on the Data page.</source>
        <translation>Le jeu de données d’exemple n’a pas pu être importé. Vous pouvez importer des fichiers du Portal da Transparência dans la page Données.</translation>
    </message>
    <message>
        <source>Open the Data page</source>
        <translation>Ouvrir la page Données</translation>
    </message>
    <message>
        <source>Sign in to %1 to continue.</source>
        <translation>Connectez-vous à %1 pour continuer.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>The local server stopped. Your data is safe; restart it to go on.</source>
        <translation>Le serveur local s’est arrêté. Vos données sont intactes ; redémarrez-le pour continuer.</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Redémarrer le serveur local</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. The last known data stays readable.</source>
        <translation>Le serveur %1 est injoignable. Les dernières données connues restent consultables.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Choose another server…</source>
        <translation>Choisir un autre serveur…</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session est terminée. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Investigations</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Flux de travail</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::AnomalyDetail</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Select an anomaly to see why it was flagged.</source>
        <translation>Sélectionnez une anomalie pour voir pourquoi elle a été signalée.</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confiance %1 %</translation>
    </message>
    <message>
        <source>Detector: %1</source>
        <translation>Détecteur : %1</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Prochaines étapes</translation>
    </message>
    <message numerus="yes">
        <source>Affected records: %n</source>
        <translation>
            <numerusform>Enregistrements concernés : %n</numerusform>
            <numerusform>Enregistrements concernés : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ChatView</name>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Ask about contracts, suppliers or public spending…</source>
        <translation>Posez une question sur les contrats, les fournisseurs ou les dépenses publiques…</translation>
    </message>
    <message>
        <source>This conversation was deleted in another window or on another device. You can start a new one here.</source>
        <translation>Cette conversation a été supprimée dans une autre fenêtre ou sur un autre appareil. Vous pouvez en commencer une nouvelle ici.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>This computer (local server, works offline)</source>
        <translation>Cet ordinateur (serveur local, fonctionne hors ligne)</translation>
    </message>
    <message>
        <source>A server on the network</source>
        <translation>Un serveur sur le réseau</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur :</translation>
    </message>
    <message>
        <source>https://cidadao.example.org</source>
        <translation>https://cidadao.exemple.org</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>J’ai déjà un compte</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Create and sign &amp;in</source>
        <translation>Créer et se &amp;connecter</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onnexion</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s address, for example https://cidadao.example.org.</source>
        <translation>Saisissez l’adresse du serveur, par exemple https://cidadao.exemple.org.</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Contact de %1…</translation>
    </message>
    <message>
        <source>Connected. Sign in or create an account.</source>
        <translation>Connecté. Connectez-vous ou créez un compte.</translation>
    </message>
    <message>
        <source>No Cidadão.AI server answers at this address. Check it and try again.</source>
        <translation>Aucun serveur Cidadão.AI ne répond à cette adresse. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>The e-mail or the password is not right.</source>
        <translation>L’e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>An account with this e-mail already exists. Sign in instead.</source>
        <translation>Un compte existe déjà avec cet e-mail. Connectez-vous plutôt.</translation>
    </message>
    <message>
        <source>Please enter your e-mail and password.</source>
        <translation>Saisissez votre e-mail et votre mot de passe.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Le mot de passe doit comporter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>Démarrage du serveur local…</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Contact du serveur…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Serveur injoignable</translation>
    </message>
    <message>
        <source>Local server stopped</source>
        <translation>Serveur local arrêté</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Aucune connexion</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Mode local</translation>
    </message>
    <message>
        <source>Remote mode</source>
        <translation>Mode distant</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>Connected (live updates reconnecting…)</source>
        <translation>Connecté (mises à jour en direct en reconnexion…)</translation>
    </message>
    <message>
        <source>Local account</source>
        <translation>Compte local</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DashboardCharts</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Anomalies by type and severity</source>
        <translation>Anomalies par type et gravité</translation>
    </message>
    <message>
        <source>Monthly value of flagged records</source>
        <translation>Valeur mensuelle des enregistrements signalés</translation>
    </message>
    <message>
        <source>Value per month</source>
        <translation>Valeur par mois</translation>
    </message>
    <message>
        <source>High and critical findings</source>
        <translation>Constats élevés et critiques</translation>
    </message>
    <message>
        <source>R$</source>
        <translation>R$</translation>
    </message>
    <message>
        <source>Supplier concentration</source>
        <translation>Concentration des fournisseurs</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>R$ million</source>
        <translation>millions de R$</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DataPage</name>
    <message numerus="yes">
        <source>Importing %1: %n row(s) stored</source>
        <translation>
            <numerusform>Import de %1 : %n ligne enregistrée</numerusform>
            <numerusform>Import de %1 : %n lignes enregistrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejetée</numerusform>
            <numerusform>%n rejetées</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Appels d’offres</translation>
    </message>
    <message>
        <source>Bidding participants</source>
        <translation>Participants aux appels d’offres</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Conventions</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Public servants&apos; pay</source>
        <translation>Rémunération des fonctionnaires</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>Sanctions</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 enregistrements</translation>
    </message>
    <message>
        <source>Last import: %1</source>
        <translation>Dernier import : %1</translation>
    </message>
    <message>
        <source>Import Portal da Transparência files</source>
        <translation>Importer des fichiers du Portal da Transparência</translation>
    </message>
    <message>
        <source>Portal files (*.csv *.zip);;All files (*)</source>
        <translation>Fichiers du Portal (*.csv *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Envoi de %1…</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Impossible de lire le fichier %1.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importé</translation>
    </message>
    <message>
        <source>%1 rows read, %2 stored, %3 rejected.</source>
        <translation>%1 lignes lues, %2 enregistrées, %3 rejetées.</translation>
    </message>
    <message>
        <source>%1 was not imported</source>
        <translation>%1 n’a pas été importé</translation>
    </message>
    <message>
        <source>The file was rejected as a whole: %1</source>
        <translation>Le fichier a été rejeté en entier : %1</translation>
    </message>
    <message>
        <source>%1 is not a Portal da Transparência file this app can read.</source>
        <translation>%1 n’est pas un fichier du Portal da Transparência que cette application sait lire.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import CSV or ZIP files downloaded from the Portal da Transparência</source>
        <translation>Importer des fichiers CSV ou ZIP téléchargés du Portal da Transparência</translation>
    </message>
    <message>
        <source>Detect the source</source>
        <translation>Détecter la source</translation>
    </message>
    <message>
        <source>Reload the &amp;sample data</source>
        <translation>Recharger les données d’&amp;exemple</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Search records (supplier, organ, object, CNPJ…)</source>
        <translation>Rechercher (fournisseur, organisme, objet, CNPJ…)</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Un champ entre guillemets n&apos;est jamais fermé.</translation>
    </message>
    <message>
        <source>The row has %1 fields; the header has %2.</source>
        <translation>La ligne a %1 champs ; l&apos;en-tête en a %2.</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD/MM/YYYY).</source>
        <translation>« %1 » n&apos;est pas une date (JJ/MM/AAAA).</translation>
    </message>
    <message>
        <source>“%1” is not a value (like 1.234,56).</source>
        <translation>« %1 » n&apos;est pas un montant (comme 1.234,56).</translation>
    </message>
    <message>
        <source>“%1” is not a whole number in the expected range.</source>
        <translation>« %1 » n&apos;est pas un nombre entier dans l&apos;intervalle attendu.</translation>
    </message>
    <message>
        <source>“%1” is neither SIM nor NÃO.</source>
        <translation>« %1 » n&apos;est ni SIM ni NÃO.</translation>
    </message>
    <message>
        <source>“%1” is neither CEIS nor CNEP.</source>
        <translation>« %1 » n&apos;est ni CEIS ni CNEP.</translation>
    </message>
    <message>
        <source>the import was cancelled.</source>
        <translation>l&apos;import a été annulé.</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>le fichier est vide.</translation>
    </message>
    <message>
        <source>its header is not one of a Portal da Transparência file this app knows.</source>
        <translation>son en-tête n&apos;est celui d&apos;aucun fichier du Portal da Transparência connu de cette application.</translation>
    </message>
    <message>
        <source>this is the servants&apos; Cadastro file: import it together with the Remuneração file.</source>
        <translation>c&apos;est le fichier Cadastro des agents : importez-le avec le fichier Remuneração.</translation>
    </message>
    <message>
        <source>columns the app needs are missing: %1.</source>
        <translation>des colonnes nécessaires à l&apos;application manquent : %1.</translation>
    </message>
    <message>
        <source>no file inside the ZIP holds data of this kind.</source>
        <translation>aucun fichier du ZIP ne contient de données de ce type.</translation>
    </message>
    <message>
        <source>the server cannot open the file.</source>
        <translation>le serveur ne peut pas ouvrir le fichier.</translation>
    </message>
    <message>
        <source>the file is damaged or cannot be read to the end.</source>
        <translation>le fichier est endommagé ou ne peut pas être lu jusqu&apos;au bout.</translation>
    </message>
    <message>
        <source>the database could not store it; nothing was changed.</source>
        <translation>la base de données n&apos;a pas pu l&apos;enregistrer ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationDashboard</name>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Start an investigation or pick one from the list.</source>
        <translation>Lancez une enquête ou choisissez-en une dans la liste.</translation>
    </message>
    <message>
        <source>records analysed</source>
        <translation>enregistrements analysés</translation>
    </message>
    <message>
        <source>anomalies found</source>
        <translation>anomalies trouvées</translation>
    </message>
    <message>
        <source>high or critical</source>
        <translation>élevées ou critiques</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confiance</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>processing time</source>
        <translation>temps de traitement</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tableaux CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown documents (*.md)</source>
        <translation>Documents Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Search descriptions and explanations</source>
        <translation>Rechercher dans les descriptions et explications</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Toute gravité</translation>
    </message>
    <message>
        <source>%1 or above</source>
        <translation>%1 ou plus</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationForm</name>
    <message>
        <source>Write what you want to investigate.</source>
        <translation>Écrivez ce que vous voulez examiner.</translation>
    </message>
    <message>
        <source>Choose at least one kind of anomaly.</source>
        <translation>Choisissez au moins un type d’anomalie.</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>La période commence après sa fin.</translation>
    </message>
    <message>
        <source>The minimum value is above the maximum.</source>
        <translation>La valeur minimale dépasse la maximale.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>e.g. contracts of the Ministry of Health with unusual prices</source>
        <translation>p. ex. contrats du ministère de la Santé aux prix inhabituels</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Source de données</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Conventions</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Appels d’offres</translation>
    </message>
    <message>
        <source>Public servants</source>
        <translation>Fonctionnaires</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Órgão</source>
        <translation>Organisme (órgão)</translation>
    </message>
    <message>
        <source>Start typing: names come from your imported data</source>
        <translation>Commencez à taper : les noms viennent de vos données importées</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Name or CNPJ</source>
        <translation>Nom ou CNPJ</translation>
    </message>
    <message>
        <source>Value from / to</source>
        <translation>Valeur de / à</translation>
    </message>
    <message>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les États</translation>
    </message>
    <message>
        <source>Look for</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>Lancer l’enquête</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationsView</name>
    <message>
        <source>Investigations</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>Actualiser la liste</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::LatencyLabel</name>
    <message>
        <source>⇄ – ms</source>
        <translation>⇄ – ms</translation>
    </message>
    <message>
        <source>Server latency</source>
        <translation>Latence du serveur</translation>
    </message>
    <message>
        <source>⇄ %1 ms</source>
        <translation>⇄ %1 ms</translation>
    </message>
    <message>
        <source>Round trip to the server: last %1 ms, median %2 ms, 99th percentile %3 ms</source>
        <translation>Aller-retour vers le serveur : dernier %1 ms, médiane %2 ms, 99e centile %3 ms</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MainWindow</name>
    <message>
        <source>Cidadão.AI</source>
        <translation>Cidadão.AI</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Connexion…</translation>
    </message>
    <message>
        <source>Choose the server and sign in</source>
        <translation>Choisir le serveur et se connecter</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageBanner</name>
    <message>
        <source>Close message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Non remis</translation>
    </message>
    <message>
        <source>The answer could not be completed</source>
        <translation>La réponse n’a pas pu être terminée</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Confidence %1%</source>
        <translation>Confiance %1 %</translation>
    </message>
    <message numerus="yes">
        <source>and %n more contract(s)</source>
        <translation>
            <numerusform>et %n autre contrat</numerusform>
            <numerusform>et %n autres contrats</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>Contrat %1</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>signé le %1</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>nº %1</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageListView</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ProgressDelegate</name>
    <message>
        <source>Started</source>
        <translation>Lancée</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>reading the data</source>
        <translation>lecture des données</translation>
    </message>
    <message>
        <source>looking for anomalies</source>
        <translation>recherche d’anomalies</translation>
    </message>
    <message>
        <source>analysing patterns</source>
        <translation>analyse des motifs</translation>
    </message>
    <message>
        <source>writing the report</source>
        <translation>rédaction du rapport</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(sans question)</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(ies)</source>
        <translation>
            <numerusform>%n anomalie</numerusform>
            <numerusform>%n anomalies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::PushToTalkWidget</name>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>Listening… release to send</source>
        <translation>Écoute… relâchez pour envoyer</translation>
    </message>
    <message>
        <source>Hold to talk (%1)</source>
        <translation>Maintenez pour parler (%1)</translation>
    </message>
    <message>
        <source>Push-to-talk is off: %1</source>
        <translation>Appuyer pour parler est désactivé : %1</translation>
    </message>
    <message>
        <source>Speaking — press to interrupt.</source>
        <translation>Parle — appuyez pour interrompre.</translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation>Écoute…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>Not connected to the voice service.</source>
        <translation>Non connecté au service vocal.</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1. No offline Portuguese model is installed, so speak English, or configure a Portuguese model or a transcription server on the server.</source>
        <translation>Reconnaissance vocale hors ligne : %1. Aucun modèle portugais hors ligne n’est installé ; parlez anglais, ou configurez un modèle portugais ou un serveur de transcription sur le serveur.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1.</source>
        <translation>Reconnaissance vocale hors ligne : %1.</translation>
    </message>
    <message>
        <source>Hold to talk (or hold %1). Press while the answer plays to interrupt it.</source>
        <translation>Maintenez pour parler (ou maintenez %1). Appuyez pendant la réponse pour l&apos;interrompre.</translation>
    </message>
    <message>
        <source>No offline Portuguese speech recognition model ships with Debian, so voice commands are understood in English only here. A Portuguese model or a transcription server can be configured on the server.</source>
        <translation>Debian ne fournit aucun modèle hors ligne de reconnaissance vocale en portugais : ici, les commandes vocales ne sont comprises qu&apos;en anglais. Un modèle portugais ou un serveur de transcription peut être configuré sur le serveur.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::RecordColumns</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Supplier CNPJ/CPF</source>
        <translation>CNPJ/CPF du fournisseur</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <source>Payee CNPJ/CPF</source>
        <translation>CNPJ/CPF du bénéficiaire</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Participant CNPJ/CPF</source>
        <translation>CNPJ/CPF du participant</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Attributaire</translation>
    </message>
    <message>
        <source>Grantee</source>
        <translation>Bénéficiaire de la convention</translation>
    </message>
    <message>
        <source>Grantee CNPJ</source>
        <translation>CNPJ du bénéficiaire</translation>
    </message>
    <message>
        <source>Grantee type</source>
        <translation>Type de bénéficiaire</translation>
    </message>
    <message>
        <source>Grantee legal nature</source>
        <translation>Nature juridique du bénéficiaire</translation>
    </message>
    <message>
        <source>Sanctioned party</source>
        <translation>Sanctionné</translation>
    </message>
    <message>
        <source>Sanctioned CNPJ/CPF</source>
        <translation>CNPJ/CPF du sanctionné</translation>
    </message>
    <message>
        <source>Name as reported</source>
        <translation>Nom déclaré</translation>
    </message>
    <message>
        <source>Person type</source>
        <translation>Type de personne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>CPF</source>
        <translation>CPF</translation>
    </message>
    <message>
        <source>Servant ID</source>
        <translation>ID de l&apos;agent</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Hired on</source>
        <translation>Entré le</translation>
    </message>
    <message>
        <source>Value (R$)</source>
        <translation>Montant (R$)</translation>
    </message>
    <message>
        <source>Initial value (R$)</source>
        <translation>Montant initial (R$)</translation>
    </message>
    <message>
        <source>Final value (R$)</source>
        <translation>Montant final (R$)</translation>
    </message>
    <message>
        <source>Original value (R$)</source>
        <translation>Montant d&apos;origine (R$)</translation>
    </message>
    <message>
        <source>Released (R$)</source>
        <translation>Montant versé (R$)</translation>
    </message>
    <message>
        <source>Counterpart (R$)</source>
        <translation>Contrepartie (R$)</translation>
    </message>
    <message>
        <source>Last release on</source>
        <translation>Dernier versement le</translation>
    </message>
    <message>
        <source>Last release (R$)</source>
        <translation>Dernier versement (R$)</translation>
    </message>
    <message>
        <source>Fine (R$)</source>
        <translation>Amende (R$)</translation>
    </message>
    <message>
        <source>Gross basic pay (R$)</source>
        <translation>Traitement de base brut (R$)</translation>
    </message>
    <message>
        <source>Ceiling cut (R$)</source>
        <translation>Écrêtement au plafond (R$)</translation>
    </message>
    <message>
        <source>13th salary (R$)</source>
        <translation>13e mois (R$)</translation>
    </message>
    <message>
        <source>Vacation pay (R$)</source>
        <translation>Congés payés (R$)</translation>
    </message>
    <message>
        <source>Other occasional pay (R$)</source>
        <translation>Autres rémunérations ponctuelles (R$)</translation>
    </message>
    <message>
        <source>Income tax withheld (R$)</source>
        <translation>Impôt sur le revenu retenu (R$)</translation>
    </message>
    <message>
        <source>Social security (R$)</source>
        <translation>Sécurité sociale (R$)</translation>
    </message>
    <message>
        <source>Other deductions (R$)</source>
        <translation>Autres retenues (R$)</translation>
    </message>
    <message>
        <source>Net pay (R$)</source>
        <translation>Rémunération nette (R$)</translation>
    </message>
    <message>
        <source>Indemnities (R$)</source>
        <translation>Indemnités (R$)</translation>
    </message>
    <message>
        <source>Procurement method</source>
        <translation>Procédure</translation>
    </message>
    <message>
        <source>Method code</source>
        <translation>Code de la procédure</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Type d&apos;instrument</translation>
    </message>
    <message>
        <source>Expense element</source>
        <translation>Élément de dépense</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Code du paiement</translation>
    </message>
    <message>
        <source>Sanction code</source>
        <translation>Code de la sanction</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Code de l&apos;article</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Code de l&apos;organe</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organe</translation>
    </message>
    <message>
        <source>Ministry code</source>
        <translation>Code de l&apos;organe supérieur</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Organe supérieur</translation>
    </message>
    <message>
        <source>Unit (UG) code</source>
        <translation>Code de l&apos;UG</translation>
    </message>
    <message>
        <source>Management unit (UG)</source>
        <translation>Unité de gestion (UG)</translation>
    </message>
    <message>
        <source>Grantor agency code</source>
        <translation>Code de l&apos;organe concédant</translation>
    </message>
    <message>
        <source>Grantor agency</source>
        <translation>Organe concédant</translation>
    </message>
    <message>
        <source>Grantor unit code</source>
        <translation>Code de l&apos;UG concédante</translation>
    </message>
    <message>
        <source>Grantor unit</source>
        <translation>UG concédante</translation>
    </message>
    <message>
        <source>Sanctioning agency</source>
        <translation>Organe sanctionnant</translation>
    </message>
    <message>
        <source>Sanctioning state</source>
        <translation>État de l&apos;organe sanctionnant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Code de la commune</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Original number</source>
        <translation>Numéro d&apos;origine</translation>
    </message>
    <message>
        <source>Bidding number</source>
        <translation>Numéro de l&apos;appel d&apos;offres</translation>
    </message>
    <message>
        <source>Bidding method</source>
        <translation>Procédure de l&apos;appel d&apos;offres</translation>
    </message>
    <message>
        <source>Bidding method code</source>
        <translation>Code de la procédure de l&apos;appel d&apos;offres</translation>
    </message>
    <message>
        <source>Bidding unit code</source>
        <translation>Code de l&apos;UG de l&apos;appel d&apos;offres</translation>
    </message>
    <message>
        <source>Bidding unit</source>
        <translation>UG de l&apos;appel d&apos;offres</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Ouvert le</translation>
    </message>
    <message>
        <source>Result on</source>
        <translation>Résultat le</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Line in the file</source>
        <translation>Ligne dans le fichier</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::SettingsDialog</name>
    <message>
        <source>Data directory</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>This computer (local server)</source>
        <translation>Cet ordinateur (serveur local)</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1 (utilisée)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The new language applies at once.</source>
        <translation>La nouvelle langue s’applique immédiatement.</translation>
    </message>
    <message>
        <source>Address of a Cidadão.AI server, e.g. https://cidadao.example.org</source>
        <translation>Adresse d’un serveur Cidadão.AI, p. ex. https://cidadao.exemple.org</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Use this connection</source>
        <translation>&amp;Utiliser cette connexion</translation>
    </message>
    <message>
        <source>LLM &amp;endpoint:</source>
        <translation>Point d’accès &amp;LLM :</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Optional. An OpenAI-compatible chat-completions server (llama.cpp, Ollama, …) that the agents use to phrase their answers. Without it, answers are composed offline. Applies when the local server next starts.</source>
        <translation>Facultatif. Un serveur chat-completions compatible OpenAI (llama.cpp, Ollama, …) que les agents utilisent pour formuler leurs réponses. Sans lui, les réponses sont composées hors ligne. S’applique au prochain démarrage du serveur local.</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Dossier des données :</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Where the local server keeps its database and the app its cache. A new directory is used from the next start.</source>
        <translation>Où le serveur local garde sa base de données et l’application son cache. Un nouveau dossier est utilisé au prochain démarrage.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowGraphView</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Workflow graph</source>
        <translation>Graphe du flux</translation>
    </message>
    <message>
        <source>Choose a workflow to see its steps</source>
        <translation>Choisissez un flux pour voir ses étapes</translation>
    </message>
    <message>
        <source>done in %1 ms</source>
        <translation>terminé en %1 ms</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowNotifier</name>
    <message>
        <source>Cidadão.AI</source>
        <translation>Cidadão.AI</translation>
    </message>
    <message>
        <source>Investigation finished</source>
        <translation>Enquête terminée</translation>
    </message>
    <message>
        <source>Critical anomaly found</source>
        <translation>Anomalie critique trouvée</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>New findings in your watchlist</source>
        <translation>Nouveaux constats dans votre liste de suivi</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowsView</name>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l’exécution</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Flux de travail</translation>
    </message>
    <message>
        <source>Workflow input (JSON)</source>
        <translation>Entrée du flux (JSON)</translation>
    </message>
    <message>
        <source>Input as JSON</source>
        <translation>Entrée en JSON</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Lancée</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Exécution de %1…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <source>Failed at %1: %2</source>
        <translation>Échec à %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n étape</numerusform>
            <numerusform>%n étapes</numerusform>
        </translation>
    </message>
    <message>
        <source>The input must be a JSON object.</source>
        <translation>L’entrée doit être un objet JSON.</translation>
    </message>
    <message>
        <source>Not connected to the server; try again when the connection is back.</source>
        <translation>Non connecté au serveur ; réessayez quand la connexion sera rétablie.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation>&amp;Flux de travail</translation>
    </message>
    <message>
        <source>In&amp;put</source>
        <translation>&amp;Entrée</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <source>Workflow history</source>
        <translation>Historique des exécutions</translation>
    </message>
</context>
</TS>
