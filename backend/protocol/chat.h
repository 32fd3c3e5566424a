// SPDX-License-Identifier: GPL-3.0-or-later
// Chat models (spec/API.md §4): the seed's ChatRequest/ChatResponse/QuickAction plus the upstream
// extensions (agent_id, message_id, follow_up_questions), sessions and the history.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

// Limits of ChatRequest.message, in Unicode code points.
inline constexpr int ChatMessageMinLength = 1;
inline constexpr int ChatMessageMaxLength = 1000;
// Ids we store (session_id, ...) are bounded so a client cannot make us index megabyte keys.
inline constexpr int IdMaxLength = 128;

// POST /chat/message and /chat/stream body. Validation: message 1..1000 code points; session_id
// 1..128; context an object; agent_id one of AgentId::All.
struct ChatRequest
{
    QString message;
    std::optional<QString> sessionId;
    std::optional<Json> context;
    std::optional<QString> agentId;
};
void to_json(Json& out, const ChatRequest& value);
void from_json(const Json& in, ChatRequest& value);

struct ChatResponse
{
    QString sessionId;
    QString agentId;
    QString agentName;
    QString message;
    double confidence = 0.0; // 0..1
    std::optional<QStringList> suggestedActions;
    std::optional<QMap<QString, QString>> requiresInput;
    Json metadata = Json::object();
    std::optional<QString> messageId;            // upstream extension
    std::optional<QStringList> followUpQuestions; // upstream extension
};
void to_json(Json& out, const ChatResponse& value);
void from_json(const Json& in, ChatResponse& value);

// GET /chat/suggestions item.
struct QuickAction
{
    QString id;
    QString label;
    QString icon;
    QString action;
};
void to_json(Json& out, const QuickAction& value);
void from_json(const Json& in, QuickAction& value);

struct ChatSession
{
    QString id;
    QString userId;
    QString title;
    std::optional<QString> agentId;
    QString status; // SessionState word
    std::optional<QString> currentInvestigationId;
    qint64 messageCount = 0;
    std::optional<QDateTime> lastMessageAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};
void to_json(Json& out, const ChatSession& value);
void from_json(const Json& in, ChatSession& value);

// GET /chat/sessions
struct ChatSessionList
{
    QList<ChatSession> sessions;
    qint64 count = 0;
    qint64 limit = 20;
    qint64 offset = 0;
};
void to_json(Json& out, const ChatSessionList& value);
void from_json(const Json& in, ChatSessionList& value);

// One message of GET /chat/history/{id} (and the items of its paginated form).
struct HistoryMessage
{
    QString id;
    QString role; // MessageRole word
    QString content;
    QDateTime timestamp;
    std::optional<QString> agentId;
};
void to_json(Json& out, const HistoryMessage& value);
void from_json(const Json& in, HistoryMessage& value);

struct ChatHistory
{
    QString sessionId;
    QList<HistoryMessage> messages;
    qint64 totalMessages = 0;
};
void to_json(Json& out, const ChatHistory& value);
void from_json(const Json& in, ChatHistory& value);

// Shared by ChatRequest and the WebSocket chat_message: throws ValidationFailure("message", ...).
void validateChatMessage(const QString& message);
// Throws ValidationFailure(field, ...) unless value is within 0..1.
void requireUnitInterval(const char* field, double value);

} // namespace cidadao::protocol
