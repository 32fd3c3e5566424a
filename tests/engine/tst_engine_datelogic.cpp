// SPDX-License-Identifier: GPL-3.0-or-later
// date_logic: each rule at the day boundary.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

class TestDateLogic : public QObject
{
    Q_OBJECT
private slots:
    void signedBeforeBiddingResult()
    {
        DatasetBuilder b;
        b.bidding(QStringLiteral("00010/2024"), QStringLiteral("150001"), QStringLiteral("Pregão"), toDay(2024, 3, 15), 1000.0);
        ContractSpec s;
        s.biddingNumber = QStringLiteral("00010/2024");
        s.signedOn = toDay(2024, 3, 14);   // the day before the result
        b.contract(s);
        s.signedOn = toDay(2024, 3, 15);   // the same day: fine
        b.contract(s);
        const auto found = runOne(b.data, QStringLiteral("date_logic"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{0});
        QCOMPARE(found[0].metadata["rule"].get<std::string>(), std::string("signed_before_bidding_result"));
        QVERIFY(found[0].explanationPt.contains(u"14/03/2024"));
        QVERIFY(found[0].explanationEn.contains(u"2024-03-15"));
    }
    void validityEndBeforeStart()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.start = toDay(2024, 3, 1);
        s.end = toDay(2024, 2, 29);
        b.contract(s);
        s.end = toDay(2024, 3, 1);
        b.contract(s);
        b.agreement(1000.0, 500.0, toDay(2024, 5, 1), toDay(2024, 4, 30));
        b.agreement(1000.0, 500.0, toDay(2024, 5, 1), toDay(2024, 5, 1));
        const auto found = runOne(b.data, QStringLiteral("date_logic"));
        QCOMPARE(found.size(), std::size_t(2));
        for (const auto& f : found)
            QCOMPARE(f.rows, std::vector<std::uint32_t>{0});
    }
    void paymentAfterValidity()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.number = QStringLiteral("00001/2024");
        s.start = toDay(2024, 1, 1);
        s.end = toDay(2024, 12, 31);
        b.contract(s);
        ContractSpec t = s;
        t.number = QStringLiteral("00002/2024");
        b.contract(t);
        b.expense(QStringLiteral("A"), toDay(2025, 1, 1), s.supplier, s.unit, s.number, 10.0);   // day after the end
        b.expense(QStringLiteral("B"), toDay(2024, 12, 31), t.supplier, t.unit, t.number, 10.0); // last day: fine
        const auto found = runOne(b.data, QStringLiteral("date_logic"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{0});
        QCOMPARE(found[0].metadata["rule"].get<std::string>(), std::string("payment_after_validity"));
    }
    void releasedOverAgreed()
    {
        DatasetBuilder b;
        b.agreement(1000.0, 1000.0, toDay(2024, 1, 1), toDay(2025, 1, 1));
        b.agreement(1000.0, 1000.01, toDay(2024, 1, 1), toDay(2025, 1, 1));
        const auto found = runOne(b.data, QStringLiteral("date_logic"));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].table, SourceTable::Agreements);
        QCOMPARE(found[0].rows, std::vector<std::uint32_t>{1});
    }
    void signedInTheFutureUsesTheInjectedClock()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.signedOn = toDay(2026, 6, 2);   // runOne's clock says 2026-06-01
        b.contract(s);
        s.signedOn = toDay(2026, 6, 1);
        b.contract(s);
        QCOMPARE(flaggedRows(runOne(b.data, QStringLiteral("date_logic"))), std::vector<std::uint32_t>{0});
        DetectorOptions o;
        o.enabled = {QStringLiteral("date_logic")};
        RunControl noClock;
        QVERIFY(runDetectors(b.data, o, noClock).empty());
    }
};

QTEST_APPLESS_MAIN(TestDateLogic)
#include "tst_engine_datelogic.moc"
