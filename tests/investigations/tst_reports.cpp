// SPDX-License-Identifier: GPL-3.0-or-later
// Tiradentes reports from a hand-built investigation: every section in pt-BR and en, each finding
// with its evidence table, the caveat, escaping of hostile text, CSV quoting, and a real PDF.
#include "reports/report.h"

#include <QGuiApplication>
#include <QTest>

using namespace cidadao;
using protocol::Json;

namespace {

protocol::InvestigationResponse sample()
{
    protocol::InvestigationResponse inv;
    inv.investigationId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    inv.status = QStringLiteral("completed");
    inv.query = QStringLiteral("Contratos de <script>alert(1)</script> saúde");
    inv.dataSource = QStringLiteral("contracts");
    inv.startedAt = QDateTime(QDate(2025, 1, 19), QTime(12, 0), Qt::UTC);
    inv.completedAt = inv.startedAt.addSecs(3);
    inv.totalRecordsAnalyzed = 1234;
    inv.processingTime = 3.0;
    inv.confidenceScore = 0.85;
    protocol::AnomalyResult a;
    a.anomalyId = QStringLiteral("aaaa-0001");
    a.type = QStringLiteral("price");
    a.severity = QStringLiteral("high");
    a.confidence = 0.9;
    a.description = QStringLiteral("Valor 5 vezes a mediana dos pares.");
    a.explanation = QStringLiteral("O contrato custou R$ 500.000,00, contra mediana de R$ 100.000,00.");
    a.affectedRecords = Json::array({Json{{"key", "170001/12/2024"}, {"supplier_name", "ACME | LTDA"},
                                          {"organ_name", "Ministério da Saúde"}, {"signed_date", "2024-03-01"},
                                          {"final_value", 500000.0}}});
    a.suggestedActions = {QStringLiteral("Verificar a pesquisa de preços")};
    a.metadata = Json{{"detector", "price_outlier"}, {"record_count", 3}, {"basis", "robust z"},
                      {"description_en", "Value 5 times the peers' median."},
                      {"explanation_en", "The contract cost R$500,000.00 against a median of R$100,000.00."}};
    inv.results.append(a);
    protocol::AnomalyResult b = a;
    b.anomalyId = QStringLiteral("aaaa-0002");
    b.type = QStringLiteral("vendor");
    b.severity = QStringLiteral("critical");
    b.description = QStringLiteral("Fornecedor com 90% do valor, \"sozinho\", da unidade");
    inv.results.append(b);
    inv.anomaliesFound = inv.results.size();
    return inv;
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesParse();
    void markdownPortuguese();
    void markdownEnglish();
    void htmlEscapesAndHasTables();
    void csvOneRowPerFindingQuoted();
    void pdfIsRealPdf();
    void emptyInvestigation();
};

void TestReports::namesParse()
{
    QCOMPARE(reports::formatFromName(QStringLiteral("PDF")), reports::Format::Pdf);
    QCOMPARE(reports::formatFromName(QStringLiteral("markdown")), reports::Format::Markdown);
    QVERIFY(!reports::formatFromName(QStringLiteral("docx")));
    QCOMPARE(reports::languageFromName(QString()), reports::Language::PtBr);
    QCOMPARE(reports::languageFromName(QStringLiteral("pt_BR")), reports::Language::PtBr);
    QCOMPARE(reports::languageFromName(QStringLiteral("en-US")), reports::Language::En);
    QVERIFY(!reports::languageFromName(QStringLiteral("fr")));
}

void TestReports::markdownPortuguese()
{
    const QString md = reports::markdownReport(sample(), reports::Language::PtBr);
    QVERIFY(md.startsWith(QStringLiteral("# Relatório de investigação — Tiradentes")));
    for (const char* section : {"## Resumo", "## Método", "## Achados", "### 1. Preço fora do padrão — alta",
                                "### 2. Fornecedor — crítica", "não uma prova de irregularidade"})
        QVERIFY2(md.contains(QString::fromUtf8(section)), section);
    // The evidence table, with the pipe in a supplier name escaped and money in pt-BR format.
    QVERIFY(md.contains(QStringLiteral("| Registro | Contratado | Órgão | Assinatura | Valor final |")));
    QVERIFY(md.contains(QStringLiteral("ACME \\| LTDA")));
    QVERIFY(md.contains(QStringLiteral("R$ 500.000,00")));
    QVERIFY(md.contains(QStringLiteral("1 de 3 registros mostrados.")));
    QVERIFY(md.contains(QStringLiteral("Verificar a pesquisa de preços")));
    QVERIFY(md.contains(QStringLiteral("aaaa-0002")));
}

void TestReports::markdownEnglish()
{
    const QString md = reports::markdownReport(sample(), reports::Language::En);
    for (const char* section : {"## Summary", "## Method", "## Findings", "### 1. Price outlier — high",
                                "An anomaly is a lead, not proof of wrongdoing", "Value 5 times the peers' median.",
                                "| Record | Supplier |", "R$ 500,000.00"})
        QVERIFY2(md.contains(QString::fromUtf8(section)), section);
    QVERIFY(!md.contains(QStringLiteral("## Resumo")));
}

void TestReports::htmlEscapesAndHasTables()
{
    const QString html = reports::htmlReport(sample(), reports::Language::PtBr);
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    QCOMPARE(html.count(QStringLiteral("<table border=\"1\"")), 2);
    QVERIFY(html.contains(QStringLiteral("<th>Registro</th>")));
    QVERIFY(html.contains(QStringLiteral("lang=\"pt-BR\"")));
}

void TestReports::csvOneRowPerFindingQuoted()
{
    const QByteArray csv = reports::csvReport(sample());
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = csv.mid(3).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[1].contains("aaaa-0001,price,high,0.9000,price_outlier"));
    QVERIFY(lines[2].contains("\"Fornecedor com 90% do valor, \"\"sozinho\"\", da unidade\""));
}

void TestReports::pdfIsRealPdf()
{
    const reports::RenderedReport pdf = reports::render(sample(), reports::Format::Pdf, reports::Language::PtBr);
    QCOMPARE(pdf.contentType, QByteArray("application/pdf"));
    QVERIFY(pdf.bytes.startsWith("%PDF-"));
    QVERIFY(pdf.bytes.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.bytes.contains("/Type /Page"));
    QVERIFY(pdf.fileName.endsWith(QStringLiteral(".pdf")));
    const reports::RenderedReport en = reports::render(sample(), reports::Format::Pdf, reports::Language::En);
    QVERIFY(en.bytes.startsWith("%PDF-"));
    QVERIFY(en.fileName.startsWith(QStringLiteral("investigation-")));
}

void TestReports::emptyInvestigation()
{
    protocol::InvestigationResponse inv = sample();
    inv.results.clear();
    inv.anomaliesFound = 0;
    const QString md = reports::markdownReport(inv, reports::Language::PtBr);
    QVERIFY(md.contains(QStringLiteral("Nenhuma anomalia foi encontrada")));
    QVERIFY(md.contains(QStringLiteral("Nenhum achado.")));
    QCOMPARE(reports::csvReport(inv).mid(3).trimmed().split('\n').size(), 1);
}

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
