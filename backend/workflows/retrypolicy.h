// SPDX-License-Identifier: GPL-3.0-or-later
// How often and how patiently a workflow node is retried: exponential backoff with a cap. The
// defaults are the ones of issue #10 (3 attempts, 1 s, ×2, at most 30 s between attempts).
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cidadao::workflows {

struct RetryPolicy
{
    int attempts = 3; // in all, the first one included
    std::chrono::milliseconds initialDelay{1000};
    double factor = 2.0;
    std::chrono::milliseconds maxDelay{30000};

    // The wait before attempt `attempt` (2 = the first retry): initial × factor^(attempt−2), capped.
    std::chrono::milliseconds delayBefore(int attempt) const
    {
        if (attempt <= 1)
            return std::chrono::milliseconds(0);
        const double raw = double(initialDelay.count()) * std::pow(factor, attempt - 2);
        return std::chrono::milliseconds(qint64(std::min(raw, double(maxDelay.count()))));
    }
};

} // namespace cidadao::workflows
