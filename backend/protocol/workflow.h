// SPDX-License-Identifier: GPL-3.0-or-later
// The workflows and channels WebSocket (spec/API.md §9, /ws, genesis seed): message types, error
// codes, channel names, the payloads carried in a WorkflowEnvelope, and the REST models of
// /api/v1/workflows.
#pragma once

#include "channel.h"
#include "decoding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

namespace WorkflowType {
// Client → server (seed)
inline constexpr char Subscribe[] = "subscribe";
inline constexpr char Unsubscribe[] = "unsubscribe";
inline constexpr char ExecuteWorkflow[] = "execute_workflow";
inline constexpr char Ping[] = "ping";
// Server → client (seed)
inline constexpr char WorkflowStarted[] = "workflow_started";
inline constexpr char WorkflowCompleted[] = "workflow_completed";
inline constexpr char WorkflowFailed[] = "workflow_failed";
inline constexpr char NodeCompleted[] = "node_completed";
inline constexpr char SyncUpdate[] = "sync_update";
inline constexpr char Error[] = "error";
inline constexpr char Pong[] = "pong";
// Server → client (spec §9 additions)
inline constexpr char Subscribed[] = "subscribed";
inline constexpr char Unsubscribed[] = "unsubscribed";
inline constexpr char Notification[] = "notification"; // on notifications:{userId}
inline constexpr char AgentStatus[] = "agent_status";  // on agent:{agentId}
inline constexpr char NodeRetrying[] = "node_retrying";
// Client → server (extension, API_CHANGELOG.md): cancel a running execution by its id.
inline constexpr char CancelWorkflow[] = "cancel_workflow";
inline constexpr std::initializer_list<const char*> ClientTypes = {Subscribe, Unsubscribe, ExecuteWorkflow, CancelWorkflow,
                                                                   Ping};
} // namespace WorkflowType

namespace WorkflowError {
inline constexpr char Unauthorized[] = "UNAUTHORIZED";
inline constexpr char InvalidMessage[] = "INVALID_MESSAGE";
inline constexpr char UnknownType[] = "UNKNOWN_TYPE";
inline constexpr char ForbiddenChannel[] = "FORBIDDEN_CHANNEL";
inline constexpr char WorkflowNotFound[] = "WORKFLOW_NOT_FOUND";
inline constexpr char RateLimited[] = "RATE_LIMITED";
inline constexpr char MessageTooLarge[] = "MESSAGE_TOO_LARGE";
inline constexpr char InternalError[] = "INTERNAL_ERROR";
} // namespace WorkflowError

// sync_update.op
namespace SyncOp {
inline constexpr char Created[] = "created";
inline constexpr char Updated[] = "updated";
inline constexpr char Deleted[] = "deleted";
inline constexpr std::initializer_list<const char*> All = {Created, Updated, Deleted};
} // namespace SyncOp

// sync_update.entity
namespace SyncEntity {
inline constexpr char Session[] = "session";
inline constexpr char Message[] = "message";
inline constexpr char Investigation[] = "investigation";
} // namespace SyncEntity

// notification.kind
namespace NotificationKind {
inline constexpr char InvestigationFinished[] = "investigation_finished";
inline constexpr char CriticalAnomaly[] = "critical_anomaly";
inline constexpr char ImportDone[] = "import_done";
} // namespace NotificationKind

// subscribe / unsubscribe / subscribed / unsubscribed. Decoding checks every channel name
// (a bad one is named "channels") and bounds the list to 64 entries.
struct ChannelsPayload
{
    QStringList channels;
};
void to_json(Json& out, const ChannelsPayload& value);
void from_json(const Json& in, ChannelsPayload& value);

struct ExecuteWorkflowPayload
{
    QString workflowId;
    Json input = Json::object();
};
void to_json(Json& out, const ExecuteWorkflowPayload& value);
void from_json(const Json& in, ExecuteWorkflowPayload& value);

struct WorkflowStartedPayload
{
    QString executionId;
    QString workflowId;
};
void to_json(Json& out, const WorkflowStartedPayload& value);
void from_json(const Json& in, WorkflowStartedPayload& value);

struct NodeCompletedPayload
{
    QString executionId;
    QString nodeId;
    double durationMs = 0.0;
    Json output = Json::object();
};
void to_json(Json& out, const NodeCompletedPayload& value);
void from_json(const Json& in, NodeCompletedPayload& value);

struct WorkflowCompletedPayload
{
    QString executionId;
    Json result = Json::object();
};
void to_json(Json& out, const WorkflowCompletedPayload& value);
void from_json(const Json& in, WorkflowCompletedPayload& value);

struct WorkflowFailedPayload
{
    QString executionId;
    QString error;
    std::optional<QString> nodeId;
};
void to_json(Json& out, const WorkflowFailedPayload& value);
void from_json(const Json& in, WorkflowFailedPayload& value);

struct SyncUpdatePayload
{
    QString entity;
    QString id;
    QString op; // SyncOp word
};
void to_json(Json& out, const SyncUpdatePayload& value);
void from_json(const Json& in, SyncUpdatePayload& value);

struct NotificationPayload
{
    QString kind;
    QString message;
    Json data = Json::object();
};
void to_json(Json& out, const NotificationPayload& value);
void from_json(const Json& in, NotificationPayload& value);

struct AgentStatusPayload
{
    QString agentId;
    QString status; // AgentState word
};
void to_json(Json& out, const AgentStatusPayload& value);
void from_json(const Json& in, AgentStatusPayload& value);

// GET /api/v1/workflows: a DAG of named nodes.
struct WorkflowNode
{
    QString id;
    QString name;
    QStringList dependsOn;
};
void to_json(Json& out, const WorkflowNode& value);
void from_json(const Json& in, WorkflowNode& value);

struct WorkflowDefinition
{
    QString id;
    QString name;
    QList<WorkflowNode> nodes;
};
void to_json(Json& out, const WorkflowDefinition& value);
void from_json(const Json& in, WorkflowDefinition& value);

// POST /api/v1/workflows/{id}/execute body and answer.
struct ExecuteWorkflowRequest
{
    Json input = Json::object();
};
void to_json(Json& out, const ExecuteWorkflowRequest& value);
void from_json(const Json& in, ExecuteWorkflowRequest& value);

struct ExecuteWorkflowResponse
{
    QString executionId;
    QString status;
};
void to_json(Json& out, const ExecuteWorkflowResponse& value);
void from_json(const Json& in, ExecuteWorkflowResponse& value);

} // namespace cidadao::protocol
