// SPDX-License-Identifier: Apache-2.0
#include "share/ArazzoImport.h"

#include "share/SubmitBodyReader.h"
#include "share/YamlReader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Brickrun {

namespace {

constexpr qint64 MaxFileSize = 1024 * 1024;
constexpr int MaxNameLength = 200;

enum class Operation
{
    Submit,
    Poll,
    Output,
    Other,
};

// The operation a step calls: its operationId (bare or $sourceDescriptions.NAME.ID) or the
// path of its operationPath.
Operation operationOf(const QJsonObject &step, QString *name)
{
    QString id = step.value(QStringLiteral("operationId")).toString();
    if (id.startsWith(QLatin1String("$sourceDescriptions.")))
        id = id.section(QLatin1Char('.'), -1);
    const QString path = step.value(QStringLiteral("operationPath"))
                             .toString()
                             .replace(QLatin1String("~1"), QLatin1String("/"));
    *name = id.isEmpty() ? path : id;
    if (id == QLatin1String("submitRun") || path.contains(QLatin1String("/jobs/runs/submit")))
        return Operation::Submit;
    if (id == QLatin1String("getJobRunOutput") ||
        path.contains(QLatin1String("/jobs/runs/get-output")))
        return Operation::Output;
    if (id == QLatin1String("getJobRun") || path.contains(QLatin1String("/jobs/runs/get/")) ||
        path.endsWith(QLatin1String("/jobs/runs/get")))
        return Operation::Poll;
    return Operation::Other;
}

class Inputs
{
public:
    Inputs(const QJsonObject &workflow, const QHash<QString, QString> &given,
           ArazzoImport::Result *result)
        : m_given(given)
        , m_result(result)
    {
        const QJsonObject properties = workflow.value(QStringLiteral("inputs"))
                                           .toObject()
                                           .value(QStringLiteral("properties"))
                                           .toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const QJsonValue d = it.value().toObject().value(QStringLiteral("default"));
            if (!d.isUndefined())
                m_defaults.insert(it.key(), d);
        }
    }

    // The payload with its input expressions resolved.
    QJsonValue resolve(const QJsonValue &v, const QString &at)
    {
        if (v.isObject()) {
            QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                it.value() =
                    resolve(it.value(), at.isEmpty() ? it.key() : at + QLatin1Char('.') + it.key());
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a.replace(i, resolve(a.at(i), QStringLiteral("%1[%2]").arg(at).arg(i)));
            return a;
        }
        if (!v.isString() || !v.toString().contains(QLatin1Char('$')))
            return v;
        static const QRegularExpression whole(QStringLiteral("^\\$inputs\\.([A-Za-z0-9_.-]+)$"));
        static const QRegularExpression embedded(
            QStringLiteral("\\{\\$inputs\\.([A-Za-z0-9_.-]+)\\}"));
        const QString s = v.toString();
        if (const auto m = whole.match(s); m.hasMatch())
            return value(m.captured(1));
        QString out = s;
        for (auto it = embedded.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            const QJsonValue part = value(m.captured(1));
            out.replace(m.captured(0),
                        part.isString() ? part.toString() : part.toVariant().toString());
        }
        if (out.contains(QLatin1String("{$")) || out.startsWith(QLatin1Char('$')))
            m_result->problems << QStringLiteral("submitRun payload %1: \"%2\" is a runtime "
                                                 "expression a preset cannot hold (only "
                                                 "$inputs are read)")
                                      .arg(at, s.left(200));
        return out;
    }

private:
    QJsonValue value(const QString &name)
    {
        // A token in a preset would be written to its file: never asked for, never taken.
        const QString lower = name.toLower();
        for (const char *word : {"token", "secret", "password", "credential"}) {
            if (lower.contains(QLatin1String(word))) {
                const QString problem =
                    QStringLiteral("submitRun payload: uses the input %1, a credential a preset "
                                   "never holds")
                        .arg(name);
                if (!m_result->problems.contains(problem))
                    m_result->problems << problem;
                return QString();
            }
        }
        if (m_given.contains(name))
            return m_given.value(name);
        if (m_defaults.contains(name))
            return m_defaults.value(name);
        if (!m_result->missingInputs.contains(name))
            m_result->missingInputs << name;
        return QString();
    }

    QHash<QString, QString> m_given;
    QHash<QString, QJsonValue> m_defaults;
    ArazzoImport::Result *m_result;
};

QJsonValue parseDocument(const QByteArray &text, QString *error)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (doc.isNull()) {
            *error = QStringLiteral("not JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
            return QJsonValue(QJsonValue::Undefined);
        }
        return doc.object();
    }
    return YamlReader::parse(QString::fromUtf8(text), error);
}

