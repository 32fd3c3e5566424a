// SPDX-License-Identifier: GPL-3.0-or-later
// Agents: their ids and the seed's directory (AGENTS), the inter-agent message and response models,
// and the entries of GET /api/v1/chat/agents.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cidadao::protocol {

namespace AgentId {
inline constexpr char Abaporu[] = "abaporu";
inline constexpr char Zumbi[] = "zumbi";
inline constexpr char Anita[] = "anita";
inline constexpr char Tiradentes[] = "tiradentes";
inline constexpr char Machado[] = "machado";
inline constexpr char Dandara[] = "dandara";
inline constexpr char Drummond[] = "drummond";
inline constexpr std::initializer_list<const char*> All = {Abaporu, Zumbi, Anita, Tiradentes,
                                                           Machado, Dandara, Drummond};
} // namespace AgentId

// One entry of the seed's AGENTS table: { id: { name, role } }.
struct AgentProfile
{
    QString id;
    QString name;
    QString role;
    friend bool operator==(const AgentProfile&, const AgentProfile&) = default;
};

// The seed's table, in its order. The JSON form is the seed's object keyed by id.
QList<AgentProfile> builtinAgents();
std::optional<AgentProfile> findAgent(QStringView id);
Json agentDirectoryToJson(const QList<AgentProfile>& agents);
// Throws ValidationFailure naming "<id>.name" / "<id>.role".
QList<AgentProfile> agentDirectoryFromJson(const Json& directory);

// GET /api/v1/chat/agents item.
struct AgentInfo
{
    QString id;
    QString name;
    QString role;
    QString description;
    QString status = QStringLiteral("IDLE"); // an AgentState word
};
void to_json(Json& out, const AgentInfo& value);
void from_json(const Json& in, AgentInfo& value);

// Message passed between agents (seed).
struct AgentMessage
{
    QString sender;
    QString recipient;
    QString action;
    Json payload = Json::object();
    Json context = Json::object();
    QDateTime timestamp;
    QString messageId;
    bool requiresResponse = true;
};
void to_json(Json& out, const AgentMessage& value);
void from_json(const Json& in, AgentMessage& value);

// Response from an agent (seed). `result` is Any: present-and-null is kept apart from absent.
struct AgentResponse
{
    QString agentName;
    QString status; // an AgentState word
    std::optional<Json> result;
    std::optional<QString> error;
    Json metadata = Json::object();
    QDateTime timestamp;
    std::optional<double> processingTimeMs;
};
void to_json(Json& out, const AgentResponse& value);
void from_json(const Json& in, AgentResponse& value);

} // namespace cidadao::protocol
