// SPDX-License-Identifier: GPL-3.0-or-later
// The workflows part of the client core: the node-graph model on its own (QAbstractItemModelTester),
// the latency meter, and WorkflowsService against a real local backend with TWO clients of the same
// user: one runs a workflow over /ws and watches its graph fill in; the other learns of it through
// sync_update and notifications only.
#include "localbackend.h"

#include "core/channelsclient.h"
#include "core/workflows/latencymeter.h"
#include "core/workflows/workflowgraphmodel.h"
#include "core/workflows/workflowsservice.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace cidadao;
using client::WorkflowGraphModel;
using protocol::Json;

namespace {

protocol::WorkflowDefinition diamond()
{
    return protocol::WorkflowDefinition{QStringLiteral("investigation"), QStringLiteral("Investigation"),
                                        {{QStringLiteral("retrieve"), QStringLiteral("Retrieve"), {}},
                                         {QStringLiteral("detect"), QStringLiteral("Detect"), {QStringLiteral("retrieve")}},
                                         {QStringLiteral("analyze"), QStringLiteral("Analyze"), {QStringLiteral("retrieve")}},
                                         {QStringLiteral("report"), QStringLiteral("Report"),
                                          {QStringLiteral("detect"), QStringLiteral("analyze")}}}};
}

} // namespace

class TestWorkflowsClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void graphFillsFromEvents();
    void graphMarksTheFailedNodeAndStopsTheRest();
    void latencyPercentiles();
    void twoClientsOfOneUserAgainstARealBackend();
};

void TestWorkflowsClient::graphFillsFromEvents()
{
    WorkflowGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(diamond());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.layerCount(), 3);
    QCOMPARE(model.index(3).data(WorkflowGraphModel::LayerRole).toInt(), 2);
    QCOMPARE(model.state(QStringLiteral("retrieve")), WorkflowGraphModel::NodeState::Pending);
    QVERIFY(model.apply(QStringLiteral("workflow_started"), Json{{"executionId", "e1"}, {"workflowId", "investigation"}}));
    QCOMPARE(model.state(QStringLiteral("retrieve")), WorkflowGraphModel::NodeState::Running);
    QCOMPARE(model.state(QStringLiteral("detect")), WorkflowGraphModel::NodeState::Pending);
    // Events of another execution change nothing.
    QVERIFY(!model.apply(QStringLiteral("node_completed"), Json{{"executionId", "other"}, {"nodeId", "retrieve"}}));
    QVERIFY(model.apply(QStringLiteral("node_completed"),
                        Json{{"executionId", "e1"}, {"nodeId", "retrieve"}, {"duration_ms", 12.5}, {"output", {{"total", 3}}}}));
    QCOMPARE(model.state(QStringLiteral("retrieve")), WorkflowGraphModel::NodeState::Completed);
    QCOMPARE(model.state(QStringLiteral("detect")), WorkflowGraphModel::NodeState::Running); // both branches at once
    QCOMPARE(model.state(QStringLiteral("analyze")), WorkflowGraphModel::NodeState::Running);
    QCOMPARE(model.index(0).data(WorkflowGraphModel::DurationRole).toDouble(), 12.5);
    QVERIFY(model.index(0).data(WorkflowGraphModel::OutputRole).toString().contains(QStringLiteral("\"total\":3")));
    model.apply(QStringLiteral("node_retrying"), Json{{"executionId", "e1"}, {"nodeId", "detect"}, {"attempt", 2}, {"error", "busy"}});
    QCOMPARE(model.state(QStringLiteral("detect")), WorkflowGraphModel::NodeState::Retrying);
    model.apply(QStringLiteral("node_completed"), Json{{"executionId", "e1"}, {"nodeId", "detect"}, {"attempts", 2}});
    QCOMPARE(model.state(QStringLiteral("report")), WorkflowGraphModel::NodeState::Pending); // analyze not done yet
    model.apply(QStringLiteral("node_completed"), Json{{"executionId", "e1"}, {"nodeId", "analyze"}});
    QCOMPARE(model.state(QStringLiteral("report")), WorkflowGraphModel::NodeState::Running);
    model.apply(QStringLiteral("node_completed"), Json{{"executionId", "e1"}, {"nodeId", "report"}});
    model.apply(QStringLiteral("workflow_completed"), Json{{"executionId", "e1"}, {"result", Json::object()}});
    QVERIFY(model.finished());
    QCOMPARE(model.completedCount(), 4);
    QCOMPARE(model.index(1).data(WorkflowGraphModel::AttemptsRole).toInt(), 2);
}

void TestWorkflowsClient::graphMarksTheFailedNodeAndStopsTheRest()
{
    WorkflowGraphModel model;
    model.setDefinition(diamond(), QStringLiteral("e2"));
    model.apply(QStringLiteral("workflow_started"), Json{{"executionId", "e2"}});
    model.apply(QStringLiteral("node_completed"), Json{{"executionId", "e2"}, {"nodeId", "retrieve"}});
    model.apply(QStringLiteral("workflow_failed"), Json{{"executionId", "e2"}, {"nodeId", "detect"}, {"error", "boom"}});
    QCOMPARE(model.state(QStringLiteral("detect")), WorkflowGraphModel::NodeState::Failed);
    QCOMPARE(model.index(1).data(WorkflowGraphModel::ErrorRole).toString(), QStringLiteral("boom"));
    QCOMPARE(model.state(QStringLiteral("analyze")), WorkflowGraphModel::NodeState::Cancelled);
    QCOMPARE(model.state(QStringLiteral("report")), WorkflowGraphModel::NodeState::Pending);
    QVERIFY(model.finished());
}

