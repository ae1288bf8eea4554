#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Brickrun {

// What a user asks to run: one notebook task on an existing cluster.
struct RunSpec
{
    QString runName;
    QString taskKey = QStringLiteral("main");
    QString notebookPath;
    QString clusterId;
    QList<QPair<QString, QString>> parameters; // notebook base_parameters, in the user's order
    bool queueEnabled = true;
    int timeoutSeconds = 0; // server-side timeout; 0 = none

    // Every problem with the spec, each naming the field, e.g. "notebook path: must be absolute
    // (start with /)". Empty when the spec can be submitted.
    QStringList validate() const;

    // The runs/submit body. The idempotency token makes a retried submit return the same run.
    QJsonObject toSubmitBody(const QString &idempotencyToken) const;

    // A run name when the user gave none: "<notebook name> (Brickrun)".
    static QString defaultRunName(const QString &notebookPath);
};

} // namespace Brickrun
