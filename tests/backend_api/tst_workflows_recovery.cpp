// SPDX-License-Identifier: GPL-3.0-or-later
// What happens to workflow executions when things go wrong, against real cidadao-server processes:
// - a server killed (SIGKILL) while an execution is mid-run: after a restart on the same data
//   directory that execution is failed (interrupted), finished ones are intact, and the database
//   passes PRAGMA integrity_check. The run is held mid-node by a real file that is still arriving:
//   the `import` workflow reading a named pipe whose writer (this test) has sent nothing yet;
// - INTERNAL_ERROR on /ws (and 500 over REST) when the execution cannot be recorded because another
//   process holds the database's write lock, with nothing started and the connection kept;
// - `cancel_workflow` (extension) on a running `investigation` workflow: its investigation is
//   cancelled too, workflow_failed {status: "cancelled"} arrives and no node_completed after it.
#include "investigationfixture.h"
#include "workflowstestsupport.h"

#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using cidadao::protocol::Json;
using cidadao::testing::ChannelClient;
using cidadao::testing::HttpClient;
using cidadao::testing::HttpResult;
using cidadao::testing::ServerProcess;
using cidadao::testing::portalFile;

namespace {

constexpr int kWait = cidadao::testing::kWsWait;
const QStringList kServerArguments{QStringLiteral("--rate-limit"), QStringLiteral("100000"),
                                   QStringLiteral("--login-rate-limit"), QStringLiteral("1000")};

QString fileText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
}

QString integrityOf(const QString& dataDir)
{
    auto db = cidadao::store::Database::open(QDir(dataDir).filePath(QStringLiteral("cidadao.db")));
    return cidadao::store::integrityCheck(*db);
}

QString storedStatus(const QString& dataDir, const QString& executionId)
{
    auto db = cidadao::store::Database::open(QDir(dataDir).filePath(QStringLiteral("cidadao.db")));
    cidadao::store::Statement query = db->prepare("SELECT status FROM workflow_executions WHERE id = ?1");
    query.bind(1, executionId);
    return query.step() ? query.text(0) : QString();
}

// The writing end of a named pipe, opened only once a reader holds the other end: then the
// server's node is inside its read of the file, which stays open and empty until this closes.
class PipeWriter
{
public:
    ~PipeWriter()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool openWhenRead(const QString& path)
    {
        const QByteArray native = QFile::encodeName(path);
        return QTest::qWaitFor(
            [&] {
                m_fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK); // ENXIO while nobody reads
                return m_fd >= 0;
            },
            kWait);
    }

private:
    int m_fd = -1;
};

} // namespace

class TestWorkflowsRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedMidRunIsFailedAfterRestart();
    void internalErrorWhenTheExecutionCannotBeRecorded();
    void cancellingTheInvestigationWorkflowCancelsItsInvestigation();

private:
    HttpResult rest(const ServerProcess& server, const QByteArray& method, const QString& path, const QString& token,
                    const Json& body = Json())
    {
        return cidadao::testing::callApi(m_http, server, method, path, body, token);
    }
    static QString executionPath(const QString& id) { return QStringLiteral("/api/v1/workflows/executions/") + id; }

    HttpClient m_http;
};

