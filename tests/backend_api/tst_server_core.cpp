// SPDX-License-Identifier: GPL-3.0-or-later
// The server core against a real cidadao-server on 127.0.0.1:0: ready line, health and info,
// the error envelope for every error class, standard headers, SSE framing, WebSocket plumbing,
// clients that vanish mid-stream, and a clean exit on SIGTERM.
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <vector>

using namespace cidadao::testing;
using cidadao::protocol::Json;

class TestServerCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void readyLineNamesPortAndPid();
    void healthFamily_data();
    void healthFamily();
    void healthReportsHealthyWithTimestamp();
    void infoDescribesServer();
    void rootListsEndpoints();
    void unknownPathIsEnvelope404();
    void wrongMethodIsEnvelope405WithAllow();
    void oversizeBodyIsEnvelope413();
    void malformedJsonIsEnvelope422();
    void nonObjectJsonIsEnvelope422();
    void requestIdIsEchoedOrGenerated();
    void everyAnswerCarriesProcessTime();
    void headAnswersWithoutBody();
    void sseFramingIsChunkedDataLines();
    void manyClientsLeavingMidStreamDoNotHurtServer();
    void webSocketEchoes();
    void webSocketBadJsonKeepsConnectionOpen();
    void webSocketOversizeGetsErrorThenClose1009();
    void webSocketUnknownPathIsRefused();
    void sigtermClosesStreamsAndExitsZero();
    void badArgumentsExitTwo();
    void busyPortExitsOneWithMessage();

private:
    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
};

void TestServerCore::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--dev")});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestServerCore::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

void TestServerCore::readyLineNamesPortAndPid()
{
    const Json& ready = m_server->readyLine();
    QCOMPARE(ready["event"].get<std::string>(), std::string("ready"));
    QVERIFY(ready["port"].get<int>() > 0);
    QCOMPARE(ready["pid"].get<qint64>(), m_server->pid());
}

void TestServerCore::healthFamily_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("status");
    QTest::newRow("/health") << QStringLiteral("/health") << QStringLiteral("healthy");
    QTest::newRow("/health/") << QStringLiteral("/health/") << QStringLiteral("healthy");
    QTest::newRow("/api/v1/health") << QStringLiteral("/api/v1/health") << QStringLiteral("healthy");
    QTest::newRow("/health/live") << QStringLiteral("/health/live") << QStringLiteral("alive");
    QTest::newRow("/health/ready") << QStringLiteral("/health/ready") << QStringLiteral("ready");
}

void TestServerCore::healthFamily()
{
    QFETCH(QString, path);
    QFETCH(QString, status);
    const HttpResult result = m_http.get(m_server->url(path));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(result.json()["status"].get<QString>(), status);
}

