// SPDX-License-Identifier: Apache-2.0
#include "DemoJob.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Brickrun::Emulator::DemoJob {

ApiError submitBody(const QJsonObject &request, QByteArray *body)
{
    const QJsonValue count = request.value(QStringLiteral("task_count"));
    const int taskCount = count.isUndefined() ? 150 : count.toInt(-1);
    if (taskCount < 1 || taskCount > kMaxTasks)
        return ApiError::invalidParameter(
            QStringLiteral("task_count must be an integer between 1 and %1.").arg(kMaxTasks));
    const QString notebook = request.value(QStringLiteral("notebook_path"))
                                 .toString(QStringLiteral("/Shared/Demo/hello"));
    const QString cluster = request.value(QStringLiteral("existing_cluster_id"))
                                .toString(QStringLiteral("demo-cluster"));
    const bool flaky = request.value(QStringLiteral("flaky_task")).toBool(true);
    QJsonArray tasks;
    for (int i = 1; i <= taskCount; ++i) {
        const bool isFlaky = flaky && i == taskCount;
        QJsonObject task{
            {QStringLiteral("task_key"),
             isFlaky ? QStringLiteral("flaky")
                     : QStringLiteral("task_%1").arg(i, 3, 10, QLatin1Char('0'))},
            {QStringLiteral("existing_cluster_id"), cluster},
            {QStringLiteral("notebook_task"),
             QJsonObject{{QStringLiteral("notebook_path"),
                          isFlaky ? QStringLiteral("/Shared/Demo/flaky") : notebook}}},
            {QStringLiteral("description"),
             isFlaky ? QStringLiteral("Fails on its first attempt and succeeds on the retry")
                     : QStringLiteral("Generated task %1 of %2").arg(i).arg(taskCount)}};
        if (isFlaky) {
            task.insert(QStringLiteral("max_retries"), 1);
            task.insert(QStringLiteral("min_retry_interval_millis"), 2000);
        }
        tasks.append(task);
    }
    *body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("run_name"),
                         request.value(QStringLiteral("run_name"))
                             .toString(QStringLiteral("Demo job with %1 tasks").arg(taskCount))},
                        {QStringLiteral("tasks"), tasks}})
            .toJson(QJsonDocument::Compact);
    return {};
}

} // namespace Brickrun::Emulator::DemoJob
