// SPDX-License-Identifier: Apache-2.0
#include "auth/Credentials.h"

#include <QTimer>

#include <algorithm>

namespace Brickrun {

namespace AuthType {

QStringList all()
{
    return {OAuthU2M, AzureCli, OAuthM2M, AzureClientSecret, Pat};
}

bool isKnown(const QString &authType)
{
    return all().contains(authType);
}

QString fromUserWord(const QString &word)
{
    const QString w = word.trimmed().toLower();
    if (w == QLatin1String("oauth") || w == QLatin1String("browser") || w == OAuthU2M ||
        w == QLatin1String("u2m"))
        return OAuthU2M;
    if (w == QLatin1String("m2m") || w == OAuthM2M)
        return OAuthM2M;
    if (w == AzureCli || w == QLatin1String("az"))
        return AzureCli;
    if (w == AzureClientSecret)
        return AzureClientSecret;
    if (w == Pat || w == QLatin1String("token"))
        return Pat;
    return {};
}

QString displayName(const QString &authType)
{
    if (authType == OAuthU2M)
        return QStringLiteral("Browser (OAuth)");
    if (authType == AzureCli)
        return QStringLiteral("Azure CLI");
    if (authType == OAuthM2M)
        return QStringLiteral("Service principal (OAuth client secret)");
    if (authType == AzureClientSecret)
        return QStringLiteral("Azure service principal (Entra ID client secret)");
    if (authType == Pat)
        return QStringLiteral("Personal access token");
    return authType;
}

QString secretKind(const QString &authType)
{
    if (authType == Pat)
        return QStringLiteral("token");
    if (authType == OAuthU2M)
        return QStringLiteral("refresh-token");
    if (authType == OAuthM2M || authType == AzureClientSecret)
        return QStringLiteral("client-secret");
    return {};
}

} // namespace AuthType

Credentials::Credentials(QObject *parent)
    : QObject(parent)
{}

qint64 Credentials::refreshMarginMs(qint64 lifetimeMs)
{
    return std::clamp<qint64>(lifetimeMs / 10, 0, 5 * 60 * 1000);
}

bool Credentials::isFresh() const
{
    if (m_token.isEmpty())
        return false;
    if (!m_token.expiresAt.isValid())
        return true;
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_token.expiresAt);
    return left > refreshMarginMs(m_lifetimeMs);
}

void Credentials::setCurrent(const AccessToken &token)
{
    m_token = token;
    m_lifetimeMs =
        token.expiresAt.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(token.expiresAt) : 0;
}

void Credentials::reset()
{
    m_token = {};
    m_lifetimeMs = 0;
    ++m_generation;
    m_fetching = false;
}

void Credentials::invalidate(const QString &value)
{
    if (canRenew() && !value.isEmpty() && value == m_token.value)
        m_token = {};
}

void Credentials::accessToken(QObject *context, Callback callback)
{
    m_waiters.append({QPointer<QObject>(context), context != nullptr, std::move(callback)});
    if (isFresh()) {
        // Answer later, as a fetch would: callers never see their callback run inside the call.
        QTimer::singleShot(0, this, [this] {
            if (isFresh())
                deliver(Outcome{m_token, {}, false});
            else if (!m_fetching && !m_waiters.isEmpty())
                accessToken(nullptr, [](const Outcome &) {});
        });
        return;
    }
    if (m_fetching)
        return;
    m_fetching = true;
    const int generation = m_generation;
    fetch([this, guard = QPointer<Credentials>(this), generation](const Outcome &outcome) {
        if (!guard || generation != m_generation)
            return;
        m_fetching = false;
        if (outcome.isOk())
            setCurrent(outcome.token);
        else if (outcome.signInRequired)
            Q_EMIT signInRequired(outcome.error.message);
        deliver(outcome);
    });
}

void Credentials::deliver(const Outcome &outcome)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (w.hasContext && !w.context)
            continue;
        if (w.callback)
            w.callback(outcome);
    }
}

StaticTokenCredentials::StaticTokenCredentials(const QString &token, QObject *parent,
                                               const QString &authType)
    : Credentials(parent)
    , m_secret(token)
    , m_authType(authType)
{}

void StaticTokenCredentials::fetch(std::function<void(const Outcome &)> done)
{
    QTimer::singleShot(0, this, [this, done] {
        Outcome o;
        o.token.value = m_secret;
        if (m_secret.isEmpty()) {
            o.error = ApiError::invalidInput(QStringLiteral("no token is known for this profile"));
            o.signInRequired = true;
        }
        done(o);
    });
}

} // namespace Brickrun
