// SPDX-License-Identifier: GPL-3.0-or-later
// Executions, node runs and the watchlist in a real SQLite file (migration 0007), across a
// simulated restart: a second repository on the same file finds the run the first left running
// and marks it failed.
#include "workflows/workflowrepository.h"

#include "store/database.h"
#include "store/migrations.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cidadao::workflows;
using cidadao::protocol::Json;

class TestWorkflowsRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void executionsSurviveAndRestartFailsRunningOnes();
    void historyIsPerUserNewestFirst();
    void watchlistRemembersWhatWasSeen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestWorkflowsRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cidadao.db"));
    auto db = cidadao::store::Database::open(m_path);
    cidadao::store::migrate(*db);
}

static ExecutionRecord record(const QString& id, const QString& user, const QString& startedAt)
{
    ExecutionRecord r;
    r.id = id;
    r.workflowId = QStringLiteral("import");
    r.userId = user;
    r.input = Json{{"file", "a.csv"}};
    r.correlationId = QStringLiteral("req-1");
    r.startedAt = startedAt;
    return r;
}

void TestWorkflowsRepository::executionsSurviveAndRestartFailsRunningOnes()
{
    {
        WorkflowRepository repository(m_path);
        repository.executionStarted(record(QStringLiteral("done-1"), QStringLiteral("u1"), QStringLiteral("2026-01-01T00:00:00.000Z")));
        repository.executionStarted(record(QStringLiteral("live-1"), QStringLiteral("u1"), QStringLiteral("2026-01-01T00:00:01.000Z")));
        repository.nodeFinished(QStringLiteral("done-1"), NodeRunRecord{QStringLiteral("parse"), QStringLiteral("completed"), 2,
                                                                       12.5, Json{{"bytes", 10}}, {}, WorkflowRepository::now()});
        repository.executionFinished(QStringLiteral("done-1"), QStringLiteral("completed"), Json{{"parse", {{"bytes", 10}}}}, {}, {});
        repository.nodeFinished(QStringLiteral("live-1"), NodeRunRecord{QStringLiteral("parse"), QStringLiteral("completed"), 1,
                                                                       3.0, Json::object(), {}, WorkflowRepository::now()});
        repository.flush();
        QCOMPARE(repository.execution(QStringLiteral("live-1"))->status, QStringLiteral("running"));
    } // the "process" ends with live-1 still running

    WorkflowRepository restarted(m_path);
    QCOMPARE(restarted.markInterrupted(QStringLiteral("server restarted")), 1);
    const auto live = restarted.execution(QStringLiteral("live-1"));
    QVERIFY(live);
    QCOMPARE(live->status, QStringLiteral("failed"));
    QCOMPARE(live->error, QStringLiteral("server restarted"));
    QVERIFY(!live->finishedAt.isEmpty());
    QCOMPARE(live->nodes.size(), 1); // what it had finished is kept

    const auto done = restarted.execution(QStringLiteral("done-1"));
    QCOMPARE(done->status, QStringLiteral("completed"));
    QCOMPARE(done->correlationId, QStringLiteral("req-1"));
    QCOMPARE(done->input["file"].get<QString>(), QStringLiteral("a.csv"));
    QCOMPARE(done->result["parse"]["bytes"].get<int>(), 10);
    QCOMPARE(done->nodes.size(), 1);
    QCOMPARE(done->nodes[0].attempts, 2);
    QCOMPARE(done->nodes[0].durationMs, 12.5);
    const Json wire = done->toJson();
    QCOMPARE(wire["executionId"].get<QString>(), QStringLiteral("done-1"));
    QCOMPARE(wire["nodes"][0]["nodeId"].get<QString>(), QStringLiteral("parse"));
    QCOMPARE(restarted.markInterrupted(QStringLiteral("again")), 0); // idempotent
    QVERIFY(!restarted.execution(QStringLiteral("nope")));
}

void TestWorkflowsRepository::historyIsPerUserNewestFirst()
{
    WorkflowRepository repository(m_path);
    repository.executionStarted(record(QStringLiteral("a"), QStringLiteral("u1"), QStringLiteral("2026-01-01T00:00:00.000Z")));
    repository.executionStarted(record(QStringLiteral("b"), QStringLiteral("u2"), QStringLiteral("2026-01-01T00:00:01.000Z")));
    repository.executionStarted(record(QStringLiteral("c"), QStringLiteral("u1"), QStringLiteral("2026-01-01T00:00:02.000Z")));
    const auto mine = repository.executions(QStringLiteral("u1"), 10);
    QCOMPARE(mine.size(), 2);
    QCOMPARE(mine[0].id, QStringLiteral("c"));
    QCOMPARE(mine[1].id, QStringLiteral("a"));
    QCOMPARE(repository.executions(QStringLiteral("u1"), 1).size(), 1);
}

void TestWorkflowsRepository::watchlistRemembersWhatWasSeen()
{
    WorkflowRepository repository(m_path);
    const WatchItem item = repository.addWatch(QStringLiteral("u1"), QStringLiteral("MEC"), Json{{"query", "mec"}});
    QCOMPARE(repository.watches(QStringLiteral("u1")).size(), 1);
    QCOMPARE(repository.watches(QStringLiteral("u2")).size(), 0);
    QCOMPARE(repository.markSeen(item.id, {QStringLiteral("f1"), QStringLiteral("f2")}),
             (QStringList{QStringLiteral("f1"), QStringLiteral("f2")}));
    QCOMPARE(repository.markSeen(item.id, {QStringLiteral("f2"), QStringLiteral("f3")}), QStringList{QStringLiteral("f3")});
    QVERIFY(!repository.watches(QStringLiteral("u1"))[0].lastRun.isEmpty());
    QVERIFY(!repository.removeWatch(QStringLiteral("u2"), item.id)); // not theirs
    QVERIFY(repository.removeWatch(QStringLiteral("u1"), item.id));
    QVERIFY(repository.watches(QStringLiteral("u1")).isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkflowsRepository)
#include "tst_workflows_repository.moc"
