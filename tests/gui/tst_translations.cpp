// SPDX-License-Identifier: Apache-2.0
// The German and French translations: complete, embedded where main.cpp looks for them, and
// what a German or French user sees in the main window and the dialogs. That Alt+letters do not
// clash in any language is tst_mnemonics'.

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
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Brickrun;
using Brickrun::Test::Translation;

namespace {

const QStringList Languages{QStringLiteral("de"), QStringLiteral("fr")};

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString type; // of <translation>: "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations; // one, or the numerus forms
};

QList<TsMessage> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations.append(
                    xml.readElementText(QXmlStreamReader::IncludeChildElements));
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1…%9 (also %L1) and %n (also %Ln), as a sorted list so a repeated one counts.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[1-9n]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

// The mnemonic character of a text ("&Datei" -> 'd'), or a null QChar; "&&" is a literal '&'.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// objectName -> text of every named action and menu of a main window, for comparing languages.
QHash<QString, QString> actionTexts(const QMainWindow &window)
{
    QHash<QString, QString> texts;
    for (const QMenu *menu : window.findChildren<QMenu *>()) {
        if (!menu->objectName().isEmpty())
            texts.insert(menu->objectName(), menu->title());
    }
    for (const QAction *action : window.findChildren<QAction *>()) {
        // Qt's own actions (the line edits' clear button) have no text and start with "_q_".
        if (!action->objectName().isEmpty() && !action->isSeparator() &&
            !action->text().isEmpty() && !action->objectName().startsWith(QLatin1String("_q_")))
            texts.insert(action->objectName(), action->text());
    }
    return texts;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tsFileIsComplete_data();
    void tsFileIsComplete();
    void embeddedTranslationMatchesTsFile_data();
    void embeddedTranslationMatchesTsFile();
    void mainWindowIsTranslated_data();
    void mainWindowIsTranslated();
    void everyMenuAndActionIsTranslated_data();
    void everyMenuAndActionIsTranslated();
    void dialogsAreTranslated_data();
    void dialogsAreTranslated();

private:
    QTemporaryDir m_dir;
};

void tst_Translations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_Translations::tsFileIsComplete_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : Languages)
        QTest::newRow(qPrintable(language)) << language;
}

void tst_Translations::tsFileIsComplete()
{
    QFETCH(QString, language);
    const QString path =
        QStringLiteral(BRICKRUN_SOURCE_DIR "/translations/brickrun_%1.ts").arg(language);
    QString tsLanguage;
    QString error;
    const QList<TsMessage> messages = readTs(path, &tsLanguage, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    QVERIFY2(tsLanguage.startsWith(language), qPrintable(tsLanguage));
    QVERIFY2(messages.size() > 100, qPrintable(QString::number(messages.size())));

    QStringList problems;
    int current = 0;
    for (const TsMessage &m : messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue; // kept by lupdate for reuse; no longer shown
        ++current;
        const QString where = QStringLiteral("%1 \"%2\"").arg(m.context, m.source);
        if (m.type == QLatin1String("unfinished")) {
            problems.append(where + QStringLiteral(": unfinished"));
            continue;
        }
        if (m.numerus && m.translations.size() != 2) // German and French: singular, plural
            problems.append(where +
                            QStringLiteral(": %1 plural forms, not 2").arg(m.translations.size()));
        const QStringList sourcePlaceholders = placeholders(m.source);
        const bool sourceMnemonic = !mnemonic(m.source).isNull();
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems.append(where + QStringLiteral(": empty translation"));
                continue;
            }
            if (placeholders(t) != sourcePlaceholders)
                problems.append(where + QStringLiteral(": placeholders %1 became %2 in \"%3\"")
                                            .arg(sourcePlaceholders.join(QLatin1Char(',')),
                                                 placeholders(t).join(QLatin1Char(',')), t));
            if (!mnemonic(t).isNull() != sourceMnemonic)
                problems.append(where +
                                QStringLiteral(": mnemonic added or lost in \"%1\"").arg(t));
        }
    }
    QVERIFY(current > 100);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::embeddedTranslationMatchesTsFile_data()
{
    tsFileIsComplete_data();
}

