// SPDX-License-Identifier: GPL-3.0-or-later
// One chat turn, whatever carries it (POST /chat/message, /chat/stream, the chat WebSocket): the
// user's message is stored (creating the session), Abaporu answers, the reply is stored — also when
// the client left mid-way — and the changes are told to the EventHub (sync_update, agent status).
// Turns run on the service's own worker pool so that slow analyses never hold the event loop.
#pragma once

#include "chatstore.h"

#include "agents/orchestrator.h"
#include "events/eventhub.h"
#include "http/request.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>

namespace cidadao::chat {

struct TurnResult
{
    agents::Answer answer;
    protocol::ChatSession session; // as it is after the turn
    QString userMessageId;
    QString messageId;             // the stored reply
};

class ChatService : public QObject
{
    Q_OBJECT
public:
    ChatService(ChatStore& store, const agents::Orchestrator& orchestrator, events::EventHub& events,
                QObject* parent = nullptr);
    ~ChatService() override;

    ChatStore& store() { return m_store; }
    QThreadPool& pool() { return m_pool; }
    // Raised by shutdown(): every running turn stops at its next step.
    const std::atomic_bool& stopping() const { return m_stopping; }

    // Quick check on the caller's thread before a turn starts: the session id the turn will use (a new
    // one when absent). Throws ApiException 404 when the id is another user's session.
    QString admit(const http::Principal& principal, const std::optional<QString>& sessionId);

    // Runs one turn (call on a worker thread). Throws ApiException 404 for another user's session;
    // orchestrator failures propagate after the user's message was stored.
    TurnResult runTurn(const http::Principal& principal, const QString& sessionId, const protocol::ChatRequest& request,
                       const agents::EventSink& sink);

    static protocol::ChatResponse toResponse(const TurnResult& turn);
    static QStringList actionLabels(const agents::Answer& answer);
    static protocol::Json answerMetadata(const agents::Answer& answer);

    // sync_update for changes made outside a turn (DELETE /sessions/{id}, DELETE /history/{id}).
    void publishDeleted(const QString& userId, const QString& sessionId);
    void publishCleared(const QString& userId, const QString& sessionId);

    void shutdown();

private:
    ChatStore& m_store;
    const agents::Orchestrator& m_orchestrator;
    events::EventHub& m_events;
    QThreadPool m_pool;
    std::atomic_bool m_stopping{false};
};

} // namespace cidadao::chat
