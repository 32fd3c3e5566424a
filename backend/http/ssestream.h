// SPDX-License-Identifier: GPL-3.0-or-later
// A Server-Sent Events answer in progress. Qt 6.4 has no streaming response API, so each event
// is framed as one HTTP chunk by hand: hex(length)\r\n data: <json>\n\n \r\n, and the end is 0\r\n\r\n.
// A client that leaves turns every later send() into a no-op; producers check isOpen() to stop work.
#pragma once

#include "protocol/jsonqt.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace cidadao::http {

class SseStream : public QObject
{
    Q_OBJECT
public:
    explicit SseStream(QTcpSocket* socket);
    ~SseStream() override;

    bool isOpen() const;
    // Writes `data: <compact JSON>\n\n` as one chunk. Returns false when the client is gone.
    bool send(const protocol::Json& event);
    // Writes the chunked terminator; the connection stays usable for keep-alive.
    void close();

Q_SIGNALS:
    void clientGone();

private:
    QPointer<QTcpSocket> m_socket;
    bool m_closed = false;
};

} // namespace cidadao::http
