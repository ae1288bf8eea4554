// SPDX-License-Identifier: Apache-2.0
#pragma once

// The --state file: the run history as JSON, so several emulator processes (e.g. one per
// `brickrun-cli --demo` command) share it. Written atomically (QSaveFile); re-read when another
// process changed it. Changes go through lock() (a QLockFile next to the file, "<file>.lock"):
// read, merge, allocate ids and write under it, so processes never hand out the same run id or
// drop each other's runs.
//
// The file is private (0600 on Unix) and so is its folder (0700) when the folder is the file's
// own: it holds nothing but the file and its companions (lock, damaged copies, QSaveFile's
// temporary files) and is not a folder others share (sticky like /tmp, another user's, the
// home or root folder). A missing folder is created private.

#include "RunRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QLockFile;

namespace Brickrun::Emulator {

class StateFile
{
public:
    // Held while it lives: other processes (and other StateFile objects) wait in lock().
    class Lock
    {
    public:
        Lock();
        explicit Lock(std::unique_ptr<QLockFile> file);
        Lock(Lock &&) noexcept;
        Lock &operator=(Lock &&) noexcept;
        ~Lock();
        bool isLocked() const;

    private:
        std::unique_ptr<QLockFile> m_file;
    };

    enum class LoadResult
    {
        Loaded,
        Unreadable,
        Damaged
    };

    explicit StateFile(QString fileName = {});

    bool isEnabled() const { return !m_fileName.isEmpty(); }
    QString fileName() const { return m_fileName; }

    // Waits (a bounded time) for the lock across processes. A disabled state file gives an
    // empty Lock; so does a lock that cannot be had (then the caller goes on unlocked).
    Lock lock(QString *error = nullptr) const;

    // True when the file exists and changed since the last load() or save() of this object.
    bool changedOnDisk() const;

    // A missing file is an empty history, not an error. Damaged: the file is not a Brickrun
    // emulator state file (see setAside()). *nextRunId: the next run id the file promises (0
    // when it does not say).
    LoadResult load(QList<RunRecord> *runs, qint64 *simulatedNowMs, qint64 *nextRunId,
                    QString *error);
    bool save(const QList<RunRecord> &runs, qint64 simulatedNowMs, qint64 nextRunId,
              QString *error);
    // Renames a damaged file to "<file>.damaged-<yyyyMMdd-hhmmss>[-n]"; returns the new name,
    // or an empty string with *error.
    QString setAside(QString *error);

    // Creates the folder when missing and takes the group's and others' access away from the
    // file and its own folder (see above). Unix only; elsewhere it only creates the folder.
    bool makePrivate(QString *error) const;

private:
    void remember();

    QString m_fileName;
    QDateTime m_lastModified;
    qint64 m_lastSize = -1;
};

} // namespace Brickrun::Emulator
