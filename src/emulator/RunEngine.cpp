// SPDX-License-Identifier: Apache-2.0
#include "RunEngine.h"

#include "ClusterJson.h"
#include "ClusterStates.h"
#include "DemoJob.h"
#include "PageToken.h"
#include "RunJson.h"
#include "RunListQuery.h"
#include "RunOutput.h"
#include "SubmitRequest.h"
#include "TaskTimeline.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

namespace Brickrun::Emulator {

Q_LOGGING_CATEGORY(lcState, "brickrun.emulator.state")

namespace {

bool parseRunId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.trimmed().toLongLong(&ok);
    return ok && *id > 0;
}

} // namespace

RunEngine::RunEngine(const WorkspaceDefinition &workspace, double speed, const QString &stateFile)
    : m_workspace(workspace)
    , m_clock(speed)
    , m_stateFile(stateFile)
    , m_random(static_cast<quint64>(QDateTime::currentMSecsSinceEpoch()) ^
               reinterpret_cast<quintptr>(this))
{
    m_nextId = 100000000000LL + static_cast<qint64>(m_random() % 800000000000ULL);
}

bool RunEngine::loadState(QString *error)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_stateFile.isEnabled())
        return true;
    QString problem;
    if (!m_stateFile.makePrivate(&problem))
        qCWarning(lcState, "warning: %s", qPrintable(problem));
    const StateFile::Lock fileLock = lockStateFile();
    QList<RunRecord> runs;
    qint64 simulatedNow = 0;
    qint64 nextId = 0;
    switch (m_stateFile.load(&runs, &simulatedNow, &nextId, &problem)) {
    case StateFile::LoadResult::Loaded:
        break;
    case StateFile::LoadResult::Unreadable:
        if (error)
            *error = problem;
        return false;
    case StateFile::LoadResult::Damaged:
        if (!setAsideDamaged(problem, error))
            return false;
        break;
    }
    m_clock.catchUpTo(simulatedNow);
    m_nextId = std::max(m_nextId, nextId);
    for (const RunRecord &run : runs)
        index(run);
    return true;
}

bool RunEngine::setAsideDamaged(const QString &problem, QString *error)
{
    QString reason;
    const QString keptAt = m_stateFile.setAside(&reason);
    if (keptAt.isEmpty()) {
        if (error)
            *error = problem + QStringLiteral("; ") + reason;
        return false;
    }
    m_setAsideStateFile = keptAt;
    qCWarning(lcState,
              "warning: %s; it was moved aside to %s and the emulator goes on without its runs",
              qPrintable(problem), qPrintable(keptAt));
    return true;
}

StateFile::Lock RunEngine::lockStateFile() const
{
    QString problem;
    StateFile::Lock fileLock = m_stateFile.lock(&problem);
    if (m_stateFile.isEnabled() && !fileLock.isLocked())
        qCWarning(lcState, "warning: %s; going on without it", qPrintable(problem));
    return fileLock;
}

QString RunEngine::setAsideStateFile() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_setAsideStateFile;
}

void RunEngine::setBaseUrl(const QString &baseUrl)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_baseUrl = baseUrl;
}

void RunEngine::index(const RunRecord &run)
{
    RunRecord &stored = m_runs[run.runId];
    // Merging a run another process changed: keep the earliest cancel request.
    const qint64 cancelMs =
        stored.runId != 0 && stored.cancelMs != 0
            ? (run.cancelMs != 0 ? std::min(run.cancelMs, stored.cancelMs) : stored.cancelMs)
            : run.cancelMs;
    stored = run;
    stored.cancelMs = cancelMs;
    m_nextId = std::max(m_nextId, run.runId + 1);
    for (const TaskRecord &t : run.tasks) {
        for (int attempt = 0; attempt <= t.retryRunIds.size(); ++attempt) {
            m_parentOfTask.insert(t.attemptRunId(attempt), run.runId);
            m_nextId = std::max(m_nextId, t.attemptRunId(attempt) + 1);
        }
    }
    if (!run.idempotencyToken.isEmpty())
        m_byToken.insert(run.idempotencyToken, run.runId);
}

