// SPDX-License-Identifier: GPL-3.0-or-later
// A bounded outgoing queue for one WebSocket subscriber. Messages go straight to the socket while
// its own buffer is small; past that they wait here, and are handed over as the socket drains
// (bytesWritten). A subscriber that does not read makes only its own queue grow: past the limit
// it is closed with kCloseSlowConsumer and its queue dropped, so a slow client can neither stall
// the fan-out to the others nor make the server's memory grow without bound.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QWebSocket>

#include <deque>

namespace cidadao::workflows {

struct SendQueueLimits
{
    qint64 socketWindowBytes = 256 * 1024;   // what may sit in the socket's own buffer
    qint64 maxQueuedBytes = 4 * 1024 * 1024; // what may wait here beyond that
    int maxQueuedMessages = 4096;
    int closeGraceMs = 30000; // after the close frame, how long before the connection is cut
};

// A private-use close code (RFC 6455 §7.4.2): "you did not read fast enough".
inline constexpr int kCloseSlowConsumer = 4008;

class SendQueue : public QObject
{
    Q_OBJECT
public:
    SendQueue(QWebSocket* socket, SendQueueLimits limits, QObject* parent = nullptr);

    // Sends or queues; false once the queue has overflowed (the connection is then closing).
    bool push(const QString& text);
    bool overflowed() const { return m_overflowed; }
    qsizetype queuedMessages() const { return qsizetype(m_queue.size()); }
    qint64 queuedBytes() const { return m_queuedBytes; }

Q_SIGNALS:
    // Emitted once, when the limit is passed, just before the close frame is sent.
    void overflow();

private:
    void drain();

    QPointer<QWebSocket> m_socket;
    SendQueueLimits m_limits;
    std::deque<QString> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_overflowed = false;
};

} // namespace cidadao::workflows
