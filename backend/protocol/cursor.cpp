// SPDX-License-Identifier: GPL-3.0-or-later
#include "cursor.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

#include <QByteArray>

namespace cidadao::protocol {

namespace {

[[noreturn]] void malformed(const QString& reason)
{
    throw ValidationFailure(QLatin1String(Key::Cursor), reason);
}

} // namespace

QString encodeCursor(const Cursor& cursor)
{
    const Json body{{Key::CursorTimestamp, formatTimestamp(cursor.timestamp)},
                    {Key::CursorId, cursor.id},
                    {Key::CursorDirection, cursor.direction}};
    return QString::fromLatin1(
        toBytes(body).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Cursor decodeCursor(QStringView text)
{
    if (text.isEmpty())
        malformed(QStringLiteral("must not be empty"));
    if (text.size() > CursorMaxLength)
        malformed(QStringLiteral("is too long"));
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            malformed(QStringLiteral("is not base64url"));
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        malformed(QStringLiteral("is not base64url"));

    Json body;
    try {
        body = parseJson(*decoded, 4);
    } catch (const ValidationFailure&) {
        malformed(QStringLiteral("does not hold JSON"));
    }
    if (!body.is_object())
        malformed(QStringLiteral("does not hold a JSON object"));

    const auto member = [&body](const char* key) -> QString {
        const auto it = body.find(key);
        if (it == body.end() || !it->is_string())
            malformed(QStringLiteral("lacks a string \"%1\"").arg(QLatin1String(key)));
        return it->get<QString>();
    };
    Cursor cursor;
    const std::optional<QDateTime> timestamp = parseTimestamp(member(Key::CursorTimestamp));
    if (!timestamp)
        malformed(QStringLiteral("holds a bad timestamp"));
    cursor.timestamp = *timestamp;
    cursor.id = member(Key::CursorId);
    if (cursor.id.isEmpty() || cursor.id.size() > IdMaxLength)
        malformed(QStringLiteral("holds a bad id"));
    cursor.direction = member(Key::CursorDirection);
    if (!isOneOf(cursor.direction, PageDirection::All))
        malformed(QStringLiteral("holds a bad direction"));
    return cursor;
}

} // namespace cidadao::protocol
