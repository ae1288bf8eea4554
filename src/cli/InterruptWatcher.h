#pragma once

#include <QObject>

class QSocketNotifier;

namespace Brickrun::Cli {

// Turns Ctrl-C (SIGINT, and SIGTERM on Unix; the console control handler on Windows) into a
// Qt signal delivered on the event loop, so the program can cancel its run cleanly.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

Q_SIGNALS:
    // `count` is 1 for the first Ctrl-C, 2 for the second…
    void interrupted(int count);

private:
    Q_INVOKABLE void onSignal();
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace Brickrun::Cli
