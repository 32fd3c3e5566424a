// SPDX-License-Identifier: GPL-3.0-or-later
#include "voiceturn.h"

#include "protocol/apierror.h"
#include "protocol/voice.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVoiceTurn, "cidadao.voice.turn")

namespace cidadao::voice {

namespace Error = protocol::VoiceError;
namespace Type = protocol::VoiceType;
using protocol::Json;

namespace {

Json errorData(const char* code, const QString& message)
{
    Json data;
    protocol::to_json(data, protocol::VoiceErrorPayload{QLatin1String(code), message});
    return data;
}

double lap(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

} // namespace

TurnTimings runTurn(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
                    const std::atomic_bool& cancel)
{
    TurnTimings timings;
    QElapsedTimer timer;
    timer.start();
    auto fail = [&output](const char* code, const QString& message) { output.message(Type::Error, errorData(code, message)); };

    const EnergyVad vad(engines.vad);
    const auto span = vad.findSpeech(input.pcm);
    timings.vadMs = lap(timer);
    if (!span) {
        fail(Error::AudioProcessingError, QStringLiteral("no speech was heard in this utterance"));
        return timings;
    }
    const Samples speech(input.pcm.begin() + std::ptrdiff_t(span->begin), input.pcm.begin() + std::ptrdiff_t(span->end));

    if (!engines.stt) {
        fail(Error::SttUnavailable, engines.sttProblem);
        return timings;
    }
    Transcript transcript;
    try {
        transcript = engines.stt->transcribe(speech, input.language, cancel);
    } catch (const SttError& error) {
        fail(error.kind() == SttError::Kind::Unavailable ? Error::SttUnavailable : Error::StreamProcessingError,
             QString::fromUtf8(error.what()));
        return timings;
    }
    timings.sttMs = lap(timer);
    if (cancel.load())
        return timings;
    {
        Json data;
        protocol::to_json(data, protocol::TranscriptionPayload{transcript.text});
        data["language"] = transcript.language; // extension: which model heard it
        data["engine"] = transcript.engine;
        output.message(Type::Transcription, data);
    }
    if (transcript.text.isEmpty()) {
        fail(Error::DialogflowError, QStringLiteral("no words were recognised; please say it again"));
        return timings;
    }
    if (!engines.brain) {
        fail(Error::DialogflowError, QStringLiteral("no agent is available to answer on this server"));
        return timings;
    }

    bool announced = false;
    BrainCallbacks callbacks;
    callbacks.intent = [&](const QString& intent, double confidence) {
        if (announced || cancel.load())
            return;
        announced = true;
        Json data;
        protocol::to_json(data, protocol::IntentPayload{intent, confidence});
        output.message(Type::Intent, data);
    };
    BrainReply reply;
    try {
        reply = engines.brain->answer(transcript.text.left(1000), input.caller, input.investigationId, callbacks, cancel);
    } catch (const std::exception& error) {
        // protocol::ApiException and BrainError alike: the message is meant for the user.
        fail(announced ? Error::DialogflowStreamError : Error::DialogflowError, QString::fromUtf8(error.what()));
        return timings;
    }
    timings.brainMs = lap(timer);
    if (cancel.load())
        return timings;
    callbacks.intent(reply.intent, reply.confidence);
    for (const BrainToolCall& call : std::as_const(reply.toolCalls)) {
        Json data;
        protocol::to_json(data, protocol::ToolCallPayload{call.tool, call.parameters});
        output.message(Type::ToolCall, data);
    }
    if (reply.investigationId && output.investigation)
        output.investigation(*reply.investigationId);
    {
        Json data;
        protocol::to_json(data, protocol::VoiceAgentResponsePayload{reply.agentId, reply.agentName, reply.text});
        data["language"] = reply.language;
        output.message(Type::AgentResponse, data);
    }
    if (!engines.tts) {
        fail(Error::TtsUnavailable, engines.ttsProblem);
        return timings;
    }
    Samples audio;
    try {
        audio = engines.tts->synthesize(reply.text, reply.language.isEmpty() ? input.language : reply.language, cancel);
    } catch (const TtsError& error) {
        fail(Error::TtsUnavailable, QString::fromUtf8(error.what()));
        return timings;
    }
    timings.ttsMs = lap(timer);
    if (cancel.load())
        return timings;
    qCDebug(lcVoiceTurn) << "turn: vad" << timings.vadMs << "stt" << timings.sttMs << "brain" << timings.brainMs
                         << "tts" << timings.ttsMs << "ms";
    output.speech(std::move(audio));
    return timings;
}

} // namespace cidadao::voice
