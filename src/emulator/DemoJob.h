// SPDX-License-Identifier: Apache-2.0
#pragma once

// The demo job: the JOB_RUNs with many notebook tasks that POST /__admin/job-runs (and
// Emulator::createJobRun) make, so a client can be shown a job run of 150 tasks, one of them
// retried (docs/demo-workspace.md, "Admin routes").

#include "ApiError.h"

#include <QByteArray>
#include <QJsonObject>

namespace Brickrun::Emulator::DemoJob {

constexpr qint64 kJobId = 987654321098765LL; // submit runs have jobs of their own
constexpr int kMaxTasks = 1000;

// The runs/submit body of a job run from the admin request {"task_count": 150,
// "notebook_path": "/Shared/Demo/hello", "existing_cluster_id": "demo-cluster",
// "flaky_task": true, "run_name"} (all optional): tasks task_001, ..., each with a
// description; with flaky_task the last one is "flaky" (/Shared/Demo/flaky, max_retries 1).
ApiError submitBody(const QJsonObject &request, QByteArray *body);

} // namespace Brickrun::Emulator::DemoJob
