// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include "protocol/apierror.h"

#include <QHttpServerRequest>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcHttp, "cidadao.http", QtWarningMsg)

namespace cidadao::http {

using protocol::ApiError;
namespace ErrorCode = protocol::ErrorCode;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

// A client's X-Request-ID is echoed only when it is short and plain, so that it can never be
// used to inject header lines or flood logs.
QString acceptableRequestId(const QByteArray& value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._:\\-]{1,128}$"));
    const QString text = QString::fromLatin1(value);
    if (!value.isEmpty() && plain.match(text).hasMatch())
        return text;
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isWebSocketUpgrade(const QHttpServerRequest& request)
{
    return request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

ApiError makeError(int status, const char* code, const QString& message)
{
    return ApiError{status, QLatin1String(code), message, protocol::Json::object()};
}

} // namespace

HttpServer::HttpServer(ServerLimits limits, bool devMode, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_limits(limits)
    , m_devMode(devMode)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServer::acceptWebSockets);
}

HttpServer::~HttpServer() = default;

void HttpServer::addWebSocketEndpoint(const QString& pattern, WebSocketFactory factory)
{
    m_webSocketEndpoints.push_back({pattern, Router::splitPath(pattern), std::move(factory)});
}

QStringList HttpServer::webSocketPatterns() const
{
    QStringList result;
    for (const WebSocketEndpoint& endpoint : m_webSocketEndpoints)
        result.append(endpoint.pattern);
    return result;
}

void HttpServer::addFilter(RequestFilter filter)
{
    m_filters.push_back(std::move(filter));
}

quint16 HttpServer::listenOn(const QHostAddress& address, quint16 port)
{
    auto* tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

void HttpServer::shutdown()
{
    for (const auto& connection : std::as_const(m_connections)) {
        if (connection)
            connection->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    }
    for (QTcpServer* tcp : servers()) {
        tcp->close();
        for (QTcpSocket* socket : tcp->findChildren<QTcpSocket*>()) {
            socket->flush();
            socket->disconnectFromHost();
        }
    }
}

Request HttpServer::makeRequest(const QHttpServerRequest& request) const
{
    Request result;
    result.timer.start();
    result.method = methodName(request.method());
    result.path = request.url().path(QUrl::FullyDecoded);
    result.query = request.query();
    result.headers = request.headers();
    result.body = request.body();
    result.remoteAddress = request.remoteAddress();
    result.requestId = acceptableRequestId(request.value(QByteArrayLiteral("x-request-id")));
    return result;
}

bool HttpServer::handleRequest(const QHttpServerRequest& qRequest, QTcpSocket* socket)
{
    if (isWebSocketUpgrade(qRequest)) {
        // Returning true without writing lets QAbstractHttpServer finish the upgrade; false makes
        // it call missingHandler (our 404) and drop the connection.
        return findWebSocketEndpoint(qRequest.url().path(QUrl::FullyDecoded), nullptr) != nullptr;
    }
    Request request = makeRequest(qRequest);
    Responder responder(socket, request.requestId, request.timer, request.method == "HEAD");
    dispatch(request, responder);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest& qRequest, QTcpSocket* socket)
{
    Request request = makeRequest(qRequest);
    Responder responder(socket, request.requestId, request.timer);
    responder.error(makeError(404, ErrorCode::NotFound, QStringLiteral("no such endpoint: %1").arg(request.path)));
}

void HttpServer::dispatch(Request& request, Responder& responder)
{
    try {
        const Router::Match match = m_router.match(request.method, request.path);
        const qint64 bodyLimit = match.route && match.route->maxBodyBytes > 0 ? match.route->maxBodyBytes
                                                                               : m_limits.maxBodyBytes;
        if (request.body.size() > bodyLimit) {
            ApiError error = makeError(413, ErrorCode::PayloadTooLarge,
                                       QStringLiteral("request body over %1 bytes").arg(bodyLimit));
            error.details = protocol::Json{{"limit", bodyLimit}};
            responder.error(error);
            return;
        }
        if (match.kind == Router::Match::Kind::NotFound) {
            responder.error(makeError(404, ErrorCode::NotFound, QStringLiteral("no such endpoint: %1").arg(request.path)));
            return;
        }
        if (match.kind == Router::Match::Kind::MethodNotAllowed) {
            QByteArray allowed = match.allowed.join(", ");
            if (match.allowed.contains("GET"))
                allowed += ", HEAD";
            ApiError error = makeError(405, ErrorCode::MethodNotAllowed,
                                       QStringLiteral("method %1 not allowed here; allowed: %2")
                                           .arg(QString::fromLatin1(request.method), QString::fromLatin1(allowed)));
            error.details = protocol::Json{{"allowed", QString::fromLatin1(allowed)}};
            responder.error(error, {{QByteArrayLiteral("Allow"), allowed}});
            return;
        }
        request.pathParams = match.params;
        for (const RequestFilter& filter : m_filters) {
            if (!filter(request, responder, *match.route))
                return;
        }
        match.route->handler(request, responder);
    } catch (const protocol::ValidationFailure& failure) {
        responder.error(failure.toApiError());
    } catch (const protocol::ApiException& exception) {
        responder.error(exception.error());
    } catch (const std::exception& exception) {
        // Internals never leak; the type is shown only to developers (--dev).
        qCWarning(lcHttp) << "internal error on" << request.method << request.path << exception.what();
        ApiError error = makeError(500, ErrorCode::InternalServerError, QStringLiteral("An unexpected error occurred"));
        if (m_devMode)
            error.details = protocol::Json{{"error_type", typeid(exception).name()}, {"error", exception.what()}};
        responder.error(error);
    }
}

const HttpServer::WebSocketEndpoint* HttpServer::findWebSocketEndpoint(const QString& path,
                                                                        QHash<QString, QString>* params) const
{
    const QStringList parts = Router::splitPath(path);
    for (const WebSocketEndpoint& endpoint : m_webSocketEndpoints) {
        if (Router::matchSegments(endpoint.segments, parts, params))
            return &endpoint;
    }
    return nullptr;
}

void HttpServer::acceptWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            continue;
        QHash<QString, QString> params;
        const WebSocketEndpoint* endpoint =
            findWebSocketEndpoint(socket->requestUrl().path(QUrl::FullyDecoded), &params);
        if (!endpoint) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no such endpoint"));
            continue;
        }
        WebSocketConnection* connection = endpoint->factory(std::move(socket), params);
        if (!connection)
            continue;
        connection->setParent(this);
        m_connections.removeAll(nullptr);
        m_connections.append(connection);
        connect(connection, &WebSocketConnection::finished, connection, &QObject::deleteLater);
    }
}

} // namespace cidadao::http
