// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Brickrun {

// A single-shot timer for waits of any length (a --timeout of weeks). QTimer counts in int
// milliseconds: past 24.8 days Qt 6.4 truncates the wait (4,294,968 s became 0.7 s). This
// keeps the end as a QDeadlineTimer and arms its QTimer in chunks of at most a day, so that
// `timeout` is emitted once the whole wait has passed, never earlier.
class DeadlineTimer : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds MaxChunk{24 * 3600 * 1000};

    explicit DeadlineTimer(QObject *parent = nullptr);

    void start(std::chrono::milliseconds wait);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // What is left of the wait (0 when not active).
    std::chrono::milliseconds remaining() const;

Q_SIGNALS:
    void timeout();

private:
    void arm();
    QTimer m_timer;
    QDeadlineTimer m_deadline;
};

} // namespace Brickrun