void TestServerCore::healthReportsHealthyWithTimestamp()
{
    const Json body = m_http.get(m_server->url(QStringLiteral("/health"))).json();
    const QDateTime timestamp = QDateTime::fromString(body["timestamp"].get<QString>(), Qt::ISODateWithMs);
    QVERIFY(timestamp.isValid());
    QCOMPARE(timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(body["database"].get<QString>(), QStringLiteral("ok"));
}

void TestServerCore::infoDescribesServer()
{
    const HttpResult result = m_http.get(m_server->url(QStringLiteral("/api/v1/info")));
    QCOMPARE(result.status, 200);
    const Json body = result.json();
    QCOMPARE(body["name"].get<QString>(), QStringLiteral("cidadao-server"));
    QCOMPARE(body["version"].get<QString>(), QStringLiteral(CIDADAO_VERSION));
    QCOMPARE(body["api_version"].get<QString>(), QStringLiteral("1.0"));
    QCOMPARE(body["mode"].get<QString>(), QStringLiteral("server"));
    QVERIFY(body["features"].is_array());
}

void TestServerCore::rootListsEndpoints()
{
    const Json body = m_http.get(m_server->url(QStringLiteral("/"))).json();
    QVERIFY(body["message"].is_string());
    QVERIFY(body["websocket_endpoint"].get<QString>().startsWith(QStringLiteral("ws://127.0.0.1:")));
    QCOMPARE(body["endpoints"]["health"].get<QString>(), QStringLiteral("/health"));
    QVERIFY(body["endpoints"]["http"].contains("/api/v1/info"));
}

static void verifyEnvelope(const HttpResult& result, int status, const char* code)
{
    QCOMPARE(result.status, status);
    const Json body = result.json();
    QVERIFY2(body.is_object(), result.body.constData());
    QCOMPARE(body["status"].get<QString>(), QStringLiteral("error"));
    QCOMPARE(body["status_code"].get<int>(), status);
    QCOMPARE(body["error"]["error"].get<QString>(), QLatin1String(code));
    QVERIFY(!body["error"]["message"].get<QString>().isEmpty());
    QVERIFY(body["error"]["details"].is_object());
}

void TestServerCore::unknownPathIsEnvelope404()
{
    verifyEnvelope(m_http.get(m_server->url(QStringLiteral("/no/such/thing"))), 404, "NotFound");
    verifyEnvelope(m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/nothing"))), 404, "NotFound");
}

void TestServerCore::wrongMethodIsEnvelope405WithAllow()
{
    const HttpResult result = m_http.request("PUT", m_server->url(QStringLiteral("/health")), "{}");
    verifyEnvelope(result, 405, "MethodNotAllowed");
    QVERIFY(result.header("Allow").contains("GET"));
}

void TestServerCore::oversizeBodyIsEnvelope413()
{
    const QByteArray twoMiB(2 * 1024 * 1024, 'x');
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), twoMiB), 413, "PayloadTooLarge");
    // Just under the limit goes through to the JSON parser (and fails there, as it is not JSON).
    const QByteArray underLimit(1024 * 1024, ' ');
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), underLimit), 422, "ValidationError");
}

void TestServerCore::malformedJsonIsEnvelope422()
{
    const HttpResult result = m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), "{\"message\": ",
                                          {{"Content-Type", "application/json"}});
    verifyEnvelope(result, 422, "ValidationError");
    QCOMPARE(result.json()["error"]["details"]["field"].get<QString>(), QStringLiteral("body"));
    // And a well-formed body goes through the same route.
    const HttpResult fine = m_http.postJson(m_server->url(QStringLiteral("/api/v1/dev/echo")), Json{{"a", 1}});
    QCOMPARE(fine.status, 200);
    QCOMPARE(fine.json()["echo"]["a"].get<int>(), 1);
}

void TestServerCore::nonObjectJsonIsEnvelope422()
{
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), "[1,2,3]"), 422, "ValidationError");
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), ""), 422, "ValidationError");
    // Hostile shapes: nesting far past any real request, a number out of double range.
    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), "{\"a\":" + deep + "}"), 422,
                   "ValidationError");
    verifyEnvelope(m_http.post(m_server->url(QStringLiteral("/api/v1/dev/echo")), "{\"a\":1e400}"), 422, "ValidationError");
}

void TestServerCore::requestIdIsEchoedOrGenerated()
{
    const HttpResult echoed = m_http.get(m_server->url(QStringLiteral("/health")), {{"X-Request-ID", "abc-123.x"}});
    QCOMPARE(echoed.header("X-Request-ID"), QByteArray("abc-123.x"));
    const HttpResult generated = m_http.get(m_server->url(QStringLiteral("/health")));
    QVERIFY(!QUuid::fromString(QString::fromLatin1(generated.header("X-Request-ID"))).isNull());
    // A value that is not plain (spaces, too long) is replaced, never echoed.
    const HttpResult replaced = m_http.get(m_server->url(QStringLiteral("/health")),
                                           {{"X-Request-ID", QByteArray(300, 'a')}});
    QCOMPARE(replaced.header("X-Request-ID").size(), 36);
    const HttpResult errorAnswer = m_http.get(m_server->url(QStringLiteral("/nope")), {{"X-Request-ID", "err-1"}});
    QCOMPARE(errorAnswer.header("X-Request-ID"), QByteArray("err-1"));
}

