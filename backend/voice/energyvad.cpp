// SPDX-License-Identifier: GPL-3.0-or-later
#include "energyvad.h"

#include <algorithm>

namespace cidadao::voice {

EnergyVad::EnergyVad(VadOptions options)
    : m_options(options)
    , m_frameSamples(std::size_t(std::max(1, options.sampleRate * options.frameMs / 1000)))
{
}

void EnergyVad::reset()
{
    m_pending.clear();
    m_noiseFloor = -1.0;
    m_hangover = 0;
    m_speechFrames = 0;
    m_run = 0;
}

bool EnergyVad::judgeFrame(std::span<const std::int16_t> frame)
{
    const double energy = rms(frame);
    if (m_noiseFloor < 0.0)
        m_noiseFloor = energy;
    const bool loud = energy >= m_options.minSpeechRms && energy >= m_options.overNoiseFactor * std::max(m_noiseFloor, 1.0);
    // The floor follows quiet frames quickly and loud ones very slowly, so that a long utterance
    // does not become "the background".
    if (energy < m_noiseFloor)
        m_noiseFloor = 0.7 * m_noiseFloor + 0.3 * energy;
    else if (!loud)
        m_noiseFloor = 0.95 * m_noiseFloor + 0.05 * energy;
    else
        m_noiseFloor = 0.999 * m_noiseFloor + 0.001 * energy;
    return loud;
}

bool EnergyVad::feed(std::span<const std::int16_t> samples)
{
    m_pending.insert(m_pending.end(), samples.begin(), samples.end());
    std::size_t offset = 0;
    while (m_pending.size() - offset >= m_frameSamples) {
        const bool loud = judgeFrame(std::span<const std::int16_t>(m_pending).subspan(offset, m_frameSamples));
        offset += m_frameSamples;
        m_run = loud ? m_run + 1 : 0;
        if (m_run >= m_options.minSpeechFrames)
            m_hangover = m_options.hangoverFrames;
        else if (m_hangover > 0)
            --m_hangover;
        if (loud && m_run >= m_options.minSpeechFrames)
            ++m_speechFrames;
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(offset));
    return inSpeech();
}

std::optional<SpeechSpan> EnergyVad::findSpeech(std::span<const std::int16_t> samples) const
{
    EnergyVad scan(m_options);
    std::optional<std::size_t> first;
    std::size_t last = 0;
    int run = 0;
    for (std::size_t offset = 0; offset + scan.m_frameSamples <= samples.size(); offset += scan.m_frameSamples) {
        const bool loud = scan.judgeFrame(samples.subspan(offset, scan.m_frameSamples));
        run = loud ? run + 1 : 0;
        if (run >= m_options.minSpeechFrames) {
            const std::size_t runStart = offset + scan.m_frameSamples - std::size_t(run) * scan.m_frameSamples;
            if (!first)
                first = runStart;
            last = offset + scan.m_frameSamples;
        }
    }
    if (!first)
        return std::nullopt;
    const auto padding = std::size_t(m_options.sampleRate) * std::size_t(m_options.paddingMs) / 1000;
    SpeechSpan span;
    span.begin = *first > padding ? *first - padding : 0;
    span.end = std::min(samples.size(), last + padding);
    return span;
}

} // namespace cidadao::voice
