// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceResolver.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>

namespace Brickrun {

class HistoryStore;
class JobsClient;
class MainWindow;
class RunsTableModel;

// What the user does to the history as a whole, from the History menu and the table's context
// menu: export the filtered runs (CSV or JSON, written on a worker thread), delete the selected
// runs or the runs older than a number of days (both ask; active runs are always kept), and
// import a workspace's one-time runs (ImportRunsDialog).
class HistoryActions : public QObject
{
    Q_OBJECT
public:
    using WorkspaceResolver = Brickrun::WorkspaceResolver;

    HistoryActions(HistoryStore *history, RunsTableModel *model, MainWindow *window,
                   WorkspaceResolver resolver, QObject *parent = nullptr);
    ~HistoryActions() override; // waits for an export still being written

    void exportRuns();
    void deleteSelected();
    void deleteOlder();
    void importFromWorkspace();
    bool isExporting() const { return m_export.isRunning(); }

Q_SIGNALS:
    // Runs were imported into the profile's history (active ones are to be followed).
    void runsImported(const QString &profile, int count);

private:
    HistoryStore *m_history;
    RunsTableModel *m_model;
    MainWindow *m_window;
    WorkspaceResolver m_resolver;
    QFutureWatcher<QString> m_export;
    QString m_exportPath;
    int m_exportCount = 0;
    QString m_directory;
};

} // namespace Brickrun
