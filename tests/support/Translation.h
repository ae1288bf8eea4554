// SPDX-License-Identifier: Apache-2.0
#pragma once

// Installs Qt's and Brickrun's translations for a language the way main.cpp does for the system
// language: QLocale() (made `language` here), "brickrun" + "_" from ":/i18n". For the
// translation tests and tools/screenshots; gone with the object.

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QString>
#include <QTranslator>

namespace Brickrun::Test {

class Translation
{
public:
    explicit Translation(const QString &language)
    {
        QLocale::setDefault(QLocale(language));
        if (m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            m_qtInstalled = QApplication::installTranslator(&m_qt);
        if (m_app.load(QLocale(), QStringLiteral("brickrun"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")))
            m_appInstalled = QApplication::installTranslator(&m_app);
    }
    ~Translation()
    {
        QApplication::removeTranslator(&m_app);
        QApplication::removeTranslator(&m_qt);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    Translation(const Translation &) = delete;
    Translation &operator=(const Translation &) = delete;

    bool loaded() const { return m_appInstalled; }
    bool qtLoaded() const { return m_qtInstalled; }
    const QTranslator &translator() const { return m_app; }

private:
    QTranslator m_qt;
    QTranslator m_app;
    bool m_qtInstalled = false;
    bool m_appInstalled = false;
};

} // namespace Brickrun::Test