void readSteps(const QJsonArray &steps, Inputs *inputs, ArazzoImport::Result *result)
{
    bool submitted = false;
    for (const QJsonValue &value : steps) {
        const QJsonObject step = value.toObject();
        const QString id = step.value(QStringLiteral("stepId")).toString();
        const QString label =
            QStringLiteral("step %1").arg(id.isEmpty() ? QStringLiteral("(no stepId)") : id);
        if (step.contains(QStringLiteral("workflowId"))) {
            result->notMapped << QStringLiteral("%1: calls the workflow %2, which is not mapped")
                                     .arg(label,
                                          step.value(QStringLiteral("workflowId")).toString());
            continue;
        }
        QString name;
        switch (operationOf(step, &name)) {
        case Operation::Poll:
        case Operation::Output:
            break; // what Brickrun does itself after the submit
        case Operation::Other:
            result->notMapped << QStringLiteral("%1: operation %2 is not a step of a one-time "
                                                "run (submit, poll, output); left out")
                                     .arg(label, name.isEmpty() ? QStringLiteral("(none)") : name);
            break;
        case Operation::Submit: {
            if (submitted) {
                result->notMapped << QStringLiteral("%1: a second submit; only the first run "
                                                    "is imported")
                                         .arg(label);
                break;
            }
            submitted = true;
            const QJsonValue payload = step.value(QStringLiteral("requestBody"))
                                           .toObject()
                                           .value(QStringLiteral("payload"));
            if (!payload.isObject()) {
                result->problems
                    << QStringLiteral("%1: its requestBody has no payload object").arg(label);
                break;
            }
            const auto body =
                SubmitBodyReader::read(inputs->resolve(payload, QString()).toObject());
            for (const QString &left : body.leftOut)
                result->notMapped << QStringLiteral("%1: %2").arg(label, left);
            for (const QString &problem : body.problems)
                result->problems << QStringLiteral("%1: %2").arg(label, problem);
            result->preset.spec = body.spec;
            break;
        }
        }
    }
    if (!submitted)
        result->problems << QStringLiteral("no step submits a run (operationId submitRun, "
                                           "POST …/jobs/runs/submit)");
}

} // namespace

bool ArazzoImport::looksLikeArazzo(const QByteArray &text)
{
    static const QRegularExpression key(QStringLiteral("(^|\\n|\\{)\\s*[\"']?arazzo[\"']?\\s*:"));
    return key.match(QString::fromUtf8(text.left(64 * 1024))).hasMatch();
}

ArazzoImport::Result ArazzoImport::read(const QByteArray &text,
                                        const QHash<QString, QString> &inputs)
{
    Result result;
    QString error;
    const QJsonValue document = parseDocument(text, &error);
    if (!document.isObject()) {
        result.problems << (error.isEmpty() ? QStringLiteral("not an Arazzo document (no "
                                                             "mapping at its top)")
                                            : error);
        return result;
    }
    const QJsonObject root = document.toObject();
    const QJsonValue version = root.value(QStringLiteral("arazzo"));
    const QString versionText =
        version.isString() ? version.toString() : version.toVariant().toString();
    if (!versionText.startsWith(QLatin1String("1."))) {
        result.problems << (version.isUndefined()
                                ? QStringLiteral("not an Arazzo document (no \"arazzo\" version)")
                                : QStringLiteral("arazzo %1: only version 1.x is read")
                                      .arg(versionText.left(20)));
        return result;
    }
    const QJsonArray workflows = root.value(QStringLiteral("workflows")).toArray();
    if (workflows.isEmpty() || !workflows.at(0).isObject()) {
        result.problems << QStringLiteral("workflows: none");
        return result;
    }
    const QJsonObject workflow = workflows.at(0).toObject();
    for (qsizetype i = 1; i < workflows.size(); ++i)
        result.notMapped
            << QStringLiteral("workflow %1: only the first workflow is imported")
                   .arg(workflows.at(i).toObject().value(QStringLiteral("workflowId")).toString());
    Inputs resolver(workflow, inputs, &result);
    readSteps(workflow.value(QStringLiteral("steps")).toArray(), &resolver, &result);

    QString name = root.value(QStringLiteral("info"))
                       .toObject()
                       .value(QStringLiteral("title"))
                       .toString()
                       .simplified();
    if (name.isEmpty())
        name = workflow.value(QStringLiteral("workflowId")).toString().simplified();
    result.preset.name = name.left(MaxNameLength);
    if (result.problems.isEmpty() && result.missingInputs.isEmpty())
        for (const QString &problem : result.preset.spec.validate())
            result.problems << problem;
    return result;
}

ArazzoImport::Result ArazzoImport::readFile(const QString &path,
                                            const QHash<QString, QString> &inputs)
{
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        Result result; // a FIFO would block the open for ever
        result.problems << QStringLiteral("%1 is not a regular file").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.problems << QStringLiteral("cannot be read: %1").arg(file.errorString());
        return result;
    }
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        Result result;
        result.problems << QStringLiteral("larger than 1 MiB; not a workflow Brickrun reads");
        return result;
    }
    return read(data, inputs);
}

} // namespace Brickrun
