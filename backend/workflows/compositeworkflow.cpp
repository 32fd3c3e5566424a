// SPDX-License-Identifier: GPL-3.0-or-later
#include "compositeworkflow.h"

#include "protocol/apierror.h"

namespace cidadao::workflows {

using protocol::Json;

namespace {

constexpr int kMaxNodes = 32;

[[noreturn]] void refuse(const QString& message, Json details)
{
    details["field"] = "definition";
    throw protocol::ApiException(
        protocol::ApiError{422, QLatin1String(protocol::ErrorCode::ValidationError), message, std::move(details)});
}

QString stringAt(const Json& object, const char* key)
{
    return object.contains(key) && object[key].is_string() ? object[key].get<QString>() : QString();
}

// Runs a whole built-in workflow inside one node: its nodes in dependency order, on this thread.
Json runWhole(const WorkflowDefinition& inner, const NodeContext& outer, const Json& input)
{
    QHash<QString, Json> outputs;
    Json result = Json::object();
    for (const QString& id : topologicalOrder(inner)) {
        if (outer.cancelled())
            throw NodeFailure(QStringLiteral("cancelled"));
        const NodeSpec& spec = *inner.node(id);
        NodeContext context = outer;
        context.nodeId = outer.nodeId + QLatin1Char('/') + id;
        context.input = input;
        context.upstream.clear();
        for (const QString& dependency : spec.dependsOn)
            context.upstream.insert(dependency, outputs.value(dependency));
        try {
            outputs.insert(id, spec.action(context));
        } catch (const NodeFailure& failure) {
            throw NodeFailure(QStringLiteral("%1: %2").arg(id, QString::fromUtf8(failure.what())), failure.retryable());
        }
        result[id.toStdString()] = outputs.value(id);
    }
    return result;
}

} // namespace

WorkflowDefinition compositeWorkflow(const Json& spec, const std::map<QString, WorkflowFactory>& factories,
                                     const BuiltinContext& context)
{
    if (!spec.is_object() || !spec.contains("nodes") || !spec["nodes"].is_array())
        refuse(QStringLiteral("definition.nodes must be an array"), Json::object());
    const Json& nodes = spec["nodes"];
    if (nodes.empty() || nodes.size() > std::size_t(kMaxNodes))
        refuse(QStringLiteral("definition.nodes must hold 1..%1 nodes").arg(kMaxNodes), Json::object());
    WorkflowDefinition definition;
    definition.id = QLatin1String(kCustomWorkflowId);
    definition.name = stringAt(spec, "name").isEmpty() ? QStringLiteral("Custom") : stringAt(spec, "name").left(200);
    for (const Json& item : nodes) {
        if (!item.is_object())
            refuse(QStringLiteral("every node must be an object"), Json::object());
        NodeSpec node;
        node.id = stringAt(item, "id");
        node.name = stringAt(item, "name").isEmpty() ? node.id : stringAt(item, "name");
        const QString uses = stringAt(item, "uses");
        const auto factory = factories.find(uses);
        if (factory == factories.end())
            refuse(QStringLiteral("node %1 uses %2, which is not a built-in workflow").arg(node.id, uses),
                   Json{{"nodes", {node.id}}});
        if (item.contains("dependsOn")) {
            if (!item["dependsOn"].is_array())
                refuse(QStringLiteral("node %1: dependsOn must be an array").arg(node.id), Json{{"nodes", {node.id}}});
            for (const Json& dependency : item["dependsOn"]) {
                if (dependency.is_string())
                    node.dependsOn.append(dependency.get<QString>());
            }
        }
        const bool ownInput = item.contains("input") && item["input"].is_object();
        const Json nodeInput = ownInput ? item["input"] : Json();
        const WorkflowFactory make = factory->second;
        node.retry = context.retry;
        node.action = [make, context, nodeInput, ownInput](const NodeContext& outer) {
            // A fresh inner definition per attempt: its nodes' shared state starts empty.
            return Json{{"result", runWhole(make(context), outer, ownInput ? nodeInput : outer.input)}};
        };
        definition.nodes.append(node);
    }
    if (const auto problem = validate(definition)) {
        Json cycle = Json::array();
        for (const QString& id : problem->nodes)
            cycle.push_back(id);
        refuse(problem->message, Json{{"nodes", cycle}});
    }
    return definition;
}

} // namespace cidadao::workflows
