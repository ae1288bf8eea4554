// SPDX-License-Identifier: Apache-2.0
// SecretStore: the keychain, and secrets kept for this session only in memory when there is
// none. Over an in-memory keychain that can fail as a missing Secret Service does.
#include "MemoryTokenStore.h"
#include "SecretStore.h"

#include <QTest>

#include <optional>

using namespace Brickrun;

class tst_SecretStore : public QObject
{
    Q_OBJECT
private:
    std::optional<TokenStore::Outcome> wait(const std::function<void(TokenStore::Callback)> &start)
    {
        std::optional<TokenStore::Outcome> outcome;
        bool insideTheCall = true;
        bool answeredInside = false;
        start([&](const TokenStore::Outcome &o) {
            outcome = o;
            answeredInside = insideTheCall;
        });
        insideTheCall = false;
        if (answeredInside || !QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
            return std::nullopt; // never inside the call, always once
        return outcome;
    }

private Q_SLOTS:
    void withAKeychainEverythingGoesThere()
    {
        Test::MemoryTokenStore keychain;
        SecretStore store(&keychain);
        QVERIFY(wait([&](auto cb) { store.writeToken("work", "dapi-fake-1", this, cb); })->isOk());
        QCOMPARE(keychain.tokens.value("work"), QStringLiteral("dapi-fake-1"));
        QVERIFY(!store.isKeptForSession("work"));
        QCOMPARE(wait([&](auto cb) { store.readToken("work", this, cb); })->token,
                 QStringLiteral("dapi-fake-1"));
        QVERIFY(wait([&](auto cb) { store.removeToken("work", this, cb); })->isOk());
        QVERIFY(keychain.tokens.isEmpty());
    }
    void withoutAKeychainASecretCanBeKeptForTheSession()
    {
        Test::MemoryTokenStore keychain;
        keychain.noBackend = true;
        SecretStore store(&keychain);
        const auto refused =
            wait([&](auto cb) { store.writeToken("work", "dapi-fake-2", this, cb); });
        QCOMPARE(refused->status, TokenStore::Status::NoBackend);
        QCOMPARE(wait([&](auto cb) { store.readToken("work", this, cb); })->status,
                 TokenStore::Status::NoBackend);

        QVERIFY(!store.keepForSession("work", QString())); // nothing to keep
        QVERIFY(store.keepForSession("work", "dapi-fake-2"));
        QVERIFY(store.isKeptForSession("work"));
        const int readsBefore = keychain.reads;
        QCOMPARE(wait([&](auto cb) { store.readToken("work", this, cb); })->token,
                 QStringLiteral("dapi-fake-2"));
        QCOMPARE(keychain.reads, readsBefore); // answered from memory
        // A rotated secret (a new refresh token) replaces it in memory, not in a keychain.
        QVERIFY(wait([&](auto cb) { store.writeToken("work", "dapi-fake-3", this, cb); })->isOk());
        QCOMPARE(wait([&](auto cb) { store.readToken("work", this, cb); })->token,
                 QStringLiteral("dapi-fake-3"));
        QVERIFY(keychain.tokens.isEmpty());
        // Other profiles are not affected.
        QCOMPARE(wait([&](auto cb) { store.readToken("other", this, cb); })->status,
                 TokenStore::Status::NoBackend);

        // Removing forgets it, and still asks the keychain (which says it is not there).
        const auto removed = wait([&](auto cb) { store.removeToken("work", this, cb); });
        QVERIFY(removed);
        QVERIFY(!store.isKeptForSession("work"));
        QCOMPARE(wait([&](auto cb) { store.readToken("work", this, cb); })->status,
                 TokenStore::Status::NoBackend);
    }
    void aNewStoreKnowsNoSessionSecret()
    {
        // What a restart is: the secret is gone with the process's memory.
        Test::MemoryTokenStore keychain;
        keychain.noBackend = true;
        {
            SecretStore first(&keychain);
            QVERIFY(first.keepForSession("work", "dapi-fake-4"));
        }
        SecretStore second(&keychain);
        QVERIFY(!second.isKeptForSession("work"));
        QCOMPARE(wait([&](auto cb) { second.readToken("work", this, cb); })->status,
                 TokenStore::Status::NoBackend);
    }
    void aDeadContextGetsNoAnswer()
    {
        Test::MemoryTokenStore keychain;
        SecretStore store(&keychain);
        QVERIFY(store.keepForSession("work", "dapi-fake-5"));
        auto *context = new QObject;
        bool called = false;
        store.readToken("work", context, [&called](const TokenStore::Outcome &) { called = true; });
        delete context;
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
