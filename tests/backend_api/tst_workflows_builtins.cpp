// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in workflows over /ws against a real cidadao-server, doing real work: import of a Portal
// file with the correlationId round trip, an investigation over it, a failing node named, retry then
// success, a cycle refused before running, a composed workflow, and the watchlist notifying only new
// findings. The tests run in order: the investigations read what the imports stored.
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

class TestWorkflowsBuiltins : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void importWorkflowRoundTripsTheCorrelationId();
    void investigationWorkflowRunsOnTheImportedData();
    void failingNodeIsNamed();
    void retryThenSuccess();
    void cycleIsRefusedBeforeRunning();
    void composedWorkflowRunsBuiltinsInOrder();
    void watchlistNotifiesOnlyNewFindings();

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

void TestWorkflowsBuiltins::initTestCase()
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

void TestWorkflowsBuiltins::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

void TestWorkflowsBuiltins::importWorkflowRoundTripsTheCorrelationId()
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

void TestWorkflowsBuiltins::investigationWorkflowRunsOnTheImportedData()
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

void TestWorkflowsBuiltins::failingNodeIsNamed()
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

void TestWorkflowsBuiltins::retryThenSuccess()
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

void TestWorkflowsBuiltins::cycleIsRefusedBeforeRunning()
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

void TestWorkflowsBuiltins::composedWorkflowRunsBuiltinsInOrder()
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

void TestWorkflowsBuiltins::watchlistNotifiesOnlyNewFindings()
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

QTEST_GUILESS_MAIN(TestWorkflowsBuiltins)
#include "tst_workflows_builtins.moc"
