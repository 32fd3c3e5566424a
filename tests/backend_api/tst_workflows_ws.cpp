// SPDX-License-Identifier: GPL-3.0-or-later
// /ws end to end (spec/API.md §9, the genesis seed) against a real cidadao-server: every message
// type, the correlationId round trip, channel authorization, built-in workflows doing real work
// (import of a Portal file, investigation over it), a failing node, retry then success, a cycle
// refused, two clients of one user in step, the per-connection rate limit, and a subscriber that
// never reads being cut off without holding back the others. Waits are bounded; nothing asserts
// on elapsed time.
#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QFile>
#include <QNetworkRequest>
#include <QTest>
#include <QWebSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>

using cidadao::protocol::Json;
using cidadao::testing::HttpClient;
using cidadao::testing::HttpResult;
using cidadao::testing::ServerProcess;

namespace {

const QString kPassword = QStringLiteral("correct-horse-9");
constexpr int kWait = 120000; // generous: a shared, noisy machine

QString portalFile(const QString& name)
{
    return QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/") + name;
}

// A /ws client that keeps every message it gets.
class WsClient : public QObject
{
public:
    QWebSocket socket;
    QList<Json> messages;
    int closeCode = -1;

    WsClient()
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            messages.append(Json::parse(text.toStdString(), nullptr, false));
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] { closeCode = int(socket.closeCode()); });
    }
    bool open(const ServerProcess& server, const QString& token)
    {
        QNetworkRequest request(server.webSocketUrl(QStringLiteral("/ws")));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("X-Agent-ID", "tst_workflows_ws");
        socket.open(request);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWait);
    }
    void send(const Json& message) { socket.sendTextMessage(QString::fromUtf8(cidadao::protocol::toBytes(message))); }
    // The first message (in arrival order) that matches; null when none came in time.
    Json waitFor(const std::function<bool(const Json&)>& match, int timeoutMs = kWait)
    {
        Json found; // stays null when nothing matched in time
        (void)QTest::qWaitFor(
            [&] {
                for (const Json& message : std::as_const(messages)) {
                    if (match(message)) {
                        found = message;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    Json waitForType(const char* type, const QString& executionId = {})
    {
        return waitFor([&](const Json& m) {
            return m.value("type", std::string()) == type
                   && (executionId.isEmpty() || m["payload"].value("executionId", std::string()) == executionId.toStdString());
        });
    }
    QList<Json> ofType(const char* type, const QString& executionId = {}) const
    {
        QList<Json> out;
        for (const Json& m : messages) {
            if (m.value("type", std::string()) == type
                && (executionId.isEmpty() || m["payload"].value("executionId", std::string()) == executionId.toStdString()))
                out.append(m);
        }
        return out;
    }
    void subscribe(const QStringList& channels, const QString& correlationId)
    {
        Json list = Json::array();
        for (const QString& channel : channels)
            list.push_back(channel);
        send(Json{{"type", "subscribe"}, {"payload", {{"channels", list}}}, {"correlationId", correlationId}});
    }
};

// A subscriber that never reads: a raw socket with a tiny receive buffer, upgraded by hand.
class StalledClient
{
public:
    ~StalledClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool connectAndSubscribe(quint16 port, const QString& token, const QString& channel)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small); // before connect: no autotuning
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            return false;
        const QByteArray upgrade = "GET /ws?token=" + token.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                                   + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        if (!writeAll(upgrade))
            return false;
        if (!readUntil("\r\n\r\n").startsWith("HTTP/1.1 101"))
            return false;
        m_frames = m_pending; // from here on, whole frames from their first byte
        m_pending.clear();
        const QByteArray subscribe =
            cidadao::protocol::toBytes(Json{{"type", "subscribe"}, {"payload", {{"channels", {channel}}}}});
        if (!writeAll(maskedTextFrame(subscribe)))
            return false;
        char buffer[4096];
        while (!m_frames.contains("\"subscribed\"")) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, kWait) <= 0)
                return false;
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                return false;
            m_frames.append(buffer, n);
        }
        return true;
    }
    // Reads everything until the peer closes (or nothing comes for a while) and returns the close
    // code of the close frame, -1 when none arrived.
    int drainToCloseCode()
    {
        QByteArray bytes = m_frames;
        char buffer[65536];
        for (;;) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20000) <= 0)
                break;
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            bytes.append(buffer, n);
        }
        // Walk the server's (unmasked) frames; the close frame is opcode 8 with a 2-byte code.
        qsizetype at = 0;
        int code = -1;
        while (at + 2 <= bytes.size()) {
            const int opcode = quint8(bytes[at]) & 0x0F;
            qint64 length = quint8(bytes[at + 1]) & 0x7F;
            qsizetype header = 2;
            if (length == 126) {
                if (at + 4 > bytes.size())
                    break;
                length = (quint8(bytes[at + 2]) << 8) | quint8(bytes[at + 3]);
                header = 4;
            } else if (length == 127) {
                if (at + 10 > bytes.size())
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | quint8(bytes[at + 2 + i]);
                header = 10;
            }
            if (at + header + length > bytes.size())
                break;
            if (opcode == 8 && length >= 2)
                code = (quint8(bytes[at + header]) << 8) | quint8(bytes[at + header + 1]);
            at += header + length;
        }
        return code;
    }

