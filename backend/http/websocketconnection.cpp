// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketconnection.h"

namespace cidadao::http {

WebSocketConnection::WebSocketConnection(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, QObject* parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_messageLimit(messageLimit)
{
    const qint64 hardCap = 4 * messageLimit;
    m_socket->setMaxAllowedIncomingMessageSize(quint64(hardCap));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(hardCap));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &WebSocketConnection::handleText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &WebSocketConnection::handleBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &WebSocketConnection::finished);
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

bool WebSocketConnection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void WebSocketConnection::sendJson(const protocol::Json& message)
{
    if (isOpen())
        m_socket->sendTextMessage(QString::fromUtf8(protocol::toBytes(message)));
}

void WebSocketConnection::close(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    if (isOpen())
        m_socket->close(code, reason);
}

void WebSocketConnection::onMessageTooLarge(qint64)
{
    closeTooLarge();
}

void WebSocketConnection::closeTooLarge()
{
    close(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("message too large"));
}

void WebSocketConnection::handleText(const QString& message)
{
    const QByteArray utf8 = message.toUtf8();
    if (utf8.size() > m_messageLimit)
        onMessageTooLarge(utf8.size());
    else
        onMessage(utf8);
}

void WebSocketConnection::handleBinary(const QByteArray& message)
{
    // Our protocols are JSON text; a binary frame is treated as UTF-8 text so that clients that
    // send JSON in binary frames still get a meaningful answer.
    if (message.size() > m_messageLimit)
        onMessageTooLarge(message.size());
    else
        onMessage(message);
}

} // namespace cidadao::http
