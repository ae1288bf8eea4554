// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Brickrun {

// How a profile signs in, as `auth_type` in ~/.databrickscfg and the official tools say it.
namespace AuthType {
inline const QString Pat = QStringLiteral("pat");
inline const QString OAuthU2M = QStringLiteral("databricks-cli");
inline const QString OAuthM2M = QStringLiteral("oauth-m2m");
inline const QString AzureCli = QStringLiteral("azure-cli");
inline const QString AzureClientSecret = QStringLiteral("azure-client-secret");

// Every method Brickrun knows, in the order a new profile offers them (browser first).
QStringList all();
bool isKnown(const QString &authType);
// "oauth" → databricks-cli, "m2m" → oauth-m2m… (the CLI's short words); empty when unknown.
QString fromUserWord(const QString &word);
// "Browser (OAuth)", "Azure CLI"… for messages.
QString displayName(const QString &authType);
// Which long-lived secret the method keeps in the keychain: "token" (PAT), "refresh-token"
// (browser sign-in), "client-secret" (service principals), or empty (Azure CLI keeps its own).
QString secretKind(const QString &authType);
} // namespace AuthType

// An access token and when it stops working (invalid = not known, e.g. a PAT).
struct AccessToken
{
    QString value;
    QDateTime expiresAt; // UTC
    bool isEmpty() const { return value.isEmpty(); }
};

// Gives the bearer token for a workspace's requests, whatever the sign-in method: a stored
// personal access token, OAuth tokens refreshed before they expire, the Azure CLI's tokens…
// The long-lived secret a method needs (refresh token, client secret) is given by the caller,
// who reads it from the keychain; access tokens live only in memory, here.
class Credentials : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        AccessToken token;
        ApiError error;
        // The secret was refused (refresh token revoked or expired, client secret wrong…):
        // only a new sign-in helps. The error's message says so in words.
        bool signInRequired = false;
        bool isOk() const { return !error.isError(); }
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit Credentials(QObject *parent = nullptr);

    virtual QString authType() const = 0;

    // A token to send now: the one in memory while it has more than the refresh margin left,
    // else a new one. Callers asking while one is being fetched share that fetch. The callback
    // runs once, later (never inside this call), unless `context` dies first.
    void accessToken(QObject *context, Callback callback);
    // The service refused `value` (HTTP 401): the next accessToken() fetches a new one. A
    // method that cannot get a new token (a PAT) answers the same one again.
    void invalidate(const QString &value);
    // Forgets the token in memory (after a new sign-in stored a new secret).
    virtual void reset();

    AccessToken current() const { return m_token; }
    // Seeds the token in memory (the one a sign-in has just received).
    void setCurrent(const AccessToken &token);
    // Whether invalidate() may lead to a different token (false for a static token).
    virtual bool canRenew() const { return true; }

    // A token is renewed once it has less than this left: 10 % of its life, at most 5 minutes.
    static qint64 refreshMarginMs(qint64 lifetimeMs);

Q_SIGNALS:
    // A fetch failed because the stored secret was refused; polling should pause until the
    // user signs in again.
    void signInRequired(const QString &message);
    // A method whose secret rotates (OAuth refresh tokens) received a new one: store it.
    void secretChanged(const QString &secret);

protected:
    // Gets a new token; calls `done` once, asynchronously.
    virtual void fetch(std::function<void(const Outcome &)> done) = 0;

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
    };
    bool isFresh() const;
    void deliver(const Outcome &outcome);

    AccessToken m_token;
    qint64 m_lifetimeMs = 0;
    bool m_fetching = false;
    int m_generation = 0; // reset() while a fetch is in flight makes its answer stale
    QList<Waiter> m_waiters;
};

// A personal access token (or a token given on the command line or in the environment).
class StaticTokenCredentials : public Credentials
{
    Q_OBJECT
public:
    StaticTokenCredentials(const QString &token, QObject *parent = nullptr,
                           const QString &authType = AuthType::Pat);
    QString authType() const override { return m_authType; }

protected:
    void fetch(std::function<void(const Outcome &)> done) override;

public:
    bool canRenew() const override { return false; }

private:
    QString m_secret;
    QString m_authType;
};

} // namespace Brickrun
