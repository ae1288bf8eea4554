// SPDX-License-Identifier: Apache-2.0
#include "RunSpecOptions.h"

#include <QJsonArray>

#include <algorithm>

namespace Brickrun::Cli::RunSpecOptions {

namespace {

const QString Notebook = QStringLiteral("notebook");
const QString PythonFile = QStringLiteral("python-file");
const QString Arg = QStringLiteral("arg");
const QString Param = QStringLiteral("param");
const QString RunName = QStringLiteral("run-name");
const QString TaskKey = QStringLiteral("task-key");
const QString Cluster = QStringLiteral("cluster");
const QString Serverless = QStringLiteral("serverless");
const QString EnvironmentVersion = QStringLiteral("environment-version");
const QString Dependency = QStringLiteral("dependency");
const QString Runtime = QStringLiteral("new-cluster-runtime");
const QString NodeType = QStringLiteral("node-type");
const QString Workers = QStringLiteral("workers");
const QString Autoscale = QStringLiteral("autoscale");
const QString Photon = QStringLiteral("photon");
const QString GitUrl = QStringLiteral("git-url");
const QString GitProvider = QStringLiteral("git-provider");
const QString GitBranch = QStringLiteral("git-branch");
const QString GitTag = QStringLiteral("git-tag");
const QString GitCommit = QStringLiteral("git-commit");

// Which of `names` were given, as "--a and --b".
QStringList given(const QCommandLineParser &parser, std::initializer_list<QString> names)
{
    QStringList set;
    for (const QString &n : names) {
        if (parser.isSet(n))
            set << QStringLiteral("--") + n;
    }
    return set;
}

// A whole number of workers from `text`, or -1 with a problem.
int workers(const QString &option, const QString &text, QStringList *errors)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < 0) {
        *errors << QStringLiteral("--%1 \"%2\": expected a whole number of workers, 0 or more")
                       .arg(option, text);
        return -1;
    }
    return n;
}

void applyTask(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors)
{
    if (parser.isSet(Notebook) && parser.isSet(PythonFile))
        *errors << QStringLiteral("--notebook and --python-file: choose one");
    if (parser.isSet(Notebook)) {
        spec->taskKind = RunSpec::TaskKind::Notebook;
        spec->notebookPath = parser.value(Notebook);
        spec->pythonArguments.clear();
    } else if (parser.isSet(PythonFile)) {
        spec->taskKind = RunSpec::TaskKind::PythonFile;
        spec->pythonFile = parser.value(PythonFile);
        spec->parameters.clear(); // a preset's notebook parameters do not become arguments
    }
    if (parser.isSet(Arg)) {
        if (!spec->isPythonFile())
            *errors << QStringLiteral("--arg is only for --python-file (a notebook takes --param "
                                      "KEY=VALUE)");
        spec->pythonArguments = parser.values(Arg);
    }
    if (parser.isSet(Param) && spec->isPythonFile())
        *errors << QStringLiteral("--param is only for --notebook (a Python file takes --arg "
                                  "VALUE, in order)");
    if (parser.isSet(RunName))
        spec->runName = parser.value(RunName);
    if (parser.isSet(TaskKey))
        spec->taskKey = parser.value(TaskKey);
    if (parser.isSet(Param)) {
        // A parameter given again replaces the preset's value of that name.
        for (const QString &p : parser.values(Param)) {
            const QString key = p.section(QLatin1Char('='), 0, 0);
            spec->parameters.erase(
                std::remove_if(spec->parameters.begin(), spec->parameters.end(),
                               [&key](const auto &kv) { return kv.first == key; }),
                spec->parameters.end());
        }
    }
    for (const QString &p : parser.values(Param)) {
        const int eq = int(p.indexOf(QLatin1Char('=')));
        if (eq <= 0) {
            *errors << QStringLiteral("--param \"%1\": expected KEY=VALUE").arg(p);
            continue;
        }
        spec->parameters.append({p.left(eq), p.mid(eq + 1)});
    }
}

