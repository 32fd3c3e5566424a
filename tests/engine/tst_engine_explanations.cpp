// SPDX-License-Identifier: GPL-3.0-or-later
// Explanations carry the numbers, formatted the pt-BR and the en way.
#include "engine/explanations.h"

#include <QTest>

using namespace cidadao::engine;

class TestExplanations : public QObject
{
    Q_OBJECT
private slots:
    void money()
    {
        QCOMPARE(formatMoney(412000.0, Language::Pt), QStringLiteral("R$ 412.000,00"));
        QCOMPARE(formatMoney(412000.0, Language::En), QStringLiteral("R$412,000.00"));
        QCOMPARE(formatMoney(65300.5, Language::Pt), QStringLiteral("R$ 65.300,50"));
        QCOMPARE(formatMoney(1234567.891, Language::En), QStringLiteral("R$1,234,567.89"));
        QCOMPARE(formatMoney(0.004, Language::Pt), QStringLiteral("R$ 0,00"));
        QCOMPARE(formatMoney(-10.0, Language::Pt), QStringLiteral("-R$ 10,00"));
        QCOMPARE(formatMoney(999.999, Language::Pt), QStringLiteral("R$ 1.000,00"));
    }
    void numbers()
    {
        QCOMPARE(formatNumber(6.3, 1, Language::Pt), QStringLiteral("6,3"));
        QCOMPARE(formatNumber(6.3, 1, Language::En), QStringLiteral("6.3"));
        QCOMPARE(formatNumber(12345.678, 2, Language::Pt), QStringLiteral("12.345,68"));
        QCOMPARE(formatPercent(0.2501, 2, Language::Pt), QStringLiteral("25,01%"));
        QCOMPARE(formatPercent(0.2501, 2, Language::En), QStringLiteral("25.01%"));
        QCOMPARE(formatNumber(0.0, 0, Language::Pt), QStringLiteral("0"));
        QCOMPARE(formatNumber(-0.04, 1, Language::Pt), QStringLiteral("0,0"));   // rounds to zero: no sign
        QCOMPARE(formatNumber(-1234.5, 0, Language::Pt), QStringLiteral("-1.235"));
        QCOMPARE(formatNumber(123456.0, 0, Language::En), QStringLiteral("123,456"));
        QCOMPARE(formatNumber(0.05, 3, Language::En), QStringLiteral("0.050"));
        QCOMPARE(formatDate(toDay(2023, 12, 31), Language::Pt), QStringLiteral("31/12/2023"));
        QCOMPARE(formatDate(toDay(2023, 12, 31), Language::En), QStringLiteral("2023-12-31"));
    }
    void priceSentenceCarriesTheNumbers()
    {
        const Explanation e = explainPriceOutlier(412000.0, 65300.0, 48, QStringLiteral("mesmo órgão e modalidade"),
                                                  QStringLiteral("same agency and modality"), 7.9, 3.5);
        QVERIFY2(e.pt.contains(u"R$ 412.000,00"), qPrintable(e.pt));
        QVERIFY(e.pt.contains(u"R$ 65.300,00"));
        QVERIFY(e.pt.contains(u"6,3×"));
        QVERIFY(e.pt.contains(u"48 contratos"));
        QVERIFY(e.pt.contains(u"z robusto 7,9 > 3,5"));
        QVERIFY2(e.en.contains(u"R$412,000.00"), qPrintable(e.en));
        QVERIFY(e.en.contains(u"R$65,300.00"));
        QVERIFY(e.en.contains(u"6.3×"));
        QVERIFY(e.en.contains(u"robust z 7.9 > 3.5"));
    }
    void otherSentences()
    {
        const Explanation a = explainAmendment(100000.0, 125010.0, 0.2501, 0.25);
        QVERIFY(a.pt.contains(u"25,01%") && a.pt.contains(u"R$ 125.010,00") && a.pt.contains(u"25%"));
        QVERIFY(a.en.contains(u"25.01%") && a.en.contains(u"R$125,010.00"));
        const Explanation s = explainSplitting(2, 59906.03, 59906.02, QStringLiteral("UG 150001"), QStringLiteral("fornecedor X"),
                                               QStringLiteral("supplier X"), QStringLiteral("2024"), QStringLiteral("Lei 14.133/2021, art. 75, II"));
        QVERIFY(s.pt.contains(u"R$ 59.906,03") && s.pt.contains(u"R$ 59.906,02"));
        QVERIFY(s.en.contains(u"R$59,906.03") && s.en.contains(u"R$59,906.02"));
    }
};

QTEST_APPLESS_MAIN(TestExplanations)
#include "tst_engine_explanations.moc"
