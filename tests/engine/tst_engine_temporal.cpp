// SPDX-License-Identifier: GPL-3.0-or-later
// temporal_spike: a month far above the UG's usual count is flagged; an ordinary busy month is not.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
// 24 months (2023-01 .. 2024-12) with 4..6 contracts each, and `spike` contracts in 2024-06.
Dataset months(int spike)
{
    DatasetBuilder b;
    for (int m = 0; m < 24; ++m) {
        const int year = 2023 + m / 12, month = m % 12 + 1;
        const int count = (year == 2024 && month == 6) ? spike : 4 + m % 3;
        for (int k = 0; k < count; ++k) {
            ContractSpec s;
            s.signedOn = toDay(year, month, 1 + k % 28);
            s.initial = 1000.0 + k;
            b.contract(s);
        }
    }
    return b.data;
}
} // namespace

class TestTemporal : public QObject
{
    Q_OBJECT
private slots:
    void spikeIsFlagged()
    {
        const Dataset data = months(30);
        const auto found = runOne(data, QStringLiteral("temporal_spike"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows.size(), std::size_t(30));
        for (auto r : found[0].rows)
            QCOMPARE(toCivil(data.contracts.signed_[r]).month, 6);
        QCOMPARE(found[0].metadata["month"].get<int>(), 6);
        QVERIFY(found[0].observed > 3.5);
    }
    void busyMonthIsNot()
    {
        // 9 contracts against a median of 5 (MAD 1): robust z 2.7, under 3× the median, plausible for Poisson.
        QVERIFY(runOne(months(9), QStringLiteral("temporal_spike")).empty());
    }
    void shortHistoryIsNotEvaluated()
    {
        DatasetBuilder b;
        for (int m = 0; m < 11; ++m)
            for (int k = 0; k < (m == 5 ? 40 : 5); ++k) {
                ContractSpec s;
                s.signedOn = toDay(2024, m + 1, 1 + k % 28);
                b.contract(s);
            }
        QVERIFY(runOne(b.data, QStringLiteral("temporal_spike")).empty());
    }
};

QTEST_APPLESS_MAIN(TestTemporal)
#include "tst_engine_temporal.moc"
