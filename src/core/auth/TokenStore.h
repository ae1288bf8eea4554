// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <utility>

namespace Brickrun {

// Where a workspace profile's token lives. The core only knows this interface; the real one
// (KeychainTokenStore in brickrun_platform) keeps tokens in the operating system's keychain and
// nowhere else. Every operation is asynchronous: a keychain may ask the user first.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,     // no token stored for this profile: not signed in
        NoBackend,    // no keychain service is running (e.g. no Secret Service on Linux)
        AccessDenied, // the user or the system refused access
        Failed        // anything else; see message
    };
    struct Outcome
    {
        Outcome() = default;
        Outcome(Status s, QString t = {}, QString m = {}, QString d = {})
            : status(s)
            , token(std::move(t))
            , message(std::move(m))
            , detail(std::move(d))
        {}
        Status status = Status::Failed;
        QString token;   // for a successful read
        QString message; // a sentence for people when status != Ok
        QString detail;  // the keychain's own words (e.g. a D-Bus error), for a "Details" view
        bool isOk() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Outcome &)>;

    using QObject::QObject;

    // The callback runs once on this object's thread, unless `context` dies first.
    virtual void readToken(const QString &profile, QObject *context, Callback callback) = 0;
    virtual void writeToken(const QString &profile, const QString &token, QObject *context,
                            Callback callback) = 0;
    // Removing a token that is not there succeeds.
    virtual void removeToken(const QString &profile, QObject *context, Callback callback) = 0;

    // "Use for this session only": keeps `token` in this process's memory, never in a file,
    // gone at exit; readToken() answers it until then. For when there is no keychain
    // (NoBackend): the profile is saved without its secret and asks again next time. A store
    // that cannot (this default) answers false. SecretStore (brickrun_platform) can.
    virtual bool keepForSession(const QString &profile, const QString &token)
    {
        Q_UNUSED(profile);
        Q_UNUSED(token);
        return false;
    }
    // Whether the profile's token is one kept for this session only.
    virtual bool isKeptForSession(const QString &profile) const
    {
        Q_UNUSED(profile);
        return false;
    }
};

} // namespace Brickrun
