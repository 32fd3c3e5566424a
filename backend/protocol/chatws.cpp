// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatws.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

void to_json(Json& out, const ChatMessagePayload& value)
{
    out = Json{{Key::Message, value.message}};
    putOptional(out, Key::Context, value.context);
}

void from_json(const Json& in, ChatMessagePayload& value)
{
    const ObjectReader r(in);
    value.message = r.string(Key::Message);
    validateChatMessage(value.message);
    value.context = r.optionalObject(Key::Context);
}

void to_json(Json& out, const InvestigationSubscription& value)
{
    out = Json{{Key::InvestigationId, value.investigationId}};
}

void from_json(const Json& in, InvestigationSubscription& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    requireLength(QLatin1String(Key::InvestigationId), value.investigationId, 1, IdMaxLength);
}

void to_json(Json& out, const ConnectionPayload& value)
{
    out = Json{{Key::Status, value.status}, {Key::SessionId, value.sessionId}, {Key::Message, value.message}};
}

void from_json(const Json& in, ConnectionPayload& value)
{
    const ObjectReader r(in);
    value.status = r.string(Key::Status);
    value.sessionId = r.string(Key::SessionId);
    value.message = r.optionalString(Key::Message).value_or(QString());
}

void to_json(Json& out, const AgentResponsePayload& value)
{
    out = Json{{Key::AgentId, value.agentId},
               {Key::AgentName, value.agentName},
               {Key::Message, value.message},
               {Key::Confidence, value.confidence},
               {Key::Metadata, value.metadata}};
}

void from_json(const Json& in, AgentResponsePayload& value)
{
    const ObjectReader r(in);
    value.agentId = r.string(Key::AgentId);
    value.agentName = r.string(Key::AgentName);
    value.message = r.string(Key::Message);
    value.confidence = r.number(Key::Confidence);
    requireUnitInterval(Key::Confidence, value.confidence);
    value.metadata = r.optionalObject(Key::Metadata).value_or(Json::object());
}

void to_json(Json& out, const AgentChunkPayload& value)
{
    out = Json{{Key::Content, value.content}};
}

void from_json(const Json& in, AgentChunkPayload& value)
{
    const ObjectReader r(in);
    value.content = r.string(Key::Content);
}

void to_json(Json& out, const InvestigationUpdatePayload& value)
{
    out = Json{{Key::InvestigationId, value.investigationId},
               {Key::Status, value.status},
               {Key::Progress, value.progress},
               {Key::CurrentPhase, value.currentPhase},
               {Key::AnomaliesDetected, value.anomaliesDetected}};
}

void from_json(const Json& in, InvestigationUpdatePayload& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, InvestigationState::All);
    value.progress = r.number(Key::Progress);
    requireUnitInterval(Key::Progress, value.progress);
    value.currentPhase = r.string(Key::CurrentPhase);
    value.anomaliesDetected = r.integer(Key::AnomaliesDetected);
}

void to_json(Json& out, const WsErrorPayload& value)
{
    out = Json{{Key::Code, value.code}, {Key::Message, value.message}, {Key::Details, value.details}};
}

void from_json(const Json& in, WsErrorPayload& value)
{
    const ObjectReader r(in);
    value.code = r.string(Key::Code);
    value.message = r.optionalString(Key::Message).value_or(QString());
    value.details = r.optionalObject(Key::Details).value_or(Json::object());
}

} // namespace cidadao::protocol
