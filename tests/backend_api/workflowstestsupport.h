// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the /ws workflow tests (tst_workflows_*): accounts and REST calls against a real
// server, a /ws client that keeps every message it gets, and a subscriber that never reads.
#pragma once

#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWebSocket>

#include <functional>

namespace cidadao::testing {

inline constexpr int kWsWait = 120000; // generous: a shared, noisy machine

// A file of tests/data/portal.
QString portalFile(const QString& name);

// Registers (if needed) and logs in; the login answer ({access_token, user: {id, ...}, ...}) or null.
protocol::Json loginUser(HttpClient& http, const ServerProcess& server, const QString& email);
// A JSON call with a bearer token; a null body sends none.
HttpResult callApi(HttpClient& http, const ServerProcess& server, const QByteArray& method, const QString& path,
                   const protocol::Json& body, const QString& token);

// A /ws client that keeps every message it gets, in arrival order.
class ChannelClient : public QObject
{
public:
    QWebSocket socket;
    QList<protocol::Json> messages;
    int closeCode = -1;

    ChannelClient();
    // Connects with the Authorization and X-Agent-ID headers; false when it could not.
    bool open(const ServerProcess& server, const QString& token);
    void send(const protocol::Json& message);
    // The first message that matches; null when none came in time.
    protocol::Json waitFor(const std::function<bool(const protocol::Json&)>& match, int timeoutMs = kWsWait);
    protocol::Json waitForType(const char* type, const QString& executionId = {});
    QList<protocol::Json> ofType(const char* type, const QString& executionId = {}) const;
    void subscribe(const QStringList& channels, const QString& correlationId);
    // Sends a ping and waits for its pong: every message the server sent before is here by then.
    bool roundTrip(qint64 stamp);
};

// A subscriber that never reads: a raw socket with a tiny receive buffer, upgraded by hand.
class StalledClient
{
public:
    ~StalledClient();
    bool connectAndSubscribe(quint16 port, const QString& token, const QString& channel);
    // Reads everything until the peer closes (or nothing comes for a while) and returns the close
    // code of the close frame, -1 when none arrived.
    int drainToCloseCode();

private:
    bool writeAll(const QByteArray& bytes);
    QByteArray readUntil(const QByteArray& marker);

    int m_fd = -1;
    QByteArray m_pending;
    QByteArray m_frames;
};

} // namespace cidadao::testing
