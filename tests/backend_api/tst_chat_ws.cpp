// SPDX-License-Identifier: GPL-3.0-or-later
// The chat WebSocket (spec/API.md §7) with real WebSocket clients against a real cidadao-server:
// token auth, every message type, agent_chunk streaming, investigation subscriptions fed by real
// investigations, errors that keep the connection open, 1009 over the size limit, another user's
// session and investigation refused.
#include "chattestsupport.h"

#include <QTest>

using namespace cidadao::testing;
using cidadao::protocol::Json;

namespace {

QString typeOf(const Json& message)
{
    return str(message, "type");
}

} // namespace

class TestChatWs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void connectsWithTokenAndPings();
    void refusesMissingOrBadToken();
    void refusesAnotherUsersSession();
    void chatMessageStreamsChunksThenResponse();
    void badFramesKeepTheConnectionOpen();
    void oversizeClosesWith1009();
    void investigationSubscriptionGetsEveryUpdate();
    void investigationsEndpointSubscribesOnConnect();
    void chatStartedInvestigationIsFollowed();
    void anotherUsersInvestigationIsRefused();
    void anonymousSocketGetsAServerIssuedSession();

private:
    QUrl chatUrl(const QString& session, const QString& token) const;
    QString startInvestigation(const QString& token, const QString& query);

    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_alice;
    QString m_bob;
};

void TestChatWs::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QString error;
    m_server = startServerWithData(m_scratch, 5, 20000, kUnthrottled, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_alice = registerAndLogin(m_http, *m_server, QStringLiteral("alice@example.org"));
    m_bob = registerAndLogin(m_http, *m_server, QStringLiteral("bob@example.org"));
    QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
}

void TestChatWs::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

QUrl TestChatWs::chatUrl(const QString& session, const QString& token) const
{
    QUrl url = m_server->webSocketUrl(QStringLiteral("/api/v1/ws/chat/") + session);
    if (!token.isEmpty())
        url.setQuery(QStringLiteral("token=") + token);
    return url;
}

QString TestChatWs::startInvestigation(const QString& token, const QString& query)
{
    const HttpResult started = m_http.postJson(m_server->url(QStringLiteral("/api/v1/investigations/start")),
                                               Json{{"query", query}, {"data_source", "contracts"},
                                                    {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}},
                                               bearer(token));
    if (started.status != 202)
        return {};
    return str(started.json(), "investigation_id");
}

void TestChatWs::connectsWithTokenAndPings()
{
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-session-1"), m_alice)));
    const Json hello = ws.next();
    QCOMPARE(typeOf(hello), QStringLiteral("connection"));
    QCOMPARE(str(hello["data"], "status"), QStringLiteral("connected"));
    QCOMPARE(str(hello["data"], "session_id"), QStringLiteral("ws-session-1"));
    QVERIFY(!str(hello, "id").isEmpty() && !str(hello, "timestamp").isEmpty());
    for (int i = 0; i < 3; ++i) {
        ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
        const Json pong = ws.next();
        QCOMPARE(typeOf(pong), QStringLiteral("pong"));
        QVERIFY(pong["data"].is_object());
    }
    // The Authorization header works as well as ?token=.
    WsClient header;
    QNetworkRequest request(chatUrl(QStringLiteral("ws-session-1"), QString()));
    request.setRawHeader("Authorization", "Bearer " + m_alice.toUtf8());
    header.socket().open(request);
    QCOMPARE(typeOf(header.next()), QStringLiteral("connection"));
}

void TestChatWs::refusesMissingOrBadToken()
{
    for (const QString& token : {QString(), QStringLiteral("garbage.token.value")}) {
        WsClient ws;
        ws.open(chatUrl(QStringLiteral("s"), token));
        const Json error = ws.next();
        QCOMPARE(typeOf(error), QStringLiteral("error"));
        QCOMPARE(str(error["data"], "code"), QStringLiteral("UNAUTHORIZED"));
        QVERIFY(ws.waitClosed());
        QCOMPARE(ws.closeCode(), 1008);
    }
}

