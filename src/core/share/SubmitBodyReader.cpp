// SPDX-License-Identifier: Apache-2.0
#include "share/SubmitBodyReader.h"

#include "model/JsonFields.h"

#include <QJsonArray>

#include <cmath>

namespace Brickrun {

namespace {

const QString NotSupported = QStringLiteral("not supported by Brickrun; left out");

class Reader
{
public:
    explicit Reader(SubmitBodyReader::Result *result)
        : m_r(result)
    {}

    void leftOut(const QString &field, const QString &why = NotSupported)
    {
        m_r->leftOut << QStringLiteral("%1: %2").arg(field, why);
    }
    void problem(const QString &field, const QString &what)
    {
        m_r->problems << QStringLiteral("%1: %2").arg(field, what);
    }

    // Every key of `object` not in `known` is left out, named with `at`.
    void rest(const QJsonObject &object, const QStringList &known, const QString &at)
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!known.contains(it.key()))
                leftOut(at + it.key());
    }

    bool string(const QJsonObject &o, const QString &key, const QString &at, QString *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isString()) {
            problem(at + key, QStringLiteral("must be a string, got ") + JsonFields::typeName(v));
            return false;
        }
        *out = v.toString();
        return true;
    }

    bool integer(const QJsonObject &o, const QString &key, const QString &at, int *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        bool ok = v.isDouble();
        double d = v.toDouble();
        if (v.isString())
            d = v.toString().toDouble(&ok);
        if (!ok || std::floor(d) != d || std::abs(d) > 2.0e9) {
            problem(at + key, QStringLiteral("must be a whole number"));
            return false;
        }
        *out = int(d);
        return true;
    }

    void source(const QJsonObject &kind, const QString &at)
    {
        QString source;
        if (!string(kind, QStringLiteral("source"), at, &source))
            return;
        if (source == QLatin1String("GIT"))
            m_r->spec.source = RunSpec::SourceKind::Git;
        else if (source != QLatin1String("WORKSPACE"))
            problem(at + QStringLiteral("source"),
                    QStringLiteral("must be WORKSPACE or GIT, got \"%1\"").arg(source.left(100)));
    }

    void notebook(const QJsonObject &t, const QString &at)
    {
        RunSpec &s = m_r->spec;
        s.taskKind = RunSpec::TaskKind::Notebook;
        string(t, QStringLiteral("notebook_path"), at, &s.notebookPath);
        source(t, at);
        const QJsonValue params = t.value(QStringLiteral("base_parameters"));
        if (params.isObject()) {
            const QJsonObject p = params.toObject();
            for (auto it = p.begin(); it != p.end(); ++it) {
                QString value = it.value().toString();
                if (!it.value().isString()) {
                    value = it.value().toVariant().toString();
                    leftOut(at + QStringLiteral("base_parameters.") + it.key(),
                            QStringLiteral("not a string; read as \"%1\"").arg(value));
                }
                s.parameters.append({it.key(), value});
            }
        } else if (!params.isUndefined() && !params.isNull()) {
            problem(at + QStringLiteral("base_parameters"), QStringLiteral("must be an object"));
        }
        rest(t,
             {QStringLiteral("notebook_path"), QStringLiteral("source"),
              QStringLiteral("base_parameters")},
             at);
    }

    void pythonFile(const QJsonObject &t, const QString &at)
    {
        RunSpec &s = m_r->spec;
        s.taskKind = RunSpec::TaskKind::PythonFile;
        string(t, QStringLiteral("python_file"), at, &s.pythonFile);
        source(t, at);
        const QJsonValue args = t.value(QStringLiteral("parameters"));
        if (args.isArray()) {
            for (const QJsonValue &a : args.toArray())
                s.pythonArguments << (a.isString() ? a.toString() : a.toVariant().toString());
        } else if (!args.isUndefined() && !args.isNull()) {
            problem(at + QStringLiteral("parameters"), QStringLiteral("must be an array"));
        }
        rest(
            t,
            {QStringLiteral("python_file"), QStringLiteral("source"), QStringLiteral("parameters")},
            at);
    }

    void newCluster(const QJsonObject &c, const QString &at)
    {
        ComputeSpec &compute = m_r->spec.compute;
        compute.kind = ComputeSpec::Kind::NewJobCluster;
        string(c, QStringLiteral("spark_version"), at, &compute.sparkVersion);
        string(c, QStringLiteral("node_type_id"), at, &compute.nodeTypeId);
        integer(c, QStringLiteral("num_workers"), at, &compute.numWorkers);
        const QJsonObject autoscale = c.value(QStringLiteral("autoscale")).toObject();
        if (!autoscale.isEmpty()) {
            compute.autoscale = true;
            integer(autoscale, QStringLiteral("min_workers"), at + QStringLiteral("autoscale."),
                    &compute.minWorkers);
            integer(autoscale, QStringLiteral("max_workers"), at + QStringLiteral("autoscale."),
                    &compute.maxWorkers);
        }
        QString engine;
        if (string(c, QStringLiteral("runtime_engine"), at, &engine))
            compute.photon = engine == QLatin1String("PHOTON");
        QStringList known{QStringLiteral("spark_version"), QStringLiteral("node_type_id"),
                          QStringLiteral("num_workers"), QStringLiteral("autoscale"),
                          QStringLiteral("runtime_engine")};
        // What Brickrun itself sends for a single-node cluster (ComputeSpec::newClusterJson).
        if (!compute.autoscale && compute.numWorkers == 0) {
            const QJsonObject conf = c.value(QStringLiteral("spark_conf")).toObject();
            const QJsonObject tags = c.value(QStringLiteral("custom_tags")).toObject();
            if (conf.value(QStringLiteral("spark.databricks.cluster.profile")) ==
                    QLatin1String("singleNode") &&
                conf.size() <= 2)
                known << QStringLiteral("spark_conf");
            if (tags.value(QStringLiteral("ResourceClass")) == QLatin1String("SingleNode") &&
                tags.size() == 1)
                known << QStringLiteral("custom_tags");
        }
        rest(c, known, at);
    }

    void environment(const QJsonObject &body, const QString &key)
    {
        ComputeSpec &compute = m_r->spec.compute;
        const QJsonArray environments = body.value(QStringLiteral("environments")).toArray();
        for (qsizetype i = 0; i < environments.size(); ++i) {
            const QJsonObject e = environments.at(i).toObject();
            const QString at = QStringLiteral("environments[%1].").arg(i);
            if (e.value(QStringLiteral("environment_key")).toString() != key) {
                leftOut(at.chopped(1), QStringLiteral("not the task's environment; left out"));
                continue;
            }
            const QJsonObject spec = e.value(QStringLiteral("spec")).toObject();
            if (!string(spec, QStringLiteral("environment_version"), at + QStringLiteral("spec."),
                        &compute.environmentVersion))
                string(spec, QStringLiteral("client"), at + QStringLiteral("spec."),
                       &compute.environmentVersion);
            for (const QJsonValue &d : spec.value(QStringLiteral("dependencies")).toArray())
                compute.dependencies << d.toString();
            rest(spec,
                 {QStringLiteral("environment_version"), QStringLiteral("client"),
                  QStringLiteral("dependencies")},
                 at + QStringLiteral("spec."));
        }
    }

    void task(const QJsonObject &body, const QJsonObject &t)
    {
        RunSpec &s = m_r->spec;
        const QString at = QStringLiteral("tasks[0].");
        string(t, QStringLiteral("task_key"), at, &s.taskKey);
        const QJsonObject notebookTask = t.value(QStringLiteral("notebook_task")).toObject();
        const QJsonObject pythonTask = t.value(QStringLiteral("spark_python_task")).toObject();
        QStringList known{QStringLiteral("task_key"),
                          QStringLiteral("existing_cluster_id"),
                          QStringLiteral("new_cluster"),
                          QStringLiteral("environment_key"),
                          QStringLiteral("timeout_seconds"),
                          QStringLiteral("max_retries"),
                          QStringLiteral("min_retry_interval_millis"),
                          QStringLiteral("retry_on_timeout")};
        if (t.contains(QStringLiteral("notebook_task"))) {
            notebook(notebookTask, at + QStringLiteral("notebook_task."));
            known << QStringLiteral("notebook_task");
        } else if (t.contains(QStringLiteral("spark_python_task"))) {
            pythonFile(pythonTask, at + QStringLiteral("spark_python_task."));
            known << QStringLiteral("spark_python_task");
        } else {
            problem(QStringLiteral("tasks[0]"),
                    QStringLiteral("has neither notebook_task nor spark_python_task (Brickrun "
                                   "runs a notebook or a Python file)"));
        }
        if (string(t, QStringLiteral("existing_cluster_id"), at, &s.clusterId)) {
            s.compute.kind = ComputeSpec::Kind::ExistingCluster;
        } else if (t.value(QStringLiteral("new_cluster")).isObject()) {
            newCluster(t.value(QStringLiteral("new_cluster")).toObject(),
                       at + QStringLiteral("new_cluster."));
        } else {
            s.compute.kind = ComputeSpec::Kind::Serverless;
            QString key;
            if (string(t, QStringLiteral("environment_key"), at, &key))
                environment(body, key);
        }
        integer(t, QStringLiteral("timeout_seconds"), at, &s.timeoutSeconds);
        integer(t, QStringLiteral("max_retries"), at, &s.maxRetries);
        integer(t, QStringLiteral("min_retry_interval_millis"), at, &s.minRetryIntervalMillis);
        s.retryOnTimeout = t.value(QStringLiteral("retry_on_timeout")).toBool();
        rest(t, known, at);
    }

