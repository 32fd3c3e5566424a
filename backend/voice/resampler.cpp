// SPDX-License-Identifier: GPL-3.0-or-later
#include "resampler.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cidadao::voice {

namespace {
constexpr int kHalfTaps = 16; // taps each side: ~-60 dB stop band with the Blackman window

double sinc(double x)
{
    if (std::abs(x) < 1e-9)
        return 1.0;
    const double px = std::numbers::pi * x;
    return std::sin(px) / px;
}

double blackman(double x, double halfWidth)
{
    // x in [-halfWidth, halfWidth]
    const double n = (x + halfWidth) / (2.0 * halfWidth);
    return 0.42 - 0.5 * std::cos(2.0 * std::numbers::pi * n) + 0.08 * std::cos(4.0 * std::numbers::pi * n);
}
} // namespace

Samples resample(std::span<const std::int16_t> input, int fromRate, int toRate)
{
    if (fromRate <= 0 || toRate <= 0 || input.empty())
        return {};
    if (fromRate == toRate)
        return Samples(input.begin(), input.end());
    const double step = double(fromRate) / toRate;             // input samples per output sample
    const double cutoff = std::min(1.0, double(toRate) / fromRate); // relative to the input Nyquist
    const double halfWidth = kHalfTaps / cutoff;
    const auto outCount = std::size_t(std::floor(double(input.size()) / step));
    Samples out(outCount);
    const auto last = std::ptrdiff_t(input.size()) - 1;
    for (std::size_t i = 0; i < outCount; ++i) {
        const double center = double(i) * step;
        const auto first = std::ptrdiff_t(std::ceil(center - halfWidth));
        const auto end = std::ptrdiff_t(std::floor(center + halfWidth));
        double sum = 0.0;
        double weights = 0.0;
        for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(first, 0); k <= std::min(end, last); ++k) {
            const double x = double(k) - center;
            const double weight = cutoff * sinc(cutoff * x) * blackman(x, halfWidth);
            sum += weight * input[std::size_t(k)];
            weights += weight;
        }
        // Normalising by the summed weights keeps the gain flat at the edges of the buffer.
        const double value = weights != 0.0 ? sum / weights : 0.0;
        out[i] = std::int16_t(std::clamp(std::lround(value), -32768L, 32767L));
    }
    return out;
}

} // namespace cidadao::voice
