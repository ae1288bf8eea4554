<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Brickrun::AppController</name>
    <message>
        <source>Retrying %1 in %2 s (%3)</source>
        <translation>Neuer Versuch für %1 in %2 s (%3)</translation>
    </message>
    <message>
        <source>The run could not be cancelled: %1</source>
        <translation>Die Ausführung konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message>
        <source>History damaged</source>
        <translation>Verlauf beschädigt</translation>
    </message>
    <message>
        <source>The run history could not be read, so a new one was started. The old file is kept at:
%1</source>
        <translation>Der Ausführungsverlauf konnte nicht gelesen werden, daher wurde ein neuer angelegt. Die alte Datei liegt unter:
%1</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>The demo workspace could not start: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The demo workspace is ready: try /Shared/Demo/hello on demo-cluster.</source>
        <translation>Der Demo-Arbeitsbereich ist bereit: Probieren Sie /Shared/Demo/hello auf demo-cluster aus.</translation>
    </message>
    <message>
        <source>Cannot submit</source>
        <translation>Übermittlung nicht möglich</translation>
    </message>
    <message>
        <source>The run could not be stored in the history: %1</source>
        <translation>Die Ausführung konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Submitting %1…</source>
        <translation>%1 wird übermittelt…</translation>
    </message>
    <message>
        <source>The preset&apos;s workspace &quot;%1&quot; is not set up here; the form keeps the workspace it had.</source>
        <translation>Der Arbeitsbereich „%1“ der Vorlage ist hier nicht eingerichtet; das Formular behält seinen bisherigen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot run the preset</source>
        <translation>Vorlage kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Choose a workspace first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich aus.</translation>
    </message>
    <message>
        <source>The run history file is damaged (%1). Brickrun goes on with it for now; at the next start the file is set aside (kept, not deleted) and a new history is started.</source>
        <translation>Die Datei mit dem Lauf-Verlauf ist beschädigt (%1). Brickrun arbeitet vorerst damit weiter; beim nächsten Start wird die Datei beiseitegelegt (aufbewahrt, nicht gelöscht) und ein neuer Verlauf begonnen.</translation>
    </message>
    <message>
        <source>Opening the run history…</source>
        <translation>Der Lauf-Verlauf wird geöffnet…</translation>
    </message>
    <message>
        <source>To start: Workspace → Add workspace…, or Workspace → Try the demo workspace.</source>
        <translation>Zum Anfangen: Arbeitsbereich → Arbeitsbereich hinzufügen…, oder Arbeitsbereich → Demo-Arbeitsbereich ausprobieren.</translation>
    </message>
    <message>
        <source>The form holds the run again: check it and submit it (Ctrl+Return).</source>
        <translation>Das Formular enthält die Ausführung wieder: prüfen und übermitteln Sie sie (Strg+Eingabe).</translation>
    </message>
</context>
<context>
    <name>Brickrun::ArgumentsList</name>
    <message>
        <source>The Python file&apos;s command-line arguments, in order (Ctrl+Up and Ctrl+Down move one)</source>
        <translation>Die Kommandozeilenargumente der Python-Datei, in ihrer Reihenfolge (Strg+Auf und Strg+Ab verschieben eines)</translation>
    </message>
    <message>
        <source>Move the argument up (Ctrl+Up)</source>
        <translation>Argument nach oben verschieben (Strg+Auf)</translation>
    </message>
    <message>
        <source>Move the argument down (Ctrl+Down)</source>
        <translation>Argument nach unten verschieben (Strg+Ab)</translation>
    </message>
</context>
<context>
    <name>Brickrun::BrowserSignIn</name>
    <message numerus="yes">
        <source>No sign-in answer came from the browser within %n minute(s); sign in again.</source>
        <translation>
            <numerusform>Innerhalb von %n Minute kam keine Anmeldeantwort vom Browser; melden Sie sich erneut an.</numerusform>
            <numerusform>Innerhalb von %n Minuten kam keine Anmeldeantwort vom Browser; melden Sie sich erneut an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The ports %1 to %2 on this computer are all in use, and the workspace accepts browser sign-in answers only there; close what holds them (another sign-in, for example) and try again.</source>
        <translation>Die Ports %1 bis %2 auf diesem Computer sind alle belegt, und der Arbeitsbereich nimmt Anmeldeantworten aus dem Browser nur dort an; beenden Sie, was sie belegt (zum Beispiel eine andere Anmeldung), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>This request is too large.</source>
        <translation>Diese Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Nicht hier</translation>
    </message>
    <message>
        <source>Brickrun&apos;s sign-in listener answers only GET.</source>
        <translation>Der Anmelde-Listener von Brickrun beantwortet nur GET-Anfragen.</translation>
    </message>
    <message>
        <source>This is Brickrun&apos;s sign-in listener; it waits for the workspace&apos;s answer.</source>
        <translation>Dies ist der Anmelde-Listener von Brickrun; er wartet auf die Antwort des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>Bereits erledigt</translation>
    </message>
    <message>
        <source>This sign-in is already over. You can close this tab.</source>
        <translation>Diese Anmeldung ist bereits abgeschlossen. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Brickrun started. Start the sign-in again from Brickrun.</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, die Brickrun gestartet hat. Starten Sie die Anmeldung erneut aus Brickrun.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer did not belong to this sign-in (its state did not match); nothing was signed in. Sign in again.</source>
        <translation>Die Antwort des Browsers gehörte nicht zu dieser Anmeldung (ihr state-Wert stimmte nicht überein); es wurde nichts angemeldet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>The workspace did not sign you in: %1. You can close this tab.</source>
        <translation>Der Arbeitsbereich hat Sie nicht angemeldet: %1. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>The sign-in was refused in the browser (%1).</source>
        <translation>Die Anmeldung wurde im Browser abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The workspace refused the sign-in: %1 (%2).</source>
        <translation>Der Arbeitsbereich hat die Anmeldung abgelehnt: %1 (%2).</translation>
    </message>
    <message>
        <source>The workspace&apos;s answer carries no authorization code.</source>
        <translation>Die Antwort des Arbeitsbereichs enthält keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>The workspace&apos;s answer carried no authorization code; sign in again.</source>
        <translation>Die Antwort des Arbeitsbereichs enthielt keinen Autorisierungscode; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Brickrun is signed in to %1. You can close this tab.</source>
        <translation>Brickrun ist bei %1 angemeldet. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>The workspace did not accept the sign-in: %1</source>
        <translation>Der Arbeitsbereich hat die Anmeldung nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The workspace signed you in without a refresh token, so Brickrun could not stay signed in; sign in again.</source>
        <translation>Der Arbeitsbereich hat Sie ohne Aktualisierungstoken angemeldet, daher konnte Brickrun nicht angemeldet bleiben; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Brickrun::BrowserSignInRow</name>
    <message>
        <source>open the sign-in page</source>
        <translation>öffnen Sie die Anmeldeseite</translation>
    </message>
    <message>
        <source>Waiting for the browser… If no browser window appeared, %1.</source>
        <translation>Warten auf den Browser… Falls sich kein Browserfenster geöffnet hat, %1.</translation>
    </message>
    <message>
        <source>No browser could be opened: %1 in a browser on this computer.</source>
        <translation>Es konnte kein Browser geöffnet werden; %1 in einem Browser auf diesem Computer.</translation>
    </message>
    <message>
        <source>Finishing the sign-in…</source>
        <translation>Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Signed in; asking the workspace who you are…</source>
        <translation>Angemeldet; der Arbeitsbereich wird nach Ihrer Identität gefragt…</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Reading the workspace&apos;s sign-in settings…</source>
        <translation>Anmeldeeinstellungen des Arbeitsbereichs werden gelesen…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation>Benutzer ohne Namen</translation>
    </message>
    <message>
        <source>Not signed in yet.</source>
        <translation>Noch nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
</context>
<context>
    <name>Brickrun::ClusterPicker</name>
    <message>
        <source>Type a name or id, or pick from the list</source>
        <translation>Namen oder ID eingeben oder aus der Liste wählen</translation>
    </message>
    <message>
        <source>Show the workspace&apos;s clusters (Alt+Down)</source>
        <translation>Die Cluster des Arbeitsbereichs zeigen (Alt+Unten)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Load the list of clusters again</source>
        <translation>Die Liste der Cluster neu laden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Loading clusters…</source>
        <translation>Cluster werden geladen…</translation>
    </message>
    <message>
        <source>The clusters could not be listed: %1</source>
        <translation>Die Cluster konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>This workspace has no all-purpose clusters; type a cluster id.</source>
        <translation>Dieser Arbeitsbereich hat keine All-Purpose-Cluster; geben Sie eine Cluster-ID ein.</translation>
    </message>
    <message>
        <source>%1 (recently used)</source>
        <translation>%1 (zuletzt verwendet)</translation>
    </message>
    <message>
        <source>Choose a workspace to list its clusters.</source>
        <translation>Wählen Sie einen Arbeitsbereich, um seine Cluster aufzulisten.</translation>
    </message>
    <message>
        <source>%1 is stopped: the run will wait for it to start.</source>
        <translation>%1 ist angehalten: Die Ausführung wartet, bis er gestartet ist.</translation>
    </message>
    <message>
        <source>%1 is starting: the run will wait for it.</source>
        <translation>%1 startet gerade: Die Ausführung wartet darauf.</translation>
    </message>
    <message>
        <source>%1 is in an error state: %2</source>
        <translation>%1 ist in einem Fehlerzustand: %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::ComputeApi</name>
    <message>
        <source>%1 · %2 cores · %3 GB</source>
        <translation>%1 · %2 Kerne · %3 GB</translation>
    </message>
