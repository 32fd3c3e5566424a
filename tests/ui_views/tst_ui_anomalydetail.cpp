// SPDX-License-Identifier: GPL-3.0-or-later
// The anomaly detail pane with the real translations built into cidadao_ui: an anomaly shown in
// English and then switched to pt-BR and fr is reworded at once (heading, "Next steps", "Affected
// records"), one shown while in pt-BR is Portuguese from the start, and the empty pane too.
// Screenshots in the three languages.
#include "viewtestsupport.h"

#include "ui/investigations/anomalydetail.h"

#include <QTableView>
#include <QTest>

using namespace cidadao;

namespace {

protocol::AnomalyResult priceAnomaly()
{
    protocol::AnomalyResult a;
    a.anomalyId = QStringLiteral("a1");
    a.type = QStringLiteral("price");
    a.severity = QStringLiteral("critical");
    a.confidence = 0.86;
    a.description = QStringLiteral("R$ 425.430,61 é 8,3× a mediana (R$ 51.399,11) de 20 contratos comparáveis");
    a.explanation = QStringLiteral("Mesmo órgão, modalidade e classe; z robusto 8,3 > 3,5.");
    a.suggestedActions = {QStringLiteral("Pedir a pesquisa de preços do processo")};
    a.affectedRecords = protocol::Json::array({protocol::Json{{"id", 116}, {"final_value", 425430.61}}});
    a.metadata = protocol::Json{{"detector", "price_outlier"}};
    return a;
}

} // namespace

class TestUiAnomalyDetail : public QObject
{
    Q_OBJECT

private:
    testing::UiLanguage m_language;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_language.use(QStringLiteral("en"))); }
    void cleanupTestCase() { QVERIFY(m_language.use(QStringLiteral("en"))); }

    void followsTheLanguage()
    {
        ui::AnomalyDetail detail;
        detail.resize(560, 460);
        detail.show();
        detail.showAnomaly(priceAnomaly());
        QCOMPARE(detail.headingText(), QStringLiteral("Price · Critical · confidence 86%"));
        QVERIFY(detail.explanationText().contains(QStringLiteral("Next steps")));
        QCOMPARE(detail.recordsLabelText(), QStringLiteral("Affected records: 1"));
        QCOMPARE(detail.recordsTable()->model()->rowCount(), 1);
        // The records' fields titled and ordered as on the Data page, the API's name as the tooltip.
        QAbstractItemModel* records = detail.recordsTable()->model();
        QCOMPARE(records->headerData(0, Qt::Horizontal).toString(), QStringLiteral("ID"));
        QCOMPARE(records->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Final value (R$)"));
        QCOMPARE(records->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("final_value"));
        QVERIFY(testing::saveScreenshot(&detail, QStringLiteral("anomaly_detail_en")));

        // The real pt_BR translation (the .qm built from translations/cidadao_pt_BR.ts).
        QVERIFY(m_language.use(QStringLiteral("pt_BR")));
        QCOMPARE(detail.headingText(), QStringLiteral("Preço · Crítica · confiança 86%"));
        QVERIFY2(detail.explanationText().contains(QStringLiteral("Próximos passos")), qPrintable(detail.explanationText()));
        QVERIFY(!detail.explanationText().contains(QStringLiteral("Next steps")));
        QCOMPARE(detail.recordsLabelText(), QStringLiteral("Registros afetados: 1"));
        // Numbers of the records follow the locale too.
        QCOMPARE(detail.recordsTable()->model()->index(0, 1).data().toString(), QStringLiteral("425.430,61"));
        QCOMPARE(detail.recordsTable()->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Valor final (R$)"));
        QCOMPARE(detail.recordsTable()->model()->rowCount(), 1);
        QVERIFY(testing::saveScreenshot(&detail, QStringLiteral("anomaly_detail_pt_BR")));

        QVERIFY(m_language.use(QStringLiteral("fr")));
        QVERIFY2(detail.headingText().startsWith(QStringLiteral("Prix · Critique · confiance 86")),
                 qPrintable(detail.headingText()));
        QVERIFY(detail.explanationText().contains(QStringLiteral("Prochaines étapes")));
        QVERIFY(detail.recordsLabelText().startsWith(QStringLiteral("Enregistrements concernés")));
        QVERIFY(testing::saveScreenshot(&detail, QStringLiteral("anomaly_detail_fr")));
    }

    void firstSentenceShownOnce()
    {
        // The server's description is the explanation's first sentence.
        protocol::AnomalyResult a = priceAnomaly();
        a.explanation = a.description + QStringLiteral(" Mesmo órgão, modalidade e classe.");
        ui::AnomalyDetail detail;
        detail.showAnomaly(a);
        QCOMPARE(detail.explanationText().count(a.description), 1);
        QVERIFY(detail.explanationText().contains(QStringLiteral("Mesmo órgão, modalidade e classe.")));
        a.explanation = a.description;
        detail.showAnomaly(a);
        QCOMPARE(detail.explanationText().count(a.description), 1);
    }

    void shownInPortugueseFromTheStart()
    {
        QVERIFY(m_language.use(QStringLiteral("pt_BR")));
        ui::AnomalyDetail detail;
        QCOMPARE(detail.headingText(), QStringLiteral("Selecione uma anomalia para ver por que ela foi apontada."));
        detail.showAnomaly(priceAnomaly());
        QCOMPARE(detail.headingText(), QStringLiteral("Preço · Crítica · confiança 86%"));
        detail.clear();
        QVERIFY(m_language.use(QStringLiteral("en")));
        QCOMPARE(detail.headingText(), QStringLiteral("Select an anomaly to see why it was flagged."));
        QCOMPARE(detail.recordsLabelText(), QString());
    }
};

QTEST_MAIN(TestUiAnomalyDetail)
#include "tst_ui_anomalydetail.moc"
