// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ratelimiter.h"

#include <QList>
#include <algorithm>
#include <stdexcept>

namespace cidadao::auth {

size_t qHash(const RateKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.client, key.routeClass);
}

namespace {

void validate(const RateLimitPolicy& policy)
{
    if (policy.limit < 1 || policy.windowSeconds < 1)
        throw std::invalid_argument("a rate limit needs limit >= 1 and window >= 1 s");
}

} // namespace

RateLimiter::RateLimiter(Clock clock, RateLimitPolicy defaultPolicy, qsizetype maxKeys)
    : m_clock(std::move(clock)), m_defaultPolicy(defaultPolicy), m_maxKeys(std::max<qsizetype>(maxKeys, 1))
{
    validate(defaultPolicy);
}

void RateLimiter::setPolicy(const QString& routeClass, RateLimitPolicy policy)
{
    validate(policy);
    QMutexLocker lock(&m_mutex);
    m_policies.insert(routeClass, policy);
}

RateLimitPolicy RateLimiter::policy(const QString& routeClass) const
{
    QMutexLocker lock(&m_mutex);
    return m_policies.value(routeClass, m_defaultPolicy);
}

RateDecision RateLimiter::check(const RateKey& key)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    const RateLimitPolicy policy = m_policies.value(key.routeClass, m_defaultPolicy);

    auto it = m_windows.find(key);
    if (it == m_windows.end()) {
        if (m_windows.size() >= m_maxKeys)
            evictLocked(now);
        it = m_windows.insert(key, Window{now, 0});
    } else if (now >= it->start + policy.windowSeconds) {
        *it = Window{now, 0}; // the window ended: a fresh one starts with this request
    }

    RateDecision decision;
    decision.limit = policy.limit;
    decision.windowSeconds = policy.windowSeconds;
    decision.resetEpochSeconds = it->start + policy.windowSeconds;
    if (it->count >= policy.limit) {
        decision.allowed = false;
        decision.remaining = 0;
        decision.retryAfterSeconds = std::max<qint64>(1, decision.resetEpochSeconds - now);
        return decision;
    }
    ++it->count;
    decision.allowed = true;
    decision.remaining = policy.limit - it->count;
    return decision;
}

qsizetype RateLimiter::trackedKeys() const
{
    QMutexLocker lock(&m_mutex);
    return m_windows.size();
}

void RateLimiter::evictLocked(qint64 now)
{
    // Finished windows carry no information: a new request would start a fresh window anyway.
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        const RateLimitPolicy policy = m_policies.value(it.key().routeClass, m_defaultPolicy);
        if (now >= it->start + policy.windowSeconds)
            it = m_windows.erase(it);
        else
            ++it;
    }
    if (m_windows.size() < m_maxKeys)
        return;
    // Still full of live windows (a flood of distinct keys): drop the oldest tenth. Those are the
    // windows closest to their reset, so forgetting them grants the least extra budget.
    QList<qint64> starts;
    starts.reserve(m_windows.size());
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it)
        starts.append(it->start);
    const qsizetype dropCount = std::max<qsizetype>(1, m_windows.size() / 10);
    std::nth_element(starts.begin(), starts.begin() + (dropCount - 1), starts.end());
    const qint64 cutoff = starts[dropCount - 1];
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (it->start <= cutoff)
            it = m_windows.erase(it);
        else
            ++it;
    }
}

} // namespace cidadao::auth
