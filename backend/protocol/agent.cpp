// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent.h"

#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

QList<AgentProfile> builtinAgents()
{
    return {
        {QLatin1String(AgentId::Abaporu), QStringLiteral("Abaporu"), QStringLiteral("Orquestrador")},
        {QLatin1String(AgentId::Zumbi), QStringLiteral("Zumbi dos Palmares"), QStringLiteral("Investigador")},
        {QLatin1String(AgentId::Anita), QStringLiteral("Anita Garibaldi"), QStringLiteral("Analista")},
        {QLatin1String(AgentId::Tiradentes), QStringLiteral("Tiradentes"), QStringLiteral("Relator")},
        {QLatin1String(AgentId::Machado), QStringLiteral("Machado de Assis"), QStringLiteral("Textual")},
        {QLatin1String(AgentId::Dandara), QStringLiteral("Dandara"), QStringLiteral("Justiça Social")},
        {QLatin1String(AgentId::Drummond), QStringLiteral("Carlos Drummond de Andrade"), QStringLiteral("Comunicação")},
    };
}

std::optional<AgentProfile> findAgent(QStringView id)
{
    for (const AgentProfile& agent : builtinAgents()) {
        if (agent.id == id)
            return agent;
    }
    return std::nullopt;
}

Json agentDirectoryToJson(const QList<AgentProfile>& agents)
{
    Json out = Json::object();
    for (const AgentProfile& agent : agents)
        out[agent.id.toStdString()] = Json{{Key::Name, agent.name}, {Key::Role, agent.role}};
    return out;
}

namespace {
struct ProfileBody
{
    QString name;
    QString role;
};
void from_json(const Json& in, ProfileBody& value)
{
    const ObjectReader r(in);
    value.name = r.string(Key::Name);
    value.role = r.string(Key::Role);
}
} // namespace

QList<AgentProfile> agentDirectoryFromJson(const Json& directory)
{
    if (!directory.is_object())
        throw ValidationFailure(QStringLiteral("body"), QStringLiteral("must be a JSON object"));
    QList<AgentProfile> out;
    // nlohmann objects iterate in key order; the seed's order is restored by the built-in table.
    for (const auto& [id, body] : directory.items()) {
        const QString agentId = QString::fromStdString(id);
        const ProfileBody profile = decodeAt<ProfileBody>(body, agentId);
        out.append({agentId, profile.name, profile.role});
    }
    return out;
}

void to_json(Json& out, const AgentInfo& value)
{
    out = Json{{Key::Id, value.id},
               {Key::Name, value.name},
               {Key::Role, value.role},
               {Key::Description, value.description},
               {Key::Status, value.status}};
}

void from_json(const Json& in, AgentInfo& value)
{
    const ObjectReader r(in);
    value.id = r.string(Key::Id);
    value.name = r.string(Key::Name);
    value.role = r.string(Key::Role);
    value.description = r.optionalString(Key::Description).value_or(QString());
    value.status = r.optionalString(Key::Status).value_or(QLatin1String(AgentState::Idle));
    requireOneOf(QLatin1String(Key::Status), value.status, AgentState::All);
}

void to_json(Json& out, const AgentMessage& value)
{
    out = Json{{Key::Sender, value.sender},
               {Key::Recipient, value.recipient},
               {Key::Action, value.action},
               {Key::Payload, value.payload},
               {Key::Context, value.context},
               {Key::Timestamp, toJson(value.timestamp)},
               {Key::MessageId, value.messageId},
               {Key::RequiresResponse, value.requiresResponse}};
}

void from_json(const Json& in, AgentMessage& value)
{
    const ObjectReader r(in);
    value.sender = r.string(Key::Sender);
    value.recipient = r.string(Key::Recipient);
    value.action = r.string(Key::Action);
    value.payload = r.optionalObject(Key::Payload).value_or(Json::object());
    value.context = r.optionalObject(Key::Context).value_or(Json::object());
    value.timestamp = r.timestamp(Key::Timestamp);
    value.messageId = r.string(Key::MessageId);
    value.requiresResponse = r.optionalBoolean(Key::RequiresResponse).value_or(true);
}

void to_json(Json& out, const AgentResponse& value)
{
    out = Json{{Key::AgentName, value.agentName},
               {Key::Status, value.status},
               {Key::Metadata, value.metadata},
               {Key::Timestamp, toJson(value.timestamp)}};
    if (value.result)
        out[Key::Result] = *value.result;
    putOptional(out, Key::Error, value.error);
    putOptional(out, Key::ProcessingTimeMs, value.processingTimeMs);
}

void from_json(const Json& in, AgentResponse& value)
{
    const ObjectReader r(in);
    value.agentName = r.string(Key::AgentName);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, AgentState::All);
    if (const auto it = in.find(Key::Result); it != in.end())
        value.result = *it;
    value.error = r.optionalString(Key::Error);
    value.metadata = r.optionalObject(Key::Metadata).value_or(Json::object());
    value.timestamp = r.timestamp(Key::Timestamp);
    value.processingTimeMs = r.optionalNumber(Key::ProcessingTimeMs);
}

} // namespace cidadao::protocol
