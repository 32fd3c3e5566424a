// SPDX-License-Identifier: GPL-3.0-or-later
// One voice turn, run on a worker thread: trim the silence (VAD), recognise, understand and
// answer (the brain), speak. Every result goes out through `emit` as the voice protocol's message
// type and data, in the order of spec/API.md §8; the socket drops whatever arrives after the turn
// was cancelled. The cancel flag is checked between steps and inside the long ones.
#pragma once

#include "energyvad.h"
#include "speechtotext.h"
#include "texttospeech.h"
#include "voicebrain.h"

#include <functional>

namespace cidadao::voice {

struct TurnInput
{
    Samples pcm;
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
    // (type, data) of one protocol message; audio comes separately as whole PCM for pacing.
    std::function<void(const char* type, const protocol::Json& data)> message;
    std::function<void(Samples audio)> speech;
    std::function<void(const QString& investigationId)> investigation;
};

// Timing of the steps (ms), for logs and the benchmark.
struct TurnTimings
{
    double vadMs = 0, sttMs = 0, brainMs = 0, ttsMs = 0;
};

TurnTimings runTurn(const TurnInput& input, const TurnEngines& engines, const TurnOutput& output,
                    const std::atomic_bool& cancel);

} // namespace cidadao::voice
