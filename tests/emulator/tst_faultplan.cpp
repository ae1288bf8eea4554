// SPDX-License-Identifier: Apache-2.0
// FaultPlan: the text and JSON forms a test, the command line and the admin route use.

#include "FaultPlan.h"

#include <QJsonDocument>
#include <QTest>

using namespace Brickrun::Emulator;

class TestFaultPlan : public QObject
{
    Q_OBJECT

private slots:
    void textForm();
    void rateForm();
    void jsonForm();
    void roundTrip_data();
    void roundTrip();
    void errors_data();
    void errors();
    void routeOfPath();
};

void TestFaultPlan::textForm()
{
    QString error;
    const std::optional<FaultPlan> plan = FaultPlan::parse(
        QStringLiteral("runs/get:503x2,429@retry=3, html502 ;runs/submit:reset-after;"
                       "runs/list:stall@ms=1500@then=answer,reset-body@bytes=10,truncated,"
                       "malformed,login;runs/cancel:redirect@to=http://127.0.0.1:9@status=302;"
                       "runs/get-output:500@code=INTERNAL_ERROR@message=Boom;"
                       "revoke-token-after=4;delete-run=123456789012;delete-run=next"),
        &error);
    QVERIFY2(plan, qPrintable(error));
    const QList<Fault> get = plan->routes.value(QStringLiteral("runs/get")).sequence;
    QCOMPARE(get.size(), 4);
    QCOMPARE(get.at(0).kind, Fault::Kind::Status);
    QCOMPARE(get.at(0).status, 503);
    QCOMPARE(get.at(1).name(), QStringLiteral("503"));
    QCOMPARE(get.at(2).status, 429);
    QCOMPARE(get.at(2).retryAfterSeconds, 3);
    QCOMPARE(get.at(3).kind, Fault::Kind::Html);
    QCOMPARE(get.at(3).name(), QStringLiteral("html502"));

    const Fault submit = plan->routes.value(QStringLiteral("runs/submit")).sequence.constFirst();
    QCOMPARE(submit.kind, Fault::Kind::Reset);
    QVERIFY(submit.afterProcessing);
    QCOMPARE(submit.name(), QStringLiteral("reset-after"));

    const QList<Fault> list = plan->routes.value(QStringLiteral("runs/list")).sequence;
    QCOMPARE(list.size(), 5);
    QCOMPARE(list.at(0).stallMs, 1500);
    QCOMPARE(list.at(0).stallEnd, Fault::StallEnd::Answer);
    QCOMPARE(list.at(1).bodyBytes, 10);
    QCOMPARE(list.at(2).kind, Fault::Kind::Truncated);
    QCOMPARE(list.at(3).kind, Fault::Kind::Malformed);
    QCOMPARE(list.at(4).kind, Fault::Kind::LoginPage);

    const Fault redirect = plan->routes.value(QStringLiteral("runs/cancel")).sequence.constFirst();
    QCOMPARE(redirect.location, QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(redirect.status, 302);

    const Fault boom = plan->routes.value(QStringLiteral("runs/get-output")).sequence.constFirst();
    QCOMPARE(boom.errorCode, QStringLiteral("INTERNAL_ERROR"));
    QCOMPARE(boom.message, QStringLiteral("Boom"));

    QCOMPARE(plan->revokeTokenAfter, 4);
    QCOMPARE(plan->deleteRuns, QList<qint64>{123456789012});
    QCOMPARE(plan->deleteNextRuns, 1);
    QVERIFY(!plan->isEmpty());

    const std::optional<FaultPlan> empty = FaultPlan::parse(QStringLiteral("  ; "), &error);
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestFaultPlan::rateForm()
{
    QString error;
    const std::optional<FaultPlan> plan =
        FaultPlan::parse(QStringLiteral("*:rate=0.2,seed=7,kinds=503|reset|stall@ms=2000,max=5;"
                                        "runs/get:503;runs/get:rate=0.5"),
                         &error);
    QVERIFY2(plan, qPrintable(error));
    const RouteFaults any = plan->routes.value(QStringLiteral("*"));
    QCOMPARE(any.rate, 0.2);
    QCOMPARE(any.seed, quint64(7));
    QCOMPARE(any.maxRateFaults, 5);
    QCOMPARE(any.rateFaults.size(), 3);
    QCOMPARE(any.rateFaults.at(1).kind, Fault::Kind::Reset);
    QCOMPARE(any.rateFaults.at(2).stallMs, 2000);
    // A route may have a sequence and a rate; a rate without kinds injects 503.
    const RouteFaults get = plan->routes.value(QStringLiteral("runs/get"));
    QCOMPARE(get.sequence.size(), 1);
    QCOMPARE(get.rate, 0.5);
    QCOMPARE(get.rateFaults.constFirst().name(), QStringLiteral("503"));
}

void TestFaultPlan::jsonForm()
{
    QString error;
    const std::optional<FaultPlan> plan = FaultPlan::parse(QStringLiteral(R"({
        "routes": {
            "runs/get": {"sequence": ["503x2", {"kind": "429", "retry": 3, "count": 2}]},
            "runs/submit": {"sequence": [{"kind": "stall-after", "ms": 800, "then": "close"}]},
            "*": {"rate": 0.25, "seed": 42, "kinds": ["500", {"kind": "reset"}], "max": 3}
        },
        "revoke_token_after": 10,
        "delete_runs": [123456789012, "next"]
    })"),
                                                           &error);
    QVERIFY2(plan, qPrintable(error));
    const QList<Fault> get = plan->routes.value(QStringLiteral("runs/get")).sequence;
    QCOMPARE(get.size(), 4);
    QCOMPARE(get.at(3).retryAfterSeconds, 3);
    const Fault stall = plan->routes.value(QStringLiteral("runs/submit")).sequence.constFirst();
    QCOMPARE(stall.kind, Fault::Kind::Stall);
    QVERIFY(stall.afterProcessing);
    QCOMPARE(stall.stallMs, 800);
    const RouteFaults any = plan->routes.value(QStringLiteral("*"));
    QCOMPARE(any.rate, 0.25);
    QCOMPARE(any.seed, quint64(42));
    QCOMPARE(any.maxRateFaults, 3);
    QCOMPARE(any.rateFaults.size(), 2);
    QCOMPARE(plan->revokeTokenAfter, 10);
    QCOMPARE(plan->deleteRuns.size(), 1);
    QCOMPARE(plan->deleteNextRuns, 1);
}

void TestFaultPlan::roundTrip_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("sequence") << QStringLiteral("runs/get:503x2,429@retry=3,html504@retry=0");
    QTest::newRow("after") << QStringLiteral("runs/submit:reset-after,503-after,stall-after@ms=5");
    QTest::newRow("rate") << QStringLiteral("*:rate=0.125,seed=9,kinds=503|reset,max=2");
    QTest::newRow("redirect") << QStringLiteral("runs/get:redirect@to=https://localhost:1/x");
    QTest::newRow("global") << QStringLiteral("revoke-token-after=0;delete-run=5;delete-run=next");
}

