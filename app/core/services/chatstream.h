// SPDX-License-Identifier: GPL-3.0-or-later
// One POST /api/v1/chat/stream (spec/API.md §4): sends the ChatRequest, reads the SSE answer as it
// arrives and hands each decoded event on. A non-2xx answer is read as the error envelope; a 401
// is retried once after a token refresh, like ApiJob does. abort() ends it without a failure.
#pragma once

#include "protocol/apierror.h"
#include "protocol/chat.h"
#include "protocol/chatstream.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace cidadao::client {

class ApiClient;
class SseReader;

class ChatStream : public QObject
{
    Q_OBJECT
public:
    ChatStream(ApiClient* api, protocol::ChatRequest request, QObject* parent = nullptr);
    ~ChatStream() override;

    void start();
    void abort();
    bool isRunning() const { return m_running; }
    bool sawTerminalEvent() const { return m_terminal; }

Q_SIGNALS:
    void event(const cidadao::protocol::ChatStreamEvent& event);
    // The request failed before or instead of a stream (HTTP error, network failure, or a stream
    // that ended without complete/error).
    void failed(const cidadao::protocol::ApiError& error);
    // Always last, once: after complete/error, failed, or abort.
    void finished();

private:
    void send();
    void onReadyRead();
    void onFinished();
    void onFrame(const protocol::Json& frame);
    void finish();

    QPointer<ApiClient> m_api;
    protocol::ChatRequest m_request;
    QPointer<QNetworkReply> m_reply;
    SseReader* m_reader = nullptr;
    QByteArray m_errorBody;
    int m_httpStatus = 0;
    bool m_running = false;
    bool m_terminal = false;
    bool m_refreshed = false;
    bool m_done = false;
};

} // namespace cidadao::client
