// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceErrorText.h"

#include "api/ApiError.h"

namespace Brickrun {

QString WorkspaceErrorText::describe(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return QString();
    case ApiError::Kind::Network:
        return tr("The workspace cannot be reached (%1).")
            .arg(ApiError::inParentheses(error.message));
    case ApiError::Kind::Timeout:
        return tr("The workspace did not answer in time.");
    case ApiError::Kind::Tls:
        return tr("The workspace's certificate was not accepted (%1).")
            .arg(ApiError::inParentheses(error.message));
    case ApiError::Kind::BadResponse:
        return tr("The workspace sent an answer that cannot be read.");
    case ApiError::Kind::InvalidInput:
        return error.message;
    case ApiError::Kind::Http:
        break;
    }
    if (error.httpStatus == 401)
        return tr("The workspace did not accept the token: store a new one (Workspace → Edit).");
    if (error.httpStatus == 403)
        return tr("You do not have permission to see this (403 %1).")
            .arg(error.errorCode.isEmpty() ? QStringLiteral("PERMISSION_DENIED") : error.errorCode);
    if (error.httpStatus == 404)
        return tr("It does not exist in the workspace.");
    if (error.httpStatus == 429)
        return tr("The workspace is busy (too many requests); try again in a moment.");
    return tr("The workspace answered with an error: %1").arg(error.toString());
}

} // namespace Brickrun