void TestFaultPlan::roundTrip()
{
    QFETCH(QString, spec);
    QString error;
    const std::optional<FaultPlan> plan = FaultPlan::parse(spec, &error);
    QVERIFY2(plan, qPrintable(error));
    const std::optional<FaultPlan> fromText = FaultPlan::parse(plan->toText(), &error);
    QVERIFY2(fromText, qPrintable(plan->toText() + QStringLiteral(": ") + error));
    QCOMPARE(fromText->toJson(), plan->toJson());
    const QString json =
        QString::fromUtf8(QJsonDocument(plan->toJson()).toJson(QJsonDocument::Compact));
    const std::optional<FaultPlan> fromJson = FaultPlan::parse(json, &error);
    QVERIFY2(fromJson, qPrintable(json + QStringLiteral(": ") + error));
    QCOMPARE(fromJson->toJson(), plan->toJson());
}

void TestFaultPlan::errors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown route")
        << QStringLiteral("runs/gett:503") << QStringLiteral("unknown route 'runs/gett'");
    QTest::newRow("unknown kind") << QStringLiteral("runs/get:teapot")
                                  << QStringLiteral("unknown fault 'teapot'");
    QTest::newRow("status range") << QStringLiteral("runs/get:200")
                                  << QStringLiteral("unknown fault '200'");
    QTest::newRow("bad parameter") << QStringLiteral("runs/get:reset@ms=5")
                                   << QStringLiteral("fault 'reset' has no parameter 'ms'");
    QTest::newRow("stall too long") << QStringLiteral("runs/get:stall@ms=999999")
                                    << QStringLiteral("is not a duration in ms (0-300000)");
    QTest::newRow("redirect without target")
        << QStringLiteral("runs/get:redirect") << QStringLiteral("needs to=URL");
    QTest::newRow("relative redirect")
        << QStringLiteral("runs/get:redirect@to=/x") << QStringLiteral("absolute http or https");
    QTest::newRow("truncated after")
        << QStringLiteral("runs/get:truncated-after") << QStringLiteral("has no -after form");
    QTest::newRow("rate range") << QStringLiteral("*:rate=1.5")
                                << QStringLiteral("is not a probability");
    QTest::newRow("two sequences")
        << QStringLiteral("runs/get:503;runs/get:500") << QStringLiteral("two sequences");
    QTest::newRow("no route") << QStringLiteral("503") << QStringLiteral("is not ROUTE:FAULTS");
    QTest::newRow("delete") << QStringLiteral("delete-run=soon")
                            << QStringLiteral("not a run id or 'next'");
    QTest::newRow("json syntax") << QStringLiteral("{\"routes\": ")
                                 << QStringLiteral("fault plan JSON:");
    QTest::newRow("json member") << QStringLiteral(R"({"route": {}})")
                                 << QStringLiteral("route: unknown member");
    QTest::newRow("json fault") << QStringLiteral(R"({"routes": {"*": {"sequence": [7]}}})")
                                << QStringLiteral("routes.*.sequence[0]: expected a fault");
}

void TestFaultPlan::errors()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!FaultPlan::parse(spec, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestFaultPlan::routeOfPath()
{
    QCOMPARE(FaultPlan::routeOf(QStringLiteral("/api/2.1/jobs/runs/get")),
             QStringLiteral("runs/get"));
    QCOMPARE(FaultPlan::routeOf(QStringLiteral("/api/2.2/jobs/runs/submit")),
             QStringLiteral("runs/submit"));
    QCOMPARE(FaultPlan::routeOf(QStringLiteral("/api/2.0/clusters/list")),
             QStringLiteral("clusters/list"));
    QCOMPARE(FaultPlan::routeOf(QStringLiteral("/api/2.0/preview/scim/v2/Me")),
             QStringLiteral("preview/scim/v2/Me"));
    QCOMPARE(FaultPlan::routeOf(QStringLiteral("/")), QString());
}

QTEST_GUILESS_MAIN(TestFaultPlan)
#include "tst_faultplan.moc"
