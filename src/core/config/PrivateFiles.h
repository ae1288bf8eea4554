// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

// Files only their owner may read: the run history (and its SQLite companions), the copies of a
// damaged history, and later the settings and the demo workspace's state. They hold workspace
// URLs, notebook paths, parameters and results, which other users of the machine must not read.
//
// On Unix "private" means no permission for the group and others: a folder 0700, a file 0600
// (the owner's own bits are kept, e.g. a read-only 0400 file stays 0400). Creating is done with
// those modes from the start, so there is no moment where the file or folder is open to others.
// On Windows every function only creates what is asked (no mode change): a profile's folders
// are private to its user already.
namespace Brickrun::PrivateFiles {

// Creates `path` (and its missing parents, with the usual modes) as a private folder, or makes
// an existing one private. A folder that other users are meant to share is left as it is: one
// with the sticky bit (like /tmp), the root folder, the home folder, and one owned by another
// user. Returns false, with *error, when the folder cannot be created or its mode not set.
bool makePrivateDir(const QString &path, QString *error = nullptr);

// Makes an existing file private. A missing `path` is not an error (nothing to do), so the
// companions of a file (-wal, -shm…) can be passed whether they exist or not; only regular
// files are changed. Returns false, with *error, when the mode cannot be set.
bool makePrivateFile(const QString &path, QString *error = nullptr);

// Creates an empty private file at `path` when there is none (an existing file is made private
// instead). SQLite gives a database's -wal, -shm and -journal files the mode of the database
// file, so a history created this way has private companions too.
bool createPrivateFile(const QString &path, QString *error = nullptr);

} // namespace Brickrun::PrivateFiles
