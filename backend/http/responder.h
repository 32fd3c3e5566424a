// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one HTTP answer on a socket that the server may delete at any moment (a client that
// left). Every write first checks the QPointer, so late asynchronous answers are dropped, never
// written to freed memory. Qt 6.4's QHttpServerResponder writes straight to the socket with no
// such guard, which is why we write the bytes ourselves.
#pragma once

#include "protocol/apierror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace cidadao::http {

class SseStream;
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

class Responder
{
public:
    Responder(QTcpSocket* socket, QString requestId, QElapsedTimer timer, bool headRequest = false);
    Responder(Responder&&) = default;
    Responder& operator=(Responder&&) = default;

    bool isConnected() const;
    bool hasAnswered() const { return m_answered; }
    const QString& requestId() const { return m_requestId; }

    // Headers added before the answer is written (rate-limit headers, WWW-Authenticate, ...).
    void addHeader(QByteArray name, QByteArray value);

    void send(int status, const QByteArray& contentType, const QByteArray& body, const HeaderList& headers = {});
    void json(int status, const protocol::Json& body, const HeaderList& headers = {});
    void noContent();
    void error(const protocol::ApiError& error, const HeaderList& headers = {});

    // Starts a text/event-stream answer with chunked framing; the Responder is spent afterwards.
    std::shared_ptr<SseStream> startEventStream();

    static QByteArray reasonPhrase(int status);

private:
    void writeHead(int status, const HeaderList& headers, qint64 contentLength);

    QPointer<QTcpSocket> m_socket;
    QString m_requestId;
    QElapsedTimer m_timer;
    HeaderList m_extraHeaders;
    bool m_headRequest = false;
    bool m_answered = false;
};

} // namespace cidadao::http
