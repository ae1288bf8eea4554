// SPDX-License-Identifier: Apache-2.0
#include "WindowGeometry.h"

#include "SettingsFile.h"

#include <QDockWidget>
#include <QEvent>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMargins>
#include <QScreen>
#include <QTimer>
#include <QWidget>

namespace Brickrun::WindowGeometry {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry"); // without the decorations
const QString FrameKey = QStringLiteral("window/frame");       // with them
const QString MaximizedKey = QStringLiteral("window/maximized");
const QString ScreenKey = QStringLiteral("window/screen");
const QString DocksKey = QStringLiteral("window/docks"); // QMainWindow::saveState
constexpr int DocksVersion = 1;

// What the window manager adds around `geometry` to make `frame`; none when unknown.
QMargins decorations(const QRect &frame, const QRect &geometry)
{
    if (!frame.isValid() || !frame.contains(geometry))
        return {};
    return {geometry.left() - frame.left(), geometry.top() - frame.top(),
            frame.right() - geometry.right(), frame.bottom() - geometry.bottom()};
}

QScreen *screenFor(const QString &name, const QRect &frame)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (QScreen *screen : screens) {
        if (!name.isEmpty() && screen->name() == name &&
            screen->availableGeometry().intersects(frame))
            return screen;
    }
    if (QScreen *screen = QGuiApplication::screenAt(frame.center()))
        return screen;
    return QGuiApplication::primaryScreen();
}

// Saves the window's place whenever it hides (closed, or hidden by its owner); a minimised
// window's hide is spontaneous and saves nothing. Moves the window back onto its screen when its
// own minimum size pushed it past the edge (the panels came after a small saved place).
class Keeper : public QObject
{
public:
    Keeper(QWidget *window, const QString &settingsFile)
        : QObject(window)
        , m_window(window)
        , m_settingsFile(settingsFile)
    {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Hide && !event->spontaneous())
            save();
        if (watched == m_window && event->type() == QEvent::LayoutRequest)
            QTimer::singleShot(0, this, &Keeper::keepOnScreen); // once the new minimum applies
        return false;
    }

private:
    void keepOnScreen() const
    {
        if (!m_window->isVisible() || m_window->isMaximized() || m_window->isFullScreen() ||
            !m_window->screen())
            return;
        const QSize minimum = m_window->minimumSize().expandedTo(m_window->minimumSizeHint());
        if (m_window->width() > minimum.width() && m_window->height() > minimum.height())
            return; // not its minimum: the size (and place) are the user's
        const QRect available = m_window->screen()->availableGeometry();
        const QRect frame = m_window->frameGeometry();
        if (available.contains(frame))
            return;
        const QMargins margins = decorations(frame, m_window->geometry());
        const QSize decorated(margins.left() + margins.right(), margins.top() + margins.bottom());
        m_window->setGeometry(
            fitted(frame, available, minimum + decorated).marginsRemoved(margins));
    }

    void save() const
    {
        const bool maximized = m_window->isMaximized() || m_window->isFullScreen();
        const QMargins margins = decorations(m_window->frameGeometry(), m_window->geometry());
        const QRect geometry = maximized ? m_window->normalGeometry() : m_window->geometry();
        if (!geometry.isValid())
            return;
        const auto settings = settingsFor(m_settingsFile);
        settings->setValue(GeometryKey, geometry);
        settings->setValue(FrameKey, geometry.marginsAdded(margins));
        settings->setValue(MaximizedKey, maximized);
        settings->setValue(ScreenKey, m_window->screen() ? m_window->screen()->name() : QString());
        // Which docks are open, and where: only once they are there to save.
        if (const auto *main = qobject_cast<QMainWindow *>(m_window);
            main && !main->findChildren<QDockWidget *>().isEmpty())
            settings->setValue(DocksKey, main->saveState(DocksVersion));
    }

    QWidget *m_window;
    QString m_settingsFile;
};

} // namespace

QRect fitted(const QRect &frame, const QRect &available, const QSize &minimum)
{
    if (!frame.isValid() || !available.isValid())
        return frame;
    const QSize size =
        frame.size().boundedTo(available.size()).expandedTo(minimum.boundedTo(available.size()));
    const int x = qBound(available.left(), frame.left(), available.right() + 1 - size.width());
    const int y = qBound(available.top(), frame.top(), available.bottom() + 1 - size.height());
    return {QPoint(x, y), size};
}

void keep(QWidget *window, const QString &settingsFile)
{
    const auto settings = settingsFor(settingsFile);
    const QRect geometry = settings->value(GeometryKey).toRect();
    QRect frame = settings->value(FrameKey).toRect();
    const QSize minimum = window->minimumSize().expandedTo(window->minimumSizeHint());
    if (!geometry.isValid()) {
        // Nothing saved: the default size, within the screen with room for the decorations.
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        const QRect room(available.topLeft(), available.size() * 9 / 10);
        window->resize(fitted(QRect(room.topLeft(), window->size()), room, minimum).size());
    } else {
        if (!frame.contains(geometry))
            frame = geometry;
        const QMargins margins = decorations(frame, geometry);
        QScreen *screen = screenFor(settings->value(ScreenKey).toString(), frame);
        const QRect placed = fitted(
            frame, screen->availableGeometry(),
            minimum + QSize(margins.left() + margins.right(), margins.top() + margins.bottom()));
        window->setGeometry(placed.marginsRemoved(margins));
        if (settings->value(MaximizedKey).toBool())
            window->setWindowState(window->windowState() | Qt::WindowMaximized);
    }
    new Keeper(window, settingsFile);
}

bool restoreDocks(QMainWindow *window, const QString &settingsFile)
{
    const QByteArray state = settingsFor(settingsFile)->value(DocksKey).toByteArray();
    return !state.isEmpty() && window->restoreState(state, DocksVersion);
}

} // namespace Brickrun::WindowGeometry
