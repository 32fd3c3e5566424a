// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP + WebSocket server of cidadao-server: one listener, our own routing, one place that
// turns every error into the envelope of spec/API.md §1, and the standard headers on every answer.
// Qt 6.4's QHttpServer router is not used: it answers 404 for a wrong method and crashes on
// QFuture responses whose client left, so we subclass QAbstractHttpServer directly.
#pragma once

#include "router.h"
#include "websocketconnection.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>

#include <functional>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace cidadao::http {

struct ServerLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxWebSocketMessageBytes = WebSocketConnection::kDefaultMessageLimit;
};

// Creates the connection object of one WebSocket endpoint; return nullptr to refuse (the
// factory then closes the socket itself). The server parents what is returned.
using WebSocketFactory = std::function<WebSocketConnection*(std::unique_ptr<QWebSocket> socket,
                                                            const QHash<QString, QString>& params)>;

// Runs before the handler; returns false when it has answered (401, 429, ...).
using RequestFilter = std::function<bool(Request& request, Responder& responder, const Route& route)>;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(ServerLimits limits, bool devMode, QObject* parent = nullptr);
    ~HttpServer() override;

    Router& router() { return m_router; }
    const Router& router() const { return m_router; }
    const ServerLimits& limits() const { return m_limits; }
    bool devMode() const { return m_devMode; }

    void addWebSocketEndpoint(const QString& pattern, WebSocketFactory factory);
    QStringList webSocketPatterns() const;
    void addFilter(RequestFilter filter);

    // Listens on address:port (0 = any free port). Returns the bound port, or 0 with errorString().
    quint16 listenOn(const QHostAddress& address, quint16 port);
    QString errorString() const { return m_error; }

    // Stops listening, closes every WebSocket with 1001 and every HTTP connection (open event
    // streams included) after flushing what was written.
    void shutdown();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct WebSocketEndpoint
    {
        QString pattern;
        QStringList segments;
        WebSocketFactory factory;
    };

    void dispatch(Request& request, Responder& responder);
    const WebSocketEndpoint* findWebSocketEndpoint(const QString& path, QHash<QString, QString>* params) const;
    void acceptWebSockets();
    Request makeRequest(const QHttpServerRequest& request) const;

    Router m_router;
    ServerLimits m_limits;
    bool m_devMode;
    std::vector<WebSocketEndpoint> m_webSocketEndpoints;
    std::vector<RequestFilter> m_filters;
    QList<QPointer<WebSocketConnection>> m_connections;
    QString m_error;
};

} // namespace cidadao::http
