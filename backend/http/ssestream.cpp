// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssestream.h"

namespace cidadao::http {

SseStream::SseStream(QTcpSocket* socket)
    : m_socket(socket)
{
    if (m_socket) {
        connect(m_socket, &QTcpSocket::disconnected, this, &SseStream::clientGone);
        connect(m_socket, &QObject::destroyed, this, &SseStream::clientGone);
    }
}

SseStream::~SseStream()
{
    close();
}

bool SseStream::isOpen() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SseStream::send(const protocol::Json& event)
{
    if (!isOpen())
        return false;
    const QByteArray payload = "data: " + protocol::toBytes(event) + "\n\n";
    m_socket->write(QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n");
    return true;
}

void SseStream::close()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(QByteArrayLiteral("0\r\n\r\n"));
}

} // namespace cidadao::http
