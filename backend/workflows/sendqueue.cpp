// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendqueue.h"

#include <QTimer>

namespace cidadao::workflows {

SendQueue::SendQueue(QWebSocket* socket, SendQueueLimits limits, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
{
    connect(socket, &QWebSocket::bytesWritten, this, &SendQueue::drain);
}

bool SendQueue::push(const QString& text)
{
    if (m_overflowed || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_queue.empty() && m_socket->bytesToWrite() < m_limits.socketWindowBytes) {
        m_socket->sendTextMessage(text);
        return true;
    }
    // UTF-16 size is a fair upper bound of the UTF-8 bytes for the mostly-ASCII JSON we send.
    const qint64 size = qint64(text.size());
    if (qsizetype(m_queue.size()) >= m_limits.maxQueuedMessages || m_queuedBytes + size > m_limits.maxQueuedBytes) {
        m_overflowed = true;
        m_queue.clear();
        m_queuedBytes = 0;
        Q_EMIT overflow();
        QWebSocket* socket = m_socket;
        socket->close(QWebSocketProtocol::CloseCode(kCloseSlowConsumer),
                      QStringLiteral("send queue over its limit: the client reads too slowly"));
        // The close frame waits behind unread bytes; a client that never reads is cut off.
        QTimer::singleShot(m_limits.closeGraceMs, socket, [socket] { socket->abort(); });
        return false;
    }
    m_queue.push_back(text);
    m_queuedBytes += size;
    return true;
}

void SendQueue::drain()
{
    while (!m_queue.empty() && m_socket && m_socket->state() == QAbstractSocket::ConnectedState
           && m_socket->bytesToWrite() < m_limits.socketWindowBytes) {
        m_queuedBytes -= qint64(m_queue.front().size());
        m_socket->sendTextMessage(m_queue.front());
        m_queue.pop_front();
    }
}

} // namespace cidadao::workflows
