// SPDX-License-Identifier: GPL-3.0-or-later
// PCM16 helpers shared by the voice pipeline: the wire format is 16 kHz mono little-endian PCM16
// (spec/API.md §8), held in memory as int16 samples.
#pragma once

#include <QByteArray>

#include <cstdint>
#include <span>
#include <vector>

namespace cidadao::voice {

using Samples = std::vector<std::int16_t>;

// Little-endian bytes → samples. A trailing odd byte is not PCM16: the caller checks the size first.
Samples samplesFromBytes(const QByteArray& bytes);
QByteArray bytesFromSamples(std::span<const std::int16_t> samples);
// Root mean square, 0..32768.
double rms(std::span<const std::int16_t> samples);
// A RIFF/WAVE file (PCM16 mono) around the samples, as transcription endpoints expect.
QByteArray wavFile(std::span<const std::int16_t> samples, int sampleRate);
inline double durationSeconds(std::size_t samples, int sampleRate)
{
    return sampleRate > 0 ? double(samples) / sampleRate : 0.0;
}

} // namespace cidadao::voice