private:
    static QByteArray maskedTextFrame(const QByteArray& payload)
    {
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char((payload.size() >> 8) & 0xFF));
            frame.append(char(payload.size() & 0xFF));
        }
        const char mask[4] = {0x12, 0x34, 0x56, 0x78};
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload[i] ^ mask[i % 4]));
        return frame;
    }
    bool writeAll(const QByteArray& bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }
    QByteArray readUntil(const QByteArray& marker)
    {
        char buffer[4096];
        while (!m_pending.contains(marker)) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, kWait) <= 0)
                break;
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            m_pending.append(buffer, n);
        }
        const qsizetype end = m_pending.indexOf(marker);
        if (end < 0)
            return m_pending;
        QByteArray head = m_pending.left(end + marker.size());
        m_pending.remove(0, end + marker.size());
        return head;
    }

    int m_fd = -1;
    QByteArray m_pending;
    QByteArray m_frames;
};

} // namespace

class TestWorkflowsWs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pingIsAnsweredWithTheClientsTimestamp();
    void definitionsListedOverRest();
    void importWorkflowRoundTripsTheCorrelationId();
    void investigationWorkflowRunsOnTheImportedData();
    void unknownWorkflowIsNotFound();
    void channelsOfOthersAreForbidden();
    void failingNodeIsNamed();
    void retryThenSuccess();
    void cycleIsRefusedBeforeRunning();
    void composedWorkflowRunsBuiltinsInOrder();
    void twoClientsOfOneUserStayInStep();
    void watchlistNotifiesOnlyNewFindings();
    void protocolErrorsKeepTheConnection();
    void oversizeMessageClosesWith1009();
    void rateLimitedBeyondTheBudget();
    void slowSubscriberIsCutOffWithoutDelayingOthers();

private:
    Json registerAndLogin(ServerProcess& server, const QString& email);
    HttpResult rest(const QByteArray& method, const QString& path, const Json& body, const QString& token);

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    Json m_alice;
    Json m_bob;
    QString m_aliceToken;
    QString m_bobToken;
    QString m_aliceId;
};

Json TestWorkflowsWs::registerAndLogin(ServerProcess& server, const QString& email)
{
    const HttpResult registered = m_http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                                                  Json{{"email", email}, {"password", kPassword}, {"name", "Teste"}});
    if (registered.status != 201)
        qWarning() << "register" << registered.status << registered.body;
    const HttpResult login =
        m_http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), Json{{"email", email}, {"password", kPassword}});
    return login.status == 200 ? login.json() : Json();
}

HttpResult TestWorkflowsWs::rest(const QByteArray& method, const QString& path, const Json& body, const QString& token)
{
    const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token.toUtf8()},
                                                      {"Content-Type", "application/json"}};
    return m_http.request(method, m_server->url(path), body.is_null() ? QByteArray() : cidadao::protocol::toBytes(body),
                          headers);
}

void TestWorkflowsWs::initTestCase()
{
    m_server = std::make_unique<ServerProcess>(QStringList{QStringLiteral("--dev"), QStringLiteral("--rate-limit"),
                                                           QStringLiteral("100000"), QStringLiteral("--login-rate-limit"),
                                                           QStringLiteral("1000")});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = registerAndLogin(*m_server, QStringLiteral("alice@example.org"));
    m_bob = registerAndLogin(*m_server, QStringLiteral("bob@example.org"));
    QVERIFY(m_alice.is_object() && m_bob.is_object());
    m_aliceToken = m_alice["access_token"].get<QString>();
    m_bobToken = m_bob["access_token"].get<QString>();
    m_aliceId = m_alice["user"]["id"].get<QString>();
}

void TestWorkflowsWs::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

