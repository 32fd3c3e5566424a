// SPDX-License-Identifier: GPL-3.0-or-later
// The date-indexed legal table of DATA.md at its boundaries, and the reading of dispensa texts.
#include "engine/legalthresholds.h"

#include <QTest>

using namespace cidadao::engine;

class TestLegalThresholds : public QObject
{
    Q_OBJECT
private slots:
    void lei14133Boundaries()
    {
        const auto goods = DispensaItem::GoodsAndServices;
        QCOMPARE(dispensaLimit(toDay(2023, 12, 31), ProcurementLaw::Lei14133, goods)->value, 57208.33);
        QCOMPARE(dispensaLimit(toDay(2024, 1, 1), ProcurementLaw::Lei14133, goods)->value, 59906.02);
        QCOMPARE(dispensaLimit(toDay(2024, 1, 1), ProcurementLaw::Lei14133, DispensaItem::Works)->value, 119812.02);
        QCOMPARE(dispensaLimit(toDay(2024, 1, 1), ProcurementLaw::Lei14133, goods)->source, QStringLiteral("Decreto 11.871/2023"));
        QCOMPARE(dispensaLimit(toDay(2021, 4, 1), ProcurementLaw::Lei14133, goods)->value, 50000.00);
        QCOMPARE(dispensaLimit(toDay(2022, 1, 1), ProcurementLaw::Lei14133, DispensaItem::Works)->value, 108040.82);
        QCOMPARE(dispensaLimit(toDay(2025, 1, 1), ProcurementLaw::Lei14133, goods)->value, 62725.59);
        QCOMPARE(dispensaLimit(toDay(2026, 1, 1), ProcurementLaw::Lei14133, DispensaItem::Works)->value, 130984.20);
        QVERIFY(!dispensaLimit(toDay(2021, 3, 31), ProcurementLaw::Lei14133, goods));
    }
    void lei8666AndParallelPeriod()
    {
        const auto goods = DispensaItem::GoodsAndServices;
        QCOMPARE(dispensaLimit(toDay(2018, 7, 18), ProcurementLaw::Lei8666, goods)->value, 8000.00);
        QCOMPARE(dispensaLimit(toDay(2018, 7, 19), ProcurementLaw::Lei8666, goods)->value, 17600.00);
        QCOMPARE(dispensaLimit(toDay(2018, 7, 19), ProcurementLaw::Lei8666, DispensaItem::Works)->value, 33000.00);
        // No citation: 8.666 before 2021-04-01, 14.133 from then on (the higher limit in the parallel period).
        QCOMPARE(effectiveLaw(ProcurementLaw::Unknown, toDay(2021, 3, 31)), ProcurementLaw::Lei8666);
        QCOMPARE(effectiveLaw(ProcurementLaw::Unknown, toDay(2021, 4, 1)), ProcurementLaw::Lei14133);
        QCOMPARE(dispensaLimit(toDay(2022, 6, 1), ProcurementLaw::Unknown, goods)->value, 54020.41);
        // Cited 8.666 inside the parallel period keeps its own limit.
        QCOMPARE(dispensaLimit(toDay(2022, 6, 1), ProcurementLaw::Lei8666, goods)->value, 17600.00);
    }
    void amendmentCapsAndCeiling()
    {
        QCOMPARE(amendmentCap(false).value, 0.25);
        QCOMPARE(amendmentCap(true).value, 0.50);
        QCOMPARE(payCeiling(toDay(2023, 3, 31))->value, 39293.32);
        QCOMPARE(payCeiling(toDay(2023, 4, 1))->value, 41650.92);
        QCOMPARE(payCeiling(toDay(2024, 1, 31))->value, 41650.92);
        QCOMPARE(payCeiling(toDay(2024, 2, 1))->value, 44008.52);
        QCOMPARE(payCeiling(toDay(2025, 2, 1))->value, 46366.19);
    }
    void readsDispensaTexts()
    {
        auto r = readDispensa(u"Dispensa de Licitação", u"");
        QVERIFY(r.dispensaByValue);
        QCOMPARE(r.law, ProcurementLaw::Unknown);
        QVERIFY(!r.item);

        r = readDispensa(u"Pregão", u"Lei 14.133/2021, Art. 75, II");
        QVERIFY(r.dispensaByValue);
        QCOMPARE(r.law, ProcurementLaw::Lei14133);
        QCOMPARE(*r.item, DispensaItem::GoodsAndServices);

        r = readDispensa(u"Dispensa de Licitação", u"Art. 75, inciso I da Lei 14.133/2021");
        QCOMPARE(*r.item, DispensaItem::Works);

        r = readDispensa(u"Dispensa de Licitação", u"Art. 24, II da Lei nº 8.666/1993");
        QVERIFY(r.dispensaByValue);
        QCOMPARE(r.law, ProcurementLaw::Lei8666);
        QCOMPARE(*r.item, DispensaItem::GoodsAndServices);

        // Emergency (art. 75 VIII) is a dispensa but no value limit governs it.
        QVERIFY(!readDispensa(u"Dispensa de Licitação", u"Lei 14.133/2021, art. 75, VIII").dispensaByValue);
        QVERIFY(!readDispensa(u"Inexigibilidade", u"Lei 14.133/2021, art. 74, I").dispensaByValue);
        QVERIFY(!readDispensa(u"Pregão", u"Lei 10.520/2002").dispensaByValue);
        QVERIFY(!readDispensa(u"Pregão", u"Lei 14.133/2021, art. 28, I").dispensaByValue);
    }
    void civilDates()
    {
        QCOMPARE(toDay(1970, 1, 1), 0);
        QCOMPARE(toDay(2024, 3, 1) - toDay(2024, 2, 28), 2);   // leap year
        const CivilDate c = toCivil(toDay(2023, 12, 31));
        QCOMPARE(c.year, 2023);
        QCOMPARE(c.month, 12);
        QCOMPARE(c.day, 31);
    }
};

QTEST_APPLESS_MAIN(TestLegalThresholds)
#include "tst_engine_legalthresholds.moc"
