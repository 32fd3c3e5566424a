// SPDX-License-Identifier: GPL-3.0-or-later
#include "wsenvelopes.h"

#include "keys.h"
#include "decoding.h"

#include <QUuid>

namespace cidadao::protocol {

namespace {

QString readType(const ObjectReader& r)
{
    const QString type = r.string(Key::Type);
    // Type names are short identifiers; a long one is garbage and must not be echoed back at length.
    if (type.isEmpty() || type.size() > 64)
        throw ValidationFailure(QLatin1String(Key::Type), QStringLiteral("must be 1..64 characters"));
    return type;
}

} // namespace

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

double toEpochSeconds(const QDateTime& time)
{
    return double(time.toMSecsSinceEpoch()) / 1000.0;
}

ChatEnvelope ChatEnvelope::make(QString type, Json data, const QDateTime& now)
{
    return ChatEnvelope{std::move(type), std::move(data), now, newUuid()};
}

void to_json(Json& out, const ChatEnvelope& value)
{
    out = Json{{Key::Type, value.type}, {Key::Data, value.data}};
    putOptional(out, Key::Timestamp, value.timestamp);
    putOptional(out, Key::Id, value.id);
}

void from_json(const Json& in, ChatEnvelope& value)
{
    const ObjectReader r(in);
    value.type = readType(r);
    value.data = r.optionalObject(Key::Data).value_or(Json::object());
    value.timestamp = r.optionalTimestamp(Key::Timestamp);
    value.id = r.optionalString(Key::Id);
}

VoiceEnvelope VoiceEnvelope::make(QString type, QString sessionId, Json data, const QDateTime& now)
{
    return VoiceEnvelope{std::move(type), std::move(sessionId), std::move(data), toEpochSeconds(now)};
}

void to_json(Json& out, const VoiceEnvelope& value)
{
    out = Json{{Key::Type, value.type}};
    putOptional(out, Key::SessionId, value.sessionId);
    putOptional(out, Key::Data, value.data);
    putOptional(out, Key::Timestamp, value.timestamp);
}

void from_json(const Json& in, VoiceEnvelope& value)
{
    const ObjectReader r(in);
    value.type = readType(r);
    value.sessionId = r.optionalString(Key::SessionId);
    value.data = r.optionalObject(Key::Data);
    value.timestamp = r.optionalNumber(Key::Timestamp);
}

WorkflowEnvelope WorkflowEnvelope::make(QString type, Json payload, const QDateTime& now,
                                        std::optional<QString> correlationId)
{
    return WorkflowEnvelope{std::move(type), std::move(payload), now.toMSecsSinceEpoch(), std::move(correlationId)};
}

void to_json(Json& out, const WorkflowEnvelope& value)
{
    out = Json{{Key::Type, value.type}};
    putOptional(out, Key::Payload, value.payload);
    putOptional(out, Key::Timestamp, value.timestamp);
    putOptional(out, Key::CorrelationId, value.correlationId);
}

void from_json(const Json& in, WorkflowEnvelope& value)
{
    const ObjectReader r(in);
    value.type = readType(r);
    // The seed types payload as `any`: an object in every message it shows, but not enforced.
    if (const Json* payload = r.find(Key::Payload))
        value.payload = *payload;
    value.timestamp = r.optionalInteger(Key::Timestamp);
    value.correlationId = r.optionalString(Key::CorrelationId);
    if (value.correlationId && value.correlationId->size() > 128)
        throw ValidationFailure(QLatin1String(Key::CorrelationId), QStringLiteral("must be at most 128 characters"));
}

} // namespace cidadao::protocol
