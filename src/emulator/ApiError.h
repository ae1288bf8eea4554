// SPDX-License-Identifier: Apache-2.0
#pragma once

// A Databricks-shaped error answer: HTTP status, error_code and message.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QString>

namespace Brickrun::Emulator {

struct ApiError
{
    int status = 0; // 0 = no error
    QString errorCode;
    QString message;

    bool isError() const { return status != 0; }

    static ApiError invalidParameter(const QString &message)
    {
        return {400, QStringLiteral("INVALID_PARAMETER_VALUE"), message};
    }
    static ApiError malformedRequest(const QString &message)
    {
        return {400, QStringLiteral("MALFORMED_REQUEST"), message};
    }
    static ApiError notFound(const QString &message)
    {
        return {404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), message};
    }
};

// A request body that must be a JSON object, with the service's answers when it is not.
inline ApiError readRequestObject(const QByteArray &body, QJsonObject *object)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::malformedRequest(
            QStringLiteral("Could not parse request object: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!doc.isObject())
        return ApiError::malformedRequest(
            QStringLiteral("Invalid JSON given in the body of the request - expected a map"));
    *object = doc.object();
    return {};
}

} // namespace Brickrun::Emulator
