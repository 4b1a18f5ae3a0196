<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DiffLayout</name>
    <message>
        <location filename="../ui/diff/DiffLayout.cpp" line="+104"/>
        <source>comparing the prompts</source>
        <translation>Prompts werden verglichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>comparing the tools</source>
        <translation>Werkzeuge werden verglichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>finding moved paragraphs</source>
        <translation>verschobene Absätze werden gesucht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lining up the rows</source>
        <translation>Zeilen werden ausgerichtet</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>writing the unified view</source>
        <translation>Einheitliche Ansicht wird erstellt</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <location filename="../ui/services/DisplayText.cpp" line="+26"/>
        <source>viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>editor</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>local database (%1)</source>
        <translation>lokale Datenbank (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown e-mail address or wrong password.</source>
        <translation>Unbekannte E-Mail-Adresse oder falsches Passwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the e-mail address you use in the web admin.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, die Sie in der Web-Verwaltung verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the database server at %1; check host, port and network.</source>
        <translation>Der Datenbankserver unter %1 ist nicht erreichbar; prüfen Sie Host, Port und Netzwerk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to the database was lost.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no access to this branch.</source>
        <translation>%1 hat keinen Zugriff auf diese Filiale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a %2 here; this needs the %3 role.</source>
        <translation>%1 hat hier die Rolle %2; dafür ist die Rolle %3 nötig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template named &quot;%1&quot; already exists.</source>
        <translation>Eine Vorlage namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing changed since version %1.</source>
        <translation>Seit Version %1 hat sich nichts geändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing changed since version %1: version %2 has the same content.</source>
        <translation>Seit Version %1 hat sich nichts geändert: Version %2 hat denselben Inhalt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing changed since the operation queued before it.</source>
        <translation>Seit dem davor eingereihten Vorgang hat sich nichts geändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation %1 is a rollback made on an older version: drop it, and roll back again if that is still what you want.</source>
        <translation>Der Vorgang %1 ist ein Zurücksetzen auf Grundlage einer älteren Version: Verwerfen Sie ihn und setzen Sie erneut zurück, falls Sie das weiterhin möchten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1 was deployed by %2 while you were editing version %3; compare and deploy again.</source>
        <translation>Version %1 wurde von %2 bereitgestellt, während Sie Version %3 bearbeitet haben; vergleichen Sie und stellen Sie erneut bereit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>someone else</source>
        <translation>jemand anderem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say in the notes why this version is deployed.</source>
        <translation>Schreiben Sie in die Notiz, warum diese Version bereitgestellt wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no deployed version yet.</source>
        <translation>%1 hat noch keine bereitgestellte Version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The branch has no version %1.</source>
        <translation>Die Filiale hat keine Version %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The web-app template &quot;%1&quot; is read-only; save a copy as a new template instead.</source>
        <translation>Die Vorlage „%1“ aus der Web-Verwaltung ist schreibgeschützt; speichern Sie stattdessen eine Kopie als neue Vorlage.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The built-in template &quot;%1&quot; is read-only; save a copy as a new template instead.</source>
        <translation>Die mitgelieferte Vorlage „%1“ ist schreibgeschützt; speichern Sie stattdessen eine Kopie als neue Vorlage.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template no longer exists.</source>
        <translation>Die Vorlage gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may not change the template &quot;%2&quot;: that needs an admin of its company, a global admin or whoever saved it.</source>
        <translation>%1 darf die Vorlage „%2“ nicht ändern: Das darf ein Administrator ihres Unternehmens, ein globaler Administrator oder wer sie gespeichert hat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template &quot;%1&quot; belongs to %2; it can only be applied to that company&apos;s branches.</source>
        <translation>Die Vorlage „%1“ gehört zu %2; sie kann nur auf Filialen dieses Unternehmens angewendet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts folder %1 cannot be created.</source>
        <translation>Der Entwurfsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The draft cannot be written: %1.</source>
        <translation>Der Entwurf kann nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Retell could not be reached; check the network and the base URL.</source>
        <translation>Retell war nicht erreichbar; prüfen Sie das Netzwerk und die Basis-URL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell did not answer in time.</source>
        <translation>Retell hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell refused the API key; check it under Admin › Retell API Key.</source>
        <translation>Retell hat den API-Schlüssel abgelehnt; prüfen Sie ihn unter Administration › Retell-API-Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retell does not know this agent or LLM; check the link.</source>
        <translation>Retell kennt diesen Agenten oder dieses LLM nicht; prüfen Sie die Verknüpfung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retell refused the configuration.</source>
        <translation>Retell hat die Konfiguration abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retell refused the configuration: %1</source>
        <translation>Retell hat die Konfiguration abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retell asked to slow down; the app tries again later.</source>
        <translation>Retell hat um eine Pause gebeten; die App versucht es später erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retell asked to wait %1 seconds; the app tries again then.</source>
        <translation>Retell hat gebeten, %1 Sekunden zu warten; die App versucht es dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retell had a server error; the app tries again later.</source>
        <translation>Bei Retell ist ein Serverfehler aufgetreten; die App versucht es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell answered something the app does not understand.</source>
        <translation>Retell hat etwas geantwortet, das die App nicht versteht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled before Retell answered; the app tries again later.</source>
        <translation>Abgebrochen, bevor Retell geantwortet hat; die App versucht es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell has a newer edit made in its dashboard; import or overwrite it first.</source>
        <translation>In Retells Dashboard gibt es eine neuere Bearbeitung; übernehmen oder überschreiben Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Retell agent %1 answers with the LLM %2, not %3.</source>
        <translation>Der Retell-Agent %1 antwortet mit dem LLM %2, nicht mit %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Retell agent %1 is already linked to another branch.</source>
        <translation>Der Retell-Agent %1 ist bereits mit einer anderen Filiale verknüpft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This branch is not linked to a Retell agent.</source>
        <translation>Diese Filiale ist mit keinem Retell-Agenten verknüpft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Retell API key is set; add one under Admin › Retell API Key.</source>
        <translation>Es ist kein Retell-API-Schlüssel hinterlegt; fügen Sie einen unter Administration › Retell-API-Schlüssel hinzu.</translation>
    </message>
</context>
<context>
    <name>PublishTexts</name>
    <message>
        <location filename="../ui/publish/PublishTexts.cpp" line="+33"/>
        <location line="+45"/>
        <location line="+14"/>
        <source>Live in Retell as version %1.</source>
        <translation>Live in Retell als Version %1.</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>A newer version was published instead.</source>
        <translation>Stattdessen wurde eine neuere Version veröffentlicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell has a newer edit made in its dashboard; import it or overwrite it.</source>
        <translation>In Retells Dashboard gibt es eine neuere Bearbeitung; übernehmen oder überschreiben Sie sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell refused it.</source>
        <translation>Retell hat sie abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retell refused it: %1</source>
        <translation>Retell hat sie abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publishing now.</source>
        <translation>Wird gerade veröffentlicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting to be published.</source>
        <translation>Wartet auf die Veröffentlichung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+81"/>
        <source>live v%1</source>
        <translation>live v%1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>held</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>superseded</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not linked to a Retell agent.</source>
        <translation>Mit keinem Retell-Agenten verknüpft.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>Retell has a newer edit made in its dashboard.</source>
        <translation>In Retells Dashboard gibt es eine neuere Bearbeitung.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Not live yet: %1</source>
        <translation>Noch nicht live: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not live yet: nothing is deployed.</source>
        <translation>Noch nicht live: Es ist nichts bereitgestellt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not live yet: v%1 was deployed before the link.</source>
        <translation>Noch nicht live: v%1 wurde vor der Verknüpfung bereitgestellt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(Retell could not be checked: %1)</source>
        <translation>(Retell konnte nicht geprüft werden: %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retell could not be checked: %1</source>
        <translation>Retell konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not live</source>
        <translation>nicht live</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>dashboard edit</source>
        <translation>Dashboard-Bearbeitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not live yet</source>
        <translation>noch nicht live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not linked</source>
        <translation>nicht verknüpft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>v%1 of %2 is not live in Retell yet: %3</source>
        <translation>v%1 von %2 ist in Retell noch nicht live: %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/diff/ToolsDiffTree.cpp" line="+20"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
</context>
<context>
    <name>ToolSummary</name>
    <message>
        <location filename="../ui/editor/ToolSummary.cpp" line="+22"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(required)</source>
        <translation>(erforderlich)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(not an object)</source>
        <translation>(kein Objekt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no type)</source>
        <translation>(ohne Typ)</translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <location filename="../core/validation/PromptScanner.cpp" line="+332"/>
        <source>&quot;{{&quot; is never closed with &quot;}}&quot; on the same line.</source>
        <translation>„{{“ wird in derselben Zeile nie mit „}}“ geschlossen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The placeholder &quot;%1&quot; has no variable name.</source>
        <translation>Der Platzhalter „%1“ hat keinen Variablennamen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a valid variable: names use letters, digits and underscores, without spaces.</source>
        <translation>„%1“ ist keine gültige Variable: Namen bestehen aus Buchstaben, Ziffern und Unterstrichen, ohne Leerzeichen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;}}&quot; has no matching &quot;{{&quot; before it.</source>
        <translation>Zu „}}“ gibt es davor kein passendes „{{“.</translation>
    </message>
    <message>
        <location filename="../core/validation/ToolsChecker.cpp" line="+73"/>
        <source>The tools configuration is empty; write [] for an agent without tools.</source>
        <translation>Die Werkzeugkonfiguration ist leer; schreiben Sie [] für einen Agenten ohne Werkzeuge.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The tools configuration must be a JSON array of tools, [ ... ].</source>
        <translation>Die Werkzeugkonfiguration muss ein JSON-Array von Werkzeugen sein, [ ... ].</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tool %1 must be a JSON object with a type and a name.</source>
        <translation>Werkzeug %1 muss ein JSON-Objekt mit Typ und Namen sein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tool %1 has no &quot;name&quot;.</source>
        <translation>Werkzeug %1 hat keinen „name“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tool %1 has an invalid name: use 1 to 64 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>Werkzeug %1 hat einen ungültigen Namen: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „_“ oder „-“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tool %1 reuses the name %2 of tool %3; names must be unique.</source>
        <translation>Werkzeug %1 verwendet den Namen %2 von Werkzeug %3 erneut; Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tool %1 has no &quot;type&quot; (custom, end_call, transfer_call, ...).</source>
        <translation>Werkzeug %1 hat keinen „type“ (custom, end_call, transfer_call, ...).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tool %1 has an unknown type; Retell knows %2.</source>
        <translation>Werkzeug %1 hat einen unbekannten Typ; Retell kennt %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tool %1 uses the old transfer_call shape with a top-level &quot;number&quot;; Retell now wants &quot;transfer_destination&quot;: {&quot;type&quot;: &quot;predefined&quot;, &quot;number&quot;: ...} and &quot;transfer_option&quot;: {&quot;type&quot;: &quot;cold_transfer&quot;} (or &quot;warm_transfer&quot;).</source>
        <translation>Werkzeug %1 verwendet die alte transfer_call-Form mit „number“ auf oberster Ebene; Retell erwartet jetzt &quot;transfer_destination&quot;: {&quot;type&quot;: &quot;predefined&quot;, &quot;number&quot;: ...} und &quot;transfer_option&quot;: {&quot;type&quot;: &quot;cold_transfer&quot;} (oder &quot;warm_transfer&quot;).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Custom tool %1 has no &quot;description&quot;; the agent uses it to decide when to call the tool.</source>
        <translation>Das eigene Werkzeug %1 hat keine „description“; der Agent entscheidet damit, wann er das Werkzeug aufruft.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The &quot;description&quot; of custom tool %1 is empty.</source>
        <translation>Die „description“ des eigenen Werkzeugs %1 ist leer.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: Retell does not know the field %2; it is probably ignored.</source>
        <translation>%1: Retell kennt das Feld %2 nicht; es wird wahrscheinlich ignoriert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: Retell&apos;s %3 has no field %2; it is probably ignored.</source>
        <translation>%1: %3 von Retell hat kein Feld %2; es wird wahrscheinlich ignoriert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 needs %2.</source>
        <translation>%1 braucht %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+177"/>
        <source>%1 must be one of %2.</source>
        <translation>%1 muss einer dieser Werte sein: %2.</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>%1 must be a whole number from %2 to %3 (Retell&apos;s default is %4).</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein (Standardwert bei Retell: %4).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 must be an http:// or https:// address.</source>
        <translation>%1 muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 must be a text in quotes.</source>
        <translation>%1 muss ein Text in Anführungszeichen sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be true or false.</source>
        <translation>%1 muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be a whole number.</source>
        <translation>%1 muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must be a whole number or a text.</source>
        <translation>%1 muss eine ganze Zahl oder ein Text sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 must be an object whose values are texts in quotes.</source>
        <translation>%1 muss ein Objekt sein, dessen Werte Texte in Anführungszeichen sind.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 must be a list of texts in quotes.</source>
        <translation>%1 muss eine Liste von Texten in Anführungszeichen sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be an object, { ... }.</source>
        <translation>%1 muss ein Objekt sein, { ... }.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be a list, [ ... ].</source>
        <translation>%1 muss eine Liste sein, [ ... ].</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 needs a &quot;type&quot;: one of %2.</source>
        <translation>%1 braucht einen „type“: einen dieser Werte: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has a type Retell no longer takes; write {&quot;type&quot;: &quot;predefined&quot;, &quot;number&quot;: &quot;+4930...&quot;} for a fixed number or {&quot;type&quot;: &quot;inferred&quot;, &quot;prompt&quot;: ...} to let the agent choose.</source>
        <translation>%1 hat einen Typ, den Retell nicht mehr annimmt; schreiben Sie {&quot;type&quot;: &quot;predefined&quot;, &quot;number&quot;: &quot;+4930...&quot;} für eine feste Nummer oder {&quot;type&quot;: &quot;inferred&quot;, &quot;prompt&quot;: ...}, damit der Agent wählt.</translation>
    </message>
    <message>
        <location filename="../core/validation/Finding.cpp" line="+57"/>
        <location filename="../core/validation/ToolsChecker.cpp" line="+20"/>
        <source>The tools configuration</source>
        <translation>Die Werkzeugkonfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/validation/ToolsChecker.cpp" line="+1"/>
        <source>Tool %1</source>
        <translation>Werkzeug %1</translation>
    </message>
    <message>
        <location filename="../core/validation/ToolsChecker.cpp" line="+15"/>
        <source>&quot;parameters&quot; must be a JSON Schema object: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</source>
        <translation>„parameters“ muss ein JSON-Schema-Objekt sein: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;parameters&quot; must declare &quot;type&quot;: &quot;object&quot;.</source>
        <translation>„parameters“ muss &quot;type&quot;: &quot;object&quot; angeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The &quot;type&quot; of &quot;parameters&quot; must be &quot;object&quot;.</source>
        <translation>Der „type“ von „parameters“ muss „object“ sein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;properties&quot; must be an object of named properties.</source>
        <translation>„properties“ muss ein Objekt benannter Eigenschaften sein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;required&quot; must be an array of property names.</source>
        <translation>„required“ muss ein Array von Eigenschaftsnamen sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entries of &quot;required&quot; must be property names (strings).</source>
        <translation>Einträge von „required“ müssen Eigenschaftsnamen (Zeichenketten) sein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is required but not defined in &quot;properties&quot;.</source>
        <translation>%1 ist erforderlich, aber nicht in „properties“ definiert.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Tool %1 is defined but the prompt never mentions it, so the agent may not know when to call it.</source>
        <translation>Werkzeug %1 ist definiert, aber der Prompt erwähnt es nie; der Agent weiß daher womöglich nicht, wann er es aufrufen soll.</translation>
    </message>
    <message>
        <location filename="../core/validation/ToolsDocumentChecks.cpp" line="+17"/>
        <source>no error occurred</source>
        <translation>kein Fehler aufgetreten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unterminated object</source>
        <translation>nicht abgeschlossenes Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing name separator</source>
        <translation>fehlender Namenstrenner (:)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unterminated array</source>
        <translation>nicht abgeschlossenes Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing value separator</source>
        <translation>fehlender Werttrenner (,)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>illegal value</source>
        <translation>ungültiger Wert</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>invalid termination by number</source>
        <translation>ungültiges Ende nach einer Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>illegal number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid escape sequence</source>
        <translation>ungültige Escape-Sequenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid UTF8 string</source>
        <translation>ungültige UTF-8-Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>object is missing after a comma</source>
        <translation>nach einem Komma fehlt ein Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too deeply nested document</source>
        <translation>zu tief verschachteltes Dokument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too large document</source>
        <translation>zu großes Dokument</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>garbage at the end of the document</source>
        <translation>überzählige Zeichen am Ende des Dokuments</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the opening &quot;[&quot; of the list of tools is missing</source>
        <translation>das öffnende „[“ der Werkzeugliste fehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tools configuration is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Die Werkzeugkonfiguration ist kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The tools configuration nests arrays and objects deeper than %1 levels; the database refuses it.</source>
        <translation>Die Werkzeugkonfiguration verschachtelt Arrays und Objekte tiefer als %1 Ebenen; die Datenbank lehnt das ab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is given twice in the same object; the database would read the first value. Keep only one.</source>
        <translation>%1 steht zweimal im selben Objekt; die Datenbank würde den ersten Wert lesen. Behalten Sie nur einen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The tools configuration contains a NUL character (\u0000); the database refuses it. Remove it.</source>
        <translation>Die Werkzeugkonfiguration enthält ein NUL-Zeichen (\u0000); die Datenbank lehnt es ab. Entfernen Sie es.</translation>
    </message>
    <message>
        <location filename="../core/validation/Validator.cpp" line="+101"/>
        <source>The prompt is about %1 tokens; Retell rejects prompts above %2 tokens.</source>
        <translation>Der Prompt hat etwa %1 Tokens; Retell lehnt Prompts über %2 Tokens ab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The prompt is about %1 tokens; above %2 tokens every call costs more.</source>
        <translation>Der Prompt hat etwa %1 Tokens; über %2 Tokens kostet jeder Anruf mehr.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{{%1}} is neither a Retell system variable nor provided by the branch; Retell will leave it empty.</source>
        <translation>{{%1}} ist weder eine Systemvariable von Retell noch wird sie von der Filiale bereitgestellt; Retell lässt sie leer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{{%1}} (used %2 times) is neither a Retell system variable nor provided by the branch; Retell will leave it empty.</source>
        <translation>{{%1}} (%2-mal verwendet) ist weder eine Systemvariable von Retell noch wird sie von der Filiale bereitgestellt; Retell lässt sie leer.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The prompt mentions %1, which looks like a tool name, but no tool with that name is defined.</source>
        <translation>Der Prompt erwähnt %1, was wie ein Werkzeugname aussieht, aber es ist kein Werkzeug mit diesem Namen definiert.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The prompt is not valid UTF-8 text: the first bad byte is at byte offset %1 (line %2, column %3).</source>
        <translation>Der Prompt ist kein gültiger UTF-8-Text: Das erste fehlerhafte Byte steht bei Byte-Position %1 (Zeile %2, Spalte %3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tools configuration is not valid UTF-8 text: the first bad byte is at byte offset %1 (line %2, column %3).</source>
        <translation>Die Werkzeugkonfiguration ist kein gültiger UTF-8-Text: Das erste fehlerhafte Byte steht bei Byte-Position %1 (Zeile %2, Spalte %3).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The prompt contains a NUL character at line %1, column %2; the database refuses it. Remove it.</source>
        <translation>Der Prompt enthält in Zeile %1, Spalte %2 ein NUL-Zeichen; die Datenbank lehnt es ab. Entfernen Sie es.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tools configuration contains a NUL character at line %1, column %2; the database refuses it. Remove it.</source>
        <translation>Die Werkzeugkonfiguration enthält in Zeile %1, Spalte %2 ein NUL-Zeichen; die Datenbank lehnt es ab. Entfernen Sie es.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The prompt has %1 characters; the limit is %2 (and Retell accepts far fewer tokens).</source>
        <translation>Der Prompt hat %1 Zeichen; die Grenze liegt bei %2 (und Retell akzeptiert weit weniger Tokens).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The prompt is empty.</source>
        <translation>Der Prompt ist leer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The tools configuration has %1 characters; the limit is %2.</source>
        <translation>Die Werkzeugkonfiguration hat %1 Zeichen; die Grenze liegt bei %2.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The notes take %1 bytes; the database keeps at most %2 bytes (fewer characters when they are not plain ASCII).</source>
        <translation>Die Notizen belegen %1 Bytes; die Datenbank speichert höchstens %2 Bytes (weniger Zeichen, wenn sie nicht reines ASCII sind).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The notes contain a NUL character; remove it.</source>
        <translation>Die Notizen enthalten ein NUL-Zeichen; entfernen Sie es.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template name has %1 characters; the database keeps at most %2.</source>
        <translation>Der Vorlagenname hat %1 Zeichen; die Datenbank speichert höchstens %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The template name contains a NUL character; remove it.</source>
        <translation>Der Vorlagenname enthält ein NUL-Zeichen; entfernen Sie es.</translation>
    </message>
</context>
<context>
    <name>retell</name>
    <message>
        <location filename="../ui/panels/StatusIcons.cpp" line="+44"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>retell::ui::ActionRegistry</name>
    <message>
        <location filename="../ui/app/ActionRegistry.cpp" line="+36"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save Draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select &amp;All</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Replace…</source>
        <translation>Erset&amp;zen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find &amp;Next</source>
        <translation>Nä&amp;chstes suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Vorheriges suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter &amp;Branches</source>
        <translation>&amp;Filialen filtern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ne&amp;xt Panel</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pre&amp;vious Panel</source>
        <translation>&amp;Vorheriger Bereich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tab Moves Focus</source>
        <translation>&amp;Tab wechselt den Fokus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Next Finding</source>
        <translation>&amp;Nächster Befund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Previous Finding</source>
        <translation>V&amp;orheriger Befund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Compare Draft with &amp;Active</source>
        <translation>Entwurf mit &amp;aktiver Version vergleichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore D&amp;raft</source>
        <translation>Entwurf &amp;wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disc&amp;ard Draft</source>
        <translation>Entwurf verw&amp;erfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;fresh</source>
        <translation>Ak&amp;tualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work &amp;Offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ync Now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Fleet…</source>
        <translation>&amp;Filialübersicht…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Roll Out a Change…</source>
        <translation>Änderung &amp;verteilen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Protokoll…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manage A&amp;ccess…</source>
        <translation>&amp;Zugriffe verwalten…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Link to Retell Agent…</source>
        <translation>Mit Retell-Agent &amp;verknüpfen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retell API &amp;Key…</source>
        <translation>Retell-API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Retell Agent Admin</source>
        <translation>&amp;Über Retell Agent Admin</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deploy</source>
        <translation>bereitstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validate now</source>
        <translation>jetzt prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next / previous finding</source>
        <translation>nächster / vorheriger Befund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>find / replace</source>
        <translation>suchen / ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>find next / previous</source>
        <translation>nächstes / vorheriges suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>undo / redo</source>
        <translation>rückgängig / wiederholen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cut / copy / paste / select all</source>
        <translation>ausschneiden / kopieren / einfügen / alles auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>roll back to the selected version</source>
        <translation>auf die ausgewählte Version zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the selected version read-only</source>
        <translation>die ausgewählte Version schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compare the selected version(s)</source>
        <translation>die ausgewählte(n) Version(en) vergleichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compare with active / previous / selected</source>
        <translation>mit aktiver / vorheriger / ausgewählter Version vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compare your edit with the active version</source>
        <translation>Ihre Bearbeitung mit der aktiven Version vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>restore / discard the draft</source>
        <translation>Entwurf wiederherstellen / verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refresh</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filter branches</source>
        <translation>Filialen filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next / previous panel</source>
        <translation>nächster / vorheriger Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tab moves focus in the editors (on / off)</source>
        <translation>Tab wechselt in den Editoren den Fokus (ein / aus)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>work offline (on / off)</source>
        <translation>offline arbeiten (ein / aus)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sync now: send the outbox, then update the local copy</source>
        <translation>jetzt abgleichen: Postausgang senden, dann die lokale Kopie aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>show / hide branches, templates, history, outbox</source>
        <translation>Filialen, Vorlagen, Verlauf, Postausgang ein- / ausblenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fleet of all branches / roll out a change / audit log</source>
        <translation>Übersicht aller Filialen / Änderung verteilen / Protokoll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>manage access (grants)</source>
        <translation>Zugriffe verwalten (Rollen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect to another database</source>
        <translation>mit einer anderen Datenbank verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quit</source>
        <translation>beenden</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>retell::ui::AgentEditor</name>
    <message>
        <location filename="../ui/editor/AgentEditor.cpp" line="+63"/>
        <location line="+306"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="-305"/>
        <location line="+305"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Retell rejects prompts above %1 tokens; cost rises above %2.</source>
        <translation>Retell lehnt Prompts über %1 Tokens ab; über %2 steigen die Kosten.</translation>
    </message>
    <message numerus="yes">
        <location line="+251"/>
        <source>%1 character(s)</source>
        <translation>
            <numerusform>%1 Zeichen</numerusform>
            <numerusform>%1 Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%1 warning(s)</source>
        <translation>
            <numerusform>%1 Warnung</numerusform>
            <numerusform>%1 Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>● Invalid: %1 error(s)</source>
        <translation>
            <numerusform>● Ungültig: %1 Fehler</numerusform>
            <numerusform>● Ungültig: %1 Fehler</numerusform>
        </translation>
    </message>
    <message>
        <location line="-16"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Validating…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <source>● Valid</source>
        <translation>● Gültig</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>retell::ui::AgentPanel</name>
    <message>
        <location filename="../ui/panels/AgentPanel.cpp" line="+47"/>
        <location line="+195"/>
        <source>&amp;Restore Draft</source>
        <translation>Entwurf &amp;wiederherstellen</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+521"/>
        <source>Pick a branch on the left to edit its agent.</source>
        <translation>Wählen Sie links eine Filiale, um ihren Agenten zu bearbeiten.</translation>
    </message>
    <message>
        <location line="-489"/>
        <source>Merge closed: your edit is kept as it was, based on v%1.</source>
        <translation>Zusammenführen geschlossen: Ihre Bearbeitung bleibt unverändert, auf Grundlage von v%1.</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>&lt;b&gt;Restore draft from %1?&lt;/b&gt; </source>
        <translation>&lt;b&gt;Entwurf vom %1 wiederherstellen?&lt;/b&gt; </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was based on v%1; the active version is now v%2. </source>
        <translation>Er beruhte auf v%1; aktiv ist jetzt v%2. </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The editor stays read-only until you restore or discard it.</source>
        <translation>Der Editor bleibt schreibgeschützt, bis Sie ihn wiederherstellen oder verwerfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore and Merge with v%1</source>
        <translation>&amp;Wiederherstellen und mit v%1 zusammenführen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Draft restored.</source>
        <translation>Entwurf wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Discard Draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your edit of %1 and return to the active version%2? Ctrl+Z in the editor brings it back.</source>
        <translation>Ihre Bearbeitung von %1 verwerfen und zur aktiven Version%2 zurückkehren? Strg+Z im Editor holt sie zurück.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Replace Your Edit</source>
        <translation>Ihre Bearbeitung ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The editor holds changes that are not deployed. Replace them with %1? Ctrl+Z in each editor brings them back.</source>
        <translation>Der Editor enthält Änderungen, die nicht bereitgestellt sind. Durch %1 ersetzen? Strg+Z in jedem Editor holt sie zurück.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare First</source>
        <translation>Zuerst &amp;vergleichen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the template &quot;%1&quot;</source>
        <translation>die Vorlage „%1“</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+261"/>
        <source>template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Template &quot;%1&quot; applied as a draft; nothing is deployed yet.</source>
        <translation>Vorlage „%1“ als Entwurf übernommen; noch ist nichts bereitgestellt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1 is now your draft; nothing is deployed yet.</source>
        <translation>Version %1 ist jetzt Ihr Entwurf; noch ist nichts bereitgestellt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (your edit)</source>
        <translation>%1 (Ihre Bearbeitung)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Nothing changed since version %1.</source>
        <translation>Seit Version %1 hat sich nichts geändert.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Deploy to %1 queued: it goes to the shared database with the next sync.</source>
        <translation>Bereitstellung für %1 eingereiht: Sie geht mit dem nächsten Abgleich an die gemeinsame Datenbank.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Merged with v%1; deploy to make it active.</source>
        <translation>Mit v%1 zusammengeführt; stellen Sie bereit, um es zu aktivieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merged with v%1.</source>
        <translation>Mit v%1 zusammengeführt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (merged with v%2)</source>
        <translation>%1 (mit v%2 zusammengeführt)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your edit now builds on v%1; deploying it replaces v%1.</source>
        <translation>Ihre Bearbeitung baut jetzt auf v%1 auf; beim Bereitstellen ersetzt sie v%1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active v%1</source>
        <translation>aktiv: v%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing deployed yet</source>
        <translation>noch nichts bereitgestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;your edit is based on v%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihre Bearbeitung beruht auf v%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;i&gt;edited&lt;/i&gt;</source>
        <translation>&lt;i&gt;bearbeitet&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;read-only: you may view this branch&lt;/i&gt;</source>
        <translation>&lt;i&gt;schreibgeschützt: Sie dürfen diese Filiale nur ansehen&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>retell::ui::AppStartup</name>
    <message>
        <location filename="../ui/app/AppStartup.cpp" line="+67"/>
        <source>Another instance is still preparing %1.</source>
        <translation>Eine andere Instanz bereitet %1 noch vor.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Database Password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of %1:</source>
        <translation>Passwort von %1:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No database was given.</source>
        <translation>Es wurde keine Datenbank angegeben.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Creating the local database with demo data…</source>
        <translation>Lokale Datenbank mit Demodaten wird angelegt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell Agent Admin</source>
        <translation>Retell Agent Admin</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Open the Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 cannot be reached. Sign in to work offline on your local copy; deploys wait in the outbox until the server is back.</source>
        <translation>%1 ist nicht erreichbar. Melden Sie sich an, um offline mit Ihrer lokalen Kopie zu arbeiten; Bereitstellungen warten im Postausgang, bis der Server wieder da ist.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No user was given; use --user with RETELL_ADMIN_PASSWORD.</source>
        <translation>Es wurde kein Benutzer angegeben; verwenden Sie --user mit RETELL_ADMIN_PASSWORD.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new local database was created with demo companies and users. Sign in as &lt;b&gt;%1&lt;/b&gt;; the demo accounts&apos; password is in the README (&lt;i&gt;%2&lt;/i&gt;).</source>
        <translation>Eine neue lokale Datenbank mit Demo-Unternehmen und -Benutzern wurde angelegt. Melden Sie sich als &lt;b&gt;%1&lt;/b&gt; an; das Passwort der Demo-Konten steht in der README (&lt;i&gt;%2&lt;/i&gt;).</translation>
    </message>
</context>
<context>
    <name>retell::ui::AuditModel</name>
    <message>
        <location filename="../ui/audit/AuditModel.cpp" line="+25"/>
        <source>deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollout</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>grant</source>
        <translation>Rolle vergeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revoke</source>
        <translation>Rolle entzogen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>login refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell link</source>
        <translation>Retell-Verknüpfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell unlink</source>
        <translation>Retell-Verknüpfung gelöst</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 made %2 of %3</source>
        <translation>%1 wurde %2 von %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer %2 of %3</source>
        <translation>%1 ist nicht mehr %2 von %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rollout #%1: %2</source>
        <translation>Verteilung Nr. %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>retell::ui::AuditWindow</name>
    <message>
        <location filename="../ui/audit/AuditWindow.cpp" line="+43"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Diff</source>
        <translation>&amp;Vergleich öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User&apos;s e-mail</source>
        <translation>E-Mail des Benutzers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every kind</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>All companies</source>
        <translation>Alle Unternehmen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All branches</source>
        <translation>Alle Filialen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export Audit Log as JSON</source>
        <translation>Protokoll als JSON exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Audit Log as CSV</source>
        <translation>Protokoll als CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit.json</source>
        <translation>protokoll.json</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>audit.csv</source>
        <translation>protokoll.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n entry(ies) exported to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retell::ui::BranchTreePanel</name>
    <message>
        <location filename="../ui/panels/BranchTreePanel.cpp" line="+27"/>
        <source>Filter branches</source>
        <translation>Filialen filtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>%1 — has an unsaved draft</source>
        <translation>%1 – hat einen ungespeicherten Entwurf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active version %1, %2</source>
        <translation>Aktive Version %1, %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing deployed yet</source>
        <translation>Noch nichts bereitgestellt</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 · %n queued</source>
        <translation>
            <numerusform>%1 · %n eingereiht</numerusform>
            <numerusform>%1 · %n eingereiht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n operation(s) wait in the outbox</source>
        <translation>
            <numerusform>%n Vorgang wartet im Postausgang</numerusform>
            <numerusform>%n Vorgänge warten im Postausgang</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Compare Active Version with %1</source>
        <translation>Aktive Version mit %1 vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Both branches need a deployed version</source>
        <translation>Beide Filialen brauchen eine bereitgestellte Version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare Active Version with</source>
        <translation>Aktive Version vergleichen mit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>retell::ui::ChangeCopier</name>
    <message>
        <location filename="../ui/diff/ChangeCopier.cpp" line="+56"/>
        <source>&amp;Revert this change</source>
        <translation>Diese Änderung &amp;zurücknehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Take this change</source>
        <translation>Diese Änderung &amp;übernehmen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Put the version&apos;s text back in your edit for the current change (%1)</source>
        <translation>Den Text der Version für die aktuelle Änderung wieder in Ihre Bearbeitung setzen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the other side&apos;s text into your edit for the current change (%1)</source>
        <translation>Den Text der anderen Seite für die aktuelle Änderung in Ihre Bearbeitung kopieren (%1)</translation>
    </message>
</context>
<context>
    <name>retell::ui::CompareLauncher</name>
    <message>
        <location filename="../ui/app/CompareLauncher.cpp" line="+41"/>
        <location line="+2"/>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
</context>
<context>
    <name>retell::ui::ConflictBar</name>
    <message>
        <location filename="../ui/panels/AgentPanelConflict.cpp" line="+38"/>
        <source>Show What Changed</source>
        <translation>Änderungen zeigen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>someone else</source>
        <translation>jemand anderem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Version %1 was deployed by %2&lt;/b&gt; while you were editing version %3; deploying your edit would overwrite that change.</source>
        <translation>&lt;b&gt;Version %1 wurde von %2 bereitgestellt&lt;/b&gt;, während Sie Version %3 bearbeitet haben; Ihre Bearbeitung bereitzustellen würde diese Änderung überschreiben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Version %1 is no longer active.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Version %1 ist nicht mehr aktiv.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge with v%1</source>
        <translation>Mit v%1 &amp;zusammenführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep My Edit on v%1</source>
        <translation>Meine Bearbeitung auf v%1 behalten</translation>
    </message>
</context>
<context>
    <name>retell::ui::ConnectionDialog</name>
    <message>
        <location filename="../ui/app/ConnectionDialog.cpp" line="+28"/>
        <source>Connect — Retell Agent Admin</source>
        <translation>Verbinden – Retell Agent Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Local database on this computer</source>
        <translation>&amp;Lokale Datenbank auf diesem Computer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Shared company database (MariaDB/MySQL)</source>
        <translation>&amp;Gemeinsame Unternehmensdatenbank (MariaDB/MySQL)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New profile…</source>
        <translation>Neues Profil…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remember in the system &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS CA:</source>
        <translation>TLS-CA:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS certificate authority</source>
        <translation>TLS-Zertifizierungsstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS certificate:</source>
        <translation>TLS-Zertifikat:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS client certificate</source>
        <translation>TLS-Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS key:</source>
        <translation>TLS-Schlüssel:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS client key</source>
        <translation>TLS-Client-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>retell::ui::DeployDialog</name>
    <message>
        <location filename="../ui/panels/DeployDialog.cpp" line="+26"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deploy to %1</source>
        <translation>Für %1 bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed and why (required)</source>
        <translation>Was sich geändert hat und warum (erforderlich)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>&lt;b&gt;Cannot deploy:&lt;/b&gt; %n error(s) must be fixed first. First: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Bereitstellen nicht möglich:&lt;/b&gt; %n Fehler muss zuerst behoben werden. Erster: %1</numerusform>
            <numerusform>&lt;b&gt;Bereitstellen nicht möglich:&lt;/b&gt; %n Fehler müssen zuerst behoben werden. Erster: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Also %n warning(s).</source>
        <translation>
            <numerusform>Außerdem %n Warnung.</numerusform>
            <numerusform>Außerdem %n Warnungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Valid, with %n warning(s) shown below; they do not block the deploy.</source>
        <translation>
            <numerusform>Gültig, mit %n Warnung (unten); sie verhindert das Bereitstellen nicht.</numerusform>
            <numerusform>Gültig, mit %n Warnungen (unten); sie verhindern das Bereitstellen nicht.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid: no findings.</source>
        <translation>Gültig: keine Befunde.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated tokens:</source>
        <translation>Geschätzte Tokens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation:</source>
        <translation>Prüfung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Merge with v%1</source>
        <translation>Mit v%1 &amp;zusammenführen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fix the errors listed here first</source>
        <translation>Beheben Sie zuerst die hier aufgeführten Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a note first</source>
        <translation>Schreiben Sie zuerst eine Notiz</translation>
    </message>
</context>
<context>
    <name>retell::ui::DiffBar</name>
    <message>
        <location filename="../ui/diff/DiffBar.cpp" line="+32"/>
        <source>Previous change (%1)</source>
        <translation>Vorherige Änderung (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next change (%1)</source>
        <translation>Nächste Änderung (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore &amp;whitespace</source>
        <translation>&amp;Leerraum ignorieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung ignorieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unified</source>
        <translation>&amp;Einheitlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wra&amp;p lines</source>
        <translation>Zeilen &amp;umbrechen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop comparing; the view keeps what it shows now</source>
        <translation>Vergleich abbrechen; die Ansicht behält, was sie gerade zeigt</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Prompt: same lines</source>
        <translation>Prompt: gleiche Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt identical</source>
        <translation>Prompt identisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt: %1 added, %2 removed, %3 changed</source>
        <translation>Prompt: %1 hinzugefügt, %2 entfernt, %3 geändert</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n paragraph(s) moved</source>
        <translation>
            <numerusform>%n Absatz verschoben</numerusform>
            <numerusform>%n Absätze verschoben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only the right side ends with a newline</source>
        <translation>nur die rechte Seite endet mit einem Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the left side ends with a newline</source>
        <translation>nur die linke Seite endet mit einem Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (approximate: the inputs are too large for the shortest diff)</source>
        <translation> (ungefähr: die Eingaben sind für den kürzesten Vergleich zu groß)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · Tools: %1</source>
        <translation> · Werkzeuge: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · Tools identical</source>
        <translation> · Werkzeuge identisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · Tools: %1 added, %2 removed, %3 changed</source>
        <translation> · Werkzeuge: %1 hinzugefügt, %2 entfernt, %3 geändert</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n line(s) only on the left, %1 only on the right; %2 of them pair up as edited lines</source>
        <translation>
            <numerusform>%n Zeile nur links, %1 nur rechts; %2 davon gehören als bearbeitete Zeilen zusammen</numerusform>
            <numerusform>%n Zeilen nur links, %1 nur rechts; %2 davon gehören als bearbeitete Zeilen zusammen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comparing… (%1)</source>
        <translation>Wird verglichen… (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>retell::ui::DiffMoveLinks</name>
    <message>
        <location filename="../ui/diff/DiffMoveLinks.cpp" line="+49"/>
        <source>Moved to line %1 on the right</source>
        <translation>Nach rechts in Zeile %1 verschoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved here from line %1 on the left</source>
        <translation>Hierher verschoben aus Zeile %1 links</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, with changes</source>
        <translation>, mit Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (click to go there)</source>
        <translation> (zum Hinspringen klicken)</translation>
    </message>
</context>
<context>
    <name>retell::ui::DiffOverview</name>
    <message>
        <location filename="../ui/diff/DiffOverview.cpp" line="+14"/>
        <source>All changes; click to jump</source>
        <translation>Alle Änderungen; zum Springen klicken</translation>
    </message>
</context>
<context>
    <name>retell::ui::DiffView</name>
    <message>
        <location filename="../ui/diff/DiffView.cpp" line="+78"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+255"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Next change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>Comparison cancelled; the view still shows the previous result.</source>
        <translation>Vergleich abgebrochen; die Ansicht zeigt weiterhin das vorherige Ergebnis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparison cancelled; nothing was compared.</source>
        <translation>Vergleich abgebrochen; es wurde nichts verglichen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tools (%1)</source>
        <translation>Werkzeuge (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools (error)</source>
        <translation>Werkzeuge (Fehler)</translation>
    </message>
</context>
<context>
    <name>retell::ui::DiffWindow</name>
    <message>
        <location filename="../ui/diff/DiffWindow.cpp" line="+18"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+79"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>next / previous change (diff window)</source>
        <translation>nächste / vorherige Änderung (Vergleichsfenster)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revert or take the current change, or in the Tools tab the selected tool or JSON path, into your edit (diff window; the arrow points at the edit)</source>
        <translation>die aktuelle Änderung – im Reiter Werkzeuge das ausgewählte Werkzeug oder den JSON-Pfad – in Ihrer Bearbeitung zurücknehmen oder übernehmen (Vergleichsfenster; der Pfeil zeigt auf die Bearbeitung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close the diff window (Esc also closes the version viewer)</source>
        <translation>das Vergleichsfenster schließen (Esc schließt auch die Versionsansicht)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare %1 ↔ %2</source>
        <translation>Vergleichen: %1 ↔ %2</translation>
    </message>
</context>
<context>
    <name>retell::ui::EditMerge</name>
    <message>
        <location filename="../ui/panels/AgentPanelMerge.cpp" line="+58"/>
        <source>v%1 (base)</source>
        <translation>v%1 (Basis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your edit</source>
        <translation>Ihre Bearbeitung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — merge your edit (on v%2) with v%3</source>
        <translation>%1 – Ihre Bearbeitung (auf v%2) mit v%3 zusammenführen</translation>
    </message>
</context>
<context>
    <name>retell::ui::FindReplaceBar</name>
    <message>
        <location filename="../ui/editor/FindReplaceBar.cpp" line="+46"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C++11 (ECMAScript) regular expression</source>
        <translation>Regulärer Ausdruck nach C++11 (ECMAScript)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location line="+175"/>
        <location line="+52"/>
        <location line="+81"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>%1+ matches</source>
        <translation>%1+ Treffer</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>Replaced %Ln occurrence(s)</source>
        <translation>
            <numerusform>%Ln Vorkommen ersetzt</numerusform>
            <numerusform>%Ln Vorkommen ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <location line="-67"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>retell::ui::FindingsModel</name>
    <message>
        <location filename="../ui/editor/FindingsModel.cpp" line="+37"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, line %2, col %3</source>
        <translation>%1, Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>retell::ui::FleetModel</name>
    <message>
        <location filename="../ui/fleet/FleetModel.cpp" line="+72"/>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n tool(s)</source>
        <translation>
            <numerusform>%n Werkzeug</numerusform>
            <numerusform>%n Werkzeuge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tools not comparable</source>
        <translation>Werkzeuge nicht vergleichbar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n queued</source>
        <translation>
            <numerusform>%n eingereiht</numerusform>
            <numerusform>%n eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>You have an unsaved draft of this branch on this computer.</source>
        <translation>Sie haben auf diesem Computer einen ungespeicherten Entwurf dieser Filiale.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No reference to compare with: choose a template or a branch.</source>
        <translation>Keine Referenz zum Vergleichen: Wählen Sie eine Vorlage oder eine Filiale.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Compared with %1: %n line(s) added,</source>
        <translation>
            <numerusform>Verglichen mit %1: %n Zeile hinzugefügt,</numerusform>
            <numerusform>Verglichen mit %1: %n Zeilen hinzugefügt,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deployed</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell</source>
        <translation>Retell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
</context>
<context>
    <name>retell::ui::FleetUi</name>
    <message>
        <location filename="../ui/app/FleetUi.cpp" line="+48"/>
        <source>Ad&amp;min</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Needs the server: not while working offline.</source>
        <translation>Braucht den Server: nicht im Offline-Betrieb.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>%1 (nothing before)</source>
        <translation>%1 (nichts davor)</translation>
    </message>
</context>
<context>
    <name>retell::ui::FleetWindow</name>
    <message>
        <location filename="../ui/fleet/FleetWindow.cpp" line="+49"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Roll Out…</source>
        <translation>&amp;Verteilen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fleet — all branches</source>
        <translation>Filialübersicht – alle Filialen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Filter by company, branch, template or author</source>
        <translation>Nach Unternehmen, Filiale, Vorlage oder Autor filtern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing deployed</source>
        <translation>Nichts bereitgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Each branch&apos;s own template</source>
        <translation>Die eigene Vorlage jeder Filiale</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Any drift</source>
        <translation>Jede Abweichung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differs from reference</source>
        <translation>Weicht von der Referenz ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as reference</source>
        <translation>Gleich wie die Referenz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One branch: compare it with the reference. Two: with each other.</source>
        <translation>Eine Filiale: mit der Referenz vergleichen. Zwei: miteinander.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Referenz:</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Branch: %1</source>
        <translation>Filiale: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All companies</source>
        <translation>Alle Unternehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any template</source>
        <translation>Jede Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no template)</source>
        <translation>(keine Vorlage)</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>%n branch(es) shown</source>
        <translation>
            <numerusform>%n Filiale angezeigt</numerusform>
            <numerusform>%n Filialen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n selected</source>
        <translation>
            <numerusform>, %n ausgewählt</numerusform>
            <numerusform>, %n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 › %2 v%3</source>
        <translation>%1 › %2 v%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 › %2 (nothing deployed)</source>
        <translation>%1 › %2 (nichts bereitgestellt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has no reference to compare with; choose a template or a branch as the reference.</source>
        <translation>%1 hat keine Referenz zum Vergleichen; wählen Sie eine Vorlage oder eine Filiale als Referenz.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export Fleet</source>
        <translation>Filialübersicht exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fleet.csv</source>
        <translation>filialen.csv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n branch(es) exported to %1.</source>
        <translation>
            <numerusform>%n Filiale nach %1 exportiert.</numerusform>
            <numerusform>%n Filialen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retell::ui::GrantsDialog</name>
    <message>
        <location filename="../ui/access/GrantsDialog.cpp" line="+48"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Grant</source>
        <translation>&amp;Vergeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Entziehen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manage Access</source>
        <translation>Zugriffe verwalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search users by name or e-mail</source>
        <translation>Benutzer nach Name oder E-Mail suchen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grant a role</source>
        <translation>Rolle vergeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Where:</source>
        <translation>&amp;Wo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+62"/>
        <source>Everything (global)</source>
        <translation>Alles (global)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a company you cannot see</source>
        <translation>ein Unternehmen, das Sie nicht sehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a branch you cannot see</source>
        <translation>eine Filiale, die Sie nicht sehen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a user to see and change their roles.</source>
        <translation>Wählen Sie einen Benutzer, um seine Rollen zu sehen und zu ändern.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2) has no role you can see.</source>
        <translation>%1 (%2) hat keine Rolle, die Sie sehen können.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (%2) holds %n role(s):</source>
        <translation>
            <numerusform>%1 (%2) hat %n Rolle:</numerusform>
            <numerusform>%1 (%2) hat %n Rollen:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Only an admin of this scope can grant roles in it.</source>
        <translation>Nur ein Administrator dieses Bereichs kann darin Rollen vergeben.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 is now %2 of %3.</source>
        <translation>%1 ist jetzt %2 von %3.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Revoke Role</source>
        <translation>Rolle entziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the %1 role of %2 on %3? They lose that access at once.</source>
        <translation>Die Rolle %1 von %2 für %3 entziehen? Der Zugriff endet sofort.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Entziehen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Revoked the %1 role of %2 on %3.</source>
        <translation>Die Rolle %1 von %2 für %3 wurde entzogen.</translation>
    </message>
</context>
<context>
    <name>retell::ui::HistoryModel</name>
    <message>
        <location filename="../ui/panels/HistoryModel.cpp" line="+20"/>
        <source>Rollout #%1</source>
        <translation>Verteilung Nr. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollback to version %1</source>
        <translation>Zurückgesetzt auf Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+201"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Queued offline: it gets its version number when the sync applies it.</source>
        <translation>Offline eingereiht: Die Versionsnummer wird beim Abgleich vergeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict: merge in the outbox</source>
        <translation>Konflikt: im Postausgang zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by the server</source>
        <translation>vom Server abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waits for the server</source>
        <translation>wartet auf den Server</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rollback to version %1 (queued)</source>
        <translation>Zurücksetzen auf Version %1 (eingereiht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy (queued)</source>
        <translation>Bereitstellung (eingereiht)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retell</source>
        <translation>Retell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deployed by</source>
        <translation>Bereitgestellt von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deployed at</source>
        <translation>Bereitgestellt am</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>retell::ui::HistoryPanel</name>
    <message>
        <location filename="../ui/panels/HistoryPanel.cpp" line="+43"/>
        <source>Roll Back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why? (optional; recorded with the version)</source>
        <translation>Warum? (optional; wird mit der Version gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Open Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Roll Back to This Version…</source>
        <translation>Auf diese Version &amp;zurücksetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare &amp;Selected Versions</source>
        <translation>Ausgewählte Versionen ver&amp;gleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with &amp;Active</source>
        <translation>Mit a&amp;ktiver Version vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with &amp;Previous</source>
        <translation>Mit vo&amp;rheriger Version vergleichen</translation>
    </message>
    <message numerus="yes">
        <location line="+185"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: newest %n version(s); more load as you scroll</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: neueste Version; beim Blättern werden weitere geladen</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: neueste %n Versionen; beim Blättern werden weitere geladen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-59"/>
        <source>The diff viewer is not part of this build</source>
        <translation>Die Vergleichsansicht ist in diesem Build nicht enthalten</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>You may only view this branch</source>
        <translation>Sie dürfen diese Filiale nur ansehen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No branch selected</source>
        <translation>Keine Filiale ausgewählt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: loading…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %n version(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Version</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Roll %1 back to v%2? This deploys a new version with v%2&apos;s content; nothing is lost.</source>
        <translation>%1 auf v%2 zurücksetzen? Dabei wird eine neue Version mit dem Inhalt von v%2 bereitgestellt; nichts geht verloren.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Rollback of %1 to v%2 queued: it goes to the shared database with the next sync.</source>
        <translation>Zurücksetzen von %1 auf v%2 eingereiht: Es geht mit dem nächsten Abgleich an die gemeinsame Datenbank.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 rolled back to v%2 as v%3.</source>
        <translation>%1 auf v%2 zurückgesetzt, als v%3.</translation>
    </message>
</context>
<context>
    <name>retell::ui::LanguageMenu</name>
    <message>
        <location filename="../ui/app/LanguageMenu.cpp" line="+11"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>System Language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language from the next start: %1.</source>
        <translation>Sprache ab dem nächsten Start: %1.</translation>
    </message>
</context>
<context>
    <name>retell::ui::LinkDialog</name>
    <message>
        <location filename="../ui/publish/LinkDialog.cpp" line="+24"/>
        <source>Link %1 to Retell</source>
        <translation>%1 mit Retell verknüpfen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 publishes to this Retell agent. A new link publishes the next deploy to the new agent.</source>
        <translation>%1 veröffentlicht auf diesem Retell-Agenten. Mit einer neuen Verknüpfung geht die nächste Bereitstellung an den neuen Agenten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each deploy and rollback of %1 will be published to this Retell agent and its LLM (Retell&apos;s dashboard shows both ids).</source>
        <translation>Jede Bereitstellung und jedes Zurücksetzen von %1 wird auf diesem Retell-Agenten und seinem LLM veröffentlicht (Retells Dashboard zeigt beide IDs).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Agent id:</source>
        <translation>&amp;Agenten-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;LLM id:</source>
        <translation>&amp;LLM-ID:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check and &amp;Link</source>
        <translation>Prüfen und &amp;verknüpfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlink…</source>
        <translation>Verknüpfung &amp;lösen…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enter both the agent id and the LLM id.</source>
        <translation>Geben Sie die Agenten-ID und die LLM-ID ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking with Retell…</source>
        <translation>Wird bei Retell geprüft…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is linked to the Retell agent %2.</source>
        <translation>%1 ist mit dem Retell-Agenten %2 verknüpft.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unlink from Retell</source>
        <translation>Verknüpfung mit Retell lösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink %1 from the Retell agent %2? Later deploys are no longer published; what is live in Retell stays as it is.</source>
        <translation>Die Verknüpfung von %1 mit dem Retell-Agenten %2 lösen? Spätere Bereitstellungen werden nicht mehr veröffentlicht; was in Retell live ist, bleibt, wie es ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Unlink</source>
        <translation>Verknüpfung &amp;lösen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is no longer linked to a Retell agent.</source>
        <translation>%1 ist mit keinem Retell-Agenten mehr verknüpft.</translation>
    </message>
</context>
<context>
    <name>retell::ui::LiveBadge</name>
    <message>
        <location filename="../ui/publish/LiveBadge.cpp" line="+34"/>
        <source>&amp;Publish Now</source>
        <translation>Jetzt &amp;veröffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Diff</source>
        <translation>&amp;Unterschiede zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>Über&amp;nehmen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overwrite…</source>
        <translation>Über&amp;schreiben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Link…</source>
        <translation>&amp;Verknüpfen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Publish the active version to Retell again now</source>
        <translation>Die aktive Version jetzt erneut in Retell veröffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare what is live in Retell with the active version</source>
        <translation>Vergleichen, was in Retell live ist, mit der aktiven Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy the dashboard edit as a new version of this branch</source>
        <translation>Die Dashboard-Bearbeitung als neue Version dieser Filiale bereitstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the active version over the dashboard edit</source>
        <translation>Die aktive Version über die Dashboard-Bearbeitung veröffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link this branch to its Retell agent and LLM</source>
        <translation>Diese Filiale mit ihrem Retell-Agenten und LLM verknüpfen</translation>
    </message>
</context>
<context>
    <name>retell::ui::LoginDialog</name>
    <message>
        <location filename="../ui/app/LoginDialog.cpp" line="+25"/>
        <source>Sign In — Retell Agent Admin</source>
        <translation>Anmelden – Retell Agent Admin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you@company.example</source>
        <translation>sie@unternehmen.example</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the e-mail and password of the web admin.&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</source>
        <translation>Verwenden Sie E-Mail-Adresse und Passwort der Web-Verwaltung.&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>retell::ui::MainWindow</name>
    <message>
        <location filename="../ui/app/MainWindow.cpp" line="+76"/>
        <source>global admin</source>
        <translation>globaler Administrator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no access</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Retell Agent Admin — %1</source>
        <translation>Retell Agent Admin – %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>local database</source>
        <translation>lokale Datenbank</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (editor)</source>
        <translation>%1 (Editor)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>editor</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Template &quot;%1&quot; saved.</source>
        <translation>Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Draft saved.</source>
        <translation>Entwurf gespeichert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tab moves focus; Ctrl+M to indent with Tab again.</source>
        <translation>Tab wechselt den Fokus; Strg+M, um wieder mit Tab einzurücken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab indents in the editors.</source>
        <translation>Tab rückt in den Editoren ein.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agent</source>
        <translation>A&amp;gent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Branches</source>
        <translation>Filialen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Deployed v%1 to %2.</source>
        <translation>v%1 für %2 bereitgestellt.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s) recorded.</source>
        <translation>
            <numerusform>%n Warnung festgehalten.</numerusform>
            <numerusform>%n Warnungen festgehalten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You may only view this branch</source>
        <translation>Sie dürfen diese Filiale nur ansehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy the edited agent as a new version</source>
        <translation>Den bearbeiteten Agenten als neue Version bereitstellen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 v%2 (active)</source>
        <translation>%1 v%2 (aktiv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (nothing deployed)</source>
        <translation>%1 (nichts bereitgestellt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (your edit)</source>
        <translation>%1 (Ihre Bearbeitung)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>About Retell Agent Admin</source>
        <translation>Über Retell Agent Admin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;Retell Agent Admin %1&lt;/h3&gt;&lt;p&gt;Edit, validate, deploy and roll back the Retell AI voice agents of your branches.&lt;/p&gt;&lt;p&gt;Qt %2, QScintilla %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retell Agent Admin %1&lt;/h3&gt;&lt;p&gt;Bearbeiten, prüfen, bereitstellen und zurücksetzen Sie die Retell-AI-Sprachagenten Ihrer Filialen.&lt;/p&gt;&lt;p&gt;Qt %2, QScintilla %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>retell::ui::MergeWindow</name>
    <message>
        <location filename="../ui/merge/MergeWindow.cpp" line="+31"/>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your edit</source>
        <translation>Ihre Bearbeitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the deployed version</source>
        <translation>die bereitgestellte Version</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Deploy merged version</source>
        <translation>Zusammengeführte Version bereitstellen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The prompt of %1 (%2) is not valid UTF-8 text.</source>
        <translation>Der Prompt von %1 (%2) ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The tools of %1 (%2) are not a valid JSON array.</source>
        <translation>Die Werkzeuge von %1 (%2) sind kein gültiges JSON-Array.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge: %1 with %2</source>
        <translation>Zusammenführen: %1 mit %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tools (%1)</source>
        <translation>Werkzeuge (%1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save and close</source>
        <translation>Speichern und schließen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n conflict(s) left.</source>
        <translation>
            <numerusform>%n Konflikt übrig.</numerusform>
            <numerusform>%n Konflikte übrig.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No conflicts left.</source>
        <translation>Keine Konflikte mehr.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n region(s) merged inside a line, highlighted: please review.</source>
        <translation>
            <numerusform>%n Bereich innerhalb einer Zeile zusammengeführt, hervorgehoben: Bitte prüfen.</numerusform>
            <numerusform>%n Bereiche innerhalb einer Zeile zusammengeführt, hervorgehoben: Bitte prüfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result has validation errors.</source>
        <translation>Das Ergebnis hat Prüffehler.</translation>
    </message>
</context>
<context>
    <name>retell::ui::NotificationBanner</name>
    <message>
        <location filename="../ui/app/NotificationBanner.cpp" line="+23"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>retell::ui::OfflineController</name>
    <message>
        <location filename="../ui/offline/OfflineController.cpp" line="+119"/>
        <source>The server cannot be reached, so you are working offline: deploys wait in the outbox until it is back.</source>
        <translation>Der Server ist nicht erreichbar, daher arbeiten Sie offline: Bereitstellungen warten im Postausgang, bis er wieder da ist.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The server still cannot be reached; you keep working offline.</source>
        <translation>Der Server ist weiterhin nicht erreichbar; Sie arbeiten offline weiter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused the connection, so nothing was sent; everything queued stays in the outbox. %1</source>
        <translation>Der Server hat die Verbindung abgelehnt, daher wurde nichts gesendet; alles Eingereihte bleibt im Postausgang. %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is back; sending what waits in the outbox.</source>
        <translation>Der Server ist wieder da; was im Postausgang wartet, wird gesendet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Updating the local copy…</source>
        <translation>Lokale Kopie wird aktualisiert…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Syncing…</source>
        <translation>Wird abgeglichen…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync cancelled; what it brought so far is kept.</source>
        <translation>Abgleich abgebrochen; was bis dahin übertragen wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The server stopped the sync, so nothing more was sent; everything queued stays in the outbox. %1</source>
        <translation>Der Server hat den Abgleich beendet, daher wurde nichts weiter gesendet; alles Eingereihte bleibt im Postausgang. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n queued operation(s) applied</source>
        <translation>
            <numerusform>%n eingereihter Vorgang übernommen</numerusform>
            <numerusform>%n eingereihte Vorgänge übernommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s) to merge in the outbox</source>
        <translation>
            <numerusform>%n Konflikt im Postausgang zusammenzuführen</numerusform>
            <numerusform>%n Konflikte im Postausgang zusammenzuführen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n vom Server abgelehnt</numerusform>
            <numerusform>%n vom Server abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced: %1.</source>
        <translation>Abgeglichen: %1.</translation>
    </message>
</context>
<context>
    <name>retell::ui::OfflineStatusBar</name>
    <message>
        <location filename="../ui/offline/OfflineStatusBar.cpp" line="+19"/>
        <source>Show the outbox: what waits for the shared database</source>
        <translation>Postausgang zeigen: was auf die gemeinsame Datenbank wartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the sync; what it brought so far is kept</source>
        <translation>Abgleich beenden; was bis dahin übertragen wurde, bleibt erhalten</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working offline</source>
        <translation>Offline-Betrieb</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline: server unreachable</source>
        <translation>Offline: Server nicht erreichbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Wird abgeglichen…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last sync %1</source>
        <translation>letzter Abgleich %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not synced yet</source>
        <translation>noch nicht abgeglichen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retell::ui::OfflineUi</name>
    <message>
        <location filename="../ui/app/OfflineUi.cpp" line="+26"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>retell::ui::OutboxModel</name>
    <message>
        <location filename="../ui/offline/OutboxModel.cpp" line="+58"/>
        <source>deploy</source>
        <translation>bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>apply template</source>
        <translation>Vorlage anwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another version became active since this edit; open the merge.</source>
        <translation>Seit dieser Bearbeitung wurde eine andere Version aktiv; öffnen Sie das Zusammenführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The content equals the version active on the server; nothing to deploy.</source>
        <translation>Der Inhalt entspricht der auf dem Server aktiven Version; nichts bereitzustellen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server no longer lets you change this branch.</source>
        <translation>Der Server erlaubt Ihnen nicht mehr, diese Filiale zu ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The branch or version no longer exists on the server.</source>
        <translation>Die Filiale oder Version gibt es auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the login; connect again with the right password.</source>
        <translation>Der Server hat die Anmeldung abgelehnt; verbinden Sie sich erneut mit dem richtigen Passwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server could not be reached; it is sent on the next sync.</source>
        <translation>Der Server war nicht erreichbar; es wird beim nächsten Abgleich gesendet.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>rollback to v%1</source>
        <translation>Zurücksetzen auf v%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Notes: %1</source>
        <translation>Notizen: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Based on</source>
        <translation>Basiert auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued at</source>
        <translation>Eingereiht am</translation>
    </message>
</context>
<context>
    <name>retell::ui::OutboxPanel</name>
    <message>
        <location filename="../ui/offline/OutboxPanel.cpp" line="+19"/>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dro&amp;p…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Merge…</source>
        <translation>&amp;Zusammenführen öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo Drop</source>
        <translation>Verwerfen &amp;rückgängig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put the dropped operation back in the outbox, in its place</source>
        <translation>Den verworfenen Vorgang an seiner Stelle wieder in den Postausgang legen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the selected operation again on the next sync</source>
        <translation>Den ausgewählten Vorgang beim nächsten Abgleich erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected operation from the outbox; it is never sent</source>
        <translation>Den ausgewählten Vorgang aus dem Postausgang entfernen; er wird nie gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the queued edit with the version active now</source>
        <translation>Die eingereihte Bearbeitung mit der jetzt aktiven Version zusammenführen</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Nothing waits for the shared database.</source>
        <translation>Nichts wartet auf die gemeinsame Datenbank.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n operation(s) wait for the shared database.</source>
        <translation>
            <numerusform>%n Vorgang wartet auf die gemeinsame Datenbank.</numerusform>
            <numerusform>%n Vorgänge warten auf die gemeinsame Datenbank.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conflict(s): open the merge to decide what goes.</source>
        <translation>
            <numerusform>%n Konflikt: Öffnen Sie das Zusammenführen, um zu entscheiden, was bleibt.</numerusform>
            <numerusform>%n Konflikte: Öffnen Sie das Zusammenführen, um zu entscheiden, was bleibt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused by the server: retry or drop.</source>
        <translation>
            <numerusform>%n vom Server abgelehnt: erneut versuchen oder verwerfen.</numerusform>
            <numerusform>%n vom Server abgelehnt: erneut versuchen oder verwerfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Drop Queued Operation</source>
        <translation>Eingereihten Vorgang verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the queued %1 of %2? It is never sent to the shared database.</source>
        <translation>Eingereihten Vorgang „%1“ für %2 verwerfen? Er wird nie an die gemeinsame Datenbank gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo Drop puts it back until you drop another one.</source>
        <translation>„Verwerfen rückgängig“ legt ihn zurück, bis Sie einen weiteren verwerfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Drop</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>retell::ui::PasswordStore</name>
    <message>
        <location filename="../ui/app/PasswordStore.cpp" line="+29"/>
        <source>No system keychain (such as GNOME Keyring or KWallet) is running, so the password cannot be remembered and is asked for at each start.</source>
        <translation>Es läuft kein Schlüsselbund des Systems (etwa GNOME Keyring oder KWallet), daher kann das Passwort nicht gespeichert werden und wird bei jedem Start abgefragt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain did not answer, so the password cannot be remembered and is asked for at each start.</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet, daher kann das Passwort nicht gespeichert werden und wird bei jedem Start abgefragt.</translation>
    </message>
</context>
<context>
    <name>retell::ui::PromptLexer</name>
    <message>
        <location filename="../ui/editor/PromptLexer.cpp" line="+91"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List marker</source>
        <translation>Listenzeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Known variable</source>
        <translation>Bekannte Variable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown variable</source>
        <translation>Unbekannte Variable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Malformed variable</source>
        <translation>Fehlerhafte Variable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool name</source>
        <translation>Werkzeugname</translation>
    </message>
</context>
<context>
    <name>retell::ui::PromptMergePane</name>
    <message>
        <location filename="../ui/merge/PromptMergePane.cpp" line="+68"/>
        <source>Previous conflict</source>
        <translation>Vorheriger Konflikt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next conflict</source>
        <translation>Nächster Konflikt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take ours</source>
        <translation>Unsere übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both, theirs first</source>
        <translation>Beide, deren zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both, ours first</source>
        <translation>Beide, unsere zuerst</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show base</source>
        <translation>Basis zeigen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Theirs (deployed meanwhile)</source>
        <translation>Deren (inzwischen bereitgestellt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours (your edit)</source>
        <translation>Unsere (Ihre Bearbeitung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>retell::ui::RetellKeyDialog</name>
    <message>
        <location filename="../ui/app/RetellKeyDialog.cpp" line="+32"/>
        <source>Retell API Key</source>
        <translation>Retell-API-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 only</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every company (global key)</source>
        <translation>Alle Unternehmen (globaler Schlüssel)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste the key from Retell&apos;s dashboard</source>
        <translation>Fügen Sie den Schlüssel aus Retells Dashboard ein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set by the environment variable RETELL_API_BASE_URL.</source>
        <translation>Durch die Umgebungsvariable RETELL_API_BASE_URL festgelegt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key is kept in the system keychain, never in a settings file; a company&apos;s own key comes before the global one.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems aufbewahrt, nie in einer Einstellungsdatei; der eigene Schlüssel eines Unternehmens hat Vorrang vor dem globalen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove Key</source>
        <translation>Schlüssel &amp;entfernen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Looking in the keychain…</source>
        <translation>Schlüsselbund wird durchsucht…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A key is stored; a new one replaces it.</source>
        <translation>Ein Schlüssel ist gespeichert; ein neuer ersetzt ihn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No key is stored.</source>
        <translation>Es ist kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No key of its own: the global key is used.</source>
        <translation>Kein eigener Schlüssel: Der globale Schlüssel wird verwendet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The base URL must look like https://api.retellai.com.</source>
        <translation>Die Basis-URL muss wie https://api.retellai.com aussehen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retell&apos;s base URL saved.</source>
        <translation>Retells Basis-URL gespeichert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Retell API key saved in the system keychain (%1).</source>
        <translation>Retell-API-Schlüssel im Schlüsselbund des Systems gespeichert (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Retell API key removed.</source>
        <translation>Retell-API-Schlüssel entfernt.</translation>
    </message>
</context>
<context>
    <name>retell::ui::RetellKeyStore</name>
    <message>
        <location filename="../ui/app/RetellKeyStore.cpp" line="+13"/>
        <source>No system keychain is running, so the Retell API key is kept only until the app closes.</source>
        <translation>Es läuft kein Schlüsselbund des Systems; der Retell-API-Schlüssel bleibt daher nur bis zum Schließen der App erhalten.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The system keychain did not answer, so the key stays stored there.</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet; der Schlüssel bleibt dort gespeichert.</translation>
    </message>
</context>
<context>
    <name>retell::ui::RetellUi</name>
    <message>
        <location filename="../ui/app/RetellUi.cpp" line="+230"/>
        <source>Needs the server: not while working offline.</source>
        <translation>Braucht den Server: nicht beim Offline-Arbeiten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link this branch to its Retell agent and LLM</source>
        <translation>Diese Filiale mit ihrem Retell-Agenten und LLM verknüpfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the branch&apos;s admins link it to Retell</source>
        <translation>Nur die Administratoren der Filiale verknüpfen sie mit Retell</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Checking what is live in Retell…</source>
        <translation>Es wird geprüft, was in Retell live ist…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>v%1 of %2 is not live in Retell yet: %3</source>
        <translation>v%1 von %2 ist in Retell noch nicht live: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not live yet: %1</source>
        <translation>Noch nicht live: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publishing v%1 to Retell…</source>
        <translation>v%1 wird in Retell veröffentlicht…</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+33"/>
        <source>v%1 of %2 is live in Retell as version %3.</source>
        <translation>v%1 von %2 ist in Retell als Version %3 live.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>not linked</source>
        <translation>nicht verknüpft</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+68"/>
        <source>Publishing to Retell…</source>
        <translation>Wird in Retell veröffentlicht…</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Retell (live, LLM version %1)</source>
        <translation>Retell (live, LLM-Version %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 v%2 (active)</source>
        <translation>%1 v%2 (aktiv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import from Retell</source>
        <translation>Aus Retell übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The edit made in Retell&apos;s dashboard becomes a new version of %1, validated like any deploy. Notes:</source>
        <translation>Die in Retells Dashboard gemachte Bearbeitung wird eine neue Version von %1, geprüft wie jede Bereitstellung. Notiz:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import as New Version</source>
        <translation>Als neue Version &amp;übernehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importing from Retell…</source>
        <translation>Wird aus Retell übernommen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported the dashboard edit as v%1 of %2.</source>
        <translation>Die Dashboard-Bearbeitung wurde als v%1 von %2 übernommen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Overwrite in Retell</source>
        <translation>In Retell überschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish v%1 of %2 over the edit made in Retell&apos;s dashboard? Retell keeps that edit in its version history; import it first to keep it here.</source>
        <translation>v%1 von %2 über die in Retells Dashboard gemachte Bearbeitung veröffentlichen? Retell behält diese Bearbeitung in seinem Versionsverlauf; übernehmen Sie sie zuerst, um sie hier zu behalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Overwrite</source>
        <translation>Über&amp;schreiben</translation>
    </message>
</context>
<context>
    <name>retell::ui::RoleNames</name>
    <message>
        <location filename="../ui/access/RoleNames.cpp" line="+11"/>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Editor</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>retell::ui::RolloutChangePicker</name>
    <message>
        <location filename="../ui/rollout/RolloutChangePicker.cpp" line="+16"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;template as a whole:</source>
        <translation>Eine &amp;Vorlage als Ganzes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;edit between two versions of:</source>
        <translation>Die &amp;Bearbeitung zwischen zwei Versionen von:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;from</source>
        <translation>v&amp;on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t&amp;o</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Choose the template to roll out.</source>
        <translation>Wählen Sie die zu verteilende Vorlage.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the branch whose edit to roll out.</source>
        <translation>Wählen Sie die Filiale, deren Bearbeitung verteilt werden soll.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose two different versions: the edit is what changed from the first to the second.</source>
        <translation>Wählen Sie zwei verschiedene Versionen: Die Bearbeitung ist, was sich von der ersten zur zweiten geändert hat.</translation>
    </message>
</context>
<context>
    <name>retell::ui::RolloutDialog</name>
    <message>
        <location filename="../ui/rollout/RolloutDialog.cpp" line="+43"/>
        <source>&amp;Preview</source>
        <translation>Vor&amp;schau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolve in Merge Window…</source>
        <translation>Im Fenster Zusammenführen &amp;lösen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo Rollout…</source>
        <translation>Verteilung &amp;rückgängig…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Roll Out a Change</source>
        <translation>Änderung verteilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What changes and why (required)</source>
        <translation>Was sich ändert und warum (erforderlich)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose A&amp;ll</source>
        <translation>A&amp;lle wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose &amp;None</source>
        <translation>&amp;Keine wählen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Choose the change and the branches, then preview.</source>
        <translation>Wählen Sie die Änderung und die Filialen, dann die Vorschau.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>&amp;Apply to %n Branch(es)</source>
        <translation>
            <numerusform>Auf %n Filiale &amp;anwenden</numerusform>
            <numerusform>Auf %n Filialen &amp;anwenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write notes first: each version written names the rollout and your notes.</source>
        <translation>Schreiben Sie zuerst Notizen: Jede geschriebene Version nennt die Verteilung und Ihre Notizen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview the chosen branches first.</source>
        <translation>Zeigen Sie zuerst die Vorschau der gewählten Filialen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping after the current branch…</source>
        <translation>Wird nach der aktuellen Filiale beendet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previewing</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+82"/>
        <source>%1 v%2 (active)</source>
        <translation>%1 v%2 (aktiv)</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>%1 proposed</source>
        <translation>%1 vorgeschlagen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Applying</source>
        <translation>Wird angewendet</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Rollout #%1</source>
        <translation>Verteilung Nr. %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>before the change</source>
        <translation>vor der Änderung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after the change</source>
        <translation>nach der Änderung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — merge rollout #%2 into v%3</source>
        <translation>%1 – Verteilung Nr. %2 mit v%3 zusammenführen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deploying</source>
        <translation>Wird bereitgestellt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Undo Rollout</source>
        <translation>Verteilung rückgängig machen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Roll %n branch(es) back to the version they had before rollout #%1? Branches deployed since are listed and left as they are.</source>
        <translation>
            <numerusform>%n Filiale auf die Version vor Verteilung Nr. %1 zurücksetzen? Seitdem bereitgestellte Filialen werden aufgeführt und bleiben, wie sie sind.</numerusform>
            <numerusform>%n Filialen auf die Version vor Verteilung Nr. %1 zurücksetzen? Seitdem bereitgestellte Filialen werden aufgeführt und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo Rollout</source>
        <translation>Verteilung &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undoing</source>
        <translation>Wird rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>retell::ui::RolloutTexts</name>
    <message>
        <location filename="../ui/rollout/RolloutTexts.cpp" line="+38"/>
        <source>would change cleanly</source>
        <translation>würde sich sauber ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already has it</source>
        <translation>hat es bereits</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+134"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <location line="-132"/>
        <source>would fail validation</source>
        <translation>würde die Prüfung nicht bestehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+55"/>
        <source>nothing deployed</source>
        <translation>nichts bereitgestellt</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>v%1 → new version</source>
        <translation>v%1 → neue Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on v%1; resolve in the merge window after applying</source>
        <translation>auf v%1; nach dem Anwenden im Fenster Zusammenführen lösen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You need the editor role on this branch.</source>
        <translation>Sie brauchen die Rolle Bearbeiter für diese Filiale.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already had it</source>
        <translation>hatte es bereits</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n Konflikt zu lösen</numerusform>
            <numerusform>%n Konflikte zu lösen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not applied: invalid</source>
        <translation>nicht angewendet: ungültig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deployed meanwhile</source>
        <translation>inzwischen bereitgestellt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped (cancelled)</source>
        <translation>übersprungen (abgebrochen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resolved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>v%1 → v%2</source>
        <translation>v%1 → v%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>v%1 is active now, not overwritten</source>
        <translation>v%1 ist jetzt aktiv, nicht überschrieben</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>undone: back to v%1 as v%2</source>
        <translation>rückgängig: zurück zu v%1 als v%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed since (v%1 active): left as it is</source>
        <translation>seitdem geändert (v%1 aktiv): bleibt, wie es ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not allowed to undo</source>
        <translation>Rückgängigmachen nicht erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to go back to</source>
        <translation>nichts, wohin zurückgesetzt werden kann</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n would change cleanly</source>
        <translation>
            <numerusform>%n würde sich sauber ändern</numerusform>
            <numerusform>%n würden sich sauber ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n bereits aktuell</numerusform>
            <numerusform>%n bereits aktuell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n would fail validation</source>
        <translation>
            <numerusform>%n würde die Prüfung nicht bestehen</numerusform>
            <numerusform>%n würden die Prüfung nicht bestehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+21"/>
        <source>%n not allowed</source>
        <translation>
            <numerusform>%n nicht erlaubt</numerusform>
            <numerusform>%n nicht erlaubt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-18"/>
        <source>%n with nothing deployed</source>
        <translation>
            <numerusform>%n ohne Bereitstellung</numerusform>
            <numerusform>%n ohne Bereitstellung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview stopped: %1.</source>
        <translation>Vorschau beendet: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preview: %1.</source>
        <translation>Vorschau: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>applied to %n branch(es)</source>
        <translation>
            <numerusform>auf %n Filiale angewendet</numerusform>
            <numerusform>auf %n Filialen angewendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n already had it</source>
        <translation>%n hatten es bereits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n conflict(s) left to resolve</source>
        <translation>%n Konflikt(e) noch zu lösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n deployed meanwhile and not overwritten</source>
        <translation>%n inzwischen bereitgestellt und nicht überschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n invalid</source>
        <translation>%n ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n failed</source>
        <translation>%n fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n skipped</source>
        <translation>%n übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollout #%1 stopped: %2.</source>
        <translation>Verteilung Nr. %1 beendet: %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rollout #%1: %2.</source>
        <translation>Verteilung Nr. %1: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Rollout #%1 undone on %n branch(es).</source>
        <translation>
            <numerusform>Verteilung Nr. %1 auf %n Filiale rückgängig gemacht.</numerusform>
            <numerusform>Verteilung Nr. %1 auf %n Filialen rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed since and left as they are: %1.</source>
        <translation>Seitdem geändert und unverändert gelassen: %1.</translation>
    </message>
</context>
<context>
    <name>retell::ui::TemplateDialog</name>
    <message>
        <location filename="../ui/panels/TemplateDialog.cpp" line="+26"/>
        <source>Save as Template</source>
        <translation>Als Vorlage speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename Template &quot;%1&quot;</source>
        <translation>Vorlage „%1“ umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Template &quot;%1&quot;</source>
        <translation>Vorlage „%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the template is for, in a sentence or two</source>
        <translation>Wofür die Vorlage gedacht ist, in ein, zwei Sätzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;hare with every company</source>
        <translation>Mit allen &amp;Unternehmen teilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Otherwise only the company of the current branch sees the template</source>
        <translation>Sonst sieht nur das Unternehmen der aktuellen Filiale die Vorlage</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Fix the errors in the prompt or tools first</source>
        <translation>Beheben Sie zuerst die Fehler im Prompt oder in den Werkzeugen</translation>
    </message>
</context>
<context>
    <name>retell::ui::TemplatePickerPanel</name>
    <message>
        <location filename="../ui/panels/TemplatePickerPanel.cpp" line="+32"/>
        <source>built-in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>custom</source>
        <translation>eigene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the web admin</source>
        <translation>aus der Web-Verwaltung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>custom, shared with every company</source>
        <translation>eigene, mit allen Unternehmen geteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom, %1</source>
        <translation>eigene, %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No tools.</source>
        <translation>Keine Werkzeuge.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Apply to Branch</source>
        <translation>Auf Filiale &amp;anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare with Branch</source>
        <translation>Mit Filiale &amp;vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as Template…</source>
        <translation>Als Vorlage &amp;speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+169"/>
        <source>Fill the editor with this template as a draft; nothing is deployed</source>
        <translation>Den Editor mit dieser Vorlage als Entwurf füllen; nichts wird bereitgestellt</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Show side by side what applying this template would change</source>
        <translation>Nebeneinander zeigen, was das Anwenden dieser Vorlage ändern würde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename this custom template (F2)</source>
        <translation>Diese eigene Vorlage umbenennen (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the description, prompt and tools of this custom template</source>
        <translation>Beschreibung, Prompt und Werkzeuge dieser eigenen Vorlage ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this custom template (Del); versions deployed from it stay as they are</source>
        <translation>Diese eigene Vorlage löschen (Entf); daraus bereitgestellte Versionen bleiben, wie sie sind</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&quot;%1&quot; belongs to %2; it can only be applied to that company&apos;s branches.</source>
        <translation>„%1“ gehört zu %2; sie kann nur auf Filialen dieses Unternehmens angewendet werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the editor&apos;s content as a new template of this branch&apos;s company</source>
        <translation>Den Inhalt des Editors als neue Vorlage des Unternehmens dieser Filiale speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving a template needs the editor role on the branch shown</source>
        <translation>Zum Speichern einer Vorlage ist die Rolle Bearbeiter für die angezeigte Filiale nötig</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only its company&apos;s admins and its author may change it</source>
        <translation>nur die Administratoren ihres Unternehmens und ihr Autor dürfen sie ändern</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Template &quot;%1&quot; renamed to &quot;%2&quot;.</source>
        <translation>Vorlage „%1“ in „%2“ umbenannt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template &quot;%1&quot; saved.</source>
        <translation>Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete Template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the template &quot;%1&quot; (%2)?</source>
        <translation>Die Vorlage „%1“ (%2) löschen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Versions deployed from it keep their content. You can undo this until the next template change.</source>
        <translation>Daraus bereitgestellte Versionen behalten ihren Inhalt. Sie können das bis zur nächsten Vorlagenänderung rückgängig machen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Template &quot;%1&quot; deleted.</source>
        <translation>Vorlage „%1“ gelöscht.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Template &quot;%1&quot; restored.</source>
        <translation>Vorlage „%1“ wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>retell::ui::TemplatesFacade</name>
    <message>
        <location filename="../ui/services/TemplatesFacade.cpp" line="+16"/>
        <source>Templates cannot be changed while offline; nothing was changed. Try again once the app is online.</source>
        <translation>Vorlagen können offline nicht geändert werden; es wurde nichts geändert. Versuchen Sie es erneut, sobald die App online ist.</translation>
    </message>
</context>
<context>
    <name>retell::ui::ToolsChangeCopier</name>
    <message>
        <location filename="../ui/diff/ToolsChangeCopier.cpp" line="+25"/>
        <source>&amp;Revert this tool change</source>
        <translation>Diese Werkzeugänderung &amp;zurücknehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Take this tool change</source>
        <translation>Diese Werkzeugänderung &amp;übernehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put the version&apos;s tool (or the selected JSON path) back in your edit (%1)</source>
        <translation>Das Werkzeug der Version (oder den ausgewählten JSON-Pfad) wieder in Ihre Bearbeitung setzen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the other side&apos;s tool (or the selected JSON path) into your edit (%1)</source>
        <translation>Das Werkzeug der anderen Seite (oder den ausgewählten JSON-Pfad) in Ihre Bearbeitung kopieren (%1)</translation>
    </message>
</context>
<context>
    <name>retell::ui::ToolsDiffTree</name>
    <message>
        <location filename="../ui/diff/ToolsDiffTree.cpp" line="+10"/>
        <source>Tool / JSON path</source>
        <translation>Werkzeug / JSON-Pfad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tools are identical (order ignored)</source>
        <translation>Werkzeuge sind identisch (Reihenfolge ignoriert)</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n path(s) differ</source>
        <translation>
            <numerusform>%n Pfad unterscheidet sich</numerusform>
            <numerusform>%n Pfade unterscheiden sich</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retell::ui::ToolsEditor</name>
    <message>
        <location filename="../ui/editor/ToolsEditor.cpp" line="+31"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No tools defined yet.</source>
        <translation>Noch keine Werkzeuge definiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid JSON at line %1, column %2: %3.</source>
        <translation>Ungültiges JSON in Zeile %1, Spalte %2: %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The tools config must be a JSON array of tools.</source>
        <translation>Die Werkzeugkonfiguration muss ein JSON-Array von Werkzeugen sein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n tool(s)</source>
        <translation>
            <numerusform>%n Werkzeug</numerusform>
            <numerusform>%n Werkzeuge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list shows the last valid version.</source>
        <translation>Die Liste zeigt die letzte gültige Fassung.</translation>
    </message>
</context>
<context>
    <name>retell::ui::ToolsMergePane</name>
    <message>
        <location filename="../ui/merge/ToolsMergePane.cpp" line="+24"/>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take ours</source>
        <translation>Unsere übernehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep base</source>
        <translation>Basis behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unresolved</source>
        <translation>Ungelöst</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ours</source>
        <translation>unsere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>theirs</source>
        <translation>deren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both, combined</source>
        <translation>beide, kombiniert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(whole tool)</source>
        <translation>(ganzes Werkzeug)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ours</source>
        <translation>Unsere</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes taken</source>
        <translation>Übernommene Änderungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>retell::ui::VersionViewer</name>
    <message>
        <location filename="../ui/panels/VersionViewer.cpp" line="+22"/>
        <source>%1 — v%2 (read-only)</source>
        <translation>%1 – v%2 (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;v%1&lt;/b&gt;%2 · %3 · deployed by %4 on %5&lt;br&gt;%6</source>
        <translation>&lt;b&gt;v%1&lt;/b&gt;%2 · %3 · bereitgestellt von %4 am %5&lt;br&gt;%6</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use as &amp;Draft</source>
        <translation>Als &amp;Entwurf verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start an edit of the branch from this version&apos;s content</source>
        <translation>Eine Bearbeitung der Filiale mit dem Inhalt dieser Version beginnen</translation>
    </message>
</context>
<context>
    <name>retell::ui::tableExport</name>
    <message>
        <location filename="../ui/common/TableExport.cpp" line="+23"/>
        <location line="+3"/>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
</context>
</TS>