void TestWorkflowsWs::pingIsAnsweredWithTheClientsTimestamp()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.send(Json{{"type", "ping"}, {"timestamp", 1732200000123}});
    client.send(Json{{"type", "ping"}, {"payload", {{"timestamp", 42}}}, {"correlationId", "p-2"}});
    const Json pong = client.waitFor([](const Json& m) { return m["type"] == "pong" && m["timestamp"] == 1732200000123; });
    QVERIFY(pong.is_object());
    QCOMPARE(pong["payload"]["timestamp"].get<qint64>(), Q_INT64_C(1732200000123));
    const Json second = client.waitFor([](const Json& m) { return m["type"] == "pong" && m.value("correlationId", "") == "p-2"; });
    QCOMPARE(second["payload"]["timestamp"].get<qint64>(), 42);
}

void TestWorkflowsWs::definitionsListedOverRest()
{
    const HttpResult result = rest("GET", QStringLiteral("/api/v1/workflows"), Json(), m_aliceToken);
    QCOMPARE(result.status, 200);
    const Json list = result.json();
    QStringList ids;
    for (const Json& definition : list) {
        ids << definition["id"].get<QString>();
        QVERIFY(!definition["nodes"].empty());
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("import"), QStringLiteral("investigation"), QStringLiteral("watchlist")}));
    for (const Json& definition : list) {
        if (definition["id"] == "investigation") {
            QCOMPARE(definition["nodes"][3]["id"].get<QString>(), QStringLiteral("report"));
            QCOMPARE(definition["nodes"][3]["dependsOn"].size(), 1u); // the investigation's phases, in order
        }
    }
    QCOMPARE(rest("GET", QStringLiteral("/api/v1/workflows"), Json(), QStringLiteral("nope")).status, 401);
    QCOMPARE(rest("POST", QStringLiteral("/api/v1/workflows/nothing/execute"), Json{{"input", Json::object()}}, m_aliceToken).status,
             404);
}

void TestWorkflowsWs::importWorkflowRoundTripsTheCorrelationId()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.subscribe({QStringLiteral("notifications:") + m_aliceId}, QStringLiteral("s-1"));
    QVERIFY(client.waitForType("subscribed").is_object());
    QFile csv(portalFile(QStringLiteral("contracts_202401.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromLatin1(csv.readAll()); // the Portal's ISO-8859-1, sent as JSON text
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "import"}, {"input", {{"csv", text}, {"source", "contracts"}}}}},
                     {"correlationId", "req-789"},
                     {"timestamp", 1}});
    const Json started = client.waitForType("workflow_started");
    QVERIFY(started.is_object());
    QCOMPARE(started["correlationId"].get<QString>(), QStringLiteral("req-789"));
    QCOMPARE(started["payload"]["workflowId"].get<QString>(), QStringLiteral("import"));
    QVERIFY(started["timestamp"].is_number_integer());
    const QString executionId = started["payload"]["executionId"].get<QString>();
    const Json completed = client.waitForType("workflow_completed", executionId);
    QVERIFY2(completed.is_object(), client.messages.empty() ? "" : client.messages.back().dump().c_str());
    QCOMPARE(completed["correlationId"].get<QString>(), QStringLiteral("req-789"));
    QStringList order;
    for (const Json& node : client.ofType("node_completed", executionId)) {
        order << node["payload"]["nodeId"].get<QString>();
        QVERIFY(node["payload"]["duration_ms"].is_number());
        QCOMPARE(node["correlationId"].get<QString>(), QStringLiteral("req-789"));
    }
    QCOMPARE(order, (QStringList{QStringLiteral("parse"), QStringLiteral("validate"), QStringLiteral("store"), QStringLiteral("index")}));
    const Json stored = completed["payload"]["result"]["store"];
    QVERIFY(stored["rows_imported"].get<int>() > 0);
    QCOMPARE(completed["payload"]["result"]["validate"]["source"].get<QString>(), QStringLiteral("contracts"));
    const Json notification = client.waitFor([](const Json& m) {
        return m["type"] == "notification" && m["payload"]["kind"] == "import_done";
    });
    QCOMPARE(notification["channel"].get<QString>(), QStringLiteral("notifications:") + m_aliceId);
    QCOMPARE(notification["payload"]["data"]["rows_imported"], stored["rows_imported"]);
    // The execution is stored with its nodes.
    const HttpResult record = rest("GET", QStringLiteral("/api/v1/workflows/executions/") + executionId, Json(), m_aliceToken);
    QCOMPARE(record.status, 200);
    QCOMPARE(record.json()["status"].get<QString>(), QStringLiteral("completed"));
    QCOMPARE(record.json()["nodes"].size(), 4u);
    QCOMPARE(record.json()["correlationId"].get<QString>(), QStringLiteral("req-789"));
    QCOMPARE(rest("GET", QStringLiteral("/api/v1/workflows/executions/") + executionId, Json(), m_bobToken).status, 404);
    // Finished: nothing to cancel.
    QCOMPARE(rest("DELETE", QStringLiteral("/api/v1/workflows/executions/") + executionId, Json(), m_aliceToken).status, 409);
}