void applyCompute(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors)
{
    const QStringList kinds = given(parser, {Cluster, Serverless, Runtime});
    if (kinds.size() > 1)
        *errors << QStringLiteral("%1: choose one (an existing cluster, serverless or a new job "
                                  "cluster)")
                       .arg(kinds.join(QStringLiteral(", ")));
    ComputeSpec &c = spec->compute;
    if (parser.isSet(Cluster)) {
        c.kind = ComputeSpec::Kind::ExistingCluster;
        spec->clusterId = parser.value(Cluster);
    } else if (parser.isSet(Serverless)) {
        c.kind = ComputeSpec::Kind::Serverless;
        spec->clusterId.clear(); // a preset's cluster is not this run's
    } else if (parser.isSet(Runtime)) {
        spec->clusterId.clear();
        c.kind = ComputeSpec::Kind::NewJobCluster;
        c.sparkVersion = parser.value(Runtime).trimmed();
        c.sparkVersionName.clear(); // known again once the workspace's list is read
    }

    const QStringList serverless = given(parser, {EnvironmentVersion, Dependency});
    if (!serverless.isEmpty() && !c.isServerless())
        *errors << QStringLiteral("%1: only with --serverless")
                       .arg(serverless.join(QStringLiteral(", ")));
    if (parser.isSet(EnvironmentVersion))
        c.environmentVersion = parser.value(EnvironmentVersion).trimmed();
    if (parser.isSet(Dependency))
        c.dependencies = parser.values(Dependency);

    const QStringList cluster = given(parser, {NodeType, Workers, Autoscale, Photon});
    if (!cluster.isEmpty() && !c.isNewJobCluster())
        *errors << QStringLiteral("%1: only with --new-cluster-runtime")
                       .arg(cluster.join(QStringLiteral(", ")));
    if (parser.isSet(NodeType))
        c.nodeTypeId = parser.value(NodeType).trimmed();
    if (parser.isSet(Workers) && parser.isSet(Autoscale))
        *errors << QStringLiteral("--workers and --autoscale: choose one (a fixed size, or "
                                  "MIN:MAX)");
    if (parser.isSet(Workers)) {
        const int n = workers(Workers, parser.value(Workers), errors);
        if (n >= 0) {
            c.autoscale = false;
            c.numWorkers = n;
        }
    } else if (parser.isSet(Autoscale)) {
        const QString text = parser.value(Autoscale);
        const QStringList parts = text.split(QLatin1Char(':'));
        if (parts.size() != 2) {
            *errors
                << QStringLiteral("--autoscale \"%1\": expected MIN:MAX, such as 2:8").arg(text);
        } else {
            const int min = workers(Autoscale, parts.at(0), errors);
            const int max = workers(Autoscale, parts.at(1), errors);
            if (min >= 0 && max >= 0) {
                c.autoscale = true;
                c.minWorkers = min;
                c.maxWorkers = max;
            }
        }
    }
    if (parser.isSet(Photon))
        c.photon = true;
}

void applySource(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors)
{
    GitSource &g = spec->git;
    if (parser.isSet(GitUrl)) {
        spec->source = RunSpec::SourceKind::Git;
        g.url = parser.value(GitUrl).trimmed();
    }
    const QStringList git = given(parser, {GitProvider, GitBranch, GitTag, GitCommit});
    if (!git.isEmpty() && !spec->usesGit())
        *errors << QStringLiteral("%1: only with --git-url").arg(git.join(QStringLiteral(", ")));
    if (parser.isSet(GitProvider))
        g.provider = parser.value(GitProvider).trimmed();
    if (!given(parser, {GitBranch, GitTag, GitCommit}).isEmpty()) {
        // The command line's reference replaces the preset's, whichever kind it was; more than
        // one given is RunSpec::validate's to refuse ("git reference: … not branch and tag").
        g.branch = parser.value(GitBranch).trimmed();
        g.tag = parser.value(GitTag).trimmed();
        g.commit = parser.value(GitCommit).trimmed();
    }
}

} // namespace

