// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loginthrottle.h"

#include <algorithm>
#include <stdexcept>

namespace cidadao::auth {

LoginThrottle::LoginThrottle(Clock clock, LoginThrottlePolicy policy, qsizetype maxAddresses)
    : m_clock(std::move(clock)), m_policy(policy), m_maxAddresses(std::max<qsizetype>(maxAddresses, 1))
{
    if (policy.maxFailures < 1 || policy.failureWindowSeconds < 1 || policy.lockoutSeconds < 1)
        throw std::invalid_argument("login throttle policy values must be positive");
}

bool LoginThrottle::isStale(const Record& record, qint64 now) const
{
    if (record.lockedUntil != 0)
        return now >= record.lockedUntil;
    return now >= record.firstFailure + m_policy.failureWindowSeconds;
}

std::optional<qint64> LoginThrottle::lockedUntil(const QString& address)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    const auto it = m_records.find(address);
    if (it == m_records.end())
        return std::nullopt;
    if (isStale(*it, now)) {
        m_records.erase(it); // the lockout (or the failure window) is over: a clean slate
        return std::nullopt;
    }
    if (it->lockedUntil != 0)
        return it->lockedUntil;
    return std::nullopt;
}

std::optional<qint64> LoginThrottle::recordFailure(const QString& address)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    auto it = m_records.find(address);
    if (it != m_records.end() && isStale(*it, now)) {
        m_records.erase(it);
        it = m_records.end();
    }
    if (it == m_records.end()) {
        if (m_records.size() >= m_maxAddresses)
            evictLocked(now);
        it = m_records.insert(address, Record{0, now, 0});
    }
    ++it->failures;
    if (it->lockedUntil != 0) {
        // Failing while locked (the HTTP layer should refuse before checking) does not extend the lockout:
        // otherwise one attacker could keep an address that many users share (NAT) locked forever.
        return it->lockedUntil;
    }
    if (it->failures >= m_policy.maxFailures) {
        it->lockedUntil = now + m_policy.lockoutSeconds;
        return it->lockedUntil;
    }
    return std::nullopt;
}

void LoginThrottle::recordSuccess(const QString& address)
{
    QMutexLocker lock(&m_mutex);
    m_records.remove(address);
}

qint64 LoginThrottle::retryAfterSeconds(const QString& address)
{
    const auto until = lockedUntil(address);
    if (!until)
        return 0;
    return std::max<qint64>(1, *until - m_clock());
}

qsizetype LoginThrottle::trackedAddresses() const
{
    QMutexLocker lock(&m_mutex);
    return m_records.size();
}

void LoginThrottle::evictLocked(qint64 now)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (isStale(*it, now))
            it = m_records.erase(it);
        else
            ++it;
    }
    if (m_records.size() < m_maxAddresses)
        return;
    // Full of live records: forget addresses that are NOT locked first (they lose a few counted
    // failures), so that a flood of addresses cannot lift an existing lockout.
    for (auto it = m_records.begin(); it != m_records.end() && m_records.size() >= m_maxAddresses;) {
        if (it->lockedUntil == 0)
            it = m_records.erase(it);
        else
            ++it;
    }
    // Only lockouts left: drop the one ending soonest.
    while (m_records.size() >= m_maxAddresses) {
        auto soonest = std::min_element(m_records.begin(), m_records.end(),
                                        [](const Record& a, const Record& b) { return a.lockedUntil < b.lockedUntil; });
        m_records.erase(soonest);
    }
}

} // namespace cidadao::auth
