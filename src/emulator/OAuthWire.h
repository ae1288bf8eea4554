// SPDX-License-Identifier: Apache-2.0
#pragma once

// The wire side of the emulator's OAuth routes (OAuthServer): random secrets, form encoding,
// RFC 6749 and Entra ID error shapes, HTML pages and redirects, the registered loopback
// redirect URIs and scopes. Plain functions over ApiRequest/ApiAnswer, no state.

#include "ApiRouter.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>

namespace Brickrun::Emulator::OAuthWire {

const QStringList &knownScopes(); // all-apis, offline_access, openid, email, profile

// Secrets: QRandomGenerator::system().
QByteArray randomBytes(int count);
QString base64Url(const QByteArray &bytes); // BASE64URL without padding
QString randomHex(int bytes);
// A JWT-looking token (header.payload.signature) whose signature is random.
QString jwtLike(const QJsonObject &claims);
// Compares without stopping at the first different byte; an empty expected secret never matches.
bool sameSecret(const QString &given, const QString &expected);

QString formDecode(QByteArray text); // '+' is a space
QByteArray formEncode(const QString &text);
// application/x-www-form-urlencoded; *repeated: a parameter given more than once (RFC 6749 3.1).
QMap<QString, QString> parseForm(const QByteArray &body, QString *repeated);
bool isForm(const ApiRequest &request);
// "Authorization: Basic base64(id:secret)", id and secret form-encoded (RFC 6749 2.3.1).
// False when the header is not Basic.
bool basicCredentials(const QString &authorization, QString *id, QString *secret);

void addHeader(ApiAnswer &answer, const QByteArray &name, const QByteArray &value);
void noStore(ApiAnswer &answer); // Cache-Control: no-store, Pragma: no-cache
// RFC 6749 5.2: {"error", "error_description"}.
ApiAnswer oauthError(int status, const QString &error, const QString &description);
ApiAnswer invalidClient(bool basic); // 401 invalid_client "Client authentication failed"
// Entra ID's shape: error, "AADSTS<code>: <text> Trace ID: …", error_codes, trace ids.
ApiAnswer entraError(int status, const QString &error, int code, const QString &text);

ApiAnswer page(int status, const QString &title, const QString &bodyHtml);
ApiAnswer errorPage(int status, const QString &text);
// 302 to a registered redirect URI (which has no query of its own) with parameters.
ApiAnswer redirect(const QString &redirectUri, const QList<std::pair<QString, QString>> &params);

// http://localhost:P, http://127.0.0.1:P, with or without "/", P in 8020..8040.
bool isRegisteredRedirect(const QString &uri);
// Every scope known and at least one: the error description, or empty.
QString scopeProblem(const QString &scope);
QString normalizedScope(const QString &scope); // duplicates removed

} // namespace Brickrun::Emulator::OAuthWire
