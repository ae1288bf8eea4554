// SPDX-License-Identifier: Apache-2.0
#include "HistoryActions.h"

#include "HistoryFilterBar.h"
#include "ImportRunsDialog.h"
#include "MainWindow.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "store/HistoryStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace Brickrun {

HistoryActions::HistoryActions(HistoryStore *history, RunsTableModel *model, MainWindow *window,
                               WorkspaceResolver resolver, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_model(model)
    , m_window(window)
    , m_resolver(std::move(resolver))
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    connect(&m_export, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_export.result();
        if (error.isEmpty())
            m_window->showStatus((m_exportCount == 1
                                      ? tr("Exported 1 run to %1.")
                                      : tr("Exported %Ln runs to %1.", nullptr, m_exportCount))
                                     .arg(QDir::toNativeSeparators(m_exportPath)),
                                 15000);
        else
            QMessageBox::warning(m_window, tr("Export runs"),
                                 tr("The runs could not be exported: %1").arg(error));
    });
}

HistoryActions::~HistoryActions()
{
    m_export.waitForFinished(); // the worker uses the history: let it end first
}

void HistoryActions::exportRuns()
{
    if (m_export.isRunning()) {
        m_window->showStatus(tr("An export is still being written."), 5000);
        return;
    }
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString chosenFilter = csvFilter;
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export runs"),
        QDir(m_directory).filePath(QStringLiteral("brickrun-runs.csv")),
        csvFilter + QStringLiteral(";;") + jsonFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool json = suffix == QLatin1String("json") ||
                      (suffix != QLatin1String("csv") && chosenFilter == jsonFilter);
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv"))
        path += json ? QStringLiteral(".json") : QStringLiteral(".csv");
    m_directory = QFileInfo(path).absolutePath();
    m_exportPath = path;
    m_exportCount = m_model->totalCount();

    // The whole filtered history may be 100,000 runs: written on a worker thread (it has its
    // own database connection), the window stays responsive; the store writes all or nothing.
    HistoryStore *history = m_history;
    const HistoryStore::Query query = m_model->query();
    m_export.setFuture(QtConcurrent::run([history, query, path, json] {
        QString error;
        const bool ok = json ? history->exportJson(query, path, &error)
                             : history->exportCsv(query, path, &error);
        return ok ? QString() : (error.isEmpty() ? QStringLiteral("unknown error") : error);
    }));
    m_window->showStatus(tr("Exporting %n run(s)…", nullptr, m_exportCount));
}

void HistoryActions::deleteSelected()
{
    const QList<qint64> ids = m_window->selectedRunIds();
    QList<qint64> deletable;
    int active = 0;
    for (const qint64 id : ids) {
        const auto record = m_history->record(id);
        if (record && record->isActive())
            ++active; // still followed: deleting it would lose the run mid-way
        else if (record)
            deletable.append(id);
    }
    if (deletable.isEmpty()) {
        if (active > 0)
            QMessageBox::information(m_window, tr("Delete runs"),
                                     tr("Active runs are not deleted: cancel them or let them "
                                        "end first."));
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Delete runs"),
                    tr("Delete %n run(s) from the history?", nullptr, int(deletable.size())),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("deleteRunsQuestion"));
    QString info = tr("Their output goes with them. The workspace itself is not changed.");
    if (active > 0)
        info +=
            QLatin1Char('\n') + tr("%n active run(s) in the selection are kept.", nullptr, active);
    box.setInformativeText(info);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (!m_history->remove(deletable)) {
        QMessageBox::warning(m_window, tr("Delete runs"),
                             tr("The runs could not be deleted (see the log)."));
        m_model->reload();
        return;
    }
    m_model->removeRecords(deletable);
    m_window->showStatus(tr("Deleted %n run(s).", nullptr, int(deletable.size())), 10000);
}

void HistoryActions::deleteOlder()
{
    bool ok = false;
    const int days = QInputDialog::getInt(
        m_window, tr("Delete old runs"),
        tr("Delete the runs submitted more than this many days ago\n(active runs are kept):"), 60,
        1, 36500, 1, &ok);
    if (!ok)
        return;
    const QDateTime cutoff = QDateTime::currentDateTime().addDays(-days);
    HistoryStore::Query ended;
    ended.toMs = cutoff.toMSecsSinceEpoch();
    ended.status = QStringLiteral("success");
    int count = m_history->count(ended);
    ended.status = QStringLiteral("failed"); // every other end
    count += m_history->count(ended);
    if (count == 0) {
        QMessageBox::information(m_window, tr("Delete old runs"),
                                 tr("No ended run was submitted before %1.")
                                     .arg(QLocale().toString(cutoff, QLocale::ShortFormat)));
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Delete old runs"),
                    tr("Delete %n run(s) submitted before %1?", nullptr, count)
                        .arg(QLocale().toString(cutoff, QLocale::ShortFormat)),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("deleteOldRunsQuestion"));
    box.setInformativeText(tr("Their output goes with them. Active runs are kept."));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    const int removed = m_history->removeOlderThan(cutoff.toMSecsSinceEpoch());
    m_model->reload();
    m_window->showStatus(tr("Deleted %n old run(s).", nullptr, removed), 10000);
}

void HistoryActions::importFromWorkspace()
{
    // The workspace the history is filtered on, else the one of the submit form.
    QString profile = m_window->historyFilterBar()->currentProfile();
    if (profile.isEmpty())
        profile = m_window->submitPanel()->currentProfile();
    if (profile.isEmpty()) {
        QMessageBox::information(m_window, tr("Import from workspace"),
                                 tr("Add a workspace (or try the demo) first."));
        return;
    }
    m_resolver(profile, [this, profile](JobsClient *client, const QString &host,
                                        const QString &error) {
        if (!error.isEmpty() || !client) {
            QMessageBox::warning(m_window, tr("Import from workspace"), error);
            return;
        }
        const QString label = profile == QLatin1String("demo") ? tr("the demo workspace") : profile;
        auto *dialog = new ImportRunsDialog(client, m_history, profile, host, label, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this, dialog, profile] {
            const int imported = dialog->importedCount();
            if (imported > 0)
                m_model->reload();
            m_window->showStatus(imported == 1 ? tr("1 new run imported.")
                                               : tr("%Ln new runs imported.", nullptr, imported),
                                 15000);
            Q_EMIT runsImported(profile, imported);
        });
        dialog->open(); // window-modal, no nested event loop while the pages come in
    });
}

} // namespace Brickrun
