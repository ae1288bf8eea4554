// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reading members of a request body the way the service words its refusals: the type names of
// "Expected an integer for field 'x', got a string" and integer ranges.

#include "ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Brickrun::Emulator::RequestFields {

constexpr qint64 kMaxInt32 = 2147483647;

// "a string", "an object", ... as the service names a JSON value's type.
QString typeName(const QJsonValue &value);

// MALFORMED_REQUEST "Could not parse request object: Expected <expected> for field '<field>',
// got <type>".
ApiError wrongType(const QString &field, const QString &expected, const QJsonValue &value);

// An optional integer member in [min, max]; *out keeps its value when the member is absent.
// prefix: where the object is ("tasks[0]."), for the messages.
ApiError readInteger(const QJsonObject &json, const QString &key, const QString &prefix, qint64 min,
                     qint64 max, qint64 *out);

// An optional string member; *out keeps its value when it is absent.
ApiError readString(const QJsonObject &json, const QString &key, const QString &prefix,
                    QString *out);

} // namespace Brickrun::Emulator::RequestFields