void RunEngine::syncFromDisk(SyncMode mode)
{
    if (!m_stateFile.isEnabled() || (mode == SyncMode::IfChanged && !m_stateFile.changedOnDisk()))
        return;
    QList<RunRecord> runs;
    qint64 simulatedNow = 0;
    qint64 nextId = 0;
    QString problem;
    const StateFile::LoadResult result = m_stateFile.load(&runs, &simulatedNow, &nextId, &problem);
    // Damaged while running: set aside only under the lock, the runs in memory are written anew.
    if (result == StateFile::LoadResult::Damaged && mode == SyncMode::Locked)
        setAsideDamaged(problem, nullptr);
    if (result != StateFile::LoadResult::Loaded)
        return;
    m_clock.catchUpTo(simulatedNow);
    m_nextId = std::max(m_nextId, nextId);
    for (const RunRecord &run : runs)
        index(run);
}

void RunEngine::persist()
{
    QString problem;
    if (m_stateFile.isEnabled() &&
        !m_stateFile.save(m_runs.values(), m_clock.nowMs(), m_nextId, &problem))
        qCWarning(lcState, "warning: %s", qPrintable(problem));
}

qint64 RunEngine::allocateId()
{
    const qint64 id = m_nextId;
    m_nextId += 1 + static_cast<qint64>(m_random() % 37);
    return id;
}

ApiError RunEngine::submit(const QByteArray &body, const QString &apiVersion, qint64 *runId,
                           bool *created)
{
    if (created)
        *created = false;
    RunRecord run;
    // Jobs API 2.2 allows up to 1000 tasks in a run, 2.1 up to 100.
    const int maxTasks = apiVersion == QLatin1String("2.2") ? 1000 : 100;
    const ApiError error = SubmitRequest::parse(body, m_workspace, maxTasks, &run);
    if (error.isError())
        return error;
    return create(run, runId, created);
}

ApiError RunEngine::createJobRun(const QJsonObject &request, qint64 *runId)
{
    QByteArray body;
    ApiError error = DemoJob::submitBody(request, &body);
    if (error.isError())
        return error;
    RunRecord run;
    error = SubmitRequest::parse(body, m_workspace, DemoJob::kMaxTasks, &run);
    if (error.isError())
        return error;
    run.runType = QStringLiteral("JOB_RUN");
    run.jobId = DemoJob::kJobId;
    return create(run, runId, nullptr);
}

ApiError RunEngine::create(RunRecord run, qint64 *runId, bool *created)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // Read, allocate and write under the file lock, with what other processes wrote re-read
    // first: no two processes hand out the same id or drop each other's runs.
    const StateFile::Lock fileLock = lockStateFile();
    syncFromDisk(SyncMode::Locked);
    if (!run.idempotencyToken.isEmpty() && m_byToken.contains(run.idempotencyToken)) {
        *runId = m_byToken.value(run.idempotencyToken);
        return {};
    }
    // Without the lock (it could not be had), another process may be allocating from the same
    // file right now: jump far ahead so the ids are very unlikely to meet.
    if (m_stateFile.isEnabled() && !fileLock.isLocked())
        m_nextId += 1 + static_cast<qint64>(m_random() % 1000000000ULL);
    run.submitMs = m_clock.nowMs();
    run.runId = allocateId();
    if (run.jobId == 0)
        run.jobId = 100000000000000LL + (run.runId * 48271) % 800000000000000LL;
    run.creatorUserName = m_workspace.userName();
    const ClusterStates clusters(m_workspace, m_runs);
    for (TaskRecord &t : run.tasks) {
        t.runId = allocateId();
        clusters.assignCompute(run.submitMs, &t);
    }
    // Run ids for the retries each task will make unless it is cancelled.
    for (TaskRecord &t : run.tasks) {
        for (int n = TaskTimeline::plannedAttempts(run, t); n > 1; --n)
            t.retryRunIds.append(allocateId());
    }
    index(run);
    ++m_createdRuns;
    *runId = run.runId;
    if (created)
        *created = true;
    persist();
    return {};
}

