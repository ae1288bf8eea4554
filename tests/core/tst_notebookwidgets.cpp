// SPDX-License-Identifier: Apache-2.0
// Reading a notebook's widgets from its SOURCE export, in Python, Scala, SQL and R.
#include "model/NotebookWidgets.h"

#include <QTest>

using namespace Brickrun;
using Language = NotebookWidgets::Language;
using Kind = NotebookWidget::Kind;

namespace {

QString names(const NotebookWidgets &w)
{
    QStringList list;
    for (const NotebookWidget &x : w.widgets)
        list << x.name;
    return list.join(QLatin1Char(','));
}

} // namespace

class tst_NotebookWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void languages()
    {
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("PYTHON")), Language::Python);
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("py")), Language::Python);
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("SCALA")), Language::Scala);
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("sql")), Language::Sql);
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("R")), Language::R);
        QCOMPARE(NotebookWidgets::languageOf(QStringLiteral("ipynb")), Language::Unknown);
        QVERIFY(NotebookWidgets::parse(QStringLiteral("dbutils.widgets.text(\"a\", \"b\")"),
                                       Language::Unknown)
                    .widgets.isEmpty());
    }

    void pythonAllKinds()
    {
        const QString source = QStringLiteral(
            "# Databricks notebook source\n"
            "dbutils.widgets.text(\"date\", \"2026-12-01\", \"Run date\")\n"
            "dbutils.widgets.dropdown(\"env\", \"dev\", [\"dev\", \"test\", \"prod\"])\n"
            "\n# COMMAND ----------\n\n"
            "dbutils.widgets.combobox('fruit', 'apple', ('apple', 'mango',), 'Fruit')\n"
            "dbutils.widgets.multiselect(\"days\", \"Mon\", [\"Mon\", \"Tue\", \"Wed\"])\n"
            "print(dbutils.widgets.get(\"date\"))\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("date,env,fruit,days"));
        QCOMPARE(w.skipped, 0);
        QCOMPARE(w.widgets.at(0).kind, Kind::Text);
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("2026-12-01"));
        QCOMPARE(w.widgets.at(0).label, QStringLiteral("Run date"));
        QCOMPARE(w.widgets.at(1).kind, Kind::Dropdown);
        QCOMPARE(
            w.widgets.at(1).choices,
            QStringList({QStringLiteral("dev"), QStringLiteral("test"), QStringLiteral("prod")}));
        QCOMPARE(w.widgets.at(2).kind, Kind::Combobox);
        QCOMPARE(w.widgets.at(2).choices,
                 QStringList({QStringLiteral("apple"), QStringLiteral("mango")}));
        QCOMPARE(w.widgets.at(2).label, QStringLiteral("Fruit"));
        QCOMPARE(w.widgets.at(3).kind, Kind::Multiselect);
        QVERIFY(w.widgets.at(3).offersChoices());
        QCOMPARE(NotebookWidget::kindName(w.widgets.at(3).kind), QStringLiteral("multiselect"));
    }

    void pythonNamedArgumentsAndOddSpacing()
    {
        const QString source =
            QStringLiteral("dbutils . widgets . dropdown (\n"
                           "    name = \"region\" ,  # the region\n"
                           "    defaultValue='eu-west',\n"
                           "    choices=[\n"
                           "        'eu-west',  # Europe\n"
                           "        \"us-east\",\n"
                           "    ],\n"
                           "    label=\"Region\"\n"
                           ")\n"
                           "dbutils.widgets.text(defaultValue=\"x\", name=\"swapped\")\n"
                           "dbutils.widgets.text(\"joined\", \"a\" \"b\")\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("region,swapped,joined"));
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("eu-west"));
        QCOMPARE(w.widgets.at(0).choices,
                 QStringList({QStringLiteral("eu-west"), QStringLiteral("us-east")}));
        QCOMPARE(w.widgets.at(0).label, QStringLiteral("Region"));
        QCOMPARE(w.widgets.at(1).defaultValue, QStringLiteral("x"));
        QCOMPARE(w.widgets.at(2).defaultValue, QStringLiteral("ab"));
    }

    void pythonStringsAndComments()
    {
        const QString source =
            QStringLiteral("# dbutils.widgets.text(\"commented\", \"x\")\n"
                           "s = \"dbutils.widgets.text('in_a_string', 'x')\"\n"
                           "doc = '''\n"
                           "dbutils.widgets.text(\"in_a_docstring\", \"x\")\n"
                           "'''\n"
                           "dbutils.widgets.text(\"quote\", \"it's \\\"quoted\\\"\\n\\u00e9\")\n"
                           "dbutils.widgets.text(r\"raw\", r\"C:\\temp\\new\")\n"
                           "dbutils.widgets.text(\"fstring\", f\"{today}\")\n"
                           "dbutils.widgets.text(\"plainf\", f\"no braces\")\n"
                           "dbutils.widgets.text(\"triple\", \"\"\"a \"b\" c\"\"\")\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("quote,raw,plainf,triple"));
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("it's \"quoted\"\n\u00e9"));
        QCOMPARE(w.widgets.at(1).defaultValue, QStringLiteral("C:\\temp\\new"));
        QCOMPARE(w.widgets.at(2).defaultValue, QStringLiteral("no braces"));
        QCOMPARE(w.widgets.at(3).defaultValue, QStringLiteral("a \"b\" c"));
        QCOMPARE(w.skipped, 1); // the f-string
    }

    void pythonLoopsAndComputedNamesAreSkipped()
    {
        const QString source =
            QStringLiteral("for name in [\"a\", \"b\"]:\n"
                           "    dbutils.widgets.text(name, \"\")\n"
                           "for i in range(3):\n"
                           "\n"
                           "    # a comment in the loop\n"
                           "    dbutils.widgets.text(\"in_loop\", \"1\")\n"
                           "dbutils.widgets.text(\"after_loop\", \"2\")\n"
                           "while True:\n"
                           "    dbutils.widgets.text(\"in_while\", \"1\"); break\n"
                           "[dbutils.widgets.text(\"in_comprehension\", \"\") for _ in range(2)]\n"
                           "for x in y: dbutils.widgets.text(\"one_line_loop\", \"\")\n"
                           "PREFIX = \"p\"\n"
                           "dbutils.widgets.text(PREFIX + \"_name\", \"x\")\n"
                           "dbutils.widgets.text(\"computed_default\", str(date.today()))\n"
                           "dbutils.widgets.dropdown(\"envs\", \"dev\", ENVIRONMENTS)\n"
                           "if spark:\n"
                           "    dbutils.widgets.text(\"in_if\", \"3\")\n"
                           "def make():\n"
                           "    dbutils.widgets.text(\"in_function\", \"4\")\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("after_loop,envs,in_if,in_function"));
        QCOMPARE(w.skipped, 7);
        // Choices computed when the notebook runs: the widget stays, its choices unknown.
        QVERIFY(!w.widgets.at(1).choicesKnown);
        QVERIFY(w.widgets.at(1).choices.isEmpty());
        QVERIFY(!w.widgets.at(1).offersChoices());
    }

    void duplicatesKeepTheFirst()
    {
        const QString source = QStringLiteral("dbutils.widgets.text(\"a\", \"first\")\n"
                                              "dbutils.widgets.text(\"a\", \"second\")\n"
                                              "# COMMAND ----------\n"
                                              "# MAGIC %sql\n"
                                              "# MAGIC CREATE WIDGET TEXT a DEFAULT 'third'\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("a"));
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("first"));
    }

    void magicCells()
    {
        const QString source =
            QStringLiteral("# Databricks notebook source\n"
                           "# MAGIC %md\n"
                           "# MAGIC dbutils.widgets.text(\"in_markdown\", \"x\")\n"
                           "\n# COMMAND ----------\n\n"
                           "# MAGIC %sql\n"
                           "# MAGIC CREATE WIDGET TEXT from_sql DEFAULT \"s\"\n"
                           "\n# COMMAND ----------\n\n"
                           "# MAGIC %scala\n"
                           "# MAGIC dbutils.widgets.text(\"from_scala\", \"c\")\n"
                           "\n# COMMAND ----------\n\n"
                           "# MAGIC %sh echo dbutils.widgets.text(\"in_shell\", \"x\")\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Python);
        QCOMPARE(names(w), QStringLiteral("from_sql,from_scala"));
    }

    void scala()
    {
        const QString source = QStringLiteral(
            "// Databricks notebook source\n"
            "dbutils.widgets.text(\"table\", \"demo.sales.orders\", \"Table\")\n"
            "dbutils.widgets.dropdown(\"mode\", \"full\", Seq(\"full\", \"incremental\"))\n"
            "\n// COMMAND ----------\n\n"
            "/* dbutils.widgets.text(\"block_comment\", \"x\") */\n"
            "dbutils.widgets.combobox(name = \"size\", defaultValue = \"M\",\n"
            "  choices = Array(\"S\", \"M\", \"L\"))\n"
            "dbutils.widgets.multiselect(\"tags\", \"a\", List(\"a\", \"b\"), \"Tags\")\n"
            "val q = 'c'\n"
            "dbutils.widgets.text(\"interp\", s\"${base}/x\")\n"
            "dbutils.widgets.text(\"noInterp\", s\"plain\")\n"
            "for (n <- names) dbutils.widgets.text(n, \"\")\n"
            "for (i <- 1 to 3) {\n"
            "  dbutils.widgets.text(\"in_for\", \"x\")\n"
            "}\n"
            "(1 to 2).foreach { _ => dbutils.widgets.text(\"in_foreach\", \"x\") }\n"
            "dbutils.widgets.text(\"last\", \"\"\"C:\\path\"\"\")\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Scala);
        QCOMPARE(names(w), QStringLiteral("table,mode,size,tags,noInterp,last"));
        QCOMPARE(w.skipped, 4);
        QCOMPARE(w.widgets.at(1).choices,
                 QStringList({QStringLiteral("full"), QStringLiteral("incremental")}));
        QCOMPARE(w.widgets.at(2).kind, Kind::Combobox);
        QCOMPARE(w.widgets.at(2).choices.size(), 3);
        QCOMPARE(w.widgets.at(3).label, QStringLiteral("Tags"));
        QCOMPARE(w.widgets.at(5).defaultValue, QStringLiteral("C:\\path"));
    }

    void sql()
    {
        const QString source = QStringLiteral(
            "-- Databricks notebook source\n"
            "CREATE WIDGET TEXT table_name DEFAULT 'demo.sales.orders';\n"
            "create widget dropdown env default \"dev\" choices\n"
            "  SELECT * FROM (VALUES ('dev'), ('test'), ('prod'));\n"
            "\n-- COMMAND ----------\n\n"
            "-- CREATE WIDGET TEXT commented DEFAULT 'x'\n"
            "CREATE WIDGET COMBOBOX `my size` DEFAULT 'M' CHOICES (VALUES 'S', 'M', 'L')\n"
            "CREATE WIDGET MULTISELECT city DEFAULT 'Berlin'\n"
            "  CHOICES SELECT DISTINCT city FROM demo.sales.orders\n"
            "\n-- COMMAND ----------\n\n"
            "/* CREATE WIDGET TEXT in_block DEFAULT 'x' */\n"
            "CREATE WIDGET TEXT quoted DEFAULT 'it''s'\n"
            "CREATE WIDGET TEXT limit_rows DEFAULT 100\n"
            "CREATE WIDGET TEXT no_default\n"
            "SELECT * FROM demo WHERE env = getArgument('env')\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::Sql);
        QCOMPARE(names(w), QStringLiteral("table_name,env,my size,city,quoted,limit_rows"));
        QCOMPARE(w.skipped, 1);
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("demo.sales.orders"));
        QCOMPARE(w.widgets.at(1).kind, Kind::Dropdown);
        QCOMPARE(
            w.widgets.at(1).choices,
            QStringList({QStringLiteral("dev"), QStringLiteral("test"), QStringLiteral("prod")}));
        QCOMPARE(w.widgets.at(2).choices,
                 QStringList({QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}));
        QCOMPARE(w.widgets.at(3).kind, Kind::Multiselect);
        QVERIFY(!w.widgets.at(3).choicesKnown); // read from a table when the notebook runs
        QCOMPARE(w.widgets.at(3).defaultValue, QStringLiteral("Berlin"));
        QCOMPARE(w.widgets.at(4).defaultValue, QStringLiteral("it's"));
        QCOMPARE(w.widgets.at(5).defaultValue, QStringLiteral("100"));
    }

    void sqlNotebookWithPythonCell()
    {
        const QString source = QStringLiteral("-- Databricks notebook source\n"
                                              "-- MAGIC %python\n"
                                              "-- MAGIC dbutils.widgets.text(\"py\", \"1\")\n"
                                              "\n-- COMMAND ----------\n\n"
                                              "CREATE WIDGET TEXT s DEFAULT '2'\n");
        QCOMPARE(names(NotebookWidgets::parse(source, Language::Sql)), QStringLiteral("py,s"));
    }

    void r()
    {
        const QString source = QStringLiteral(
            "# Databricks notebook source\n"
            "dbutils.widgets.text(\"n\",\"d\")\n"
            "dbutils.widgets.dropdown(\"colour\", \"red\", c(\"red\", \"green\"), \"Colour\")\n"
            "dbutils.widgets.combobox(name = 'shape', defaultValue = 'round',\n"
            "                         choices = list('round', 'square'))\n"
            "dbutils.widgets.text(\"multi\", \"line one\n"
            "line two\")\n"
            "dbutils.widgets.text(\"raw\", r\"(C:\\dir)\")\n"
            "for (w in c(\"a\", \"b\")) dbutils.widgets.text(w, \"\")\n"
            "for (i in 1:3) {\n"
            "  dbutils.widgets.text(\"in_for\", \"x\")\n"
            "}\n"
            "lapply(1:2, function(i) dbutils.widgets.text(\"in_lapply\", \"x\"))\n"
            "dbutils.widgets.text(\"pasted\", paste0(\"a\", \"b\"))\n");
        const NotebookWidgets w = NotebookWidgets::parse(source, Language::R);
        QCOMPARE(names(w), QStringLiteral("n,colour,shape,multi,raw"));
        QCOMPARE(w.skipped, 4);
        QCOMPARE(w.widgets.at(0).defaultValue, QStringLiteral("d"));
        QCOMPARE(w.widgets.at(1).choices,
                 QStringList({QStringLiteral("red"), QStringLiteral("green")}));
        QCOMPARE(w.widgets.at(1).label, QStringLiteral("Colour"));
        QCOMPARE(w.widgets.at(2).choices,
                 QStringList({QStringLiteral("round"), QStringLiteral("square")}));
        QCOMPARE(w.widgets.at(3).defaultValue, QStringLiteral("line one\nline two"));
        QCOMPARE(w.widgets.at(4).defaultValue, QStringLiteral("C:\\dir"));
    }

    void unfinishedAndBrokenCalls()
    {
        const NotebookWidgets w =
            NotebookWidgets::parse(QStringLiteral("dbutils.widgets.text(\"ok\", \"1\")\n"
                                                  "dbutils.widgets.text(\"unterminated, \"x\")\n"
                                                  "dbutils.widgets.text(\"open\", \"x\"\n"),
                                   Language::Python);
        QCOMPARE(names(w), QStringLiteral("ok"));
        QVERIFY(w.skipped >= 1);
        QVERIFY(NotebookWidgets::parse(QStringLiteral("dbutils.widgets.text("), Language::Scala)
                    .widgets.isEmpty());
        QVERIFY(NotebookWidgets::parse(QStringLiteral("CREATE WIDGET"), Language::Sql)
                    .widgets.isEmpty());
        QVERIFY(NotebookWidgets::parse(QString(), Language::R).widgets.isEmpty());
    }

    // Huge and hostile texts are read in bounded time (no timing asserted: a slow reader shows
    // as a test that does not end) and only up to the cap.
    void hugeAndHostileInput()
    {
        QString deep = QStringLiteral("dbutils.widgets.text(\"first\", \"1\")\n");
        deep += QString(100000, QLatin1Char('(')) + QStringLiteral("\"x\"") +
                QString(100000, QLatin1Char(')'));
        deep += QStringLiteral("\ndbutils.widgets.text(\"after\", \"2\")\n");
        QCOMPARE(names(NotebookWidgets::parse(deep, Language::Python)).section(',', 0, 0),
                 QStringLiteral("first"));

        QString many;
        for (int i = 0; i < 2000; ++i)
            many += QStringLiteral("dbutils.widgets.text(\"w%1\", \"%1\")\n").arg(i);
        const NotebookWidgets capped = NotebookWidgets::parse(many, Language::Python);
        QCOMPARE(capped.widgets.size(), NotebookWidgets::MaxWidgets);
        QCOMPARE(capped.skipped, 2000 - NotebookWidgets::MaxWidgets);

        QString huge = QStringLiteral("dbutils.widgets.text(\"early\", \"1\")\n");
        huge += QString(NotebookWidgets::MaxSourceChars, QLatin1Char('x'));
        huge += QStringLiteral("\ndbutils.widgets.text(\"too_late\", \"2\")\n");
        const NotebookWidgets cut = NotebookWidgets::parse(huge, Language::Python);
        QVERIFY(cut.truncated);
        QCOMPARE(names(cut), QStringLiteral("early"));

        QString loops;
        for (int i = 0; i < 20000; ++i)
            loops += QStringLiteral("for for for (");
        QVERIFY(NotebookWidgets::parse(loops, Language::Scala).widgets.isEmpty());
        QVERIFY(NotebookWidgets::parse(QString(300000, QLatin1Char('"')), Language::Python)
                    .widgets.isEmpty());
        QVERIFY(NotebookWidgets::parse(QString(300000, QLatin1Char('\'')), Language::Sql)
                    .widgets.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_NotebookWidgets)
#include "tst_notebookwidgets.moc"
