// SPDX-License-Identifier: GPL-3.0-or-later
#include "voice.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"

namespace cidadao::protocol {

void to_json(Json& out, const AudioPayload& value)
{
    out = Json{{Key::Audio, value.audio}};
}

void from_json(const Json& in, AudioPayload& value)
{
    const ObjectReader r(in);
    value.audio = r.string(Key::Audio);
    for (const QChar c : std::as_const(value.audio)) {
        const char16_t u = c.unicode();
        const bool base64 = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
                            || u == u'+' || u == u'/' || u == u'=' || u == u'-' || u == u'_';
        if (!base64)
            throw ValidationFailure(QLatin1String(Key::Audio), QStringLiteral("must be base64"));
    }
}

void to_json(Json& out, const SessionStartPayload& value)
{
    out = Json{{Key::SessionId, value.sessionId}};
}

void from_json(const Json& in, SessionStartPayload& value)
{
    value.sessionId = ObjectReader(in).string(Key::SessionId);
}

void to_json(Json& out, const TranscriptionPayload& value)
{
    out = Json{{Key::Text, value.text}};
}

void from_json(const Json& in, TranscriptionPayload& value)
{
    value.text = ObjectReader(in).string(Key::Text);
}

void to_json(Json& out, const IntentPayload& value)
{
    out = Json{{Key::Intent, value.intent}, {Key::Confidence, value.confidence}};
}

void from_json(const Json& in, IntentPayload& value)
{
    const ObjectReader r(in);
    value.intent = r.string(Key::Intent);
    value.confidence = r.number(Key::Confidence);
    requireUnitInterval(Key::Confidence, value.confidence);
}

void to_json(Json& out, const ToolCallPayload& value)
{
    out = Json{{Key::Tool, value.tool}, {Key::Parameters, value.parameters}};
}

void from_json(const Json& in, ToolCallPayload& value)
{
    const ObjectReader r(in);
    value.tool = r.string(Key::Tool);
    value.parameters = r.optionalObject(Key::Parameters).value_or(Json::object());
}

void to_json(Json& out, const VoiceAgentResponsePayload& value)
{
    out = Json{{Key::AgentId, value.agentId}, {Key::AgentName, value.agentName}, {Key::Text, value.text}};
}

void from_json(const Json& in, VoiceAgentResponsePayload& value)
{
    const ObjectReader r(in);
    value.agentId = r.string(Key::AgentId);
    value.agentName = r.string(Key::AgentName);
    value.text = r.string(Key::Text);
}

void to_json(Json& out, const VoiceErrorPayload& value)
{
    out = Json{{Key::Error, value.error}, {Key::Message, value.message}};
}

void from_json(const Json& in, VoiceErrorPayload& value)
{
    const ObjectReader r(in);
    value.error = r.string(Key::Error);
    value.message = r.optionalString(Key::Message).value_or(QString());
}

void to_json(Json& out, const VoiceServiceInfo& value)
{
    out = Json{{Key::Message, value.message},
               {Key::Version, value.version},
               {Key::WebsocketEndpoint, value.websocketEndpoint},
               {Key::Note, value.note},
               {Key::Endpoints, value.endpoints}};
}

void from_json(const Json& in, VoiceServiceInfo& value)
{
    const ObjectReader r(in);
    value.message = r.string(Key::Message);
    value.version = r.string(Key::Version);
    value.websocketEndpoint = r.string(Key::WebsocketEndpoint);
    value.note = r.optionalString(Key::Note).value_or(QString());
    value.endpoints = r.object(Key::Endpoints);
}

} // namespace cidadao::protocol
