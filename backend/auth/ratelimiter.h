// SPDX-License-Identifier: GPL-3.0-or-later
// Fixed-window request counting per (client, route class), in memory. The answer carries everything the
// HTTP layer needs for X-RateLimit-* headers and, when refused, Retry-After.
#pragma once

#include "auth/clock.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace cidadao::auth {

struct RateLimitPolicy
{
    int limit = 60;            // requests allowed per window
    qint64 windowSeconds = 60; // window length
};

struct RateKey
{
    QString client;     // user id when authenticated, else the remote address
    QString routeClass; // e.g. "default", "auth", "chat"
    friend bool operator==(const RateKey&, const RateKey&) = default;
};
size_t qHash(const RateKey& key, size_t seed = 0) noexcept;

struct RateDecision
{
    bool allowed = true;
    int limit = 0;
    int remaining = 0;
    qint64 resetEpochSeconds = 0; // when the current window ends
    qint64 windowSeconds = 0;
    qint64 retryAfterSeconds = 0; // 0 when allowed; otherwise >= 1
};

class RateLimiter
{
public:
    // `maxKeys` bounds memory: beyond it, finished windows are dropped first, then the oldest windows.
    explicit RateLimiter(Clock clock, RateLimitPolicy defaultPolicy = {}, qsizetype maxKeys = 100000);

    // Route classes without a policy of their own use the default one.
    void setPolicy(const QString& routeClass, RateLimitPolicy policy);
    RateLimitPolicy policy(const QString& routeClass) const;

    // Counts this request (when allowed) and answers. Thread-safe.
    RateDecision check(const RateKey& key);

    qsizetype trackedKeys() const;

private:
    struct Window
    {
        qint64 start = 0;
        int count = 0;
    };
    void evictLocked(qint64 now);

    Clock m_clock;
    RateLimitPolicy m_defaultPolicy;
    qsizetype m_maxKeys;
    QHash<QString, RateLimitPolicy> m_policies;
    QHash<RateKey, Window> m_windows;
    mutable QMutex m_mutex;
};

} // namespace cidadao::auth
