// SPDX-License-Identifier: Apache-2.0
#pragma once

class QCoreApplication;

namespace Brickrun::AppTranslations {

// Installs what the program's texts are shown in: Qt's own and Brickrun's translation for the
// system language, over Brickrun's English plural forms (":/i18n/brickrun_en.qm": "1 run is
// still active.", "2 runs are…"), which the source texts cannot say. The translators belong to
// `app`.
void install(QCoreApplication *app);

} // namespace Brickrun::AppTranslations
