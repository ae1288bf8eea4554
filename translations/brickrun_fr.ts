<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Brickrun::AppController</name>
    <message>
        <source>Retrying %1 in %2 s (%3)</source>
        <translation>Nouvelle tentative de %1 dans %2 s (%3)</translation>
    </message>
    <message>
        <source>The run could not be cancelled: %1</source>
        <translation>Impossible d’annuler l’exécution&#xa0;: %1</translation>
    </message>
    <message>
        <source>History damaged</source>
        <translation>Historique endommagé</translation>
    </message>
    <message>
        <source>The run history could not be read, so a new one was started. The old file is kept at:
%1</source>
        <translation>L’historique des exécutions n’a pas pu être lu&#xa0;; un nouvel historique a donc été créé. L’ancien fichier est conservé ici&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Espace démo</translation>
    </message>
    <message>
        <source>The demo workspace could not start: %1</source>
        <translation>Impossible de démarrer l’espace de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo workspace is ready: try /Shared/Demo/hello on demo-cluster.</source>
        <translation>L’espace de démonstration est prêt&#xa0;: essayez /Shared/Demo/hello sur demo-cluster.</translation>
    </message>
    <message>
        <source>Cannot submit</source>
        <translation>Soumission impossible</translation>
    </message>
    <message>
        <source>The run could not be stored in the history: %1</source>
        <translation>Impossible d’enregistrer l’exécution dans l’historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Submitting %1…</source>
        <translation>Soumission de %1…</translation>
    </message>
    <message>
        <source>The preset&apos;s workspace &quot;%1&quot; is not set up here; the form keeps the workspace it had.</source>
        <translation>L’espace de travail «&#xa0;%1&#xa0;» du préréglage n’est pas configuré ici&#xa0;; le formulaire garde son espace de travail actuel.</translation>
    </message>
    <message>
        <source>Cannot run the preset</source>
        <translation>Impossible de lancer le préréglage</translation>
    </message>
    <message>
        <source>Choose a workspace first.</source>
        <translation>Choisissez d’abord un espace de travail.</translation>
    </message>
    <message>
        <source>The run history file is damaged (%1). Brickrun goes on with it for now; at the next start the file is set aside (kept, not deleted) and a new history is started.</source>
        <translation>Le fichier de l’historique des exécutions est endommagé (%1). Brickrun continue de l’utiliser pour l’instant ; au prochain démarrage, le fichier est mis de côté (conservé, pas supprimé) et un nouvel historique est commencé.</translation>
    </message>
    <message>
        <source>Opening the run history…</source>
        <translation>Ouverture de l’historique des exécutions…</translation>
    </message>
    <message>
        <source>To start: Workspace → Add workspace…, or Workspace → Try the demo workspace.</source>
        <translation>Pour commencer : Espace de travail → Ajouter un espace de travail…, ou Espace de travail → Essayer l’espace de démonstration.</translation>
    </message>
    <message>
        <source>The form holds the run again: check it and submit it (Ctrl+Return).</source>
        <translation>Le formulaire reprend l’exécution : vérifiez-la et soumettez-la (Ctrl+Entrée).</translation>
    </message>
