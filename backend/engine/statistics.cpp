// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cidadao::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> sortedNonNegative(std::span<const double> values)
{
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (v >= 0.0 && std::isfinite(v))
            out.push_back(v);
    std::sort(out.begin(), out.end());
    return out;
}

// ln Γ(a)·P(a, x) pieces from Numerical Recipes (series for x < a + 1, continued fraction beyond).
double gammaQ(double a, double x)
{
    if (x <= 0.0)
        return 1.0;
    const double lnGammaA = std::lgamma(a);
    if (x < a + 1.0) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 1000; ++n) {
            term *= x / (a + n);
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-15)
                break;
        }
        const double p = sum * std::exp(-x + a * std::log(x) - lnGammaA);
        return std::clamp(1.0 - p, 0.0, 1.0);
    }
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < 1e-15)
            break;
    }
    return std::clamp(std::exp(-x + a * std::log(x) - lnGammaA) * h, 0.0, 1.0);
}
} // namespace

double mean(std::span<const double> values)
{
    if (values.empty())
        return kNaN;
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double standardDeviation(std::span<const double> values)
{
    if (values.size() < 2)
        return 0.0;
    const double m = mean(values);
    double sum = 0.0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return std::sqrt(sum / double(values.size() - 1));
}

double medianInPlace(std::span<double> values)
{
    const std::size_t n = values.size();
    if (n == 0)
        return kNaN;
    const auto mid = values.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (n % 2 == 1)
        return *mid;
    // The lower middle is the largest element of the left part after nth_element.
    const double lower = *std::max_element(values.begin(), mid);
    return (lower + *mid) / 2.0;
}

double median(std::vector<double> values)
{
    return medianInPlace(values);
}

double quantileType8(std::span<const double> sorted, double p)
{
    const std::size_t n = sorted.size();
    if (n == 0)
        return kNaN;
    const double h = (double(n) + 1.0 / 3.0) * p + 1.0 / 3.0;
    if (h <= 1.0)
        return sorted.front();
    if (h >= double(n))
        return sorted.back();
    const double lo = std::floor(h);
    const auto i = std::size_t(lo) - 1;   // 1-based → 0-based
    return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

Quartiles quartilesType8(std::span<const double> sorted)
{
    return {quantileType8(sorted, 0.25), quantileType8(sorted, 0.5), quantileType8(sorted, 0.75)};
}

RobustScale robustScale(std::span<const double> values)
{
    RobustScale scale;
    if (values.empty())
        return scale;
    std::vector<double> work(values.begin(), values.end());
    scale.median = medianInPlace(work);
    double sumAbs = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        work[i] = std::fabs(values[i] - scale.median);
        sumAbs += work[i];
    }
    scale.meanAbsDeviation = sumAbs / double(values.size());
    scale.mad = medianInPlace(work);
    return scale;
}

double medianOfSorted(std::span<const double> sorted)
{
    const std::size_t n = sorted.size();
    if (n == 0)
        return kNaN;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

RobustScale robustScaleOfSorted(std::span<const double> sorted)
{
    RobustScale scale;
    const std::size_t n = sorted.size();
    if (n == 0)
        return scale;
    const double m = medianOfSorted(sorted);
    scale.median = m;
    double sumAbs = 0.0;
    for (const double x : sorted)
        sumAbs += std::fabs(x - m);
    scale.meanAbsDeviation = sumAbs / double(n);
    // Walk the merged deviations up to rank n/2 (0-based); the median is that one (odd n) or its mean
    // with the one before (even n), as medianInPlace takes it.
    std::ptrdiff_t left = std::lower_bound(sorted.begin(), sorted.end(), m) - sorted.begin() - 1;
    std::size_t right = std::size_t(left + 1);
    double previous = 0.0, current = 0.0;
    for (std::size_t k = 0; k <= n / 2; ++k) {
        previous = current;
        const bool takeLeft = right >= n || (left >= 0 && m - sorted[std::size_t(left)] <= sorted[right] - m);
        current = takeLeft ? m - sorted[std::size_t(left--)] : sorted[right++] - m;
    }
    scale.mad = n % 2 == 1 ? current : (previous + current) / 2.0;
    return scale;
}

double robustZ(double x, const RobustScale& scale)
{
    const double d = x - scale.median;
    if (scale.mad > 0.0)
        return 0.6745 * d / scale.mad;
    if (scale.meanAbsDeviation > 0.0)
        return d / (1.253314 * scale.meanAbsDeviation);
    if (d == 0.0)
        return 0.0;
    return d > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

double gini(std::span<const double> values)
{
    const auto sorted = sortedNonNegative(values);
    const double n = double(sorted.size());
    const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    if (sorted.size() < 2 || total <= 0.0)
        return 0.0;
    double weighted = 0.0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        weighted += double(i + 1) * sorted[i];
    return 2.0 * weighted / (n * total) - (n + 1.0) / n;
}

double theil(std::span<const double> values)
{
    const auto sorted = sortedNonNegative(values);
    const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    if (sorted.size() < 2 || total <= 0.0)
        return 0.0;
    const double mu = total / double(sorted.size());
    double sum = 0.0;
    for (double v : sorted)
        if (v > 0.0)
            sum += (v / mu) * std::log(v / mu);
    return sum / double(sorted.size());
}

double lorenzShare(std::span<const double> sortedAscending, double fraction)
{
    const std::size_t n = sortedAscending.size();
    const double total = std::accumulate(sortedAscending.begin(), sortedAscending.end(), 0.0);
    if (n == 0 || total <= 0.0)
        return 0.0;
    const double position = std::clamp(fraction, 0.0, 1.0) * double(n);   // units covered
    const auto whole = std::size_t(std::floor(position));
    double cumulative = 0.0;
    for (std::size_t i = 0; i < whole && i < n; ++i)
        cumulative += sortedAscending[i];
    if (whole < n)
        cumulative += (position - double(whole)) * sortedAscending[whole];
    return cumulative / total;
}

double palmaRatio(std::span<const double> values)
{
    const auto sorted = sortedNonNegative(values);
    if (sorted.size() < 2)
        return 0.0;
    const double bottom40 = lorenzShare(sorted, 0.4);
    const double top10 = 1.0 - lorenzShare(sorted, 0.9);
    if (bottom40 <= 0.0)
        return top10 > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
    return top10 / bottom40;
}

double quintileRatio(std::span<const double> values)
{
    const auto sorted = sortedNonNegative(values);
    if (sorted.size() < 2)
        return 0.0;
    const double bottom20 = lorenzShare(sorted, 0.2);
    const double top20 = 1.0 - lorenzShare(sorted, 0.8);
    if (bottom20 <= 0.0)
        return top20 > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
    return top20 / bottom20;
}

Regression linearRegression(std::span<const double> x, std::span<const double> y)
{
    Regression out;
    const std::size_t n = std::min(x.size(), y.size());
    out.n = int(n);
    if (n < 2)
        return out;
    const double mx = mean(x.first(n));
    const double my = mean(y.first(n));
    double sxx = 0.0, syy = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx <= 0.0)
        return out;
    out.slope = sxy / sxx;
    out.intercept = my - out.slope * mx;
    out.r = syy > 0.0 ? sxy / std::sqrt(sxx * syy) : 0.0;
    return out;
}

double chiSquareUpperTail(double x, int dof)
{
    if (dof <= 0)
        return kNaN;
    return gammaQ(dof / 2.0, x / 2.0);
}

double poissonUpperTail(int k, double lambda)
{
    if (k <= 0)
        return 1.0;
    if (lambda <= 0.0)
        return 0.0;
    // P(X ≥ k) = P(k, lambda) regularised lower gamma = 1 − Q(k, lambda).
    return std::clamp(1.0 - gammaQ(double(k), lambda), 0.0, 1.0);
}

} // namespace cidadao::engine
