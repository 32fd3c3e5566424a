// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowsservice.h"

#include "protocol/wsenvelopes.h"

namespace cidadao::client {

using protocol::Json;
namespace Type = protocol::WorkflowType;

namespace {

QString stringOf(const Json& object, const char* key)
{
    return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<QString>() : QString();
}

} // namespace

WorkflowsService::WorkflowsService(ApiClient& api, ChannelsClient& channels, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_channels(channels)
{
    connect(&m_channels, &ChannelsClient::message, this, &WorkflowsService::onMessage);
    connect(&m_channels, &ChannelsClient::pong, this, [this](qint64 ms) { m_latency.addSample(ms); });
    connect(&m_channels, &ChannelsClient::serverError, this, [this](const QString& code, const QString& message) {
        // Errors carry no correlation here; while a run is being asked for, they are its answer.
        if (!m_pendingCorrelations.isEmpty() || code != QLatin1String(protocol::WorkflowError::ForbiddenChannel))
            Q_EMIT errorOccurred(code, message);
        if (code == QLatin1String(protocol::WorkflowError::WorkflowNotFound)
            || code == QLatin1String(protocol::WorkflowError::InvalidMessage))
            m_pendingCorrelations.clear();
    });
}

void WorkflowsService::setUserId(const QString& userId)
{
    if (userId == m_userId)
        return;
    if (!m_userId.isEmpty())
        m_channels.unsubscribe({QStringLiteral("sync:") + m_userId, QStringLiteral("notifications:") + m_userId});
    m_userId = userId;
    if (!m_userId.isEmpty())
        m_channels.subscribe({QStringLiteral("sync:") + m_userId, QStringLiteral("notifications:") + m_userId});
}

void WorkflowsService::refreshDefinitions()
{
    ApiJob* job = m_api.get(QStringLiteral("/api/v1/workflows"));
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        QList<protocol::WorkflowDefinition> definitions;
        if (done->json().is_array()) {
            for (const Json& item : done->json()) {
                try {
                    protocol::WorkflowDefinition definition;
                    protocol::from_json(item, definition);
                    definitions.append(definition);
                } catch (const std::exception&) {
                    // A definition this client cannot read is left out, not fatal.
                }
            }
        }
        m_definitions = definitions;
        Q_EMIT definitionsChanged();
    });
    connect(job, &ApiJob::failure, this,
            [this](ApiJob* failed) { Q_EMIT errorOccurred(failed->error().code, failed->error().message); });
}

std::optional<protocol::WorkflowDefinition> WorkflowsService::definition(const QString& workflowId) const
{
    for (const protocol::WorkflowDefinition& definition : m_definitions) {
        if (definition.id == workflowId)
            return definition;
    }
    return std::nullopt;
}

void WorkflowsService::refreshHistory()
{
    ApiJob* job = m_api.get(QStringLiteral("/api/v1/workflows/executions"));
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        m_history.clear();
        if (done->json().is_array()) {
            for (const Json& item : done->json())
                m_history.append(item);
        }
        Q_EMIT historyChanged();
    });
    connect(job, &ApiJob::failure, this,
            [this](ApiJob* failed) { Q_EMIT errorOccurred(failed->error().code, failed->error().message); });
}

QString WorkflowsService::execute(const QString& workflowId, const Json& input)
{
    const QString correlationId = protocol::newUuid();
    protocol::ExecuteWorkflowPayload payload{workflowId, input.is_object() ? input : Json::object()};
    Json out;
    protocol::to_json(out, payload);
    if (!m_channels.send(QLatin1String(Type::ExecuteWorkflow), out, correlationId))
        return {};
    m_pendingCorrelations.insert(correlationId);
    if (const auto known = definition(workflowId))
        m_graph.setDefinition(*known); // drawn at once, filled as events come
    return correlationId;
}

void WorkflowsService::follow(const QString& executionId, const QString& workflowId)
{
    if (const auto known = definition(workflowId)) {
        if (m_graph.definition().id != workflowId || !m_graph.executionId().isEmpty())
            m_graph.setDefinition(*known, executionId);
        else
            m_graph.setExecutionId(executionId);
    }
    const QString channel = QStringLiteral("workflow:") + executionId;
    if (m_followedChannel != channel) {
        if (!m_followedChannel.isEmpty())
            m_channels.unsubscribe({m_followedChannel});
        m_followedChannel = channel;
        m_channels.subscribe({channel});
    }
}

