// SPDX-License-Identifier: Apache-2.0
#include "model/ResultTable.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using Brickrun::ResultTable;

namespace {

QVariant null()
{
    return QVariant();
}

// About `bytes` of JSON records as pandas' to_json(orient="records") writes them: ten columns of
// ids, names with escapes, doubles, booleans, nulls and a nested list.
QString generatedRecords(qsizetype bytes, int *rowCount)
{
    QString json;
    json.reserve(bytes + 1024);
    json += QLatin1Char('[');
    int row = 0;
    while (json.size() < bytes) {
        if (row > 0)
            json += QLatin1Char(',');
        json +=
            QStringLiteral("{\"id\":%1,\"name\":\"customer \\\"%1\\\" caf\\u00e9\",\"score\":%2,"
                           "\"active\":%3,\"region\":\"westeurope\",\"spend\":%4,"
                           "\"note\":null,\"tags\":[\"a\",\"b\"],\"ts\":\"2024-05-0%5T12:00:00Z\","
                           "\"ratio\":%6}")
                .arg(row)
                .arg(row * 0.25)
                .arg(row % 2 ? QStringLiteral("true") : QStringLiteral("false"))
                .arg(row * 1000003LL)
                .arg(row % 9 + 1)
                .arg(1.0 / (row + 1), 0, 'g', 17);
        ++row;
    }
    json += QLatin1Char(']');
    *rowCount = row;
    return json;
}

} // namespace

class tst_ResultTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arrayOfObjects();
    void columnsKeepFirstSeenOrder();
    void objectOfArrays();
    void objectOfArraysPadsShortColumns();
    void flatObjectIsKeysAndValues();
    void cutFlatObjectEndsEarly();
    void cellTypes();
    void nestedCellsBecomeCompactJson();
    void pythonSpecialFloats();
    void repeatedKeyLastWins();
    void whitespaceAround();
    void notTables_data();
    void notTables();
    void deepNestingIsRefusedNotCrashed();
    void everyCutOfRecordsEndsEarly();
    void fiveMegabyteResult();
    void truncatedFiveMegabyteResult();
};

