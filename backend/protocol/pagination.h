// SPDX-License-Identifier: GPL-3.0-or-later
// Cursor pagination (seed): the request parameters (from a JSON body or a URL query) and the
// response envelope around a page of any item type.
#pragma once

#include "jsonqt.h"
#include "keys.h"
#include "decoding.h"

#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cidadao::protocol {

inline constexpr int PageLimitMin = 1;
inline constexpr int PageLimitMax = 100;
inline constexpr int PageLimitDefault = 20;

// Validation: limit 1..100, direction next|prev, cursor decodable by decodeCursor().
struct CursorPaginationRequest
{
    std::optional<QString> cursor;
    int limit = PageLimitDefault;
    QString direction = QStringLiteral("next");

    // GET parameters (?cursor=&limit=&direction=). An empty cursor means "first page".
    static CursorPaginationRequest fromQuery(const QUrlQuery& query, int defaultLimit = PageLimitDefault);
};
void to_json(Json& out, const CursorPaginationRequest& value);
void from_json(const Json& in, CursorPaginationRequest& value);

template<typename T>
struct CursorPaginationResponse
{
    QList<T> items;
    std::optional<QString> nextCursor;
    std::optional<QString> prevCursor;
    bool hasMore = false;
    std::optional<qint64> totalItems;
    Json metadata = Json::object();
};

template<typename T>
void to_json(Json& out, const CursorPaginationResponse<T>& value)
{
    out = Json{{Key::Items, toJsonArray(value.items)}, {Key::HasMore, value.hasMore}, {Key::Metadata, value.metadata}};
    putOptional(out, Key::NextCursor, value.nextCursor);
    putOptional(out, Key::PrevCursor, value.prevCursor);
    putOptional(out, Key::TotalItems, value.totalItems);
}

template<typename T>
void from_json(const Json& in, CursorPaginationResponse<T>& value)
{
    const ObjectReader r(in);
    value.items = r.list<T>(Key::Items);
    value.nextCursor = r.optionalString(Key::NextCursor);
    value.prevCursor = r.optionalString(Key::PrevCursor);
    value.hasMore = r.optionalBoolean(Key::HasMore).value_or(false);
    value.totalItems = r.optionalInteger(Key::TotalItems);
    value.metadata = r.optionalObject(Key::Metadata).value_or(Json::object());
}

} // namespace cidadao::protocol
