// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencymeter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cidadao::client {

LatencyMeter::LatencyMeter(int window, QObject* parent)
    : QObject(parent)
    , m_window(qMax(1, window))
{
}

void LatencyMeter::addSample(qint64 ms)
{
    if (ms < 0)
        return; // a clock that stepped back says nothing about the network
    m_samples.push_back(ms);
    while (int(m_samples.size()) > m_window)
        m_samples.pop_front();
    Q_EMIT changed(ms);
}

void LatencyMeter::reset()
{
    m_samples.clear();
}

std::optional<qint64> LatencyMeter::last() const
{
    return m_samples.empty() ? std::nullopt : std::optional(m_samples.back());
}

std::optional<qint64> LatencyMeter::percentile(double q) const
{
    if (m_samples.empty())
        return std::nullopt;
    std::vector<qint64> sorted(m_samples.begin(), m_samples.end());
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::ceil(std::clamp(q, 0.0, 1.0) * double(sorted.size()));
    const std::size_t at = rank < 1.0 ? 0 : std::size_t(rank) - 1;
    return sorted[std::min(at, sorted.size() - 1)];
}

} // namespace cidadao::client
