// SPDX-License-Identifier: Apache-2.0
#include "config/DatabricksCfg.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/databrickscfg/") +
           QString::fromLatin1(name);
}

DatabricksCfg parseText(const char *text)
{
    return DatabricksCfg::parse(QByteArray(text));
}

DatabricksCfg loadSample(const char *name)
{
    QString error;
    DatabricksCfg cfg = DatabricksCfg::load(sample(name), &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return cfg;
}

QStringList names(const DatabricksCfg &cfg)
{
    QStringList result;
    for (const DatabricksCfgProfile &p : cfg.profiles())
        result << p.name;
    return result;
}

QString describe(const QList<DatabricksCfgIssue> &issues)
{
    QStringList lines;
    for (const DatabricksCfgIssue &issue : issues)
        lines << QStringLiteral("line %1: %2").arg(issue.line).arg(issue.message);
    return lines.join(QLatin1Char('\n'));
}

QList<int> issueLines(const DatabricksCfg &cfg)
{
    QList<int> lines;
    for (const DatabricksCfgIssue &issue : cfg.issues())
        lines << issue.line;
    return lines;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

#ifdef Q_OS_WIN
const char *const HomeVariable = "USERPROFILE";
#else
const char *const HomeVariable = "HOME";
#endif

} // namespace

class tst_DatabricksCfg : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- real-world files -------------------------------------------------------------------

    void configureOutput()
    {
        const DatabricksCfg cfg = loadSample("configure-output.cfg");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        QCOMPARE(names(cfg), QStringList{QStringLiteral("DEFAULT")});
        const auto p = cfg.profile(QStringLiteral("DEFAULT"));
        QVERIFY(p);
        QCOMPARE(p->host, QStringLiteral("https://adb-1234567890123456.7.azuredatabricks.net"));
        QCOMPARE(p->token, QStringLiteral("dapi-test-0001"));
        QCOMPARE(p->authType, QString());
        QCOMPARE(p->clusterId, QString());
        QVERIFY(p->otherKeys.isEmpty());
        QCOMPARE(p->line, 2);
        QCOMPARE(cfg.defaultProfileName(QProcessEnvironment()), QStringLiteral("DEFAULT"));
    }

    void azureProfiles()
    {
        const DatabricksCfg cfg = loadSample("azure-profiles.cfg");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        // __settings__ is not a profile; the key-less DEFAULT is not one either.
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("dev"), QStringLiteral("prod"),
                                          QStringLiteral("staging"), QStringLiteral("sp-ci")}));
        QCOMPARE(cfg.defaultProfileName(QProcessEnvironment()), QStringLiteral("dev"));

        const auto dev = cfg.profile(QStringLiteral("dev"));
        QVERIFY(dev);
        QCOMPARE(dev->line, 7);
        QCOMPARE(dev->host, QStringLiteral("https://adb-1111111111111111.11.azuredatabricks.net/"));
        QCOMPARE(dev->token, QStringLiteral("dapi-test-0002"));
        QCOMPARE(dev->clusterId, QStringLiteral("0123-456789-abcdefgh"));
        QCOMPARE(dev->authType, QString());

        const auto prod = cfg.profile(QStringLiteral("prod"));
        QVERIFY(prod);
        QCOMPARE(prod->line, 13);
        QCOMPARE(prod->authType, QStringLiteral("azure-cli"));
        QVERIFY(prod->token.isEmpty());
        QCOMPARE(
            prod->otherKeys.value(QStringLiteral("azure_workspace_resource_id")),
            QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/"
                           "resourceGroups/rg/providers/Microsoft.Databricks/workspaces/prod"));

        // Indented header with padded name, tabs, "key:value", trailing blanks, mixed-case key.
        const auto staging = cfg.profile(QStringLiteral("staging"));
        QVERIFY(staging);
        QCOMPARE(staging->line, 18);
        QCOMPARE(staging->host,
                 QStringLiteral("https://adb-3333333333333333.3.azuredatabricks.net"));
        QCOMPARE(staging->token, QStringLiteral("dapi-test-0003"));
        QCOMPARE(staging->authType, QStringLiteral("pat"));
        QCOMPARE(staging->otherKeys, (QMap<QString, QString>{{QStringLiteral("jobs_api_version"),
                                                              QStringLiteral("2.1")}}));

        const auto sp = cfg.profile(QStringLiteral("sp-ci"));
        QVERIFY(sp);
        QCOMPARE(sp->authType, QStringLiteral("azure-client-secret"));
        QCOMPARE(sp->otherKeys.size(), 3);
        QCOMPARE(sp->otherKeys.value(QStringLiteral("azure_client_secret")),
                 QStringLiteral("not-a-real-secret"));
    }

    void crlfAndBom()
    {
        const DatabricksCfg cfg = loadSample("crlf-bom.cfg");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("DEFAULT"), QStringLiteral("win")}));
        const auto def = cfg.profile(QStringLiteral("DEFAULT"));
        QVERIFY(def);
        QCOMPARE(def->line, 1);
        QCOMPARE(def->token, QStringLiteral("dapi-test-0004")); // no '\r' left behind
        const auto win = cfg.profile(QStringLiteral("win"));
        QVERIFY(win);
        QCOMPARE(win->line, 6);
        QCOMPARE(win->authType, QStringLiteral("azure-cli"));
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("LF") << QByteArray("# c\n[p]\n\ntoken = dapi-test-0001\nbad\n");
        QTest::newRow("CRLF") << QByteArray("# c\r\n[p]\r\n\r\ntoken = dapi-test-0001\r\nbad\r\n");
        QTest::newRow("CR") << QByteArray("# c\r[p]\r\rtoken = dapi-test-0001\rbad\r");
        QTest::newRow("no final newline") << QByteArray("# c\n[p]\n\ntoken = dapi-test-0001\nbad");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, content);
        const DatabricksCfg cfg = DatabricksCfg::parse(content);
        const auto p = cfg.profile(QStringLiteral("p"));
        QVERIFY(p);
        QCOMPARE(p->line, 2);
        QCOMPARE(p->token, QStringLiteral("dapi-test-0001"));
        QCOMPARE(issueLines(cfg), QList<int>{5});
    }

    void utf16WithBom_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::newRow("UTF-16LE") << true;
        QTest::newRow("UTF-16BE") << false;
    }
    void utf16WithBom()
    {
        // What "echo ... > ~/.databrickscfg" writes in Windows PowerShell 5.
        QFETCH(bool, littleEndian);
        QStringEncoder encoder(littleEndian ? QStringEncoder::Utf16LE : QStringEncoder::Utf16BE,
                               QStringEncoder::Flag::WriteBom);
        const QByteArray content = encoder(
            QStringLiteral("[DEFAULT]\r\nhost = https://adb-1.2.azuredatabricks.net\r\ntoken = "
                           "dapi-test-0001\r\n"));
        const DatabricksCfg cfg = DatabricksCfg::parse(content);
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        const auto p = cfg.profile(QStringLiteral("DEFAULT"));
        QVERIFY(p);
        QCOMPARE(p->host, QStringLiteral("https://adb-1.2.azuredatabricks.net"));
        QCOMPARE(p->token, QStringLiteral("dapi-test-0001"));
    }

    void emptyContent()
    {
        for (const QByteArray &content :
             {QByteArray(), QByteArray("\n\n"), QByteArray("\xEF\xBB\xBF"), QByteArray("# x\n")}) {
            const DatabricksCfg cfg = DatabricksCfg::parse(content);
            QVERIFY(cfg.profiles().isEmpty());
            QVERIFY(cfg.issues().isEmpty());
            QCOMPARE(cfg.defaultProfileName(QProcessEnvironment()), QStringLiteral("DEFAULT"));
        }
    }

    // --- the INI dialect, as the official tools read it ---------------------------------------

    void values_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("spaces") << QByteArray("token = dapi-test-0001") << "dapi-test-0001";
        QTest::newRow("no spaces") << QByteArray("token=dapi-test-0001") << "dapi-test-0001";
        QTest::newRow("colon") << QByteArray("token: dapi-test-0001") << "dapi-test-0001";
        QTest::newRow("colon spaced") << QByteArray("token  :  dapi-test-0001") << "dapi-test-0001";
        QTest::newRow("padding and tabs")
            << QByteArray("\t token \t=\t dapi-test-0001 \t ") << "dapi-test-0001";
        QTest::newRow("upper-case key") << QByteArray("TOKEN = dapi-test-0001") << "dapi-test-0001";
        QTest::newRow("inline # comment")
            << QByteArray("token = dapi-test-0001 # work laptop") << "dapi-test-0001";
        QTest::newRow("inline ; comment")
            << QByteArray("token = dapi-test-0001\t; old") << "dapi-test-0001";
        QTest::newRow("# without space is kept")
            << QByteArray("token = dapi-test#0001") << "dapi-test#0001";
        QTest::newRow("; without space is kept")
            << QByteArray("token = dapi-test;0001") << "dapi-test;0001";
        QTest::newRow("value starting with #")
            << QByteArray("token = #dapi-test-0001") << "#dapi-test-0001";
        QTest::newRow("double quotes")
            << QByteArray("token = \"dapi-test-0001\"") << "dapi-test-0001";
        QTest::newRow("single quotes")
            << QByteArray("token = 'dapi-test-0001'") << "dapi-test-0001";
        QTest::newRow("quotes then comment")
            << QByteArray("token = \"dapi-test-0001\" # c") << "dapi-test-0001";
        QTest::newRow("spaces inside quotes kept")
            << QByteArray("token = \" dapi-test-0001 \"") << " dapi-test-0001 ";
        QTest::newRow("unmatched quote kept")
            << QByteArray("token = \"dapi-test-0001") << "\"dapi-test-0001";
        QTest::newRow("mixed quotes kept")
            << QByteArray("token = \"dapi-test-0001'") << "\"dapi-test-0001'";
        QTest::newRow("inner quote keeps all")
            << QByteArray("token = \"dapi\"test\"") << "\"dapi\"test\"";
        QTest::newRow("lone quote") << QByteArray("token = \"") << "\"";
        QTest::newRow("empty") << QByteArray("token =") << "";
        QTest::newRow("empty quotes") << QByteArray("token = \"\"") << "";
        QTest::newRow("equals in value") << QByteArray("token = a=b:c") << "a=b:c";
        QTest::newRow("first delimiter splits") << QByteArray("token: a = b") << "a = b";
        QTest::newRow("backslash kept")
            << QByteArray("token = dapi-test-0001\\") << "dapi-test-0001\\";
        QTest::newRow("percent kept") << QByteArray("token = %(x)s") << "%(x)s";
        QTest::newRow("utf-8") << QByteArray("token = caf\xC3\xA9") << QStringLiteral("caf\u00e9");
    }
    void values()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        const DatabricksCfg cfg = DatabricksCfg::parse("[p]\n" + line + "\n");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        const auto p = cfg.profile(QStringLiteral("p"));
        QVERIFY(p);
        QCOMPARE(p->token, expected);
        QVERIFY(p->otherKeys.isEmpty());
    }

    void knownAndOtherKeys()
    {
        const DatabricksCfg cfg = parseText("[p]\n"
                                            "Host = https://adb-1.2.azuredatabricks.net\n"
                                            "AUTH_TYPE = databricks-cli\n"
                                            "Cluster_Id = 0101-010101-abcdefgh\n"
                                            "client_id = 00000000-0000-0000-0000-000000000003\n"
                                            "Azure_Environment = PUBLIC\n"
                                            "serverless_compute_id = auto\n");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        const auto p = cfg.profile(QStringLiteral("p"));
        QVERIFY(p);
        QCOMPARE(p->host, QStringLiteral("https://adb-1.2.azuredatabricks.net"));
        QCOMPARE(p->authType, QStringLiteral("databricks-cli"));
        QCOMPARE(p->clusterId, QStringLiteral("0101-010101-abcdefgh"));
        QCOMPARE(p->otherKeys.keys(),
                 (QStringList{QStringLiteral("azure_environment"), QStringLiteral("client_id"),
                              QStringLiteral("serverless_compute_id")}));
        QCOMPARE(p->otherKeys.value(QStringLiteral("azure_environment")), QStringLiteral("PUBLIC"));
    }

    void comments()
    {
        const DatabricksCfg cfg = parseText("# full-line hash\n"
                                            "; full-line semicolon\n"
                                            "[p] ; about p\n"
                                            "   # indented hash\n"
                                            "\t; indented semicolon\n"
                                            "#token = dapi-test-0009\n"
                                            "host = https://h.example.com # comment\n"
                                            "# caf\xE9 (Latin-1 in a comment is fine)\n");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        const auto p = cfg.profile(QStringLiteral("p"));
        QVERIFY(p);
        QCOMPARE(p->line, 3);
        QVERIFY(p->token.isEmpty());
        QCOMPARE(p->host, QStringLiteral("https://h.example.com"));
    }

    void defaultIsNotInherited()
    {
        // Both SDKs read a named profile without merging [DEFAULT] into it.
        const DatabricksCfg cfg = parseText("[DEFAULT]\n"
                                            "host = https://adb-1.1.azuredatabricks.net\n"
                                            "cluster_id = 0101-010101-abcdefgh\n"
                                            "[dev]\n"
                                            "token = dapi-test-0001\n");
        const auto dev = cfg.profile(QStringLiteral("dev"));
        QVERIFY(dev);
        QVERIFY(dev->host.isEmpty());
        QVERIFY(dev->clusterId.isEmpty());
        QCOMPARE(dev->token, QStringLiteral("dapi-test-0001"));
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("DEFAULT"), QStringLiteral("dev")}));
    }

    void emptyDefaultSection()
    {
        QCOMPARE(names(parseText("[DEFAULT]\n\n[a]\nhost = x\n")),
                 QStringList{QStringLiteral("a")});
        QVERIFY(!parseText("[DEFAULT]\n").profile(QStringLiteral("DEFAULT")));
        // A key, even an empty one, makes it a profile (as in the SDKs).
        const DatabricksCfg withKey = parseText("[DEFAULT]\nhost =\n");
        QCOMPARE(names(withKey), QStringList{QStringLiteral("DEFAULT")});
        // Other empty sections are profiles the user named.
        QCOMPARE(names(parseText("[empty]\n")), QStringList{QStringLiteral("empty")});
    }

    void sectionNames()
    {
        const DatabricksCfg cfg = parseText("[DEFAULT]\nhost = a\n"
                                            "[default]\nhost = b\n"
                                            "[  spaced name  ]\nhost = c\n"
                                            "[with.dot]\nhost = d\n");
        QVERIFY2(cfg.issues().isEmpty(), qPrintable(describe(cfg.issues())));
        QCOMPARE(names(cfg),
                 (QStringList{QStringLiteral("DEFAULT"), QStringLiteral("default"),
                              QStringLiteral("spaced name"), QStringLiteral("with.dot")}));
        QCOMPARE(cfg.profile(QStringLiteral("DEFAULT"))->host, QStringLiteral("a"));
        QCOMPARE(cfg.profile(QStringLiteral("default"))->host, QStringLiteral("b"));
        QVERIFY(!cfg.profile(QStringLiteral("Default")));
        QVERIFY(!cfg.profile(QStringLiteral("missing")));
        QVERIFY(!cfg.profile(QString()));
    }

    void settingsSection()
    {
        const DatabricksCfg cfg = parseText("[a]\nhost = x\n"
                                            "[__settings__]\ndefault_profile =  b  \n"
                                            "[b]\nhost = y\n");
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!cfg.profile(QStringLiteral("__settings__")));
        QCOMPARE(cfg.defaultProfileName(QProcessEnvironment()), QStringLiteral("b"));
        // An empty default_profile falls back to DEFAULT.
        QCOMPARE(parseText("[__settings__]\ndefault_profile =\n")
                     .defaultProfileName(QProcessEnvironment()),
                 QStringLiteral("DEFAULT"));
    }

    // --- malformed files ----------------------------------------------------------------------

    void malformedSample()
    {
        const DatabricksCfg cfg = loadSample("malformed.cfg");
        const QList<DatabricksCfgIssue> issues = cfg.issues();
        QCOMPARE(issueLines(cfg), (QList<int>{1, 5, 7, 8, 9, 12}));
        QVERIFY2(issues.at(0).message.contains(QLatin1String("before any [section]")),
                 qPrintable(issues.at(0).message));
        QVERIFY2(issues.at(1).message.contains(QLatin1String("empty section name")),
                 qPrintable(issues.at(1).message));
        QCOMPARE(issues.at(2).message,
                 QStringLiteral("expected 'key = value' or a [section] header, got 'hostadb-1'"));
        QVERIFY2(issues.at(3).message.contains(QLatin1String("duplicate section [ok] (first on "
                                                             "line 2)")),
                 qPrintable(issues.at(3).message));
        QVERIFY2(issues.at(4).message.contains(QLatin1String("duplicate key 'token' in [ok] "
                                                             "(first on line 4)")),
                 qPrintable(issues.at(4).message));
        QVERIFY2(issues.at(5).message.contains(QLatin1String("duplicate key 'host' in [other] "
                                                             "(first on line 11)")),
                 qPrintable(issues.at(5).message));

        // What could be read still is; the later value of a duplicate wins (as in the CLI).
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("ok"), QStringLiteral("other")}));
        const auto ok = cfg.profile(QStringLiteral("ok"));
        QCOMPARE(ok->line, 2);
        QCOMPARE(ok->host, QStringLiteral("https://adb-8888888888888888.8.azuredatabricks.net"));
        QCOMPARE(ok->token, QStringLiteral("dapi-test-0007"));
        QCOMPARE(cfg.profile(QStringLiteral("other"))->host,
                 QStringLiteral("https://adb-9999999999999999.10.azuredatabricks.net"));
        // The key under the empty header went nowhere.
        QVERIFY(!cfg.profile(QString()));
    }

    void malformedLines_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("key before section") << QByteArray("\n# c\ntoken = dapi-test-0001\n[p]\n")
                                            << QList<int>{3} << "'token' comes before any";
        QTest::newRow("no delimiter") << QByteArray("[p]\nhost\n") << QList<int>{2} << "got 'host'";
        QTest::newRow("empty section")
            << QByteArray("[p]\n[ ]\nhost = x\n") << QList<int>{2} << "empty section name";
        QTest::newRow("unclosed section") << QByteArray("[p]\n[prod\nhost = x\n") << QList<int>{2}
                                          << "without a closing ']': '[prod'";
        QTest::newRow("text after header") << QByteArray("[p] extra\nhost = x\n") << QList<int>{1}
                                           << "after the section header [p]: 'extra'";
        QTest::newRow("duplicate section") << QByteArray("[p]\n[q]\n\n[p]\n") << QList<int>{4}
                                           << "duplicate section [p] (first on line 1)";
        QTest::newRow("duplicate key, other case")
            << QByteArray("[p]\nhost = a\nHOST = b\n") << QList<int>{3}
            << "duplicate key 'host' in [p] (first on line 2)";
        QTest::newRow("empty key")
            << QByteArray("[p]\n = value\n") << QList<int>{2} << "key name is missing before '='";
        QTest::newRow("empty key colon")
            << QByteArray("[p]\n: value\n") << QList<int>{2} << "key name is missing before ':'";
        QTest::newRow("continuation line") << QByteArray("[p]\nhost = a\n  more\n") << QList<int>{3}
                                           << "multi-line values are not supported";
        QTest::newRow("invalid utf-8")
            << QByteArray("[p]\nhost = \xFF\xFE\n") << QList<int>{2} << "not valid UTF-8";
        QTest::newRow("invalid utf-8 header")
            << QByteArray("[p]\n[\xC0]\nhost = x\n") << QList<int>{2} << "not valid UTF-8";
        QTest::newRow("NUL made visible")
            << QByteArray("[p]\nho\0st\n", 10) << QList<int>{2} << "got 'ho?st'";
        QTest::newRow("long line shortened")
            << QByteArray("[p]\n" + QByteArray("host-").repeated(1000) + "\n") << QList<int>{2}
            << "got 'host-host-host-host-host-host-host-host-...'";
    }
    void malformedLines()
    {
        QFETCH(QByteArray, content);
        QFETCH(QList<int>, lines);
        QFETCH(QString, fragment);
        const DatabricksCfg cfg = DatabricksCfg::parse(content);
        QCOMPARE(issueLines(cfg), lines);
        QVERIFY2(cfg.issues().constFirst().message.contains(fragment),
                 qPrintable(describe(cfg.issues())));
    }

    void keysUnderBrokenHeaderAreDropped()
    {
        const DatabricksCfg cfg =
            parseText("[a]\nhost = a\n[]\nhost = b\ntoken = t\n[c]\nhost = c\n");
        QCOMPARE(issueLines(cfg), QList<int>{3}); // reported once, at the header
        QCOMPARE(cfg.profile(QStringLiteral("a"))->host, QStringLiteral("a"));
        QVERIFY(cfg.profile(QStringLiteral("a"))->token.isEmpty());
        QCOMPARE(cfg.profile(QStringLiteral("c"))->host, QStringLiteral("c"));
    }

    void tokensNeverInIssues()
    {
        const char *const files[] = {
            "token dapi-test-0001\n",                                // before any section, no '='
            "[p]\ntoken dapi-test-0001\n",                           // forgot the '='
            "[p]\ndapi-test-0001\n",                                 // the token alone
            "[p]\ntoken = dapi-test-0001\ntoken = dapi-test-0001\n", // duplicate
            "[p]\ntoken = a\n  dapi-test-0001\n",                    // continuation
            "[p] dapi-test-0001\n",                                  // text after header
            "[dapi-test-0001\n",                                     // unclosed header
            "[p]\ndapi-test-0001 = x\ndapi-test-0001 = y\n",         // token used as a key
            "dapi-test-0001 = x\n",                                  // ...before any section
            "[dapi-test-0001]\n[dapi-test-0001]\n",                  // ...as a duplicate section
            "[p]\nmy secret is abcdef0123456789abcdef0123456789\n",
            "[p]\neyJhbGciOiJIUzI1NiJ9.e30.test\n",
        };
        for (const char *text : files) {
            const DatabricksCfg cfg = parseText(text);
            QVERIFY2(!cfg.issues().isEmpty(), text);
            for (const DatabricksCfgIssue &issue : cfg.issues()) {
                QVERIFY2(!issue.message.contains(QLatin1String("dapi-test")),
                         qPrintable(issue.message));
                QVERIFY2(!issue.message.contains(QLatin1String("abcdef0123456789")),
                         qPrintable(issue.message));
                QVERIFY2(!issue.message.contains(QLatin1String("eyJ")), qPrintable(issue.message));
            }
        }
    }

    void issueCountIsBounded()
    {
        QByteArray content;
        for (int i = 0; i < 10000; ++i)
            content += "garbage\n";
        const DatabricksCfg cfg = DatabricksCfg::parse(content);
        QVERIFY(cfg.issues().size() <= 101);
        QCOMPARE(cfg.issues().constFirst().line, 1);
        QVERIFY(cfg.issues().constLast().message.contains(QLatin1String("not listed")));
    }

    // --- environment ---------------------------------------------------------------------------

    void configPath_data()
    {
        QTest::addColumn<QString>("configFile");
        QTest::addColumn<QString>("home");
        QTest::addColumn<QString>("expected");
        QTest::newRow("home") << QString() << "/home/ada"
                              << "/home/ada/.databrickscfg";
        QTest::newRow("home with slash") << QString() << "/home/ada/"
                                         << "/home/ada/.databrickscfg";
        QTest::newRow("config file") << "/etc/brickrun/cfg"
                                     << "/home/ada"
                                     << "/etc/brickrun/cfg";
        QTest::newRow("relative config file") << "conf/x.cfg"
                                              << "/home/ada"
                                              << "conf/x.cfg";
        QTest::newRow("tilde") << "~/cfg/work.cfg"
                               << "/home/ada"
                               << "/home/ada/cfg/work.cfg";
        QTest::newRow("tilde alone") << "~"
                                     << "/home/ada"
                                     << "/home/ada";
        QTest::newRow("tilde user not expanded") << "~bob/x"
                                                 << "/home/ada"
                                                 << "~bob/x";
        QTest::newRow("no home")
            << QString() << QString()
            << QDir(QDir::homePath()).filePath(QStringLiteral(".databrickscfg"));
        QTest::newRow("tilde, no home")
            << "~/x" << QString() << QDir(QDir::homePath()).filePath(QStringLiteral("x"));
    }
    void configPath()
    {
        QFETCH(QString, configFile);
        QFETCH(QString, home);
        QFETCH(QString, expected);
        QProcessEnvironment env;
        if (!home.isNull())
            env.insert(QString::fromLatin1(HomeVariable), home);
        if (!configFile.isNull())
            env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), configFile);
        env.insert(QStringLiteral("UNRELATED"), QStringLiteral("x"));
        QCOMPARE(DatabricksCfg::configPath(env), expected);
    }

    void configPathIgnoresEmptyVariable()
    {
        QProcessEnvironment env;
        env.insert(QString::fromLatin1(HomeVariable), QStringLiteral("/home/ada"));
        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), QString());
        QCOMPARE(DatabricksCfg::configPath(env), QStringLiteral("/home/ada/.databrickscfg"));
    }

    void defaultProfileName_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("envProfile"); // null: not set
        QTest::addColumn<QString>("expected");
        const QByteArray withSettings("[__settings__]\ndefault_profile = dev\n[dev]\nhost = x\n");
        QTest::newRow("nothing") << QByteArray("[a]\nhost = x\n") << QString() << "DEFAULT";
        QTest::newRow("settings") << withSettings << QString() << "dev";
        QTest::newRow("env wins") << withSettings << "prod"
                                  << "prod";
        QTest::newRow("env without settings") << QByteArray() << "prod"
                                              << "prod";
        QTest::newRow("env trimmed") << QByteArray() << "  prod "
                                     << "prod";
        QTest::newRow("empty env ignored") << withSettings << ""
                                           << "dev";
        QTest::newRow("blank env ignored") << QByteArray() << "  "
                                           << "DEFAULT";
        QTest::newRow("case kept") << QByteArray() << "Prod"
                                   << "Prod";
    }
    void defaultProfileName()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, envProfile);
        QFETCH(QString, expected);
        QProcessEnvironment env;
        if (!envProfile.isNull())
            env.insert(QStringLiteral("DATABRICKS_CONFIG_PROFILE"), envProfile);
        QCOMPARE(DatabricksCfg::parse(content).defaultProfileName(env), expected);
    }

    // --- load() --------------------------------------------------------------------------------

    void loadThroughConfigPath()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(writeFile(home.filePath(QStringLiteral(".databrickscfg")),
                          "[DEFAULT]\nhost = https://adb-1.2.azuredatabricks.net\n"
                          "token = dapi-test-0001\n[other]\nauth_type = azure-cli\n"));
        QVERIFY(writeFile(home.filePath(QStringLiteral("moved.cfg")),
                          "[moved]\ntoken = dapi-test-0002\n"));
        QProcessEnvironment env;
        env.insert(QString::fromLatin1(HomeVariable), home.path());

        QString error = QStringLiteral("stale");
        DatabricksCfg cfg = DatabricksCfg::load(DatabricksCfg::configPath(env), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(names(cfg), (QStringList{QStringLiteral("DEFAULT"), QStringLiteral("other")}));
        QCOMPARE(cfg.profile(cfg.defaultProfileName(env))->token, QStringLiteral("dapi-test-0001"));

        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), QStringLiteral("~/moved.cfg"));
        env.insert(QStringLiteral("DATABRICKS_CONFIG_PROFILE"), QStringLiteral("moved"));
        cfg = DatabricksCfg::load(DatabricksCfg::configPath(env), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(cfg.profile(cfg.defaultProfileName(env))->token, QStringLiteral("dapi-test-0002"));
    }

    void loadMissing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nope.cfg"));
        QString error;
        const DatabricksCfg cfg = DatabricksCfg::load(path, &error);
        QVERIFY(cfg.profiles().isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
        DatabricksCfg::load(path, nullptr); // no error pointer: no crash
        QVERIFY(DatabricksCfg::load(QString(), &error).profiles().isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void loadDirectory()
    {
        QTemporaryDir dir;
        QString error;
        const DatabricksCfg cfg = DatabricksCfg::load(dir.path(), &error);
        QVERIFY(cfg.profiles().isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("is a directory")), qPrintable(error));
    }

    void loadSizeLimit()
    {
        QTemporaryDir dir;
        const QByteArray profile("[p]\ntoken = dapi-test-0001\n");
        QByteArray content = profile + QByteArray(DatabricksCfg::MaxFileSize - profile.size(), '#');
        const QString atLimit = dir.filePath(QStringLiteral("limit.cfg"));
        QVERIFY(writeFile(atLimit, content));
        QString error;
        DatabricksCfg cfg = DatabricksCfg::load(atLimit, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(cfg.profile(QStringLiteral("p"))->token, QStringLiteral("dapi-test-0001"));

        const QString tooLarge = dir.filePath(QStringLiteral("large.cfg"));
        QVERIFY(writeFile(tooLarge, content + '#'));
        cfg = DatabricksCfg::load(tooLarge, &error);
        QVERIFY(cfg.profiles().isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(tooLarge)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("1048577 bytes")), qPrintable(error));
    }

    void loadUnreadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.cfg"));
        QVERIFY(writeFile(path, "[p]\ntoken = dapi-test-0001\n"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly))
            QSKIP("permissions do not stop this user (root?) from reading the file");
        QString error;
        const DatabricksCfg cfg = DatabricksCfg::load(path, &error);
        QVERIFY(cfg.profiles().isEmpty());
        QVERIFY2(
            error.startsWith(QStringLiteral("cannot read %1").arg(QDir::toNativeSeparators(path))),
            qPrintable(error));
    }

