// SPDX-License-Identifier: Apache-2.0
#include "ResultTableModel.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QPalette>
#include <QTest>

using Brickrun::ResultTable;
using Brickrun::ResultTableModel;

class tst_ResultTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel();
    void headersAndCells();
    void alignmentAndNull();
    void longAndMultilineCells();
    void replacingTheTable();
};

void tst_ResultTableModel::emptyModel()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QVERIFY(!model.headerData(0, Qt::Horizontal).isValid());
}

void tst_ResultTableModel::headersAndCells()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(ResultTable::parse(QStringLiteral(
        R"([{"name": "a", "n": 1, "x": 0.1, "ok": true, "nested": {"k": [1, 2]}}, {"name": "b"}])")));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("name"));
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("nested"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("a"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("0.1"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("true"));
    QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral(R"({"k":[1,2]})"));
    QCOMPARE(model.index(0, 4).data(Qt::ToolTipRole).toString(), QStringLiteral(R"({"k":[1,2]})"));
    QCOMPARE(model.index(0, 1).data(ResultTableModel::CellValueRole), QVariant(qint64(1)));
}

void tst_ResultTableModel::alignmentAndNull()
{
    ResultTableModel model;
    model.setTable(ResultTable::parse(QStringLiteral(R"({"s": ["x", null], "d": [1.5, NaN]})")));
    const auto alignment = [&](int row, int column) {
        return Qt::Alignment(model.index(row, column).data(Qt::TextAlignmentRole).toInt());
    };
    QVERIFY(alignment(0, 0) & Qt::AlignLeft);
    QVERIFY(alignment(0, 1) & Qt::AlignRight);
    QVERIFY(alignment(1, 1) & Qt::AlignRight);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("NaN"));

    const QModelIndex null = model.index(1, 0);
    QCOMPARE(null.data().toString(), QStringLiteral("null"));
    QVERIFY(!null.data(ResultTableModel::CellValueRole).isValid());
    QCOMPARE(null.data(Qt::ForegroundRole).value<QBrush>().color(),
             QGuiApplication::palette().color(QPalette::PlaceholderText));
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid()); // the view's text colour
    QCOMPARE(ResultTableModel::cellText(QVariant()), QString());    // copied and saved as empty
}

void tst_ResultTableModel::longAndMultilineCells()
{
    ResultTable table;
    table.isTable = true;
    table.columns = QStringList{QStringLiteral("text")};
    const QString longText(10000, QLatin1Char('x'));
    table.rows = {QVariantList{longText}, QVariantList{QStringLiteral("line 1\nline 2")}};
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(table);
    QCOMPARE(model.index(0, 0).data().toString().size(), 1001); // cut, with an ellipsis
    QCOMPARE(ResultTableModel::cellText(model.index(0, 0).data(ResultTableModel::CellValueRole)),
             longText);
    QVERIFY(!model.index(1, 0).data().toString().contains(QLatin1Char('\n')));
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("line 1\nline 2"));
}

void tst_ResultTableModel::replacingTheTable()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(ResultTable::parse(QStringLiteral(R"([{"a": 1}, {"a": 2}, {"a": 3}])")));
    QCOMPARE(model.rowCount(), 3);
    model.setTable(ResultTable::parse(QStringLiteral(R"({"x": [1], "y": [2], "z": [3]})")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 3);
    model.setTable(ResultTable());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_MAIN(tst_ResultTableModel)
#include "tst_resulttablemodel.moc"
