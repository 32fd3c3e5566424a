// SPDX-License-Identifier: GPL-3.0-or-later
// The chat's SSE stream (spec/API.md §4, POST /api/v1/chat/stream) over real HTTP against a real
// cidadao-server on generated Portal data: framing and event order, the bytes of each frame, and a
// client that leaves mid-stream.
#include "chattestsupport.h"

#include "store/database.h"

#include <QTcpSocket>
#include <QTest>

using namespace cidadao::testing;
using cidadao::protocol::Json;
namespace protocol = cidadao::protocol;

class TestChatStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void streamFramingAndEventOrder();
    void streamByteExactFrames();
    void clientLeavesMidStream();

private:
    QTemporaryDir m_scratch;
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    QString m_alice;
};

void TestChatStream::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QString error;
    m_server = startServerWithData(m_scratch, 7, 4000, kUnthrottled, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_alice = registerAndLogin(m_http, *m_server, QStringLiteral("alice@example.org"));
    QVERIFY(!m_alice.isEmpty());
}

void TestChatStream::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestChatStream::streamFramingAndEventOrder()
{
    int status = 0;
    QByteArray raw;
    const QList<Json> events = postEventStream(
        m_server->url(kChatRoute + QStringLiteral("/stream")), m_alice,
        Json{{"message", "mostre os contratos do Ministério da Saúde acima de 100 mil"}, {"agent_id", "anita"}}, 120000,
        &status, &raw);
    QCOMPARE(status, 200);
    const QStringList order = eventTypes(events);
    QVERIFY2(order.size() >= 7, qPrintable(order.join(u',')));
    QCOMPARE(order.mid(0, 4), (QStringList{QStringLiteral("start"), QStringLiteral("detecting"), QStringLiteral("intent"), QStringLiteral("agent_selected")}));
    QCOMPARE(order.last(), QStringLiteral("complete"));
    // Allowed after agent_selected: thinking, searching, found, contract..., then chunks only, then complete.
    const auto firstChunk = order.indexOf(QStringLiteral("chunk"));
    QVERIFY(firstChunk > 3);
    for (qsizetype i = firstChunk; i + 1 < order.size(); ++i)
        QCOMPARE(order[i], QStringLiteral("chunk"));
    const auto searching = order.indexOf(QStringLiteral("searching"));
    const auto found = order.indexOf(QStringLiteral("found"));
    QVERIFY(searching > 3 && found > searching && found < firstChunk);
    const qint64 showing = events[found]["showing"].get<qint64>();
    QVERIFY(showing > 0);
    QCOMPARE(qint64(order.count(QStringLiteral("contract"))), showing);
    for (qsizetype i = found + 1; i <= found + showing; ++i) {
        QCOMPARE(order[i], QStringLiteral("contract"));
        QCOMPARE(events[i]["index"].get<qint64>(), qint64(i - found));
        QCOMPARE(events[i]["total"].get<qint64>(), showing);
        const Json data = events[i]["data"];
        QVERIFY(!str(data, "id").isEmpty() && data["valor"].get<double>() >= 100000.0);
        QVERIFY(str(data, "valor_formatado").startsWith(QStringLiteral("R$ ")));
    }
    // The database agrees with `found`.
    auto db = cidadao::store::Database::open(m_server->dataDir() + QStringLiteral("/cidadao.db"),
                                             cidadao::store::Database::Mode::ReadOnly);
    auto count = db->prepare("SELECT COUNT(*) FROM contracts WHERE (superior_organ = '36000' OR organ = '36000') "
                             "AND COALESCE(final_value, initial_value, 0) >= 100000");
    QVERIFY(count.step());
    QCOMPARE(events[found]["total"].get<qint64>(), count.int64(0));

    const Json start = events[0];
    const QString session = str(start, "session_id");
    QVERIFY(!session.isEmpty() && !str(start, "timestamp").isEmpty());
    QCOMPARE(str(events[2], "intent").isEmpty(), false);
    QCOMPARE(str(events[3], "agent_id"), QStringLiteral("anita"));
    const Json complete = events.last();
    QCOMPARE(str(complete, "agent_id"), QStringLiteral("anita"));
    QVERIFY(complete["suggested_actions"].is_array());
    QString reply;
    for (const Json& e : events)
        if (str(e, "type") == QLatin1String("chunk"))
            reply += str(e, "content");
    const Json history = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_alice)).json();
    QCOMPARE(str(history["messages"][1], "id"), str(complete, "message_id"));
    QCOMPARE(str(history["messages"][1], "content"), reply);
}

