// SPDX-License-Identifier: GPL-3.0-or-later
#include "resampler.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

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

Resampler::Resampler(int fromRate, int toRate)
{
    if (fromRate <= 0 || toRate <= 0 || fromRate == toRate) {
        m_passThrough = true;
        return;
    }
    const int divisor = std::gcd(fromRate, toRate);
    m_up = toRate / divisor;
    m_down = fromRate / divisor;
    m_cutoff = std::min(1.0, double(toRate) / fromRate); // relative to the input Nyquist
    m_halfWidth = kHalfTaps / m_cutoff;
    // Output i sits at input position i*M/L = n + p/L (n integer, p = i*M mod L); its taps are the
    // inputs within halfWidth of it. One table row per phase p.
    m_first.resize(std::size_t(m_up));
    m_taps.resize(std::size_t(m_up));
    m_tapSums.resize(std::size_t(m_up));
    for (int p = 0; p < m_up; ++p) {
        const double fraction = double(p) / m_up;
        const int first = int(std::ceil(fraction - m_halfWidth));
        const int last = int(std::floor(fraction + m_halfWidth));
        m_first[std::size_t(p)] = first;
        auto& taps = m_taps[std::size_t(p)];
        for (int j = first; j <= last; ++j) {
            const double x = double(j) - fraction;
            taps.push_back(m_cutoff * sinc(m_cutoff * x) * blackman(x, m_halfWidth));
        }
        m_tapSums[std::size_t(p)] = std::accumulate(taps.begin(), taps.end(), 0.0);
    }
}

void Resampler::produce(Samples& out, bool atEnd)
{
    // At the end, as many outputs as the old whole-buffer converter made: floor(N * L / M).
    const std::size_t total = atEnd ? std::size_t(m_received * std::uint64_t(m_up) / std::uint64_t(m_down))
                                    : std::numeric_limits<std::size_t>::max();
    while (m_nextOut < total) {
        const std::uint64_t position = std::uint64_t(m_nextOut) * std::uint64_t(m_down);
        const auto n = std::int64_t(position / std::uint64_t(m_up));
        const auto p = std::size_t(position % std::uint64_t(m_up));
        const std::vector<double>& taps = m_taps[p];
        const std::int64_t first = n + m_first[p];
        const std::int64_t last = first + std::int64_t(taps.size()) - 1;
        if (!atEnd && last >= std::int64_t(m_received))
            break; // needs input that has not come yet
        double sum = 0.0;
        double weights = 0.0;
        if (first >= std::int64_t(m_inputBase) && last < std::int64_t(m_received)) {
            const std::int16_t* base = m_input.data() + (first - std::int64_t(m_inputBase));
            for (std::size_t j = 0; j < taps.size(); ++j)
                sum += taps[j] * base[j];
            weights = m_tapSums[p];
        } else {
            // At an edge of the signal: only the taps that exist, renormalised so that the gain stays flat.
            for (std::size_t j = 0; j < taps.size(); ++j) {
                const std::int64_t k = first + std::int64_t(j);
                if (k < std::int64_t(m_inputBase) || k >= std::int64_t(m_received))
                    continue;
                sum += taps[j] * m_input[std::size_t(k - std::int64_t(m_inputBase))];
                weights += taps[j];
            }
        }
        const double value = weights != 0.0 ? sum / weights : 0.0;
        out.push_back(std::int16_t(std::clamp(std::lround(value), -32768L, 32767L)));
        ++m_nextOut;
    }
    // Input before the next output's first tap is never needed again. (Index 0 is the signal's
    // start, not a trimmed edge: m_inputBase stays 0 until the taps have moved past it.)
    const std::uint64_t position = std::uint64_t(m_nextOut) * std::uint64_t(m_down);
    const std::int64_t keepFrom = std::int64_t(position / std::uint64_t(m_up)) + m_first[position % std::uint64_t(m_up)];
    if (keepFrom > std::int64_t(m_inputBase) + 4096) {
        const auto drop = std::size_t(keepFrom - std::int64_t(m_inputBase));
        m_input.erase(m_input.begin(), m_input.begin() + std::ptrdiff_t(drop));
        m_inputBase += drop;
    }
}

Samples Resampler::process(std::span<const std::int16_t> input)
{
    if (m_passThrough)
        return Samples(input.begin(), input.end());
    m_input.insert(m_input.end(), input.begin(), input.end());
    m_received += input.size();
    Samples out;
    out.reserve(input.size() * std::size_t(m_up) / std::size_t(m_down) + 1);
    produce(out, false);
    return out;
}

Samples Resampler::flush()
{
    if (m_passThrough)
        return {};
    Samples out;
    produce(out, true);
    return out;
}

Samples resample(std::span<const std::int16_t> input, int fromRate, int toRate)
{
    if (fromRate <= 0 || toRate <= 0 || input.empty())
        return {};
    Resampler converter(fromRate, toRate);
    Samples out = converter.process(input);
    const Samples rest = converter.flush();
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

} // namespace cidadao::voice
