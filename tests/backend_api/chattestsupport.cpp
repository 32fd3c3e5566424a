// SPDX-License-Identifier: GPL-3.0-or-later
#include "chattestsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

namespace cidadao::testing {

using protocol::Json;

std::unique_ptr<ServerProcess> startServerWithData(QTemporaryDir& scratch, int seed, int records,
                                                   const QStringList& extraArguments, QString* error)
{
    const Json dataset = generateDataset(seed, records, scratch.filePath(QStringLiteral("generated")));
    if (!dataset.is_object()) {
        *error = QStringLiteral("generate failed");
        return nullptr;
    }
    auto server = std::make_unique<ServerProcess>(extraArguments);
    const QStringList sources = {QStringLiteral("contracts"), QStringLiteral("expenses"), QStringLiteral("agreements"),
                                 QStringLiteral("biddings"),  QStringLiteral("servants"), QStringLiteral("sanctions")};
    QStringList present;
    for (const QString& source : sources)
        if (!generatedFile(dataset, source).isEmpty())
            present.append(source);
    if (!importWithCli(server->dataDir(), dataset, present)) {
        *error = QStringLiteral("import failed");
        return nullptr;
    }
    if (!server->start(60000)) {
        *error = server->errorString();
        return nullptr;
    }
    return server;
}

QList<Json> postEventStream(const QUrl& url, const QString& token, const Json& body, int timeoutMs, int* status,
                            QByteArray* raw, const QString& stopType)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept", "text/event-stream");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = manager.post(request, protocol::toBytes(body));
    QList<Json> events;
    QByteArray buffer;
    QEventLoop loop;
    bool stopped = false;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray bytes = reply->readAll();
        if (raw)
            *raw += bytes;
        buffer += bytes;
        qsizetype end = 0;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const QByteArray block = buffer.left(end);
            buffer.remove(0, end + 2);
            if (!block.startsWith("data: "))
                continue;
            Json event = Json::parse(block.mid(6).toStdString(), nullptr, false);
            if (event.is_discarded())
                continue;
            events.append(event);
            if (event.value("type", std::string()) == stopType.toStdString())
                stopped = true;
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!reply->isFinished() && stopped) {
        // The terminator follows the last event at once; give it a moment to arrive.
        QTimer::singleShot(2000, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (raw && reply->bytesAvailable())
        *raw += reply->readAll();
    reply->abort();
    reply->deleteLater();
    return events;
}

WsClient::WsClient(QObject* parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    m_socket.setOutgoingFrameSize(4 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_queue.enqueue(Json::parse(text.toStdString(), nullptr, false));
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

WsClient::~WsClient()
{
    m_socket.abort();
}

bool WsClient::open(const QUrl& url, int timeoutMs)
{
    QEventLoop loop;
    QObject::connect(&m_socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    m_socket.open(url);
    loop.exec();
    return m_socket.state() == QAbstractSocket::ConnectedState || !m_queue.isEmpty();
}

void WsClient::sendJson(const Json& message)
{
    m_socket.sendTextMessage(QString::fromUtf8(protocol::toBytes(message)));
}

void WsClient::sendText(const QString& text)
{
    m_socket.sendTextMessage(text);
}

Json WsClient::next(int timeoutMs)
{
    if (m_queue.isEmpty() && !m_closed) {
        QEventLoop loop;
        auto received = QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit,
                                         Qt::QueuedConnection);
        auto closed = QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit, Qt::QueuedConnection);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(received);
        QObject::disconnect(closed);
    }
    if (m_queue.isEmpty())
        return Json(Json::value_t::discarded);
    return m_queue.dequeue();
}

Json WsClient::waitFor(const QString& type, int timeoutMs, QList<Json>* skipped)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        Json message = next(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
        if (message.is_discarded()) {
            if (m_closed && m_queue.isEmpty())
                break;
            continue;
        }
        if (message.value("type", std::string()) == type.toStdString())
            return message;
        if (skipped)
            skipped->append(message);
    }
    return Json(Json::value_t::discarded);
}

bool WsClient::waitClosed(int timeoutMs)
{
    if (!m_closed) {
        QEventLoop loop;
        QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_closed;
}

bool WsClient::isOpen() const
{
    return !m_closed && m_socket.state() == QAbstractSocket::ConnectedState;
}

Json chatEnvelope(const QString& type, const Json& data)
{
    return Json{{"type", type},
                {"data", data},
                {"timestamp", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                {"id", QUuid::createUuid().toString(QUuid::WithoutBraces)}};
}

QString str(const protocol::Json& value, const char* key)
{
    return value.is_object() && value.contains(key) && value[key].is_string() ? value[key].get<QString>() : QString();
}

QStringList eventTypes(const QList<protocol::Json>& events)
{
    QStringList out;
    for (const protocol::Json& event : events)
        out.append(str(event, "type"));
    return out;
}

} // namespace cidadao::testing
