// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics.h"

#include "http/ssestream.h"

#include <QTimer>

namespace cidadao::server {

using protocol::Json;

namespace {

// Echoes each JSON message back as {"type":"echo","data":...}; protocol errors keep the socket open.
class EchoConnection : public http::WebSocketConnection
{
public:
    using WebSocketConnection::WebSocketConnection;

protected:
    void onMessage(const QByteArray& utf8) override
    {
        Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        if (parsed.is_discarded()) {
            sendJson({{"type", "error"}, {"data", {{"code", "INVALID_MESSAGE"}, {"message", "malformed JSON"}}}});
            return;
        }
        sendJson({{"type", "echo"}, {"data", parsed}});
    }
    void onMessageTooLarge(qint64 size) override
    {
        sendJson({{"type", "error"},
                  {"data", {{"code", "MESSAGE_TOO_LARGE"}, {"message", "message over the limit"}, {"size", size}}}});
        closeTooLarge();
    }
};

} // namespace

void registerDiagnostics(http::HttpServer& server)
{
    // GET /api/v1/dev/stream?count=N&interval_ms=M: N tick events M ms apart, then the end.
    server.router().add("GET", QStringLiteral("/api/v1/dev/stream"), [](http::Request& request, http::Responder& responder) {
        const int count = request.intQuery(QStringLiteral("count"), 10, 1, 100000);
        const int interval = request.intQuery(QStringLiteral("interval_ms"), 10, 0, 60000);
        std::shared_ptr<http::SseStream> stream = responder.startEventStream();
        auto* timer = new QTimer(stream.get());
        auto sent = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, stream.get(), [stream, timer, sent, count]() mutable {
            if (!stream->send(Json{{"type", "tick"}, {"index", *sent}}) || ++*sent >= count) {
                timer->stop();
                stream->close();
                // Release the last reference from outside the lambda that owns it.
                QTimer::singleShot(0, [keep = std::move(stream)] {});
            }
        });
        stream->send(Json{{"type", "start"}, {"count", count}});
        timer->start(interval);
    });
    // GET /api/v1/dev/whoami: who the auth gate says is calling, on a route open to anonymous
    // callers exactly as chat and /investigations/public/* are under --allow-anonymous.
    server.router().add(
        "GET", QStringLiteral("/api/v1/dev/whoami"),
        [](http::Request& request, http::Responder& responder) {
            const http::Principal& who = *request.principal;
            responder.json(200, Json{{"user_id", who.userId}, {"role", who.role}, {"anonymous", who.anonymous}});
        },
        http::Access::AnonymousOk);
    // POST /api/v1/dev/echo: the JSON body back, through the same body parser as every JSON route.
    server.router().add("POST", QStringLiteral("/api/v1/dev/echo"), [](http::Request& request, http::Responder& responder) {
        responder.json(200, Json{{"echo", request.jsonBody()}});
    });
    server.addWebSocketEndpoint(QStringLiteral("/api/v1/dev/echo"),
                                [&server](std::unique_ptr<QWebSocket> socket, const QHash<QString, QString>&) {
                                    return new EchoConnection(std::move(socket), server.limits().maxWebSocketMessageBytes);
                                });
}

} // namespace cidadao::server
