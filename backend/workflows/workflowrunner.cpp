// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowrunner.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace cidadao::workflows {

using Clock = std::chrono::steady_clock;
using protocol::Json;

QString statusWord(ExecutionOutcome::Status status)
{
    switch (status) {
    case ExecutionOutcome::Status::Completed:
        return QStringLiteral("completed");
    case ExecutionOutcome::Status::Failed:
        return QStringLiteral("failed");
    case ExecutionOutcome::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

namespace {

// One finished attempt, posted by a node task to its coordinator.
struct Completion
{
    QString nodeId;
    quint64 serial = 0;
    bool ok = false;
    Json output;
    QString error;
    bool retryable = true;
    double durationMs = 0.0;
};

enum class NodeState { Waiting, Running, Delayed, Done };

struct NodeRun
{
    NodeState state = NodeState::Waiting;
    int attempt = 0;
    quint64 serial = 0; // of the current attempt: results of abandoned attempts carry an older one
    Clock::time_point deadline;
    Clock::time_point retryAt;
    std::shared_ptr<std::atomic_bool> cancel;
};

} // namespace

struct WorkflowRunner::Execution
{
    WorkflowDefinition definition;
    QString id;
    QString userId;
    Json input;
    ExecutionEvents events;

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Completion> done;
    bool cancelRequested = false;
};

WorkflowRunner::WorkflowRunner(int nodeThreads)
{
    m_nodes.setMaxThreadCount(qMax(1, nodeThreads));
    // Coordinators mostly sleep; enough of them that queued executions are rare.
    m_coordinators.setMaxThreadCount(64);
}

WorkflowRunner::~WorkflowRunner()
{
    shutdown();
}

void WorkflowRunner::start(const WorkflowDefinition& definition, const QString& executionId, const QString& userId,
                           const Json& input, ExecutionEvents events)
{
    if (const auto problem = validate(definition))
        throw std::invalid_argument(problem->message.toStdString());
    auto execution = std::make_shared<Execution>();
    execution->definition = definition;
    execution->id = executionId;
    execution->userId = userId;
    execution->input = input;
    execution->events = std::move(events);
    {
        QMutexLocker lock(&m_mutex);
        m_running.insert(executionId, execution);
    }
    m_coordinators.start([this, execution] { coordinate(execution); });
}

bool WorkflowRunner::cancel(const QString& executionId)
{
    std::shared_ptr<Execution> execution;
    {
        QMutexLocker lock(&m_mutex);
        execution = m_running.value(executionId);
    }
    if (!execution)
        return false;
    {
        std::lock_guard lock(execution->mutex);
        execution->cancelRequested = true;
    }
    execution->wake.notify_all();
    return true;
}

bool WorkflowRunner::isRunning(const QString& executionId) const
{
    QMutexLocker lock(&m_mutex);
    return m_running.contains(executionId);
}

int WorkflowRunner::runningCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_running.size());
}

void WorkflowRunner::shutdown()
{
    QStringList ids;
    {
        QMutexLocker lock(&m_mutex);
        ids = m_running.keys();
    }
    for (const QString& id : std::as_const(ids))
        cancel(id);
    m_coordinators.waitForDone();
    m_nodes.waitForDone();
}

