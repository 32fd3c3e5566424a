// SPDX-License-Identifier: GPL-3.0-or-later
// The live node graph of one workflow execution, as a list model the Workflows view draws: one row
// per node of the definition, with its dependencies, its layer (longest path from a root, for a
// left-to-right layout) and its state, which fills in from the execution's events
// (workflow_started → roots running, node_completed, node_retrying, workflow_completed/_failed).
#pragma once

#include "protocol/workflow.h"

#include <QAbstractListModel>

namespace cidadao::client {

class WorkflowGraphModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class NodeState { Pending, Running, Retrying, Completed, Failed, Cancelled };
    Q_ENUM(NodeState)

    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DependsOnRole,  // QStringList
        LayerRole,      // int, 0 for nodes without dependencies
        StateRole,      // NodeState
        DurationRole,   // double ms, once completed
        AttemptsRole,   // int
        OutputRole,     // QString: the node's output JSON, compact
        ErrorRole,      // QString
    };

    explicit WorkflowGraphModel(QObject* parent = nullptr);

    // Starts over with every node pending.
    void setDefinition(const protocol::WorkflowDefinition& definition, const QString& executionId = {});
    QString executionId() const { return m_executionId; }
    void setExecutionId(const QString& executionId) { m_executionId = executionId; }
    const protocol::WorkflowDefinition& definition() const { return m_definition; }

    // One /ws event of this execution (others are ignored). Returns true when it changed a row.
    bool apply(const QString& type, const protocol::Json& payload);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    NodeState state(const QString& nodeId) const;
    int layerCount() const;
    int completedCount() const;
    bool finished() const { return m_finished; }

private:
    struct Node
    {
        protocol::WorkflowNode spec;
        int layer = 0;
        NodeState state = NodeState::Pending;
        double durationMs = 0.0;
        int attempts = 0;
        QString output;
        QString error;
    };
    int rowOf(const QString& nodeId) const;
    void setState(int row, NodeState state);
    void startReadyNodes();

    protocol::WorkflowDefinition m_definition;
    QString m_executionId;
    QList<Node> m_nodes;
    bool m_finished = false;
};

} // namespace cidadao::client
