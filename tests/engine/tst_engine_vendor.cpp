// SPDX-License-Identifier: GPL-3.0-or-later
// vendor_concentration: share 70 % exactly vs just above; HHI with 5 suppliers; small UG-years skipped.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
Dataset market(double dominantExtra, int otherSuppliers, int contractsOfDominant)
{
    DatasetBuilder b;
    for (int i = 0; i < contractsOfDominant; ++i) {
        ContractSpec s;
        s.supplier = makeCnpj(1000);
        s.initial = 100.0 + (i == 0 ? dominantExtra : 0.0);
        s.signedOn = toDay(2024, 1 + i % 12, 10);
        b.contract(s);
    }
    for (int k = 0; k < otherSuppliers; ++k) {
        ContractSpec s;
        s.supplier = makeCnpj(2000 + k);
        s.initial = 100.0 * (contractsOfDominant * 3.0 / 7.0) / otherSuppliers;
        s.signedOn = toDay(2024, 6, 1);
        b.contract(s);
    }
    return b.data;
}
} // namespace

class TestVendor : public QObject
{
    Q_OBJECT
private slots:
    void shareBoundary()
    {
        // 7 contracts of 100 vs 3 others sharing 300: share exactly 0.70 → not flagged.
        QVERIFY(runOne(market(0.0, 3, 7), QStringLiteral("vendor_concentration")).empty());
        // 0.5 more for the dominant supplier: share 700.5 / 1000.5 = 0.70015 → flagged.
        const auto found = runOne(market(0.5, 3, 7), QStringLiteral("vendor_concentration"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6}));   // all the dominant's contracts
        QVERIFY(found[0].observed > 0.70);
        QVERIFY(found[0].explanationPt.contains(u"70,0%"));
    }
    void smallUgYearIsNotEvaluated()
    {
        // 6 + 3 = 9 contracts: below vendorMinimumContracts even with share 0.70015.
        DetectorOptions o;
        QCOMPARE(o.vendorMinimumContracts, 10);
        QVERIFY(runOne(market(0.5, 3, 6), QStringLiteral("vendor_concentration")).empty());
    }
    void hhiNeedsFiveSuppliers()
    {
        // Shares 0.5 / 0.125 ×4: HHI = 2500 + 4·156.25 = 3125 > 2500 with 5 suppliers.
        DatasetBuilder b;
        for (int i = 0; i < 4; ++i) {
            ContractSpec s;
            s.supplier = makeCnpj(1000);
            s.initial = 100.0;
            b.contract(s);
        }
        for (int k = 0; k < 4; ++k)
            for (int i = 0; i < 2; ++i) {
                ContractSpec s;
                s.supplier = makeCnpj(2000 + k);
                s.initial = 50.0;
                b.contract(s);
            }
        const auto found = runOne(b.data, QStringLiteral("vendor_concentration"));
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(std::fabs(found[0].observed - 3125.0) < 1e-6);
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 1, 2, 3}));
        DetectorOptions strict;
        strict.vendorHhi = 3125.0;   // exactly the HHI: not above
        QVERIFY(runOne(b.data, QStringLiteral("vendor_concentration"), strict).empty());
    }
    void balancedMarketIsNotFlagged()
    {
        // Five suppliers with two equal contracts each: share 0.2, HHI 2000.
        DatasetBuilder b;
        for (int i = 0; i < 10; ++i) {
            ContractSpec s;
            s.supplier = makeCnpj(1000 + (i % 5));
            s.initial = 100.0;
            s.signedOn = toDay(2024, 3, 1);
            b.contract(s);
        }
        QVERIFY(runOne(b.data, QStringLiteral("vendor_concentration")).empty());
    }
};

QTEST_APPLESS_MAIN(TestVendor)
#include "tst_engine_vendor.moc"
