// SPDX-License-Identifier: Apache-2.0
// brickrun: the desktop program.

#include "AppController.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "config/AppIdentity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Brickrun::AppIdentity::apply();
    QApplication::setApplicationDisplayName(QStringLiteral("Brickrun"));
    QApplication::setDesktopFileName(QStringLiteral(BRICKRUN_APP_ID));

    // Follow the system language: Qt's own strings and ours.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("brickrun"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Run Azure Databricks notebooks from the desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open on the demo workspace."));
    parser.addOption(demo);
    parser.process(app);

    // Secrets in the keychain; one the user keeps "for this session only" in memory.
    Brickrun::KeychainTokenStore keychain;
    Brickrun::SecretStore tokens(&keychain);
    Brickrun::AppController::Options options;
    options.startDemo = parser.isSet(demo);
    Brickrun::AppController controller(&tokens, options);
    QObject::connect(
        &controller, &Brickrun::AppController::startFailed, &app,
        [&controller](const QString &error) {
            QMessageBox::critical(
                controller.window(), QStringLiteral("Brickrun"),
                QApplication::translate("main", "Brickrun cannot start: %1").arg(error));
            QCoreApplication::exit(1);
        });
    controller.start(); // the window shows at once; the rest follows its first frame
    return QApplication::exec();
}
