// SPDX-License-Identifier: GPL-3.0-or-later
// amendment_excess: 25.01 % vs 25 %; 50 % cap for renovation; payments above the final value.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

class TestAmendment : public QObject
{
    Q_OBJECT
private slots:
    void capBoundary()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.initial = 100000.0;
        s.final = 125000.0;   // exactly 25 %
        b.contract(s);
        s.final = 125010.0;   // 25.01 %
        b.contract(s);
        const auto found = runOne(b.data, QStringLiteral("amendment_excess"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{1});
        QVERIFY(std::fabs(found[0].observed - 0.2501) < 1e-9);
        QCOMPARE(found[0].threshold, 0.25);
        QVERIFY(found[0].explanationPt.contains(u"25,01%"));
        QVERIFY(found[0].explanationEn.contains(u"25.01%"));
    }
    void renovationCap()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.object = QStringLiteral("Reforma de edificação pública");
        s.initial = 200000.0;
        s.final = 300000.0;   // 50 %: allowed for renovation
        b.contract(s);
        s.final = 300020.0;   // 50.01 %
        b.contract(s);
        const auto found = runOne(b.data, QStringLiteral("amendment_excess"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{1});
        QCOMPARE(found[0].threshold, 0.50);
    }
    void paymentsAboveFinalValue()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.number = QStringLiteral("00012/2024");
        s.initial = 1000.0;
        b.contract(s);
        ContractSpec t;
        t.number = QStringLiteral("00013/2024");
        t.initial = 1000.0;
        b.contract(t);
        const QString payee = s.supplier;
        b.expense(QStringLiteral("P1"), toDay(2024, 4, 1), payee, s.unit, s.number, 600.0);
        b.expense(QStringLiteral("P2"), toDay(2024, 5, 1), payee, s.unit, s.number, 400.01);   // 1000.01 in total
        b.expense(QStringLiteral("P3"), toDay(2024, 4, 1), payee, t.unit, t.number, 1000.0);   // exactly the value
        const auto found = runOne(b.data, QStringLiteral("amendment_excess"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].rows, std::vector<std::uint32_t>{0});
        QCOMPARE(found[0].metadata["rule"].get<std::string>(), std::string("paid_over_final"));
        // The same number in another UG does not link.
        DatasetBuilder other = b;
        other.expense(QStringLiteral("P4"), toDay(2024, 4, 1), payee, QStringLiteral("999999"), t.number, 5000.0);
        QCOMPARE(runOne(other.data, QStringLiteral("amendment_excess")).size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestAmendment)
#include "tst_engine_amendment.moc"
