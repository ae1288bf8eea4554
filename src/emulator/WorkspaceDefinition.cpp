// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceDefinition.h"

#include "ClusterCatalogue.h"
#include "GitRepositories.h"
#include "WorkspaceExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <utility>

namespace Brickrun::Emulator {

namespace {

const QStringList kOutcomes = {QStringLiteral("SUCCESS"), QStringLiteral("FAILED"),
                               QStringLiteral("INTERNAL_ERROR"), QStringLiteral("SKIPPED")};
const QStringList kLanguages = {QStringLiteral("PYTHON"), QStringLiteral("SQL"),
                                QStringLiteral("SCALA"), QStringLiteral("R")};
const QStringList kObjectTypes = {QStringLiteral("DIRECTORY"), QStringLiteral("NOTEBOOK"),
                                  QStringLiteral("FILE"), QStringLiteral("REPO")};
const QStringList kClusterStates = {QStringLiteral("RUNNING"), QStringLiteral("TERMINATED")};
const QStringList kClusterSources = {QStringLiteral("UI"), QStringLiteral("API"),
                                     QStringLiteral("JOB")};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Reads an optional non-negative number of seconds; false (with *error) when it is malformed.
bool readSeconds(const QJsonObject &json, const char *key, const QString &field, double *out,
                 QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < 0 || !std::isfinite(value.toDouble()))
        return fail(error, field + QLatin1Char('.') + QLatin1String(key) +
                               QStringLiteral(": expected a number of seconds >= 0"));
    *out = value.toDouble();
    return true;
}

bool readString(const QJsonObject &json, const char *key, const QString &field, QString *out,
                QString *error, bool required = false)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined()) {
        if (required)
            return fail(error, field + QLatin1Char('.') + QLatin1String(key) +
                                   QStringLiteral(": required"));
        return true;
    }
    if (!value.isString() || (required && value.toString().isEmpty()))
        return fail(error, field + QLatin1Char('.') + QLatin1String(key) +
                               QStringLiteral(": expected a non-empty string"));
    *out = value.toString();
    return true;
}

bool readChoice(const QJsonObject &json, const char *key, const QString &field,
                const QStringList &choices, QString *out, QString *error, bool required = false)
{
    QString value = *out;
    if (!readString(json, key, field, &value, error, required))
        return false;
    if (!choices.contains(value))
        return fail(error, field + QLatin1Char('.') + QLatin1String(key) +
                               QStringLiteral(": expected one of ") +
                               choices.join(QStringLiteral(", ")) + QStringLiteral(", got '") +
                               value + QLatin1Char('\''));
    *out = value;
    return true;
}

