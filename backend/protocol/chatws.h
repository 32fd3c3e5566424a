// SPDX-License-Identifier: GPL-3.0-or-later
// The chat and investigations WebSocket (spec/API.md §7, /api/v1/ws/chat/{session_id}): message
// types, error codes and the `data` payload of every message, carried in a ChatEnvelope.
#pragma once

#include "decoding.h"

#include <QString>

#include <optional>

namespace cidadao::protocol {

namespace ChatWsType {
// Client → server
inline constexpr char ChatMessage[] = "chat_message";
inline constexpr char SubscribeInvestigation[] = "subscribe_investigation";
inline constexpr char UnsubscribeInvestigation[] = "unsubscribe_investigation";
inline constexpr char Ping[] = "ping";
// Server → client
inline constexpr char Connection[] = "connection";
inline constexpr char AgentResponse[] = "agent_response";
inline constexpr char AgentChunk[] = "agent_chunk"; // extension: streamed pieces before agent_response
inline constexpr char InvestigationUpdate[] = "investigation_update";
inline constexpr char Error[] = "error";
inline constexpr char Pong[] = "pong";
inline constexpr std::initializer_list<const char*> ClientTypes = {ChatMessage, SubscribeInvestigation,
                                                                   UnsubscribeInvestigation, Ping};
} // namespace ChatWsType

namespace ChatWsError {
inline constexpr char Unauthorized[] = "UNAUTHORIZED";
inline constexpr char InvalidMessage[] = "INVALID_MESSAGE";
inline constexpr char MessageTooLarge[] = "MESSAGE_TOO_LARGE";
inline constexpr char ProcessingError[] = "PROCESSING_ERROR";
} // namespace ChatWsError

// chat_message: message validated as ChatRequest.message (field "message").
struct ChatMessagePayload
{
    QString message;
    std::optional<Json> context;
};
void to_json(Json& out, const ChatMessagePayload& value);
void from_json(const Json& in, ChatMessagePayload& value);

// subscribe_investigation / unsubscribe_investigation
struct InvestigationSubscription
{
    QString investigationId;
};
void to_json(Json& out, const InvestigationSubscription& value);
void from_json(const Json& in, InvestigationSubscription& value);

struct ConnectionPayload
{
    QString status = QStringLiteral("connected");
    QString sessionId;
    QString message;
};
void to_json(Json& out, const ConnectionPayload& value);
void from_json(const Json& in, ConnectionPayload& value);

struct AgentResponsePayload
{
    QString agentId;
    QString agentName;
    QString message;
    double confidence = 0.0;
    Json metadata = Json::object(); // processing_time_ms, ...
};
void to_json(Json& out, const AgentResponsePayload& value);
void from_json(const Json& in, AgentResponsePayload& value);

struct AgentChunkPayload
{
    QString content;
};
void to_json(Json& out, const AgentChunkPayload& value);
void from_json(const Json& in, AgentChunkPayload& value);

struct InvestigationUpdatePayload
{
    QString investigationId;
    QString status;
    double progress = 0.0;
    QString currentPhase;
    qint64 anomaliesDetected = 0;
};
void to_json(Json& out, const InvestigationUpdatePayload& value);
void from_json(const Json& in, InvestigationUpdatePayload& value);

// `error` of the chat and the workflow sockets: {code, message, details}.
struct WsErrorPayload
{
    QString code;
    QString message;
    Json details = Json::object();
};
void to_json(Json& out, const WsErrorPayload& value);
void from_json(const Json& in, WsErrorPayload& value);

} // namespace cidadao::protocol
