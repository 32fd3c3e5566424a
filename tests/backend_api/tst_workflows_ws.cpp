// SPDX-License-Identifier: GPL-3.0-or-later
// /ws protocol end to end (spec/API.md §9, the genesis seed) against a real cidadao-server: ping/pong,
// the definitions, channel authorization, two clients of one user in step, protocol errors, the
// message size limit, the per-connection rate limit, and a subscriber that never reads being cut
// off without holding back the others. The built-in workflows' runs are in tst_workflows_builtins,
// restarts, internal failures and cancellation in tst_workflows_recovery. Waits are bounded;
// nothing asserts on elapsed time.
#include "workflowstestsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using cidadao::protocol::Json;
using cidadao::testing::HttpClient;
using cidadao::testing::HttpResult;
using cidadao::testing::ServerProcess;
using cidadao::testing::StalledClient;
using cidadao::testing::portalFile;
using WsClient = cidadao::testing::ChannelClient;

namespace {
constexpr int kWait = cidadao::testing::kWsWait;
} // namespace

class TestWorkflowsWs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pingIsAnsweredWithTheClientsTimestamp();
    void definitionsListedOverRest();
    void unknownWorkflowIsNotFound();
    void channelsOfOthersAreForbidden();
    void twoClientsOfOneUserStayInStep();
    void protocolErrorsKeepTheConnection();
    void oversizeMessageClosesWith1009();
    void rateLimitedBeyondTheBudget();
    void slowSubscriberIsCutOffWithoutDelayingOthers();

private:
    Json registerAndLogin(ServerProcess& server, const QString& email)
    {
        return cidadao::testing::loginUser(m_http, server, email);
    }
    HttpResult rest(const QByteArray& method, const QString& path, const Json& body, const QString& token)
    {
        return cidadao::testing::callApi(m_http, *m_server, method, path, body, token);
    }

    std::unique_ptr<ServerProcess> m_server;
    HttpClient m_http;
    Json m_alice;
    Json m_bob;
    QString m_aliceToken;
    QString m_bobToken;
    QString m_aliceId;
};

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
    // Names for people follow Accept-Language (pt-BR unless English comes first); ids never change.
    const auto names = [this](const QByteArray& acceptLanguage) {
        const cidadao::testing::Headers headers{{QByteArrayLiteral("Authorization"), "Bearer " + m_aliceToken.toUtf8()},
                                                {QByteArrayLiteral("Accept-Language"), acceptLanguage}};
        const Json definitions = m_http.get(m_server->url(QStringLiteral("/api/v1/workflows")), headers).json();
        return QStringList{definitions.at(0)["name"].get<QString>(), definitions.at(0)["nodes"].at(0)["name"].get<QString>(),
                           definitions.at(0)["id"].get<QString>()};
    };
    QCOMPARE(names("pt-BR"), (QStringList{QStringLiteral("Importação"), QStringLiteral("Ler o arquivo"), QStringLiteral("import")}));
    QCOMPARE(names("fr, en;q=0.8"), (QStringList{QStringLiteral("Import"), QStringLiteral("Parse the file"), QStringLiteral("import")}));
    QCOMPARE(rest("GET", QStringLiteral("/api/v1/workflows"), Json(), QStringLiteral("nope")).status, 401);
    QCOMPARE(rest("POST", QStringLiteral("/api/v1/workflows/nothing/execute"), Json{{"input", Json::object()}}, m_aliceToken).status,
             404);
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
