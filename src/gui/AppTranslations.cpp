// SPDX-License-Identifier: Apache-2.0
#include "AppTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Brickrun::AppTranslations {

void install(QCoreApplication *app)
{
    // Installed first, so looked at last: the system language's translation goes before it.
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral(":/i18n/brickrun_en.qm")))
        QCoreApplication::installTranslator(plurals);
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(app);
    if (ours->load(QLocale(), QStringLiteral("brickrun"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

} // namespace Brickrun::AppTranslations
