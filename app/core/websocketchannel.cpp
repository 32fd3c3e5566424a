// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketchannel.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcSocket, "cidadao.client.websocket")

namespace cidadao::client {

WebSocketChannel::WebSocketChannel(Options options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_backoff(options.backoff)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_pingTimer.setInterval(m_options.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &WebSocketChannel::sendPing);
    m_pongDeadline.setSingleShot(true);
    m_pongDeadline.setInterval(m_options.pongTimeoutMs);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        Q_EMIT heartbeatMissed();
        handleDrop(QStringLiteral("no pong within %1 ms").arg(m_options.pongTimeoutMs));
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WebSocketChannel::connectSocket);
}

WebSocketChannel::~WebSocketChannel()
{
    m_wanted = false;
    discardSocket();
}

void WebSocketChannel::setRandomSource(std::function<double()> random)
{
    m_backoff = ExponentialBackoff(m_options.backoff, std::move(random));
}

void WebSocketChannel::open()
{
    m_wanted = true;
    if (m_state == State::Idle)
        connectSocket();
}

void WebSocketChannel::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    discardSocket();
    setState(State::Idle);
}

bool WebSocketChannel::sendText(const QByteArray& text)
{
    if (m_state != State::Open || !m_socket)
        return false;
    return m_socket->sendTextMessage(QString::fromUtf8(text)) > 0;
}

void WebSocketChannel::sendPing()
{
    if (m_state != State::Open)
        return;
    if (sendText(pingFrame(now())) && !m_pongDeadline.isActive())
        m_pongDeadline.start();
}

void WebSocketChannel::notePong()
{
    m_pongDeadline.stop();
}

void WebSocketChannel::connectSocket()
{
    if (!m_wanted)
        return;
    discardSocket();
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket != m_socket)
            return;
        ++m_connections;
        m_backoff.reset();
        setState(State::Open);
        m_pingTimer.start();
        onOpened();
        Q_EMIT opened();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            handleDrop(socket->closeReason().isEmpty() ? QStringLiteral("disconnected") : socket->closeReason());
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket](QAbstractSocket::SocketError) {
        if (socket == m_socket)
            handleDrop(socket->errorString());
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) {
        if (socket == m_socket)
            onTextMessage(text);
    });
    QNetworkRequest request(m_url);
    if (m_tokenProvider) {
        const QString token = m_tokenProvider();
        if (!token.isEmpty())
            request.setRawHeader("Authorization", QByteArray("Bearer " + token.toUtf8()));
    }
    setState(State::Connecting);
    socket->open(request);
}

void WebSocketChannel::handleDrop(const QString& reason)
{
    if (m_state == State::Idle || m_state == State::WaitingToReconnect)
        return;
    qCDebug(lcSocket) << "dropped:" << reason;
    m_pingTimer.stop();
    m_pongDeadline.stop();
    discardSocket();
    Q_EMIT dropped(reason);
    if (!m_wanted) {
        setState(State::Idle);
        return;
    }
    const int attempt = m_backoff.attempts() + 1;
    m_lastDelayMs = m_backoff.nextDelayMs();
    setState(State::WaitingToReconnect);
    Q_EMIT reconnectScheduled(m_lastDelayMs, attempt);
    m_reconnectTimer.start(m_lastDelayMs);
}

void WebSocketChannel::discardSocket()
{
    m_pingTimer.stop();
    m_pongDeadline.stop();
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void WebSocketChannel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cidadao::client
