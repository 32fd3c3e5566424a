// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

void to_json(Json& out, const ChannelsPayload& value)
{
    out = Json{{Key::Channels, toJson(value.channels)}};
}

void from_json(const Json& in, ChannelsPayload& value)
{
    const ObjectReader r(in);
    value.channels = r.stringList(Key::Channels);
    if (value.channels.size() > 64)
        throw ValidationFailure(QLatin1String(Key::Channels), QStringLiteral("must list at most 64 channels"));
    for (qsizetype i = 0; i < value.channels.size(); ++i) {
        if (!parseChannel(value.channels.at(i))) {
            throw ValidationFailure(QLatin1String(Key::Channels),
                                    QStringLiteral("item %1 must be workflow:|sync:|agent:|notifications: and an id")
                                        .arg(i));
        }
    }
}

void to_json(Json& out, const ExecuteWorkflowPayload& value)
{
    out = Json{{Key::WorkflowId, value.workflowId}, {Key::Input, value.input}};
}

void from_json(const Json& in, ExecuteWorkflowPayload& value)
{
    const ObjectReader r(in);
    value.workflowId = r.string(Key::WorkflowId);
    requireLength(QLatin1String(Key::WorkflowId), value.workflowId, 1, IdMaxLength);
    value.input = r.optionalObject(Key::Input).value_or(Json::object());
}

void to_json(Json& out, const WorkflowStartedPayload& value)
{
    out = Json{{Key::ExecutionId, value.executionId}, {Key::WorkflowId, value.workflowId}};
}

void from_json(const Json& in, WorkflowStartedPayload& value)
{
    const ObjectReader r(in);
    value.executionId = r.string(Key::ExecutionId);
    value.workflowId = r.string(Key::WorkflowId);
}

void to_json(Json& out, const NodeCompletedPayload& value)
{
    out = Json{{Key::ExecutionId, value.executionId},
               {Key::NodeId, value.nodeId},
               {Key::DurationMs, value.durationMs},
               {Key::Output, value.output}};
}

void from_json(const Json& in, NodeCompletedPayload& value)
{
    const ObjectReader r(in);
    value.executionId = r.string(Key::ExecutionId);
    value.nodeId = r.string(Key::NodeId);
    value.durationMs = r.number(Key::DurationMs);
    value.output = r.optionalObject(Key::Output).value_or(Json::object());
}

void to_json(Json& out, const WorkflowCompletedPayload& value)
{
    out = Json{{Key::ExecutionId, value.executionId}, {Key::Result, value.result}};
}

void from_json(const Json& in, WorkflowCompletedPayload& value)
{
    const ObjectReader r(in);
    value.executionId = r.string(Key::ExecutionId);
    value.result = r.optionalObject(Key::Result).value_or(Json::object());
}

void to_json(Json& out, const WorkflowFailedPayload& value)
{
    out = Json{{Key::ExecutionId, value.executionId}, {Key::Error, value.error}};
    putOptional(out, Key::NodeId, value.nodeId);
}

void from_json(const Json& in, WorkflowFailedPayload& value)
{
    const ObjectReader r(in);
    value.executionId = r.string(Key::ExecutionId);
    value.error = r.string(Key::Error);
    value.nodeId = r.optionalString(Key::NodeId);
}

void to_json(Json& out, const SyncUpdatePayload& value)
{
    out = Json{{Key::Entity, value.entity}, {Key::Id, value.id}, {Key::Op, value.op}};
}

void from_json(const Json& in, SyncUpdatePayload& value)
{
    const ObjectReader r(in);
    value.entity = r.string(Key::Entity);
    value.id = r.string(Key::Id);
    value.op = r.string(Key::Op);
    requireOneOf(QLatin1String(Key::Op), value.op, SyncOp::All);
}

void to_json(Json& out, const NotificationPayload& value)
{
    out = Json{{Key::Kind, value.kind}, {Key::Message, value.message}, {Key::Data, value.data}};
}

void from_json(const Json& in, NotificationPayload& value)
{
    const ObjectReader r(in);
    value.kind = r.string(Key::Kind);
    value.message = r.optionalString(Key::Message).value_or(QString());
    value.data = r.optionalObject(Key::Data).value_or(Json::object());
}

void to_json(Json& out, const AgentStatusPayload& value)
{
    out = Json{{Key::AgentIdCamel, value.agentId}, {Key::Status, value.status}};
}

void from_json(const Json& in, AgentStatusPayload& value)
{
    const ObjectReader r(in);
    value.agentId = r.string(Key::AgentIdCamel);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, AgentState::All);
}

void to_json(Json& out, const WorkflowNode& value)
{
    out = Json{{Key::Id, value.id}, {Key::Name, value.name}, {Key::DependsOn, toJson(value.dependsOn)}};
}

void from_json(const Json& in, WorkflowNode& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.name = r.optionalString(Key::Name).value_or(value.id);
    value.dependsOn = r.optionalStringList(Key::DependsOn).value_or(QStringList());
}

void to_json(Json& out, const WorkflowDefinition& value)
{
    out = Json{{Key::Id, value.id}, {Key::Name, value.name}, {Key::Nodes, toJsonArray(value.nodes)}};
}

void from_json(const Json& in, WorkflowDefinition& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.name = r.optionalString(Key::Name).value_or(value.id);
    value.nodes = r.list<WorkflowNode>(Key::Nodes);
}

void to_json(Json& out, const ExecuteWorkflowRequest& value)
{
    out = Json{{Key::Input, value.input}};
}

void from_json(const Json& in, ExecuteWorkflowRequest& value)
{
    value.input = ObjectReader(in).optionalObject(Key::Input).value_or(Json::object());
}

void to_json(Json& out, const ExecuteWorkflowResponse& value)
{
    out = Json{{Key::ExecutionId, value.executionId}, {Key::Status, value.status}};
}

void from_json(const Json& in, ExecuteWorkflowResponse& value)
{
    const ObjectReader r(in);
    value.executionId = r.string(Key::ExecutionId);
    value.status = r.string(Key::Status);
}

} // namespace cidadao::protocol
