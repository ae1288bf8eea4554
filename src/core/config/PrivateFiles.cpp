// SPDX-License-Identifier: Apache-2.0
#include "config/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Brickrun::PrivateFiles {

namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

#ifdef Q_OS_UNIX
QString lastSystemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Takes the group's and others' permissions away from what `path` names (following links: a
// history reached through a link is protected where it lives).
bool removeOthersAccess(const QString &path, const struct stat &st, QString *error)
{
    if ((st.st_mode & 077) == 0)
        return true;
    if (::chmod(QFile::encodeName(path).constData(), st.st_mode & 07700) != 0)
        return failWith(error, QStringLiteral("cannot make %1 private: %2")
                                   .arg(QDir::toNativeSeparators(path), lastSystemError()));
    return true;
}

// A folder other users share by design: never made private.
bool isSharedFolder(const QString &path, const struct stat &st)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return (st.st_mode & S_ISVTX) != 0 || st.st_uid != ::geteuid() ||
           canonical == QLatin1String("/") ||
           canonical == QFileInfo(QDir::homePath()).canonicalFilePath();
}
#endif

} // namespace

bool makePrivateDir(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        const QString parent = info.absolutePath();
        if (!QDir().mkpath(parent))
            return failWith(error, QStringLiteral("cannot create the folder %1")
                                       .arg(QDir::toNativeSeparators(parent)));
#ifdef Q_OS_UNIX
        // Private from the start (QDir::mkdir with permissions applies them at creation).
        const bool made = QDir().mkdir(info.absoluteFilePath(),
                                       QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
#else
        const bool made = QDir().mkdir(info.absoluteFilePath());
#endif
        // Another process may have made it in between: fine when it is a folder now.
        if (!made && !QFileInfo(path).isDir())
            return failWith(
                error,
                QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(path)));
    } else if (!info.isDir()) {
        return failWith(error,
                        QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(path)));
    }
#ifdef Q_OS_UNIX
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return failWith(error, QStringLiteral("cannot read the mode of %1: %2")
                                   .arg(QDir::toNativeSeparators(path), lastSystemError()));
    if (isSharedFolder(path, st))
        return true;
    return removeOthersAccess(path, st, error);
#else
    return true;
#endif
}

bool makePrivateFile(const QString &path, QString *error)
{
#ifdef Q_OS_UNIX
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return true; // nothing to protect
        return failWith(error, QStringLiteral("cannot read the mode of %1: %2")
                                   .arg(QDir::toNativeSeparators(path), lastSystemError()));
    }
    if (!S_ISREG(st.st_mode))
        return true;
    return removeOthersAccess(path, st, error);
#else
    Q_UNUSED(path)
    Q_UNUSED(error)
    return true;
#endif
}

bool createPrivateFile(const QString &path, QString *error)
{
    if (QFileInfo::exists(path))
        return makePrivateFile(path, error);
    QFile file(path);
    // NewOnly: a file another process made in the meantime is not truncated.
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFile::ReadOwner | QFile::WriteOwner)) {
        file.close();
        return makePrivateFile(path, error); // a umask never adds bits, but be exact
    }
    if (QFileInfo::exists(path))
        return makePrivateFile(path, error);
    return failWith(error, QStringLiteral("cannot create %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
}

} // namespace Brickrun::PrivateFiles
