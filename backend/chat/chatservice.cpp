// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatservice.h"

#include "protocol/apierror.h"
#include "protocol/vocabulary.h"
#include "protocol/wsenvelopes.h"

#include <QThread>

namespace cidadao::chat {

namespace {

protocol::ApiException sessionNotFound()
{
    return protocol::ApiException(protocol::ApiError{404, QLatin1String(protocol::ErrorCode::NotFound),
                                                     QStringLiteral("chat session not found"), protocol::Json::object()});
}

protocol::Json toolCallsJson(const QList<agents::ToolCall>& calls)
{
    protocol::Json out = protocol::Json::array();
    for (const agents::ToolCall& call : calls)
        out.push_back(protocol::Json{{"tool", call.tool}, {"parameters", call.parameters}, {"result", call.result}});
    return out;
}

} // namespace

ChatService::ChatService(ChatStore& store, const agents::Orchestrator& orchestrator, events::EventHub& events,
                         QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_orchestrator(orchestrator)
    , m_events(events)
{
    // Analyses are CPU-bound; more threads than cores would only queue inside SQLite and the engine.
    m_pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    // Threads never expire: each keeps one reader connection of the orchestrator's pool for its life.
    m_pool.setExpiryTimeout(-1);
}

ChatService::~ChatService()
{
    shutdown();
}

void ChatService::shutdown()
{
    m_stopping = true;
    m_pool.waitForDone();
}

void ChatService::publishDeleted(const QString& userId, const QString& sessionId)
{
    m_events.publishEntityChanged(userId, QLatin1String(events::entity::Session), sessionId,
                                  QLatin1String(events::op::Deleted));
}

void ChatService::publishCleared(const QString& userId, const QString& sessionId)
{
    m_events.publishEntityChanged(userId, QLatin1String(events::entity::Session), sessionId,
                                  QLatin1String(events::op::Updated));
}

QString ChatService::admit(const http::Principal& principal, const std::optional<QString>& sessionId)
{
    if (!sessionId)
        return protocol::newUuid();
    const ChatStore::Access access = m_store.access(principal.userId, *sessionId);
    if (access == ChatStore::Access::Foreign)
        throw sessionNotFound();
    // Anonymous callers all share one identity, so for them a session id is the capability that
    // grants access (see ChatController::sessions). Only ids minted here (random UUIDs) qualify: a
    // client-chosen id such as "1" would be guessable by every other anonymous caller.
    if (principal.anonymous && access == ChatStore::Access::Absent)
        throw sessionNotFound();
    return *sessionId;
}

TurnResult ChatService::runTurn(const http::Principal& principal, const QString& sessionId,
                                const protocol::ChatRequest& request, const agents::EventSink& sink)
{
    bool created = false;
    const auto session = m_store.openSession(principal.userId, sessionId, request.message, &created);
    if (!session)
        throw sessionNotFound();
    if (created)
        m_events.publishEntityChanged(principal.userId, QLatin1String(events::entity::Session), session->id,
                                      QLatin1String(events::op::Created));
    TurnResult turn;
    const protocol::Json userMetadata = request.context ? protocol::Json{{"context", *request.context}} : protocol::Json::object();
    turn.userMessageId = m_store.addMessage(session->id, QLatin1String(protocol::MessageRole::User), request.message,
                                            std::nullopt, userMetadata)
                             .id;
    m_events.publishEntityChanged(principal.userId, QLatin1String(events::entity::Message), turn.userMessageId,
                                  QLatin1String(events::op::Created));

    agents::TurnRequest turnRequest;
    turnRequest.message = request.message;
    turnRequest.principal = principal;
    turnRequest.agentId = request.agentId;
    turnRequest.context = request.context.value_or(protocol::Json::object());
    turnRequest.investigationId = session->currentInvestigationId;
    if (turnRequest.context.is_object() && turnRequest.context.contains("investigation_id")
        && turnRequest.context["investigation_id"].is_string())
        turnRequest.investigationId = turnRequest.context["investigation_id"].get<QString>();

    m_events.publishAgentStatus(QLatin1String(protocol::AgentId::Abaporu), QLatin1String(protocol::AgentState::Processing),
                                protocol::Json{{"session_id", session->id}});
    try {
        turn.answer = m_orchestrator.handle(turnRequest, sink, m_stopping);
    } catch (...) {
        m_events.publishAgentStatus(QLatin1String(protocol::AgentId::Abaporu), QLatin1String(protocol::AgentState::Error),
                                    protocol::Json{{"session_id", session->id}});
        throw;
    }
    m_events.publishAgentStatus(turn.answer.agentId, QLatin1String(protocol::AgentState::Completed),
                                protocol::Json{{"session_id", session->id}, {"intent", turn.answer.intent}});

    // What was made is saved even when the turn was cut short, so the history shows it.
    QString content = turn.answer.text;
    if (content.isEmpty())
        content = turn.answer.cancelled ? QStringLiteral("…") : QStringLiteral("(sem resposta)");
    turn.messageId = m_store.addMessage(session->id, QLatin1String(protocol::MessageRole::Assistant), content,
                                        turn.answer.agentId, answerMetadata(turn.answer))
                         .id;
    m_events.publishEntityChanged(principal.userId, QLatin1String(events::entity::Message), turn.messageId,
                                  QLatin1String(events::op::Created));
    if (turn.answer.investigationId && turn.answer.investigationId != session->currentInvestigationId)
        m_store.setCurrentInvestigation(session->id, *turn.answer.investigationId);
    if (session->agentId != turn.answer.agentId)
        m_store.setAgent(session->id, turn.answer.agentId);
    m_events.publishEntityChanged(principal.userId, QLatin1String(events::entity::Session), session->id,
                                  QLatin1String(events::op::Updated));
    turn.session = m_store.session(principal.userId, session->id).value_or(*session);
    return turn;
}

QStringList ChatService::actionLabels(const agents::Answer& answer)
{
    QStringList labels;
    for (const protocol::QuickAction& action : answer.suggestedActions)
        labels.append(action.label);
    return labels;
}

protocol::Json ChatService::answerMetadata(const agents::Answer& answer)
{
    protocol::Json quick = protocol::Json::array();
    for (const protocol::QuickAction& action : answer.suggestedActions) {
        protocol::Json item;
        protocol::to_json(item, action);
        quick.push_back(item);
    }
    protocol::Json metadata{{"intent", answer.intent},
                            {"confidence", answer.confidence},
                            {"language", answer.language},
                            {"entities", answer.entities},
                            {"tool_calls", toolCallsJson(answer.toolCalls)},
                            {"quick_actions", quick},
                            {"processing_time_ms", answer.processingMs},
                            {"contracts_total", answer.contractsTotal}};
    if (answer.investigationId)
        metadata["investigation_id"] = *answer.investigationId;
    if (answer.cancelled)
        metadata["cancelled"] = true;
    return metadata;
}

protocol::ChatResponse ChatService::toResponse(const TurnResult& turn)
{
    protocol::ChatResponse response;
    response.sessionId = turn.session.id;
    response.agentId = turn.answer.agentId;
    response.agentName = turn.answer.agentName;
    response.message = turn.answer.text;
    response.confidence = turn.answer.confidence;
    response.suggestedActions = actionLabels(turn.answer);
    response.metadata = answerMetadata(turn.answer);
    response.messageId = turn.messageId;
    if (!turn.answer.followUpQuestions.isEmpty())
        response.followUpQuestions = turn.answer.followUpQuestions;
    return response;
}

} // namespace cidadao::chat
