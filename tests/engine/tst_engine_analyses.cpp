// SPDX-License-Identifier: GPL-3.0-or-later
// The agents' analyses: Anita (patterns), Dandara (equity), Machado (text).
#include "datasetbuilder.h"

#include "engine/anita.h"
#include "engine/dandara.h"
#include "engine/machado.h"

#include <QTest>

using namespace cidadao::engine;
using namespace cidadao::engine::test;

class TestAnalyses : public QObject
{
    Q_OBJECT
private slots:
    void anitaTrendDecemberBandsVendors()
    {
        DatasetBuilder b;
        // 2024: k contracts in month k (a rising trend), December 12 vs average 6.5 → ratio 1.85.
        for (int month = 1; month <= 12; ++month)
            for (int k = 0; k < month; ++k) {
                ContractSpec s;
                s.signedOn = toDay(2024, month, 1 + k);
                s.initial = 20000.0;                          // all in the 10–50 mil band
                s.organ = QStringLiteral("%1").arg(26000 + k % 4);
                s.supplier = makeCnpj(k % 2 == 0 ? 1 : 2 + month);
                b.contract(s);
            }
        const AnitaReport r = analysePatterns(b.data);
        QCOMPARE(r.contracts, 78);
        QVERIFY(r.trend.countTrend);
        QVERIFY(r.trend.countR > 0.99);
        QCOMPARE(r.december.size(), std::size_t(1));
        QCOMPARE(r.december[0].decemberContracts, 12);
        QVERIFY(r.december[0].flagged);
        QCOMPARE(r.dominantBand, 1);
        QCOMPARE(r.bands[1].share, 1.0);
        // Supplier 1 signs every even k: organs 26000 and 26002 only → not multi-organ (needs 3).
        QVERIFY(r.multiOrganVendors.empty());
        const auto j = toJson(r);
        QVERIFY(j["trend"]["count_trend"].get<bool>());
    }
    void anitaOrganOutlierAndVendor()
    {
        DatasetBuilder b;
        for (int o = 0; o < 8; ++o)
            for (int k = 0; k < 5; ++k) {
                ContractSpec s;
                s.organ = QString::number(30000 + o);
                s.initial = o == 7 ? 500000.0 : 10000.0 + 1000.0 * o;
                s.supplier = makeCnpj(k == 0 ? 7 : 100 + o * 10 + k);
                b.contract(s);
            }
        const AnitaReport r = analysePatterns(b.data);
        QCOMPARE(r.organOutliers.size(), std::size_t(1));
        QCOMPARE(r.organOutliers[0].organ, QStringLiteral("30007"));
        QVERIFY(r.organOutliers[0].z > 1.5);
        // Supplier 7 has one contract in each of 8 organs.
        QCOMPARE(r.multiOrganVendors.size(), std::size_t(1));
        QCOMPARE(r.multiOrganVendors[0].organs, 8);
        QCOMPARE(r.multiOrganVendors[0].contracts, 8);
    }
    void dandaraInequality()
    {
        DatasetBuilder b;
        b.agreement(100.0, 0.0, toDay(2024, 1, 1), toDay(2025, 1, 1));   // Salvador, BA (builder defaults)
        Dataset& d = b.data;
        auto addPlace = [&](const QString& uf, const QString& city, double v) {
            b.agreement(v, 0.0, toDay(2024, 1, 1), toDay(2025, 1, 1));
            d.agreements.uf.back() = b.code(uf);
            d.agreements.municipality.back() = b.code(city);
        };
        addPlace(QStringLiteral("SP"), QStringLiteral("Campinas"), 100.0);
        addPlace(QStringLiteral("SP"), QStringLiteral("São Paulo"), 100.0);
        addPlace(QStringLiteral("RJ"), QStringLiteral("Rio de Janeiro"), 100.0);
        const EquityReport equal = analyseEquity(d);
        QCOMPARE(equal.source, QStringLiteral("agreements"));
        QCOMPARE(equal.byMunicipality.units, 4);
        QCOMPARE(equal.byMunicipality.gini, 0.0);
        QCOMPARE(equal.byUf.units, 3);
        QVERIFY(equal.byUf.gini > 0.0);   // SP has twice the others
        QHash<QString, double> population{{QStringLiteral("Salvador"), 10.0}, {QStringLiteral("Campinas"), 10.0},
                                          {QStringLiteral("São Paulo"), 10.0}, {QStringLiteral("Rio de Janeiro"), 40.0}};
        const EquityReport perCapita = analyseEquity(d, &population);
        QVERIFY(perCapita.perCapitaMunicipality.has_value());
        QCOMPARE(perCapita.perCapitaMunicipality->units, 4);
        // Per capita 10, 10, 10, 2.5: Gini = 2·(1·2.5 + 2·10 + 3·10 + 4·10)/(4·32.5) − 5/4.
        QVERIFY(std::fabs(perCapita.perCapitaMunicipality->gini - (2.0 * 92.5 / 130.0 - 1.25)) < 1e-12);
        QVERIFY(toJson(perCapita).contains("per_capita_uf"));
    }
    void machadoEntitiesVagueReadability()
    {
        const TextAnalysis a = analyseText(
            u"Aquisição de materiais diversos para eventual uso, a critério da administração, da empresa "
            u"03.560.714/0001-42 e CPF 577.257.235-01, no valor de R$ 1.234.567,89, conforme Lei nº 14.133/2021, art. 75.");
        QStringList kinds;
        for (const auto& e : a.entities)
            kinds.append(e.kind);
        QVERIFY2(kinds.contains(u"cnpj") && kinds.contains(u"cpf") && kinds.contains(u"money") && kinds.contains(u"law")
                     && kinds.contains(u"article"), qPrintable(kinds.join(u',')));
        for (const auto& e : a.entities) {
            if (e.kind == u"money")
                QCOMPARE(e.amount, 1234567.89);
            if (e.kind == u"cnpj" || e.kind == u"cpf")
                QVERIFY(e.valid);
        }
        QVERIFY(a.vagueTerms.contains(u"diversos"));
        QVERIFY(a.vagueTerms.contains(u"eventual"));
        QVERIFY(a.vagueTerms.contains(u"a criterio"));
        QCOMPARE(a.sentences, 1);   // "art." is not a sentence end
        QCOMPARE(countSyllables(u"aquisição"), 4);   // a-qui-si-ção: "ui" and "ao" count once
        QCOMPARE(countSyllables(u"lei"), 1);
        // Short plain sentences read easier than one long one.
        const double easy = analyseText(u"O carro é novo. A casa é boa.").readability;
        QVERIFY(easy > a.readability);
        QVERIFY(easy > 75.0);
        const TextAnalysis invalid = analyseText(u"Empresa 00.111.222/0001-33 contratada");
        QCOMPARE(invalid.entities.size(), std::size_t(1));
        QVERIFY(!invalid.entities[0].valid);
        QVERIFY(analyseText(u"Serviços de limpeza predial").vagueTerms.isEmpty());
    }
    void machadoOverContracts()
    {
        DatasetBuilder b;
        ContractSpec s;
        s.object = QStringLiteral("Aquisição de itens diversos");
        b.contract(s);
        b.contract(s);
        s.object = QStringLiteral("Aquisição de medicamentos");
        b.contract(s);
        const MachadoReport r = analyseObjects(b.data);
        QCOMPARE(r.texts, 2);
        QCOMPARE(r.vagueContracts, 2);
        QCOMPARE(r.vagueRows, (std::vector<std::uint32_t>{0, 1}));
        QCOMPARE(r.vagueTermCounts.front().first, QStringLiteral("diversos"));
    }
};

QTEST_APPLESS_MAIN(TestAnalyses)
#include "tst_engine_analyses.moc"