void TestWorkflowsWs::investigationWorkflowRunsOnTheImportedData()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.subscribe({QStringLiteral("agent:zumbi"), QStringLiteral("agent:tiradentes"),
                      QStringLiteral("notifications:") + m_aliceId},
                     QStringLiteral("s-2"));
    QVERIFY(client.waitForType("subscribed").is_object());
    client.send(Json{{"type", "execute_workflow"},
                     {"payload",
                      {{"workflowId", "investigation"},
                       {"input", {{"query", "contratos de 2024"}, {"data_source", "contracts"},
                                  {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}}}}},
                     {"correlationId", "inv-1"}});
    const Json started = client.waitForType("workflow_started");
    const QString executionId = started["payload"]["executionId"].get<QString>();
    const Json completed = client.waitForType("workflow_completed", executionId);
    QVERIFY2(completed.is_object(), client.messages.back().dump().c_str());
    const Json result = completed["payload"]["result"];
    // A real investigation of Alice's ran it: listed, stored, with the report's figures.
    const QString investigationId = result["retrieve"]["investigation_id"].get<QString>();
    QVERIFY(!investigationId.isEmpty());
    QVERIFY(result["report"]["summary"].is_string());
    QVERIFY(result["report"]["total_records_analyzed"].get<int>() > 0); // what the import stored
    QCOMPARE(result["report"]["investigation_id"].get<QString>(), investigationId);
    const HttpResult status = rest("GET", QStringLiteral("/api/v1/investigations/") + investigationId + QStringLiteral("/status"),
                                   Json(), m_aliceToken);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json()["status"].get<QString>(), QStringLiteral("completed"));
    QCOMPARE(rest("GET", QStringLiteral("/api/v1/investigations/") + investigationId + QStringLiteral("/status"), Json(),
                  m_bobToken)
                 .status,
             404);
    const HttpResult listed = rest("GET", QStringLiteral("/api/v1/investigations"), Json(), m_aliceToken);
    QCOMPARE(listed.status, 200);
    QVERIFY(listed.body.contains(investigationId.toUtf8()));
    // One node_completed per phase, in the investigation's order.
    QStringList order;
    for (const Json& node : client.ofType("node_completed", executionId))
        order << node["payload"]["nodeId"].get<QString>();
    QCOMPARE(order, (QStringList{QStringLiteral("retrieve"), QStringLiteral("detect"), QStringLiteral("analyze_patterns"),
                                 QStringLiteral("report")}));
    // The agents doing the work were heard on their channels.
    QVERIFY(client.waitFor([](const Json& m) {
                     return m["type"] == "agent_status" && m["channel"] == "agent:zumbi" && m["payload"]["status"] == "COMPLETED";
                 }).is_object());
    QVERIFY(client.waitFor([](const Json& m) {
                     return m["type"] == "agent_status" && m["channel"] == "agent:tiradentes"
                            && m["payload"]["status"] == "PROCESSING";
                 }).is_object());
    QVERIFY(client.waitFor([](const Json& m) {
                     return m["type"] == "notification" && m["payload"]["kind"] == "investigation_finished";
                 }).is_object());
}

void TestWorkflowsWs::unknownWorkflowIsNotFound()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.send(Json{{"type", "execute_workflow"}, {"payload", {{"workflowId", "wf-123"}, {"input", {{"data", "value"}}}}},
                     {"correlationId", "req-x"}});
    const Json error = client.waitForType("error");
    QCOMPARE(error["payload"]["code"].get<QString>(), QStringLiteral("WORKFLOW_NOT_FOUND"));
    QCOMPARE(error["correlationId"].get<QString>(), QStringLiteral("req-x"));
}