</context>
<context>
    <name>Brickrun::ComputeChooser</name>
    <message>
        <source>&amp;Compute:</source>
        <translation>&amp;Compute:</translation>
    </message>
    <message>
        <source>Where the task runs: a cluster that is already there, serverless compute, or a cluster made for this run and ended with it</source>
        <translation>Wo die Aufgabe läuft: auf einem vorhandenen Cluster, auf Serverless-Compute oder auf einem Cluster, der für diese Ausführung erstellt und danach beendet wird</translation>
    </message>
    <message>
        <source>Existing cluster</source>
        <translation>Vorhandener Cluster</translation>
    </message>
    <message>
        <source>Serverless</source>
        <translation>Serverless</translation>
    </message>
    <message>
        <source>New job cluster</source>
        <translation>Neuer Job-Cluster</translation>
    </message>
    <message>
        <source>C&amp;luster:</source>
        <translation>C&amp;luster:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>The serverless environment version (its Python and libraries); empty: the service&apos;s default, or version 4 when the task needs an environment</source>
        <translation>Die Version der Serverless-Umgebung (ihr Python und ihre Bibliotheken); leer: die Vorgabe des Dienstes, oder Version 4, wenn die Aufgabe eine Umgebung braucht</translation>
    </message>
    <message>
        <source>Dependencies:</source>
        <translation>Abhängigkeiten:</translation>
    </message>
    <message>
        <source>pip requirements installed before the task runs, one per line (e.g. pandas==2.2.3)</source>
        <translation>pip-Anforderungen, die vor der Aufgabe installiert werden, eine pro Zeile (z. B. pandas==2.2.3)</translation>
    </message>
    <message>
        <source>Runtime:</source>
        <translation>Runtime:</translation>
    </message>
    <message>
        <source>The Databricks Runtime of the new cluster (long-term support versions first)</source>
        <translation>Die Databricks Runtime des neuen Clusters (Versionen mit Langzeitunterstützung zuerst)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the workspace&apos;s runtimes and node types again</source>
        <translation>Runtimes und Knotentypen des Arbeitsbereichs neu lesen</translation>
    </message>
    <message>
        <source>Node type:</source>
        <translation>Knotentyp:</translation>
    </message>
    <message>
        <source>The virtual machine of the driver and of each worker</source>
        <translation>Die virtuelle Maschine des Treibers und jedes Workers</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>How many workers besides the driver; 0 makes a single-node cluster</source>
        <translation>Wie viele Worker neben dem Treiber; 0 ergibt einen Einzelknoten-Cluster</translation>
    </message>
    <message>
        <source>0 (single node)</source>
        <translation>0 (Einzelknoten)</translation>
    </message>
    <message>
        <source>The fewest workers the cluster scales down to</source>
        <translation>Die wenigsten Worker, auf die der Cluster verkleinert wird</translation>
    </message>
    <message>
        <source>The most workers the cluster scales up to</source>
        <translation>Die meisten Worker, auf die der Cluster vergrößert wird</translation>
    </message>
    <message>
        <source>Autoscale</source>
        <translation>Autoskalierung</translation>
    </message>
    <message>
        <source>Let the service add and remove workers between a least and a most number</source>
        <translation>Den Dienst Worker zwischen einer Mindest- und einer Höchstzahl hinzufügen und entfernen lassen</translation>
    </message>
    <message>
        <source>Photon</source>
        <translation>Photon</translation>
    </message>
    <message>
        <source>Run the cluster with the Photon engine (faster for SQL and DataFrames, billed higher)</source>
        <translation>Den Cluster mit der Photon-Engine betreiben (schneller für SQL und DataFrames, höher abgerechnet)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>e.g. pandas==2.2.3
requests</source>
        <translation>z. B. pandas==2.2.3
requests</translation>
    </message>
    <message>
        <source>Workers (min–max):</source>
        <translation>Worker (min.–max.):</translation>
    </message>
    <message>
        <source>Loading the workspace&apos;s runtimes and node types…</source>
        <translation>Runtimes und Knotentypen des Arbeitsbereichs werden geladen…</translation>
    </message>
    <message>
        <source>The runtimes and node types are read once the workspace is connected.</source>
        <translation>Runtimes und Knotentypen werden gelesen, sobald der Arbeitsbereich verbunden ist.</translation>
    </message>
    <message>
        <source>The runtimes could not be read: %1</source>
        <translation>Die Runtimes konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The node types could not be read: %1</source>
        <translation>Die Knotentypen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (veraltet)</translation>
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
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::ConnectionRegistry</name>
    <message>
        <source>There is no workspace profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Arbeitsbereichsprofil namens „%1“.</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; is not signed in: %2 (Workspace → Edit workspace…).</source>
        <translation>Der Arbeitsbereich „%1“ ist nicht angemeldet: %2 (Arbeitsbereich → Arbeitsbereich bearbeiten…).</translation>
    </message>
    <message>
        <source>Workspace &quot;%1&quot; cannot be used: %2.</source>
        <translation>Der Arbeitsbereich „%1“ kann nicht verwendet werden: %2.</translation>
    </message>
</context>
<context>
    <name>Brickrun::ConnectionTester</name>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird gefragt…</translation>
    </message>
    <message>
        <source>No secret is stored for this profile (no keychain is running); enter it to test it.</source>
        <translation>Für dieses Profil ist kein Geheimnis gespeichert (es läuft kein Schlüsselbund); geben Sie es ein, um es zu testen.</translation>
    </message>
    <message>
        <source>This profile is not signed in; sign in to test it.</source>
        <translation>Dieses Profil ist nicht angemeldet; melden Sie sich an, um es zu testen.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile; enter one to test it.</source>
        <translation>Für dieses Profil ist kein Geheimnis gespeichert; geben Sie eines ein, um es zu testen.</translation>
    </message>
    <message>
        <source>Sign-in method: %1.</source>
        <translation>Anmeldemethode: %1.</translation>
    </message>
    <message>
        <source>The access token is valid until %1.</source>
        <translation>Das Zugriffstoken ist bis %1 gültig.</translation>
    </message>
</context>
<context>
    <name>Brickrun::DemoSession</name>
    <message>
        <source>The demo workspace is not running.</source>
        <translation>Der Demo-Arbeitsbereich läuft nicht.</translation>
    </message>
</context>
<context>
    <name>Brickrun::DemoWorkspaceLoader</name>
    <message>
        <source>its module cannot be loaded (%1)</source>
        <translation>sein Modul kann nicht geladen werden (%1)</translation>
    </message>
</context>
<context>
    <name>Brickrun::DesktopNotifications</name>
    <message>
        <source>there is no D-Bus session bus</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>Brickrun::DurationTrendWidget</name>
    <message>
        <source>Duration trend of this notebook</source>
        <translation>Verlauf der Dauer dieses Notebooks</translation>
    </message>
    <message>
        <source>Duration: no earlier run of this notebook has ended</source>
        <translation>Dauer: Noch keine frühere Ausführung dieses Notebooks ist beendet</translation>
    </message>
    <message>
        <source>Duration of this notebook&apos;s runs (last %1)</source>
        <translation>Dauer der Ausführungen dieses Notebooks (letzte %1)</translation>
    </message>
    <message>
        <source>dashed: expected %1</source>
        <translation>gestrichelt: erwartet %1</translation>
    </message>
    <message>
        <source>this run: %1 so far</source>
        <translation>diese Ausführung: bisher %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>This run: %1 so far</source>
        <translation>Diese Ausführung: bisher %1</translation>
    </message>
    <message>
        <source>No earlier run of this notebook has ended.</source>
        <translation>Noch keine frühere Ausführung dieses Notebooks ist beendet.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This notebook&apos;s last runs (%1), oldest first: %2.</source>
        <translation>Die letzten Ausführungen dieses Notebooks (%1), die älteste zuerst: %2.</translation>
    </message>
    <message>
        <source>Expected: %1, give or take %2 (from %3 successful runs).</source>
        <translation>Erwartet: %1, plus/minus %2 (aus %3 erfolgreichen Ausführungen).</translation>
    </message>
    <message>
        <source>This run: %1 so far.</source>
        <translation>Diese Ausführung: bisher %1.</translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryActions</name>
    <message>
        <source>Exported 1 run to %1.</source>
        <translation>1 Ausführung nach %1 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln runs to %1.</source>
        <translation>
            <numerusform>%Ln Ausführung nach %1 exportiert.</numerusform>
            <numerusform>%Ln Ausführungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>Ausführungen exportieren</translation>
    </message>
    <message>
        <source>The runs could not be exported: %1</source>
        <translation>Die Ausführungen konnten nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>An export is still being written.</source>
        <translation>Ein Export wird noch geschrieben.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n run(s)…</source>
        <translation>
            <numerusform>%n Ausführung wird exportiert…</numerusform>
            <numerusform>%n Ausführungen werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Ausführungen löschen</translation>
    </message>
    <message>
        <source>Active runs are not deleted: cancel them or let them end first.</source>
        <translation>Aktive Ausführungen werden nicht gelöscht: Brechen Sie sie ab oder lassen Sie sie zuerst zu Ende laufen.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) from the history?</source>
        <translation>
            <numerusform>%n Ausführung aus dem Verlauf löschen?</numerusform>
            <numerusform>%n Ausführungen aus dem Verlauf löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their output goes with them. The workspace itself is not changed.</source>
        <translation>Ihre Ausgaben werden mitgelöscht. Der Arbeitsbereich selbst bleibt unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n active run(s) in the selection are kept.</source>
        <translation>
            <numerusform>%n aktive Ausführung in der Auswahl bleibt erhalten.</numerusform>
            <numerusform>%n aktive Ausführungen in der Auswahl bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The runs could not be deleted (see the log).</source>
        <translation>Die Ausführungen konnten nicht gelöscht werden (siehe Protokoll).</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n run(s).</source>
        <translation>
            <numerusform>%n Ausführung gelöscht.</numerusform>
            <numerusform>%n Ausführungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete old runs</source>
        <translation>Alte Ausführungen löschen</translation>
    </message>
    <message>
        <source>Delete the runs submitted more than this many days ago
(active runs are kept):</source>
        <translation>Ausführungen löschen, die vor mehr als so vielen Tagen übermittelt wurden