void TestChatStream::streamByteExactFrames()
{
    const QByteArray body = protocol::toBytes(Json{{"message", "oi"}});
    const QByteArray request = "POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                               + m_alice.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray answer = rawExchange(m_server->port(), request, 60000);
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = answer.left(headEnd).toLower();
    QVERIFY(head.startsWith("http/1.1 200"));
    QVERIFY(head.contains("content-type: text/event-stream"));
    QVERIFY(head.contains("cache-control: no-cache"));
    QVERIFY(head.contains("x-accel-buffering: no"));
    QVERIFY(head.contains("transfer-encoding: chunked"));
    // Each chunk is exactly one frame: `data: <compact JSON>\n\n`; the stream ends with 0\r\n\r\n.
    QList<QByteArray> chunks;
    QString framing;
    QVERIFY2(splitChunks(answer.mid(headEnd + 4), &chunks, &framing), qPrintable(framing));
    int frames = 0;
    QString lastType;
    for (const QByteArray& frame : chunks) {
        QVERIFY2(frame.startsWith("data: ") && frame.endsWith("\n\n"), frame.constData());
        const QByteArray json = frame.mid(6, frame.size() - 8);
        QVERIFY(!json.contains('\n'));
        const Json parsed = Json::parse(json.toStdString(), nullptr, false);
        QVERIFY(parsed.is_object());
        QCOMPARE(protocol::toBytes(parsed), json); // compact
        lastType = str(parsed, "type");
        if (frames == 0)
            QCOMPARE(lastType, QStringLiteral("start"));
        ++frames;
    }
    QCOMPARE(lastType, QStringLiteral("complete"));
    QVERIFY(frames >= 6);
}

void TestChatStream::clientLeavesMidStream()
{
    const QString session = QStringLiteral("leaver-%1").arg(QDateTime::currentMSecsSinceEpoch());
    const QByteArray body = protocol::toBytes(
        Json{{"message", "Analise os padrões e tendências de todos os contratos"}, {"session_id", session}});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_alice.toUtf8()
                 + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                 + body);
    QByteArray received;
    while (!received.contains("\"type\":\"start\"") && socket.waitForReadyRead(30000))
        received += socket.readAll();
    QVERIFY2(received.contains("\"type\":\"start\""), received.constData());
    socket.abort(); // gone mid-stream

    // The server keeps serving, and the reply is saved to the session when the turn ends. Until the turn
    // has saved anything, the session is unknown (a 404 body without total_messages).
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/health"))).status, 200);
    Json history;
    QTRY_VERIFY_WITH_TIMEOUT((history = m_http.get(m_server->url(kChatRoute + QStringLiteral("/history/") + session), bearer(m_alice)).json(),
                              history.is_object() && history.value("total_messages", Json()) == Json(2)),
                             120000);
    QCOMPARE(str(history["messages"][1], "role"), QStringLiteral("assistant"));
    QVERIFY(!str(history["messages"][1], "content").isEmpty());
    QCOMPARE(m_http.postJson(m_server->url(kChatRoute + QStringLiteral("/message")), Json{{"message", "oi"}}, bearer(m_alice))
                 .status,
             200);
}

QTEST_GUILESS_MAIN(TestChatStream)
#include "tst_chat_stream.moc"
