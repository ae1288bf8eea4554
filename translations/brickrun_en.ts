<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Brickrun::BrowserSignIn</name>
    <message numerus="yes">
        <source>No sign-in answer came from the browser within %n minute(s); sign in again.</source>
        <translation>
            <numerusform>No sign-in answer came from the browser within %n minute; sign in again.</numerusform>
            <numerusform>No sign-in answer came from the browser within %n minutes; sign in again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryActions</name>
    <message numerus="yes">
        <source>Exported %Ln runs to %1.</source>
        <translation>
            <numerusform>Exported %Ln run to %1.</numerusform>
            <numerusform>Exported %Ln runs to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n run(s)…</source>
        <translation>
            <numerusform>Exporting %n run…</numerusform>
            <numerusform>Exporting %n runs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) from the history?</source>
        <translation>
            <numerusform>Delete %n run from the history?</numerusform>
            <numerusform>Delete %n runs from the history?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active run(s) in the selection are kept.</source>
        <translation>
            <numerusform>%n active run in the selection is kept.</numerusform>
            <numerusform>%n active runs in the selection are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n run(s).</source>
        <translation>
            <numerusform>Deleted %n run.</numerusform>
            <numerusform>Deleted %n runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) submitted before %1?</source>
        <translation>
            <numerusform>Delete %n run submitted before %1?</numerusform>
            <numerusform>Delete %n runs submitted before %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n old run(s).</source>
        <translation>
            <numerusform>Deleted %n old run.</numerusform>
            <numerusform>Deleted %n old runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new runs imported.</source>
        <translation>
            <numerusform>%Ln new run imported.</numerusform>
            <numerusform>%Ln new runs imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::HistoryFilterBar</name>
    <message numerus="yes">
        <source>%Ln runs</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::ImportRunsDialog</name>
    <message numerus="yes">
        <source>Cancelled. %n new run(s) imported before that.</source>
        <translation>
            <numerusform>Cancelled. %n new run imported before that.</numerusform>
            <numerusform>Cancelled. %n new runs imported before that.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace could not be read: %1
%n new run(s) imported before that.</source>
        <translation>
            <numerusform>The workspace could not be read: %1
%n new run imported before that.</numerusform>
            <numerusform>The workspace could not be read: %1
%n new runs imported before that.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::NotebookWidgetsLoader</name>
    <message numerus="yes">
        <source>%n parameter(s) from the notebook&apos;s widgets.</source>
        <translation>
            <numerusform>%n parameter from the notebook&apos;s widgets.</numerusform>
            <numerusform>%n parameters from the notebook&apos;s widgets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n widget(s) made in a loop or computed when the notebook runs were left out.</source>
        <translation>
            <numerusform>%n widget made in a loop or computed when the notebook runs was left out.</numerusform>
            <numerusform>%n widgets made in a loop or computed when the notebook runs were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::PresetsBar</name>
    <message numerus="yes">
        <source>Imported %n preset(s): %1</source>
        <translation>
            <numerusform>Imported %n preset: %1</numerusform>
            <numerusform>Imported %n presets: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Brickrun::QuitConfirmation</name>
    <message numerus="yes">
        <source>%n run(s) are still active.</source>
        <translation>
            <numerusform>%n run is still active.</numerusform>
            <numerusform>%n runs are still active.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n run(s)…</source>
        <translation>
            <numerusform>Cancelling %n run…</numerusform>
            <numerusform>Cancelling %n runs…</numerusform>
        </translation>
    </message>
</context>
</TS>