void TestChatWs::refusesAnotherUsersSession()
{
    const HttpResult mine = m_http.postJson(m_server->url(QStringLiteral("/api/v1/chat/message")), Json{{"message", "oi"}},
                                            bearer(m_alice));
    const QString session = str(mine.json(), "session_id");
    WsClient ws;
    ws.open(chatUrl(session, m_bob));
    const Json error = ws.next();
    QCOMPARE(str(error["data"], "code"), QStringLiteral("UNAUTHORIZED"));
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 1008);
    WsClient owner;
    QVERIFY(owner.open(chatUrl(session, m_alice)));
    QCOMPARE(typeOf(owner.next()), QStringLiteral("connection"));
}

void TestChatWs::chatMessageStreamsChunksThenResponse()
{
    const QString session = QStringLiteral("ws-chat-%1").arg(QDateTime::currentMSecsSinceEpoch());
    WsClient ws;
    QVERIFY(ws.open(chatUrl(session, m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    ws.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "Olá! O que você pode fazer?"}, {"context", Json::object()}}));
    QList<Json> before;
    const Json response = ws.waitFor(QStringLiteral("agent_response"), 120000, &before);
    QVERIFY2(response.is_object(), "no agent_response");
    QString chunks;
    for (const Json& message : before) {
        QCOMPARE(typeOf(message), QStringLiteral("agent_chunk"));
        chunks += str(message["data"], "content");
    }
    QVERIFY(!before.isEmpty());
    const Json data = response["data"];
    QCOMPARE(str(data, "message"), chunks);
    QVERIFY(!str(data, "agent_id").isEmpty() && !str(data, "agent_name").isEmpty());
    QVERIFY(data["confidence"].get<double>() > 0.0);
    QVERIFY(data["metadata"]["processing_time_ms"].is_number());
    const QString messageId = str(data["metadata"], "message_id");

    // Two messages in a row are answered in order.
    ws.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "obrigado"}}));
    ws.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "who are you?"}}));
    const Json second = ws.waitFor(QStringLiteral("agent_response"), 120000);
    const Json third = ws.waitFor(QStringLiteral("agent_response"), 120000);
    QVERIFY(second.is_object() && third.is_object());
    QCOMPARE(str(third["data"]["metadata"], "intent"), QStringLiteral("about"));

    // Every message is stored in the session the socket names.
    const Json history = m_http.get(m_server->url(QStringLiteral("/api/v1/chat/history/") + session), bearer(m_alice)).json();
    QCOMPARE(history["total_messages"].get<int>(), 6);
    QCOMPARE(str(history["messages"][1], "id"), messageId);
    QCOMPARE(str(history["messages"][1], "content"), chunks);
}

void TestChatWs::badFramesKeepTheConnectionOpen()
{
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-bad"), m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    const QList<QString> frames = {
        QStringLiteral("{not json"),
        QStringLiteral("[1,2,3]"),
        QStringLiteral("{\"type\":\"dance\",\"data\":{}}"),
        QStringLiteral("{\"data\":{}}"),
        QStringLiteral("{\"type\":\"chat_message\",\"data\":{\"message\":\"\"}}"),
        QStringLiteral("{\"type\":\"chat_message\",\"data\":{}}"),
        QStringLiteral("{\"type\":\"chat_message\",\"data\":\"text\"}"),
        QStringLiteral("{\"type\":\"subscribe_investigation\",\"data\":{}}"),
        QStringLiteral("{\"type\":\"subscribe_investigation\",\"data\":{\"investigation_id\":\"no-such-id\"}}"),
    };
    for (const QString& frame : frames) {
        ws.sendText(frame);
        const Json error = ws.next();
        QVERIFY2(typeOf(error) == QLatin1String("error"), qPrintable(frame));
        QCOMPARE(str(error["data"], "code"), QStringLiteral("INVALID_MESSAGE"));
        QVERIFY(!str(error["data"], "message").isEmpty());
        QVERIFY(error["data"]["details"].is_object());
    }
    ws.socket().sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    QCOMPARE(str(ws.next()["data"], "code"), QStringLiteral("INVALID_MESSAGE"));
    QVERIFY(ws.isOpen());
    ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("pong"));
}

void TestChatWs::oversizeClosesWith1009()
{
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-big"), m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    // Exactly at the limit is accepted (an INVALID_MESSAGE for its content, not a close).
    const QString atLimit = QStringLiteral("{\"type\":\"x\",\"data\":{\"pad\":\"") + QString(1024 * 1024 - 30, u'a') + QStringLiteral("\"}}");
    QCOMPARE(atLimit.size(), 1024 * 1024);
    ws.sendText(atLimit);
    QCOMPARE(str(ws.next()["data"], "code"), QStringLiteral("INVALID_MESSAGE"));
    ws.sendText(atLimit + u' ');
    const Json error = ws.next();
    QCOMPARE(str(error["data"], "code"), QStringLiteral("MESSAGE_TOO_LARGE"));
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 1009);
}

