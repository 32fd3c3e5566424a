// SPDX-License-Identifier: GPL-3.0-or-later
// Runs workflow DAGs: every node whose dependencies are done is started on a worker pool, so
// independent branches run in parallel; a node that throws or outlives its timeout is retried
// with exponential backoff, and when its attempts are spent the execution fails naming it. Each
// execution has a coordinator (on its own pool) that waits for node results, deadlines and
// cancellation; events are reported through callbacks, from the coordinator's thread.
#pragma once

#include "workflowdefinition.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>

#include <memory>

namespace cidadao::workflows {

struct NodeResult
{
    QString nodeId;
    int attempts = 1;
    double durationMs = 0.0; // of the successful attempt
    protocol::Json output;
};

struct ExecutionOutcome
{
    enum class Status { Completed, Failed, Cancelled };
    Status status = Status::Completed;
    protocol::Json result = protocol::Json::object(); // completed: {nodeId: output} of every node
    QString error;      // failed/cancelled: why
    QString failedNode; // failed: the node whose attempts were spent; empty when cancelled
};
QString statusWord(ExecutionOutcome::Status status); // completed | failed | cancelled

// Callbacks of one execution, all called from its coordinator thread, in order; any may be empty.
struct ExecutionEvents
{
    std::function<void(const NodeResult&)> nodeCompleted;
    // A failed attempt that will be retried after `delay`.
    std::function<void(const QString& nodeId, int nextAttempt, const QString& error, std::chrono::milliseconds delay)>
        nodeRetrying;
    std::function<void(const ExecutionOutcome&)> finished;
};

class WorkflowRunner
{
public:
    // nodeThreads: the worker pool shared by every execution's nodes.
    explicit WorkflowRunner(int nodeThreads);
    ~WorkflowRunner(); // cancels what runs and waits for the coordinators

    WorkflowRunner(const WorkflowRunner&) = delete;
    WorkflowRunner& operator=(const WorkflowRunner&) = delete;

    // Validates (throws std::invalid_argument with validate()'s message) and starts at once.
    void start(const WorkflowDefinition& definition, const QString& executionId, const QString& userId,
               const protocol::Json& input, ExecutionEvents events);
    // Asks a running execution to stop; its finished callback then reports Cancelled. False when
    // it is not running.
    bool cancel(const QString& executionId);
    bool isRunning(const QString& executionId) const;
    int runningCount() const;
    // Cancels everything and waits until every coordinator has reported.
    void shutdown();

private:
    struct Execution;
    void coordinate(const std::shared_ptr<Execution>& execution);

    QThreadPool m_nodes;
    QThreadPool m_coordinators;
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<Execution>> m_running;
};

} // namespace cidadao::workflows
