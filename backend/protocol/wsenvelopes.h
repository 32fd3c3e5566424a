// SPDX-License-Identifier: GPL-3.0-or-later
// The three WebSocket envelopes, one per protocol, each exactly as its seed writes it:
// - chat (§7, cidadao seed):  {type, data, timestamp: ISO 8601, id: uuid}
// - voice (§8, voice seed):   {type, session_id, data, timestamp: seconds since the epoch (float)}
// - workflow (§9, genesis):   {type, payload, timestamp: milliseconds since the epoch (integer),
//                              correlationId?}
// Members a client may leave out (the seeds' client messages do) are optional and omitted when
// absent; the server's own messages are built with make(), which fills them.
#pragma once

#include "decoding.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cidadao::protocol {

struct ChatEnvelope
{
    QString type;
    Json data = Json::object();
    std::optional<QDateTime> timestamp;
    std::optional<QString> id;

    // A server message stamped with `now` and a fresh UUID.
    static ChatEnvelope make(QString type, Json data, const QDateTime& now);
};
void to_json(Json& out, const ChatEnvelope& value);
// type: non-empty string; data: object (absent = {}); timestamp ISO; id string.
void from_json(const Json& in, ChatEnvelope& value);

struct VoiceEnvelope
{
    QString type;
    std::optional<QString> sessionId;
    std::optional<Json> data; // start_speaking/stop_speaking/barge_in carry none
    std::optional<double> timestamp;

    static VoiceEnvelope make(QString type, QString sessionId, Json data, const QDateTime& now);
};
void to_json(Json& out, const VoiceEnvelope& value);
void from_json(const Json& in, VoiceEnvelope& value);

struct WorkflowEnvelope
{
    QString type;
    std::optional<Json> payload; // the seed's ping has none
    std::optional<qint64> timestamp;
    std::optional<QString> correlationId;

    static WorkflowEnvelope make(QString type, Json payload, const QDateTime& now,
                                 std::optional<QString> correlationId = std::nullopt);
};
void to_json(Json& out, const WorkflowEnvelope& value);
void from_json(const Json& in, WorkflowEnvelope& value);

// A new random UUID without braces, the form every id of the API takes.
QString newUuid();
// Seconds since the epoch with millisecond precision, as the voice protocol stamps messages.
double toEpochSeconds(const QDateTime& time);

} // namespace cidadao::protocol
