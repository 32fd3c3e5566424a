// SPDX-License-Identifier: GPL-3.0-or-later
// price_outlier at both sides of its thresholds: robust z 3.51 vs 3.49; peer group of 9 vs 10.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

namespace {
// Base logs: L0 + d·offsets, then one contract at L0 + z·d/0.6745, whose z is exactly z (the
// median stays L0 and the MAD stays d whatever the last value, see the comments in the test).
Dataset groupWith(const std::vector<double>& offsets, double z)
{
    DatasetBuilder b;
    const double l0 = std::log(10000.0), d = 0.2;
    for (double o : offsets) {
        ContractSpec s;
        s.initial = std::exp(l0 + o * d);
        b.contract(s);
    }
    ContractSpec s;
    s.initial = std::exp(l0 + z * d / 0.6745);
    b.contract(s);
    return b.data;
}
} // namespace

class TestPrice : public QObject
{
    Q_OBJECT
private slots:
    void zJustAboveAndBelow()
    {
        // 10 base offsets + the candidate (the largest): median = 0, |dev| median = 1 → MAD = d.
        const std::vector<double> offsets{-3, -2, -1, -1, 0, 0, 1, 1, 2, 3};
        const auto above = runOne(groupWith(offsets, 3.51), QStringLiteral("price_outlier"));
        QCOMPARE(above.size(), std::size_t(1));
        QCOMPARE(above[0].rows, std::vector<std::uint32_t>{10});
        QVERIFY(std::fabs(above[0].observed - 3.51) < 1e-6);
        QCOMPARE(above[0].type, QStringLiteral("price"));
        QCOMPARE(above[0].metadata["n"].get<int>(), 11);
        QVERIFY(above[0].explanationPt.contains(u"z robusto 3,5 > 3,5"));
        QVERIFY(runOne(groupWith(offsets, 3.49), QStringLiteral("price_outlier")).empty());
    }
    void peerGroupOfNineIsNotEvaluated()
    {
        // n = 10: offsets −2 −1 −1 0 0 0 1 1 2 + outlier; n = 9: one 0 fewer.
        const auto ten = runOne(groupWith({-2, -1, -1, 0, 0, 0, 1, 1, 2}, 12.0), QStringLiteral("price_outlier"));
        QCOMPARE(ten.size(), std::size_t(1));
        QCOMPARE(ten[0].severity, Severity::Critical);   // z > 8
        QVERIFY(runOne(groupWith({-2, -1, -1, 0, 0, 1, 1, 2}, 12.0), QStringLiteral("price_outlier")).empty());
    }
    void peersAreSameOrganModalityAndClass()
    {
        DatasetBuilder b;
        for (int i = 0; i < 12; ++i) {
            ContractSpec s;
            s.initial = 10000.0 * (1.0 + 0.01 * i);
            b.contract(s);
        }
        // Ten times the price, but in another órgão / modality / class: no peers there.
        ContractSpec other;
        other.initial = 100000.0;
        other.organ = QStringLiteral("36000");
        b.contract(other);
        other.organ = QStringLiteral("26000");
        other.modality = QStringLiteral("Concorrência");
        b.contract(other);
        other.modality = QStringLiteral("Pregão");
        other.object = QStringLiteral("Aquisição de medicamentos");
        b.contract(other);
        QVERIFY(runOne(b.data, QStringLiteral("price_outlier")).empty());
        other.object = QStringLiteral("Aquisição de material de expediente");
        const auto row = b.contract(other);
        const auto found = runOne(b.data, QStringLiteral("price_outlier"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{row});
    }
    void lowPricesAreNotOverpricing()
    {
        const auto low = runOne(groupWith({-3, -2, -1, -1, 0, 0, 1, 1, 2, 3}, -20.0), QStringLiteral("price_outlier"));
        QVERIFY(low.empty());
    }
};

QTEST_APPLESS_MAIN(TestPrice)
#include "tst_engine_price.moc"
