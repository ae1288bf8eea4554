// SPDX-License-Identifier: Apache-2.0
#include "WorkflowImport.h"

#include "share/ArazzoImport.h"
#include "store/PresetStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace Brickrun::WorkflowImport {

bool isWorkflowFile(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return true;
    QFile file(path);
    return info.isFile() && file.open(QIODevice::ReadOnly) &&
           ArazzoImport::looksLikeArazzo(file.read(64 * 1024));
}

std::optional<QString> run(QWidget *parent, PresetStore *store, const QString &path)
{
    const QString title =
        QCoreApplication::translate("Brickrun::WorkflowImport", "Import workflow");
    QHash<QString, QString> inputs;
    ArazzoImport::Result result = ArazzoImport::readFile(path);
    // The inputs without a default: asked once each, then read again with them.
    if (result.problems.isEmpty() && !result.missingInputs.isEmpty()) {
        for (const QString &input : std::as_const(result.missingInputs)) {
            bool ok = false;
            const QString value = QInputDialog::getText(
                parent, title,
                QCoreApplication::translate(
                    "WorkflowImport",
                    "The workflow's input \"%1\" has no default.\nIts value for the preset:")
                    .arg(input),
                QLineEdit::Normal, QString(), &ok);
            if (!ok)
                return std::nullopt;
            inputs.insert(input, value);
        }
        result = ArazzoImport::readFile(path, inputs);
    }
    QString error;
    if (result.ok() && !store->save(result.preset, &error))
        result.problems << error;
    if (!result.ok()) {
        QMessageBox box(
            QMessageBox::Warning, title,
            QCoreApplication::translate("Brickrun::WorkflowImport", "Nothing was imported from %1:")
                .arg(QDir::toNativeSeparators(path)),
            QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("workflowImportErrors"));
        box.setInformativeText((result.problems + result.notMapped).join(QLatin1Char('\n')));
        box.exec();
        return std::nullopt;
    }
    if (!result.notMapped.isEmpty()) {
        QMessageBox box(QMessageBox::Information, title,
                        QCoreApplication::translate(
                            "WorkflowImport",
                            "Imported the preset \"%1\". These parts of the workflow were not "
                            "mapped:")
                            .arg(result.preset.name),
                        QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("workflowImportNotMapped"));
        box.setInformativeText(result.notMapped.join(QLatin1Char('\n')));
        box.exec();
    }
    return result.preset.name;
}

} // namespace Brickrun::WorkflowImport
