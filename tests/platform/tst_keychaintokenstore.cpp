// SPDX-License-Identifier: Apache-2.0
// KeychainTokenStore against a real Secret Service (gnome-keyring in a private D-Bus session,
// started by tools/with-keyring), and what a user sees when no Secret Service runs.
#include "KeychainTokenStore.h"

#include <QProcess>
#include <QTest>

#include <optional>

using namespace Brickrun;

namespace {
const QString Service = QStringLiteral("io.github.brickrun.Brickrun.test");

bool inKeyringSession()
{
    return qEnvironmentVariableIsSet("BRICKRUN_KEYRING_SESSION");
}

// What another program (secret-tool, from libsecret) finds in the keychain for this entry.
QString lookedUpOutsideBrickrun(const QString &profile)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                            Service, QStringLiteral("user"), profile});
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool hung>");
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class tst_KeychainTokenStore : public QObject
{
    Q_OBJECT
private:
    KeychainTokenStore *m_store = nullptr;

    std::optional<TokenStore::Outcome> wait(const std::function<void(TokenStore::Callback)> &start)
    {
        std::optional<TokenStore::Outcome> outcome;
        start([&outcome](const TokenStore::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
            return std::nullopt;
        return outcome;
    }
    std::optional<TokenStore::Outcome> read(const QString &p)
    {
        return wait([&](auto cb) { m_store->readToken(p, this, cb); });
    }
    std::optional<TokenStore::Outcome> write(const QString &p, const QString &t)
    {
        return wait([&](auto cb) { m_store->writeToken(p, t, this, cb); });
    }
    std::optional<TokenStore::Outcome> remove(const QString &p)
    {
        return wait([&](auto cb) { m_store->removeToken(p, this, cb); });
    }

private Q_SLOTS:
    void init()
    {
        if (!inKeyringSession() && !qEnvironmentVariableIsSet("BRICKRUN_TEST_NO_KEYRING"))
            QSKIP("needs a throw-away Secret Service: run through tools/with-keyring "
                  "(tools/dev test does)");
        m_store = new KeychainTokenStore(this, Service);
    }
    void cleanup()
    {
        delete m_store;
        m_store = nullptr;
    }

    void writeReadOverwriteDelete()
    {
        if (!inKeyringSession())
            QSKIP("only inside the keyring session");
        const QString profile = QStringLiteral("work");
        QCOMPARE(read(profile)->status, TokenStore::Status::NotFound);
        QVERIFY(read(profile)->message.contains(QStringLiteral("not signed in")));

        QVERIFY(write(profile, QStringLiteral("dapi-test-first"))->isOk());
        QCOMPARE(read(profile)->token, QStringLiteral("dapi-test-first"));
        // Really in the Secret Service, as another program sees it.
        QCOMPARE(lookedUpOutsideBrickrun(profile), QStringLiteral("dapi-test-first"));

        QVERIFY(write(profile, QStringLiteral("dapi-test-second"))->isOk());
        QCOMPARE(read(profile)->token, QStringLiteral("dapi-test-second"));

        QVERIFY(remove(profile)->isOk());
        QCOMPARE(read(profile)->status, TokenStore::Status::NotFound);
        QCOMPARE(lookedUpOutsideBrickrun(profile), QString());
        QVERIFY(remove(profile)->isOk()); // removing what is not there is fine
    }
    void profilesAreSeparate()
    {
        if (!inKeyringSession())
            QSKIP("only inside the keyring session");
        QVERIFY(write(QStringLiteral("a"), QStringLiteral("dapi-test-a"))->isOk());
        QVERIFY(write(QStringLiteral("b"), QStringLiteral("dapi-test-b ünïcödé"))->isOk());
        QCOMPARE(read(QStringLiteral("a"))->token, QStringLiteral("dapi-test-a"));
        QCOMPARE(read(QStringLiteral("b"))->token, QStringLiteral("dapi-test-b ünïcödé"));
        QVERIFY(remove(QStringLiteral("a"))->isOk());
        QCOMPARE(read(QStringLiteral("b"))->token, QStringLiteral("dapi-test-b ünïcödé"));
        QVERIFY(remove(QStringLiteral("b"))->isOk());
    }
    void deadContextGetsNoCallback()
    {
        if (!inKeyringSession())
            QSKIP("only inside the keyring session");
        auto *context = new QObject;
        bool called = false;
        m_store->readToken(QStringLiteral("x"), context,
                           [&called](const TokenStore::Outcome &) { called = true; });
        delete context;
        QTest::qWait(300);
        QVERIFY(!called);
    }
    void noSecretServiceIsExplained()
    {
        if (inKeyringSession()) {
            // Run this same test again with a session bus that has no Secret Service.
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("BRICKRUN_KEYRING_SESSION"));
            env.insert(QStringLiteral("BRICKRUN_TEST_NO_KEYRING"), QStringLiteral("1"));
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/brickrun-no-bus"));
            p.setProcessEnvironment(env);
            p.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("noSecretServiceIsExplained")});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
            return;
        }
        const auto w = write(QStringLiteral("work"), QStringLiteral("dapi-test-x"));
        QVERIFY(w);
        QVERIFY2(w->status == TokenStore::Status::NoBackend, qPrintable(w->message));
        QVERIFY2(w->message.contains(QStringLiteral("No keychain service is running")),
                 qPrintable(w->message));
        const auto r = read(QStringLiteral("work"));
        QCOMPARE(r->status, TokenStore::Status::NoBackend);
        QVERIFY(r->token.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_KeychainTokenStore)
#include "tst_keychaintokenstore.moc"
