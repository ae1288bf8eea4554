// SPDX-License-Identifier: Apache-2.0
#include "DemoWorkspaceLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QLoggingCategory>
#include <QStringList>

#include <map>

Q_LOGGING_CATEGORY(lcDemoModule, "brickrun.demo", QtWarningMsg)

namespace Brickrun {

namespace {

// The module's file name without its suffix: QLibrary adds .so, .dll or .dylib.
const QString ModuleBaseName = QStringLiteral("libbrickrun-demo");

Demo::CreateWorkspace loadModule(const QString &modulePath, QString *error)
{
    // Loaded once and kept, never unloaded nor destroyed, for the life of the process: a
    // workspace's thread and code must never outlive its module, and nothing may touch Qt's
    // library store after it is gone at exit. (Only the GUI thread loads it.)
    struct Module
    {
        QLibrary *library = nullptr;
        Demo::CreateWorkspace create = nullptr;
    };
    static auto *loaded = new std::map<QString, Module>; // by the path asked for
    if (const auto it = loaded->find(modulePath); it != loaded->end())
        return it->second.create;
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
        auto library = std::make_unique<QLibrary>(candidate);
        const auto symbol =
            reinterpret_cast<Demo::CreateWorkspace>(library->resolve(Demo::CreateWorkspaceSymbol));
        if (symbol) {
            qCDebug(lcDemoModule, "loaded %s", qUtf8Printable(library->fileName()));
            (*loaded)[modulePath] = Module{library.release(), symbol};
            return symbol;
        }
        reasons << library->errorString();
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