void TestWorkflowsClient::latencyPercentiles()
{
    client::LatencyMeter meter(10);
    QVERIFY(!meter.percentile(0.99));
    QSignalSpy changed(&meter, &client::LatencyMeter::changed);
    for (qint64 ms : {5, 1, 9, 3, 7})
        meter.addSample(ms);
    meter.addSample(-3); // a stepped clock is ignored
    QCOMPARE(changed.size(), 5);
    QCOMPARE(*meter.last(), 7);
    QCOMPARE(*meter.percentile(0.5), 5);
    QCOMPARE(*meter.percentile(0.99), 9);
    for (int i = 0; i < 20; ++i)
        meter.addSample(100); // the window forgets the old ones
    QCOMPARE(*meter.percentile(0.0), 100);
    QCOMPARE(meter.sampleCount(), 10);
}

void TestWorkflowsClient::twoClientsOfOneUserAgainstARealBackend()
{
    testing::LocalBackend backend;
    QVERIFY2(backend.start(), qPrintable(backend.error()));
    const QString token = backend.host()->login().accessToken;
    const QString userId = backend.host()->login().user.id;
    auto makeChannels = [&] {
        auto channels = std::make_unique<client::ChannelsClient>();
        channels->setUrl(backend.host()->webSocketUrl(QStringLiteral("/ws")));
        channels->setTokenProvider([token] { return token; });
        return channels;
    };
    auto channelsA = makeChannels();
    auto channelsB = makeChannels();
    client::WorkflowsService first(*backend.api(), *channelsA);
    client::WorkflowsService second(*backend.api(), *channelsB);
    QSignalSpy subscribedB(channelsB.get(), &client::ChannelsClient::subscribed);
    first.setUserId(userId);
    second.setUserId(userId);
    QSignalSpy openedA(channelsA.get(), &client::ChannelsClient::opened);
    channelsA->open();
    channelsB->open();
    QVERIFY(openedA.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(channelsB->grantedChannels().size() == 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(channelsA->grantedChannels().size() == 2, 30000);

    QSignalSpy definitions(&first, &client::WorkflowsService::definitionsChanged);
    first.refreshDefinitions();
    QVERIFY(definitions.wait(30000));
    QCOMPARE(first.definitions().size(), 3);
    QVERIFY(first.definition(QStringLiteral("import")));

    QSignalSpy started(&first, &client::WorkflowsService::executionStarted);
    QSignalSpy finished(&first, &client::WorkflowsService::executionFinished);
    QSignalSpy nodes(&first, &client::WorkflowsService::nodeCompleted);
    QSignalSpy secondSync(&second, &client::WorkflowsService::syncUpdate);
    QSignalSpy secondHistory(&second, &client::WorkflowsService::historyChanged);
    QSignalSpy secondNotes(&second, &client::WorkflowsService::notificationReceived);
    QFile csv(QStringLiteral(CIDADAO_TEST_DATA_DIR "/portal/contracts_202401.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString correlation = first.execute(QStringLiteral("import"), Json{{"csv", QString::fromLatin1(csv.readAll())}});
    QVERIFY(!correlation.isEmpty());
    QCOMPARE(first.graph()->rowCount(), 4); // drawn before the server answers
    QVERIFY(started.wait(60000));
    QCOMPARE(started.at(0).at(2).toString(), correlation);
    const QString executionId = started.at(0).at(0).toString();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
    QCOMPARE(finished.at(0).at(0).toString(), executionId);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(nodes.size(), 4);
    QCOMPARE(first.graph()->completedCount(), 4);
    QVERIFY(first.graph()->finished());

    // The second client heard of the run through sync_update and refreshed its history.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(secondSync.cbegin(), secondSync.cend(),
                    [&](const QList<QVariant>& args) {
                        return args.at(0).toString() == QLatin1String("workflow_execution") && args.at(1).toString() == executionId
                               && args.at(2).toString() == QLatin1String("updated");
                    }),
        60000);
    QTRY_VERIFY_WITH_TIMEOUT(!second.history().isEmpty() && second.history().first()["status"] == "completed", 60000);
    QCOMPARE(second.history().first()["executionId"].get<QString>(), executionId);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(secondNotes.cbegin(), secondNotes.cend(),
                                         [](const QList<QVariant>& a) { return a.at(0).toString() == QLatin1String("import_done"); }),
                             60000);

    // Following that run from the second client rebuilds its graph from the stored record.
    QSignalSpy secondDefinitions(&second, &client::WorkflowsService::definitionsChanged);
    second.refreshDefinitions();
    QVERIFY(secondDefinitions.wait(30000));
    second.watch(executionId);
    QTRY_COMPARE_WITH_TIMEOUT(second.graph()->completedCount(), 4, 30000);

    // Latency from ping/pong, for the status bar.
    QSignalSpy latency(first.latency(), &client::LatencyMeter::changed);
    channelsA->ping();
    QVERIFY(latency.wait(30000));
    QVERIFY(first.latency()->last().has_value());
}

QTEST_MAIN(TestWorkflowsClient)
#include "tst_workflows_client.moc"
