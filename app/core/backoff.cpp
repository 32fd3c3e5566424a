// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace cidadao::client {

ExponentialBackoff::ExponentialBackoff(Policy policy, std::function<double()> random)
    : m_policy(policy)
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int ExponentialBackoff::nextDelayMs()
{
    // pow() of a large attempt count overflows to inf; the cap makes that harmless.
    const double base = std::min(double(m_policy.maxMs), m_policy.initialMs * std::pow(m_policy.factor, m_attempt));
    ++m_attempt;
    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double jitter = std::clamp(m_policy.jitter, 0.0, 1.0);
    return std::max(1, int(std::lround(base * (1.0 - jitter * r))));
}

} // namespace cidadao::client