(aktive Ausführungen bleiben erhalten):</translation>
    </message>
    <message>
        <source>No ended run was submitted before %1.</source>
        <translation>Vor dem %1 wurde keine beendete Ausführung übermittelt.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) submitted before %1?</source>
        <translation>
            <numerusform>%n vor dem %1 übermittelte Ausführung löschen?</numerusform>
            <numerusform>%n vor dem %1 übermittelte Ausführungen löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their output goes with them. Active runs are kept.</source>
        <translation>Ihre Ausgaben werden mitgelöscht. Aktive Ausführungen bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n old run(s).</source>
        <translation>
            <numerusform>%n alte Ausführung gelöscht.</numerusform>
            <numerusform>%n alte Ausführungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import from workspace</source>
        <translation>Aus Arbeitsbereich importieren</translation>
    </message>
    <message>
        <source>Add a workspace (or try the demo) first.</source>
        <translation>Fügen Sie zuerst einen Arbeitsbereich hinzu (oder probieren Sie die Demo aus).</translation>
    </message>
    <message>
        <source>the demo workspace</source>
        <translation>dem Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>1 new run imported.</source>
        <translation>1 neue Ausführung importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new runs imported.</source>
        <translation>
            <numerusform>%Ln neue Ausführung importiert.</numerusform>
            <numerusform>%Ln neue Ausführungen importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryFilterBar</name>
    <message>
        <source>Filter runs</source>
        <translation>Ausführungen filtern</translation>
    </message>
    <message>
        <source>Search runs (Ctrl+F)</source>
        <translation>Ausführungen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search runs</source>
        <translation>Ausführungen durchsuchen</translation>
    </message>
    <message>
        <source>Show the runs of one workspace</source>
        <translation>Die Ausführungen eines Arbeitsbereichs anzeigen</translation>
    </message>
    <message>
        <source>Workspace filter</source>
        <translation>Arbeitsbereichsfilter</translation>
    </message>
    <message>
        <source>Show runs by state</source>
        <translation>Ausführungen nach Status anzeigen</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Show runs submitted in this time</source>
        <translation>Ausführungen anzeigen, die in diesem Zeitraum übermittelt wurden</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Zeitfilter</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>Alle Arbeitsbereiche</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>Nicht erfolgreich</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Zeitraum wählen…</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Ausführung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln runs</source>
        <translation>
            <numerusform>%Ln Ausführung</numerusform>
            <numerusform>%Ln Ausführungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading runs…</source>
        <translation>Läufe werden gelesen…</translation>
    </message>
    <message>
        <source>Search run name, notebook, run ID and parameter values</source>
        <translation>Ausführungsname, Notebook, Ausführungs-ID und Parameterwerte durchsuchen</translation>
    </message>
</context>
<context>
    <name>Brickrun::ImportRunsDialog</name>
    <message>
        <source>Import runs from the workspace</source>
        <translation>Ausführungen aus dem Arbeitsbereich importieren</translation>
    </message>
    <message>
        <source>Reading the one-time runs of %1…
%2 read, %3 new.</source>
        <translation>Einmalige Ausführungen aus %1 werden gelesen…
%2 gelesen, %3 neu.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. %n new run(s) imported before that.</source>
        <translation>
            <numerusform>Abgebrochen. Zuvor wurde %n neue Ausführung importiert.</numerusform>
            <numerusform>Abgebrochen. Zuvor wurden %n neue Ausführungen importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace could not be read: %1
%n new run(s) imported before that.</source>
        <translation>
            <numerusform>Der Arbeitsbereich konnte nicht gelesen werden: %1
Zuvor wurde %n neue Ausführung importiert.</numerusform>
            <numerusform>Der Arbeitsbereich konnte nicht gelesen werden: %1
Zuvor wurden %n neue Ausführungen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new run imported (%1 read; the others were in the history already).</source>
        <translation>1 neue Ausführung importiert (%1 gelesen; die übrigen waren schon im Verlauf).</translation>
    </message>
    <message>
        <source>%1 new runs imported (%2 read; the others were in the history already).</source>
        <translation>%1 neue Ausführungen importiert (%2 gelesen; die übrigen waren schon im Verlauf).</translation>
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
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführung</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>A&amp;rbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New run</source>
        <translation>&amp;Neue Ausführung</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Submit run</source>
        <translation>Ausführung über&amp;mitteln</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Cancel run…</source>
        <translation>Ausführung &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Open run &amp;page in browser</source>
        <translation>Ausführungs&amp;seite im Browser öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Go to runs</source>
        <translation>Zur Ausführungs&amp;liste</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Add workspace…</source>
        <translation>Arbeitsbereich &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit workspace…</source>
        <translation>Arbeitsbereich &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>&amp;Demo-Arbeitsbereich ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Brickrun</source>
        <translation>Ü&amp;ber Brickrun</translation>
    </message>
    <message>
        <source>About Brickrun</source>
        <translation>Über Brickrun</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Brickrun %1&lt;/h3&gt;&lt;p&gt;Run Azure Databricks notebooks from the desktop: submit, watch, read the output.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Brickrun %1&lt;/h3&gt;&lt;p&gt;Azure-Databricks-Notebooks vom Desktop aus ausführen: übermitteln, verfolgen, Ausgabe lesen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>V&amp;orlagen</translation>
    </message>
    <message>
        <source>&amp;Find runs</source>
        <translation>Ausführungen &amp;suchen</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Export runs…</source>
        <translation>Ausführungen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the runs the filter shows to a CSV or JSON file</source>
        <translation>Die vom Filter angezeigten Ausführungen in eine CSV- oder JSON-Datei exportieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Import from workspace…</source>
        <translation>Aus Arbeitsbereich &amp;importieren…</translation>
    </message>
    <message>
        <source>Add the one-time runs of the workspace that the history does not have yet</source>
        <translation>Die einmaligen Ausführungen des Arbeitsbereichs hinzufügen, die noch nicht im Verlauf sind</translation>
    </message>
    <message>
        <source>&amp;Delete selected runs…</source>
        <translation>Ausgewählte Ausführungen &amp;löschen…</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Delete runs &amp;older than…</source>
        <translation>&amp;Alte Ausführungen löschen…</translation>
    </message>
    <message>
        <source>Notify when a run &amp;ends</source>
        <translation>Bei Ende einer Ausführung &amp;benachrichtigen</translation>
    </message>
    <message>
        <source>Announce a run that ends while Brickrun&apos;s window is in the background</source>
        <translation>Eine Ausführung melden, die endet, während das Fenster von Brickrun im Hintergrund ist</translation>
    </message>
    <message>
        <source>Team presets</source>
        <translation>Team-Presets</translation>
    </message>
    <message>
        <source>&amp;Team presets</source>
        <translation>&amp;Team-Presets</translation>
    </message>
</context>
<context>
    <name>Brickrun::NoKeychainNotice</name>
    <message>
        <source>No keychain to keep the secret</source>
        <translation>Kein Schlüsselbund, der das Geheimnis aufbewahrt</translation>
    </message>
    <message>
        <source>Use for this session &amp;only</source>
        <translation>Nu&amp;r für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>The secret stays in memory until Brickrun quits. The profile is saved without it and asks for it again next time.</source>
        <translation>Das Geheimnis bleibt im Arbeitsspeicher, bis Brickrun beendet wird. Das Profil wird ohne es gespeichert und fragt beim nächsten Mal erneut danach.</translation>
    </message>
    <message>
        <source>Detai&amp;ls</source>
        <translation>Detai&amp;ls</translation>
    </message>
</context>
<context>
    <name>Brickrun::NotebookBrowser</name>
    <message>
        <source>Choose a notebook</source>
        <translation>Notebook wählen</translation>
    </message>
    <message>
        <source>Filter the opened folders</source>
        <translation>Geöffnete Ordner filtern</translation>
    </message>
    <message>
        <source>Choose a workspace first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Loading the workspace…</source>
        <translation>Arbeitsbereich wird geladen…</translation>
    </message>
    <message>
        <source>Your home folder is not known: %1</source>
        <translation>Ihr Home-Ordner ist nicht bekannt: %1</translation>
    </message>
    <message>
        <source>Choose a Python file</source>
        <translation>Python-Datei wählen</translation>
    </message>
</context>
<context>
    <name>Brickrun::NotebookWidgetsLoader</name>
    <message>
        <source>Reading the notebook&apos;s widgets…</source>
        <translation>Die Widgets des Notebooks werden gelesen…</translation>
    </message>
    <message>
        <source>The notebook&apos;s widgets could not be read: %1</source>
        <translation>Die Widgets des Notebooks konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The notebook defines no widgets Brickrun can read.</source>
        <translation>Das Notebook definiert keine Widgets, die Brickrun lesen kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n parameter(s) from the notebook&apos;s widgets.</source>
        <translation>
            <numerusform>%n Parameter aus den Widgets des Notebooks.</numerusform>
            <numerusform>%n Parameter aus den Widgets des Notebooks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n widget(s) made in a loop or computed when the notebook runs were left out.</source>
        <translation>
            <numerusform>%n Widget, das in einer Schleife entsteht oder erst beim Lauf berechnet wird, wurde ausgelassen.</numerusform>
            <numerusform>%n Widgets, die in einer Schleife entstehen oder erst beim Lauf berechnet werden, wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The notebook is long: only its beginning was read.</source>
        <translation>Das Notebook ist lang: nur sein Anfang wurde gelesen.</translation>
    </message>
    <message>
        <source>you may not read its source (403 %1).</source>
        <translation>Sie dürfen seinen Quelltext nicht lesen (403 %1).</translation>
    </message>
    <message>
        <source>the workspace has no such notebook.</source>
        <translation>der Workspace hat kein solches Notebook.</translation>
    </message>
    <message>
        <source>its source is larger than %1 MB.</source>
        <translation>sein Quelltext ist größer als %1 MB.</translation>
    </message>
</context>
<context>
    <name>Brickrun::ParameterValueDelegate</name>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>One or more of the choices, separated by commas</source>
        <translation>Eine oder mehrere der Auswahlmöglichkeiten, durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>Brickrun::ParametersTable</name>
    <message>
        <source>Default: %1
Choices: %2</source>
        <translation>Standard: %1
