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

TurnRunner::TurnRunner(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
                       const std::atomic_bool& cancel)
    : m_input(input)
    , m_engines(engines)
    , m_output(output)
    , m_cancel(cancel)
{
}

TurnRunner::~TurnRunner() = default;

void TurnRunner::fail(const char* code, const QString& message)
{
    m_output.message(Type::Error, errorData(code, message));
}

void TurnRunner::feed(std::span<const std::int16_t> pcm)
{
    QElapsedTimer timer;
    timer.start();
    m_pcm.insert(m_pcm.end(), pcm.begin(), pcm.end());
    if (!m_engines.stt || m_cancel.load())
        return;
    if (!m_onset) {
        // The onset does not move once found (the VAD judges each frame from the ones before it),
        // so recognition can start from it while the rest of the utterance is still coming.
        const auto span = EnergyVad(m_engines.vad).findSpeech(m_pcm);
        if (!span)
            return;
        m_onset = span->begin;
        m_stream = m_engines.stt->openStream(m_input.language);
        m_stream->feed(std::span<const std::int16_t>(m_pcm).subspan(*m_onset));
    } else {
        m_stream->feed(pcm);
    }
    m_feedMs += double(timer.nsecsElapsed()) / 1e6;
}

TurnTimings TurnRunner::finish()
{
    TurnTimings timings;
    timings.feedMs = m_feedMs;
    QElapsedTimer timer;
    timer.start();

    const EnergyVad vad(m_engines.vad);
    const auto span = vad.findSpeech(m_pcm);
    timings.vadMs = lap(timer);
    if (!span) {
        fail(Error::AudioProcessingError, QStringLiteral("no speech was heard in this utterance"));
        return timings;
    }
    if (!m_engines.stt) {
        fail(Error::SttUnavailable, m_engines.sttProblem);
        return timings;
    }
    if (!m_stream) {
        m_onset = span->begin;
        m_stream = m_engines.stt->openStream(m_input.language);
        m_stream->feed(std::span<const std::int16_t>(m_pcm).subspan(*m_onset));
    }
    Transcript transcript;
    try {
        transcript = m_stream->finish(span->end > *m_onset ? span->end - *m_onset : 0, m_cancel);
    } catch (const SttError& error) {
        fail(error.kind() == SttError::Kind::Unavailable ? Error::SttUnavailable : Error::StreamProcessingError,
             QString::fromUtf8(error.what()));
        return timings;
    }
    m_stream.reset(); // the decoder goes back to the pool before the answer is worked out
    timings.sttMs = lap(timer);
    if (m_cancel.load())
        return timings;
    answer(transcript, timings);
    qCDebug(lcVoiceTurn) << "turn: fed" << timings.feedMs << "then vad" << timings.vadMs << "stt" << timings.sttMs
                         << "brain" << timings.brainMs << "first speech" << timings.firstSpeechMs << "tts"
                         << timings.ttsMs << "ms";
    return timings;
}

void TurnRunner::answer(const Transcript& transcript, TurnTimings& timings)
{
    QElapsedTimer timer;
    timer.start();
    {
        Json data;
        protocol::to_json(data, protocol::TranscriptionPayload{transcript.text});
        data["language"] = transcript.language; // extension: which model heard it
        data["engine"] = transcript.engine;
        m_output.message(Type::Transcription, data);
    }
    if (transcript.text.isEmpty()) {
        fail(Error::DialogflowError, QStringLiteral("no words were recognised; please say it again"));
        return;
    }
    if (!m_engines.brain) {
        fail(Error::DialogflowError, QStringLiteral("no agent is available to answer on this server"));
        return;
    }

    bool announced = false;
    BrainCallbacks callbacks;
    callbacks.intent = [&](const QString& intent, double confidence) {
        if (announced || m_cancel.load())
            return;
        announced = true;
        Json data;
        protocol::to_json(data, protocol::IntentPayload{intent, confidence});
        m_output.message(Type::Intent, data);
    };
    BrainReply reply;
    try {
        reply = m_engines.brain->answer(transcript.text.left(1000), m_input.caller, m_input.investigationId, callbacks,
                                        m_cancel);
    } catch (const std::exception& error) {
        // protocol::ApiException and BrainError alike: the message is meant for the user.
        fail(announced ? Error::DialogflowStreamError : Error::DialogflowError, QString::fromUtf8(error.what()));
        return;
    }
    timings.brainMs = lap(timer);
    if (m_cancel.load())
        return;
    callbacks.intent(reply.intent, reply.confidence);
    for (const BrainToolCall& call : std::as_const(reply.toolCalls)) {
        Json data;
        protocol::to_json(data, protocol::ToolCallPayload{call.tool, call.parameters});
        m_output.message(Type::ToolCall, data);
    }
    if (reply.investigationId && m_output.investigation)
        m_output.investigation(*reply.investigationId);
    {
        Json data;
        protocol::to_json(data, protocol::VoiceAgentResponsePayload{reply.agentId, reply.agentName, reply.text});
        data["language"] = reply.language;
        m_output.message(Type::AgentResponse, data);
    }
    if (!m_engines.tts) {
        fail(Error::TtsUnavailable, m_engines.ttsProblem);
        return;
    }
    bool first = true;
    try {
        m_engines.tts->synthesizeStream(reply.text, reply.language.isEmpty() ? m_input.language : reply.language,
                                        m_cancel, [&](Samples piece) {
                                            if (first) {
                                                first = false;
                                                timings.firstSpeechMs = double(timer.nsecsElapsed()) / 1e6;
                                            }
                                            m_output.speech(std::move(piece));
                                        });
    } catch (const TtsError& error) {
        fail(Error::TtsUnavailable, QString::fromUtf8(error.what()));
        return;
    }
    timings.ttsMs = lap(timer);
    if (m_cancel.load())
        return;
    if (m_output.speechDone)
        m_output.speechDone();
}

TurnTimings runTurn(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
                    const std::atomic_bool& cancel)
{
    TurnRunner runner(input, engines, output, cancel);
    runner.feed(input.pcm);
    return runner.finish();
}

} // namespace cidadao::voice
