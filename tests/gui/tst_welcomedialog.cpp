// SPDX-License-Identifier: Apache-2.0
#include "WelcomeDialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace Brickrun;

class tst_WelcomeDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offersDemoAndAddWorkspace();
    void demoButtonChoosesDemo();
    void addWorkspaceButtonChoosesAddWorkspace();
    void closeChoosesNothing();
    void escapeChoosesNothing();
    void keyboardMnemonics_data();
    void keyboardMnemonics();
    void screenshot();
};

void tst_WelcomeDialog::offersDemoAndAddWorkspace()
{
    WelcomeDialog dialog;
    auto *demo = dialog.findChild<QCommandLinkButton *>(QStringLiteral("demoButton"));
    auto *add = dialog.findChild<QCommandLinkButton *>(QStringLiteral("addWorkspaceButton"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(demo && add && buttons);
    QCOMPARE(demo->text(), QStringLiteral("Try the &demo workspace"));
    QCOMPARE(add->text(), QStringLiteral("&Add a workspace…"));
    QVERIFY(buttons->button(QDialogButtonBox::Close));
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    QVERIFY(!dialog.windowIcon().isNull());
}

void tst_WelcomeDialog::demoButtonChoosesDemo()
{
    WelcomeDialog dialog;
    dialog.show();
    QTest::mouseClick(dialog.findChild<QCommandLinkButton *>(QStringLiteral("demoButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::Demo);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void tst_WelcomeDialog::addWorkspaceButtonChoosesAddWorkspace()
{
    WelcomeDialog dialog;
    dialog.show();
    QTest::mouseClick(dialog.findChild<QCommandLinkButton *>(QStringLiteral("addWorkspaceButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::AddWorkspace);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void tst_WelcomeDialog::closeChoosesNothing()
{
    WelcomeDialog dialog;
    dialog.show();
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void tst_WelcomeDialog::escapeChoosesNothing()
{
    WelcomeDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.choice(), WelcomeDialog::Choice::None);
    QVERIFY(!dialog.isVisible());
}

void tst_WelcomeDialog::keyboardMnemonics_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("choice");
    QTest::newRow("Alt+D") << int(Qt::Key_D) << int(WelcomeDialog::Choice::Demo);
    QTest::newRow("Alt+A") << int(Qt::Key_A) << int(WelcomeDialog::Choice::AddWorkspace);
    // Enter takes the default: the demo, the way to look around without an account.
    QTest::newRow("Enter") << int(Qt::Key_Return) << int(WelcomeDialog::Choice::Demo);
}

void tst_WelcomeDialog::keyboardMnemonics()
{
    QFETCH(int, key);
    QFETCH(int, choice);
    WelcomeDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key(key),
                    key == Qt::Key_Return ? Qt::NoModifier : Qt::AltModifier);
    QTRY_COMPARE(int(dialog.choice()), choice);
    QVERIFY(!dialog.isVisible());
}

void tst_WelcomeDialog::screenshot()
{
    WelcomeDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/welcomedialog.png")));
}

QTEST_MAIN(tst_WelcomeDialog)
#include "tst_welcomedialog.moc"