bool parseBehaviour(const QJsonValue &value, const QString &field,
                    const NotebookBehaviour &defaults, NotebookBehaviour *out, QString *error)
{
    *out = defaults;
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(error, field + QStringLiteral(": expected an object"));
    const QJsonObject json = value.toObject();
    static const QStringList known = {
        QStringLiteral("queued_seconds"),   QStringLiteral("pending_seconds"),
        QStringLiteral("running_seconds"),  QStringLiteral("terminating_seconds"),
        QStringLiteral("outcome"),          QStringLiteral("state_message"),
        QStringLiteral("result"),           QStringLiteral("result_generated_bytes"),
        QStringLiteral("echo_parameters"),  QStringLiteral("error"),
        QStringLiteral("error_trace"),      QStringLiteral("failed_attempts"),
        QStringLiteral("termination_code"), QStringLiteral("termination_type"),
        QStringLiteral("status_only"),      QStringLiteral("logs")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(error,
                        field + QLatin1Char('.') + it.key() + QStringLiteral(": unknown field"));
    }
    if (!readSeconds(json, "queued_seconds", field, &out->queuedSeconds, error) ||
        !readSeconds(json, "pending_seconds", field, &out->pendingSeconds, error) ||
        !readSeconds(json, "running_seconds", field, &out->runningSeconds, error) ||
        !readSeconds(json, "terminating_seconds", field, &out->terminatingSeconds, error) ||
        !readChoice(json, "outcome", field, kOutcomes, &out->outcome, error) ||
        !readString(json, "state_message", field, &out->stateMessage, error) ||
        !readString(json, "error", field, &out->error, error) ||
        !readString(json, "error_trace", field, &out->errorTrace, error) ||
        !readString(json, "logs", field, &out->logs, error))
        return false;
    const QJsonValue result = json.value(QStringLiteral("result"));
    if (!result.isUndefined()) {
        out->hasResult = true;
        if (result.isString())
            out->result = result.toString();
        else if (result.isArray())
            out->result =
                QString::fromUtf8(QJsonDocument(result.toArray()).toJson(QJsonDocument::Compact));
        else if (result.isObject())
            out->result =
                QString::fromUtf8(QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact));
        else
            return fail(error, field + QStringLiteral(".result: expected a string, an array "
                                                      "or an object"));
    }
    const QJsonValue generated = json.value(QStringLiteral("result_generated_bytes"));
    if (!generated.isUndefined()) {
        const double bytes = generated.toDouble(-1);
        if (!generated.isDouble() || bytes < 1 || bytes > 64.0 * 1024 * 1024 ||
            bytes != std::floor(bytes))
            return fail(error, field + QStringLiteral(".result_generated_bytes: expected an "
                                                      "integer between 1 and 67108864"));
        out->resultGeneratedBytes = static_cast<qint64>(bytes);
        out->hasResult = true;
    }
    const QJsonValue failedAttempts = json.value(QStringLiteral("failed_attempts"));
    if (!failedAttempts.isUndefined()) {
        const double n = failedAttempts.toDouble(-1);
        if (!failedAttempts.isDouble() || n < 0 || n > 100 || n != std::floor(n))
            return fail(error, field + QStringLiteral(".failed_attempts: expected an integer "
                                                      "between 0 and 100"));
        out->failedAttempts = static_cast<int>(n);
    }
    // Any code or type in upper case, so a definition can send one no client knows yet.
    static const QRegularExpression enumValue(QStringLiteral("^[A-Z][A-Z0-9_]{0,63}$"));
    for (const auto &[key, target] : {std::pair{"termination_code", &out->terminationCode},
                                      std::pair{"termination_type", &out->terminationType}}) {
        if (!readString(json, key, field, target, error))
            return false;
        if (!target->isEmpty() && !enumValue.match(*target).hasMatch())
            return fail(error, field + QLatin1Char('.') + QLatin1String(key) +
                                   QStringLiteral(": expected an upper-case name like "
                                                  "RUN_EXECUTION_ERROR"));
    }
    const QJsonValue statusOnly = json.value(QStringLiteral("status_only"));
    if (!statusOnly.isUndefined()) {
        if (!statusOnly.isBool())
            return fail(error, field + QStringLiteral(".status_only: expected true or false"));
        out->statusOnly = statusOnly.toBool();
    }
    const QJsonValue echo = json.value(QStringLiteral("echo_parameters"));
    if (!echo.isUndefined()) {
        if (!echo.isBool())
            return fail(error, field + QStringLiteral(".echo_parameters: expected true or false"));
        out->echoParameters = echo.toBool();
        out->hasResult = out->hasResult || out->echoParameters;
    }
    return true;
}

} // namespace

QJsonObject NotebookBehaviour::toJson() const
{
    QJsonObject json{{QStringLiteral("queued_seconds"), queuedSeconds},
                     {QStringLiteral("pending_seconds"), pendingSeconds},
                     {QStringLiteral("running_seconds"), runningSeconds},
                     {QStringLiteral("terminating_seconds"), terminatingSeconds},
                     {QStringLiteral("outcome"), outcome},
                     {QStringLiteral("has_result"), hasResult},
                     {QStringLiteral("echo_parameters"), echoParameters}};
    if (!stateMessage.isEmpty())
        json.insert(QStringLiteral("state_message"), stateMessage);
    if (!result.isEmpty())
        json.insert(QStringLiteral("result"), result);
    if (resultGeneratedBytes > 0)
        json.insert(QStringLiteral("result_generated_bytes"),
                    static_cast<double>(resultGeneratedBytes));
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (!errorTrace.isEmpty())
        json.insert(QStringLiteral("error_trace"), errorTrace);
    if (failedAttempts > 0)
        json.insert(QStringLiteral("failed_attempts"), failedAttempts);
    if (!terminationCode.isEmpty())
        json.insert(QStringLiteral("termination_code"), terminationCode);
    if (!terminationType.isEmpty())
        json.insert(QStringLiteral("termination_type"), terminationType);
    if (statusOnly)
        json.insert(QStringLiteral("status_only"), true);
    if (!logs.isEmpty())
        json.insert(QStringLiteral("logs"), logs);
    return json;
}

