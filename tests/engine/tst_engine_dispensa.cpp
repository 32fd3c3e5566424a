// SPDX-License-Identifier: GPL-3.0-or-later
// splitting and near_threshold against the legal table: a series summing to limit + 0.01 vs exactly
// the limit; the window variant across 31 December; 2023-12-31 vs 2024-01-01 limits.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
ContractSpec dispensa(double value, Day signedOn)
{
    ContractSpec s;
    s.modality = QStringLiteral("Dispensa de Licitação");
    s.legalBasis = QStringLiteral("Lei 14.133/2021, Art. 75, II");
    s.initial = value;
    s.signedOn = signedOn;
    return s;
}
constexpr double kLimit2024 = 59906.02;
} // namespace

class TestDispensa : public QObject
{
    Q_OBJECT
private slots:
    void seriesJustAboveTheLimit()
    {
        DatasetBuilder b;
        b.contract(dispensa(30000.00, toDay(2024, 2, 1)));
        b.contract(dispensa(kLimit2024 - 30000.00 + 0.01, toDay(2024, 8, 1)));
        const auto found = runOne(b.data, QStringLiteral("splitting"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 1}));
        QCOMPARE(found[0].threshold, kLimit2024);
        QVERIFY(found[0].basis.contains(u"art. 75, II"));
        QVERIFY2(found[0].explanationPt.contains(u"R$ 59.906,03"), qPrintable(found[0].explanationPt));
        QVERIFY(found[0].explanationEn.contains(u"R$59,906.02"));
    }
    void seriesExactlyAtTheLimit()
    {
        DatasetBuilder b;
        b.contract(dispensa(30000.00, toDay(2024, 2, 1)));
        b.contract(dispensa(kLimit2024 - 30000.00, toDay(2024, 8, 1)));
        QVERIFY(runOne(b.data, QStringLiteral("splitting")).empty());
    }
    void competitivePurchasesAreNotDispensas()
    {
        DatasetBuilder b;
        ContractSpec s = dispensa(40000.0, toDay(2024, 2, 1));
        s.modality = QStringLiteral("Pregão");
        s.legalBasis = QStringLiteral("Lei 14.133/2021, art. 28, I");
        b.contract(s);
        b.contract(s);
        QVERIFY(runOne(b.data, QStringLiteral("splitting")).empty());
    }
    void worksUseInciso1()
    {
        // Works: limit 119.812,02 in 2024, so 2 × 50.000 is no splitting; as goods it would be.
        DatasetBuilder b;
        ContractSpec s = dispensa(50000.0, toDay(2024, 2, 1));
        s.legalBasis = QStringLiteral("Dispensa - Lei 14.133/2021");
        s.modality = QStringLiteral("Dispensa de Licitação");
        s.object = QStringLiteral("Reforma de edificação pública");
        b.contract(s);
        b.contract(s);
        QVERIFY(runOne(b.data, QStringLiteral("splitting")).empty());
        s.object = QStringLiteral("Aquisição de material de expediente");
        b.contract(s);
        b.contract(s);
        QCOMPARE(flaggedRows(runOne(b.data, QStringLiteral("splitting"))), (std::vector<std::uint32_t>{2, 3}));
    }
    void windowAcrossNewYear()
    {
        DatasetBuilder b;
        b.contract(dispensa(40000.0, toDay(2023, 12, 20)));
        b.contract(dispensa(40000.0, toDay(2024, 1, 10)));   // 21 days later, another fiscal year
        const auto found = runOne(b.data, QStringLiteral("splitting"));
        QCOMPARE(flaggedRows(found), (std::vector<std::uint32_t>{0, 1}));
        DatasetBuilder far;
        far.contract(dispensa(40000.0, toDay(2023, 12, 1)));
        far.contract(dispensa(40000.0, toDay(2024, 1, 10)));   // 40 days: outside the window
        QVERIFY(runOne(far.data, QStringLiteral("splitting")).empty());
    }
    void nearThresholdCountAndFraction()
    {
        DatasetBuilder b;
        for (int i = 0; i < 3; ++i) {
            ContractSpec s = dispensa(0.90 * kLimit2024, toDay(2024, 3 + i, 1));
            s.supplier = makeCnpj(500 + i);   // different suppliers and classes: no splitting series
            b.contract(s);
        }
        const auto found = runOne(b.data, QStringLiteral("near_threshold"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows, (std::vector<std::uint32_t>{0, 1, 2}));
        DatasetBuilder two;
        for (int i = 0; i < 3; ++i)
            two.contract(dispensa(i == 2 ? 0.8999 * kLimit2024 : 0.95 * kLimit2024, toDay(2024, 3 + i, 1)));
        QVERIFY(runOne(two.data, QStringLiteral("near_threshold")).empty());
    }
    void legalTableYearBoundary()
    {
        // 52.000: 90.9 % of the 2023 limit (57.208,33) but 86.8 % of the 2024 one (59.906,02).
        DatasetBuilder y2023, y2024;
        for (int i = 0; i < 3; ++i) {
            y2023.contract(dispensa(52000.0, toDay(2023, 12, 31)));
            y2024.contract(dispensa(52000.0, toDay(2024, 1, 1)));
        }
        DetectorOptions o;
        o.splittingByObjectClass = false;
        QCOMPARE(runOne(y2023.data, QStringLiteral("near_threshold"), o).size(), std::size_t(1));
        QVERIFY(runOne(y2024.data, QStringLiteral("near_threshold"), o).empty());
    }
};

QTEST_APPLESS_MAIN(TestDispensa)
#include "tst_engine_dispensa.moc"