void tst_ResultTable::arrayOfObjects()
{
    const ResultTable t = ResultTable::parse(
        QStringLiteral(R"([{"a": 1, "b": "x"}, {"a": 2, "c": true}, {"b": "z"}])"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QVERIFY(t.reason.isEmpty());
    QCOMPARE(t.columns,
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(t.rows.size(), 3);
    QCOMPARE(t.rows.at(0), (QVariantList{qint64(1), QStringLiteral("x"), null()}));
    QCOMPARE(t.rows.at(1), (QVariantList{qint64(2), null(), true}));
    QCOMPARE(t.rows.at(2), (QVariantList{null(), QStringLiteral("z"), null()}));
}

void tst_ResultTable::columnsKeepFirstSeenOrder()
{
    // Not alphabetical (QJsonObject would sort them): the DataFrame's order.
    const ResultTable t = ResultTable::parse(
        QStringLiteral(R"([{"zeta": 1, "alpha": 2}, {"mid": 3, "alpha": 4, "zeta": 5}])"));
    QVERIFY(t.isTable);
    QCOMPARE(t.columns,
             (QStringList{QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("mid")}));
    QCOMPARE(t.rows.at(1), (QVariantList{qint64(5), qint64(4), qint64(3)}));
}

void tst_ResultTable::objectOfArrays()
{
    const ResultTable t =
        ResultTable::parse(QStringLiteral(R"({"name": ["a", "b"], "n": [1, 2.5]})"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QCOMPARE(t.columns, (QStringList{QStringLiteral("name"), QStringLiteral("n")}));
    QCOMPARE(t.rows.size(), 2);
    QCOMPARE(t.rows.at(0), (QVariantList{QStringLiteral("a"), qint64(1)}));
    QCOMPARE(t.rows.at(1), (QVariantList{QStringLiteral("b"), 2.5}));
}

void tst_ResultTable::objectOfArraysPadsShortColumns()
{
    const ResultTable t =
        ResultTable::parse(QStringLiteral(R"({"a": [1], "b": [], "c": [1,2,3]})"));
    QVERIFY(t.isTable);
    QCOMPARE(t.rows.size(), 3);
    QCOMPARE(t.rows.at(0), (QVariantList{qint64(1), null(), qint64(1)}));
    QCOMPARE(t.rows.at(2), (QVariantList{null(), null(), qint64(3)}));

    const ResultTable empty = ResultTable::parse(QStringLiteral(R"({"a": [], "b": []})"));
    QVERIFY(empty.isTable); // an empty DataFrame: columns, no rows
    QCOMPARE(empty.columns.size(), 2);
    QCOMPARE(empty.rows.size(), 0);
}

void tst_ResultTable::flatObjectIsKeysAndValues()
{
    // What a notebook most often returns: json.dumps({"status": "ok", "rows": 42}).
    const ResultTable t = ResultTable::parse(
        QStringLiteral(R"({"status": "ok", "rows": 42, "ratio": 0.5, "done": true, "n": null})"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QCOMPARE(t.columns, (QStringList{QStringLiteral("Key"), QStringLiteral("Value")}));
    QCOMPARE(t.rows.size(), 5);
    QCOMPARE(t.rows.at(0), (QVariantList{QStringLiteral("status"), QStringLiteral("ok")}));
    QCOMPARE(t.rows.at(1), (QVariantList{QStringLiteral("rows"), qint64(42)}));
    QCOMPARE(t.rows.at(2), (QVariantList{QStringLiteral("ratio"), 0.5}));
    QCOMPARE(t.rows.at(3), (QVariantList{QStringLiteral("done"), true}));
    QCOMPARE(t.rows.at(4).at(0), QVariant(QStringLiteral("n")));
    QVERIFY(!t.rows.at(4).at(1).isValid());

    // Nested values as compact JSON, in the order of the text; a repeated key's last value wins.
    const ResultTable nested =
        ResultTable::parse(QStringLiteral(R"({"b": {"0": 1}, "a": [1, 2], "b": [3], "c": "x"})"));
    QVERIFY2(nested.isTable, qPrintable(nested.reason));
    QCOMPARE(nested.rows.size(), 3);
    QCOMPARE(nested.rows.at(0), (QVariantList{QStringLiteral("b"), QStringLiteral("[3]")}));
    QCOMPARE(nested.rows.at(1), (QVariantList{QStringLiteral("a"), QStringLiteral("[1,2]")}));
    QCOMPARE(nested.rows.at(2), (QVariantList{QStringLiteral("c"), QStringLiteral("x")}));

    // An array value first, a plain one later: still keys and values, not columns.
    const ResultTable late = ResultTable::parse(QStringLiteral(R"({"a": [1], "b": 2})"));
    QVERIFY2(late.isTable, qPrintable(late.reason));
    QCOMPARE(late.columns.size(), 2);
    QCOMPARE(late.rows.size(), 2);
}

void tst_ResultTable::cutFlatObjectEndsEarly()
{
    const QString whole = QStringLiteral(R"({"status": "ok", "note": "a long text", "rows": 42})");
    for (qsizetype cut = 1; cut < whole.size(); ++cut) {
        const ResultTable t = ResultTable::parse(whole.left(cut));
        QVERIFY2(!t.isTable, qPrintable(whole.left(cut)));
        QVERIFY2(t.reason.contains(QStringLiteral("ends early")), qPrintable(t.reason));
    }
    const ResultTable bad = ResultTable::parse(QStringLiteral(R"({"status": "ok",, "n": 1})"));
    QVERIFY(!bad.isTable);
    QVERIFY2(bad.reason.contains(QStringLiteral("not valid JSON")), qPrintable(bad.reason));
}

void tst_ResultTable::cellTypes()
{
    const ResultTable t = ResultTable::parse(QStringLiteral(
        R"([{"i": -42, "big": 123456789012345678901234, "d": 1.5e3, "z": 0, "neg": -0.25,)"
        R"( "t": true, "f": false, "n": null, "s": "tab\tquote\"slash\/\u00e9\ud83d\ude00",)"
        R"( "max": 9223372036854775807, "tiny": 1e-999, "huge": 1e999}])"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    const QVariantList &r = t.rows.at(0);
    QCOMPARE(r.at(0), QVariant(qint64(-42)));
    QCOMPARE(r.at(1).typeId(), QMetaType::Double);
    QCOMPARE(r.at(1).toDouble(), 1.2345678901234568e23);
    QCOMPARE(r.at(2), QVariant(1500.0));
    QCOMPARE(r.at(3), QVariant(qint64(0)));
    QCOMPARE(r.at(4), QVariant(-0.25));
    QCOMPARE(r.at(5), QVariant(true));
    QCOMPARE(r.at(6), QVariant(false));
    QVERIFY(!r.at(7).isValid());
    QCOMPARE(r.at(8).toString(),
             QStringLiteral("tab\tquote\"slash/\u00e9") + QChar(0xd83d) + QChar(0xde00));
    QCOMPARE(r.at(9), QVariant(std::numeric_limits<qint64>::max()));
    QCOMPARE(r.at(10).toDouble(), 0.0);
    QVERIFY(std::isinf(r.at(11).toDouble()));
}

void tst_ResultTable::nestedCellsBecomeCompactJson()
{
    const ResultTable t = ResultTable::parse(QStringLiteral(
        R"([{"o": { "k" : [ 1 , {"x y": "a, b"} ] , "e": {} }, "l": [ ], "u": ["\u00e9"]}])"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QCOMPARE(t.rows.at(0).at(0).toString(), QStringLiteral(R"({"k":[1,{"x y":"a, b"}],"e":{}})"));
    QCOMPARE(t.rows.at(0).at(1).toString(), QStringLiteral("[]"));
    QCOMPARE(t.rows.at(0).at(2).toString(), QStringLiteral(R"(["\u00e9"])")); // still valid JSON

    const ResultTable columns = ResultTable::parse(QStringLiteral(R"({"a": [[1, 2], {"b": 3}]})"));
    QVERIFY(columns.isTable);
    QCOMPARE(columns.rows.at(0).at(0).toString(), QStringLiteral("[1,2]"));
    QCOMPARE(columns.rows.at(1).at(0).toString(), QStringLiteral(R"({"b":3})"));
}

void tst_ResultTable::pythonSpecialFloats()
{
    // json.dumps(float("nan")) writes NaN: common in notebook results, so accepted.
    const ResultTable t =
        ResultTable::parse(QStringLiteral(R"([{"a": NaN, "b": Infinity, "c": -Infinity}])"));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QVERIFY(std::isnan(t.rows.at(0).at(0).toDouble()));
    QVERIFY(std::isinf(t.rows.at(0).at(1).toDouble()) && t.rows.at(0).at(1).toDouble() > 0);
    QVERIFY(std::isinf(t.rows.at(0).at(2).toDouble()) && t.rows.at(0).at(2).toDouble() < 0);
}

void tst_ResultTable::repeatedKeyLastWins()
{
    const ResultTable t = ResultTable::parse(QStringLiteral(R"([{"a": 1, "a": 2}])"));
    QVERIFY(t.isTable);
    QCOMPARE(t.columns, QStringList{QStringLiteral("a")});
    QCOMPARE(t.rows.at(0), QVariantList{qint64(2)});
}

void tst_ResultTable::whitespaceAround()
{
    const ResultTable t = ResultTable::parse(QStringLiteral(" \n\t[ {\"a\" :1 } ]\r\n "));
    QVERIFY2(t.isTable, qPrintable(t.reason));
    QCOMPARE(t.rows.size(), 1);
}

void tst_ResultTable::notTables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("  \n") << QStringLiteral("empty");
    QTest::newRow("plain text") << QStringLiteral("done: 42 rows written")
                                << QStringLiteral("plain text");
    QTest::newRow("number") << QStringLiteral("42") << QStringLiteral("single JSON value");
    QTest::newRow("json string") << QStringLiteral("\"ok\"") << QStringLiteral("single JSON value");
    QTest::newRow("true") << QStringLiteral("true") << QStringLiteral("single JSON value");
    QTest::newRow("array of numbers")
        << QStringLiteral("[1, 2, 3]") << QStringLiteral("plain values");
    QTest::newRow("array of arrays")
        << QStringLiteral("[[1, 2], [3, 4]]") << QStringLiteral("array of arrays");
    QTest::newRow("mixed array") << QStringLiteral(R"([{"a": 1}, 2])")
                                 << QStringLiteral("Element 2");
    QTest::newRow("empty array") << QStringLiteral("[]") << QStringLiteral("empty JSON array");
    QTest::newRow("empty object") << QStringLiteral("{ }") << QStringLiteral("empty JSON object");
    QTest::newRow("array of empty objects")
        << QStringLiteral("[{}, {}]") << QStringLiteral("empty objects");
    QTest::newRow("trailing garbage") << QStringLiteral(R"([{"a": 1}] x)")
                                      << QStringLiteral("not valid JSON (error at character 12)");
    QTest::newRow("bad shape and not JSON")
        << QStringLiteral("[1, 2,, 3]") << QStringLiteral("not valid JSON");
    QTest::newRow("single quotes")
        << QStringLiteral("[{'a': 1}]") << QStringLiteral("not valid JSON");
    QTest::newRow("trailing comma")
        << QStringLiteral(R"([{"a": 1},])") << QStringLiteral("not valid JSON");
    QTest::newRow("leading zero") << QStringLiteral(R"([{"a": 01}])")
                                  << QStringLiteral("not valid JSON");
    QTest::newRow("raw newline in string")
        << QStringLiteral("[{\"a\": \"x\ny\"}]") << QStringLiteral("not valid JSON");
    QTest::newRow("bad escape") << QStringLiteral(R"([{"a": "\x"}])")
                                << QStringLiteral("not valid JSON");
    QTest::newRow("cut in a string")
        << QStringLiteral(R"([{"a": "hel)") << QStringLiteral("ends early");
    QTest::newRow("cut in a number")
        << QStringLiteral(R"([{"a": 12)") << QStringLiteral("ends early");
    QTest::newRow("cut in an escape")
        << QStringLiteral(R"([{"a": "\u00)") << QStringLiteral("ends early");
    QTest::newRow("cut after a key") << QStringLiteral(R"({"a")") << QStringLiteral("ends early");
    QTest::newRow("cut in nested")
        << QStringLiteral(R"([{"a": {"b": [1, 2)") << QStringLiteral("ends early");
    QTest::newRow("cut in a literal")
        << QStringLiteral(R"([{"a": tr)") << QStringLiteral("ends early");
}

void tst_ResultTable::notTables()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);
    const ResultTable t = ResultTable::parse(text);
    QVERIFY(!t.isTable);
    QVERIFY2(t.reason.contains(reasonContains), qPrintable(t.reason));
}

void tst_ResultTable::deepNestingIsRefusedNotCrashed()
{
    const QString deep = QStringLiteral("[{\"a\":") + QString(100000, QLatin1Char('[')) +
                         QString(100000, QLatin1Char(']')) + QStringLiteral("}]");
    const ResultTable t = ResultTable::parse(deep);
    QVERIFY(!t.isTable);
    QVERIFY(!t.reason.isEmpty());
}

void tst_ResultTable::everyCutOfRecordsEndsEarly()
{
    // Wherever the service cuts, the text is "JSON that ends early", never a wrong table.
    const QString json = QStringLiteral(
        R"([ {"a": -1.5e+3, "b": "x\"y\u00e9", "c": [true, false, null, {"d": {}}]},)"
        R"( {"a": NaN, "e": -Infinity} ])");
    QVERIFY(ResultTable::parse(json).isTable);
    for (qsizetype cut = 1; cut < json.size(); ++cut) {
        const ResultTable t = ResultTable::parse(json.left(cut));
        QVERIFY2(!t.isTable, qPrintable(json.left(cut)));
        QVERIFY2(t.reason.contains(QStringLiteral("ends early")),
                 qPrintable(json.left(cut) + QStringLiteral(" -> ") + t.reason));
    }
}

void tst_ResultTable::fiveMegabyteResult()
{
    int expectedRows = 0;
    const QString json = generatedRecords(5 * 1024 * 1024, &expectedRows);

    QElapsedTimer timer;
    timer.start();
    const ResultTable t = ResultTable::parse(json);
    const qint64 parseMs = timer.elapsed();

    QVERIFY2(t.isTable, qPrintable(t.reason));
    QCOMPARE(t.rows.size(), expectedRows);
    QCOMPARE(t.columns.size(), 10);
    QCOMPARE(t.columns.at(9), QStringLiteral("ratio"));
    const QVariantList &last = t.rows.last();
    QCOMPARE(last.at(0), QVariant(qint64(expectedRows - 1)));
    QCOMPARE(last.at(1).toString(),
             QStringLiteral("customer \"%1\" caf\u00e9").arg(expectedRows - 1));
    QCOMPARE(last.at(7).toString(), QStringLiteral(R"(["a","b"])"));

    // A figure for people, not an assertion (speed is measured, never asserted in tests).
    timer.restart();
    const QJsonDocument reference = QJsonDocument::fromJson(json.toUtf8());
    const qint64 referenceMs = timer.elapsed();
    QVERIFY(reference.isArray());
    qInfo("5 MB of JSON records (%d rows x 10 columns): ResultTable::parse %lld ms; "
          "QJsonDocument::fromJson alone (UTF-8 conversion included, no table) %lld ms",
          expectedRows, parseMs, referenceMs);
}

void tst_ResultTable::truncatedFiveMegabyteResult()
{
    int rows = 0;
    QString json = generatedRecords(5 * 1024 * 1024 + 4096, &rows);
    json.truncate(5 * 1024 * 1024); // what the service keeps

    QElapsedTimer timer;
    timer.start();
    const ResultTable t = ResultTable::parse(json);
    qInfo("5 MB truncated result rejected in %lld ms", timer.elapsed());
    QVERIFY(!t.isTable);
    QVERIFY2(t.reason.contains(QStringLiteral("ends early")), qPrintable(t.reason));
    QVERIFY(t.rows.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ResultTable)
#include "tst_resulttable.moc"
