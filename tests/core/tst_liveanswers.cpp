// SPDX-License-Identifier: Apache-2.0
// Every answer in tests/data/live-answers (published samples and answers quoted from real
// workspaces) read through JsonMapping: what manifest.json says each one means.
#include "api/ApiError.h"
#include "api/JsonMapping.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Brickrun;

namespace {

const QString Folder = QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/live-answers");

QJsonObject readObject(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString orEmpty(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

class tst_LiveAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFileHasItsMeaning()
    {
        const QJsonObject manifest = readObject(Folder + QStringLiteral("/manifest.json"));
        QVERIFY(!manifest.isEmpty());
        const QStringList files =
            QDir(Folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 5);
        for (const QString &f : files) {
            if (f != QLatin1String("manifest.json"))
                QVERIFY2(manifest.contains(f), qPrintable(f + QLatin1String(" has no entry")));
        }
        for (auto it = manifest.begin(); it != manifest.end(); ++it) {
            if (!it.key().startsWith(QLatin1Char('_')))
                QVERIFY2(files.contains(it.key()),
                         qPrintable(it.key() + QLatin1String(" is gone")));
        }
    }

    void answer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonObject>("expected");
        const QJsonObject manifest = readObject(Folder + QStringLiteral("/manifest.json"));
        for (auto it = manifest.begin(); it != manifest.end(); ++it) {
            if (!it.key().startsWith(QLatin1Char('_')))
                QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toObject();
        }
    }
    void answer()
    {
        QFETCH(QString, file);
        QFETCH(QJsonObject, expected);
        QFile raw(Folder + QLatin1Char('/') + file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        const QJsonObject body = QJsonDocument::fromJson(bytes).object();
        QVERIFY(!body.isEmpty());
        const QString kind = expected.value(QLatin1String("kind")).toString();

        if (kind == QLatin1String("runs/get")) {
            const auto mapped = JsonMapping::runInfo(body);
            QVERIFY(mapped);
            const RunInfo &run = mapped.value();
            QCOMPARE(run.runId, expected.value(QLatin1String("runId")).toInteger());
            QCOMPARE(run.state.lifeCycleState,
                     orEmpty(expected.value(QLatin1String("lifeCycleState"))));
            QCOMPARE(run.state.isTerminal(), expected.value(QLatin1String("terminal")).toBool());
            QCOMPARE(run.state.isSuccess(), expected.value(QLatin1String("success")).toBool());
            if (run.state.isTerminal())
                QCOMPARE(run.state.resultState,
                         orEmpty(expected.value(QLatin1String("resultState"))));
            QCOMPARE(run.state.stateMessage,
                     orEmpty(expected.value(QLatin1String("stateMessage"))));
            if (expected.contains(QLatin1String("userCancelledOrTimedOut")))
                QCOMPARE(run.state.userCancelledOrTimedOut,
                         expected.value(QLatin1String("userCancelledOrTimedOut")).toBool());
            const QJsonArray tasks = expected.value(QLatin1String("tasks")).toArray();
            const QList<TaskRun> latest = run.latestAttempts();
            QCOMPARE(latest.size(), tasks.size());
            for (int i = 0; i < tasks.size(); ++i) {
                const QJsonObject t = tasks.at(i).toObject();
                QCOMPARE(latest[i].taskKey, orEmpty(t.value(QLatin1String("taskKey"))));
                QCOMPARE(latest[i].runId, t.value(QLatin1String("runId")).toInteger());
                QCOMPARE(latest[i].state.summary(), t.value(QLatin1String("state")).toString());
                QCOMPARE(latest[i].attemptNumber, t.value(QLatin1String("attemptNumber")).toInt());
            }
            QVERIFY(run.primaryTask());
            QCOMPARE(run.primaryTask()->runId,
                     expected.value(QLatin1String("primaryTaskRunId")).toInteger());
        } else if (kind == QLatin1String("runs/get-output")) {
            const RunOutput out = JsonMapping::runOutput(body, 42);
            QCOMPARE(out.taskRunId, 42);
            QVERIFY(out.hasNotebookResult);
            QCOMPARE(out.notebookResult,
                     expected.value(QLatin1String("notebookResult")).toString());
            QCOMPARE(out.truncated, expected.value(QLatin1String("truncated")).toBool());
            QCOMPARE(out.error, expected.value(QLatin1String("error")).toString());
            QCOMPARE(out.errorTrace, expected.value(QLatin1String("errorTrace")).toString());
            QCOMPARE(out.logs, expected.value(QLatin1String("logs")).toString());
            QCOMPARE(out.logsTruncated, expected.value(QLatin1String("logsTruncated")).toBool());
        } else if (kind == QLatin1String("error")) {
            const int status = expected.value(QLatin1String("httpStatus")).toInt();
            const ApiError e = ApiError::fromHttp(status, bytes, "application/json");
            QCOMPARE(e.httpStatus, status);
            QCOMPARE(e.errorCode, expected.value(QLatin1String("errorCode")).toString());
            QVERIFY2(
                e.message.contains(expected.value(QLatin1String("messageContains")).toString()),
                qPrintable(e.message));
            QVERIFY(!e.isEndpointNotServed());
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown kind %1").arg(kind)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_LiveAnswers)
#include "tst_liveanswers.moc"
