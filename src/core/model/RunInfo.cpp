#include "model/RunInfo.h"

namespace Brickrun {

const TaskRun *RunInfo::primaryTask(const QString &taskKey) const
{
    if (tasks.isEmpty())
        return nullptr;
    if (!taskKey.isEmpty()) {
        for (const TaskRun &t : tasks) {
            if (t.taskKey == taskKey)
                return &t;
        }
    }
    return &tasks.first();
}

} // namespace Brickrun
