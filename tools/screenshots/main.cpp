// SPDX-License-Identifier: Apache-2.0
// brickrun-screenshots: the main window (with runs in every state and a finished run's
// details), its menus, the welcome dialog and the profile dialog, in English and in every
// translation (and English and German in a dark palette, under DIR/dark), saved as PNG files
// for a person to look at (long words, clipped labels).
// Not a test: nothing here can tell a good screenshot from a bad one. `tools/dev screenshots`
// builds and runs it offscreen.
//
//   brickrun-screenshots [DIR]     (default: ./screenshots/translations)

#include "DarkPalette.h"
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "ProfileDialog.h"
#include "RunDetailsPanel.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "Translation.h"
#include "WelcomeDialog.h"
#include "config/ProfileStore.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Brickrun;

namespace {

void settle(QWidget *widget)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    widget->repaint();
}

// Saves the screenshots of one language into `dir`; false with *failure when one could not be
// taken.
bool shoot(const QString &language, const QString &dir, const QTemporaryDir &work, QString *failure)
{
#define CHECK(condition, message)                                                                  \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            *failure = QStringLiteral("%1: %2 %3")                                                 \
                           .arg(language, QStringLiteral(#condition), QString(message));           \
            return false;                                                                          \
        }                                                                                          \
    } while (false)
    const Test::Translation translation(language);
    if (language != QLatin1String("en"))
        CHECK(translation.loaded(), QStringLiteral("(no translation for it)"));
    Database db(work.filePath(QStringLiteral("shots-%1-%2.sqlite").arg(language).arg(qHash(dir))));
    QString error;
    CHECK(db.open(&error), error);
    HistoryStore history(&db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    RunRecord record;
    record.profile = QStringLiteral("demo");
    record.host = QStringLiteral("http://127.0.0.1:1");
    record.spec.notebookPath = QStringLiteral("/Shared/Demo/hello");
    record.spec.clusterId = QStringLiteral("demo-cluster");
    record.spec.runName = QStringLiteral("hello");
    record.submittedAtMs = now - 120000;
    const auto first = history.addPending(record);
    CHECK(first, QString());
    record.spec.runName = QStringLiteral("nightly report");
    const auto second = history.addPending(record);
    CHECK(second, QString());
    CHECK(history.setSubmitFailed(second.value(), QStringLiteral("cluster not found")), QString());
    // One run in each state the service reports, so the State column shows every text.
    const QList<QPair<const char *, const char *>> states{
        {"QUEUED", ""},
        {"PENDING", ""},
        {"BLOCKED", ""},
        {"WAITING_FOR_RETRY", ""},
        {"RUNNING", ""},
        {"TERMINATING", ""},
        {"SKIPPED", ""},
        {"INTERNAL_ERROR", ""},
        {"TERMINATED", ""},
        {"TERMINATED", "SUCCESS"},
        {"TERMINATED", "FAILED"},
        {"TERMINATED", "TIMEDOUT"},
        {"TERMINATED", "CANCELED"},
        {"TERMINATED", "UPSTREAM_FAILED"},
        {"TERMINATED", "UPSTREAM_CANCELED"},
        {"TERMINATED", "MAXIMUM_CONCURRENT_RUNS_REACHED"},
        {"TERMINATED", "EXCLUDED"}};
    qint64 runId = 1000;
    for (const auto &state : states) {
        record.spec.runName =
            QString::fromLatin1(state.second[0] ? state.second : state.first).toLower();
        const auto added = history.addPending(record);
        CHECK(added, QString());
        CHECK(history.setSubmitted(added.value(), ++runId), QString());
        RunInfo info;
        info.runId = runId;
        info.state.lifeCycleState = QString::fromLatin1(state.first);
        info.state.resultState = QString::fromLatin1(state.second);
        info.startTimeMs = now - 90000;
        if (info.state.isTerminal())
            info.endTimeMs = now - 30000;
        CHECK(history.recordRun(added.value(), info), QString());
    }

    MainWindow window;
    RunsTableModel model(&history);
    window.setRunsModel(&model);
    model.finishLoading();
    window.submitPanel()->setWorkspaces(
        {{QStringLiteral("demo"),
          QCoreApplication::translate("Brickrun::AppController", "Demo workspace"),
          QStringLiteral("demo-cluster")}},
        QStringLiteral("demo"));
    window.resize(1200, 760);

    RunRecord finished = record;
    finished.id = 99;
    finished.runId = 4217;
    finished.taskRunId = 4218;
    finished.tracking = RunRecord::Tracking::Finished;
    finished.state.lifeCycleState = QStringLiteral("TERMINATED");
    finished.state.resultState = QStringLiteral("SUCCESS");
    finished.startTimeMs = now - 100000;
    finished.endTimeMs = now - 5000;
    finished.runPageUrl = QStringLiteral("http://127.0.0.1:1/#job/1/run/4217");
    finished.hasOutput = true;
    finished.output.hasNotebookResult = true;
    finished.output.notebookResult =
        QStringLiteral("[{\"city\":\"Köln\",\"rows\":12},{\"city\":\"Lyon\",\"rows\":7}]");
    window.detailsPanel()->showRecord(finished);
    window.show();
    CHECK(QTest::qWaitForWindowExposed(&window), QString());
    QTest::qWait(300); // the result is parsed off the GUI thread
    settle(&window);
    CHECK(window.grab().save(dir + QStringLiteral("/mainwindow_%1.png").arg(language)), QString());

    // The menus, opened one after the other.
    for (const QAction *menuAction : window.menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu || menu->isEmpty())
            continue;
        const QString name = menu->objectName();
        menu->popup(window.mapToGlobal(QPoint(0, 0)));
        CHECK(QTest::qWaitForWindowExposed(menu), QString());
        settle(menu);
        CHECK(menu->grab().save(dir + QStringLiteral("/%1_%2.png").arg(name, language)), QString());
        menu->hide();
    }

    WelcomeDialog welcome;
    welcome.show();
    CHECK(QTest::qWaitForWindowExposed(&welcome), QString());
    settle(&welcome);
    CHECK(welcome.grab().save(dir + QStringLiteral("/welcomedialog_%1.png").arg(language)),
          QString());

    ProfileStore profiles(
        work.filePath(QStringLiteral("shots-%1-%2.ini").arg(language).arg(qHash(dir))));
    Test::MemoryTokenStore tokens;
    QNetworkAccessManager network;
    ProfileDialog profileDialog(&profiles, &tokens, &network);
    profileDialog.show();
    CHECK(QTest::qWaitForWindowExposed(&profileDialog), QString());
    settle(&profileDialog);
    CHECK(profileDialog.grab().save(dir + QStringLiteral("/profiledialog_%1.png").arg(language)),
          QString());
    return true;
#undef CHECK
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString dir = app.arguments().value(1, QStringLiteral("screenshots/translations"));
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot make %s\n", qUtf8Printable(dir));
        return 1;
    }
    QTemporaryDir work;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}) {
        QString error;
        if (!shoot(language, dir, work, &error)) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
            return 1;
        }
    }
    // English and German again in a dark palette, into DIR/dark.
    const QString darkDir = dir + QStringLiteral("/dark");
    QApplication::setPalette(Test::darkPalette());
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
        QString error;
        if (!QDir().mkpath(darkDir) || !shoot(language, darkDir, work, &error)) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
            return 1;
        }
    }
    std::printf("%s\n", qUtf8Printable(QDir(dir).absolutePath()));
    return 0;
}
