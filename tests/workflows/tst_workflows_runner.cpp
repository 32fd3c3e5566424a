// SPDX-License-Identifier: GPL-3.0-or-later
// The DAG runner on its own: validation before running, parallel branches, retry with backoff,
// non-retryable failures, timeouts, cancellation. Delays are configured short; nothing asserts on
// elapsed time, only on what happened and in which order.
#include "workflows/workflowrunner.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <future>

using namespace cidadao::workflows;
using cidadao::protocol::Json;
using namespace std::chrono_literals;

namespace {

// Collects one execution's events, thread-safely, and lets the test wait for the end.
struct Recorder
{
    QMutex mutex;
    QStringList log;
    std::promise<ExecutionOutcome> outcome;
    QList<std::chrono::milliseconds> delays;

    ExecutionEvents events()
    {
        ExecutionEvents e;
        e.nodeCompleted = [this](const NodeResult& r) {
            QMutexLocker lock(&mutex);
            log << QStringLiteral("done:%1:%2").arg(r.nodeId).arg(r.attempts);
        };
        e.nodeRetrying = [this](const QString& nodeId, int next, const QString&, std::chrono::milliseconds delay) {
            QMutexLocker lock(&mutex);
            log << QStringLiteral("retry:%1:%2").arg(nodeId).arg(next);
            delays << delay;
        };
        e.finished = [this](const ExecutionOutcome& o) { outcome.set_value(o); };
        return e;
    }
    ExecutionOutcome wait()
    {
        auto future = outcome.get_future();
        if (future.wait_for(60s) != std::future_status::ready)
            qFatal("the execution never finished");
        return future.get();
    }
};

NodeSpec node(const QString& id, QStringList deps, NodeAction action)
{
    NodeSpec spec;
    spec.id = id;
    spec.name = id;
    spec.dependsOn = std::move(deps);
    spec.action = std::move(action);
    spec.retry.initialDelay = 5ms;
    spec.retry.maxDelay = 40ms;
    return spec;
}

Json constant(const QString& value)
{
    return Json{{"value", value}};
}

// Waits (bounded) until flag is set or the node is cancelled; never a timing assertion.
bool waitFor(const std::atomic_bool& flag, const NodeContext& context)
{
    for (int i = 0; i < 60000 && !flag.load() && !context.cancelled(); ++i)
        QThread::msleep(1);
    return flag.load();
}

} // namespace

class TestWorkflowsRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cycleIsRejectedNamingIt();
    void missingAndDuplicateNodesRejected();
    void topologicalOrderRespectsDependencies();
    void backoffDoublesUpToTheCap();
    void upstreamOutputsFlowDownstream();
    void independentBranchesRunInParallel();
    void retryThenSuccess();
    void failingNodeFailsTheWorkflowAndStopsDownstream();
    void nonRetryableFailureIsNotRetried();
    void timeoutCountsAsAFailedAttempt();
    void cancellationStopsRunningNodes();
};

void TestWorkflowsRunner::cycleIsRejectedNamingIt()
{
    WorkflowDefinition definition{QStringLiteral("c"), QStringLiteral("c"), {},
                                  {node(QStringLiteral("a"), {QStringLiteral("c")}, {}),
                                   node(QStringLiteral("b"), {QStringLiteral("a")}, {}),
                                   node(QStringLiteral("c"), {QStringLiteral("b")}, {}),
                                   node(QStringLiteral("d"), {}, {})}};
    const auto problem = validate(definition);
    QVERIFY(problem);
    QVERIFY2(problem->message.contains(QStringLiteral("cycle")), qPrintable(problem->message));
    QCOMPARE(problem->nodes.size(), 4); // a → c → b → a
    QCOMPARE(problem->nodes.first(), problem->nodes.last());
    WorkflowRunner runner(2);
    bool ran = false;
    definition.nodes[3].action = [&](const NodeContext&) {
        ran = true;
        return Json::object();
    };
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             runner.start(definition, QStringLiteral("x"), QStringLiteral("u"), Json::object(), {}));
    runner.shutdown();
    QVERIFY(!ran); // validation happens before anything runs
    // A self-loop is a cycle too.
    QVERIFY(validate(WorkflowDefinition{QStringLiteral("s"), {}, {}, {node(QStringLiteral("s"), {QStringLiteral("s")}, {})}}));
}

void TestWorkflowsRunner::missingAndDuplicateNodesRejected()
{
    const auto missing = validate(
        WorkflowDefinition{QStringLiteral("m"), {}, {}, {node(QStringLiteral("a"), {QStringLiteral("ghost")}, {})}});
    QVERIFY(missing);
    QVERIFY(missing->message.contains(QStringLiteral("ghost")));
    QVERIFY(validate(WorkflowDefinition{QStringLiteral("d"), {}, {}, {node(QStringLiteral("a"), {}, {}), node(QStringLiteral("a"), {}, {})}}));
    QVERIFY(validate(WorkflowDefinition{QStringLiteral("e"), {}, {}, {}}));
    QVERIFY(!validate(WorkflowDefinition{QStringLiteral("ok"), {}, {}, {node(QStringLiteral("a"), {}, {})}}));
}