void TestWorkflowsWs::channelsOfOthersAreForbidden()
{
    // Alice starts a run; Bob may not watch it, nor Alice's sync/notifications; unknown agents neither.
    const HttpResult started = rest("POST", QStringLiteral("/api/v1/workflows/watchlist/execute"), Json{{"input", Json::object()}},
                                    m_aliceToken);
    QCOMPARE(started.status, 202);
    const QString executionId = started.json()["executionId"].get<QString>();
    WsClient bob;
    QVERIFY(bob.open(*m_server, m_bobToken));
    const QStringList refused{QStringLiteral("workflow:") + executionId, QStringLiteral("sync:") + m_aliceId,
                              QStringLiteral("notifications:") + m_aliceId, QStringLiteral("agent:nobody")};
    bob.subscribe(refused + QStringList{QStringLiteral("agent:anita")}, QStringLiteral("s-3"));
    const Json subscribed = bob.waitForType("subscribed");
    QCOMPARE(subscribed["payload"]["channels"], Json::array({"agent:anita"}));
    const QList<Json> errors = bob.ofType("error");
    QCOMPARE(errors.size(), refused.size());
    for (qsizetype i = 0; i < errors.size(); ++i) {
        QCOMPARE(errors[i]["payload"]["code"].get<QString>(), QStringLiteral("FORBIDDEN_CHANNEL"));
        QCOMPARE(errors[i]["payload"]["details"]["channel"].get<QString>(), refused[i]);
    }
    // Its owner may.
    WsClient alice;
    QVERIFY(alice.open(*m_server, m_aliceToken));
    alice.subscribe({QStringLiteral("workflow:") + executionId}, QStringLiteral("s-4"));
    QCOMPARE(alice.waitForType("subscribed")["payload"]["channels"].size(), 1u);
    QVERIFY(alice.ofType("error").isEmpty());
}

void TestWorkflowsWs::failingNodeIsNamed()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "import"}, {"input", {{"csv", "nome;idade\nAna;30\n"}}}}},
                     {"correlationId", "bad-1"}});
    const Json started = client.waitForType("workflow_started");
    const QString executionId = started["payload"]["executionId"].get<QString>();
    const Json failed = client.waitForType("workflow_failed", executionId);
    QVERIFY(failed.is_object());
    QCOMPARE(failed["payload"]["nodeId"].get<QString>(), QStringLiteral("validate"));
    QVERIFY2(failed["payload"]["error"].get<QString>().contains(QStringLiteral("layout")),
             failed.dump().c_str());
    QCOMPARE(failed["correlationId"].get<QString>(), QStringLiteral("bad-1"));
    // parse finished before validate failed; nothing after it ran.
    const QList<Json> nodes = client.ofType("node_completed", executionId);
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes[0]["payload"]["nodeId"].get<QString>(), QStringLiteral("parse"));
    QVERIFY(client.ofType("workflow_completed", executionId).isEmpty());
    const HttpResult record = rest("GET", QStringLiteral("/api/v1/workflows/executions/") + executionId, Json(), m_aliceToken);
    QCOMPARE(record.json()["status"].get<QString>(), QStringLiteral("failed"));
    QCOMPARE(record.json()["nodeId"].get<QString>(), QStringLiteral("validate"));
}

void TestWorkflowsWs::retryThenSuccess()
{
    // The import names a file that is not in the inbox yet: parse fails, is retried after the
    // default backoff, and succeeds once the file has arrived.
    const QString inbox = QDir(m_server->dataDir()).filePath(QStringLiteral("inbox"));
    QVERIFY(QDir().mkpath(inbox));
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "import"}, {"input", {{"file", "late_expenses.csv"}}}}},
                     {"correlationId", "late-1"}});
    const QString executionId = client.waitForType("workflow_started")["payload"]["executionId"].get<QString>();
    const Json retrying = client.waitForType("node_retrying", executionId);
    QVERIFY(retrying.is_object());
    QCOMPARE(retrying["payload"]["nodeId"].get<QString>(), QStringLiteral("parse"));
    QCOMPARE(retrying["payload"]["attempt"].get<int>(), 2);
    QCOMPARE(retrying["payload"]["delay_ms"].get<int>(), 1000); // the default initial backoff
    QVERIFY(retrying["payload"]["error"].get<QString>().contains(QStringLiteral("not in the import inbox")));
    QVERIFY(QFile::copy(portalFile(QStringLiteral("expenses_20240115_Despesas_Pagamento.csv")),
                        QDir(inbox).filePath(QStringLiteral("late_expenses.csv"))));
    const Json completed = client.waitForType("workflow_completed", executionId);
    QVERIFY2(completed.is_object(), client.messages.back().dump().c_str());
    const Json parse = client.waitFor([&](const Json& m) {
        return m["type"] == "node_completed" && m["payload"]["nodeId"] == "parse"
               && m["payload"]["executionId"] == executionId.toStdString();
    });
    QVERIFY(parse["payload"]["attempts"].get<int>() >= 2);
    QCOMPARE(completed["payload"]["result"]["validate"]["source"].get<QString>(), QStringLiteral("expenses"));
}

