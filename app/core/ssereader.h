// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental Server-Sent Events reader for chat and investigation streams: bytes go in as a
// QNetworkReply delivers them, one JSON event comes out per complete `data:` frame. The framing
// rules (split frames, CRLF/LF/CR, comments, multi-line data) live in protocol::SseDecoder, which
// the server's tests also exercise; this class adds JSON decoding and the reply plumbing.
#pragma once

#include "protocol/sse.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace cidadao::client {

class SseReader : public QObject
{
    Q_OBJECT
public:
    explicit SseReader(QObject* parent = nullptr);

    // Reads from the reply until it finishes (the reply stays owned by the caller).
    void attach(QNetworkReply* reply);
    // Feeds bytes by hand; returns the number of events emitted.
    int feed(QByteArrayView bytes);
    int eventCount() const { return m_events; }
    int malformedCount() const { return m_malformed; }

Q_SIGNALS:
    void event(const cidadao::protocol::Json& event);
    // A data frame that is not JSON: reported, never fatal, because one bad frame must not end a reply.
    void malformed(const QByteArray& data);
    void overflowed();
    void ended();

private:
    protocol::SseDecoder m_decoder;
    QPointer<QNetworkReply> m_reply;
    int m_events = 0;
    int m_malformed = 0;
    bool m_reportedOverflow = false;
};

} // namespace cidadao::client