Auswahl: %2</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>dropdown</source>
        <translation>Auswahlliste</translation>
    </message>
    <message>
        <source>combo box</source>
        <translation>Kombinationsfeld</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Notebook widget: %1 (%2)</source>
        <translation>Notebook-Widget: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Brickrun::PresetsBar</name>
    <message>
        <source>Presets</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Choose a preset to fill the form with it (Ctrl+P)</source>
        <translation>Eine Vorlage auswählen und das Formular damit ausfüllen (Strg+P)</translation>
    </message>
    <message>
        <source>No preset</source>
        <translation>Keine Vorlage</translation>
    </message>
    <message>
        <source>Run the chosen preset as saved, on its workspace (Ctrl+Shift+Return)</source>
        <translation>Die gewählte Vorlage wie gespeichert in ihrem Arbeitsbereich ausführen (Strg+Umschalt+Return)</translation>
    </message>
    <message>
        <source>Save, rename, duplicate, delete, export and import presets</source>
        <translation>Vorlagen speichern, umbenennen, duplizieren, löschen, exportieren und importieren</translation>
    </message>
    <message>
        <source>Preset actions</source>
        <translation>Vorlagenaktionen</translation>
    </message>
    <message>
        <source>&amp;Save form as preset…</source>
        <translation>Formular als Vorlage &amp;speichern…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Choose preset…</source>
        <translation>Vorlage &amp;auswählen…</translation>
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
        <translation>Vorlage &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Duplicate preset</source>
        <translation>Vorlage &amp;duplizieren</translation>
    </message>
    <message>
        <source>De&amp;lete preset…</source>
        <translation>Vorlage &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Export preset…</source>
        <translation>Vorlage &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import presets…</source>
        <translation>Vorlagen &amp;importieren…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>R&amp;un preset</source>
        <translation>Vorlage aus&amp;führen</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; is no longer there.</source>
        <translation>Die Vorlage „%1“ ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Save the form as a preset named:</source>
        <translation>Formular als Vorlage mit diesem Namen speichern:</translation>
    </message>
    <message>
        <source>Replace preset</source>
        <translation>Vorlage ersetzen</translation>
    </message>
    <message>
        <source>A preset named &quot;%1&quot; exists. Replace it with the form?</source>
        <translation>Es gibt bereits eine Vorlage namens „%1“. Soll sie durch das Formular ersetzt werden?</translation>
    </message>
    <message>
        <source>The preset could not be saved: %1</source>
        <translation>Die Vorlage konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved the preset &quot;%1&quot;.</source>
        <translation>Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Vorlage umbenennen</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>The preset could not be renamed: %1</source>
        <translation>Die Vorlage konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Duplicate preset</source>
        <translation>Vorlage duplizieren</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; could not be duplicated.</source>
        <translation>Die Vorlage „%1“ konnte nicht dupliziert werden.</translation>
    </message>
    <message>
        <source>Duplicated &quot;%1&quot; as &quot;%2&quot;.</source>
        <translation>„%1“ als „%2“ dupliziert.</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete the preset &quot;%1&quot;?</source>
        <translation>Vorlage „%1“ löschen?</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; could not be deleted.</source>
        <translation>Die Vorlage „%1“ konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Export preset</source>
        <translation>Vorlage exportieren</translation>
    </message>
    <message>
        <source>Brickrun presets (*.json);;All files (*)</source>
        <translation>Brickrun-Vorlagen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The preset could not be exported: %1</source>
        <translation>Die Vorlage konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>„%1“ nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>Vorlagen importieren</translation>
    </message>
    <message>
        <source>Nothing was imported from %1:</source>
        <translation>Aus %1 wurde nichts importiert:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n preset(s): %1</source>
        <translation>
            <numerusform>%n Vorlage importiert: %1</numerusform>
            <numerusform>%n Vorlagen importiert: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>Brickrun presets (*.json);;Arazzo workflows (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Brickrun-Vorlagen (*.json);;Arazzo-Workflows (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported the workflow %1 as the preset &quot;%2&quot;.</source>
        <translation>Workflow %1 als Vorlage „%2“ importiert.</translation>
    </message>
</context>
<context>
    <name>Brickrun::ProfileDialog</name>
    <message>
        <source>Workspace Profile</source>
        <translation>Arbeitsbereichsprofil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. prod or analytics-dev</source>
        <translation>z.&#xa0;B. prod oder analytics-dev</translation>
    </message>
    <message>
        <source>Workspace &amp;URL:</source>
        <translation>&amp;URL des Arbeitsbereichs:</translation>
    </message>
    <message>
        <source>https://adb-1234567890123456.7.azuredatabricks.net</source>
        <translation>https://adb-1234567890123456.7.azuredatabricks.net</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Personal access token (dapi…)</source>
        <translation>Persönliches Zugriffstoken (dapi…)</translation>
    </message>
    <message>
        <source>Default clu&amp;ster:</source>
        <translation>&amp;Standardcluster:</translation>
    </message>
    <message>
        <source>Optional, e.g. 0123-456789-abcdefgh</source>
        <translation>Optional, z.&#xa0;B. 0123-456789-abcdefgh</translation>
    </message>
    <message>
        <source>C&amp;A certificates:</source>
        <translation>&amp;CA-Zertifikate:</translation>
    </message>
    <message>
        <source>Optional PEM file, for a company certificate authority</source>
        <translation>Optional, PEM-Datei einer firmeneigenen CA</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Edit Workspace “%1”</source>
        <translation>Arbeitsbereich „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Stored in the keychain; leave empty to keep it</source>
        <translation>Im Schlüsselbund gespeichert; leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>Add Workspace</source>
        <translation>Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>A new profile needs a personal access token (in the workspace: Settings → Developer → Access tokens).</source>
        <translation>Ein neues Profil braucht ein persönliches Zugriffstoken (im Arbeitsbereich: Einstellungen → Entwickler → Zugriffstoken).</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Choose CA Certificates</source>
        <translation>CA-Zertifikate auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>A profile remembers one Azure Databricks workspace. Its secrets (token, refresh token or client secret) are kept in your system&apos;s keychain, never in a file.</source>
        <translation>Ein Profil merkt sich einen Azure-Databricks-Arbeitsbereich. Seine Geheimnisse (Token, Aktualisierungstoken oder geheimer Clientschlüssel) werden im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Sign &amp;in with:</source>
        <translation>&amp;Anmelden mit:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>The service principal&apos;s application (client) id</source>
        <translation>Anwendungs-ID (Client-ID) des Dienstprinzipals</translation>
    </message>
    <message>
        <source>Entra ID tenant id</source>
        <translation>Mandanten-ID in Entra ID</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
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
        <translation>Dienstprinzipal (geheimer OAuth-Clientschlüssel)</translation>
    </message>
    <message>
        <source>Azure service principal (Entra ID client secret)</source>
        <translation>Azure-Dienstprinzipal (geheimer Clientschlüssel von Entra ID)</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>The name cannot change: the secrets are stored in the keychain under it.</source>
        <translation>Der Name lässt sich nicht ändern: Die Geheimnisse sind unter diesem Namen im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The service principal&apos;s OAuth secret</source>
        <translation>OAuth-Geheimnis des Dienstprinzipals</translation>
    </message>
    <message>
        <source>Optional: the tenant az should sign in to</source>
        <translation>Optional: der Mandant, bei dem sich az anmelden soll</translation>
    </message>
    <message>
        <source>Brickrun uses the account you signed in with “az login”; it stores no secret of its own.</source>
        <translation>Brickrun verwendet das Konto, mit dem Sie sich per „az login“ angemeldet haben; es speichert kein eigenes Geheimnis.</translation>
    </message>
    <message>
        <source>The workspace changed: enter its token. The stored one stays with the old workspace and is removed.</source>
        <translation>Der Arbeitsbereich hat sich geändert: Geben Sie sein Token ein. Das gespeicherte gehört zum alten Arbeitsbereich und wird entfernt.</translation>
    </message>
    <message>
        <source>A service principal is named by its application (client) id.</source>
        <translation>Ein Dienstprinzipal wird über seine Anwendungs-ID (Client-ID) angegeben.</translation>
    </message>
    <message>
        <source>Entra ID needs the tenant id.</source>
        <translation>Entra ID benötigt die Mandanten-ID.</translation>
    </message>
    <message>
        <source>Enter the service principal&apos;s client secret.</source>
        <translation>Geben Sie den geheimen Clientschlüssel des Dienstprinzipals ein.</translation>
    </message>
    <message>
        <source>A secret has no spaces or line breaks; copy it again.</source>
        <translation>Ein Geheimnis enthält keine Leerzeichen oder Zeilenumbrüche; kopieren Sie es erneut.</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>Client sec&amp;ret:</source>
        <translation>&amp;Geheimer Clientschlüssel:</translation>
    </message>
    <message>
        <source>Kept for this session only; leave empty to keep it</source>
        <translation>Nur für diese Sitzung aufbewahrt; leer lassen, um es zu behalten</translation>
    </message>
</context>
<context>
    <name>Brickrun::ProfileSaver</name>
    <message>
        <source>The old secrets could not be removed from the keychain, so nothing was saved: %1</source>
        <translation>Die alten Geheimnisse konnten nicht aus dem Schlüsselbund entfernt werden, daher wurde nichts gespeichert: %1</translation>
    </message>
    <message>
        <source>The secret could not be stored in the keychain, so nothing was saved: %1</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund abgelegt werden, daher wurde nichts gespeichert: %1</translation>
    </message>
    <message>
        <source>The secret cannot be kept for this session either, so nothing was saved.</source>
        <translation>Das Geheimnis kann auch nicht für diese Sitzung aufbewahrt werden, daher wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::QuitConfirmation</name>
    <message>
        <source>Runs are still active</source>
        <translation>Es sind noch Ausführungen aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) are still active.</source>
        <translation>
            <numerusform>%n Ausführung ist noch aktiv.</numerusform>
            <numerusform>%n Ausführungen sind noch aktiv.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them running: they go on at Databricks and Brickrun follows them again at the next start. Or cancel them now.</source>
        <translation>Lassen Sie sie weiterlaufen: Sie laufen bei Databricks weiter, und Brickrun verfolgt sie beim nächsten Start wieder. Oder brechen Sie sie jetzt ab.</translation>
    </message>
    <message>
        <source>&amp;Keep running and quit</source>
        <translation>&amp;Weiterlaufen lassen und beenden</translation>
    </message>
    <message>
        <source>&amp;Cancel runs and quit</source>
        <translation>Ausführungen &amp;abbrechen und beenden</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t quit</source>
        <translation>&amp;Nicht beenden</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n run(s)…</source>
        <translation>
            <numerusform>%n Ausführung wird abgebrochen…</numerusform>
            <numerusform>%n Ausführungen werden abgebrochen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::ResultTable</name>
    <message>
        <source>Element %1 of the JSON array is not an object.</source>
        <translation>Element %1 des JSON-Arrays ist kein Objekt.</translation>
    </message>
    <message>
        <source>The result is a JSON array of arrays, not of objects.</source>
        <translation>Das Ergebnis ist ein JSON-Array aus Arrays, nicht aus Objekten.</translation>
    </message>
    <message>
        <source>The result is a JSON array of plain values, not of objects.</source>
        <translation>Das Ergebnis ist ein JSON-Array aus einfachen Werten, nicht aus Objekten.</translation>
    </message>
    <message>
        <source>The result is a JSON array of empty objects.</source>
        <translation>Das Ergebnis ist ein JSON-Array aus leeren Objekten.</translation>
    </message>
    <message>
        <source>The result is a JSON object whose values are not all arrays (&quot;%1&quot; is not).</source>
        <translation>Das Ergebnis ist ein JSON-Objekt, dessen Werte nicht alle Arrays sind („%1“ ist keines).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The result is empty.</source>
        <translation>Das Ergebnis ist leer.</translation>
    </message>
    <message>
        <source>The result is an empty JSON array.</source>
        <translation>Das Ergebnis ist ein leeres JSON-Array.</translation>
    </message>
    <message>
        <source>The result is an empty JSON object.</source>
        <translation>Das Ergebnis ist ein leeres JSON-Objekt.</translation>
    </message>
    <message>
        <source>The result is a single JSON value, not records.</source>
        <translation>Das Ergebnis ist ein einzelner JSON-Wert, keine Datensätze.</translation>
    </message>
    <message>
        <source>The result is plain text, not JSON.</source>
        <translation>Das Ergebnis ist reiner Text, kein JSON.</translation>
    </message>
    <message>
        <source>The result is JSON that ends early, as when the service cuts a result at 5 MB.</source>
        <translation>Das Ergebnis ist JSON, das vorzeitig endet – so wie wenn der Dienst ein Ergebnis bei 5 MB abschneidet.</translation>
    </message>
    <message>
        <source>The result is not valid JSON (error at character %1).</source>
        <translation>Das Ergebnis ist kein gültiges JSON (Fehler bei Zeichen %1).</translation>
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
        <translation>Ausführungsdetails</translation>
    </message>
    <message>
        <source>Select a run to see its state, timings and output.</source>
        <translation>Wählen Sie eine Ausführung aus, um Status, Zeiten und Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>Submit this run again with the same notebook, cluster and parameters</source>
        <translation>Diese Ausführung mit demselben Notebook, Cluster und denselben Parametern erneut übermitteln</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Ask the service to cancel this run</source>
        <translation>Den Dienst bitten, diese Ausführung abzubrechen</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Übermittelt:</translation>
    </message>
    <message>
        <source>Run ID:</source>
        <translation>Ausführungs-ID:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Task run ID:</source>
        <translation>Aufgabenausführungs-ID:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Notebook:</source>
        <translation>Notebook:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <source>The service no longer knows this run (it deletes runs after 60 days); what is shown here is what was last seen.</source>
        <translation>Der Dienst kennt diese Ausführung nicht mehr (er löscht Ausführungen nach 60 Tagen); angezeigt wird der zuletzt bekannte Stand.</translation>
    </message>
    <message>
        <source>The service refused to start this run.</source>
        <translation>Der Dienst hat den Start dieser Ausführung abgelehnt.</translation>
    </message>
    <message>
        <source>Open the run page in the browser</source>
        <translation>Ausführungsseite im Browser öffnen</translation>
    </message>
    <message>
        <source>No run page yet</source>
        <translation>Noch keine Ausführungsseite</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>noch nicht vergeben</translation>
    </message>
    <message>
        <source>Cancel run “%1”?</source>
        <translation>Ausführung „%1“ abbrechen?</translation>
    </message>
    <message>
        <source>The service stops the notebook where it is. Cells that already ran keep their effects.</source>
        <translation>Der Dienst hält das Notebook an der Stelle an, an der es gerade ist. Bereits ausgeführte Zellen behalten ihre Wirkung.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Attempt:</source>
        <translation>Versuch:</translation>
    </message>
    <message>
        <source>Run options:</source>
        <translation>Ausführungsoptionen:</translation>
    </message>
    <message>
        <source>As the workspace&apos;s clock tells it</source>
        <translation>Nach der Uhr des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>As this computer&apos;s clock tells it</source>
        <translation>Nach der Uhr dieses Computers</translation>
    </message>
    <message>
        <source>%1 (the workspace&apos;s clock)</source>
        <translation>%1 (Uhr des Arbeitsbereichs)</translation>
    </message>
    <message>
        <source>Python file:</source>
        <translation>Python-Datei:</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>Compute:</translation>
    </message>
    <message>
        <source>The new job cluster is starting (%1); this can take a few minutes.</source>
        <translation>Der neue Job-Cluster startet (%1); das kann einige Minuten dauern.</translation>
    </message>
    <message>
        <source>%1 (in %2, %3)</source>
        <translation>%1 (in %2, %3)</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunMonitor</name>
    <message>
        <source>The run ended, but its output could not be read: %1</source>
        <translation>Die Ausführung ist beendet, aber ihre Ausgabe konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the history could not store it (is the disk full, or the history not writable?)</source>
        <translation>der Verlauf konnte sie nicht speichern (ist der Datenträger voll oder der Verlauf nicht beschreibbar?)</translation>
    </message>
    <message>
        <source>The service no longer knows this run (%1); the history keeps what was last known.</source>
        <translation>Der Dienst kennt diese Ausführung nicht mehr (%1); der Verlauf behält den zuletzt bekannten Stand.</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunNotifier</name>
    <message>
        <source>Show Brickrun</source>
        <translation>Brickrun anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Run succeeded</source>
        <translation>Ausführung erfolgreich</translation>
    </message>
    <message>
        <source>Run ended: %1</source>
        <translation>Ausführung beendet: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunOutputPanel</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The service kept only the first 5 MB of this result: what follows is incomplete.</source>
        <translation>Der Dienst hat nur die ersten 5 MB dieses Ergebnisses behalten: Was folgt, ist unvollständig.</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Spe&amp;ichern unter…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>No error was reported for this run.</source>
        <translation>Für diese Ausführung wurde kein Fehler gemeldet.</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Copy the output shown in this tab (a table as tab-separated values)</source>
        <translation>Die in diesem Tab angezeigte Ausgabe kopieren (eine Tabelle als tabulatorgetrennte Werte)</translation>
    </message>
    <message>
        <source>Save the output shown in this tab to a file (a table as CSV)</source>
        <translation>Die in diesem Tab angezeigte Ausgabe in einer Datei speichern (eine Tabelle als CSV)</translation>
    </message>
    <message>
        <source>… [%L1 more characters not shown: Copy and Save as… give all of it]</source>
        <translation>… [%L1 weitere Zeichen nicht angezeigt: „Kopieren“ und „Speichern unter…“ liefern den ganzen Text]</translation>
    </message>
    <message>
        <source>[Cut here for display: %L1 of %L2 characters shown. Copy and Save as… give all of it.]</source>
        <translation>[Für die Anzeige hier abgeschnitten: %L1 von %L2 Zeichen angezeigt. „Kopieren“ und „Speichern unter…“ liefern den ganzen Text.]</translation>
    </message>
    <message>
        <source>No output has been fetched for this run.</source>
        <translation>Für diese Ausführung wurde keine Ausgabe abgerufen.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Reading the output…</source>
        <translation>Ausgabe wird gelesen…</translation>
    </message>
    <message>
        <source>The run is being submitted.</source>
        <translation>Die Ausführung wird übermittelt.</translation>
    </message>
    <message>
        <source>The run was not submitted, so it has no output.</source>
        <translation>Die Ausführung wurde nicht übermittelt und hat daher keine Ausgabe.</translation>
    </message>
    <message>
        <source>The output is no longer available: the service no longer knows this run.</source>
        <translation>Die Ausgabe ist nicht mehr verfügbar: Der Dienst kennt diese Ausführung nicht mehr.</translation>
    </message>
    <message>
        <source>The output could not be read.</source>
        <translation>Die Ausgabe konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No output was fetched for this run.</source>
        <translation>Für diese Ausführung wurde keine Ausgabe abgerufen.</translation>
    </message>
    <message>
        <source>No result: the run failed before the notebook returned one. The Error tab says why.</source>
        <translation>Kein Ergebnis: Die Ausführung ist fehlgeschlagen, bevor das Notebook eines zurückgegeben hat. Der Tab „Fehler“ nennt den Grund.</translation>
    </message>
    <message>
        <source>No result: the notebook did not call dbutils.notebook.exit().</source>
        <translation>Kein Ergebnis: Das Notebook hat dbutils.notebook.exit() nicht aufgerufen.</translation>
    </message>
    <message>
        <source>Parsing result…</source>
        <translation>Ergebnis wird ausgewertet…</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>1 column</source>
        <translation>1 Spalte</translation>
    </message>
    <message>
        <source>%L1 columns</source>
        <translation>%L1 Spalten</translation>
    </message>
    <message>
        <source>Showing the first %L1 of %L2 characters; Copy and Save as… give all of it.</source>
        <translation>Angezeigt werden die ersten %L1 von %L2 Zeichen; „Kopieren“ und „Speichern unter…“ liefern den ganzen Text.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save output</source>
        <translation>Ausgabe speichern</translation>
    </message>
    <message>
        <source>The output could not be saved to %1: %2</source>
        <translation>Die Ausgabe konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output…</source>
        <translation>Die Ausführung ist beendet. Ihre Ausgabe wird abgerufen…</translation>
    </message>
    <message>
        <source>The run waits to be tried again. Its result appears here when it has finished.</source>
        <translation>Die Ausführung wartet auf einen neuen Versuch. Ihr Ergebnis erscheint hier, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>The run has not started yet. Its result appears here when it has finished.</source>
        <translation>Die Ausführung hat noch nicht begonnen. Ihr Ergebnis erscheint hier, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>The run is running. Its result appears here when it has finished.</source>
        <translation>Die Ausführung läuft. Ihr Ergebnis erscheint hier, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>No result: the run was cancelled.</source>
        <translation>Kein Ergebnis: Die Ausführung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output… (%1 of %2)</source>
        <translation>Die Ausführung ist beendet. Ihre Ausgabe wird abgerufen… (%1 von %2)</translation>
    </message>
    <message>
        <source>The run has ended. Fetching its output… (%1 so far)</source>
        <translation>Die Ausführung ist beendet. Ihre Ausgabe wird abgerufen… (bisher %1)</translation>
    </message>
    <message>
        <source>The service kept only the last 5 MB of these logs: their beginning is missing.</source>
        <translation>Der Dienst hat nur die letzten 5 MB dieser Protokolle behalten: Ihr Anfang fehlt.</translation>
    </message>
    <message>
        <source>What the Python file printed (its logs).</source>
        <translation>Was die Python-Datei ausgegeben hat (ihre Protokolle).</translation>
    </message>
    <message>
        <source>Showing the last %L1 of %L2 characters; Copy and Save as… give all of it.</source>
        <translation>Angezeigt werden die letzten %L1 von %L2 Zeichen; „Kopieren“ und „Speichern unter…“ liefern den ganzen Text.</translation>
    </message>
    <message>
        <source>[Cut here for display: the last %L1 of %L2 characters shown. Copy and Save as… give all of it.]</source>
        <translation>[Für die Anzeige hier abgeschnitten: die letzten %L1 von %L2 Zeichen angezeigt. „Kopieren“ und „Speichern unter…“ liefern den ganzen Text.]</translation>
    </message>
    <message>
        <source>No output: the run failed before the Python file printed anything. The Error tab says why.</source>
        <translation>Keine Ausgabe: Die Ausführung ist fehlgeschlagen, bevor die Python-Datei etwas ausgegeben hat. Der Tab „Fehler“ nennt den Grund.</translation>
    </message>
    <message>
        <source>No output: the Python file printed nothing.</source>
        <translation>Keine Ausgabe: Die Python-Datei hat nichts ausgegeben.</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunPhases</name>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Waiting for the cluster</source>
        <translation>Wartet auf den Cluster</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>The run never started: the service refused it.</source>
        <translation>Die Ausführung hat nie begonnen: Der Dienst hat sie abgelehnt.</translation>
    </message>
    <message>
        <source>Brickrun did not see this run&apos;s phases (it was not followed from its start).</source>
        <translation>Brickrun hat die Phasen dieser Ausführung nicht gesehen (sie wurde nicht von Anfang an verfolgt).</translation>
    </message>
    <message>
        <source>%1 %2 so far</source>
        <translation>%1 bisher %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1; then %2</source>
        <translation>%1; dann %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunTimelineWidget</name>
    <message>
        <source>Timeline of the run</source>
        <translation>Zeitleiste der Ausführung</translation>
    </message>
    <message>
        <source>%1: %2 so far</source>
        <translation>%1: bisher %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>%1: %2 (from %3)</source>
        <translation>%1: %2 (ab %3)</translation>
    </message>
    <message>
        <source>As Brickrun saw each state (when a poll first saw it), on this computer&apos;s clock.</source>
        <translation>So, wie Brickrun jeden Zustand gesehen hat (als eine Abfrage ihn zuerst sah), nach der Uhr dieses Computers.</translation>
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
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>%1 since submitted</source>
        <translation>%1 seit der Übermittlung</translation>
    </message>
</context>
<context>
    <name>Brickrun::RunsTableModel</name>
    <message>
        <source>Demo workspace</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Ausführungsname</translation>
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
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>Ausführungs-ID</translation>
    </message>
</context>
<context>
    <name>Brickrun::ShareActions</name>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <source>Databricks CLI command</source>
        <translation>Befehl für die Databricks CLI</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <source>Python (Databricks SDK)</source>
        <translation>Python (Databricks-SDK)</translation>
    </message>
    <message>
        <source>Arazzo workflow</source>
        <translation>Arazzo-Workflow</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Copy or export this run as a Databricks CLI or curl command, Python code for the Databricks SDK, or an Arazzo workflow</source>
        <translation>Diesen Lauf als Befehl für die Databricks CLI oder curl, als Python-Code für das Databricks SDK oder als Arazzo-Workflow kopieren oder exportieren</translation>
    </message>
    <message>
        <source>Copied &quot;%1&quot; as %2.</source>
        <translation>„%1“ als %2 kopiert.</translation>
    </message>
    <message>
        <source>Export as %1</source>
        <translation>Exportieren als %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; as %2 to %3.</source>
        <translation>„%1“ als %2 nach %3 exportiert.</translation>
    </message>
</context>
<context>
    <name>Brickrun::StateIcons</name>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Upstream failed</source>
        <translation>Vorgänger fehlgeschlagen</translation>
    </message>
    <message>
        <source>Too many concurrent runs</source>
        <translation>Zu viele gleichzeitige Ausführungen</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>Submit failed</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Vanished</source>
        <translation>Verschollen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Waiting for retry</source>
        <translation>Wartet auf Wiederholung</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Dienstfehler</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Upstream cancelled</source>
        <translation>Vorgänger abgebrochen</translation>
    </message>
</context>
<context>
    <name>Brickrun::SubmitPanel</name>
    <message>
        <source>New run</source>
        <translation>Neue Ausführung</translation>
    </message>
    <message>
        <source>&lt;b&gt;New run&lt;/b&gt;</source>
        <translation>&lt;b&gt;Neue Ausführung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Wor&amp;kspace:</source>
        <translation>Arbeits&amp;bereich:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Add a workspace</source>
        <translation>Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Notebook:</source>
        <translation>&amp;Notebook:</translation>
    </message>
    <message>
        <source>/Users/me@example.com/report</source>
        <translation>/Users/me@example.com/report</translation>
    </message>
    <message>
        <source>Run na&amp;me:</source>
        <translation>Ausführungsna&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Task key:</source>
        <translation>Aufgaben&amp;schlüssel:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>A&amp;dd parameter</source>
        <translation>Parameter hin&amp;zufügen</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>Übermi&amp;tteln</translation>
    </message>
    <message>
        <source>Submit the run (Ctrl+Return)</source>
        <translation>Die Ausführung übermitteln (Strg+Return)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Choose a notebook from the workspace</source>
        <translation>Ein Notebook aus dem Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>No such notebook: the folder %1 does not exist.</source>
        <translation>Kein solches Notebook: Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The notebook could not be checked: %1</source>
        <translation>Das Notebook konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>%1 is not a notebook.</source>
        <translation>%1 ist kein Notebook.</translation>
    </message>
    <message>
        <source>No such notebook in the workspace.</source>
        <translation>Kein solches Notebook im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The run&apos;s own timeout and retries, enforced by the service</source>
        <translation>Zeitlimit und Wiederholungen der Ausführung selbst, vom Dienst durchgesetzt</translation>
    </message>
    <message>
        <source>R&amp;un options</source>
        <translation>Aus&amp;führungsoptionen</translation>
    </message>
    <message>
        <source>Run timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>none, e.g. 45m or 2h</source>
        <translation>keines, z. B. 45m oder 2h</translation>
    </message>
    <message>
        <source>An attempt still running after this long ends as timed out, whether or not Brickrun is running (at most 7 days)</source>
        <translation>Ein Versuch, der nach dieser Zeit noch läuft, endet mit Zeitüberschreitung, ob Brickrun läuft oder nicht (höchstens 7 Tage)</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>How many times the service starts the run again after a failed attempt</source>
        <translation>Wie oft der Dienst die Ausführung nach einem fehlgeschlagenen Versuch erneut startet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Retry interval:</source>
        <translation>Wiederholungsabstand:</translation>
    </message>
    <message>
        <source>at once, e.g. 30s or 5m</source>
        <translation>sofort, z. B. 30s oder 5m</translation>
    </message>
    <message>
        <source>The least time between two attempts (at most 1 day)</source>
        <translation>Mindestzeit zwischen zwei Versuchen (höchstens 1 Tag)</translation>
    </message>
    <message>
        <source>Retry after a timeout</source>
        <translation>Auch nach Zeitüberschreitung wiederholen</translation>
    </message>
    <message>
        <source>Also retry an attempt that reached the run timeout</source>
        <translation>Auch einen Versuch wiederholen, der das Zeitlimit erreicht hat</translation>
    </message>
    <message>
        <source>Run timeout: &quot;%1&quot; is not a duration (e.g. 90s, 45m, 2h or 1h30m).</source>
        <translation>Zeitlimit: „%1“ ist keine Dauer (z. B. 90s, 45m, 2h oder 1h30m).</translation>
    </message>
    <message>
        <source>Run timeout: whole seconds only.</source>
        <translation>Zeitlimit: nur ganze Sekunden.</translation>
    </message>
    <message>
        <source>Retry interval: &quot;%1&quot; is not a duration (e.g. 30s or 5m).</source>
        <translation>Wiederholungsabstand: „%1“ ist keine Dauer (z. B. 30s oder 5m).</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>No such Python file in the workspace.</source>
        <translation>Diese Python-Datei gibt es im Arbeitsbereich nicht.</translation>
    </message>
    <message>
        <source>No such Python file: the folder %1 does not exist.</source>
        <translation>Diese Python-Datei gibt es nicht: Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Pytho&amp;n file:</source>
        <translation>Pytho&amp;n-Datei:</translation>
    </message>
    <message>
        <source>A path in the Git repository is typed: the repository is read only when the run starts</source>
        <translation>Ein Pfad im Git-Repository wird eingetippt: Das Repository wird erst beim Start der Ausführung gelesen</translation>
    </message>
    <message>
        <source>Choose a Python file from the workspace</source>
        <translation>Eine Python-Datei aus dem Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>A&amp;dd argument</source>
        <translation>Argument hin&amp;zufügen</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskListModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Task run ID</source>
        <translation>Task-Run-ID</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskRunsPanel</name>
    <message>
        <source>Read the run&apos;s tasks from the workspace again</source>
        <translation>Die Tasks des Runs erneut aus dem Workspace lesen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Tasks of the run</source>
        <translation>Tasks des Runs</translation>
    </message>
    <message>
        <source>Output of the selected task</source>
        <translation>Ausgabe des ausgewählten Tasks</translation>
    </message>
    <message>
        <source>[Cut here for display: %L1 of %L2 characters shown.]</source>
        <translation>[Für die Anzeige hier gekürzt: %L1 von %L2 Zeichen angezeigt.]</translation>
    </message>
    <message>
        <source>The run has no run ID yet, so no tasks.</source>
        <translation>Der Run hat noch keine Run-ID, also keine Tasks.</translation>
    </message>
    <message>
        <source>The workspace of this run cannot be reached here.</source>
        <translation>Der Workspace dieses Runs ist von hier aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>Reading tasks…</source>
        <translation>Tasks werden gelesen…</translation>
    </message>
    <message>
        <source>The tasks could not be read: %1</source>
        <translation>Die Tasks konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The service lists no tasks for this run.</source>
        <translation>Der Dienst führt für diesen Run keine Tasks auf.</translation>
    </message>
    <message>
        <source>1 task. Select it to read its output.</source>
        <translation>1 Task. Wählen Sie ihn aus, um seine Ausgabe zu lesen.</translation>
    </message>
    <message>
        <source>%L1 tasks. Select one to read its output.</source>
        <translation>%L1 Tasks. Wählen Sie einen aus, um seine Ausgabe zu lesen.</translation>
    </message>
    <message>
        <source>Select a task to read its output.</source>
        <translation>Wählen Sie einen Task aus, um seine Ausgabe zu lesen.</translation>
    </message>
    <message>
        <source>Task %1 has no task run ID yet.</source>
        <translation>Task %1 hat noch keine Task-Run-ID.</translation>
    </message>
    <message>
        <source>Reading the output of task %1 (task run %2)…</source>
        <translation>Die Ausgabe von Task %1 (Task-Run %2) wird gelesen…</translation>
    </message>
    <message>
        <source>Task %1 (task run %2)</source>
        <translation>Task %1 (Task-Run %2)</translation>
    </message>
    <message>
        <source>%1: the output could not be read: %2</source>
        <translation>%1: Die Ausgabe konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: result (the service kept only its first 5 MB)</source>
        <translation>%1: Ergebnis (der Dienst hat nur die ersten 5 MB behalten)</translation>
    </message>
    <message>
        <source>%1: result</source>
        <translation>%1: Ergebnis</translation>
    </message>
    <message>
        <source>%1: error</source>
        <translation>%1: Fehler</translation>
    </message>
    <message>
        <source>%1 has not finished; Refresh once it has to read its output.</source>
        <translation>%1 ist noch nicht beendet; klicken Sie danach auf Aktualisieren, um die Ausgabe zu lesen.</translation>
    </message>
    <message>
        <source>%1: no result (the notebook did not call dbutils.notebook.exit()).</source>
        <translation>%1: kein Ergebnis (das Notebook hat dbutils.notebook.exit() nicht aufgerufen).</translation>
    </message>
</context>
<context>
    <name>Brickrun::TaskSourceChooser</name>
    <message>
        <source>Task t&amp;ype:</source>
        <translation>Aufgabent&amp;yp:</translation>
    </message>
    <message>
        <source>Run a notebook (named parameters) or a Python file (command-line arguments)</source>
        <translation>Ein Notebook (benannte Parameter) oder eine Python-Datei (Kommandozeilenargumente) ausführen</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>Python file</source>
        <translation>Python-Datei</translation>
    </message>
    <message>
        <source>From a &amp;Git repository</source>
        <translation>Aus einem &amp;Git-Repository</translation>
    </message>
    <message>
        <source>Take the notebook or file from a branch, tag or commit of a remote Git repository; its path is then relative to the repository</source>
        <translation>Notebook oder Datei aus einem Branch, Tag oder Commit eines entfernten Git-Repositorys nehmen; der Pfad ist dann relativ zum Repository</translation>
    </message>
    <message>
        <source>Git URL:</source>
        <translation>Git-URL:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>The Git service; found from the URL unless you choose one</source>
        <translation>Der Git-Dienst; aus der URL erkannt, sofern Sie keinen wählen</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>What to check out: a branch, a tag or a commit</source>
        <translation>Was ausgecheckt wird: ein Branch, ein Tag oder ein Commit</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
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
        <translation>Aus der URL (nicht erkannt)</translation>
    </message>
    <message>
        <source>From the URL: %1</source>
        <translation>Aus der URL: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresets</name>
    <message>
        <source>parameter &quot;%1&quot; looks like a secret; a shared preset never holds one (use a Databricks secret scope instead)</source>
        <translation>Parameter „%1“ sieht wie ein Geheimnis aus; ein geteiltes Preset enthält nie eines (verwenden Sie stattdessen einen Databricks-Secret-Scope)</translation>
    </message>
    <message>
        <source>the value of parameter &quot;%1&quot; looks like a token; a shared preset never holds one</source>
        <translation>der Wert des Parameters „%1“ sieht wie ein Token aus; ein geteiltes Preset enthält nie eines</translation>
    </message>
    <message>
        <source>an argument looks like a token; a shared preset never holds one</source>
        <translation>ein Argument sieht wie ein Token aus; ein geteiltes Preset enthält nie eines</translation>
    </message>
    <message>
        <source>the compute or Git settings hold what looks like a token</source>
        <translation>die Compute- oder Git-Einstellungen enthalten etwas, das wie ein Token aussieht</translation>
    </message>
    <message>
        <source>the Git URL holds a user name and password; a shared preset never holds one</source>
        <translation>die Git-URL enthält Benutzername und Passwort; ein geteiltes Preset enthält sie nie</translation>
    </message>
    <message>
        <source>the folder &quot;%1&quot; is not a workspace path (it starts with /)</source>
        <translation>der Ordner „%1“ ist kein Pfad im Arbeitsbereich (ein solcher beginnt mit /)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>kein JSON</translation>
    </message>
    <message>
        <source>%1: not a preset (%2)</source>
        <translation>%1: kein Preset (%2)</translation>
    </message>
    <message>
        <source>%1: a second preset named &quot;%2&quot;; left out</source>
        <translation>%1: ein zweites Preset namens „%2“; ausgelassen</translation>
    </message>
    <message>
        <source>a preset needs a name to be published</source>
        <translation>ein Preset braucht einen Namen, um veröffentlicht zu werden</translation>
    </message>
    <message>
        <source>%1 is a folder, not a preset</source>
        <translation>%1 ist ein Ordner, kein Preset</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in %2 already, as it is</source>
        <translation>„%1“ liegt bereits unverändert in %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 was changed by someone else since this Brickrun last read or wrote it; theirs is kept</source>
        <translation>„%1“ in %2 wurde von jemand anderem geändert, seit dieses Brickrun es zuletzt gelesen oder geschrieben hat; deren Fassung bleibt</translation>
    </message>
    <message>
        <source>published &quot;%1&quot; to %2</source>
        <translation>„%1“ in %2 veröffentlicht</translation>
    </message>
    <message>
        <source>published &quot;%1&quot; to %2, but someone changed it again right after</source>
        <translation>„%1“ in %2 veröffentlicht, aber jemand hat es gleich danach wieder geändert</translation>
    </message>
    <message>
        <source>%1 is read-only for you: the workspace refused to write there (%2)</source>
        <translation>%1 ist für Sie schreibgeschützt: Der Arbeitsbereich hat das Schreiben dort abgelehnt (%2)</translation>
    </message>
    <message>
        <source>publishing &quot;%1&quot; failed: %2</source>
        <translation>Veröffentlichen von „%1“ fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresetsModel</name>
    <message>
        <source>%1
Runs %2
In %3, changed %4</source>
        <translation>%1
Führt %2 aus
In %3, geändert %4</translation>
    </message>
</context>
<context>
    <name>Brickrun::TeamPresetsPanel</name>
    <message>
        <source>Team presets</source>
        <translation>Team-Presets</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>The workspace folder the team&apos;s presets are in, e.g. /Shared/Brickrun/presets. Empty: your own /Users/&lt;you&gt;/.brickrun/presets</source>
        <translation>Der Workspace-Ordner mit den Presets des Teams, z. B. /Shared/Brickrun/presets. Leer: Ihr eigener /Users/&lt;Sie&gt;/.brickrun/presets</translation>
    </message>
    <message>
        <source>Your own folder</source>
        <translation>Ihr eigener Ordner</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the folder&apos;s presets again</source>
        <translation>Die Presets des Ordners neu lesen</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Fill the form with the chosen team preset</source>
        <translation>Das Formular mit dem gewählten Team-Preset füllen</translation>
    </message>
    <message>
        <source>Publish preset</source>
        <translation>Preset veröffentlichen</translation>
    </message>
    <message>
        <source>Publish the preset chosen in the form to this folder, for everyone who reads it</source>
        <translation>Das im Formular gewählte Preset in diesem Ordner veröffentlichen, für alle, die ihn lesen</translation>
    </message>
    <message>
        <source>Choose a workspace to see its team presets.</source>
        <translation>Wählen Sie einen Workspace, um seine Team-Presets zu sehen.</translation>
    </message>
    <message>
        <source>Waiting for the workspace&apos;s sign-in…</source>
        <translation>Warte auf die Anmeldung beim Workspace …</translation>
    </message>
    <message>
        <source>The team presets could not be read: %1</source>
        <translation>Die Team-Presets konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>%1 does not exist yet: the first preset published makes it.</source>
        <translation>%1 gibt es noch nicht: Das erste veröffentlichte Preset legt ihn an.</translation>
    </message>
    <message>
        <source>Presets in %1: %2.</source>
        <translation>Presets in %1: %2.</translation>
    </message>
    <message>
        <source>Read-only: the workspace does not let you write in this folder.</source>
        <translation>Nur lesen: Der Workspace lässt Sie in diesem Ordner nicht schreiben.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message>
        <source>The form holds the team preset “%1” now.</source>
        <translation>Das Formular enthält jetzt das Team-Preset „%1“.</translation>
    </message>
    <message>
        <source>Choose one of your presets in the form first: Publish shares that one.</source>
        <translation>Wählen Sie zuerst eines Ihrer Presets im Formular: „Veröffentlichen“ teilt dieses.</translation>
    </message>
    <message>
        <source>Publishing “%1” to %2…</source>
        <translation>Veröffentliche „%1“ in %2 …</translation>
    </message>
    <message>
        <source>Published “%1” to %2.</source>
        <translation>„%1“ in %2 veröffentlicht.</translation>
    </message>
    <message>
        <source>“%1” is in %2 already, unchanged.</source>
        <translation>„%1“ ist bereits unverändert in %2.</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else: nothing was overwritten.</source>
        <translation>„%1“ wurde von jemand anderem geändert: Nichts wurde überschrieben.</translation>
    </message>
    <message>
        <source>Read-only: the workspace does not let you write in %1 (%2).</source>
        <translation>Nur lesen: Der Workspace lässt Sie nicht in %1 schreiben (%2).</translation>
    </message>
    <message>
        <source>“%1” was not published: %2.</source>
        <translation>„%1“ wurde nicht veröffentlicht: %2.</translation>
    </message>
    <message>
        <source>Publishing “%1” failed: %2</source>
        <translation>Veröffentlichen von „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Team preset changed by someone else</source>
        <translation>Team-Preset von jemand anderem geändert</translation>
    </message>
    <message>
        <source>“%1” in %2 was changed by someone else since you last read or published it%3.</source>
        <translation>„%1“ in %2 wurde von jemand anderem geändert, seit Sie es zuletzt gelesen oder veröffentlicht haben%3.</translation>
    </message>
    <message>
        <source> (changed %1)</source>
        <translation> (geändert %1)</translation>
    </message>
    <message>
        <source>Replace their version with yours, or keep theirs and fill the form with it?</source>
        <translation>Deren Version durch Ihre ersetzen, oder deren behalten und das Formular damit füllen?</translation>
    </message>
    <message>
        <source>Replace their version with yours?</source>
        <translation>Deren Version durch Ihre ersetzen?</translation>
    </message>
    <message>
        <source>Replace theirs</source>
        <translation>Deren ersetzen</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Deren behalten</translation>
    </message>
    <message>
        <source>Kept their version of “%1”; the form holds it now.</source>
        <translation>Deren Version von „%1“ behalten; das Formular enthält sie jetzt.</translation>
    </message>
    <message>
        <source>This folder is read-only for you: the workspace refused to let you write there</source>
        <translation>Dieser Ordner ist für Sie schreibgeschützt: Der Workspace hat das Schreiben dort abgelehnt</translation>
    </message>
</context>
<context>
    <name>Brickrun::WelcomeDialog</name>
    <message>
        <source>Welcome to Brickrun</source>
        <translation>Willkommen bei Brickrun</translation>
    </message>
    <message>
        <source>Brickrun submits notebook runs to Azure Databricks and follows them to the end, with their output. To begin, try the demo workspace, which runs on this computer and needs no account, or add your own workspace.</source>
        <translation>Brickrun übermittelt Notebook-Ausführungen an Azure Databricks und verfolgt sie bis zum Ende, samt ihrer Ausgabe. Probieren Sie zum Einstieg den Demo-Arbeitsbereich aus, der auf diesem Computer läuft und kein Konto braucht, oder fügen Sie Ihren eigenen Arbeitsbereich hinzu.</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>&amp;Demo-Arbeitsbereich ausprobieren</translation>
    </message>
    <message>
        <source>A practice workspace on this computer with sample notebooks. No account or token needed.</source>
        <translation>Ein Übungsarbeitsbereich auf diesem Computer mit Beispiel-Notebooks. Kein Konto und kein Token nötig.</translation>
    </message>
    <message>
        <source>&amp;Add a workspace…</source>
        <translation>Arbeitsbereich &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Connect to your Azure Databricks workspace with its URL, and sign in with your browser (or the Azure CLI, a service principal or a token).</source>
        <translation>Verbinden Sie sich über die URL mit Ihrem Azure-Databricks-Arbeitsbereich und melden Sie sich mit Ihrem Browser an (oder über die Azure CLI, einen Dienstprinzipal oder ein Token).</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkflowImport</name>
    <message>
        <source>Import workflow</source>
        <translation>Workflow importieren</translation>
    </message>
    <message>
        <source>Nothing was imported from %1:</source>
        <translation>Aus %1 wurde nichts importiert:</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceDialogs</name>
    <message>
        <source>Workspace &quot;%1&quot; refused the sign-in (%2). Its runs are kept and go on after you sign in again.</source>
        <translation>Der Arbeitsbereich „%1“ hat die Anmeldung abgelehnt (%2). Seine Ausführungen bleiben erhalten und laufen weiter, sobald Sie sich erneut angemeldet haben.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Workspace “%1” no longer accepts Brickrun&apos;s sign-in.</source>
        <translation>Der Arbeitsbereich „%1“ akzeptiert die Anmeldung von Brickrun nicht mehr.</translation>
    </message>
    <message>
        <source>%1

Its runs are kept: they are followed again as soon as you sign in.</source>
        <translation>%1

Die Ausführungen des Arbeitsbereichs bleiben erhalten: Sie werden wieder verfolgt, sobald Sie sich anmelden.</translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Erneut anmelden…</translation>
    </message>
    <message>
        <source>&amp;Update sign-in…</source>
        <translation>Anmeldung &amp;aktualisieren…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceErrorText</name>
    <message>
        <source>The workspace cannot be reached (%1).</source>
        <translation>Der Arbeitsbereich ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The workspace did not answer in time.</source>
        <translation>Der Arbeitsbereich hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The workspace&apos;s certificate was not accepted (%1).</source>
        <translation>Das Zertifikat des Arbeitsbereichs wurde nicht akzeptiert (%1).</translation>
    </message>
    <message>
        <source>The workspace sent an answer that cannot be read.</source>
        <translation>Der Arbeitsbereich hat eine unlesbare Antwort gesendet.</translation>
    </message>
    <message>
        <source>The workspace did not accept the token: store a new one (Workspace → Edit).</source>
        <translation>Der Arbeitsbereich hat das Token nicht akzeptiert: Speichern Sie ein neues (Arbeitsbereich → Bearbeiten).</translation>
    </message>
    <message>
        <source>You do not have permission to see this (403 %1).</source>
        <translation>Sie haben keine Berechtigung, dies zu sehen (403 %1).</translation>
    </message>
    <message>
        <source>It does not exist in the workspace.</source>
        <translation>Es existiert nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The workspace is busy (too many requests); try again in a moment.</source>
        <translation>Der Arbeitsbereich ist ausgelastet (zu viele Anfragen); versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The workspace answered with an error: %1</source>
        <translation>Der Arbeitsbereich hat mit einem Fehler geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>Brickrun::WorkspaceTreeModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No workspace is chosen.</source>
        <translation>Kein Arbeitsbereich gewählt.</translation>
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
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Repo</source>
        <translation>Repo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Language / type</source>
        <translation>Sprache / Art</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Connected to %1 as %2%3.</source>
        <translation>Verbunden mit %1 als %2%3.</translation>
    </message>
    <message>
        <source>%1 answers, but its certificate is not trusted: %2</source>
        <translation>%1 antwortet, aber sein Zertifikat ist nicht vertrauenswürdig: %2</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>%1 answers, but it refused the token (%2). Create a new token and store it again.</source>
        <translation>%1 antwortet, hat aber das Token abgelehnt (%2). Erstellen Sie ein neues Token und speichern Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 accepted the token, but its user may not read its own identity (%2).</source>
        <translation>%1 hat das Token akzeptiert, aber dessen Benutzer darf seine eigene Identität nicht lesen (%2).</translation>
    </message>
    <message>
        <source>%1 answers, but does not look like a Databricks workspace (%2).</source>
        <translation>%1 antwortet, scheint aber kein Databricks-Arbeitsbereich zu sein (%2).</translation>
    </message>
    <message>
        <source>%1 answers with an error: %2</source>
        <translation>%1 antwortet mit einem Fehler: %2</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot;: not signed in.</source>
        <translation>Für das Profil „%1“ ist kein Token gespeichert: nicht angemeldet.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>The system keychain did not answer, so Brickrun cannot keep the secret (it never writes secrets to a file). Sign in to your user account normally and try again.</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet, daher kann Brickrun das Geheimnis nicht aufbewahren (es schreibt Geheimnisse nie in eine Datei). Melden Sie sich normal an Ihrem Benutzerkonto an und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain service is running, so Brickrun cannot keep the secret: it keeps secrets only in a keychain, never in a file. Install and start one (GNOME Keyring, KWallet, or KeePassXC with its Secret Service integration turned on), then try again.</source>
        <translation>Es läuft kein Schlüsselbunddienst, daher kann Brickrun das Geheimnis nicht aufbewahren: Es bewahrt Geheimnisse nur in einem Schlüsselbund auf, nie in einer Datei. Installieren und starten Sie einen (GNOME Keyring, KWallet oder KeePassXC mit eingeschalteter Secret-Service-Integration) und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>RunOptionsText</name>
    <message>
        <source>timeout %1</source>
        <translation>Zeitlimit %1</translation>
    </message>
    <message>
        <source>retries: %1, %2 apart</source>
        <translation>Wiederholungen: %1, %2 Abstand</translation>
    </message>
    <message>
        <source>retries: %1</source>
        <translation>Wiederholungen: %1</translation>
    </message>
    <message>
        <source>also after a timeout</source>
        <translation>auch nach Zeitüberschreitung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
</context>
<context>
    <name>RunPageOpener</name>
    <message>
        <source>Run page</source>
        <translation>Ausführungsseite</translation>
    </message>
    <message>
        <source>No web browser could be opened for the run page.</source>
        <translation>Für die Ausführungsseite konnte kein Webbrowser geöffnet werden.</translation>
    </message>
    <message>
        <source>Copy the link and open it where you can:
%1</source>
        <translation>Kopieren Sie den Link und öffnen Sie ihn, wo Sie können:
%1</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>The run page&apos;s address is not on the workspace&apos;s own host, so Brickrun does not open it.</source>
        <translation>Die Adresse der Ausführungsseite liegt nicht auf dem Host des Arbeitsbereichs, daher öffnet Brickrun sie nicht.</translation>
    </message>
</context>
<context>
    <name>WorkflowImport</name>
    <message>
        <source>The workflow&apos;s input &quot;%1&quot; has no default.
Its value for the preset:</source>
        <translation>Die Eingabe „%1“ des Workflows hat keinen Standardwert.
Ihr Wert für die Vorlage:</translation>
    </message>
    <message>
        <source>Imported the preset &quot;%1&quot;. These parts of the workflow were not mapped:</source>
        <translation>Vorlage „%1“ importiert. Diese Teile des Workflows wurden nicht übernommen:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run Azure Databricks notebooks from the desktop.</source>
        <translation>Azure-Databricks-Notebooks vom Desktop aus ausführen.</translation>
    </message>
    <message>
        <source>Open on the demo workspace.</source>
        <translation>Mit dem Demo-Arbeitsbereich starten.</translation>
    </message>
    <message>
        <source>Brickrun cannot start: %1</source>
        <translation>Brickrun kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Log every request to the workspace on stderr.</source>
        <translation>Jede Anfrage an den Arbeitsbereich auf stderr protokollieren.</translation>
    </message>
</context>
</TS>
