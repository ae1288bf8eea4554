#pragma once

// The --state file: the run history as JSON, so several emulator processes (e.g. one per
// `brickrun-cli --demo` command) share it. Written atomically (QSaveFile); re-read when another
// process changed it.

#include "RunRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Brickrun::Emulator {

class StateFile
{
public:
    explicit StateFile(QString fileName = {});

    bool isEnabled() const { return !m_fileName.isEmpty(); }
    QString fileName() const { return m_fileName; }

    // True when the file exists and changed since the last load() or save() of this object.
    bool changedOnDisk() const;

    // A missing file is an empty history, not an error.
    bool load(QList<RunRecord> *runs, qint64 *simulatedNowMs, QString *error);
    bool save(const QList<RunRecord> &runs, qint64 simulatedNowMs, QString *error);

private:
    void remember();

    QString m_fileName;
    QDateTime m_lastModified;
    qint64 m_lastSize = -1;
};

} // namespace Brickrun::Emulator
