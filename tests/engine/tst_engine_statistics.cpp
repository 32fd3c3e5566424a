// SPDX-License-Identifier: GPL-3.0-or-later
// Statistics against values computed by hand (R type 8 quantiles, MAD and its fallback, inequality).
#include "engine/statistics.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>

using namespace cidadao::engine;

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void medianOddEven()
    {
        QCOMPARE(median({3, 1, 2}), 2.0);
        QCOMPARE(median({4, 1, 3, 2}), 2.5);
        QVERIFY(std::isnan(median({})));
    }
    void quantileType8ByHand()
    {
        // x = 2 4 4 5 7 9 10 (n = 7); h = (n + 1/3)·p + 1/3.
        const std::vector<double> x{2, 4, 4, 5, 7, 9, 10};
        QCOMPARE(quantileType8(x, 0.5), 5.0);                       // h = 4
        QVERIFY(std::fabs(quantileType8(x, 0.25) - 4.0) < 1e-12);  // h = 2.1667: 4 + 0.1667·(4 − 4)
        QVERIFY(std::fabs(quantileType8(x, 0.9) - (9.0 + 14.0 / 15.0)) < 1e-12);   // h = 6.9333
        QCOMPARE(quantileType8(x, 0.0), 2.0);                       // h < 1 → minimum
        QCOMPARE(quantileType8(x, 1.0), 10.0);                      // h > n → maximum
        // 1..10: Q1 = 2 + 11/12, Q3 = 8 + 1/12 (R: quantile(1:10, c(.25,.75), type = 8)).
        std::vector<double> y;
        for (int i = 1; i <= 10; ++i)
            y.push_back(i);
        const Quartiles q = quartilesType8(y);
        QVERIFY(std::fabs(q.q1 - (2.0 + 11.0 / 12.0)) < 1e-12);
        QVERIFY(std::fabs(q.q3 - (8.0 + 1.0 / 12.0)) < 1e-12);
        QVERIFY(std::fabs(q.upperFence() - (q.q3 + 1.5 * (q.q3 - q.q1))) < 1e-12);
    }
    void madAndRobustZ()
    {
        const std::vector<double> x{1, 2, 3, 4, 100};
        const RobustScale s = robustScale(x);
        QCOMPARE(s.median, 3.0);
        QCOMPARE(s.mad, 1.0);   // |dev| = 2 1 0 1 97 → median 1
        QVERIFY(!s.usesFallback());
        QVERIFY(std::fabs(robustZ(100, s) - 0.6745 * 97) < 1e-9);
    }
    void madZeroFallsBackToMeanAbsoluteDeviation()
    {
        const std::vector<double> x{5, 5, 5, 5, 5, 5, 10};
        const RobustScale s = robustScale(x);
        QCOMPARE(s.mad, 0.0);
        QVERIFY(s.usesFallback());
        QVERIFY(std::fabs(s.meanAbsDeviation - 5.0 / 7.0) < 1e-12);
        QVERIFY(std::fabs(robustZ(10, s) - 5.0 / (1.253314 * 5.0 / 7.0)) < 1e-9);
        const RobustScale constant = robustScale(std::vector<double>{2, 2, 2});
        QVERIFY(constant.degenerate());
        QCOMPARE(robustZ(2, constant), 0.0);
        QVERIFY(std::isinf(robustZ(3, constant)));
    }
    // The sorted-input fast path gives the same centre and MAD as robustScale, for odd and even sizes,
    // ties, one value and values all on one side of the median.
    void robustScaleOfSortedMatchesRobustScale()
    {
        std::uint64_t state = 12345;
        auto next = [&] {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return double(state >> 40) / double(1 << 24);
        };
        std::vector<std::vector<double>> cases{{7}, {1, 2}, {5, 5, 5, 5, 5, 5, 10}, {1, 2, 3, 4, 100}, {2, 2, 2, 9, 9, 9}};
        for (int n = 2; n < 60; ++n) {
            std::vector<double> x;
            for (int k = 0; k < n; ++k)
                x.push_back(k % 7 == 0 ? 3.0 : std::floor(next() * 20.0));   // ties on purpose
            cases.push_back(x);
        }
        for (auto x : cases) {
            std::sort(x.begin(), x.end());
            const RobustScale a = robustScale(x), b = robustScaleOfSorted(x);
            QCOMPARE(b.median, a.median);
            QCOMPARE(b.mad, a.mad);
            QVERIFY(std::fabs(b.meanAbsDeviation - a.meanAbsDeviation) < 1e-12);
            QCOMPARE(medianOfSorted(x), median(x));
        }
        QVERIFY(std::isnan(medianOfSorted({})));
    }
    void inequality()
    {
        const std::vector<double> equal{10, 10, 10, 10};
        QCOMPARE(gini(equal), 0.0);
        QCOMPARE(theil(equal), 0.0);
        QCOMPARE(palmaRatio(equal), 0.25);          // top 10 % holds 10 %, bottom 40 % holds 40 %
        QCOMPARE(quintileRatio(equal), 1.0);
        // One holds everything: Gini = (n − 1)/n.
        const std::vector<double> one{0, 0, 0, 100};
        QVERIFY(std::fabs(gini(one) - 0.75) < 1e-12);
        QVERIFY(std::fabs(theil(one) - std::log(4.0)) < 1e-12);
        QVERIFY(std::isinf(palmaRatio(one)));
        // 1,2,3,4: Gini = 2·(1+4+9+16)/(4·10) − 5/4 = 0.25.
        QVERIFY(std::fabs(gini(std::vector<double>{1, 2, 3, 4}) - 0.25) < 1e-12);
        // Lorenz share of the poorest 40 % of 1,2,3,4: 1 + 0.6·2 = 2.2 of 10.
        QVERIFY(std::fabs(lorenzShare(std::vector<double>{1, 2, 3, 4}, 0.4) - 0.22) < 1e-12);
    }
    void regression()
    {
        const std::vector<double> x{1, 2, 3, 4, 5};
        const std::vector<double> y{3, 5, 7, 9, 11};
        const Regression r = linearRegression(x, y);
        QVERIFY(std::fabs(r.slope - 2.0) < 1e-12);
        QVERIFY(std::fabs(r.intercept - 1.0) < 1e-12);
        QVERIFY(std::fabs(r.r - 1.0) < 1e-12);
        QCOMPARE(linearRegression(x, std::vector<double>{4, 4, 4, 4, 4}).r, 0.0);
    }
    void tails()
    {
        QVERIFY(std::fabs(chiSquareUpperTail(15.507, 8) - 0.05) < 1e-4);    // table value
        QVERIFY(std::fabs(chiSquareUpperTail(2.0, 2) - std::exp(-1.0)) < 1e-12);
        // Poisson(2): P(X ≥ 3) = 1 − e^-2 (1 + 2 + 2).
        QVERIFY(std::fabs(poissonUpperTail(3, 2.0) - (1.0 - std::exp(-2.0) * 5.0)) < 1e-12);
        QCOMPARE(poissonUpperTail(0, 2.0), 1.0);
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_engine_statistics.moc"
