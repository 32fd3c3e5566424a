// SPDX-License-Identifier: GPL-3.0-or-later
// A WebSocket that stays connected: reconnects with exponential backoff and jitter after any drop,
// sends a heartbeat ping every N seconds and drops a connection whose pong does not come back in
// time (a half-open TCP connection otherwise looks alive for minutes), and lets a subclass restore
// its state (subscriptions) each time the socket opens again. Clock and random source are
// injectable so that tests see exact numbers.
#pragma once

#include "backoff.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QWebSocket;

namespace cidadao::client {

class WebSocketChannel : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, WaitingToReconnect };
    Q_ENUM(State)

    struct Options
    {
        int pingIntervalMs = 15000;
        int pongTimeoutMs = 10000;
        ExponentialBackoff::Policy backoff;
    };

    explicit WebSocketChannel(Options options, QObject* parent = nullptr);
    ~WebSocketChannel() override;

    // The URL used by the next connection attempt (a restarted local backend has a new port).
    void setUrl(const QUrl& url) { m_url = url; }
    QUrl url() const { return m_url; }
    void setTokenProvider(std::function<QString()> provider) { m_tokenProvider = std::move(provider); }
    void setRandomSource(std::function<double()> random);
    void setClock(std::function<qint64()> clockMs) { m_clock = std::move(clockMs); }

    void open();
    void close(); // no reconnection after this
    bool sendText(const QByteArray& text);

    State state() const { return m_state; }
    int connectionCount() const { return m_connections; }
    int lastReconnectDelayMs() const { return m_lastDelayMs; }

Q_SIGNALS:
    void stateChanged(cidadao::client::WebSocketChannel::State state);
    void opened();
    void dropped(const QString& reason);
    void reconnectScheduled(int delayMs, int attempt);
    void heartbeatMissed();

protected:
    virtual void onOpened() {}
    virtual void onTextMessage(const QString& text) = 0;
    // The protocol's ping; the subclass calls notePong() when the answer arrives.
    virtual QByteArray pingFrame(qint64 nowMs) = 0;
    void notePong();
    qint64 now() const { return m_clock(); }
    // Sends a heartbeat ping immediately (also done by the timer).
    void sendPing();

private:
    void connectSocket();
    void handleDrop(const QString& reason);
    void setState(State state);
    void discardSocket();

    Options m_options;
    ExponentialBackoff m_backoff;
    QUrl m_url;
    std::function<QString()> m_tokenProvider;
    std::function<qint64()> m_clock;
    QPointer<QWebSocket> m_socket;
    QTimer m_pingTimer;
    QTimer m_pongDeadline;
    QTimer m_reconnectTimer;
    State m_state = State::Idle;
    bool m_wanted = false;
    int m_connections = 0;
    int m_lastDelayMs = 0;
};

} // namespace cidadao::client
