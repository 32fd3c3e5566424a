// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatstream.h"

#include "core/apiclient.h"
#include "core/ssereader.h"

#include <QLoggingCategory>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcChatStream, "cidadao.client.chatstream")

namespace cidadao::client {

ChatStream::ChatStream(ApiClient* api, protocol::ChatRequest request, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_request(std::move(request))
{
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatStream::start()
{
    if (m_running || m_done)
        return;
    m_running = true;
    send();
}

void ChatStream::send()
{
    if (!m_api) {
        Q_EMIT failed({0, QLatin1String(ClientErrorCode::NetworkError), QStringLiteral("no API client"), {}});
        finish();
        return;
    }
    QNetworkRequest request = m_api->makeRequest(QStringLiteral("/api/v1/chat/stream"), {}, true);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "text/event-stream");
    // A long answer may pause between pieces while an agent works; the server sends the first byte
    // at once, so only a silent connection is a dead one.
    request.setTransferTimeout(120000);
    m_httpStatus = 0;
    m_errorBody.clear();
    delete m_reader;
    m_reader = new SseReader(this);
    connect(m_reader, &SseReader::event, this, &ChatStream::onFrame);
    m_reply = m_api->network()->post(request, protocol::toBytes(protocol::encode(m_request)));
    QNetworkReply* reply = m_reply;
    connect(reply, &QIODevice::readyRead, this, &ChatStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ChatStream::onFinished);
}

void ChatStream::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_httpStatus == 0)
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = m_reply->readAll();
    if (m_httpStatus >= 200 && m_httpStatus < 300)
        m_reader->feed(bytes);
    else
        m_errorBody += bytes;
}

void ChatStream::onFrame(const protocol::Json& frame)
{
    if (m_done)
        return;
    try {
        const protocol::ChatStreamEvent decoded = protocol::decodeChatStreamEvent(frame);
        if (std::holds_alternative<protocol::StreamComplete>(decoded)
            || std::holds_alternative<protocol::StreamError>(decoded))
            m_terminal = true;
        Q_EMIT event(decoded);
    } catch (const protocol::ValidationFailure& failure) {
        // A newer server's unknown event type: skipped, the stream goes on.
        qCDebug(lcChatStream) << "skipped event:" << failure.field() << failure.reason();
    }
}

void ChatStream::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_done)
        return;
    onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && !m_refreshed && m_api && m_api->canRefresh()) {
        m_refreshed = true;
        QPointer<ChatStream> self(this);
        m_api->refreshToken([self](bool ok) {
            if (!self || self->m_done)
                return;
            if (ok) {
                self->send();
                return;
            }
            Q_EMIT self->failed(protocol::unauthorized(QStringLiteral("session expired")));
            self->finish();
        });
        return;
    }
    if (status == 0) {
        Q_EMIT failed({0, QLatin1String(ClientErrorCode::NetworkError), reply->errorString(), {}});
    } else if (status < 200 || status >= 300) {
        Q_EMIT failed(decodeErrorBody(m_errorBody, status));
    } else if (!m_terminal) {
        Q_EMIT failed({status, QLatin1String(ClientErrorCode::BadResponse),
                       QStringLiteral("the stream ended before its last event"), {}});
    }
    finish();
}

void ChatStream::abort()
{
    if (m_done)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish();
}

void ChatStream::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    Q_EMIT finished();
}

} // namespace cidadao::client
