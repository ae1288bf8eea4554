// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the demo workspace's notebooks do, read from its definition (resources/demo-workspace.json)
// rather than from the emulator or the client: a resilience test compares what the client ended
// up with against this, so a fault that silently changed an answer cannot pass.

#include "model/RunInfo.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Brickrun::Resilience {

struct NotebookExpectation
{
    QString lifeCycleState; // TERMINATED, INTERNAL_ERROR or SKIPPED
    QString resultState;    // SUCCESS, FAILED or empty (SKIPPED has none)
    bool hasResult = false; // the notebook calls exit()
    bool echoesParameters = false;
    QJsonValue result; // a string, or the array/object the notebook exits with
    QString error;     // FAILED / INTERNAL_ERROR: the error line
};

class DemoNotebooks
{
public:
    // Reads the workspace definition; empty (isValid() false) when it cannot.
    explicit DemoNotebooks(const QString &workspaceFile)
    {
        QFile file(workspaceFile);
        if (!file.open(QIODevice::ReadOnly))
            return;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray objects = root.value(QLatin1String("objects")).toArray();
        for (const QJsonValue &v : objects) {
            const QJsonObject o = v.toObject();
            if (!o.contains(QLatin1String("run")))
                continue;
            const QJsonObject run = o.value(QLatin1String("run")).toObject();
            NotebookExpectation e;
            const QString outcome =
                run.value(QLatin1String("outcome")).toString(QStringLiteral("SUCCESS"));
            if (outcome == QLatin1String("SKIPPED")) {
                e.lifeCycleState = QStringLiteral("SKIPPED");
            } else if (outcome == QLatin1String("INTERNAL_ERROR")) {
                e.lifeCycleState = QStringLiteral("INTERNAL_ERROR");
                e.resultState = QStringLiteral("FAILED");
            } else {
                e.lifeCycleState = QStringLiteral("TERMINATED");
                e.resultState = outcome;
            }
            e.echoesParameters = run.value(QLatin1String("echo_parameters")).toBool();
            e.hasResult = e.resultState == QLatin1String("SUCCESS") &&
                          (run.contains(QLatin1String("result")) || e.echoesParameters ||
                           run.contains(QLatin1String("result_generated_bytes")));
            e.result = run.value(QLatin1String("result"));
            e.error = run.value(QLatin1String("error")).toString();
            m_notebooks.insert(o.value(QLatin1String("path")).toString(), e);
        }
    }

    bool isValid() const { return !m_notebooks.isEmpty(); }
    bool contains(const QString &path) const { return m_notebooks.contains(path); }
    NotebookExpectation expectation(const QString &path) const { return m_notebooks.value(path); }

    // Empty when `state` and `output` are what the notebook does (with these parameters),
    // otherwise a sentence naming the first difference.
    QString compare(const QString &path, const QList<QPair<QString, QString>> &parameters,
                    const RunState &state, const RunOutput &output) const
    {
        if (!m_notebooks.contains(path))
            return QStringLiteral("unknown notebook %1").arg(path);
        const NotebookExpectation e = m_notebooks.value(path);
        if (state.lifeCycleState != e.lifeCycleState || state.resultState != e.resultState)
            return QStringLiteral("%1 ended %2, expected %3 %4")
                .arg(path, state.summary(), e.lifeCycleState, e.resultState);
        if (output.hasNotebookResult != e.hasResult)
            return QStringLiteral("%1: hasNotebookResult %2, expected %3")
                .arg(path)
                .arg(output.hasNotebookResult)
                .arg(e.hasResult);
        if (e.hasResult) {
            QString why;
            if (!sameResult(e, parameters, output.notebookResult, &why))
                return QStringLiteral("%1: %2").arg(path, why);
        }
        if (output.error != e.error)
            return QStringLiteral("%1: error \"%2\", expected \"%3\"")
                .arg(path, output.error.left(200), e.error.left(200));
        return QString();
    }

private:
    static bool sameResult(const NotebookExpectation &e,
                           const QList<QPair<QString, QString>> &parameters, const QString &actual,
                           QString *why)
    {
        QJsonValue expected = e.result;
        if (e.echoesParameters) {
            QJsonObject echo;
            for (const auto &p : parameters)
                echo.insert(p.first, p.second);
            expected = echo;
        }
        if (expected.isString()) {
            if (actual == expected.toString())
                return true;
        } else {
            // Arrays and objects are sent as compact JSON text: compare them as JSON.
            const QJsonDocument doc = QJsonDocument::fromJson(actual.toUtf8());
            if ((expected.isArray() && doc.isArray() && doc.array() == expected.toArray()) ||
                (expected.isObject() && doc.isObject() && doc.object() == expected.toObject()))
                return true;
        }
        *why = QStringLiteral("result \"%1\" differs from the notebook's").arg(actual.left(200));
        return false;
    }

    QHash<QString, NotebookExpectation> m_notebooks;
};

} // namespace Brickrun::Resilience
