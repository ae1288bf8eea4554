// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunInfo.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Brickrun {

class JobsClient;

// How long a workspace's recent one-time runs took, for a notebook that has no local history
// yet (its first run in Brickrun is often not its first in the workspace). One runs/list request
// per workspace (the newest 25 ended SUBMIT_RUN runs with their tasks), kept for maxAgeMs; a
// failed request counts as an empty answer for as long, so a workspace that refuses is not asked
// at every run.
class WorkspaceDurations : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceDurations(QObject *parent = nullptr);

    static constexpr qint64 MaxAgeMs = 10 * 60 * 1000;

    // Asks the workspace unless its answer is fresh (at `nowMs`) or on its way.
    void request(const QString &workspace, JobsClient *client, qint64 nowMs);
    // True once the workspace answered (or failed) within maxAgeMs of `nowMs`.
    bool isKnown(const QString &workspace, qint64 nowMs) const;
    // end_time - start_time of its successful runs of this notebook on this cluster, newest first.
    QList<qint64> durations(const QString &workspace, const QString &notebookPath,
                            const QString &clusterId) const;

Q_SIGNALS:
    void answered(const QString &workspace);

private:
    struct Entry
    {
        qint64 askedAtMs = 0;
        bool inFlight = false;
        QList<RunInfo> runs;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace Brickrun