void TestServerCore::everyAnswerCarriesProcessTime()
{
    for (const HttpResult& result : {m_http.get(m_server->url(QStringLiteral("/health"))),
                                     m_http.get(m_server->url(QStringLiteral("/nope"))),
                                     m_http.request("PUT", m_server->url(QStringLiteral("/health")))}) {
        bool ok = false;
        const double ms = result.header("X-Process-Time").toDouble(&ok);
        QVERIFY2(ok && ms >= 0, result.header("X-Process-Time").constData());
        QCOMPARE(result.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }
}

void TestServerCore::headAnswersWithoutBody()
{
    const QByteArray answer = rawExchange(m_server->port(), "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.endsWith("\r\n\r\n"));
}

void TestServerCore::sseFramingIsChunkedDataLines()
{
    const QByteArray answer = rawExchange(
        m_server->port(), "GET /api/v1/dev/stream?count=3&interval_ms=1 HTTP/1.1\r\nHost: x\r\n\r\n", 10000);
    const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
    QVERIFY(headerEnd > 0);
    const QByteArray head = answer.left(headerEnd);
    QVERIFY2(head.startsWith("HTTP/1.1 200 OK"), head.constData());
    QVERIFY(head.contains("Content-Type: text/event-stream"));
    QVERIFY(head.contains("Cache-Control: no-cache"));
    QVERIFY(head.contains("X-Accel-Buffering: no"));
    QVERIFY(head.contains("Transfer-Encoding: chunked"));
    QVERIFY(!head.contains("Content-Length"));

    // Decode the chunks by hand: every chunk is exactly one `data: <compact JSON>\n\n` frame.
    QList<QByteArray> chunks;
    QString framing;
    QVERIFY2(splitChunks(answer.mid(headerEnd + 4), &chunks, &framing), qPrintable(framing));
    QList<Json> events;
    for (const QByteArray& chunk : chunks) {
        QVERIFY(chunk.startsWith("data: "));
        QVERIFY(chunk.endsWith("\n\n"));
        QVERIFY(!chunk.contains("event:"));
        const QByteArray payload = chunk.mid(6, chunk.size() - 8);
        QVERIFY2(!payload.contains('\n'), "the JSON must be compact");
        events.append(Json::parse(payload.constBegin(), payload.constEnd()));
    }
    QCOMPARE(events.size(), 4);
    QCOMPARE(events[0]["type"].get<QString>(), QStringLiteral("start"));
    QCOMPARE(events[3]["index"].get<int>(), 2);
}

void TestServerCore::manyClientsLeavingMidStreamDoNotHurtServer()
{
    // 64 clients open long streams, read the first bytes, and vanish (some abort, some close).
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 64; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("GET /api/v1/dev/stream?count=100000&interval_ms=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        sockets.push_back(std::move(socket));
    }
    for (auto& socket : sockets)
        QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0 || socket->waitForReadyRead(100), 10000);
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        if (i % 2)
            sockets[i]->abort();
        else
            sockets[i]->disconnectFromHost();
    }
    sockets.clear();
    // The server keeps serving, and is still the same process.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/health"))).status, 200);
    QVERIFY(m_server->isRunning());
}

namespace {
struct WsProbe
{
    QWebSocket socket;
    QList<Json> messages;
    int closeCode = -1;

    explicit WsProbe(const QUrl& url)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString& text) {
            messages.append(Json::parse(text.toStdString(), nullptr, false));
        });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket,
                         [this] { closeCode = int(socket.closeCode()); });
        socket.open(url);
    }
    bool waitOpen() { return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000); }
};
} // namespace

void TestServerCore::webSocketEchoes()
{
    WsProbe probe(m_server->webSocketUrl(QStringLiteral("/api/v1/dev/echo")));
    QVERIFY(probe.waitOpen());
    probe.socket.sendTextMessage(QStringLiteral("{\"hello\":\"mundo\"}"));
    QTRY_COMPARE(probe.messages.size(), 1);
    QCOMPARE(probe.messages[0]["type"].get<QString>(), QStringLiteral("echo"));
    QCOMPARE(probe.messages[0]["data"]["hello"].get<QString>(), QStringLiteral("mundo"));
}

