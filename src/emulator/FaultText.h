// SPDX-License-Identifier: Apache-2.0
#pragma once

// The fault vocabulary that FaultPlan's text and JSON forms share (Fault.cpp): one set of kinds,
// parameters and error messages, so that the two forms cannot drift apart.
#include "FaultPlan.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

namespace Brickrun::Emulator::FaultText {

using Params = QList<std::pair<QString, QString>>;

constexpr int kMaxCount = 100000; // the most a fault may repeat

// Sets *error (when given) and returns false.
bool failWith(QString *error, const QString &message);
// `text` as a whole number in [min, max].
bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *value);
// A fault from its kind name ("503", "html502", "reset-after", ...) and parameters.
bool makeFault(const QString &kindText, const Params &params, Fault *fault, QString *error);
// A JSON scalar as the text form writes it (1, 2.5, true, "x" -> x).
QString jsonScalarText(const QJsonValue &value);

} // namespace Brickrun::Emulator::FaultText
