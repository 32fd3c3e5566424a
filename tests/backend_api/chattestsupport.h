// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the chat API, chat stream, chat WebSocket tests and the chat benchmark: a server on
// generated Portal data, a POST event-stream reader, a blocking WebSocket client that queues what it
// receives, and small readers of the JSON they return.
#pragma once

#include "investigationfixture.h"

#include <QQueue>
#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>

namespace cidadao::testing {

// Generates `records` rows with `seed`, imports every source through the CLI into a fresh server's
// data directory, then starts the server with `extraArguments`. Null on failure (see *error).
std::unique_ptr<ServerProcess> startServerWithData(QTemporaryDir& scratch, int seed, int records,
                                                   const QStringList& extraArguments, QString* error);

// POSTs `body` to an event-stream route and reads `data:` frames until the stream ends or a frame of
// type `stopType` arrives. *status: the HTTP status; *raw: the body bytes as received (dechunked).
QList<protocol::Json> postEventStream(const QUrl& url, const QString& token, const protocol::Json& body, int timeoutMs,
                                      int* status = nullptr, QByteArray* raw = nullptr,
                                      const QString& stopType = QStringLiteral("complete"));

class WsClient : public QObject
{
    Q_OBJECT
public:
    explicit WsClient(QObject* parent = nullptr);
    ~WsClient() override;

    // Opens and waits for the handshake (or the close). False when it could not connect.
    bool open(const QUrl& url, int timeoutMs = 10000);
    void sendJson(const protocol::Json& message);
    void sendText(const QString& text);
    // The next message (in arrival order), or a discarded Json after timeoutMs / close.
    protocol::Json next(int timeoutMs = 30000);
    // Skips messages until one of `type` arrives; the skipped ones are appended to *skipped.
    protocol::Json waitFor(const QString& type, int timeoutMs = 30000, QList<protocol::Json>* skipped = nullptr);
    bool waitClosed(int timeoutMs = 10000);
    bool isOpen() const;
    int closeCode() const { return m_closeCode; }
    QWebSocket& socket() { return m_socket; }
    qsizetype pending() const { return m_queue.size(); }

private:
    QWebSocket m_socket;
    QQueue<protocol::Json> m_queue;
    bool m_closed = false;
    int m_closeCode = -1;
};

protocol::Json chatEnvelope(const QString& type, const protocol::Json& data);

inline const QString kChatRoute = QStringLiteral("/api/v1/chat");
// Server arguments for the chat suites: rate limits far above what a test's bursts send.
inline const QStringList kUnthrottled = {QStringLiteral("--rate-limit"), QStringLiteral("100000"),
                                         QStringLiteral("--login-rate-limit"), QStringLiteral("1000")};

// value[key] when it is a string, else an empty string.
QString str(const protocol::Json& value, const char* key);
// The "type" of each event, in order.
QStringList eventTypes(const QList<protocol::Json>& events);

} // namespace cidadao::testing
