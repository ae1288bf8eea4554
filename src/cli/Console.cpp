#include "Console.h"

#include <cstdio>

namespace Brickrun::Cli::Console {

void out(const QString &text)
{
    const QByteArray bytes =
        (text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void write(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = (text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString progressLine(qint64 elapsedMs, const QString &text)
{
    return QStringLiteral("[%1s] %2").arg(double(elapsedMs) / 1000.0, 7, 'f', 1).arg(text);
}

} // namespace Brickrun::Cli::Console