NotebookBehaviour NotebookBehaviour::fromJson(const QJsonObject &json,
                                              const NotebookBehaviour &defaults)
{
    NotebookBehaviour b = defaults;
    b.queuedSeconds = json.value(QStringLiteral("queued_seconds")).toDouble(b.queuedSeconds);
    b.pendingSeconds = json.value(QStringLiteral("pending_seconds")).toDouble(b.pendingSeconds);
    b.runningSeconds = json.value(QStringLiteral("running_seconds")).toDouble(b.runningSeconds);
    b.terminatingSeconds =
        json.value(QStringLiteral("terminating_seconds")).toDouble(b.terminatingSeconds);
    b.outcome = json.value(QStringLiteral("outcome")).toString(b.outcome);
    b.stateMessage = json.value(QStringLiteral("state_message")).toString();
    b.hasResult = json.value(QStringLiteral("has_result")).toBool();
    b.result = json.value(QStringLiteral("result")).toString();
    b.resultGeneratedBytes =
        static_cast<qint64>(json.value(QStringLiteral("result_generated_bytes")).toDouble());
    b.echoParameters = json.value(QStringLiteral("echo_parameters")).toBool();
    b.error = json.value(QStringLiteral("error")).toString();
    b.errorTrace = json.value(QStringLiteral("error_trace")).toString();
    b.failedAttempts = json.value(QStringLiteral("failed_attempts")).toInt();
    b.terminationCode = json.value(QStringLiteral("termination_code")).toString();
    b.terminationType = json.value(QStringLiteral("termination_type")).toString();
    b.statusOnly = json.value(QStringLiteral("status_only")).toBool();
    b.logs = json.value(QStringLiteral("logs")).toString();
    return b;
}

WorkspaceDefinition::WorkspaceDefinition()
    : m_catalogue(std::make_shared<ClusterCatalogue>())
    , m_gitRepositories(std::make_shared<GitRepositories>())
{}

bool WorkspaceDefinition::readBehaviour(const QJsonValue &value, const QString &field,
                                        const NotebookBehaviour &defaults, NotebookBehaviour *out,
                                        QString *error)
{
    return parseBehaviour(value, field, defaults, out, error);
}

bool WorkspaceDefinition::loadFile(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            error,
            QStringLiteral("cannot read workspace file %1: %2").arg(fileName, file.errorString()));
    QString reason;
    if (!load(file.readAll(), &reason))
        return fail(error, QStringLiteral("invalid workspace file %1: %2").arg(fileName, reason));
    return true;
}

bool WorkspaceDefinition::load(const QByteArray &json, QString *error)
{
    *this = WorkspaceDefinition();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("not valid JSON (%1 at offset %2)")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    if (!doc.isObject())
        return fail(error, QStringLiteral("the top level must be a JSON object"));
    const QJsonObject root = doc.object();

    const QJsonValue version = root.value(QStringLiteral("format_version"));
    if (version.toInt(-1) != 1)
        return fail(error, QStringLiteral("format_version: expected 1"));
    const QJsonValue workspaceId = root.value(QStringLiteral("workspace_id"));
    const double id = workspaceId.toDouble(-1);
    if (!workspaceId.isDouble() || id < 1 || id > 9007199254740991.0 || id != std::floor(id))
        return fail(error, QStringLiteral("workspace_id: expected a positive integer"));
    m_workspaceId = static_cast<qint64>(id);
    m_createdAt = static_cast<qint64>(root.value(QStringLiteral("created_at")).toDouble(0));
    if (!readSeconds(root, "job_cluster_start_seconds", QStringLiteral("(top level)"),
                     &m_jobClusterStartSeconds, error) ||
        !readSeconds(root, "serverless_start_seconds", QStringLiteral("(top level)"),
                     &m_serverlessStartSeconds, error))
        return false;
    if (!parseBehaviour(root.value(QStringLiteral("notebook_defaults")),
                        QStringLiteral("notebook_defaults"), NotebookBehaviour(), &m_defaults,
                        error))
        return false;
    m_nextObjectId = m_workspaceId % 100000000 * 10000 + 1000;
    auto catalogue = std::make_shared<ClusterCatalogue>();
    auto git = std::make_shared<GitRepositories>();
    if (!parseUser(root, error) || !parseClusters(root, error) || !parseObjects(root, error) ||
        !parseGenerators(root, error) || !catalogue->load(root, m_clusters, error) ||
        !git->load(root.value(QStringLiteral("git_repositories")), m_defaults, error))
        return false;
    m_catalogue = catalogue;
    m_gitRepositories = git;
    return true;
}

