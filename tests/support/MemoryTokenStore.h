// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/TokenStore.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Brickrun::Test {

// A TokenStore for GUI tests that must not touch a keychain: answers asynchronously, like the
// real one, and can be told to fail as a missing keychain does.
class MemoryTokenStore : public TokenStore
{
public:
    using TokenStore::TokenStore;
    QHash<QString, QString> tokens;
    bool noBackend = false;
    int reads = 0;         // readToken() calls
    int answerDelayMs = 0; // a keychain that takes its time (e.g. asking to be unlocked)

    void readToken(const QString &profile, QObject *context, Callback callback) override
    {
        ++reads;
        Outcome o;
        if (noBackend)
            o = {Status::NoBackend, {}, QStringLiteral("No keychain service is running.")};
        else if (tokens.contains(profile))
            o = {Status::Ok, tokens.value(profile), {}};
        else
            o = {Status::NotFound, {}, QStringLiteral("not signed in")};
        later(context, callback, o);
    }
    void writeToken(const QString &profile, const QString &token, QObject *context,
                    Callback callback) override
    {
        if (!noBackend)
            tokens.insert(profile, token);
        later(
            context, callback,
            noBackend
                ? Outcome{Status::NoBackend, {}, QStringLiteral("No keychain service is running.")}
                : Outcome{Status::Ok, {}, {}});
    }
    void removeToken(const QString &profile, QObject *context, Callback callback) override
    {
        tokens.remove(profile);
        later(context, callback, Outcome{Status::Ok, {}, {}});
    }

private:
    void later(QObject *context, const Callback &callback, const Outcome &o)
    {
        QTimer::singleShot(
            answerDelayMs, this,
            [guard = QPointer<QObject>(context), had = context != nullptr, callback, o] {
                if (!had || guard)
                    callback(o);
            });
    }
};

} // namespace Brickrun::Test