// The .qm compiled into the program under :/i18n holds what the .ts file says.
void tst_Translations::embeddedTranslationMatchesTsFile()
{
    QFETCH(QString, language);
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/brickrun_%1.qm").arg(language)));
    const Translation translation(language);
    QVERIFY2(translation.loaded(), "QTranslator::load(QLocale(), \"brickrun\", \"_\", \":/i18n\")");

    QString tsLanguage;
    QString error;
    const QList<TsMessage> messages =
        readTs(QStringLiteral(BRICKRUN_SOURCE_DIR "/translations/brickrun_%1.ts").arg(language),
               &tsLanguage, &error);
    QVERIFY(error.isEmpty());
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (!m.type.isEmpty() || m.translations.isEmpty())
            continue;
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const QString singular = translation.translator().translate(
            context.constData(), source.constData(),
            comment.isEmpty() ? nullptr : comment.constData(), m.numerus ? 1 : -1);
        if (singular != m.translations.constFirst())
            problems.append(QStringLiteral("%1 \"%2\": the program has \"%3\"")
                                .arg(m.context, m.source, singular));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::mainWindowIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("runMenu");
    QTest::addColumn<QString>("submit");
    QTest::addColumn<QString>("workspaceLabel");
    QTest::addColumn<QString>("rerun");
    QTest::addColumn<QString>("resultTab");
    QTest::addColumn<QString>("stateHeader");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei")
                        << QStringLiteral("&Ausführung") << QStringLiteral("Übermi&tteln")
                        << QStringLiteral("Arbeits&bereich:") << QStringLiteral("Neu starten")
                        << QStringLiteral("Ergebnis") << QStringLiteral("Status");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("&Fichier")
                        << QStringLiteral("&Exécution") << QStringLiteral("&Soumettre")
                        << QStringLiteral("Espace &de travail\u00a0:") << QStringLiteral("Relancer")
                        << QStringLiteral("Résultat") << QStringLiteral("État");
}

void tst_Translations::mainWindowIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, runMenu);
    QFETCH(QString, submit);
    QFETCH(QString, workspaceLabel);
    QFETCH(QString, rerun);
    QFETCH(QString, resultTab);
    QFETCH(QString, stateHeader);

    const Translation translation(language);
    QVERIFY(translation.loaded());
    MainWindow window;
    Database db(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(language)));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    HistoryStore history(&db);
    RunsTableModel model(&history);
    window.setRunsModel(&model);

    auto *menuFile = window.findChild<QMenu *>(QStringLiteral("menuFile"));
    auto *menuRun = window.findChild<QMenu *>(QStringLiteral("menuRun"));
    QVERIFY(menuFile && menuRun);
    QCOMPARE(menuFile->title(), fileMenu);
    QCOMPARE(menuRun->title(), runMenu);
    auto *submitButton = window.findChild<QPushButton *>(QStringLiteral("submitButton"));
    QVERIFY(submitButton);
    QCOMPARE(submitButton->text(), submit);
    auto *profileLabel = window.findChild<QLabel *>(QStringLiteral("profileLabel"));
    QVERIFY(profileLabel);
    QCOMPARE(profileLabel->text(), workspaceLabel);
    auto *rerunButton = window.findChild<QPushButton *>(QStringLiteral("rerunButton"));
    QVERIFY(rerunButton);
    QCOMPARE(rerunButton->text(), rerun);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("outputTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), resultTab);
    QCOMPARE(window.runsView()
                 ->model()
                 ->headerData(RunsTableModel::StateColumn, Qt::Horizontal)
                 .toString(),
             stateHeader);
}

void tst_Translations::everyMenuAndActionIsTranslated_data()
{
    tsFileIsComplete_data();
}

// Every menu title and action text differs from the English one (none is left in English).
void tst_Translations::everyMenuAndActionIsTranslated()
{
    QFETCH(QString, language);
    QHash<QString, QString> english;
    {
        MainWindow window;
        english = actionTexts(window);
    }
    QVERIFY(english.contains(QStringLiteral("menuFile")));
    QVERIFY(english.contains(QStringLiteral("actionQuit")));
    const Translation translation(language);
    MainWindow window;
    const QHash<QString, QString> translated = actionTexts(window);
    QStringList untranslated;
    for (auto it = translated.cbegin(); it != translated.cend(); ++it) {
        if (it.value() == english.value(it.key()))
            untranslated.append(QStringLiteral("%1 \"%2\"").arg(it.key(), it.value()));
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
}

void tst_Translations::dialogsAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("welcomeTitle");
    QTest::addColumn<QString>("close");
    QTest::addColumn<QString>("testConnection");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Willkommen bei Brickrun")
                        << QStringLiteral("Schließen") << QStringLiteral("&Verbindung testen");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Bienvenue dans Brickrun")
                        << QStringLiteral("Fermer") << QStringLiteral("&Tester la connexion");
}

void tst_Translations::dialogsAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, welcomeTitle);
    QFETCH(QString, close);
    QFETCH(QString, testConnection);
    const Translation translation(language);

    WelcomeDialog welcome;
    QCOMPARE(welcome.windowTitle(), welcomeTitle);
    auto *buttons = welcome.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Close));
    if (translation.qtLoaded()) // Qt's own strings come from qtbase_<lang>.qm
        QCOMPARE(buttons->button(QDialogButtonBox::Close)->text().remove(QLatin1Char('&')), close);
    else
        qWarning("qtbase_%s.qm is not installed: Qt's own buttons stay in English",
                 qPrintable(language));

    ProfileStore profiles(m_dir.filePath(QStringLiteral("profiles-%1.ini").arg(language)));
    Test::MemoryTokenStore tokens;
    QNetworkAccessManager network;
    ProfileDialog dialog(&profiles, &tokens, &network);
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    QVERIFY(test);
    QCOMPARE(test->text(), testConnection);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
