// SPDX-License-Identifier: Apache-2.0
// A Qt "generic" plugin that a benchmark loads into an unmodified program through the
// environment (QT_PLUGIN_PATH=<dir with generic/>, QT_QPA_GENERIC_PLUGINS=brickrunprobe):
// it notes (CLOCK_MONOTONIC) when the first QMainWindow has painted its first frame and when a
// button named "submitButton" was first painted enabled (the program is ready to use), optionally
// clicks the window's "submitButton" and waits until the runs table shows the run ended
// (BRICKRUN_PROBE_DEMO_RUN=1), then writes its figures to $BRICKRUN_PROBE_OUT and ends the
// process. Nothing of it is in the application: the same probe measures the minimal program.

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QGenericPlugin>
#include <QMainWindow>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

QByteArray procStatus(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return "0";
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).simplified().split(' ').value(0);
    }
    return "0";
}

class Probe : public QObject
{
public:
    Probe() { QCoreApplication::instance()->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !watched->isWidgetType())
            return false;
        if (m_window) {
            // Ready: the Submit button painted enabled (the panels are in, the workspace known).
            if (m_readyNs == 0 && watched->objectName() == QLatin1String("submitButton") &&
                static_cast<QWidget *>(watched)->isEnabled()) {
                m_readyNs = -1;
                QTimer::singleShot(0, this, [this] {
                    m_readyNs = monotonicNs();
                    m_out += "ready_ns=" + QByteArray::number(m_readyNs) + '\n';
                });
            }
            return false;
        }
        auto *window = qobject_cast<QMainWindow *>(static_cast<QWidget *>(watched)->window());
        if (!window || !window->isVisible())
            return false;
        m_window = window;
        // Once the paint is done and the frame is out: the window is shown.
        QTimer::singleShot(0, this, [this] {
            m_out += "shown_ns=" + QByteArray::number(monotonicNs()) + '\n';
            m_out += "shown_rss_kb=" + procStatus("VmRSS:") + '\n';
            if (qgetenv("BRICKRUN_PROBE_DEMO_RUN") == "1")
                QTimer::singleShot(300, this, [this] { submit(); });
            else
                QTimer::singleShot(1000, this, [this] { finish(); });
        });
        return false;
    }

private:
    void submit()
    {
        auto *button =
            m_window ? m_window->findChild<QPushButton *>(QStringLiteral("submitButton")) : nullptr;
        if (!button || !button->isEnabled()) {
            if (++m_tries > 100)
                return finish();
            QTimer::singleShot(100, this, [this] { submit(); });
            return;
        }
        m_submittedNs = monotonicNs();
        button->click();
        m_tries = 0;
        QTimer::singleShot(100, this, [this] { waitForEnd(); });
    }
    void waitForEnd()
    {
        auto *view = m_window->findChild<QAbstractItemView *>(QStringLiteral("runsTable"));
        QAbstractItemModel *model = view ? view->model() : nullptr;
        bool ended = false;
        if (model && model->rowCount() > 0) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString text = model->index(0, c).data().toString();
                const QString tip = model->index(0, c).data(Qt::ToolTipRole).toString();
                for (const QString &s : {text, tip})
                    ended = ended || s.contains(QLatin1String("TERMINATED")) ||
                            s.contains(QLatin1String("Succeeded")) ||
                            s.contains(QLatin1String("SUCCESS"));
            }
        }
        if (ended || ++m_tries > 600) {
            m_out += "run_ended=" + QByteArray(ended ? "1" : "0") + '\n';
            m_out +=
                "run_ms=" + QByteArray::number((monotonicNs() - m_submittedNs) / 1000000) + '\n';
            QTimer::singleShot(1500, this, [this] { finish(); }); // output fetched and shown
            return;
        }
        QTimer::singleShot(100, this, [this] { waitForEnd(); });
    }
    void finish()
    {
        m_out += "rss_kb=" + procStatus("VmRSS:") + '\n';
        m_out += "hwm_kb=" + procStatus("VmHWM:") + '\n';
        QFile out(QString::fromLocal8Bit(qgetenv("BRICKRUN_PROBE_OUT")));
        if (out.open(QIODevice::WriteOnly))
            out.write(m_out);
        out.close();
        std::fflush(nullptr);
        ::_exit(0); // the measurement is done; the program's shutdown is not measured
    }

    QPointer<QMainWindow> m_window;
    QByteArray m_out;
    qint64 m_readyNs = 0;
    qint64 m_submittedNs = 0;
    int m_tries = 0;
};

} // namespace

class ProbePlugin : public QGenericPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QGenericPluginFactoryInterface_iid FILE "probe.json")
public:
    QObject *create(const QString &, const QString &) override { return new Probe; }
};

#include "ProbePlugin.moc"
