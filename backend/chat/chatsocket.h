// SPDX-License-Identifier: GPL-3.0-or-later
// One client of the chat WebSocket (spec/API.md §7): /api/v1/ws/chat/{session_id} and
// /api/v1/ws/investigations/{id} (subscribed to that investigation on connect). Chat messages run
// as turns on the chat pool, one at a time per socket, streamed as agent_chunk then agent_response;
// investigation updates come from the EventHub through InvestigationWatchers. Protocol errors keep
// the connection open; only a bad token (1008) or an oversize message (1009) close it.
#pragma once

#include "chatservice.h"
#include "investigationwatchers.h"

#include "http/authgate.h"
#include "http/websocketconnection.h"
#include "protocol/chatws.h"

#include <QQueue>

#include <optional>

namespace cidadao::investigations {
class InvestigationService;
}

namespace cidadao::chat {

struct ChatSocketServices
{
    ChatService& chat;
    InvestigationWatchers& watchers;
    investigations::InvestigationService* investigations; // may be null
};

class ChatSocket : public http::WebSocketConnection, public InvestigationWatcher
{
    Q_OBJECT
public:
    ChatSocket(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChatSocketServices services,
               http::Principal principal, QString sessionId);
    ~ChatSocket() override;

    // Authenticates the upgrade (anonymous callers when the server allows them), checks the session is
    // not another user's, sends `connection` and, for the investigations endpoint, subscribes. On
    // refusal sends error UNAUTHORIZED, closes with 1008 and returns nullptr.
    static ChatSocket* accept(std::unique_ptr<QWebSocket> socket, qint64 messageLimit, ChatSocketServices services,
                              const http::AuthGate& gate, std::optional<QString> sessionId,
                              std::optional<QString> investigationId);

    void investigationUpdated(const protocol::InvestigationUpdatePayload& update) override;

protected:
    void onMessage(const QByteArray& utf8) override;
    void onMessageTooLarge(qint64 size) override;

private:
    void send(const char* type, const protocol::Json& data);
    void sendError(const char* code, const QString& message, const protocol::Json& details = protocol::Json::object());
    void queueChat(const protocol::ChatMessagePayload& payload);
    void runNext();
    void finishTurn(const TurnResult& turn);
    bool subscribe(const QString& investigationId);

    ChatSocketServices m_services;
    http::Principal m_principal;
    QString m_sessionId;
    QQueue<protocol::ChatMessagePayload> m_pending;
    bool m_busy = false;
};

} // namespace cidadao::chat