void TestWorkflowsRecovery::killedMidRunIsFailedAfterRestart()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const QString inbox = QDir(dataDir.path()).filePath(QStringLiteral("inbox"));
    QVERIFY(QDir().mkpath(inbox));
    const QString pipe = QDir(inbox).filePath(QStringLiteral("arriving.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);

    auto first = std::make_unique<ServerProcess>(kServerArguments, dataDir.path());
    QVERIFY2(first->start(), qPrintable(first->errorString()));
    const Json alice = cidadao::testing::loginUser(m_http, *first, QStringLiteral("alice@example.org"));
    QVERIFY(alice.is_object());
    const QString token = alice["access_token"].get<QString>();

    // A run that finishes before the crash.
    ChannelClient client;
    QVERIFY(client.open(*first, token));
    client.send(Json{{"type", "execute_workflow"},
                     {"payload",
                      {{"workflowId", "import"},
                       {"input", {{"csv", fileText(portalFile(QStringLiteral("contracts_202401.csv"))).toStdString()}}}}},
                     {"correlationId", "done-1"}});
    const QString finishedId = client.waitForType("workflow_started")["payload"]["executionId"].get<QString>();
    QVERIFY2(client.waitForType("workflow_completed", finishedId).is_object(), client.messages.back().dump().c_str());
    const HttpResult before = rest(*first, "GET", executionPath(finishedId), token);
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json()["nodes"].size(), 4u);

    // A run caught mid-way: its first node is done, its second reads a file still arriving.
    const Json definition{
        {"nodes",
         {{{"id", "despesas"},
           {"uses", "import"},
           {"input",
            {{"csv", fileText(portalFile(QStringLiteral("expenses_20240115_Despesas_Pagamento.csv"))).toStdString()}}}},
          {{"id", "chegando"}, {"uses", "import"}, {"dependsOn", {"despesas"}}, {"input", {{"file", "arriving.csv"}}}}}}};
    client.send(Json{{"type", "execute_workflow"},
                     {"payload", {{"workflowId", "custom"}, {"definition", definition}}},
                     {"correlationId", "mid-1"}});
    const Json started = client.waitFor([](const Json& m) { return m["type"] == "workflow_started" && m["correlationId"] == "mid-1"; });
    QVERIFY(started.is_object());
    const QString runningId = started["payload"]["executionId"].get<QString>();
    const Json firstNode = client.waitForType("node_completed", runningId);
    QCOMPARE(firstNode["payload"]["nodeId"].get<QString>(), QStringLiteral("despesas"));
    PipeWriter writer;
    QVERIFY2(writer.openWhenRead(pipe), "the second node never opened the arriving file");
    const HttpResult running = rest(*first, "GET", executionPath(runningId), token);
    QCOMPARE(running.json()["status"].get<QString>(), QStringLiteral("running"));

    first->killHard();
    QVERIFY(!first->isRunning());
    QCOMPARE(storedStatus(dataDir.path(), runningId), QStringLiteral("running")); // as the crash left it
    QCOMPARE(integrityOf(dataDir.path()), QStringLiteral("ok"));

    ServerProcess second(kServerArguments, dataDir.path());
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    const Json again = cidadao::testing::loginUser(m_http, second, QStringLiteral("alice@example.org"));
    QVERIFY(again.is_object());
    const QString token2 = again["access_token"].get<QString>();

    const HttpResult interrupted = rest(second, "GET", executionPath(runningId), token2);
    QCOMPARE(interrupted.status, 200);
    const Json record = interrupted.json();
    QCOMPARE(record["status"].get<QString>(), QStringLiteral("failed"));
    QVERIFY2(record["error"].get<QString>().contains(QStringLiteral("server stopped")), record.dump().c_str());
    QVERIFY(record.contains("finished_at"));
    // What it had finished is still there.
    QCOMPARE(record["nodes"].size(), 1u);
    QCOMPARE(record["nodes"][0]["nodeId"].get<QString>(), QStringLiteral("despesas"));
    QCOMPARE(record["nodes"][0]["status"].get<QString>(), QStringLiteral("completed"));
    QVERIFY(record["nodes"][0]["output"]["result"]["store"]["rows_imported"].get<int>() > 0);

    const HttpResult after = rest(second, "GET", executionPath(finishedId), token2);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json(), before.json()); // the finished run, byte for byte as before the crash

    const HttpResult history = rest(second, "GET", QStringLiteral("/api/v1/workflows/executions"), token2);
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json().size(), 2u);
    for (const Json& item : history.json()) {
        const bool isInterrupted = item["executionId"].get<QString>() == runningId;
        QCOMPARE(item["status"].get<QString>(), isInterrupted ? QStringLiteral("failed") : QStringLiteral("completed"));
    }
    // Over /ws too: nothing is running any more to cancel; the answer names its status.
    ChannelClient ws;
    QVERIFY(ws.open(second, token2));
    ws.send(Json{{"type", "cancel_workflow"}, {"payload", {{"executionId", runningId}}}, {"correlationId", "c-1"}});
    const Json refused = ws.waitForType("error");
    QCOMPARE(refused["payload"]["code"].get<QString>(), QStringLiteral("WORKFLOW_NOT_FOUND"));
    QCOMPARE(refused["payload"]["details"]["status"].get<QString>(), QStringLiteral("failed"));
    QCOMPARE(refused["correlationId"].get<QString>(), QStringLiteral("c-1"));

    QCOMPARE(second.stop(), 0);
    QCOMPARE(integrityOf(dataDir.path()), QStringLiteral("ok"));
}

