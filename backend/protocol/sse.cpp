// SPDX-License-Identifier: GPL-3.0-or-later
#include "sse.h"

namespace cidadao::protocol {

QByteArray sseFrame(const Json& event)
{
    return QByteArray(QByteArrayLiteral("data: ") + toBytes(event) + QByteArrayLiteral("\n\n"));
}

SseDecoder::SseDecoder(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{
}

QList<QByteArray> SseDecoder::feed(QByteArrayView bytes)
{
    QList<QByteArray> events;
    for (const char c : bytes) {
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (c == '\n')
                continue;
        }
        if (c == '\r' || c == '\n') {
            m_skipLeadingLf = c == '\r';
            takeLine(m_pending, events);
            m_pending.clear();
            continue;
        }
        if (m_pending.size() + m_data.size() >= m_maxEventBytes) {
            m_overflowed = true;
            continue;
        }
        m_pending.append(c);
    }
    return events;
}

void SseDecoder::takeLine(QByteArrayView line, QList<QByteArray>& events)
{
    if (line.isEmpty()) {
        // A blank line dispatches the event.
        if (m_hasData)
            events.append(m_data);
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field != "data")
        return; // event:, id:, retry: carry nothing we use
    if (m_hasData)
        m_data.append('\n');
    m_data.append(value);
    m_hasData = true;
}

} // namespace cidadao::protocol