void TestChatWs::investigationSubscriptionGetsEveryUpdate()
{
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-sub"), m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    // Two investigations ahead in the (one at a time) queue: the watched one has not started when
    // the subscription's snapshot is taken, so every one of its updates comes after it.
    QVERIFY(!startInvestigation(m_alice, QStringLiteral("na frente 1")).isEmpty());
    QVERIFY(!startInvestigation(m_alice, QStringLiteral("na frente 2")).isEmpty());
    const QString id = startInvestigation(m_alice, QStringLiteral("contratos para o teste do websocket"));
    QVERIFY(!id.isEmpty());
    ws.sendJson(chatEnvelope(QStringLiteral("subscribe_investigation"), Json{{"investigation_id", id}}));
    // The snapshot answers the subscription; then updates flow until a final status.
    QList<Json> updates;
    QString status;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 300000) {
        const Json message = ws.next(300000);
        QVERIFY(message.is_object());
        QCOMPARE(typeOf(message), QStringLiteral("investigation_update"));
        const Json data = message["data"];
        QCOMPARE(str(data, "investigation_id"), id);
        QVERIFY(data["progress"].is_number() && data["anomalies_detected"].is_number());
        updates.append(data);
        status = str(data, "status");
        if (status == QLatin1String("completed") || status == QLatin1String("failed") || status == QLatin1String("cancelled"))
            break;
    }
    QCOMPARE(status, QStringLiteral("completed"));
    QCOMPARE(str(updates.first(), "status"), QStringLiteral("started"));
    QVERIFY(updates.size() >= 3);
    double progress = -1.0;
    for (const Json& update : updates.mid(1)) {
        QVERIFY(update["progress"].get<double>() >= progress); // never goes back
        progress = update["progress"].get<double>();
    }
    const Json final = m_http.get(m_server->url(QStringLiteral("/api/v1/investigations/%1/status").arg(id)), bearer(m_alice)).json();
    QCOMPARE(updates.last()["anomalies_detected"].get<qint64>(), final["anomalies_detected"].get<qint64>());

    // The final update comes exactly once: the run's last progress event and its "finished" event
    // both say "completed", and only one of them may reach the subscriber. The investigation is
    // finished server-side (its status says so), so a duplicate would already be queued before the pong.
    ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
    QList<Json> inFlight;
    QVERIFY(ws.waitFor(QStringLiteral("pong"), 30000, &inFlight).is_object());
    int finalUpdates = 0;
    for (const Json& update : std::as_const(updates))
        finalUpdates += str(update, "status") == QLatin1String("completed") ? 1 : 0;
    for (const Json& late : std::as_const(inFlight))
        finalUpdates += typeOf(late) == QLatin1String("investigation_update") ? 1 : 0;
    QCOMPARE(finalUpdates, 1);

    // Unsubscribed: nothing more arrives.
    ws.sendJson(chatEnvelope(QStringLiteral("unsubscribe_investigation"), Json{{"investigation_id", id}}));
    ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("pong"));
    ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("pong"));
    QCOMPARE(ws.pending(), qsizetype(0));
}

void TestChatWs::investigationsEndpointSubscribesOnConnect()
{
    const QString id = startInvestigation(m_alice, QStringLiteral("investigação pelo endpoint de investigações"));
    QVERIFY(!id.isEmpty());
    WsClient ws;
    QUrl url = m_server->webSocketUrl(QStringLiteral("/api/v1/ws/investigations/") + id);
    url.setQuery(QStringLiteral("token=") + m_alice);
    QVERIFY(ws.open(url));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    const Json first = ws.next();
    QCOMPARE(typeOf(first), QStringLiteral("investigation_update"));
    QCOMPARE(str(first["data"], "investigation_id"), id);
    QString status = str(first["data"], "status");
    while (status != QLatin1String("completed") && status != QLatin1String("failed")) {
        const Json update = ws.waitFor(QStringLiteral("investigation_update"), 300000);
        QVERIFY(update.is_object());
        status = str(update["data"], "status");
    }
    QCOMPARE(status, QStringLiteral("completed"));
}

