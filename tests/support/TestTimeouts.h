// SPDX-License-Identifier: Apache-2.0
#pragma once

// How long a test waits for something that should happen (a reply, a signal, a run's end),
// scaled for slow builds and busy machines. A wait is a bound against hangs, never a
// measurement: no test asserts that something was fast (speed is measured in bench/).
//
// BRICKRUN_TEST_TIME_SCALE (a number >= 1, default 1) multiplies every wait; tools/sanitize sets
// it for the sanitizer build, which runs several times slower.
#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <chrono>

namespace Brickrun::Test {

inline double timeScale()
{
    bool ok = false;
    const double scale = qEnvironmentVariable("BRICKRUN_TEST_TIME_SCALE").toDouble(&ok);
    return ok ? std::clamp(scale, 1.0, 100.0) : 1.0;
}

// `ms` times BRICKRUN_TEST_TIME_SCALE.
inline int scaledTimeout(int ms)
{
    return int(std::min(double(ms) * timeScale(), 24.0 * 3600 * 1000));
}

inline std::chrono::milliseconds scaledTimeout(std::chrono::milliseconds ms)
{
    return std::chrono::milliseconds(scaledTimeout(int(ms.count())));
}

} // namespace Brickrun::Test
