#include "DemoWorkspaceLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLibrary>
#include <QLoggingCategory>
#include <QStringList>

Q_LOGGING_CATEGORY(lcDemoModule, "brickrun.demo", QtWarningMsg)

namespace Brickrun {

namespace {

// The module's file name without its suffix: QLibrary adds .so, .dll or .dylib.
const QString ModuleBaseName = QStringLiteral("libbrickrun-demo");

Demo::CreateWorkspace loadModule(const QString &modulePath, QString *error)
{
    // Loaded once and kept for the life of the process: a workspace's thread and code must
    // never outlive its module. (Only the GUI thread loads it.)
    static QHash<QString, Demo::CreateWorkspace> loaded; // by the path asked for
    if (const Demo::CreateWorkspace create = loaded.value(modulePath))
        return create;
    QStringList candidates;
    if (!modulePath.isEmpty()) {
        candidates << modulePath;
    } else {
        const QDir programDir(QCoreApplication::applicationDirPath());
        candidates << programDir.filePath(ModuleBaseName)
                   << QDir::cleanPath(programDir.filePath(
                          QStringLiteral(BRICKRUN_DEMO_MODULE_FROM_PROGRAM "/") + ModuleBaseName));
        candidates.removeDuplicates();
    }
    QStringList reasons;
    for (const QString &candidate : std::as_const(candidates)) {
        auto *library = new QLibrary(candidate); // never unloaded, see above
        const auto symbol =
            reinterpret_cast<Demo::CreateWorkspace>(library->resolve(Demo::CreateWorkspaceSymbol));
        if (symbol) {
            qCDebug(lcDemoModule, "loaded %s", qUtf8Printable(library->fileName()));
            loaded.insert(modulePath, symbol);
            return symbol;
        }
        reasons << library->errorString();
        delete library;
    }
    if (error)
        *error = QCoreApplication::translate("Brickrun::DemoWorkspaceLoader",
                                             "its module cannot be loaded (%1)")
                     .arg(reasons.join(QStringLiteral("; ")));
    return nullptr;
}

} // namespace

std::unique_ptr<Demo::Workspace> createDemoWorkspace(const Demo::Options &options,
                                                     const QString &modulePath, QString *error)
{
    const Demo::CreateWorkspace create = loadModule(modulePath, error);
    if (!create) {
        qCWarning(lcDemoModule, "cannot load the demo workspace module: %s",
                  error ? qUtf8Printable(*error) : "");
        return nullptr;
    }
    return std::unique_ptr<Demo::Workspace>(create(options));
}

} // namespace Brickrun
