// SPDX-License-Identifier: Apache-2.0
#include "Console.h"

#include <cstdio>

namespace Brickrun::Cli::Console {

QString printable(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f);
        if (control)
            safe += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    return safe;
}

namespace {
void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = printable(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void out(const QString &text)
{
    print(stdout, text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'));
}

void write(const QString &text)
{
    print(stdout, text);
}

void err(const QString &text)
{
    print(stderr, text + QLatin1Char('\n'));
}

QString progressLine(qint64 elapsedMs, const QString &text)
{
    return QStringLiteral("[%1s] %2").arg(double(elapsedMs) / 1000.0, 7, 'f', 1).arg(text);
}

} // namespace Brickrun::Cli::Console