void TestWorkflowsWs::cycleIsRefusedBeforeRunning()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    const Json cyclic{{"nodes",
                       {{{"id", "a"}, {"uses", "watchlist"}, {"dependsOn", {"c"}}},
                        {{"id", "b"}, {"uses", "watchlist"}, {"dependsOn", {"a"}}},
                        {{"id", "c"}, {"uses", "watchlist"}, {"dependsOn", {"b"}}}}}};
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "custom"}, {"input", Json::object()}, {"definition", cyclic}}},
                     {"correlationId", "cyc-1"}});
    const Json error = client.waitForType("error");
    QCOMPARE(error["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    QCOMPARE(error["correlationId"].get<QString>(), QStringLiteral("cyc-1"));
    QVERIFY2(error["payload"]["message"].get<QString>().contains(QStringLiteral("cycle")), error.dump().c_str());
    QCOMPARE(error["payload"]["details"]["nodes"].size(), 4u);
    QVERIFY(client.ofType("workflow_started").isEmpty()); // nothing ran
    // The same over REST is a 422; a missing node too.
    QCOMPARE(rest("POST", QStringLiteral("/api/v1/workflows/custom/execute"), Json{{"definition", cyclic}}, m_aliceToken).status,
             422);
    const Json missing{{"nodes", {{{"id", "a"}, {"uses", "watchlist"}, {"dependsOn", {"ghost"}}}}}};
    const HttpResult refused =
        rest("POST", QStringLiteral("/api/v1/workflows/custom/execute"), Json{{"definition", missing}}, m_aliceToken);
    QCOMPARE(refused.status, 422);
    QVERIFY(refused.body.contains("ghost"));
}

void TestWorkflowsWs::composedWorkflowRunsBuiltinsInOrder()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    QFile csv(portalFile(QStringLiteral("agreements_convenios.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const Json definition{{"name", "importar e investigar"},
                          {"nodes",
                           {{{"id", "importar"}, {"uses", "import"}, {"input", {{"csv", QString::fromLatin1(csv.readAll())}}}},
                            {{"id", "investigar"},
                             {"uses", "investigation"},
                             {"dependsOn", {"importar"}},
                             {"input", {{"query", "convênios"}, {"data_source", "agreements"}}}}}}};
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "custom"}, {"definition", definition}}},
                     {"correlationId", "cmp-1"}});
    const QString executionId = client.waitForType("workflow_started")["payload"]["executionId"].get<QString>();
    const Json completed = client.waitForType("workflow_completed", executionId);
    QVERIFY2(completed.is_object(), client.messages.back().dump().c_str());
    const QList<Json> nodes = client.ofType("node_completed", executionId);
    QCOMPARE(nodes.size(), 2);
    QCOMPARE(nodes[0]["payload"]["nodeId"].get<QString>(), QStringLiteral("importar"));
    QVERIFY(nodes[0]["payload"]["output"]["result"]["store"]["rows_imported"].get<int>() > 0);
    QVERIFY(completed["payload"]["result"]["investigar"]["result"]["report"]["total_records_analyzed"].get<int>() > 0);
}

void TestWorkflowsWs::twoClientsOfOneUserStayInStep()
{
    WsClient first;
    WsClient second;
    QVERIFY(first.open(*m_server, m_aliceToken));
    QVERIFY(second.open(*m_server, m_aliceToken));
    const QString sync = QStringLiteral("sync:") + m_aliceId;
    first.subscribe({sync}, QStringLiteral("a"));
    second.subscribe({sync}, QStringLiteral("b"));
    QVERIFY(first.waitForType("subscribed").is_object());
    QVERIFY(second.waitForType("subscribed").is_object());
    // A change made through REST by one client (any client) reaches both.
    const HttpResult started = rest("POST", QStringLiteral("/api/v1/investigations/start"),
                                    Json{{"query", "contratos suspeitos"}, {"data_source", "contracts"}}, m_aliceToken);
    QCOMPARE(started.status, 202);
    const std::string investigationId = started.json()["investigation_id"].get<std::string>();
    const HttpResult run = rest("POST", QStringLiteral("/api/v1/workflows/watchlist/execute"), Json::object(), m_aliceToken);
    QCOMPARE(run.status, 202);
    const std::string executionId = run.json()["executionId"].get<std::string>();
    for (WsClient* client : {&first, &second}) {
        const Json investigation = client->waitFor([&](const Json& m) {
            return m["type"] == "sync_update" && m["payload"]["entity"] == "investigation" && m["payload"]["id"] == investigationId
                   && m["payload"]["op"] == "created";
        });
        QVERIFY(investigation.is_object());
        QCOMPARE(investigation["channel"].get<QString>(), sync);
        const Json created = client->waitFor([&](const Json& m) {
            return m["type"] == "sync_update" && m["payload"]["entity"] == "workflow_execution"
                   && m["payload"]["id"] == executionId && m["payload"]["op"] == "created";
        });
        QVERIFY(created.is_object());
        QVERIFY(client->waitFor([&](const Json& m) {
                          return m["type"] == "sync_update" && m["payload"]["id"] == executionId && m["payload"]["op"] == "updated";
                      }).is_object());
    }
    // Bob hears nothing of it: he is not subscribed, and may not be.
    WsClient bob;
    QVERIFY(bob.open(*m_server, m_bobToken));
    bob.subscribe({QStringLiteral("sync:") + m_bob["user"]["id"].get<QString>()}, QStringLiteral("c"));
    QVERIFY(bob.waitForType("subscribed").is_object());
    QVERIFY(bob.ofType("sync_update").isEmpty());
}

