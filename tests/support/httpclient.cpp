// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

namespace cidadao::testing {

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(QByteArrayView name) const
{
    for (const auto& pair : headers) {
        if (name.compare(pair.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

protocol::Json HttpResult::json() const
{
    return protocol::Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

QString HttpResult::errorCode() const
{
    const protocol::Json parsed = json();
    if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()
        && parsed["error"].contains("error") && parsed["error"]["error"].is_string())
        return parsed["error"]["error"].get<QString>();
    return {};
}

HttpResult HttpClient::request(const QByteArray& method, const QUrl& url, const QByteArray& body,
                               const Headers& headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer.toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("timeout");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::postJson(const QUrl& url, const protocol::Json& body, const Headers& headers)
{
    Headers all = headers;
    all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return request("POST", url, protocol::toBytes(body), all);
}

HttpResult HttpClient::post(const QUrl& url, const QByteArray& body, const Headers& headers)
{
    return request("POST", url, body, headers);
}

static bool answerComplete(const QByteArray& data)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = data.left(headerEnd).toLower();
    if (head.contains("transfer-encoding: chunked"))
        return data.endsWith("0\r\n\r\n");
    const qsizetype at = head.indexOf("content-length:");
    if (at < 0)
        return head.startsWith("http/1.1 204");
    const qsizetype lineEnd = head.indexOf("\r\n", at);
    const qsizetype length = head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
    return data.size() >= headerEnd + 4 + length;
}

QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            answer += socket.readAll();
        if (answerComplete(answer))
            break;
    }
    answer += socket.readAll();
    return answer;
}

bool splitChunks(const QByteArray& body, QList<QByteArray>* chunks, QString* error)
{
    QByteArray rest = body;
    while (true) {
        const qsizetype lineEnd = rest.indexOf("\r\n");
        if (lineEnd <= 0) {
            *error = QStringLiteral("no chunk size line before: ") + QString::fromLatin1(rest.left(40));
            return false;
        }
        bool ok = false;
        const qsizetype size = rest.left(lineEnd).toLongLong(&ok, 16);
        if (!ok) {
            *error = QStringLiteral("bad chunk size: ") + QString::fromLatin1(rest.left(lineEnd));
            return false;
        }
        if (size == 0) {
            if (rest.mid(lineEnd) != QByteArray("\r\n\r\n")) {
                *error = QStringLiteral("bytes after the last chunk: ") + QString::fromLatin1(rest.mid(lineEnd, 40));
                return false;
            }
            return true;
        }
        if (rest.mid(lineEnd + 2 + size, 2) != QByteArray("\r\n")) {
            *error = QStringLiteral("a chunk of %1 bytes is not followed by CRLF").arg(size);
            return false;
        }
        chunks->append(rest.mid(lineEnd + 2, size));
        rest.remove(0, lineEnd + 2 + size + 2);
    }
}

} // namespace cidadao::testing
