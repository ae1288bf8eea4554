// SPDX-License-Identifier: Apache-2.0
#include "RequestFields.h"

#include <cmath>

namespace Brickrun::Emulator::RequestFields {

// A deliberate copy of the client's (src/core/model/JsonFields.cpp): the emulator stands for the
// service and links nothing of the client (src/emulator/CMakeLists.txt), so what the two
// share is written twice on purpose.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

ApiError wrongType(const QString &field, const QString &expected, const QJsonValue &value)
{
    return ApiError::malformedRequest(
        QStringLiteral("Could not parse request object: Expected %1 for field '%2', got %3")
            .arg(expected, field, typeName(value)));
}

ApiError readInteger(const QJsonObject &json, const QString &key, const QString &prefix, qint64 min,
                     qint64 max, qint64 *out)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
        return wrongType(prefix + key, QStringLiteral("an integer"), value);
    if (value.toDouble() < static_cast<double>(min) || value.toDouble() > static_cast<double>(max))
        return ApiError::invalidParameter(
            QStringLiteral("%1 must be between %2 and %3.").arg(prefix + key).arg(min).arg(max));
    *out = static_cast<qint64>(value.toDouble());
    return {};
}

ApiError readString(const QJsonObject &json, const QString &key, const QString &prefix,
                    QString *out)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isString())
        return wrongType(prefix + key, QStringLiteral("a string"), value);
    *out = value.toString();
    return {};
}

} // namespace Brickrun::Emulator::RequestFields