void WorkflowRunner::coordinate(const std::shared_ptr<Execution>& execution)
{
    const WorkflowDefinition& definition = execution->definition;
    QHash<QString, NodeRun> runs;
    QHash<QString, Json> outputs;
    quint64 nextSerial = 1;
    std::optional<ExecutionOutcome> verdict;

    auto launch = [&](const NodeSpec& spec) {
        NodeRun& run = runs[spec.id];
        run.attempt += 1;
        run.serial = nextSerial++;
        run.state = NodeState::Running;
        run.deadline = Clock::now() + spec.timeout;
        run.cancel = std::make_shared<std::atomic_bool>(false);
        NodeContext context;
        context.executionId = execution->id;
        context.userId = execution->userId;
        context.nodeId = spec.id;
        context.attempt = run.attempt;
        context.input = execution->input;
        for (const QString& dependency : spec.dependsOn)
            context.upstream.insert(dependency, outputs.value(dependency));
        context.cancel = run.cancel.get();
        m_nodes.start([execution, context = std::move(context), action = spec.action, serial = run.serial,
                       flag = run.cancel] {
            Completion completion;
            completion.nodeId = context.nodeId;
            completion.serial = serial;
            QElapsedTimer timer;
            timer.start();
            try {
                completion.output = action ? action(context) : Json::object();
                completion.ok = true;
            } catch (const NodeFailure& failure) {
                completion.error = QString::fromUtf8(failure.what());
                completion.retryable = failure.retryable();
            } catch (const std::exception& error) {
                completion.error = QString::fromUtf8(error.what());
            } catch (...) {
                completion.error = QStringLiteral("unknown error");
            }
            completion.durationMs = double(timer.nsecsElapsed()) / 1e6;
            {
                std::lock_guard lock(execution->mutex);
                execution->done.push_back(std::move(completion));
            }
            execution->wake.notify_all();
        });
    };
    auto stopAll = [&] {
        for (NodeRun& run : runs) {
            if (run.state == NodeState::Running && run.cancel)
                run.cancel->store(true);
        }
    };
    auto attemptFailed = [&](const NodeSpec& spec, NodeRun& run, const QString& error, bool retryable) {
        if (retryable && run.attempt < spec.retry.attempts) {
            const auto delay = spec.retry.delayBefore(run.attempt + 1);
            run.state = NodeState::Delayed;
            run.retryAt = Clock::now() + delay;
            if (execution->events.nodeRetrying)
                execution->events.nodeRetrying(spec.id, run.attempt + 1, error, delay);
            return;
        }
        ExecutionOutcome outcome;
        outcome.status = ExecutionOutcome::Status::Failed;
        outcome.failedNode = spec.id;
        outcome.error = run.attempt > 1 ? QStringLiteral("%1 (after %2 attempts)").arg(error).arg(run.attempt) : error;
        verdict = outcome;
    };

    for (const NodeSpec& spec : definition.nodes)
        runs.insert(spec.id, NodeRun{});

    while (!verdict) {
        for (const NodeSpec& spec : definition.nodes) {
            if (runs[spec.id].state != NodeState::Waiting)
                continue;
            const bool ready = std::all_of(spec.dependsOn.cbegin(), spec.dependsOn.cend(),
                                           [&](const QString& d) { return runs[d].state == NodeState::Done; });
            if (ready)
                launch(spec);
        }
        if (std::all_of(runs.cbegin(), runs.cend(), [](const NodeRun& r) { return r.state == NodeState::Done; })) {
            ExecutionOutcome outcome;
            for (const NodeSpec& spec : definition.nodes)
                outcome.result[spec.id.toStdString()] = outputs.value(spec.id);
            verdict = outcome;
            break;
        }

        std::optional<Clock::time_point> earliest;
        for (const NodeRun& run : std::as_const(runs)) {
            const std::optional<Clock::time_point> at = run.state == NodeState::Running ? std::optional(run.deadline)
                                                      : run.state == NodeState::Delayed ? std::optional(run.retryAt)
                                                                                        : std::nullopt;
            if (at && (!earliest || *at < *earliest))
                earliest = at;
        }
        std::deque<Completion> completions;
        bool cancelled = false;
        {
            std::unique_lock lock(execution->mutex);
            auto woken = [&] { return !execution->done.empty() || execution->cancelRequested; };
            if (earliest)
                execution->wake.wait_until(lock, *earliest, woken);
            else
                execution->wake.wait(lock, woken);
            completions.swap(execution->done);
            cancelled = execution->cancelRequested;
        }
        if (cancelled) {
            ExecutionOutcome outcome;
            outcome.status = ExecutionOutcome::Status::Cancelled;
            outcome.error = QStringLiteral("cancelled");
            verdict = outcome;
            break;
        }
        for (Completion& completion : completions) {
            NodeRun& run = runs[completion.nodeId];
            if (run.serial != completion.serial || run.state != NodeState::Running)
                continue; // an attempt already given up on (timed out)
            const NodeSpec& spec = *definition.node(completion.nodeId);
            if (completion.ok) {
                run.state = NodeState::Done;
                outputs.insert(completion.nodeId, completion.output);
                if (execution->events.nodeCompleted)
                    execution->events.nodeCompleted(
                        NodeResult{completion.nodeId, run.attempt, completion.durationMs, completion.output});
            } else {
                attemptFailed(spec, run, completion.error, completion.retryable);
            }
            if (verdict)
                break;
        }
        const Clock::time_point now = Clock::now();
        for (const NodeSpec& spec : definition.nodes) {
            if (verdict)
                break;
            NodeRun& run = runs[spec.id];
            if (run.state == NodeState::Running && run.deadline <= now) {
                run.cancel->store(true); // the attempt may still finish; its result is ignored
                attemptFailed(spec, run, QStringLiteral("timed out after %1 ms").arg(spec.timeout.count()), true);
            } else if (run.state == NodeState::Delayed && run.retryAt <= now) {
                launch(spec);
            }
        }
    }
    stopAll();
    {
        QMutexLocker lock(&m_mutex);
        m_running.remove(execution->id);
    }
    if (execution->events.finished)
        execution->events.finished(*verdict);
}

} // namespace cidadao::workflows
