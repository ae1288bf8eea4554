// SPDX-License-Identifier: Apache-2.0
#include "store/Database.h"
#include "store/PresetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Brickrun;

namespace {

Preset preset(const QString &name, const QString &notebook = QStringLiteral("/Repos/etl/load"))
{
    Preset p;
    p.name = name;
    p.profile = QStringLiteral("work");
    p.spec.runName = QStringLiteral("nightly load");
    p.spec.notebookPath = notebook;
    p.spec.clusterId = QStringLiteral("0923-164208-abcd123");
    p.spec.parameters = {{QStringLiteral("z"), QStringLiteral("1")},
                         {QStringLiteral("a"), QStringLiteral("Größe 🚀")}};
    p.spec.timeoutSeconds = 60;
    return p;
}

QStringList namesOf(const QList<Preset> &presets)
{
    QStringList names;
    for (const Preset &p : presets)
        names << p.name;
    return names;
}

QString fixture(const char *name)
{
    return QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/presets/") + QLatin1String(name);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class tst_PresetStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PresetStore> m_store;
    QString m_path;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_serial));
        m_db = std::make_unique<Database>(m_path);
        QString error;
        QVERIFY2(m_db->open(&error), qPrintable(error));
        m_store = std::make_unique<PresetStore>(m_db.get());
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    // Version 3 presets (serverless, a new job cluster, a Python file from Git) are kept whole
    // in the presets table and through an export and import.
    void shapedPresetsSaveExportAndImport()
    {
        Preset p;
        p.name = QStringLiteral("Git ETL");
        p.spec.taskKind = RunSpec::TaskKind::PythonFile;
        p.spec.pythonFile = QStringLiteral("jobs/etl_job.py");
        p.spec.pythonArguments = {QStringLiteral("--full"), QStringLiteral("2026-12-02")};
        p.spec.source = RunSpec::SourceKind::Git;
        p.spec.git.url = QStringLiteral("https://github.com/brickrun-demo/analytics");
        p.spec.git.commit = QStringLiteral("f29bc91bbdab169fc0c0a326965953d11c7dff83");
        p.spec.compute.kind = ComputeSpec::Kind::Serverless;
        p.spec.compute.dependencies = {QStringLiteral("pandas")};
        QString error;
        QVERIFY2(m_store->save(p, &error), qPrintable(error));
        const auto back = m_store->preset(p.name);
        QVERIFY(back);
        QCOMPARE(back->spec.toSubmitBody(QStringLiteral("t")),
                 p.spec.toSubmitBody(QStringLiteral("t")));

        const QString file = m_dir.filePath(QStringLiteral("shaped.json"));
        QVERIFY2(m_store->exportToFile(p.name, file, &error), qPrintable(error));
        QVERIFY(m_store->remove(p.name));
        QStringList errors;
        QCOMPARE(m_store->importFromFile(file, &errors), QStringList{p.name});
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(m_store->preset(p.name)->spec.toSubmitBody(QStringLiteral("t")),
                 p.spec.toSubmitBody(QStringLiteral("t")));
    }

    void saveAndReadBack()
    {
        QString error;
        const Preset p = preset(QStringLiteral("Nightly"));
        QVERIFY2(m_store->save(p, &error), qPrintable(error));
        QVERIFY(m_store->save(preset(QStringLiteral("beta")), &error));
        QVERIFY(m_store->save(preset(QStringLiteral("Alpha")), &error));
        QVERIFY(m_store->save(preset(QStringLiteral("émile")), &error));
        QVERIFY(m_store->save(preset(QStringLiteral("Émile")), &error));
        QCOMPARE(
            namesOf(m_store->presets()),
            (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("Nightly"),
                         QStringLiteral("Émile"), QStringLiteral("émile")}));

        // From the file, in another store: order of parameters and every field kept.
        m_store.reset();
        m_db.reset();
        Database db(m_path);
        QVERIFY(db.open(&error));
        PresetStore store(&db);
        const auto back = store.preset(QStringLiteral("Nightly"));
        QVERIFY(back);
        QCOMPARE(back->toJson(), p.toJson());
        QCOMPARE(back->spec.parameters, p.spec.parameters); // the user's order
        QVERIFY(!store.preset(QStringLiteral("nightly")));  // names are exact

        // Save replaces by name.
        Preset changed = p;
        changed.spec.clusterId = QStringLiteral("c-2");
        QVERIFY(store.save(changed, &error));
        QCOMPARE(store.preset(QStringLiteral("Nightly"))->spec.clusterId, QStringLiteral("c-2"));
        QCOMPARE(store.presets().size(), 5);
    }

    // The run's timeout and retries are stored, copied, exported and imported with the rest.
    void retriesAreKeptEverywhere()
    {
        QString error;
        Preset p = preset(QStringLiteral("Retried"));
        p.spec.timeoutSeconds = 1800;
        p.spec.maxRetries = 2;
        p.spec.minRetryIntervalMillis = 45000;
        p.spec.retryOnTimeout = true;
        QVERIFY2(m_store->save(p, &error), qPrintable(error));
        const auto check = [](const std::optional<Preset> &back) {
            QVERIFY(back);
            QCOMPARE(back->spec.timeoutSeconds, 1800);
            QCOMPARE(back->spec.maxRetries, 2);
            QCOMPARE(back->spec.minRetryIntervalMillis, 45000);
            QCOMPARE(back->spec.retryOnTimeout, true);
        };
        {
            Database db(m_path);
            QVERIFY(db.open(&error));
            check(PresetStore(&db).preset(QStringLiteral("Retried")));
        }
        const std::optional<QString> copy = m_store->duplicate(QStringLiteral("Retried"));
        QVERIFY(copy);
        check(m_store->preset(*copy));

        const QString file = m_dir.filePath(QStringLiteral("retried.json"));
        QVERIFY2(m_store->exportToFile(QStringLiteral("Retried"), file, &error), qPrintable(error));
        QVERIFY(m_store->remove(QStringLiteral("Retried")));
        QStringList errors;
        QCOMPARE(m_store->importFromFile(file, &errors), QStringList{QStringLiteral("Retried")});
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        check(m_store->preset(QStringLiteral("Retried")));
    }

    void saveRefusesWithReasons()
    {
        QString error;
        QVERIFY(!m_store->save(preset(QString()), &error));
        QVERIFY2(error.contains(QLatin1String("name: is missing")) ||
                     error.contains(QLatin1String("name: is empty")),
                 qPrintable(error));
        QVERIFY(
            !m_store->save(preset(QStringLiteral("x"), QStringLiteral("relative/path")), &error));
        QVERIFY2(error.contains(QLatin1String("notebookPath: must be absolute")),
                 qPrintable(error));
        QVERIFY(m_store->presets().isEmpty());
    }

    void renameDuplicateRemove()
    {
        QString error;
        QVERIFY(m_store->save(preset(QStringLiteral("Daily")), &error));
        QVERIFY(m_store->save(preset(QStringLiteral("Weekly")), &error));

        QVERIFY2(m_store->rename(QStringLiteral("Daily"), QStringLiteral("Every day"), &error),
                 qPrintable(error));
        QVERIFY(!m_store->preset(QStringLiteral("Daily")));
        QCOMPARE(m_store->preset(QStringLiteral("Every day"))->spec.notebookPath,
                 QStringLiteral("/Repos/etl/load"));
        QVERIFY(!m_store->rename(QStringLiteral("Every day"), QStringLiteral("Weekly"), &error));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
        QVERIFY(!m_store->rename(QStringLiteral("Missing"), QStringLiteral("X"), &error));
        QVERIFY2(error.contains(QLatin1String("no preset named")), qPrintable(error));
        QVERIFY(!m_store->rename(QStringLiteral("Weekly"), QStringLiteral(" "), &error));
        QVERIFY2(error.startsWith(QLatin1String("name:")), qPrintable(error));
        QVERIFY(m_store->rename(QStringLiteral("Weekly"), QStringLiteral("weekly"), &error));
        QVERIFY(m_store->rename(QStringLiteral("weekly"), QStringLiteral("weekly"), &error));

        QCOMPARE(m_store->duplicate(QStringLiteral("weekly")), QStringLiteral("weekly (copy)"));
        QCOMPARE(m_store->duplicate(QStringLiteral("weekly")), QStringLiteral("weekly (copy 2)"));
        QCOMPARE(m_store->preset(QStringLiteral("weekly (copy 2)"))->spec.parameters,
                 preset(QString()).spec.parameters);
        QVERIFY(!m_store->duplicate(QStringLiteral("Missing")));

        QVERIFY(m_store->remove(QStringLiteral("weekly (copy)")));
        QVERIFY(!m_store->remove(QStringLiteral("weekly (copy)")));
        QCOMPARE(namesOf(m_store->presets()),
                 (QStringList{QStringLiteral("Every day"), QStringLiteral("weekly"),
                              QStringLiteral("weekly (copy 2)")}));
    }

    void exportHoldsNoTokenAndImportsBack()
    {
        QString error;
        QVERIFY(m_store->save(preset(QStringLiteral("Nightly")), &error));
        const QString file = m_dir.filePath(QStringLiteral("nightly.json"));
        QVERIFY2(m_store->exportToFile(QStringLiteral("Nightly"), file, &error), qPrintable(error));
        QVERIFY(!m_store->exportToFile(QStringLiteral("Missing"), file, &error));

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        f.close();
        QVERIFY(bytes.contains("\n    \"")); // indented: readable
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        static const QRegularExpression credentialKey(
            QStringLiteral("token|secret|password|passwd|credential|bearer|auth|^pat$|apikey"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression credentialValue(QStringLiteral("^dapi[0-9a-f]|^Bearer "));
        for (auto it = json.begin(); it != json.end(); ++it) {
            QVERIFY2(!credentialKey.match(it.key()).hasMatch(), qPrintable(it.key()));
            if (it.value().isString())
                QVERIFY(!credentialValue.match(it.value().toString()).hasMatch());
        }
        QCOMPARE(json.value(QStringLiteral("profile")).toString(), QStringLiteral("work"));

        // Into another database: the same preset.
        Database other(m_dir.filePath(QStringLiteral("other.sqlite")));
        QVERIFY(other.open(&error));
        PresetStore store(&other);
        QStringList errors;
        QCOMPARE(store.importFromFile(file, &errors), QStringList{QStringLiteral("Nightly")});
        QVERIFY(errors.isEmpty());
        QCOMPARE(store.preset(QStringLiteral("Nightly"))->toJson(),
                 preset(QStringLiteral("Nightly")).toJson());
        // Again: already there, nothing doubled.
        QCOMPARE(store.importFromFile(file, &errors), QStringList{QStringLiteral("Nightly")});
        QCOMPARE(store.presets().size(), 1);
        // Same name, other contents: imported beside it, the user's preset untouched.
        Preset mine = preset(QStringLiteral("Nightly"));
        mine.spec.clusterId = QStringLiteral("c-mine");
        QVERIFY(store.save(mine, &error));
        QCOMPARE(store.importFromFile(file, &errors),
                 QStringList{QStringLiteral("Nightly (imported)")});
        QCOMPARE(store.preset(QStringLiteral("Nightly"))->spec.clusterId, QStringLiteral("c-mine"));
    }

    void importsValidArray()
    {
        QStringList errors;
        const QStringList names = m_store->importFromFile(fixture("valid-two.json"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(names, (QStringList{QStringLiteral("Nightly load"),
                                     QStringLiteral("Train (minimal fields)")}));
        const auto nightly = m_store->preset(QStringLiteral("Nightly load"));
        QCOMPARE(nightly->spec.timeoutSeconds, 3600);
        QCOMPARE(nightly->spec.parameters.size(), 2);
        QCOMPARE(m_store->preset(QStringLiteral("Train (minimal fields)"))->spec.taskKey,
                 QStringLiteral("main"));
    }

    void importRefusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("wrong types")
            << fixture("wrong-types.json")
            << QStringList{QStringLiteral("version: must be a whole number, got a string"),
                           QStringLiteral("name: must be a string, got a number"),
                           QStringLiteral("profile: must be a string, got an array"),
                           QStringLiteral("runName: must be a string, got null"),
                           QStringLiteral("clusterId: must be a string, got a number"),
                           QStringLiteral("taskKey: must be a string, got a boolean"),
                           QStringLiteral("parameters.date: must be a string, got a number"),
                           QStringLiteral("parameters.flags: must be a string, got an object"),
                           QStringLiteral("queueEnabled: must be true or false, got a string"),
                           QStringLiteral("timeoutSeconds: must be a whole number of seconds")};
        QTest::newRow("unknown fields")
            << fixture("unknown-fields.json")
            << QStringList{
                   QStringLiteral("clusterID: unknown field"),
                   QStringLiteral("token: unknown field (a preset never holds a credential"),
                   QStringLiteral("host: unknown field"), QStringLiteral("clusterId: is empty")};
        QTest::newRow("not JSON") << fixture("not-json.json")
                                  << QStringList{QStringLiteral("file: not JSON (")};
        QTest::newRow("duplicate names")
            << fixture("duplicate-names.json")
            << QStringList{QStringLiteral("[2].name: \"Daily\" is also the name of [0]"),
                           QStringLiteral("[3]: must be a preset object")};
        QTest::newRow("invalid specs")
            << fixture("invalid-spec.json")
            << QStringList{QStringLiteral("[1].name: is empty"),
                           QStringLiteral("[1].notebookPath: must be absolute"),
                           QStringLiteral("[1].clusterId: \"bad cluster!\" is not a cluster id"),
                           QStringLiteral("[1].taskKey: \"has space\" may only hold"),
                           QStringLiteral("[2].format: must be \"brickrun-preset\"")};
        QTest::newRow("missing file") << QStringLiteral("/no/such/preset.json")
                                      << QStringList{QStringLiteral("file: cannot read")};
        QTest::newRow("over 1 MiB") << QStringLiteral("generated:big")
                                    << QStringList{QStringLiteral("file: larger than 1 MiB")};
        QTest::newRow("huge values")
            << QStringLiteral("generated:huge")
            << QStringList{QStringLiteral("name: longer than 200"),
                           QStringLiteral("runName: longer than 4096 bytes"),
                           QStringLiteral("parameters.blob: longer than 10000"),
                           QStringLiteral("notebookPath: longer than 4096")};
        QTest::newRow("empty array")
            << QStringLiteral("generated:empty")
            << QStringList{QStringLiteral("file: the array holds no presets")};
        QTest::newRow("an array of numbers")
            << QStringLiteral("generated:numbers")
            << QStringList{QStringLiteral("[0]: must be a preset object"),
                           QStringLiteral("[1]: must be a preset object")};
    }
    void importRefusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        if (file.startsWith(QLatin1String("generated:"))) {
            const QString kind = file.mid(10);
            file = m_dir.filePath(kind + QStringLiteral(".json"));
            QByteArray data;
            if (kind == QLatin1String("big")) {
                // Valid JSON: only its size is wrong.
                QJsonObject o = preset(QStringLiteral("Big")).toJson();
                data = QJsonDocument(o).toJson();
                data.insert(1, QByteArray(1100 * 1024, ' '));
            } else if (kind == QLatin1String("huge")) {
                QJsonObject o = preset(QStringLiteral("x")).toJson();
                o.insert(QStringLiteral("name"), QString(300, QLatin1Char('n')));
                o.insert(QStringLiteral("runName"), QString(5000, QLatin1Char('r')));
                o.insert(QStringLiteral("notebookPath"),
                         QString(QLatin1Char('/') + QString(5000, QLatin1Char('p'))));
                o.insert(QStringLiteral("parameters"),
                         QJsonObject{{QStringLiteral("blob"), QString(100000, QLatin1Char('b'))}});
                data = QJsonDocument(o).toJson();
                QVERIFY(data.size() < 1024 * 1024);
            } else if (kind == QLatin1String("empty")) {
                data = "[]";
            } else {
                data = "[1, 2]";
            }
            QVERIFY(writeFile(file, data));
        }
        QString error;
        QVERIFY(m_store->save(preset(QStringLiteral("Existing")), &error));

        QStringList errors;
        const QStringList names = m_store->importFromFile(file, &errors);
        QVERIFY(names.isEmpty());
        for (const QString &e : expected) {
            bool found = false;
            for (const QString &err : errors)
                found = found || err.startsWith(e);
            QVERIFY2(found, qPrintable(QStringLiteral("missing \"%1\" in:\n%2")
                                           .arg(e, errors.join(QLatin1Char('\n')))));
        }
        QCOMPARE(errors.size(), expected.size());
        for (const QString &err : errors)
            QVERIFY2(!err.contains(QLatin1String("dapi")), qPrintable(err)); // never echoed
        // Nothing imported, not even the valid presets of a file with a bad one.
        QCOMPARE(namesOf(m_store->presets()), QStringList{QStringLiteral("Existing")});
    }
};

QTEST_GUILESS_MAIN(tst_PresetStore)
#include "tst_presetstore.moc"
