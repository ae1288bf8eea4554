// SPDX-License-Identifier: Apache-2.0
// main() for the fuzz targets in builds without libFuzzer (GCC, or BRICKRUN_FUZZ off): runs
// LLVMFuzzerTestOneInput on every file given, or on every file in the folders given (the seed
// corpora in tests/data/fuzz/<target>/), so that each build - the sanitizer build above all -
// checks the targets and their corpora as an ordinary test.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool runFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return false;
    }
    const QByteArray bytes = file.readAll();
    // A copy of exactly the input's size, as libFuzzer gives it: ASan sees a read past its end.
    std::vector<uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.data(), input.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    int inputs = 0;
    bool ok = argc > 1;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext())
                files << it.next();
            files.sort();
            for (const QString &f : files) {
                ok = runFile(f) && ok;
                ++inputs;
            }
        } else {
            ok = runFile(arg) && ok;
            ++inputs;
        }
    }
    // The empty input, which every target must survive too.
    LLVMFuzzerTestOneInput(nullptr, 0);
    std::fprintf(stderr, "%d inputs replayed\n", inputs);
    return ok && inputs > 0 ? 0 : 1;
}
