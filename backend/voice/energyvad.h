// SPDX-License-Identifier: GPL-3.0-or-later
// Voice activity detection by frame energy against an adaptive noise floor: cheap enough to run on
// every incoming chunk in the socket's thread (server-side barge-in) and good enough to trim the
// silence around a push-to-talk utterance before recognition. A frame is speech when it is both
// loud in absolute terms and well above the background noise measured so far; a short hangover
// keeps the gaps between words inside one segment.
#pragma once

#include "pcm.h"

#include <optional>

namespace cidadao::voice {

struct VadOptions
{
    int sampleRate = 16000;
    int frameMs = 20;
    double minSpeechRms = 250.0;   // ≈ -42 dBFS: quieter frames are never speech
    double overNoiseFactor = 3.0;  // ≈ +10 dB over the noise floor
    int hangoverFrames = 10;       // 200 ms
    int minSpeechFrames = 3;       // 60 ms of speech before a segment counts (clicks are shorter)
    int paddingMs = 200;           // kept around a trimmed segment: recognisers need some context
};

struct SpeechSpan
{
    std::size_t begin = 0; // sample index
    std::size_t end = 0;   // one past the last sample
};

class EnergyVad
{
public:
    explicit EnergyVad(VadOptions options = {});

    // Streaming: feed any number of samples; returns true while speech is going on (with hangover).
    bool feed(std::span<const std::int16_t> samples);
    // Frames judged speech since the last reset (for "did the user start talking?").
    int speechFrames() const { return m_speechFrames; }
    bool inSpeech() const { return m_hangover > 0; }
    void reset();

    // Offline: the span from the first to the last speech frame of a whole utterance, padded, or
    // nullopt when it holds no speech at all.
    std::optional<SpeechSpan> findSpeech(std::span<const std::int16_t> samples) const;

    const VadOptions& options() const { return m_options; }

private:
    bool judgeFrame(std::span<const std::int16_t> frame);

    VadOptions m_options;
    std::size_t m_frameSamples;
    Samples m_pending;
    double m_noiseFloor = -1.0;
    int m_hangover = 0;
    int m_speechFrames = 0;
    int m_run = 0;
};

} // namespace cidadao::voice