bool RunEngine::deleteRun(qint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const StateFile::Lock fileLock = lockStateFile();
    syncFromDisk(SyncMode::Locked);
    const qint64 parentId = m_runs.contains(id) ? id : m_parentOfTask.value(id, 0);
    if (parentId == 0 || !m_runs.contains(parentId))
        return false;
    const RunRecord run = m_runs.take(parentId);
    for (const TaskRecord &t : run.tasks) {
        for (int attempt = 0; attempt <= t.retryRunIds.size(); ++attempt)
            m_parentOfTask.remove(t.attemptRunId(attempt));
    }
    if (!run.idempotencyToken.isEmpty())
        m_byToken.remove(run.idempotencyToken);
    persist();
    return true;
}

ApiError RunEngine::findRun(const QString &runIdText, const RunRecord **run,
                            const TaskRecord **task, int *attempt)
{
    qint64 id = 0;
    if (runIdText.isNull())
        return ApiError::invalidParameter(QStringLiteral("Missing required field: run_id"));
    if (!parseRunId(runIdText, &id))
        return ApiError::invalidParameter(
            QStringLiteral("Invalid run_id: '%1' is not a positive integer").arg(runIdText));
    *task = nullptr;
    *attempt = 0;
    if (m_runs.contains(id)) {
        *run = &m_runs[id];
        return {};
    }
    if (m_parentOfTask.contains(id)) {
        *run = &m_runs[m_parentOfTask.value(id)];
        for (const TaskRecord &t : (*run)->tasks) {
            if (t.attemptOf(id) >= 0) {
                *task = &t;
                *attempt = t.attemptOf(id);
            }
        }
        // A retry's run id exists from when the attempt before it ended.
        if (*task && *attempt < TaskTimeline::attempts(**run, **task, m_clock.nowMs()).size())
            return {};
    }
    return ApiError::invalidParameter(QStringLiteral("Run %1 does not exist.").arg(id));
}

RunJson::Context RunEngine::context() const
{
    return {m_baseUrl, m_workspace.workspaceId(), m_clock.nowMs(), m_shapes};
}

void RunEngine::setShapes(const ShapeSettings &shapes)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_shapes = shapes;
}

ShapeSettings RunEngine::shapes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_shapes;
}

ApiError RunEngine::getRun(const QMap<QString, QString> &query, const QString &apiVersion,
                           QJsonObject *answer)
{
    const QString runIdText = query.contains(QStringLiteral("run_id"))
                                  ? query.value(QStringLiteral("run_id"))
                                  : QString();
    std::lock_guard<std::mutex> lock(m_mutex);
    syncFromDisk();
    const RunRecord *run = nullptr;
    const TaskRecord *task = nullptr;
    int attempt = 0;
    const ApiError error = findRun(runIdText, &run, &task, &attempt);
    if (error.isError())
        return error;
    const RunJson::Context now = context();
    if (task) {
        *answer = RunJson::taskRun(*run, *task, attempt, now);
        return {};
    }
    *answer = RunJson::run(*run, now, true);
    if (!now.shapes.live())
        return {};
    QStringList paged{QStringLiteral("tasks")};
    if (query.value(QStringLiteral("include_history")) == QLatin1String("true")) {
        answer->insert(QStringLiteral("repair_history"), RunJson::repairHistory(*run, now));
        paged.append(QStringLiteral("repair_history"));
    }
    // Jobs API 2.2 pages the arrays of a run at 100 items; 2.1 answers them whole.
    if (apiVersion == QLatin1String("2.2")) {
        qint64 page = 0;
        if (query.contains(QStringLiteral("page_token")) &&
            !PageToken::parse(query.value(QStringLiteral("page_token")), "page", &page))
            return ApiError::invalidParameter(QStringLiteral("Invalid page_token"));
        PageToken::keepPage(answer, paged, page);
    }
    return {};
}

ApiError RunEngine::getOutput(const QString &runIdText, QJsonObject *answer)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    syncFromDisk();
    const RunRecord *run = nullptr;
    const TaskRecord *task = nullptr;
    int attempt = 0;
    const ApiError error = findRun(runIdText, &run, &task, &attempt);
    if (error.isError())
        return error;
    if (!task)
        return ApiError::invalidParameter(
            QStringLiteral("Retrieving the output of runs with multiple tasks is not supported. "
                           "Please retrieve the output of each individual task run instead."));
    *answer = RunOutput::answer(*run, *task, attempt, context());
    return {};
}

