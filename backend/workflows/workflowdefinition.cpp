// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowdefinition.h"

#include <QSet>

namespace cidadao::workflows {

const protocol::Json& NodeContext::from(const QString& id) const
{
    static const protocol::Json empty = protocol::Json::object();
    const auto it = upstream.constFind(id);
    return it == upstream.constEnd() ? empty : *it;
}

const NodeSpec* WorkflowDefinition::node(const QString& nodeId) const
{
    for (const NodeSpec& spec : nodes) {
        if (spec.id == nodeId)
            return &spec;
    }
    return nullptr;
}

protocol::WorkflowDefinition WorkflowDefinition::describe() const
{
    protocol::WorkflowDefinition out;
    out.id = id;
    out.name = name;
    for (const NodeSpec& spec : nodes)
        out.nodes.append(protocol::WorkflowNode{spec.id, spec.name, spec.dependsOn});
    return out;
}

std::optional<ValidationProblem> validate(const WorkflowDefinition& definition)
{
    if (definition.nodes.isEmpty())
        return ValidationProblem{QStringLiteral("a workflow needs at least one node"), {}};
    QSet<QString> ids;
    for (const NodeSpec& spec : definition.nodes) {
        if (spec.id.isEmpty())
            return ValidationProblem{QStringLiteral("every node needs an id"), {}};
        if (ids.contains(spec.id))
            return ValidationProblem{QStringLiteral("node %1 is defined twice").arg(spec.id), {spec.id}};
        ids.insert(spec.id);
    }
    for (const NodeSpec& spec : definition.nodes) {
        for (const QString& dependency : spec.dependsOn) {
            if (!ids.contains(dependency))
                return ValidationProblem{QStringLiteral("node %1 depends on %2, which does not exist").arg(spec.id, dependency),
                                         {spec.id, dependency}};
        }
        if (spec.retry.attempts < 1 || spec.timeout.count() <= 0)
            return ValidationProblem{QStringLiteral("node %1 needs at least one attempt and a positive timeout").arg(spec.id),
                                     {spec.id}};
    }
    // Depth-first search with colours; the grey path at a back edge is the cycle to report.
    enum Colour { White, Grey, Black };
    QHash<QString, Colour> colour;
    QStringList path;
    std::function<std::optional<QStringList>(const QString&)> visit = [&](const QString& id) -> std::optional<QStringList> {
        colour[id] = Grey;
        path.append(id);
        for (const QString& dependency : definition.node(id)->dependsOn) {
            const Colour c = colour.value(dependency, White);
            if (c == Grey) {
                QStringList cycle = path.mid(path.indexOf(dependency));
                cycle.append(dependency);
                return cycle;
            }
            if (c == White) {
                if (auto found = visit(dependency))
                    return found;
            }
        }
        path.removeLast();
        colour[id] = Black;
        return std::nullopt;
    };
    for (const NodeSpec& spec : definition.nodes) {
        if (colour.value(spec.id, White) == White) {
            if (auto cycle = visit(spec.id))
                return ValidationProblem{QStringLiteral("the nodes form a cycle: %1").arg(cycle->join(QStringLiteral(" → "))),
                                         *cycle};
        }
    }
    return std::nullopt;
}

QStringList topologicalOrder(const WorkflowDefinition& definition)
{
    QStringList order;
    QSet<QString> placed;
    while (order.size() < definition.nodes.size()) {
        const qsizetype before = order.size();
        for (const NodeSpec& spec : definition.nodes) {
            if (placed.contains(spec.id))
                continue;
            const bool ready = std::all_of(spec.dependsOn.cbegin(), spec.dependsOn.cend(),
                                           [&](const QString& d) { return placed.contains(d); });
            if (ready) {
                order.append(spec.id);
                placed.insert(spec.id);
            }
        }
        if (order.size() == before)
            break; // a cycle: validate() reports it
    }
    return order;
}

} // namespace cidadao::workflows
