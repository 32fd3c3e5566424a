// SPDX-License-Identifier: GPL-3.0-or-later
// Base of every WebSocket endpoint (chat, voice, workflows): owns the QWebSocket, enforces the
// per-message size limit itself so that the endpoint can answer with its own protocol's error
// before closing with 1009, and gives one JSON send path.
#pragma once

#include "protocol/jsonqt.h"

#include <QObject>
#include <QWebSocket>

#include <memory>

namespace cidadao::http {

class WebSocketConnection : public QObject
{
    Q_OBJECT
public:
    // Qt's own limit is set above ours (hardCap) so that an oversize message reaches us first and
    // the endpoint can say why it closes; past hardCap Qt closes with 1009 by itself.
    static constexpr qint64 kDefaultMessageLimit = 1024 * 1024;

    WebSocketConnection(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, QObject* parent = nullptr);
    ~WebSocketConnection() override;

    QWebSocket* socket() const { return m_socket.get(); }
    bool isOpen() const;
    void sendJson(const protocol::Json& message);
    void close(QWebSocketProtocol::CloseCode code, const QString& reason);

Q_SIGNALS:
    void finished();

protected:
    // One complete text message within the limit.
    virtual void onMessage(const QByteArray& utf8) = 0;
    // A message over the limit; the default closes with 1009. Overrides should send their
    // protocol's error first and then call closeTooLarge().
    virtual void onMessageTooLarge(qint64 size);
    void closeTooLarge();

private:
    void handleText(const QString& message);
    void handleBinary(const QByteArray& message);

    std::unique_ptr<QWebSocket> m_socket;
    qint64 m_messageLimit;
};

} // namespace cidadao::http
