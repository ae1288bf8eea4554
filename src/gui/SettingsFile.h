// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QSettings>

#include <memory>

namespace Brickrun {

// The settings the GUI keeps (recent clusters, the window's place…): in `file` when one is
// given (tests), else the user's settings for this application, always as INI.
inline std::unique_ptr<QSettings> settingsFor(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                        QCoreApplication::organizationName(),
                                                        QCoreApplication::applicationName())
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace Brickrun
