// SPDX-License-Identifier: GPL-3.0-or-later
// Sample-rate conversion of mono PCM16 (espeak-ng speaks at 22050 Hz; the wire is 16 kHz). A
// windowed-sinc interpolator whose cut-off follows the lower of the two rates, so that going down
// does not fold the synthesiser's high band back into the speech band as aliasing.
// The converter streams: speech is resampled piece by piece as the synthesiser makes it, so the
// first piece can go out before the rest exists. The filter is polyphase with its taps computed
// once per phase (the ratio 22050:16000 is 441:320), not once per output sample.
#pragma once

#include "pcm.h"

namespace cidadao::voice {

class Resampler
{
public:
    Resampler(int fromRate, int toRate);

    // Converts what can be converted with the input so far (an output sample needs the input a
    // filter half-width past it); the rest waits for more input or flush().
    Samples process(std::span<const std::int16_t> input);
    // The end of the signal: converts what is left, treating the end as the edge of the buffer.
    Samples flush();

private:
    void produce(Samples& out, bool atEnd);

    bool m_passThrough = false;
    int m_up = 1;    // L: output samples per ...
    int m_down = 1;  // M: ... input samples
    double m_cutoff = 1.0;
    double m_halfWidth = 0.0;
    // Per phase p (output index mod L): taps at input offsets first[p] + j from floor(center).
    std::vector<int> m_first;
    std::vector<std::vector<double>> m_taps;
    std::vector<double> m_tapSums;
    Samples m_input;             // input from m_inputBase on
    std::size_t m_inputBase = 0; // absolute index of m_input[0]
    std::size_t m_received = 0;  // absolute input count
    std::size_t m_nextOut = 0;   // absolute output index
};

// The whole signal at once.
Samples resample(std::span<const std::int16_t> input, int fromRate, int toRate);

} // namespace cidadao::voice