void TestWorkflowsRecovery::internalErrorWhenTheExecutionCannotBeRecorded()
{
    // The server waits two minutes for a held lock by default (an import holds it for its whole file);
    // this one gives up after two seconds, which the held lock below outlasts.
    ServerProcess server(kServerArguments);
    qputenv("CIDADAO_LOCK_WAIT_MS", "2000");
    const bool running = server.start();
    qunsetenv("CIDADAO_LOCK_WAIT_MS");
    QVERIFY2(running, qPrintable(server.errorString()));
    const Json alice = cidadao::testing::loginUser(m_http, server, QStringLiteral("alice@example.org"));
    QVERIFY(alice.is_object());
    const QString token = alice["access_token"].get<QString>();
    ChannelClient client;
    QVERIFY(client.open(server, token));

    {
        // Another process (a backup, a sqlite3 shell) holds the write lock longer than the server waits
        // for it: the execution's row cannot be written.
        auto holder = cidadao::store::Database::open(QDir(server.dataDir()).filePath(QStringLiteral("cidadao.db")));
        holder->exec("BEGIN IMMEDIATE");
        client.send(Json{{"type", "execute_workflow"}, {"payload", {{"workflowId", "watchlist"}}}, {"correlationId", "lk-1"}});
        const Json error = client.waitForType("error");
        QVERIFY(error.is_object());
        QCOMPARE(error["payload"]["code"].get<QString>(), QStringLiteral("INTERNAL_ERROR"));
        QCOMPARE(error["correlationId"].get<QString>(), QStringLiteral("lk-1"));
        QVERIFY(!error["payload"]["message"].get<QString>().contains(QStringLiteral("locked"))); // internals stay inside
        // The same over REST: the error envelope with 500.
        const HttpResult rest500 =
            rest(server, "POST", QStringLiteral("/api/v1/workflows/watchlist/execute"), token, Json::object());
        QCOMPARE(rest500.status, 500);
        holder->exec("ROLLBACK");
    }
    QVERIFY(client.ofType("workflow_started").isEmpty()); // nothing started
    QVERIFY(client.roundTrip(5));                         // the connection stays
    QCOMPARE(rest(server, "GET", QStringLiteral("/api/v1/workflows/executions"), token).json().size(), 0u);

    // With the lock gone the same request runs.
    client.send(Json{{"type", "execute_workflow"}, {"payload", {{"workflowId", "watchlist"}}}, {"correlationId", "lk-2"}});
    const Json started = client.waitForType("workflow_started");
    QCOMPARE(started["correlationId"].get<QString>(), QStringLiteral("lk-2"));
    QVERIFY(client.waitForType("workflow_completed", started["payload"]["executionId"].get<QString>()).is_object());
    QCOMPARE(rest(server, "GET", QStringLiteral("/api/v1/workflows/executions"), token).json().size(), 1u);
    QCOMPARE(server.stop(), 0);
}