void TestWorkflowsRunner::topologicalOrderRespectsDependencies()
{
    const WorkflowDefinition diamond{QStringLiteral("d"), {}, {},
                                     {node(QStringLiteral("report"), {QStringLiteral("left"), QStringLiteral("right")}, {}),
                                      node(QStringLiteral("left"), {QStringLiteral("root")}, {}),
                                      node(QStringLiteral("right"), {QStringLiteral("root")}, {}),
                                      node(QStringLiteral("root"), {}, {})}};
    const QStringList order = topologicalOrder(diamond);
    QCOMPARE(order.size(), 4);
    QCOMPARE(order.first(), QStringLiteral("root"));
    QCOMPARE(order.last(), QStringLiteral("report"));
}

void TestWorkflowsRunner::backoffDoublesUpToTheCap()
{
    const RetryPolicy defaults;
    QCOMPARE(defaults.attempts, 3);
    QCOMPARE(defaults.delayBefore(1), 0ms);
    QCOMPARE(defaults.delayBefore(2), 1000ms);
    QCOMPARE(defaults.delayBefore(3), 2000ms);
    QCOMPARE(defaults.delayBefore(6), 16000ms);
    QCOMPARE(defaults.delayBefore(7), 30000ms); // 32 s capped
    QCOMPARE(defaults.delayBefore(20), 30000ms);
}

void TestWorkflowsRunner::upstreamOutputsFlowDownstream()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    const WorkflowDefinition definition{
        QStringLiteral("flow"), {}, {},
        {node(QStringLiteral("a"), {}, [](const NodeContext& c) { return Json{{"n", c.input["start"].get<int>() + 1}}; }),
         node(QStringLiteral("b"), {QStringLiteral("a")},
              [](const NodeContext& c) { return Json{{"n", c.from(QStringLiteral("a"))["n"].get<int>() * 10}}; })}};
    runner.start(definition, QStringLiteral("e1"), QStringLiteral("u"), Json{{"start", 4}}, recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Completed);
    QCOMPARE(outcome.result["b"]["n"].get<int>(), 50);
    QCOMPARE(recorder.log, (QStringList{QStringLiteral("done:a:1"), QStringLiteral("done:b:1")}));
    QVERIFY(!runner.isRunning(QStringLiteral("e1")));
}

void TestWorkflowsRunner::independentBranchesRunInParallel()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    std::atomic_bool leftStarted{false};
    std::atomic_bool rightStarted{false};
    // Each branch waits for the other to have started: they can only both finish if run at once.
    const WorkflowDefinition definition{QStringLiteral("p"), {}, {},
                                        {node(QStringLiteral("left"), {},
                                              [&](const NodeContext& c) {
                                                  leftStarted = true;
                                                  return Json{{"saw_other", waitFor(rightStarted, c)}};
                                              }),
                                         node(QStringLiteral("right"), {},
                                              [&](const NodeContext& c) {
                                                  rightStarted = true;
                                                  return Json{{"saw_other", waitFor(leftStarted, c)}};
                                              }),
                                         node(QStringLiteral("join"), {QStringLiteral("left"), QStringLiteral("right")},
                                              [](const NodeContext&) { return constant(QStringLiteral("joined")); })}};
    runner.start(definition, QStringLiteral("e2"), QStringLiteral("u"), Json::object(), recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Completed);
    QVERIFY(outcome.result["left"]["saw_other"].get<bool>());
    QVERIFY(outcome.result["right"]["saw_other"].get<bool>());
    QCOMPARE(recorder.log.last(), QStringLiteral("done:join:1"));
}

void TestWorkflowsRunner::retryThenSuccess()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    std::atomic_int calls{0};
    const WorkflowDefinition definition{QStringLiteral("r"), {}, {},
                                        {node(QStringLiteral("flaky"), {}, [&](const NodeContext& c) {
                                            ++calls;
                                            if (c.attempt < 3)
                                                throw NodeFailure(QStringLiteral("not yet"));
                                            return Json{{"attempt", c.attempt}};
                                        })}};
    runner.start(definition, QStringLiteral("e3"), QStringLiteral("u"), Json::object(), recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Completed);
    QCOMPARE(calls.load(), 3);
    QCOMPARE(recorder.log, (QStringList{QStringLiteral("retry:flaky:2"), QStringLiteral("retry:flaky:3"),
                                        QStringLiteral("done:flaky:3")}));
    QCOMPARE(recorder.delays, (QList<std::chrono::milliseconds>{5ms, 10ms})); // initial, then ×2
}

