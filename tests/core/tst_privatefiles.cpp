// SPDX-License-Identifier: Apache-2.0
#include "config/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Brickrun;

namespace {

#ifdef Q_OS_UNIX
int modeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

bool setMode(const QString &path, int mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}
#endif

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class tst_PrivateFiles : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
#ifdef Q_OS_UNIX
        ::umask(022);
#else
        QSKIP("file modes are a Unix matter; on Windows the functions only create");
#endif
    }

#ifdef Q_OS_UNIX
    void newFolderIsPrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("a/b/history"));
        QString error;
        QVERIFY2(PrivateFiles::makePrivateDir(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(modeOf(path), 0700);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("a/b"))), 0755); // parents as usual
        QVERIFY(PrivateFiles::makePrivateDir(path, &error));           // again: nothing to do
        QCOMPARE(modeOf(path), 0700);
    }

    void existingFolderIsMadePrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("open-folder"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(setMode(path, 0775));
        QString error;
        QVERIFY2(PrivateFiles::makePrivateDir(path, &error), qPrintable(error));
        QCOMPARE(modeOf(path), 0700);
    }

    void sharedFoldersAreLeftAlone()
    {
        // A folder like /tmp (sticky, for everyone): a history put there does not close it.
        const QString path = m_dir.filePath(QStringLiteral("like-tmp"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(setMode(path, 01777));
        QString error;
        QVERIFY2(PrivateFiles::makePrivateDir(path, &error), qPrintable(error));
        QCOMPARE(modeOf(path), 01777);
    }

    void notAFolder()
    {
        const QString file = m_dir.filePath(QStringLiteral("a-file"));
        QVERIFY(writeFile(file, "x"));
        QString error;
        QVERIFY(!PrivateFiles::makePrivateDir(file, &error));
        QVERIFY2(error.contains(QLatin1String("not a folder")), qPrintable(error));
        QVERIFY(!PrivateFiles::makePrivateDir(file + QStringLiteral("/sub/dir"), &error));
        QVERIFY2(error.contains(QLatin1String("cannot create")), qPrintable(error));
    }

    void filesAreMadePrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("file.sqlite"));
        QVERIFY(writeFile(path, "data"));
        QCOMPARE(modeOf(path), 0644);
        QString error;
        QVERIFY2(PrivateFiles::makePrivateFile(path, &error), qPrintable(error));
        QCOMPARE(modeOf(path), 0600);
        // The owner's bits are kept: a read-only file stays read-only.
        QVERIFY(setMode(path, 0444));
        QVERIFY(PrivateFiles::makePrivateFile(path, &error));
        QCOMPARE(modeOf(path), 0400);
        // Missing: nothing to do, not an error.
        QVERIFY(PrivateFiles::makePrivateFile(path + QStringLiteral("-wal"), &error));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        // A folder is not a file: left alone.
        const QString folder = m_dir.filePath(QStringLiteral("not-a-file"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(PrivateFiles::makePrivateFile(folder, &error));
        QCOMPARE(modeOf(folder), 0755);
    }

    void createdFilesArePrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("created.sqlite"));
        QString error;
        QVERIFY2(PrivateFiles::createPrivateFile(path, &error), qPrintable(error));
        QCOMPARE(QFileInfo(path).size(), 0);
        QCOMPARE(modeOf(path), 0600);
        // An existing file is kept (never truncated) and made private.
        QVERIFY(setMode(path, 0666));
        QVERIFY(writeFile(path, "kept"));
        QVERIFY(PrivateFiles::createPrivateFile(path, &error));
        QCOMPARE(QFileInfo(path).size(), 4);
        QCOMPARE(modeOf(path), 0600);
        QVERIFY(!PrivateFiles::createPrivateFile(m_dir.filePath(QStringLiteral("no/such/file")),
                                                 &error));
        QVERIFY2(error.contains(QLatin1String("cannot create")), qPrintable(error));
    }
#endif
};

QTEST_GUILESS_MAIN(tst_PrivateFiles)
#include "tst_privatefiles.moc"