private:
    SubmitBodyReader::Result *m_r;
};

} // namespace

SubmitBodyReader::Result SubmitBodyReader::read(const QJsonObject &body)
{
    Result result;
    Reader reader(&result);
    RunSpec &s = result.spec;
    reader.string(body, QStringLiteral("run_name"), QString(), &s.runName);
    s.queueEnabled =
        body.value(QStringLiteral("queue")).toObject().value(QStringLiteral("enabled")).toBool();
    if (body.contains(QStringLiteral("idempotency_token")))
        reader.leftOut(QStringLiteral("idempotency_token"),
                       QStringLiteral("Brickrun makes a new one for every run; left out"));

    const QJsonValue tasks = body.value(QStringLiteral("tasks"));
    const QJsonArray list = tasks.toArray();
    if (!tasks.isArray() || list.isEmpty() || !list.at(0).isObject()) {
        reader.problem(QStringLiteral("tasks"), QStringLiteral("must be an array of one task"));
        return result;
    }
    reader.task(body, list.at(0).toObject());
    for (qsizetype i = 1; i < list.size(); ++i)
        reader.leftOut(QStringLiteral("tasks[%1] (task_key \"%2\")")
                           .arg(i)
                           .arg(list.at(i).toObject().value(QStringLiteral("task_key")).toString()),
                       QStringLiteral("Brickrun runs one task per run; left out"));

    int runTimeout = 0;
    if (reader.integer(body, QStringLiteral("timeout_seconds"), QString(), &runTimeout) &&
        runTimeout > 0) {
        if (s.timeoutSeconds == 0) {
            s.timeoutSeconds = runTimeout;
            reader.leftOut(QStringLiteral("timeout_seconds"),
                           QStringLiteral("read as the task's run timeout (Brickrun sets it on "
                                          "the task, where the retries are)"));
        } else {
            reader.leftOut(QStringLiteral("timeout_seconds"),
                           QStringLiteral("the task's own timeout is kept; left out"));
        }
    }
    if (body.value(QStringLiteral("git_source")).isObject())
        GitSource::fromJson(body.value(QStringLiteral("git_source")).toObject(), &s.git,
                            &result.problems);
    if (s.usesGit() && !body.contains(QStringLiteral("git_source")))
        reader.problem(QStringLiteral("git_source"),
                       QStringLiteral("missing, yet the task's source is GIT"));
    else if (!s.usesGit() && body.contains(QStringLiteral("git_source")))
        reader.leftOut(QStringLiteral("git_source"),
                       QStringLiteral("the task's source is WORKSPACE; left out"));
    reader.rest(body,
                {QStringLiteral("run_name"), QStringLiteral("timeout_seconds"),
                 QStringLiteral("queue"), QStringLiteral("tasks"), QStringLiteral("git_source"),
                 QStringLiteral("environments"), QStringLiteral("idempotency_token")},
                QString());
    if (body.contains(QStringLiteral("environments")) && !s.compute.isServerless())
        reader.leftOut(QStringLiteral("environments"),
                       QStringLiteral("only for serverless compute; left out"));
    return result;
}

} // namespace Brickrun