void TestWorkflowsWs::watchlistNotifiesOnlyNewFindings()
{
    // Everything imported so far, saved as one watchlist item.
    const HttpResult saved = rest("POST", QStringLiteral("/api/v1/workflows/watchlist"),
                                  Json{{"name", "Todos os contratos"},
                                       {"request",
                                        {{"query", "tudo"},
                                         {"data_source", "contracts"},
                                         {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}}}},
                                  m_aliceToken);
    QCOMPARE(saved.status, 201);
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.subscribe({QStringLiteral("notifications:") + m_aliceId}, QStringLiteral("w"));
    QVERIFY(client.waitForType("subscribed").is_object());
    auto runOnce = [&](const char* correlation) {
        client.send(Json{{"type", "execute_workflow"}, {"payload", {{"workflowId", "watchlist"}}}, {"correlationId", correlation}});
        const Json started = client.waitFor([&](const Json& m) { return m["type"] == "workflow_started" && m["correlationId"] == correlation; });
        return client.waitForType("workflow_completed", started["payload"]["executionId"].get<QString>());
    };
    const Json first = runOnce("w-1");
    QVERIFY(first.is_object());
    const int found = first["payload"]["result"]["rerun"]["items"][0]["anomalies_found"].get<int>();
    QCOMPARE(first["payload"]["result"]["diff"]["new_findings"].get<int>(), found);
    const Json second = runOnce("w-2");
    QCOMPARE(second["payload"]["result"]["diff"]["new_findings"].get<int>(), 0); // nothing new the second time
    QCOMPARE(second["payload"]["result"]["notify"]["notified"].get<int>(), 0);
    int watchNotes = 0;
    for (const Json& note : client.ofType("notification"))
        watchNotes += note["payload"]["kind"] == "watchlist_findings" ? 1 : 0;
    QCOMPARE(watchNotes, found > 0 ? 1 : 0); // the first run's, none from the second
}

