// SPDX-License-Identifier: Apache-2.0
#include "QuitConfirmation.h"

#include "MainWindow.h"
#include "api/ApiError.h"
#include "store/HistoryStore.h"
#include "workflow/RunMonitor.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <memory>

namespace Brickrun {

QuitConfirmation::QuitConfirmation(RunMonitor *monitor, HistoryStore *history, MainWindow *window,
                                   QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_history(history)
    , m_window(window)
{}

bool QuitConfirmation::confirmClose()
{
    const int active = m_monitor->trackedCount();
    if (active == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Runs are still active"),
                    tr("%n run(s) are still active.", nullptr, active), QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("quitConfirmation"));
    box.setInformativeText(tr("Keep them running: they go on at Databricks and Brickrun follows "
                              "them again at the next start. Or cancel them now."));
    QPushButton *keep = box.addButton(tr("&Keep running and quit"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(tr("&Cancel runs and quit"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Don't quit"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return true;
    if (box.clickedButton() != cancel)
        return false;
    // Send every cancel, then close once they were answered (or after a few seconds).
    const QList<RunRecord> runs = m_history->activeRuns();
    auto pending = std::make_shared<int>(0);
    for (const RunRecord &r : runs) {
        if (r.runId > 0 && m_monitor->isTracking(r.id)) {
            ++*pending;
            m_monitor->cancel(r.id);
        }
    }
    if (*pending == 0)
        return true;
    m_window->setEnabled(false);
    m_window->showStatus(tr("Cancelling %n run(s)…", nullptr, *pending));
    auto closeNow = [this] {
        m_window->setCloseGuard({});
        m_window->close();
    };
    auto onAnswer = [pending, closeNow](qint64) {
        if (--*pending == 0)
            closeNow();
    };
    connect(m_monitor, &RunMonitor::cancelSent, this, onAnswer);
    connect(m_monitor, &RunMonitor::cancelFailed, this,
            [onAnswer](qint64 id, const ApiError &) { onAnswer(id); });
    QTimer::singleShot(CancelWaitMs, this, closeNow);
    return false;
}

} // namespace Brickrun
