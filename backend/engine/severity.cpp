// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/severity.h"

#include <algorithm>
#include <cmath>

namespace cidadao::engine {

Severity severityFromZ(double z, double excessMoney)
{
    const double a = std::fabs(z);
    Severity s = a > 8.0 ? Severity::Critical : a > 5.0 ? Severity::High : Severity::Medium;
    if (excessMoney > kCriticalMoney)
        s = Severity::Critical;
    return s;
}

Severity severityFromRatio(double ratio, double moneyAtStake)
{
    Severity s = ratio > 3.0 ? Severity::Critical : ratio > 1.5 ? Severity::High : Severity::Medium;
    if (s == Severity::Medium && moneyAtStake < 10'000.0)
        s = Severity::Low;
    if (moneyAtStake > kCriticalMoney)
        s = Severity::Critical;
    return s;
}

Severity severityFromMoney(double money)
{
    if (money >= kCriticalMoney)
        return Severity::Critical;
    if (money >= 100'000.0)
        return Severity::High;
    if (money >= 10'000.0)
        return Severity::Medium;
    return Severity::Low;
}

Severity maxSeverity(Severity a, Severity b)
{
    return int(a) >= int(b) ? a : b;
}

double statisticalConfidence(int groupSize, int minimumGroup, double margin)
{
    const double n = std::max(1, groupSize);
    const double size = n / (n + std::max(1, minimumGroup));
    const double evidence = std::clamp(margin, 0.0, 1.0);
    return std::clamp(0.4 + 0.4 * size + 0.19 * evidence, 0.4, 0.99);
}

double ruleConfidence(int inferredInputs)
{
    return std::clamp(0.95 - 0.1 * inferredInputs, 0.5, 0.95);
}

} // namespace cidadao::engine
