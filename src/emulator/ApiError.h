// SPDX-License-Identifier: Apache-2.0
#pragma once

// A Databricks-shaped error answer: HTTP status, error_code and message.

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

} // namespace Brickrun::Emulator
