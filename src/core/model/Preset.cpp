// SPDX-License-Identifier: Apache-2.0
#include "model/Preset.h"

#include "model/JsonFields.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <cmath>
#include <utility>

namespace Brickrun {

namespace {

const QString Format = QStringLiteral("brickrun-preset");
constexpr int Version = 3;
constexpr int VersionWithRetries = 2;
constexpr int VersionWithoutRetries = 1;

// Limits well above any real preset and well below what hurts: a hostile or broken file is
// refused with a sentence, never stored.
constexpr int MaxNameLength = 200;
constexpr int MaxProfileLength = 200;
constexpr int MaxNotebookPathLength = 4096;
constexpr int MaxClusterIdLength = 200;
constexpr int MaxTaskKeyLength = 1000; // RunSpec::validate has the real (100) rule
constexpr int MaxParameters = 1000;
constexpr int MaxParameterNameLength = 1000;
constexpr int MaxParameterValueLength = 10000;

bool looksLikeCredential(const QString &field)
{
    const QString f = field.toLower();
    for (const char *word : {"token", "secret", "password", "passwd", "credential", "pat", "apikey",
                             "api_key", "authorization", "bearer"}) {
        if (f.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

// RunSpec::validate names fields for people ("notebook path: …"); a file's reader needs the
// JSON name ("notebookPath: …").
QString jsonFieldOf(const QString &problem, QString *rest)
{
    static const QList<QPair<QLatin1String, QLatin1String>> names{
        {QLatin1String("notebook path"), QLatin1String("notebookPath")},
        {QLatin1String("cluster"), QLatin1String("clusterId")},
        {QLatin1String("task key"), QLatin1String("taskKey")},
        {QLatin1String("run name"), QLatin1String("runName")},
        {QLatin1String("parameter"), QLatin1String("parameters")},
        {QLatin1String("run timeout"), QLatin1String("timeoutSeconds")},
        {QLatin1String("max retries"), QLatin1String("maxRetries")},
        {QLatin1String("retry interval"), QLatin1String("minRetryIntervalMillis")},
        {QLatin1String("retry on timeout"), QLatin1String("retryOnTimeout")},
        {QLatin1String("python file"), QLatin1String("pythonFile")},
        {QLatin1String("argument"), QLatin1String("arguments")},
        {QLatin1String("environment version"), QLatin1String("compute")},
        {QLatin1String("dependency"), QLatin1String("compute")},
        {QLatin1String("runtime"), QLatin1String("compute")},
        {QLatin1String("node type"), QLatin1String("compute")},
        {QLatin1String("workers"), QLatin1String("compute")},
        {QLatin1String("autoscale"), QLatin1String("compute")},
        {QLatin1String("git URL"), QLatin1String("git")},
        {QLatin1String("git provider"), QLatin1String("git")},
        {QLatin1String("git reference"), QLatin1String("git")},
        {QLatin1String("git branch"), QLatin1String("git")},
        {QLatin1String("git tag"), QLatin1String("git")},
        {QLatin1String("git commit"), QLatin1String("git")}};
    const int colon = problem.indexOf(QLatin1Char(':'));
    const QString human = colon < 0 ? QString() : problem.left(colon);
    for (const auto &n : names) {
        if (human == n.first) {
            // A part of compute or git keeps its own name: "compute: workers: …".
            const bool part =
                n.second == QLatin1String("compute") || n.second == QLatin1String("git");
            *rest = part ? problem : problem.mid(colon + 1).trimmed();
            return n.second;
        }
    }
    *rest = problem;
    return QString();
}

} // namespace

QJsonObject Preset::toJson() const
{
    QJsonObject parameters;
    for (const auto &p : spec.parameters)
        parameters.insert(p.first, p.second);
    // Every field is written, so a file shows all a preset can hold (the retries of version 2
    // when set: see Preset.h). A credential is not one of them: a preset names a profile, and
    // the profile's token stays in the keychain.
    const bool retries =
        spec.maxRetries != 0 || spec.minRetryIntervalMillis != 0 || spec.retryOnTimeout;
    // Version 3's task kind, compute and source only when they are not today's defaults: a
    // workspace notebook on an existing cluster stays a file an older Brickrun imports.
    const QJsonObject shape = spec.shapeJson();
    QJsonObject json{{QStringLiteral("format"), Format},
                     {QStringLiteral("version"), !shape.isEmpty() ? Version
                                                 : retries        ? VersionWithRetries
                                                                  : VersionWithoutRetries},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("profile"), profile},
                     {QStringLiteral("runName"), spec.runName},
                     {QStringLiteral("notebookPath"), spec.notebookPath},
                     {QStringLiteral("clusterId"), spec.clusterId},
                     {QStringLiteral("taskKey"), spec.taskKey},
                     {QStringLiteral("parameters"), parameters},
                     {QStringLiteral("queueEnabled"), spec.queueEnabled},
                     {QStringLiteral("timeoutSeconds"), spec.timeoutSeconds}};
    if (retries) {
        json.insert(QStringLiteral("maxRetries"), spec.maxRetries);
        json.insert(QStringLiteral("minRetryIntervalMillis"), spec.minRetryIntervalMillis);
        json.insert(QStringLiteral("retryOnTimeout"), spec.retryOnTimeout);
    }
    for (auto it = shape.begin(); it != shape.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

bool Preset::fromJson(const QJsonObject &json, Preset *out, QStringList *errors)
{
    QStringList problems;
    QSet<QString> badFields;
    const auto problem = [&](const QString &field, const QString &text) {
        problems << field + QStringLiteral(": ") + text;
        badFields.insert(field);
    };
    const auto mustBe = [&](const QString &field, const QString &what, const QJsonValue &v) {
        problem(field, QStringLiteral("must be %1, got %2").arg(what, JsonFields::typeName(v)));
    };
    // A string field: required or not, at most maxLength characters.
    const auto string = [&](const QString &field, bool required, int maxLength, QString *value) {
        const QJsonValue v = json.value(field);
        if (v.isUndefined()) {
            if (required)
                problem(field, QStringLiteral("is missing"));
            return;
        }
        if (!v.isString()) {
            mustBe(field, QStringLiteral("a string"), v);
            return;
        }
        const QString s = v.toString();
        if (s.size() > maxLength) {
            problem(field,
                    QStringLiteral("longer than %1 characters (%2)").arg(maxLength).arg(s.size()));
            return;
        }
        *value = s;
    };

    Preset preset;
    static const QSet<QString> known{QStringLiteral("format"),
                                     QStringLiteral("version"),
                                     QStringLiteral("name"),
                                     QStringLiteral("profile"),
                                     QStringLiteral("runName"),
                                     QStringLiteral("notebookPath"),
                                     QStringLiteral("clusterId"),
                                     QStringLiteral("taskKey"),
                                     QStringLiteral("parameters"),
                                     QStringLiteral("queueEnabled"),
                                     QStringLiteral("timeoutSeconds"),
                                     QStringLiteral("maxRetries"),
                                     QStringLiteral("minRetryIntervalMillis"),
                                     QStringLiteral("retryOnTimeout")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (known.contains(it.key()) || RunSpec::shapeKeys().contains(it.key()))
            continue;
        // The field name is shown (shortened); its value never is: it may be a secret.
        const QString field = it.key().left(100);
        problem(field, looksLikeCredential(it.key())
                           ? QStringLiteral("unknown field (a preset never holds a credential; "
                                            "it names a profile)")
                           : QStringLiteral("unknown field"));
    }

    const QJsonValue format = json.value(QStringLiteral("format"));
    if (format.isUndefined())
        problem(QStringLiteral("format"), QStringLiteral("is missing (\"%1\")").arg(Format));
    else if (!format.isString())
        mustBe(QStringLiteral("format"), QStringLiteral("a string"), format);
    else if (format.toString() != Format)
        problem(QStringLiteral("format"),
                QStringLiteral("must be \"%1\", this is not a Brickrun preset").arg(Format));

    const QJsonValue version = json.value(QStringLiteral("version"));
    if (version.isUndefined())
        problem(QStringLiteral("version"), QStringLiteral("is missing"));
    else if (!version.isDouble() || version.toDouble() != double(version.toInt()))
        mustBe(QStringLiteral("version"), QStringLiteral("a whole number"), version);
    else if (version.toInt() > Version)
        problem(QStringLiteral("version"),
                QStringLiteral("%1 is newer than this Brickrun reads (%2)")
                    .arg(version.toInt())
                    .arg(Version));
    else if (version.toInt() < 1)
        problem(QStringLiteral("version"), QStringLiteral("must be %1").arg(Version));

    string(QStringLiteral("name"), true, MaxNameLength, &preset.name);
    if (!badFields.contains(QStringLiteral("name"))) {
        if (preset.name.trimmed().isEmpty())
            problem(QStringLiteral("name"), QStringLiteral("is empty"));
        else if (preset.name != preset.name.trimmed())
            problem(QStringLiteral("name"), QStringLiteral("starts or ends with a space"));
        else if (JsonFields::hasControlCharacter(preset.name))
            problem(QStringLiteral("name"), QStringLiteral("holds a control character"));
    }
    string(QStringLiteral("profile"), false, MaxProfileLength, &preset.profile);
    // RunSpec::validate checks the run name's length in bytes; the cap here only bounds work.
    string(QStringLiteral("runName"), false, 4 * MaxNotebookPathLength, &preset.spec.runName);
    // Version 3: a Python file's preset has no notebook, a serverless one no cluster; the spec's
    // rules below say when they are missing.
    string(QStringLiteral("notebookPath"), false, MaxNotebookPathLength, &preset.spec.notebookPath);
    string(QStringLiteral("clusterId"), false, MaxClusterIdLength, &preset.spec.clusterId);
    string(QStringLiteral("taskKey"), false, MaxTaskKeyLength, &preset.spec.taskKey);
    // Preset text is printed (brickrun-cli, logs): an escape sequence in a shared file must not
    // drive the terminal of whoever imports it.
    for (const auto &[field, value] :
         {std::pair<QString, const QString *>{QStringLiteral("profile"), &preset.profile},
          {QStringLiteral("runName"), &preset.spec.runName},
          {QStringLiteral("notebookPath"), &preset.spec.notebookPath},
          {QStringLiteral("clusterId"), &preset.spec.clusterId},
          {QStringLiteral("taskKey"), &preset.spec.taskKey}}) {
        if (!badFields.contains(field) && JsonFields::hasControlCharacter(*value))
            problem(field, QStringLiteral("holds a control character"));
    }

    const QJsonValue parameters = json.value(QStringLiteral("parameters"));
    if (!parameters.isUndefined()) {
        if (!parameters.isObject()) {
            mustBe(QStringLiteral("parameters"), QStringLiteral("an object of strings"),
                   parameters);
        } else if (parameters.toObject().size() > MaxParameters) {
            problem(QStringLiteral("parameters"),
                    QStringLiteral("more than %1 parameters").arg(MaxParameters));
        } else {
            const QJsonObject object = parameters.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                const QString field = QStringLiteral("parameters.") + it.key().left(100);
                if (it.key().size() > MaxParameterNameLength)
                    problem(field, QStringLiteral("name longer than %1 characters")
                                       .arg(MaxParameterNameLength));
                else if (!it.value().isString())
                    mustBe(field, QStringLiteral("a string"), it.value());
                else if (JsonFields::hasControlCharacter(it.key()))
                    problem(field, QStringLiteral("the name holds a control character"));
                else if (JsonFields::hasControlCharacter(QString(it.value().toString())
                                                             .remove(QLatin1Char('\n'))
                                                             .remove(QLatin1Char('\t'))))
                    problem(field, QStringLiteral("holds a control character (only line breaks "
                                                  "and tabs may be in a value)"));
                else if (it.value().toString().size() > MaxParameterValueLength)
                    problem(field, QStringLiteral("longer than %1 characters (%2)")
                                       .arg(MaxParameterValueLength)
                                       .arg(it.value().toString().size()));
                else
                    preset.spec.parameters.append({it.key(), it.value().toString()});
            }
        }
    }

    const QJsonValue queue = json.value(QStringLiteral("queueEnabled"));
    if (!queue.isUndefined()) {
        if (!queue.isBool())
            mustBe(QStringLiteral("queueEnabled"), QStringLiteral("true or false"), queue);
        else
            preset.spec.queueEnabled = queue.toBool();
    }
    // A whole number field; its range is RunSpec::validate's (below), only the type is here.
    const auto whole = [&](const QString &field, const QString &what, bool mayBeNegative,
                           int *value) {
        const QJsonValue v = json.value(field);
        if (v.isUndefined())
            return;
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || (d < 0 && !mayBeNegative) || d < -2147483648.0 ||
            d > 2147483647.0)
            mustBe(field, what, v);
        else
            *value = int(d);
    };
    whole(QStringLiteral("timeoutSeconds"), QStringLiteral("a whole number of seconds"), false,
          &preset.spec.timeoutSeconds);
    // -1 (the service's "for ever") is read, so that the spec's rule explains why it is refused.
    whole(QStringLiteral("maxRetries"), QStringLiteral("a whole number"), true,
          &preset.spec.maxRetries);
    whole(QStringLiteral("minRetryIntervalMillis"),
          QStringLiteral("a whole number of milliseconds"), false,
          &preset.spec.minRetryIntervalMillis);
    const QJsonValue retryOnTimeout = json.value(QStringLiteral("retryOnTimeout"));
    if (!retryOnTimeout.isUndefined()) {
        if (!retryOnTimeout.isBool())
            mustBe(QStringLiteral("retryOnTimeout"), QStringLiteral("true or false"),
                   retryOnTimeout);
        else
            preset.spec.retryOnTimeout = retryOnTimeout.toBool();
    }

    // Version 3's task kind, compute and source ("compute.numWorkers: …").
    QStringList shapeProblems;
    if (!RunSpec::readShape(json, &preset.spec, &shapeProblems)) {
        for (const QString &p : std::as_const(shapeProblems)) {
            problems << p;
            badFields.insert(p.section(QLatin1Char('.'), 0, 0).section(QLatin1Char(':'), 0, 0));
        }
    }

    // The spec's own rules, for the fields that passed the type checks above.
    const QStringList specProblems = preset.spec.validate();
    for (const QString &p : specProblems) {
        QString rest;
        const QString field = jsonFieldOf(p, &rest);
        if (field.isEmpty())
            problems << p;
        else if (!badFields.contains(field))
            problem(field, rest);
    }

    if (!problems.isEmpty()) {
        if (errors)
            *errors << problems;
        return false;
    }
    if (out)
        *out = preset;
    return true;
}

} // namespace Brickrun