void TestWorkflowsRecovery::cancellingTheInvestigationWorkflowCancelsItsInvestigation()
{
    // Enough records that the investigation is still detecting when the cancel arrives: with 60,000 the
    // faster engine reached report_generation at 92 % first, and under a loaded CI run it finished.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const Json dataset = cidadao::testing::generateDataset(23, 250000, scratch.filePath(QStringLiteral("data")));
    QVERIFY(dataset.is_object());
    ServerProcess server(kServerArguments);
    QVERIFY(cidadao::testing::importWithCli(server.dataDir(), dataset, {QStringLiteral("contracts")}));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const Json alice = cidadao::testing::loginUser(m_http, server, QStringLiteral("alice@example.org"));
    const Json bob = cidadao::testing::loginUser(m_http, server, QStringLiteral("bob@example.org"));
    QVERIFY(alice.is_object() && bob.is_object());
    const QString token = alice["access_token"].get<QString>();

    ChannelClient client;
    QVERIFY(client.open(server, token));
    client.send(Json{{"type", "execute_workflow"},
                     {"payload",
                      {{"workflowId", "investigation"},
                       {"input",
                        {{"query", "todos os contratos"},
                         {"data_source", "contracts"},
                         {"anomaly_types", {"price", "vendor", "temporal", "payment", "duplicate", "pattern"}}}}}},
                     {"correlationId", "inv-stop"}});
    const QString executionId = client.waitForType("workflow_started")["payload"]["executionId"].get<QString>();
    const Json retrieved = client.waitForType("node_completed", executionId);
    QCOMPARE(retrieved["payload"]["nodeId"].get<QString>(), QStringLiteral("retrieve"));
    const QString investigationId = retrieved["payload"]["output"]["investigation_id"].get<QString>();
    QVERIFY(!investigationId.isEmpty());

    // Another user may not stop it: to them it does not exist.
    ChannelClient intruder;
    QVERIFY(intruder.open(server, bob["access_token"].get<QString>()));
    intruder.send(Json{{"type", "cancel_workflow"}, {"payload", {{"executionId", executionId}}}});
    QCOMPARE(intruder.waitForType("error")["payload"]["code"].get<QString>(), QStringLiteral("WORKFLOW_NOT_FOUND"));

    client.send(Json{{"type", "cancel_workflow"}, {"payload", {{"executionId", executionId}}}, {"correlationId", "stop-1"}});
    const Json failed = client.waitForType("workflow_failed", executionId);
    QVERIFY2(failed.is_object(), client.messages.back().dump().c_str());
    QCOMPARE(failed["payload"]["status"].get<QString>(), QStringLiteral("cancelled"));
    QCOMPARE(failed["payload"]["error"].get<QString>(), QStringLiteral("cancelled"));
    QVERIFY(!failed["payload"].contains("nodeId")); // no node failed: it was stopped
    QCOMPARE(failed["correlationId"].get<QString>(), QStringLiteral("inv-stop")); // the run's own
    QVERIFY(client.ofType("workflow_completed", executionId).isEmpty());

    // The investigation went with it.
    Json investigation;
    QVERIFY(QTest::qWaitFor(
        [&] {
            investigation =
                rest(server, "GET", QStringLiteral("/api/v1/investigations/") + investigationId + QStringLiteral("/status"), token)
                    .json();
            const std::string state = investigation.value("status", std::string());
            return state != "started" && state != "processing";
        },
        kWait));
    QCOMPARE(investigation["status"].get<QString>(), QStringLiteral("cancelled"));
    qInfo("investigation cancelled in phase %s at progress %.2f",
          investigation.value("current_phase", std::string()).c_str(), investigation.value("progress", 0.0));

    // Nothing of the run arrives after its end (the pong comes after anything sent before it).
    QVERIFY(client.roundTrip(11));
    const qsizetype end = client.messages.indexOf(failed);
    for (qsizetype i = end + 1; i < client.messages.size(); ++i)
        QVERIFY2(client.messages[i]["type"] != "node_completed", client.messages[i].dump().c_str());
    const HttpResult record = rest(server, "GET", executionPath(executionId), token);
    QCOMPARE(record.json()["status"].get<QString>(), QStringLiteral("cancelled"));
    // The nodes it finished are stored, and nothing after them.
    QCOMPARE(qsizetype(record.json()["nodes"].size()), client.ofType("node_completed", executionId).size());

    // Stopping it again: it is not running; over REST a 409.
    client.send(Json{{"type", "cancel_workflow"}, {"payload", {{"executionId", executionId}}}, {"correlationId", "stop-2"}});
    const Json again = client.waitFor([](const Json& m) { return m["type"] == "error" && m["correlationId"] == "stop-2"; });
    QCOMPARE(again["payload"]["code"].get<QString>(), QStringLiteral("WORKFLOW_NOT_FOUND"));
    QCOMPARE(again["payload"]["details"]["status"].get<QString>(), QStringLiteral("cancelled"));
    QCOMPARE(rest(server, "DELETE", executionPath(executionId), token).status, 409);
    client.send(Json{{"type", "cancel_workflow"}, {"payload", Json::object()}, {"correlationId", "stop-3"}});
    const Json invalid = client.waitFor([](const Json& m) { return m["type"] == "error" && m["correlationId"] == "stop-3"; });
    QCOMPARE(invalid["payload"]["code"].get<QString>(), QStringLiteral("INVALID_MESSAGE"));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestWorkflowsRecovery)
#include "tst_workflows_recovery.moc"
