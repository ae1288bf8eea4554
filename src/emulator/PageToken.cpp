// SPDX-License-Identifier: Apache-2.0
#include "PageToken.h"

#include <QByteArray>
#include <QJsonArray>

namespace Brickrun::Emulator::PageToken {

QString make(const char *kind, qint64 position)
{
    const QByteArray text = QByteArray(kind) + ':' + QByteArray::number(position);
    return QString::fromLatin1(
        text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool parse(const QString &token, const char *kind, qint64 *position)
{
    const QByteArray decoded =
        QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    const QByteArray prefix = QByteArray(kind) + ':';
    if (!decoded.startsWith(prefix))
        return false;
    bool ok = false;
    *position = decoded.mid(prefix.size()).toLongLong(&ok);
    return ok && *position >= 0;
}

void keepPage(QJsonObject *object, const QStringList &members, qint64 page)
{
    bool more = false;
    for (const QString &member : members) {
        if (!object->value(member).isArray())
            continue;
        const QJsonArray all = object->value(member).toArray();
        QJsonArray kept;
        const qint64 first = page * kRunArrayPageSize;
        for (qint64 i = first; i < all.size() && i < first + kRunArrayPageSize; ++i)
            kept.append(all.at(static_cast<qsizetype>(i)));
        more |= first + kRunArrayPageSize < all.size();
        object->insert(member, kept);
    }
    if (more)
        object->insert(QStringLiteral("next_page_token"), make("page", page + 1));
}

} // namespace Brickrun::Emulator::PageToken
