// SPDX-License-Identifier: Apache-2.0
// clang-format off
// Input of the layering_no_widgets_selftest test (never compiled): every line marked
// "widgets" includes a Qt Widgets header and must be found; the others must not be.
#include <QWidget> // widgets
#include <QtWidgets/QWidget> // widgets
#include <QtWidgets> // widgets
#include "QtWidgets/qpushbutton.h" // widgets
#include <QApplication> // widgets
#include <qdialog.h> // widgets
#  include   <QMessageBox> // widgets
#include <QTWIDGETS/qlabel.h> // widgets
#include <qtwidgets/QTreeView> // widgets
#include <QtWidgetsDepends> // widgets
#include "../qt6/QtWidgets/QLineEdit" // widgets
#include <QString>
#include <QtCore/QObject>
#include <QGuiApplication>
#include <QAction>
#include <qaction.h>
#include <QtGui/QShortcut>
#include <QtNetwork>
#include "store/HistoryStore.h"
#include "MainWindow.h"
// #include <QWidget> (a comment, not an include)