QList<QCommandLineOption> options()
{
    return {
        QCommandLineOption(Notebook,
                           QStringLiteral("The notebook to run: its absolute workspace path, or "
                                          "its path in the repository with --git-url."),
                           QStringLiteral("PATH")),
        QCommandLineOption(PythonFile,
                           QStringLiteral("Run a Python file instead of a notebook: an absolute "
                                          "workspace path (or a URI such as dbfs:/…), or its "
                                          "path in the repository with --git-url."),
                           QStringLiteral("PATH")),
        QCommandLineOption(Arg,
                           QStringLiteral("An argument of the Python file; repeat for more, in "
                                          "order (--arg=--flag for one starting with -)."),
                           QStringLiteral("VALUE")),
        QCommandLineOption(RunName,
                           QStringLiteral("Name of the run (default: the notebook's or file's "
                                          "name)."),
                           QStringLiteral("NAME")),
        QCommandLineOption(TaskKey, QStringLiteral("Key of the task (default: main)."),
                           QStringLiteral("KEY")),
        QCommandLineOption(Param, QStringLiteral("Notebook parameter; repeat for more."),
                           QStringLiteral("KEY=VALUE")),
        QCommandLineOption(Serverless,
                           QStringLiteral("Run on serverless compute instead of a cluster.")),
        QCommandLineOption(EnvironmentVersion,
                           QStringLiteral("With --serverless: the serverless environment version "
                                          "(default for a Python file: %1).")
                               .arg(ComputeSpec::DefaultEnvironmentVersion),
                           QStringLiteral("VERSION")),
        QCommandLineOption(Dependency,
                           QStringLiteral("With --serverless: a pip requirement to install, such "
                                          "as pandas==2.2.2; repeat for more."),
                           QStringLiteral("SPEC")),
        QCommandLineOption(Runtime,
                           QStringLiteral("Run on a new job cluster with this Databricks Runtime "
                                          "(a clusters/spark-versions key, such as "
                                          "15.4.x-scala2.12)."),
                           QStringLiteral("KEY")),
        QCommandLineOption(NodeType,
                           QStringLiteral("With --new-cluster-runtime: the node type of the "
                                          "driver and workers, such as Standard_DS3_v2."),
                           QStringLiteral("ID")),
        QCommandLineOption(Workers,
                           QStringLiteral("With --new-cluster-runtime: N workers (0 = a "
                                          "single-node cluster; default 1)."),
                           QStringLiteral("N")),
        QCommandLineOption(Autoscale,
                           QStringLiteral("With --new-cluster-runtime: autoscale between MIN and "
                                          "MAX workers."),
                           QStringLiteral("MIN:MAX")),
        QCommandLineOption(Photon,
                           QStringLiteral("With --new-cluster-runtime: use the Photon engine.")),
        QCommandLineOption(GitUrl,
                           QStringLiteral("Take the notebook or Python file from this Git "
                                          "repository (https URL); paths are then relative to "
                                          "it. Needs --git-branch, --git-tag or --git-commit."),
                           QStringLiteral("URL")),
        QCommandLineOption(GitProvider,
                           QStringLiteral("With --git-url: the provider (gitHub, gitLab, "
                                          "bitbucketCloud, azureDevOpsServices, …); default: "
                                          "told by the URL."),
                           QStringLiteral("PROVIDER")),
        QCommandLineOption(GitBranch, QStringLiteral("With --git-url: the branch to run."),
                           QStringLiteral("BRANCH")),
        QCommandLineOption(GitTag, QStringLiteral("With --git-url: the tag to run."),
                           QStringLiteral("TAG")),
        QCommandLineOption(GitCommit, QStringLiteral("With --git-url: the commit to run."),
                           QStringLiteral("SHA")),
    };
}

void apply(const QCommandLineParser &parser, RunSpec *spec, QStringList *errors)
{
    applyTask(parser, spec, errors);
    applyCompute(parser, spec, errors);
    applySource(parser, spec, errors);
}

void check(const RunSpec &spec, QStringList *errors)
{
    QStringList missing;
    if (spec.taskPath().trimmed().isEmpty())
        missing << (spec.isPythonFile()
                        ? QStringLiteral("--python-file: missing (the path of the Python file)")
                        : QStringLiteral("--notebook: missing (the path of the notebook, or "
                                         "--python-file PATH)"));
    if (spec.compute.isExistingCluster() && spec.clusterId.trimmed().isEmpty())
        missing << QStringLiteral("--cluster: missing (the id of an existing cluster, or "
                                  "--serverless, or --new-cluster-runtime KEY)");
    if (spec.compute.isNewJobCluster() && spec.compute.nodeTypeId.trimmed().isEmpty())
        missing << QStringLiteral("--node-type: missing (the new cluster's node type, such as "
                                  "Standard_DS3_v2)");
    if (!missing.isEmpty()) {
        *errors << missing;
        return;
    }
    // A preset's spec too: what the command line overrode must still fit together.
    *errors << spec.validate();
}

QJsonObject toJson(const RunSpec &spec)
{
    QJsonObject json = spec.shapeJson();
    json.insert(QStringLiteral("taskKind"),
                spec.isPythonFile() ? QStringLiteral("pythonFile") : QStringLiteral("notebook"));
    json.insert(QStringLiteral("taskKey"), spec.taskKey);
    if (!spec.runName.isEmpty())
        json.insert(QStringLiteral("runName"), spec.runName);
    if (spec.isPythonFile()) {
        json.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(spec.pythonArguments));
    } else {
        json.insert(QStringLiteral("notebookPath"), spec.notebookPath);
        QJsonObject parameters;
        for (const auto &p : spec.parameters)
            parameters.insert(p.first, p.second);
        json.insert(QStringLiteral("parameters"), parameters);
    }
    QJsonObject compute = spec.compute.toJson();
    if (spec.compute.isExistingCluster())
        compute = QJsonObject{{QStringLiteral("kind"), QStringLiteral("existingCluster")},
                              {QStringLiteral("clusterId"), spec.clusterId}};
    compute.insert(QStringLiteral("summary"), spec.computeText());
    json.insert(QStringLiteral("compute"), compute);
    json.insert(QStringLiteral("source"),
                spec.usesGit() ? QStringLiteral("git") : QStringLiteral("workspace"));
    return json;
}

} // namespace Brickrun::Cli::RunSpecOptions
