// SPDX-License-Identifier: GPL-3.0-or-later
// Reconnection delays: exponential growth with a cap and jitter, so that many clients dropped by
// one server restart do not come back in the same millisecond. The random source is injected so
// that tests can check the exact sequence.
#pragma once

#include <functional>

namespace cidadao::client {

// At namespace scope: GCC cannot use a nested struct's member initializers in a default argument.
struct BackoffPolicy
{
    int initialMs = 500;
    int maxMs = 30000;
    double factor = 2.0;
    // Fraction of each delay that is randomised away: delay * (1 - jitter * r), r in [0, 1).
    double jitter = 0.5;
};

class ExponentialBackoff
{
public:
    using Policy = BackoffPolicy;

    explicit ExponentialBackoff(Policy policy = Policy(), std::function<double()> random = {});

    int nextDelayMs(); // then counts one more attempt
    int attempts() const { return m_attempt; }
    void reset() { m_attempt = 0; }
    const Policy& policy() const { return m_policy; }

private:
    Policy m_policy;
    std::function<double()> m_random;
    int m_attempt = 0;
};

} // namespace cidadao::client
