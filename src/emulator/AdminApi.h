// SPDX-License-Identifier: Apache-2.0
#pragma once

// The emulator's admin routes under /__admin/ (fault plan, counters, request log, token), for
// tests and demos driving a running brickrun-emulator. Only for peers on loopback, and only
// with "Authorization: Bearer <admin token>". Works through Emulator's public API.

#include "ApiRouter.h"

namespace Brickrun::Emulator {

class Emulator;

namespace AdminApi {

bool isAdminPath(const QString &path);
bool isLoopback(const QString &remoteAddress);
ApiAnswer handle(Emulator &emulator, const ApiRequest &request, bool fromLoopback);

} // namespace AdminApi

} // namespace Brickrun::Emulator
