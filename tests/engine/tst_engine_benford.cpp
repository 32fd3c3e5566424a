// SPDX-License-Identifier: GPL-3.0-or-later
// benford: a uniform-digit group is flagged, a Benford group is not, a group under 300 is not tested.
#include "datasetbuilder.h"

#include "engine/benford.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
Dataset group(int n, bool uniformDigits)
{
    DatasetBuilder b;
    for (int i = 0; i < n; ++i) {
        ContractSpec s;
        s.supplier = makeCnpj(100000 + i);   // one contract per supplier: only the UG group is large
        s.initial = uniformDigits ? (1 + i % 9) * 1000.0 + (i % 97) * 7.0
                                  : std::pow(10.0, 1.0 + 3.0 * (i + 0.5) / n);   // log-uniform: Benford
        b.contract(s);
    }
    return b.data;
}
} // namespace

class TestBenford : public QObject
{
    Q_OBJECT
private slots:
    void uniformDigitsAreFlagged()
    {
        const auto found = runOne(group(500, true), QStringLiteral("benford"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows.size(), std::size_t(500));   // the whole group
        QVERIFY(found[0].observed > 0.05);                   // MAD of uniform digits ≈ 0.06
        QVERIFY(found[0].metadata["p_value"].get<double>() < 1e-4);
    }
    void benfordDigitsAreNot()
    {
        QVERIFY(runOne(group(500, false), QStringLiteral("benford")).empty());
        const Dataset d = group(500, false);
        const BenfordTest t = benfordTest(d.contracts.initialValue);
        QCOMPARE(t.n, 500);
        QVERIFY(t.mad < 0.006);
    }
    void smallGroupsAreNotTested()
    {
        QVERIFY(runOne(group(299, true), QStringLiteral("benford")).empty());
        QCOMPARE(runOne(group(300, true), QStringLiteral("benford")).size(), std::size_t(1));
    }
    void madAlonePastThresholdIsNotEnough()
    {
        // A MAD threshold of 0 still needs the chi-square evidence: a Benford group stays clean.
        DetectorOptions o;
        o.benfordMad = 0.0;
        QVERIFY(runOne(group(500, false), QStringLiteral("benford"), o).empty());
    }
};

QTEST_APPLESS_MAIN(TestBenford)
#include "tst_engine_benford.moc"
