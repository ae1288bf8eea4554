// SPDX-License-Identifier: Apache-2.0
// Where the main window reopens: the saved place fitted onto the screen (WindowGeometry::fitted),
// and the round trip through the settings file (WindowGeometry::keep). Offscreen here; the same
// on a real, small X screen at 1x and 2x in tst_windowsize.
#include "WindowGeometry.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Brickrun;

class tst_WindowGeometry : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_file = 0;

    QString newSettingsFile() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_file)); }
    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }

private Q_SLOTS:
    void fitted_data()
    {
        QTest::addColumn<QRect>("frame");
        QTest::addColumn<QRect>("expected");
        const QRect screen(0, 0, 1600, 1000);
        QTest::newRow("on the screen: as it is")
            << QRect(100, 50, 800, 600) << QRect(100, 50, 800, 600);
        QTest::newRow("off to the right and below: moved on")
            << QRect(3000, 2000, 800, 600) << QRect(800, 400, 800, 600);
        QTest::newRow("off to the left and above: moved on")
            << QRect(-5000, -300, 800, 600) << QRect(0, 0, 800, 600);
        QTest::newRow("half off: moved on")
            << QRect(1200, 700, 800, 600) << QRect(800, 400, 800, 600);
        QTest::newRow("larger than the screen: shrunk onto it")
            << QRect(-10, 20, 3200, 2400) << screen;
        QTest::newRow("wider only") << QRect(500, 100, 2000, 500) << QRect(0, 100, 1600, 500);
    }

    void fitted()
    {
        QFETCH(QRect, frame);
        QFETCH(QRect, expected);
        const QRect screen(0, 0, 1600, 1000);
        const QRect result = WindowGeometry::fitted(frame, screen);
        QCOMPARE(result, expected);
        QVERIFY(screen.contains(result));
    }

    void fittedKeepsTheMinimumAndAScreenOffset()
    {
        // A second screen to the right, with a panel at its top.
        const QRect screen(1920, 40, 1280, 984);
        QCOMPARE(WindowGeometry::fitted(QRect(100, 100, 200, 100), screen, QSize(640, 480)),
                 QRect(1920, 100, 640, 480));
        // The minimum never pushes the window past a screen smaller than it.
        QCOMPARE(
            WindowGeometry::fitted(QRect(0, 0, 300, 300), QRect(0, 0, 500, 400), QSize(640, 480)),
            QRect(0, 0, 500, 400));
        QVERIFY(!WindowGeometry::fitted(QRect(), screen).isValid()); // nothing saved
    }

    void placeIsSavedAndRestored()
    {
        const QString file = newSettingsFile();
        const QRect place(available().topLeft() + QPoint(20, 30), QSize(300, 200));
        {
            QWidget window;
            WindowGeometry::keep(&window, file);
            window.setGeometry(place);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("window/geometry")).toRect(), place);
        QWidget again;
        WindowGeometry::keep(&again, file);
        QCOMPARE(again.geometry(), place);
    }

    void docksReopenAsTheyWere()
    {
        // As in Brickrun: the dock is built after keep() (once the first frame is shown), closed
        // by default; the user opens it and moves it to the left; the next start shows it there.
        const QString file = newSettingsFile();
        struct Window
        {
            QMainWindow main;
            QDockWidget *dock = nullptr;
            Window(const QString &settingsFile, bool *restored)
            {
                main.setCentralWidget(new QLabel(QStringLiteral("work area")));
                WindowGeometry::keep(&main, settingsFile);
                main.show();
                dock = new QDockWidget(QStringLiteral("Team presets"), &main);
                dock->setObjectName(QStringLiteral("teamPresetsDock"));
                dock->setWidget(new QLabel(QStringLiteral("presets")));
                main.addDockWidget(Qt::RightDockWidgetArea, dock);
                dock->hide();
                *restored = WindowGeometry::restoreDocks(&main, settingsFile);
            }
        };
        bool restored = true;
        {
            Window first(file, &restored);
            QVERIFY(!restored); // nothing saved yet: as built
            QVERIFY(QTest::qWaitForWindowExposed(&first.main));
            QVERIFY(!first.dock->isVisible());
            first.main.addDockWidget(Qt::LeftDockWidgetArea, first.dock);
            first.dock->show();
            first.main.close();
        }
        {
            Window second(file, &restored);
            QVERIFY(restored);
            QVERIFY(second.dock->isVisible());
            QCOMPARE(second.main.dockWidgetArea(second.dock), Qt::LeftDockWidgetArea);
            second.dock->close(); // its title bar's ×
            second.main.close();
        }
        Window third(file, &restored);
        QVERIFY(restored);
        QVERIFY(!third.dock->isVisible());
        QSettings settings(file, QSettings::IniFormat);
        QVERIFY(!settings.value(QStringLiteral("window/docks")).toByteArray().isEmpty());
    }

    void offScreenPlaceIsMovedOntoTheScreen()
    {
        const QString file = newSettingsFile();
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/geometry"), QRect(9000, 7000, 400, 300));
            settings.setValue(QStringLiteral("window/frame"), QRect(9000, 6970, 400, 330));
        }
        QWidget window;
        WindowGeometry::keep(&window, file);
        QCOMPARE(window.size(), QSize(400, 300));
        // Its title bar (the 30 px the frame adds above) on the screen too.
        QVERIFY(available().contains(window.geometry().adjusted(0, -30, 0, 0)));
    }

    void placeLargerThanTheScreenIsShrunk()
    {
        const QString file = newSettingsFile();
        const QRect screen = available();
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/geometry"),
                              QRect(-100, -100, screen.width() * 3, screen.height() * 2));
        }
        QWidget window;
        window.setMinimumSize(100, 100);
        WindowGeometry::keep(&window, file);
        QCOMPARE(window.geometry(), screen);
    }

    void defaultSizeFitsTheScreen()
    {
        QWidget window;
        window.resize(available().size() * 2);
        WindowGeometry::keep(&window, newSettingsFile());
        QVERIFY(window.width() < available().width());
        QVERIFY(window.height() < available().height());
        QVERIFY(window.width() > available().width() / 2);
    }

    void maximisedStaysMaximised()
    {
        const QString file = newSettingsFile();
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/geometry"), QRect(10, 10, 300, 200));
            settings.setValue(QStringLiteral("window/maximized"), true);
        }
        QWidget window;
        WindowGeometry::keep(&window, file);
        QVERIFY(window.windowState() & Qt::WindowMaximized);
    }
};

QTEST_MAIN(tst_WindowGeometry)
#include "tst_windowgeometry.moc"
