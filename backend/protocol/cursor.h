// SPDX-License-Identifier: GPL-3.0-or-later
// The pagination cursor of the seed: base64url of compact JSON {"t": ISO timestamp, "i": id,
// "d": "next"|"prev"}. Opaque to clients; the server decodes what it issued and refuses anything
// else with a 422 naming "cursor" (never a 500).
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace cidadao::protocol {

// Cursors longer than this are refused before decoding (ours are ~90 characters).
inline constexpr int CursorMaxLength = 512;

struct Cursor
{
    QDateTime timestamp; // position: the sort key of the last item seen...
    QString id;          // ...and its id, to break ties between equal timestamps
    QString direction = QStringLiteral("next");
    friend bool operator==(const Cursor&, const Cursor&) = default;
};

// base64url without padding.
QString encodeCursor(const Cursor& cursor);
// Accepts padding. Throws ValidationFailure("cursor", ...) on bad base64, bad JSON, wrong or missing
// members, a bad timestamp, an empty or over-long id, or a direction other than next|prev.
Cursor decodeCursor(QStringView text);

} // namespace cidadao::protocol
