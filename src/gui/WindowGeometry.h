// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRect>
#include <QString>

class QMainWindow;
class QWidget;

namespace Brickrun::WindowGeometry {

// `frame` (a window with its decorations) moved and, where it is larger, shrunk so that all of it
// lies on `available` (a screen's available geometry): never smaller than `minimum` unless the
// screen itself is smaller. An invalid `frame` comes back as it is (nothing was saved).
QRect fitted(const QRect &frame, const QRect &available, const QSize &minimum = QSize());

// Puts `window` where it was when it was last hidden (from the settings file; empty: the user's
// settings), fitted onto the screen it was on or else the primary one, maximised again if it
// was; without a saved place its default size is fitted the same way. Saves the place each time
// the window hides (closes). Call it once, before the window is shown.
void keep(QWidget *window, const QString &settingsFile);
// For a main window whose docks come after keep() (built once its first frame is shown): opens,
// closes and places them as they were when it last hid. False when nothing was saved (or by
// another layout version): the docks stay as built.
bool restoreDocks(QMainWindow *window, const QString &settingsFile);

} // namespace Brickrun::WindowGeometry
