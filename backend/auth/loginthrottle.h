// SPDX-License-Identifier: GPL-3.0-or-later
// Per-address lockout after repeated failed logins (qBittorrent's WebUI ban, with an injected clock).
// In memory on purpose: a restart forgets bans, which only helps the legitimate user who was locked out.
#pragma once

#include "auth/clock.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace cidadao::auth {

struct LoginThrottlePolicy
{
    int maxFailures = 5;               // failures that trigger a lockout
    qint64 failureWindowSeconds = 900; // failures older than this are forgotten
    qint64 lockoutSeconds = 900;       // 15 minutes
};

class LoginThrottle
{
public:
    explicit LoginThrottle(Clock clock, LoginThrottlePolicy policy = {}, qsizetype maxAddresses = 100000);

    // When the address is locked out: the epoch second at which it may try again.
    std::optional<qint64> lockedUntil(const QString& address);
    // Records a failure; returns the lockout end when the address is (now) locked. Never extends a lockout.
    std::optional<qint64> recordFailure(const QString& address);
    // A successful login clears the address's record.
    void recordSuccess(const QString& address);

    // Seconds to put in Retry-After for a locked address (>= 1), 0 when not locked.
    qint64 retryAfterSeconds(const QString& address);

    const LoginThrottlePolicy& policy() const { return m_policy; }
    qsizetype trackedAddresses() const;

private:
    struct Record
    {
        int failures = 0;
        qint64 firstFailure = 0;
        qint64 lockedUntil = 0; // 0: not locked
    };
    bool isStale(const Record& record, qint64 now) const;
    void evictLocked(qint64 now);

    Clock m_clock;
    LoginThrottlePolicy m_policy;
    qsizetype m_maxAddresses;
    QHash<QString, Record> m_records;
    mutable QMutex m_mutex;
};

} // namespace cidadao::auth
