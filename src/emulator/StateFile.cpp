#include "StateFile.h"

#include <QDeadlineTimer>
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

namespace Brickrun::Emulator {

namespace {

const QString kFormat = QStringLiteral("brickrun-emulator-state-1");
// Holders keep the lock for one read-merge-write of a small file: waiting longer than this
// means something is wrong, and the emulator goes on unlocked rather than hang a request.
constexpr int kLockWaitMs = 30000;
// A lock file older than this is taken over even when QLockFile cannot tell whether its
// holder still runs (another host on a shared folder).
constexpr int kStaleLockMs = 60000;

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
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write state file %1: %2")
                         .arg(m_fileName, file.errorString());
        return false;
    }
    remember();
    return true;
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

} // namespace Brickrun::Emulator