void TestServerCore::webSocketBadJsonKeepsConnectionOpen()
{
    WsProbe probe(m_server->webSocketUrl(QStringLiteral("/api/v1/dev/echo")));
    QVERIFY(probe.waitOpen());
    probe.socket.sendTextMessage(QStringLiteral("{not json"));
    QTRY_COMPARE(probe.messages.size(), 1);
    QCOMPARE(probe.messages[0]["data"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    probe.socket.sendTextMessage(QStringLiteral("{\"again\":true}"));
    QTRY_COMPARE(probe.messages.size(), 2);
    QCOMPARE(probe.socket.state(), QAbstractSocket::ConnectedState);
}

void TestServerCore::webSocketOversizeGetsErrorThenClose1009()
{
    WsProbe probe(m_server->webSocketUrl(QStringLiteral("/api/v1/dev/echo")));
    QVERIFY(probe.waitOpen());
    const QString big = QStringLiteral("{\"x\":\"") + QString(1024 * 1024 + 10, QLatin1Char('a')) + QStringLiteral("\"}");
    probe.socket.sendTextMessage(big);
    QTRY_VERIFY_WITH_TIMEOUT(probe.closeCode != -1, 10000);
    QCOMPARE(probe.closeCode, int(QWebSocketProtocol::CloseCodeTooMuchData));
    QCOMPARE(probe.messages.size(), 1);
    QCOMPARE(probe.messages[0]["data"]["code"].get<QString>(), QStringLiteral("MESSAGE_TOO_LARGE"));
    // Exactly at the limit is fine.
    WsProbe second(m_server->webSocketUrl(QStringLiteral("/api/v1/dev/echo")));
    QVERIFY(second.waitOpen());
    const QString atLimit = QStringLiteral("{\"x\":\"") + QString(1024 * 1024 - 8, QLatin1Char('a')) + QStringLiteral("\"}");
    QCOMPARE(atLimit.size(), 1024 * 1024);
    second.socket.sendTextMessage(atLimit);
    QTRY_VERIFY_WITH_TIMEOUT(second.messages.size() == 1, 10000);
    QCOMPARE(second.messages[0]["type"].get<QString>(), QStringLiteral("echo"));
}

void TestServerCore::webSocketUnknownPathIsRefused()
{
    WsProbe probe(m_server->webSocketUrl(QStringLiteral("/api/v1/ws/nothing-here")));
    QTRY_VERIFY_WITH_TIMEOUT(probe.closeCode != -1 || probe.socket.error() != QAbstractSocket::UnknownSocketError, 5000);
    QVERIFY(probe.socket.state() != QAbstractSocket::ConnectedState);
    // The server is unharmed.
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/health"))).status, 200);
}

void TestServerCore::sigtermClosesStreamsAndExitsZero()
{
    ServerProcess server({QStringLiteral("--dev")});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    WsProbe probe(server.webSocketUrl(QStringLiteral("/api/v1/dev/echo")));
    QVERIFY(probe.waitOpen());
    QTcpSocket stream;
    stream.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(stream.waitForConnected(5000));
    stream.write("GET /api/v1/dev/stream?count=100000&interval_ms=5 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(stream.waitForReadyRead(5000));

    QCOMPARE(server.stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(probe.closeCode != -1, 5000);
    QCOMPARE(probe.closeCode, int(QWebSocketProtocol::CloseCodeGoingAway));
    QTRY_VERIFY_WITH_TIMEOUT(stream.state() == QAbstractSocket::UnconnectedState || !stream.waitForReadyRead(50), 5000);
}

void TestServerCore::badArgumentsExitTwo()
{
    QProcess process;
    process.start(QStringLiteral(CIDADAO_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("notaport")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--port"));
}

void TestServerCore::busyPortExitsOneWithMessage()
{
    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    QProcess process;
    process.start(QStringLiteral(CIDADAO_SERVER_BINARY),
                  {QStringLiteral("--port"), QString::number(occupied.serverPort()), QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("cannot listen"));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestServerCore)
#include "tst_server_core.moc"