void WorkflowsService::watch(const QString& executionId)
{
    ApiJob* job = m_api.get(QStringLiteral("/api/v1/workflows/executions/") + executionId);
    connect(job, &ApiJob::success, this, [this, executionId](ApiJob* done) {
        const Json record = done->json();
        follow(executionId, stringOf(record, "workflowId"));
        // Replay what already happened, in the order the server stored it.
        m_graph.apply(QLatin1String(Type::WorkflowStarted), Json{{"executionId", executionId}});
        if (record.contains("nodes") && record["nodes"].is_array()) {
            for (const Json& node : record["nodes"]) {
                if (node.value("status", std::string()) == "completed") {
                    m_graph.apply(QLatin1String(Type::NodeCompleted),
                                  Json{{"executionId", executionId},
                                       {"nodeId", node.value("nodeId", std::string())},
                                       {"duration_ms", node.value("duration_ms", 0.0)},
                                       {"attempts", node.value("attempts", 1)},
                                       {"output", node.value("output", Json::object())}});
                }
            }
        }
        const std::string status = record.value("status", std::string());
        if (status == "completed")
            m_graph.apply(QLatin1String(Type::WorkflowCompleted), Json{{"executionId", executionId}});
        else if (status == "failed" || status == "cancelled")
            m_graph.apply(QLatin1String(Type::WorkflowFailed), Json{{"executionId", executionId},
                                                                    {"nodeId", record.value("nodeId", std::string())},
                                                                    {"error", record.value("error", std::string())},
                                                                    {"status", status}});
    });
    connect(job, &ApiJob::failure, this,
            [this](ApiJob* failed) { Q_EMIT errorOccurred(failed->error().code, failed->error().message); });
}

void WorkflowsService::cancel(const QString& executionId)
{
    ApiJob* job = m_api.deleteResource(QStringLiteral("/api/v1/workflows/executions/") + executionId);
    connect(job, &ApiJob::failure, this,
            [this](ApiJob* failed) { Q_EMIT errorOccurred(failed->error().code, failed->error().message); });
}

void WorkflowsService::onMessage(const protocol::WorkflowEnvelope& envelope)
{
    const Json payload = envelope.payload.value_or(Json::object());
    const QString& type = envelope.type;
    const QString executionId = stringOf(payload, "executionId");
    if (type == QLatin1String(Type::WorkflowStarted)) {
        const QString correlation = envelope.correlationId.value_or(QString());
        if (m_pendingCorrelations.remove(correlation)) {
            const QString workflowId = stringOf(payload, "workflowId");
            m_followedChannel = QStringLiteral("workflow:") + executionId; // the server subscribed us
            m_graph.setExecutionId(executionId);
            if (const auto known = definition(workflowId); known && m_graph.definition().id != workflowId)
                m_graph.setDefinition(*known, executionId);
            m_graph.apply(type, payload);
            Q_EMIT executionStarted(executionId, workflowId, correlation);
        }
        return;
    }
    if (type == QLatin1String(Type::NodeCompleted) || type == QLatin1String("node_retrying")) {
        if (m_graph.apply(type, payload) && type == QLatin1String(Type::NodeCompleted))
            Q_EMIT nodeCompleted(executionId, stringOf(payload, "nodeId"), payload.value("duration_ms", 0.0));
        return;
    }
    if (type == QLatin1String(Type::WorkflowCompleted) || type == QLatin1String(Type::WorkflowFailed)) {
        m_graph.apply(type, payload);
        const bool ok = type == QLatin1String(Type::WorkflowCompleted);
        Q_EMIT executionFinished(executionId, ok, stringOf(payload, "error"), stringOf(payload, "nodeId"));
        return;
    }
    if (type == QLatin1String(Type::Notification)) {
        Q_EMIT notificationReceived(stringOf(payload, "kind"), stringOf(payload, "message"),
                                    payload.value("data", Json::object()));
        return;
    }
    if (type == QLatin1String(Type::SyncUpdate)) {
        const QString entity = stringOf(payload, "entity");
        Q_EMIT syncUpdate(entity, stringOf(payload, "id"), stringOf(payload, "op"));
        if (entity == QLatin1String("workflow_execution"))
            refreshHistory(); // another client (or this one) started or finished a run
    }
}

} // namespace cidadao::client
