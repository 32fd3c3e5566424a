// SPDX-License-Identifier: GPL-3.0-or-later
// What understands a transcribed utterance and answers it. The server plugs the chat orchestrator
// in (the same path as chat), so a spoken command and a typed one are handled alike. Called on a
// worker thread; the callbacks report progress as it happens so that the socket can send `intent`
// before the answer is complete.
#pragma once

#include "http/request.h"
#include "protocol/decoding.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>

namespace cidadao::voice {

struct BrainToolCall
{
    QString tool;
    protocol::Json parameters = protocol::Json::object();
};

struct BrainReply
{
    QString intent;
    double confidence = 0.0;
    QString agentId;
    QString agentName;
    QString text;
    QString language; // of the reply: picks the voice ("pt-BR" | "en")
    QList<BrainToolCall> toolCalls;
    std::optional<QString> investigationId;
};

struct BrainCallbacks
{
    std::function<void(const QString& intent, double confidence)> intent; // at most once, early
};

// Thrown by a brain that cannot answer. Before anything was reported → dialogflow_error; when the
// answer broke after intent was announced → dialogflow_stream_error.
class BrainError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class VoiceBrain
{
public:
    virtual ~VoiceBrain() = default;
    virtual BrainReply answer(const QString& utterance, const http::Principal& caller,
                              const std::optional<QString>& investigationId, const BrainCallbacks& callbacks,
                              const std::atomic_bool& cancel) = 0;
};

} // namespace cidadao::voice
