// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Brickrun::Cli {

// Turns Ctrl-C (SIGINT; the console control handler on Windows) and SIGTERM into Qt signals
// delivered on the event loop: Ctrl-C cancels the run cleanly, SIGTERM (CI, `timeout`, a
// service manager stopping the job) leaves the run going.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

Q_SIGNALS:
    // `count` is 1 for the first Ctrl-C, 2 for the second…
    void interrupted(int count);
    // SIGTERM (Unix): stop, but never cancel the run on the service.
    void terminated();

private:
    Q_INVOKABLE void onSignal();
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace Brickrun::Cli
