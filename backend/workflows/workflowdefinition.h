// SPDX-License-Identifier: GPL-3.0-or-later
// A workflow as the runner sees it: a DAG of nodes, each with the work it does, the nodes it waits
// for, a timeout and a retry policy. validate() refuses what cannot run (cycles, unknown or
// duplicate nodes) before anything starts.
#pragma once

#include "retrypolicy.h"

#include "protocol/jsonqt.h"
#include "protocol/workflow.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>

namespace cidadao::workflows {

// What one attempt of a node gets: the workflow input, the outputs of the nodes it depends on,
// and a flag it must poll (set on cancellation and when its timeout passed).
struct NodeContext
{
    QString executionId;
    QString userId;
    QString nodeId;
    int attempt = 1;
    protocol::Json input;
    QHash<QString, protocol::Json> upstream;
    const std::atomic_bool* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    const protocol::Json& from(const QString& nodeId) const;
};

// A node fails by throwing; NodeFailure says so with a message meant for the user. A failure that
// another attempt cannot cure (bad input, a file of the wrong layout) is not retryable: the node
// fails at once instead of waiting through its backoff.
class NodeFailure : public std::runtime_error
{
public:
    explicit NodeFailure(const QString& message, bool retryable = true)
        : std::runtime_error(message.toStdString())
        , m_retryable(retryable)
    {
    }
    bool retryable() const { return m_retryable; }

private:
    bool m_retryable;
};

using NodeAction = std::function<protocol::Json(const NodeContext& context)>;

struct NodeSpec
{
    QString id;
    QString name;
    QStringList dependsOn;
    NodeAction action;
    std::chrono::milliseconds timeout{std::chrono::minutes(10)};
    RetryPolicy retry;
};

struct WorkflowDefinition
{
    QString id;
    QString name;
    QString description;
    QList<NodeSpec> nodes;

    const NodeSpec* node(const QString& nodeId) const;
    // The wire model of GET /api/v1/workflows.
    protocol::WorkflowDefinition describe() const;
};

// Why a definition cannot run: a message and the nodes concerned (the cycle, in order).
struct ValidationProblem
{
    QString message;
    QStringList nodes;
};

// nullopt when the definition is a DAG whose every dependency exists and whose ids are unique.
std::optional<ValidationProblem> validate(const WorkflowDefinition& definition);
// The nodes in an order where each comes after everything it depends on (definition must be valid).
QStringList topologicalOrder(const WorkflowDefinition& definition);

} // namespace cidadao::workflows