</context>
<context>
    <name>Brickrun::ArgumentsList</name>
    <message>
        <source>The Python file&apos;s command-line arguments, in order (Ctrl+Up and Ctrl+Down move one)</source>
        <translation>Les arguments de ligne de commande du fichier Python, dans l’ordre (Ctrl+Haut et Ctrl+Bas en déplacent un)</translation>
    </message>
    <message>
        <source>Move the argument up (Ctrl+Up)</source>
        <translation>Monter l’argument (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move the argument down (Ctrl+Down)</source>
        <translation>Descendre l’argument (Ctrl+Bas)</translation>
    </message>
</context>
<context>
    <name>Brickrun::BrowserSignIn</name>
    <message numerus="yes">
        <source>No sign-in answer came from the browser within %n minute(s); sign in again.</source>
        <translation>
            <numerusform>Le navigateur n’a renvoyé aucune réponse de connexion en %n minute&#xa0;; reconnectez-vous.</numerusform>
            <numerusform>Le navigateur n’a renvoyé aucune réponse de connexion en %n minutes&#xa0;; reconnectez-vous.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>The ports %1 to %2 on this computer are all in use, and the workspace accepts browser sign-in answers only there; close what holds them (another sign-in, for example) and try again.</source>
        <translation>Les ports %1 à %2 de cet ordinateur sont tous occupés, et l’espace de travail n’accepte les réponses de connexion du navigateur que sur ces ports&#xa0;; fermez ce qui les occupe (une autre connexion, par exemple) et réessayez.</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Requête trop volumineuse</translation>
    </message>
    <message>
        <source>This request is too large.</source>
        <translation>Cette requête est trop volumineuse.</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Pas ici</translation>
    </message>
    <message>
        <source>Brickrun&apos;s sign-in listener answers only GET.</source>
        <translation>L’écouteur de connexion de Brickrun ne répond qu’aux requêtes GET.</translation>
    </message>
    <message>
        <source>This is Brickrun&apos;s sign-in listener; it waits for the workspace&apos;s answer.</source>
        <translation>Ceci est l’écouteur de connexion de Brickrun&#xa0;; il attend la réponse de l’espace de travail.</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>Déjà terminé</translation>
    </message>
    <message>
        <source>This sign-in is already over. You can close this tab.</source>
        <translation>Cette connexion est déjà terminée. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Brickrun started. Start the sign-in again from Brickrun.</source>
        <translation>Cette réponse ne correspond pas à la connexion lancée par Brickrun. Relancez la connexion depuis Brickrun.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer did not belong to this sign-in (its state did not match); nothing was signed in. Sign in again.</source>
        <translation>La réponse du navigateur n’appartenait pas à cette connexion (son paramètre state ne concordait pas)&#xa0;; aucune connexion n’a été établie. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The workspace did not sign you in: %1. You can close this tab.</source>
        <translation>L’espace de travail ne vous a pas connecté&#xa0;: %1. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>The sign-in was refused in the browser (%1).</source>
        <translation>La connexion a été refusée dans le navigateur (%1).</translation>
    </message>
    <message>
        <source>The workspace refused the sign-in: %1 (%2).</source>
        <translation>L’espace de travail a refusé la connexion&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>The workspace&apos;s answer carries no authorization code.</source>
        <translation>La réponse de l’espace de travail ne contient aucun code d’autorisation.</translation>
    </message>
    <message>
        <source>The workspace&apos;s answer carried no authorization code; sign in again.</source>
        <translation>La réponse de l’espace de travail ne contenait aucun code d’autorisation&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Brickrun is signed in to %1. You can close this tab.</source>
        <translation>Brickrun est connecté à %1. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>The workspace did not accept the sign-in: %1</source>
        <translation>L’espace de travail n’a pas accepté la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>The workspace signed you in without a refresh token, so Brickrun could not stay signed in; sign in again.</source>
        <translation>L’espace de travail vous a connecté sans jeton d’actualisation, Brickrun n’a donc pas pu rester connecté&#xa0;; reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>Brickrun::BrowserSignInRow</name>
    <message>
        <source>open the sign-in page</source>
        <translation>ouvrez la page de connexion</translation>
    </message>
    <message>
        <source>Waiting for the browser… If no browser window appeared, %1.</source>
        <translation>En attente du navigateur… Si aucune fenêtre de navigateur ne s’est ouverte, %1.</translation>
    </message>
    <message>
        <source>No browser could be opened: %1 in a browser on this computer.</source>
        <translation>Impossible d’ouvrir un navigateur&#xa0;: %1 dans un navigateur sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Finishing the sign-in…</source>
        <translation>Finalisation de la connexion…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Signed in; asking the workspace who you are…</source>
        <translation>Connecté&#xa0;; interrogation de l’espace de travail sur votre identité…</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Reading the workspace&apos;s sign-in settings…</source>
        <translation>Lecture des paramètres de connexion de l’espace de travail…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation>(utilisateur sans nom)</translation>
    </message>
    <message>
        <source>Not signed in yet.</source>
        <translation>Pas encore connecté.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
</context>
<context>
    <name>Brickrun::ClusterPicker</name>
    <message>
        <source>Type a name or id, or pick from the list</source>
        <translation>Saisissez un nom ou un identifiant, ou choisissez dans la liste</translation>
    </message>
    <message>
        <source>Show the workspace&apos;s clusters (Alt+Down)</source>
        <translation>Afficher les clusters de l’espace de travail (Alt+Bas)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Load the list of clusters again</source>
        <translation>Recharger la liste des clusters</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Loading clusters…</source>
        <translation>Chargement des clusters…</translation>
    </message>
    <message>
        <source>The clusters could not be listed: %1</source>
        <translation>Impossible de lister les clusters&#xa0;: %1</translation>
    </message>
    <message>
        <source>This workspace has no all-purpose clusters; type a cluster id.</source>
        <translation>Cet espace de travail n’a aucun cluster polyvalent&#xa0;; saisissez un identifiant de cluster.</translation>
    </message>
    <message>
        <source>%1 (recently used)</source>
        <translation>%1 (utilisé récemment)</translation>
    </message>
    <message>
        <source>Choose a workspace to list its clusters.</source>
        <translation>Choisissez un espace de travail pour lister ses clusters.</translation>
    </message>
    <message>
        <source>%1 is stopped: the run will wait for it to start.</source>
        <translation>%1 est arrêté&#xa0;: l’exécution attendra son démarrage.</translation>
    </message>
    <message>
        <source>%1 is starting: the run will wait for it.</source>
        <translation>%1 est en cours de démarrage&#xa0;: l’exécution l’attendra.</translation>
    </message>
    <message>
        <source>%1 is in an error state: %2</source>
        <translation>%1 est en erreur&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::ComputeApi</name>
    <message>
        <source>%1 · %2 cores · %3 GB</source>
        <translation>%1 · %2 cœurs · %3 Go</translation>
    </message>
</context>
<context>
    <name>Brickrun::ComputeChooser</name>
    <message>
        <source>&amp;Compute:</source>
        <translation>Où e&amp;xécuter :</translation>
    </message>
    <message>
        <source>Where the task runs: a cluster that is already there, serverless compute, or a cluster made for this run and ended with it</source>
        <translation>Où la tâche s’exécute : sur un cluster existant, sur du calcul serverless, ou sur un cluster créé pour cette exécution et arrêté avec elle</translation>
    </message>
    <message>
        <source>Existing cluster</source>
        <translation>Cluster existant</translation>
    </message>
    <message>
        <source>Serverless</source>
        <translation>Serverless</translation>
    </message>
    <message>
        <source>New job cluster</source>
        <translation>Nouveau cluster de job</translation>
    </message>
    <message>
        <source>C&amp;luster:</source>
        <translation>Cl&amp;uster :</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environnement :</translation>
    </message>
    <message>
        <source>The serverless environment version (its Python and libraries); empty: the service&apos;s default, or version 4 when the task needs an environment</source>
        <translation>La version de l’environnement serverless (son Python et ses bibliothèques) ; vide : celle du service par défaut, ou la version 4 quand la tâche a besoin d’un environnement</translation>
    </message>
    <message>
        <source>Dependencies:</source>
        <translation>Dépendances :</translation>
    </message>
    <message>
        <source>pip requirements installed before the task runs, one per line (e.g. pandas==2.2.3)</source>
        <translation>Exigences pip installées avant l’exécution de la tâche, une par ligne (p. ex. pandas==2.2.3)</translation>
    </message>
    <message>
        <source>Runtime:</source>
        <translation>Runtime :</translation>
    </message>
    <message>
        <source>The Databricks Runtime of the new cluster (long-term support versions first)</source>
        <translation>Le Databricks Runtime du nouveau cluster (versions à support long terme d’abord)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the workspace&apos;s runtimes and node types again</source>
        <translation>Relire les runtimes et les types de nœuds de l’espace de travail</translation>
    </message>
    <message>
        <source>Node type:</source>
        <translation>Type de nœud :</translation>
    </message>
    <message>
        <source>The virtual machine of the driver and of each worker</source>
        <translation>La machine virtuelle du driver et de chaque worker</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Workers :</translation>
    </message>
    <message>
        <source>How many workers besides the driver; 0 makes a single-node cluster</source>
        <translation>Combien de workers en plus du driver ; 0 donne un cluster à nœud unique</translation>
    </message>
    <message>
        <source>0 (single node)</source>
        <translation>0 (nœud unique)</translation>
    </message>
    <message>
        <source>The fewest workers the cluster scales down to</source>
        <translation>Le nombre minimal de workers du cluster</translation>
    </message>
    <message>
        <source>The most workers the cluster scales up to</source>
        <translation>Le nombre maximal de workers du cluster</translation>
    </message>
    <message>
        <source>Autoscale</source>
        <translation>Mise à l’échelle auto</translation>
    </message>
    <message>
        <source>Let the service add and remove workers between a least and a most number</source>
        <translation>Laisser le service ajouter et retirer des workers entre un minimum et un maximum</translation>
    </message>
    <message>
        <source>Photon</source>
        <translation>Photon</translation>
    </message>
    <message>
        <source>Run the cluster with the Photon engine (faster for SQL and DataFrames, billed higher)</source>
        <translation>Exécuter le cluster avec le moteur Photon (plus rapide pour SQL et les DataFrames, facturé plus cher)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>e.g. pandas==2.2.3
requests</source>
        <translation>p. ex. pandas==2.2.3
requests</translation>
    </message>
    <message>
        <source>Workers (min–max):</source>
        <translation>Workers (min–max) :</translation>
    </message>
    <message>
        <source>Loading the workspace&apos;s runtimes and node types…</source>
        <translation>Chargement des runtimes et des types de nœuds de l’espace de travail…</translation>
    </message>
    <message>
        <source>The runtimes and node types are read once the workspace is connected.</source>
        <translation>Les runtimes et les types de nœuds sont lus dès que l’espace de travail est connecté.</translation>
    </message>
    <message>
        <source>The runtimes could not be read: %1</source>
        <translation>Les runtimes n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>The node types could not be read: %1</source>
        <translation>Les types de nœuds n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (obsolète)</translation>
    </message>
</context>
<context>
    <name>Brickrun::ComputeSpec</name>
    <message>
        <source>Serverless</source>
        <translation>Serverless</translation>
    </message>
    <message>
        <source>env %1</source>
        <translation>env. %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::ConnectionRegistry</name>
    <message>
        <source>There is no workspace profile named &quot;%1&quot;.</source>
        <translation>Aucun profil d’espace de travail ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; is not signed in: %2 (Workspace → Edit workspace…).</source>
        <translation>L’espace de travail «&#xa0;%1&#xa0;» n’est pas connecté&#xa0;: %2 (Espace de travail → Modifier l’espace de travail…).</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; cannot be used: %2.</source>
        <translation>L’espace de travail «&#xa0;%1&#xa0;» ne peut pas être utilisé&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Brickrun::ConnectionTester</name>
    <message>
        <source>Asking %1…</source>
        <translation>Interrogation de %1…</translation>
    </message>
    <message>
        <source>No secret is stored for this profile (no keychain is running); enter it to test it.</source>
        <translation>Aucun secret n’est enregistré pour ce profil (aucun trousseau n’est en service)&#xa0;; saisissez-le pour le tester.</translation>
    </message>
    <message>
        <source>This profile is not signed in; sign in to test it.</source>
        <translation>Ce profil n’est pas connecté&#xa0;; connectez-vous pour le tester.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile; enter one to test it.</source>
        <translation>Aucun secret n’est enregistré pour ce profil&#xa0;; saisissez-en un pour le tester.</translation>
    </message>
    <message>
        <source>Sign-in method: %1.</source>
        <translation>Méthode de connexion&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The access token is valid until %1.</source>
        <translation>Le jeton d’accès est valide jusqu’au %1.</translation>
    </message>
</context>
<context>
    <name>Brickrun::DemoSession</name>
    <message>
        <source>The demo workspace is not running.</source>
        <translation>L’espace de travail de démonstration n’est pas lancé.</translation>
    </message>
</context>
<context>
    <name>Brickrun::DemoWorkspaceLoader</name>
    <message>
        <source>its module cannot be loaded (%1)</source>
        <translation>son module ne peut pas être chargé (%1)</translation>
    </message>
</context>
<context>
    <name>Brickrun::DesktopNotifications</name>
    <message>
        <source>there is no D-Bus session bus</source>
        <translation>il n’y a pas de bus de session D-Bus</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>Brickrun::DurationTrendWidget</name>
    <message>
        <source>Duration trend of this notebook</source>
        <translation>Évolution de la durée de ce notebook</translation>
    </message>
    <message>
        <source>Duration: no earlier run of this notebook has ended</source>
        <translation>Durée&#xa0;: aucune exécution précédente de ce notebook n’est terminée</translation>
    </message>
    <message>
        <source>Duration of this notebook&apos;s runs (last %1)</source>
        <translation>Durée des exécutions de ce notebook (%1 dernières)</translation>
    </message>
    <message>
        <source>dashed: expected %1</source>
        <translation>tirets&#xa0;: attendu %1</translation>
    </message>
    <message>
        <source>this run: %1 so far</source>
        <translation>cette exécution&#xa0;: %1 jusqu’ici</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1&#xa0;: %2, %3</translation>
    </message>
    <message>
        <source>This run: %1 so far</source>
        <translation>Cette exécution&#xa0;: %1 jusqu’ici</translation>
    </message>
    <message>
        <source>No earlier run of this notebook has ended.</source>
        <translation>Aucune exécution précédente de ce notebook n’est terminée.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This notebook&apos;s last runs (%1), oldest first: %2.</source>
        <translation>Les dernières exécutions de ce notebook (%1), de la plus ancienne à la plus récente&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Expected: %1, give or take %2 (from %3 successful runs).</source>
        <translation>Attendu&#xa0;: %1, à %2 près (d’après %3 exécutions réussies).</translation>
    </message>
    <message>
        <source>This run: %1 so far.</source>
        <translation>Cette exécution&#xa0;: %1 jusqu’ici.</translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryActions</name>
    <message>
        <source>Exported 1 run to %1.</source>
        <translation>1 exécution exportée vers %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln runs to %1.</source>
        <translation>
            <numerusform>%Ln exécution exportée vers %1.</numerusform>
            <numerusform>%Ln exécutions exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>Exporter les exécutions</translation>
    </message>
    <message>
        <source>The runs could not be exported: %1</source>
        <translation>Impossible d’exporter les exécutions&#xa0;: %1</translation>
    </message>
    <message>
        <source>An export is still being written.</source>
        <translation>Une exportation est encore en cours d’écriture.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n run(s)…</source>
        <translation>
            <numerusform>Exportation de %n exécution…</numerusform>
            <numerusform>Exportation de %n exécutions…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Supprimer des exécutions</translation>
    </message>
    <message>
        <source>Active runs are not deleted: cancel them or let them end first.</source>
        <translation>Les exécutions actives ne sont pas supprimées&#xa0;: annulez-les ou laissez-les d’abord se terminer.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) from the history?</source>
        <translation>
            <numerusform>Supprimer %n exécution de l’historique&#xa0;?</numerusform>
            <numerusform>Supprimer %n exécutions de l’historique&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their output goes with them. The workspace itself is not changed.</source>
        <translation>Leurs sorties sont supprimées avec elles. L’espace de travail lui-même n’est pas modifié.</translation>
    </message>
    <message numerus="yes">
        <source>%n active run(s) in the selection are kept.</source>
        <translation>
            <numerusform>%n exécution active de la sélection est conservée.</numerusform>
            <numerusform>%n exécutions actives de la sélection sont conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The runs could not be deleted (see the log).</source>
        <translation>Impossible de supprimer les exécutions (voir le journal).</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n run(s).</source>
        <translation>
            <numerusform>%n exécution supprimée.</numerusform>
            <numerusform>%n exécutions supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete old runs</source>
        <translation>Supprimer les anciennes exécutions</translation>
    </message>
    <message>
        <source>Delete the runs submitted more than this many days ago
(active runs are kept):</source>
        <translation>Supprimer les exécutions soumises il y a plus de ce nombre de jours
(les exécutions actives sont conservées)&#xa0;:</translation>
    </message>
    <message>
        <source>No ended run was submitted before %1.</source>
        <translation>Aucune exécution terminée n’a été soumise avant le %1.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) submitted before %1?</source>
        <translation>
            <numerusform>Supprimer %n exécution soumise avant le %1&#xa0;?</numerusform>
            <numerusform>Supprimer %n exécutions soumises avant le %1&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their output goes with them. Active runs are kept.</source>
        <translation>Leurs sorties sont supprimées avec elles. Les exécutions actives sont conservées.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n old run(s).</source>
        <translation>
            <numerusform>%n ancienne exécution supprimée.</numerusform>
            <numerusform>%n anciennes exécutions supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import from workspace</source>
        <translation>Importer depuis l’espace de travail</translation>
    </message>
    <message>
        <source>Add a workspace (or try the demo) first.</source>
        <translation>Ajoutez d’abord un espace de travail (ou essayez la démo).</translation>
    </message>
    <message>
        <source>the demo workspace</source>
        <translation>l’espace de démonstration</translation>
    </message>
    <message>
        <source>1 new run imported.</source>
        <translation>1 nouvelle exécution importée.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new runs imported.</source>
        <translation>
            <numerusform>%Ln nouvelle exécution importée.</numerusform>
            <numerusform>%Ln nouvelles exécutions importées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryFilterBar</name>
    <message>
        <source>Filter runs</source>
        <translation>Filtrer les exécutions</translation>
    </message>
    <message>
        <source>Search runs (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search runs</source>
        <translation>Rechercher des exécutions</translation>
    </message>
    <message>
        <source>Show the runs of one workspace</source>
        <translation>Afficher les exécutions d’un espace de travail</translation>
    </message>
    <message>
        <source>Workspace filter</source>
        <translation>Filtre d’espace de travail</translation>
    </message>
    <message>
        <source>Show runs by state</source>
        <translation>Afficher les exécutions selon leur état</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Filtre d’état</translation>
    </message>
    <message>
        <source>Show runs submitted in this time</source>
        <translation>Afficher les exécutions soumises pendant cette période</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Filtre de période</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>Tous les espaces</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>Non réussies</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Autre période…</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 exécution</translation>
    </message>
    <message numerus="yes">
        <source>%Ln runs</source>
        <translation>
            <numerusform>%Ln exécution</numerusform>
            <numerusform>%Ln exécutions</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading runs…</source>
        <translation>Lecture des exécutions…</translation>
    </message>
    <message>
        <source>Search run name, notebook, run ID and parameter values</source>
        <translation>Rechercher dans le nom de l’exécution, le notebook, l’ID d’exécution et les valeurs des paramètres</translation>
    </message>
</context>
<context>
    <name>Brickrun::ImportRunsDialog</name>
    <message>
        <source>Import runs from the workspace</source>
        <translation>Importer les exécutions de l’espace de travail</translation>
    </message>
    <message>
        <source>Reading the one-time runs of %1…
%2 read, %3 new.</source>
        <translation>Lecture des exécutions ponctuelles de %1…
%2 lues, %3 nouvelles.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. %n new run(s) imported before that.</source>
        <translation>
            <numerusform>Annulé. %n nouvelle exécution avait été importée auparavant.</numerusform>
            <numerusform>Annulé. %n nouvelles exécutions avaient été importées auparavant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace could not be read: %1
%n new run(s) imported before that.</source>
        <translation>
            <numerusform>Impossible de lire l’espace de travail&#xa0;: %1
%n nouvelle exécution avait été importée auparavant.</numerusform>
            <numerusform>Impossible de lire l’espace de travail&#xa0;: %1
%n nouvelles exécutions avaient été importées auparavant.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new run imported (%1 read; the others were in the history already).</source>
        <translation>1 nouvelle exécution importée (%1 lues&#xa0;; les autres figuraient déjà dans l’historique).</translation>
    </message>
    <message>
        <source>%1 new runs imported (%2 read; the others were in the history already).</source>
        <translation>%1 nouvelles exécutions importées (%2 lues&#xa0;; les autres figuraient déjà dans l’historique).</translation>
    </message>
</context>
<context>
    <name>Brickrun::MainWindow</name>
    <message>
        <source>Brickrun</source>
        <translation>Brickrun</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécution</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>Espace de &amp;travail</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;New run</source>
        <translation>&amp;Nouvelle exécution</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Submit run</source>
        <translation>&amp;Soumettre l’exécution</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Cancel run…</source>
        <translation>&amp;Annuler l’exécution…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Open run &amp;page in browser</source>
        <translation>Ouvrir la &amp;page de l’exécution dans le navigateur</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Go to runs</source>
        <translation>Aller à la &amp;liste des exécutions</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Add workspace…</source>
        <translation>&amp;Ajouter un espace de travail…</translation>
    </message>
    <message>
        <source>&amp;Edit workspace…</source>
        <translation>&amp;Modifier l’espace de travail…</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>Essayer l’espace de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Brickrun</source>
        <translation>À &amp;propos de Brickrun</translation>
    </message>
    <message>
        <source>About Brickrun</source>
        <translation>À propos de Brickrun</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Brickrun %1&lt;/h3&gt;&lt;p&gt;Run Azure Databricks notebooks from the desktop: submit, watch, read the output.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Brickrun %1&lt;/h3&gt;&lt;p&gt;Exécuter des notebooks Azure Databricks depuis le bureau&#xa0;: soumettre, suivre, lire la sortie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>Préré&amp;glages</translation>
    </message>
    <message>
        <source>&amp;Find runs</source>
        <translation>&amp;Rechercher des exécutions</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Export runs…</source>
        <translation>&amp;Exporter les exécutions…</translation>
    </message>
    <message>
        <source>Export the runs the filter shows to a CSV or JSON file</source>
        <translation>Exporter les exécutions affichées par le filtre dans un fichier CSV ou JSON</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Import from workspace…</source>
        <translation>&amp;Importer depuis l’espace de travail…</translation>
    </message>
    <message>
        <source>Add the one-time runs of the workspace that the history does not have yet</source>
        <translation>Ajouter les exécutions ponctuelles de l’espace de travail qui ne figurent pas encore dans l’historique</translation>
    </message>
    <message>
        <source>&amp;Delete selected runs…</source>
        <translation>&amp;Supprimer les exécutions sélectionnées…</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Delete runs &amp;older than…</source>
        <translation>Supprimer les exécutions &amp;antérieures à…</translation>
    </message>
    <message>
        <source>Notify when a run &amp;ends</source>
        <translation>&amp;Notifier à la fin d’une exécution</translation>
    </message>
    <message>
        <source>Announce a run that ends while Brickrun&apos;s window is in the background</source>
        <translation>Annoncer une exécution qui se termine pendant que la fenêtre de Brickrun est en arrière-plan</translation>
    </message>
    <message>
        <source>Team presets</source>
        <translation>Préréglages d’équipe</translation>
    </message>
    <message>
        <source>&amp;Team presets</source>
        <translation>Préréglages d’é&amp;quipe</translation>
    </message>
</context>
<context>
    <name>Brickrun::NoKeychainNotice</name>
    <message>
        <source>No keychain to keep the secret</source>
        <translation>Aucun trousseau pour garder le secret</translation>
    </message>
    <message>
        <source>Use for this session &amp;only</source>
        <translation>Utiliser pour cette sessi&amp;on seulement</translation>
    </message>
    <message>
        <source>The secret stays in memory until Brickrun quits. The profile is saved without it and asks for it again next time.</source>
        <translation>Le secret reste en mémoire jusqu’à la fermeture de Brickrun. Le profil est enregistré sans lui et le redemandera la prochaine fois.</translation>
    </message>
    <message>
        <source>Detai&amp;ls</source>
        <translation>&amp;Détails</translation>
    </message>
</context>
<context>
    <name>Brickrun::NotebookBrowser</name>
    <message>
        <source>Choose a notebook</source>
        <translation>Choisir un notebook</translation>
    </message>
    <message>
        <source>Filter the opened folders</source>
        <translation>Filtrer les dossiers ouverts</translation>
    </message>
    <message>
        <source>Choose a workspace first.</source>
        <translation>Choisissez d’abord un espace de travail.</translation>
    </message>
    <message>
        <source>Loading the workspace…</source>
        <translation>Chargement de l’espace de travail…</translation>
    </message>
    <message>
        <source>Your home folder is not known: %1</source>
        <translation>Votre dossier personnel est inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a Python file</source>
        <translation>Choisir un fichier Python</translation>
    </message>
</context>
<context>
    <name>Brickrun::NotebookWidgetsLoader</name>
    <message>
        <source>Reading the notebook&apos;s widgets…</source>
        <translation>Lecture des widgets du notebook…</translation>
    </message>
    <message>
        <source>The notebook&apos;s widgets could not be read: %1</source>
        <translation>Les widgets du notebook n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>The notebook defines no widgets Brickrun can read.</source>
        <translation>Le notebook ne définit aucun widget que Brickrun sache lire.</translation>
    </message>
    <message numerus="yes">
        <source>%n parameter(s) from the notebook&apos;s widgets.</source>
        <translation>
            <numerusform>%n paramètre tiré des widgets du notebook.</numerusform>
            <numerusform>%n paramètres tirés des widgets du notebook.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n widget(s) made in a loop or computed when the notebook runs were left out.</source>
        <translation>
            <numerusform>%n widget créé dans une boucle ou calculé à l’exécution a été laissé de côté.</numerusform>
            <numerusform>%n widgets créés dans une boucle ou calculés à l’exécution ont été laissés de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>The notebook is long: only its beginning was read.</source>
        <translation>Le notebook est long : seul son début a été lu.</translation>
    </message>
    <message>
        <source>you may not read its source (403 %1).</source>
        <translation>vous n’avez pas le droit de lire sa source (403 %1).</translation>
    </message>
    <message>
        <source>the workspace has no such notebook.</source>
        <translation>le workspace n’a pas ce notebook.</translation>
    </message>
    <message>
        <source>its source is larger than %1 MB.</source>
        <translation>sa source dépasse %1 Mo.</translation>
    </message>
</context>
<context>
    <name>Brickrun::ParameterValueDelegate</name>
    <message>
        <source>Value of %1</source>
        <translation>Valeur de %1</translation>
    </message>
    <message>
        <source>One or more of the choices, separated by commas</source>
        <translation>Un ou plusieurs des choix, séparés par des virgules</translation>
    </message>
</context>
<context>
    <name>Brickrun::ParametersTable</name>
    <message>
        <source>Default: %1
Choices: %2</source>
        <translation>Par défaut : %1
Choix : %2</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Par défaut : %1</translation>
    </message>
    <message>
        <source>dropdown</source>
        <translation>liste déroulante</translation>
    </message>
    <message>
        <source>combo box</source>
        <translation>liste modifiable</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>choix multiple</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>Notebook widget: %1 (%2)</source>
        <translation>Widget du notebook : %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Brickrun::PresetsBar</name>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>Choose a preset to fill the form with it (Ctrl+P)</source>
        <translation>Choisir un préréglage pour remplir le formulaire (Ctrl+P)</translation>
    </message>
    <message>
        <source>No preset</source>
        <translation>Aucun préréglage</translation>
    </message>
    <message>
        <source>Run the chosen preset as saved, on its workspace (Ctrl+Shift+Return)</source>
        <translation>Lancer le préréglage choisi tel qu’il est enregistré, sur son espace de travail (Ctrl+Maj+Retour)</translation>
    </message>
    <message>
        <source>Save, rename, duplicate, delete, export and import presets</source>
        <translation>Enregistrer, renommer, dupliquer, supprimer, exporter et importer des préréglages</translation>
    </message>
    <message>
        <source>Preset actions</source>
        <translation>Actions sur les préréglages</translation>
    </message>
    <message>
        <source>&amp;Save form as preset…</source>
        <translation>&amp;Enregistrer le formulaire comme préréglage…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Choose preset…</source>
        <translation>&amp;Choisir un préréglage…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>Re&amp;name preset…</source>
        <translation>&amp;Renommer le préréglage…</translation>
    </message>
    <message>
        <source>&amp;Duplicate preset</source>
        <translation>&amp;Dupliquer le préréglage</translation>
    </message>
    <message>
        <source>De&amp;lete preset…</source>
        <translation>&amp;Supprimer le préréglage…</translation>
    </message>
    <message>
        <source>&amp;Export preset…</source>
        <translation>E&amp;xporter le préréglage…</translation>
    </message>
    <message>
        <source>&amp;Import presets…</source>
        <translation>&amp;Importer des préréglages…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;un preset</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; is no longer there.</source>
        <translation>Le préréglage «&#xa0;%1&#xa0;» n’existe plus.</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <source>Save the form as a preset named:</source>
        <translation>Enregistrer le formulaire comme préréglage nommé&#xa0;:</translation>
    </message>
    <message>
        <source>Replace preset</source>
        <translation>Remplacer le préréglage</translation>
    </message>
    <message>
        <source>A preset named &quot;%1&quot; exists. Replace it with the form?</source>
        <translation>Un préréglage nommé «&#xa0;%1&#xa0;» existe déjà. Le remplacer par le formulaire&#xa0;?</translation>
    </message>
    <message>
        <source>The preset could not be saved: %1</source>
        <translation>Impossible d’enregistrer le préréglage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved the preset &quot;%1&quot;.</source>
        <translation>Préréglage «&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Renommer le préréglage</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Nouveau nom de «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>The preset could not be renamed: %1</source>
        <translation>Impossible de renommer le préréglage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Duplicate preset</source>
        <translation>Dupliquer le préréglage</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; could not be duplicated.</source>
        <translation>Impossible de dupliquer le préréglage «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Duplicated &quot;%1&quot; as &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» dupliqué sous le nom «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Supprimer le préréglage</translation>
    </message>
    <message>
        <source>Delete the preset &quot;%1&quot;?</source>
        <translation>Supprimer le préréglage «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; could not be deleted.</source>
        <translation>Impossible de supprimer le préréglage «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Export preset</source>
        <translation>Exporter le préréglage</translation>
    </message>
    <message>
        <source>Brickrun presets (*.json);;All files (*)</source>
        <translation>Préréglages Brickrun (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The preset could not be exported: %1</source>
        <translation>Impossible d’exporter le préréglage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>«&#xa0;%1&#xa0;» exporté vers %2.</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>Importer des préréglages</translation>
    </message>
    <message>
        <source>Nothing was imported from %1:</source>
        <translation>Rien n’a été importé depuis %1&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n preset(s): %1</source>
        <translation>
            <numerusform>%n préréglage importé&#xa0;: %1</numerusform>
            <numerusform>%n préréglages importés&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Gérer</translation>
    </message>
    <message>
        <source>Brickrun presets (*.json);;Arazzo workflows (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Préréglages Brickrun (*.json);;Workflows Arazzo (*.yaml *.yml *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Imported the workflow %1 as the preset &quot;%2&quot;.</source>
        <translation>Workflow %1 importé comme préréglage « %2 ».</translation>
    </message>
</context>
<context>
    <name>Brickrun::ProfileDialog</name>
    <message>
        <source>Workspace Profile</source>
        <translation>Profil d’espace de travail</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. prod or analytics-dev</source>
        <translation>p.&#xa0;ex. prod ou analytics-dev</translation>
    </message>
    <message>
        <source>Workspace &amp;URL:</source>
        <translation>&amp;URL de l’espace de travail&#xa0;:</translation>
    </message>
    <message>
        <source>https://adb-1234567890123456.7.azuredatabricks.net</source>
        <translation>https://adb-1234567890123456.7.azuredatabricks.net</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Personal access token (dapi…)</source>
        <translation>Jeton d’accès personnel (dapi…)</translation>
    </message>
    <message>
        <source>Default clu&amp;ster:</source>
        <translation>&amp;Cluster par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Optional, e.g. 0123-456789-abcdefgh</source>
        <translation>Facultatif, p.&#xa0;ex. 0123-456789-abcdefgh</translation>
    </message>
    <message>
        <source>C&amp;A certificates:</source>
        <translation>Certificats d’&amp;AC&#xa0;:</translation>
    </message>
    <message>
        <source>Optional PEM file, for a company certificate authority</source>
        <translation>Facultatif, fichier PEM d’une AC d’entreprise</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Test de la connexion en cours</translation>
    </message>
    <message>
        <source>Edit Workspace “%1”</source>
        <translation>Modifier l’espace de travail «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Stored in the keychain; leave empty to keep it</source>
        <translation>Enregistré dans le trousseau&#xa0;; laissez vide pour le conserver</translation>
    </message>
    <message>
        <source>Add Workspace</source>
        <translation>Ajouter un espace de travail</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>A new profile needs a personal access token (in the workspace: Settings → Developer → Access tokens).</source>
        <translation>Un nouveau profil nécessite un jeton d’accès personnel (dans l’espace de travail&#xa0;: Paramètres → Développeur → Jetons d’accès).</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>Choose CA Certificates</source>
        <translation>Choisir les certificats d’AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>A profile remembers one Azure Databricks workspace. Its secrets (token, refresh token or client secret) are kept in your system&apos;s keychain, never in a file.</source>
        <translation>Un profil mémorise un espace de travail Azure Databricks. Ses secrets (jeton, jeton d’actualisation ou secret client) sont conservés dans le trousseau de votre système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Sign &amp;in with:</source>
        <translation>&amp;Se connecter avec&#xa0;:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>&amp;ID client&#xa0;:</translation>
    </message>
    <message>
        <source>The service principal&apos;s application (client) id</source>
        <translation>ID d’application (client) du principal de service</translation>
    </message>
    <message>
        <source>Entra ID tenant id</source>
        <translation>ID de locataire Entra ID</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Browser (OAuth)</source>
        <translation>Browser (OAuth)</translation>
    </message>
    <message>
        <source>Azure CLI</source>
        <translation>Azure CLI</translation>
    </message>
    <message>
        <source>Service principal (OAuth client secret)</source>
        <translation>Principal de service (secret client OAuth)</translation>
    </message>
    <message>
        <source>Azure service principal (Entra ID client secret)</source>
        <translation>Principal de service Azure (secret client Entra ID)</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Jeton d’accès personnel</translation>
    </message>
    <message>
        <source>The name cannot change: the secrets are stored in the keychain under it.</source>
        <translation>Le nom ne peut pas être modifié&#xa0;: les secrets sont enregistrés sous ce nom dans le trousseau.</translation>
    </message>
    <message>
        <source>The service principal&apos;s OAuth secret</source>
        <translation>Secret OAuth du principal de service</translation>
    </message>
    <message>
        <source>Optional: the tenant az should sign in to</source>
        <translation>Facultatif&#xa0;: le locataire auquel az doit se connecter</translation>
    </message>
    <message>
        <source>Brickrun uses the account you signed in with “az login”; it stores no secret of its own.</source>
        <translation>Brickrun utilise le compte avec lequel vous vous êtes connecté via «&#xa0;az login&#xa0;»&#xa0;; il n’enregistre aucun secret qui lui soit propre.</translation>
    </message>
    <message>
        <source>The workspace changed: enter its token. The stored one stays with the old workspace and is removed.</source>
        <translation>L’espace de travail a changé&#xa0;: saisissez son jeton. Celui qui est enregistré appartient à l’ancien espace de travail et sera supprimé.</translation>
    </message>
    <message>
        <source>A service principal is named by its application (client) id.</source>
        <translation>Un principal de service est désigné par son ID d’application (client).</translation>
    </message>
    <message>
        <source>Entra ID needs the tenant id.</source>
        <translation>Entra ID a besoin de l’ID de locataire.</translation>
    </message>
    <message>
        <source>Enter the service principal&apos;s client secret.</source>
        <translation>Saisissez le secret client du principal de service.</translation>
    </message>
    <message>
        <source>A secret has no spaces or line breaks; copy it again.</source>
        <translation>Un secret ne contient ni espaces ni sauts de ligne&#xa0;; copiez-le à nouveau.</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locataire&#xa0;:</translation>
    </message>
    <message>
        <source>Client sec&amp;ret:</source>
        <translation>Secr&amp;et client&#xa0;:</translation>
    </message>
    <message>
        <source>Kept for this session only; leave empty to keep it</source>
        <translation>Gardé pour cette session seulement&#xa0;; laissez vide pour le conserver</translation>
    </message>
</context>
<context>
    <name>Brickrun::ProfileSaver</name>
    <message>
        <source>The old secrets could not be removed from the keychain, so nothing was saved: %1</source>
        <translation>Les anciens secrets n’ont pas pu être supprimés du trousseau, rien n’a donc été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The secret could not be stored in the keychain, so nothing was saved: %1</source>
        <translation>Le secret n’a pas pu être enregistré dans le trousseau, rien n’a donc été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The secret cannot be kept for this session either, so nothing was saved.</source>
        <translation>Le secret ne peut pas non plus être gardé pour cette session, donc rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Impossible d’enregistrer le profil&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::QuitConfirmation</name>
    <message>
        <source>Runs are still active</source>
        <translation>Des exécutions sont encore actives</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) are still active.</source>
        <translation>
            <numerusform>%n exécution est encore active.</numerusform>
            <numerusform>%n exécutions sont encore actives.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them running: they go on at Databricks and Brickrun follows them again at the next start. Or cancel them now.</source>
        <translation>Laissez-les continuer&#xa0;: elles se poursuivent chez Databricks et Brickrun les suivra de nouveau au prochain démarrage. Ou annulez-les maintenant.</translation>
    </message>
    <message>
        <source>&amp;Keep running and quit</source>
        <translation>&amp;Laisser continuer et quitter</translation>
    </message>
    <message>
        <source>&amp;Cancel runs and quit</source>
        <translation>&amp;Annuler les exécutions et quitter</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t quit</source>
        <translation>&amp;Ne pas quitter</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n run(s)…</source>
        <translation>
            <numerusform>Annulation de %n exécution…</numerusform>
            <numerusform>Annulation de %n exécutions…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::ResultTable</name>
    <message>
        <source>Element %1 of the JSON array is not an object.</source>
        <translation>L’élément %1 du tableau JSON n’est pas un objet.</translation>
    </message>
    <message>
        <source>The result is a JSON array of arrays, not of objects.</source>
        <translation>Le résultat est un tableau JSON de tableaux, et non d’objets.</translation>
    </message>
    <message>
        <source>The result is a JSON array of plain values, not of objects.</source>
        <translation>Le résultat est un tableau JSON de valeurs simples, et non d’objets.</translation>
    </message>
    <message>
        <source>The result is a JSON array of empty objects.</source>
        <translation>Le résultat est un tableau JSON d’objets vides.</translation>
    </message>
    <message>
        <source>The result is a JSON object whose values are not all arrays (&quot;%1&quot; is not).</source>
        <translation>Le résultat est un objet JSON dont les valeurs ne sont pas toutes des tableaux («&#xa0;%1&#xa0;» n’en est pas un).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>The result is empty.</source>
        <translation>Le résultat est vide.</translation>
    </message>
    <message>
        <source>The result is an empty JSON array.</source>
        <translation>Le résultat est un tableau JSON vide.</translation>
    </message>
    <message>
        <source>The result is an empty JSON object.</source>
        <translation>Le résultat est un objet JSON vide.</translation>
    </message>
    <message>
        <source>The result is a single JSON value, not records.</source>
        <translation>Le résultat est une valeur JSON isolée, pas une liste d’enregistrements.</translation>
    </message>
    <message>
        <source>The result is plain text, not JSON.</source>
        <translation>Le résultat est du texte brut, pas du JSON.</translation>
    </message>
    <message>
        <source>The result is JSON that ends early, as when the service cuts a result at 5 MB.</source>
        <translation>Le résultat est du JSON qui s’arrête trop tôt, comme lorsque le service tronque un résultat à 5&#xa0;Mo.</translation>
    </message>
    <message>
        <source>The result is not valid JSON (error at character %1).</source>
        <translation>Le résultat n’est pas du JSON valide (erreur au caractère %1).</translation>
    </message>
</context>
<context>
    <name>Brickrun::ResultTableModel</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunDetailsPanel</name>
    <message>
        <source>Run details</source>
        <translation>Détails de l’exécution</translation>
    </message>
    <message>
        <source>Select a run to see its state, timings and output.</source>
        <translation>Sélectionnez une exécution pour voir son état, ses horaires et sa sortie.</translation>
    </message>
    <message>
        <source>Submit this run again with the same notebook, cluster and parameters</source>
        <translation>Soumettre de nouveau cette exécution avec le même notebook, le même cluster et les mêmes paramètres</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Ask the service to cancel this run</source>
        <translation>Demander au service d’annuler cette exécution</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l’exécution</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Soumission&#xa0;:</translation>
    </message>
    <message>
        <source>Run ID:</source>
        <translation>ID d’exécution&#xa0;:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>Task run ID:</source>
        <translation>ID d’exécution de tâche&#xa0;:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Fin&#xa0;:</translation>
    </message>
    <message>
        <source>Notebook:</source>
        <translation>Notebook&#xa0;:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>Cluster&#xa0;:</translation>
    </message>
    <message>
        <source>The service no longer knows this run (it deletes runs after 60 days); what is shown here is what was last seen.</source>
        <translation>Le service ne connaît plus cette exécution (il supprime les exécutions au bout de 60 jours)&#xa0;; ce qui s’affiche ici est le dernier état connu.</translation>
    </message>
    <message>
        <source>The service refused to start this run.</source>
        <translation>Le service a refusé de lancer cette exécution.</translation>
    </message>
    <message>
        <source>Open the run page in the browser</source>
        <translation>Ouvrir la page de l’exécution dans le navigateur</translation>
    </message>
    <message>
        <source>No run page yet</source>
        <translation>Pas encore de page d’exécution</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>pas encore attribué</translation>
    </message>
    <message>
        <source>Cancel run “%1”?</source>
        <translation>Annuler l’exécution «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The service stops the notebook where it is. Cells that already ran keep their effects.</source>
        <translation>Le service arrête le notebook là où il en est. Les cellules déjà exécutées conservent leurs effets.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Laisser continuer</translation>
    </message>
    <message>
        <source>Attempt:</source>
        <translation>Tentative&#xa0;:</translation>
    </message>
    <message>
        <source>Run options:</source>
        <translation>Options d’exécution&#xa0;:</translation>
    </message>
    <message>
        <source>As the workspace&apos;s clock tells it</source>
        <translation>Selon l’horloge de l’espace de travail</translation>
    </message>
    <message>
        <source>As this computer&apos;s clock tells it</source>
        <translation>Selon l’horloge de cet ordinateur</translation>
    </message>
    <message>
        <source>%1 (the workspace&apos;s clock)</source>
        <translation>%1 (horloge de l’espace de travail)</translation>
    </message>
    <message>
        <source>Python file:</source>
        <translation>Fichier Python :</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>Calcul :</translation>
    </message>
    <message>
        <source>The new job cluster is starting (%1); this can take a few minutes.</source>
        <translation>Le nouveau cluster de job démarre (%1) ; cela peut prendre quelques minutes.</translation>
    </message>
    <message>
        <source>%1 (in %2, %3)</source>
        <translation>%1 (dans %2, %3)</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunMonitor</name>
    <message>
        <source>The run ended, but its output could not be read: %1</source>
        <translation>L’exécution est terminée, mais sa sortie n’a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>the history could not store it (is the disk full, or the history not writable?)</source>
        <translation>l’historique n’a pas pu l’enregistrer (le disque est-il plein, ou l’historique n’est-il pas accessible en écriture&#xa0;?)</translation>
    </message>
    <message>
        <source>The service no longer knows this run (%1); the history keeps what was last known.</source>
        <translation>Le service ne connaît plus cette exécution (%1)&#xa0;; l’historique conserve le dernier état connu.</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunNotifier</name>
    <message>
        <source>Show Brickrun</source>
        <translation>Afficher Brickrun</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Run succeeded</source>
        <translation>Exécution réussie</translation>
    </message>
    <message>
        <source>Run ended: %1</source>
        <translation>Exécution terminée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunOutputPanel</name>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>The service kept only the first 5 MB of this result: what follows is incomplete.</source>
        <translation>Le service n’a conservé que les 5 premiers Mo de ce résultat&#xa0;: la suite est incomplète.</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enreg&amp;istrer sous…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>No error was reported for this run.</source>
        <translation>Aucune erreur n’a été signalée pour cette exécution.</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <source>Copy the output shown in this tab (a table as tab-separated values)</source>
        <translation>Copier la sortie affichée dans cet onglet (un tableau en valeurs séparées par des tabulations)</translation>
    </message>
    <message>
        <source>Save the output shown in this tab to a file (a table as CSV)</source>
        <translation>Enregistrer dans un fichier la sortie affichée dans cet onglet (un tableau au format CSV)</translation>
    </message>
    <message>
        <source>… [%L1 more characters not shown: Copy and Save as… give all of it]</source>
        <translation>… [%L1 caractères de plus non affichés&#xa0;: «&#xa0;Copier&#xa0;» et «&#xa0;Enregistrer sous…&#xa0;» donnent le texte complet]</translation>
    </message>
    <message>
        <source>[Cut here for display: %L1 of %L2 characters shown. Copy and Save as… give all of it.]</source>
        <translation>[Coupé ici pour l’affichage&#xa0;: %L1 caractères affichés sur %L2. «&#xa0;Copier&#xa0;» et «&#xa0;Enregistrer sous…&#xa0;» donnent le texte complet.]</translation>
    </message>
    <message>
        <source>No output has been fetched for this run.</source>
        <translation>Aucune sortie n’a été récupérée pour cette exécution.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Reading the output…</source>
        <translation>Lecture de la sortie…</translation>
    </message>
    <message>
        <source>The run is being submitted.</source>
        <translation>L’exécution est en cours de soumission.</translation>
    </message>
    <message>
        <source>The run was not submitted, so it has no output.</source>
        <translation>L’exécution n’a pas été soumise et n’a donc aucune sortie.</translation>
    </message>
    <message>
        <source>The output is no longer available: the service no longer knows this run.</source>
        <translation>La sortie n’est plus disponible&#xa0;: le service ne connaît plus cette exécution.</translation>
    </message>
    <message>
        <source>The output could not be read.</source>
        <translation>Impossible de lire la sortie.</translation>
    </message>
    <message>
        <source>No output was fetched for this run.</source>
        <translation>Aucune sortie n’a été récupérée pour cette exécution.</translation>
    </message>
    <message>
        <source>No result: the run failed before the notebook returned one. The Error tab says why.</source>
        <translation>Aucun résultat&#xa0;: l’exécution a échoué avant que le notebook n’en renvoie un. L’onglet «&#xa0;Erreur&#xa0;» en donne la raison.</translation>
    </message>
    <message>
        <source>No result: the notebook did not call dbutils.notebook.exit().</source>
        <translation>Aucun résultat&#xa0;: le notebook n’a pas appelé dbutils.notebook.exit().</translation>
    </message>
    <message>
        <source>Parsing result…</source>
        <translation>Analyse du résultat…</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 lignes</translation>
    </message>
    <message>
        <source>1 column</source>
        <translation>1 colonne</translation>
    </message>
    <message>
        <source>%L1 columns</source>
        <translation>%L1 colonnes</translation>
    </message>
    <message>
        <source>Showing the first %L1 of %L2 characters; Copy and Save as… give all of it.</source>
        <translation>Affichage des %L1 premiers caractères sur %L2&#xa0;; «&#xa0;Copier&#xa0;» et «&#xa0;Enregistrer sous…&#xa0;» donnent le texte complet.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save output</source>
        <translation>Enregistrer la sortie</translation>
    </message>
    <message>
        <source>The output could not be saved to %1: %2</source>
        <translation>Impossible d’enregistrer la sortie dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output…</source>
        <translation>L’exécution est terminée. Récupération de sa sortie…</translation>
    </message>
    <message>
        <source>The run waits to be tried again. Its result appears here when it has finished.</source>
        <translation>L’exécution attend d’être relancée. Son résultat apparaîtra ici une fois terminée.</translation>
    </message>
    <message>
        <source>The run has not started yet. Its result appears here when it has finished.</source>
        <translation>L’exécution n’a pas encore démarré. Son résultat apparaîtra ici une fois terminée.</translation>
    </message>
    <message>
        <source>The run is running. Its result appears here when it has finished.</source>
        <translation>L’exécution est en cours. Son résultat apparaîtra ici une fois terminée.</translation>
    </message>
    <message>
        <source>No result: the run was cancelled.</source>
        <translation>Aucun résultat&#xa0;: l’exécution a été annulée.</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output… (%1 of %2)</source>
        <translation>L’exécution est terminée. Récupération de sa sortie… (%1 sur %2)</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output… (%1 so far)</source>
        <translation>L’exécution est terminée. Récupération de sa sortie… (%1 jusqu’ici)</translation>
    </message>
    <message>
        <source>The service kept only the last 5 MB of these logs: their beginning is missing.</source>
        <translation>Le service n’a conservé que les 5 derniers Mo de ces journaux&#xa0;: leur début manque.</translation>
    </message>
    <message>
        <source>What the Python file printed (its logs).</source>
        <translation>Ce que le fichier Python a affiché (ses journaux).</translation>
    </message>
    <message>
        <source>Showing the last %L1 of %L2 characters; Copy and Save as… give all of it.</source>
        <translation>Affichage des %L1 derniers caractères sur %L2&#xa0;; «&#xa0;Copier&#xa0;» et «&#xa0;Enregistrer sous…&#xa0;» donnent le texte complet.</translation>
    </message>
    <message>
        <source>[Cut here for display: the last %L1 of %L2 characters shown. Copy and Save as… give all of it.]</source>
        <translation>[Coupé ici pour l’affichage&#xa0;: les %L1 derniers caractères sur %L2 affichés. «&#xa0;Copier&#xa0;» et «&#xa0;Enregistrer sous…&#xa0;» donnent le texte complet.]</translation>
    </message>
    <message>
        <source>No output: the run failed before the Python file printed anything. The Error tab says why.</source>
        <translation>Aucune sortie&#xa0;: l’exécution a échoué avant que le fichier Python n’affiche quoi que ce soit. L’onglet «&#xa0;Erreur&#xa0;» en donne la raison.</translation>
    </message>
    <message>
        <source>No output: the Python file printed nothing.</source>
        <translation>Aucune sortie&#xa0;: le fichier Python n’a rien affiché.</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunPhases</name>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Dans la file</translation>
    </message>
    <message>
        <source>Waiting for the cluster</source>
        <translation>En attente du cluster</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <source>The run never started: the service refused it.</source>
        <translation>L’exécution n’a jamais commencé&#xa0;: le service l’a refusée.</translation>
    </message>
    <message>
        <source>Brickrun did not see this run&apos;s phases (it was not followed from its start).</source>
        <translation>Brickrun n’a pas vu les phases de cette exécution (elle n’a pas été suivie depuis son début).</translation>
    </message>
    <message>
        <source>%1 %2 so far</source>
        <translation>%1 %2 jusqu’ici</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1; then %2</source>
        <translation>%1&#xa0;; puis %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunTimelineWidget</name>
    <message>
        <source>Timeline of the run</source>
        <translation>Chronologie de l’exécution</translation>
    </message>
    <message>
        <source>%1: %2 so far</source>
        <translation>%1&#xa0;: %2 jusqu’ici</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>%1: %2 (from %3)</source>
        <translation>%1&#xa0;: %2 (à partir de %3)</translation>
    </message>
    <message>
        <source>As Brickrun saw each state (when a poll first saw it), on this computer&apos;s clock.</source>
        <translation>Tels que Brickrun a vu chaque état (quand une interrogation l’a vu pour la première fois), selon l’horloge de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunTimes</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1 jusqu’ici</translation>
    </message>
    <message>
        <source>%1 since submitted</source>
        <translation>%1 depuis la soumission</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunsTableModel</name>
    <message>
        <source>Demo workspace</source>
        <translation>Espace démo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Nom de l’exécution</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumission</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>ID d’exécution</translation>
    </message>
</context>
<context>
    <name>Brickrun::ShareActions</name>
    <message>
        <source>Copy as</source>
        <translation>Copier comme</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exporter comme</translation>
    </message>
    <message>
        <source>Databricks CLI command</source>
        <translation>Commande de la CLI Databricks</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>Commande curl</translation>
    </message>
    <message>
        <source>Python (Databricks SDK)</source>
        <translation>Python (SDK Databricks)</translation>
    </message>
    <message>
        <source>Arazzo workflow</source>
        <translation>Workflow Arazzo</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Copy or export this run as a Databricks CLI or curl command, Python code for the Databricks SDK, or an Arazzo workflow</source>
        <translation>Copier ou exporter cette exécution comme commande de la CLI Databricks ou curl, code Python pour le SDK Databricks ou workflow Arazzo</translation>
    </message>
    <message>
        <source>Copied &quot;%1&quot; as %2.</source>
        <translation>Copié comme %2 : « %1 ».</translation>
    </message>
    <message>
        <source>Export as %1</source>
        <translation>Exporter comme %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n’a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; as %2 to %3.</source>
        <translation>Exporté comme %2 dans %3 : « %1 ».</translation>
    </message>
</context>
<context>
    <name>Brickrun::StateIcons</name>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Upstream failed</source>
        <translation>Échec en amont</translation>
    </message>
    <message>
        <source>Too many concurrent runs</source>
        <translation>Trop d’exécutions simultanées</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Exclue</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Soumission…</translation>
    </message>
    <message>
        <source>Submit failed</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Vanished</source>
        <translation>Disparue</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Dans la file</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>Waiting for retry</source>
        <translation>En attente de relance</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Erreur interne</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Upstream cancelled</source>
        <translation>Annulée en amont</translation>
    </message>
</context>
<context>
    <name>Brickrun::SubmitPanel</name>
    <message>
        <source>New run</source>
        <translation>Nouvelle exécution</translation>
    </message>
    <message>
        <source>&lt;b&gt;New run&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nouvelle exécution&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Wor&amp;kspace:</source>
        <translation>Espace &amp;de travail&#xa0;:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Add a workspace</source>
        <translation>Ajouter un espace de travail</translation>
    </message>
    <message>
        <source>&amp;Notebook:</source>
        <translation>&amp;Notebook&#xa0;:</translation>
    </message>
    <message>
        <source>/Users/me@example.com/report</source>
        <translation>/Users/me@example.com/report</translation>
    </message>
    <message>
        <source>Run na&amp;me:</source>
        <translation>No&amp;m de l’exécution&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Task key:</source>
        <translation>C&amp;lé de tâche&#xa0;:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>A&amp;dd parameter</source>
        <translation>A&amp;jouter un paramètre</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Soumettre</translation>
    </message>
    <message>
        <source>Submit the run (Ctrl+Return)</source>
        <translation>Soumettre l’exécution (Ctrl+Retour)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose a notebook from the workspace</source>
        <translation>Choisir un notebook dans l’espace de travail</translation>
    </message>
    <message>
        <source>No such notebook: the folder %1 does not exist.</source>
        <translation>Notebook introuvable&#xa0;: le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The notebook could not be checked: %1</source>
        <translation>Impossible de vérifier le notebook&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is not a notebook.</source>
        <translation>%1 n’est pas un notebook.</translation>
    </message>
    <message>
        <source>No such notebook in the workspace.</source>
        <translation>Ce notebook n’existe pas dans l’espace de travail.</translation>
    </message>
    <message>
        <source>The run&apos;s own timeout and retries, enforced by the service</source>
        <translation>Délai et relances propres à l’exécution, appliqués par le service</translation>
    </message>
    <message>
        <source>R&amp;un options</source>
        <translation>&amp;Options d’exécution</translation>
    </message>
    <message>
        <source>Run timeout:</source>
        <translation>Délai maximal&#xa0;:</translation>
    </message>
    <message>
        <source>none, e.g. 45m or 2h</source>
        <translation>aucun, p. ex. 45m ou 2h</translation>
    </message>
    <message>
        <source>An attempt still running after this long ends as timed out, whether or not Brickrun is running (at most 7 days)</source>
        <translation>Une tentative encore en cours après ce délai se termine en dépassement de délai, que Brickrun tourne ou non (7 jours au plus)</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Nombre de relances&#xa0;:</translation>
    </message>
    <message>
        <source>How many times the service starts the run again after a failed attempt</source>
        <translation>Combien de fois le service relance l’exécution après une tentative échouée</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Retry interval:</source>
        <translation>Intervalle entre relances&#xa0;:</translation>
    </message>
    <message>
        <source>at once, e.g. 30s or 5m</source>
        <translation>immédiat, p. ex. 30s ou 5m</translation>
    </message>
    <message>
        <source>The least time between two attempts (at most 1 day)</source>
        <translation>Temps minimal entre deux tentatives (1 jour au plus)</translation>
    </message>
    <message>
        <source>Retry after a timeout</source>
        <translation>Relancer aussi quand le délai est dépassé</translation>
    </message>
    <message>
        <source>Also retry an attempt that reached the run timeout</source>
        <translation>Relancer aussi une tentative qui a atteint le délai maximal</translation>
    </message>
    <message>
        <source>Run timeout: &quot;%1&quot; is not a duration (e.g. 90s, 45m, 2h or 1h30m).</source>
        <translation>Délai maximal&#xa0;: «&#xa0;%1&#xa0;» n’est pas une durée (p. ex. 90s, 45m, 2h ou 1h30m).</translation>
    </message>
    <message>
        <source>Run timeout: whole seconds only.</source>
        <translation>Délai maximal&#xa0;: secondes entières uniquement.</translation>
    </message>
    <message>
        <source>Retry interval: &quot;%1&quot; is not a duration (e.g. 30s or 5m).</source>
        <translation>Intervalle entre relances&#xa0;: «&#xa0;%1&#xa0;» n’est pas une durée (p. ex. 30s ou 5m).</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <source>No such Python file in the workspace.</source>
        <translation>Ce fichier Python n’existe pas dans l’espace de travail.</translation>
    </message>
    <message>
        <source>No such Python file: the folder %1 does not exist.</source>
        <translation>Ce fichier Python n’existe pas : le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Pytho&amp;n file:</source>
        <translation>Fichier Pytho&amp;n :</translation>
    </message>
    <message>
        <source>A path in the Git repository is typed: the repository is read only when the run starts</source>
        <translation>Un chemin dans le dépôt Git se saisit : le dépôt n’est lu qu’au démarrage de l’exécution</translation>
    </message>
    <message>
        <source>Choose a Python file from the workspace</source>
        <translation>Choisir un fichier Python dans l’espace de travail</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments :</translation>
    </message>
    <message>
        <source>A&amp;dd argument</source>
        <translation>A&amp;jouter un argument</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskListModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Task run ID</source>
        <translation>ID d’exécution de tâche</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskRunsPanel</name>
    <message>
        <source>Read the run&apos;s tasks from the workspace again</source>
        <translation>Relire les tâches de l’exécution depuis l’espace de travail</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Tasks of the run</source>
        <translation>Tâches de l’exécution</translation>
    </message>
    <message>
        <source>Output of the selected task</source>
        <translation>Sortie de la tâche sélectionnée</translation>
    </message>
    <message>
        <source>[Cut here for display: %L1 of %L2 characters shown.]</source>
        <translation>[Coupé ici pour l’affichage : %L1 caractères affichés sur %L2.]</translation>
    </message>
    <message>
        <source>The run has no run ID yet, so no tasks.</source>
        <translation>L’exécution n’a pas encore d’ID, donc pas de tâches.</translation>
    </message>
    <message>
        <source>The workspace of this run cannot be reached here.</source>
        <translation>L’espace de travail de cette exécution n’est pas joignable d’ici.</translation>
    </message>
    <message>
        <source>Reading tasks…</source>
        <translation>Lecture des tâches…</translation>
    </message>
    <message>
        <source>The tasks could not be read: %1</source>
        <translation>Les tâches n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The service lists no tasks for this run.</source>
        <translation>Le service n’indique aucune tâche pour cette exécution.</translation>
    </message>
    <message>
        <source>1 task. Select it to read its output.</source>
        <translation>1 tâche. Sélectionnez-la pour lire sa sortie.</translation>
    </message>
    <message>
        <source>%L1 tasks. Select one to read its output.</source>
        <translation>%L1 tâches. Sélectionnez-en une pour lire sa sortie.</translation>
    </message>
    <message>
        <source>Select a task to read its output.</source>
        <translation>Sélectionnez une tâche pour lire sa sortie.</translation>
    </message>
    <message>
        <source>Task %1 has no task run ID yet.</source>
        <translation>La tâche %1 n’a pas encore d’ID d’exécution.</translation>
    </message>
    <message>
        <source>Reading the output of task %1 (task run %2)…</source>
        <translation>Lecture de la sortie de la tâche %1 (exécution de tâche %2)…</translation>
    </message>
    <message>
        <source>Task %1 (task run %2)</source>
        <translation>Tâche %1 (exécution de tâche %2)</translation>
    </message>
    <message>
        <source>%1: the output could not be read: %2</source>
        <translation>%1 : la sortie n’a pas pu être lue : %2</translation>
    </message>
    <message>
        <source>%1: result (the service kept only its first 5 MB)</source>
        <translation>%1 : résultat (le service n’en a gardé que les 5 premiers Mo)</translation>
    </message>
    <message>
        <source>%1: result</source>
        <translation>%1 : résultat</translation>
    </message>
    <message>
        <source>%1: error</source>
        <translation>%1 : erreur</translation>
    </message>
    <message>
        <source>%1 has not finished; Refresh once it has to read its output.</source>
        <translation>%1 n’est pas terminée ; actualisez ensuite pour lire sa sortie.</translation>
    </message>
    <message>
        <source>%1: no result (the notebook did not call dbutils.notebook.exit()).</source>
        <translation>%1 : aucun résultat (le notebook n’a pas appelé dbutils.notebook.exit()).</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskSourceChooser</name>
    <message>
        <source>Task t&amp;ype:</source>
        <translation>T&amp;ype de tâche :</translation>
    </message>
    <message>
        <source>Run a notebook (named parameters) or a Python file (command-line arguments)</source>
        <translation>Exécuter un notebook (paramètres nommés) ou un fichier Python (arguments de ligne de commande)</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>Python file</source>
        <translation>Fichier Python</translation>
    </message>
    <message>
        <source>From a &amp;Git repository</source>
        <translation>Code &amp;venant d’un dépôt Git</translation>
    </message>
    <message>
        <source>Take the notebook or file from a branch, tag or commit of a remote Git repository; its path is then relative to the repository</source>
        <translation>Prendre le notebook ou le fichier dans une branche, un tag ou un commit d’un dépôt Git distant ; son chemin est alors relatif au dépôt</translation>
    </message>
    <message>
        <source>Git URL:</source>
        <translation>URL Git :</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <source>The Git service; found from the URL unless you choose one</source>
        <translation>Le service Git ; déduit de l’URL sauf si vous en choisissez un</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <source>What to check out: a branch, a tag or a commit</source>
        <translation>Ce qui est extrait : une branche, un tag ou un commit</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>From the URL (not known)</source>
        <translation>D’après l’URL (inconnu)</translation>
    </message>
    <message>
        <source>From the URL: %1</source>
        <translation>D’après l’URL : %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresets</name>
    <message>
        <source>parameter &quot;%1&quot; looks like a secret; a shared preset never holds one (use a Databricks secret scope instead)</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» ressemble à un secret&#xa0;; un préréglage partagé n’en contient jamais (utilisez plutôt un secret scope Databricks)</translation>
    </message>
    <message>
        <source>the value of parameter &quot;%1&quot; looks like a token; a shared preset never holds one</source>
        <translation>la valeur du paramètre «&#xa0;%1&#xa0;» ressemble à un jeton&#xa0;; un préréglage partagé n’en contient jamais</translation>
    </message>
    <message>
        <source>an argument looks like a token; a shared preset never holds one</source>
        <translation>un argument ressemble à un jeton&#xa0;; un préréglage partagé n’en contient jamais</translation>
    </message>
    <message>
        <source>the compute or Git settings hold what looks like a token</source>
        <translation>les réglages de calcul ou Git contiennent ce qui ressemble à un jeton</translation>
    </message>
    <message>
        <source>the Git URL holds a user name and password; a shared preset never holds one</source>
        <translation>l’URL Git contient un nom d’utilisateur et un mot de passe&#xa0;; un préréglage partagé n’en contient jamais</translation>
    </message>
    <message>
        <source>the folder &quot;%1&quot; is not a workspace path (it starts with /)</source>
        <translation>le dossier «&#xa0;%1&#xa0;» n’est pas un chemin de l’espace de travail (il commence par /)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1&#xa0;: illisible (%2)</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>pas du JSON</translation>
    </message>
    <message>
        <source>%1: not a preset (%2)</source>
        <translation>%1&#xa0;: pas un préréglage (%2)</translation>
    </message>
    <message>
        <source>%1: a second preset named &quot;%2&quot;; left out</source>
        <translation>%1&#xa0;: un second préréglage nommé «&#xa0;%2&#xa0;»&#xa0;; laissé de côté</translation>
    </message>
    <message>
        <source>a preset needs a name to be published</source>
        <translation>un préréglage doit avoir un nom pour être publié</translation>
    </message>
    <message>
        <source>%1 is a folder, not a preset</source>
        <translation>%1 est un dossier, pas un préréglage</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in %2 already, as it is</source>
        <translation>«&#xa0;%1&#xa0;» est déjà dans %2, tel quel</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 was changed by someone else since this Brickrun last read or wrote it; theirs is kept</source>
        <translation>«&#xa0;%1&#xa0;» dans %2 a été modifié par quelqu’un d’autre depuis que ce Brickrun l’a lu ou écrit pour la dernière fois&#xa0;; sa version est conservée</translation>
    </message>
    <message>
        <source>published &quot;%1&quot; to %2</source>
        <translation>«&#xa0;%1&#xa0;» publié dans %2</translation>
    </message>
    <message>
        <source>published &quot;%1&quot; to %2, but someone changed it again right after</source>
        <translation>«&#xa0;%1&#xa0;» publié dans %2, mais quelqu’un l’a modifié de nouveau juste après</translation>
    </message>
    <message>
        <source>%1 is read-only for you: the workspace refused to write there (%2)</source>
        <translation>%1 est en lecture seule pour vous&#xa0;: l’espace de travail a refusé d’y écrire (%2)</translation>
    </message>
    <message>
        <source>publishing &quot;%1&quot; failed: %2</source>
        <translation>la publication de «&#xa0;%1&#xa0;» a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresetsModel</name>
    <message>
        <source>%1
Runs %2
In %3, changed %4</source>
        <translation>%1
Exécute %2
Dans %3, modifié le %4</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresetsPanel</name>
    <message>
        <source>Team presets</source>
        <translation>Préréglages d’équipe</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>The workspace folder the team&apos;s presets are in, e.g. /Shared/Brickrun/presets. Empty: your own /Users/&lt;you&gt;/.brickrun/presets</source>
        <translation>Le dossier de l’espace de travail où sont les préréglages de l’équipe, p. ex. /Shared/Brickrun/presets. Vide : votre propre /Users/&lt;vous&gt;/.brickrun/presets</translation>
    </message>
    <message>
        <source>Your own folder</source>
        <translation>Votre propre dossier</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the folder&apos;s presets again</source>
        <translation>Relire les préréglages du dossier</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Fill the form with the chosen team preset</source>
        <translation>Remplir le formulaire avec le préréglage d’équipe choisi</translation>
    </message>
    <message>
        <source>Publish preset</source>
        <translation>Publier le préréglage</translation>
    </message>
    <message>
        <source>Publish the preset chosen in the form to this folder, for everyone who reads it</source>
        <translation>Publier le préréglage choisi dans le formulaire dans ce dossier, pour tous ceux qui le lisent</translation>
    </message>
    <message>
        <source>Choose a workspace to see its team presets.</source>
        <translation>Choisissez un espace de travail pour voir ses préréglages d’équipe.</translation>
    </message>
    <message>
        <source>Waiting for the workspace&apos;s sign-in…</source>
        <translation>En attente de la connexion à l’espace de travail…</translation>
    </message>
    <message>
        <source>The team presets could not be read: %1</source>
        <translation>Les préréglages d’équipe n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 does not exist yet: the first preset published makes it.</source>
        <translation>%1 n’existe pas encore : le premier préréglage publié le crée.</translation>
    </message>
    <message>
        <source>Presets in %1: %2.</source>
        <translation>Préréglages dans %1 : %2.</translation>
    </message>
    <message>
        <source>Read-only: the workspace does not let you write in this folder.</source>
        <translation>Lecture seule : l’espace de travail ne vous laisse pas écrire dans ce dossier.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Laissés de côté : %1</translation>
    </message>
    <message>
        <source>The form holds the team preset “%1” now.</source>
        <translation>Le formulaire contient maintenant le préréglage d’équipe « %1 ».</translation>
    </message>
    <message>
        <source>Choose one of your presets in the form first: Publish shares that one.</source>
        <translation>Choisissez d’abord un de vos préréglages dans le formulaire : Publier partage celui-là.</translation>
    </message>
    <message>
        <source>Publishing “%1” to %2…</source>
        <translation>Publication de « %1 » dans %2…</translation>
    </message>
    <message>
        <source>Published “%1” to %2.</source>
        <translation>« %1 » publié dans %2.</translation>
    </message>
    <message>
        <source>“%1” is in %2 already, unchanged.</source>
        <translation>« %1 » est déjà dans %2, inchangé.</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else: nothing was overwritten.</source>
        <translation>« %1 » a été modifié par quelqu’un d’autre : rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>Read-only: the workspace does not let you write in %1 (%2).</source>
        <translation>Lecture seule : l’espace de travail ne vous laisse pas écrire dans %1 (%2).</translation>
    </message>
    <message>
        <source>“%1” was not published: %2.</source>
        <translation>« %1 » n’a pas été publié : %2.</translation>
    </message>
    <message>
        <source>Publishing “%1” failed: %2</source>
        <translation>La publication de « %1 » a échoué : %2</translation>
    </message>
    <message>
        <source>Team preset changed by someone else</source>
        <translation>Préréglage d’équipe modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>“%1” in %2 was changed by someone else since you last read or published it%3.</source>
        <translation>« %1 » dans %2 a été modifié par quelqu’un d’autre depuis votre dernière lecture ou publication%3.</translation>
    </message>
    <message>
        <source> (changed %1)</source>
        <translation> (modifié le %1)</translation>
    </message>
    <message>
        <source>Replace their version with yours, or keep theirs and fill the form with it?</source>
        <translation>Remplacer leur version par la vôtre, ou garder la leur et en remplir le formulaire ?</translation>
    </message>
    <message>
        <source>Replace their version with yours?</source>
        <translation>Remplacer leur version par la vôtre ?</translation>
    </message>
    <message>
        <source>Replace theirs</source>
        <translation>Remplacer la leur</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <source>Kept their version of “%1”; the form holds it now.</source>
        <translation>Leur version de « %1 » est gardée ; le formulaire la contient maintenant.</translation>
    </message>
    <message>
        <source>This folder is read-only for you: the workspace refused to let you write there</source>
        <translation>Ce dossier est en lecture seule pour vous : l’espace de travail a refusé que vous y écriviez</translation>
    </message>
</context>
<context>
    <name>Brickrun::WelcomeDialog</name>
    <message>
        <source>Welcome to Brickrun</source>
        <translation>Bienvenue dans Brickrun</translation>
    </message>
    <message>
        <source>Brickrun submits notebook runs to Azure Databricks and follows them to the end, with their output. To begin, try the demo workspace, which runs on this computer and needs no account, or add your own workspace.</source>
        <translation>Brickrun soumet des exécutions de notebooks à Azure Databricks et les suit jusqu’au bout, avec leur sortie. Pour commencer, essayez l’espace de démonstration, qui fonctionne sur cet ordinateur sans compte, ou ajoutez votre propre espace de travail.</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>Essayer l’espace de &amp;démonstration</translation>
    </message>
    <message>
        <source>A practice workspace on this computer with sample notebooks. No account or token needed.</source>
        <translation>Un espace d’essai sur cet ordinateur, avec des notebooks d’exemple. Ni compte ni jeton nécessaire.</translation>
    </message>
    <message>
        <source>&amp;Add a workspace…</source>
        <translation>&amp;Ajouter un espace de travail…</translation>
    </message>
    <message>
        <source>Connect to your Azure Databricks workspace with its URL, and sign in with your browser (or the Azure CLI, a service principal or a token).</source>
        <translation>Ajoutez votre espace de travail Azure Databricks avec son URL et connectez-vous avec votre navigateur (ou avec Azure CLI, un principal de service ou un jeton).</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkflowImport</name>
    <message>
        <source>Import workflow</source>
        <translation>Importer un workflow</translation>
    </message>
    <message>
        <source>Nothing was imported from %1:</source>
        <translation>Rien n’a été importé de %1 :</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceDialogs</name>
    <message>
        <source>Workspace &quot;%1&quot; refused the sign-in (%2). Its runs are kept and go on after you sign in again.</source>
        <translation>L’espace de travail «&#xa0;%1&#xa0;» a refusé la connexion (%2). Ses exécutions sont conservées et reprendront dès que vous vous serez reconnecté.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Workspace “%1” no longer accepts Brickrun&apos;s sign-in.</source>
        <translation>L’espace de travail «&#xa0;%1&#xa0;» n’accepte plus la connexion de Brickrun.</translation>
    </message>
    <message>
        <source>%1

Its runs are kept: they are followed again as soon as you sign in.</source>
        <translation>%1

Les exécutions de l’espace de travail sont conservées&#xa0;: elles seront de nouveau suivies dès que vous vous connecterez.</translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Se reconnecter…</translation>
    </message>
    <message>
        <source>&amp;Update sign-in…</source>
        <translation>&amp;Mettre à jour la connexion…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceErrorText</name>
    <message>
        <source>The workspace cannot be reached (%1).</source>
        <translation>L’espace de travail est injoignable (%1).</translation>
    </message>
    <message>
        <source>The workspace did not answer in time.</source>
        <translation>L’espace de travail n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The workspace&apos;s certificate was not accepted (%1).</source>
        <translation>Le certificat de l’espace de travail n’a pas été accepté (%1).</translation>
    </message>
    <message>
        <source>The workspace sent an answer that cannot be read.</source>
        <translation>L’espace de travail a envoyé une réponse illisible.</translation>
    </message>
    <message>
        <source>The workspace did not accept the token: store a new one (Workspace → Edit).</source>
        <translation>L’espace de travail n’a pas accepté le jeton&#xa0;: enregistrez-en un nouveau (Espace de travail → Modifier).</translation>
    </message>
    <message>
        <source>You do not have permission to see this (403 %1).</source>
        <translation>Vous n’avez pas la permission de voir ceci (403 %1).</translation>
    </message>
    <message>
        <source>It does not exist in the workspace.</source>
        <translation>Cela n’existe pas dans l’espace de travail.</translation>
    </message>
    <message>
        <source>The workspace is busy (too many requests); try again in a moment.</source>
        <translation>L’espace de travail est occupé (trop de requêtes)&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The workspace answered with an error: %1</source>
        <translation>L’espace de travail a répondu par une erreur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceTreeModel</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No workspace is chosen.</source>
        <translation>Aucun espace de travail n’est choisi.</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Scala</source>
        <translation>Scala</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Repo</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Language / type</source>
        <translation>Langage / type</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Connected to %1 as %2%3.</source>
        <translation>Connecté à %1 en tant que %2%3.</translation>
    </message>
    <message>
        <source>%1 answers, but its certificate is not trusted: %2</source>
        <translation>%1 répond, mais son certificat n’est pas approuvé&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 ne répond pas&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 answers, but it refused the token (%2). Create a new token and store it again.</source>
        <translation>%1 répond, mais a refusé le jeton (%2). Créez un nouveau jeton et enregistrez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 accepted the token, but its user may not read its own identity (%2).</source>
        <translation>%1 a accepté le jeton, mais son utilisateur n’a pas le droit de lire sa propre identité (%2).</translation>
    </message>
    <message>
        <source>%1 answers, but does not look like a Databricks workspace (%2).</source>
        <translation>%1 répond, mais ne semble pas être un espace de travail Databricks (%2).</translation>
    </message>
    <message>
        <source>%1 answers with an error: %2</source>
        <translation>%1 répond par une erreur&#xa0;: %2</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot;: not signed in.</source>
        <translation>Aucun jeton n’est enregistré pour le profil «&#xa0;%1&#xa0;»&#xa0;: non connecté.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>L’accès au trousseau a été refusé (%1).</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Erreur du trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>The system keychain did not answer, so Brickrun cannot keep the secret (it never writes secrets to a file). Sign in to your user account normally and try again.</source>
        <translation>Le trousseau du système n’a pas répondu, donc Brickrun ne peut pas garder le secret (il n’écrit jamais de secret dans un fichier). Ouvrez votre session utilisateur normalement et réessayez.</translation>
    </message>
    <message>
        <source>No keychain service is running, so Brickrun cannot keep the secret: it keeps secrets only in a keychain, never in a file. Install and start one (GNOME Keyring, KWallet, or KeePassXC with its Secret Service integration turned on), then try again.</source>
        <translation>Aucun service de trousseau n’est en service, donc Brickrun ne peut pas garder le secret&#xa0;: il ne garde les secrets que dans un trousseau, jamais dans un fichier. Installez-en un et démarrez-le (GNOME Keyring, KWallet, ou KeePassXC avec son intégration Secret Service activée), puis réessayez.</translation>
    </message>
</context>
<context>
    <name>RunOptionsText</name>
    <message>
        <source>timeout %1</source>
        <translation>délai %1</translation>
    </message>
    <message>
        <source>retries: %1, %2 apart</source>
        <translation>relances&#xa0;: %1, espacées de %2</translation>
    </message>
    <message>
        <source>retries: %1</source>
        <translation>relances&#xa0;: %1</translation>
    </message>
    <message>
        <source>also after a timeout</source>
        <translation>aussi après un dépassement de délai</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>tentative %1 sur %2</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>tentative %1</translation>
    </message>
</context>
<context>
    <name>RunPageOpener</name>
    <message>
        <source>Run page</source>
        <translation>Page de l’exécution</translation>
    </message>
    <message>
        <source>No web browser could be opened for the run page.</source>
        <translation>Aucun navigateur web n’a pu être ouvert pour la page de l’exécution.</translation>
    </message>
    <message>
        <source>Copy the link and open it where you can:
%1</source>
        <translation>Copiez le lien et ouvrez-le là où vous le pouvez :
%1</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>The run page&apos;s address is not on the workspace&apos;s own host, so Brickrun does not open it.</source>
        <translation>L’adresse de la page de l’exécution n’est pas sur l’hôte de l’espace de travail : Brickrun ne l’ouvre pas.</translation>
    </message>
</context>
<context>
    <name>WorkflowImport</name>
    <message>
        <source>The workflow&apos;s input &quot;%1&quot; has no default.
Its value for the preset:</source>
        <translation>L’entrée « %1 » du workflow n’a pas de valeur par défaut.
Sa valeur pour le préréglage :</translation>
    </message>
    <message>
        <source>Imported the preset &quot;%1&quot;. These parts of the workflow were not mapped:</source>
        <translation>Préréglage « %1 » importé. Ces parties du workflow n’ont pas été reprises :</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run Azure Databricks notebooks from the desktop.</source>
        <translation>Exécuter des notebooks Azure Databricks depuis le bureau.</translation>
    </message>
    <message>
        <source>Open on the demo workspace.</source>
        <translation>Démarrer sur l’espace de démonstration.</translation>
    </message>
    <message>
        <source>Brickrun cannot start: %1</source>
        <translation>Brickrun ne peut pas démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Log every request to the workspace on stderr.</source>
        <translation>Journaliser chaque requête vers l’espace de travail sur stderr.</translation>
    </message>
</context>
</TS>
