// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics every detector and analysis shares. Robust by default (median, MAD) because public
// spending is heavy-tailed; quantiles follow R type 8 so our numbers can be compared with the OCP
// Cardinal tool's.
#pragma once

#include <span>
#include <vector>

namespace cidadao::engine {

double mean(std::span<const double> values);               // NaN for an empty span
double standardDeviation(std::span<const double> values);  // sample (n − 1); 0 for n < 2

// Median of values (reorders them). NaN for an empty span.
double medianInPlace(std::span<double> values);
double median(std::vector<double> values);
// Median of an ASCENDING sorted span, without copying it. NaN for an empty span.
double medianOfSorted(std::span<const double> sorted);

// R type 8 quantile of an ASCENDING sorted span: h = (n + 1/3)·p + 1/3 (1-based), linear
// interpolation between the neighbours of h; h below 1 gives the minimum, above n the maximum.
double quantileType8(std::span<const double> sorted, double p);

struct Quartiles
{
    double q1 = 0.0;
    double median = 0.0;
    double q3 = 0.0;
    double iqr() const { return q3 - q1; }
    double upperFence(double k = 1.5) const { return q3 + k * iqr(); }   // Tukey
};
Quartiles quartilesType8(std::span<const double> sorted);

// Centre and scale for robust z-scores (Iglewicz & Hoaglin 1993). When more than half the values are
// equal the MAD is 0; then the mean absolute deviation around the median is the scale (the IBM SPSS /
// Iglewicz-Hoaglin fallback), with 1.253314 = sqrt(pi/2) making it consistent with sigma as 1/0.6745
// does for the MAD.
struct RobustScale
{
    double median = 0.0;
    double mad = 0.0;             // median of |x − median|
    double meanAbsDeviation = 0.0; // mean of |x − median|
    bool usesFallback() const { return mad <= 0.0; }
    bool degenerate() const { return mad <= 0.0 && meanAbsDeviation <= 0.0; }   // all values equal
};
RobustScale robustScale(std::span<const double> values);
// robustScale of an ASCENDING sorted span in O(n) without a copy: the deviations |x − median| in
// ascending order are the left part read backwards merged with the right part read forwards.
RobustScale robustScaleOfSorted(std::span<const double> sorted);
// 0.6745·(x − median)/MAD, or (x − median)/(1.253314·meanAbsDeviation) when MAD = 0; 0 when every
// value is equal and x is that value, ±infinity when x differs from such a constant group.
double robustZ(double x, const RobustScale& scale);

// Inequality of non-negative amounts (negative entries are ignored). All 0 for fewer than 2 values
// or a zero total. Palma and the quintile ratio use the Lorenz curve with linear interpolation
// between units, so they are defined for any n ≥ 2 (infinite when the bottom share is 0).
double gini(std::span<const double> values);
double theil(std::span<const double> values);              // Theil T, ln base e; zeros contribute 0
double lorenzShare(std::span<const double> sortedAscending, double fraction);  // share held by the poorest fraction
double palmaRatio(std::span<const double> values);         // top 10 % share / bottom 40 % share
double quintileRatio(std::span<const double> values);      // top 20 % share / bottom 20 % share

struct Regression
{
    double slope = 0.0;
    double intercept = 0.0;
    double r = 0.0;               // Pearson correlation; 0 when x or y is constant
    int n = 0;
};
Regression linearRegression(std::span<const double> x, std::span<const double> y);

// Upper tail P(X ≥ x) of a chi-square with dof degrees of freedom (regularised incomplete gamma).
double chiSquareUpperTail(double x, int dof);
// Upper tail P(X ≥ k) of a Poisson with mean lambda.
double poissonUpperTail(int k, double lambda);

} // namespace cidadao::engine
