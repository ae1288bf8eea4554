// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

namespace Brickrun {

class HistoryStore;
class MainWindow;
class RunMonitor;

// Asked before the window closes while runs are active: keep them running (they are followed
// again at the next start), cancel them and quit (the window closes once the cancels were
// answered, or after a few seconds), or stay.
class QuitConfirmation : public QObject
{
    Q_OBJECT
public:
    QuitConfirmation(RunMonitor *monitor, HistoryStore *history, MainWindow *window,
                     QObject *parent = nullptr);

    // The window's close guard: true to close now.
    bool confirmClose();

private:
    static constexpr int CancelWaitMs = 10000;

    RunMonitor *m_monitor;
    HistoryStore *m_history;
    MainWindow *m_window;
};

} // namespace Brickrun
