// SPDX-License-Identifier: GPL-3.0-or-later
// Benford's first-digit test, shared by the benford detector and the analyses.
#pragma once

#include <array>
#include <span>

namespace cidadao::engine {

struct BenfordTest
{
    double mad = 0.0;              // Nigrini's mean absolute deviation of digit proportions
    double chiSquare = 0.0;        // goodness of fit, 8 degrees of freedom
    double pValue = 1.0;
    std::array<int, 10> counts{};  // counts[d] for d = 1..9
    int n = 0;                     // values tested
};

// Tests the values ≥ minimumValue (finite) against log10(1 + 1/d).
BenfordTest benfordTest(std::span<const double> values, double minimumValue = 10.0);

} // namespace cidadao::engine