void TestChatWs::chatStartedInvestigationIsFollowed()
{
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-zumbi"), m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    ws.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "investigate the contracts of the ministry of health"}}));
    const Json response = ws.waitFor(QStringLiteral("agent_response"), 120000);
    QVERIFY(response.is_object());
    QCOMPARE(str(response["data"], "agent_id"), QStringLiteral("zumbi"));
    const QString id = str(response["data"]["metadata"], "investigation_id");
    QVERIFY(!id.isEmpty());
    bool toolCalled = false;
    for (const Json& call : response["data"]["metadata"]["tool_calls"])
        toolCalled = toolCalled || str(call, "tool") == QLatin1String("start_investigation");
    QVERIFY(toolCalled);
    QString status;
    while (status != QLatin1String("completed") && status != QLatin1String("failed")) {
        const Json update = ws.waitFor(QStringLiteral("investigation_update"), 300000);
        QVERIFY(update.is_object());
        QCOMPARE(str(update["data"], "investigation_id"), id);
        status = str(update["data"], "status");
    }
    QCOMPARE(status, QStringLiteral("completed"));
    // Asking for the report in the same session summarises that investigation.
    ws.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "generate the report of the investigation"}}));
    const Json report = ws.waitFor(QStringLiteral("agent_response"), 120000);
    QCOMPARE(str(report["data"], "agent_id"), QStringLiteral("tiradentes"));
    QVERIFY2(str(report["data"], "message").contains(id), qPrintable(str(report["data"], "message")));
}

void TestChatWs::anotherUsersInvestigationIsRefused()
{
    const QString bobs = startInvestigation(m_bob, QStringLiteral("investigação do bob"));
    QVERIFY(!bobs.isEmpty());
    WsClient ws;
    QVERIFY(ws.open(chatUrl(QStringLiteral("ws-alice-peek"), m_alice)));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("connection"));
    ws.sendJson(chatEnvelope(QStringLiteral("subscribe_investigation"), Json{{"investigation_id", bobs}}));
    const Json error = ws.next();
    QCOMPARE(typeOf(error), QStringLiteral("error"));
    QCOMPARE(str(error["data"], "code"), QStringLiteral("INVALID_MESSAGE"));
    ws.sendJson(chatEnvelope(QStringLiteral("ping"), Json::object()));
    QCOMPARE(typeOf(ws.next()), QStringLiteral("pong")); // and nothing of bob's came in between
}

void TestChatWs::anonymousSocketGetsAServerIssuedSession()
{
    ServerProcess open({QStringLiteral("--allow-anonymous")});
    QVERIFY2(open.start(), qPrintable(open.errorString()));
    const auto anonymousUrl = [&open](const QString& session) {
        return open.webSocketUrl(QStringLiteral("/api/v1/ws/chat/") + session);
    };

    // A session id the server never issued is guessable: the anonymous caller gets a fresh one instead.
    WsClient guessed;
    QVERIFY(guessed.open(anonymousUrl(QStringLiteral("1"))));
    const Json hello = guessed.next();
    QCOMPARE(typeOf(hello), QStringLiteral("connection"));
    const QString issued = str(hello["data"], "session_id");
    QVERIFY(!issued.isEmpty());
    QVERIFY(issued != QStringLiteral("1"));
    guessed.sendJson(chatEnvelope(QStringLiteral("chat_message"), Json{{"message", "oi"}}));
    QCOMPARE(typeOf(guessed.waitFor(QStringLiteral("agent_response"))), QStringLiteral("agent_response"));
    // The conversation went to the issued id; "1" still does not exist.
    HttpClient http;
    QCOMPARE(http.get(open.url(QStringLiteral("/api/v1/chat/history/") + issued)).status, 200);
    QCOMPARE(http.get(open.url(QStringLiteral("/api/v1/chat/history/1"))).status, 404);

    // An id the server did issue is kept, so an anonymous client can reconnect to its conversation.
    WsClient again;
    QVERIFY(again.open(anonymousUrl(issued)));
    QCOMPARE(str(again.next()["data"], "session_id"), issued);
    QCOMPARE(open.stop(), 0);
}

QTEST_GUILESS_MAIN(TestChatWs)
#include "tst_chat_ws.moc"
