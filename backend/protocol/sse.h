// SPDX-License-Identifier: GPL-3.0-or-later
// Server-Sent Events framing as the API uses it (spec/API.md §4): every frame is exactly
// "data: <compact JSON>\n\n", no event:/id: lines. The writer side is one function; the reader
// side is an incremental decoder that tolerates what other servers send (CRLF, comments, several
// data lines, other fields), so the client can read upstream streams too.
#pragma once

#include "jsonqt.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace cidadao::protocol {

inline constexpr char SseContentType[] = "text/event-stream";

// "data: {...}\n\n"
QByteArray sseFrame(const Json& event);

// Feed bytes as they arrive; complete events come out as the concatenated data lines of each
// (joined with '\n' as the SSE standard says). Events without data lines are skipped.
class SseDecoder
{
public:
    // Bytes of one unterminated event beyond this are dropped and reported by overflowed(): a
    // server that never ends a frame must not make the client grow without bound.
    explicit SseDecoder(qsizetype maxEventBytes = 4 * 1024 * 1024);

    QList<QByteArray> feed(QByteArrayView bytes);
    bool overflowed() const { return m_overflowed; }

private:
    void takeLine(QByteArrayView line, QList<QByteArray>& events);

    qsizetype m_maxEventBytes;
    QByteArray m_pending; // bytes of the current, unfinished line
    QByteArray m_data;    // data lines of the current event so far
    bool m_hasData = false;
    bool m_skipLeadingLf = false; // a '\r' ended the previous line; a following '\n' belongs to it
    bool m_overflowed = false;
};

} // namespace cidadao::protocol
