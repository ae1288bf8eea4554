// SPDX-License-Identifier: Apache-2.0
#include "StateFile.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Brickrun::Emulator {

namespace {

const QString kFormat = QStringLiteral("brickrun-emulator-state-1");
// Holders keep the lock for one read-merge-write of a small file: waiting longer than this
// means something is wrong, and the emulator goes on unlocked rather than hang a request.
constexpr int kLockWaitMs = 30000;
// A lock file older than this is taken over even when QLockFile cannot tell whether its
// holder still runs (another host on a shared folder).
constexpr int kStaleLockMs = 60000;

// Private files and folders. This is a deliberate copy of the rule in the core's
// src/core/config/PrivateFiles.cpp: the emulator must never link brickrun_core (it is written
// apart from the client, so that a misunderstanding in one is caught by the other).
#ifdef Q_OS_UNIX
bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Takes the group's and others' permissions away (the owner's own bits are kept).
bool removeOthersAccess(const QString &path, const struct stat &st, QString *error)
{
    if ((st.st_mode & 077) == 0)
        return true;
    if (::chmod(QFile::encodeName(path).constData(), st.st_mode & 07700) != 0)
        return failWith(error, QStringLiteral("cannot make %1 private: %2")
                                   .arg(QDir::toNativeSeparators(path),
                                        QString::fromLocal8Bit(std::strerror(errno))));
    return true;
}

// A folder other users share by design, or one that holds more than the state file and its
// companions ("<name>.lock", "<name>.damaged-…", QSaveFile's "<name>.XXXXXX"): left as it is.
bool isOwnFolder(const QString &folder, const QString &fileName, const struct stat &st)
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if ((st.st_mode & S_ISVTX) != 0 || st.st_uid != ::geteuid() ||
        canonical == QLatin1String("/") ||
        canonical == QFileInfo(QDir::homePath()).canonicalFilePath())
        return false;
    const QStringList entries = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden |
                                                       QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry != fileName && !entry.startsWith(fileName + QLatin1Char('.')))
            return false;
    }
    return true;
}
#endif

} // namespace

StateFile::Lock::Lock() = default;
StateFile::Lock::Lock(std::unique_ptr<QLockFile> file)
    : m_file(std::move(file))
{}
StateFile::Lock::Lock(Lock &&) noexcept = default;
StateFile::Lock &StateFile::Lock::operator=(Lock &&) noexcept = default;
StateFile::Lock::~Lock() = default; // QLockFile unlocks in its destructor

bool StateFile::Lock::isLocked() const
{
    return m_file && m_file->isLocked();
}

StateFile::StateFile(QString fileName)
    : m_fileName(std::move(fileName))
{}

StateFile::Lock StateFile::lock(QString *error) const
{
    if (!isEnabled())
        return {};
    auto file = std::make_unique<QLockFile>(m_fileName + QStringLiteral(".lock"));
    // A holder that died leaves its lock behind: QLockFile takes it over at once when the
    // process is gone.
    file->setStaleLockTime(kStaleLockMs);
    // Not tryLock(kLockWaitMs): it sleeps 100 ms, 200, 400… between attempts, so with a dozen
    // processes taking turns a waiter wakes up rarely and misses its turn for many seconds.
    const QDeadlineTimer deadline(kLockWaitMs);
    while (!file->tryLock(0)) {
        if (file->error() != QLockFile::LockFailedError || deadline.hasExpired()) {
            if (error)
                *error = QStringLiteral("cannot lock %1 (error %2)")
                             .arg(file->fileName())
                             .arg(static_cast<int>(file->error()));
            return {};
        }
        QThread::msleep(2 + QRandomGenerator::global()->bounded(10));
    }
    return Lock(std::move(file));
}

bool StateFile::changedOnDisk() const
{
    if (!isEnabled())
        return false;
    const QFileInfo info(m_fileName);
    if (!info.exists())
        return false;
    return info.lastModified() != m_lastModified || info.size() != m_lastSize;
}

void StateFile::remember()
{
    const QFileInfo info(m_fileName);
    m_lastModified = info.lastModified();
    m_lastSize = info.exists() ? info.size() : -1;
}

StateFile::LoadResult StateFile::load(QList<RunRecord> *runs, qint64 *simulatedNowMs,
                                      qint64 *nextRunId, QString *error)
{
    runs->clear();
    *simulatedNowMs = 0;
    *nextRunId = 0;
    QFile file(m_fileName);
    if (!file.exists()) {
        remember();
        return LoadResult::Loaded;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("cannot read state file %1: %2").arg(m_fileName, file.errorString());
        return LoadResult::Unreadable;
    }
    const QByteArray data = file.readAll();
    remember();
    if (data.trimmed().isEmpty())
        return LoadResult::Loaded;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject() || doc.object().value(QStringLiteral("format")).toString() != kFormat) {
        if (error)
            *error = QStringLiteral("state file %1 is not a Brickrun emulator state file")
                         .arg(m_fileName);
        return LoadResult::Damaged;
    }
    const QJsonObject root = doc.object();
    *simulatedNowMs = root.value(QStringLiteral("simulated_now_ms")).toString().toLongLong();
    *nextRunId = root.value(QStringLiteral("next_run_id")).toString().toLongLong();
    const QJsonArray array = root.value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &value : array)
        runs->append(RunRecord::fromJson(value.toObject()));
    return LoadResult::Loaded;
}

bool StateFile::save(const QList<RunRecord> &runs, qint64 simulatedNowMs, qint64 nextRunId,
                     QString *error)
{
    QJsonArray array;
    for (const RunRecord &run : runs)
        array.append(run.toJson());
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("simulated_now_ms"), QString::number(simulatedNowMs)},
                           {QStringLiteral("next_run_id"), QString::number(nextRunId)},
                           {QStringLiteral("runs"), array}};
    QSaveFile file(m_fileName);
    const bool opened = file.open(QIODevice::WriteOnly);
    // Private before a byte is written (QSaveFile gives a new file the umask's mode).
    if (opened)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!opened || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write state file %1: %2")
                         .arg(m_fileName, file.errorString());
        return false;
    }
    remember();
    return makePrivate(error);
}

QString StateFile::setAside(QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString base = m_fileName + QStringLiteral(".damaged-") + stamp;
    QString target = base;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(m_fileName, target)) {
        if (error)
            *error = QStringLiteral("cannot move the damaged state file %1 aside to %2")
                         .arg(m_fileName, target);
        return {};
    }
    remember();
    return target;
}

bool StateFile::makePrivate(QString *error) const
{
    if (!isEnabled())
        return true;
    const QFileInfo info(m_fileName);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        const QString parent = QFileInfo(folder).absolutePath();
#ifdef Q_OS_UNIX
        const bool made = QDir().mkpath(parent) &&
                          QDir().mkdir(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner);
#else
        const bool made = QDir().mkpath(folder);
#endif
        if (!made && !QFileInfo(folder).isDir()) {
            if (error)
                *error = QStringLiteral("cannot create the folder %1")
                             .arg(QDir::toNativeSeparators(folder));
            return false;
        }
    }
#ifdef Q_OS_UNIX
    struct stat st
    {};
    if (::stat(QFile::encodeName(folder).constData(), &st) == 0 &&
        isOwnFolder(folder, info.fileName(), st) && !removeOthersAccess(folder, st, error))
        return false;
    if (::stat(QFile::encodeName(m_fileName).constData(), &st) == 0 && S_ISREG(st.st_mode))
        return removeOthersAccess(m_fileName, st, error);
#endif
    return true;
}

} // namespace Brickrun::Emulator
