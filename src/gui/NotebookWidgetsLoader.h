// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

class QLabel;

namespace Brickrun {

class ParametersTable;
class WorkspaceApi;
struct ApiError;
struct NotebookWidgets;

// Offers a notebook's widgets as its run parameters: exports the chosen notebook's source
// (asynchronously), reads its widgets and fills the parameters table with them. Best effort:
// a notebook that cannot be exported or read leaves the table as the user made it, and a
// quiet note under the table says why. An answer for a notebook no longer chosen is dropped.
class NotebookWidgetsLoader : public QObject
{
    Q_OBJECT
public:
    NotebookWidgetsLoader(ParametersTable *table, QLabel *note, QObject *parent = nullptr);

    void setWorkspaceApi(WorkspaceApi *api);
    // The notebook at `path` is chosen; `language` as workspace/list says (PYTHON, SQL…).
    void load(const QString &path, const QString &language);
    // No notebook is chosen any more: the rows its widgets filled in and the note go.
    void forget();
    QString note() const;

Q_SIGNALS:
    // The table's rows changed (filled or emptied by this loader).
    void parametersChanged();
    // A notebook's widgets were read (or could not be), for tests and for the note.
    void finished(const QString &path);

private:
    void showNote(const QString &text);
    void apply(const QString &path, const NotebookWidgets &found);
    static QString failureText(const ApiError &error);

    ParametersTable *m_table;
    QLabel *m_note;
    QPointer<WorkspaceApi> m_api;
    quint64 m_generation = 0; // an answer of an older generation is stale
    QString m_path;           // the notebook being read or read last
};

} // namespace Brickrun
