// SPDX-License-Identifier: GPL-3.0-or-later
// The rule detectors on records: invalid_document, sanctioned_supplier, single_bidder, pay_over_ceiling.
#include "datasetbuilder.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

class TestRules : public QObject
{
    Q_OBJECT
private slots:
    void invalidDocuments()
    {
        DatasetBuilder b;
        const QString docs[] = {QStringLiteral("03560714000142"), QStringLiteral("22472225000183"), QStringLiteral("12ABC34501DE35"),
                                QStringLiteral("57725723501"), QStringLiteral("***.017.623-**"), QStringLiteral("00111222000133"),
                                QStringLiteral("22472225000180"), QStringLiteral("11111111111"), QStringLiteral("22.472.225/0001-80")};
        for (const QString& d : docs) {
            ContractSpec s;
            s.supplier = d;
            b.contract(s);
        }
        const auto found = runOne(b.data, QStringLiteral("invalid_document"));
        QCOMPARE(flaggedRows(found), (std::vector<std::uint32_t>{5, 6, 7, 8}));
        QCOMPARE(found.size(), std::size_t(4));   // one per distinct id as written
        for (const auto& f : found)
            QCOMPARE(f.type, QStringLiteral("vendor"));
    }
    void sanctionCoveringTheSigningDate()
    {
        DatasetBuilder b;
        const QString doc = makeCnpj(4242);
        ContractSpec s;
        s.supplier = doc;
        s.signedOn = toDay(2024, 5, 10);
        b.contract(s);                                                    // 0: covered (sanction ends that day)
        s.signedOn = toDay(2024, 5, 11);
        b.contract(s);                                                    // 1: the day after the end
        b.sanction(doc, toDay(2024, 1, 1), toDay(2024, 5, 10));
        const auto found = runOne(b.data, QStringLiteral("sanctioned_supplier"));
        QCOMPARE(flaggedRows(found), std::vector<std::uint32_t>{0});
        QVERIFY(found[0].explanationPt.contains(u"10/05/2024"));

        // A sanction that ended the day before signing does not cover it; an open-ended one does.
        DatasetBuilder c;
        ContractSpec t;
        t.supplier = doc;
        t.signedOn = toDay(2024, 5, 10);
        c.contract(t);
        c.sanction(QStringLiteral("%1.%2.%3/%4-%5").arg(doc.mid(0, 2), doc.mid(2, 3), doc.mid(5, 3), doc.mid(8, 4), doc.mid(12, 2)),
                   toDay(2024, 1, 1), toDay(2024, 5, 9));
        QVERIFY(runOne(c.data, QStringLiteral("sanctioned_supplier")).empty());
        c.sanction(doc, toDay(2024, 5, 10), kNoDate, QStringLiteral("CNEP"));
        const auto open = runOne(c.data, QStringLiteral("sanctioned_supplier"));
        QCOMPARE(flaggedRows(open), std::vector<std::uint32_t>{0});
        QVERIFY(open[0].explanationEn.contains(u"open-ended"));
    }
    void singleBidder()
    {
        DatasetBuilder b;
        const QString ug = QStringLiteral("150001");
        b.bidding(QStringLiteral("1/2024"), ug, QStringLiteral("Pregão"), toDay(2024, 2, 1), 1000.0);        // one bidder
        b.bidding(QStringLiteral("2/2024"), ug, QStringLiteral("Pregão"), toDay(2024, 2, 1), 1000.0);        // two
        b.bidding(QStringLiteral("3/2024"), ug, QStringLiteral("Dispensa de Licitação"), toDay(2024, 2, 1), 1000.0);
        b.bidding(QStringLiteral("4/2024"), ug, QStringLiteral("Concorrência"), toDay(2024, 2, 1), 1000.0);  // same bidder twice
        b.bidding(QStringLiteral("5/2024"), ug, QStringLiteral("Pregão"), toDay(2024, 2, 1), 1000.0);        // no participant rows
        b.participant(QStringLiteral("1/2024"), ug, makeCnpj(1), true);
        b.participant(QStringLiteral("2/2024"), ug, makeCnpj(1), true);
        b.participant(QStringLiteral("2/2024"), ug, makeCnpj(2), false);
        b.participant(QStringLiteral("3/2024"), ug, makeCnpj(1), true);
        b.participant(QStringLiteral("4/2024"), ug, makeCnpj(3), true);
        b.participant(QStringLiteral("4/2024"), ug, makeCnpj(3), false);
        b.participant(QStringLiteral("1/2024"), QStringLiteral("999999"), makeCnpj(2), false);   // another UG's bidding 1
        const auto found = runOne(b.data, QStringLiteral("single_bidder"));
        QCOMPARE(flaggedRows(found), (std::vector<std::uint32_t>{0, 3}));
        QCOMPARE(found[0].table, SourceTable::Biddings);
    }
    void payOverCeiling()
    {
        DatasetBuilder b;
        const QString role = QStringLiteral("PROCURADOR FEDERAL");
        b.pay(QStringLiteral("1"), role, 2024, 2, 44008.53, 0.0);       // 0: a cent above the Feb/2024 teto, no cut
        b.pay(QStringLiteral("2"), role, 2024, 2, 44008.52, 0.0);       // 1: exactly the teto
        b.pay(QStringLiteral("3"), role, 2024, 2, 50000.00, -5991.48);  // 2: above, but abate-teto applied
        b.pay(QStringLiteral("4"), role, 2024, 1, 44000.00, 0.0);       // 3: January 2024: teto 41.650,92
        b.pay(QStringLiteral("5"), role, 2024, 1, 41650.92, kNoValue);  // 4: exactly the January teto
        const auto found = runOne(b.data, QStringLiteral("pay_over_ceiling"));
        QCOMPARE(flaggedRows(found), (std::vector<std::uint32_t>{0, 3}));
        QCOMPARE(found[0].table, SourceTable::Servants);
        QVERIFY(found[0].explanationPt.contains(u"R$ 44.008,52"));
    }
};

QTEST_APPLESS_MAIN(TestRules)
#include "tst_engine_rules.moc"