bool WorkspaceDefinition::parseUser(const QJsonObject &root, QString *error)
{
    const QJsonValue value = root.value(QStringLiteral("user"));
    if (!value.isObject())
        return fail(error, QStringLiteral("user: expected an object"));
    const QJsonObject user = value.toObject();
    const QString field = QStringLiteral("user");
    if (!readString(user, "user_name", field, &m_userName, error, true) ||
        !readString(user, "display_name", field, &m_displayName, error, true) ||
        !readString(user, "id", field, &m_userId, error, true))
        return false;
    return true;
}

bool WorkspaceDefinition::parseClusters(const QJsonObject &root, QString *error)
{
    const QJsonValue value = root.value(QStringLiteral("clusters"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(error, QStringLiteral("clusters: expected a non-empty array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("clusters[%1]").arg(i);
        if (!array.at(i).isObject())
            return fail(error, field + QStringLiteral(": expected an object"));
        const QJsonObject json = array.at(i).toObject();
        ClusterDefinition c;
        c.state = QStringLiteral("RUNNING");
        c.clusterSource = QStringLiteral("UI");
        c.sparkVersion = QStringLiteral("15.4.x-scala2.12");
        c.nodeTypeId = QStringLiteral("Standard_DS3_v2");
        if (!readString(json, "cluster_id", field, &c.clusterId, error, true) ||
            !readString(json, "cluster_name", field, &c.clusterName, error, true) ||
            !readChoice(json, "state", field, kClusterStates, &c.state, error) ||
            !readChoice(json, "cluster_source", field, kClusterSources, &c.clusterSource, error) ||
            !readString(json, "spark_version", field, &c.sparkVersion, error) ||
            !readString(json, "node_type_id", field, &c.nodeTypeId, error) ||
            !readSeconds(json, "start_seconds", field, &c.startSeconds, error))
            return false;
        c.numWorkers = json.value(QStringLiteral("num_workers")).toInt(2);
        c.autoterminationMinutes = json.value(QStringLiteral("autotermination_minutes")).toInt(120);
        if (c.numWorkers < 0 || c.autoterminationMinutes < 0)
            return fail(error, field + QStringLiteral(": num_workers and "
                                                      "autotermination_minutes must be >= 0"));
        if (cluster(c.clusterId))
            return fail(error, field + QStringLiteral(".cluster_id: duplicate id '") + c.clusterId +
                                   QLatin1Char('\''));
        m_clusters.append(c);
    }
    return true;
}

bool WorkspaceDefinition::parseObjects(const QJsonObject &root, QString *error)
{
    ensureFolders(QStringLiteral("/"));
    const QJsonValue value = root.value(QStringLiteral("objects"));
    if (!value.isArray())
        return fail(error, QStringLiteral("objects: expected an array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("objects[%1]").arg(i);
        if (!array.at(i).isObject())
            return fail(error, field + QStringLiteral(": expected an object"));
        const QJsonObject json = array.at(i).toObject();
        WorkspaceObject object;
        if (!readString(json, "path", field, &object.path, error, true) ||
            !readChoice(json, "object_type", field, kObjectTypes, &object.objectType, error, true))
            return false;
        if (object.objectType == QLatin1String("NOTEBOOK")) {
            object.language = QStringLiteral("PYTHON");
            if (!readChoice(json, "language", field, kLanguages, &object.language, error) ||
                !parseBehaviour(json.value(QStringLiteral("run")), field + QStringLiteral(".run"),
                                m_defaults, &object.behaviour, error))
                return false;
        } else if (object.objectType == QLatin1String("FILE") &&
                   !json.contains(QStringLiteral("language"))) {
            // A Python file a spark_python_task runs.
            if (!parseBehaviour(json.value(QStringLiteral("run")), field + QStringLiteral(".run"),
                                m_defaults, &object.behaviour, error))
                return false;
        } else if (json.contains(QStringLiteral("run")) ||
                   json.contains(QStringLiteral("language"))) {
            return fail(error, field + QStringLiteral(": only notebooks and files have a run "
                                                      "behaviour, only notebooks a language"));
        }
        if (!WorkspaceExport::readFields(json, field, &object, error))
            return false;
        if (!addObject(object, field, error))
            return false;
    }
    return true;
}

bool WorkspaceDefinition::parseGenerators(const QJsonObject &root, QString *error)
{
    const QJsonValue value = root.value(QStringLiteral("generated_notebooks"));
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(error, QStringLiteral("generated_notebooks: expected an array"));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("generated_notebooks[%1]").arg(i);
        const QJsonObject json = array.at(i).toObject();
        QString folder;
        QString prefix = QStringLiteral("notebook_");
        if (!readString(json, "folder", field, &folder, error, true) ||
            !readString(json, "name_prefix", field, &prefix, error))
            return false;
        const int count = json.value(QStringLiteral("count")).toInt(-1);
        if (count < 1 || count > 10000)
            return fail(error, field + QStringLiteral(".count: expected an integer 1..10000"));
        NotebookBehaviour behaviour;
        if (!parseBehaviour(json.value(QStringLiteral("run")), field + QStringLiteral(".run"),
                            m_defaults, &behaviour, error))
            return false;
        const int width = static_cast<int>(QString::number(count).size());
        for (int n = 1; n <= count; ++n) {
            WorkspaceObject object;
            object.path = normalizedPath(folder) + QLatin1Char('/') + prefix +
                          QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
            object.objectType = QStringLiteral("NOTEBOOK");
            object.language = kLanguages.at((n - 1) % kLanguages.size());
            object.behaviour = behaviour;
            if (!addObject(object, field, error))
                return false;
        }
    }
    return true;
}

bool WorkspaceDefinition::addObject(WorkspaceObject object, const QString &field, QString *error)
{
    if (!object.path.startsWith(QLatin1Char('/')) || object.path.contains(QStringLiteral("//")))
        return fail(error, field + QStringLiteral(".path: expected an absolute path, got '") +
                               object.path + QLatin1Char('\''));
    object.path = normalizedPath(object.path);
    if (m_objects.contains(object.path)) {
        if (object.objectType == QLatin1String("DIRECTORY") &&
            m_objects.value(object.path).objectType == QLatin1String("DIRECTORY"))
            return true;
        return fail(error, field + QStringLiteral(".path: '") + object.path +
                               QStringLiteral("' is defined twice"));
    }
    const int slash = static_cast<int>(object.path.lastIndexOf(QLatin1Char('/')));
    const QString parent = slash <= 0 ? QStringLiteral("/") : object.path.left(slash);
    ensureFolders(parent);
    const QString parentType = m_objects.value(parent).objectType;
    if (parentType != QLatin1String("DIRECTORY") && parentType != QLatin1String("REPO"))
        return fail(error, field + QStringLiteral(".path: the parent '") + parent +
                               QStringLiteral("' is not a folder"));
    object.objectId = m_nextObjectId++;
    m_objects.insert(object.path, object);
    return true;
}

void WorkspaceDefinition::ensureFolders(const QString &path)
{
    if (m_objects.contains(path))
        return;
    if (path != QLatin1String("/")) {
        const int slash = static_cast<int>(path.lastIndexOf(QLatin1Char('/')));
        ensureFolders(slash <= 0 ? QStringLiteral("/") : path.left(slash));
    }
    WorkspaceObject folder;
    folder.path = path;
    folder.objectType = QStringLiteral("DIRECTORY");
    folder.objectId = path == QLatin1String("/") ? 0 : m_nextObjectId++;
    m_objects.insert(path, folder);
}

const ClusterDefinition *WorkspaceDefinition::cluster(const QString &clusterId) const
{
    for (const ClusterDefinition &c : m_clusters) {
        if (c.clusterId == clusterId)
            return &c;
    }
    return nullptr;
}

const WorkspaceObject *WorkspaceDefinition::object(const QString &path) const
{
    const auto it = m_objects.constFind(normalizedPath(path));
    return it == m_objects.constEnd() ? nullptr : &it.value();
}

QList<const WorkspaceObject *> WorkspaceDefinition::children(const QString &folderPath) const
{
    const QString folder = normalizedPath(folderPath);
    const QString prefix = folder == QLatin1String("/") ? folder : folder + QLatin1Char('/');
    QList<const WorkspaceObject *> result;
    for (auto it = m_objects.lowerBound(prefix); it != m_objects.constEnd(); ++it) {
        if (!it.key().startsWith(prefix))
            break;
        if (it.key() == folder || it.key().indexOf(QLatin1Char('/'), prefix.size()) >= 0)
            continue;
        result.append(&it.value());
    }
    return result;
}

QString WorkspaceDefinition::normalizedPath(const QString &path)
{
    QString p = path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

} // namespace Brickrun::Emulator
