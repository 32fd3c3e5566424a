// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagination.h"

#include "cursor.h"
#include "vocabulary.h"

namespace cidadao::protocol {

namespace {

void validate(const CursorPaginationRequest& value)
{
    if (value.limit < PageLimitMin || value.limit > PageLimitMax) {
        throw ValidationFailure(QLatin1String(Key::Limit),
                                QStringLiteral("must be an integer from %1 to %2").arg(PageLimitMin).arg(PageLimitMax));
    }
    requireOneOf(QLatin1String(Key::Direction), value.direction, PageDirection::All);
    if (value.cursor)
        decodeCursor(*value.cursor);
}

} // namespace

CursorPaginationRequest CursorPaginationRequest::fromQuery(const QUrlQuery& query, int defaultLimit)
{
    CursorPaginationRequest request;
    request.limit = defaultLimit;
    const QString cursor = query.queryItemValue(QLatin1String(Key::Cursor), QUrl::FullyDecoded);
    if (!cursor.isEmpty())
        request.cursor = cursor;
    if (query.hasQueryItem(QLatin1String(Key::Limit))) {
        bool ok = false;
        const QString text = query.queryItemValue(QLatin1String(Key::Limit), QUrl::FullyDecoded);
        request.limit = text.toInt(&ok);
        if (!ok) {
            throw ValidationFailure(QLatin1String(Key::Limit), QStringLiteral("must be an integer from %1 to %2")
                                                                   .arg(PageLimitMin)
                                                                   .arg(PageLimitMax));
        }
    }
    if (query.hasQueryItem(QLatin1String(Key::Direction)))
        request.direction = query.queryItemValue(QLatin1String(Key::Direction), QUrl::FullyDecoded);
    validate(request);
    return request;
}

void to_json(Json& out, const CursorPaginationRequest& value)
{
    out = Json{{Key::Limit, value.limit}, {Key::Direction, value.direction}};
    putOptional(out, Key::Cursor, value.cursor);
}

void from_json(const Json& in, CursorPaginationRequest& value)
{
    const ObjectReader r(in);
    value.cursor = r.optionalString(Key::Cursor);
    const qint64 limit = r.optionalInteger(Key::Limit).value_or(PageLimitDefault);
    // Range-check before narrowing to int: 2^32 + 20 must not become 20.
    if (limit < PageLimitMin || limit > PageLimitMax) {
        throw ValidationFailure(QLatin1String(Key::Limit),
                                QStringLiteral("must be an integer from %1 to %2").arg(PageLimitMin).arg(PageLimitMax));
    }
    value.limit = int(limit);
    value.direction = r.optionalString(Key::Direction).value_or(QLatin1String(PageDirection::Next));
    validate(value);
}

} // namespace cidadao::protocol