void TestWorkflowsRunner::failingNodeFailsTheWorkflowAndStopsDownstream()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    std::atomic_bool downstreamRan{false};
    const WorkflowDefinition definition{
        QStringLiteral("f"), {}, {},
        {node(QStringLiteral("ok"), {}, [](const NodeContext&) { return constant(QStringLiteral("fine")); }),
         node(QStringLiteral("broken"), {QStringLiteral("ok")},
              [](const NodeContext&) -> Json { throw std::runtime_error("disk on fire"); }),
         node(QStringLiteral("after"), {QStringLiteral("broken")}, [&](const NodeContext&) {
             downstreamRan = true;
             return Json::object();
         })}};
    runner.start(definition, QStringLiteral("e4"), QStringLiteral("u"), Json::object(), recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Failed);
    QCOMPARE(outcome.failedNode, QStringLiteral("broken"));
    QVERIFY2(outcome.error.contains(QStringLiteral("disk on fire")), qPrintable(outcome.error));
    QVERIFY(outcome.error.contains(QStringLiteral("3 attempts")));
    QVERIFY(!downstreamRan);
    QCOMPARE(recorder.log.count(QStringLiteral("retry:broken:2")), 1);
}

void TestWorkflowsRunner::nonRetryableFailureIsNotRetried()
{
    WorkflowRunner runner(1);
    Recorder recorder;
    std::atomic_int calls{0};
    const WorkflowDefinition definition{QStringLiteral("n"), {}, {},
                                        {node(QStringLiteral("validate"), {}, [&](const NodeContext&) -> Json {
                                            ++calls;
                                            throw NodeFailure(QStringLiteral("not a Portal file"), false);
                                        })}};
    runner.start(definition, QStringLiteral("e5"), QStringLiteral("u"), Json::object(), recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Failed);
    QCOMPARE(outcome.failedNode, QStringLiteral("validate"));
    QCOMPARE(outcome.error, QStringLiteral("not a Portal file"));
    QCOMPARE(calls.load(), 1);
}

void TestWorkflowsRunner::timeoutCountsAsAFailedAttempt()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    std::atomic_int cancelledAttempts{0};
    NodeSpec slow = node(QStringLiteral("slow"), {}, [&](const NodeContext& c) -> Json {
        // Runs until told to stop, as a well-behaved long node does.
        while (!c.cancelled())
            QThread::msleep(1);
        ++cancelledAttempts;
        throw NodeFailure(QStringLiteral("stopped"));
    });
    slow.timeout = 30ms;
    slow.retry.attempts = 2;
    runner.start(WorkflowDefinition{QStringLiteral("t"), {}, {}, {slow}}, QStringLiteral("e6"), QStringLiteral("u"),
                 Json::object(), recorder.events());
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Failed);
    QCOMPARE(outcome.failedNode, QStringLiteral("slow"));
    QVERIFY2(outcome.error.contains(QStringLiteral("timed out after 30 ms")), qPrintable(outcome.error));
    QCOMPARE(recorder.log, QStringList{QStringLiteral("retry:slow:2")});
    runner.shutdown(); // waits for the abandoned attempts to notice their flag
    QCOMPARE(cancelledAttempts.load(), 2);
}

void TestWorkflowsRunner::cancellationStopsRunningNodes()
{
    WorkflowRunner runner(2);
    Recorder recorder;
    std::atomic_bool started{false};
    std::atomic_bool sawCancel{false};
    const WorkflowDefinition definition{QStringLiteral("x"), {}, {},
                                        {node(QStringLiteral("long"), {}, [&](const NodeContext& c) -> Json {
                                            started = true;
                                            while (!c.cancelled())
                                                QThread::msleep(1);
                                            sawCancel = true;
                                            throw NodeFailure(QStringLiteral("cancelled"));
                                        })}};
    runner.start(definition, QStringLiteral("e7"), QStringLiteral("u"), Json::object(), recorder.events());
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 60000);
    QVERIFY(runner.isRunning(QStringLiteral("e7")));
    QVERIFY(runner.cancel(QStringLiteral("e7")));
    const ExecutionOutcome outcome = recorder.wait();
    QCOMPARE(outcome.status, ExecutionOutcome::Status::Cancelled);
    QVERIFY(outcome.failedNode.isEmpty());
    runner.shutdown();
    QVERIFY(sawCancel.load());
    QVERIFY(!runner.cancel(QStringLiteral("e7")));
}

QTEST_GUILESS_MAIN(TestWorkflowsRunner)
#include "tst_workflows_runner.moc"
