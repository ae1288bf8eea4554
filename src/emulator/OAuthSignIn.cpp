// SPDX-License-Identifier: Apache-2.0
// The browser sign-in's part of OAuthServer (U2M with PKCE): the discovery document, the
// authorize page with its consent form, and the one-time codes it hands to the application.
// The token endpoint that takes the codes is in OAuthServer.cpp.
#include "OAuthServer.h"
#include "OAuthWire.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <utility>

namespace Brickrun::Emulator {

using namespace OAuthWire;

namespace {

const QString kClientId = QString::fromLatin1(OAuthServer::ClientId);

} // namespace

ApiAnswer OAuthServer::discovery() const
{
    QString base;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        base = m_baseUrl;
    }
    return ApiRouter::json(QJsonObject{
        {QStringLiteral("issuer"), QString(base + QStringLiteral("/oidc"))},
        {QStringLiteral("authorization_endpoint"),
         QString(base + QStringLiteral("/oidc/v1/authorize"))},
        {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/oidc/v1/token"))},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                    QStringLiteral("client_credentials")}},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("scopes_supported"), QJsonArray::fromStringList(knownScopes())},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         QJsonArray{QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post"),
                    QStringLiteral("none")}}});
}

ApiAnswer OAuthServer::authorize(const ApiRequest &request)
{
    const QMap<QString, QString> &query = request.query;
    const QString clientId = query.value(QStringLiteral("client_id"));
    if (clientId != kClientId)
        return errorPage(400, clientId.isEmpty()
                                  ? QStringLiteral("The request has no client_id.")
                                  : QStringLiteral("Invalid client_id '%1': no OAuth application "
                                                   "with this id is registered in this "
                                                   "workspace.")
                                        .arg(clientId));
    const QString redirectUri = query.value(QStringLiteral("redirect_uri"));
    if (!isRegisteredRedirect(redirectUri))
        return errorPage(400, QStringLiteral("redirect_uri \"%1\" is not registered for OAuth "
                                             "application '%2'")
                                  .arg(redirectUri, kClientId));

    const bool hasState = query.contains(QStringLiteral("state"));
    const QString state = query.value(QStringLiteral("state"));
    auto refuse = [&](const QString &error, const QString &description) {
        QList<std::pair<QString, QString>> params{
            {QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}};
        if (hasState)
            params.append({QStringLiteral("state"), state});
        return redirect(redirectUri, params);
    };
    const QString responseType = query.value(QStringLiteral("response_type"));
    if (responseType.isEmpty())
        return refuse(QStringLiteral("invalid_request"),
                      QStringLiteral("Missing parameter: response_type"));
    if (responseType != QLatin1String("code"))
        return refuse(QStringLiteral("unsupported_response_type"),
                      QStringLiteral("response_type must be 'code'"));
    const QString challenge = query.value(QStringLiteral("code_challenge"));
    if (challenge.isEmpty())
        return refuse(QStringLiteral("invalid_request"),
                      QStringLiteral("PKCE is required: missing parameter code_challenge"));
    if (query.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return refuse(QStringLiteral("invalid_request"),
                      QStringLiteral("code_challenge_method must be S256"));
    static const QRegularExpression s256(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!s256.match(challenge).hasMatch())
        return refuse(QStringLiteral("invalid_request"),
                      QStringLiteral("code_challenge is not a BASE64URL-encoded SHA-256 hash"));
    const QString scope = query.value(QStringLiteral("scope"));
    const QString scopeError = scopeProblem(scope);
    if (!scopeError.isEmpty())
        return refuse(QStringLiteral("invalid_scope"), scopeError);

    const qint64 now = m_clock();
    const Pending pending{
        redirectUri, hasState, state, normalizedScope(scope), challenge, now + PendingLifetimeMs};
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(now);
    if (m_settings.autoApproveConsent) {
        QList<std::pair<QString, QString>> params{{QStringLiteral("code"), newCode(pending, now)}};
        if (hasState)
            params.append({QStringLiteral("state"), state});
        return redirect(redirectUri, params);
    }
    const QString requestId = randomHex(16);
    m_pending.insert(requestId, pending);
    // Hidden state per request; a regular page (one attribute order) that tests can read.
    return page(200, QStringLiteral("Brickrun demo workspace: sign in"),
                QStringLiteral(
                    "<p>Brickrun demo workspace: allow '%1' to access %2 ?</p>\n"
                    "<form method=\"post\" action=\"/oidc/v1/authorize/consent\">\n"
                    "<input type=\"hidden\" name=\"request_id\" value=\"%3\">\n"
                    "<button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>\n"
                    "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n"
                    "</form>")
                    .arg(kClientId, m_settings.userName.toHtmlEscaped(), requestId));
}

ApiAnswer OAuthServer::consent(const ApiRequest &request)
{
    QString repeated;
    const QMap<QString, QString> form = parseForm(request.body, &repeated);
    const QString decision = form.value(QStringLiteral("decision"));
    if (decision != QLatin1String("approve") && decision != QLatin1String("deny"))
        return errorPage(400, QStringLiteral("The consent form needs decision=approve or "
                                             "decision=deny."));
    const qint64 now = m_clock();
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(now);
    const QString requestId = form.value(QStringLiteral("request_id"));
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd() || now >= it->expiresAtMs)
        return errorPage(400, QStringLiteral("This sign-in request is unknown or has expired. "
                                             "Start the sign-in again from the application."));
    const Pending pending = m_pending.take(requestId); // used once: the entry goes now
    QList<std::pair<QString, QString>> params;
    if (decision == QLatin1String("approve")) {
        params.append({QStringLiteral("code"), newCode(pending, now)});
    } else {
        params.append({QStringLiteral("error"), QStringLiteral("access_denied")});
        params.append(
            {QStringLiteral("error_description"), QStringLiteral("The user denied the request")});
    }
    if (pending.hasState)
        params.append({QStringLiteral("state"), pending.state});
    return redirect(pending.redirectUri, params);
}

QString OAuthServer::newCode(const Pending &pending, qint64 now)
{
    const QString code = base64Url(randomBytes(32));
    m_codes.insert(code, Code{pending.redirectUri, pending.scope, pending.codeChallenge,
                              now + CodeLifetimeMs, false});
    return code;
}

} // namespace Brickrun::Emulator