ApiError RunEngine::cancel(const QByteArray &body)
{
    QJsonObject request;
    if (const ApiError error = readRequestObject(body, &request); error.isError())
        return error;
    const QJsonValue idValue = request.value(QStringLiteral("run_id"));
    QString idText;
    if (idValue.isDouble())
        idText = QString::number(static_cast<qint64>(idValue.toDouble()));
    else if (idValue.isString())
        idText = idValue.toString();
    else if (!idValue.isUndefined())
        idText = QStringLiteral("(not a number)");

    std::lock_guard<std::mutex> lock(m_mutex);
    const StateFile::Lock fileLock = lockStateFile();
    syncFromDisk(SyncMode::Locked);
    const RunRecord *found = nullptr;
    const TaskRecord *task = nullptr;
    int attempt = 0;
    const ApiError error = findRun(idText, &found, &task, &attempt);
    if (error.isError())
        return error;
    RunRecord &run = m_runs[found->runId];
    const qint64 now = m_clock.nowMs();
    if (run.cancelMs != 0 || RunJson::runStatus(run, now).terminal)
        return {}; // already stopping or finished: nothing to do
    run.cancelMs = now;
    persist();
    return {};
}

ApiError RunEngine::list(const QMap<QString, QString> &query, const QString &apiVersion,
                         QJsonObject *answer)
{
    RunListQuery q;
    const ApiError error = RunListQuery::parse(query, &q);
    if (error.isError())
        return error;
    std::lock_guard<std::mutex> lock(m_mutex);
    syncFromDisk();
    const RunJson::Context now = context();
    QList<const RunRecord *> matching;
    for (const RunRecord &run : m_runs) {
        if (q.matches(run, RunJson::runStatus(run, now.nowMs).terminal))
            matching.append(&run);
    }
    std::sort(matching.begin(), matching.end(), [](const RunRecord *a, const RunRecord *b) {
        return a->submitMs != b->submitMs ? a->submitMs > b->submitMs : a->runId > b->runId;
    });
    QJsonArray runs;
    for (qint64 i = q.offset; i < matching.size() && i < q.offset + q.limit; ++i) {
        QJsonObject run = RunJson::run(*matching.at(static_cast<int>(i)), now, q.expandTasks);
        // Jobs API 2.2 lists at most 100 tasks of a run; has_more says there are more.
        const qint64 taskCount = run.value(QStringLiteral("tasks")).toArray().size();
        if (now.shapes.live() && apiVersion == QLatin1String("2.2") &&
            taskCount > PageToken::kRunArrayPageSize) {
            PageToken::keepPage(&run, {QStringLiteral("tasks")}, 0);
            run.remove(QStringLiteral("next_page_token"));
            run.insert(QStringLiteral("has_more"), true);
        }
        runs.append(run);
    }
    const bool hasMore = q.offset + q.limit < matching.size();
    *answer = QJsonObject{{QStringLiteral("has_more"), hasMore}};
    if (!runs.isEmpty())
        answer->insert(QStringLiteral("runs"), runs);
    // The published listJobRuns answer declares no page tokens: page on with offset there.
    if (now.shapes.live() && hasMore)
        answer->insert(QStringLiteral("next_page_token"),
                       PageToken::make("offset", q.offset + q.limit));
    if (now.shapes.live() && q.offset > 0)
        answer->insert(QStringLiteral("prev_page_token"),
                       PageToken::make("offset", std::max<qint64>(0, q.offset - q.limit)));
    return {};
}

QJsonArray RunEngine::clusters()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    syncFromDisk();
    const qint64 now = m_clock.nowMs();
    QJsonArray array;
    for (const ClusterDefinition &c : m_workspace.clusters()) {
        const QJsonObject json =
            ClusterJson::cluster(c, ClusterStates(m_workspace, m_runs).state(c, now), m_workspace);
        array.append(json);
    }
    return array;
}

int RunEngine::createdRunCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_createdRuns;
}

qint64 RunEngine::nowMs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_clock.nowMs();
}

void RunEngine::advance(qint64 deltaMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_clock.advance(deltaMs);
}

void RunEngine::saveClock()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_stateFile.isEnabled())
        return;
    const StateFile::Lock fileLock = lockStateFile();
    syncFromDisk(SyncMode::Locked);
    persist();
}

} // namespace Brickrun::Emulator
