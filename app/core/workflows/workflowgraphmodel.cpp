// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowgraphmodel.h"

#include <QHash>

namespace cidadao::client {

using protocol::Json;

WorkflowGraphModel::WorkflowGraphModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void WorkflowGraphModel::setDefinition(const protocol::WorkflowDefinition& definition, const QString& executionId)
{
    beginResetModel();
    m_definition = definition;
    m_executionId = executionId;
    m_finished = false;
    m_nodes.clear();
    for (const protocol::WorkflowNode& spec : definition.nodes)
        m_nodes.append(Node{spec, 0, NodeState::Pending, 0.0, 0, {}, {}});
    // Layers by relaxation: a node sits one right of its deepest dependency. A cycle (which the
    // server refuses anyway) stops after n rounds instead of looping.
    for (int round = 0; round < m_nodes.size(); ++round) {
        bool changed = false;
        for (Node& node : m_nodes) {
            for (const QString& dependency : std::as_const(node.spec.dependsOn)) {
                const int row = rowOf(dependency);
                if (row >= 0 && m_nodes[row].layer + 1 > node.layer) {
                    node.layer = m_nodes[row].layer + 1;
                    changed = true;
                }
            }
        }
        if (!changed)
            break;
    }
    endResetModel();
}

int WorkflowGraphModel::rowOf(const QString& nodeId) const
{
    for (int row = 0; row < m_nodes.size(); ++row) {
        if (m_nodes[row].spec.id == nodeId)
            return row;
    }
    return -1;
}

void WorkflowGraphModel::setState(int row, NodeState state)
{
    if (m_nodes[row].state == state)
        return;
    m_nodes[row].state = state;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}

void WorkflowGraphModel::startReadyNodes()
{
    // What the server runs next: pending nodes whose dependencies are all completed.
    for (int row = 0; row < m_nodes.size(); ++row) {
        if (m_nodes[row].state != NodeState::Pending)
            continue;
        const bool ready = std::all_of(m_nodes[row].spec.dependsOn.cbegin(), m_nodes[row].spec.dependsOn.cend(),
                                       [this](const QString& d) { return state(d) == NodeState::Completed; });
        if (ready)
            setState(row, NodeState::Running);
    }
}

bool WorkflowGraphModel::apply(const QString& type, const Json& payload)
{
    if (!payload.is_object() || m_finished)
        return false;
    const QString executionId = payload.contains("executionId") && payload["executionId"].is_string()
                                    ? payload["executionId"].get<QString>()
                                    : QString();
    if (executionId.isEmpty() || (!m_executionId.isEmpty() && executionId != m_executionId))
        return false;
    m_executionId = executionId;
    const QString nodeId = payload.contains("nodeId") && payload["nodeId"].is_string() ? payload["nodeId"].get<QString>()
                                                                                       : QString();
    const int row = rowOf(nodeId);
    if (type == QLatin1String(protocol::WorkflowType::WorkflowStarted)) {
        startReadyNodes();
        return true;
    }
    if (type == QLatin1String(protocol::WorkflowType::NodeCompleted) && row >= 0) {
        Node& node = m_nodes[row];
        node.durationMs = payload.value("duration_ms", 0.0);
        node.attempts = payload.value("attempts", 1);
        node.output = payload.contains("output") ? QString::fromStdString(payload["output"].dump()) : QString();
        node.error.clear();
        setState(row, NodeState::Completed);
        Q_EMIT dataChanged(index(row), index(row));
        startReadyNodes();
        return true;
    }
    if (type == QLatin1String("node_retrying") && row >= 0) {
        m_nodes[row].attempts = payload.value("attempt", 1) - 1;
        m_nodes[row].error = payload.value("error", std::string()).empty() ? QString() : payload["error"].get<QString>();
        setState(row, NodeState::Retrying);
        Q_EMIT dataChanged(index(row), index(row));
        return true;
    }
    if (type == QLatin1String(protocol::WorkflowType::WorkflowCompleted)) {
        m_finished = true;
        return true;
    }
    if (type == QLatin1String(protocol::WorkflowType::WorkflowFailed)) {
        m_finished = true;
        const bool cancelled = payload.value("status", std::string()) == "cancelled";
        for (int r = 0; r < m_nodes.size(); ++r) {
            if (r == row) {
                m_nodes[r].error = payload.value("error", std::string()).empty() ? QString() : payload["error"].get<QString>();
                setState(r, NodeState::Failed);
                Q_EMIT dataChanged(index(r), index(r));
            } else if (m_nodes[r].state == NodeState::Running || m_nodes[r].state == NodeState::Retrying
                       || (cancelled && m_nodes[r].state == NodeState::Pending)) {
                setState(r, NodeState::Cancelled);
            }
        }
        return true;
    }
    return false;
}

int WorkflowGraphModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

QVariant WorkflowGraphModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node& node = m_nodes[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return node.spec.name.isEmpty() ? node.spec.id : node.spec.name;
    case IdRole:
        return node.spec.id;
    case DependsOnRole:
        return node.spec.dependsOn;
    case LayerRole:
        return node.layer;
    case StateRole:
        return QVariant::fromValue(node.state);
    case DurationRole:
        return node.durationMs;
    case AttemptsRole:
        return node.attempts;
    case OutputRole:
        return node.output;
    case ErrorRole:
        return node.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkflowGraphModel::roleNames() const
{
    return {{IdRole, "nodeId"},       {NameRole, "name"},         {DependsOnRole, "dependsOn"},
            {LayerRole, "layer"},     {StateRole, "state"},       {DurationRole, "durationMs"},
            {AttemptsRole, "attempts"}, {OutputRole, "output"},   {ErrorRole, "error"}};
}

WorkflowGraphModel::NodeState WorkflowGraphModel::state(const QString& nodeId) const
{
    const int row = rowOf(nodeId);
    return row < 0 ? NodeState::Pending : m_nodes[row].state;
}

int WorkflowGraphModel::layerCount() const
{
    int layers = 0;
    for (const Node& node : m_nodes)
        layers = qMax(layers, node.layer + 1);
    return layers;
}

int WorkflowGraphModel::completedCount() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node& n) { return n.state == NodeState::Completed; }));
}

} // namespace cidadao::client
