// SPDX-License-Identifier: Apache-2.0
// brickrun: the desktop program.

#include "AppController.h"
#include "AppTranslations.h"
#include "KeychainTokenStore.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "config/AppIdentity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>

#include <memory>

namespace {

struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("main", "Open on the demo workspace.")};
    QCommandLineOption verbose{
        QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log every request to the workspace on stderr.")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Run Azure Databricks notebooks from the desktop."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(demo);
        parser.addOption(verbose);
    }
};

// Whether the command line only asks for text (--help, --version): then it is answered without
// a window, so without a display (a QApplication would abort there first). A line that does not
// parse here may hold Qt's own options (-platform, -style…), which QApplication takes out first.
bool answeredWithoutWindow(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine line;
    return line.parser.parse(arguments) && (line.parser.isSet(QStringLiteral("help")) ||
                                            line.parser.isSet(QStringLiteral("help-all")) ||
                                            line.parser.isSet(QStringLiteral("version")));
}

} // namespace

int main(int argc, char *argv[])
{
    if (answeredWithoutWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        Brickrun::AppIdentity::apply();
        Brickrun::AppTranslations::install(&app);
        CommandLine line;
        line.parser.process(app); // prints the help or the version, and exits
        return 0;
    }

    QApplication app(argc, argv);
    Brickrun::AppIdentity::apply();
    QApplication::setApplicationDisplayName(QStringLiteral("Brickrun"));
    QApplication::setDesktopFileName(QStringLiteral(BRICKRUN_APP_ID));
    Brickrun::AppTranslations::install(&app); // follows the system language
    CommandLine line;
    line.parser.process(app);
    // Quiet unless asked: warnings only, unless --verbose or QT_LOGGING_RULES (which goes
    // before these rules) asks for more.
    if (!line.parser.isSet(line.verbose))
        QLoggingCategory::setFilterRules(
            QStringLiteral("brickrun.*.debug=false\nbrickrun.*.info=false"));

    // Secrets in the keychain; one the user keeps "for this session only" in memory.
    Brickrun::KeychainTokenStore keychain;
    Brickrun::SecretStore tokens(&keychain);
    Brickrun::AppController::Options options;
    options.startDemo = line.parser.isSet(line.demo);
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
