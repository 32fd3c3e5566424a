// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowservice.h"

#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>

Q_LOGGING_CATEGORY(lcWorkflows, "cidadao.workflows")

namespace cidadao::workflows {

using protocol::Json;
namespace Type = protocol::WorkflowType;

namespace {

QString workflowChannel(const QString& executionId)
{
    return QLatin1String(protocol::ChannelKind::Workflow) + QLatin1Char(':') + executionId;
}

std::optional<QString> optional(const QString& value)
{
    return value.isEmpty() ? std::nullopt : std::optional(value);
}

bool isAdmin(const http::Principal& who)
{
    return who.role == QLatin1String("admin");
}

} // namespace

WorkflowService::WorkflowService(WorkflowServiceConfig config, ChannelHub& hub, events::EventHub* events,
                                 QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_hub(hub)
    , m_repository(std::make_unique<WorkflowRepository>(m_config.databasePath))
    , m_runner(std::make_unique<WorkflowRunner>(m_config.nodeThreads))
{
    m_builtins.databasePath = m_config.databasePath;
    m_builtins.inboxDir = m_config.inboxDir;
    m_builtins.repository = m_repository.get();
    m_builtins.detectorThreads = m_config.detectorThreads;
    m_builtins.retry = m_config.retry;
    m_builtins.notify = [this](const QString& userId, const QString& kind, const QString& message, const Json& data) {
        notify(userId, kind, message, data);
    };
    if (events && m_config.investigations) {
        m_tracker = std::make_unique<InvestigationTracker>(*m_config.investigations, *events);
        m_builtins.investigations = m_tracker.get();
    }
    if (events) {
        m_builtins.agentStatus = [events](const QString& agentId, const QString& status, const Json& details) {
            events->publishAgentStatus(agentId, status, details);
        };
    }
    m_factories.emplace(QStringLiteral("investigation"), &investigationWorkflow);
    m_factories.emplace(QStringLiteral("import"), &importWorkflow);
    m_factories.emplace(QStringLiteral("watchlist"), &watchlistWorkflow);
}

WorkflowService::~WorkflowService()
{
    shutdown();
}

void WorkflowService::shutdown()
{
    if (m_runner)
        m_runner->shutdown();
    if (m_repository)
        m_repository->flush();
}

int WorkflowService::recoverInterrupted()
{
    const int count = m_repository->markInterrupted(QStringLiteral("the server stopped while the workflow was running"));
    if (count > 0)
        qCInfo(lcWorkflows) << count << "workflow executions interrupted by a restart marked failed";
    return count;
}

QList<protocol::WorkflowDefinition> WorkflowService::definitions() const
{
    QList<protocol::WorkflowDefinition> out;
    for (const auto& [id, factory] : m_factories)
        out.append(factory(m_builtins).describe());
    return out;
}

bool WorkflowService::hasWorkflow(const QString& workflowId) const
{
    return m_factories.count(workflowId) > 0;
}

void WorkflowService::postToMain(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void WorkflowService::notify(const QString& userId, const QString& kind, const QString& message, const Json& data)
{
    postToMain([this, userId, kind, message, data] {
        Json payload;
        protocol::to_json(payload, protocol::NotificationPayload{kind, message, data});
        m_hub.publish(QLatin1String(protocol::ChannelKind::Notifications) + QLatin1Char(':') + userId,
                      QLatin1String(Type::Notification), payload);
    });
}

void WorkflowService::publishSync(const QString& userId, const QString& executionId, const char* op)
{
    Json payload;
    protocol::to_json(payload, protocol::SyncUpdatePayload{QStringLiteral("workflow_execution"), executionId,
                                                           QLatin1String(op)});
    m_hub.publish(QLatin1String(protocol::ChannelKind::Sync) + QLatin1Char(':') + userId, QLatin1String(Type::SyncUpdate),
                  payload);
}

std::optional<QString> WorkflowService::execute(const http::Principal& who, const QString& workflowId, const Json& input,
                                                const QString& correlationId, ChannelSubscriber* requester,
                                                const Json& custom)
{
    WorkflowDefinition definition;
    if (workflowId == QLatin1String(kCustomWorkflowId) && !custom.is_null()) {
        definition = compositeWorkflow(custom, m_factories, m_builtins);
    } else {
        const auto factory = m_factories.find(workflowId);
        if (factory == m_factories.end())
            return std::nullopt;
        definition = factory->second(m_builtins);
    }
    const QString executionId = protocol::newUuid();
    const QString channel = workflowChannel(executionId);
    const std::optional<QString> correlation = optional(correlationId);

    ExecutionRecord record;
    record.id = executionId;
    record.workflowId = workflowId;
    record.userId = who.userId;
    record.input = input.is_object() ? input : Json::object();
    record.correlationId = correlationId;
    record.startedAt = WorkflowRepository::now();
    m_repository->executionStarted(record);

    m_hub.registerExecution(executionId, who.userId);
    if (requester)
        m_hub.subscribe(requester, channel);
    Json started;
    protocol::to_json(started, protocol::WorkflowStartedPayload{executionId, workflowId});
    m_hub.publish(channel, QLatin1String(Type::WorkflowStarted), started, correlation);
    publishSync(who.userId, executionId, protocol::SyncOp::Created);

    ExecutionEvents events;
    WorkflowRepository* repository = m_repository.get();
    events.nodeCompleted = [this, repository, executionId, channel, correlation](const NodeResult& result) {
        repository->nodeFinished(executionId, NodeRunRecord{result.nodeId, QStringLiteral("completed"), result.attempts,
                                                            result.durationMs, result.output, {},
                                                            WorkflowRepository::now()});
        postToMain([this, executionId, channel, correlation, result] {
            Json payload;
            protocol::to_json(payload, protocol::NodeCompletedPayload{executionId, result.nodeId, result.durationMs,
                                                                      result.output});
            payload["attempts"] = result.attempts; // extension: how many tries it took
            m_hub.publish(channel, QLatin1String(Type::NodeCompleted), payload, correlation);
        });
    };
    events.nodeRetrying = [this, executionId, channel, correlation](const QString& nodeId, int next, const QString& error,
                                                                    std::chrono::milliseconds delay) {
        postToMain([this, executionId, channel, correlation, nodeId, next, error, delay] {
            // Extension (a seed-only client ignores it): a node failed and will be tried again.
            m_hub.publish(channel, QLatin1String(Type::NodeRetrying),
                          Json{{"executionId", executionId},
                               {"nodeId", nodeId},
                               {"attempt", next},
                               {"error", error},
                               {"delay_ms", qint64(delay.count())}},
                          correlation);
        });
    };
    events.finished = [this, repository, executionId, channel, correlation,
                       userId = who.userId](const ExecutionOutcome& outcome) {
        if (outcome.status == ExecutionOutcome::Status::Failed)
            repository->nodeFinished(executionId, NodeRunRecord{outcome.failedNode, QStringLiteral("failed"), 0, 0.0,
                                                                Json(), outcome.error, WorkflowRepository::now()});
        repository->executionFinished(executionId, statusWord(outcome.status),
                                      outcome.status == ExecutionOutcome::Status::Completed ? outcome.result : Json(),
                                      outcome.error, outcome.failedNode);
        postToMain([this, executionId, channel, correlation, outcome, userId] {
            publishSync(userId, executionId, protocol::SyncOp::Updated);
            Json payload;
            if (outcome.status == ExecutionOutcome::Status::Completed) {
                protocol::to_json(payload, protocol::WorkflowCompletedPayload{executionId, outcome.result});
                m_hub.publish(channel, QLatin1String(Type::WorkflowCompleted), payload, correlation);
            } else {
                protocol::to_json(payload, protocol::WorkflowFailedPayload{executionId, outcome.error,
                                                                           optional(outcome.failedNode)});
                payload["status"] = statusWord(outcome.status); // failed | cancelled
                m_hub.publish(channel, QLatin1String(Type::WorkflowFailed), payload, correlation);
            }
            m_hub.executionEnded(executionId);
        });
    };
    m_runner->start(definition, executionId, who.userId, record.input, std::move(events));
    return executionId;
}

bool WorkflowService::cancel(const http::Principal& who, const QString& executionId)
{
    const auto record = execution(who, executionId);
    return record && m_runner->cancel(executionId);
}

std::optional<QString> WorkflowService::requestCancel(const http::Principal& who, const QString& executionId)
{
    const auto record = execution(who, executionId);
    if (!record)
        return std::nullopt;
    if (m_runner->cancel(executionId))
        return QStringLiteral("cancelling");
    // Just finished: the runner let go of it before its final row was written.
    return record->status == QLatin1String("running") ? QStringLiteral("finishing") : record->status;
}

std::optional<ExecutionRecord> WorkflowService::execution(const http::Principal& who, const QString& executionId)
{
    auto record = m_repository->execution(executionId);
    if (!record || (record->userId != who.userId && !isAdmin(who)))
        return std::nullopt;
    return record;
}

QList<ExecutionRecord> WorkflowService::history(const http::Principal& who, int limit)
{
    return m_repository->executions(who.userId, limit);
}

} // namespace cidadao::workflows