void TestWorkflowsWs::protocolErrorsKeepTheConnection()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.socket.sendTextMessage(QStringLiteral("{not json"));
    client.send(Json{{"type", "dance"}, {"payload", Json::object()}});
    client.send(Json{{"type", "subscribe"}, {"payload", {{"channels", {"bogus"}}}}});
    client.send(Json{{"type", "execute_workflow"}, {"payload", {{"input", Json::object()}}}});
    QVERIFY(QTest::qWaitFor([&] { return client.ofType("error").size() == 4; }, kWait));
    const QList<Json> errors = client.ofType("error");
    QCOMPARE(errors[0]["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    QCOMPARE(errors[1]["payload"]["code"].get<QString>(), QStringLiteral("UNKNOWN_TYPE"));
    QCOMPARE(errors[2]["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    QCOMPARE(errors[3]["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    client.send(Json{{"type", "ping"}, {"timestamp", 7}});
    QVERIFY(client.waitForType("pong").is_object());
    // Without a token: UNAUTHORIZED and 1008.
    WsClient anonymous;
    anonymous.socket.open(m_server->webSocketUrl(QStringLiteral("/ws")));
    QVERIFY(QTest::qWaitFor([&] { return anonymous.closeCode != -1; }, kWait));
    QCOMPARE(anonymous.closeCode, 1008);
    QCOMPARE(anonymous.messages.at(0)["payload"]["code"].get<QString>(), QStringLiteral("UNAUTHORIZED"));
    // ?token= works for browsers.
    WsClient browser;
    browser.socket.open(m_server->webSocketUrl(QStringLiteral("/ws?token=") + m_aliceToken));
    QVERIFY(QTest::qWaitFor([&] { return browser.socket.state() == QAbstractSocket::ConnectedState; }, kWait));
    browser.send(Json{{"type", "ping"}, {"timestamp", 9}});
    QVERIFY(browser.waitForType("pong").is_object());
}

void TestWorkflowsWs::oversizeMessageClosesWith1009()
{
    WsClient client;
    QVERIFY(client.open(*m_server, m_aliceToken));
    client.socket.sendTextMessage(QString(1024 * 1024 + 100, QLatin1Char('x')));
    QVERIFY(QTest::qWaitFor([&] { return client.closeCode != -1; }, kWait));
    QCOMPARE(client.closeCode, 1009);
    QCOMPARE(client.ofType("error").at(0)["payload"]["code"].get<QString>(), QStringLiteral("MESSAGE_TOO_LARGE"));
}

void TestWorkflowsWs::rateLimitedBeyondTheBudget()
{
    ServerProcess strict({QStringLiteral("--ws-rate-limit"), QStringLiteral("5")});
    QVERIFY2(strict.start(), qPrintable(strict.errorString()));
    const Json user = registerAndLogin(strict, QStringLiteral("carla@example.org"));
    WsClient client;
    QVERIFY(client.open(strict, user["access_token"].get<QString>()));
    for (int i = 0; i < 8; ++i)
        client.send(Json{{"type", "ping"}, {"timestamp", i}});
    const Json limited = client.waitForType("error");
    QCOMPARE(limited["payload"]["code"].get<QString>(), QStringLiteral("RATE_LIMITED"));
    QCOMPARE(limited["payload"]["details"]["limit"].get<int>(), 5);
    QVERIFY(QTest::qWaitFor([&] { return client.ofType("pong").size() == 5; }, kWait));
    QCOMPARE(client.ofType("error").size(), 1); // said once, not once per refused message
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(strict.stop(), 0);
}

void TestWorkflowsWs::slowSubscriberIsCutOffWithoutDelayingOthers()
{
    const QString channel = QStringLiteral("sync:") + m_aliceId;
    StalledClient stalled;
    QVERIFY(stalled.connectAndSubscribe(m_server->port(), m_aliceToken, channel));
    WsClient fast;
    QVERIFY(fast.open(*m_server, m_aliceToken));
    fast.subscribe({channel}, QStringLiteral("f"));
    QVERIFY(fast.waitForType("subscribed").is_object());
    auto subscribers = [&] {
        return rest("GET", QStringLiteral("/api/v1/dev/channels/subscribers?channel=") + channel, Json(), m_aliceToken)
            .json()["subscribers"]
            .get<int>();
    };
    QCOMPARE(subscribers(), 2);
    // Batches of 50 events of 32 KiB; the next batch only once the fast client has the last one, so
    // it is never more than a batch behind, while the stalled one falls further back each time.
    constexpr int kBatches = 20;
    constexpr int kBatch = 50;
    int droppedAfter = -1;
    for (int batch = 0; batch < kBatches; ++batch) {
        const HttpResult published = rest("POST", QStringLiteral("/api/v1/dev/channels/publish"),
                                          Json{{"channel", channel}, {"count", kBatch}, {"payload_bytes", 32768}}, m_aliceToken);
        QCOMPARE(published.status, 200);
        QVERIFY(QTest::qWaitFor([&] { return fast.ofType("dev_event").size() == (batch + 1) * kBatch; }, kWait));
        if (droppedAfter < 0 && subscribers() == 1)
            droppedAfter = batch;
    }
    QVERIFY2(droppedAfter >= 0, "the stalled subscriber was never cut off");
    const QList<Json> events = fast.ofType("dev_event");
    QCOMPARE(events.size(), kBatches * kBatch); // every event, none lost
    QCOMPARE(events.last()["payload"]["seq"].get<int>(), kBatch - 1);
    QCOMPARE(fast.socket.state(), QAbstractSocket::ConnectedState);
    // The stalled client, reading at last, finds the close frame with the slow-consumer code.
    QCOMPARE(stalled.drainToCloseCode(), 4008);
    qInfo("stalled subscriber cut off after batch %d of %d (%d KiB each)", droppedAfter + 1, kBatches, kBatch * 32);
}

QTEST_GUILESS_MAIN(TestWorkflowsWs)
#include "tst_workflows_ws.moc"
