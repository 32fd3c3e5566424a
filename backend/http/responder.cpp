// SPDX-License-Identifier: GPL-3.0-or-later
#include "responder.h"

#include "ssestream.h"

#include <QHash>

namespace cidadao::http {

namespace {

// Built once: sent on every answer (qBittorrent's WebUI does the same).
const HeaderList& securityHeaders()
{
    static const HeaderList headers = {
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
        {QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")},
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")},
    };
    return headers;
}

} // namespace

Responder::Responder(QTcpSocket* socket, QString requestId, QElapsedTimer timer, bool headRequest)
    : m_socket(socket)
    , m_requestId(std::move(requestId))
    , m_timer(timer)
    , m_headRequest(headRequest)
{
}

bool Responder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Responder::addHeader(QByteArray name, QByteArray value)
{
    m_extraHeaders.append({std::move(name), std::move(value)});
}

QByteArray Responder::reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases = {
        {200, "OK"}, {201, "Created"}, {202, "Accepted"}, {204, "No Content"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
        {405, "Method Not Allowed"}, {409, "Conflict"}, {413, "Payload Too Large"},
        {422, "Unprocessable Entity"}, {429, "Too Many Requests"}, {500, "Internal Server Error"},
        {503, "Service Unavailable"},
    };
    return phrases.value(status, QByteArrayLiteral("Status"));
}

void Responder::writeHead(int status, const HeaderList& headers, qint64 contentLength)
{
    QByteArray head;
    head.reserve(512);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    const auto append = [&head](const QByteArray& name, const QByteArray& value) {
        head += name + ": " + value + "\r\n";
    };
    for (const auto& [name, value] : securityHeaders())
        append(name, value);
    append(QByteArrayLiteral("X-Request-ID"), m_requestId.toUtf8());
    append(QByteArrayLiteral("X-Process-Time"),
           QByteArray::number(double(m_timer.nsecsElapsed()) / 1e6, 'f', 3));
    for (const auto& [name, value] : m_extraHeaders)
        append(name, value);
    for (const auto& [name, value] : headers)
        append(name, value);
    if (contentLength >= 0)
        append(QByteArrayLiteral("Content-Length"), QByteArray::number(contentLength));
    head += "\r\n";
    m_socket->write(head);
}

void Responder::send(int status, const QByteArray& contentType, const QByteArray& body, const HeaderList& headers)
{
    if (m_answered)
        return;
    m_answered = true;
    if (!isConnected())
        return;
    HeaderList all = headers;
    if (!contentType.isEmpty())
        all.append({QByteArrayLiteral("Content-Type"), contentType});
    writeHead(status, all, body.size());
    if (!m_headRequest && !body.isEmpty())
        m_socket->write(body);
}

void Responder::json(int status, const protocol::Json& body, const HeaderList& headers)
{
    send(status, QByteArrayLiteral("application/json"), protocol::toBytes(body), headers);
}

void Responder::noContent()
{
    if (m_answered)
        return;
    m_answered = true;
    if (!isConnected())
        return;
    writeHead(204, {}, -1);
}

void Responder::error(const protocol::ApiError& error, const HeaderList& headers)
{
    json(error.statusCode, protocol::toEnvelope(error), headers);
}

std::shared_ptr<SseStream> Responder::startEventStream()
{
    m_answered = true;
    if (isConnected()) {
        writeHead(200,
                  {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
                   {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
                   {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")},
                   {QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked")}},
                  -1);
    }
    return std::make_shared<SseStream>(m_socket.data());
}

} // namespace cidadao::http
