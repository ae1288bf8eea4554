// SPDX-License-Identifier: Apache-2.0
// Alt+letter does one thing in each window, in English, German and French: every window and
// dialog is built (the main window with all its panels, the profile dialog, the welcome dialog,
// the notebook browser, the dialog that names a preset) and every mnemonic in it is listed
// (buttons, labels with a buddy, group box titles, tab texts, the menu bar's menus; each menu's
// items on their own), and no two share a letter.
#include "MainWindow.h"
#include "MemoryTokenStore.h"
#include "NotebookBrowser.h"
#include "PresetsBar.h"
#include "ProfileDialog.h"
#include "RunsTableModel.h"
#include "SubmitPanel.h"
#include "Translation.h"
#include "WelcomeDialog.h"
#include "config/ProfileStore.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Brickrun;

namespace {

// The mnemonic of a text ("&Datei" -> 'd'), or a null QChar; "&&" is a literal '&'.
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

// "where: text" of every mnemonic in `root`'s window, shown or not (a folded section's fields,
// a button shown only for some runs: each takes its letter when it shows).
QStringList mnemonicTexts(const QWidget *root)
{
    QStringList texts;
    const auto add = [&texts](const QObject *owner, const QString &text) {
        if (!mnemonic(text).isNull())
            texts.append(owner->objectName() + QStringLiteral(": ") + text);
    };
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->buddy())
            add(label, label->text());
    }
    for (const QAbstractButton *button : root->findChildren<QAbstractButton *>())
        add(button, button->text());
    for (const QGroupBox *box : root->findChildren<QGroupBox *>())
        add(box, box->title());
    for (const QTabBar *tabs : root->findChildren<QTabBar *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs, tabs->tabText(i));
    }
    if (const auto *window = qobject_cast<const QMainWindow *>(root)) {
        for (const QAction *menu : window->menuBar()->actions())
            add(menu->menu() ? static_cast<const QObject *>(menu->menu()) : menu, menu->text());
    }
    return texts;
}

// The clashes among `texts`, one line each.
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QString> seen;
    QStringList found;
    for (const QString &text : texts) {
        const QChar m = mnemonic(text.mid(text.indexOf(QStringLiteral(": ")) + 2));
        if (seen.contains(m))
            found.append(QStringLiteral("Alt+%1: \"%2\" and \"%3\"")
                             .arg(QString(m.toUpper()), seen.value(m), text));
        else
            seen.insert(m, text);
    }
    return found;
}

} // namespace

class tst_Mnemonics : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static void addLanguages()
    {
        QTest::addColumn<QString>("language");
        for (const char *language : {"en", "de", "fr"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    static void verifyNoClash(const char *window, const QStringList &texts)
    {
        const QStringList found = clashes(texts);
        QVERIFY2(found.isEmpty(), qPrintable(QString::fromLatin1(window) + QStringLiteral(":\n") +
                                             found.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mainWindow_data() { addLanguages(); }
    void mainWindow()
    {
        QFETCH(QString, language);
        const Test::Translation translation(language);
        Database db(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(language)));
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        HistoryStore history(&db);
        RunsTableModel model(&history);
        MainWindow window;
        window.setRunsModel(&model);
        const QStringList texts = mnemonicTexts(&window);
        // The form, the menus and the details all have theirs: the list is not empty by mistake.
        for (const char *name : {"submitButton", "menuFile", "notebookLabel", "saveButton"})
            QVERIFY2(texts.filter(QString::fromLatin1(name) + QStringLiteral(": ")).size() == 1,
                     name);
        verifyNoClash("main window", texts);
        for (const QAction *menuAction : window.menuBar()->actions()) {
            QStringList items;
            for (const QAction *action : menuAction->menu()->actions()) {
                if (!mnemonic(action->text()).isNull())
                    items.append(action->objectName() + QStringLiteral(": ") + action->text());
            }
            QVERIFY(!items.isEmpty());
            verifyNoClash(qPrintable(menuAction->text()), items);
        }
        // The Manage button's menu of the presets bar.
        const auto *manage =
            window.findChild<QAbstractButton *>(QStringLiteral("presetMenuButton"));
        QVERIFY(manage);
        QStringList presetItems;
        for (const QAction *action : window.submitPanel()->presetsBar()->presetActions())
            presetItems.append(action->objectName() + QStringLiteral(": ") + action->text());
        verifyNoClash("preset actions", presetItems);
    }

    void dialogs_data() { addLanguages(); }
    void dialogs()
    {
        QFETCH(QString, language);
        const Test::Translation translation(language);

        WelcomeDialog welcome;
        QVERIFY(!mnemonicTexts(&welcome).isEmpty());
        verifyNoClash("welcome", mnemonicTexts(&welcome));

        ProfileStore profiles(m_dir.filePath(QStringLiteral("profiles-%1.ini").arg(language)));
        Test::MemoryTokenStore tokens;
        QNetworkAccessManager network;
        ProfileDialog profileDialog(&profiles, &tokens, &network);
        QVERIFY(mnemonicTexts(&profileDialog).size() > 5);
        verifyNoClash("profile dialog", mnemonicTexts(&profileDialog));

        NotebookBrowser browser(nullptr);
        verifyNoClash("notebook browser", mnemonicTexts(&browser));

        QWidget parent;
        std::unique_ptr<QInputDialog> name(
            PresetsBar::nameDialog(&parent, PresetsBar::tr("Save preset"),
                                   PresetsBar::tr("Save the form as a preset named:"), QString()));
        verifyNoClash("save preset", mnemonicTexts(name.get()));
    }
};

QTEST_MAIN(tst_Mnemonics)
#include "tst_mnemonics.moc"
