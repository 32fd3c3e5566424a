// SPDX-License-Identifier: GPL-3.0-or-later
// One voice turn: recognise the utterance while it arrives (the VAD finds where speech starts;
// from there the audio goes to a recognition stream as it comes), then at its end decode the
// tail, understand and answer (the brain), and speak the answer sentence by sentence. Every result
// goes out through `output` as the voice protocol's message type and data, in the order of
// spec/API.md §8; the socket drops whatever arrives after the turn was cancelled. The cancel flag
// is checked between steps and inside the long ones.
#pragma once

#include "energyvad.h"
#include "speechtotext.h"
#include "texttospeech.h"
#include "voicebrain.h"

#include <functional>
#include <memory>

namespace cidadao::voice {

struct TurnInput
{
    Samples pcm; // runTurn() only: the whole utterance
    QString language;
    http::Principal caller;
    std::optional<QString> investigationId;
};

struct TurnEngines
{
    SpeechToText* stt = nullptr;  // null: stt_unavailable
    TextToSpeech* tts = nullptr;  // null: tts_unavailable (the text answer still goes out)
    VoiceBrain* brain = nullptr;  // null: dialogflow_error
    QString sttProblem;           // why stt is null
    QString ttsProblem;
    VadOptions vad;
};

struct TurnOutput
{
    // (type, data) of one protocol message; audio comes separately as PCM for pacing.
    std::function<void(const char* type, const protocol::Json& data)> message;
    // A piece of the spoken answer (16 kHz), in order, as soon as it is synthesised.
    std::function<void(Samples piece)> speech;
    // The spoken answer is complete (not called when the turn failed or was cancelled).
    std::function<void()> speechDone;
    std::function<void(const QString& investigationId)> investigation;
};

// Timing of the steps (ms), for logs and the benchmark. feedMs is spent while the audio arrives;
// the others after its end.
struct TurnTimings
{
    double feedMs = 0, vadMs = 0, sttMs = 0, brainMs = 0, firstSpeechMs = 0, ttsMs = 0;
};

// One turn driven from one thread at a time: feed() as the audio comes, then finish().
class TurnRunner
{
public:
    // input.pcm is not used. engines, output and cancel must outlive the runner.
    TurnRunner(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
               const std::atomic_bool& cancel);
    ~TurnRunner();

    void feed(std::span<const std::int16_t> pcm);
    TurnTimings finish();

private:
    void fail(const char* code, const QString& message);
    void answer(const Transcript& transcript, TurnTimings& timings);

    const TurnInput& m_input;
    const TurnEngines& m_engines;
    const TurnOutput& m_output;
    const std::atomic_bool& m_cancel;
    Samples m_pcm;                                // everything heard so far
    std::optional<std::size_t> m_onset;          // where the recognition stream starts
    std::unique_ptr<RecognitionStream> m_stream;
    double m_feedMs = 0;
};

// The whole utterance at once (tests, the in-process reference of the benchmark).
TurnTimings runTurn(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
                    const std::atomic_bool& cancel);

} // namespace cidadao::voice
