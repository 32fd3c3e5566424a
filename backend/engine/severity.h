// SPDX-License-Identifier: GPL-3.0-or-later
// How bad, and how sure. Severity grows with how far past its threshold a finding is and with the
// money at stake; confidence grows with the size of the comparison group and the strength of the
// evidence, and drops when a rule had to infer a missing piece (e.g. which law applied).
#pragma once

#include "engine/finding.h"

namespace cidadao::engine {

inline constexpr double kCriticalMoney = 1'000'000.0;   // an excess above R$ 1 M is always critical

// Statistical findings on a robust z (|z| past a threshold of 3.5 by default):
// |z| ≤ 5 → medium, ≤ 8 → high, > 8 → critical; critical also when the excess money > R$ 1 M.
Severity severityFromZ(double z, double excessMoney);

// Rule findings measured as observed / threshold (≥ 1 when flagged): up to 1.5× → medium, up to 3×
// → high, beyond → critical; a flagged amount under R$ 10 000 at stake lowers medium to low; an
// amount at stake above R$ 1 M makes it critical.
Severity severityFromRatio(double ratio, double moneyAtStake);

// By money alone (rule findings with no natural ratio: sanctions, invalid documents, duplicates):
// < R$ 10 000 low, < R$ 100 000 medium, < R$ 1 M high, else critical.
Severity severityFromMoney(double money);

// The larger of two severities.
Severity maxSeverity(Severity a, Severity b);

// Confidence of a statistical finding: 0.5 at the minimum group size rising to ~0.8 for groups many
// times larger (n / (n + minimum)), plus up to 0.19 for evidence well past the threshold
// (margin = how far past, in units of the threshold, capped at 1). Range 0.4..0.99.
double statisticalConfidence(int groupSize, int minimumGroup, double margin);

// Confidence of a rule finding: 0.95 when every input was explicit in the data; each inferred
// input (law taken from the date, inciso from the object class, a record link by number) costs 0.1.
double ruleConfidence(int inferredInputs);

} // namespace cidadao::engine
