// SPDX-License-Identifier: Apache-2.0
// The main window on a small screen, on a real X server (Xvfb, see brickrun_add_test X11):
// ctest runs it on an 800x600 screen at 1x (tst_windowsize) and on a 1600x1000 screen at 2x
// (tst_windowsize_2x: 800x500 logical pixels). In English, German and French it can be made
// small (at most 640x480 in English, 760x480 in the longer languages), Submit stays on the
// screen at that size, the search box keeps room for a few words, and a saved place off the
// screen or larger than it comes back on the screen.
#include "HistoryFilterBar.h"
#include "MainWindow.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "Translation.h"
#include "WindowGeometry.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Brickrun;

namespace {

QRect globalRect(const QWidget *w)
{
    return {w->mapToGlobal(QPoint(0, 0)), w->size()};
}

} // namespace

class tst_WindowSize : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            qWarning("on %s, not on a real X server", qPrintable(QGuiApplication::platformName()));
        qInfo("screen %dx%d logical at %.1fx",
              QGuiApplication::primaryScreen()->availableGeometry().width(),
              QGuiApplication::primaryScreen()->availableGeometry().height(),
              QGuiApplication::primaryScreen()->devicePixelRatio());
    }

    void smallWindowKeepsSubmitInView_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void smallWindowKeepsSubmitInView()
    {
        QFETCH(QString, language);
        const Test::Translation translation(language);
        if (language != QLatin1String("en"))
            QVERIFY(translation.loaded());
        Database db(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(language)));
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        HistoryStore history(&db);
        RunsTableModel model(&history);
        MainWindow window;
        window.setRunsModel(&model);
        window.submitPanel()->setWorkspaces(
            {{QStringLiteral("demo"), QStringLiteral("Demo"), QStringLiteral("demo-cluster")}},
            QStringLiteral("demo"));
        // The run options open: the longest the form gets.
        auto *runOptions = window.findChild<QToolButton *>(QStringLiteral("runOptionsToggle"));
        QVERIFY(runOptions);
        runOptions->setChecked(true);

        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        qInfo("%s: smallest window %dx%d", qPrintable(language), minimum.width(), minimum.height());
        // English within 640x480; the longer German and French words within 760x480, on an
        // 800x500 screen (1600x1000 at 2x) with room to spare.
        const QSize most = language == QLatin1String("en") ? QSize(640, 480) : QSize(760, 480);
        QVERIFY2(minimum.width() <= most.width() && minimum.height() <= most.height(),
                 qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));

        WindowGeometry::keep(&window, m_dir.filePath(QStringLiteral("%1.ini").arg(language)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect screen = window.screen()->availableGeometry();
        QTRY_VERIFY2(screen.contains(window.frameGeometry()),
                     qPrintable(QStringLiteral("window %1,%2 %3x%4")
                                    .arg(window.frameGeometry().x())
                                    .arg(window.frameGeometry().y())
                                    .arg(window.frameGeometry().width())
                                    .arg(window.frameGeometry().height())));

        window.resize(minimum);
        QTRY_COMPARE(window.size(), minimum);
        auto *submit = window.findChild<QPushButton *>(QStringLiteral("submitButton"));
        QVERIFY(submit);
        QVERIFY(submit->isVisible());
        QVERIFY(screen.contains(globalRect(submit)));
        QVERIFY(window.geometry().contains(globalRect(submit)));
        // For a person to look at: BRICKRUN_SCREENSHOT_DIR=<dir> saves the smallest window.
        const QString shots = qEnvironmentVariable("BRICKRUN_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            window.grab().save(QStringLiteral("%1/smallest-%2-%3x.png")
                                   .arg(shots, language)
                                   .arg(window.devicePixelRatio()));
        // The form scrolls to what it cannot show at once.
        auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("formScroll"));
        QVERIFY(scroll);
        QVERIFY(scroll->widget()->height() > scroll->viewport()->height());
        // Opening the run options scrolls down to them, their fold still in view.
        runOptions->setChecked(false);
        scroll->verticalScrollBar()->setValue(0);
        runOptions->setChecked(true);
        QTRY_VERIFY(scroll->verticalScrollBar()->value() > 0);
        QVERIFY(globalRect(scroll->viewport()).contains(globalRect(runOptions)));
        // The filters beside it do not overlap one another (nor it).
        QWidget *filterBar = window.findChild<QWidget *>(QStringLiteral("historyFilterBar"));
        QVERIFY(filterBar);
        QTest::qWait(100); // a combo box that fits itself to its items does so on a 20 ms timer
        int right = -1;
        for (int i = 0; i < filterBar->layout()->count(); ++i) {
            const QWidget *w = filterBar->layout()->itemAt(i)->widget();
            if (!w || !w->isVisible())
                continue;
            QVERIFY2(w->x() > right, qPrintable(w->objectName()));
            right = w->geometry().right();
        }
        QVERIFY(right < filterBar->width());
        // The search box is not squeezed to a letter.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        QVERIFY2(search->width() >= 10 * search->fontMetrics().averageCharWidth(),
                 qPrintable(QString::number(search->width())));
        // The run count is whole, even a five-digit one, in the smallest window.
        auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
        QVERIFY(count);
        window.historyFilterBar()->setLoading(false);
        window.historyFilterBar()->setCount(12345);
        QVERIFY2(
            count->width() >= count->fontMetrics().horizontalAdvance(count->text()),
            qPrintable(QStringLiteral("\"%1\" in %2 px").arg(count->text()).arg(count->width())));
    }

    void savedPlaceComesBackOnTheScreen_data()
    {
        QTest::addColumn<QRect>("saved");
        QTest::newRow("off the screen") << QRect(5000, 4000, 500, 400);
        QTest::newRow("larger than the screen") << QRect(-200, -100, 4000, 3000);
        QTest::newRow("half off") << QRect(600, 400, 500, 400);
    }

    void savedPlaceComesBackOnTheScreen()
    {
        QFETCH(QRect, saved);
        static int file = 0;
        const QString settingsFile = m_dir.filePath(QStringLiteral("saved%1.ini").arg(++file));
        {
            QSettings settings(settingsFile, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/geometry"), saved);
        }
        // As the desktop program does: the frame is placed, the panels come after its first frame.
        MainWindow window(MainWindow::Panels::AfterFirstFrame);
        WindowGeometry::keep(&window, settingsFile);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect screen = window.screen()->availableGeometry();
        QTRY_VERIFY(screen.contains(window.frameGeometry()));
        if (saved.width() <= screen.width())
            QCOMPARE(window.width(), saved.width());
        window.buildPanels();
        QTRY_VERIFY(screen.contains(window.frameGeometry()));
        window.close(); // saved again: where it is now
        QSettings settings(settingsFile, QSettings::IniFormat);
        QVERIFY(screen.contains(settings.value(QStringLiteral("window/frame")).toRect()));
    }
};

QTEST_MAIN(tst_WindowSize)
#include "tst_windowsize.moc"
