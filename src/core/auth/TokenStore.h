// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

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
        Status status = Status::Failed;
        QString token;   // for a successful read
        QString message; // a sentence for people when status != Ok
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
};

} // namespace Brickrun