#ifdef Q_OS_UNIX
    void loadDeviceIsRefused()
    {
        QString error;
        const DatabricksCfg cfg = DatabricksCfg::load(QStringLiteral("/dev/zero"), &error);
        QVERIFY(cfg.profiles().isEmpty());
        QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
    }
#endif

    // --- robustness ----------------------------------------------------------------------------

    void garbageNeverBreaksTheParser()
    {
        QRandomGenerator random(20240611); // fixed seed: failures are reproducible
        static const char alphabet[] =
            "[]=:#; \t\r\n\"'\\abcDEFtoken_host\xC3\xA9\xFF\xFE\xEF\xBB\xBF";
        for (int round = 0; round < 3000; ++round) {
            const int size = int(random.bounded(600));
            QByteArray content(size, Qt::Uninitialized);
            const bool structured = round % 2 == 0;
            for (char &c : content) {
                c = structured ? alphabet[random.bounded(int(sizeof alphabet) - 1)]
                               : char(random.bounded(256));
            }
            if (round % 7 == 0)
                content.prepend(round % 14 == 0 ? "\xFF\xFE" : "\xFE\xFF");
            const DatabricksCfg cfg = DatabricksCfg::parse(content);
            const int lineCount = int(content.count('\n') + content.count('\r')) + 1;
            for (const DatabricksCfgIssue &issue : cfg.issues()) {
                QVERIFY(issue.line >= 0 && issue.line <= lineCount);
                QVERIFY(!issue.message.isEmpty());
                QVERIFY(issue.message.size() < 400);
            }
            QVERIFY(cfg.issues().size() <= 101);
            for (const DatabricksCfgProfile &p : cfg.profiles()) {
                QVERIFY(!p.name.isEmpty());
                QVERIFY(p.name != QLatin1String("__settings__"));
                QVERIFY(p.line >= 1 && p.line <= lineCount);
                QVERIFY(cfg.profile(p.name));
            }
            cfg.defaultProfileName(QProcessEnvironment());
        }
    }

    void hugeInputs()
    {
        const QByteArray longLine(4 * 1024 * 1024, 'a');
        const QByteArray cases[] = {
            longLine,
            "[" + longLine,
            "[" + longLine + "]",
            "[p]\nkey = " + longLine,
            "[p]\n" + QByteArray(1024 * 1024, '=') + "\n",
            QByteArray(1024 * 1024, '\0'),
            QByteArray(1024 * 1024, '\n'),
            QByteArray(1024 * 1024, '['),
        };
        for (const QByteArray &content : cases) {
            const DatabricksCfg cfg = DatabricksCfg::parse(content);
            for (const DatabricksCfgIssue &issue : cfg.issues())
                QVERIFY(issue.message.size() < 400);
        }
        const DatabricksCfg withValue = DatabricksCfg::parse("[p]\nkey = " + longLine);
        QCOMPARE(
            withValue.profile(QStringLiteral("p"))->otherKeys.value(QStringLiteral("key")).size(),
            longLine.size());
    }
};

QTEST_GUILESS_MAIN(tst_DatabricksCfg)
#include "tst_databrickscfg.moc"
