// SPDX-License-Identifier: GPL-3.0-or-later
// The events of POST /api/v1/chat/stream (spec/API.md §4). Each frame's JSON is the event's members
// plus "type"; a stream is start, detecting, intent, agent_selected, [thinking], [searching, found,
// contract...], chunk..., then complete or error. Members the seed's examples lack (start.session_id,
// complete.agent_id...) are optional so that those examples round-trip.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace cidadao::protocol {

namespace ChatStreamType {
inline constexpr char Start[] = "start";
inline constexpr char Detecting[] = "detecting";
inline constexpr char Intent[] = "intent";
inline constexpr char AgentSelected[] = "agent_selected";
inline constexpr char Thinking[] = "thinking";
inline constexpr char Searching[] = "searching";
inline constexpr char Found[] = "found";
inline constexpr char Contract[] = "contract";
inline constexpr char Chunk[] = "chunk";
inline constexpr char Complete[] = "complete";
inline constexpr char Error[] = "error";
} // namespace ChatStreamType

inline constexpr char ChatFallbackEndpoint[] = "/api/v1/chat/message";

struct StreamStart
{
    static constexpr const char* Type = ChatStreamType::Start;
    QDateTime timestamp;
    std::optional<QString> sessionId;
};
struct StreamDetecting
{
    static constexpr const char* Type = ChatStreamType::Detecting;
    QString message;
};
struct StreamIntent
{
    static constexpr const char* Type = ChatStreamType::Intent;
    QString intent;
    double confidence = 0.0;
};
struct StreamAgentSelected
{
    static constexpr const char* Type = ChatStreamType::AgentSelected;
    QString agentId;
    QString agentName;
};
struct StreamThinking
{
    static constexpr const char* Type = ChatStreamType::Thinking;
    QString message;
};
// searching {...}: free-form (what is being looked up); every member but "type" is kept.
struct StreamSearching
{
    static constexpr const char* Type = ChatStreamType::Searching;
    Json fields = Json::object();
};
struct StreamFound
{
    static constexpr const char* Type = ChatStreamType::Found;
    qint64 total = 0;
    qint64 showing = 0;
};
// contract.data (upstream): one contract as the web frontend shows it. Dates are YYYY-MM-DD text.
struct ContractData
{
    QString id;
    std::optional<QString> numero;
    std::optional<QString> objeto;
    std::optional<double> valor;
    std::optional<QString> valorFormatado;
    std::optional<QString> fornecedor;
    std::optional<QString> cnpjFornecedor;
    std::optional<QString> orgao;
    std::optional<QString> dataAssinatura;
    std::optional<QString> vigenciaInicio;
    std::optional<QString> vigenciaFim;
    std::optional<QString> situacao;
    std::optional<QString> modalidade;
    std::optional<QString> processo;
};
struct StreamContract
{
    static constexpr const char* Type = ChatStreamType::Contract;
    qint64 index = 0;
    qint64 total = 0;
    ContractData data;
};
struct StreamChunk
{
    static constexpr const char* Type = ChatStreamType::Chunk;
    QString content;
};
struct StreamComplete
{
    static constexpr const char* Type = ChatStreamType::Complete;
    std::optional<QString> agentId;
    std::optional<QString> agentName;
    std::optional<QStringList> suggestedActions;
    std::optional<QString> messageId;
    std::optional<double> confidence;
};
struct StreamError
{
    static constexpr const char* Type = ChatStreamType::Error;
    QString message;
    std::optional<QString> fallbackEndpoint;
};

using ChatStreamEvent = std::variant<StreamStart, StreamDetecting, StreamIntent, StreamAgentSelected, StreamThinking,
                                     StreamSearching, StreamFound, StreamContract, StreamChunk, StreamComplete,
                                     StreamError>;

void to_json(Json& out, const ContractData& value);
void from_json(const Json& in, ContractData& value);
// StreamError alone (without "type"), for the investigation stream's error event.
void to_json(Json& out, const StreamError& value);
void from_json(const Json& in, StreamError& value);

// The frame's JSON, "type" included.
Json toJson(const ChatStreamEvent& event);
// Throws ValidationFailure: "type" when missing or unknown, else the failing member.
ChatStreamEvent decodeChatStreamEvent(const Json& frame);
const char* typeOf(const ChatStreamEvent& event);

} // namespace cidadao::protocol
